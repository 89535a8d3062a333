"""Commitments, fourth round of issue 14 (German coverage, helper blind4de): ellipses after a
refusal, trailing participle phrases with a stance of their own, separable verbs in the past,
announcements, proposals, amounts after a year. Own test sentences (not those of the blind pages)."""

from __future__ import annotations

import pytest
from test_commitments import extract, pairs

from ukrsec.commitments import find_quantities


@pytest.mark.parametrize("text,expected", [
    # a dash or an ellipsis before "wohl aber" / "aber" cuts the refusal from what is offered
    ("Belgien will keine Kampftruppen in die Ukraine schicken – wohl aber Soldaten in die Nachbarländer "
     "der Ukraine.", {("BE", "ground_troops"): "declined", ("BE", "neighbour_deployment"): "pledged"}),
    ("Spanien lehnt es ab, Soldaten in die Ukraine zu entsenden… aber immerhin in ein Nachbarland.",
     {("ES", "ground_troops"): "declined", ("ES", "neighbour_deployment"): "pledged"}),
    ("Dänemark schickt keine Truppen in die Ukraine, wohl aber Soldaten in ein Nachbarland.",
     {("DK", "ground_troops"): "declined", ("DK", "neighbour_deployment"): "pledged"}),
])
def test_an_offer_after_a_refusal_keeps_its_own_stance(text, expected):
    got = pairs(extract(text))
    for key, stance in expected.items():
        assert got.get(key) == stance, (key, got)


@pytest.mark.parametrize("text,pledged,declined", [
    ("Norwegen sagte Fregatten für das Schwarze Meer zu, eine Entsendung von Bodentruppen ausdrücklich "
     "ausgenommen.", ("NO", "maritime_security"), ("NO", "ground_troops")),
    ("Kanada sagte Aufklärung zu, Kampftruppen ausgeschlossen.", ("CA", "intelligence"),
     ("CA", "ground_troops")),
])
def test_a_trailing_participle_phrase_has_its_own_stance(text, pledged, declined):
    got = pairs(extract(text))
    assert got.get(pledged) == "pledged", got
    assert got.get(declined) == "declined", got


def test_a_trailing_participle_without_a_type_leaves_the_main_stance():
    got = pairs(extract("Estland sagte Munition zu, weitere Hilfe nicht ausschließend."))
    assert got.get(("EE", "weapons")) == "pledged", got


@pytest.mark.parametrize("text,key,stance", [
    # separable verbs in the past tense
    ("Eigene Kampfjets schloss Polen aus.", ("PL", "air_security"), "declined"),
    ("Eine Beteiligung an der Minenräumung im Schwarzen Meer schloss Schweden nicht aus.",
     ("SE", "maritime_security"), "considering"),
    # a long source phrase inside "sagte … zu"
    ("Griechenland sagte nach übereinstimmenden Angaben aus mehreren Delegationen Minenräumboote und "
     "Fregatten für das Schwarze Meer zu.", ("GR", "maritime_security"), "pledged"),
    # "angekündigt" with an infinitive clause
    ("Polen und Litauen haben angekündigt, Ausbilder für die ukrainische Armee zu stellen.",
     ("LT", "army_regeneration"), "pledged"),
    # a proposal is considering
    ("Ungarn schlug eine gemeinsame Finanzierung durch die Partner vor.", ("HU", "funding"), "considering"),
    ("Die Slowakei hat vorgeschlagen, die Kosten der Überwachung aus einem gemeinsamen Fonds zu zahlen.",
     ("SK", "funding"), "considering"),
])
def test_stance_verbs_of_the_fourth_round(text, key, stance):
    got = pairs(extract(text))
    assert got.get(key) == stance, got


@pytest.mark.parametrize("text,key", [
    ("Die Niederlande wollen an Land und zur See helfen.", ("NL", "ground_troops")),
    ("Die USA könnten Luftunterstützung leisten.", ("US", "air_security")),
    ("Österreich ist bereit, den Wiederaufbau des Stromnetzes zu finanzieren.", ("AT", "funding")),
    ("Schweden will die Ukraine weiter finanziell unterstützen.", ("SE", "funding")),
])
def test_type_cues_of_the_fourth_round(text, key):
    assert key in pairs(extract(text))


