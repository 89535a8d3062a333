"""Scale: parallel and Dask runs give the serial tables, the Parquet store and DuckDB views, the parse
cache, the light import, and the synthetic benchmark corpus."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import ukrsec
from ukrsec import cache, pipeline, schema, store
from ukrsec.corpus import Corpus, load_corpus

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
import synth  # noqa: E402

N_SYNTH = 24


@pytest.fixture(scope="module")
def synth_corpus(tmp_path_factory) -> Path:
    """A small synthetic corpus plus the seeds and a duplicate file name in a sub-folder."""
    d = tmp_path_factory.mktemp("synth")
    synth.write_corpus(d, N_SYNTH, seed=3)
    for f in sorted((ROOT / "seeds").glob("*.txt")):
        (d / f.name).write_bytes(f.read_bytes())
    dup = d / "zz"
    dup.mkdir()
    (dup / "art000001.txt").write_text(synth.article(99, 3), encoding="utf-8")
    # a record the cleaner would empty (a problem row made on the workers) and a broken line (made by load)
    (d / "zz_briefs.jsonl").write_text(
        '{"id": "brief1", "title": "Nachrichten", "text": "Merz sagte: \u201eWir helfen.\u201c"}\n'
        '{"id": "brief2", "text": "Deutschland schickt keine Soldaten"}\n{broken\n',
        encoding="utf-8",
    )
    return d


@pytest.fixture(scope="module")
def serial(synth_corpus) -> dict[str, pd.DataFrame]:
    return pipeline.run(synth_corpus)


def assert_same_tables(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    for name in schema.TABLE_NAMES:
        pd.testing.assert_frame_equal(a[name], b[name], check_dtype=True, obj=name)


# --- synthetic corpus ------------------------------------------------------------------------------


def test_synth_is_deterministic_and_varied():
    a = [synth.article(i, 5) for i in range(40)]
    assert a == [synth.article(i, 5) for i in range(40)]
    assert len(set(a)) == 40
    assert a != [synth.article(i, 6) for i in range(40)]
    joined = "\n".join(a)
    for furniture in ("Verwandte Artikel", "Related articles", "©", " min\n"):
        assert furniture in joined
    sizes = [len(x.encode()) for x in a]
    assert 2500 < sum(sizes) / len(sizes) < 6000  # about 4 KB an article


def test_synth_corpus_parses_and_is_cleaned(serial):
    arts = serial["articles"]
    assert len(arts) == N_SYNTH + 8
    assert arts["article_id"].is_unique
    assert set(arts["language"]) >= {"de", "en"}
    assert {"navigation", "teaser", "copyright"} <= set(serial["removed"]["reason"])
    texts = "\n".join(arts["text"])
    assert "Verwandte Artikel" not in texts and "Alle akzeptieren" not in texts


# --- parallel and Dask -------------------------------------------------------------------------------


def test_cleaning_problems_are_in_problems(serial):
    probs = list(serial["problems"]["problem"])
    assert probs[0].startswith("line 3: not valid JSON")
    assert [p for p in probs if p.startswith("article ")] == [
        "article brief2: cleaning removed every line (title 1); the raw text is kept as the article text"
    ]
    arts = serial["articles"].set_index("article_id")
    assert arts.loc["brief2", "text"] == "Deutschland schickt keine Soldaten"
    assert arts.loc["brief1", "text"] == "Merz sagte: \u201eWir helfen.\u201c"


def test_job_batch_size():
    assert pipeline.job_batch_size(10_000, 2, 50) == 50
    assert pipeline.job_batch_size(100, 2, 50) == 13
    assert pipeline.job_batch_size(7, 4, 50) == 5
    sizes = [len(b) for b in pipeline.batches(list(range(103)), pipeline.job_batch_size(103, 2, 50))]
    assert sum(sizes) == 103 and max(sizes) == 13


def test_jobs_give_the_serial_tables(synth_corpus, serial):
    par = pipeline.run(synth_corpus, jobs=2, batch_size=4)
    assert_same_tables(serial, par)


def test_streamed_tables_are_the_serial_tables(synth_corpus, serial, tmp_path):
    """``out=`` writes each batch as it arrives (one Parquet row group a batch) and gives the same tables."""
    import pyarrow.parquet as pq

    got = pipeline.run(synth_corpus, jobs=2, batch_size=4, out=tmp_path / "t")
    assert isinstance(got, store.LazyTables) and "sentences" not in got._loaded
    assert pq.ParquetFile(tmp_path / "t" / "sentences.parquet").num_row_groups > 1
    assert not list((tmp_path / "t").glob(".*.tmp"))
    assert_same_tables(serial, got)
    assert_same_tables(serial, Corpus.open(tmp_path / "t").tables)


def test_a_failed_streamed_run_leaves_no_tables(synth_corpus, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("stage broke")

    monkeypatch.setattr(pipeline.quotes_stage, "extract", broken)
    with pytest.raises(RuntimeError, match="stage broke"):
        pipeline.run(synth_corpus, batch_size=4, out=tmp_path / "t")
    assert list((tmp_path / "t").iterdir()) == []


def test_actors_of_several_batches_keep_what_any_batch_found():
    """An actor seen in two batches gets, per column, the first value found (a role known only from the
    second batch's articles is kept), whatever the batch size."""
    def batch(aid: str, role: str | None) -> dict[str, pd.DataFrame]:
        return {"articles": schema.frame("articles", [{"article_id": aid, "text": "x"}]),
                "actors": schema.frame("actors", [{"actor_id": "person:x", "name": "X", "role": role}])}

    out = pipeline.combine([batch("a", None), batch("b", "analyst")], ["a", "b"])
    assert out["actors"]["role"].tolist() == ["analyst"]
    out = pipeline.combine([batch("a", "spokesman"), batch("b", "analyst")], ["a", "b"])
    assert out["actors"]["role"].tolist() == ["spokesman"]


def test_dask_gives_the_serial_tables(synth_corpus, serial):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        got = load_corpus(synth_corpus, client=client)
    assert_same_tables(serial, got.tables)


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory) -> Path:
    """Every input format in one folder, with ids that collide across files (a JSON record's id equals a
    file name; a table row's id repeats), a metadata.csv in a sub-folder and a broken file."""
    import io
    import json

    d = tmp_path_factory.mktemp("mixed")
    synth.write_corpus(d, 6, seed=5)
    (d / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in [
        {"id": "art000002", "text": synth.article(40, 5), "outlet": "Feed"},
        {"id": "j2", "body": synth.article(41, 5), "headline": "Zweiter"},
        {"title": "no text"}]), encoding="utf-8")
    pd.DataFrame({"id": ["t1", "t1", "t3"], "text": [synth.article(50, 5), synth.article(51, 5), ""],
                  "publish_date": ["2026-01-05", "2026-01-06", "2026-01-07"]}).to_csv(d / "export.csv",
                                                                                     index=False)
    pd.DataFrame({"body": [synth.article(60, 5)], "media_name": ["Parquet Post"]}).to_parquet(d / "p.parquet")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(d / "crawl.warc.gz", "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i, (ctype, body) in enumerate([("text/html", f"<html><body><article><p>{synth.article(70, 5)}</p>"
                                                         "</article></body></html>"), ("image/png", "PNG")]):
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://news.example/{i}", "response",
                                                payload=io.BytesIO(body.encode()), http_headers=http))
    sub = d / "sub"
    sub.mkdir()
    (sub / "art000001.txt").write_text(synth.article(80, 5), encoding="utf-8")
    (sub / "page.html").write_text(f"<html><head><title>Seite</title></head><body><p>{synth.article(81, 5)}"
                                   "</p></body></html>", encoding="utf-8")
    (sub / "metadata.csv").write_text("file,outlet,published\npage.html,Unterordner,2026-02-01\n",
                                      encoding="utf-8")
    (sub / "broken.json").write_text("{not json", encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def mixed_serial(mixed_corpus) -> dict[str, pd.DataFrame]:
    return pipeline.run(mixed_corpus)


def test_mixed_formats_read_in_the_workers_give_the_serial_tables(mixed_corpus, mixed_serial):
    arts = mixed_serial["articles"].set_index("article_id")
    assert {"art000002", "feed", "j2", "t1", "export", "p-1", "crawl-1", "sub/art000001",
            "page"} <= set(arts.index)
    assert arts.loc["page", "outlet"] == "Unterordner" and arts.loc["p-1", "outlet"] == "Parquet Post"
    probs = " ".join(mixed_serial["problems"]["problem"])
    assert "row 3" in probs and "line 3" in probs and "not HTML" in probs and "not valid JSON" in probs
    assert_same_tables(mixed_serial, pipeline.run(mixed_corpus, jobs=2, batch_size=3))
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        got = pipeline.run(mixed_corpus, client=client, batch_size=3)
    assert_same_tables(mixed_serial, got)


def test_fsspec_urls_give_the_local_tables(mixed_corpus, mixed_serial):
    fsspec = pytest.importorskip("fsspec")
    assert_same_tables(mixed_serial, pipeline.run(f"file://{mixed_corpus}"))
    fs = fsspec.filesystem("memory")
    for f in sorted(mixed_corpus.rglob("*")):
        if f.is_file():
            fs.pipe(f"/mixed/{f.relative_to(mixed_corpus).as_posix()}", f.read_bytes())
    try:
        got = load_corpus("memory://mixed").tables
    finally:
        fs.rm("/mixed", recursive=True)
    for name in ("articles", "problems"):
        got[name]["source_path"] = got[name]["source_path"].str.replace(
            "memory:///mixed", str(mixed_corpus), regex=False).astype("string")
    assert_same_tables(mixed_serial, got)


def test_fsspec_urls_for_output(mixed_serial, small_corpus, tmp_path):
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    try:
        for fmt in ("parquet", "csv"):
            assert Corpus(dict(mixed_serial)).save(f"memory://out-{fmt}", format=fmt) == f"memory://out-{fmt}"
            assert fs.exists(f"/out-{fmt}/articles.{fmt}") and fs.exists(f"/out-{fmt}/problems.{fmt}")
        assert_same_tables(mixed_serial, ukrsec.open_store("memory://out-parquet").tables)
        back = ukrsec.open_store("memory://out-csv")
        pd.testing.assert_frame_equal(back.problems, mixed_serial["problems"])
        from ukrsec.cli import main

        assert main(["parse", str(small_corpus), "--out", "memory://cli-out", "-q"]) == 0
        assert len(ukrsec.open_store("memory://cli-out").articles) == 2
        Corpus(dict(mixed_serial)).save(f"file://{tmp_path}/t")
        assert_same_tables(mixed_serial, ukrsec.open_store(f"file://{tmp_path}/t").tables)
        with pytest.raises(FileNotFoundError, match="no saved tables at memory://nothing"):
            ukrsec.open_store("memory://nothing")
    finally:
        for d in ("/out-parquet", "/out-csv", "/cli-out"):
            if fs.exists(d):
                fs.rm(d, recursive=True)


def test_progress_bars_only_when_asked(small_corpus, capsys):
    pipeline.run(small_corpus, progress=True)
    assert "reading: 100%" in capsys.readouterr().err
    pipeline.run(small_corpus)
    assert capsys.readouterr().err == ""


def test_cache_needs_a_local_path():
    with pytest.raises(ValueError, match="cache=True needs a local folder or file, not DataFrame"):
        load_corpus(pd.DataFrame({"text": ["Ein Satz."]}), cache=True)
    with pytest.raises(ValueError, match="not memory://x"):
        load_corpus("memory://x", cache=True)


def test_file_url_is_a_local_path_and_caches(small_corpus, tmp_path):
    c = load_corpus(f"file://{small_corpus}", cache=True, cache_dir=tmp_path / "c")
    assert c.source == str(small_corpus) and len(c.articles) == 2
    assert cache.clear(tmp_path / "c") == 1


def test_cli_parse_with_jobs(small_corpus, tmp_path):
    from ukrsec.cli import main

    assert main(["parse", str(small_corpus), "--out", str(tmp_path / "t"), "--jobs", "2", "-q"]) == 0
    back = ukrsec.open_store(tmp_path / "t")
    ref = load_corpus(small_corpus)
    pd.testing.assert_frame_equal(back.articles, ref.articles)


# --- store -------------------------------------------------------------------------------------------


def test_parquet_round_trip_is_exact(serial, tmp_path):
    Corpus(dict(serial)).save(tmp_path)
    back = ukrsec.open_store(tmp_path)
    assert_same_tables(serial, back.tables)


def test_duckdb_views_and_join(serial, tmp_path):
    Corpus(dict(serial)).save(tmp_path)
    con = store.connect(tmp_path)
    names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert set(schema.TABLE_NAMES) <= names
    got = con.sql("SELECT a.language, count(*) AS n FROM sentences s JOIN articles a USING (article_id) "
                  "GROUP BY 1 ORDER BY 1").df()
    s = serial["sentences"].merge(serial["articles"][["article_id", "language"]], on="article_id")
    want = s.groupby("language").size()
    assert dict(zip(got["language"], got["n"], strict=True)) == want.to_dict()
    types = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                         "WHERE table_name = 'articles' OR table_name = 'events'").fetchall())
    assert types["published"].startswith("TIMESTAMP")
    assert types["actor_ids"] == "VARCHAR[]"
    assert types["n_words"] == "BIGINT"


