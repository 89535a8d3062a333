"""Commitments: rules of the sixth session (issue 14, helper real5en), found on a fresh set of real
English pages and written as general kinds. Every sentence here was written for this file; the
mentions come from the small gazetteer of ``test_commitments``."""

from __future__ import annotations

import pytest
from test_commitments import extract, pairs


def _rows(df):
    return df[["actor_id", "type", "stance", "conditions", "cue"]]


# --- a treaty "in force" is no force; trainees are Ukraine's -------------------------------------


@pytest.mark.parametrize("text", [
    "Britain signed a security agreement that will stay in force for a decade.",
    "The Danish pact entered into force on Monday, Denmark said.",
])
def test_a_treaty_in_force_is_no_troop_word(text):
    df = extract(text, language="en")
    assert "ground_troops" not in set(df.type), _rows(df)


def test_a_named_force_is_still_a_troop_word():
    df = extract("France will lead the reassurance force.", language="en")
    assert pairs(df).get(("FR", "ground_troops")) == "pledged", _rows(df)


@pytest.mark.parametrize("text,actor", [
    ("Sweden will train engineers and military personnel for the Ukrainian navy.", "SE"),
    ("Norway has offered to train pilots and ground crews.", "NO"),
    ("Poland says more Ukrainian soldiers will be trained at its own ranges.", "PL"),
    ("Canada will help Ukraine in building a modern, capable army.", "CA"),
])
def test_training_and_building_an_army_is_army_regeneration(text, actor):
    df = extract(text, language="en")
    got = pairs(df)
    assert got.get((actor, "army_regeneration")) == "pledged", _rows(df)
    assert (actor, "ground_troops") not in got, _rows(df)


@pytest.mark.parametrize("text", [
    "Poland is building a new army base near the border.",
    "The train carrying troops reached the border at night.",
])
def test_no_training_or_army_building_there(text):
    df = extract(text, language="en")
    assert "army_regeneration" not in set(df.type), _rows(df)


# --- pacts and accords ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Spain, Belgium and Sweden have signed a pact pledging long-term help for Ukraine.",
    "Spain, Belgium and Sweden jointly penned a security accord in Rome.",
])
def test_a_signed_pact_or_security_accord_is_a_guarantee_of_each_signatory(text):
    df = extract(text, language="en")
    assert pairs(df) == {(a, "security_guarantee"): "pledged" for a in ("ES", "BE", "SE")}, _rows(df)


def test_a_pact_named_in_passing_is_none():
    df = extract("Hungary left the Warsaw Pact in 1991.", language="en")
    assert df.empty, _rows(df)


# --- time limits, peace deals and the US backstop as conditions ----------------------------------


@pytest.mark.parametrize("text", [
    "Italy signed a security agreement that stays valid until Ukraine becomes a NATO member.",
    "Italy will pay for the training of Ukraine's army until Ukraine joins the alliance.",
    "Italy will provide 500 million euros within the next year.",
    "Italy will send 300 million euros in aid, due by the end of the year.",
])
def test_a_time_limit_is_the_condition_other(text):
    df = extract(text, language="en")
    it = df[df.actor_id == "IT"]
    assert not it.empty and all("other" in c for c in it.conditions), _rows(df)


def test_the_age_of_the_war_is_no_time_limit():
    df = extract("Spain will send troops to end the four-year war.", language="en")
    assert list(df.conditions.iloc[0]) == [], _rows(df)


@pytest.mark.parametrize("text", [
    "Spain will send troops if a deal is struck to end the war.",
    "Spain will send troops once an agreement is reached to end the fighting.",
])
def test_a_deal_struck_to_end_the_war_is_a_peace_agreement(text):
    df = extract(text, language="en")
    assert "peace_agreement" in df.conditions.iloc[0], _rows(df)


def test_getting_america_to_back_the_plan_conditions_the_pledge_before():
    df = extract("Spain will send troops. Crucial to the plan is getting the United States to act as a "
                 "'backstop', which Washington has not yet committed to.", language="en")
    es = df[df.actor_id == "ES"]
    assert "us_backstop" in es.conditions.iloc[0], _rows(df)
    us = df[df.actor_id == "US"]
    assert all("us_backstop" not in c for c in us.conditions), _rows(df)


