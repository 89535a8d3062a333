"""More speakers carried to quotations without a cue (seventh session, issue 14): a pull quote with
its credit line, reported speech between the speaker and the quotation, attitudes in quotation
marks ("zeigte sich „…“"), objects listed after a preposition. Every sentence was written for these
tests."""

from __future__ import annotations

import pandas as pd
from test_quotes_blind4 import MERZ, one, run

BERG = ("Anna Berg", "P:berg", "name")
LANG = ("Petra Lang", "P:lang", "name")
KUEHN = ("Vera Kühn", "P:kuehn", "name")


def test_a_pull_quote_takes_the_name_on_the_line_below_it() -> None:
    text = ("Merz sprach am Morgen im Bundestag über die Pläne.\n\n"
            "„Wir reden viel über Verträge, aber draußen zählt nur, was ankommt.“\n"
            "Anna Berg, Hauptfrau der Reserve\n\n"
            "Berg dient seit zwölf Jahren.")
    assert one(run(text, [MERZ, BERG]), "draußen zählt")["speaker_id"] == "P:berg"


def test_a_long_credit_line_is_no_name_line() -> None:
    text = ("Merz sprach am Morgen im Bundestag über die Pläne und sagte, man sei bereit.\n\n"
            "„Wir reden viel über Verträge, aber draußen zählt nur, was ankommt.“\n"
            "Anna Berg, die seit zwölf Jahren in der Reserve dient und heute in Ulm lebt, sieht das anders.")
    assert one(run(text, [MERZ, BERG]), "draußen zählt")["speaker_id"] != "P:berg"


def test_reported_speech_between_the_speaker_and_the_quotation_is_passed_over() -> None:
    text = ("Es werde nun verhandelt, hofft Anna Berg. Für die Nachbarn bedeute das keine Gefahr. "
            "Auch die Gespräche in Genf seien gut verlaufen. „Dann haben wir endlich eine Grundlage.“")
    assert one(run(text, [BERG]), "endlich eine Grundlage")["speaker_id"] == "P:berg"
    text = ("Es werde nun verhandelt, hofft Anna Berg. Die Gespräche in Genf laufen seit Montag. "
            "Das Wetter ist schlecht. „Dann haben wir endlich eine Grundlage.“")
    assert pd.isna(one(run(text, [BERG]), "endlich eine Grundlage")["speaker_id"])


def test_a_noun_after_an_article_is_no_speaker_of_a_passive_verb() -> None:
    text = ("Anna Berg zeigte sich zuversichtlich. Es gebe die Chance, dass bald über einen Frieden "
            "gesprochen werde. „Das wäre der erste Schritt seit Jahren.“")
    assert one(run(text, [BERG]), "erste Schritt")["speaker_id"] == "P:berg"


def test_an_attitude_in_quotation_marks_is_said_by_who_shows_it() -> None:
    text = "Nach dem Treffen zeigte sich Anna Berg „vorsichtig optimistisch“."
    row = one(run(text, [BERG]), "vorsichtig optimistisch")
    assert (row["kind"], row["speaker_id"]) == ("direct", "P:berg")
    text = "Petra Lang begrüßte es „ausdrücklich“, dass die Nachbarn helfen wollen."
    row = one(run(text, [LANG]), "ausdrücklich")
    assert (row["kind"], row["speaker_id"]) == ("direct", "P:lang")


def test_people_listed_after_a_preposition_are_objects_not_speakers() -> None:
    text = ("Anna Berg teilte mit, die Gespräche kämen voran. Am Ende solle es ein Treffen zwischen den "
            "Ministerinnen Petra Lang, Vera Kühn und ihr selbst geben, „bei dem wir alles klären können“.")
    assert one(run(text, [BERG, LANG, KUEHN]), "alles klären")["speaker_id"] == "P:berg"
