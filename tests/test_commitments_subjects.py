"""Commitments: who commits (issue 14, third round) — lists of states as the subject of a later
clause, possessive and genitive owners of a stance noun, leaders ("U.S.-led"), the speaker of "wir"
in a quotation, and pledges of a text rather than a state. Every sentence is written for this file;
the mentions come from the small gazetteer of ``test_commitments``."""

from __future__ import annotations

import pytest
from test_commitments import extract, pairs

# --- possessive and genitive owners of a stance noun -------------------------------------------


@pytest.mark.parametrize("text,language,actor,type_,stance", [
    ("Observers noted Italy's refusal to send soldiers to the mission.", "en", "IT", "ground_troops",
     "declined"),
    ("Diplomats welcomed Norway's offer of frigates for the Black Sea.", "en", "NO", "maritime_security",
     "pledged"),
    ("Britain praised Canada’s pledge to provide airlift and logistics.", "en", "CA", "logistics", "pledged"),
    ("Merz bedauerte Italiens Absage an die Entsendung von Soldaten.", "de", "IT", "ground_troops",
     "declined"),
    ("Macron lobte die Zusage Frankreichs, Schiffe für das Schwarze Meer zu stellen.", "de", "FR",
     "maritime_security", "pledged"),
    ("In Paris kritisierte Macron die Absage der Niederlande an eine Beteiligung mit Soldaten.", "de", "NL",
     "ground_troops", "declined"),
    ("Macron regretted the refusal of Poland to station troops.", "en", "PL", "ground_troops", "declined"),
    ("Starmer welcomed Denmark's readiness to send minehunters.", "en", "DK", "maritime_security", "pledged"),
])
def test_the_owner_of_a_stance_noun_commits(text, language, actor, type_, stance):
    df = extract(text, language=language)
    assert pairs(df).get((actor, type_)) == stance, df[["actor_id", "type", "stance", "cue"]]
    # the speaker of the sentence does not commit what the owner refuses or offers
    assert set(df.actor_id) == {actor}, df[["actor_id", "type", "stance", "cue"]]


def test_two_owners_in_one_clause_keep_their_own_types():
    df = extract("Russia said it would never accept troops from the West, while other limits remained, "
                 "including Italy's refusal to send soldiers and Germany's limits to roles from a "
                 "NATO-neighboring country.", language="en")
    got = pairs(df)
    assert got.get(("IT", "ground_troops")) == "declined"
    assert got.get(("DE", "neighbour_deployment")) == "considering"
    # a prefix of a neighbour cue names the territory; Russia and NATO commit nothing here
    assert set(df.actor_id) == {"IT", "DE"}, df[["actor_id", "type", "stance"]]


def test_an_owner_that_cannot_commit_gives_no_row():
    df = extract("Britain noted Russia's refusal to accept any foreign troops.", language="en")
    assert df.empty, df[["actor_id", "type", "stance"]]


def test_a_refusal_without_a_possessive_keeps_its_subject():
    df = extract("Italy's government ruled out troops, and Spain refused to send soldiers as well.",
                 language="en")
    assert pairs(df).get(("ES", "ground_troops")) == "declined"


# --- lists of states in a later clause -----------------------------------------------------------


@pytest.mark.parametrize("text,language", [
    ("Britain pledged troops, while Italy and Poland ruled out deployments inside Ukraine.", "en"),
    ("Großbritannien sagte Truppen zu, während Italien und Polen eine Entsendung ablehnten.", "de"),
])
def test_a_list_refusing_in_a_while_clause(text, language):
    got = pairs(extract(text, language=language))
    assert got.get(("IT", "ground_troops")) == "declined"
    assert got.get(("PL", "ground_troops")) == "declined"
    assert got.get(("GB", "ground_troops")) == "pledged"


def test_deployments_of_ships_are_no_troops():
    got = pairs(extract("Spain pledged deployments of warships to the Black Sea.", language="en"))
    assert ("ES", "ground_troops") not in got
    assert got.get(("ES", "maritime_security")) == "pledged"


