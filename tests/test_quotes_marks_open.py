"""Quotations whose marks are not balanced the usual way (seventh session, issue 14): a paragraph
that goes on with a quotation left open and closes it without an opener of its own, a page cut off
inside a quotation, a doubled opening mark, an attribution the segmenter cut off after a question
mark. Every sentence was written for these tests."""

from __future__ import annotations

from test_quotes_blind4 import one, run

from ukrsec.quotes.marks import find_marked

BERG = ("Anna Berg", "P:berg", "name")


def test_a_quotation_left_open_is_closed_in_the_next_paragraph() -> None:
    text = ('Anna Berg spoke after the meeting.\n\nQuote: "We are not done with this. The work goes on.\n\n'
            'And we will not stop before the spring."\n\nThe talks resume on Monday.')
    q = run(text, [BERG], "en")
    assert one(q, "not done with this")["speaker_id"] == "P:berg"
    assert one(q, "not stop before the spring")["speaker_id"] == "P:berg"


def test_unbalanced_marks_in_a_paragraph_make_no_quotation_across_paragraphs() -> None:
    text = ('Er sagte: "Wir helfen, so gut es geht », fügte er hinzu.\n\n'
            "Die Truppen standen zuletzt 1918 dort, im Rahmen einer «Mission» der Mittelmächte.")
    spans = find_marked(text)
    assert all(text[b] != "«" or text[a] == "»" for a, b in spans) and not any(
        a < text.index("\n") < b for a, b in spans), spans


def test_a_page_cut_off_inside_a_quotation_keeps_it() -> None:
    text = "Anna Berg sagte am Abend: „Darüber sprechen wir morgen. Es wäre ein großer Schritt, wenn"
    assert one(run(text, [BERG]), "Darüber sprechen wir morgen")["speaker_id"] == "P:berg"
    assert find_marked("Der Bildschirm misst 12\" und ist") == []


def test_a_doubled_opening_mark_is_not_part_of_the_quotation() -> None:
    text = 'Anna Berg wurde gefragt. ""Das entscheiden wir später", sagte sie.'
    row = one(run(text, [BERG]), "entscheiden wir")
    assert row["quote"] == "Das entscheiden wir später"


def test_an_attribution_cut_off_after_a_question_mark_still_names_the_speaker() -> None:
    text = ("Verteidigungsministerin Anna Berg gab ein Interview. Die Lage bleibt offen.\n\n"
            '"Wer kann das heute sagen?" - sagte die Ministerin und fügte hinzu, man wisse "noch nichts".')
    assert one(run(text, [BERG]), "Wer kann das")["speaker_id"] == "P:berg"


def test_a_straight_mark_closed_by_a_guillemet_is_a_quotation() -> None:
    text = ('Anna Berg stand vor der Kaserne. "Wir helfen, so gut es geht. Mehr können wir nicht tun », '
            "sagte die Ministerin Anna Berg.")
    row = one(run(text, [BERG]), "Wir helfen")
    assert row["quote"].endswith("nicht tun") and row["speaker_id"] == "P:berg"
    # a guillemet that opens (before a word) closes nothing
    assert find_marked('Er sagte: "Wir nennen es »Schutzschild und gehen.\n\nDanach nichts.') == []


def test_the_last_paragraph_a_continued_quotation_runs_into_is_quoted() -> None:
    text = ('Anna Berg spoke to the paper on Sunday.\n\n"We will not send troops yet. It is too early.\n\n'
            '"We have to wait for the talks. Nobody knows the outcome.\n\nAnd then we will decide.\n\n'
            "The ministry declined to comment.")
    q = run(text, [BERG], "en")
    assert one(q, "We have to wait for the talks")["quote"].endswith("the outcome.")
    # a paragraph opening with a mark that no quotation runs into is no quotation without a closer
    assert find_marked('Er kam spät.\n\n"Wir warten ab und sehen dann weiter\n\nDanach ging er.') == []
