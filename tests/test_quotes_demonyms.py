"""A speaker named by nationality ("sagte der Däne", "said the Pole"): the person of that country
named before (eighth session, issue 14). Every sentence was written for these tests."""

from __future__ import annotations

import pandas as pd
from test_quotes_blind4 import MERZ, STARMER, one, run

NOWAK = ("Jan Nowak", "P:nowak", "name")


def _not_nowak(speaker_id: object) -> bool:
    return pd.isna(speaker_id) or speaker_id != "P:nowak"


def test_a_demonym_after_the_verb_is_the_compatriot_named_before() -> None:
    text = ("Friedrich Merz traf Jan Nowak am Montag in Berlin. „Wir stehen bereit, sobald die Waffen "
            "schweigen“, sagte der Pole.")
    q = run(text, [MERZ, NOWAK, ("Pole", "PL", "demonym")])
    assert one(q, "Wir stehen bereit")["speaker_id"] == "P:nowak"


def test_a_feminine_demonym_is_a_person_too() -> None:
    text = "Friedrich Merz sprach mit Jan Nowak. „Das reicht nicht“, erklärte die Polin danach."
    q = run(text, [MERZ, NOWAK, ("Polin", "PL", "demonym")])
    assert one(q, "Das reicht nicht")["speaker_id"] == "P:nowak"


def test_a_plural_demonym_is_no_person() -> None:
    text = "Friedrich Merz sprach mit Jan Nowak. „Das reicht nicht“, sagten die Polen danach."
    row = one(run(text, [MERZ, NOWAK, ("Polen", "PL", "demonym")]), "Das reicht nicht")
    assert _not_nowak(row["speaker_id"])
    text = "Keir Starmer met Jan Nowak in London. 'This is not enough,' said the Poles."
    q = run(text, [STARMER, NOWAK, ("Poles", "PL", "demonym")], "en")
    assert _not_nowak(one(q, "not enough")["speaker_id"])


def test_an_english_demonym_after_the_verb_is_the_compatriot() -> None:
    text = "Keir Starmer met Jan Nowak in London. 'We will not wait for Washington,' said the Pole."
    q = run(text, [STARMER, NOWAK, ("Pole", "PL", "demonym")], "en")
    assert one(q, "not wait for Washington")["speaker_id"] == "P:nowak"


def test_without_a_compatriot_the_demonym_refers_back_to_the_person_named_before() -> None:
    text = "Anna Berg besuchte am Montag die Front. „Die Lage ist ernst“, sagte die Polin."
    q = run(text, [("Anna Berg", "P:berg", "name"), ("Polin", "PL", "demonym")])
    assert one(q, "Die Lage ist ernst")["speaker_id"] == "P:berg"
