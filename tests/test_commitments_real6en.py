"""Commitments: rules of the seventh session (issue 14, helper real6en), found on a fresh set of real
English pages and written as general kinds. Every sentence here was written for this file; the
mentions come from the small gazetteer of ``test_commitments``."""

from __future__ import annotations

import pytest
from test_commitments import extract, pairs


def _rows(df):
    return df[["actor_id", "type", "stance", "conditions", "cue"]]


def _conds(df, actor: str, typ: str) -> set[str]:
    rows = df[(df.actor_id == actor) & (df.type == typ)]
    return {c for cs in rows.conditions for c in cs}


# --- readiness nouns: "willingness" is "readiness"; a weak verb before it keeps the pledge ---------


@pytest.mark.parametrize("text", [
    "Officials said Spain and Norway have indicated willingness to contribute troops.",
    "Spain and Norway signalled their willingness to send soldiers to Ukraine.",
    "Spain and Norway expressed their readiness to deploy troops.",
])
def test_stated_willingness_is_a_pledge(text):
    got = pairs(extract(text, language="en"))
    assert got.get(("ES", "ground_troops")) == "pledged", got
    assert got.get(("NO", "ground_troops")) == "pledged", got


def test_a_weak_verb_without_willingness_stays_considering():
    got = pairs(extract("Norway indicated it could send troops.", language="en"))
    assert got.get(("NO", "ground_troops")) == "considering", got


# --- "not exclude" is openness, like "not rule out" -----------------------------------------------


@pytest.mark.parametrize("text", [
    "Spain doesn't exclude contributing troops to the force.",
    "Spain does not exclude sending soldiers to Ukraine.",
])
def test_not_excluding_is_considering(text):
    got = pairs(extract(text, language="en"))
    assert ("ES", "ground_troops") in got and got[("ES", "ground_troops")] == "considering", got


def test_a_plain_pledge_is_no_openness():
    got = pairs(extract("Spain will send soldiers to Ukraine.", language="en"))
    assert got.get(("ES", "ground_troops")) == "pledged", got


# --- a ceasefire "taking effect" / "coming into force" is the ceasefire condition -------------------


@pytest.mark.parametrize("text", [
    "Britain will deploy soldiers to Ukraine, should a truce come into force.",
    "Norway will send troops to Ukraine should a ceasefire take effect.",
])
def test_inverted_ceasefire_condition(text):
    df = extract(text, language="en")
    assert any("ceasefire" in _conds(df, a, "ground_troops") for a in ("GB", "NO")), _rows(df)


def test_no_ceasefire_condition_without_a_ceasefire():
    df = extract("Norway will send troops to Ukraine, should parliament agree.", language="en")
    assert "ceasefire" not in _conds(df, "NO", "ground_troops"), _rows(df)


# --- a pledge held to an American one: "without a firm U.S. pledge" --------------------------------


@pytest.mark.parametrize("text", [
    "Spain and Norway refuse to deploy troops without a clear American pledge.",
    "Spain refuses to deploy its forces without a firm U.S. pledge to step in.",
    "Spain will send soldiers only with a U.S. guarantee.",
])
def test_without_a_us_pledge_is_the_us_backstop_condition(text):
    df = extract(text, language="en")
    assert "us_backstop" in _conds(df, "ES", "ground_troops"), _rows(df)
    assert "US" not in set(df.actor_id), _rows(df)


def test_a_us_pledge_outside_a_condition_is_no_condition():
    df = extract("Spain will send soldiers after a U.S. pledge was announced.", language="en")
    assert "us_backstop" not in _conds(df, "ES", "ground_troops"), _rows(df)


# --- a modal in a relative clause after the type word describes the force, not the pledge -----------


@pytest.mark.parametrize("text", [
    "Norway has promised a large contribution to the force that would patrol the front line.",
    "Spain has pledged a contribution to the force which would patrol the coast.",
])
def test_a_modal_in_a_bare_relative_clause_keeps_the_pledge(text):
    got = pairs(extract(text, language="en"))
    assert "pledged" in {s for (a, _t), s in got.items() if a in ("NO", "ES")}, got


def test_a_modal_of_the_pledge_itself_stays_considering():
    got = pairs(extract("Norway would contribute troops to the force.", language="en"))
    assert got.get(("NO", "ground_troops")) == "considering", got


# --- protection against a later war is a backstop ---------------------------------------------------


@pytest.mark.parametrize("text", [
    "Spain signed a statement pledging to help protect Ukraine from further Russian attacks.",
    "Norway promised to shield the country against any renewed aggression.",
    "Spain offers a promise to support Ukraine if Russia invades again.",
])
def test_protection_against_a_renewed_war_is_a_backstop(text):
    df = extract(text, language="en")
    assert "backstop" in set(df.type), _rows(df)


def test_protection_from_the_present_war_is_no_backstop():
    df = extract("Spain will help protect Ukraine's cities from drones.", language="en")
    assert "backstop" not in set(df.type), _rows(df)


def test_the_peace_deal_condition_of_a_backstop():
    df = extract("Spain signed a statement pledging to help secure Ukraine from further Russian invasions "
                 "if there is a viable peace deal.", language="en")
    assert "peace_agreement" in _conds(df, "ES", "backstop"), _rows(df)


# --- "safety net" is the English image of a backstop ------------------------------------------------


@pytest.mark.parametrize("text,stance", [
    ("Britain has offered a safety net to Ukraine.", "pledged"),
    ("The United States has refused to provide a safety net.", "declined"),
])
def test_a_safety_net_is_a_backstop(text, stance):
    got = pairs(extract(text, language="en"))
    assert stance in {s for (_a, t), s in got.items() if t == "backstop"}, got


# --- a state's own defence spending is no funding for Ukraine ---------------------------------------


@pytest.mark.parametrize("text", [
    "Canada said its planned $80-billion defence investment was needed.",
    "Norway will raise its €12bn defence budget next year.",
])
def test_own_defence_spending_is_no_funding(text):
    df = extract(text, language="en")
    assert "funding" not in set(df.type), _rows(df)


@pytest.mark.parametrize("text", [
    "Norway will give Ukraine $500 million.",
    "Canada will provide €2bn for Ukraine's defence next year.",
    "Norway will provide $300 million in new defence spending for Ukraine.",
])
def test_a_sum_for_ukraine_is_still_funding(text):
    df = extract(text, language="en")
    assert "funding" in set(df.type), _rows(df)


# --- "X and the/its/Ukraine's other allies (in the coalition)": the state and the coalition ----------


@pytest.mark.parametrize("text", [
    "Canada and the other members of the Coalition of the Willing will send troops.",
    "Canada and its other partners in the Coalition of the Willing will send troops.",
    "Canada and Ukraine's other allies in the Coalition of the Willing will send troops.",
])
def test_a_state_and_its_other_allies_is_the_state_and_the_coalition(text):
    got = pairs(extract(text, language="en"))
    assert {("CA", "ground_troops"), ("COALITION", "ground_troops")} <= set(got), got


def test_a_possessive_of_a_committing_state_is_no_list():
    got = pairs(extract("Canada will send troops. Ukraine's other allies in the Coalition of the Willing "
                        "are undecided.", language="en"))
    assert ("CA", "ground_troops") in got and got.get(("COALITION", "ground_troops")) != "pledged", got
