"""The one phrase matcher: word patterns kept as data, matched in one pass over an article.

Pattern syntax (the same in every lexicon):

* one or more words separated by spaces; a space matches any run of white space;
* ``*`` at the end of a word lets the word run on (``truppe*`` matches "Truppen",
  "Truppenentsendung"); ``*`` at its start lets it begin inside a compound (``*truppe*`` matches
  "Friedenstruppe"); without ``*`` a word must stand whole (word boundaries on both sides);
* matching ignores case (and, with ``image="fold"``, accents), unless the pattern is marked
  ``case=True`` (abbreviations such as "US", "AfD"), which must match letter by letter;
* ``inflect=True`` lets every word without ``*`` take a German or English inflection ending
  (the endings are data: ``data/text/inflection.yaml``);
* a pattern written ``re:...`` is a Python regular expression matched over the same image.

Every literal pattern is found through one Aho-Corasick automaton over its first literal word,
then checked by a compiled expression at that place, so adding patterns costs little.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import ahocorasick

from . import fold as _fold
from . import lexicon as lx
from .prefixes import PrefixIndex, literal_prefixes, matches_at, needed_literals
from .span import Span

INFLECTION_SCHEMA = lx.Keys({"endings": lx.ListOf(str)})


@dataclass(frozen=True)
class Pattern:
    """One entry of a lexicon: the words to look for, what they mean, and how they must look."""

    text: str
    label: str = ""
    id: str | None = None
    case: bool = False
    inflect: bool = False
    data: Any = None

    @property
    def is_regex(self) -> bool:
        return self.text.startswith("re:")


def pattern(spec: str | dict | Pattern, label: str = "", **defaults: Any) -> Pattern:
    """A :class:`Pattern` from a string, a mapping (``{"text": ..., "case": true, ...}``) or a Pattern."""
    if isinstance(spec, Pattern):
        return spec
    if isinstance(spec, str):
        return Pattern(spec, label, **defaults)
    fields = {**defaults, **spec}
    fields.setdefault("label", label)
    unknown = set(fields) - {"text", "label", "id", "case", "inflect", "data"}
    if unknown:
        raise ValueError(f"unknown pattern field {sorted(unknown)[0]!r} in {spec!r}")
    return Pattern(**fields)


def _endings(data_dir: str | None) -> str:
    endings = lx.load("text/inflection.yaml", INFLECTION_SCHEMA, data_dir)["endings"]
    alts = "|".join(re.escape(e) for e in sorted(set(endings), key=lambda e: (-len(e), e)))
    return f"(?:{alts})?" if alts else ""


def _word_regex(word: str, last: bool, inflect: str) -> str:
    pre, post = word.startswith("*"), word.endswith("*") and len(word) > 1
    core = re.escape(word.strip("*"))
    if pre:
        core = r"\w*" + core
    if post:
        core += r"\w*" if last else r"[\w\-]*"
    elif inflect:
        core += inflect
    return core


def compile_regex(p: Pattern, inflect: str = "", image: str = "lower") -> re.Pattern:
    """The expression that checks ``p`` at a candidate place: over the matcher's image of the text,
    or, for a ``case`` pattern, over the text itself (accents folded when ``image`` is ``fold``)."""
    if p.is_regex:
        return re.compile(p.text[3:], 0 if p.case else re.IGNORECASE)
    if p.case:
        words = (_fold.fold_case(p.text) if image == "fold" else p.text).split()
    else:
        words = _fold.image(p.text, image).split()
    if not words:
        raise ValueError(f"empty pattern {p!r}")
    body = r"\s+".join(
        _word_regex(w, i == len(words) - 1, inflect if p.inflect else "") for i, w in enumerate(words)
    )
    first, last = words[0], words[-1]
    left = "" if first.startswith("*") or not first.strip("*")[:1].isalnum() else r"(?<!\w)"
    open_end = last.endswith("*") and len(last) > 1
    right = "" if open_end or not last.strip("*")[-1:].isalnum() else r"(?!\w)"
    return re.compile(left + body + right)


def alternation(words: Iterable[str], flexible_space: bool = False) -> str:
    """A regular expression matching any of ``words`` (literally), factored as a prefix tree, which
    ``re`` runs much faster than a flat alternation; where several words fit, the longest is tried first.

    For expressions that embed a class of words (the temporal tagger's ``{month}``, ``{weekday}``
    ...). With ``flexible_space`` a space in a word matches any run of white space, as in patterns.
    """
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def esc(ch: str) -> str:
        return r"\s+" if flexible_space and ch == " " else re.escape(ch)

    def build(node: dict[str, Any]) -> str:
        branches = [esc(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(root) or "(?!)"


def _anchor(p: Pattern, image: str) -> str:
    """The literal the automaton looks for: the first word's core, in the matcher's image."""
    return _fold.image(p.text.split()[0].strip("*"), image)


class Matcher:
    """All places where any of ``patterns`` occurs, found in one pass per text.

    ``image`` is how text and patterns are compared: ``"lower"`` (case-insensitive) or ``"fold"``
    (case- and accent-insensitive). ``data_dir`` is the data folder (for the inflection endings).
    """

    def __init__(
        self, patterns: Iterable[str | dict | Pattern], image: str = "lower", data_dir: str | None = None
    ) -> None:
        if image not in ("lower", "fold"):
            raise ValueError(f"image must be 'lower' or 'fold', not {image!r}")
        self.image = image
        self.patterns: list[Pattern] = [pattern(p) for p in patterns]
        inflect = _endings(data_dir) if any(p.inflect for p in self.patterns) else ""
        self._regexes: list[tuple[Pattern, re.Pattern]] = []
        self._auto = ahocorasick.Automaton()
        # a literal pattern's expression is compiled the first time its anchor is found (large
        # gazetteers have tens of thousands of patterns, most of which never occur in a batch)
        self._inflect = inflect
        self._rx: list[re.Pattern | None] = []
        by_anchor: dict[str, list[_Entry]] = {}
        for p in self.patterns:
            if p.is_regex:
                self._regexes.append((p, compile_regex(p, inflect, image)))
                continue
            if not p.text.split():
                raise ValueError(f"empty pattern {p!r}")
            first = p.text.split()[0]
            inside = first.startswith("*")
            # a case pattern's first literal, checked on the cased image before its expression
            lead = (
                (_fold.fold_case(first) if image == "fold" else first).rstrip("*")
                if p.case and not inside
                else ""
            )
            entry = (p, len(self._rx), inside, lead, _second(p, image), _exact(p, image))
            by_anchor.setdefault(_anchor(p, image), []).append(entry)
            self._rx.append(None)
        self._build(by_anchor)
        # where the re: patterns with literal beginnings can start; one without them is skipped
        # when a word its every match needs is missing (case patterns are scanned)
        self._rx_index = PrefixIndex(
            [None if p.case else literal_prefixes(rx.pattern, rx.flags) for p, rx in self._regexes],
            [None if p.case else needed_literals(rx.pattern, rx.flags) for p, rx in self._regexes])

    def _build(self, by_anchor: dict[str, list[_Entry]]) -> None:
        """The two automata: patterns whose first word stands whole (a word boundary on both sides)
        are found over the word image of the text ("#" for every non-word character) with the
        boundaries in their keys, so hits inside longer words never reach Python; the rest by their
        anchor, with the boundary checks of :meth:`find`."""
        self._words = ahocorasick.Automaton()
        bounded: dict[str, list[_Entry]] = {}
        for anchor, entries in by_anchor.items():
            whole = [x for x in entries if _is_whole(x)]
            rest = [x for x in entries if x not in whole]
            if whole:
                bounded.setdefault("#" + _NON_WORD.sub("#", anchor) + "#", []).extend(whole)
            if rest:
                self._auto.add_word(anchor, _anchor_value(anchor, rest))
        for key, entries in bounded.items():
            self._words.add_word(key, (len(key), tuple(entries), _by_lead(entries)))
        self._empty = len(self._auto) == 0
        if not self._empty:
            self._auto.make_automaton()
        self._empty_words = not bounded
        if bounded:
            self._words.make_automaton()

    def __len__(self) -> int:
        return len(self.patterns)

    def images(self, text: str) -> tuple[str, str]:
        """(the image patterns are compared with, the image ``case`` patterns are compared with)."""
        if self.image == "fold":
            return _fold.fold(text), _fold.fold_case(text)
        return _fold.lower(text), text

    def find(self, text: str, images: tuple[str, str] | None = None) -> list[Span]:
        """Every match (overlaps included) as spans labelled with the pattern's label; ``data`` is
        the :class:`Pattern`. Sorted by start, longer first."""
        return [Span(a, -b, label, p) for a, b, label, p in self.find_tuples(text, images)]

    def find_tuples(
        self, text: str, images: tuple[str, str] | None = None
    ) -> list[tuple[int, int, str, Pattern]]:
        """What :meth:`find` returns, as plain ``(start, -end, label, pattern)`` tuples in the same
        order (for a stage that turns the hits into its own records at once)."""
        hay, cased = images or self.images(text)
        hits: dict[tuple[int, int, str], Pattern] = {}  # one label at one place: the first pattern's
        if not self._empty:
            self._find_anchored(hay, cased, hits)
        if not self._empty_words:
            self._find_words(hay, cased, hits)
        self._find_regexes(hay, cased, hits)
        return sorted((a, b, label, p) for (a, b, label), p in hits.items())

    def _find_regexes(self, hay: str, cased: str, hits: dict[tuple[int, int, str], Pattern]) -> None:
        """The ``re:`` patterns: those with literal beginnings tried only where one occurs (one
        automaton pass), those that need a missing word skipped, the rest scanned; the same matches
        as a scan of each (see ``prefixes``)."""
        starts = self._rx_index.starts(hay)
        for (p, rx), at in zip(self._regexes, starts, strict=True):
            found = rx.finditer(cased if p.case else hay) if at is None else matches_at(rx, hay, at)
            for m in found:
                if m.end() > m.start():
                    hits.setdefault((m.start(), -m.end(), p.label), p)

    def _find_anchored(self, hay: str, cased: str, hits: dict[tuple[int, int, str], Pattern]) -> None:
        """Patterns found by their anchor, checked for the word boundaries their anchor needs."""
        n = len(hay)
        for end_idx, (alen, at_word, word_end, entries, leads) in self._auto.iter(hay):
            a0 = end_idx - alen + 1
            if at_word and a0 and _is_word(hay[a0 - 1]):
                continue
            if word_end and end_idx + 1 < n and _is_word(hay[end_idx + 1]):
                continue
            if leads is not None and not (entries := leads.get(cased[a0 : end_idx + 1], ())):
                continue
            self._verify(hay, cased, a0, end_idx + 1, entries, hits, a0 == 0 or not _is_word(hay[a0 - 1]))

    def _find_words(self, hay: str, cased: str, hits: dict[tuple[int, int, str], Pattern]) -> None:
        """Patterns whose first word stands whole, found over the word image (boundaries in the keys)."""
        for end_idx, (klen, entries, leads) in self._words.iter("#" + _fold.word_image(hay) + "#"):
            a0 = end_idx - klen + 1  # the key's leading "#" is the padding's offset
            if leads is not None and not (entries := leads.get(cased[a0 : a0 + klen - 2], ())):
                continue
            # the key's leading "#" stands for the character before the anchor: no word character
            self._verify(hay, cased, a0, a0 + klen - 2, entries, hits, True)

    def _verify(
        self,
        hay: str,
        cased: str,
        a0: int,
        a1: int,
        entries: Sequence[_Entry],
        hits: dict[tuple[int, int, str], Pattern],
        at_start: bool,
    ) -> None:
        """Check each entry found at ``a0:a1`` (``at_start``: where a word starts) and add the spans of
        those that match."""
        after = ["", ""]  # the character after the anchor's word and the spaces (text image, cased), lazily
        for p, i, inside, lead, second, exact in entries:
            if lead and not cased.startswith(lead, a0):
                continue
            if exact:  # the automaton's key and the lead already checked all there is
                hits.setdefault((a0, -a1, p.label), p)
                continue
            if second and not _second_follows(second, after, hay, cased, a1):
                continue
            if not inside and not at_start and p.text[:1].isalnum():
                continue  # a word pattern cannot start inside a word
            rx = self._rx[i] or self._expression(i, p)
            m = rx.match(cased if p.case else hay, _word_start(hay, a0) if inside else a0)
            if m and m.end() >= a1:
                hits.setdefault((m.start(), -m.end(), p.label), p)

    def _expression(self, i: int, p: Pattern) -> re.Pattern:
        """The compiled expression of entry ``i`` (compiled the first time its anchor is found)."""
        rx = self._rx[i]
        if rx is None:
            rx = self._rx[i] = compile_regex(p, self._inflect, self.image)
        return rx


def _is_whole(x: _Entry) -> bool:
    """Whether an entry's first word stands whole: found over the word image with its boundaries."""
    return not x[2] and x[0].text[:1].isalnum() and _ends_at_anchor(x[0])


