"""Tests of ``ukrsec.quotes.indirect``: reported speech as rows of kind ``indirect``."""

from __future__ import annotations

import pandas as pd
import pytest

from ukrsec import quotes as quotes_stage
from ukrsec import schema, segment

ACTORS = [
    {"actor_id": "P:merz", "name": "Friedrich Merz", "type": "person"},
    {"actor_id": "P:healey", "name": "John Healey", "type": "person"},
]


def reported(text: str, lang: str, mentions: list[tuple[str, str]] = ()) -> pd.DataFrame:
    arts = schema.frame("articles", [{"article_id": "a1", "text": text, "language": lang}])
    sents = segment.segment(arts)
    rows = [
        {
            "article_id": "a1",
            "sentence_id": 0,
            "start": text.index(s),
            "end": text.index(s) + len(s),
            "surface": s,
            "actor_id": a,
            "mention_kind": "name",
        }
        for s, a in mentions
    ]
    ments = schema.frame("mentions", rows) if rows else schema.empty("mentions")
    q = quotes_stage.extract(arts, sents, ments, schema.frame("actors", ACTORS))
    for _, r in q.iterrows():
        assert text[r["start"] : r["end"]] == r["quote"]
    return q[q["kind"] == "indirect"].reset_index(drop=True)


@pytest.mark.parametrize(
    "text,clause,speaker",
    [
        (
            "Merz sagte, Deutschland sei zu weiteren Hilfen bereit.",
            "Deutschland sei zu weiteren Hilfen bereit",
            "Merz",
        ),
        (
            "Die Ministerin Anna Roth erklärte am Montag, die Truppe solle den Luftraum schützen.",
            "die Truppe solle den Luftraum schützen",
            "Roth",
        ),
        (
            "Er kündigte an, dass das Kabinett den Entwurf im März beschließen werde.",
            "das Kabinett den Entwurf im März beschließen werde",
            None,
        ),
        (
            "Das Gesetz gebe der Regierung zu viel Spielraum, sagte Pellmann.",
            "Das Gesetz gebe der Regierung zu viel Spielraum",
            "Pellmann",
        ),
    ],
)
def test_german_reported_speech(text: str, clause: str, speaker: str | None) -> None:
    q = reported(text, "de")
    assert clause in list(q["quote"])
    if speaker:
        assert q.loc[list(q["quote"]).index(clause), "speaker_text"].split()[-1] == speaker


@pytest.mark.parametrize(
    "text,clause,speaker",
    [
        (
            "John Healey said that the plans would need a ceasefire first.",
            "the plans would need a ceasefire first",
            "P:healey",
        ),
        (
            "John Healey said the army was ready to deploy within weeks.",
            "the army was ready to deploy within weeks",
            "P:healey",
        ),
        (
            "John Healey spoke to MPs. Any deployment would be treated as a defensive act, he said.",
            "Any deployment would be treated as a defensive act",
            "P:healey",
        ),
    ],
)
def test_english_reported_speech(text: str, clause: str, speaker: str) -> None:
    q = reported(text, "en", [("John Healey", "P:healey")])
    assert clause in list(q["quote"])
    assert q.loc[list(q["quote"]).index(clause), "speaker_id"] == speaker


def test_a_konjunktiv_sentence_continues_the_speaker_before() -> None:
    text = "Friedrich Merz sagte, Deutschland sei bereit. Die Hilfe werde im nächsten Jahr verdoppelt."
    q = reported(text, "de", [("Friedrich Merz", "P:merz")])
    assert list(q["quote"]) == ["Deutschland sei bereit", "Die Hilfe werde im nächsten Jahr verdoppelt"]
    assert list(q["speaker_id"]) == ["P:merz", "P:merz"]


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Der Gipfel endet am Freitag. Die Regierung sei gespalten, heißt es.", "xx"),
        ("„Wir sind bereit“, sagte Merz.", "de"),
        ('"We are ready," John Healey said.', "en"),
        ("The shadow minister, Martin Ashgrove, accused the government of delays.", "en"),
        ("Ursula von der Leyen urged members to agree a loan, calling it a guarantee.", "en"),
    ],
)
def test_no_reported_speech(text: str, lang: str) -> None:
    assert reported(text, lang).empty


def test_a_continuing_konjunktiv_sentence_may_quote_words() -> None:
    text = "Friedrich Merz sagte, Deutschland sei bereit. Man könne aber „noch mehr leisten als bisher“."
    q = reported(text, "de", [("Friedrich Merz", "P:merz")])
    assert list(q["speaker_id"]) == ["P:merz", "P:merz"]
    assert q.loc[1, "quote"].startswith("Man könne aber")
