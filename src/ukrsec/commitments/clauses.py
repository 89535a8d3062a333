"""Clauses: a sentence cut at contrast and subordinate conjunctions (the words are in ``clauses.yaml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon, lexicon

WORD = re.compile(r"\w+", re.UNICODE)
WORD_OR_STOP = re.compile(r"\w+|(?=[.!?;:\n])")  # a stop gives an empty token
# a word, or a stop (empty match) before a comma, a semicolon, a colon or the end of a sentence (not
# the dot of "U.S."): a negation of the sentence before is not this one's ("will not send troops. It
# will fund demining")
WORD_OR_COMMA = re.compile(r"\w+|(?=[,;:])|(?<=\w\w)(?=[.!?](?:\s|$))")


@dataclass(frozen=True)
class Clause:
    """One clause of a sentence: article offsets, its index, whether it keeps the subject of the
    clause before it ("..., aber Logistik"), and whether it contrasts with it (aber, but)."""

    n: int
    start: int
    end: int
    same: bool
    contrast: bool = True


def after_stop(toks: list[str]) -> list[str]:
    """The words after the last stop (empty token) of a token list."""
    if "" in toks:
        return toks[len(toks) - toks[::-1].index(""):]
    return toks


def prev_tokens(low: str, pos: int, n: int) -> list[str]:
    """The last ``n`` words before ``pos`` of the lower-cased text."""
    return WORD.findall(low, max(0, pos - 50), pos)[-n:]


_MARKS = (",", ";", " –", " —", " - ", "…")  # where a clause may be cut (see ``_SAME_MARK`` in lexicon.py)


def _splittable(low: str, lex: Lexicon) -> bool:
    return any(c in low for c in _MARKS) or any(w in low for w in lex.clauses["bare_cuts"])


_GERUND = re.compile(r"\w+\s+\w+ing\b")
NEW, CONTRAST, AND = 0, 1, 2  # at the same place a new subject wins (sorted first)


def _cuts(text: str, rules: dict, cues: list[int] | None) -> list[tuple[int, int]]:
    """Where clauses start (offsets into ``text``) and how they relate to the clause before."""
    # "..., while offering its airports": a participle after the conjunction keeps the subject
    cuts = [(m.end(), AND if _GERUND.match(text, m.end()) else NEW)
            for rx in (rules["split_new"], rules["split_new_bare"]) for m in rx.finditer(text)]
    cuts += [(m.end(), CONTRAST) for m in rules["split_same"].finditer(text)]
    cuts += [(m.end(), CONTRAST) for m in rules["split_second"].finditer(text)]
    cuts += [(m.end(), CONTRAST) for m in rules["split_trailing"].finditer(text)]
    if cues is not None:
        # ", and" only after a clause with a cue of its own (not inside a list: "France, Britain, and ...")
        cuts += [(m.end(), AND) for m in rules["split_and"].finditer(text)
                 if any(c < m.start() for c in cues)]
    cuts += [(m.end(), CONTRAST) for m in rules["split_participle"].finditer(text)]
    lead = rules["lead_sub"].match(text) or rules["lead_participle"].match(text)
    if lead:
        cuts.append((lead.end(), NEW))
    return sorted(set(cuts))


def _pieces(text: str, start: int, cuts: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    out = []
    prev, kind = 0, NEW
    for pos, k in cuts:
        if pos <= prev or pos >= len(text):
            continue
        out.append((start + prev, start + pos, kind))
        prev, kind = pos, k
    out.append((start + prev, start + len(text), kind))
    return out


def clauses(text: str, start: int, lex: Lexicon | None = None) -> list[tuple[int, int, bool]]:
    """Cut a sentence into clauses: (start, end, same_subject_as_previous) in article offsets."""
    lex = lex or lexicon(None)
    if not _splittable(text.lower(), lex):
        return [(start, start + len(text), False)]
    return [(a, b, k != NEW) for a, b, k in _pieces(text, start, _cuts(text, lex.clauses, None))]


def sentence_clauses(text: str, low: str, s0: int, s1: int, lex: Lexicon,
                     cues: list[int] | None = None) -> list[Clause]:
    """The clauses of the sentence ``text[s0:s1]`` (``cues``: where its type and stance cues start,
    in sentence offsets, for the ", and" rule)."""
    if not any(low.find(w, s0, s1) >= 0 for w in (*_MARKS, *lex.clauses["bare_cuts"])):
        return [Clause(0, s0, s1, False)]
    pieces = _pieces(text[s0:s1], s0, _cuts(text[s0:s1], lex.clauses, cues))
    return [Clause(n, a, b, k != NEW, k == CONTRAST) for n, (a, b, k) in enumerate(pieces)]
