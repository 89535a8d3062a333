"""The one span type and the one overlap policy of ukrsec.

Every stage reports what it finds as :class:`Span` objects (character offsets into
``articles.text``), and every stage that must choose among overlapping candidates calls
:func:`filter_spans`, so a boundary or overlap rule is written once.
"""

from __future__ import annotations

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
    ordered = sorted(spans, key=key)
    if not ordered:
        return []
    # characters taken so far, and the places of chosen empty spans (a later span may not cross one)
    mask = bytearray(max(max(sp.end, sp.start) for sp in ordered) + 1)
    empty: list[int] = []
    chosen: list[Span] = []
    for sp in ordered:
        if sp.end <= sp.start:
            if mask[sp.start]:
                continue
            empty.append(sp.start)
        elif mask.find(1, sp.start, sp.end) != -1 or any(sp.start < p < sp.end for p in empty):
            continue
        else:
            mask[sp.start : sp.end] = b"\x01" * (sp.end - sp.start)
        chosen.append(sp)
    return sorted(chosen, key=lambda s: (s.start, s.end))


def free(spans: Iterable[Span], taken: Iterable[Span]) -> list[Span]:
    """The ``spans`` that overlap none of ``taken`` (for a pass that must not claim text twice)."""
    busy = sorted((t.start, t.end) for t in taken)
    out = []
    for sp in spans:
        if not any(sp.start < e and s < sp.end for s, e in busy):
            out.append(sp)
    return out