def test_empty_tables_keep_their_types(tmp_path):
    Corpus({}).save(tmp_path)
    con = store.connect(tmp_path)
    assert con.execute("SELECT count(*) FROM commitments").fetchone() == (0,)
    types = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                         "WHERE table_name = 'commitments'").fetchall())
    assert types["conditions"] == "VARCHAR[]" and types["quantity_min"] == "DOUBLE"


def test_store_connect_csv_and_missing(small_corpus, tmp_path):
    load_corpus(small_corpus).save(tmp_path / "csv", format="csv")
    con = store.connect(tmp_path / "csv")
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    with pytest.raises(FileNotFoundError):
        store.connect(tmp_path / "nothing")


# --- cache -------------------------------------------------------------------------------------------


def test_cache_hits_an_unchanged_corpus_and_misses_a_changed_one(small_corpus, tmp_path, monkeypatch):
    calls = []
    real_run = pipeline.run

    def counting_run(*args, **kwargs):
        calls.append(args)
        return real_run(*args, **kwargs)

    monkeypatch.setattr(pipeline, "run", counting_run)
    cdir = tmp_path / "cache"
    first = load_corpus(small_corpus, cache=True, cache_dir=cdir)
    assert len(calls) == 1
    hits = cache.stats["hits"]
    second = load_corpus(small_corpus, cache=True, cache_dir=cdir)
    assert len(calls) == 1 and cache.stats["hits"] == hits + 1
    for name in schema.TABLE_NAMES:
        pd.testing.assert_frame_equal(first.tables[name], second.tables[name], obj=name)
    # a changed file is parsed again, and the new text is in the tables
    f = small_corpus / "en_story.txt"
    f.write_text(f.read_text(encoding="utf-8").replace("We are ready", "We are not ready"), encoding="utf-8")
    third = load_corpus(small_corpus, cache=True, cache_dir=cdir)
    assert len(calls) == 2
    assert third.articles["text"].str.contains("not ready").any()
    # without cache=True nothing is looked up
    load_corpus(small_corpus)
    assert len(calls) == 3


