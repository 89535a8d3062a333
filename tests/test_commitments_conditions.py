"""Commitments, third round of issue 14: conditions stated in the same or the following sentences
(US backstop as a demand or a dependency, frameworks, time limits), counted groups that refer back,
bare "Waffen"/"weapons", headquarters, hubs that serve other support. Own test sentences."""

from __future__ import annotations

import pytest
from test_commitments import extract, pairs


def conditions(df, actor: str, type_: str) -> set[str]:
    rows = df[(df.actor_id == actor) & (df.type == type_)]
    return set().union(*[set(c) for c in rows.conditions]) if len(rows) else set()


@pytest.mark.parametrize("text,language,actor,type_,expected", [
    # the US must back the mission, in the next sentence
    ("Deutschland werde Soldaten nach Polen schicken, sagte der Minister. Außerdem müssten die "
     "Vereinigten Staaten den Einsatz absichern.", "de", "DE", "neighbour_deployment", {"us_backstop"}),
    ("Britain will send troops after a ceasefire. The deployment would depend on American air cover.",
     "en", "GB", "ground_troops", {"ceasefire", "us_backstop"}),
    ("Norwegen stellt Soldaten für die Schutztruppe bereit, sofern die USA die Mission mittragen.",
     "de", "NO", "ground_troops", {"us_backstop"}),
    # a demand that the US delivers is the condition, not the demanding state's commitment
    ("Die Niederlande wollen Kampfjets für die Luftraumüberwachung stellen. Zudem verlangt Den Haag, "
     "dass die USA Aufklärungsdaten liefern.", "de", "NL", "air_security", {"us_backstop"}),
    # ceasefire with "as long as" / "solange"
    ("The United States will provide intelligence to the force as long as a ceasefire holds.",
     "en", "US", "intelligence", {"ceasefire"}),
    ("Italien will Schiffe schicken, solange die Waffenruhe hält.", "de", "IT", "maritime_security",
     {"ceasefire"}),
    # peace with "an": "as part of an agreed peace settlement"
    ("Canada will send trainers to train Ukrainian troops, but only as part of an agreed peace settlement.",
     "en", "CA", "army_regeneration", {"peace_agreement"}),
    # frameworks are `other`
    ("Poland could host a logistics hub, provided NATO leads the effort.", "en", "PL", "logistics",
     {"other"}),
    ("Spain will send minehunters to the Black Sea, but only within a NATO framework.", "en", "ES",
     "maritime_security", {"other"}),
    ("Italien will Minenräumschiffe schicken. Ein Einsatz sei nur unter dem Dach der Vereinten Nationen "
     "denkbar.", "de", "IT", "maritime_security", {"other"}),
    # time limits in months and weeks, also in the next sentence
    ("Die Bundeswehr wird sich mit zwei Fregatten an der Mission beteiligen – für zunächst sechs Monate.",
     "de", "DE", "maritime_security", {"other"}),
    ("Frankreich sagt Aufklärungsflugzeuge zu. Die Zusage gilt vorerst für zwölf Monate.", "de", "FR",
     "intelligence", {"other"}),
    ("Belgium will provide air policing for an initial six months.", "en", "BE", "air_security", {"other"}),
])
def test_conditions_of_the_third_round(text, language, actor, type_, expected):
    df = extract(text, language=language)
    assert (actor, type_) in pairs(df)
    assert expected <= conditions(df, actor, type_)


def test_the_state_asking_the_us_is_not_committing_what_the_us_is_to_do():
    df = extract("Die Niederlande wollen Kampfjets für die Luftraumüberwachung stellen. Zudem verlangt "
                 "Den Haag, dass die USA Aufklärungsdaten liefern.")
    assert ("NL", "intelligence") not in pairs(df)
    assert ("US", "intelligence") not in pairs(df)


def test_a_dependency_on_american_cover_is_no_american_commitment():
    df = extract("Britain will send troops after a ceasefire. He said the deployment would depend on "
                 "American air cover.", language="en")
    assert ("US", "air_security") not in pairs(df)


