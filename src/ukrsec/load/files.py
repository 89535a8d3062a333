"""Local files: listing a corpus folder, reading a file within the size limit, and the plain formats.

Plain formats: ``.txt``/``.md`` (plain text), ``.html``/``.htm`` (main text through trafilatura) and
``.jsonl``/``.json`` (one record per article). A ``metadata.csv`` in a folder, keyed by file name,
overrides what the library infers for the files of that folder.
"""

from __future__ import annotations

import csv
import io
import os
import stat
from pathlib import Path
from typing import Any

from .base import (
    META_KEYS,
    LoadError,
    RawDoc,
    decode_bytes,
    display_path,
    has_visible_text,
    safe_str,
    too_big,
)
from .html import html_to_text
from .records import record_doc, records_from_json, resolve

TEXT_EXT = {".txt", ".md"}
HTML_EXT = {".html", ".htm"}
JSON_EXT = {".jsonl", ".json"}
PLAIN = TEXT_EXT | HTML_EXT | JSON_EXT


def read_metadata_csv(data: bytes) -> dict[str, dict[str, Any]]:
    """``metadata.csv`` rows keyed by file name.

    The key column is ``file``, ``filename``, ``file_name``, ``source`` or ``article_id``.
    """
    text = decode_bytes(data)
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


def iter_files(root: Path) -> tuple[list[Path], list[tuple[str, str]]]:
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


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, refusing files over ``max_bytes`` (also when they grow while read)."""
    size = path.stat().st_size
    if size > max_bytes:
        raise LoadError(too_big(size, max_bytes))
    with open(path, "rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise LoadError(too_big(len(data), max_bytes, grew=True))
    return data




def decode_text(data: bytes) -> str:
    """Decoded text of a file's bytes, or LoadError when there is nothing to read."""
    if not data:
        raise LoadError("empty file")
    text = decode_bytes(data)
    if not text.strip():
        raise LoadError("file contains only whitespace")
    if not has_visible_text(text):
        raise LoadError("file contains only whitespace and invisible characters")
    return text


def read_plain(data: bytes, ext: str, stem: str, shown: str, override: dict[str, Any],
               given: dict[str, str]) -> tuple[list[RawDoc], list[str]]:
    """Documents (with proposed ids) of a text, HTML or JSON file and problems with parts of it."""
    text = decode_text(data)
    if ext in JSON_EXT:
        recs, problems = records_from_json(text, ext)
        if not recs and not problems:
            raise LoadError("holds no records")
        docs: list[RawDoc] = []
        for n, rec in recs:
            where = f"line {n}" if ext == ".jsonl" else f"record {n}"
            try:
                cols = resolve(list(rec), given, where, strict=False)
                body, rid, meta, notes = record_doc(rec, cols, where, f"{safe_str(stem)}-{n}")
            except LoadError as e:
                problems.append(str(e))
                continue
            problems += notes
            meta.update(override)
            docs.append(RawDoc(rid, f"{shown}#{n}", body, "json", meta))
        return docs, problems
    meta: dict[str, Any] = {}
    fmt = "text"
    if ext in HTML_EXT:
        text, meta = html_to_text(text)
        fmt = "html"
        if not has_visible_text(text):
            raise LoadError("HTML page has no readable text (only markup, scripts, styles or navigation)")
    meta.update(override)
    return [RawDoc(safe_str(stem), shown, text, fmt, meta)], []
