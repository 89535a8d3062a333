"""Commitments, tenth session (issue 14, the lead): kinds of miss written down as own sentences:
what a condition asks of the US is not the committing state's type, a negation of the sentence or
clause before does not reach the next one, Patriot systems are weapons, decisions still to come are
undecided, readiness with an aside before its infinitive, unwillingness is a refusal."""

from __future__ import annotations

import pandas as pd
import pytest
from test_commitments import pairs

from ukrsec import actors, commitments, schema, segment


def _run(text: str, language: str = "en") -> dict[tuple[str, str], str]:
    """Commitments of ``text`` through the real actors stage (gazetteer, roles)."""
    arts = schema.frame("articles", [{"article_id": "a0", "text": text, "language": language,
                                      "outlet": "Outlet", "published": "2025-06-01"}])
    sents = segment.segment(arts)
    ments, acts = actors.extract(arts, sents)
    return pairs(commitments.extract(arts, sents, ments, acts))


def _conditions(text: str, language: str = "en") -> dict[tuple[str, str], set[str]]:
    arts = schema.frame("articles", [{"article_id": "a0", "text": text, "language": language,
                                      "outlet": "Outlet", "published": "2025-06-01"}])
    sents = segment.segment(arts)
    ments, acts = actors.extract(arts, sents)
    com: pd.DataFrame = commitments.extract(arts, sents, ments, acts)
    return {(r.actor_id, r.type): set(r.conditions) for r in com.itertuples()}


# --- what a condition asks of the United States ---------------------------------------------------

@pytest.mark.parametrize("text,actor,kind", [
    ("Germany is ready to contribute air defence on condition that Washington provides a backstop, "
     "the chancellor said.", "DE", "air_security"),
    ("Sweden would send two frigates provided that the United States provides security guarantees.",
     "SE", "maritime_security"),
    ("Norway will take part in air policing in the event that the US provides air cover.",
     "NO", "air_security"),
])
def test_what_a_condition_asks_of_the_us_is_the_condition(text, actor, kind):
    got = _conditions(text)
    assert (actor, kind) in got and "us_backstop" in got[(actor, kind)], got
    assert (actor, "backstop") not in got and (actor, "security_guarantee") not in got, got


def test_a_backstop_the_state_itself_offers_is_still_its_row():
    got = _run("Germany is ready to provide a backstop for the force.")
    assert got.get(("DE", "backstop")) == "pledged", got


# --- a negation does not reach past a stop ----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Japan will not send troops. It will fund demining.",
    "Japan will not send troops but will fund demining.",
    "Japan will not send troops. Tokyo will pay for demining instead.",
])
def test_a_negation_does_not_reach_the_next_sentence_or_contrast(text):
    got = _run(text)
    assert got.get(("JP", "ground_troops")) == "declined", got
    assert got.get(("JP", "funding")) == "pledged", got


def test_a_negation_in_the_same_clause_still_refuses():
    got = _run("Japan will not provide funding for demining.")
    assert got.get(("JP", "funding")) == "declined", got


# --- weapons named by system ---------------------------------------------------------------------

@pytest.mark.parametrize("text,language", [
    ("Italy welcomed Germany's pledge to send two Patriot systems to Ukraine.", "en"),
    ("Germany will deliver further Patriot batteries to Kyiv.", "en"),
    ("Deutschland wird weitere Patriot-Batterien an die Ukraine liefern.", "de"),
])
def test_patriot_systems_are_weapons(text, language):
    assert _run(text, language).get(("DE", "weapons")) == "pledged"


# --- a decision still to come ---------------------------------------------------------------------

@pytest.mark.parametrize("text,actor", [
    ("Spain has yet to decide whether it will send troops.", "ES"),
    ("Berlin remains noncommittal on sending troops.", "DE"),
    ("Italy is yet to commit troops to the force.", "IT"),
])
def test_a_decision_still_to_come_is_undecided(text, actor):
    assert _run(text).get((actor, "ground_troops")) == "undecided"


def test_noch_unentschlossen_is_undecided():
    got = _run("Österreich ist noch unentschlossen, ob es Soldaten schicken wird.", "de")
    assert got.get(("AT", "ground_troops")) == "undecided", got


# --- readiness with an aside; unwillingness --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "France is prepared, if necessary, to deploy troops.",
    "France is prepared, in principle, to send troops to Ukraine.",
])
def test_readiness_with_an_aside_before_the_infinitive(text):
    assert _run(text).get(("FR", "ground_troops")) == "pledged"


def test_prepared_without_an_infinitive_is_no_readiness():
    assert ("FR", "ground_troops") not in _run("France has prepared a report, which mentions troops.")


@pytest.mark.parametrize("text,language", [
    ("Italy has said it is unwilling to send troops.", "en"),
    ("Italien ist nicht gewillt, Soldaten in die Ukraine zu schicken.", "de"),
])
def test_unwillingness_is_a_refusal(text, language):
    assert _run(text, language).get(("IT", "ground_troops")) == "declined"


def test_gewillt_is_readiness():
    assert _run("Italien ist gewillt, Soldaten zu schicken.", "de").get(("IT", "ground_troops")) == "pledged"
