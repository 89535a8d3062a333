"""Which verb of saying a quotation belongs to when a sentence holds several (seventh session,
issue 14): the verb whose clause holds the quotation, the subject of a German verb-final clause,
the subject of coordinated verbs, a listener named in a possessive chain. Every sentence was
written for these tests."""

from __future__ import annotations

from test_quotes_blind4 import one, run

BERG = ("Anna Berg", "P:berg", "name")
WEBER = ("Petra Lang", "P:lang", "name")
REED = ("Vera Kühn", "P:kuehn", "name")
KEIR = ("Keir Starmer", "P:starmer", "name")


def test_a_short_quotation_in_the_clause_of_a_verb_before_it_is_that_verbs() -> None:
    text = ("Speaking hours after Anna Berg announced she and Petra Lang would meet “as soon as "
            "possible” in Geneva, Vera Kühn insisted the talks were not over.")
    assert one(run(text, [BERG, WEBER, REED], "en"), "as soon as")["speaker_id"] == "P:berg"


def test_a_verb_right_after_the_quotation_still_wins() -> None:
    text = "“We will be there as soon as possible,” Vera Kühn insisted after Anna Berg had named the date."
    assert one(run(text, [BERG, REED], "en"), "as soon as")["speaker_id"] == "P:kuehn"
    text = "Anna Berg sprach von einem „guten Anfang“, sagte Petra Lang am Abend."
    assert one(run(text, [BERG, WEBER]), "guten Anfang")["speaker_id"] == "P:lang"


def test_the_subject_of_a_german_verb_final_clause_stands_after_the_complementizer() -> None:
    text = ("Zuvor hatte das Ministerium mitgeteilt, dass Anna Berg der Präsidentin Petra Lang gesagt "
            "habe, ihr Land sei „ohne Einschränkung“ bereit.")
    assert one(run(text, [BERG, WEBER]), "ohne Einschränkung")["speaker_id"] == "P:berg"
    text = "Es hieß, dass Petra Lang am Telefon gesagt habe, man sei „zu allem bereit“."
    assert one(run(text, [BERG, WEBER]), "zu allem bereit")["speaker_id"] == "P:lang"


def test_coordinated_verbs_share_the_subject_of_the_first() -> None:
    text = ("In a conversation with City Radio’s Political Editor Vera Kühn, Anna Berg praised the talks "
            "but insisted her country must remain “free and whole”.")
    assert one(run(text, [BERG, REED], "en"), "free and whole")["speaker_id"] == "P:berg"
    text = ("Anna Berg spoke first. She will meet President Petra Lang in Rome next week and said a "
            "“firm promise from Washington” was needed.")
    assert one(run(text, [BERG, WEBER], "en"), "firm promise")["speaker_id"] == "P:berg"


def test_the_object_of_the_first_verb_is_not_the_subject_of_the_second() -> None:
    text = "Anna Berg rief Petra Lang an und sagte, sie sei „sehr zufrieden“ mit dem Ergebnis."
    assert one(run(text, [BERG, WEBER]), "sehr zufrieden")["speaker_id"] == "P:berg"


def test_a_comma_after_an_opening_phrase_is_no_apposition_of_the_name_before() -> None:
    text = ("Prime Minister Sir Keir Starmer met the press.\n\n"
            "In a talk with Radio North’s Chief Reporter Vera Kühn, the prime minister praised the plan "
            "but insisted the country must stay “whole and free”.")
    q = run(text, [KEIR, REED], "en")
    assert one(q, "whole and free")["speaker_id"] == "P:starmer"


def test_an_apposition_closed_by_a_comma_still_gives_the_role() -> None:
    text = ("Vera Kühn, the prime minister, opened the session.\n\nLater the prime minister said the "
            "offer was “final”.")
    assert one(run(text, [REED, KEIR], "en"), "final")["speaker_id"] == "P:kuehn"


def test_the_pm_in_capitals_is_the_prime_minister_and_a_pronoun_after_it_too() -> None:
    text = ("Prime Minister Keir Starmer spoke in the morning. Anna Berg replied at 5 pm.\n\n"
            "The PM had only hinted at it before. He will meet Anna Berg next week and said a "
            "“clear promise” was needed.")
    q = run(text, [KEIR, BERG], "en")
    assert one(q, "clear promise")["speaker_id"] == "P:starmer"


def test_a_quotation_inside_reported_speech_is_the_reported_speakers() -> None:
    text = "Anna Berg sagte, sie werde „gründlich prüfen“, erklärte Petra Lang am Abend."
    assert one(run(text, [BERG, WEBER]), "gründlich prüfen")["speaker_id"] == "P:berg"
    text = "Anna Berg sagte, dass sie das Angebot „mit Freude“ annehme, berichtete Petra Lang."
    assert one(run(text, [BERG, WEBER]), "mit Freude")["speaker_id"] == "P:berg"
    text = "Anna Berg said she would “think it over,” Vera Kühn told reporters."
    assert one(run(text, [BERG, REED], "en"), "think it over")["speaker_id"] == "P:berg"


def test_a_quotation_after_the_reported_clause_is_the_reporters() -> None:
    text = "Anna Berg sagte, sie komme am Montag. „Wir warten nicht“, erklärte Petra Lang."
    assert one(run(text, [BERG, WEBER]), "Wir warten nicht")["speaker_id"] == "P:lang"
    text = "Anna Berg spoke of a “good start,” Vera Kühn said."
    assert one(run(text, [BERG, REED], "en"), "good start")["speaker_id"] == "P:kuehn"
