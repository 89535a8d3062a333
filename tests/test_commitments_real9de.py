"""Commitments, ninth session (issue 14, helper real9de): kinds of failure a fresh set of real German
pages (2014-2025) showed: a counted group reported after a perfect of announcing, agreement partners
listed after a colon, material for defence, a security plan, the neighbour a plan is for, a ceasefire
that must first be reached, a range of years, and "man" after a state named as a side. Own test
sentences (not those of the pages); they run the whole pipeline."""

from __future__ import annotations

import pytest
from test_commitments import parsed_rows as rows  # (actor, type) -> (stance, conditions, quantity_min)

# --- who commits ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Der Kanzler hat angekündigt, dass zwölf Länder bereit sind, Soldaten zu entsenden.",
    "Macron hat am Abend verkündet, dass 18 Staaten Truppen stellen wollen.",
    "Die Präsidentin hat mitgeteilt, dass mehrere Länder Ausbilder schicken werden.",
])
def test_a_counted_group_after_a_perfect_of_announcing_is_the_coalition(text):
    got = rows(text)
    assert any(a == "COALITION" for a, _ in got), got
    assert not any(a in ("DE", "FR") for a, _ in got), got


def test_the_announcer_commits_when_no_group_follows():
    assert ("FR", "ground_troops") in rows("Macron hat angekündigt, dass Frankreich Soldaten schicken wird.")


@pytest.mark.parametrize("text,states", [
    ("Kiew hat zwei neue Sicherheitsabkommen unterzeichnet: mit Portugal und Belgien.", {"PT", "BE"}),
    ("Ukraine signed three security agreements: with Finland, Latvia and Spain.", {"FI", "LV", "ES"}),
])
def test_partners_listed_after_a_colon_commit(text, states):
    got = {a for a, t in rows(text) if t == "security_guarantee"}
    assert got == states, got


@pytest.mark.parametrize("text,states", [
    ("Die Ukraine hat Sicherheitsabkommen mit Portugal und mit Belgien geschlossen.", {"PT", "BE"}),
    ("Ukraine signed security agreements with Finland, with Latvia and with Spain.", {"FI", "LV", "ES"}),
])
def test_partners_after_a_repeated_preposition_commit(text, states):
    got = {a for a, t in rows(text) if t == "security_guarantee"}
    assert got == states, got


def test_a_state_after_another_verb_is_no_partner():
    got = rows("Die Ukraine hat ein Sicherheitsabkommen mit Portugal unterzeichnet und mit Belgien "
               "gesprochen.")
    assert ("BE", "security_guarantee") not in got, got


def test_a_colon_before_another_clause_gives_no_partner():
    got = rows("Die Ukraine hat ein Sicherheitsabkommen unterzeichnet: Portugal begrüßte den Schritt.")
    assert ("PT", "security_guarantee") not in got, got


@pytest.mark.parametrize("text,actor", [
    ("Wir haben von britischer Seite gehört, dass man bereit ist, Sicherheitsgarantien zu geben.", "GB"),
    ("Von amerikanischer Seite hieß es, man sei bereit, Luftunterstützung zu leisten.", "US"),
])
def test_man_after_a_state_named_as_a_side_is_that_state(text, actor):
    got = rows(text)
    assert got and {a for a, _ in got} == {actor}, got


def test_man_without_a_side_keeps_the_subject_before():
    assert {a for a, _ in rows("Kanzler Scholz sagte, man sei bereit, Soldaten zu schicken.")} == {"DE"}


# --- types ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,actor", [
    ("Portugal wird für 20 Millionen Euro Verteidigungsmaterial kaufen und liefern.", "PT"),
    ("Belgien will militärische Ausrüstung an die Ukraine liefern.", "BE"),
    ("Ireland will send non-lethal military equipment.", "IE"),
])
def test_material_for_defence_is_weapons(text, actor):
    assert (actor, "weapons") in rows(text), rows(text)


@pytest.mark.parametrize("text", [
    "Portugal plant in der Ukraine Einrichtungen für Waffen und militärische Ausrüstung.",
    "Portugal plant in der Ukraine Hallen für militärische Ausrüstung.",
    "Portugal plans sites for military equipment in Ukraine.",
])
def test_what_a_facility_is_for_is_no_weapons_pledge(text):
    assert ("PT", "weapons") not in rows(text), rows(text)


