"""Commitments, seventh session (issue 14, helper real6de): kinds of failure a fresh set of real German
pages showed (refused reports, no intention, refusals that are not categorical, an inverted ceasefire
conditional, the mandate as a condition, a pledge received in a "dass" clause, a capital before a
German noun, a treaty named in a compound, hopes, an agreement named again). Own test sentences
(not those of the pages); they run the whole pipeline, since the capital rule lives in the actors stage."""

from __future__ import annotations

import pytest

from ukrsec import pipeline
from ukrsec.load import RawDoc


def rows(text: str) -> dict[tuple[str, str], tuple[str, list[str]]]:
    """(actor, type) -> (stance, conditions) for the text, parsed with every stage."""
    out = pipeline.combine([pipeline.parse_docs([RawDoc("t", "t.txt", text)])], ["t"])
    return {(r.actor_id, r.type): (r.stance, list(r.conditions)) for r in out["commitments"].itertuples()}


# --- stance -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Irland wies Berichte über eine mögliche Entsendung irischer Soldaten in die Ukraine zurück.",
    "Der Premier hatte Berichte über eine mögliche Beteiligung irischer Soldaten an einer Friedenstruppe "
    "zurückgewiesen.",
    "Irland hat nicht vor, Soldaten in die Ukraine zu schicken.",
    "Irland hat keine Absicht, Soldaten in die Ukraine zu entsenden.",
])
def test_refused_reports_and_no_intention_are_declined(text):
    assert rows(text).get(("IE", "ground_troops"), ("",))[0] == "declined", rows(text)


@pytest.mark.parametrize("text", [
    "Irland wies die Kritik zurück und sagte weitere Soldaten zu.",
    "Irland hat vor, Soldaten in die Ukraine zu schicken.",
])
def test_a_rejection_of_something_else_or_a_plan_is_no_refusal(text):
    assert rows(text).get(("IE", "ground_troops"), ("",))[0] == "pledged", rows(text)


@pytest.mark.parametrize("text", [
    "Norwegen stellt sich nicht kategorisch gegen eine Teilnahme an der Friedenstruppe.",
    "Norwegen schließt eine Beteiligung an der Friedenstruppe nicht grundsätzlich aus.",
])
def test_a_refusal_that_is_not_categorical_is_considering(text):
    assert rows(text).get(("NO", "ground_troops"), ("",))[0] == "considering", rows(text)


def test_a_plain_exclusion_stays_declined():
    got = rows("Norwegen schließt eine Beteiligung an der Friedenstruppe aus.")
    assert got.get(("NO", "ground_troops"), ("",))[0] == "declined", got


@pytest.mark.parametrize("text", [
    "Der Minister äußerte die Hoffnung, dass vom Gipfel ein Signal bei den Sicherheitsgarantien "
    "ausgehen werde.",
    "Die Kanzlerin hofft, dass Irland Soldaten in die Ukraine schickt.",
])
def test_a_hope_is_nobodys_commitment(text):
    assert rows(text) == {}, rows(text)


def test_a_pledge_beside_a_hope_stays():
    got = rows("Irland wird Soldaten schicken und hofft, dass andere folgen.")
    assert got.get(("IE", "ground_troops"), ("",))[0] == "pledged", got


# --- conditions -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Sollte es zu einer Waffenruhe kommen, könnte Irland Soldaten in die Ukraine schicken.",
    "Kommt es zum Waffenstillstand, will Irland Soldaten in die Ukraine schicken.",
])
def test_an_inverted_ceasefire_conditional(text):
    got = rows(text).get(("IE", "ground_troops"))
    assert got is not None and "ceasefire" in got[1], rows(text)


def test_a_ceasefire_named_without_a_conditional_is_none():
    got = rows("Irland schickt Soldaten in die Ukraine, obwohl noch keine Waffenruhe in Sicht ist.")
    assert "ceasefire" not in got.get(("IE", "ground_troops"), ("", []))[1], got


@pytest.mark.parametrize("text", [
    "Portugal könnte Soldaten für eine Friedensmission stellen, doch es hängt alles davon ab, was genau "
    "das Mandat sein wird.",
    "Portugal würde Soldaten in die Ukraine schicken, abhängig vom Mandat der Mission.",
    "Die Beteiligung Portugals an einer Friedensmission in der Ukraine hängt vom Mandat ab.",
])
def test_the_mandate_as_a_condition_is_other(text):
    got = rows(text).get(("PT", "ground_troops"))
    assert got is not None and "other" in got[1], rows(text)


def test_a_mandate_mentioned_in_passing_is_no_condition():
    got = rows("Portugal hat Soldaten zugesagt; das Mandat wird noch verhandelt.")
    assert got.get(("PT", "ground_troops"), ("", ["x"]))[1] == [], got


# --- who commits ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Der ehemalige Nato-Chef Hans Berger hat die Zusage erhalten, dass Berlin Sicherheitsgarantien für die "
    "Ukraine mittragen wird.",
    "Die Kanzlerin bekam die Zusicherung, dass Berlin Sicherheitsgarantien für die Ukraine gibt.",
])
def test_a_pledge_received_is_the_dass_clause_subjects(text):
    got = rows(text)
    assert got.get(("DE", "security_guarantee"), ("",))[0] == "pledged", got
    assert not any(a.startswith("org:") for a, _ in got), got


@pytest.mark.parametrize("text,actor", [
    ("Der Minister sagte, dass Paris Soldaten in die Ukraine schicken wird.", "FR"),
    ("Es gilt als sicher, dass Berlin Sicherheitsgarantien mittragen wird.", "DE"),
])
def test_a_capital_before_a_german_noun_is_the_state(text, actor):
    assert any(a == actor for a, _ in rows(text)), rows(text)


@pytest.mark.parametrize("text", [
    "Der Entwurf sieht einen Mechanismus vor, der an die Nato-Beistandsklausel erinnert.",
    "Die Garantie wäre ein Mechanismus nach dem Muster des Nato-Vertrags.",
])
def test_a_treaty_named_in_a_compound_commits_nobody(text):
    assert rows(text) == {}, rows(text)


def test_the_alliance_itself_still_commits():
    got = rows("Die Nato sagte der Ukraine Beistand zu.")
    assert got.get(("org:nato", "backstop"), ("",))[0] == "pledged", got


def test_a_summit_after_vor_is_no_subject():
    got = rows("„Wir werden die Sicherheitsvereinbarung vor dem Nato-Gipfel unterzeichnen“, sagte der "
               "irische Premier.")
    assert not any(a.startswith("org:") for a, _ in got), got


# --- an agreement named again ------------------------------------------------------------------

def test_an_agreement_named_again_with_a_demonstrative():
    got = rows("Irland und die Ukraine haben über ein Sicherheitsabkommen verhandelt. "
               "Irland will dieses Abkommen im Juli unterzeichnen.")
    assert got.get(("IE", "security_guarantee"), ("",))[0] == "pledged", got


def test_a_trade_agreement_named_again_is_no_guarantee():
    got = rows("Irland hat ein Handelsabkommen verhandelt. "
               "Irland will dieses Abkommen im Juli unterzeichnen.")
    assert ("IE", "security_guarantee") not in got, got
