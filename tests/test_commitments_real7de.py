"""Commitments, eighth session (issue 14, helper real7de): kinds of failure a fresh set of real
German pages (2022-2025) showed: guarantors and ensured security, support "with money and
weapons", air surveillance, elided compounds, a state described as "das EU-Land", members named
after their group noun, a model named by comparison, Ukraine signing after an opening adverbial,
a peace agreement as the precondition, a former office holder named in his old national office.
Own test sentences (not those of the pages)."""

from __future__ import annotations

import pytest
from test_commitments import extract, full_extract, pairs

from ukrsec import segment


def rows(text: str, language: str = "de") -> dict[tuple[str, str], object]:
    """(actor, type) -> the row, for the text."""
    return {(r.actor_id, r.type): r for r in extract(text, language=language).itertuples()}


# --- guarantors and ensured security ----------------------------------------------------------

@pytest.mark.parametrize("text,language,actor,stance", [
    ("Österreich wäre bereit, als Garant für einen Frieden aufzutreten.", "de", "AT", "considering"),
    ("Schweden will eine Rolle als Sicherheitsgarant übernehmen.", "de", "SE", "pledged"),
    ("Kanada könnte einer der Garanten für die Sicherheit des Landes werden.", "de", "CA", "considering"),
    ("Norway is ready to act as a guarantor of the settlement.", "en", "NO", "pledged"),
    ("Polen will helfen, die Sicherheit der Ukraine zu gewährleisten.", "de", "PL", "pledged"),
    ("Dänemark zeigte sich offen für eine Beteiligung an der Gewährleistung der Sicherheit.", "de", "DK",
     "considering"),
])
def test_a_guarantor_or_ensured_security_is_a_guarantee(text, language, actor, stance):
    got = pairs(extract(text, language=language))
    assert got.get((actor, "security_guarantee")) == stance, got


def test_the_states_a_proposal_names_as_guarantors_commit_nothing():
    got = pairs(extract("Finnland schlug eine Liste von Staaten vor, die Garanten werden könnten."))
    assert not any(t == "security_guarantee" for _, t in got), got


def test_showing_oneself_open_is_considering():
    got = pairs(extract("Italien zeigt sich für eine Entsendung von Soldaten grundsätzlich offen."))
    assert got.get(("IT", "ground_troops")) == "considering", got


# --- support with money and weapons -----------------------------------------------------------

@pytest.mark.parametrize("text,types", [
    ("Belgien wird die Ukraine weiter mit finanzieller, militärischer Hilfe und Waffen unterstützen.",
     {"funding", "weapons"}),
    ("Dänemark will Kiew mit finanzieller und humanitärer Hilfe unterstützen.", {"funding"}),
    ("Spanien sagte zu, die Ukraine auch künftig mit Waffen zu unterstützen.", {"weapons"}),
])
def test_support_with_money_and_weapons(text, types):
    got = {t for (_, t), s in pairs(extract(text)).items() if s == "pledged"}
    assert types <= got, got


def test_a_depot_of_weapons_stays_no_weapons_cue():
    got = pairs(extract("Rumänien bietet Lager für Waffen an, die der Ukraine später helfen sollen."))
    assert ("RO", "weapons") not in got, got


# --- air surveillance, elided compounds --------------------------------------------------------

def test_surveillance_from_the_air_is_air_security_not_truce_monitoring():
    got = pairs(extract("Schweden könnte sich auf eine Überwachung aus der Luft beschränken."))
    assert got.get(("SE", "air_security")) == "considering", got
    assert ("SE", "ceasefire_monitoring") not in got, got


def test_the_second_part_of_an_elided_compound_is_read():
    got = pairs(extract("Die Niederlande wollen bei der Luft- und Seeverteidigung helfen."))
    assert got.get(("NL", "air_security")) == "pledged", got
    assert got.get(("NL", "maritime_security")) == "pledged", got


# --- a state described as a member of a body --------------------------------------------------

@pytest.mark.parametrize("second", [
    "Das baltische EU- und Nato-Land will zudem Ausbilder schicken.",
    "Das kleine EU-Land will zudem Ausbilder schicken.",
    "Das NATO-Mitglied will zudem Ausbilder schicken.",
])
def test_a_state_described_as_a_member_is_that_state(second):
    got = pairs(extract("Litauen ist bereit, Soldaten zu entsenden. " + second))
    assert got.get(("LT", "army_regeneration")) == "pledged", got
    assert not any(a in ("EU", "org:nato") for a, _ in got), got


def test_the_body_itself_still_commits():
    got = pairs(extract("Die EU will Ausbilder schicken."))
    assert got.get(("EU", "army_regeneration")) == "pledged", got


def test_member_states_of_the_body_still_silence_the_clause():
    got = pairs(extract("Die EU-Staaten wollen Ausbilder schicken."))
    assert ("EU", "army_regeneration") not in got, got


# --- members named after their group noun -----------------------------------------------------

