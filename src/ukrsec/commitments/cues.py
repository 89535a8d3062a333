"""Cue hits: the word cues of an article (one shared-matcher pass) and the stance patterns of a clause."""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

from ..text import Span, filter_spans
from ..text.prefixes import matches_at
from .lexicon import Lexicon


class Hit(NamedTuple):
    """A cue found in the text, with the fields of a :class:`~ukrsec.text.Span` (``start``, ``end``,
    ``label``, ``data``), so the span functions take it: ``label`` is the commitment type, stance ...;
    ``kind`` says which (``type``, ``generic``, ``stance``, ``collective``); ``spec`` is the length of
    the cue's literal text (of two cues on the same span the longer wins). A tuple, not the Span
    dataclass, because an article has hundreds of them and they are hashed and compared often."""

    start: int
    end: int
    label: str
    data: object = None
    kind: str = ""
    spec: int = 0

    def overlaps(self, other: Hit) -> bool:
        return Span.overlaps(self, other)  # type: ignore[arg-type]


def hit(kind: str, label: str, start: int, end: int, spec: int = 0) -> Hit:
    """A :class:`Hit` (positional shorthand)."""
    return Hit(start, end, label, None, kind, spec)


def find_cues(text: str, lex: Lexicon, low: str | None = None) -> list[Hit]:
    """All word-cue hits of an article (overlaps included), sorted by start, longer first."""
    found = lex.cues.find_tuples(text, (low if low is not None else lex.cues.images(text)[0], text))
    return [Hit(a, -b, *_parts(label)) for a, b, label, _p in found]


@lru_cache(maxsize=4096)
def _parts(label: str) -> tuple[str, None, str, int]:
    """(name, data, kind, spec) of a cue label "kind|name|spec"."""
    kind, name, spec = label.split("|")
    return name, None, kind, int(spec)


def _longest_then_specific(h: Hit) -> tuple[int, int, int]:
    return (-(h.end - h.start), h.start, -h.spec)


def drop_overlaps(hits: list[Hit]) -> list[Hit]:
    """Keep the longest of overlapping hits (earliest first on ties, then the more specific cue)."""
    if len(hits) < 2:
        return list(hits)
    return filter_spans(hits, key=_longest_then_specific)


def pattern_hits(low: str, s0: int, s1: int, anchors: list[int] | None, lex: Lexicon) -> list[Hit]:
    """Matches of the stance patterns in ``low[s0:s1]``; with ``anchors`` (sorted positions where a
    pattern can start) the regex is tried only there, which gives the same matches as a scan."""
    rx, label_of = lex.stance_patterns
    if anchors is None:
        seg = low[s0:s1]
        return [hit("stance", label_of[m.lastgroup], s0 + m.start(), s0 + m.end()) for m in rx.finditer(seg)]
    starts = anchors[bisect_left(anchors, s0):bisect_left(anchors, s1)]
    return [hit("stance", label_of[m.lastgroup], m.start(), m.end()) for m in matches_at(rx, low, starts, s1)]


def anchor_positions(low: str, lex: Lexicon) -> list[int] | None:
    """Sorted start positions of the stance-pattern anchors in ``low`` (None: the patterns need a scan,
    also when ``low`` holds a letter IGNORECASE matches beyond ASCII, as in the matcher)."""
    return lex.pattern_anchors.starts(low)[0]
