"""Quotations, tenth session (issue 14, the real10q set): a pronoun whose sentence before names
someone else in its clause, a German verb-final clause after "und" that shares the subject of the
verb before it, "demzufolge" marking a paragraph as the reported words of the speaker before,
"hat sich für „…“ ausgesprochen", and "the NATO chief" as a role. Own test sentences."""

from __future__ import annotations

import pandas as pd

from ukrsec import pipeline
from ukrsec.load import RawDoc


def quotes(text: str) -> pd.DataFrame:
    """The quotes table of one article."""
    out = pipeline.combine([pipeline.parse_docs([RawDoc("t", "t.txt", text)])], ["t"])
    return out["quotes"]


def row(q: pd.DataFrame, needle: str) -> pd.Series:
    """The one row that is not reported speech and contains ``needle``."""
    hit = q[(q["kind"] != "indirect") & q["quote"].str.contains(needle, regex=False)]
    assert len(hit) == 1, q[["quote", "kind", "speaker_text"]]
    return hit.iloc[0]


# -- a pronoun: sentences whose subject is the same pronoun lead further back ------------------------

def test_a_pronoun_passes_over_sentences_whose_subject_is_the_same_pronoun() -> None:
    text = ("Über die Lage im Osten wird in Berlin viel gestritten.\n"
            "Friedrich Merz bleibt dennoch gelassen. Er ist überzeugt, dass Wladimir Putin den Krieg "
            "verlieren wird. Dass die Ukraine eines Tages der EU beitreten wird. Und dass er selbst, der "
            "Regierungschef, im Amt bleibt. „Ich habe keine Angst vor diesem Winter“, sagte er am Abend.")
    assert row(quotes(text), "keine Angst")["speaker_id"] == "person:friedrich-merz"


def test_an_english_pronoun_does_not_take_the_person_of_the_clause_after_he() -> None:
    text = ("The talks in London ended late on Tuesday.\n"
            "Keir Starmer remained calm. He believes that Vladimir Putin will fail in the end. "
            "\"We will not be moved by threats of this kind,\" he told reporters.")
    assert row(quotes(text), "not be moved")["speaker_id"] == "person:keir-starmer"


def test_a_sentence_with_a_person_as_its_subject_still_ends_the_search() -> None:
    text = ("Friedrich Merz traf am Montag Emmanuel Macron in Paris. Macron lobte die Gespräche sehr. "
            "„Wir sind uns in allen wichtigen Fragen einig“, sagte er danach.")
    assert row(quotes(text), "allen wichtigen Fragen")["speaker_id"] == "person:emmanuel-macron"


# -- a German verb-final clause after "und" shares the subject of the verb before it -----------------

LONG = ("Die Pressekonferenz fand am Donnerstag in Paris statt, wo Merz das Angebot mehrerer "
        "europäischer Verbündeter ausdrücklich lobte, im kommenden Frühjahr Soldaten an die Ostgrenze der "
        "Nato zu verlegen, und es nach langen Verhandlungen als „ein starkes Signal“ seit vielen "
        "Monaten bezeichnete.")


def test_a_verb_final_clause_after_und_takes_the_subject_of_the_verb_before() -> None:
    assert row(quotes(LONG), "ein starkes Signal")["speaker_id"] == "person:friedrich-merz"


def test_a_verb_final_clause_after_und_with_a_pronoun_subject() -> None:
    text = ("Emmanuel Macron sprach am Abend vor Journalisten. Er verwies auf die Zusagen der "
            "Verbündeten, die seit Wochen über eine Truppe für die Zeit nach einem Waffenstillstand beraten, "
            "und bezeichnete sie vor den Kameras als „einen historischen Schritt“.")
    assert row(quotes(text), "historischen Schritt")["speaker_id"] == "person:emmanuel-macron"


def test_a_clause_after_und_with_its_own_subject_keeps_it() -> None:
    text = ("Die Sitzung dauerte bis in die Nacht, wo Merz das Angebot der Verbündeten lobte, und Macron "
            "es danach vor der Presse als „einen ersten Schritt“ bezeichnete.")
    assert row(quotes(text), "einen ersten Schritt")["speaker_id"] == "person:emmanuel-macron"


