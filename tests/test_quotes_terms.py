"""Tests of ``ukrsec.quotes.terms``: titles, names and scare quotes are terms; short speech is speech."""

from __future__ import annotations

import pandas as pd
import pytest
from test_quotes import one, run

from ukrsec import quotes as quotes_stage
from ukrsec import schema, segment


def run_en(text: str) -> pd.DataFrame:
    arts = schema.frame("articles", [{"article_id": "a1", "text": text, "language": "en"}])
    return quotes_stage.extract(arts, segment.segment(arts), None, None)


@pytest.mark.parametrize(
    "text,needle",
    [
        ("Das Programm „Sichere Häfen“ soll verlängert werden, sagte die Ministerin.", "Sichere Häfen"),
        ("Der Bundestag beriet über das »Gesetz zur Stärkung der Reserve«.", "Gesetz zur"),
        ("Die Armee nennt den Einsatz intern „Operation Nordlicht“.", "Operation Nordlicht"),
        ("Die Zeitung „Morgenpost“ berichtete zuerst darüber.", "Morgenpost"),
        ("„Das ist Unsinn“, sagte der Abgeordnete Karl Brenner der „Rundschau“.", "Rundschau"),
        ("In seinem Buch „Frieden ohne Waffen“ beschreibt er den Plan.", "Frieden ohne"),
    ],
)
def test_titles_of_programmes_laws_operations_papers_and_books_are_terms(text: str, needle: str) -> None:
    assert one(run(text), needle)["kind"] == "term"


@pytest.mark.parametrize(
    "text,needle",
    [
        ('The plan, code-named "Iron Gate", includes air patrols.', "Iron Gate"),
        ('Her new book, "The Cost of Waiting", argues for early action.', "The Cost of Waiting"),
        ('A report titled "Deterrence in Depth" was published on Monday.', "Deterrence in Depth"),
        ('The debate follows "Winter Lines," a documentary shown last week.', "Winter Lines"),
    ],
)
def test_english_titles_are_terms(text: str, needle: str) -> None:
    assert one(run_en(text), needle)["kind"] == "term"


@pytest.mark.parametrize(
    "text,needle,speaker",
    [
        ("Merz sagte, er schließe „nichts aus“.", "nichts aus", "Merz"),
        (
            "Die Kanzlerin warnte vor „gefährlichen Illusionen“, sagte Meyer.",
            "gefährlichen Illusionen",
            "Meyer",
        ),
        ("Macron sprach von «dauerhaften und glaubwürdigen Garantien».", "dauerhaften", "Macron"),
        ('Ashgrove accused the minister of a "basic failure of planning".', "basic failure", "Ashgrove"),
    ],
)
def test_short_phrases_with_a_verb_of_saying_are_speech(text: str, needle: str, speaker: str) -> None:
    r = one(run_en(text) if text.isascii() else run(text), needle)
    assert r["kind"] == "direct" and r["speaker_text"].split()[-1] == speaker


def test_a_title_case_quotation_next_to_a_verb_stays_speech() -> None:
    r = one(run_en('"Peace Through Strength," said Senator Lane Hollis.'), "Peace Through")
    assert r["kind"] == "direct" and "Hollis" in r["speaker_text"]


def test_a_capitalized_phrase_with_a_number_is_no_title() -> None:
    r = one(run_en('Lane Hollis said Europe could offer "Article 5-like" protection.'), "Article 5")
    assert r["kind"] == "direct"
