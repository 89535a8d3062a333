"""Commitments: rules of the eighth session (issue 14, helper real7en), found on a fresh set of real
English pages and written as general kinds. Every sentence here was written for this file; the
mentions come from the small gazetteer of ``test_commitments``."""

from __future__ import annotations

import pytest
from test_commitments import extract, pairs


def _rows(df):
    return df[["actor_id", "type", "stance", "conditions", "cue"]]


def _conds(df, actor: str, type_: str) -> set[str]:
    rows = df[(df.actor_id == actor) & (df.type == type_)]
    return {c for cs in rows.conditions for c in cs}


# --- the one who guarantees --------------------------------------------------------------------


@pytest.mark.parametrize("text,actor,stance", [
    ("Poland is ready to act as a guarantor of Ukraine's security.", "PL", "pledged"),
    ("Spain has agreed to become one of the guarantors of Kyiv's security.", "ES", "pledged"),
    ("Earlier, Canada declared its readiness to act as one of the guarantors.", "CA", "pledged"),
    ("Denmark could become a guarantor of the settlement.", "DK", "considering"),
    ("Deutschland ist bereit, als Garant der Sicherheit aufzutreten.", "DE", "pledged"),
])
def test_a_guarantor_gives_a_security_guarantee(text, actor, stance):
    lang = "de" if "Deutschland" in text else "en"
    df = extract(text, language=lang)
    assert pairs(df).get((actor, "security_guarantee")) == stance, _rows(df)


def test_a_guarantor_named_by_ukraine_is_no_pledge():
    df = extract("Ukraine wants to see Spain among its guarantors.", language="en")
    assert ("ES", "security_guarantee") not in pairs(df), _rows(df)


# --- aid listed with weapons; the comma of a list ----------------------------------------------


@pytest.mark.parametrize("text,actor", [
    ("Denmark will continue to support Ukraine with financial, humanitarian aid, as well as weapons.", "DK"),
    ("Norway will keep supporting Kyiv with financial aid and weapons.", "NO"),
    ("Belgium will back Ukraine with humanitarian aid, as well as weapons.", "BE"),
])
def test_weapons_listed_after_aid_are_weapons(text, actor):
    df = extract(text, language="en")
    assert pairs(df).get((actor, "weapons")) == "pledged", _rows(df)


def test_weapons_for_storage_stay_no_cue():
    df = extract("Denmark will build depots for weapons near the border.", language="en")
    assert "weapons" not in set(df.type), _rows(df)


# --- openness, refusals and names ----------------------------------------------------------------


@pytest.mark.parametrize("text,actor", [
    ("The use of Danish peacekeepers in Ukraine cannot be ruled out, Denmark's defence minister said.", "DK"),
    ("Denmark's foreign minister said: \"I don't rule out Danish soldiers playing a role.\"", "DK"),
    ("Norway has not ruled out sending troops.", "NO"),
    ("Belgium remains open to considering a request to send troops as part of a peacekeeping force.", "BE"),
    ("Belgium will join a call of the coalition of the willing to discuss potentially sending peacekeepers.",
     "BE"),
])
def test_openness_is_considering(text, actor):
    df = extract(text, language="en")
    assert pairs(df).get((actor, "ground_troops")) == "considering", _rows(df)


@pytest.mark.parametrize("text,actor,stance", [
    ("Spain ruled out sending troops.", "ES", "declined"),
    ("Belgium dismissed the idea of sending troops to Ukraine.", "BE", "declined"),
    ("Norway brushed aside calls to deploy soldiers.", "NO", "declined"),
    ("Whether Spain sends troops remains open.", "ES", "undecided"),
])
def test_refusals_and_open_questions_stay(text, actor, stance):
    df = extract(text, language="en")
    assert pairs(df).get((actor, "ground_troops")) == stance, _rows(df)


def test_the_name_of_the_coalition_is_no_readiness():
    df = extract("Belgium attended a call of the coalition of the willing about peacekeepers.", language="en")
    assert pairs(df).get(("BE", "ground_troops")) != "pledged", _rows(df)


def test_a_newspaper_named_examiner_is_no_stance():
    df = extract("Norway will send peacekeepers, the minister told the Examiner.", language="en")
    assert pairs(df).get(("NO", "ground_troops")) == "pledged", _rows(df)
    assert not any("Examiner" in c for c in df.cue), _rows(df)


