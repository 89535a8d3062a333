"""Commitments, ninth session (issue 14, the lead's real9q set): kinds of miss a fresh set of
quotation-rich pages showed: a dateline of several places, a refusal in the reported subjunctive
("er schließe … aus"), "würden" as the reported "werden", a time phrase between a verb of saying and
its reported clause, support "mit Waffen beliefern", a condition "in the event that", forces named
by a continent as the subject. Own test sentences."""

from __future__ import annotations

import pandas as pd
import pytest
from test_commitments import extract, full_tables, pairs

from ukrsec import commitments


def _tables(text: str, language: str) -> tuple[pd.DataFrame, ...]:
    return full_tables(text, language)


def _run(text: str, language: str = "de") -> dict[tuple[str, str], str]:
    """Commitments of ``text`` through the real actors stage (gazetteer, roles, datelines)."""
    return pairs(commitments.extract(*_tables(text, language)))


# --- a dateline of several places -------------------------------------------------------------

@pytest.mark.parametrize("text,actor", [
    ("Rom/Paris (AFP) - Spaniens Regierungschef Pedro Sánchez hat erklärt, dass sein Land keine Soldaten "
     "in die Ukraine schicken wird.", "ES"),
    ("Madrid/Berlin (dpa) - Italiens Ministerpräsidentin Giorgia Meloni hat betont, dass ihr Land keine "
     "Truppen in die Ukraine entsenden werde.", "IT"),
])
def test_the_second_place_of_a_dateline_is_no_actor(text, actor):
    got = _run(text)
    assert got.get((actor, "ground_troops")) == "declined", got
    assert not any(a in ("FR", "DE") for a, _ in got), got


def test_a_capital_inside_the_text_still_stands_for_its_state():
    got = _run("Nach dem Treffen in Rom hieß es, Paris und Berlin würden Soldaten in die Ukraine schicken.")
    assert ("FR", "ground_troops") in got and ("DE", "ground_troops") in got, got


# --- the reported subjunctive ---------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Frankreich schließe die Entsendung von Bodentruppen aus, hieß es in Paris.",
    "Der Minister sagte, Spanien schließe eine Beteiligung an der Schutztruppe aus.",
    "Italien schlösse die Entsendung von Soldaten aus, falls es keine Waffenruhe gibt.",
])
def test_a_refusal_in_the_reported_subjunctive_is_declined(text):
    got = pairs(extract(text))
    assert "declined" in got.values(), got


def test_a_reported_refusal_by_pronoun_is_the_person_named_before():
    got = _run("Donald Trump sagte, die USA würden helfen. Später schränkte er ein, er schließe die "
               "Entsendung von Bodentruppen in die Ukraine aus.")
    assert got.get(("US", "ground_troops")) == "declined", got


@pytest.mark.parametrize("text,actors_,stance", [
    ("Macron erklärte, die Niederlande würden die Sicherheit des Luftraums garantieren.", ["NL"], "pledged"),
    ("Der Minister sagte, Dänemark und Schweden würden Soldaten in die Ukraine schicken.", ["DK", "SE"],
     "pledged"),
    # a singular "würde" stays a hedge: its reported "will" is "werde"
    ("Der Minister sagte, Dänemark würde Soldaten in die Ukraine schicken.", ["DK"], "considering"),
    # a hedge inside the reported clause keeps it considering
    ("Macron sagte, die Niederlande würden möglicherweise Soldaten in die Ukraine schicken.", ["NL"],
     "considering"),
    # and a negation makes it a refusal
    ("Macron sagte, die Niederlande würden keine Soldaten in die Ukraine schicken.", ["NL"], "declined"),
])
def test_plural_wuerden_after_a_verb_of_saying_is_the_reported_future(text, actors_, stance):
    got = pairs(extract(text))
    for a in actors_:
        assert got.get((a, "ground_troops" if "Soldaten" in text else "air_security")) == stance, got


def test_without_a_verb_of_saying_wuerden_stays_a_hedge():
    got = pairs(extract("Die Niederlande würden Soldaten in die Ukraine schicken, wenn es Frieden gibt."))
    assert got.get(("NL", "ground_troops")) == "considering", got


# --- a time phrase between the verb of saying and the reported clause ----------------------------------

@pytest.mark.parametrize("text", [
    "Macron sagte am Dienstag, Dänemark und Schweden werden Soldaten in die Ukraine schicken.",
    "Macron erklärte in Paris, Dänemark und Schweden werden Soldaten in die Ukraine schicken.",
])
def test_the_states_after_a_verb_of_saying_and_an_adverbial_are_the_subject(text):
    got = pairs(extract(text))
    assert got.get(("DK", "ground_troops")) == "pledged", got
    assert got.get(("SE", "ground_troops")) == "pledged", got


def test_states_after_a_preposition_stay_objects():
    got = pairs(extract("Frankreich will Soldaten nach Dänemark und Schweden schicken."))
    assert set(got) == {("FR", "neighbour_deployment")} or ("DK", "ground_troops") not in got, got