# --- negations that refuse nothing; totals so far -------------------------------------------------


@pytest.mark.parametrize("verb", ["name", "identify", "disclose"])
def test_an_unnamed_group_is_no_refusal(verb):
    df = extract(f"Sweden has pledges from four states it did not {verb} to provide interceptors.",
                 language="en")
    assert set(df.stance) == {"pledged"}, _rows(df)


def test_a_refusal_is_still_a_refusal():
    df = extract("Sweden did not agree to provide interceptors.", language="en")
    assert set(df.stance) == {"declined"}, _rows(df)


@pytest.mark.parametrize("text", [
    "Spain has so far delivered aid to Ukraine worth 4 billion euros.",
    "Spain has to date pledged 4 billion euros in aid to Ukraine, the minister said.",
])
def test_a_total_so_far_is_history(text):
    df = extract(text, language="en")
    assert df.empty, _rows(df)


def test_a_refusal_so_far_stays():
    df = extract("Spain has so far refused to send troops.", language="en")
    assert pairs(df) == {("ES", "ground_troops"): "declined"}, _rows(df)


# --- Ukraine signing "with" a state; what the agreement includes --------------------------------


@pytest.mark.parametrize("text,expected", [
    ("Ukraine has signed a security agreement with Norway.", {"NO"}),
    ("Ukraine concluded security deals with Spain and Belgium in Madrid.", {"ES", "BE"}),
])
def test_ukraine_signing_with_a_state_is_that_states_guarantee(text, expected):
    df = extract(text, language="en")
    assert set(df[df.type == "security_guarantee"].actor_id) == expected, _rows(df)
    assert set(df.stance) == {"pledged"}, _rows(df)


@pytest.mark.parametrize("text", [
    "Ukraine signed a security agreement, and talks with Norway continue.",
    "Ukraine met Norway's king after the talks.",
])
def test_no_partner_across_a_comma_or_without_an_agreement(text):
    df = extract(text, language="en")
    assert "NO" not in set(df.actor_id), _rows(df)


def test_what_the_agreement_includes_is_its_parties_commitment():
    df = extract("Sweden signed a security agreement with Ukraine on Tuesday. The agreement, which Stockholm "
                 "calls historic, runs for ten years. It includes €200 million in new military spending.",
                 language="en")
    se = df[df.actor_id == "SE"]
    assert set(se.type) >= {"security_guarantee", "funding"}, _rows(df)
    fund = se[se.type == "funding"].iloc[0]
    assert fund.quantity_min == 200e6 and fund.stance == "pledged", _rows(df)
    # the agreement's term is the condition of the agreement row
    assert "other" in se[se.type == "security_guarantee"].conditions.iloc[0], _rows(df)


def test_a_pronoun_far_from_the_agreement_is_not_it():
    df = extract("Sweden signed a security agreement with Ukraine. Norway will send troops. It includes "
                 "€200 million in new military spending.", language="en")
    assert ("SE", "funding") not in pairs(df), _rows(df)


def test_the_pact_subject_takes_the_signatories():
    df = extract("Spain and Belgium signed a security pact in Rome. The pact also covers intelligence "
                 "sharing.", language="en")
    got = pairs(df)
    assert got.get(("ES", "intelligence")) == got.get(("BE", "intelligence")) == "pledged", _rows(df)


# --- a sum in new or additional aid; the alliance defending itself --------------------------------


@pytest.mark.parametrize("text", [
    "Speaking in Oslo, Norway's minister told of 900 million euros in additional aid.",
    "Norway: 900 million euros in new military aid for Kyiv, with drones and shells.",
])
def test_a_sum_in_new_aid_is_a_pledge(text):
    df = extract(text, language="en")
    row = df[(df.actor_id == "NO") & (df.type == "funding")]
    assert not row.empty and row.stance.iloc[0] == "pledged" and row.quantity_min.iloc[0] == 900e6, _rows(df)


def test_defending_alliance_territory_is_no_deployment():
    df = extract("Spain will defend every inch of NATO territory.", language="en")
    assert df.empty, _rows(df)


def test_troops_on_alliance_territory_still_are():
    df = extract("Spain will station troops on NATO territory near Ukraine.", language="en")
    assert pairs(df).get(("ES", "neighbour_deployment")) == "pledged", _rows(df)
