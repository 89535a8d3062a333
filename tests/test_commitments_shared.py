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


# --- lists, collective groups, leaders (fifth session) ---------------------------------------

@pytest.mark.parametrize("text,language,expected", [
    # a list of people with role appositions, a non-committing state among them
    ("Frankreich, die Ukraine und Großbritannien unterzeichneten eine Erklärung über eine multinationale "
     "Truppe.", "de", {"FR", "GB"}),
    # a list of states that opens with Ukraine
    ("Ukraine, France and Britain signed a declaration on the deployment of a multinational force.", "en",
     {"FR", "GB"}),
])
def test_a_list_keeps_going_through_a_state_that_commits_nothing(text, language, expected):
    df = extract(text, language=language)
    assert {a for a, t in pairs(df) if t == "ground_troops"} == expected


def test_ukraine_alone_at_the_start_still_commits_nobody():
    df = extract("Ukraine signed a declaration on a multinational force.", language="en")
    assert not len(df)


@pytest.mark.parametrize("text,language", [
    ("Die Koalition der Willigen tagte. Die Verbündeten der Ukraine haben dem Land Sicherheitsgarantien in "
     "Aussicht gestellt.", "de"),
    ("Die Bündnispartner sagten Sicherheitsgarantien zu.", "de"),
    ("The allies of Ukraine offered security guarantees on Tuesday.", "en"),
])
def test_a_group_noun_as_subject_is_the_coalition(text, language):
    df = extract(text, language=language)
    assert ("COALITION", "security_guarantee") in pairs(df)
    assert set(df.actor_id) == {"COALITION"}


def test_a_declaration_as_subject_without_a_coalition_in_the_article_commits_nobody():
    assert not len(extract("Die Erklärung sieht Bodentruppen vor."))


@pytest.mark.parametrize("text,language,expected", [
    # the thing led is the subject: the leader commits, not who reports it
    ("Macron said the ceasefire monitoring mechanisms will be under American leadership.", "en", {"US"}),
    ("Die Beobachtermission wird unter amerikanischer Führung aufgebaut, sagte Merz.", "de", {"US"}),
    # a subject of its own and a leader of what it joins: both
    ("Die Koalition der Willigen tagte. Die Bündnispartner werden sich an der von den USA geleiteten "
     "Überwachung eines Waffenstillstands beteiligen.", "de", {"COALITION", "US"}),
    # the subject comes first: "Italy … a group led by Denmark and Norway" keeps Italy
    ("Italy said it was open to joining a Black Sea demining group led by Denmark and Norway.", "en",
     {"IT", "DK", "NO"}),
])
def test_the_leader_named_by_a_leadership_phrase_commits(text, language, expected):
    df = extract(text, language=language)
    assert set(df.actor_id) == expected


@pytest.mark.parametrize("text,language,type_", [
    ("Macron stated that the United States will oversee the ceasefire.", "en", "ceasefire_monitoring"),
    ("Die Bundeswehr soll helfen, einen möglichen Waffenstillstand zu überwachen, sagte Merz.", "de",
     "ceasefire_monitoring"),
    ("The United States commits to supporting the force in case of a Russian attack.", "en", "backstop"),
    ("Frankreich sagte Hilfe im Falle eines künftigen russischen Angriffs zu.", "de", "backstop"),
])
def test_new_type_phrases(text, language, type_):
    df = extract(text, language=language)
    assert type_ in set(df.type)


def test_supporting_the_force_is_not_contributing_troops():
    df = extract("The United States commits to supporting the force in case of a Russian attack.",
                 language="en")
    assert ("US", "ground_troops") not in pairs(df)


@pytest.mark.parametrize("text,language", [
    ("The 35 countries of the coalition ratified the declaration, which details security guarantees.", "en"),
    ("The Coalition of the Willing validated protocols for security guarantees.", "en"),
])
def test_approving_a_text_is_a_pledge(text, language):
    df = extract(text, language=language)
    assert pairs(df).get(("COALITION", "security_guarantee")) == "pledged"


def test_an_actor_joined_to_the_subject_before_the_stance_cue_commits_too():
    df = extract("Macron, together with Giorgia Meloni, signed a declaration on a multinational force.",
                 language="en")
    assert {a for a, t in pairs(df) if t == "ground_troops"} == {"FR", "IT"}


@pytest.mark.parametrize("text,language", [
    ("France and Britain signed a declaration on a Western presence in Ukraine.", "en"),
    ("Frankreich sagte eine militärische Präsenz in der Ukraine zu.", "de"),
])
def test_a_military_presence_is_ground_troops(text, language):
    assert ("FR", "ground_troops") in pairs(extract(text, language=language))


def test_a_state_that_opens_a_clause_after_a_comma_and_is_its_subject():
    df = extract("The coalition is split, with Germany participating without basing forces in Ukraine, "
                 "and Italy ruling out ground deployments.", language="en")
    assert pairs(df).get(("IT", "ground_troops")) == "declined"


