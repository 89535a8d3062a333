"""The one span type and the one overlap policy of ukrsec.

Every stage reports what it finds as :class:`Span` objects (character offsets into
``articles.text``), and every stage that must choose among overlapping candidates calls
:func:`filter_spans`, so a boundary or overlap rule is written once.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, order=True)
class Span:
    """A stretch ``text[start:end]`` with a ``label`` (what it is) and free ``data`` (what it resolves to).

    ``data`` takes no part in ordering or equality, so two finds of the same label at the same place
    are one span whatever they carry.
    """

    start: int
    end: int
    label: str = ""
    data: Any = field(default=None, compare=False)

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        """True when ``other`` lies inside this span."""
        return self.start <= other.start and other.end <= self.end

    def text(self, text: str) -> str:
        """The surface of the span in ``text``."""
        return text[self.start : self.end]


def longest_leftmost(span: Span) -> tuple[int, int]:
    """The default preference: longer first, then earlier."""
    return (-(span.end - span.start), span.start)


def filter_spans(spans: Iterable[Span], key: Callable[[Span], Any] = longest_leftmost) -> list[Span]:
    """The non-overlapping subset of ``spans``, chosen greedily by ``key`` (smallest first), in text order.

    The default keeps the longest span and, among equally long ones, the leftmost (spaCy's
    ``filter_spans`` policy). A stage that must prefer something else (a more specific label, a
    higher confidence) passes its own ``key``; ties are broken by the order of ``spans``.
    """
    chosen: list[Span] = []
    taken: list[tuple[int, int]] = []  # chosen (start, end), sorted: ends rise with starts
    starts: list[int] = []
    for sp in sorted(spans, key=key):
        if sp.end < sp.start:  # not a proper span: checked against every chosen one
            if any(s <= sp.start < e or (sp.start < e and s < sp.end) for s, e in taken):
                continue
        elif _clashes(taken, starts, sp.start, sp.end):
            continue
        chosen.append(sp)
        i = bisect_right(taken, (sp.start, sp.end))
        taken.insert(i, (sp.start, sp.end))
        starts.insert(i, sp.start)
    return sorted(chosen, key=lambda s: (s.start, s.end))


def _clashes(taken: list[tuple[int, int]], starts: list[int], a: int, b: int) -> bool:
    """Whether ``[a, b)`` overlaps a chosen span (an empty one: lies inside one). The chosen spans do
    not overlap, so the last one starting before ``b`` (at or before ``a`` when empty) decides."""
    i = bisect_left(starts, b) if b > a else bisect_right(starts, a)
    return i > 0 and taken[i - 1][1] > a


def free(spans: Iterable[Span], taken: Iterable[Span]) -> list[Span]:
    """The ``spans`` that overlap none of ``taken`` (for a pass that must not claim text twice)."""
    busy = sorted((t.start, t.end) for t in taken)
    out = []
    for sp in spans:
        if not any(sp.start < e and s < sp.end for s, e in busy):
            out.append(sp)
    return out
