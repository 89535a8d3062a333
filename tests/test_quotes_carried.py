"""Speakers carried to quotation paragraphs without a cue of their own (sixth session, issue 14):
interviews told by topic, agency pages that print "Quote:" under the sentence naming the speaker;
a pronoun that refers to who spoke in the sentence before; more verbs of saying. Every sentence
was written for these tests."""

from __future__ import annotations

import pandas as pd
from test_quotes_blind4 import MERZ, STARMER, one, run

LANG = ("Petra Lang", "P:lang", "name")
BERG = ("Anna Berg", "P:berg", "name")


def test_an_interview_told_by_topic_gives_every_answer_to_the_person_in_the_heading() -> None:
    text = ("Von: Jana Beispiel\n\n"
            "Verteidigungsministerin Petra Lang gab der Zeitung am Montag ein Interview.\n\n"
            "Ministerin Petra Lang über…\n\n► die Lieferung der Flugabwehr:\n\n"
            "„Die ersten Systeme kommen im Herbst. Mehr kann ich heute noch nicht sagen.“\n\n"
            "► die Ausbildung der Soldaten:\n\n„Wir beginnen im Juni mit dem ersten Lehrgang.“")
    q = run(text, [LANG])
    assert one(q, "Die ersten Systeme")["speaker_id"] == "P:lang"
    assert one(q, "ersten Lehrgang")["speaker_id"] == "P:lang"


def test_a_question_line_between_the_intro_and_the_answer_is_passed_over() -> None:
    text = ("Das sagte Anna Berg auf die Frage ...\n\n... ob die Mission verlängert wird:\n\n"
            "„Darüber entscheidet das Parlament, nicht die Regierung.“")
    assert one(run(text, [BERG]), "Darüber entscheidet")["speaker_id"] == "P:berg"


def test_a_quote_label_takes_the_speaker_of_the_sentence_before() -> None:
    text = ("Details: Starmer said the allies had agreed to keep the training going.\n\n"
            'Quote: "We will not step back now, not this year and not next year."\n\n'
            'Details: Starmer said some partners were slower, but that "slow is not never".\n\n'
            'Quote: "Every country decides for itself what it can send."')
    q = run(text, [STARMER], "en")
    assert one(q, "step back now")["speaker_id"] == "P:starmer"
    assert one(q, "decides for itself")["speaker_id"] == "P:starmer"


def test_a_quotation_paragraph_after_a_paragraph_without_speech_gets_no_speaker() -> None:
    text = ("Merz traf am Morgen die Minister.\n\nDie Lage an der Front bleibt angespannt.\n\n"
            "„Wir halten durch, so lange es nötig ist.“")
    assert pd.isna(one(run(text, [MERZ]), "Wir halten durch")["speaker_id"])


def test_a_heading_that_names_two_people_names_no_speaker() -> None:
    text = "Merz und Starmer über…\n\n► die Kosten:\n\n„Das wird teurer, als viele heute glauben.“"
    assert pd.isna(one(run(text, [MERZ, STARMER]), "Das wird teurer")["speaker_id"])


def test_a_cue_of_the_paragraph_itself_beats_the_speaker_before() -> None:
    text = ("Details: Starmer said the allies had agreed to keep the training going.\n\n"
            '"We are not leaving," Anna Berg told the same press conference.')
    assert one(run(text, [STARMER, BERG], "en"), "not leaving")["speaker_id"] == "P:berg"


def test_a_pronoun_refers_to_who_spoke_in_the_sentence_before_not_to_its_first_person() -> None:
    text = ('Merz arrived late. Earlier the chancellor said he felt "uneasy" watching the exchange between '
            'the French president and Starmer. But he said he had answered by "picking up the phone".')
    q = run(text, [MERZ, ("the French president", "P:macron", "role"), STARMER], "en")
    assert one(q, "uneasy")["speaker_id"] == "P:merz"
    assert one(q, "picking up the phone")["speaker_id"] == "P:merz"


def test_continued_and_fuhr_fort_are_verbs_of_saying() -> None:
    text = 'The pact runs long. "It holds for ten years and then we renew it," Starmer continued.'
    assert one(run(text, [STARMER], "en"), "ten years")["speaker_id"] == "P:starmer"
    text = "Das Abkommen gilt lange. „Es gilt zehn Jahre, danach verlängern wir es“, fuhr Merz fort."
    assert one(run(text, [MERZ]), "zehn Jahre")["speaker_id"] == "P:merz"


# --- marks, cues and terms seen on the sixth session's real pages (own sentences) -------------------


def test_a_straight_opening_mark_closed_by_a_typographic_one_is_a_quotation() -> None:
    text = '"We will stand by them for as long as it takes,” Starmer said on Monday.'
    assert one(run(text, [STARMER], "en"), "as long as it takes")["speaker_id"] == "P:starmer"
    text = '"Wir werden die Zusagen einhalten, auch im nächsten Jahr“, bestätigte Merz am Abend.'
    assert one(run(text, [MERZ]), "Zusagen einhalten")["speaker_id"] == "P:merz"


def test_a_straight_pair_still_closes_before_a_typographic_mark_later_on() -> None:
    q = run('"Soon," he said, and then “never” was the word of the day.', [], "en")
    assert set(q[q["kind"] != "indirect"]["quote"]) == {"Soon,", "never"}


def test_hopes_and_what_a_document_lays_down_are_speech() -> None:
    text = "The deputy minister Anna Berg expressed hope that other allies “would do the same”."
    assert one(run(text, [BERG], "en"), "do the same")["speaker_id"] == "P:berg"
    text = "The pact stipulates that Britain will consult Kyiv and offer “rapid and lasting help”."
    row = one(run(text, [], "en"), "rapid and lasting")
    assert row["kind"] == "direct" and pd.isna(row["speaker_id"])


def test_a_conviction_voiced_after_the_quotation_names_its_speaker() -> None:
    text = ("Merz hatte das Ziel vorgegeben. „Ohne ein Treffen geht der Krieg weiter“, gab sich der Kanzler "
            "am Abend überzeugt.")
    assert one(run(text, [MERZ]), "Ohne ein Treffen")["speaker_id"] == "P:merz"


def test_phrases_in_a_clause_an_impersonal_cue_reports_after_them_are_speech() -> None:
    text = ("Kiew solle dabei unterstützt werden, eine „dauerhaft starke Armee“ aufzubauen, die das Land "
            "„heute "
            "schützen“ könne, heißt es darin.")
    q = run(text, [])
    assert {one(q, "starke Armee")["kind"], one(q, "heute")["kind"]} == {"direct"}


def test_a_make_or_model_in_marks_is_a_term() -> None:
    q = run("Merz promised two more launchers and missiles of the “Falcon-R” type.", [MERZ], "en")
    assert one(q, "Falcon-R")["kind"] == "term"
    q = run("Merz sagte Raketen vom Typ „Falke“ noch im Mai zu.", [MERZ])
    assert one(q, "Falke")["kind"] == "term"


def test_a_bare_role_is_the_person_the_article_gives_that_role_later_on() -> None:
    text = ("Als Anna Berg das Papier unterschreibt, lächelt sie. Ein „großer“ Schritt, sagt die Kanzlerin. "
            "Kanzlerin Anna Berg betont später, das Dokument sei wichtig.")
    q = run(text, [BERG, ("die Kanzlerin", "P:lang", "role")])
    assert one(q, "großer")["speaker_id"] == "P:berg"
