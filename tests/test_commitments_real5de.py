"""Commitments, sixth session (issue 14, helper real5de): kinds of failure a fresh set of real German
pages showed (bilateral security agreements, fighter jets handed over, support of Ukraine's own army,
attack clauses, time limits, totals given so far, sums after a value phrase). Own test sentences
(not those of the pages)."""

from __future__ import annotations

import pytest
from test_actors import ids
from test_commitments import extract, pairs


def rows(text: str, language: str = "de") -> dict[tuple[str, str], object]:
    """(actor, type) -> the row, for the text."""
    return {(r.actor_id, r.type): r for r in extract(text, language=language).itertuples()}


# --- security agreements ----------------------------------------------------------------------

@pytest.mark.parametrize("text,actor", [
    ("Deutschland hat mit der Ukraine ein Sicherheitsabkommen unterzeichnet.", "DE"),
    ("Frankreich und die Ukraine haben eine bilaterale Sicherheitsvereinbarung geschlossen.", "FR"),
    ("Italien will in der kommenden Woche einen Sicherheitspakt mit Kiew abschließen.", "IT"),
    ("Spanien hat ein bilaterales Abkommen mit der Ukraine abgeschlossen.", "ES"),
])
def test_a_german_security_agreement_is_a_guarantee(text, actor):
    assert pairs(extract(text)).get((actor, "security_guarantee")) == "pledged", pairs(extract(text))


def test_an_agreement_of_another_kind_is_no_guarantee():
    got = pairs(extract("Polen hat ein Handelsabkommen mit Kanada unterzeichnet."))
    assert ("PL", "security_guarantee") not in got, got


@pytest.mark.parametrize("text,actor", [
    ("Die Niederlande haben ein zehnjähriges Sicherheitsabkommen mit der Ukraine unterzeichnet.", "NL"),
    ("Schweden unterzeichnete eine 10-jährige Sicherheitsvereinbarung mit Kiew.", "SE"),
])
def test_a_german_term_in_years_is_condition_other(text, actor):
    r = rows(text).get((actor, "security_guarantee"))
    assert r is not None and "other" in list(r.conditions), rows(text)


# --- fighter jets -----------------------------------------------------------------------------

@pytest.mark.parametrize("text,actor", [
    ("Belgien hat die Lieferung von zwölf F-16-Kampfjets an Kiew zugesagt.", "BE"),
    ("Dänemark hat zugesagt, dass Kiew die bestellten Kampfflugzeuge bald erhalten soll.", "DK"),
    ("Norwegen will der Ukraine vier Kampfjets zur Verfügung stellen.", "NO"),
    ("Kanada sagte die Lieferung weiterer Jets zu.", "CA"),
])
def test_fighter_jets_handed_over_are_weapons(text, actor):
    got = pairs(extract(text))
    assert got.get((actor, "weapons")) == "pledged", got
    assert (actor, "air_security") not in got, got


def test_fighter_jets_deployed_stay_air_security():
    got = pairs(extract("Frankreich ist bereit, Kampfjets zur Sicherung des Luftraums zu entsenden."))
    assert got.get(("FR", "air_security")) == "pledged", got
    assert ("FR", "weapons") not in got, got


@pytest.mark.parametrize("text,actor", [
    ("The Netherlands will deliver six more F-16s to Ukraine.", "NL"),
    ("Denmark pledged to donate fighter jets to Kyiv.", "DK"),
])
def test_fighter_jets_handed_over_are_weapons_in_english(text, actor):
    got = pairs(extract(text, language="en"))
    assert got.get((actor, "weapons")) == "pledged", got


@pytest.mark.parametrize("text,actor", [
    ("Spanien sagte ein weiteres Luftabwehrsystem zu.", "ES"),
    ("Italien will zwei Patriot-Luftabwehrsysteme liefern.", "IT"),
])
def test_air_defence_systems_are_weapons(text, actor):
    assert pairs(extract(text)).get((actor, "weapons")) == "pledged", pairs(extract(text))


# --- Ukraine's own army -----------------------------------------------------------------------

@pytest.mark.parametrize("text,language,actor", [
    ("Schweden will die ukrainische Armee langfristig unterstützen.", "de", "SE"),
    ("Polen sagte zu, die ukrainischen Streitkräfte weiter zu unterstützen.", "de", "PL"),
    ("Frankreich kündigte eine dauerhafte Unterstützung der ukrainischen Streitkräfte an.", "de", "FR"),
    ("Spain will support Ukraine's armed forces for years.", "en", "ES"),
])
def test_supporting_ukraines_army_is_army_regeneration(text, language, actor):
    got = pairs(extract(text, language=language))
    assert got.get((actor, "army_regeneration")) == "pledged", got
    assert (actor, "ground_troops") not in got, got