@pytest.mark.parametrize("text,language,expected", [
    ("Macron welcomed the declaration, suggesting France and Britain could establish military hubs.", "en",
     {"FR", "GB"}),
    ("Merz hailed the text, saying that Italy and Spain would set up military hubs.", "en", {"IT", "ES"}),
    ("Macron begrüßte die Erklärung, Italien und Spanien könnten demnach Militärstützpunkte errichten.", "de",
     {"IT", "ES"}),
])
def test_a_group_right_before_the_stance_cue_is_the_subject(text, language, expected):
    df = extract(text, language=language)
    assert set(df[df.type == "military_hubs"].actor_id) == expected, df[["actor_id", "type", "stance"]]


@pytest.mark.parametrize("text,language,expected", [
    # the first subject with an apposition that names others: still the first subject
    ("Poland, unlike France and Britain, will not send troops.", "en", {"PL"}),
    ("Germany, France and Britain will send troops.", "en", {"DE", "FR", "GB"}),
])
def test_the_first_subject_stays_when_no_group_stands_right_before_the_cue(text, language, expected):
    df = extract(text, language=language)
    assert set(df[df.type == "ground_troops"].actor_id) == expected, df[["actor_id", "type", "stance"]]


def test_a_list_with_appositions_is_no_second_group():
    df = extract("Präsident Macron, der ukrainische Präsident und Kanzler Merz unterzeichneten eine "
                 "Erklärung über Truppen.")
    assert "FR" in set(df.actor_id), df[["actor_id", "type", "stance"]]


# --- leaders and readiness ---------------------------------------------------------------------


@pytest.mark.parametrize("text,language", [
    ("The plan sets up US-led mechanisms to monitor any truce.", "en"),
    ("The text foresees a US-led ceasefire monitoring and verification mechanism.", "en"),
    ("Vorgesehen ist eine US-geführte Überwachung der Waffenruhe.", "de"),
    ("Officials said the United States had expressed readiness to take part in mechanisms to monitor "
     "any ceasefire.", "en"),
])
def test_the_leader_of_a_monitoring_mission_commits(text, language):
    got = pairs(extract(text, language=language))
    assert got.get(("US", "ceasefire_monitoring")) == "pledged", got


def test_a_leader_that_cannot_commit_and_a_refusal_of_the_led_mission():
    assert extract("Kyiv wants a Ukraine-led monitoring mission.", language="en").empty
    # the refusal of the led mission is Russia's; Russia commits nothing
    assert extract("Russia rejected a US-led monitoring mission.", language="en").empty


# --- "wir" / "we" in a quotation is the speaker's state ----------------------------------------


@pytest.mark.parametrize("text,language,actor,type_", [
    ("Macron sprach von einem Durchbruch. „Wir werden nach einem Waffenstillstand Soldaten schicken“, "
     "sagte Merz.", "de", "DE", "ground_troops"),
    ('Macron spoke of a breakthrough. "We will send troops once a ceasefire is agreed," Meloni said.',
     "en", "IT", "ground_troops"),
    ("Macron sprach von einem Durchbruch. „Wir können nach einer Waffenruhe Kräfte auf benachbartem "
     "Nato-Gebiet einmelden“, so Merz.", "de", "DE", "neighbour_deployment"),
])
def test_we_in_a_quotation_is_the_speakers_state(text, language, actor, type_):
    df = extract(text, language=language)
    assert (actor, type_) in pairs(df), df[["actor_id", "type", "stance"]]
    assert "FR" not in set(df.actor_id), df[["actor_id", "type", "stance"]]
    assert "ceasefire" in next(iter(df[df.actor_id == actor].conditions))


def test_the_quoted_neighbour_deployment_is_considered():
    df = extract("„Dazu kann zum Beispiel gehören, dass wir nach einem Waffenstillstand Kräfte für die "
                 "Ukraine auf benachbartem Nato-Gebiet einmelden“, sagte Merz.")
    assert pairs(df).get(("DE", "neighbour_deployment")) == "considering"