def test_an_inverted_subject_after_und_is_not_a_shared_one() -> None:
    text = ("Merz lobte am Morgen die Pläne der Partner, und danach sagte Macron: „Wir schicken im "
            "Frühjahr eine Brigade an die Grenze.“")
    assert row(quotes(text), "Brigade")["speaker_id"] == "person:emmanuel-macron"


# -- "demzufolge": the paragraph reports the speaker before ------------------------------------------

def test_demzufolge_carries_the_speaker_into_the_next_paragraph() -> None:
    text = ("„Wir bleiben an der Seite der Ukraine, so lange es nötig ist“, betonte Merz in Kiew.\n"
            "Alle Partner arbeiten demzufolge daran, dass „kein neuer Krieg in Europa beginnt und die "
            "Grenzen sicher bleiben“.")
    assert row(quotes(text), "kein neuer Krieg")["speaker_id"] == "person:friedrich-merz"


def test_without_a_marker_an_indicative_paragraph_gets_no_speaker() -> None:
    text = ("„Wir bleiben an der Seite der Ukraine, so lange es nötig ist“, betonte Merz in Kiew.\n"
            "Alle Partner arbeiten daran, dass „kein neuer Krieg in Europa beginnt und die Grenzen sicher "
            "bleiben“.")
    assert pd.isna(row(quotes(text), "kein neuer Krieg")["speaker_id"])


# -- "hat sich für „…“ ausgesprochen" is speech ------------------------------------------------------

def test_a_phrase_someone_spoke_out_for_is_speech() -> None:
    text = ("Vor dem Treffen in Brüssel hat sich Bundeskanzler Friedrich Merz für „verlässliche und "
            "starke“ Zusagen an die Ukraine ausgesprochen.")
    r = row(quotes(text), "verlässliche und")
    assert r["kind"] == "direct" and r["speaker_id"] == "person:friedrich-merz"


def test_the_same_phrase_without_a_verb_of_saying_stays_a_term() -> None:
    text = "Bundeskanzler Friedrich Merz reiste mit „verlässlichen und starken“ Zusagen nach Kiew."
    assert row(quotes(text), "verlässlichen und")["kind"] == "term"


# -- "the NATO chief", "its political chief": a role the text gives its holder -----------------------

def test_a_chief_named_by_role_is_the_secretary_general_named_before() -> None:
    text = ("NATO Secretary General Mark Rutte travelled to Kyiv on Friday.\n"
            "On a visit to meet with Ukrainian President Volodymyr Zelensky, NATO's political chief praised "
            "the new pledges of the allies. \"We will stand by Ukraine for as long as it takes,\" he said.")
    assert row(quotes(text), "stand by Ukraine")["speaker_id"] == "person:mark-rutte"


def test_the_chief_is_not_a_president_named_in_between() -> None:
    text = ("NATO Secretary General Mark Rutte arrived in Washington on Monday. US President Donald Trump "
            "welcomed him at the White House. The NATO chief said the alliance was \"more united than "
            "ever before in its history\".")
    assert row(quotes(text), "more united")["speaker_id"] == "person:mark-rutte"


# -- the quotation misses of the helpers' real10de and real10en sets --------------------------------

def test_an_indefinite_role_in_apposition_is_the_person_before_it() -> None:
    text = ("Critics were not convinced on Monday.\n"
            "John Harwood, a former minister of defence, described the plan as \"a promise with no teeth\".")
    assert row(quotes(text), "no teeth")["speaker_text"] == "John Harwood"


def test_an_indefinite_role_that_is_no_apposition_stays_someone_new() -> None:
    text = ("Critics were not convinced on Monday.\n"
            "John Harwood spoke to a former minister of defence, who described the plan as \"a promise with "
            "no teeth\".")
    assert row(quotes(text), "no teeth")["speaker_text"] != "John Harwood"