@pytest.mark.parametrize("text,language,expected", [
    ("Dänemark sowie die nordischen Staaten Schweden und Norwegen haben Truppen angeboten.", "de",
     {"DK", "SE", "NO"}),
    ("Griechenland und die südlichen Nachbarn Spanien und Italien haben Soldaten zugesagt.", "de",
     {"GR", "ES", "IT"}),
    ("Denmark and the Nordic states Sweden and Norway have offered troops.", "en", {"DK", "SE", "NO"}),
])
def test_members_after_a_group_noun_commit_with_the_subject(text, language, expected):
    got = {a for (a, t), s in pairs(extract(text, language=language)).items() if t == "ground_troops"}
    assert expected <= got, got


def test_an_object_after_a_verb_is_no_member():
    got = pairs(extract("Frankreich hat Italien Soldaten angeboten."))
    assert ("IT", "ground_troops") not in got, got


# --- a model named by comparison --------------------------------------------------------------

@pytest.mark.parametrize("text,language", [
    ("Die USA sollen der Ukraine Schutz ähnlich der Nato-Beistandsklausel gewähren.", "de"),
    ("Washington would offer guarantees similar to NATO's mutual defence clause.", "en"),
    ("Kanada will eine Zusage nach dem Vorbild der britischen Truppen geben.", "de"),
])
def test_a_model_named_by_comparison_commits_nothing(text, language):
    got = pairs(extract(text, language=language))
    assert not any(a in ("org:nato", "GB") for a, _ in got), got


def test_an_owner_without_a_comparison_commits():
    got = pairs(extract("Kanada will die britischen Truppen mit Ausbildern ergänzen. Die britischen Truppen "
                        "sollen bereitstehen."))
    assert ("GB", "ground_troops") in got, got


# --- a peace agreement as the precondition ----------------------------------------------------

@pytest.mark.parametrize("text,language", [
    ("Belgien ist bereit, Soldaten zu stellen. Voraussetzung sei ein Friedensabkommen mit Moskau.", "de"),
    ("Belgium is ready to send soldiers, but a peace deal is a precondition.", "en"),
])
def test_a_peace_agreement_as_precondition(text, language):
    r = rows(text, language).get(("BE", "ground_troops"))
    assert r is not None and "peace_agreement" in list(r.conditions), rows(text, language)


def test_a_precondition_of_another_kind_is_no_peace_agreement():
    text = "Belgien ist bereit, Soldaten zu stellen. Voraussetzung sei ein Mandat der Vereinten Nationen."
    r = rows(text).get(("BE", "ground_troops"))
    assert r is not None and "peace_agreement" not in list(r.conditions)


# --- full pipeline: Ukraine signing after an adverbial, former office holders --------------------

def _run(text: str) -> dict[tuple[str, str], str]:
    """Commitments of ``text`` through the real actors stage (the gazetteer's people and roles)."""
    return pairs(full_extract(text, "de", "2024-03-01"))


def test_ukraine_signing_after_an_adverbial_names_the_partners():
    got = _run("Am Montag hat Präsident Wolodymyr Selenskyj in Kiew Sicherheitsabkommen mit Schweden und "
               "Finnland unterzeichnet.")
    assert got.get(("SE", "security_guarantee")) == "pledged", got
    assert got.get(("FI", "security_guarantee")) == "pledged", got


def test_a_former_office_holder_in_his_national_office_speaks_for_the_state():
    got = _run("Der niederländische Ministerpräsident Mark Rutte will Kiew Haubitzen liefern. "
               "Rutte sagte außerdem zwei Minenjagdboote zu.")
    assert got.get(("NL", "weapons")) == "pledged", got
    assert not any(a == "org:nato" for a, _ in got), got


def test_the_same_person_in_the_office_of_the_body_speaks_for_the_body():
    got = _run("Nato-Generalsekretär Mark Rutte sagte, das Bündnis werde Ausbilder schicken.")
    assert not any(a == "NL" for a, _ in got), got


# --- the subject "man", a pronoun before Ukraine, a dateline before a pipe --------------------

def test_man_after_a_meeting_of_the_coalition_is_the_coalition():
    got = _run("Die Koalition der Willigen traf sich am Donnerstag in Rom. Man werde die Ukraine nach einem "
               "Waffenstillstand mit Truppen unterstützen, sagte die Gastgeberin.")
    assert got.get(("COALITION", "ground_troops")) == "pledged", got


def test_man_without_a_collective_body_is_no_coalition():
    got = _run("Italien lud zu Gesprächen ein. Man werde die Ukraine mit Truppen unterstützen, hieß es.")
    assert ("COALITION", "ground_troops") not in got, got


def test_man_after_a_national_speaker_is_the_speakers_state():
    got = pairs(extract("Die Koalition plant eine Truppe. Frankreich will helfen. Eine Sprecherin des "
                        "Verteidigungsministeriums sagte, man prüfe die Entsendung von Soldaten."))
    assert got.get(("FR", "ground_troops")) == "considering", got
    assert ("COALITION", "ground_troops") not in got, got