# --- support with weapons ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Dänemark wird die Ukraine mit Waffen beliefern.",
    "Schweden will die ukrainische Armee mit Waffen ausstatten.",
])
def test_supplying_with_weapons_is_weapons(text):
    got = pairs(extract(text))
    assert any(t == "weapons" and s == "pledged" for (_, t), s in got.items()), got


def test_a_store_for_weapons_is_still_no_weapons_cue():
    got = pairs(extract("Dänemark baut Depots für Waffen und will sie mit Strom versorgen."))
    assert ("DK", "weapons") not in got, got


# --- a condition "in the event that" / "provided" --------------------------------------------------------

@pytest.mark.parametrize("text,condition", [
    ("Norway has promised to send troops in the event that a peace deal is struck.", "peace_agreement"),
    ("Norway will send troops to Ukraine provided that a peace agreement is signed.", "peace_agreement"),
    ("Norway will send troops to Ukraine in the event that a ceasefire is agreed.", "ceasefire"),
    ("Norway will send troops to Ukraine in case a truce holds.", "ceasefire"),
])
def test_in_the_event_that_and_provided_open_a_condition(text, condition):
    df = extract(text, language="en")
    row = df[(df.actor_id == "NO") & (df.type == "ground_troops")]
    assert len(row) == 1 and condition in list(row.iloc[0].conditions), df[["actor_id", "type", "conditions"]]


# --- forces named by a continent -----------------------------------------------------------------------

def test_european_forces_as_the_subject_are_the_coalition_the_article_names():
    got = _run("The coalition of the willing met in London. John Healey said European forces are ready to "
               "deploy to Ukraine once a ceasefire is agreed.", "en")
    assert got.get(("COALITION", "ground_troops")) == "pledged", got
    assert ("GB", "ground_troops") not in got, got


def test_a_state_that_sends_european_troops_commits_itself():
    got = _run("Die Koalition der Willigen tagte in Paris. Dänemark will europäische Truppen in die Ukraine "
               "schicken.")
    assert got.get(("DK", "ground_troops")) == "pledged", got
    assert ("COALITION", "ground_troops") not in got, got


def test_european_forces_opening_a_reported_clause_are_the_coalition():
    got = _run("The coalition of the willing met in Paris. Defence Secretary John Healey has announced that "
               "European forces are ready to deploy to Ukraine within weeks.", "en")
    assert got.get(("COALITION", "ground_troops")) == "pledged", got


# --- what Russia or Ukraine rejects or asks for ----------------------------------------------------

@pytest.mark.parametrize("text,language", [
    ("Russland lehnt den Einsatz von Nato-Truppen in der Ukraine strikt ab.", "de"),
    ("Moscow rejects any deployment of NATO troops in Ukraine.", "en"),
    ("Der Kreml bekräftigte seine Ablehnung aller Pläne, die Nato-Truppen in der Ukraine vorsehen.", "de"),
    ("Selenskyj fordert die Stationierung von US-Truppen in seinem Land.", "de"),
])
def test_what_russia_or_ukraine_rejects_or_asks_for_commits_the_troops_owner_to_nothing(text, language):
    got = _run(text, language)
    assert not any(a in ("org:nato", "US") for a, _ in got), got


@pytest.mark.parametrize("text,language,actor", [
    ("Selenskyj sagte, Frankreich werde französische Truppen in die Ukraine schicken.", "de", "FR"),
    ("Zelensky said Britain would send British troops to Ukraine.", "en", "GB"),
    ("Die Nato wird keine Nato-Truppen in die Ukraine schicken.", "de", "org:nato"),
])
def test_a_state_named_after_the_ukrainian_speaker_still_commits(text, language, actor):
    got = _run(text, language)
    assert (actor, "ground_troops") in got, got


@pytest.mark.parametrize("text,language", [
    ("Norway will send troops to Ukraine provided the presidents of both warring states reach a ceasefire "
     "agreement.", "en"),
    ("Norway will send troops to Ukraine if the two sides finally sign a truce.", "en"),
    ("Norwegen will Soldaten in die Ukraine schicken, sofern die Präsidenten beider Länder eine Waffenruhe "
     "vereinbaren.", "de"),
])
def test_a_ceasefire_condition_with_a_long_subject(text, language):
    df = extract(text, language=language)
    row = df[(df.actor_id == "NO") & (df.type == "ground_troops")]
    assert len(row) == 1 and "ceasefire" in list(row.iloc[0].conditions), df[["actor_id", "conditions"]]


def test_an_agreement_signed_with_a_state_is_no_ceasefire_condition():
    df = extract("Norway will send troops, and it signed a deal with Kyiv on Monday.", language="en")
    assert all("ceasefire" not in list(c) for c in df.conditions), df[["actor_id", "conditions"]]