def test_a_period_without_a_pledge_word_is_no_condition():
    df = extract("Frankreich sagt Aufklärungsflugzeuge zu. Seit sechs Monaten wird darüber verhandelt.")
    assert conditions(df, "FR", "intelligence") == set()


@pytest.mark.parametrize("text,language,actors,type_,expected", [
    ("Dänemark, Schweden und Estland haben Hilfe im Schwarzen Meer zugesagt. Die drei Staaten wollen "
     "Minenjagdboote schicken, allerdings erst nach einem Friedensabkommen.", "de",
     {"DK", "SE", "EE"}, "maritime_security", {"peace_agreement"}),
    ("Belgium and Denmark will provide air policing. The two countries will also send minehunters once "
     "a ceasefire is in place.", "en", {"BE", "DK"}, "maritime_security", {"ceasefire"}),
    ("Frankreich und Italien haben Luftverteidigung zugesagt. Die beiden Länder wollen auch Schiffe "
     "schicken, sobald eine Waffenruhe gilt.", "de", {"FR", "IT"}, "maritime_security", {"ceasefire"}),
])
def test_a_counted_group_with_a_determiner_refers_back(text, language, actors, type_, expected):
    df = extract(text, language=language)
    got = pairs(df)
    assert ("COALITION", type_) not in got
    for a in actors:
        assert (a, type_) in got
        assert expected <= conditions(df, a, type_)


def test_a_counted_group_without_a_determiner_is_still_the_coalition():
    assert ("COALITION", "ground_troops") in pairs(extract("Zehn Staaten wollen Soldaten schicken."))


@pytest.mark.parametrize("text,language,expected", [
    ("Auch Waffen werde man nicht liefern, sagte die Slowakei.", "de", ("SK", "weapons", "declined")),
    ("Litauen sichert der Ukraine Waffen und Ausbildung zu.", "de", ("LT", "weapons", "pledged")),
    ("Frankreich liefert Waffen.", "de", ("FR", "weapons", "pledged")),
    ("Britain will send more weapons.", "en", ("GB", "weapons", "pledged")),
    ("Schweden will ein Hauptquartier für die Mission finanzieren.", "de",
     ("SE", "military_hubs", "pledged")),
    ("Britain will fund new headquarters in Kyiv.", "en", ("GB", "military_hubs", "pledged")),
    ("Ungarn verweigert jede Beteiligung an einer Mission mit Soldaten.", "de",
     ("HU", "ground_troops", "declined")),
    ("Merz sagte, eine Entsendung deutscher Bodentruppen stehe nicht zur Debatte.", "de",
     ("DE", "ground_troops", "declined")),
    ("Österreich will sich an der Seeminenräumung beteiligen.", "de", ("AT", "maritime_security", "pledged")),
    ("Italien will Marineschiffe stellen.", "de", ("IT", "maritime_security", "pledged")),
    ("Polen lehnt Soldaten ab. Das Land biete aber seine Flughäfen als Drehkreuz an.", "de",
     ("PL", "military_hubs", "pledged")),
])
def test_type_and_stance_cues_of_the_third_round(text, language, expected):
    actor, type_, stance = expected
    assert pairs(extract(text, language=language)).get((actor, type_)) == stance


@pytest.mark.parametrize("text,language,absent", [
    ("In den Depots für Waffen lagert Munition, sagte Frankreich.", "de", ("FR", "weapons")),
    ("Die Minister trafen sich im Nato-Hauptquartier, wo Frankreich Luftverteidigung zusagte.", "de",
     ("FR", "military_hubs")),
    ("Ministers met at NATO headquarters, where France pledged air policing.", "en", ("FR", "military_hubs")),
    ("Polen werde als logistisches Drehkreuz für Waffenlieferungen dienen.", "de", ("PL", "weapons")),
    ("Polen werde als logistisches Drehkreuz für Waffenlieferungen dienen.", "de", ("PL", "military_hubs")),
])
def test_venues_stored_goods_and_served_support_are_no_commitment(text, language, absent):
    assert absent not in pairs(extract(text, language=language))


