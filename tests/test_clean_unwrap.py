"""A page hard-wrapped at a fixed width has its paragraphs joined again, with the line break turned
into a space so offsets stay (eighth session, issue 14: a text rendering of a news page). Own text."""

from __future__ import annotations

import textwrap

from ukrsec.clean import clean_text
from ukrsec.clean.settings import rules
from ukrsec.clean.wrap import wrapped_lines

WRAP = rules().furniture.wrap

_PARAS = [
    "Die Verteidigungsminister der Nachbarländer haben sich am Dienstag in Riga getroffen und über "
    "eine gemeinsame Luftverteidigung beraten. „Wir werden die Lücken am Himmel schließen“, sagte "
    "die Gastgeberin Anna Berg nach dem Treffen.",
    "Bis zum Sommer soll ein Plan vorliegen. Die Kosten teilen sich die beteiligten Staaten nach "
    "ihrer Wirtschaftskraft, hieß es aus dem Ministerium in Vilnius, das die Gespräche leitet.",
    "Offen blieb, ob auch die nordischen Staaten sich an dem Vorhaben beteiligen und welche Systeme "
    "zuerst an die Grenze verlegt werden, wenn die Parlamente in allen drei Hauptstädten zustimmen.",
]


def _wrapped_page(width: int = 64) -> str:
    return "Luftverteidigung im Baltikum\n\n" + "\n\n".join(textwrap.fill(p, width) for p in _PARAS)


def test_a_hard_wrapped_page_has_its_paragraphs_joined() -> None:
    raw = _wrapped_page()
    cleaned = clean_text(raw)
    text = cleaned.text
    assert "„Wir werden die Lücken am Himmel schließen“, sagte die Gastgeberin Anna Berg" in text
    for para in _PARAS:
        assert para in text
    assert cleaned.title == "Luftverteidigung im Baltikum" and not cleaned.removed[1:]  # nothing else goes


def test_only_the_lines_of_a_paragraph_are_joined() -> None:
    raw = _wrapped_page(58)
    text = clean_text(raw).text
    assert text.count("\n\n") == 2 and "\n" not in text.replace("\n\n", "")


def test_pages_with_long_lines_or_short_lists_stay_as_they_are() -> None:
    long_lines = ["Überschrift", ""] + _PARAS * 4
    assert not any(wrapped_lines(long_lines, WRAP))
    listing = [f"Punkt {i}: eine kurze Zeile" for i in range(12)]
    assert not any(wrapped_lines(listing, WRAP))
    items = [f"- Punkt {i}: " + "eine Zeile, die bis an den Rand reicht " * 2 for i in range(12)]
    assert not any(wrapped_lines([it.strip() for it in items], WRAP))
