"""Clauses: a sentence cut at contrast and subordinate conjunctions (the words are in ``clauses.yaml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon, lexicon

WORD = re.compile(r"\w+", re.UNICODE)
WORD_OR_STOP = re.compile(r"\w+|(?=[.!?;:\n])")  # a stop gives an empty token
WORD_OR_COMMA = re.compile(r"\w+|(?=[,;:])")


@dataclass(frozen=True)
class Clause:
    """One clause of a sentence: article offsets, its index, and whether it keeps the subject of the
    clause before it ("..., aber Logistik")."""

    n: int
    start: int
    end: int
    same: bool


def after_stop(toks: list[str]) -> list[str]:
    """The words after the last stop (empty token) of a token list."""
    if "" in toks:
        return toks[len(toks) - toks[::-1].index(""):]
    return toks


def prev_tokens(low: str, pos: int, n: int) -> list[str]:
    """The last ``n`` words before ``pos`` of the lower-cased text."""
    return WORD.findall(low, max(0, pos - 50), pos)[-n:]


def _splittable(low: str, lex: Lexicon) -> bool:
    return "," in low or ";" in low or any(w in low for w in lex.clauses["bare"])


def clauses(text: str, start: int, lex: Lexicon | None = None) -> list[tuple[int, int, bool]]:
    """Cut a sentence into clauses: (start, end, same_subject_as_previous) in article offsets."""
    lex = lex or lexicon(None)
    rules = lex.clauses
    if not _splittable(text.lower(), lex):
        return [(start, start + len(text), False)]
    cuts: list[tuple[int, bool]] = [(m.end(), False) for m in rules["split_new"].finditer(text)]
    cuts += [(m.end(), True) for m in rules["split_same"].finditer(text)]
    lead = rules["lead_sub"].match(text)
    if lead:
        cuts.append((lead.end(), False))
    out = []
    prev, same = 0, False
    for pos, s in sorted(set(cuts)):
        if pos <= prev or pos >= len(text):
            continue
        out.append((start + prev, start + pos, same))
        prev, same = pos, s
    out.append((start + prev, start + len(text), same))
    return out


def sentence_clauses(text: str, low: str, s0: int, s1: int, lex: Lexicon) -> list[Clause]:
    """The clauses of the sentence ``text[s0:s1]``."""
    if low.find(",", s0, s1) < 0 and low.find(";", s0, s1) < 0 and not any(
            low.find(w, s0, s1) >= 0 for w in lex.clauses["bare"]):
        return [Clause(0, s0, s1, False)]
    return [Clause(n, a, b, same) for n, (a, b, same) in enumerate(clauses(text[s0:s1], s0, lex))]