# --- sharing in what was named; rebuilding, training, truce ----------------------------------------


@pytest.mark.parametrize("text,actor", [
    ("Spain welcomed the American offer of guarantees, and Denmark is ready to do its part.", "DK"),
    ("Italy backs the security guarantees, and Norway will play its part.", "NO"),
])
def test_doing_ones_share_takes_the_type_named_before(text, actor):
    df = extract(text, language="en")
    assert pairs(df).get((actor, "security_guarantee")) == "pledged", _rows(df)


def test_doing_ones_share_without_a_type_is_nothing():
    df = extract("Denmark is ready to do its part.", language="en")
    assert df.empty, _rows(df)


@pytest.mark.parametrize("text,actor,type_", [
    ("Denmark will focus on rebuilding Ukraine’s armed forces.", "DK", "army_regeneration"),
    ("Spain will keep training \"soldiers and officers in Ukraine\".", "ES", "army_regeneration"),
    ("Germany has declared its readiness to join in ensuring a possible ceasefire.", "DE",
     "ceasefire_monitoring"),
])
def test_types(text, actor, type_):
    df = extract(text, language="en")
    assert pairs(df).get((actor, type_)) == "pledged", _rows(df)
    if "training" in text:
        assert "ground_troops" not in set(df.type), _rows(df)


# --- who commits --------------------------------------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("Additional support consists of a £300 million fund from Denmark and Norway for drones.", {"DK", "NO"}),
    ("Additional support consists of a £300 million fund from the United States and Norway.", {"US", "NO"}),
    ("The package includes a €200 million contribution from Belgium.", {"BE"}),
])
def test_a_sum_from_states_is_theirs(text, expected):
    df = extract(text, language="en")
    assert set(df.actor_id) == expected, _rows(df)


def test_the_one_told_is_no_subject():
    df = extract("Merz told Macron that Germany would send troops.", language="en")
    assert pairs(df).get(("DE", "ground_troops")) == "pledged", _rows(df)
    assert ("FR", "ground_troops") not in pairs(df), _rows(df)


def test_what_a_meeting_settled_is_a_pledge():
    df = extract("It became clear that Norway would lead the monitoring of the ceasefire.", language="en")
    assert pairs(df).get(("NO", "ceasefire_monitoring")) == "pledged", _rows(df)
    df = extract("Norway would lead the monitoring of the ceasefire.", language="en")
    assert pairs(df).get(("NO", "ceasefire_monitoring")) == "considering", _rows(df)


# --- conditions ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text,actor,type_,cond", [
    ("Norway is ready to provide some security guarantees, but only after peace.", "NO", "security_guarantee",
     "peace_agreement"),
    ("Spain will offer guarantees in times of peace.", "ES", "security_guarantee", "peace_agreement"),
    ("Spain may send a small contingent of peacekeepers, but it is premature to discuss details before "
     "Russia agrees to a ceasefire.", "ES", "ground_troops", "ceasefire"),
    ("Sweden could send troops if the conditions are met. Those conditions would include a ceasefire or "
     "the signing of a peace agreement.", "SE", "ground_troops", "ceasefire"),
    ("Sweden could send troops if the conditions are met. Those conditions would include a ceasefire or "
     "the signing of a peace agreement.", "SE", "ground_troops", "peace_agreement"),
    ("Sweden could send troops if the conditions are met.", "SE", "ground_troops", "other"),
    ("Any peacekeeping force from Austria would need a UN resolution, Austria's chancellor said.", "AT",
     "ground_troops", "other"),
    ("Austria could send troops. The law allows it only under an international mandate.", "AT",
     "ground_troops", "other"),
    ("Belgium could send troops. The minister said a decision would be taken later. Nothing is settled. "
     "The first question is Russia. In addition, Belgium is required to make binding decisions both in "
     "government and parliament.", "BE", "ground_troops", "parliament_approval"),
])
def test_conditions(text, actor, type_, cond):
    df = extract(text, language="en")
    assert cond in _conds(df, actor, type_), _rows(df)


@pytest.mark.parametrize("text,actor,type_,cond", [
    ("Spain will send troops after peace talks.", "ES", "ground_troops", "peace_agreement"),
    ("Spain sent troops before the war.", "ES", "ground_troops", "ceasefire"),
])
def test_no_condition(text, actor, type_, cond):
    df = extract(text, language="en")
    assert cond not in _conds(df, actor, type_), _rows(df)