def test_cache_key_covers_inputs_data_files_and_options(small_corpus, tmp_path):
    k = cache.key(small_corpus, max_bytes=100)
    assert k == cache.key(small_corpus, max_bytes=100)
    assert k != cache.key(small_corpus, max_bytes=200)
    (small_corpus / "new.txt").write_text("Ein neuer Artikel über Sicherheitsgarantien.", encoding="utf-8")
    k2 = cache.key(small_corpus, max_bytes=100)
    assert k2 != k
    # a data folder whose boilerplate file differs from the packaged one changes the key
    data = tmp_path / "data"
    data.mkdir()
    from ukrsec.resources import PACKAGE_DATA

    bp = (PACKAGE_DATA / "boilerplate.yaml").read_text(encoding="utf-8")
    (data / "boilerplate.yaml").write_text(bp, encoding="utf-8")
    k3 = cache.key(small_corpus, data_dir=data, max_bytes=100)
    (data / "boilerplate.yaml").write_text(bp + "\n# edited\n", encoding="utf-8")
    assert cache.key(small_corpus, data_dir=data, max_bytes=100) not in (k2, k3)


def test_cache_clear(small_corpus, tmp_path):
    cdir = tmp_path / "c"
    load_corpus(small_corpus, cache=True, cache_dir=cdir)
    assert cache.clear(cdir) == 1
    assert cache.clear(cdir) == 0


# --- light import -------------------------------------------------------------------------------------


def test_import_ukrsec_is_light():
    heavy = ["altair", "ipywidgets", "jupyter_core", "jupyterlab", "IPython", "dask", "distributed", "duckdb",
             "trafilatura", "pandas"]
    code = ("import sys, ukrsec; ukrsec.__version__; "
            f"print([m for m in {heavy!r} if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    code2 = ("import ukrsec; "
             "print(callable(ukrsec.load_corpus), ukrsec.Corpus.__name__, ukrsec.store.__name__)")
    out2 = subprocess.run([sys.executable, "-c", code2], capture_output=True, text=True, check=True)
    assert out2.stdout.split() == ["True", "Corpus", "ukrsec.store"]