def test_swiss_francs_are_money():
    df = extract("Für die Minenräumung hat Österreich 30 Millionen Franken zugesagt.")
    row = df[(df.actor_id == "AT") & (df.type == "funding")].iloc[0]
    assert (row.quantity_min, row.unit) == (30e6, "CHF")


@pytest.mark.parametrize("text,amount", [
    ("bis 2030 insgesamt 4 Milliarden Euro", 4e9),
    ("ab 2027 jährlich 300 Millionen Euro", 300e6),
])
def test_a_year_before_an_amount_is_no_amount(text, amount):
    qs = find_quantities(text)
    assert [q.qmin for q in qs] == [amount]


# --- who commits: lists after a counted group, compound numbers, sources, polls, passive agents ---

def test_a_list_after_a_counted_group_names_the_members():
    got = pairs(extract("Frankreich will Truppen in die Ukraine schicken. Fünf Staaten haben abgesagt, "
                        "darunter Ungarn, die Slowakei und Griechenland."))
    for state in ("HU", "SK", "GR"):
        assert got.get((state, "ground_troops")) == "declined", got
    assert ("COALITION", "ground_troops") not in got


def test_a_list_after_unter_ihnen():
    got = pairs(extract("Polen will Soldaten schicken. Drei Staaten haben abgesagt, unter ihnen Ungarn und "
                        "Griechenland."))
    assert got.get(("HU", "ground_troops")) == "declined" and got.get(("GR", "ground_troops")) == "declined"


def test_places_listed_after_a_count_are_not_the_subject():
    got = pairs(extract("Frankreich will Soldaten schicken, und zwar in mehrere Länder, darunter Polen und "
                        "Litauen."))
    assert ("PL", "ground_troops") not in got and ("LT", "ground_troops") not in got
    assert ("FR", "ground_troops") in got


def test_a_refusal_noun_after_the_type_of_the_sentence_before():
    got = pairs(extract("Polen will Truppen in die Ukraine schicken. Ungarn und Griechenland erteilten eine "
                        "Absage."))
    assert got.get(("HU", "ground_troops")) == "declined", got
    assert got.get(("GR", "ground_troops")) == "declined", got


@pytest.mark.parametrize("text", [
    "Achtundzwanzig Staaten haben sich nach Angaben des französischen Präsidenten verpflichtet, Soldaten "
    "in die Ukraine zu entsenden.",
    "Dreizehn Länder haben laut Macron zugesagt, Soldaten zu stellen.",
])
def test_a_counted_group_with_a_source_is_the_coalition(text):
    got = pairs(extract(text))
    assert ("COALITION", "ground_troops") in got, got
    assert ("FR", "ground_troops") not in got


@pytest.mark.parametrize("text", [
    "Nach einer neuen Umfrage lehnen 64 Prozent der Befragten eine Entsendung deutscher Soldaten ab.",
    "Eine Umfrage zeigt ein klares Bild. 57 Prozent sind gegen jede Beteiligung deutscher Soldaten.",
    "Some 58 percent oppose sending British troops, a new survey found.",
])
def test_a_poll_is_no_commitment(text):
    assert extract(text, language="en" if "percent" in text else "de").empty


def test_a_share_without_a_poll_does_not_silence_a_commitment():
    got = pairs(extract("Deutschland will 2 Prozent mehr für Waffenlieferungen ausgeben."))
    assert ("DE", "weapons") in got


@pytest.mark.parametrize("text,language,actors,type_", [
    ("Die Sicherung der Seewege würde von Italien übernommen.", "de", {"IT"}, "maritime_security"),
    ("Die Ausbildung soll von Kanada und Dänemark geleistet werden.", "de", {"CA", "DK"},
     "army_regeneration"),
    ("Air policing would be provided by Belgium and the Netherlands.", "en", {"BE", "NL"}, "air_security"),
])
def test_the_agent_of_a_passive_clause_commits(text, language, actors, type_):
    got = pairs(extract(text, language=language))
    assert {a for a, t in got if t == type_} == actors, got


