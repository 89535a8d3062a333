"""Robustness on hostile input (issue 8): every file accounted for, span invariants, determinism, CLI.

The hostile corpus is generated here (no binary junk in the repository). The property-based tests
run the whole pipeline (every stage) on arbitrary Unicode text and check the data model's invariants.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import ukrsec
from ukrsec import dedupe, pipeline
from ukrsec.load import RawDoc, load_path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
MAX_BYTES = 300_000

BODY = ("Die Koalition der Willigen traf sich am Dienstag in Paris. Frankreich und Großbritannien wollen "
        "nach einem Waffenstillstand Truppen in die Ukraine entsenden, sagte Präsident Emmanuel Macron. "
        "„Wir sind bereit“, sagte der britische Premierminister Keir Starmer. Deutschland prüft eine "
        "Beteiligung auf benachbartem Nato-Gebiet, hieß es in Berlin.\n")


# --- the data model's invariants -----------------------------------------------------------------


def check_invariants(tables: dict[str, pd.DataFrame]) -> None:
    """Assert every span and id invariant of ``shared/spec/data-model.md`` on parsed tables."""
    arts = tables["articles"]
    assert arts["article_id"].is_unique, "article ids not unique"
    texts = {a: ("" if pd.isna(t) else str(t)) for a, t in zip(arts["article_id"], arts["text"], strict=True)}
    ids = set(texts)
    sents = tables["sentences"]
    spans: dict[tuple[str, int], tuple[int, int]] = {}
    for aid, group in sents.groupby("article_id", sort=False):
        assert aid in ids
        sids = list(group["sentence_id"])
        assert sids == list(range(len(sids))), f"{aid}: sentence ids not contiguous from 0: {sids[:10]}"
        text = texts[aid]
        rows = zip(group["sentence_id"], group["start"], group["end"], group["text"], strict=True)
        for sid, s, e, st_ in rows:
            assert 0 <= s < e <= len(text), (aid, sid, s, e, len(text))
            assert text[s:e] == st_, (aid, sid, text[s:e], st_)
            spans[(aid, int(sid))] = (int(s), int(e))
    for name, key in (("mentions", None), ("events", "event_id"), ("commitments", "commitment_id"),
                      ("quotes", "quote_id")):
        df = tables[name]
        if key is not None and not df.empty:
            assert df[key].is_unique, f"{name}: {key} not unique"
        for row in df.itertuples(index=False):
            assert row.article_id in ids, (name, row.article_id)
            text = texts[row.article_id]
            if not pd.isna(row.sentence_id):
                where = (row.article_id, int(row.sentence_id))
                assert where in spans, (name, where)
            if pd.isna(row.start) and pd.isna(row.end):
                continue
            s, e = int(row.start), int(row.end)
            assert 0 <= s <= e <= len(text), (name, row.article_id, s, e, len(text))
            if name == "mentions":
                assert text[s:e] == row.surface, (row.article_id, text[s:e], row.surface)
                s0, e0 = spans[(row.article_id, int(row.sentence_id))]
                assert s0 <= s and e <= e0, ("mention outside its sentence", row.article_id, s, e, s0, e0)
            elif name == "quotes":
                assert isinstance(row.quote, str) and row.quote in text[s:e], (row.article_id, row.quote)
            elif name == "events" and not pd.isna(row.date_text):
                assert text[s:e] == row.date_text, (row.article_id, text[s:e], row.date_text)
    actors = tables["actors"]
    assert actors["actor_id"].is_unique
    known = set(actors["actor_id"])
    for aid in tables["mentions"]["actor_id"].dropna():
        assert aid in known, f"mention of unknown actor {aid}"
    for c in ("duplicate_of",):
        for d in arts[c].dropna():
            assert d in ids


def _parse(docs: list[RawDoc]) -> dict[str, pd.DataFrame]:
    """All stages on ``docs`` and the corpus-level join (duplicates marked), as ``pipeline.run`` does."""
    return pipeline.combine([pipeline.parse_docs(docs)], [d.article_id for d in docs])


# --- the hostile corpus ----------------------------------------------------------------------------


def write_hostile_corpus(d: Path) -> dict[str, str]:
    """Write every kind of hostile input to ``d``; returns {file name: what it should become}.

    ``article`` means at least one article comes from the file; any other value is a word the
    file's problem message must contain.
    """
    d.mkdir(parents=True, exist_ok=True)
    expect: dict[str, str] = {}

    def put(name: str | bytes, data: bytes | str, outcome: str) -> None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        path = os.path.join(os.fsencode(d), name if isinstance(name, bytes) else os.fsencode(name))
        with open(path, "wb") as fh:
            fh.write(raw)
        expect[os.fsdecode(name) if isinstance(name, bytes) else name] = outcome

    put("ok.txt", "Gipfel in Paris\n\n" + BODY, "article")
    put("empty.txt", b"", "empty")
    put("blank.md", " \n\t\r\n  \n", "whitespace")
    put("invisible.txt", "\u200b\u200d\u200f\ufeff\u2060 \n", "whitespace")
    put("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary")
    put("undecodable.txt", bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x80, 0x9F]) * 64, "decoded")
    put("image.png", b"\x89PNG\r\n", "unknown file type")
    put("README", "no extension at all", "unknown file type")
    put("big.txt", BODY * 1_000, "size limit")
    put("broken.jsonl", "\n".join([json.dumps({"id": "good-1", "text": BODY}), "{not json",
                                   json.dumps({"text": BODY.replace("Paris", "Rom")}),
                                   json.dumps({"text": ["a", "list"]}), "[" * 5_000]), "article")
    put("deep.json", "[" * 20_000 + "]" * 20_000, "nested too deeply")
    put("number.json", "1" * 5000, "JSON")
    put("surrogates.jsonl", json.dumps({"text": "Lone \ud800 surrogate. Und „offene Zitate."}), "article")
    put("sep.jsonl", json.dumps({"text": "Zeile eins\u2028Zeile zwei\x85drei. Ende."}, ensure_ascii=False),
        "article")
    put("page.html", "<html><head><title>Gipfel</title><script>alert('SCRIPTX')</script><style>.c{x:1}"
                     "</style></head><body><nav><a href='/'>NAVLINKX</a></nav><form>FORMX</form>"
                     f"<article><h1>Gipfel in Paris</h1><p>{BODY}</p><p>{BODY}</p></article>"
                     "<noscript>NOSCRIPTX</noscript><script>var x = 'SCRIPTX';", "article")
    put("only-script.html", "<html><head><script>document.write('x')</script><style>p{}</style></head>"
                            "<body><nav><a>Home</a></nav><script>alert(1)</script></body></html>",
        "no readable text")
    put("unclosed.htm", "<p>" + BODY + "<script>for(;;){} SCRIPTX", "article")
    put("longline.txt", ("Wort " * 20_000).strip(), "article")
    put("punct.txt", "!?.,;:\"'„“”«»‚‘’…–—()[]{}" * 400, "article")
    put("controls.txt", "Ein\x07Satz mit \x1b[31mSteuerzeichen\x1b[0m. \u202eRTL \u200fmarks\u200e, "
                        "ZWJ 👨\u200d👩\u200d👧. „Unbalanced quote. ' lone » mark\n", "article")
    put("cp1252.txt", ("Größere Truppen für Österreich? " + BODY).encode("cp1252"), "article")
    put("utf16-nobom.txt", ("Ohne BOM. " + BODY).encode("utf-16-le"), "article")
    put(b"bad-\xff-name.txt", BODY, "article")
    put("copy-of-ok.txt", "Gipfel in Paris\n\n" + BODY, "article")
    put(".hidden.txt", BODY, "hidden")
    os.symlink(d / "does-not-exist.txt", d / "dangling.txt")
    expect["dangling.txt"] = "broken symbolic link"
    (d / "sub").mkdir()
    os.symlink(d, d / "sub" / "loop")
    expect["sub/loop"] = "loop"
    if hasattr(os, "mkfifo"):
        os.mkfifo(d / "pipe.txt")
        expect["pipe.txt"] = "not a file"
    return expect


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    d = tmp_path_factory.mktemp("hostile") / "corpus"
    return d, write_hostile_corpus(d)


@pytest.fixture(scope="module")
def hostile_corpus(hostile: tuple[Path, dict[str, str]]) -> ukrsec.Corpus:
    return ukrsec.load_corpus(hostile[0], max_bytes=MAX_BYTES)


def _rel(path: str, root: Path) -> str:
    return path.split("#", 1)[0].removeprefix(str(root) + "/")


def test_hostile_corpus_every_file_accounted_for(hostile, hostile_corpus):
    root, expect = hostile
    c = hostile_corpus
    from_articles = {_rel(p, root) for p in c.articles["source_path"]}
    problems: dict[str, list[str]] = {}
    for p, m in zip(c.problems["source_path"], c.problems["problem"], strict=True):
        problems.setdefault(_rel(p, root), []).append(m)
    shown = {k.encode("utf-8", "surrogateescape").decode("utf-8", "replace"): v for k, v in expect.items()}
    assert from_articles | set(problems) == set(shown), (from_articles | set(problems)) ^ set(shown)
    for name, outcome in shown.items():
        if outcome == "article":
            assert name in from_articles, (name, problems.get(name))
        else:
            assert name not in from_articles, name
            assert any(outcome in m for m in problems[name]), (name, outcome, problems[name])
    # the broken .jsonl: good lines load, each broken line is a problem with its number
    jl = [m for m in problems["broken.jsonl"]]
    assert any(m.startswith("line 2: not valid JSON") for m in jl), jl
    assert any(m.startswith("line 4: 'text' is a JSON array") for m in jl), jl
    assert any(m.startswith("line 5:") and "nested too deeply" in m for m in jl), jl
    assert {"good-1", "broken-3"} <= set(c.articles["article_id"])
    assert "size limit of 300,000 bytes" in problems["big.txt"][0]


def test_hostile_html_keeps_no_script_style_or_navigation(hostile_corpus):
    arts = hostile_corpus.articles.set_index("article_id")
    for aid in ("page", "unclosed"):
        raw, text = arts.loc[aid, "raw_text"], arts.loc[aid, "text"]
        assert "Waffenstillstand" in text
        for junk in ("SCRIPTX", "NAVLINKX", "FORMX", "NOSCRIPTX", "alert(", ".c{x:1}", "for(;;)"):
            assert junk not in raw, (aid, junk)


def test_hostile_corpus_texts_and_invariants(hostile_corpus):
    c = hostile_corpus
    check_invariants(c.tables)
    arts = c.articles.set_index("article_id")
    assert "\ufffd" in arts.loc["surrogates-1", "text"]
    assert arts.loc["longline", "n_words"] == 20_000
    assert "Größere" in arts.loc["cp1252", "text"] and "Ohne BOM" in arts.loc["utf16-nobom", "text"]
    assert "Zeile zwei" in arts.loc["sep-1", "text"]
    assert arts.loc["copy-of-ok", "duplicate_of"] == "bad-\ufffd-name"  # first in file order
    assert arts.loc["ok", "duplicate_of"] == "bad-\ufffd-name"
    assert arts.loc["copy-of-ok", "similarity"] == 1.0


def test_hostile_corpus_saves_to_parquet_and_csv(hostile_corpus, tmp_path):
    for fmt in ("parquet", "csv"):
        hostile_corpus.save(tmp_path / fmt, format=fmt)
        assert (tmp_path / fmt / f"problems.{fmt}").exists()


def _strip_volatile(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {k: v.reset_index(drop=True) for k, v in tables.items()}


def test_parsing_twice_gives_identical_tables(hostile):
    a = ukrsec.load_corpus(hostile[0], max_bytes=MAX_BYTES).tables
    b = ukrsec.load_corpus(hostile[0], max_bytes=MAX_BYTES).tables
    assert set(a) == set(b)
    for name in a:
        pd.testing.assert_frame_equal(_strip_volatile(a)[name], _strip_volatile(b)[name], obj=name)


def test_seeds_parse_twice_identically():
    a = pipeline.run(SEEDS)
    b = pipeline.run(SEEDS)
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)
    assert a["articles"]["duplicate_of"].isna().all()  # the five seeds are distinct stories


# --- the command line ------------------------------------------------------------------------------


def _ukrsec(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ukrsec", *args], capture_output=True, text=True,
                          timeout=600, cwd=ROOT, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_cli_on_hostile_corpus_never_tracebacks(hostile, tmp_path):
    root, expect = hostile
    r = _ukrsec("parse", str(root), "--out", str(tmp_path / "t"), "--format", "csv",
                "--max-bytes", str(MAX_BYTES), "-q")
    assert r.returncode == 0, r.stderr[-3000:]
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout
    for name, outcome in expect.items():
        if outcome != "article":
            shown = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            assert f"problem: {root / shown}: " in r.stderr, (name, r.stderr[-3000:])
    assert (tmp_path / "t" / "articles.csv").exists()
    strict = _ukrsec("parse", str(root), "--out", str(tmp_path / "s"), "--max-bytes", str(MAX_BYTES),
                     "-q", "--strict")
    assert strict.returncode == 1 and "Traceback" not in strict.stderr
    usage = _ukrsec("parse", str(root / "no-such-folder"), "--out", str(tmp_path / "u"))
    assert usage.returncode == 2 and "Traceback" not in usage.stderr and "path not found" in usage.stderr
    clean = _ukrsec("parse", str(SEEDS), "--out", str(tmp_path / "seeds"), "-q", "--strict")
    assert clean.returncode == 0, clean.stderr[-3000:]


# --- near-duplicates -------------------------------------------------------------------------------


def _seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def test_near_duplicates_marked_not_dropped(tmp_path):
    seeds = _seed_texts()
    story = seeds[1]
    lines = story.split("\n")
    # another outlet: its own headline, one paragraph (of 13) left out, a word changed, a source line
    body = "\n".join(lines[:5] + lines[6:]).replace("sagte", "erklärte", 1)
    edited = "Anderer Titel der zweiten Zeitung\n" + body + "\nQuelle: AFP"
    files = {"a_first.txt": story, "b_other.txt": seeds[2], "c_agency_copy.txt": edited,
             "d_exact.txt": story, "e_third.txt": seeds[3]}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    c = ukrsec.load_corpus(tmp_path)
    arts = c.articles.set_index("article_id")
    assert len(arts) == 5  # marked, not merged or dropped
    assert arts.loc["c_agency_copy", "duplicate_of"] == "a_first"
    assert dedupe.THRESHOLD <= arts.loc["c_agency_copy", "similarity"] < 1.0
    assert arts.loc["d_exact", "duplicate_of"] == "a_first" and arts.loc["d_exact", "similarity"] == 1.0
    for aid in ("a_first", "b_other", "e_third"):
        assert pd.isna(arts.loc[aid, "duplicate_of"]) and pd.isna(arts.loc[aid, "similarity"])


def test_dedupe_points_to_originals_and_is_order_based():
    base = " ".join(f"wort{i}" for i in range(200))
    near = base.replace("wort50 ", "anders ")
    nearer = near.replace("wort120 ", "noch ")
    other = " ".join(f"x{i}" for i in range(200))
    dup, sim = dedupe.find_duplicates([other, base, near, nearer, "", "", "kurz", "kurz"])
    assert dup == [None, None, 1, 1, None, None, None, 6]
    assert sim[2] is not None and 0.9 < sim[2] < 1.0 and sim[7] == 1.0
    # reversed order: the first one seen is the original
    dup2, _ = dedupe.find_duplicates([nearer, near, base])
    assert dup2 == [None, 0, 0]
    # short texts are compared exactly only; distinct short texts are never near-duplicates
    assert dedupe.find_duplicates(["Ja, wir kommen.", "Ja, wir kommen!"]) == ([None, None], [None, None])
    assert dedupe.jaccard(dedupe.shingles(base), dedupe.shingles(near)) == pytest.approx(sim[2], abs=1e-4)


def test_dedupe_bin_bound_never_rejects_a_near_duplicate():
    import random

    rng = random.Random(11)
    vocab = [f"w{i}" for i in range(300)]
    for _ in range(200):
        a = " ".join(rng.choice(vocab) for _ in range(rng.randint(12, 400)))
        ws = a.split()
        b = " ".join(w if rng.random() > rng.choice([0.02, 0.1, 0.5]) else rng.choice(vocab) for w in ws)
        sa, sb = dedupe.shingles(a), dedupe.shingles(b)
        ca, cb = dedupe._counts(dedupe._crc(sa)), dedupe._counts(dedupe._crc(sb))
        assert int(np.minimum(ca, cb).sum()) >= len(sa & sb)  # an upper bound of the intersection
        kept = dedupe._possible([0], {0: ca}, {0: len(sa)}, cb, len(sb), dedupe.THRESHOLD)
        if dedupe.jaccard(sa, sb) >= dedupe.THRESHOLD:
            assert kept == [0]


def test_dedupe_reads_only_the_earliest_candidates_of_long_buckets():
    buckets = {(0, b"x"): list(range(0, 1000, 2)), (1, b"y"): list(range(1, 1000, 2))}
    got = dedupe._earliest(buckets, [(0, b"x"), (1, b"y"), (2, b"z")])
    assert got == list(range(dedupe.MAX_CANDIDATES))


def test_dedupe_with_signatures_from_the_batches_marks_the_same():
    base = " ".join(f"wort{i}" for i in range(200))
    texts = [base, " ".join(f"x{i}" for i in range(200)), base.replace("wort50 ", "anders "), "kurz", "",
             base.replace("wort9 ", "neu ").replace("wort99 ", "neu "), base]
    arts = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": texts})
    alone = dedupe.mark(arts.copy())
    first, second = dedupe.prepare_all(arts.iloc[:3]), dedupe.prepare_all(arts.iloc[3:])
    batched = dedupe.mark(arts.copy(), prepared={**first, **second})
    half = dedupe.mark(arts.copy(), prepared=second)  # the rest computed in mark
    for other in (batched, half):
        pd.testing.assert_frame_equal(alone, other)
    assert list(alone["duplicate_of"].fillna("-")) == ["-", "-", "a0", "-", "-", "a0", "a0"]


def test_dedupe_deterministic_across_processes():
    texts = _seed_texts() + [_seed_texts()[0].replace("Ukraine", "der Ukraine", 2)]
    code = ("import json,sys; from ukrsec import dedupe; t=json.load(sys.stdin); "
            "print(json.dumps([list(dedupe.minhash(dedupe.shingles(x))[:8].tolist()) for x in t]))")
    runs = [subprocess.run([sys.executable, "-c", code], input=json.dumps(texts), capture_output=True,
                           text=True, env={**os.environ, "PYTHONHASHSEED": seed}, check=True).stdout
            for seed in ("1", "2")]
    assert runs[0] == runs[1]
    dup, _ = dedupe.find_duplicates(texts)
    assert dup == [None] * 5 + [0]


# --- property-based: any Unicode text through every stage -------------------------------------------

FRAGMENTS = [
    "Emmanuel Macron sagte am Dienstag in Paris: „Wir sind bereit.“ ",
    "Frankreich und Großbritannien wollen 15.000 bis 30.000 Soldaten entsenden. ",
    "Der Kreml lehnte ab. Selenskyj begrüßte die Zusage am 6. Januar 2026. ",
    'British Prime Minister Keir Starmer said: "We will send troops." ',
    "z.B. u.a. Art. 5 der Nato, im 2. Weltkrieg, 1945. Laut ",
    "„", "“", "”", '"', "'", "«", "»", "‚", "‘", "’", "„Koalition der Willigen“", "(", ")",
    "\u200f", "\u200e", "\u202e", "\u202c", "\u200d", "\u200b", "\ufeff", "\u2060", "\u00ad",
    "\x00", "\x07", "\x1b[0m", "\x7f", "\x9c", "\r", "\r\n", "\n", "\n\n", "\t", "\u2028", "\u2029",
    "\x85", "\x0b", "\x0c", "...", "…", "!!!", "?!", ". . .", "-", "•", "Menü\n", "Stand: 03.02.2026\n",
    "Verwandte Artikel\n", "© 2026 Beispiel\n", "Foto: dpa\n", "00:42 | 03.02.2026\n", "👨\u200d👩\u200d👧",
    "\U0001d54f", "ﷺ", "العربية", "עברית", "İ", "ß", "ǅ", "\u0301", "e\u0301",
]
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=40).map("".join)
PROPS = settings(max_examples=60, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@PROPS
@given(texts=st.lists(TEXT, min_size=1, max_size=3))
@example(texts=["!?.,;:\"'„“”«»‚‘’…" * 50])
@example(texts=["„" * 200 + "“" * 3, "'" * 101, "\"" * 77])
@example(texts=["\u200f\u202e" + "Macron sagte: „Nein" + "\u200d" * 50])
@example(texts=["", " ", "\n\n\n"])
@example(texts=["Macron. " * 3, "Macron. " * 3])
def test_any_text_parses_with_invariants(texts):
    docs = [RawDoc(f"doc{i}", f"doc{i}.txt", t) for i, t in enumerate(texts)]
    tables = _parse(docs)
    assert list(tables["articles"]["article_id"]) == [d.article_id for d in docs]
    check_invariants(tables)


def test_line_of_100000_characters_parses():
    long_line = ("Macron sagte „ja“ und Starmer 'nein' " * 3000)[:100_000]
    no_space = "x" * 100_000
    docs = [RawDoc("long", "long.txt", long_line), RawDoc("nospace", "nospace.txt", no_space),
            RawDoc("dots", "dots.txt", ". " * 50_000)]
    tables = _parse(docs)
    check_invariants(tables)
    assert len(tables["articles"]) == 3


EXT = st.sampled_from([".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv", ""])


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=st.lists(st.tuples(EXT, st.one_of(st.binary(max_size=300), TEXT.map(str.encode),
                                               TEXT.map(lambda t: json.dumps({"text": t}).encode()),
                                               TEXT.map(lambda t: t.encode("utf-16")))),
                      min_size=1, max_size=4))
def test_any_bytes_in_any_file_are_accounted_for(files):
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        names = []
        for i, (ext, data) in enumerate(files):
            name = f"f{i}{ext}"
            (d / name).write_bytes(data)
            names.append(name)
        loaded = load_path(d)
        seen = {Path(p.split("#", 1)[0]).name for p in [x.source_path for x in loaded.docs]}
        seen |= {Path(p).name for p in loaded.problems["source_path"]}
        assert seen == set(names)
        assert all(isinstance(m, str) and m for m in loaded.problems["problem"])
        tables = _parse(loaded.docs)
        check_invariants(tables)