def test_wie_x_es_formulierte_and_liess_offen_are_cues() -> None:
    text = ("Der neue Rat soll Gespräche „auf gleicher Höhe“ erlauben, wie Merz es formulierte.\n"
            "Ob Soldaten geschickt werden, ließ Bundeskanzler Friedrich Merz am Montag offen. Dies sei "
            "nichts, „was heute zu klären“ sei.")
    q = quotes(text)
    assert row(q, "auf gleicher Höhe")["speaker_id"] == "person:friedrich-merz"
    r = row(q, "was heute zu klären")
    assert r["kind"] == "direct" and r["speaker_id"] == "person:friedrich-merz"


def test_an_object_pronoun_after_according_to_is_the_person_before() -> None:
    text = ("Swedish Prime Minister Ulf Kristersson spoke after the meeting. According to him, a strong army "
            "is the best guarantee, and \"we can help it stay that way.\"")
    assert row(quotes(text), "stay that way")["speaker_id"] == "person:ulf-kristersson"


def test_ihm_zufolge_is_the_person_before() -> None:
    text = "Friedrich Merz sprach am Montag in Berlin.\nIhm zufolge bleibt die Lage im Osten \"sehr ernst\"."
    assert row(quotes(text), "sehr ernst")["speaker_id"] == "person:friedrich-merz"


def test_the_person_quoted_by_a_broadcaster_is_the_speaker() -> None:
    text = ("Auf dem Rückflug sprach Recep Tayyip Erdoğan über die Gespräche in Istanbul.\n"
            "„Wir sind grundsätzlich bereit, einer der Garantiestaaten zu sein“, zitierte ihn der "
            "Sender NTV.")
    assert row(quotes(text), "grundsätzlich bereit")["speaker_id"] == "person:recep-tayyip-erdogan"


def test_a_broadcaster_that_quotes_no_pronoun_is_the_source() -> None:
    text = ("„Wir sind grundsätzlich bereit, einer der Garantiestaaten zu sein“, zitierte der Sender NTV "
            "einen Diplomaten.")
    assert pd.isna(row(quotes(text), "grundsätzlich bereit")["speaker_id"])


def test_an_office_with_its_complement_is_its_own_holder() -> None:
    text = ("The President of the Government, Pedro Sánchez, received the President of Ukraine, Volodymyr "
            "Zelensky, in Madrid.\n"
            "The President of the Government stressed that Europe is \"facing a decisive hour\".")
    assert row(quotes(text), "decisive hour")["speaker_id"] == "person:pedro-sanchez"


def test_a_party_deputy_chair_is_the_person_named_before() -> None:
    text = ("Über die Truppe wird in Sachsen gestritten.\n"
            "Ministerpräsident Michael Kretschmer ist gegen den Einsatz. „Ein Kampfeinsatz deutscher "
            "Soldaten darf kein Thema sein“, sagte der stellvertretende CDU-Vorsitzende der Zeitung.")
    assert row(quotes(text), "Kampfeinsatz")["speaker_id"] == "person:michael-kretschmer"


def test_a_heading_with_a_colon_over_a_paragraph_names_no_speaker() -> None:
    text = ("Ein Institut hat drei Modelle für eine Schutztruppe untersucht.\n"
            "Leichte Truppe:\n"
            "Eine Truppe von etwa 8.000 Soldaten wäre schnell bereit, aber kaum mehr als ein Zeichen.\n"
            "Schwere Truppe:\n"
            "Eine Truppe von etwa 30.000 Soldaten bräuchte Monate, würde aber wirklich abschrecken.")
    q = quotes(text)
    assert q[q["kind"] != "indirect"].empty, q[["quote", "kind", "speaker_text"]]


def test_a_label_line_of_a_known_person_still_makes_the_paragraph_below_speech() -> None:
    text = ("Das Gespräch mit dem Kanzler führte unsere Redaktion am Montag.\n"
            "Merz:\n"
            "Wir werden der Ukraine helfen, so lange es nötig ist, und wir werden nicht nachlassen.\n"
            "Bundeskanzler Friedrich Merz reiste danach weiter nach Paris.")
    assert row(quotes(text), "nicht nachlassen")["speaker_id"] == "person:friedrich-merz"
