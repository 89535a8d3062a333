"""Commitments: rules of the fourth round (issue 14, helper blind4en), each with sentences written
for this file. The mentions come from the small gazetteer of ``test_commitments``, plus the few
places and bodies a test names with ``extra``."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from test_commitments import extract, pairs, tables

from ukrsec import commitments, schema


def extract_with(text: str, extra: list[tuple[str, str, str, str]], language: str = "en") -> pd.DataFrame:
    """Like ``extract``, with more mentions: (regex, actor_id, actor type, mention kind)."""
    arts, sents, ments, acts = tables(text, language=language)
    rows, actors = [], []
    for rx, aid, typ, kind in extra:
        for m in re.finditer(rx, text):
            sid = int(sents[sents.start <= m.start()].sentence_id.iloc[-1])
            rows.append({"article_id": "a0", "sentence_id": sid, "start": m.start(), "end": m.end(),
                         "surface": m.group(0), "actor_id": aid, "mention_kind": kind})
        actors.append({"actor_id": aid, "name": aid, "type": typ, "country": None, "kind": "media"
                       if typ == "organization" else None, "role": None})
    ments = pd.concat([ments, schema.frame("mentions", rows)], ignore_index=True).sort_values("start")
    acts = pd.concat([acts, schema.frame("actors", actors)], ignore_index=True)
    return commitments.extract(arts, sents, ments.reset_index(drop=True), acts)


# --- a dateline place or agency is no subject that silences the clause -------------------------


@pytest.mark.parametrize("text", [
    "LISBON — Twenty countries have pledged to send troops to Ukraine.",
    "LISBON (WP) — Twenty countries have pledged to send troops to Ukraine.",
])
def test_a_dateline_does_not_silence_the_clause(text):
    df = extract_with(text, [(r"LISBON", "place:pt:lisbon", "place", "name"),
                             (r"WP", "org:wp", "organization", "name")])
    assert pairs(df).get(("COALITION", "ground_troops")) == "pledged", df[["actor_id", "type", "stance"]]


def test_a_newspaper_as_the_subject_still_silences():
    df = extract_with("The Herald rules out sending troops to Ukraine.",
                      [(r"Herald", "org:herald", "organization", "name")])
    assert df.empty, df[["actor_id", "type", "stance"]]


# --- "would" in reported speech: the back-shifted "will" -------------------------------------


@pytest.mark.parametrize("text,actor,type_,stance", [
    ("Norway would send two frigates to the Black Sea, Defence Minister Tore Berg said.", "NO",
     "maritime_security", "pledged"),
    ("Canada would deliver 600 drones in the spring, a senior official told reporters.", "CA", "weapons",
     "pledged"),
    ("Canada would not send troops, the prime minister said.", "CA", "ground_troops", "declined"),
    # a modal of possibility stays a hedge with the speaker after it
    ("Canada could send troops, the prime minister said.", "CA", "ground_troops", "considering"),
])
def test_would_with_a_speaker_after_it(text, actor, type_, stance):
    df = extract(text, language="en")
    assert pairs(df).get((actor, type_)) == stance, df[["actor_id", "type", "stance", "cue"]]


def test_said_and_a_group_before_would_is_the_subject_not_the_speaker():
    df = extract("Merz said Italy and Spain would send troops after a ceasefire.", language="en")
    assert pairs(df) == {("IT", "ground_troops"): "pledged", ("ES", "ground_troops"): "pledged"}, df[
        ["actor_id", "type", "stance"]]


def test_a_modal_of_the_parliament_is_no_pledge():
    df = extract("Poland says its parliament would have to approve any deployment of Polish troops.",
                 language="en")
    assert pairs(df).get(("PL", "ground_troops")) == "considering", df[["actor_id", "type", "stance", "cue"]]
    assert "parliament_approval" in df.conditions.iloc[0]


# --- participle clauses ---------------------------------------------------------------------


def test_a_leading_participle_clause_has_the_subject_of_the_main_clause():
    df = extract("Ruling out troops of its own, Spain said it would provide logistics and airlift.",
                 language="en")
    assert pairs(df) == {("ES", "ground_troops"): "declined", ("ES", "logistics"): "pledged"}, df[
        ["actor_id", "type", "stance", "cue"]]


def test_a_leading_participle_keeps_its_owner():
    df = extract("Rejecting any role for Italian soldiers, Meloni said Italy would help train Ukrainian "
                 "pilots.", language="en")
    assert pairs(df) == {("IT", "ground_troops"): "declined", ("IT", "army_regeneration"): "pledged"}, df[
        ["actor_id", "type", "stance", "cue"]]


@pytest.mark.parametrize("text,expected", [
    ("Sweden will fund the mission, leaving open whether its soldiers would take part.",
     {("SE", "funding"): "pledged", ("SE", "ground_troops"): "undecided"}),
    ("Canada will pay for drones, ruling out any deployment of troops.",
     {("CA", "weapons"): "pledged", ("CA", "ground_troops"): "declined"}),
])
def test_a_trailing_participle_clause_has_its_own_stance(text, expected):
    df = extract(text, language="en")
    assert pairs(df) == expected, df[["actor_id", "type", "stance", "cue"]]


# --- stance words -----------------------------------------------------------------------------


@pytest.mark.parametrize("text,actor,type_,stance", [
    ("Spain contemplates deployments to the west of the country.", "ES", "ground_troops", "considering"),
    # the negation belongs to the stance cue, not to the type word
    ("Denmark has not ruled out sending troops.", "DK", "ground_troops", "considering"),
    ("Denmark has not ruled out financing the repair of power plants.", "DK", "funding", "considering"),
])
def test_stance_words_of_this_round(text, actor, type_, stance):
    df = extract(text, language="en")
    assert pairs(df).get((actor, type_)) == stance, df[["actor_id", "type", "stance", "cue"]]


# --- conditions -------------------------------------------------------------------------------


def test_parliaments_backing_is_parliament_approval():
    df = extract("Spain could send troops, with parliament's backing.", language="en")
    assert set(df.conditions.iloc[0]) == {"parliament_approval"}, df[["actor_id", "conditions"]]


def test_condition_of_anonymity_is_no_condition():
    df = extract("Belgium will contribute to air policing, an official said on condition of anonymity.",
                 language="en")
    assert pairs(df).get(("BE", "air_security")) == "pledged"
    assert list(df.conditions.iloc[0]) == [], df[["actor_id", "conditions"]]


def test_a_term_of_years_in_an_adjective_is_a_condition():
    df = extract("Canada signed a 10-year security agreement with Ukraine.", language="en")
    assert pairs(df).get(("CA", "security_guarantee")) == "pledged", df[["actor_id", "type", "stance"]]
    assert "other" in df.conditions.iloc[0]


def test_the_americans_inside_a_condition_commit_nothing():
    df = extract("Spain could contribute soldiers to the mission. The contribution would depend on what "
                 "the Americans commit to.", language="en")
    assert pairs(df) == {("ES", "ground_troops"): "considering"}, df[["actor_id", "type", "stance"]]
    assert "us_backstop" in df.conditions.iloc[0]


def test_a_mandate_that_is_needed_is_a_condition_not_a_subject():
    df = extract_with("Under Irish law, deployments of more than 12 soldiers need a UN mandate.",
                      [(r"\bUN\b", "org:un", "organization", "name")])
    assert "org:un" not in set(df.actor_id), df[["actor_id", "type", "stance"]]


# --- money ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("Denmark will fund Ukraine's defence industry.", {("DK", "defence_industry"): "pledged"}),
    ("Sweden will finance the repair of power plants.", {("SE", "funding"): "pledged"}),
    ("Three countries will not take part in the borrowing: Hungary, Slovakia and Austria.",
     {("HU", "funding"): "declined", ("SK", "funding"): "declined", ("AT", "funding"): "declined"}),
    ("They will not have to guarantee the debt.", {}),
    ("The EU mission would train another 5,000 Ukrainian soldiers, Kallas said.",
     {("EU", "army_regeneration"): "pledged"}),
])
def test_verbs_of_paying_and_training(text, expected):
    df = extract(text, language="en")
    assert pairs(df) == expected, df[["actor_id", "type", "stance", "cue"]]


# --- relative clauses between commas ----------------------------------------------------------


@pytest.mark.parametrize("text,language,expected", [
    ("Italy, which has ruled out sending soldiers, may be willing to help monitor a ceasefire.", "en",
     {("IT", "ground_troops"): "declined", ("IT", "ceasefire_monitoring"): "considering"}),
    ("Poland, which will not send troops, is offering logistics and airlift.", "en",
     {("PL", "ground_troops"): "declined", ("PL", "logistics"): "pledged"}),
    ("Polen, das keine Soldaten schickt, bietet Logistik an.", "de",
     {("PL", "ground_troops"): "declined", ("PL", "logistics"): "pledged"}),
    # the relative clause names a place: the main clause keeps the name before ", which"
    ("Poland, which borders Ukraine, will not send soldiers but will help with logistics.", "en",
     {("PL", "ground_troops"): "declined", ("PL", "logistics"): "pledged"}),
])
def test_a_relative_clause_after_a_name_has_its_own_stance(text, language, expected):
    df = extract(text, language=language)
    assert pairs(df) == expected, df[["actor_id", "type", "stance", "cue"]]


def test_an_article_in_a_list_of_names_is_no_relative_clause():
    df = extract("Mehrere Staaten lehnen Bodentruppen ab, darunter Ungarn, die Slowakei, Griechenland und "
                 "Italien.")
    assert {a for a, _ in pairs(df)} >= {"HU", "SK", "GR", "IT"}, df[["actor_id", "type", "stance"]]


# --- negations that refuse nothing --------------------------------------------------------------


@pytest.mark.parametrize("text", [
    '"Britain does not do guarantees by halves," he told the Commons.',
    "Germany doesn't do half-hearted guarantees.",
    "They were not guarantees, and Russia broke them in 2014.",
])
def test_a_rhetorical_negation_is_no_refusal(text):
    df = extract(text, language="en")
    assert "declined" not in set(df.stance), df[["actor_id", "type", "stance", "cue"]]


@pytest.mark.parametrize("text,actor", [
    ("The US is not sending troops.", "US"),
    ("Britain will not send troops.", "GB"),
])
def test_a_negated_verb_still_refuses(text, actor):
    assert pairs(extract(text, language="en")).get((actor, "ground_troops")) == "declined"


# --- the force served and the support asked for -------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("The United States will provide intelligence and early warning to the force.",
     {("US", "intelligence"): "pledged"}),
    ("Denmark will contribute a frigate to a Black Sea task force.",
     {("DK", "maritime_security"): "pledged"}),
    ("The EU will also pay for the force's headquarters.", {("EU", "funding"): "pledged"}),
    # troops sent to the force are still troops
    ("Germany will send troops to the force.", {("DE", "ground_troops"): "pledged"}),
])
def test_a_force_that_receives_is_no_troop_contribution(text, expected):
    df = extract(text, language="en")
    assert pairs(df) == expected, df[["actor_id", "type", "stance", "cue"]]


@pytest.mark.parametrize("text,language", [
    ("Belgium had demanded legal guarantees that no EU country could give.", "en"),
    ("Poland called for more NATO troops on its soil.", "en"),
    ("Polen fordert Sicherheitsgarantien für die Ukraine.", "de"),
])
def test_what_is_demanded_is_not_pledged(text, language):
    df = extract(text, language=language)
    assert df.empty, df[["actor_id", "type", "stance", "cue"]]


def test_blocking_money_is_a_refusal():
    df = extract("Hungary continues to block €6.6 billion in reimbursements for weapons.", language="en")
    assert pairs(df).get(("HU", "funding")) == "declined", df[["actor_id", "type", "stance", "cue"]]


# --- subjects: a new clause after ", and"; a body's "the alliance" ----------------------------


def test_a_name_after_a_comma_and_and_a_verb_is_a_new_subject():
    df = extract("Sweden has committed money to weapons production in 2026, and Lithuania will help to train "
                 "Ukrainian troops.", language="en")
    assert pairs(df).get(("LT", "army_regeneration")) == "pledged", df[["actor_id", "type", "stance"]]


def test_a_list_with_a_serial_comma_stays_an_object():
    df = extract("Germany will station troops in Poland, Lithuania, and Estonia.", language="en")
    assert set(df.actor_id) == {"DE"}, df[["actor_id", "type", "stance"]]


def test_said_the_alliance_would_keeps_the_speakers_body():
    df = extract("Mark Rutte, NATO's secretary general, said the alliance would support the coalition with "
                 "planning and would keep air defence assets on its eastern flank.", language="en")
    expected = {("org:nato", "air_security"): "pledged", ("org:nato", "neighbour_deployment"): "pledged"}
    assert pairs(df) == expected, df[["actor_id", "type", "stance", "cue"]]


@pytest.mark.parametrize("text,expected", [
    ("NATO as an organisation will not deploy inside Ukraine.", {("org:nato", "ground_troops"): "declined"}),
    ("Rutte said NATO would coordinate the delivery of American weapons.",
     {("org:nato", "weapons"): "pledged"}),
])
def test_deploying_inside_ukraine_and_delivering_weapons(text, expected):
    assert pairs(extract(text, language="en")) == expected


# --- aid told as history ------------------------------------------------------------------------


@pytest.mark.parametrize("text,language", [
    ("Since 2022 the United States has provided more than $65 billion in military aid, much of it approved "
     "by the previous administration.", "en"),
    ("$13 billion: assistance to Ukraine committed by Canada since February 2022.", "en"),
    ("Seit Kriegsbeginn hat Deutschland der Ukraine Militärhilfe im Wert von 40 Milliarden Euro geliefert.",
     "de"),
])
def test_a_total_given_so_far_is_no_commitment(text, language):
    df = extract(text, language=language)
    assert df.empty, df[["actor_id", "type", "stance", "cue"]]


def test_a_refusal_since_a_date_is_a_current_stance():
    df = extract("Since 2022 Poland has refused to send troops.", language="en")
    assert pairs(df) == {("PL", "ground_troops"): "declined"}


# --- a running total beside a new sum; refusals in other words ----------------------------------


def test_a_running_total_is_a_row_of_its_own():
    df = extract("The Netherlands will contribute another €2 billion next year, bringing its total to "
                 "€7 billion until 2030.", language="en")
    amounts = sorted(df[(df.actor_id == "NL") & (df.type == "funding")].quantity_min.tolist())
    assert amounts == [2e9, 7e9], df[["actor_id", "type", "quantity_min", "cue"]]


def test_a_second_sum_without_a_total_word_is_not_a_second_row():
    df = extract("The Netherlands will contribute €2 billion next year and €1 billion in 2027.",
                 language="en")
    assert len(df[(df.actor_id == "NL") & (df.type == "funding")]) == 1, df[["actor_id", "quantity_min"]]


@pytest.mark.parametrize("text,actor", [
    ("Germany still keeps its soldiers out of the plans for Ukraine.", "DE"),
    ("Sending troops is not on the agenda, Italy said.", "IT"),
])
def test_refusals_in_other_words(text, actor):
    assert pairs(extract(text, language="en")).get((actor, "ground_troops")) == "declined"


# --- what is stored or used; money set aside ----------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("France will set up military hubs across Ukraine to store weapons and equipment.",
     {("FR", "military_hubs"): "pledged"}),
    ("The United States would use drones and satellites to watch the line.", {}),
    ("Britain will send weapons to Ukraine.", {("GB", "weapons"): "pledged"}),
    ("Sweden has set aside €200m to prepare the deployment.", {("SE", "funding"): "pledged"}),
])
def test_stored_or_used_is_no_contribution(text, expected):
    df = extract(text, language="en")
    assert pairs(df) == expected, df[["actor_id", "type", "stance", "cue"]]


# --- a question answered in the next sentence ---------------------------------------------------


@pytest.mark.parametrize("text,language,expected", [
    ("Will Germany send troops? Not for now. Merz called the debate premature.", "en",
     {("DE", "ground_troops"): "declined"}),
    ("Is Italy ready to send soldiers? Possibly, officials said.", "en",
     {("IT", "ground_troops"): "considering"}),
    ("Wird Deutschland Soldaten schicken? Vorerst nicht, sagte Merz.", "de",
     {("DE", "ground_troops"): "declined"}),
    # "No" that opens a noun phrase is no answer; the question alone states nothing
    ("Will Germany send troops? No country has decided yet.", "en", {}),
    ("Will Germany send troops?", "en", {}),
])
def test_a_question_answered_in_the_next_sentence(text, language, expected):
    df = extract(text, language=language)
    assert pairs(df) == expected, df[["actor_id", "type", "stance", "cue"]]


# --- several agents; a mandate from parliament --------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("The deal follows similar 10-year pacts signed by Britain in January and by Germany and France last "
     "week.", {"GB", "DE", "FR"}),
    ("Observers noted the refusal of Italy and Spain to send soldiers.", {"IT", "ES"}),
    ("Observers noted the refusal of Italy to send soldiers.", {"IT"}),
])
def test_agents_after_by_and_of_are_a_group(text, expected):
    df = extract(text, language="en")
    assert set(df.actor_id) == expected, df[["actor_id", "type", "stance"]]


def test_a_mandate_from_parliament_is_parliament_approval():
    df = extract("Germany could send troops, but any deployment would need a mandate from the Bundestag.",
                 language="en")
    assert "parliament_approval" in df.conditions.iloc[0], df[["actor_id", "conditions"]]


def test_the_answer_to_a_question_is_about_the_questions_type():
    df = extract("The guarantees discussed now are promises by individual states. Will Germany send troops? "
                 "Not for now. Merz said a German contribution is not on the agenda, and that any deployment "
                 "would need a mandate from the Bundestag.", language="en")
    assert pairs(df) == {("DE", "ground_troops"): "declined"}, df[["actor_id", "type", "stance", "cue"]]
    assert "parliament_approval" in df.conditions.iloc[0]
