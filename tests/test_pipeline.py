"""The whole path: tables of the data model, offsets, determinism, saving and opening."""

from __future__ import annotations

import pandas as pd
import pytest

import ukrsec
from ukrsec import schema
from ukrsec.cli import main

SPEC_COLUMNS = {
    "articles": ["article_id", "source_path", "outlet", "published", "title", "text", "language"],
    "sentences": ["article_id", "sentence_id", "start", "end", "text"],
    "actors": ["actor_id", "name", "type", "country", "role"],
    "mentions": ["article_id", "sentence_id", "start", "end", "surface", "actor_id"],
    "events": [
        "event_id",
        "article_id",
        "sentence_id",
        "date",
        "date_precision",
        "date_text",
        "text",
        "actor_ids",
    ],
    "commitments": [
        "commitment_id",
        "article_id",
        "sentence_id",
        "actor_id",
        "type",
        "stance",
        "conditions",
        "quantity_min",
        "quantity_max",
        "unit",
        "evidence",
    ],
    "quotes": [
        "quote_id",
        "article_id",
        "sentence_id",
        "start",
        "end",
        "quote",
        "speaker_id",
        "speaker_text",
        "kind",
    ],
    "problems": ["source_path", "problem"],
}


def test_every_table_has_the_spec_columns(seeds_corpus):
    for table, cols in SPEC_COLUMNS.items():
        df = getattr(seeds_corpus, table)
        assert [c for c in cols if c not in df.columns] == [], table


def test_seeds_articles(seeds_corpus):
    a = seeds_corpus.articles
    assert len(a) == 5 and seeds_corpus.problems.empty
    assert list(a["article_id"]) == sorted(a["article_id"])
    assert set(a["language"]) == {"de"}
    assert (a["n_sentences"] > 5).all()
    assert str(a["published"].dtype).startswith("datetime64")


def test_sentence_offsets_point_at_text(seeds_corpus):
    texts = seeds_corpus.articles.set_index("article_id")["text"]
    s = seeds_corpus.sentences
    assert len(s) > 100
    for r in s.itertuples():
        assert texts[r.article_id][r.start : r.end] == r.text
    # sentence ids run 0.. within each article
    for _, g in s.groupby("article_id"):
        assert list(g["sentence_id"]) == list(range(len(g)))


def test_spans_of_fact_tables_point_at_text(seeds_corpus):
    texts = seeds_corpus.articles.set_index("article_id")["text"]
    for table, col in (("mentions", "surface"), ("quotes", "quote")):
        df = getattr(seeds_corpus, table)
        for r in df.itertuples():
            span = texts[r.article_id][r.start : r.end]
            assert getattr(r, col) in span, (table, r)


def test_same_input_same_tables(small_corpus):
    a = ukrsec.load_corpus(small_corpus)
    b = ukrsec.load_corpus(small_corpus)
    for name in schema.TABLE_NAMES:
        if name == "problems":
            continue
        pd.testing.assert_frame_equal(a.tables[name], b.tables[name], check_dtype=True)


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_save_and_open_round_trip(seeds_corpus, tmp_path, fmt):
    seeds_corpus.save(tmp_path, format=fmt)
    for name in schema.TABLE_NAMES:
        assert (tmp_path / f"{name}.{fmt}").exists()
    back = ukrsec.open_store(tmp_path)
    pd.testing.assert_frame_equal(
        back.articles[SPEC_COLUMNS["articles"]],
        seeds_corpus.articles[SPEC_COLUMNS["articles"]],
        check_dtype=False,
    )
    assert len(back.sentences) == len(seeds_corpus.sentences)


def test_save_rejects_unknown_format(seeds_corpus, tmp_path):
    with pytest.raises(ValueError, match="parquet"):
        seeds_corpus.save(tmp_path, format="xlsx")


def test_cli_parse_writes_tables_and_lists_problems(small_corpus, tmp_path, capsys):
    (small_corpus / "junk.bin").write_bytes(b"\x00\x01")
    out = tmp_path / "t"
    assert main(["parse", str(small_corpus), "--out", str(out), "--format", "csv", "-q"]) == 0
    err = capsys.readouterr().err
    assert "junk.bin" in err and "2 articles" in err
    assert pd.read_csv(out / "articles.csv")["article_id"].tolist() == ["de_artikel", "en_story"]
    assert main(["parse", str(small_corpus), "--out", str(out), "--strict", "-q"]) == 1


def test_cli_usage_errors(tmp_path, capsys):
    with pytest.raises(SystemExit) as e:
        main(["parse", str(tmp_path / "missing"), "--out", str(tmp_path)])
    assert e.value.code == 2
    assert "path not found" in capsys.readouterr().err
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    for argv, msg in (
        (["parse", "--out", str(afile)], "is a file"),
        (["parse", "--out", str(tmp_path / "o"), "--max-bytes", "0"], "--max-bytes"),
        (["parse", "--out", str(tmp_path / "o"), "--jobs", "0"], "--jobs"),
    ):
        with pytest.raises(SystemExit) as e:
            main(argv)
        assert e.value.code == 2
        assert msg in capsys.readouterr().err
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0
    assert ukrsec.__version__ in capsys.readouterr().out


def test_small_corpus_metadata(small_corpus):
    c = ukrsec.load_corpus(small_corpus)
    a = c.articles.set_index("article_id")
    assert a.loc["de_artikel", "title"] == "Merz sagt Hilfe zu"
    assert a.loc["de_artikel", "published"] == pd.Timestamp("2026-02-03 10:15")
    assert a.loc["de_artikel", "language"] == "de"
    assert "Was die Koalition plant" not in a.loc["de_artikel", "text"]
    assert a.loc["en_story", "language"] == "en"
    assert a.loc["en_story", "title"] == "Leaders meet in London on Ukraine"
    assert a.loc["en_story", "published"] == pd.Timestamp("2026-03-03")
    assert "Another story" not in a.loc["en_story", "text"]