def test_we_outside_a_quotation_keeps_the_sentence_before():
    df = extract("Macron sprach in Paris. Wir werden Soldaten schicken, sagte er, und Merz nickte.")
    assert "DE" not in set(df.actor_id), df[["actor_id", "type", "stance"]]


# --- the words of a text pledge, not a state ---------------------------------------------------


@pytest.mark.parametrize("text,language", [
    ("US envoys said the president strongly backs the framework, though language pledging explicit US "
     "operational support to the forces was softened.", "en"),
    ("In the final draft, wording committing the United States to send troops was dropped.", "en"),
    ("Im Entwurf wurde die Formulierung zu einer Zusage von Truppen der USA gestrichen.", "de"),
])
def test_the_words_of_a_draft_pledge_nothing(text, language):
    df = extract(text, language=language)
    assert ("US", "ground_troops") not in pairs(df), df[["actor_id", "type", "stance", "cue"]]


def test_a_pledge_beside_the_softened_language_stays():
    df = extract("Britain pledged troops, though language pledging US support to the force was softened.",
                 language="en")
    got = pairs(df)
    assert got.get(("GB", "ground_troops")) == "pledged"
    assert ("US", "ground_troops") not in got


def test_a_genitive_inside_a_prepositional_phrase_is_no_subject():
    df = extract("Zwölf Staaten haben beim Treffen der Nato-Verteidigungsminister Beiträge zur "
                 "Luftüberwachung angeboten.")
    assert "org:nato" not in set(df.actor_id), df[["actor_id", "type", "stance"]]
    assert set(df.actor_id) == {"COALITION"}, df[["actor_id", "type", "stance"]]
    df = extract("Mit Hilfe der USA will Deutschland Soldaten schicken.")
    assert set(df.actor_id) == {"DE"}, df[["actor_id", "type", "stance"]]


def test_a_welcomed_readiness_belongs_to_who_is_ready_even_in_quotation_marks():
    """Seventh session (issue 14): "X begrüßte, dass Y „bereit sei …“" is Y's commitment."""
    from test_commitments import extract, pairs

    for text, lang, actor in [
        ("Merz begrüßte es „ausdrücklich“, dass die USA „bereit seien, Sicherheitsgarantien zu geben“.",
         "de", "US"),
        ('Starmer welcomed that Canada was "ready to send troops" to Ukraine.', "en", "CA"),
    ]:
        got = pairs(extract(text, language=lang))
        assert actor in {a for a, _ in got} and "DE" not in {a for a, _ in got} and "GB" not in {
            a for a, _ in got}, got


def test_a_vague_count_of_states_is_the_coalition_not_the_speakers_state() -> None:
    text = "“Many countries are ready to help at sea and in the air,” said Macron."
    got = pairs(extract(text, language="en"))
    assert set(got) == {("COALITION", "maritime_security"), ("COALITION", "air_security")}, got
    got = pairs(extract("Zahlreiche Staaten wollen sich an der Luftraumüberwachung beteiligen, sagte Macron"))
    assert set(got) == {("COALITION", "air_security")}, got


def test_land_sea_and_air_give_three_types() -> None:
    got = pairs(extract("Several allies will help on land, in the sea and in the air.", language="en"))
    assert {t for _, t in got} == {"ground_troops", "maritime_security", "air_security"}, got


def test_a_body_after_non_is_what_the_text_sets_apart_from_it() -> None:
    got = pairs(extract("The troops would serve in a non-NATO mission, the minister said.", language="en"))
    assert not any(a == "org:nato" for a, _ in got), got
    got = pairs(extract("NATO will send more troops to the eastern flank.", language="en"))
    assert any(a == "org:nato" for a, _ in got), got


@pytest.mark.parametrize("text, language", [
    ("The allies are waiting to hear how much support Washington intends to give Kyiv.", "en"),
    ("Reporters asked how many soldiers Britain would send to Ukraine.", "en"),
    ("Die Partner wollen wissen, wie viele Soldaten Deutschland schicken will.", "de"),
])
def test_waiting_or_wanting_to_know_states_no_commitment(text: str, language: str) -> None:
    assert pairs(extract(text, language=language)) == {}, text
