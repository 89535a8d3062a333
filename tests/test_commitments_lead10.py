"""Commitments, tenth session (issue 14, the lead): kinds of miss written down as own sentences:
what a condition asks of the US is not the committing state's type, a negation of the sentence or
clause before does not reach the next one, Patriot systems are weapons, decisions still to come are
undecided, readiness with an aside before its infinitive, unwillingness is a refusal."""

from __future__ import annotations

import pytest
from test_commitments import full_extract, pairs


def _run(text: str, language: str = "en") -> dict[tuple[str, str], str]:
    return pairs(full_extract(text, language))


def _conditions(text: str, language: str = "en") -> dict[tuple[str, str], set[str]]:
    return {(r.actor_id, r.type): set(r.conditions) for r in full_extract(text, language).itertuples()}


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


# --- sums in other currencies ------------------------------------------------------------------------

def _units(text: str, language: str = "en") -> dict[tuple[str, str], tuple[float, str]]:
    return {(r.actor_id, r.type): (r.quantity_min, r.unit) for r in full_extract(text, language).itertuples()}


@pytest.mark.parametrize("text,language,actor,amount,unit", [
    ("Canada announced C$2 billion in new military aid for Ukraine.", "en", "CA", 2e9, "CAD"),
    ("Canada will provide 2 billion Canadian dollars in military aid.", "en", "CA", 2e9, "CAD"),
    ("Norway will provide NOK 5 billion in military aid.", "en", "NO", 5e9, "NOK"),
    ("Schweden stellt 3 Milliarden schwedische Kronen für Waffenlieferungen bereit.", "de", "SE", 3e9, "SEK"),
])
def test_sums_in_other_currencies_keep_their_currency(text, language, actor, amount, unit):
    got = _units(text, language)
    assert got.get((actor, "weapons")) == (amount, unit), got


def test_a_sum_in_dollars_stays_dollars():
    got = _units("Canada will provide 2 billion dollars in military aid.")
    assert got.get(("CA", "weapons")) == (2e9, "USD"), got


# --- a Ukrainian or Russian speaker reports another's commitment ---------------------------------

@pytest.mark.parametrize("text,language", [
    ("Zelensky said Britain and France will send troops.", "en"),
    ("Zelensky said Britain and France agreed to send troops.", "en"),
    ("Selenskyj sagte, Großbritannien und Frankreich hätten zugesagt, Truppen zu schicken.", "de"),
])
def test_a_ukrainian_speaker_reports_the_states_commitment(text, language):
    got = _run(text, language)
    assert got.get(("GB", "ground_troops")) == "pledged", got
    assert got.get(("FR", "ground_troops")) == "pledged", got


def test_a_russian_speaker_reports_a_refusal():
    assert _run("Peskov said France would not send troops.").get(("FR", "ground_troops")) == "declined"


@pytest.mark.parametrize("text,language", [
    ("Zelensky said Ukraine needs Western troops.", "en"),
    ("Selenskyj sagte, die Ukraine brauche Soldaten aus Europa.", "de"),
    ("Putin said NATO troops in Ukraine would be legitimate targets.", "en"),
])
def test_what_ukraine_or_russia_says_of_itself_is_no_commitment(text, language):
    assert _run(text, language) == {}


# --- a question put off ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Chancellor Friedrich Merz said it was too early to talk about troops.",
    "Asked whether Germany would send troops, Merz said it was too early to say.",
    "Merz said a debate about German troops was premature.",
])
def test_a_question_put_off_is_undecided(text):
    assert _run(text).get(("DE", "ground_troops")) == "undecided"


# --- conditions stated as requirements in the next sentence ------------------------------------

