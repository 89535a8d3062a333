"""Commitments: rules of the tenth session (issue 14, helper real10en), found on a fresh set of real
English pages and written as general kinds. Every sentence here was written for this file; the
mentions come from the actor stage itself."""

from __future__ import annotations

import pandas as pd
import pytest
from test_commitments import full_extract

from ukrsec import actors, schema, segment


def _full(text: str) -> pd.DataFrame:
    """Commitments with the mentions of the actor stage."""
    return full_extract(text, "en")


def _rows(df: pd.DataFrame) -> set[tuple[str, str, str]]:
    return {(r.actor_id, r.type, r.stance) for r in df.itertuples()}


def _pairs(df: pd.DataFrame) -> set[tuple[str, str]]:
    return {(r.actor_id, r.type) for r in df.itertuples()}


# --- readiness denied with a time phrase, or by leaving oneself out of the willing ------------------


@pytest.mark.parametrize("text", [
    "Croatia is not ready at this moment to deploy soldiers to Ukraine.",
    "Croatia was not prepared at present to send troops.",
    "Croatia is not among the countries ready to send troops to Ukraine.",
    "Croatia is not one of the states that are willing to deploy soldiers.",
])
def test_readiness_denied_is_a_refusal(text):
    df = _full(text)
    assert ("HR", "ground_troops", "declined") in _rows(df), df


@pytest.mark.parametrize("text", [
    "Croatia is one of the countries that are ready to send troops.",
    "Croatia is ready at this moment to deploy soldiers to Ukraine.",
])
def test_readiness_in_the_same_words_without_a_negation_stays_a_pledge(text):
    df = _full(text)
    assert ("HR", "ground_troops", "pledged") in _rows(df), df


# --- "can" offers; air and sea means ---------------------------------------------------------------


@pytest.mark.parametrize("text,type_", [
    ("Latvia can contribute a platoon of soldiers to the force.", "ground_troops"),
    ("Latvia can help with logistics once the guns fall silent.", "logistics"),
    ("Latvia can contribute air and sea resources to the mission.", "air_security"),
    ("Latvia can contribute air and sea resources to the mission.", "maritime_security"),
    ("Latvia offered sea and air assets.", "maritime_security"),
    ("Latvia offered sea and air assets.", "air_security"),
])
def test_an_offer_with_can_and_air_and_sea_means(text, type_):
    df = _full(text)
    assert ("LV", type_) in _pairs(df), df


def test_can_without_a_type_word_gives_nothing():
    assert _full("Ukraine can count on Latvia, the minister said.").empty


def test_air_and_sea_borders_are_no_offer():
    df = _full("Latvia has air and sea links with Sweden and is ready to send trainers.")
    assert ("LV", "air_security") not in _pairs(df) and ("LV", "maritime_security") not in _pairs(df), df


# --- what an offer includes, in the next sentence (also in a paragraph of its own) -----------------


def test_this_would_include_lists_the_offer_before():
    df = _full("Latvia is ready to send a company of soldiers.\nThis would include a minesweeper and "
               "several military instructors.")
    got = _rows(df)
    assert ("LV", "maritime_security", "pledged") in got and ("LV", "army_regeneration", "pledged") in got, df


def test_this_could_include_keeps_its_hedge():
    df = _full("Latvia will send soldiers. This could include a frigate.")
    assert ("LV", "maritime_security", "considering") in _rows(df), df


def test_a_sentence_that_only_starts_alike_is_no_listing():
    df = _full("Latvia will send soldiers. This would mean that the mission is larger.")
    assert _pairs(df) == {("LV", "ground_troops")}, df


# --- a sentence opened by a time phrase and a comma ------------------------------------------------


@pytest.mark.parametrize("text,actor", [
    ("On Tuesday, Denmark pledged troops for the mission.", "DK"),
    ("In 2025, Denmark will send soldiers to Ukraine.", "DK"),
    ("“In 2026, Denmark will provide trainers,” the minister wrote.", "DK"),
])
def test_the_state_after_an_opening_time_phrase_is_the_subject(text, actor):
    df = _full(text)
    assert actor in set(df.actor_id), df


def test_a_list_after_a_preposition_inside_the_sentence_stays_an_object():
    df = _full("Denmark keeps troops in Estonia, Latvia and Lithuania and will send jets.")
    assert not {"LV", "LT", "EE"} & set(df.actor_id), df