def _anchor_value(anchor: str, rest: list[_Entry]) -> tuple:
    """The anchor automaton's value: anchor length, whether every pattern must start a word / end its
    first word where the anchor ends, the entries and their lead groups."""
    at_word = all(not x[2] and x[0].text[:1].isalnum() for x in rest)
    word_end = all(_ends_at_anchor(x[0]) for x in rest)
    return (len(anchor), at_word, word_end, tuple(rest), _by_lead(rest))


def _second_follows(second: tuple[str, int], after: list[str], hay: str, cased: str, a1: int) -> bool:
    """Whether the pattern's second word begins with its literal after the first word and its spaces
    (``after`` caches that character per image)."""
    k = second[1]
    if not after[k]:
        after[k] = _after_space(cased if k else hay, a1) or "\x00"
    return after[k] == second[0]


def _word_start(s: str, pos: int) -> int:
    """The start of the word that holds ``pos``."""
    while pos > 0 and _is_word(s[pos - 1]):
        pos -= 1
    return pos


#: an automaton entry: pattern, index of its expression, starts inside a word, cased lead,
#: (first character of the second word, compared in the cased image) or None, and whether the
#: pattern is one whole word the automaton alone decides (see :func:`_exact`)
_Entry = tuple[Pattern, int, bool, str, "tuple[str, int] | None", bool]


