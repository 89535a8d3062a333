"""Tables of articles (CSV, TSV, Parquet, DataFrame): column defaults, mappings, bad mappings, bad rows."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ukrsec
from ukrsec.cli import main
from ukrsec.load import ColumnError, load_frame, load_path

DE = ("Bundeskanzler Friedrich Merz hat am Dienstag in Berlin weitere Hilfe für die Ukraine zugesagt. "
      "Deutschland werde 2,5 Milliarden Euro bereitstellen, sagte er.")
EN = ("Prime Minister Keir Starmer said on Monday that Britain was ready to send troops to Ukraine "
      "after a ceasefire. France would join, he added.")


def media_cloud_frame() -> pd.DataFrame:
    """Columns named as a Media Cloud export names them (stories_id, publish_date, media_name, ...)."""
    return pd.DataFrame({
        "stories_id": [101, 102, 103],
        "publish_date": ["2026-02-03 10:15:00", "20260304T121500Z", "2026-03-05"],
        "title": ["Merz sagt Hilfe zu", "Leaders meet in London", "Empty row"],
        "url": ["https://example.org/a", "https://example.com/b", "https://example.com/c"],
        "media_name": ["Beispielzeitung", "Example Times", "Example Times"],
        "text": [DE, EN, ""],
        "language": ["de", "en-GB", "en"],
    })


def _probs(loaded) -> list[tuple[str, str]]:
    rows = zip(loaded.problems["source_path"], loaded.problems["problem"], strict=True)
    return [(p.rsplit("/", 1)[-1], m) for p, m in rows]


@pytest.mark.parametrize("ext", [".csv", ".tsv", ".parquet"])
def test_table_file_with_usual_column_names(tmp_path, ext):
    df = media_cloud_frame()
    f = tmp_path / f"export{ext}"
    if ext == ".parquet":
        df.to_parquet(f)
    else:
        df.to_csv(f, sep="\t" if ext == ".tsv" else ",", index=False)
    c = ukrsec.load_corpus(f)
    arts = c.articles.set_index("article_id")
    assert list(arts.index) == ["101", "102"]
    assert arts.loc["101", "outlet"] == "Beispielzeitung"
    assert arts.loc["101", "title"] == "Merz sagt Hilfe zu"
    assert arts.loc["101", "url"] == "https://example.org/a"
    assert arts.loc["101", "published"] == pd.Timestamp("2026-02-03 10:15:00")
    assert arts.loc["102", "published"] == pd.Timestamp("2026-03-04 12:15:00")  # GDELT's seendate form
    assert arts.loc["102", "language"] == "en"  # en-GB given: the code is kept, the region dropped
    assert arts.loc["101", "source_path"].endswith(f"export{ext}#1")
    assert "Milliarden" in arts.loc["101", "text"]
    assert c.problems["source_path"].str.endswith(f"export{ext}").all()
    assert list(c.problems["problem"]) == ["row 3: no 'text' column with content ('text' is empty or only "
                                           "whitespace)"]


def test_mapping_options_and_other_names(tmp_path):
    df = pd.DataFrame({"headline": ["H1", "H2"], "body": [DE, EN], "seendate": ["2026-01-07", "2026-01-08"],
                       "domain": ["a.example", "b.example"], "link": ["https://a.example/1", "https://b.example/2"],
                       "Artikel": ["Nur ein Wort.", "Noch eins."], "Quelle": ["Q1", "Q2"]})
    df.to_csv(tmp_path / "gdelt.csv", index=False)
    by_default = load_path(tmp_path)
    assert [d.raw_text for d in by_default.docs] == [DE, EN]
    assert by_default.docs[0].meta == {"title": "H1", "published": "2026-01-07", "outlet": "a.example",
                                       "url": "https://a.example/1"}
    assert [d.article_id for d in by_default.docs] == ["gdelt-1", "gdelt-2"]
    mapped = load_path(tmp_path, columns={"text": "Artikel", "outlet": "quelle"})  # case does not matter
    assert [d.raw_text for d in mapped.docs] == ["Nur ein Wort.", "Noch eins."]
    assert mapped.docs[1].meta["outlet"] == "Q2"


def test_cli_column_options_and_bad_mapping(tmp_path, capsys):
    pd.DataFrame({"id": ["x1", "x2"], "Inhalt": [DE, EN], "Datum": ["2026-02-03", "2026-02-04"]}).to_csv(
        tmp_path / "export.csv", index=False)
    out = tmp_path / "t"
    assert main(["parse", str(tmp_path / "export.csv"), "--out", str(out), "--text-col", "Inhalt",
                 "--date-col", "Datum", "-q"]) == 0
    arts = ukrsec.open_store(out).articles
    assert list(arts["article_id"]) == ["x1", "x2"]
    assert list(arts["published"]) == [pd.Timestamp("2026-02-03"), pd.Timestamp("2026-02-04")]
    capsys.readouterr()
    assert main(["parse", str(tmp_path / "export.csv"), "--out", str(out), "--text-col", "body", "-q"]) == 2
    err = capsys.readouterr().err
    assert "export.csv" in err and "no column 'body'" in err and "--text-col" in err and "Inhalt" in err


def test_table_without_text_column_and_broken_tables(tmp_path):
    pd.DataFrame({"title": ["only a title"], "url": ["https://x.example"]}).to_csv(tmp_path / "a.csv",
                                                                                  index=False)
    (tmp_path / "b.parquet").write_bytes(b"PAR1 not really parquet")
    (tmp_path / "c.csv").write_bytes(b"")
    (tmp_path / "d.tsv").write_text("text\tid\n" + DE + "\t1\n\t2\n", encoding="utf-8")
    (tmp_path / "e.csv").write_text("text,title\n", encoding="utf-8")
    loaded = load_path(tmp_path)
    probs = dict(_probs(loaded))
    assert probs["e.csv"] == "table has no rows"
    assert "no text column" in probs["a.csv"] and "title, url" in probs["a.csv"]
    assert "not a readable Parquet file" in probs["b.parquet"]
    assert probs["c.csv"] == "empty file"
    assert ("d.tsv", "row 2: no 'text' column with content ('text' is empty or only whitespace)") in \
        _probs(loaded)
    assert [d.article_id for d in loaded.docs] == ["1"]


def test_repeated_ids_in_a_table_stay_unique(tmp_path):
    pd.DataFrame({"id": [7, 7, 7], "text": [DE, EN, DE + " Ja."]}).to_parquet(tmp_path / "t.parquet")
    ids = [d.article_id for d in load_path(tmp_path).docs]
    assert ids[0] == "7" and len(set(ids)) == 3


def test_row_text_over_the_size_limit_is_a_problem(tmp_path):
    pd.DataFrame({"text": [DE, DE * 50]}).to_csv(tmp_path / "big.csv", index=False)
    loaded = load_path(tmp_path, max_bytes=1000)
    assert len(loaded.docs) == 1
    assert "row 2: text is over the size limit of 1,000 bytes" in loaded.problems["problem"].iloc[0]


def test_dataframe_in_a_notebook():
    df = pd.DataFrame({"body": [DE, EN, None], "date": ["2026-02-03", "2026-03-04", "2026-03-05"],
                       "paper": ["Beispielzeitung", "Example Times", "X"]}, index=["a", "b", "c"])
    c = ukrsec.load_corpus(df, text="body", published="date", outlet="paper")
    assert list(c.articles["article_id"]) == ["df-1", "df-2"]
    assert list(c.articles["outlet"]) == ["Beispielzeitung", "Example Times"]
    assert c.articles["published"].iloc[1] == pd.Timestamp("2026-03-04")
    assert c.source == "DataFrame"
    assert list(c.problems["source_path"]) == ["DataFrame"]
    assert c.problems["problem"].iloc[0].startswith("row 3: no 'body' column with content")
    assert len(c.sentences) > 0 and len(c.mentions) > 0
    with pytest.raises(ColumnError, match="no column 'Text'.*its columns are: body, date, paper"):
        ukrsec.load_corpus(df, text="Text")
    empty = load_frame(df.iloc[:0])
    assert empty.docs == [] and list(empty.problems["problem"]) == ["table has no rows"]
    with pytest.raises(ColumnError, match="no text column"):
        load_frame(pd.DataFrame({"x": [1]}))
    with pytest.raises(ColumnError, match="unknown field"):
        load_frame(df, columns={"txt": "body"})


def test_supplied_language_is_kept_and_bad_codes_are_noted():
    df = pd.DataFrame({"text": [DE, DE], "lang": ["DE", "German"]})
    loaded = load_frame(df)
    assert loaded.docs[0].meta["language"] == "de"
    assert "language" not in loaded.docs[1].meta
    assert "row 2: language 'German' is not a language code like 'de'; ignored" in list(
        loaded.problems["problem"])


def test_json_records_take_the_same_default_names(tmp_path):
    recs = [{"article_id": "n1", "headline": "Gipfel", "body": DE, "source": "Beispielzeitung"},
            {"id": "n2", "content": EN, "link": "https://example.com/n2"}]
    (tmp_path / "api.json").write_text(json.dumps(recs), encoding="utf-8")
    loaded = load_path(tmp_path)
    assert [(d.article_id, d.raw_text) for d in loaded.docs] == [("n1", DE), ("n2", EN)]
    assert loaded.docs[0].meta == {"title": "Gipfel", "outlet": "Beispielzeitung"}
    assert loaded.docs[1].meta == {"url": "https://example.com/n2"}
    assert loaded.problems.empty


@settings(max_examples=80, deadline=None, database=None)
@given(files=st.lists(st.tuples(st.sampled_from([".csv", ".tsv", ".parquet", ".warc", ".warc.gz"]),
                                st.one_of(st.binary(max_size=400),
                                          st.text(max_size=300).map(str.encode),
                                          st.lists(st.text(max_size=40), max_size=6).map(
                                              lambda cells: ("text,title\n" + "\n".join(
                                                  f'"{c}",x' for c in cells)).encode()))),
                      min_size=1, max_size=4))
def test_any_bytes_in_a_table_or_archive_are_accounted_for(files):
    """Random bytes under a table or WARC name never raise: every file gives articles or problems."""
    with tempfile.TemporaryDirectory() as tmp:
        names = []
        for i, (ext, data) in enumerate(files):
            (Path(tmp) / f"f{i}{ext}").write_bytes(data)
            names.append(f"f{i}{ext}")
        loaded = load_path(tmp)
        seen = {Path(d.source_path.split("#", 1)[0]).name for d in loaded.docs}
        seen |= {Path(p).name for p in loaded.problems["source_path"]}
        assert seen == set(names)
        assert all(isinstance(m, str) and m for m in loaded.problems["problem"])
        assert all(d.raw_text.strip() for d in loaded.docs)
