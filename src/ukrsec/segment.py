"""Stage ``segment``: German- and English-aware sentence splitting with character offsets.

A rule-based splitter written for news text and measured against SoMaJo (see
``tests/test_segment.py`` and ``docs/benchmarks.md``): it agrees with SoMaJo on the cases that
matter here ("6. Januar 2026", "15.000", "z.B.", "u.a.", "Art. 5", "1945. Laut", quotes that
close after the full stop) and is two orders of magnitude faster. Abbreviations are a data file
(``data/abbreviations.txt``).

Rules: a line break ends a sentence unless the text runs on in lower case (hard-wrapped
paragraphs); inside a line, ``. ! ? …`` (with closing quotes and brackets) end a sentence when
the next word starts a new one: upper case, a digit, or an opening quote, and the word before the
full stop is not an abbreviation, an initial or an ordinal number.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from . import schema
from .dates import month_names
from .resources import read_lines

CLOSERS = "\"'”“’‘»«)]"
OPENERS = "\"'„“‚‘«»(["
_CANDIDATE = re.compile(r"([.!?…]+)([" + re.escape(CLOSERS) + r"]*)(\s+)(?=\S)")
_NEXT_WORD = re.compile(r"[\w\-]+")
_LETTER_DOTS = re.compile(r"(?:[A-Za-zÄÖÜäöü]\.)+[A-Za-zÄÖÜäöü]")
_INITIAL = re.compile(r"[A-ZÄÖÜ]")


@lru_cache(maxsize=4)
def _abbreviations(data_dir: str | None = None) -> frozenset[str]:
    return frozenset(a.strip() for a in read_lines("abbreviations.txt", data_dir))


@lru_cache(maxsize=4)
def _continuers(data_dir: str | None = None) -> frozenset[str]:
    """Words after which a line runs on (``data/line_continuers.txt``): "für die\nUkraine"."""
    return frozenset(a.strip().lower() for a in read_lines("line_continuers.txt", data_dir))


def _word_before(text: str, end: int) -> str:
    """The run of non-space characters ending at ``end`` (what ``(\\S+)$`` finds in ``text[:end]``).

    Scans backwards from ``end`` instead of searching from the start of the text, which made
    splitting quadratic in the length of an article.
    """
    if end > 0 and text[end - 1] == "\n":  # ``$`` also matches before a final newline
        end -= 1
    i = end
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return text[i:end]


def _last_word(line: str) -> str:
    """The last word of ``line`` in lower case ('' when it ends in a mark)."""
    i = len(line)
    while i > 0 and line[i - 1].isalpha():
        i -= 1
    return line[i:].lower() if i == 0 or line[i - 1].isspace() else ""


def _is_boundary(text: str, dot_at: int, punct: str, nxt: int, abbrevs: frozenset[str],
                 months: dict[str, int]) -> bool:
    """Whether the punctuation at ``dot_at`` ends a sentence whose successor starts at ``nxt``."""
    if nxt >= len(text):
        return True
    c = text[nxt]
    if not (c.isupper() or c.isdigit() or c in OPENERS or c in "-–•"):
        return False  # the next word does not start a sentence
    if punct[0] != "." or len(punct) >= 3:  # "!", "?", "…", and "..." before a new sentence
        return True
    w = _word_before(text, dot_at).lstrip("(\"'„“‚‘«»[")
    if not w:
        return True
    if _abbreviated(w, abbrevs):
        return False
    return _after_number_ends(text, nxt, w, months) if w.isdigit() else True


def _abbreviated(w: str, abbrevs: frozenset[str]) -> bool:
    """Whether the full stop after ``w`` is an abbreviation's: a listed one, letters separated by
    dots ("z.B", "U.S", "e.g"), or an initial ("Donald J. Trump")."""
    if w in abbrevs or w.rstrip(".") in abbrevs:
        return True
    return _LETTER_DOTS.fullmatch(w) is not None or _INITIAL.fullmatch(w) is not None


def _after_number_ends(text: str, nxt: int, number: str, months: dict[str, int]) -> bool:
    """Whether a full stop after ``number`` ends the sentence: not in a date ("6. Januar"), nor after
    an ordinal of one or two digits ("im 2. Weltkrieg") unless a usual sentence opener follows
    ("Platz 3. Danach"); after a year it does ("1945. Laut")."""
    word_m = _NEXT_WORD.match(text, nxt)
    next_word = word_m.group(0) if word_m else ""
    if next_word.lower().rstrip(".") in months:
        return False
    if len(number) <= 2 and not text[nxt].isdigit():
        return next_word in _OPENERS_AFTER_NUMBER
    return True


# sentence openers after a small number: "... stieg auf 25. Danach ..."
_OPENERS_AFTER_NUMBER = frozenset(
    "Der Die Das Den Dem Des Ein Eine Einer Es Er Sie Wir Ich Man Am Im In Auf Nach Vor Bei Mit Doch Aber "
    "Und Laut Damit Dabei Danach Dann Zudem Auch Allerdings Zuvor Seit Wie Was Wer Als Wenn The A An It He "
    "She We They In On At After Before But And This That These Those".split())


def split_spans(text: str, data_dir: str | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``; leading and trailing spaces are outside the spans."""
    abbrevs = _abbreviations(data_dir)
    continuers = _continuers(data_dir)
    months = month_names(data_dir)
    spans: list[tuple[int, int]] = []
    # hard boundaries: line breaks, unless a wrapped line continues in lower case
    pieces: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer(r"\n", text):
        nl = m.start()
        after = text[nl + 1:nl + 2]
        prev = text[start:nl].rstrip()
        wrapped = bool(prev) and ((after.islower() and not prev.endswith(tuple(".!?…:" + CLOSERS)))
                                  or (prev.endswith((",", ";")) and after.isalpha())
                                  or (after.isalpha() and _last_word(prev) in continuers))
        if not wrapped:
            pieces.append((start, nl))
            start = nl + 1
    pieces.append((start, len(text)))
    for p0, p1 in pieces:
        seg_start = p0
        for m in _CANDIDATE.finditer(text, p0, p1):
            end = m.start(3)  # after closing quotes
            nxt = m.end(3)
            if nxt >= p1:
                continue
            if _is_boundary(text, m.start(1), m.group(1), nxt, abbrevs, months):
                _add(spans, text, seg_start, end)
                seg_start = nxt
        _add(spans, text, seg_start, p1)
    return spans


def _add(spans: list[tuple[int, int]], text: str, s: int, e: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))


def split(text: str, data_dir: str | None = None) -> list[str]:
    """The sentences of ``text`` as strings."""
    return [text[s:e] for s, e in split_spans(text, data_dir)]


def segment(articles: pd.DataFrame, data_dir: str | None = None) -> pd.DataFrame:
    """The ``sentences`` table for ``articles`` (columns ``article_id``, ``text``)."""
    cols: dict[str, list] = {"article_id": [], "sentence_id": [], "start": [], "end": [], "text": []}
    # plain lists: iterating Arrow-backed string columns item by item is slow
    for aid, text in zip(articles["article_id"].tolist(), articles["text"].tolist(), strict=True):
        text = "" if text is None or pd.isna(text) else str(text)
        spans = split_spans(text, data_dir)
        cols["article_id"] += [aid] * len(spans)
        cols["sentence_id"] += range(len(spans))
        cols["start"] += [s for s, _ in spans]
        cols["end"] += [e for _, e in spans]
        cols["text"] += [text[s:e] for s, e in spans]
    return schema.frame("sentences", pd.DataFrame(cols)) if cols["text"] else schema.empty("sentences")
