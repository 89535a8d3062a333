"""What every reader shares: the raw document, the unit of reading, errors, and text decoding."""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
#: metadata fields an input may supply; ``text`` and ``id`` are read separately
META_KEYS = ("title", "outlet", "published", "url", "language")
_SURROGATE = re.compile("[\ud800-\udfff]")


class LoadError(Exception):
    """A file (or one record of it) that cannot become an article; the message says why."""


class ColumnError(ValueError):
    """A column named by the user (``--text-col``, ``text=``) is not in a table; the message names both."""


@dataclass
class RawDoc:
    """One article before cleaning."""

    article_id: str
    source_path: str
    raw_text: str
    fmt: str = "text"  # text | html | json | table | warc
    #: title, outlet, published, url, language as the input gives them
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Unit:
    """One input file, as the listing pass found it: what a reader (on any worker) needs to read it.

    ``path`` is a local path or an fsspec URL; ``rel`` is its path relative to the corpus root (POSIX,
    used for ids when a name repeats); ``override`` holds the ``metadata.csv`` row for the file.
    """

    path: str
    shown: str
    rel: str
    name: str
    remote: bool = False
    override: tuple[tuple[str, str], ...] = ()

    @property
    def ext(self) -> str:
        """The lower-cased extension; ``.warc.gz`` counts as one."""
        low = self.name.lower()
        if low.endswith(".warc.gz"):
            return ".warc.gz"
        return os.path.splitext(low)[1]

    @property
    def stem(self) -> str:
        """The file name without its extension."""
        return self.name[: len(self.name) - len(self.ext)] if self.ext else self.name


@dataclass(frozen=True)
class ReadOptions:
    """Options of a read: the size limit and the column mapping (field -> column name given by the user)."""

    max_bytes: int = DEFAULT_MAX_BYTES
    columns: tuple[tuple[str, str], ...] = ()

    @property
    def column_map(self) -> dict[str, str]:
        """The user's column mapping as a dict."""
        return dict(self.columns)


def safe_str(s: str) -> str:
    """``s`` with lone surrogates (from JSON escapes or undecodable file names) replaced by U+FFFD.

    Such strings cannot be written to Parquet or CSV, so they never leave the loader.
    """
    return _SURROGATE.sub("\ufffd", s)


def display_path(p: Path | str) -> str:
    """A path as printable text: undecodable bytes of a file name become U+FFFD."""
    return os.fsencode(p).decode("utf-8", "replace")


def too_big(size: int, max_bytes: int, grew: bool = False) -> str:
    """The problem message of a file over the size limit."""
    what = "grew while read to more than" if grew else f"is {size:,} bytes,"
    return (f"file {what} over the size limit of {max_bytes:,} bytes "
            "(raise it with max_bytes= or --max-bytes)")


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
    return _detected(data)


def _detected(data: bytes) -> str:
    """Text of non-UTF-8 bytes through the charset detector (cp1252 preferred among Western look-alikes)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
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
