"""WARC input (warcio): HTML responses become articles with URL and date; everything else is a problem."""

from __future__ import annotations

import gzip
import io
import shutil

import pandas as pd
import pytest

import ukrsec
from ukrsec.load import load_path

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

PAGE = ("<html><head><title>Gipfel in Paris</title><script>var SCRIPTX = 1;</script></head><body>"
        "<nav><a href='/'>Startseite</a></nav><article><h1>Gipfel in Paris</h1>"
        "<p>Die Koalition der Willigen traf sich am Dienstag in Paris. Frankreich und Großbritannien wollen "
        "nach einem Waffenstillstand Truppen entsenden, sagte Präsident Macron vor Journalisten.</p>"
        "<p>Deutschland prüft eine Beteiligung auf benachbartem Nato-Gebiet, hieß es in Berlin.</p>"
        "</article></body></html>")
PAGE_EN = PAGE.replace("Gipfel in Paris", "Summit in London").replace(
    "Die Koalition der Willigen traf sich am Dienstag in Paris.", "Leaders met in London on Tuesday.")


def _response(w: WARCWriter, url: str, body: bytes, ctype: str, status: str = "200 OK",
              date: str = "2026-01-06T10:00:00Z") -> None:
    http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    rec = w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                               warc_headers_dict={"WARC-Date": date})
    w.write_record(rec)


def write_warc(path, gz: bool) -> None:
    """A small web archive: two pages, a request record, an image, a 404, a redirect and a revisit."""
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "test"}))
        req = w.create_warc_record("https://news.example/gipfel", "request", payload=io.BytesIO(
            b"GET /gipfel HTTP/1.1\r\nHost: news.example\r\n\r\n"))
        w.write_record(req)
        _response(w, "https://news.example/gipfel", PAGE.encode("utf-8"), "text/html; charset=utf-8")
        _response(w, "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n", "image/png")
        _response(w, "https://news.example/gone", b"<html>Not found</html>", "text/html", "404 Not Found")
        _response(w, "https://news.example/old", b"", "text/html", "301 Moved Permanently")
        _response(w, "https://news.example/london", PAGE_EN.encode("cp1252"),
                  "text/html; charset=windows-1252", date="2026-01-07T08:30:00Z")
        rev = w.create_revisit_record("https://news.example/gipfel", digest="sha1:AAAA",
                                      refers_to_uri="https://news.example/gipfel",
                                      refers_to_date="2026-01-06T10:00:00Z")
        w.write_record(rev)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_pages_become_articles_and_the_rest_problems(tmp_path, name):
    f = tmp_path / name
    write_warc(f, gz=name.endswith(".gz"))
    c = ukrsec.load_corpus(f)
    arts = c.articles.set_index("article_id")
    assert list(arts.index) == ["crawl-3", "crawl-7"]
    assert arts.loc["crawl-3", "url"] == "https://news.example/gipfel"
    assert arts.loc["crawl-7", "url"] == "https://news.example/london"
    assert arts.loc["crawl-3", "published"] == pd.Timestamp("2026-01-06 10:00:00")  # WARC-Date: no page date
    assert arts.loc["crawl-3", "title"] == "Gipfel in Paris"
    assert "Waffenstillstand" in arts.loc["crawl-3", "text"]
    assert "SCRIPTX" not in arts.loc["crawl-3", "raw_text"]
    assert "Leaders met in London" in arts.loc["crawl-7", "text"]
    assert arts.loc["crawl-3", "source_path"].endswith(f"{name}#3")
    msgs = list(c.problems["problem"])
    assert c.problems["source_path"].str.endswith(name).all()
    assert msgs[:4] == [
        "record 4 (https://news.example/logo.png): not HTML (content type image/png)",
        "record 5 (https://news.example/gone): HTTP status 404 (an HTTP error), not a page",
        "record 6 (https://news.example/old): HTTP status 301 (a redirect), not a page",
        "record 8 (https://news.example/gipfel): revisit record (a repeat capture whose payload is stored "
        "elsewhere); no page",
    ]


def test_warc_in_a_folder_with_other_files_and_size_limit(tmp_path):
    write_warc(tmp_path / "a.warc.gz", gz=True)
    (tmp_path / "note.txt").write_text("Die Ukraine erhält Sicherheitsgarantien. Das sagte Merz.",
                                       encoding="utf-8")
    loaded = load_path(tmp_path, max_bytes=300)
    assert [d.article_id for d in loaded.docs] == ["note"]
    big = [m for m in loaded.problems["problem"] if "size limit of 300 bytes" in m]
    assert len(big) == 2 and big[0].startswith("record 3 (https://news.example/gipfel): page is over")


def test_broken_and_truncated_warc(tmp_path):
    (tmp_path / "junk.warc").write_bytes(b"this is not a web archive\r\n\r\n")
    write_warc(tmp_path / "good.warc.gz", gz=True)
    data = (tmp_path / "good.warc.gz").read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) * 2 // 3])
    shutil.copy(tmp_path / "good.warc.gz", tmp_path / "copy.warc.gz")
    loaded = load_path(tmp_path)
    probs = {}
    for p, m in zip(loaded.problems["source_path"], loaded.problems["problem"], strict=True):
        probs.setdefault(p.rsplit("/", 1)[-1], []).append(m)
    assert probs["junk.warc"] == ["not a WARC file (record 1 has no WARC/1.x header; read as arc)"]
    ids = [d.article_id for d in loaded.docs]
    assert len(ids) == len(set(ids))
    assert [i for i in ids if i.startswith("good")] == ["good-3", "good-7"]
    assert "copy-3" in ids and "cut-3" in ids  # a file cut short keeps the records before the cut
    assert gzip.decompress(data)[:4] == b"WARC"
    with open(tmp_path / "info.warc", "wb") as fh:  # records, but none that could be a page
        w = WARCWriter(fh, gzip=False)
        w.write_record(w.create_warcinfo_record("info.warc", {"software": "test"}))
    only_info = load_path(tmp_path / "info.warc")
    assert list(only_info.problems["problem"]) == [
        "WARC file holds no pages (1 records, all of them request, warcinfo or metadata)"]