@pytest.mark.parametrize("text,language,members,type_", [
    ("Zwölf Staaten haben Beiträge zur Luftüberwachung angeboten. Darunter sind nach Angaben von "
     "Diplomaten Dänemark, Norwegen und Kanada.", "de", {"DK", "NO", "CA"}, "air_security"),
    ("Several countries have pledged air policing. Among them are Belgium and Denmark.", "en",
     {"BE", "DK"}, "air_security"),
])
def test_members_listed_after_a_group_make_its_commitment(text, language, members, type_):
    got = pairs(extract(text, language=language))
    for a in members:
        assert got.get((a, type_)) == "pledged"


def test_a_word_of_inclusion_alone_lists_no_members():
    df = extract("Frankreich will Soldaten schicken. Darunter leidet Polen.")
    assert ("PL", "ground_troops") not in pairs(df)


@pytest.mark.parametrize("text,language,expected", [
    # a ministry without its state is the state of the sentences before
    ("Deutschland werde Soldaten in Polen stationieren. Das Verteidigungsministerium kündigte zudem an, "
     "die Ausbildung ukrainischer Soldaten auszuweiten.", "de", ("DE", "army_regeneration", "pledged")),
    ("Britain will send troops. The Ministry of Defence will also fund new headquarters in Kyiv.",
     "en", ("GB", "military_hubs", "pledged")),
    # a forecast is no pledge yet
    ("The EU is expected to approve a €90bn loan.", "en", ("EU", "funding", "considering")),
    ("Hungary, Slovakia and Austria have refused to pay into the joint fund.", "en",
     ("AT", "funding", "declined")),
    # a parenthetical between two commas does not cut the weak cue off
    ("The United States will, however, provide intelligence.", "en", ("US", "intelligence", "pledged")),
    # a Ukrainian adjective before a place type word is the place protected, not a blocked owner
    ("The United States has not said whether it would patrol Ukrainian airspace.", "en",
     ("US", "air_security", "undecided")),
    ("Frankreich will den ukrainischen Luftraum schützen.", "de", ("FR", "air_security", "pledged")),
])
def test_actor_and_stance_cues_of_the_third_round(text, language, expected):
    actor, type_, stance = expected
    assert pairs(extract(text, language=language)).get((actor, type_)) == stance


def test_a_ukrainian_place_word_without_a_subject_commits_nobody():
    assert extract("Ukrainian airspace will be protected better.", language="en").empty


def test_a_government_as_a_source_is_no_subject():
    df = extract("Deutschland will Soldaten schicken. Nach Angaben der Regierung könnten bis zu 30.000 "
                 "Truppen an der Mission teilnehmen.")
    assert set(df.sentence_id) == {0}


@pytest.mark.parametrize("text", [
    "Frankreich schickt Soldaten, sobald eine Waffenruhe gilt, und nur mit Zustimmung des Parlaments. "
    "Danach hängt alles vom Mandat ab. If a ceasefire holds, Britain would deploy troops once the "
    "United States backs the mission.",
    "Sollte es zur Waffenruhe kommen, entscheidet der Bundestag. Without a U.S. pledge nothing moves.",
])
def test_conditions_tried_at_their_possible_starts_are_those_of_every_pattern(text: str) -> None:
    import re

    from ukrsec.commitments.conditions import Triggers, condition_spans
    from ukrsec.commitments.lexicon import lexicon
    from ukrsec.text import fold

    lex, low = lexicon(), fold.lower(text)
    triggers = Triggers.find(low, lex)
    found = []
    for s0, s1 in [(0, len(low))] + [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", low)]:
        every = sorted((c, s0 + m.start(), s0 + m.end()) for key, c, rx in lex.conditions
                       if key not in lex.triggers or key in triggers.live(s0, s1)
                       for m in rx.finditer(low[s0:s1]))
        spans = condition_spans(low, s0, s1, triggers, lex)
        assert sorted(spans) == every
        found += spans
    assert len(found) >= 3
