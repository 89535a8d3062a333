"""Stage ``load``: find input files, decode them, and turn each into raw documents or problems.

Supported inputs: ``.txt``/``.md`` (plain text), ``.html``/``.htm`` (main text through trafilatura),
``.jsonl``/``.json`` (one record per article with ``text`` and optional ``id``, ``title``,
``outlet``, ``published``, ``url``). A ``metadata.csv`` in a folder, keyed by file name,
overrides what the library infers for the files of that folder.

Hostile input never raises: every file found becomes either raw documents or rows of the
``problems`` table (see ``docs/robustness.md`` for the list of what is handled).
"""

from __future__ import annotations

import csv
import html as htmlmod
import io
import json
import os
import re
import stat
import unicodedata
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
#: HTML elements whose content never reaches the text (code, styling, navigation, forms, embeds)
HTML_DROP = ("script", "style", "noscript", "template", "nav", "iframe", "svg", "math", "form", "button",
             "select", "textarea", "object", "embed", "canvas", "menu", "dialog")
_SURROGATE = re.compile("[\ud800-\udfff]")


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


def safe_str(s: str) -> str:
    """``s`` with lone surrogates (from JSON escapes or undecodable file names) replaced by U+FFFD.

    Such strings cannot be written to Parquet or CSV, so they never leave the loader.
    """
    return _SURROGATE.sub("\ufffd", s)


def display_path(p: Path | str) -> str:
    """A path as printable text: undecodable bytes of a file name become U+FFFD."""
    return os.fsencode(p).decode("utf-8", "replace")


