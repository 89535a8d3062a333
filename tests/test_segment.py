"""Sentence splitter: German and English cases, offsets, agreement with SoMaJo."""

from __future__ import annotations

import pytest

from ukrsec.segment import split, split_spans


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Am 6. Januar 2026 fand ein Treffen statt. Es kamen 15.000 Soldaten.",
            ["Am 6. Januar 2026 fand ein Treffen statt.", "Es kamen 15.000 Soldaten."],
        ),
        (
            "Das gilt z.B. für Polen. Und u.a. für Italien.",
            ["Das gilt z.B. für Polen.", "Und u.a. für Italien."],
        ),
        ("Nach Art. 5 des Vertrags gilt das. Gut.", ["Nach Art. 5 des Vertrags gilt das.", "Gut."]),
        (
            "Der Krieg endete 1945. Laut Historikern war das so.",
            ["Der Krieg endete 1945.", "Laut Historikern war das so."],
        ),
        ("Er sagte: 'Das ist klar.' Dann ging er.", ["Er sagte: 'Das ist klar.'", "Dann ging er."]),
        ("Es werde „für immer sein.“ Danach ging er.", ["Es werde „für immer sein.“", "Danach ging er."]),
        ("Präsident Donald J. Trump kam. Er sprach.", ["Präsident Donald J. Trump kam.", "Er sprach."]),
        (
            "He met Mr. Smith at 5 p.m. in the U.S. capital. Then he left.",
            ["He met Mr. Smith at 5 p.m. in the U.S. capital.", "Then he left."],
        ),
        ("Wer zahlt? Die EU! Und dann...", ["Wer zahlt?", "Die EU!", "Und dann..."]),
        ("Titel ohne Punkt\nErster Satz hier.", ["Titel ohne Punkt", "Erster Satz hier."]),
        (
            "Der Absatz ist umbrochen,\nweil er lang ist. Ende.",
            ["Der Absatz ist umbrochen,\nweil er lang ist.", "Ende."],
        ),
        ("ein umbrochener\nabsatz geht weiter. Ende.", ["ein umbrochener\nabsatz geht weiter.", "Ende."]),
        (
            "Der Preis stieg um ca. 5 Prozent. Mehr nicht.",
            ["Der Preis stieg um ca. 5 Prozent.", "Mehr nicht."],
        ),
    ],
)
def test_split_cases(text, expected):
    assert split(text) == expected


def test_spans_point_at_text():
    text = "  Erster Satz.  Zweiter Satz!\n\nDritter? "
    spans = split_spans(text)
    assert [text[s:e] for s, e in spans] == ["Erster Satz.", "Zweiter Satz!", "Dritter?"]


def test_agrees_with_somajo_on_the_seeds(seeds_corpus):
    """Boundaries of the fast splitter against SoMaJo's on the seeds: at least 95 % of SoMaJo's sentences."""
    somajo = pytest.importorskip("somajo")
    splitter = somajo.SoMaJo("de_CMC", split_camel_case=False)
    ours = total = agree = 0
    for text in seeds_corpus.articles["text"]:
        paragraphs = [p for p in text.split("\n") if p.strip()]
        ref = []
        for sent in splitter.tokenize_text(paragraphs):
            ref.append("".join(t.text + (" " if t.space_after else "") for t in sent).strip())
        mine = split(text)
        ours += len(mine)
        total += len(ref)
        norm = {" ".join(s.split()) for s in mine}
        agree += sum(" ".join(r.split()) in norm for r in ref)
    assert total > 100
    assert agree / total >= 0.95, (agree, total, ours)