def test_a_passive_relative_clause_does_not_take_the_subject():
    got = pairs(extract("Frankreich will die Truppe führen, die von Deutschland ausgebildet wird."))
    assert ("FR", "ground_troops") in got and ("DE", "ground_troops") not in got


@pytest.mark.parametrize("text,key,stance", [
    ("Italienische Kampfjets werde es über der Ukraine nicht geben, sagte Meloni.", ("IT", "air_security"),
     "declined"),
    ("Zur Luftraumüberwachung hat Spanien noch nichts Verbindliches gesagt.", ("ES", "air_security"),
     "undecided"),
    ("Griechenland und Ungarn halten sich bei der Frage einer Beteiligung an der Truppe bedeckt.",
     ("GR", "ground_troops"), "undecided"),
])
def test_more_stance_words(text, key, stance):
    assert pairs(extract(text)).get(key) == stance


@pytest.mark.parametrize("text,actor,type_,expected", [
    ("Spanien stellt Soldaten bereit. „Aber wir brauchen die Rückendeckung Amerikas“, sagte der Minister.",
     "ES", "ground_troops", {"us_backstop"}),
    ("Die Koalition der Willigen will eine Truppe aufstellen, die nach einem Ende der Kämpfe abschrecken "
     "soll.",
     "COALITION", "ground_troops", {"ceasefire"}),
    ("Österreich würde Beobachter entsenden. Dafür brauche es ein Mandat der OSZE.", "AT",
     "ceasefire_monitoring", {"other"}),
    ("Ob Soldaten aus Deutschland dabei sind, ließ Merz offen. Darüber entscheide man zusammen mit dem "
     "Bundestag.", "DE", "ground_troops", {"parliament_approval"}),
])
def test_conditions_of_the_fourth_round(text, actor, type_, expected):
    df = extract(text)
    rows = df[(df.actor_id == actor) & (df.type == type_)]
    assert len(rows), pairs(df)
    assert expected <= set().union(*[set(c) for c in rows.conditions])


# --- modal before an infinitive, place before the troop word, appositions, named groups, gapping,
# --- nobody in particular ---

def test_a_modal_before_a_pledging_infinitive_is_considering():
    got = pairs(extract("Die USA könnten Luftunterstützung und Aufklärung zusagen, heißt es in Brüssel."))
    assert got.get(("US", "intelligence")) == "considering", got
    assert pairs(extract("Italien wird Fregatten zusagen.")).get(("IT", "maritime_security")) == "pledged"


@pytest.mark.parametrize("text", [
    "Deutschland hat zugesagt, in Polen und Litauen Soldaten zu stationieren.",
    "Deutschland will in Litauen bis zu 5.000 Soldaten stationieren.",
])
def test_a_state_named_before_the_troop_word_is_a_neighbour_deployment(text):
    got = pairs(extract(text))
    assert ("DE", "neighbour_deployment") in got and ("DE", "ground_troops") not in got, got


def test_troops_in_ukraine_named_before_stay_troops():
    assert ("DE", "ground_troops") in pairs(extract("Deutschland will in der Ukraine keine Soldaten "
                                                    "stationieren."))


def test_a_stance_word_in_an_apposition_describes_the_actor():
    got = pairs(extract("Und selbst Italien, lange zögerlich, hat zugesagt, Kampfjets zu stellen."))
    assert got.get(("IT", "air_security")) == "pledged", got


@pytest.mark.parametrize("text,language,members,type_", [
    ("Frankreich will Truppen schicken. Die drei baltischen Staaten haben angekündigt, Ausbilder zu "
     "entsenden.", "de", {"EE", "LV", "LT"}, "army_regeneration"),
    ("The Nordic countries will send minehunters to the Black Sea.", "en", {"DK", "FI", "IS", "NO", "SE"},
     "maritime_security"),
])
def test_a_group_named_by_an_adjective_is_its_members(text, language, members, type_):
    got = pairs(extract(text, language=language))
    assert {a for a, t in got if t == type_} == members, got