def test_a_security_plan_is_a_guarantee_and_the_neighbour_it_is_for_no_deployment():
    got = rows("Kanada hat sich verpflichtet, einen Sicherheitsplan für das Nachbarland Polens vorzulegen.")
    assert ("CA", "security_guarantee") in got, got
    assert not any(t == "neighbour_deployment" for _, t in got), got


def test_forces_in_a_neighbouring_country_stay_a_neighbour_deployment():
    got = rows("Deutschland könnte Soldaten in ein Nachbarland der Ukraine verlegen.")
    assert got.get(("DE", "neighbour_deployment"), ("",))[0] == "considering", got


# --- conditions -------------------------------------------------------------------------------

@pytest.mark.parametrize("text,actor,typ", [
    ("Polen will die Mission logistisch unterstützen, aber dafür müssen wir zumindest einen "
     "Waffenstillstand erreichen, sagte der Präsident.", "PL", "logistics"),
    ("Ungarn will Ausbilder stellen, aber zuerst muss eine Waffenruhe erzielt werden.", "HU",
     "army_regeneration"),
    ("Poland will help with logistics, but we must first reach a ceasefire.", "PL", "logistics"),
])
def test_a_ceasefire_that_must_first_be_reached_is_a_condition(text, actor, typ):
    got = rows(text)
    assert "ceasefire" in got.get((actor, typ), ("", []))[1], got


def test_watching_ceasefire_talks_is_no_condition():
    got = rows("Polen will die Mission logistisch unterstützen. Wir müssen die Waffenstillstandsgespräche "
               "abwarten und beobachten.")
    assert "ceasefire" not in got.get(("PL", "logistics"), ("", []))[1], got


@pytest.mark.parametrize("text,actor", [
    ("Dänemark wird in den Jahren 2025-2027 Militärhilfe von 3 Milliarden Euro gewähren.", "DK"),
    ("Lettland will für den Zeitraum 2024–2026 weitere 100 Millionen Euro bereitstellen.", "LV"),
    ("Denmark will provide 3 billion euros over the years 2025 to 2027.", "DK"),
])
def test_a_range_of_years_is_a_time_condition(text, actor):
    got = rows(text)
    assert "other" in got.get((actor, "funding"), ("", []))[1], got


def test_a_sum_without_a_range_of_years_has_no_time_condition():
    got = rows("Dänemark wird weitere 3 Milliarden Euro Militärhilfe gewähren.")
    assert got.get(("DK", "funding"), ("", ["x"]))[1] == [], got


# --- second increment: stance, supported missions, carried conditions ---------------------------

@pytest.mark.parametrize("text", [
    "Österreich erwägt, Soldaten zu schicken. Es gibt aber noch keine Anfrage zur Entsendung von Soldaten.",
    "Österreich erwägt, Soldaten zu schicken. Bisher gibt es weder einen Frieden noch ein offizielles "
    "Ersuchen um die Entsendung von Soldaten.",
])
def test_a_request_that_has_not_come_is_no_refusal(text):
    assert rows(text).get(("AT", "ground_troops"), ("",))[0] == "considering", rows(text)


def test_a_plain_refusal_stays_declined():
    assert rows("Österreich schickt weder Soldaten noch Ausbilder.").get(("AT", "ground_troops"), ("",))[0] \
        == "declined"


@pytest.mark.parametrize("text", [
    "Bulgarien wird alle Friedenseinsätze logistisch unterstützen.",
    "Bulgaria will support all peacekeeping operations with logistics.",
])
def test_supporting_all_missions_is_no_troop_contribution(text):
    got = rows(text)
    assert ("BG", "logistics") in got and ("BG", "ground_troops") not in got, got


def test_sending_all_available_soldiers_stays_a_troop_pledge():
    assert ("BG", "ground_troops") in rows("Bulgarien wird alle verfügbaren Soldaten schicken.")


def test_a_carried_condition_that_names_the_actor_is_not_its_own():
    got = rows("Die USA sind bereit, Sicherheitsgarantien zu geben. Die Europäer sprachen von einer Truppe "
               "mit Unterstützung der USA.")
    assert got.get(("US", "security_guarantee"), ("", ["x"]))[1] == [], got


def test_a_carried_us_condition_reaches_another_state():
    got = rows("Belgien ist bereit, Soldaten zu schicken. Die Europäer sprachen von einer Truppe mit "
               "Unterstützung der USA.")
    assert "us_backstop" in got.get(("BE", "ground_troops"), ("", []))[1], got
