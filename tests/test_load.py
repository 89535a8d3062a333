"""Loader: formats, encodings and problems."""

from __future__ import annotations

import json

from ukrsec.load import decode_bytes, load_path

GERMAN = "Die Ukraine erhält Sicherheitsgarantien. Größere Truppen für Städte in Österreich? Ja."


def _ids(loaded):
    return [d.article_id for d in loaded.docs]


def test_encodings_are_decoded(tmp_path):
    variants = {
        "utf8.txt": GERMAN.encode("utf-8"),
        "utf8bom.txt": b"\xef\xbb\xbf" + GERMAN.encode("utf-8"),
        "utf16.txt": GERMAN.encode("utf-16"),  # with BOM
        "cp1252.txt": (GERMAN + " Preis: 5 €.").encode("cp1252"),
        "latin1.txt": GERMAN.encode("latin-1"),
    }
    for name, data in variants.items():
        (tmp_path / name).write_bytes(data)
    loaded = load_path(tmp_path)
    assert loaded.problems.empty, loaded.problems
    texts = {d.article_id: d.raw_text for d in loaded.docs}
    for stem in ("utf8", "utf8bom", "utf16", "latin1"):
        assert texts[stem] == GERMAN, stem
    assert texts["cp1252"] == GERMAN + " Preis: 5 €."


def test_binary_and_empty_files_become_problems(tmp_path):
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text("  \n\t\n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "ok.txt").write_text(GERMAN, encoding="utf-8")
    loaded = load_path(tmp_path)
    assert _ids(loaded) == ["ok"]
    probs = dict(zip(loaded.problems["source_path"].map(lambda p: p.rsplit("/", 1)[-1]),
                     loaded.problems["problem"], strict=True))
    assert set(probs) == {"bin.txt", "empty.txt", "blank.md", "image.png"}
    assert "binary" in probs["bin.txt"]
    assert probs["empty.txt"] == "empty file"
    assert "whitespace" in probs["blank.md"]
    assert "unknown file type '.png'" in probs["image.png"]


def test_decode_rejects_nul_bytes():
    import pytest

    from ukrsec.load import LoadError

    with pytest.raises(LoadError, match="binary"):
        decode_bytes(b"abc\x00def")


def test_jsonl_broken_line_is_a_problem_and_good_lines_load(tmp_path):
    first = {"id": "a1", "text": GERMAN, "title": "T1", "outlet": "ZDF", "published": "2026-01-07"}
    lines = [json.dumps(first),
             "{not json",
             json.dumps({"text": "Second article. It is short."}),
             json.dumps({"title": "no text"})]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines), encoding="utf-8")
    loaded = load_path(tmp_path)
    assert _ids(loaded) == ["a1", "batch-3"]
    assert loaded.docs[0].meta == {"title": "T1", "outlet": "ZDF", "published": "2026-01-07"}
    msgs = list(loaded.problems["problem"])
    assert any(m.startswith("line 2: not valid JSON") for m in msgs)
    assert any(m.startswith("line 4: no 'text'") for m in msgs)
    assert all("batch.jsonl" in p for p in loaded.problems["source_path"])