@pytest.mark.parametrize("text,key", [
    ("Deutschland liefert Panzer, Frankreich Munition.", ("FR", "weapons")),
    ("Frankreich will nach einem Waffenstillstand bis zu 6.000 Soldaten stellen, Großbritannien eine "
     "Brigade.", ("GB", "ground_troops")),
])
def test_a_gapped_clause_after_a_comma_has_its_own_state(text, key):
    got = pairs(extract(text))
    assert key in got, got


def test_a_list_of_places_after_a_comma_is_no_gapped_clause():
    got = pairs(extract("Frankreich schickt Soldaten aus mehreren Regionen, Polen, Litauen und Lettland."))
    assert set(got) == {("FR", "ground_troops")}


@pytest.mark.parametrize("text", [
    "Solange Russland weiter angreift, wird niemand deutsche Soldaten in die Ukraine schicken.",
    "Ungarn, Griechenland und Polen lehnen Truppen ab. Manche von ihnen wollen sich an der Finanzierung "
    "beteiligen.",
])
def test_nobody_in_particular_commits_nothing(text):
    got = pairs(extract(text))
    assert not any(t == "funding" for _, t in got) and ("DE", "ground_troops") not in got, got


# --- conditions that go on, proposals, organs of a body ---

def test_a_gapped_clause_keeps_the_conditions_of_the_clause_before():
    df = extract("Frankreich will nach einem Waffenstillstand bis zu 6.000 Soldaten stellen, Großbritannien "
                 "eine Brigade.")
    rows = df[(df.actor_id == "GB") & (df.type == "ground_troops")]
    assert len(rows) and "ceasefire" in set(rows.conditions.iloc[0])


@pytest.mark.parametrize("text,actor,type_,expected", [
    ("Polen könnte Aufklärung zusagen, aber nur, wenn die Partner die Kosten tragen.", "PL", "intelligence",
     {"other"}),
    ("Italien ließ offen, ob es Soldaten schickt. Entscheidend sei, in welchem Umfang sich die USA "
     "beteiligen.", "IT", "ground_troops", {"us_backstop"}),
    ("Österreich könnte Beobachter schicken. Nötig sei ein Mandat der UNO oder der OSZE.", "AT",
     "ceasefire_monitoring", {"other"}),
])
def test_more_conditions_of_the_fourth_round(text, actor, type_, expected):
    df = extract(text)
    rows = df[(df.actor_id == actor) & (df.type == type_)]
    assert len(rows), pairs(df)
    assert expected <= set().union(*[set(c) for c in rows.conditions])


def test_a_proposal_governs_the_infinitive_after_it():
    got = pairs(extract("Ungarn hat vorgeschlagen, die Kosten der Truppe aus einem gemeinsamen Fonds zu "
                        "übernehmen."))
    assert got.get(("HU", "funding")) == "considering", got


def test_a_negative_determiner_is_no_nobody():
    got = pairs(extract("Österreich werde sich an keiner Kampftruppe beteiligen, sagte die Ministerin."))
    assert got.get(("AT", "ground_troops")) == "declined", got


def test_an_organ_of_a_body_commits_for_the_body():
    from ukrsec.commitments.lexicon import lexicon
    from ukrsec.commitments.subject import committing_actor
    actors = {"org:commission": {"type": "organization", "name": "European Commission", "country": None}}
    assert committing_actor("org:commission", actors, lexicon(None)) == "EU"
    actors["org:afp"] = {"type": "organization", "name": "Agence France-Presse", "country": "FR",
                         "kind": "media"}
    assert committing_actor("org:afp", actors, lexicon(None)) is None


# --- number words before a multiplier ---

