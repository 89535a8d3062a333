"""The literal beginnings of a regular expression, so that a matcher can try it only where one occurs.

``literal_prefixes(r"\\b(?:oversee|supervise)\\s+the")`` is ``{"oversee the"[:7], ...}``: every match of
the expression starts with one of the returned strings (lower-cased). Zero-width parts (``\\b``,
look-arounds) are skipped; groups and alternations of literals are followed; the first part that is
not a literal ends the prefix. ``None`` when no such set can be told (or it would be too large or
too short to help).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from re import _constants as C  # noqa: N812 (the parser's opcode names)
from re import _parser as P  # noqa: N812

#: characters that ``re.IGNORECASE`` matches with non-ASCII letters ("ſ", "K", "İ", "ı"): a text that
#: holds one of these is scanned in full, so anchoring never changes the matches
CASE_SPECIALS = frozenset("ſKİı")

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