def test_supporting_a_foreign_force_is_still_no_contribution():
    got = pairs(extract("Deutschland will die europäische Truppe aus der Luft unterstützen."))
    assert ("DE", "army_regeneration") not in got, got


# --- support if Russia attacks again ------------------------------------------------------------

@pytest.mark.parametrize("text,language,actor", [
    ("Falls es zu einer erneuten Aggression kommt, will Deutschland sofort helfen.", "de", "DE"),
    ("Im Fall einer neuen russischen Aggression sagt Frankreich der Ukraine Hilfe zu.", "de", "FR"),
    ("Should there be renewed aggression, Britain will consult Ukraine within a day.", "en", "GB"),
])
def test_an_aggression_clause_is_a_backstop(text, language, actor):
    got = pairs(extract(text, language=language))
    assert got.get((actor, "backstop")) == "pledged", got


# --- time limits ------------------------------------------------------------------------------

@pytest.mark.parametrize("text,language,key", [
    ("Die NATO sagte innerhalb des nächsten Jahres Militärhilfe zu.", "de", ("org:nato", "weapons")),
    ("Italien will noch in diesem Sommer Munition liefern.", "de", ("IT", "weapons")),
    ("Frankreich sagte 500 Millionen Euro für 2027 zu.", "de", ("FR", "funding")),
    ("Canada will deliver the ammunition within the next year.", "en", ("CA", "weapons")),
    ("Norway will send more artillery this summer.", "en", ("NO", "weapons")),
])
def test_a_time_limit_of_a_pledge_is_condition_other(text, language, key):
    r = rows(text, language).get(key)
    assert r is not None and "other" in list(r.conditions), rows(text, language)


def test_a_pledge_without_a_time_limit_has_no_condition_other():
    r = rows("Italien will Munition liefern.").get(("IT", "weapons"))
    assert r is not None and "other" not in list(r.conditions)


# --- totals given so far ----------------------------------------------------------------------

@pytest.mark.parametrize("text,language,key", [
    ("Deutschland habe bislang Militärhilfe im Umfang von 9 Milliarden Euro geliefert.", "de",
     ("DE", "weapons")),
    ("Frankreich hat bisher Hilfen von 3 Milliarden Euro bereitgestellt.", "de", ("FR", "funding")),
    ("Sweden has so far delivered artillery worth 2 billion euros.", "en", ("SE", "weapons")),
])
def test_a_total_given_so_far_is_no_commitment(text, language, key):
    assert key not in pairs(extract(text, language=language)), pairs(extract(text, language=language))


@pytest.mark.parametrize("text,key", [
    ("Bislang haben Dänemark und Norwegen zugesagt, Soldaten zu schicken.", ("DK", "ground_troops")),
    ("Polen hat bisher keine Soldaten zugesagt.", ("PL", "ground_troops")),
])
def test_so_far_with_a_pledge_or_refusal_stays(text, key):
    assert key in pairs(extract(text)), pairs(extract(text))


# --- a sum after a value phrase ---------------------------------------------------------------

@pytest.mark.parametrize("text,key,amount", [
    ("Italien sichert der Ukraine Munition im Wert von rund 300 Millionen Euro zu – darunter Granaten.",
     ("IT", "weapons"), 300e6),
    ("Spanien sagte Waffenlieferungen im Wert von bis zu 2 Milliarden Euro zu.", ("ES", "weapons"), None),
])
def test_a_hedged_sum_after_a_value_phrase_is_the_things_value(text, key, amount):
    got = rows(text)
    assert key in got, got
    assert (key[0], "funding") not in got, got
    if amount is not None:
        assert got[key].quantity_min == amount


# --- the United Kingdom in German -------------------------------------------------------------

def test_the_united_kingdom_with_a_definite_article():
    assert "GB" in ids("Das Vereinigte Königreich will Soldaten schicken.")
    assert "GB" in ids("Im Vereinigten Königreich wird darüber gestritten.")


# --- regular expressions keep their case ------------------------------------------------------

@pytest.mark.parametrize("text,actor", [
    ("Polen will die Waffenruhe entlang der Front überwachen.", "PL"),
    ("Kanada hat angeboten, den Waffenstillstand aus der Nähe zu überwachen.", "CA"),
])
def test_words_between_a_truce_and_watching_over_it(text, actor):
    # "\S+" in a cue's expression stays a non-space class (the cue text is not lower-cased)
    got = pairs(extract(text))
    assert got.get((actor, "ceasefire_monitoring")) == "pledged", got


# --- a subject and the group it heads ---------------------------------------------------------