@pytest.mark.parametrize("text,language,expected", [
    ("rund zwölf Milliarden Euro", "de", (12e9, 12e9, "EUR")),
    ("eine Milliarde Franken", "de", (1e9, 1e9, "CHF")),
    ("zwei bis drei Milliarden Euro", "de", (2e9, 3e9, "EUR")),
    ("between two and four billion pounds", "en", (2e9, 4e9, "GBP")),
])
def test_number_words_before_a_multiplier(text, language, expected):
    from ukrsec.commitments.lexicon import lexicon
    from ukrsec.commitments.quantities import quantities
    qs = quantities(text.lower(), language, lexicon(None).quant)
    assert [(q.qmin, q.qmax, q.unit) for q in qs] == [expected]


@pytest.mark.parametrize("text", ["zwei Fregatten und drei Minenräumboote", "im Jahr 2027 zwölf Milliarden"])
def test_number_words_without_multiplier_or_unit_are_no_amount(text):
    assert [q for q in find_quantities(text) if q.unit is not None and q.qmin == 2027] == []
    assert find_quantities("zwei Fregatten") == []


def test_a_year_before_a_number_word_amount_takes_no_unit():
    df = extract("Deutschland plane dafür im Haushalt 2027 rund elf Milliarden Euro ein.")
    row = df[(df.actor_id == "DE") & (df.type == "funding")].iloc[0]
    assert (row.quantity_min, row.stance) == (11e9, "pledged")


# --- recipients, sources of reports, more conditions ---

@pytest.mark.parametrize("text,key", [
    ("Dänemark hat 500 Millionen Euro für die ukrainische Rüstungsindustrie zugesagt.",
     ("DK", "defence_industry")),
    ("Schweden will eine ukrainische Ausbildungsmission in Polen unterstützen.",
     ("SE", "army_regeneration")),
])
def test_a_ukrainian_adjective_marks_the_one_helped(text, key):
    assert key in pairs(extract(text))


def test_the_ukrainian_industry_itself_commits_nothing():
    assert extract("Die ukrainische Rüstungsindustrie produziert inzwischen Millionen Drohnen.").empty


def test_the_source_of_a_report_is_no_silent_subject():
    got = pairs(extract("Laut einem Bericht der AFP erwägt Italien, Minenräumer ins Schwarze Meer zu "
                        "entsenden."))
    assert got.get(("IT", "maritime_security")) == "considering", got


@pytest.mark.parametrize("text,actor,type_,expected", [
    ("Belgien stellt Kampfjets für die Luftraumüberwachung bereit, die Entscheidung darüber trifft aber das "
     "Parlament.", "BE", "air_security", {"parliament_approval"}),
    ("Estland ist bereit, Soldaten zu entsenden, falls die USA Rückendeckung geben.", "EE", "ground_troops",
     {"us_backstop"}),
])
def test_conditions_with_the_decision_or_the_backing_named_last(text, actor, type_, expected):
    df = extract(text)
    rows = df[(df.actor_id == actor) & (df.type == type_)]
    assert len(rows), pairs(df)
    assert expected <= set().union(*[set(c) for c in rows.conditions])


def test_money_as_a_word_after_mit():
    got = pairs(extract("Die Slowakei lehnt jede Beteiligung ab – sowohl mit Soldaten als auch mit Geld."))
    assert got.get(("SK", "funding")) == "declined", got


# --- "nicht nur … sondern auch", "weder … noch", military participation ---

@pytest.mark.parametrize("text,language,expected", [
    ("Frankreich will nicht nur Soldaten stellen, sondern auch Kampfjets.", "de",
     {("FR", "ground_troops"): "pledged", ("FR", "air_security"): "pledged"}),
    ("Britain will not only send troops but also warships.", "en",
     {("GB", "ground_troops"): "pledged", ("GB", "maritime_security"): "pledged"}),
    ("Britain will not send troops.", "en", {("GB", "ground_troops"): "declined"}),
])
def test_not_only_adds_instead_of_refusing(text, language, expected):
    got = pairs(extract(text, language=language))
    for key, stance in expected.items():
        assert got.get(key) == stance, got


def test_weder_noch_refuses_for_both_states():
    got = pairs(extract("Weder Ungarn noch die Slowakei wollen Soldaten schicken."))
    assert got.get(("HU", "ground_troops")) == "declined" and got.get(("SK", "ground_troops")) == "declined"


