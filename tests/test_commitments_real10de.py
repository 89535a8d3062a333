"""Commitments, tenth session (issue 14, helper real10de): kinds of failure a fresh set of real German
pages (2022-2026) showed: a counted group with a body's prefix, a Ukraine- prefix that names whom a
force is for, partners named by office and name, compound state adjectives, a relative clause opened by
a preposition, package contents, paying refused, securing another's deployment, offers to mediate,
currency adjectives, tanks and armoured vehicles, and conditions of the year and of a peace deal. Own
test sentences (not those of the pages); they run the whole pipeline."""

from __future__ import annotations

import pytest
from test_commitments import parsed_rows as rows  # (actor, type) -> (stance, conditions, quantity_min)

# --- who commits ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Zwölf EU-Staaten wollen nach einer Waffenruhe Soldaten in die Ukraine schicken.",
    "Laut einem Bericht sind acht Nato-Länder bereit, Truppen zu stellen.",
])
def test_a_counted_group_with_a_body_prefix_is_the_coalition(text):
    got = rows(text)
    assert any(a == "COALITION" and t == "ground_troops" for a, t in got), got


def test_a_body_prefix_without_a_count_gives_no_row():
    assert rows("Die EU-Staaten beraten über Soldaten für die Ukraine.") == {}


@pytest.mark.parametrize("text,stance", [
    ("Norwegen will sich an einer Ukraine-Truppe beteiligen.", "pledged"),
    ("Ob Dänemark Soldaten für eine Ukraine-Mission stellt, bleibt offen.", "undecided"),
])
def test_a_ukraine_prefix_names_whom_the_force_is_for(text, stance):
    got = rows(text)
    state = "NO" if "Norwegen" in text else "DK"
    assert got.get((state, "ground_troops"), ("",))[0] == stance, got


def test_ukrainian_soldiers_are_still_nobody_s_commitment():
    assert rows("Ukrainische Soldaten verteidigen die Stadt.") == {}


def test_partners_named_by_office_and_name_all_commit():
    got = rows("Kiew hat Sicherheitsabkommen mit Kanadas Premier Mark Carney und dem "
               "schwedischen Ministerpräsidenten Ulf Kristersson unterzeichnet.")
    assert ("CA", "security_guarantee") in got and ("SE", "security_guarantee") in got, got


def test_a_compound_state_adjective_gives_both_states():
    got = rows("Es gibt eine polnisch-litauische Initiative für eine Schutztruppe.")
    assert ("PL", "ground_troops") in got and ("LT", "ground_troops") in got, got
    assert got[("PL", "ground_troops")][0] == "considering"


@pytest.mark.parametrize("text", [
    "Die Minister berieten einen Plan, bei dem Italien und Spanien die Führung der Schutztruppe übernehmen.",
    "Es gibt ein Konzept, nach dem Italien und Spanien Soldaten stellen würden.",
])
def test_a_name_after_a_preposition_and_a_relative_pronoun_is_the_subject(text):
    got = rows(text)
    assert ("IT", "ground_troops") in got and ("ES", "ground_troops") in got, got


def test_a_name_after_a_plain_preposition_stays_an_object():
    got = rows("Belgien will Soldaten in der Slowakei und Ungarn stationieren.")
    assert not any(a in ("SK", "HU") for a, _ in got), got


def test_an_initiative_named_again_takes_the_type_before():
    got = rows("Elf Staaten sind bereit, Soldaten zu schicken. Dabei wurde ein Plan vorgestellt, "
               "bei dem Polen die Führung dieser Initiative übernimmt.")
    assert ("PL", "ground_troops") in got, got


# --- types ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Portugal wird der Ukraine 40 gepanzerte Fahrzeuge liefern.",
    "Die Niederlande sagten weitere Leopard-Kampfpanzer zu.",
    "Griechenland stellt Patriot-Raketen bereit.",
])
def test_tanks_armoured_vehicles_and_patriot_missiles_are_weapons(text):
    got = rows(text)
    assert any(t == "weapons" and v[0] == "pledged" for (_, t), v in got.items()), got


def test_the_contents_of_a_pledged_package_are_pledged():
    got = rows("Australien hat ein neues Hilfspaket zugesagt. Das Paket umfasse Drohnen und die "
               "Ausbildung ukrainischer Soldaten, sagte der Premierminister Australiens.")
    assert got.get(("AU", "weapons"), ("",))[0] == "pledged", got
    assert got.get(("AU", "army_regeneration"), ("",))[0] == "pledged", got


def test_securing_another_s_deployment_is_a_backstop():
    got = rows("Washington will den Einsatz britischer Truppen in der Ukraine absichern.")
    assert ("US", "backstop") in got and ("US", "ground_troops") not in got, got


def test_troops_that_secure_a_ceasefire_stay_troops():
    got = rows("Irland plant die Entsendung von Soldaten, die den Waffenstillstand absichern sollen.")
    assert ("IE", "ground_troops") in got and ("IE", "backstop") not in got, got


def test_refusing_to_pay_for_the_army_named_before_is_declined():
    got = rows("Berlin setzt auf die Stärkung der ukrainischen Armee - aber Washington will dies "
               "nicht bezahlen.")
    assert got.get(("US", "army_regeneration"), ("",))[0] == "declined", got
    assert got.get(("DE", "army_regeneration"), ("",))[0] != "declined", got


def test_an_offer_to_mediate_is_no_maritime_pledge():
    assert rows("Griechenland liegt am Mittelmeer und hat angeboten, zwischen den Parteien im "
                "Schwarzen Meer zu vermitteln.") == {}


def test_an_offer_of_warships_is_still_a_pledge():
    got = rows("Griechenland hat angeboten, Fregatten ins Schwarze Meer zu schicken.")
    assert got.get(("GR", "maritime_security"), ("",))[0] == "pledged", got


# --- money and conditions ---------------------------------------------------------------------

def test_a_currency_adjective_keeps_the_first_sum_not_its_conversion():
    got = rows("Australien sagte der Ukraine 100 Millionen australische Dollar (rund 60 Millionen "
               "Euro) zu.")
    assert got[("AU", "funding")][2] == 100_000_000, got


@pytest.mark.parametrize("text", [
    "Belgien wird der Ukraine für dieses Jahr 300 Millionen Euro geben.",
    "Belgien stellt im laufenden Jahr 300 Millionen Euro bereit.",
])
def test_the_year_of_the_pledge_is_a_time_condition(text):
    assert "other" in rows(text)[("BE", "funding")][1]


def test_a_pledge_without_a_time_has_no_time_condition():
    assert rows("Belgien stellt 300 Millionen Euro bereit.")[("BE", "funding")][1] == []


def test_for_the_case_of_a_peace_agreement_is_a_peace_condition():
    got = rows("Portugal hat sich für den Fall eines Friedensabkommens als Garantiemacht angeboten.")
    assert "peace_agreement" in got[("PT", "security_guarantee")][1], got


def test_a_ceasefire_first_is_a_ceasefire_condition():
    got = rows("Schweden prüft die Entsendung von Soldaten. „Zunächst einmal muss es um eine Waffenruhe "
               "gehen“, sagte die Ministerin.")
    assert "ceasefire" in got[("SE", "ground_troops")][1], got