def test_json_list_and_html(tmp_path):
    (tmp_path / "list.json").write_text(json.dumps([{"id": "x", "text": GERMAN}]), encoding="utf-8")
    page = ("<html><head><title>Gipfel in Paris</title><script>alert('x')</script><style>p{}</style></head>"
            "<body><nav><a href='/'>Startseite</a></nav><article><h1>Gipfel in Paris</h1>"
            "<p>Die Koalition der Willigen traf sich am Dienstag in Paris. Frankreich und Großbritannien "
            "wollen nach einem Waffenstillstand Truppen entsenden, sagte Präsident Macron vor "
            "Journalisten.</p>"
            "<p>Deutschland prüft eine Beteiligung auf benachbartem Nato-Gebiet, hieß es in Berlin.</p>"
            "</article></body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    loaded = load_path(tmp_path)
    docs = {d.article_id: d for d in loaded.docs}
    assert set(docs) == {"x", "page"}
    assert "Waffenstillstand" in docs["page"].raw_text
    assert "alert" not in docs["page"].raw_text and "p{}" not in docs["page"].raw_text
    assert docs["page"].fmt == "html"


def test_metadata_csv_overrides(tmp_path):
    (tmp_path / "a.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "file,outlet,published,title\na.txt,Der Spiegel,2026-02-01,Ein Titel\n", encoding="utf-8")
    loaded = load_path(tmp_path)
    assert loaded.problems.empty
    assert loaded.docs[0].meta == {"outlet": "Der Spiegel", "published": "2026-02-01", "title": "Ein Titel"}


def test_size_limit_and_missing_path(tmp_path):
    (tmp_path / "big.txt").write_text(GERMAN * 10, encoding="utf-8")
    loaded = load_path(tmp_path, max_bytes=100)
    assert not loaded.docs
    assert "over the size limit of 100 bytes" in loaded.problems["problem"].iloc[0]
    missing = load_path(tmp_path / "nope")
    assert missing.problems["problem"].iloc[0] == "path does not exist"


def test_same_stem_gets_distinct_ids(tmp_path):
    (tmp_path / "a.txt").write_text(GERMAN, encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "a.txt").write_text(GERMAN, encoding="utf-8")
    ids = _ids(load_path(tmp_path))
    assert ids[0] == "a" and len(set(ids)) == 2


def test_unreadable_and_vanishing_files_are_problems(tmp_path, monkeypatch):
    import builtins

    from ukrsec.load import files as load_mod

    (tmp_path / "locked.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "ok.txt").write_text(GERMAN, encoding="utf-8")
    real_open = builtins.open

    def fake_open(file, *args, **kwargs):  # root ignores chmod 000, so simulate EACCES
        if str(file).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    real_iter = load_mod.iter_files

    def with_ghost(root):
        files, skipped = real_iter(root)
        return files + [root / "ghost.txt"], skipped  # listed, then deleted before it is read

    monkeypatch.setattr(load_mod, "iter_files", with_ghost)
    loaded = load_path(tmp_path)
    assert _ids(loaded) == ["ok"]
    probs = dict(zip(loaded.problems["source_path"].map(lambda p: p.rsplit("/", 1)[-1]),
                     loaded.problems["problem"], strict=True))
    assert probs["locked.txt"] == "cannot be read: Permission denied"
    assert "vanished" in probs["ghost.txt"]


def test_folder_links_followed_once_and_special_files_reported(tmp_path):
    import os

    data = tmp_path / "data"
    (data / "2026").mkdir(parents=True)
    (data / "2026" / "a.txt").write_text(GERMAN, encoding="utf-8")
    (data / ".git").mkdir()
    (data / ".git" / "config.txt").write_text("x", encoding="utf-8")  # hidden folder: silently skipped
    os.symlink(data / "2026", data / "latest")  # a second name for a folder: read through the link too
    os.symlink(data, data / "2026" / "back")  # a loop
    os.symlink(data / "nowhere.txt", data / "dangling.txt")
    loaded = load_path(data)
    paths = sorted(d.source_path.removeprefix(str(data) + "/") for d in loaded.docs)
    assert paths == ["2026/a.txt", "latest/a.txt"]
    msgs = dict(zip(loaded.problems["source_path"].map(lambda p: p.removeprefix(str(data) + "/")),
                    loaded.problems["problem"], strict=True))
    assert set(msgs) == {"2026/back", "latest/back", "dangling.txt"}
    assert "loop" in msgs["2026/back"] and "broken symbolic link" in msgs["dangling.txt"]


def test_json_fields_of_the_wrong_type(tmp_path):
    recs = [{"id": 7, "text": GERMAN, "title": 2026, "outlet": {"name": "x"}},
            {"id": ["a"], "text": GERMAN + " Zwei."},
            {"text": 42},
            {"text": "\u200b\u200f "}]
    (tmp_path / "r.json").write_text(json.dumps(recs), encoding="utf-8")
    (tmp_path / "huge.json").write_text("9" * 5000, encoding="utf-8")
    raw_seps = json.dumps({"text": "Eins\u2028zwei\u0085drei."}, ensure_ascii=False)
    (tmp_path / "seps.jsonl").write_text(raw_seps, encoding="utf-8")
    loaded = load_path(tmp_path)
    docs = {d.article_id: d for d in loaded.docs}
    assert set(docs) == {"7", "r-2", "seps-1"}
    assert docs["7"].meta == {"title": "2026"}
    assert docs["seps-1"].raw_text == "Eins\u2028zwei\u0085drei."
    msgs = list(loaded.problems["problem"])
    assert "record 1: field 'outlet' is a JSON object, not a string; ignored" in msgs
    assert "record 2: 'id' is a JSON array, not a string; used 'r-2'" in msgs
    assert "record 3: 'text' is a JSON number, not a string" in msgs
    assert any(m.startswith("record 4: no 'text' field with content") for m in msgs)
    assert any(m.startswith("not usable JSON") for m in msgs)


def test_utf16_without_bom_and_invisible_only(tmp_path):
    (tmp_path / "le.txt").write_bytes(GERMAN.encode("utf-16-le"))
    (tmp_path / "be.txt").write_bytes(GERMAN.encode("utf-16-be"))
    (tmp_path / "zw.txt").write_text("\u200b\u200d\ufeff\u200f", encoding="utf-8")
    loaded = load_path(tmp_path)
    assert {d.article_id: d.raw_text for d in loaded.docs} == {"be": GERMAN, "le": GERMAN}
    assert "whitespace and invisible" in loaded.problems["problem"].iloc[0]