def test_military_participation_as_a_verb_phrase():
    got = pairs(extract("Österreich will sich nicht militärisch beteiligen, sondern humanitäre Hilfe "
                        "leisten."))
    assert got.get(("AT", "ground_troops")) == "declined", got


# --- values of things, reported hedges, conditionals, answers to questions ---

def test_a_sum_after_a_value_phrase_is_no_funding_of_its_own():
    df = extract("Litauen kündigte an, der Ukraine weitere Munition im Wert von 50 Millionen Euro zu "
                 "liefern.")
    got = pairs(df)
    assert ("LT", "weapons") in got and ("LT", "funding") not in got, got
    assert df[df.type == "weapons"].quantity_min.iloc[0] == 50e6


def test_a_sum_for_a_thing_stays_funding():
    got = pairs(extract("Litauen sagte 50 Millionen Euro für Munition zu."))
    assert ("LT", "funding") in got and ("LT", "weapons") in got


@pytest.mark.parametrize("text,key", [
    ("Spanien soll angeblich bereit sein, Fregatten zu stellen.", ("ES", "maritime_security")),
    ("Die Niederlande wären grundsätzlich bereit, Soldaten zu entsenden.", ("NL", "ground_troops")),
])
def test_reported_and_conditional_readiness_is_considering(text, key):
    assert pairs(extract(text)).get(key) == "considering"


@pytest.mark.parametrize("text,key,stance", [
    ("Schickt Deutschland bald Soldaten? Das ist noch völlig offen.", ("DE", "ground_troops"), "undecided"),
    ("Schickt Deutschland bald Kampfjets? Diskussionen darüber seien verfrüht.",
     ("DE", "air_security"), "undecided"),
    ("Will Britain send troops? That remains unclear.", ("GB", "ground_troops"), "undecided"),
])
def test_an_answer_of_doubt_or_refusal_gives_the_question_its_stance(text, key, stance):
    got = pairs(extract(text, language="en" if text.startswith("Will") else "de"))
    assert got.get(key) == stance, got


@pytest.mark.parametrize("text", [
    "Schickt Deutschland Soldaten? Frankreich lehnt das ab.",   # another state answers for itself
    "Schickt Deutschland Soldaten? Das wollen viele wissen.",   # no doubt, no refusal
    "Schickt Deutschland Soldaten?",
])
def test_a_question_alone_or_with_another_answer_gives_no_row_for_the_asked_state(text):
    assert ("DE", "ground_troops") not in pairs(extract(text))


# --- a federal body shared by German-speaking states ---

def _refs(*items):
    from ukrsec.commitments.subject import ActorRef
    out = []
    for i, (actor, commit) in enumerate(items):
        ref = ActorRef(i * 10, i * 10 + 5, commit, False, "name")
        ref.actor = actor
        out.append(ref)
    return out


AMAP = {"org:bundesrat": {"type": "organization", "name": "Bundesrat", "country": "DE"},
        "CH": {"type": "country", "name": "Switzerland"}, "DE": {"type": "country", "name": "Germany"}}


def test_the_bundesrat_of_a_swiss_article_is_switzerland():
    from ukrsec.commitments.lexicon import lexicon
    from ukrsec.commitments.subject import home_bodies
    refs = _refs(("CH", "CH"), ("CH", "CH"), ("org:bundesrat", "DE"), ("DE", "DE"), ("CH", "CH"))
    home_bodies(refs, AMAP, lexicon(None))
    assert refs[2].commit == "CH"


def test_the_bundesrat_of_a_german_article_stays_german():
    from ukrsec.commitments.lexicon import lexicon
    from ukrsec.commitments.subject import home_bodies
    refs = _refs(("CH", "CH"), ("org:bundesrat", "DE"), ("DE", "DE"), ("CH", "CH"), ("DE", "DE"))
    home_bodies(refs, AMAP, lexicon(None))
    assert refs[1].commit == "DE"
