"""Cleaner: page furniture of news pages in general, metadata from what the page states."""

from __future__ import annotations

import datetime as dt

from ukrsec.clean import clean_text

BODY = (
    "Die Außenminister der Koalition trafen sich am Dienstag in Warschau, um über Sicherheitsgarantien "
    "für die Ukraine zu beraten. Polen will nach einem Waffenstillstand Logistik bereitstellen."
)


def _reasons(c):
    return {r["reason"] for r in c.removed}


def test_navigation_breadcrumb_title_byline_outlet():
    raw = (
        "Menü\nbeispiel-news.de\nNavigation :\n  • Politik\n  • Sport\n\n"
        "Polen bietet Logistik für Friedenstruppe an\n\nWelt / Europa / Polen\n"
        "Par beispiel-news.de,  veröffentlicht am März 4, 2026 um 08:30 Uhr\n\n" + BODY + "\n"
    )
    c = clean_text(raw)
    assert c.title == "Polen bietet Logistik für Friedenstruppe an"
    assert c.outlet == "beispiel-news.de"
    assert c.published == dt.datetime(2026, 3, 4, 8, 30)
    assert c.text == BODY
    assert {"navigation", "breadcrumb", "byline", "title"} <= _reasons(c)


def test_stand_and_dateline_formats():
    assert clean_text("Stand: 15.12.2025 14:03 Uhr\n\n" + BODY).published == dt.datetime(2025, 12, 15, 14, 3)
    assert clean_text("07.01.2026, 09:15 Uhr\n\n" + BODY).published == dt.datetime(2026, 1, 7, 9, 15)
    assert clean_text(" date 2026-01-06 \n" + BODY).published == dt.datetime(2026, 1, 6)


def test_event_dates_in_the_body_are_not_publication_dates():
    c = clean_text(
        "Gipfel in Paris\n\nAm 6. Januar 2026 trafen sich in Paris 35 Staaten, um über die Ukraine zu "
        "beraten. Die Erklärung wurde veröffentlicht am 7. Januar 2026 und sofort breit diskutiert, "
        "wie Diplomaten am Rande des Treffens berichteten."
    )
    assert c.published is None


def test_video_stamp_removed_text_on_its_line_kept_caption_dropped():
    raw = (
        "Titel der Seite mit einigen Worten\n" + BODY + "\nVideo: Pressekonferenz der Minister in Warschau\n"
        "07.01.2026 | 2:30 minDie Minister wollen im Frühjahr erneut beraten, sagte ein Sprecher.\n"
    )
    c = clean_text(raw)
    assert "2:30 min" not in c.text and "07.01.2026" not in c.text
    assert "Die Minister wollen im Frühjahr erneut beraten" in c.text
    assert "Pressekonferenz" not in c.text
    assert c.date_hint == dt.date(2026, 1, 7)
    stamp = [r for r in c.removed if r["reason"] == "video_stamp"][0]
    assert raw[stamp["raw_start"] : stamp["raw_end"]] == stamp["text"] == "07.01.2026 | 2:30 min"


def test_captions_credits_cookies_teasers_comments_footer_language_switcher():
    raw = (
        "Leaders pose for a photo at the summit in Warsaw.\nBild generiert von KI\n\n"
        "Polen lädt zum Gipfel\n\n" + BODY + "\n"
        "Der Präsident bei seiner Ankunft. (Foto: Max Muster / dpa)\n"
        "Teilen\nNewsletter abonnieren und nichts verpassen\n"
        "Lesen Sie auch\nWas die Nato plant\nWer zahlt\n\n"
        "Die Gespräche sollen im April fortgesetzt werden.\n"
        "Deutsch\nEnglish\nFrançais\n"
        "Verwandte Artikel\nEin anderer Gipfel in einer anderen Stadt brachte wenig.\n"
        "Diese Website verwendet Cookies\nAkzeptieren\n© 2026 Beispiel Medien GmbH\n"
    )
    c = clean_text(raw)
    for gone in (
        "Leaders pose",
        "Bild generiert",
        "Max Muster",
        "Teilen",
        "Newsletter",
        "Lesen Sie auch",
        "Was die Nato plant",
        "Deutsch",
        "Français",
        "Verwandte Artikel",
        "anderen Stadt",
        "Cookies",
        "Akzeptieren",
        "©",
    ):
        assert gone not in c.text, gone
    assert c.text.startswith(BODY)
    assert "Die Gespräche sollen im April fortgesetzt werden." in c.text
    assert c.title == "Polen lädt zum Gipfel"
    assert {"caption", "image_credit", "share", "teaser", "language_switcher"} <= _reasons(c)


