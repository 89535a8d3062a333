"""Tests of the speaker memory of ``ukrsec.quotes.attribution``: who speaks in a quotation without a
cue of its own, and who an indefinite role ("ein Regierungssprecher") is."""

from __future__ import annotations

import pandas as pd
from test_quotes import one, run

PEOPLE = [("Merz", "P:merz", "surname"), ("Anna Beispiel", "P:beispiel", "name")]


def test_a_term_in_the_sentence_before_does_not_hide_its_speaker() -> None:
    # the sentence before holds a quoted name (a term); its verb of saying still names the speaker
    text = ('Die Hilfe werde weitergehen, sagte Kanzler Merz am Montag nach einem Treffen der '
            'sogenannten "Gruppe der Sieben". "Dazu kann auch gehören, dass wir Schiffe schicken." '
            'Merz nannte keine Zahl.')
    q = run(text, PEOPLE)
    assert one(q, "Gruppe der Sieben")["kind"] == "term"
    assert one(q, "Schiffe schicken")["speaker_id"] == "P:merz"


def test_without_a_speaker_before_the_quotation_stays_unattributed() -> None:
    text = ('Nach dem Treffen der "Gruppe der Sieben" blieb vieles offen. '
            '"Dazu kann auch gehören, dass wir warten."')
    assert one(run(text, PEOPLE), "dass wir warten")["speaker_id"] is pd.NA


def test_a_role_after_an_indefinite_article_is_someone_new() -> None:
    text = ("Merz sprach in Paris. Auf Nachfrage erklärte ein Regierungssprecher am Mittwoch, "
            "dass auch Schiffe infrage kämen.")
    q = run(text, PEOPLE)
    rep = q[(q["kind"] == "indirect") & q["quote"].str.contains("Schiffe")].iloc[0]
    assert rep["speaker_text"] == "ein Regierungssprecher" and rep["speaker_id"] is pd.NA
    # with the definite article the role still refers back to the person named before
    text = "Merz sprach in Paris. Der Kanzler erklärte am Mittwoch, dass auch Schiffe infrage kämen."
    q = run(text, PEOPLE)
    rep = q[(q["kind"] == "indirect") & q["quote"].str.contains("Schiffe")].iloc[0]
    assert rep["speaker_id"] == "P:merz"
