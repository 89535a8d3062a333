"""Commitments, fourth round of issue 14 (German coverage, helper blind4de): ellipses after a
refusal, trailing participle phrases with a stance of their own, separable verbs in the past,
announcements, proposals, amounts after a year. Own test sentences (not those of the blind pages)."""

from __future__ import annotations

import pytest
from test_commitments import extract, pairs

from ukrsec.commitments import find_quantities


@pytest.mark.parametrize("text,expected", [
    # a dash or an ellipsis before "wohl aber" / "aber" cuts the refusal from what is offered
    ("Belgien will keine Kampftruppen in die Ukraine schicken – wohl aber Soldaten in die Nachbarländer "
     "der Ukraine.", {("BE", "ground_troops"): "declined", ("BE", "neighbour_deployment"): "pledged"}),
    ("Spanien lehnt es ab, Soldaten in die Ukraine zu entsenden… aber immerhin in ein Nachbarland.",
     {("ES", "ground_troops"): "declined", ("ES", "neighbour_deployment"): "pledged"}),
    ("Dänemark schickt keine Truppen in die Ukraine, wohl aber Soldaten in ein Nachbarland.",
     {("DK", "ground_troops"): "declined", ("DK", "neighbour_deployment"): "pledged"}),
])
def test_an_offer_after_a_refusal_keeps_its_own_stance(text, expected):
    got = pairs(extract(text))
    for key, stance in expected.items():
        assert got.get(key) == stance, (key, got)


@pytest.mark.parametrize("text,pledged,declined", [
    ("Norwegen sagte Fregatten für das Schwarze Meer zu, eine Entsendung von Bodentruppen ausdrücklich "
     "ausgenommen.", ("NO", "maritime_security"), ("NO", "ground_troops")),
    ("Kanada sagte Aufklärung zu, Kampftruppen ausgeschlossen.", ("CA", "intelligence"),
     ("CA", "ground_troops")),
])
def test_a_trailing_participle_phrase_has_its_own_stance(text, pledged, declined):
    got = pairs(extract(text))
    assert got.get(pledged) == "pledged", got
    assert got.get(declined) == "declined", got


def test_a_trailing_participle_without_a_type_leaves_the_main_stance():
    got = pairs(extract("Estland sagte Munition zu, weitere Hilfe nicht ausschließend."))
    assert got.get(("EE", "weapons")) == "pledged", got


@pytest.mark.parametrize("text,key,stance", [
    # separable verbs in the past tense
    ("Eigene Kampfjets schloss Polen aus.", ("PL", "air_security"), "declined"),
    ("Eine Beteiligung an der Minenräumung im Schwarzen Meer schloss Schweden nicht aus.",
     ("SE", "maritime_security"), "considering"),
    # a long source phrase inside "sagte … zu"
    ("Griechenland sagte nach übereinstimmenden Angaben aus mehreren Delegationen Minenräumboote und "
     "Fregatten für das Schwarze Meer zu.", ("GR", "maritime_security"), "pledged"),
    # "angekündigt" with an infinitive clause
    ("Polen und Litauen haben angekündigt, Ausbilder für die ukrainische Armee zu stellen.",
     ("LT", "army_regeneration"), "pledged"),
    # a proposal is considering
    ("Ungarn schlug eine gemeinsame Finanzierung durch die Partner vor.", ("HU", "funding"), "considering"),
    ("Die Slowakei hat vorgeschlagen, die Kosten der Überwachung aus einem gemeinsamen Fonds zu zahlen.",
     ("SK", "funding"), "considering"),
])
def test_stance_verbs_of_the_fourth_round(text, key, stance):
    got = pairs(extract(text))
    assert got.get(key) == stance, got


@pytest.mark.parametrize("text,key", [
    ("Die Niederlande wollen an Land und zur See helfen.", ("NL", "ground_troops")),
    ("Die USA könnten Luftunterstützung leisten.", ("US", "air_security")),
    ("Österreich ist bereit, den Wiederaufbau des Stromnetzes zu finanzieren.", ("AT", "funding")),
    ("Schweden will die Ukraine weiter finanziell unterstützen.", ("SE", "funding")),
])
def test_type_cues_of_the_fourth_round(text, key):
    assert key in pairs(extract(text))


def test_swiss_francs_are_money():
    df = extract("Für die Minenräumung hat Österreich 30 Millionen Franken zugesagt.")
    row = df[(df.actor_id == "AT") & (df.type == "funding")].iloc[0]
    assert (row.quantity_min, row.unit) == (30e6, "CHF")


@pytest.mark.parametrize("text,amount", [
    ("bis 2030 insgesamt 4 Milliarden Euro", 4e9),
    ("ab 2027 jährlich 300 Millionen Euro", 300e6),
])
def test_a_year_before_an_amount_is_no_amount(text, amount):
    qs = find_quantities(text)
    assert [q.qmin for q in qs] == [amount]
