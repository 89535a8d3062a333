"""Saved tables: lazy opening, row counts from the footers, SQL views."""

from __future__ import annotations

import pandas as pd

import ukrsec
from ukrsec import schema, store


def test_open_reads_tables_only_when_used(seeds_corpus, tmp_path):
    seeds_corpus.save(tmp_path / "t")
    opened = ukrsec.open_store(tmp_path / "t")
    assert opened.tables._loaded == {}
    assert opened.rows("mentions") == len(seeds_corpus.mentions)
    assert "mentions" not in opened.tables._loaded  # the count came from the Parquet footer
    assert "articles=" in repr(opened) and opened.tables._loaded == {}
    pd.testing.assert_frame_equal(opened.mentions, seeds_corpus.mentions)
    assert set(opened.tables._loaded) == {"mentions"}


def test_every_table_round_trips_with_its_dtypes(seeds_corpus, tmp_path):
    for fmt in ("parquet", "csv"):
        seeds_corpus.save(tmp_path / fmt, format=fmt)
        opened = ukrsec.open_store(tmp_path / fmt)
        for name in schema.TABLE_NAMES:
            a, b = opened.tables[name], seeds_corpus.tables[name]
            assert list(a.columns) == list(b.columns), (fmt, name)
            assert len(a) == len(b), (fmt, name)
        assert opened.commitments["conditions"].map(type).eq(list).all()


def test_a_table_that_was_not_saved_is_empty_with_its_columns(seeds_corpus, tmp_path):
    seeds_corpus.save(tmp_path / "t")
    (tmp_path / "t" / "quotes.parquet").unlink()
    opened = ukrsec.open_store(tmp_path / "t")
    assert opened.quotes.empty and list(opened.quotes.columns) == list(schema.empty("quotes").columns)
    assert opened.rows("quotes") == 0


def test_assignment_replaces_a_saved_table(seeds_corpus, tmp_path):
    seeds_corpus.save(tmp_path / "t")
    tables = store.LazyTables(tmp_path / "t")
    tables["quotes"] = schema.empty("quotes")
    assert tables.rows("quotes") == 0 and "quotes" in list(tables)


def test_saving_an_opened_store_copies_unread_tables(seeds_corpus, tmp_path):
    seeds_corpus.save(tmp_path / "a")
    opened = ukrsec.open_store(tmp_path / "a")
    opened.tables["quotes"] = schema.empty("quotes")  # replaced: written from memory
    opened.save(tmp_path / "b")
    assert set(opened.tables._loaded) == {"quotes"}  # nothing else was read to save it
    copied, saved = (tmp_path / d / "mentions.parquet" for d in ("b", "a"))
    assert copied.read_bytes() == saved.read_bytes()
    again = ukrsec.open_store(tmp_path / "b")
    assert again.rows("quotes") == 0 and again.rows("mentions") == len(seeds_corpus.mentions)
    opened.save(tmp_path / "c", format="csv")  # another format: encoded, not copied
    assert len(pd.read_csv(tmp_path / "c" / "mentions.csv")) == len(seeds_corpus.mentions)
    opened.save(tmp_path / "a")  # into its own folder: the files stay as they are
    assert ukrsec.open_store(tmp_path / "a").rows("mentions") == len(seeds_corpus.mentions)
