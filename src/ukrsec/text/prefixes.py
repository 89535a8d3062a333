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
CASE_SPECIALS = frozenset("\u017f\u212a\u0130\u0131")  # ſ, the Kelvin sign, İ, ı


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


def needed_literals(expr: str, flags: int = 0, limit: int = 128, shortest: int = 3) -> set[str] | None:
    """Lower-cased strings one of which every match of ``expr`` contains (the longest such run of
    literals), or None when none can be told: ``r"\\b\\w+\\s+leadership\\b"`` needs "leadership"."""
    try:
        parsed = P.parse(expr, flags)
    except re.error:
        return None
    return _needed(list(parsed), limit, shortest)


def _needed(items: list, limit: int, shortest: int) -> set[str] | None:
    """The best set of strings one of which a match of the items in order contains."""
    best: set[str] | None = None
    run = {""}

    def close(found: set[str] | None) -> None:
        nonlocal best
        if found and min(len(x) for x in found) >= shortest and (
                best is None or (min(map(len, found)), -len(found)) > (min(map(len, best)), -len(best))):
            best = found

    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        step, complete = _step(op, av, limit)
        grown = None if step is None else {a + b for a in run for b in step}
        if grown is not None and len(grown) <= limit and complete:
            run = grown
            continue
        close(grown if grown is not None and len(grown) <= limit else run)
        close(_inner_needed(op, av, limit, shortest))
        run = {""}
    close(run)
    return best


def _inner_needed(op: object, av: object, limit: int, shortest: int) -> set[str] | None:
    """What a group, an alternation or a repeat taken at least once needs inside it."""
    if op is C.SUBPATTERN:
        return _needed(list(av[3]), limit, shortest)  # type: ignore[index]
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:  # type: ignore[index]
        return _needed(list(av[2]), limit, shortest)  # type: ignore[index]
    if op is C.BRANCH:
        parts = [_needed(list(b), limit, shortest) for b in av[1]]  # type: ignore[index]
        if any(x is None for x in parts):
            return None
        out = set().union(*parts)  # type: ignore[arg-type]
        return out if len(out) <= limit else None
    return None


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
    it has none), ``gates[i]`` strings one of which its every match contains (:func:`needed_literals`).
    :meth:`starts` gives, per expression, the sorted positions where one of its beginnings occurs ([]
    when a gate string is missing: it cannot match), or None where the expression must be scanned: it
    has neither, or the text holds a letter IGNORECASE matches beyond ASCII (:func:`needs_scan`).
    Trying an expression only at its positions (:func:`matches_at`) finds what a scan finds."""

    def __init__(self, prefixes: Sequence[set[str] | None],
                 gates: Sequence[set[str] | None] | None = None) -> None:
        self.size = len(prefixes)
        self.covered = frozenset(i for i, pre in enumerate(prefixes) if pre)
        self.gated = frozenset(i for i, g in enumerate(gates or ()) if g and i not in self.covered)
        words: dict[str, tuple[list[int], list[int]]] = {}
        for i, pre in enumerate(prefixes):
            for w in pre or ():
                words.setdefault(w, ([], []))[0].append(i)
        for i in self.gated:
            for w in gates[i]:  # type: ignore[index]
                words.setdefault(w, ([], []))[1].append(i)
        # per expression, whether a text without any of its strings rules it out ([]) or not (None)
        self._shape = tuple(i in self.covered or i in self.gated for i in range(self.size))
        self._auto = ahocorasick.Automaton() if words else None
        for w, (idxs, gated) in words.items():
            self._auto.add_word(w, (len(w), tuple(idxs), tuple(gated)))
        if self._auto is not None:
            self._auto.make_automaton()

    def starts(self, text: str) -> list[list[int] | None]:
        """Per expression, the sorted positions in ``text`` where it can start (None: scan it)."""
        if self._auto is None or needs_scan(text):
            return [None] * self.size
        found: dict[int, set[int]] = {}
        opened: set[int] = set()
        for end_idx, (n, idxs, gated) in self._auto.iter(text):
            at = end_idx - n + 1
            for i in idxs:
                f = found.get(i)
                if f is None:
                    found[i] = {at}
                else:
                    f.add(at)
            if gated:
                opened.update(gated)
        out: list[list[int] | None] = [[] if c else None for c in self._shape]
        for i in opened:
            out[i] = None  # a gate string occurs: scanned
        for i, f in found.items():
            out[i] = sorted(f)
        return out


def union(starts: Sequence[list[int] | None]) -> list[int] | None:
    """Where any of the expressions can start (None when one of them must be scanned): the positions
    for the alternation of all of them."""
    if any(s is None for s in starts):
        return None
    return sorted({p for s in starts for p in s})  # type: ignore[union-attr]


class AnchoredRegex:
    """A compiled expression tried only where a match can start: :meth:`finditer` yields what
    ``rx.finditer`` yields. ``parts`` are the alternatives the expression joins (default: the
    expression itself), each indexed by its literal beginnings, else gated by the strings it needs.
    Any other attribute is the compiled expression's (``fullmatch``, ``pattern`` ...)."""

    def __init__(self, rx: re.Pattern, parts: Sequence[str] | None = None) -> None:
        self.rx = rx
        ps = [rx.pattern] if parts is None else list(parts)
        self.index = PrefixIndex([literal_prefixes(p, rx.flags, 64, shortest=1) for p in ps],
                                 [needed_literals(p, rx.flags) for p in ps])

    def finditer(self, text: str) -> Iterable[re.Match]:
        """The matches of the expression in ``text``, left to right (those of ``rx.finditer``)."""
        at = union(self.index.starts(text))
        return self.rx.finditer(text) if at is None else matches_at(self.rx, text, at)

    def __getattr__(self, name: str) -> object:
        return getattr(self.rx, name)