def decode_bytes(data: bytes) -> str:
    """Decode a file's bytes: BOMs, UTF-8, UTF-16 without BOM, then a charset detector.

    Raises :class:`LoadError` when the bytes are binary or in no encoding that gives readable text.
    """
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"),
                     (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return safe_str(data.decode(enc))
            except UnicodeDecodeError as e:
                raise LoadError(f"starts with a {enc} byte-order mark but does not decode as {enc}: {e}"
                                ) from e
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None:
            return text
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
            return safe_str(text)
    raise LoadError("cannot be decoded as text (not UTF-8, and no other encoding gives readable text)")


def _utf16_without_bom(data: bytes) -> str | None:
    """Text of UTF-16 bytes without a byte-order mark (every other byte NUL), else None."""
    head = data[:4096]
    if len(data) % 2 or len(head) < 4:
        return None
    for enc, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if zeros.count(0) >= 0.9 * len(zeros):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                return None
            if _controls(text.replace("\x00", "")) <= 0.01 * len(text) and "\x00" not in text:
                return safe_str(text)
    return None


def _controls(text: str) -> int:
    return sum(1 for c in text if (ord(c) < 32 and c not in "\t\n\r\f") or 0x7F <= ord(c) < 0xA0)


def has_visible_text(text: str) -> bool:
    """Whether ``text`` has a character a reader can see (not whitespace, control or format characters)."""
    return any(not c.isspace() and unicodedata.category(c)[0] not in "CZ" for c in text)


def _strip_html(html: str) -> str:
    """``html`` without the elements of :data:`HTML_DROP` and comments (lxml; a regex when lxml fails)."""
    try:
        import lxml.html

        doc = lxml.html.document_fromstring(html)
        for el in list(doc.iter(*HTML_DROP)):
            if el.getparent() is not None:
                el.drop_tree()
        for el in list(doc.xpath("//*[@role='navigation' or @role='menu' or @role='menubar' "
                                 "or @aria-hidden='true']")):
            if el.getparent() is not None:
                el.drop_tree()
        for el in list(doc.xpath("//comment() | //processing-instruction()")):
            if el.getparent() is not None:
                el.drop_tree()
        return lxml.html.tostring(doc, encoding="unicode")
    except Exception:  # noqa: BLE001 - lxml rejects some junk; the regex below never fails
        names = "|".join(HTML_DROP)
        out = re.sub(r"(?s)<!--.*?(?:-->|$)", " ", html)
        # an element that is never closed swallows the rest of the page, as in a browser
        return re.sub(rf"(?is)<({names})\b.*?(?:</\1\s*>|$)", " ", out)


def _visible_text(html: str) -> str:
    """Text of markup that is already stripped of :data:`HTML_DROP`: tags removed, entities decoded."""
    out = re.sub(r"(?is)<(head|title)\b.*?(?:</\1\s*>|$)", " ", html)
    out = re.sub(r"(?s)<[^>]*>", "\n", out)
    return "\n".join(line.strip() for line in htmlmod.unescape(out).splitlines() if line.strip())


def _html_to_text(html: str) -> tuple[str, dict[str, Any]]:
    """Main text and metadata of an HTML page (trafilatura).

    Scripts, styles, navigation and forms are removed before extraction and never reach the text.
    """
    import trafilatura

    cleaned = _strip_html(html)
    try:
        text = trafilatura.extract(cleaned, include_comments=False, include_tables=True, favor_recall=True,
                                   with_metadata=False, deduplicate=False)
    except Exception:  # noqa: BLE001 - fall back to the visible text below
        text = None
    meta: dict[str, Any] = {}
    try:
        md = trafilatura.extract_metadata(html)
    except Exception:  # noqa: BLE001 - metadata is a bonus; the text is what matters
        md = None
    if md is not None:
        for key, value in (("title", md.title), ("outlet", md.sitename), ("published", md.date),
                           ("url", md.url)):
            if isinstance(value, str) and value.strip():
                meta[key] = safe_str(value)
    if not text or not text.strip():
        text = _visible_text(cleaned)
    return safe_str(text), meta


def _parse_json(text: str) -> Any:
    """``json.loads`` whose failures are :class:`LoadError` (bad syntax, deep nesting, huge numbers)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise LoadError(f"not valid JSON (line {e.lineno}: {e.msg})") from e
    except RecursionError as e:
        raise LoadError("not usable JSON (nested too deeply)") from e
    except ValueError as e:  # e.g. integers with too many digits
        raise LoadError(f"not usable JSON ({e})") from e


def _records_from_json(text: str, fmt: str, path: Path) -> tuple[list[tuple[int, dict]], list[str]]:
    """Records of a .jsonl/.json file as (number, record) and problems for broken parts."""
    out: list[tuple[int, dict]] = []
    problems: list[str] = []
    if fmt == ".jsonl":
        # only "\n" ends a record: U+2028, U+0085 and friends may stand raw inside JSON strings
        for n, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                rec = _parse_json(line)
            except LoadError as e:
                problems.append(f"line {n}: {e}")
                continue
            if not isinstance(rec, dict):
                problems.append(f"line {n}: a JSON {_json_type(rec)}, not an object with 'text'")
                continue
            out.append((n, rec))
        return out, problems
    try:
        data = _parse_json(text)
    except LoadError:
        # a .json file holding JSON lines is common enough to accept
        if len(text.strip().split("\n")) > 1:
            return _records_from_json(text, ".jsonl", path)
        raise
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise LoadError(f"JSON holds a {_json_type(data)}; "
                        "it must be an object or a list of objects with 'text'")
    for n, rec in enumerate(data, 1):
        if isinstance(rec, dict):
            out.append((n, rec))
        else:
            problems.append(f"record {n}: a JSON {_json_type(rec)}, not an object with 'text'")
    return out, problems


def _json_type(value: Any) -> str:
    """The JSON name of a decoded value's type."""
    return {dict: "object", list: "array", str: "string", int: "number", float: "number", bool: "boolean",
            type(None): "null"}.get(type(value), type(value).__name__)


def _record_doc(rec: dict, where: str, default_id: str) -> tuple[str, str, dict[str, Any], list[str]]:
    """Text, id, metadata and notes of one JSON record; raises LoadError when it has no usable text."""
    body = rec.get("text")
    if body is None:
        raise LoadError(f"{where}: no 'text' field with content")
    if not isinstance(body, str):
        raise LoadError(f"{where}: 'text' is a JSON {_json_type(body)}, not a string")
    body = safe_str(body)
    if not has_visible_text(body):
        raise LoadError(f"{where}: no 'text' field with content ('text' is empty or only whitespace)")
    notes: list[str] = []
    rid = rec.get("id")
    if isinstance(rid, str | int) and not isinstance(rid, bool) and str(rid).strip():
        aid = safe_str(str(rid).strip())
    else:
        if rid not in (None, ""):
            notes.append(f"{where}: 'id' is a JSON {_json_type(rid)}, not a string; used {default_id!r}")
        aid = default_id
    meta: dict[str, Any] = {}
    for k in META_KEYS:
        v = rec.get(k)
        if v in (None, ""):
            continue
        if isinstance(v, str):
            meta[k] = safe_str(v)
        elif isinstance(v, int | float) and not isinstance(v, bool):
            meta[k] = str(v)
        else:
            notes.append(f"{where}: field {k!r} is a JSON {_json_type(v)}, not a string; ignored")
    return body, aid, meta, notes


def read_metadata_csv(path: Path) -> dict[str, dict[str, Any]]:
    """``metadata.csv`` rows keyed by file name.

    The key column is ``file``, ``filename``, ``file_name``, ``source`` or ``article_id``.
    """
    text = decode_bytes(path.read_bytes())
    rows = list(csv.DictReader(io.StringIO(text)))
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        key = next((row[k] for k in ("file", "filename", "file_name", "source", "article_id")
                    if isinstance(row.get(k), str) and row.get(k)), None)
        if not key:
            continue
        out[key.strip()] = {k: v.strip() for k, v in row.items()
                            if k in META_KEYS and isinstance(v, str) and v.strip()}
    return out


def _iter_files(root: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """All regular files under ``root`` in a stable (sorted, depth-first) order, and what was skipped.

    Symbolic links to folders are followed once; a link back into a folder already being read (a loop)
    is skipped. Hidden files, broken links, FIFOs, sockets and devices, and folders that cannot be
    listed are reported as ``(path, problem)``; hidden folders (``.git``) are skipped silently.
    """
    files: list[Path] = []
    skipped: list[tuple[str, str]] = []
    try:
        st = root.stat()
    except OSError as e:
        return [], [(display_path(root), f"cannot be read: {e.strerror or e}")]
    if not stat.S_ISDIR(st.st_mode):
        if stat.S_ISREG(st.st_mode):
            return [root], []
        return [], [(display_path(root), _special_kind(st.st_mode))]

    def walk(folder: Path, seen: frozenset[tuple[int, int]]) -> None:
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: os.fsencode(e.name))
        except OSError as e:
            skipped.append((display_path(folder), f"folder cannot be read: {e.strerror or e}"))
            return
        for e in entries:
            p = Path(e.path)
            try:
                is_link = e.is_symlink()
                st = p.stat()  # follows links
            except FileNotFoundError:
                if is_link:
                    skipped.append((display_path(p), "broken symbolic link (its target does not exist)"))
                else:
                    skipped.append((display_path(p), "vanished while the folder was read"))
                continue
            except OSError as err:  # ELOOP for a link to itself, permission on the target's folder
                skipped.append((display_path(p), f"cannot be read: {err.strerror or err}"))
                continue
            if e.name.startswith("."):
                if stat.S_ISREG(st.st_mode):
                    skipped.append((display_path(p), "hidden file, skipped"))
                continue
            if stat.S_ISDIR(st.st_mode):
                key = (st.st_dev, st.st_ino)
                if key in seen:
                    skipped.append((display_path(p), "symbolic link loop (points back to a folder "
                                                     "that contains it), skipped"))
                    continue
                walk(p, seen | {key})
            elif stat.S_ISREG(st.st_mode):
                files.append(p)
            else:
                skipped.append((display_path(p), _special_kind(st.st_mode)))

    walk(root, frozenset({(st.st_dev, st.st_ino)}))
    return files, skipped


def _special_kind(mode: int) -> str:
    kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    return f"{kind}, not a file; skipped"


def _unique_id(stem: str, path: Path, root: Path, used: set[str]) -> str:
    aid = safe_str(stem)
    if aid in used:
        rel = path.relative_to(root) if root.is_dir() else Path(path.name)
        aid = safe_str(str(rel.with_suffix("")).replace("\\", "/"))
        if aid in used:
            aid = safe_str(str(rel).replace("\\", "/"))
        n = 2
        base = aid
        while aid in used:
            aid, n = f"{base}~{n}", n + 1
    used.add(aid)
    return aid


def _read_limited(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, refusing files over ``max_bytes`` (also when they grow while read)."""
    size = path.stat().st_size
    if size > max_bytes:
        raise LoadError(_too_big(size, max_bytes))
    with open(path, "rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise LoadError(_too_big(len(data), max_bytes, grew=True))
    return data


def _too_big(size: int, max_bytes: int, grew: bool = False) -> str:
    what = "grew while read to more than" if grew else f"is {size:,} bytes,"
    return (f"file {what} over the size limit of {max_bytes:,} bytes "
            "(raise it with max_bytes= or --max-bytes)")


def load_path(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Loaded:
    """Read every article under ``path`` (a folder, recursively, or one file).

    Files that cannot be read become rows of the ``problems`` table, never exceptions.
    """
    root = Path(path)
    problems: list[dict[str, str]] = []
    docs: list[RawDoc] = []
    if not root.exists() and not root.is_symlink():
        problems.append({"source_path": display_path(root), "problem": "path does not exist"})
        return Loaded(docs, schema.frame("problems", problems))
    files, skipped = _iter_files(root)
    problems += [{"source_path": s, "problem": m} for s, m in skipped]
    meta_by_dir: dict[Path, dict[str, dict[str, Any]]] = {}
    used: set[str] = set()
    for f in files:
        if f.name == METADATA_FILE:
            try:
                if f.stat().st_size > max_bytes:
                    raise LoadError(_too_big(f.stat().st_size, max_bytes))
                meta_by_dir[f.parent] = read_metadata_csv(f)
            except (LoadError, csv.Error, OSError, ValueError) as e:
                problems.append({"source_path": display_path(f), "problem": f"metadata.csv unreadable: {e}"})
    for f in files:
        if f.name == METADATA_FILE:
            continue
        shown = display_path(f)
        try:
            new_docs, new_problems = _load_file(f, root, max_bytes, meta_by_dir, used)
            docs += new_docs
            problems += [{"source_path": shown, "problem": m} for m in new_problems]
        except LoadError as e:
            problems.append({"source_path": shown, "problem": str(e)})
        except FileNotFoundError:
            problems.append({"source_path": shown, "problem": "vanished before it could be read"})
        except OSError as e:
            problems.append({"source_path": shown, "problem": f"cannot be read: {e.strerror or e}"})
        except Exception as e:  # noqa: BLE001 - a bad file must never stop the corpus
            problems.append({"source_path": shown,
                             "problem": f"unexpected error while reading ({type(e).__name__}: {e})"})
    return Loaded(docs, schema.frame("problems", problems))


def _load_file(f: Path, root: Path, max_bytes: int, meta_by_dir: dict[Path, dict[str, dict[str, Any]]],
               used: set[str]) -> tuple[list[RawDoc], list[str]]:
    """Documents of one file and problems with parts of it; raises LoadError when nothing is usable."""
    ext = f.suffix.lower()
    if ext not in SUPPORTED:
        raise LoadError(f"unknown file type {safe_str(ext) or '(no extension)'!r}; "
                        f"ukrsec reads {', '.join(sorted(SUPPORTED))}")
    data = _read_limited(f, max_bytes)
    if not data:
        raise LoadError("empty file")
    text = decode_bytes(data)
    if not text.strip():
        raise LoadError("file contains only whitespace")
    if not has_visible_text(text):
        raise LoadError("file contains only whitespace and invisible characters")
    override = meta_by_dir.get(f.parent, {})
    override = override.get(f.name) or override.get(f.stem) or {}
    source = display_path(f)
    if ext in JSON_EXT:
        recs, problems = _records_from_json(text, ext, f)
        if not recs and not problems:
            raise LoadError("holds no records")
        docs: list[RawDoc] = []
        for n, rec in recs:
            where = f"line {n}" if ext == ".jsonl" else f"record {n}"
            try:
                body, rid, meta, notes = _record_doc(rec, where, f"{safe_str(f.stem)}-{n}")
            except LoadError as e:
                problems.append(str(e))
                continue
            problems += notes
            meta.update(override)
            docs.append(RawDoc(_unique_id(rid, f, root, used), f"{source}#{n}", body, "json", meta))
        return docs, problems
    meta: dict[str, Any] = {}
    fmt = "text"
    if ext in HTML_EXT:
        text, meta = _html_to_text(text)
        fmt = "html"
        if not has_visible_text(text):
            raise LoadError("HTML page has no readable text (only markup, scripts, styles or navigation)")
    meta.update(override)
    return [RawDoc(_unique_id(f.stem, f, root, used), source, text, fmt, meta)], []