@pytest.mark.parametrize("text,language,actor,condition", [
    ("Sweden could send soldiers to Ukraine. But that would require a mandate from the Riksdag and a "
     "ceasefire.", "en", "SE", "ceasefire"),
    ("Belgium is prepared to send troops. The government said a lasting peace deal must come first.",
     "en", "BE", "peace_agreement"),
    ("Finnland will Soldaten in die Ukraine schicken. Voraussetzung sei allerdings ein Waffenstillstand.",
     "de", "FI", "ceasefire"),
    ("Finnland will Soldaten in die Ukraine schicken. Voraussetzung ist ein Friedensabkommen.",
     "de", "FI", "peace_agreement"),
    ("Norwegen würde Soldaten schicken. Das setzt aber einen Waffenstillstand voraus.",
     "de", "NO", "ceasefire"),
])
def test_a_requirement_in_the_next_sentence_conditions_the_offer(text, language, actor, condition):
    got = _conditions(text, language)
    assert condition in got.get((actor, "ground_troops"), set()), got


def test_a_need_of_ukraine_is_no_condition():
    got = _conditions("Germany will send air defence systems. Ukraine needs a ceasefire, Zelensky said.")
    assert got.get(("DE", "weapons")) == set(), got


# --- air and sea security; small vague counts; "while" without a comma ----------------------------

@pytest.mark.parametrize("text", [
    "Britain will provide air and sea security.",
    "Britain will provide air, land and sea security.",
])
def test_air_and_sea_security_are_two_types(text):
    got = _run(text)
    assert got.get(("GB", "air_security")) == "pledged", got
    assert got.get(("GB", "maritime_security")) == "pledged", got


def test_air_security_alone():
    assert _run("Britain will provide air security.") == {("GB", "air_security"): "pledged"}


def test_air_before_another_noun_is_no_air_security():
    got = _run("Britain will provide air tickets and sea freight for the troops.")
    assert ("GB", "air_security") not in got, got


@pytest.mark.parametrize("text", [
    "A handful of states, including Britain and France, are ready to deploy soldiers.",
    "Only a few European countries, among them Britain and France, are ready to deploy soldiers.",
    "Some countries, including Britain and France, are ready to deploy soldiers.",
])
def test_a_small_vague_count_lists_its_members(text):
    got = _run(text)
    assert got.get(("GB", "ground_troops")) == "pledged", got
    assert got.get(("FR", "ground_troops")) == "pledged", got


@pytest.mark.parametrize("text,first,second", [
    ("Turkey would lead the maritime mission while France would provide air cover.",
     ("TR", "maritime_security"), ("FR", "air_security")),
    ("Britain will deploy troops while the United States will provide intelligence.",
     ("GB", "ground_troops"), ("US", "intelligence")),
])
def test_while_without_a_comma_starts_a_clause_with_its_own_subject(text, first, second):
    got = _run(text)
    assert first in got and second in got, got
    assert (first[0], second[1]) not in got, got


def test_while_with_a_gerund_keeps_the_subject():
    got = _run("Germany will send air defence systems while visiting Kyiv, Merz said.")
    assert got == {("DE", "weapons"): "pledged"}, got


@pytest.mark.parametrize("text", [
    "Österreich schließt eine Beteiligung an einer Friedenstruppe wegen seiner Neutralität aus.",
    "Irland schloss eine Entsendung eigener Soldaten in die Ukraine mit Verweis auf seine Neutralität aus.",
])
def test_a_long_verb_bracket_of_ausschliessen_is_a_refusal(text):
    got = _run(text, "de")
    assert list(got.values()) == ["declined"], got


def test_while_before_a_clause_of_time_keeps_the_subject():
    got = _run("Portugal ruled out sending troops while there is war, but offered logistics support.")
    assert got.get(("PT", "ground_troops")) == "declined" and ("PT", "logistics") in got, got


# --- a topic nobody talked about; a peace settlement; readiness for what was said before --------

@pytest.mark.parametrize("text", [
    "Rutte said there was no discussion about boots on the ground.",
    "Rutte said there was no debate about NATO troops in Ukraine.",
])
def test_no_discussion_about_troops_is_no_refusal(text):
    assert "declined" not in _run(text).values()


