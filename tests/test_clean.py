"""Cleaner: page furniture of news pages in general, metadata from what the page states."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


# --- never lose the article ------------------------------------------------------------------------

QUOTE_LINE = "Merz sagte am Montag in Paris: „Wir stehen an der Seite der Ukraine.“"


def test_supplied_title_is_the_title_and_the_text_is_not_searched(tmp_path):
    import json

    import ukrsec

    f = tmp_path / "r.jsonl"
    rec = {"id": "q", "title": "Nachrichten", "text": QUOTE_LINE}
    f.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    c = ukrsec.load_corpus(f)
    a = c.articles.iloc[0]
    assert a["title"] == "Nachrichten" and a["text"] == QUOTE_LINE
    assert c.problems.empty and c.removed.empty
    # a headline-like first line stays text when another title is supplied
    raw = "Polen bietet Logistik für Friedenstruppe an\n\n" + BODY
    got = clean_text(raw, known_title="Ein anderer Titel")
    assert got.title == "Ein anderer Titel" and got.text == raw
    # a line repeating the supplied title is the headline and goes
    assert clean_text(raw, known_title="Polen bietet Logistik für Friedenstruppe an").text == BODY


def test_a_line_that_reads_as_a_sentence_is_never_a_headline():
    for line in (
        QUOTE_LINE,
        "Wir stehen an der Seite der Ukraine!",
        "“We will not abandon Ukraine,” Starmer told reporters in London!",
        "Die Koalition berät am Montag (die Ergebnisse folgen.)",
        "Was will Macron damit erreichen, fragte der Reporter: „Wer zahlt?“",
        "Es war ein langer Tag …",
    ):
        c = clean_text(line + "\n\n" + BODY)
        assert c.title is None, line
        assert c.text.startswith(line), line
    assert clean_text("Macron will Truppen schicken\n\n" + BODY).title == "Macron will Truppen schicken"


def test_the_cleaner_never_empties_an_article():
    c = clean_text("Deutschland schickt keine Soldaten in die Ukraine\n")
    assert c.text == "Deutschland schickt keine Soldaten in die Ukraine"
    assert c.removed == [] and "removed every line (title 1)" in c.problem
    c = clean_text("Menü\nSuche\nTeilen\n")
    assert c.text == "Menü\nSuche\nTeilen" and "removed every line" in c.problem
    assert clean_text("Titel der Seite hier\n\n" + BODY).problem is None


def test_losing_much_prose_is_a_problem_but_closing_teasers_are_not():
    # long paragraphs that end in a picture credit are read as captions: more than half the prose goes
    credited = [f"{BODY} (Foto: Max Muster / dpa)", f"{BODY} Sie wollen weiter beraten. (Bild: Archiv / AFP)"]
    c = clean_text("Ein Titel mit genug Worten hier\n\n" + "\n\n".join(credited) + "\n\n" + BODY + "\n")
    assert c.text == BODY
    assert c.problem.startswith("cleaning removed 70% of the prose (caption 2, title 1)")
    page = "Ein Titel mit genug Worten hier\n\n" + BODY + "\n\nVerwandte Artikel\n" + "\n".join([BODY] * 5)
    c = clean_text(page)
    assert c.problem is None and c.text == BODY  # closing teaser blocks hold other articles' prose


def test_cleaning_problems_reach_the_problems_table(tmp_path):
    import ukrsec

    (tmp_path / "a.txt").write_text("Deutschland schickt keine Soldaten\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    c = ukrsec.load_corpus(tmp_path)
    probs = dict(zip(c.problems["source_path"].map(lambda p: p.rsplit("/", 1)[-1]), c.problems["problem"],
                     strict=True))
    assert probs["b.txt"] == "empty file"
    assert probs["a.txt"].startswith("article a: cleaning removed every line")
    assert list(c.articles["text"]) == ["Deutschland schickt keine Soldaten"]


# --- property: no body sentence of a titled record is ever removed --------------------------------

WORDS = (
    "die der das und nicht mit Ukraine Regierung Soldaten Truppen Gipfel Paris Berlin London Kiew sagte "
    "erklärte wollen werden soll könnte Sicherheit Garantien Frieden Waffenstillstand Koalition Nato EU "
    "Minister Präsident Kanzler am Montag Dienstag im April Milliarden Euro 2026 35 the of and to in "
    "troops government said would could summit leaders security guarantees ceasefire forces allies "
    "Fotos Share Teilen Newsletter Cookies Lesen Sie auch Read more Kommentare Home Menü dpa AFP "
    "Reuters Listen Audio min Stand aktualisiert Published By Von Anzeige Live Update 10:15 Uhr"
).split()
# prose may start with words that also open page furniture ("Reuters reported …", "Teilen Sie …")
STARTS = ("", "", "", "Reuters", "AFP", "dpa", "Teilen Sie", "Share", "Lesen Sie auch", "Von", "By", "Stand",
          "Listen to", "Mehr zum Thema", "Follow", "Newsletter", "Kommentare", "Update", "Anzeige")
ENDS = (".", "!", "?", "…", ".“", "!“", "?“", ".”", '."', ".)", "?»")


def _sentence(draw) -> str:
    start = draw(st.sampled_from(STARTS)).split()
    words = start + draw(st.lists(st.sampled_from(WORDS), min_size=4, max_size=18))
    if words[0][0].isdigit():  # a line that opens with a clock time is a live-ticker entry
        words.insert(0, "Um")
    if draw(st.booleans()):  # not right after the opening words: "Lesen Sie auch: …" is a teaser link
        at = draw(st.integers(len(start) + 1, len(words) - 1))
        words.insert(at, draw(st.sampled_from([",", ":", "–"])))
    text = " ".join(words).replace(" ,", ",").replace(" :", ":")
    opener = draw(st.sampled_from(["", "„", "“", '"', "("]))
    return opener + text[0].upper() + text[1:] + draw(st.sampled_from(ENDS))


@st.composite
def titled_records(draw) -> tuple[str, list[list[str]]]:
    title = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=10)))
    paras = draw(st.lists(st.lists(st.builds(lambda: None), min_size=1, max_size=3), min_size=1, max_size=5))
    return title, [[_sentence(draw) for _ in p] for p in paras]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(titled_records(), st.booleans())
def test_no_sentence_of_a_titled_record_is_removed(record, title_in_text):
    title, paras = record
    body = "\n\n".join(" ".join(p) for p in paras)
    raw = f"{title}\n\n{body}" if title_in_text else body
    c = clean_text(raw, known_title=title)
    assert c.title == title
    for p in paras:
        for s in p:
            assert s in c.text, (s, c.removed)


# --- the rules are data, checked when they are read --------------------------------------------------


def _data_copy(tmp_path, name: str, edit) -> str:
    from ukrsec import resources

    src = resources.PACKAGE_DATA / name
    dst = tmp_path / name
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_text(edit(src.read_text(encoding="utf-8")), encoding="utf-8")
    return str(tmp_path)


def _rename(old: str, new: str):
    return lambda t: t.replace(f"\n{old}:", f"\n{new}:")


def test_data_files_with_unknown_or_missing_keys_are_errors_naming_file_and_key(tmp_path):
    import pytest

    from ukrsec.clean import rules
    from ukrsec.text import LexiconError

    bad = _data_copy(tmp_path / "a", "boilerplate.yaml", lambda t: t.replace("to_end:", "to_ende:", 1))
    with pytest.raises(LexiconError, match=r"boilerplate\.yaml: unknown key 'to_ende'"):
        rules(bad)
    bad = _data_copy(tmp_path / "b", "clean/metadata.yaml", _rename("first_cues", "first_cue"))
    with pytest.raises(LexiconError, match=r"metadata\.yaml: unknown key 'first_cue'"):
        rules(bad)
    bad = _data_copy(tmp_path / "c", "boilerplate.yaml", lambda t: t.replace("header_nav_max_words: 2", ""))
    with pytest.raises(LexiconError, match=r"boilerplate\.yaml: missing key 'header_nav_max_words'"):
        rules(bad)
    bad = _data_copy(tmp_path / "d", "boilerplate.yaml", lambda t: t.replace("'^anzeige$", "'^Anzeige$"))
    with pytest.raises(LexiconError, match=r"patterns\.promo: pattern .*must be written in lower case"):
        rules(bad)


def test_a_data_folder_adds_rules_without_code(tmp_path):
    add = "  audio:\n    - Hör mal rein\n"
    d = _data_copy(tmp_path, "boilerplate.yaml", lambda t: t.replace("  audio:\n", add, 1))
    raw = "Ein Titel mit genug Worten hier\n\n" + BODY + "\n\nHör mal rein\n\n" + BODY
    assert "Hör mal rein" in clean_text(raw).text
    assert clean_text(raw, data_dir=d).text == BODY + "\n\n" + BODY


# --- metadata on real pages ------------------------------------------------------------------------


def test_titles_are_not_date_prefixes_bylines_or_section_headings():
    c = clean_text(" date 2025-09-04 Polen bietet Logistik für Friedenstruppe an\n\n" + BODY)
    assert c.title == "Polen bietet Logistik für Friedenstruppe an"
    assert (c.published, c.published_precision) == (dt.datetime(2025, 9, 4), "day")
    c = clean_text("By Jane Roe and John Doe\nPolen bietet Logistik an\n\n" + BODY)
    assert c.title == "Polen bietet Logistik an" and "Jane Roe" not in c.text
    c = clean_text("Ukraine-Krieg\nWas bekannt ist\n\n" + BODY)
    assert c.title is None and "Was bekannt ist" in c.text


def test_publication_dates_in_the_forms_pages_use():
    cases = {
        "11:15 11.04.2025": (dt.datetime(2025, 4, 11, 11, 15), "minute"),
        "27 March 2025, 15:21": (dt.datetime(2025, 3, 27, 15, 21), "minute"),
        "Thursday, Sept. 4, 2025": (dt.datetime(2025, 9, 4), "day"),
        "Do, 4.9.2025": (dt.datetime(2025, 9, 4), "day"),
        "März 2025": (dt.datetime(2025, 3, 1), "month"),
        "Stand: 11. April 2025, 18:04 Uhr": (dt.datetime(2025, 4, 11, 18, 4), "minute"),
        "aktualisiert am 12.04.2025 um 09:00 Uhr": (dt.datetime(2025, 4, 12, 9, 0), "minute"),
    }
    for line, want in cases.items():
        c = clean_text("Polen bietet Logistik für Friedenstruppe an\n" + line + "\n\n" + BODY)
        assert (c.published, c.published_precision) == want, line
        assert line not in c.text, line
    c = clean_text("Ein Titel mit genug Worten hier\n\n" + BODY + "\n\nIm März 2025 wurde weiter verhandelt.")
    assert c.published is None


def test_outlets_from_mastheads_publisher_lines_and_bylines():
    c = clean_text("Westfälischer Kurier\nPolen bietet Logistik an\n\n" + BODY)
    assert c.outlet == "Westfälischer Kurier"
    c = clean_text("Polen bietet Logistik an\n\n" + BODY + "\nPublished by Harbour Media Group\n")
    assert c.outlet == "Harbour Media Group" and "Published by" not in c.text
    c = clean_text("Polen bietet Logistik an\nVon Miriam Feldhaus – Der Wochenspiegel\n\n" + BODY)
    assert c.outlet == "Der Wochenspiegel"
    # a title-case headline is not a masthead, a kicker word alone neither
    c = clean_text("Nachrichten\nEurope Weighs Ukraine News From Paris Summit Today\n\n" + BODY)
    assert c.outlet is None


def test_agency_tags_kept_apart_from_picture_credits():
    c = clean_text("Polen bietet Logistik an\n\nBerlin (dpa) - " + BODY + "\n")
    assert c.agency == "dpa" and c.text.startswith("Berlin (dpa) - ")
    c = clean_text("Polen bietet Logistik an\n\n" + BODY + "\n(PA)\nmit Material von AFP und Reuters\n")
    assert c.agency == "PA, AFP, Reuters" and "(PA)" not in c.text
    c = clean_text("Polen bietet Logistik an\n\nSoldaten am Bahnhof.\nFoto: Jan Nowak / dpa\n\n" + BODY)
    assert c.agency is None


# --- furniture kinds -------------------------------------------------------------------------------


def test_live_ticker_stamps_go_and_entries_stay():
    raw = (
        "Liveticker: Nato-Minister beraten\n\n" + BODY
        + "\n\n21:40 Uhr\nLitauen will 200 Soldaten schicken.\n"
        "+++ 16:30 Uhr +++ Russland hat die Pläne zurückgewiesen.\n17:45 GMT Zelensky welcomed the plan.\n"
        "2h ago\nUpdated at 16.08 GMT\n"
    )
    c = clean_text(raw)
    for entry in ("Litauen will 200 Soldaten schicken.", "Russland hat die Pläne zurückgewiesen.",
                  "Zelensky welcomed the plan."):
        assert entry in c.text.splitlines(), entry
    for stamp in ("21:40", "16:30", "+++", "17:45", "2h ago", "16.08"):
        assert stamp not in c.text, stamp
    for r in c.removed:
        assert raw[r["raw_start"] : r["raw_end"]] == r["text"]


def test_reader_comments_never_become_text_and_counts_near_the_byline_are_not_comments():
    raw = (
        "Polen bietet Logistik an\n12 Kommentare\n\n" + BODY + "\n\nKommentare (12)\nHeinz_W vor 2 Stunden\n"
        "Endlich zeigt Polen Verantwortung, sagte Merz heute!\nAntworten\n"
    )
    c = clean_text(raw)
    assert c.text == BODY
    assert {"comments", "share"} <= _reasons(c)


def test_explainer_boxes_sponsors_prompts_ids_duplicated_captions_and_author_notes():
    raw = (
        "Polen bietet Logistik an\nVon Katrin Albers\n\n" + BODY + "\n\nStichwort: Koalition der Willigen\n"
        "Als Koalition der Willigen bezeichnen sich Staaten, die Garantien geben wollen.\n\n"
        "Soldaten am Bahnhof Rzeszów\nSoldaten am Bahnhof Rzeszów\nBild: Jan Nowak / dpa\n\n"
        "Ein Frachtschiff im Bosporus (Symbolbild)\n\n"
        "In Partnerschaft mit Ostsee Energie AG\nJetzt unsere App herunterladen und nichts verpassen\n"
        "Lesen Sie auch: Was die Koalition plant\n1.284 Shares\n#Ukraine #Nato\n"
        "Artikel-ID: 8f3c2a91-55d0-4b7e-9c21-0a6e44f1b2d3\n\n" + BODY + "\n\n"
        "Katrin Albers ist Korrespondentin in Warschau.\n"
    )
    c = clean_text(raw)
    assert c.text == BODY + "\n\n" + BODY
    assert {"explainer", "duplicate", "caption", "sponsor", "prompt", "teaser", "share", "ids", "author",
            "byline"} <= _reasons(c)


def test_a_lead_paragraph_of_several_sentences_is_never_the_headline():
    # a standfirst that ends in a question is longer than the headline but is body text
    raw = ("Deutsche Hilfe für die Schutztruppe bleibt offen\n\n"
           "Eine Waffenruhe ist nicht in Sicht. Die Partner bieten trotzdem Soldaten an. "
           "Wird die Bundeswehr dabei sein?\n\n"
           "Berlin (dpa) - Die Frage einer deutschen Beteiligung bleibt auch nach dem Treffen offen. "
           "Die Regierung äußerte sich am Dienstag nicht.\n")
    out = clean_text(raw)
    assert out.title == "Deutsche Hilfe für die Schutztruppe bleibt offen"
    assert "Die Partner bieten trotzdem Soldaten an." in out.text


def test_a_headline_with_an_abbreviation_stays_a_headline():
    from ukrsec.clean.page import headline_like
    assert headline_like("U.S. Plans Monitoring Mission for Ukraine")
    assert not headline_like("Die Lage ist ernst. Die Partner beraten in Paris")


def test_a_headline_with_a_question_inside_stays_a_headline():
    from ukrsec.clean.page import headline_like
    assert headline_like("Soldaten für die Ukraine? Der Bundestag streitet über die Schutztruppe")


def test_a_standfirst_as_long_as_the_headline_below_it_is_not_the_title():
    # the headline opens the page; the standfirst under it is about as long, and a masthead is short
    raw = ("THE HARBOUR GAZETTE\n\n"
           "Prime minister sends engineers and air patrols to Ukraine once the guns fall silent\n\n"
           "Leader says the country stands at a turning point as allies agree to protect any peace deal\n"
           "Photo agency\n\n" + BODY + "\n")
    out = clean_text(raw)
    assert out.title == "Prime minister sends engineers and air patrols to Ukraine once the guns fall silent"
    assert "Prime minister sends" not in out.text


def test_a_short_masthead_above_a_short_headline_is_not_the_title():
    # four words of masthead, five of headline: the first line three quarters as long is not enough
    raw = ("DIE KÜSTENPOST – Nachrichten\nPolitik › Ausland\n\nParlament: Streit um die Schutztruppe\n\n"
           "12.02.2026, 16.05 Uhr\n\n" + BODY + "\n")
    assert clean_text(raw).title == "Parlament: Streit um die Schutztruppe"


def test_a_long_teaser_headline_with_a_quotation_goes_with_its_box() -> None:
    raw = ("Minister empfängt Amtskollegen\n\n"
           "Die Verteidigungsminister trafen sich am Montag in Riga und sprachen über die Luftabwehr.\n"
           "Read also\n-\n"
           "“We will not leave our neighbours alone”: Minister sets out a plan for a joint air defence "
           "of the three Baltic states\n-\n"
           "Short teaser about the budget")
    cleaned = clean_text(raw)
    assert "We will not leave" not in cleaned.text and "Luftabwehr." in cleaned.text