def _by_lead(entries: Sequence[_Entry]) -> dict[str, tuple[_Entry, ...]] | None:
    """Entries that all have a cased lead (case patterns; the lead is as long as the anchor, so at
    most one lead fits a place), grouped by it in their order; None when some have none."""
    if len(entries) < 3 or not all(x[3] for x in entries):
        return None
    out: dict[str, list[_Entry]] = {}
    for x in entries:
        out.setdefault(x[3], []).append(x)
    return {k: tuple(v) for k, v in out.items()}


def _second(p: Pattern, image: str) -> tuple[str, int] | None:
    """For a pattern whose first word always ends where its anchor ends (no ``*``, no inflection,
    not inside a word) and whose second word begins with a literal: that literal's first
    character, and whether it is compared in the cased image (1) or the matcher's image (0)."""
    if p.is_regex or p.inflect or len(p.text.split()) < 2:  # None is always safe: no check
        return None
    words = (_fold.fold_case(p.text) if image == "fold" else p.text).split() if p.case else _fold.image(
        p.text, image).split()
    if len(words) < 2 or "*" in words[0] or words[1].startswith("*"):
        return None
    return words[1][0], int(p.case)


def _exact(p: Pattern, image: str) -> bool:
    """Whether ``p`` is one word of word characters only, without ``*`` or inflection: it is found
    through the word automaton, whose key holds its boundaries, so a hit needs no expression (a
    ``case`` pattern's word is its cased lead, which :meth:`Matcher._verify` compares first)."""
    if p.is_regex or p.inflect or len(p.text.split()) != 1 or "*" in p.text:
        return False
    return _fold.image(p.text, image).isalnum() and _ends_at_anchor(p)  # letters and digits only


def _after_space(s: str, a1: int) -> str:
    """The first character after the run of white space at ``a1`` ("" when none starts there)."""
    n = len(s)
    if a1 >= n or not s[a1].isspace():
        return ""
    i = a1 + 1
    while i < n and s[i].isspace():
        i += 1
    return s[i] if i < n else ""


def _ends_at_anchor(p: Pattern) -> bool:
    """Whether a match of ``p`` always has a non-word character (or the end) right after its anchor:
    the first word takes no ``*`` and no inflection ending and ends in a letter or digit."""
    first = p.text.split()[0]
    return not p.inflect and not first.endswith("*") and first[-1:].isalnum()


_NON_WORD = re.compile(r"\W")


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"