def test_no_troops_is_still_a_refusal():
    got = _run("Rutte said NATO would send no troops to Ukraine.")
    assert got.get(("org:nato", "ground_troops")) == "declined", got


@pytest.mark.parametrize("text", [
    "Pistorius sagte, Deutschland werde im Fall einer möglichen Friedensregelung Soldaten schicken.",
    "Deutschland werde für den Fall eines Friedensabkommens Soldaten schicken, sagte Pistorius.",
])
def test_im_fall_einer_friedensregelung_is_a_peace_agreement(text):
    got = _conditions(text, "de")
    assert "peace_agreement" in got.get(("DE", "ground_troops"), set()), got


@pytest.mark.parametrize("text,language", [
    ("Germany will train Ukrainian soldiers. France is ready to do so too.", "en"),
    ("Frankreich will Ausbilder in die Ukraine schicken. Dazu ist auch Großbritannien bereit.", "de"),
    ("Deutschland will Ausbilder in die Ukraine schicken. Frankreich hat sich dazu bereit erklärt.", "de"),
])
def test_readiness_for_what_the_sentence_before_named(text, language):
    got = _run(text, language)
    others = {a for a, t in got if t == "army_regeneration"} - {"DE"}
    assert others & {"FR", "GB"}, got


def test_dazu_inside_a_sentence_is_no_reference():
    got = _run("Frankreich will Ausbilder schicken. Großbritannien sagte, es gehöre dazu, bereit zu sein.",
               "de")
    assert ("GB", "army_regeneration") not in got, got


# --- a condition pointed back to -----------------------------------------------------------------

@pytest.mark.parametrize("text,language,actor,condition", [
    ("Eine Waffenruhe ist noch nicht in Sicht. Frankreich bietet für diesen Fall Soldaten an.",
     "de", "FR", "ceasefire"),
    ("A ceasefire may be agreed within weeks. In that case Britain would send troops.",
     "en", "GB", "ceasefire"),
    ("A peace deal could be signed in spring. In such a case Sweden would deploy soldiers.",
     "en", "SE", "peace_agreement"),
])
def test_a_phrase_pointing_back_takes_the_ceasefire_named_before(text, language, actor, condition):
    got = _conditions(text, language)
    assert condition in got.get((actor, "ground_troops"), set()), got


def test_a_phrase_pointing_back_to_nothing_adds_no_condition():
    got = _conditions("Die Gespräche gehen weiter. Für diesen Fall plant Frankreich die Entsendung von "
                      "Soldaten.", "de")
    assert got.get(("FR", "ground_troops")) == set(), got


# --- the lead's real10l set: still weighed, non-lethal equipment, the verb at the end, an indefinite genitive

@pytest.mark.parametrize("text", [
    "Japanese contributions, such as the deployment of peacekeepers, remain under deliberation.",
    "A Japanese deployment of peacekeepers is under review.",
])
def test_still_weighed_is_undecided(text):
    assert _run(text).get(("JP", "ground_troops")) == "undecided"


def test_non_lethal_equipment_is_weapons():
    assert _run("Japan will transfer non-lethal equipment to Ukraine.").get(("JP", "weapons")) == "pledged"


def test_nicht_ausschliesst_at_the_end_of_a_clause_is_considering():
    got = _run("Sie sagte, dass Österreich die Entsendung von Soldaten nicht ausschließt.", "de")
    assert got.get(("AT", "ground_troops")) == "considering", got


def test_an_indefinite_genitive_in_a_prepositional_phrase_is_no_subject():
    got = _run("Klaudia Tanner sagte, dass ihr Land die Möglichkeit, einer Friedensmission im Rahmen einer "
               "Koalition der Willigen beizutreten, nicht ausschließt.", "de")
    assert got == {("AT", "ground_troops"): "considering"}, got
