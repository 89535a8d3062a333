"""WARC files (web archives, Common Crawl News) through warcio: ``.warc`` and ``.warc.gz``.

HTML responses (and HTML ``resource`` records) become articles: main text and metadata through
trafilatura, ``url`` from ``WARC-Target-URI``, ``published`` from the page, else ``WARC-Date`` (the
capture time). Other responses (not HTML, HTTP errors and redirects, payloads over the size limit,
revisit records whose payload is stored elsewhere) are problems naming the record and its URL.
``request``, ``warcinfo`` and ``metadata`` records describe a capture and are not articles.
A file cut short ends at its last complete record (warcio stops there without an error).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from .base import LoadError, RawDoc, has_visible_text, safe_str
from .html import decode_html, html_to_text

WARC_EXT = {".warc", ".warc.gz"}
HTML_TYPES = ("text/html", "application/xhtml+xml")
#: record types that describe a capture rather than hold a page
NOT_PAGES = {"request", "warcinfo", "metadata", "conversion", "continuation"}


def read_warc(stream: IO[bytes], stem: str, shown: str, override: dict[str, Any], max_bytes: int
              ) -> tuple[list[RawDoc], list[str]]:
    """Documents (proposed ids ``<stem>-<record number>``) and problems of one WARC stream."""
    from warcio.exceptions import ArchiveLoadFailed

    docs: list[RawDoc] = []
    problems: list[str] = []
    n = 0
    try:
        for n, rec in _records(stream):
            if rec.rec_type in NOT_PAGES:
                continue
            try:
                docs.append(_doc(rec, f"{safe_str(stem)}-{n}", f"{shown}#{n}", override, max_bytes))
            except LoadError as e:
                problems.append(f"record {n} ({_url(rec) or 'no URL'}): {e}")
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as e:
        if n == 0:
            raise LoadError(f"not a readable WARC file ({e})") from e
        problems.append(f"WARC unreadable after record {n} ({e})")
    if n == 0:
        raise LoadError("WARC file holds no records")
    if not docs and not problems:
        raise LoadError(f"WARC file holds no pages ({n} records, all of them request, warcinfo or metadata)")
    return docs, problems


def _records(stream: IO[bytes]) -> Iterator[tuple[int, Any]]:
    """(number from 1, record) of each record; LoadError at a record without a WARC header."""
    from warcio.archiveiterator import ArchiveIterator

    for n, rec in enumerate(ArchiveIterator(stream), 1):
        if not str(rec.format).startswith("warc"):
            raise LoadError(f"not a WARC file (record {n} has no WARC/1.x header; read as {rec.format})")
        yield n, rec


def _url(rec: Any) -> str:
    return safe_str(rec.rec_headers.get_header("WARC-Target-URI") or "")


def _doc(rec: Any, doc_id: str, shown: str, override: dict[str, Any], max_bytes: int) -> RawDoc:
    """The document of a page record: its URL, and the capture date when the page has none."""
    text, meta = _page(rec, max_bytes)
    url = _url(rec)
    if url:
        meta["url"] = url
    date = rec.rec_headers.get_header("WARC-Date")
    if date and not meta.get("published"):
        meta["published"] = date
    meta.update(override)
    return RawDoc(doc_id, shown, text, "warc", meta)


def _page(rec: Any, max_bytes: int) -> tuple[str, dict[str, Any]]:
    """Main text and metadata of a response or resource record; LoadError when it is not an HTML page."""
    if rec.rec_type == "revisit":
        raise LoadError("revisit record (a repeat capture whose payload is stored elsewhere); no page")
    if rec.rec_type not in ("response", "resource"):
        raise LoadError(f"a {rec.rec_type!r} record, not a page")
    if rec.http_headers is not None and rec.rec_type == "response":
        status = rec.http_headers.get_statuscode()
        if status != "200":
            kind = "a redirect" if str(status).startswith("3") else "an HTTP error"
            raise LoadError(f"HTTP status {status} ({kind}), not a page")
        ctype = rec.http_headers.get_header("Content-Type") or ""
    else:
        ctype = rec.rec_headers.get_header("Content-Type") or ""
    if ctype.split(";")[0].strip().lower() not in HTML_TYPES:
        raise LoadError(f"not HTML (content type {ctype or 'missing'})")
    data = rec.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        raise LoadError(f"page is over the size limit of {max_bytes:,} bytes "
                        "(raise it with max_bytes= or --max-bytes)")
    text, meta = html_to_text(decode_html(data, ctype))
    if not has_visible_text(text):
        raise LoadError("HTML page has no readable text (only markup, scripts, styles or navigation)")
    return text, meta
