"""Quotations, ninth session (issue 14, the lead's real9q set and the quotation misses of the
helpers' real9de and real9en): a quotation right after another one, the participle of a separable
verb of saying, a reported-speech paragraph that goes on with the speaker of the paragraph before,
and "Dies erklärte X" opening the paragraph after a quotation. Own test sentences."""

from __future__ import annotations

import pandas as pd
from test_quotes_blind4 import MERZ, one, run

from ukrsec import pipeline
from ukrsec.load import RawDoc

KANZLER = ("Kanzler", "P:merz", "role")
FULL = ("Bundeskanzler Friedrich Merz", "P:merz", "name")


def test_a_quotation_right_after_another_keeps_its_speaker() -> None:
    text = ("Der Kanzler wandte sich an die Abgeordneten: „Die Lage bleibt ernst.“„Ich sage noch einmal, "
            "dass wir keine Soldaten schicken werden.“\nDas Parlament tagte bis zum Abend.")
    q = run(text, [KANZLER, MERZ, FULL])
    assert one(q, "Ich sage noch einmal")["speaker_id"] == "P:merz"


def test_a_quotation_after_another_speakers_attribution_is_not_carried() -> None:
    doc = RawDoc("t", "t.txt", "„Wir helfen“, sagte Merz. „Wir nicht“, sagte Starmer.")
    out = pipeline.combine([pipeline.parse_docs([doc])], ["t"])
    q = out["quotes"]
    assert q[q.quote == "Wir nicht"].speaker_id.tolist() == ["person:keir-starmer"], q


def test_a_quotation_closing_its_paragraph_takes_the_speaker_named_at_the_start_of_the_next() -> None:
    text = ("„Ich sage noch einmal, dass wir keine Soldaten in die Ukraine schicken werden.“\n"
            "Dies erklärte Bundeskanzler Friedrich Merz am Mittwoch im Bundestag.")
    q = run(text, [FULL])
    assert one(q, "Ich sage noch einmal")["speaker_id"] == "P:merz"


def test_without_a_back_reference_the_next_paragraph_names_no_speaker() -> None:
    text = ("„Ich sage noch einmal, dass wir keine Soldaten in die Ukraine schicken werden.“\n"
            "Bundeskanzler Friedrich Merz reiste am Mittwoch nach Paris.")
    q = run(text, [FULL])
    assert pd.isna(one(q, "Ich sage noch einmal")["speaker_id"])


def test_a_phrase_in_a_clause_after_a_participle_of_saying_is_speech() -> None:
    text = 'Merz hatte zuvor angegeben, dass die Partner "recht genaue Pläne" für eine Truppe hätten.'
    q = run(text, [MERZ])
    row = one(q, "recht genaue Pläne")
    assert row["kind"] == "direct" and row["speaker_id"] == "P:merz"


def test_a_reported_paragraph_goes_on_with_the_speaker_of_the_paragraph_before() -> None:
    text = ('Merz sagte nach dem Treffen, die Zusagen seien "wirklich beachtlich".\n'
            'Zum ersten Mal sei nun "ein Ende der Kämpfe denkbar geworden".')
    q = run(text, [MERZ])
    assert one(q, "ein Ende der Kämpfe")["speaker_id"] == "P:merz"


def test_a_paragraph_in_the_indicative_does_not_inherit_across_the_break() -> None:
    text = ('Merz sagte nach dem Treffen, die Zusagen seien "wirklich beachtlich".\n'
            'Am Abend stand ein Empfang an, den Gäste als "ein Ende der Kämpfe" feierten.')
    q = run(text, [MERZ])
    row = one(q, "ein Ende der Kämpfe")
    assert row["kind"] == "term" or row["speaker_id"] != "P:merz"


def test_divulged_is_a_verb_of_saying_and_the_bare_role_is_the_person_named_before() -> None:
    text = ("European Council President Charles Michel spoke in Munich on Sunday. “We stand together,” said "
            "Keir Starmer. The President divulged that \"the price for Moscow will be very high, and we "
            'are ready to pay ours."')
    out = pipeline.combine([pipeline.parse_docs([RawDoc("t", "t.txt", text)])], ["t"])
    q = out["quotes"]
    row = q[q.quote.str.startswith("the price")]
    assert row.speaker_id.tolist() == ["person:charles-michel"], q


def test_hammered_the_head_of_state_is_the_president_named_before() -> None:
    text = ("French President Emmanuel Macron met Chancellor Olaf Scholz in Berlin. “We agree on much,” said "
            "Scholz. “We must give Ukraine the means to defend itself against any new aggression, and we "
            "will,” hammered the head of state.")
    out = pipeline.combine([pipeline.parse_docs([RawDoc("t", "t.txt", text)])], ["t"])
    q = out["quotes"]
    row = q[q.quote.str.startswith("We must give")]
    assert row.speaker_id.tolist() == ["person:emmanuel-macron"], q


def _direct(text: str) -> pd.DataFrame:
    out = pipeline.combine([pipeline.parse_docs([RawDoc("t", "t.txt", text)])], ["t"])
    return out["quotes"]


def test_a_phrase_a_passive_names_after_its_agent_is_the_agents_speech() -> None:
    q = _direct("The declaration was hailed as “a real turning point” by President Volodymyr Zelensky.")
    assert q[["kind", "speaker_id"]].values.tolist() == [["direct", "person:volodymyr-zelensky"]], q
    q = _direct("Die Erklärung wurde von Präsident Emmanuel Macron als „echter Wendepunkt“ gelobt.")
    assert q[["kind", "speaker_id"]].values.tolist() == [["direct", "person:emmanuel-macron"]], q


def test_a_name_after_by_in_an_active_sentence_stays_a_term() -> None:
    q = _direct("Critics hailed the so-called “peace formula” as a step taken by Volodymyr Zelensky.")
    assert q.kind.tolist() == ["term"], q