@pytest.mark.parametrize("text,language,actor", [
    ("Merz und weitere europäische Staats- und Regierungschefs haben angeboten, Soldaten zu stellen.", "de",
     "DE"),
    ("Frankreich und andere Länder wollen Truppen schicken.", "de", "FR"),
    ("Britain and other European countries pledged troops for the force.", "en", "GB"),
])
def test_a_subject_with_and_other_leaders_commits_with_the_group(text, language, actor):
    got = pairs(extract(text, language=language))
    assert got.get((actor, "ground_troops")) == "pledged", got
    assert got.get(("COALITION", "ground_troops")) == "pledged", got


@pytest.mark.parametrize("text", [
    "Frankreich und 25 andere Länder wollen Truppen schicken.",   # a counted group: the state alone
    "Frankreich und Italien wollen Truppen schicken.",
])
def test_no_group_without_and_other(text):
    assert ("COALITION", "ground_troops") not in pairs(extract(text)), pairs(extract(text))


# --- the source of a delivery to Ukraine ------------------------------------------------------

@pytest.mark.parametrize("text,language,actors", [
    ("Die Ukraine soll die Kampfjets bald erhalten, wie Dänemark und die Niederlande mitteilten.", "de",
     {"DK", "NL"}),
    ("Die Ukraine soll bald weitere Munition bekommen, wie Schweden bestätigte.", "de", {"SE"}),
    ("Ukraine will receive more artillery shells next month, as Norway announced.", "en", {"NO"}),
])
def test_a_trailing_source_of_a_delivery_to_ukraine_commits(text, language, actors):
    got = extract(text, language=language)
    assert {r.actor_id for r in got.itertuples() if r.type == "weapons"} == actors, pairs(got)


def test_a_trailing_source_without_a_stance_commits_nothing():
    assert extract("Die Ukraine braucht mehr Munition, wie Schweden sagte.").empty


# --- a refusal of what was said before --------------------------------------------------------

@pytest.mark.parametrize("text,language,key", [
    ("Polen will keine Soldaten in die Ukraine schicken. Die USA haben das ebenfalls ausgeschlossen.",
     "de", ("US", "ground_troops")),
    ("Frankreich schlug eine Luftmission vor. Italien lehnt dies ab.", "de", ("IT", "air_security")),
    ("Britain offered to send minehunters. Italy has ruled that out.", "en", ("IT", "maritime_security")),
])
def test_a_demonstrative_refusal_takes_the_type_said_before(text, language, key):
    got = pairs(extract(text, language=language))
    assert got.get(key) == "declined", got


# --- Ukraine's army size ----------------------------------------------------------------------

@pytest.mark.parametrize("text,language", [
    ("Die USA wollten der Ukraine eine Beschränkung von 600.000 Soldaten auferlegen.", "de"),
    ("Die USA wollen eine Obergrenze von rund 800.000 Soldaten.", "de"),
    ("The United States wanted a cap of 600,000 troops on Ukraine's army.", "en"),
])
def test_a_limit_on_ukraines_army_is_no_troop_contribution(text, language):
    got = pairs(extract(text, language=language))
    assert ("US", "ground_troops") not in got, got


def test_a_number_of_soldiers_sent_is_still_a_contribution():
    got = pairs(extract("Die USA wollen 600.000 Soldaten schicken."))
    assert got.get(("US", "ground_troops")) == "pledged", got


# --- securing a peace -------------------------------------------------------------------------

@pytest.mark.parametrize("text,language,actor", [
    ("Frankreich will einen künftigen Frieden in der Ukraine absichern.", "de", "FR"),
    ("Italien sagte zu, den Frieden zu garantieren.", "de", "IT"),
    ("Spain is ready to help secure a lasting peace.", "en", "ES"),
])
def test_securing_a_peace_is_a_guarantee(text, language, actor):
    got = pairs(extract(text, language=language))
    assert (actor, "security_guarantee") in got, got


# --- a state that only describes a force ------------------------------------------------------

def test_a_state_inside_an_attributive_participle_is_no_subject():
    got = pairs(extract("In der Erklärung hieß es, eine von Frankreich geführte und den USA unterstützte "
                        "Truppe würde den Luftraum sichern."))
    assert ("US", "air_security") not in got and ("FR", "air_security") not in got, got


def test_a_state_before_a_finite_verb_stays_the_subject():
    got = pairs(extract("Deutschland unterstützte Kiew und will weitere Luftverteidigungssysteme liefern."))
    assert ("DE", "weapons") in got, got


# --- a deal to end the war --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Deutschland will Soldaten stellen, für den Fall, dass eine Vereinbarung zur Beendigung des Krieges "
    "erzielt wird.",
    "Schweden sagte Truppen zu, sobald ein Abkommen über ein Ende der Kämpfe steht.",
])
def test_a_deal_to_end_the_war_is_a_peace_agreement(text):
    r = next(iter(extract(text).itertuples()))
    assert "peace_agreement" in list(r.conditions), list(r.conditions)