def test_a_state_coordinated_inside_a_prepositional_list_stays_an_object():
    df = extract("Frankreich will Soldaten in Polen und Litauen stationieren.")
    assert set(df.actor_id) == {"FR"}


@pytest.mark.parametrize("text,language,expected", [
    ("In Paris, leaders of the Coalition of the Willing, including Emmanuel Macron and Giorgia Meloni, "
     "signed a declaration on a multinational force.", "en", {"FR", "IT"}),
    ("Die Verteidigungsminister, darunter Friedrich Merz und Dick Schoof, sagten Sicherheitsgarantien zu.",
     "de", {"DE", "NL"}),
])
def test_people_listed_after_a_head_noun_commit(text, language, expected):
    df = extract(text, language=language)
    assert set(df.actor_id) == expected


def test_places_listed_after_including_are_no_subjects():
    df = extract("Frankreich schickt Truppen in mehrere Länder, darunter Polen und Litauen.")
    assert set(df.actor_id) == {"FR"}


@pytest.mark.parametrize("text,language", [
    ("Merz nannte als wahrscheinliches Szenario die Stationierung von Soldaten in einem Nachbarland.", "de"),
    ("The most likely scenario, Merz said, is German troops in a neighbouring country.", "en"),
])
def test_a_likely_scenario_is_considered(text, language):
    assert pairs(extract(text, language=language)).get(("DE", "neighbour_deployment")) == "considering"


# --- second real set (fifth session) ---------------------------------------------------------

@pytest.mark.parametrize("text,language,condition", [
    ("Britain has committed to providing a force in Ukraine should a peace agreement be reached.", "en",
     "peace_agreement"),
    ("British troops are prepared to act from the first day of a ceasefire.", "en", "ceasefire"),
    ("France will prepare the deployment of a force if the hostilities ended.", "en", "ceasefire"),
])
def test_inverted_and_day_one_conditions(text, language, condition):
    df = extract(text, language=language)
    assert any(condition in c for c in df.conditions)


def test_a_refusal_until_the_war_ends_and_an_offer_for_after_it_share_conditions():
    df = extract("Deutschland hält Friedenstruppen nach einer Waffenruhe für möglich. Bis zum Kriegsende "
                 "wird es keine deutschen Soldaten geben. Das Parlament werde entscheiden, sagte Merz.")
    rows = row_conditions(df, "DE", "ground_troops")
    assert len(rows) >= 2 and all({"ceasefire", "parliament_approval"} <= c for c in rows)


@pytest.mark.parametrize("text,language,expected", [
    ("Britain is preparing to deploy troops to Ukraine.", "en", ("GB", "ground_troops", "pledged")),
    ("Tusk und Macron erwögen die Entsendung einer Friedenstruppe.", "de",
     ("PL", "ground_troops", "considering")),
    ("The bulk of the forces are likely to come from Britain and France.", "en",
     ("FR", "ground_troops", "considering")),
])
def test_new_stance_words(text, language, expected):
    actor, type_, stance = expected
    assert pairs(extract(text, language=language)).get((actor, type_)) == stance


def test_an_abbreviated_state_before_a_type_noun_owns_it_but_not_before_a_verb():
    df = extract("Trump is willing to help, but he has ruled out US boots on the ground.", language="en")
    assert pairs(df).get(("US", "ground_troops")) == "declined"
    df = extract("Macron welcomed the text, suggesting France and the US could establish military hubs.",
                 language="en")
    assert {a for a, t in pairs(df) if t == "military_hubs"} == {"FR", "US"}


def test_a_participation_word_takes_the_one_type_the_article_was_just_about():
    df = extract("Die Europäer bieten für diesen Fall die Entsendung von Soldaten an.\n\nAuch danach bleibt "
                 "die Frage einer deutschen Beteiligung offen.")
    assert pairs(df).get(("DE", "ground_troops")) == "undecided"
    assert pairs(df).get(("COALITION", "ground_troops")) == "pledged"


@pytest.mark.parametrize("text,expected", [
    ("Schweden schlug Luft- und Seeunterstützung vor.", {"air_security", "maritime_security"}),
    ("Dänemark bietet Luft-, See- und Landstreitkräfte an.",
     {"air_security", "maritime_security", "ground_troops"}),
])
def test_a_truncated_compound_names_its_own_type(text, expected):
    df = extract(text.replace("Schweden", "Frankreich").replace("Dänemark", "Frankreich"))
    assert set(df.type) == expected


def test_a_pronoun_refers_to_the_subject_earlier_in_its_sentence():
    df = extract("Britain will send troops. While Donald Tusk said Poland is willing to help, he has "
                 "ruled out ground troops.", language="en")
    assert pairs(df).get(("PL", "ground_troops")) == "declined"
    assert pairs(df).get(("GB", "ground_troops")) == "pledged"
