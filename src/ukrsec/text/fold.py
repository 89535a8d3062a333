"""Length-preserving images of a text: one character for one, so offsets stay valid.

* :func:`lower` lower-cases character by character (a character whose lower case is longer,
  such as "İ", keeps its case);
* :func:`fold` also removes accents ("Élysée" -> "elysee") and unifies dashes and apostrophes;
* :func:`fold_case` removes accents but keeps the case;
* :func:`word_image` keeps word characters and writes "#" for every other (the matcher's word image).

Whole texts go through a code-point table (a numpy gather over UTF-32), which is far faster than
``str.translate`` on non-ASCII text; the tables grow lazily with every new character.
"""

from __future__ import annotations

import unicodedata

import numpy as np

SPECIAL = {
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i",
    "’": "'", "‘": "'", "‐": "-", "‑": "-", "–": "-", "—": "-",
}  # fmt: skip


def _strip_accent(c: str) -> str:
    if c in SPECIAL:
        return SPECIAL[c]
    if ord(c) < 128:
        return c
    base = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))
    return base if len(base) == 1 else c


def _lower1(c: str) -> str:
    low = c.lower()
    return low if len(low) == 1 else c


def _word_char(c: str) -> str:
    """``c`` if it is a word character (``\\w``: alphanumeric or "_"), else "#"."""
    return c if c.isalnum() or c == "_" else "#"


_IMAGES = {
    "lower": _lower1,
    "fold": lambda c: _lower1(_strip_accent(c)),
    "fold_case": _strip_accent,
    "word": _word_char,
}


class _Table:
    """A lazily filled code-point map for one image."""

    def __init__(self, fn) -> None:  # noqa: ANN001 - a char -> char function
        self.fn = fn
        self.known = np.zeros(0x10000, dtype=bool)
        self.known[:128] = True
        self.map = np.arange(0x10000, dtype=np.uint32)
        for code in range(128):
            self.map[code] = ord(fn(chr(code)))
        self.small: dict[int, str] = {}

    def apply(self, text: str) -> str:
        """The image of ``text``: the same length, one character for one."""
        quick = self._quick(text)
        if quick is not None:
            return quick
        if len(text) < 200:  # short strings (words, patterns): str.translate beats the numpy setup
            missing = {ord(c) for c in text}.difference(self.small)
            for code in missing:
                self.small[code] = self.fn(chr(code))
            return text.translate(self.small)
        return self._by_table(text)

    def _quick(self, text: str) -> str | None:
        """The image by a string method where that gives the same (ASCII text; lower-casing where no
        character grows), else None."""
        if text.isascii() and self.fn is not _word_char:
            return text.lower() if self.fn is not _strip_accent else text
        if self.fn is _lower1 and "\u03a3" not in text:
            # str.lower is per character except for a final capital sigma; when no character grows
            # (only "İ" does), it is the length-preserving image itself
            low = text.lower()
            if len(low) == len(text):
                return low
        return None

    def _by_table(self, text: str) -> str:
        """The image through the code-point table (characters outside it one by one)."""
        try:
            codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        except UnicodeEncodeError:  # lone surrogates
            return "".join(self.fn(c) for c in text)
        if codes.size and int(codes.max()) >= 0x10000:
            return "".join(self.fn(c) for c in text)
        seen = self.known[codes]
        if not seen.all():
            for code in np.unique(codes[~seen]).tolist():
                self.map[code] = ord(self.fn(chr(code)))
                self.known[code] = True
        return self.map[codes].tobytes().decode("utf-32-le")


_TABLES = {name: _Table(fn) for name, fn in _IMAGES.items()}


def lower(text: str) -> str:
    """``text`` lower-cased, same length."""
    return _TABLES["lower"].apply(text)


def fold(text: str) -> str:
    """``text`` lower-cased and without accents, same length."""
    return _TABLES["fold"].apply(text)


def fold_case(text: str) -> str:
    """``text`` without accents, case kept, same length."""
    return _TABLES["fold_case"].apply(text)


def word_image(text: str) -> str:
    """``text`` with every non-word character (``\\W``) replaced by "#", same length."""
    return _TABLES["word"].apply(text)


def image(text: str, how: str) -> str:
    """The image ``how`` (``lower``, ``fold`` or ``fold_case``) of ``text``."""
    try:
        return _TABLES[how].apply(text)
    except KeyError:
        raise ValueError(f"unknown text image {how!r}; expected one of {sorted(_TABLES)}") from None
