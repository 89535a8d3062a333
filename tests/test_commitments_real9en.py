"""Commitments: rules of the ninth session (issue 14, helper real9en), found on a fresh set of real
English pages and written as general kinds. Every sentence here was written for this file; most
mentions come from the small gazetteer of ``test_commitments``, the armed-forces names from the
actor stage itself."""

from __future__ import annotations

import pandas as pd
import pytest
from test_commitments import extract, full_extract, pairs


def _rows(df):
    return df[["actor_id", "type", "stance", "conditions", "cue"]]


def _conds(df, actor: str, type_: str) -> set[str]:
    rows = df[(df.actor_id == actor) & (df.type == type_)]
    return {c for cs in rows.conditions for c in cs}


def _full(text: str) -> pd.DataFrame:
    """Commitments with the mentions of the actor stage."""
    return full_extract(text, "en")


# --- parliaments by name; a government's decision; a clear mandate ------------------------------


@pytest.mark.parametrize("text,actor", [
    ("Lithuania is ready to send troops within the limits of a Seimas mandate.", "LT"),
    ("Estonia will send a company of soldiers once the Riigikogu approves the mission.", "EE"),
])
def test_a_parliament_named_in_its_own_language(text, actor):
    df = extract(text, language="en")
    assert "parliament_approval" in _conds(df, actor, "ground_troops"), _rows(df)


@pytest.mark.parametrize("text", [
    "Norway is ready to send troops, but that would need cabinet sign off.",
    "Sending Danish soldiers would require a formal government decision, Denmark said it is ready to help.",
    "Belgium could send troops, subject to a cabinet decision.",
])
def test_a_government_decision_still_needed_is_a_condition(text):
    df = extract(text, language="en")
    assert "other" in {c for cs in df.conditions for c in cs}, _rows(df)


def test_a_cabinet_decision_already_taken_is_no_condition():
    df = extract("After a cabinet decision on Monday, Norway will send troops.", language="en")
    assert _conds(df, "NO", "ground_troops") == set(), _rows(df)


def test_a_clear_mandate_and_a_us_promise_are_the_conditions_of_the_offer_before():
    df = extract("The Netherlands is not ruling out sending troops. Dutch participation would hinge on a "
                 "clearly defined mandate and a guarantee that the US would come to help in an emergency.",
                 language="en")
    assert {"other", "us_backstop"} <= _conds(df, "NL", "ground_troops"), _rows(df)
    assert ("NL", "security_guarantee") not in pairs(df), _rows(df)


# --- the United States as the condition ------------------------------------------------------------


@pytest.mark.parametrize("text,actor", [
    ("Britain is ready to send troops, but a US-backed security guarantee would be a requirement.", "GB"),
    ("Poland will send troops, depending on the extent of American involvement in the mission.", "PL"),
    ("Spain said its troops could join, contingent on the level of U.S. support for the force.", "ES"),
])
def test_us_backing_as_a_requirement(text, actor):
    df = extract(text, language="en")
    assert "us_backstop" in {c for cs in df[df.actor_id == actor].conditions for c in cs}, _rows(df)


def test_a_us_row_does_not_get_a_carried_us_condition():
    df = extract("The United States will not send soldiers. That would depend on American air cover, "
                 "officials said.", language="en")
    assert "us_backstop" not in _conds(df, "US", "ground_troops"), _rows(df)


def test_a_named_actors_condition_reaches_past_a_quoted_post():
    text = ("Spain is considering sending troops after a peace deal. "
            "It was a long day. We spoke at length. We agreed on much. We will meet again. "
            "The talks go on. Nothing is settled. Everyone waits. "
            "Spain's participation would depend on a UN mandate.")
    df = extract(text, language="en")
    assert "other" in _conds(df, "ES", "ground_troops"), _rows(df)


# --- the war ending with a truce -------------------------------------------------------------------


@pytest.mark.parametrize("text,conds", [
    ("Twelve countries have pledged to send troops once the war ends with a peace agreement or a ceasefire.",
     {"ceasefire", "peace_agreement"}),
    ("France will deploy soldiers when the war with Russia ends with a truce.", {"ceasefire"}),
    ("Britain will send troops after the war ends in a peace settlement.", {"peace_agreement"}),
])
def test_the_war_ending_with_a_truce_or_an_agreement(text, conds):
    df = extract(text, language="en")
    assert conds <= {c for cs in df.conditions for c in cs}, _rows(df)


def test_the_war_ending_without_naming_how_is_no_truce():
    df = extract("France will deploy soldiers when the war ends.", language="en")
    assert "ceasefire" not in _conds(df, "FR", "ground_troops"), _rows(df)


