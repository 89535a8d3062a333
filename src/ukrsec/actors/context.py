"""Small readers of the text around a position (the word before, the capital after, ...) and word
tests against the gazetteer; shared by the passes of the stage."""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import fold as _fold
from .gazetteer import Gazetteer

# searches anchored at the end of a slice ("...$") try every start position; these patterns
# match the reversed slice from its start instead (the word before ``pos``, read backwards)
_PREV_WORD_REV = re.compile(r"\W*?([\w'’.-]*\w[\w'’.-]*)")
_TWO_WORDS_REV = re.compile(r"[ \t]+(\w+[ \t]+\w+)(?!\w)")
_CAP_BEFORE_REV = re.compile(r"[ \t]+([\w-]*\w[A-ZÀ-Þ])(?![\w-])")
_WORD_BEFORE_REV = re.compile(r"[ \t]+(\w{8,})(?![\w-])")
_NEXT_WORD = re.compile(r"\s*([\w'’-]+)")
CAP_AFTER = re.compile(r"[ \t]+([A-ZÀ-Þ][\w-]+)")


def _reversed_before(text: str, pos: int, span: int = 40) -> str:
    return text[pos - 1 : max(0, pos - span) - 1 if pos > span else None : -1]


def prev_word(text: str, pos: int) -> str:
    """The last word before ``pos`` (punctuation between skipped): "sagte" in "sagte, "."""
    m = _PREV_WORD_REV.match(_reversed_before(text, pos))
    return m.group(1)[::-1] if m else ""


def two_words_before(text: str, pos: int) -> str:
    """The two words before the blanks before ``pos`` ("according to"), single-spaced."""
    m = _TWO_WORDS_REV.match(_reversed_before(text, pos))
    return " ".join(m.group(1)[::-1].split()) if m else ""


def cap_before(text: str, pos: int, span: int = 40) -> str:
    """The capitalized word that ends right before the blanks before ``pos`` ("" if none)."""
    m = _CAP_BEFORE_REV.match(_reversed_before(text, pos, span))
    return m.group(1)[::-1] if m else ""


def word_before(text: str, pos: int) -> str:
    """The word (8+ letters, no hyphen) that ends right before the blanks before ``pos``."""
    m = _WORD_BEFORE_REV.match(_reversed_before(text, pos))
    return m.group(1)[::-1] if m else ""


def next_word(text: str, pos: int) -> str:
    """The word after ``pos`` (blanks skipped)."""
    m = _NEXT_WORD.match(text, pos, pos + 40)
    return m.group(1) if m else ""


def sentence_start(text: str, pos: int) -> bool:
    """Whether ``pos`` starts a sentence or line (quotes and brackets before it skipped)."""
    before = text[max(0, pos - 4) : pos].rstrip(" \t\"'„“”‚‘’«»([")
    return not before or before[-1] in ".!?:\n•–-"


def capitalized_neighbour(text: str, start: int, end: int, gz: Gazetteer) -> bool:
    """A capitalized word right after, or one right before that is not a function word."""
    if CAP_AFTER.match(text, end, end + 40):
        return True
    prv = cap_before(text, start)
    return bool(prv) and prv not in gz.words.not_name_start


@lru_cache(maxsize=65536)
def fold_token(s: str) -> str:
    """The folded form of one word (cached)."""
    return _fold.fold(s)


def compound_role(word: str, gz: Gazetteer) -> str | None:
    """For a closed compound ending with a role noun ("Militäranalysten", "Außenamtssprecherin",
    "Russlandexpertin"), the role's kind ("" when it has none); ``None`` otherwise."""
    if len(word) < 8 or not word[:1].isupper():
        return None
    f = fold_token(word)
    for i in range(3, len(f) - 4):
        kind = gz.role_suffixes.get(f[i:])
        if kind is not None:
            return kind
    return None


def known_word(w: str, gz: Gazetteer) -> bool:
    """A state, organization or role word, also as the part of a hyphenated compound
    ("Grünen-Verteidigungspolitikerin", "Nato-Sprecherin") or the end of a closed one
    ("Militäranalysten"), also a role word in the genitive ("Regisseurs"): never part of a person's
    name."""
    known = gz.known_cache.get(w)
    if known is None:
        f = fold_token(w)
        known = (
            f in gz.known_tokens
            or ("-" in f and any(p in gz.known_tokens for p in f.split("-")))
            or compound_role(w, gz) is not None
            or (f.endswith("s") and f[:-1] in gz.role_words)  # a genitive: "des Regisseurs"
        )
        if len(gz.known_cache) < 200_000:
            gz.known_cache[w] = known
    return known


def clean_name(name: str) -> str:
    """A name as written, single-spaced and without a possessive ``'s``."""
    if "\t" in name or "  " in name or name != name.strip():
        name = re.sub(r"\s+", " ", name).strip()
    if name.endswith(("'s", "’s")) and len(name) > 2 and (name[-3].isalnum() or name[-3] == "_"):
        name = name[:-2]
    return name
