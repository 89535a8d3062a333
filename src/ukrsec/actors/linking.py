"""Linking a discovered name to a known person when it is a spelling variant of that person's name
("John Healy" for John Healey, other transliterations): rapidfuzz similarity of the whole name, and
of given name and surname each, so that two different people who share a surname ("Hunter Biden",
"Joe Biden") are never linked. The score is the mention's ``link_confidence``."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from ..text import fold as _fold
from .gazetteer import Gazetteer

MIN_NAME = 88.0  # similarity of the whole name (0-100)
MIN_PART = 80.0  # similarity of the given name and of the surname each


@dataclass(frozen=True)
class _Index:
    names: tuple[str, ...]  # folded "given surname" of every known person's name variants
    people: tuple[tuple[str, str, str], ...]  # (person id, folded given, folded surname), same order
    surnames: tuple[str, ...] = ()  # folded surnames that are matched alone (``gz.surnames``)


_INDEXES: dict[int, _Index] = {}


def _index(gz: Gazetteer) -> _Index:
    """The name index of a gazetteer (built once per gazetteer object)."""
    got = _INDEXES.get(id(gz))
    if got is not None:
        return got
    names: list[str] = []
    people: list[tuple[str, str, str]] = []
    for pid, given in gz.person_given.items():
        for sur in gz.person_surnames.get(pid, ()):
            for g in given:
                names.append(f"{g} {sur}")
                people.append((pid, g, sur))
    _INDEXES[id(gz)] = got = _Index(tuple(names), tuple(people), tuple(sorted(gz.surnames)))
    return got


def link_person(name: str, gz: Gazetteer) -> tuple[str, float] | None:
    """``(person id, confidence 0-1)`` of the known person ``name`` is a spelling variant of, or None."""
    toks = _fold.fold(name).split()
    if len(toks) < 2:
        return None
    idx = _index(gz)
    if not idx.names:
        return None
    given, sur = " ".join(toks[:-1]), toks[-1]
    best = None
    for _, score, i in process.extract(
        " ".join(toks), idx.names, scorer=fuzz.ratio, score_cutoff=MIN_NAME, limit=3
    ):
        pid, g, s = idx.people[i]
        if (
            fuzz.ratio(given, g) >= MIN_PART
            and fuzz.ratio(sur, s) >= MIN_PART
            and (best is None or score > best[1])
        ):
            best = (pid, score / 100.0)
    return best


MIN_SURNAME = 80.0  # similarity of a lone surname to the surname of a person of the same article
MIN_SURNAME_LEN = 5
MIN_KNOWN_SURNAME = 88.0  # similarity of a lone surname to a surname of the gazetteer (any article)
MIN_KNOWN_SURNAME_LEN = 7


def link_known_surname(word: str, gz: Gazetteer) -> tuple[str, float] | None:
    """``(person id, confidence)`` when the lone capitalized ``word`` is a spelling variant of the
    surname of exactly one known person, although the article does not name them otherwise (a
    transliteration: "Selenskiy", "Schelenskyj"): same first sound, at least seven letters, similarity
    ``MIN_KNOWN_SURNAME`` to a surname that is matched alone."""
    w = _fold.fold(word)
    idx = _index(gz)
    if len(w) < MIN_KNOWN_SURNAME_LEN or not idx.surnames:
        return None
    hits: dict[str, float] = {}
    for sur, score, _ in process.extract(w, idx.surnames, scorer=fuzz.ratio,
                                         score_cutoff=MIN_KNOWN_SURNAME, limit=5):
        if _first_sound(sur) == _first_sound(w):
            for pid in gz.surnames[sur]:
                hits[pid] = max(score, hits.get(pid, 0.0))
    if len(hits) != 1:
        return None
    pid, score = hits.popitem()
    return pid, score / 100.0


def _first_sound(w: str) -> str:
    """The first letter of a folded name, with the German spellings of Slavic sibilants and the
    z/s of transliterations as one ("Schelenskyj", "Zelensky", "Selenskyj": s)."""
    return "s" if w[:1] in ("z", "s") else w[:1]


def link_surname(word: str, surnames: dict[str, set[str]]) -> tuple[str, float] | None:
    """``(person id, confidence)`` when the lone capitalized ``word`` is a misspelling of the surname
    of exactly one person the article already names ("Burbock" after "Annalena Baerbock"):
    same first letter, at least five letters, similarity ``MIN_SURNAME``. ``surnames``: person id ->
    folded surnames."""
    w = _fold.fold(word)
    if len(w) < MIN_SURNAME_LEN:
        return None
    hits = {
        pid: max(fuzz.ratio(w, sur) for sur in surs)
        for pid, surs in surnames.items()
        if any(sur[:1] == w[:1] and fuzz.ratio(w, sur) >= MIN_SURNAME for sur in surs)
    }
    if len(hits) != 1:
        return None
    pid, score = hits.popitem()
    return pid, score / 100.0