@pytest.mark.parametrize("text", [
    "Italy is ready to send soldiers to support a ceasefire.",
    "Norway will deploy troops to help maintain a truce.",
])
def test_troops_that_support_a_truce_presuppose_one(text):
    df = extract(text, language="en")
    assert "ceasefire" in {c for cs in df.conditions for c in cs}, _rows(df)


# --- air, stance ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text,actor", [
    ("Britain is preparing to send troops to help protect Ukraine's skies and ports.", "GB"),
    ("The United States is willing to help, probably by air.", "US"),
])
def test_skies_and_help_by_air_are_air_security(text, actor):
    df = extract(text, language="en")
    assert (actor, "air_security") in pairs(df), _rows(df)


def test_the_sky_of_a_flag_is_no_air_cue():
    df = extract("Spain will send troops under blue skies of optimism.", language="en")
    assert ("ES", "ground_troops") in pairs(df), _rows(df)


@pytest.mark.parametrize("text,actor", [
    ("Canada cannot say for certain whether it will send troops.", "CA"),
    ("It remains to be seen whether Belgium will send troops.", "BE"),
    ("Denmark said it remained to be seen what its contribution of soldiers would be.", "DK"),
])
def test_an_open_answer_is_undecided(text, actor):
    df = extract(text, language="en")
    assert pairs(df).get((actor, "ground_troops")) == "undecided", _rows(df)


def test_what_a_signed_declaration_sets_out_is_a_pledge():
    df = extract("The leaders signed a joint declaration setting out that France and Britain would deploy "
                 "troops if a ceasefire is agreed.", language="en")
    assert pairs(df).get(("FR", "ground_troops")) == "pledged", _rows(df)
    assert pairs(df).get(("GB", "ground_troops")) == "pledged", _rows(df)
    assert "ceasefire" in _conds(df, "GB", "ground_troops"), _rows(df)


def test_what_an_expert_thinks_would_happen_stays_considering():
    df = extract("An expert thinks that France would deploy troops if a ceasefire is agreed.", language="en")
    assert pairs(df).get(("FR", "ground_troops")) != "pledged", _rows(df)


# --- who commits -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text,actor", [
    ("Several countries, including Germany, are ready to send troops.", "DE"),
    ("Several allies, including Norway, expressed willingness to send soldiers.", "NO"),
])
def test_one_state_named_after_a_counted_group_commits(text, actor):
    df = extract(text, language="en")
    assert (actor, "ground_troops") in pairs(df), _rows(df)


def test_places_after_including_are_no_subject():
    df = extract("France will send troops to several countries, including Poland.", language="en")
    assert ("PL", "ground_troops") not in pairs(df), _rows(df)


@pytest.mark.parametrize("text,actor", [
    ("Up to 300 French personnel will train Ukrainian soldiers.", "FR"),
    ("As many as 40 Italian instructors will train Ukrainian pilots.", "IT"),
])
def test_a_bound_of_a_number_is_no_preposition_of_the_name(text, actor):
    df = extract(text, language="en")
    assert (actor, "army_regeneration") in pairs(df), _rows(df)


def test_a_name_after_the_number_and_a_preposition_stays_an_object():
    df = extract("France will send more than 300 instructors to Poland.", language="en")
    assert "PL" not in set(df.actor_id), _rows(df)


@pytest.mark.parametrize("text,actor", [
    ("Up to 80 New Zealand Defence Force personnel will continue to train Ukrainian soldiers.", "NZ"),
    ("The Canadian Armed Forces will keep training Ukrainian recruits in Britain.", "CA"),
])
def test_a_states_armed_forces_commit_as_the_state(text, actor):
    df = _full(text)
    assert (actor, "army_regeneration") in pairs(df), _rows(df)


def test_a_group_named_after_a_speech_verb_is_the_counted_group_before():
    df = extract("Macron said twenty countries have pledged to send troops. Macron said the countries "
                 "committed to keeping ships at sea.", language="en")
    assert ("COALITION", "maritime_security") in pairs(df), _rows(df)
    assert ("FR", "maritime_security") not in pairs(df), _rows(df)


def test_a_group_named_after_a_speech_verb_takes_the_states_named_before():
    df = extract("France and Britain will send troops. Macron said these countries will also deploy ships.",
                 language="en")
    assert {("FR", "maritime_security"), ("GB", "maritime_security")} <= set(pairs(df)), _rows(df)


def test_the_speakers_own_troops_after_a_speech_verb_stay_his_states():
    df = extract("Macron said the French troops will deploy in Ukraine.", language="en")
    assert ("FR", "ground_troops") in pairs(df), _rows(df)
