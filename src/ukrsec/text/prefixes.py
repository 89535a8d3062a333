"""The literal beginnings of a regular expression, so that a matcher can try it only where one occurs.

``literal_prefixes(r"\\b(?:oversee|supervise)\\s+the")`` is ``{"oversee the"[:7], ...}``: every match of
the expression starts with one of the returned strings (lower-cased). Zero-width parts (``\\b``,
look-arounds) are skipped; groups and alternations of literals are followed; the first part that is
not a literal ends the prefix. ``None`` when no such set can be told (or it would be too large or
too short to help).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from re import _constants as C  # noqa: N812 (the parser's opcode names)
from re import _parser as P  # noqa: N812

import ahocorasick

#: characters that ``re.IGNORECASE`` matches with non-ASCII letters ("ſ", "K", "İ", "ı"): a text that
#: holds one of these is scanned in full, so anchoring never changes the matches
CASE_SPECIALS = frozenset("ſKİı")


def needs_scan(text: str) -> bool:
    """Whether ``text`` holds a letter of :data:`CASE_SPECIALS`: its expressions must be scanned in full."""
    return any(c in text for c in CASE_SPECIALS)

_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)


def literal_prefixes(expr: str, flags: int = 0, limit: int = 128, shortest: int = 2) -> set[str] | None:
    """The lower-cased strings every match of ``expr`` starts with, or None (see the module)."""
    try:
        parsed = P.parse(expr, flags)
    except re.error:
        return None
    out, _ = _sequence(list(parsed), limit)
    if out is None or not out or min(len(s) for s in out) < shortest:
        return None
    return out


def _sequence(items: list, limit: int) -> tuple[set[str] | None, bool]:
    """(prefixes of the items in order, whether all of them were literal)."""
    out = {""}
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        step, complete = _step(op, av, limit)
        if step is None:
            return out, False
        out = {a + b for a in out for b in step}
        if len(out) > limit:
            return None, False
        if not complete:
            return out, False
    return out, True


def _step(op: object, av: object, limit: int) -> tuple[set[str] | None, bool]:
    """The literal alternatives of one parsed item and whether it is literal throughout."""
    if op is C.LITERAL:
        return {chr(av).lower()}, True  # type: ignore[arg-type]
    if op is C.IN and all(o is C.LITERAL for o, _ in av):  # type: ignore[attr-defined]
        return {chr(c).lower() for _, c in av}, True  # "(?:a|b)" is parsed as the class [ab]
    if op is C.SUBPATTERN:
        return _sequence(list(av[3]), limit)  # type: ignore[index]
    if op is C.BRANCH:
        parts = [_sequence(list(b), limit) for b in av[1]]  # type: ignore[index]
        if any(s is None for s, _ in parts):
            return None, False
        return set().union(*(s for s, _ in parts)), all(c for _, c in parts)  # type: ignore[misc]
    return None, False


def matches_at(rx: re.Pattern, text: str, starts: Iterable[int],
               endpos: int | None = None) -> Iterable[re.Match]:
    """What ``rx.finditer`` yields over ``text[:endpos]`` when every match must start at one of
    ``starts`` (sorted positions of literal beginnings): left to right, each tried where the last
    match ended or later."""
    end = len(text) if endpos is None else endpos
    last = 0
    for pos in starts:
        if pos < last:
            continue
        m = rx.match(text, pos, end)
        if m is not None:
            yield m
            last = m.end() if m.end() > m.start() else m.end() + 1


class PrefixIndex:
    """Where each of several expressions can start in a text, found by one automaton pass.

    ``prefixes[i]`` are the literal beginnings of expression ``i`` (:func:`literal_prefixes`; None:
    it has none). :meth:`starts` gives, per expression, the sorted positions where one of its
    beginnings occurs, or None where the expression must be scanned: it has no beginnings, or the
    text holds a letter IGNORECASE matches beyond ASCII (:func:`needs_scan`). Trying an expression
    only at its positions (:func:`matches_at`) finds what a scan finds."""

    def __init__(self, prefixes: Sequence[set[str] | None]) -> None:
        self.size = len(prefixes)
        self.covered = frozenset(i for i, pre in enumerate(prefixes) if pre)
        by_prefix: dict[str, list[int]] = {}
        for i, pre in enumerate(prefixes):
            for w in pre or ():
                by_prefix.setdefault(w, []).append(i)
        self._auto = ahocorasick.Automaton() if by_prefix else None
        for w, idxs in by_prefix.items():
            self._auto.add_word(w, (len(w), tuple(idxs)))
        if self._auto is not None:
            self._auto.make_automaton()

    def starts(self, text: str) -> list[list[int] | None]:
        """Per expression, the sorted positions in ``text`` where it can start (None: scan it)."""
        if self._auto is None or needs_scan(text):
            return [None] * self.size
        found: list[set[int] | None] = [set() if i in self.covered else None for i in range(self.size)]
        for end_idx, (n, idxs) in self._auto.iter(text):
            for i in idxs:
                found[i].add(end_idx - n + 1)  # type: ignore[union-attr]
        return [None if f is None else sorted(f) for f in found]
