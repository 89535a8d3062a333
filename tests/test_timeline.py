"""Timeline: temporal expressions (German, English), resolution rules, non-events, events table."""

from __future__ import annotations

import datetime as dt

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


def test_find_full_dates_in_every_notation():
    from ukrsec.dates import find_full_dates

    text = ("Am 6. Januar 2026 und am 06.01.2026, dann 2026-01-06, January 6, 2026, 6 January 2026; "
            "nicht 15.000 oder 2025 Soldaten, 31. Februar 2026 gibt es nicht. Im Jahr 2024.")
    found = find_full_dates(text)
    assert [m.date.isoformat() for m in found] == ["2026-01-06"] * 5
    assert [text[m.start:m.end] for m in found] == [
        "6. Januar 2026", "06.01.2026", "2026-01-06", "January 6, 2026", "6 January 2026"]


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


# --------------------------------------------------------------------------- timexes (TIMEX3)

def timexes(text: str, ref: dt.date | None = WED, lang: str = "de") -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in timeline.tag(text, ref, lang)]


# (sentence, language, expected (extent, type, value)); the reference date is Wednesday 2026-01-07
GERMAN = [
    ("Die Wahl fand 2013 statt.", [("2013", "DATE", "2013")]),
    ("Die Burg steht seit 1230 dort.", [("1230", "DATE", "1230")]),
    ("Im Jahr 2022 begann die Invasion.", [("Jahr 2022", "DATE", "2022")]),
    ("Heuer wird das Budget knapp.", [("Heuer", "DATE", "2026")]),
    ("Im Vorjahr waren es weniger.", [("Vorjahr", "DATE", "2025")]),
    ("Im August hatte er gewonnen.", [("August", "DATE", "2025-08")]),
    ("Anfang Juni wurde gewählt.", [("Anfang Juni", "DATE", "2025-06")]),
    ("Ende Januar 2026 kam es zum Gipfel.", [("Ende Januar 2026", "DATE", "2026-01")]),
    ("Mitte der Woche soll entschieden werden.", [("Mitte der Woche", "DATE", "2026-W02")]),
    ("Im Sommer 2025 kamen die Truppen.", [("Sommer 2025", "DATE", "2025-SU")]),
    ("Im vergangenen Herbst hatte sie gewarnt.", [("vergangenen Herbst", "DATE", "2025-FA")]),
    ("Im dritten Quartal 2025 sank der Umsatz.", [("dritten Quartal 2025", "DATE", "2025-Q3")]),
    ("In der zweiten Jahreshälfte 2025 stieg er.", [("der zweiten Jahreshälfte 2025", "DATE", "2025-H2")]),
    ("In der zweiten Januarwoche beginnt es.", [("der zweiten Januarwoche", "DATE", "2026-W02")]),
    ("Vergangene Woche war er in Kiew.", [("Vergangene Woche", "DATE", "2026-W01")]),
    ("Am Wochenende gab es Proteste.", [("Wochenende", "DATE", "2026-W02-WE")]),
    ("In den zwanziger Jahren war das anders.", [("den zwanziger Jahren", "DATE", "192")]),
    ("In den 1990er-Jahren wuchs die Stadt.", [("den 1990er-Jahren", "DATE", "199")]),
    ("Seit Beginn des 19. Jahrhunderts gibt es das.", [("Beginn des 19. Jahrhunderts", "DATE", "18")]),
    ("Das sagte Starmer am Dienstag in Paris.", [("Dienstag", "DATE", "2026-01-06")]),
    ("Am Dienstagabend sprach er.", [("Dienstagabend", "TIME", "2026-01-06TEV")]),
    ("Am Donnerstag vergangener Woche hatten sie sich geeinigt.",
     [("Donnerstag vergangener Woche", "DATE", "2026-01-01")]),
    ("Gestern Abend wurde abgestimmt.", [("Gestern Abend", "TIME", "2026-01-06TEV")]),
    ("Am 6. Januar um 12.30 Uhr begann es.", [("6. Januar", "DATE", "2026-01-06"),
                                             ("12.30 Uhr", "TIME", "2026-01-06T12:30")]),
    ("Das Treffen begann am Nachmittag.", [("Nachmittag", "TIME", "2026-01-07TAF")]),
    ("Vom 6. bis 8. Januar tagte der Rat.",
     [("6.", "DATE", "2026-01-06"), ("8. Januar", "DATE", "2026-01-08")]),
    ("Die Sitzung dauert von 10 bis 12.30 Uhr.", [("10", "TIME", "2026-01-07T10:00"),
                                                 ("12.30 Uhr", "TIME", "2026-01-07T12:30")]),
    ("Jetzt ist es zu spät.", [("Jetzt", "DATE", "PRESENT_REF")]),
    ("Derzeit gibt es keine Pläne.", [("Derzeit", "DATE", "PRESENT_REF")]),
    ("Kürzlich hatte er gewarnt.", [("Kürzlich", "DATE", "PAST_REF")]),
    ("Bald soll es Gespräche geben.", [("Bald", "DATE", "FUTURE_REF")]),
    ("Bis heute gibt es keine Einigung.", [("heute", "DATE", "PRESENT_REF")]),
    ("Seit vier Jahren herrscht Krieg.", [("vier Jahren", "DURATION", "P4Y")]),
    ("Seit gut 15 Jahren setzt er sich ein.", [("gut 15 Jahren", "DURATION", "P15Y")]),
    ("Das hat sich in den letzten fünf Jahren geändert.", [("den letzten fünf Jahren", "DURATION", "P5Y")]),
    ("Seit Jahren wird darüber gestritten.", [("Jahren", "DURATION", "PXY")]),
    ("Die Waffenruhe gilt für 90 Tage.", [("90 Tage", "DURATION", "P90D")]),
    ("Er wartete eine halbe Stunde.", [("eine halbe Stunde", "DURATION", "PT0.5H")]),
    ("Sie stritten jahrelang.", [("jahrelang", "DURATION", "PXY")]),
    ("Vor drei Tagen kam es zum Angriff.", [("drei Tagen", "DURATION", "P3D")]),
    ("In zwei Wochen wird gewählt.", [("zwei Wochen", "DURATION", "P2W")]),
    ("Jeden Montag tagt das Kabinett.", [("Jeden Montag", "SET", "XXXX-WXX-1")]),
    ("Dienstags tagt das Kabinett.", [("Dienstags", "SET", "XXXX-WXX-2")]),
    ("Die Zeitung erscheint täglich.", [("täglich", "SET", "P1D")]),
    ("Er nimmt es dreimal täglich.", [("dreimal täglich", "SET", "P1D")]),
    ("Morgens ist es kalt.", [("Morgens", "SET", "PT1MO")]),
    ("Über Jahre hinweg stritten sie.", [("Über Jahre", "DURATION", "PXY")]),
    ("Den ganzen Sommer regnete es.", [("Sommer", "DATE", "2025-SU")]),
    ("Gewählt wird alle vier Jahre.", [("alle vier Jahre", "SET", "P4Y")]),
    ("Zu Weihnachten kam die Familie.", [("Weihnachten", "DATE", "2025-12-24")]),
    ("Am nächsten Tag reiste er ab.", [("nächsten Tag", "DATE", "2026-01-08")]),
    ("Der Ex-Minister schwieg.", [("Ex", "DATE", "PAST_REF")]),
]


