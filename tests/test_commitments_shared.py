"""Commitments, fifth session of issue 14: a pledge made to secure a ceasefire, a US guarantee named
after who gives it, deterrence as what a guarantee is for, and one actor's conditions shared across
the sentences of an article. Own test sentences."""

from __future__ import annotations

import pytest
from test_commitments import extract, pairs


def row_conditions(df, actor: str, type_: str, column: str = "conditions") -> list[set[str]]:
    rows = df[(df.actor_id == actor) & (df.type == type_)]
    return [set(c) for c in rows[column]]


@pytest.mark.parametrize("text,language,actor,type_", [
    ("Schweden sei bereit, Soldaten in Polen zu stationieren, um eine Waffenruhe abzusichern.", "de",
     "SE", "neighbour_deployment"),
    ("Dänemark stellt zur Absicherung eines künftigen Waffenstillstands zwei Fregatten bereit.", "de",
     "DK", "maritime_security"),
    ("Norway will send minehunters to help uphold any truce in the Black Sea.", "en", "NO",
     "maritime_security"),
    ("Canada pledged surveillance aircraft for securing a future ceasefire.", "en", "CA", "intelligence"),
])
def test_a_pledge_to_secure_a_ceasefire_presupposes_one(text, language, actor, type_):
    df = extract(text, language=language)
    assert (actor, type_) in pairs(df)
    assert all("ceasefire" in c for c in row_conditions(df, actor, type_))


def test_securing_a_ceasefire_in_another_sense_is_no_condition():
    df = extract("Estonia will send engineers to Ukraine.", language="en")
    assert all("ceasefire" not in c for c in row_conditions(df, "EE", "ground_troops"))


@pytest.mark.parametrize("text,language,actor,type_", [
    ("Polen will Kampfjets für die Luftraumüberwachung stellen. Voraussetzung sei die von den "
     "Vereinigten Staaten zugesagte Rückendeckung.", "de", "PL", "air_security"),
    ("Belgium will send minehunters to the Black Sea. That depends on a backstop promised by "
     "Washington, officials said.", "en", "BE", "maritime_security"),
])
def test_a_us_guarantee_named_after_its_giver_is_a_us_backstop(text, language, actor, type_):
    df = extract(text, language=language)
    assert any("us_backstop" in c for c in row_conditions(df, actor, type_))


@pytest.mark.parametrize("text,language,actor", [
    ("Nach einer Waffenruhe werde Frankreich helfen, Russland abzuschrecken.", "de", "FR"),
    ("Britain will help deter any new Russian attack once the fighting stops.", "en", "GB"),
])
def test_deterring_russia_is_a_security_guarantee(text, language, actor):
    df = extract(text, language=language)
    assert (actor, "security_guarantee") in pairs(df)


def test_conditions_of_one_commitment_are_shared_across_its_sentences():
    df = extract("Britain will send troops to Ukraine after a ceasefire. Later, Keir Starmer said any "
                 "British troop deployment would be put to a vote in Parliament.", language="en")
    rows = row_conditions(df, "GB", "ground_troops")
    assert len(rows) == 2
    assert all({"ceasefire", "parliament_approval"} <= c for c in rows)
    stated = row_conditions(df, "GB", "ground_troops", "conditions_stated")
    assert {"ceasefire"} in stated and {"parliament_approval"} in stated


def test_a_refusal_does_not_take_the_conditions_of_a_pledge():
    df = extract("Italien schickt nach einer Waffenruhe Minenräumschiffe ins Schwarze Meer. Bodentruppen "
                 "schließt Italien aus.", language="de")
    assert row_conditions(df, "IT", "ground_troops") == [set()]
    assert all("ceasefire" in c for c in row_conditions(df, "IT", "maritime_security"))