# --- where the news was written or said is no party ------------------------------------------------


def test_the_state_of_a_dateline_commits_nothing():
    df = _full("News of the day.\nGDANSK, Poland – Ukraine and Denmark signed a security agreement.")
    assert "PL" not in set(df.actor_id) and "DK" in set(df.actor_id), df


def test_a_state_at_the_start_of_an_ordinary_sentence_still_commits():
    df = _full("News of the day.\nPoland – the neighbour – will send trainers.")
    assert "PL" in set(df.actor_id), df


def test_a_capital_where_someone_speaks_is_a_place():
    df = _full("Our country will not send troops, the premier said from Berlin on Monday.")
    assert "DE" not in set(df.actor_id), df


def test_a_capital_as_the_giver_still_commits():
    df = _full("The minister said Berlin will send air defence systems.")
    assert "DE" in set(df.actor_id), df


# --- money in dollars and crowns of other states ---------------------------------------------------


@pytest.mark.parametrize("text,actor,amount,unit", [
    ("Canada pledged CA$3 billion in military aid for Ukraine.", "CA", 3e9, "CAD"),
    ("Australia will give A$250 million to Ukraine.", "AU", 2.5e8, "AUD"),
    ("Japan will provide Ukraine with US$2.5 billion this year.", "JP", 2.5e9, "USD"),
    ("Sweden will give SEK 4 billion to Ukraine.", "SE", 4e9, "SEK"),
])
def test_sums_in_other_currencies(text, actor, amount, unit):
    df = _full(text)
    rows = df[df.actor_id == actor]
    assert any(r.quantity_min == amount and r.unit == unit for r in rows.itertuples()), df


def test_the_original_sum_comes_before_its_conversion():
    df = _full("Canada pledged CA$3 billion (€1.9 billion) in aid.")
    assert set(df.quantity_min) == {3e9}, df


# --- paying for systems; an aim still worked out ----------------------------------------------------


@pytest.mark.parametrize("text", [
    "Denmark and Sweden are funding three Patriot batteries for Ukraine.",
    "Denmark finances the purchase of anti-missile systems.",
])
def test_paying_for_systems_is_a_pledge(text):
    df = _full(text)
    assert "DK" in set(df.actor_id) and set(df.stance) == {"pledged"}, df


def test_systems_paid_for_by_others_name_no_new_payer():
    df = _full("Denmark keeps its promise; the Patriot batteries funded by the allies arrive in May.")
    assert "funded" not in " ".join(df.cue), df


def test_looking_to_create_is_considering():
    df = _full("The United States is looking to create a security pact with Ukraine.")
    assert ("US", "security_guarantee", "considering") in _rows(df), df


# --- a negated negative refuses nothing --------------------------------------------------------------


def test_a_mission_not_unarmed_is_no_refusal():
    df = _full("Denmark wants to send a mission. It would not be unarmed and would be protected by soldiers.")
    assert "declined" not in set(df.stance), df


def test_a_plain_negation_still_refuses():
    df = _full("Denmark would not send soldiers.")
    assert ("DK", "ground_troops", "declined") in _rows(df), df


# --- a leader's surname that is also a state's name -------------------------------------------------


def test_the_bare_surname_after_the_full_name_is_the_person():
    df = _full("Prime Minister Luís Montenegro spoke in Lisbon. Montenegro said Portugal can send "
               "trainers after a ceasefire.")
    assert "ME" not in set(df.actor_id) and "PT" in set(df.actor_id), df


def test_the_state_after_a_preposition_stays_the_state():
    text = "Prime Minister Luís Montenegro met the leaders of Montenegro."
    arts = schema.frame("articles", [{"article_id": "a", "language": "en", "outlet": "o", "text": text}])
    ments, _ = actors.extract(arts, segment.segment(arts))
    assert "ME" in set(ments.actor_id), ments


def test_a_sum_in_an_unknown_currency_does_not_take_the_sign_of_its_conversion():
    df = _full("Norway pledged 9 billion crowns (€780 million) toward air defence systems for Ukraine.")
    assert 9e9 not in set(df.quantity_min) and 7.8e8 in set(df.quantity_min), df
