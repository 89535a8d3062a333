"""Timeline: temporal expressions (German, English), resolution rules, non-events, events table."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest

from ukrsec import schema, segment, timeline

D = dt.date
# 2026-01-07 is a Wednesday
WED = D(2026, 1, 7)


def found(text: str, ref: dt.date | None = WED, lang: str | None = None) -> list[tuple[str, str, str]]:
    return [(f.text, f.date, f.precision) for f in timeline.find_dates(text, ref, lang=lang)]


def dates(text: str, ref: dt.date | None = WED) -> list[str]:
    return [f.date for f in timeline.find_dates(text, ref)]


# --------------------------------------------------------------------------- full dates

@pytest.mark.parametrize("text", [
    "Am 6. Januar 2026 trafen sie sich.", "Das Treffen am 06.01.2026 in Paris.", "Meeting on 2026-01-06.",
    "Leaders met on January 6, 2026 in Paris.", "Leaders met on 6 January 2026 in Paris.",
])
def test_full_dates_in_every_form(text):
    (hit,) = found(text, ref=None)
    assert hit[1:] == ("2026-01-06", "day")
    assert hit[0] in text and hit[0][0].isdigit() or hit[0].startswith("January")


def test_full_date_span_points_into_text():
    text = "Vorspann. Am 6. Januar 2026 fand das Treffen statt."
    (f,) = timeline.find_dates(text, None)
    assert text[f.start:f.end] == f.text == "6. Januar 2026"


def test_day_and_month_without_year_take_the_nearest_year():
    assert dates("Am 28. Dezember hatte Trump Selenskyj empfangen.") == ["2025-12-28"]
    assert dates("Am 15. Januar soll der Vertrag unterzeichnet werden.") == ["2026-01-15"]
    assert dates("The talks on January 9 in Geneva.") == ["2026-01-09"]


# --------------------------------------------------------------------------- months and years

def test_month_with_year_is_explicit_and_needs_no_reference():
    assert found("Die Koalition wurde im März 2025 gegründet.", ref=None) == [
        ("im März 2025", "2025-03", "month")]
    assert found("The coalition was founded in March 2025.", ref=None) == [
        ("in March 2025", "2025-03", "month")]


def test_month_without_year_in_past_context_takes_the_year_before():
    assert found("26 Länder hatten sich im September bereit erklärt.", ref=D(2026, 1, 6)) == [
        ("im September", "2025-09", "month")]


def test_turn_of_the_year_december_in_a_january_article():
    assert found("Im Dezember hatten die Verbündeten beraten.", ref=WED) == [
        ("Im Dezember", "2025-12", "month")]
    assert dates("Mitte Dezember trafen sich die Außenminister.") == ["2025-12"]
    # the same month in a December article is the current one
    assert dates("Im Dezember hatten die Verbündeten beraten.", ref=D(2025, 12, 20)) == ["2025-12"]


def test_month_in_future_context_takes_the_next_occurrence():
    assert dates("Im März soll die Truppe einsatzbereit sein.") == ["2026-03"]
    assert dates("Im März war die Koalition gegründet worden.") == ["2025-03"]


def test_month_modifiers_and_genitive_years():
    assert dates("Im Dezember letzten Jahres war er in Kiew.", ref=D(2026, 5, 1)) == ["2025-12"]
    assert dates("Im vergangenen Januar traf er ihn.", ref=D(2026, 1, 20)) == ["2025-01"]
    assert dates("Im kommenden Januar will er reisen.", ref=D(2026, 1, 20)) == ["2027-01"]


def test_parts_of_month_and_year():
    assert found("Anfang 2026 soll es beginnen.", ref=None) == [("Anfang 2026", "2026", "year")]
    assert found("Ende Januar 2026 kam es zum Gipfel.", ref=None) == [
        ("Ende Januar 2026", "2026-01", "month")]
    assert found("Bis dahin soll Ende des Jahres alles fertig sein.") == [("Ende des Jahres", "2026", "year")]
    assert dates("The deal is expected to be signed later this year.") == ["2026"]
    assert found("Im Jahr 2022 begann die Invasion.", ref=None) == [("Im Jahr 2022", "2022", "year")]


# --------------------------------------------------------------------------- weekdays and relative days

def test_weekday_in_past_sentence_resolves_backwards():
    assert found("Das sagte Starmer am Dienstag in Paris.") == [("am Dienstag", "2026-01-06", "day")]
    assert dates("Starmer said on Monday that troops would go.") == ["2026-01-05"]


def test_weekday_in_future_sentence_resolves_forwards():
    assert dates("Merz wird am Montag nach Paris reisen.") == ["2026-01-12"]
    assert dates("Am Freitag sollen die Minister beraten.") == ["2026-01-09"]
    assert dates("The leaders will meet on Thursday.") == ["2026-01-08"]


def test_weekday_tense_is_read_in_its_clause():
    # a future verb elsewhere in the sentence does not pull a reported past weekday forward
    s = '"Die Truppe soll in der Ukraine stationiert werden", sagte Macron am Dienstag.'
    assert dates(s) == ["2026-01-06"]


def test_weekday_modifiers_and_same_day():
    assert dates("He met Zelensky last Thursday.") == ["2026-01-01"]
    assert dates("Nächsten Mittwoch soll abgestimmt werden.") == ["2026-01-14"]
    assert dates("Am Mittwoch erklärte der Kanzler.") == ["2026-01-07"]  # the reference day itself


def test_weekday_of_a_named_week():
    ref = D(2025, 9, 10)  # Wednesday
    assert found("Am Donnerstag vergangener Woche hatten sich 26 Staaten geeinigt.", ref) == [
        ("Am Donnerstag vergangener Woche", "2025-09-04", "day")]
    assert dates("He met Putin on Thursday last week.", ref) == ["2025-09-04"]
    assert dates("Am Dienstag der kommenden Woche soll abgestimmt werden.", ref) == ["2025-09-16"]
    assert dates("Am Freitag nächster Woche wird entschieden.", ref) == ["2025-09-19"]
    # a week phrase in another clause does not bind to the weekday
    assert dates("Vergangene Woche sagte er, am Montag komme er.", ref) == ["2025-09", "2025-09-08"]


def test_full_dates_at_years_agrees_with_find_full_dates():
    from ukrsec.dates import find_full_dates, full_dates_at_years

    text = ("Am 6. Januar 2026 und am 06.01.2026, dann 2026-01-06, January 6, 2026, 6 January 2026; "
            "nicht 15.000 oder 2025 Soldaten, 31. Februar 2026 gibt es nicht. Im Jahr 2024.")
    years = [(m.start(), m.end()) for m in re.finditer(r"(?<!\w)(?:19|20)\d\d(?!\w)", text)]
    assert full_dates_at_years(text, years) == find_full_dates(text)
    assert len(find_full_dates(text)) == 5


def test_relative_days():
    assert found("Gestern hatte der Kreml reagiert.") == [("Gestern", "2026-01-06", "day")]
    assert dates("Der Kanzler reist heute nach Kiew.") == ["2026-01-07"]
    assert dates("Morgen soll entschieden werden.") == []   # capitalized: also "the morning"
    assert dates("Die Minister beraten morgen.") == ["2026-01-08"]
    assert dates("Yesterday the Kremlin said no.") == ["2026-01-06"]


def test_relative_weeks_months_years():
    ref = D(2026, 1, 21)  # Wednesday; the week before lies in January
    assert found("Vorige Woche war er in Kiew.", ref) == [("Vorige Woche", "2026-01", "month")]
    assert found("Vor zwei Wochen traf er Trump.", ref) == [("Vor zwei Wochen", "2026-01-07", "day")]
    assert dates("Three weeks ago the plan was drafted.", ref) == ["2025-12-31"]
    assert dates("Last week he was in Kyiv.", WED) == []       # 29 Dec - 4 Jan spans two months: left out
    assert dates("Vor drei Tagen kam es zum Angriff.", ref) == ["2026-01-18"]
    assert dates("Vor vier Jahren begann die Invasion.", ref) == ["2022"]
    assert dates("Im vergangenen Jahr hatte die EU beschlossen.", ref) == ["2025"]
    assert dates("Two months ago the plan was drafted.", ref) == ["2025-11"]


def test_relative_expressions_need_a_reference_date():
    assert dates("Am Dienstag sagte Starmer.", ref=None) == []
    assert dates("Im September hatten sie sich geeinigt.", ref=None) == []
    assert dates("Gestern kam es zum Treffen.", ref=None) == []


# --------------------------------------------------------------------------- not events

@pytest.mark.parametrize("text", [
    "Seit vier Jahren herrscht Krieg.",
    "Die EU hat kürzlich 90 Milliarden Euro Hilfe über zwei Jahre genehmigt.",
    "Die fast vier Jahre andauernde Invasion durch Russland.",
    "Die Waffenruhe gilt für 90 Tage.",
    "Trump hatte vor Monaten noch versprochen, dass es keinen Einsatz gebe.",
    "Bald soll es Gespräche geben; derzeit ist nichts geplant.",
    "Vor einigen Wochen war er dort.",
    "Eine Truppe von 15.000 bis 30.000 Soldaten, 90 Prozent der Kosten.",
    "Der 20-Punkte-Plan und der 28-point plan, 35 Länder machen mit.",
    "Die Pressekonferenz begann um 21:57 Uhr.",
    "Das Treffen begann am Nachmittag.",
    "Dienstags tagt das Kabinett.",
    "Bis heute gibt es keine Einigung.",
    "In 2000 Metern Höhe flog die Drohne.",
    "Over the last year the war has continued.",
    "Inflation fell 2025 percent.",
])
def test_non_events(text):
    assert found(text) == []


def test_deadlines_are_not_events():
    assert dates("Bis Freitag soll die Liste stehen.") == []
    assert dates("Bis 2030 soll die Armee wieder aufgebaut sein.") == []


# --------------------------------------------------------------------------- tense, reference date

def test_tense_of_clause():
    s = "Merz sagte am Dienstag, Deutschland werde Soldaten schicken."
    i = s.index("am Dienstag")
    assert timeline.tense(s, i, i + len("am Dienstag")) == "past"
    s2 = "Die Minister werden am Freitag beraten."
    j = s2.index("am Freitag")
    assert timeline.tense(s2, j, j + 10) == "future"
    assert timeline.tense("Am Montag Treffen in Paris.", 0, 9) == "none"


def test_reference_date_order():
    text = "Am 2. Januar 2026 und am 5. Januar 2026."
    assert timeline.reference_date(pd.Timestamp("2026-01-07 21:57"), None, text) == WED
    assert timeline.reference_date(pd.NaT, pd.Timestamp("2026-01-08"), text) == D(2026, 1, 8)
    assert timeline.reference_date(pd.NaT, pd.NaT, text) == D(2026, 1, 5)
    assert timeline.reference_date(None, None, "Kein Datum.") is None


# --------------------------------------------------------------------------- events table

def _tables(texts: dict[str, tuple[str, str | None]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    arts = schema.frame("articles", [
        {"article_id": aid, "text": t, "published": pub, "language": "de", "outlet": f"outlet-{aid}"}
        for aid, (t, pub) in texts.items()])
    return arts, segment.segment(arts)


def test_extract_builds_the_events_table():
    text = ("Frankreich prüft derzeit einen Einsatz. "
            "Am Dienstag sagte Macron in Paris, Soldaten könnten kommen. "
            "Seit vier Jahren herrscht Krieg. Im September hatten sich 26 Länder bereit erklärt.")
    arts, sents = _tables({"a1": (text, "2026-01-07")})
    mentions = schema.frame("mentions", [
        {"article_id": "a1", "sentence_id": 1, "start": text.index("Macron"), "end": text.index("Macron") + 6,
         "surface": "Macron", "actor_id": "Q_MACRON"}])
    ev = timeline.extract(arts, sents, mentions)
    assert schema.check("events", ev) == []
    assert list(ev["date"]) == ["2026-01-06", "2025-09"]
    assert list(ev["date_precision"]) == ["day", "month"]
    assert list(ev["sentence_id"]) == [1, 3]
    assert ev["event_id"].is_unique and ev["event_id"].iloc[0] == "a1:e0"
    for r in ev.itertuples():
        assert text[r.start:r.end] == r.date_text
        assert r.date_text in r.text
    assert ev["actor_ids"].iloc[0] == ["Q_MACRON"] and ev["actor_ids"].iloc[1] == []
    assert "sagte" in ev["label"].iloc[0] and "Macron" not in ev["label"].iloc[0]


def test_extract_uses_the_latest_full_date_when_unpublished():
    text = "Am 6. Januar 2026 trafen sich die Verbündeten. Am Montag hatte Macron eingeladen."
    arts, sents = _tables({"a1": (text, None)})
    ev = timeline.extract(arts, sents, schema.empty("mentions"))
    assert list(ev["date"]) == ["2026-01-06", "2026-01-05"]


def test_extract_leaves_out_relative_dates_without_reference():
    arts, sents = _tables({"a1": ("Am Dienstag sagte Macron, Soldaten könnten kommen.", None)})
    assert timeline.extract(arts, sents, schema.empty("mentions")).empty


def test_extract_on_empty_input():
    ev = timeline.extract(schema.empty("articles"), schema.empty("sentences"), schema.empty("mentions"))
    assert ev.empty and schema.check("events", ev) == []


def test_seeds_events(seeds_corpus):
    ev = seeds_corpus.events
    assert not ev.empty
    text = dict(zip(seeds_corpus.articles["article_id"], seeds_corpus.articles["text"], strict=True))
    for r in ev.itertuples():
        assert text[r.article_id][r.start:r.end] == r.date_text
    assert set(ev["date_precision"]) <= {"day", "month", "year"}
    assert "2026-01-06" in set(ev["date"])
