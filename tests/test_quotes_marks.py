"""Tests of ``ukrsec.quotes.marks``: pairs of quotation marks and the masked text."""

from __future__ import annotations

from ukrsec.quotes.marks import MASK, find_marked, mask


def test_pairs_of_marks_and_apostrophes() -> None:
    text = "Trump's plan: „Wir sind ‚bereit‘“, und 'a start', geht's."
    spans = find_marked(text)
    assert [text[a + 1:b] for a, b in spans] == ["Wir sind ‚bereit‘", "a start"]


def test_english_paragraph_continuation_is_closed_by_the_line_break() -> None:
    text = '"We are ready. We will go.\n\n"And we will stay," he said.'
    assert [text[a + 1:b] for a, b in find_marked(text)] == ["We are ready. We will go.", "And we will stay,"]


def test_mask_keeps_length_and_line_breaks() -> None:
    text = 'Er sagte "eins\nzwei" und ging.'
    m = mask(text, [(9, 19)])
    assert len(m) == len(text) and m[9:20] == MASK * 5 + "\n" + MASK * 5 and m[20:] == text[20:]