def test_ukraine_at_the_start_still_commits_nobody():
    got = _run("Die Ukraine will weitere Waffen erhalten.")
    assert not got, got


def test_a_place_before_a_pipe_is_a_dateline_not_the_subject():
    got = _run("Paris taz | Zwölf Länder wollen sich an einer Schutztruppe beteiligen.")
    assert ("FR", "ground_troops") not in got, got
    assert got.get(("COALITION", "ground_troops")) == "pledged", got


@pytest.mark.parametrize("text,language,type_", [
    ("Griechenland will die Ukraine auf der See unterstützen.", "de", "maritime_security"),
    ("Frankreich will mit Truppen im Himmel und zu Wasser helfen.", "de", "air_security"),
    ("France will help in the sky and at sea.", "en", "air_security"),
])
def test_support_at_sea_and_in_the_sky(text, language, type_):
    got = {t for (_, t) in pairs(extract(text, language=language))}
    assert type_ in got, got


# --- hard-wrapped paragraphs (cleaning and sentence splitting) --------------------------------

_WRAPPED = ("Drei Staaten wollen sich an einer Schutztruppe für die\n"
            "Ukraine beteiligen. Das teilte die Regierung in Rom am Abend\n"
            "nach einem langen Treffen der Minister mit. Man werde auch\n"
            "Ausbilder stellen, hieß es weiter.")


def test_a_hard_wrapped_paragraph_is_joined():
    from ukrsec.clean import clean_text

    text = clean_text("Schutztruppe: Drei Staaten sagen zu\n\n"
                      "Der erste Absatz des Artikels ist ein ganzer Satz.\n\n"
                      + _WRAPPED + "\n\nEin zweiter Absatz folgt hier.").text
    assert "für die Ukraine beteiligen. Das teilte" in text, text
    assert "nach einem langen Treffen der Minister mit. Man werde auch Ausbilder" in text, text


def test_lines_of_a_teaser_list_stay_apart():
    from ukrsec.clean import clean_text

    teasers = ("Neue Waffenlieferungen an die Ukraine sorgen für Streit in Berlin\n"
               "Wie die Nachbarstaaten auf die Pläne für eine Friedenstruppe reagieren\n"
               "Was die Koalition der Willigen in Paris genau beschlossen hat")
    text = clean_text("Der erste Absatz eines Artikels endet hier mit einem Punkt.\n\n" + teasers).text
    assert "Berlin Wie" not in text and "reagieren Was" not in text, text


def test_a_line_ending_in_a_function_word_runs_on():
    spans = segment.split("Zehn Staaten wollen Soldaten für die\nUkraine stellen.\nNeue Überschrift\nNoch")
    assert spans[0] == "Zehn Staaten wollen Soldaten für die\nUkraine stellen.", spans
    assert "Neue Überschrift" in spans and "Noch" in spans, spans


# --- known open kinds: bare "Militär", definitions, given-up refusals, vague partners ------------

@pytest.mark.parametrize("text", [
    "Polen wird kein Militär in die Ukraine schicken.",
    "Ungarn lehnt es ab, Militär in die Ukraine zu entsenden.",
])
def test_no_military_sent_is_declined_ground_troops(text):
    got = pairs(extract(text))
    assert ("declined" in got.values()) and any(t == "ground_troops" for _, t in got), got


def test_the_military_named_in_passing_is_no_troop_cue():
    assert extract("Das Militär der Niederlande hat einen neuen Chef, teilte Den Haag mit.").empty


@pytest.mark.parametrize("text,language", [
    ("Eine Garantie, die gebrochen wird, ist wertlos, sagte Frankreich.", "de"),
    ("A guarantee that will be broken is worthless, France said.", "en"),
])
def test_a_definition_with_an_auxiliary_in_its_relative_clause_pledges_nothing(text, language):
    assert extract(text, language=language).empty


def test_a_relative_clause_about_the_force_still_gives_its_stance():
    got = pairs(extract("Frankreich sprach über eine Truppe, die im Westen stationiert werden könnte."))
    assert got.get(("FR", "ground_troops")) == "considering", got


@pytest.mark.parametrize("text,language", [
    ("Schweden zeigt sich nun offen für eine Entsendung von Soldaten – etwas, das es zuvor abgelehnt "
     "hatte.", "de"),
    ("Sweden is now open to sending soldiers, which it had previously rejected.", "en"),
])
def test_a_refusal_given_up_leaves_the_new_stance(text, language):
    got = pairs(extract(text, language=language))
    assert got.get(("SE", "ground_troops")) == "considering", got


def test_a_current_refusal_stays():
    got = pairs(extract("Schweden lehnt die Entsendung von Soldaten weiterhin ab."))
    assert got.get(("SE", "ground_troops")) == "declined", got


def test_vague_partners_are_not_the_speakers_state():
    got = pairs(extract("Die europäischen Partner wollen Truppen schicken, sagte der Kanzler in Berlin."))
    assert ("DE", "ground_troops") not in got, got
