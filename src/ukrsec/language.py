"""Language identification of article bodies: a quick vote of function words, then py3langid.

Most pages of a German/English news corpus are plainly one of the two: a sample of ordinary prose
holds dozens of "der", "und", "nicht" or "the", "and", "of". For those a vote over the function
words of ``data/text/language.yaml`` decides (about 30 times cheaper than the model). Every other
text — short, mixed, another language, or a vote that is not clear by the file's margins — goes
to py3langid (whose model ships inside the package), as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .text import lexicon as lx

UNKNOWN = "und"
SAMPLE_CHARS = 1000  # enough for a stable decision on news prose; classification cost grows with length
_LETTERS = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+")

VOTE_SCHEMA = lx.Keys(
    {"min_words": int, "ratio": lx.OneOf(int, float), "min_share": lx.OneOf(int, float),
     "words": lx.MapOf(lx.ListOf(str))}
)


@dataclass(frozen=True)
class Vote:
    """The function words per language and the margins a vote must clear."""

    words: dict[str, str]  # word -> language
    min_words: int
    ratio: float
    min_share: float


@lru_cache(maxsize=4)
def vote_words(data_dir: str | None = None) -> Vote:
    """The quick vote's settings (``data/text/language.yaml``), checked against their schema."""
    spec = lx.load("text/language.yaml", VOTE_SCHEMA, data_dir)
    by_word: dict[str, str] = {}
    for lang, ws in spec["words"].items():
        for w in ws:
            other = by_word.setdefault(w.lower(), lang)
            if other != lang:
                raise lx.LexiconError(f"text/language.yaml: {w!r} is listed for both {other} and {lang}")
    return Vote(by_word, spec["min_words"], float(spec["ratio"]), float(spec["min_share"]))


def vote(sample: str, data_dir: str | None = None) -> str | None:
    """The language whose function words clearly dominate ``sample``, or None when the vote is not clear."""
    v = vote_words(data_dir)
    words = _WORD.findall(sample.lower())
    counts: dict[str, int] = {}
    get = v.words.get
    for w in words:
        lang = get(w)
        if lang is not None:
            counts[lang] = counts.get(lang, 0) + 1
    if not counts:
        return None
    best = max(counts, key=counts.__getitem__)
    n = counts[best]
    rest = sum(counts.values()) - n
    if n >= v.min_words and n >= v.ratio * rest and n >= v.min_share * len(words):
        return best
    return None


@lru_cache(maxsize=1)
def _identifier():
    import py3langid

    return py3langid


def _sample(text: str) -> str:
    return " ".join(text[: SAMPLE_CHARS * 2].split())[:SAMPLE_CHARS]


def detect(text: str, data_dir: str | None = None) -> str:
    """ISO 639-1 code of ``text``'s language, or ``"und"`` when there is too little text to tell."""
    sample = _sample(text)
    if len(_LETTERS.findall(sample)) < 20:
        return UNKNOWN
    return vote(sample, data_dir) or model(sample)


def model(sample: str) -> str:
    """py3langid's language for a sample (what :func:`detect` asks when the vote is not clear)."""
    lang, _prob = _identifier().classify(sample)
    return lang
