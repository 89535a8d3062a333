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
    lines = [json.dumps({"id": "a1", "text": GERMAN, "title": "T1", "outlet": "ZDF", "published": "2026-01-07"}),
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
            "wollen nach einem Waffenstillstand Truppen entsenden, sagte Präsident Macron vor Journalisten.</p>"
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
    (tmp_path / "metadata.csv").write_text("file,outlet,published,title\na.txt,Der Spiegel,2026-02-01,Ein Titel\n",
                                           encoding="utf-8")
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