def test_no_title_when_page_starts_with_body():
    c = clean_text(BODY + "\n\nWorauf haben sich die Verbündeten verständigt?\n\n" + BODY)
    assert c.title is None
    assert "Worauf haben sich" in c.text


def test_block_quote_attribution_line_stays():
    raw = (
        "Merz stellt Beteiligung in Aussicht\n" + BODY + " Nach dem Treffen sagte er:\n"
        "Wir werden Verantwortung übernehmen.\nFriedrich Merz\n" + BODY
    )
    c = clean_text(raw)
    assert "\nFriedrich Merz\n" in c.text


def test_removed_rows_point_into_raw_text():
    raw = "Menü\nSuche\n\nEin Titel für die Seite hier\n\n" + BODY + "\nTeilen\n"
    c = clean_text(raw)
    for r in c.removed:
        assert raw[r["raw_start"] : r["raw_end"]] == r["text"]
        assert raw.split("\n")[r["line_start"] - 1] in r["text"]


def test_site_name_kicker_and_the_longest_headline():
    raw = (
        "THE HARBOUR GAZETTE\nHome  News  Politics  World  Opinion  Deutsch\n"
        "Sign in | Subscribe | Edition: EU ▾\n\n"
        "Warschau-Treffen\nPolen will nach einem Waffenstillstand Logistik für eine Schutztruppe stellen\n\n"
        "By Jane Roe\nMarch 4, 2026\n\n" + BODY + "\n\n© 2026 The Harbour Gazette. All rights reserved.\n"
    )
    c = clean_text(raw)
    assert c.title == "Polen will nach einem Waffenstillstand Logistik für eine Schutztruppe stellen"
    assert c.outlet.casefold() == "the harbour gazette"
    assert c.published == dt.datetime(2026, 3, 4)
    for gone in ("Sign in", "Politics", "HARBOUR", "March 4", "©"):
        assert gone not in c.text, gone


def test_outlet_from_copyright_owner_and_footer_repeat():
    c = clean_text(
        "Ein Titel mit genug Worten hier\n\n"
        + BODY
        + "\n© Beispiel-Anzeiger GmbH 2025 – Alle Rechte vorbehalten\n"
    )
    assert c.outlet == "Beispiel-Anzeiger GmbH"
    c = clean_text(
        "Stadt-Kurier\nPolitik | Ausland\n\nEin Titel mit genug Worten hier\n\n"
        + BODY
        + "\nStadt-Kurier · Impressum · Datenschutz · Cookie-Einstellungen\n"
    )
    assert c.outlet == "Stadt-Kurier"
    assert "Cookie-Einstellungen" not in c.text and "Impressum" not in c.text


def test_dateline_below_the_lead():
    raw = (
        "Ein Titel mit genug Worten hier\n\n"
        + BODY
        + "\n\n12. April 2025, 10:31 Uhr | Lesezeit: 4 Min.\n\n"
        + BODY
    )
    c = clean_text(raw)
    assert c.published == dt.datetime(2025, 4, 12, 10, 31)
    assert "Lesezeit" not in c.text


def test_credits_without_parentheses_and_inline_related_box():
    raw = (
        "Ein Titel mit genug Worten hier\n\nKampfjets über der Ostsee. Archivbild: Erik Muster / TT / dpa\n\n"
        + BODY
        + "\n\nRelated coverage\n• What a guarantee could mean for Kyiv\n• Five takeaways from the summit\n\n"
        + "Die Gespräche sollen im April fortgesetzt werden.\nListen to this article\n"
    )
    c = clean_text(raw)
    for gone in ("Ostsee", "Erik Muster", "Related coverage", "Five takeaways", "Listen to"):
        assert gone not in c.text, gone
    assert "Die Gespräche sollen im April fortgesetzt werden." in c.text
