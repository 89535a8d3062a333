"""The actors' scanning expressions written to open with a literal or a class (``words.not_after``)
find what the plain look-behind forms find. Own sentences."""

from __future__ import annotations

import re

import pytest

from ukrsec.actors.words import load, not_after

TEXTS = [
    "Die Koalition tagt; eine Regierungskoalition und die -Koalition nicht. Sir Anton Beispiel sprach.",
    "Sie fuhr nach Oberhausen, dann in Kleinwaldingen, aus Musterheim und bei Beispieldorf vorbei.",
    "Die Musterstraße, die Bayreuther Straße, die STRASSE, der Harksheider Weg und Ober-Allee.",
    "Allee, Lindenallee-Nord, Berliner\tRing, Xer Markt, Überer Ufer, O'Neill, -Anna, .Berta",
    "The Coalition met Dame Berta Example, the coalition.Sir and .Dame did not; Koalition-Gipfel",
]


@pytest.mark.parametrize("words,before", [
    (["Koalition", "Coalition", "koalition"], r"[\w-]"),
    (["in", "nach", "aus", "bei", "Richtung"], r"[\w-]"),
    (["Sir", "Dame"], r"[\w.-]"),
])
def test_a_word_list_not_after_a_character_is_the_look_behind_form(words: list[str], before: str) -> None:
    alt = "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) + ")"
    plain = re.compile(f"(?<!{before}){alt}")
    fast = re.compile(not_after(before, words))
    found = [[m.span() for m in plain.finditer(t)] for t in TEXTS]
    assert found == [[m.span() for m in fast.finditer(t)] for t in TEXTS]
    assert sum(map(len, found)) >= 2


def test_a_class_not_after_a_character_is_the_look_behind_form() -> None:
    plain = re.compile(r"(?<![\w'’.-])[A-ZÄÖÜ][\w'’-]*\w")
    fast = re.compile(not_after(r"[\w'’.-]", first="[A-ZÄÖÜ]") + r"[\w'’-]*\w")
    for t in TEXTS:
        assert [m.span() for m in plain.finditer(t)] == [m.span() for m in fast.finditer(t)]


def test_streets_by_their_ending_or_after_an_er_word() -> None:
    words = load()
    found = [m.group(0) for t in TEXTS for m in words.street.finditer(t)]
    # an ending must follow the first letter ("Allee" alone is none), the word must end there
    # ("Lindenallee-Nord"), and the ending is the only part that may be in capitals ("STRASSE" is none)
    assert found == ["Musterstraße", "Bayreuther Straße", "Harksheider Weg", "Ober-Allee", "Berliner\tRing",
                     "Xer Markt", "Überer Ufer"]
