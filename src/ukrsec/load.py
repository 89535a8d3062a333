"""Stage ``load``: find input files, decode them, and turn each into raw documents or problems.

Supported inputs: ``.txt``/``.md`` (plain text), ``.html``/``.htm`` (main text through trafilatura),
``.jsonl``/``.json`` (one record per article with ``text`` and optional ``id``, ``title``,
``outlet``, ``published``, ``url``). A ``metadata.csv`` in a folder, keyed by file name,
overrides what the library infers for the files of that folder.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import schema

TEXT_EXT = {".txt", ".md"}
HTML_EXT = {".html", ".htm"}
JSON_EXT = {".jsonl", ".json"}
SUPPORTED = TEXT_EXT | HTML_EXT | JSON_EXT
METADATA_FILE = "metadata.csv"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
META_KEYS = ("title", "outlet", "published", "url")


class LoadError(Exception):
    """A file (or one record of it) that cannot become an article; the message says why."""


@dataclass
class RawDoc:
    """One article before cleaning."""

    article_id: str
    source_path: str
    raw_text: str
    fmt: str = "text"  # text | html | json
    meta: dict[str, Any] = field(default_factory=dict)  # title/outlet/published/url given by the input


@dataclass
class Loaded:
    """What :func:`load_path` found: documents and problems."""

    docs: list[RawDoc]
    problems: pd.DataFrame


def decode_bytes(data: bytes) -> str:
    """Decode a file's bytes: BOMs, UTF-8, then a charset detector; raise LoadError when binary."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"),
                     (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as e:
                raise LoadError(f"starts with a {enc} byte-order mark but does not decode as {enc}: {e}") from e
    if b"\x00" in data[:8192]:
        raise LoadError("looks binary (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - dependency is required
        from_bytes = None
    best = from_bytes(data).best() if from_bytes else None
    if best is not None and best.encoding:
        text = str(best)
        if _controls(text) <= 0.01 * max(1, len(text)):
            # single-byte Western encodings are confused with each other on short texts;
            # cp1252 is a superset of latin-1 for printable text and the usual web case
            if best.encoding in {"latin_1", "iso8859_15", "cp1250", "iso8859_2", "mac_roman", "cp850"}:
                try:
                    alt = data.decode("cp1252")
                    if _controls(alt) <= _controls(text):
                        return alt
                except UnicodeDecodeError:
                    pass
            return text
    raise LoadError("cannot be decoded as text (binary, or an unknown encoding)")


def _controls(text: str) -> int:
    return sum(1 for c in text if (ord(c) < 32 and c not in "\t\n\r\f") or 0x7F <= ord(c) < 0xA0)


def _html_to_text(html: str) -> tuple[str, dict[str, Any]]:
    """Main text and metadata of an HTML page (trafilatura); scripts, styles and navigation never reach the text."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True,
                               with_metadata=False, deduplicate=False)
    meta: dict[str, Any] = {}
    try:
        md = trafilatura.extract_metadata(html)
    except Exception:  # noqa: BLE001 - metadata is a bonus; the text is what matters
        md = None
    if md is not None:
        if md.title:
            meta["title"] = md.title
        if md.sitename:
            meta["outlet"] = md.sitename
        if md.date:
            meta["published"] = md.date
        if md.url:
            meta["url"] = md.url
    if not text or not text.strip():
        # fall back to visible text without markup, still without script/style
        stripped = re.sub(r"(?is)<(script|style|noscript|template)\b.*?</\1\s*>", " ", html)
        stripped = re.sub(r"(?s)<[^>]+>", "\n", stripped)
        import html as htmlmod

        text = "\n".join(line.strip() for line in htmlmod.unescape(stripped).splitlines() if line.strip())
    return text, meta


def _records_from_json(text: str, fmt: str, path: Path) -> tuple[list[tuple[int, dict]], list[str]]:
    """Records of a .jsonl/.json file as (number, record) and problems for broken parts."""
    out: list[tuple[int, dict]] = []
    problems: list[str] = []
    if fmt == ".jsonl":
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"line {n}: not valid JSON ({e.msg})")
                continue
            if not isinstance(rec, dict):
                problems.append(f"line {n}: a JSON {type(rec).__name__}, not an object with 'text'")
                continue
            out.append((n, rec))
        return out, problems
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        # a .json file holding JSON lines is common enough to accept
        if len(text.strip().splitlines()) > 1:
            return _records_from_json(text, ".jsonl", path)
        raise LoadError(f"not valid JSON (line {e.lineno}: {e.msg})") from e
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise LoadError("JSON must be an object or a list of objects with 'text'")
    for n, rec in enumerate(data, 1):
        if isinstance(rec, dict):
            out.append((n, rec))
        else:
            problems.append(f"record {n}: a JSON {type(rec).__name__}, not an object with 'text'")
    return out, problems


def read_metadata_csv(path: Path) -> dict[str, dict[str, Any]]:
    """``metadata.csv`` rows keyed by file name (column ``file``, ``filename``, ``source`` or ``article_id``)."""
    text = decode_bytes(path.read_bytes())
    rows = list(csv.DictReader(io.StringIO(text)))
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        key = next((row[k] for k in ("file", "filename", "file_name", "source", "article_id")
                    if row.get(k)), None)
        if not key:
            continue
        out[key.strip()] = {k: v.strip() for k, v in row.items() if k in META_KEYS and v and v.strip()}
    return out


def _iter_files(root: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """All files under ``root`` in a stable order, and hidden entries reported as problems."""
    if root.is_file():
        return [root], []
    files: list[Path] = []
    skipped: list[tuple[str, str]] = []
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            if p.is_file() and not any(part.startswith(".") for part in rel.parts[:-1]):
                skipped.append((str(p), "hidden file, skipped"))
            continue
        if p.is_file():
            files.append(p)
    return files, skipped


def _unique_id(stem: str, path: Path, root: Path, used: set[str]) -> str:
    aid = stem
    if aid in used:
        rel = path.relative_to(root) if root.is_dir() else Path(path.name)
        aid = str(rel.with_suffix("")).replace("\\", "/")
        if aid in used:
            aid = str(rel).replace("\\", "/")
        n = 2
        base = aid
        while aid in used:
            aid, n = f"{base}~{n}", n + 1
    used.add(aid)
    return aid


def load_path(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Loaded:
    """Read every article under ``path`` (a folder, recursively, or one file).

    Files that cannot be read become rows of the ``problems`` table, never exceptions.
    """
    root = Path(path)
    problems: list[dict[str, str]] = []
    docs: list[RawDoc] = []
    if not root.exists():
        problems.append({"source_path": str(root), "problem": "path does not exist"})
        return Loaded(docs, schema.frame("problems", problems))
    files, skipped = _iter_files(root)
    problems += [{"source_path": s, "problem": m} for s, m in skipped]
    meta_by_dir: dict[Path, dict[str, dict[str, Any]]] = {}
    used: set[str] = set()
    for f in files:
        if f.name == METADATA_FILE:
            try:
                meta_by_dir[f.parent] = read_metadata_csv(f)
            except (LoadError, csv.Error, OSError) as e:
                problems.append({"source_path": str(f), "problem": f"metadata.csv unreadable: {e}"})
    for f in files:
        if f.name == METADATA_FILE:
            continue
        ext = f.suffix.lower()
        try:
            if ext not in SUPPORTED:
                raise LoadError(f"unknown file type {ext or '(no extension)'!r}; "
                                f"ukrsec reads {', '.join(sorted(SUPPORTED))}")
            size = f.stat().st_size
            if size > max_bytes:
                raise LoadError(f"file is {size:,} bytes, over the size limit of {max_bytes:,} bytes "
                                "(raise it with max_bytes= or --max-bytes)")
            data = f.read_bytes()
            if not data:
                raise LoadError("empty file")
            text = decode_bytes(data)
            if not text.strip():
                raise LoadError("file contains only whitespace")
            override = meta_by_dir.get(f.parent, {})
            override = override.get(f.name) or override.get(f.stem) or {}
            if ext in JSON_EXT:
                recs, rec_problems = _records_from_json(text, ext, f)
                problems += [{"source_path": str(f), "problem": m} for m in rec_problems]
                if not recs and not rec_problems:
                    raise LoadError("holds no records")
                for n, rec in recs:
                    body = rec.get("text")
                    where = f"line {n}" if ext == ".jsonl" else f"record {n}"
                    if not isinstance(body, str) or not body.strip():
                        problems.append({"source_path": str(f), "problem": f"{where}: no 'text' field with content"})
                        continue
                    rid = str(rec.get("id")) if rec.get("id") not in (None, "") else f"{f.stem}-{n}"
                    aid = _unique_id(rid, f, root, used)
                    meta = {k: rec[k] for k in META_KEYS if rec.get(k) not in (None, "")}
                    meta.update(override)
                    docs.append(RawDoc(aid, f"{f}#{n}", body, "json", meta))
                continue
            meta: dict[str, Any] = {}
            fmt = "text"
            if ext in HTML_EXT:
                text, meta = _html_to_text(text)
                fmt = "html"
                if not text.strip():
                    raise LoadError("HTML page has no readable text")
            meta.update(override)
            docs.append(RawDoc(_unique_id(f.stem, f, root, used), str(f), text, fmt, meta))
        except LoadError as e:
            problems.append({"source_path": str(f), "problem": str(e)})
        except OSError as e:
            problems.append({"source_path": str(f), "problem": f"cannot be read: {e.strerror or e}"})
    return Loaded(docs, schema.frame("problems", problems))