@pytest.mark.parametrize(("text", "expected"), GERMAN)
def test_german_kinds(text, expected):
    assert timexes(text) == expected


# English news with a document date (AQUAINT style): the preposition stays outside the extent
ENGLISH = [
    ("The election was held in 2013.", [("2013", "DATE", "2013")]),
    ("The coalition was founded in March 2025.", [("March 2025", "DATE", "2025-03")]),
    ("He said on Monday that troops would go.", [("Monday", "DATE", "2026-01-05")]),
    ("The leaders will meet on Thursday.", [("Thursday", "DATE", "2026-01-08")]),
    ("He met Zelensky last Thursday.", [("last Thursday", "DATE", "2026-01-01")]),
    ("Ministers meet next Friday.", [("next Friday", "DATE", "2026-01-09")]),
    ("Talks are set for January 9 in Geneva.", [("January 9", "DATE", "2026-01-09")]),
    ("The talks on January 9 in Geneva ended.", [("January 9", "DATE", "2025-01-09")]),
    ("Leaders met on January 6, 2026 in Paris.", [("January 6, 2026", "DATE", "2026-01-06")]),
    ("Yesterday the Kremlin said no.", [("Yesterday", "DATE", "2026-01-06")]),
    ("The vote is today.", [("today", "DATE", "2026-01-07")]),
    ("They spoke this afternoon.", [("this afternoon", "TIME", "2026-01-07TAF")]),
    ("The summit opens at 5 p.m.", [("5 p.m.", "TIME", "2026-01-07T17:00")]),
    ("Last week he was in Kyiv.", [("Last week", "DATE", "2026-W01")]),
    ("Sales fell last year.", [("last year", "DATE", "2025")]),
    ("The deal is expected later this year.", [("later this year", "DATE", "2026")]),
    ("Three weeks ago the plan was drafted.", [("Three weeks ago", "DATE", "2025-W51")]),
    ("The war has lasted for nearly four years.", [("nearly four years", "DURATION", "P4Y")]),
    ("Aid was approved over two years.", [("two years", "DURATION", "P2Y")]),
    ("The talks lasted 48 hours.", [("48 hours", "DURATION", "PT48H")]),
    ("Prices rise every year.", [("every year", "SET", "P1Y")]),
    ("The board meets twice a week.", [("twice a week", "SET", "P1W")]),
    ("The paper appears daily.", [("daily", "SET", "P1D")]),
    ("Talks are now under way.", [("now", "DATE", "PRESENT_REF")]),
    ("Recently the army withdrew.", [("Recently", "DATE", "PAST_REF")]),
    ("A decision is expected soon.", [("soon", "DATE", "FUTURE_REF")]),
    ("In the 1990s the city grew.", [("the 1990s", "DATE", "199")]),
    ("It began in the first quarter of 2025.", [("the first quarter of 2025", "DATE", "2025-Q1")]),
    ("The offensive came last spring.", [("last spring", "DATE", "2025-SP")]),
    ("Aid will arrive in early March.", [("early March", "DATE", "2026-03")]),
    ("The plan was signed in mid-2025.", [("mid-2025", "DATE", "2025")]),
    ("In recent weeks the army advanced.", [("recent weeks", "DURATION", "PXW")]),
    ("Tuesday's vote was close.", [("Tuesday", "DATE", "2026-01-06")]),
    ("The photo was taken Thursday, Sept. 4, 2025.",
     [("Thursday, Sept. 4, 2025", "DATE", "2025-09-04")]),
    ("He arrived on Christmas Eve.", [("Christmas Eve", "DATE", "2025-12-24")]),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english_kinds(text, expected):
    assert timexes(text, lang="en") == expected


@pytest.mark.parametrize(("text", "lang"), [
    ("Die 2000 Soldaten kamen.", "de"), ("Es kamen 1500 und dann 1200.", "de"),
    ("In 2000 Metern Höhe flog die Drohne.", "de"),
    ("Der 16 Jahre alte Spieler traf.", "de"), ("Im Fall eines Angriffs hilft die Allianz.", "de"),
    ("August Bebel sprach.", "de"), ("Prices may fall.", "en"), ("Inflation rose 2025 percent.", "en"),
    ("Der 20-Punkte-Plan und 90 Prozent der Kosten.", "de"), ("Nun ist es so.", "de"),
    ("Die Zukunft der Ukraine ist offen.", "de"),
])
def test_not_timexes(text, lang):
    assert timexes(text, lang=lang) == []


def test_unresolvable_relative_expressions_get_x_values():
    assert timexes("Am Dienstag sagte Macron etwas.", ref=None) == [("Dienstag", "DATE", "XXXX-WXX-2")]
    assert timexes("Im September war es so.", ref=None) == [("September", "DATE", "XXXX-09")]
    assert timexes("Im Jahr 2022 begann es.", ref=None) == [("Jahr 2022", "DATE", "2022")]


def test_narrative_anchor_for_clock_times_and_days():
    # a clock time takes the day named before it; "am nächsten Tag" is the day after that one
    text = "Am 3. März 2025 kam er an. Um 15 Uhr sprach er, am nächsten Tag reiste er ab."
    got = timexes(text)
    assert ("15 Uhr", "TIME", "2025-03-03T15:00") in got
    assert ("nächsten Tag", "DATE", "2025-03-04") in got


def test_narrative_year_for_bare_months_and_the_year_of_a_passage():
    text = "Im März 1992 wurde die Brücke gebaut. Im April kam der Fluss, Ende des Jahres stand sie wieder."
    got = timexes(text)
    assert ("April", "DATE", "1992-04") in got and ("Ende des Jahres", "DATE", "1992") in got
    # a year close to the reference date does not take over: the news strategy stays
    assert ("Ende des Jahres", "DATE", "2026") in timexes("Seit 2025 gilt das, Ende des Jahres endet es.")


def test_timexes_point_into_the_text_with_anchor():
    text = "Gestern sagte er das, im März 2025 war es anders."
    ts = timeline.tag(text, WED, "de")
    for t in ts:
        assert text[t.start:t.end] == t.text
    assert [t.anchor for t in ts] == ["2026-01-07", None]


def test_timexes_table_and_doc_layer():
    text = "Am Dienstag sagte Macron, seit vier Jahren herrsche Krieg. Vom 6. bis 8. Januar tagte der Rat."
    arts, sents = _tables({"a1": (text, "2026-01-07")})
    from ukrsec import text as text_core

    docs = list(text_core.docs(arts, sents))
    tx, ev = timeline.run(docs, arts, schema.empty("mentions"))
    assert schema.check("timexes", tx) == [] and schema.check("events", ev) == []
    assert list(tx["text"]) == ["Dienstag", "vier Jahren", "6.", "8. Januar"]
    assert list(tx["type"]) == ["DATE", "DURATION", "DATE", "DATE"]
    assert list(tx["sentence_id"]) == [0, 0, 1, 1]
    assert tx["timex_id"].is_unique
    for r in tx.itertuples():
        assert text[r.start:r.end] == r.text
    assert [s.data.value for s in docs[0].layers["timexes"]] == list(tx["value"])
    rng = ev[ev["date_text"] == "Vom 6. bis 8. Januar"].iloc[0]
    assert (rng["date"], rng["date_end"]) == ("2026-01-06", "2026-01-08")


def test_seeds_timexes(seeds_corpus):
    tx = seeds_corpus.timexes
    assert not tx.empty and set(tx["type"]) <= {"DATE", "TIME", "DURATION", "SET"}
    text = dict(zip(seeds_corpus.articles["article_id"], seeds_corpus.articles["text"], strict=True))
    for r in tx.itertuples():
        assert text[r.article_id][r.start:r.end] == r.text


def test_lexicon_errors_name_the_file_and_key(tmp_path):
    from ukrsec.text import LexiconError
    from ukrsec.timeline import words

    (tmp_path / "timex").mkdir()
    (tmp_path / "timex" / "kinds.yaml").write_text(
        "kinds:\n  year:\n    type: DATE\n    triggers: [digit]\n    pattern: ['x']\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"kinds\.yaml.*pattern"):
        words.vocab(str(tmp_path))
    (tmp_path / "timex" / "kinds.yaml").write_text(
        "kinds:\n  no_such_kind:\n    type: DATE\n    triggers: [digit]\n    patterns: ['x']\n",
        encoding="utf-8")
    words.vocab.cache_clear()
    with pytest.raises(LexiconError, match="no resolver named 'no_such_kind'"):
        words.vocab(str(tmp_path))
