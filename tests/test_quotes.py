"""Tests of the ``quotes`` stage: marks, block quotes, speakers, document sources and terms."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from ukrsec import quotes, schema, segment
from ukrsec.resources import PACKAGE_DATA

ACTORS = [
    {"actor_id": "P:macron", "name": "Emmanuel Macron", "type": "person", "country": "FR"},
    {"actor_id": "P:merz", "name": "Friedrich Merz", "type": "person", "country": "DE"},
    {"actor_id": "P:starmer", "name": "Keir Starmer", "type": "person", "country": "GB"},
    {"actor_id": "P:schoof", "name": "Dick Schoof", "type": "person", "country": "NL"},
    {"actor_id": "P:costa", "name": "António Costa", "type": "person", "country": "PT"},
    {"actor_id": "COALITION", "name": "Coalition of the Willing", "type": "organization"},
    {"actor_id": "UA", "name": "Ukraine", "type": "country"},
]


def run(text: str, mentions: list[tuple[str, str, str]] | None = None,
        data_dir: str | None = None) -> pd.DataFrame:
    """The quotes of one article; ``mentions`` are ``(surface, actor_id, mention_kind)``, every occurrence."""
    arts = schema.frame("articles", [{"article_id": "a1", "text": text, "language": "de"}])
    sents = segment.segment(arts)
    rows = []
    for surface, aid, kind in mentions or []:
        for m in re.finditer(re.escape(surface), text):
            sid = int(((sents["start"] <= m.start())).sum()) - 1
            rows.append({"article_id": "a1", "sentence_id": sid, "start": m.start(), "end": m.end(),
                         "surface": surface, "actor_id": aid, "mention_kind": kind})
    ments = schema.frame("mentions", rows) if rows else schema.empty("mentions")
    q = quotes.extract(arts, sents, ments, schema.frame("actors", ACTORS), data_dir)
    for _, r in q.iterrows():  # offsets always point at the quotation
        assert text[r["start"]:r["end"]] == r["quote"]
    return q


def direct(q: pd.DataFrame) -> pd.DataFrame:
    return q[q["kind"] == "direct"].reset_index(drop=True)


def one(q: pd.DataFrame, needle: str) -> pd.Series:
    """The one direct quotation or term containing ``needle`` (reported speech around it aside)."""
    q = q[q["kind"] != "indirect"]
    hit = q[q["quote"].str.contains(needle, regex=False)]
    assert len(hit) == 1, q[["quote", "kind", "speaker_text"]]
    return hit.iloc[0]


# --- quotation marks -------------------------------------------------------------------------

@pytest.mark.parametrize("o,c", [("„", "“"), ("“", "”"), ('"', '"'), ("'", "'"), ("«", "»"), ("»", "«"),
                                 ("‚", "‘"), ("‘", "’"), ("„", "”")])
def test_every_mark_style(o: str, c: str) -> None:
    q = run(f"Merz sagte am Montag: {o}Wir stehen fest an der Seite der Ukraine.{c} Danach reiste er ab.")
    assert list(q["quote"]) == ["Wir stehen fest an der Seite der Ukraine."]
    assert q.loc[0, "kind"] == "direct" and q.loc[0, "speaker_text"] == "Merz"
    assert q.loc[0, "quote_id"] == "a1:q0" and q.loc[0, "sentence_id"] == 0


def test_apostrophes_inside_words_are_not_marks() -> None:
    q = run("Trump's plan is 'a good start for all of us', Starmer said. It's late, and geht's weiter?")
    assert list(q["quote"]) == ["a good start for all of us"]
    assert q.loc[0, "speaker_text"] == "Starmer"


def test_german_and_english_double_marks_in_one_text() -> None:
    q = run("„Wir sind bereit zu helfen“, sagte Merz. “We are ready to help,” said Starmer.")
    assert list(q["quote"]) == ["Wir sind bereit zu helfen", "We are ready to help,"]
    assert list(q["speaker_text"]) == ["Merz", "Starmer"]


def test_unclosed_mark_does_not_swallow_the_next_paragraph() -> None:
    q = run('Er schrieb "ohne Ende weiter.\nDer Kanzler sagte: "Das ist genug für heute."')
    assert list(q["quote"]) == ["Das ist genug für heute."]


def test_multi_sentence_quote() -> None:
    text = ("Schoof betonte: 'Das Wichtigste ist, dass das Signal klar ist. Wir wollen Frieden. "
            "Und wir stehen bereit.' Dann ging er.")
    r = one(run(text, [("Schoof", "P:schoof", "surname")]), "Das Wichtigste")
    assert r["quote"].endswith("Und wir stehen bereit.")
    assert r["speaker_id"] == "P:schoof" and r["sentence_id"] == 0


# --- block quotes ----------------------------------------------------------------------------

def test_block_quote_after_intro_line_with_pronoun() -> None:
    text = ("Bundeskanzler Friedrich Merz hat eine Beteiligung in Aussicht gestellt. "
            "Nach dem Treffen sagte er:\n"
            "Dazu kann gehören, dass wir Kräfte auf benachbartem Gebiet einmelden.\n"
            "Der Rest des Textes folgt hier.")
    q = run(text, [("Friedrich Merz", "P:merz", "name")])
    r = one(q, "Dazu kann gehören")
    assert r["kind"] == "direct" and r["speaker_id"] == "P:merz"


def test_block_quote_attributed_by_name_line() -> None:
    text = ("Merz äußerte sich nach dem Treffen.\n"
            "Wir werden unseren Beitrag leisten, sobald die Bedingungen erfüllt sind.\n"
            "Friedrich Merz\n"
            "Über den Umfang entscheidet der Bundestag.")
    q = run(text, [("Friedrich Merz", "P:merz", "name"), ("Merz", "P:merz", "surname")])
    r = one(q, "Wir werden unseren Beitrag")
    assert r["speaker_id"] == "P:merz"
    assert len(q) == 1


def test_name_line_without_first_person_paragraph_is_no_quote() -> None:
    text = "Der Gipfel endete am Abend mit einer Erklärung.\nAnna Schmidt\n"
    assert run(text).empty


# --- speakers --------------------------------------------------------------------------------

@pytest.mark.parametrize("text,speaker", [
    ('"Die Lage ist ernst", sagte Starmer am Dienstag.', "Starmer"),
    ('Starmer sagte: "Die Lage ist ernst."', "Starmer"),
    ('"Die Lage ist ernst", betonte Präsident Emmanuel Macron nach dem Gipfel.', "Macron"),
    ('"Die Lage ist ernst", so Merz.', "Merz"),
    ('"Wir sind bereit zu helfen", teilte EU-Ratspräsident António Costa nach den Beratungen mit.', "Costa"),
    ('"The situation is serious," Starmer said.', "Starmer"),
    ('"The situation is serious," said Starmer.', "Starmer"),
    ('According to Starmer the situation is "more serious than ever before".', "Starmer"),
    ('Laut Merz sei die Lage "ernster als je zuvor".', "Merz"),
])
def test_cue_verb_speaker_before_and_after(text: str, speaker: str) -> None:
    q = direct(run(text))
    assert len(q) == 1
    assert q.loc[0, "speaker_text"].split()[-1] == speaker


def test_speaker_id_from_person_mentions() -> None:
    text = "Der britische Premierminister Keir Starmer erwähnte französische 'Militärzentren' in der Ukraine."
    r = one(run(text, [("Keir Starmer", "P:starmer", "name"), ("Ukraine", "UA", "name")]), "Militärzentren")
    assert r["kind"] == "direct" and r["speaker_id"] == "P:starmer"


def test_short_quote_with_speaker_and_verb_is_a_quotation() -> None:
    text = "Merz betonte die Notwendigkeit von 'Kompromissen' für den Frieden."
    r = one(run(text, [("Merz", "P:merz", "surname")]), "Kompromissen")
    assert r["kind"] == "direct" and r["speaker_id"] == "P:merz"


def test_role_reference_from_mentions() -> None:
    text = ("Der Gipfel endete spät. Der französische Führer fügte hinzu, dass es 'für immer sein wird.'")
    q = run(text, [("Der französische Führer", "P:macron", "role")])
    assert one(q, "für immer")["speaker_id"] == "P:macron"


def test_bare_role_noun_falls_back_to_the_person_named_before() -> None:
    text = ("Präsident Macron betonte die Bedeutung der Garantien: 'Die Ukraine muss sich nicht ergeben.' "
            "Der französische Führer fügte hinzu, dass es 'für immer sein wird.'")
    q = run(text, [("Macron", "P:macron", "surname")])
    assert list(direct(q)["speaker_id"]) == ["P:macron", "P:macron"]


def test_pronoun_speaker_is_the_last_person_named() -> None:
    text = ("'Darüber muss ich erst mit dem Parlament sprechen', erklärte Schoof. "
            "Er räumte Fortschritte ein und betonte: 'Das Signal an Russland ist völlig klar.'")
    q = run(text, [("Schoof", "P:schoof", "surname")])
    assert one(q, "Signal an Russland")["speaker_id"] == "P:schoof"
    q = run('Keir Starmer met the leaders in Paris. "We are ready," he said.',
            [("Keir Starmer", "P:starmer", "name")])
    assert one(q, "We are ready")["speaker_id"] == "P:starmer"


def test_unattributed_quote_continues_the_speaker_before() -> None:
    text = ("Der Sondergesandte Steve Witkoff bekräftigte, Trump wolle ein baldiges Kriegsende. "
            "Die USA seien bereit. Die Garantien müssten so \"stark wie nie\" sein.")
    r = one(run(text), "stark wie nie")
    assert r["kind"] == "direct" and r["speaker_text"].endswith("Witkoff")


@pytest.mark.parametrize("text,source", [
    ('"Diese Verpflichtungen können den Einsatz umfassen", hieß es in der gemeinsamen Erklärung.',
     "Erklärung"),
    ("'Die Garantien waren weitgehend abgeschlossen', so diplomatische Quellen.", "Quellen"),
    ('Es gebe Planungen "um Maßnahmen in der Luft vorzubereiten", heißt es weiter in dem Entwurf.',
     "Entwurf"),
    ('Die Koalition habe erreicht, "dass die USA die Ukraine nicht fallen lassen", hieß es aus dem Élysée.',
     "Élysée"),
    ('"All options remain on the table," the statement said.', "statement"),
])
def test_document_and_unnamed_sources(text: str, source: str) -> None:
    q = direct(run(text))
    assert len(q) == 1
    assert source in q.loc[0, "speaker_text"] and pd.isna(q.loc[0, "speaker_id"])


# --- names and scare quotes ------------------------------------------------------------------

def test_so_called_name_is_a_term() -> None:
    q = run("Merz sagte, die sogenannte 'Koalition der Willigen' werde bald handeln.")
    assert list(q["kind"]) == ["term", "indirect"]   # the sentence is reported speech of Merz
    assert q.loc[1, "quote"].startswith("die sogenannte") and q.loc[1, "speaker_text"] == "Merz"


def test_scare_quote_without_speaker_is_a_term() -> None:
    q = run("Die Erklärung sieht eine Mission vor, mit amerikanischer „Unterstützung“.")
    assert list(q["kind"]) == ["term"] and pd.isna(q.loc[0, "speaker_text"])


def test_quoted_organization_name_is_a_term() -> None:
    text = "Merz sprach beim Treffen der 'Koalition der Willigen' in Paris."
    q = run(text, [("Koalition der Willigen", "COALITION", "name"), ("Merz", "P:merz", "surname")])
    assert list(q["kind"]) == ["term"]


def test_newspaper_name_after_verb_is_a_term() -> None:
    q = run("Merz sagte der „Bild“, die Lage sei ernst.")
    assert list(q["kind"]) == ["term", "indirect"] and q.loc[1, "quote"] == "die Lage sei ernst"


def test_long_quote_without_speaker_stays_a_quotation() -> None:
    q = run('Auf einem Plakat stand "Wir wollen endlich Frieden in Europa und der Welt".')
    assert list(q["kind"]) == ["direct"]


# --- table and data --------------------------------------------------------------------------

def test_empty_and_columns() -> None:
    q = quotes.extract(schema.empty("articles"), schema.empty("sentences"), schema.empty("mentions"),
                       schema.empty("actors"))
    assert q.empty and list(q.columns)[:9] == list(schema.TABLES["quotes"])
    q = run("Kein Zitat in diesem Text.")
    assert q.empty and not schema.check("quotes", q)


def test_lexicon_is_extensible(tmp_path: Path) -> None:
    text = '"Wir sind bereit zu helfen", flüsterte Merz.'
    assert pd.isna(run(text).loc[0, "speaker_text"])
    shutil.copy(PACKAGE_DATA / "quotes.yaml", tmp_path / "quotes.yaml")
    p = tmp_path / "quotes.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("    - sagte\n", "    - sagte\n    - flüsterte\n", 1),
                 encoding="utf-8")
    assert run(text, data_dir=str(tmp_path)).loc[0, "speaker_text"] == "Merz"


def test_seeds_quotes(seeds_corpus) -> None:
    q = seeds_corpus.quotes
    assert not schema.check("quotes", q)
    texts = seeds_corpus.articles.set_index("article_id")["text"]
    for _, r in q.iterrows():
        assert texts[r["article_id"]][r["start"]:r["end"]] == r["quote"]
    assert q["quote_id"].is_unique
    assert set(q["kind"]) <= {"direct", "indirect", "term"}
    assert (q["kind"] == "direct").sum() >= 15


def test_person_after_state_genitive_is_the_speaker() -> None:
    text = ("Die Koalition einigte sich nach den Worten von Frankreichs Präsident Emmanuel Macron "
            "auf \"robuste\" Garantien.")
    q = run(text, [("Frankreichs", "FR", "name"), ("Emmanuel Macron", "P:macron", "name")])
    r = one(q, "robuste")
    assert r["kind"] == "direct" and r["speaker_id"] == "P:macron"


def test_short_quote_next_to_a_verb_without_named_speaker_is_a_quotation() -> None:
    q = run('"We stand united," the leaders said in a joint statement.')
    r = one(q, "We stand united")
    assert r["kind"] == "direct" and "leaders" in r["speaker_text"] and pd.isna(r["speaker_id"])


# --- speakers: general rules of the second round ----------------------------------------------

DE_ORGS = [("Ukraine", "UA", "name"), ("SPD", "org:spd", "name"), ("Deutschland", "DE", "name")]
ACTORS += [{"actor_id": "org:spd", "name": "SPD", "type": "organization"},
           {"actor_id": "DE", "name": "Germany", "type": "country"},
           {"actor_id": "P:meloni", "name": "Giorgia Meloni", "type": "person", "country": "IT"},
           {"actor_id": "P:scholz", "name": "Olaf Scholz", "type": "person", "country": "DE"},
           {"actor_id": "P:witkoff", "name": "Steve Witkoff", "type": "person", "country": "US"},
           {"actor_id": "P:putin", "name": "Vladimir Putin", "type": "person", "country": "RU"}]


def test_a_state_inside_the_quotation_is_never_the_speaker() -> None:
    text = ("Merz kündigte neue Hilfen an. Dafür stellt die Regierung Geld bereit. »Wir lassen die Ukraine "
            "nicht im Stich, auch wenn andere zögern«, sagte der SPD-Politiker mit Blick auf Washington.")
    r = one(run(text, [("Merz", "P:merz", "surname"), *DE_ORGS]), "Wir lassen")
    assert r["speaker_id"] == "P:merz"   # the role noun with a party prefix, resolved back to Merz


def test_compound_role_noun_before_an_unknown_name() -> None:
    text = ("„Deutschland darf sich nicht hinter anderen verstecken“, sagte die "
            "Grünen-Verteidigungspolitikerin Agnieszka Brugger. AfD-Fraktionschef Tino Chrupalla lehnte ab.")
    r = one(run(text, DE_ORGS), "Deutschland darf")
    assert pd.isna(r["speaker_id"]) and "Agnieszka Brugger" in r["speaker_text"]
    assert "Chrupalla" not in r["speaker_text"]   # a name does not run over the sentence end


def test_name_runs_over_abbreviated_ranks() -> None:
    r = one(run('"Our money is on the table," said Lt. Col. Ingrid Haugland, a spokesperson.'), "Our money")
    assert r["speaker_text"] == "Lt. Col. Ingrid Haugland"


def test_quote_without_cue_takes_the_person_its_sentence_names_over_the_previous_speaker() -> None:
    text = ("Zurückhaltend äußerte sich Bundeskanzler Olaf Scholz. Er nannte die Debatte „verfrüht“. "
            "Italiens Ministerpräsidentin Giorgia Meloni lehnte die Entsendung ab, ein solcher Einsatz sei "
            "„wenig wirksam“.")
    q = run(text, [("Olaf Scholz", "P:scholz", "name"), ("Giorgia Meloni", "P:meloni", "name")])
    assert one(q, "wenig wirksam")["speaker_id"] == "P:meloni"
    assert one(q, "verfrüht")["speaker_id"] == "P:scholz"


def test_a_name_after_that_or_dass_is_not_the_speaker() -> None:
    text = ("US special envoy Steve Witkoff said on Sunday that Putin had agreed in Alaska that Europe could "
            "offer Ukraine “Article 5-like” protection.")
    r = one(run(text, [("Steve Witkoff", "P:witkoff", "name"), ("Putin", "P:putin", "surname")]), "Article 5")
    assert r["speaker_id"] == "P:witkoff"


def test_many_quotations_in_one_long_line_are_all_found() -> None:
    """A 70,000-character line with 2,400 quotations (its speed is measured by benchmarks, not here)."""
    n = 1200
    text = " ".join(f"Merz sagte „Wort {i} ist gut“ und Deutschland nannte „Plan {i}“," for i in range(n))
    arts = schema.frame("articles", [{"article_id": "a1", "text": text, "language": "de"}])
    q = quotes.extract(arts, None, None, None)
    assert len(q) == 2 * n
    assert q["quote"].iloc[-1] == f"Plan {n - 1}"
    assert all(text[s:e] == t for s, e, t in zip(q["start"], q["end"], q["quote"], strict=True))


# --- the Doc model and the sentence ids ---------------------------------------------------------

def test_sentence_id_is_the_id_of_the_sentences_table_not_a_list_index() -> None:
    text = "Erster Satz. Merz sagte: „Wir sind bereit.“"
    arts = schema.frame("articles", [{"article_id": "a1", "text": text, "language": "de"}])
    sents = segment.segment(arts)
    sents["sentence_id"] = sents["sentence_id"] + 10   # ids need not be 0..n-1
    q = quotes.extract(arts, sents, None, schema.frame("actors", ACTORS))
    assert list(q["sentence_id"]) == [11]


def test_docs_give_mentions_from_their_layer_and_take_the_quotes_layer() -> None:
    from ukrsec.text import Span, docs

    text = "„Wir sind bereit“, sagte der Kanzler. Friedrich Merz reiste ab."
    arts = schema.frame("articles", [{"article_id": "a1", "text": text, "language": "de"}])
    sents = segment.segment(arts)
    ds = list(docs(arts, sents))
    s = text.index("der Kanzler")
    role = {"actor_id": "P:merz", "mention_kind": "role"}
    ds[0].add("mentions", [Span(s, s + len("der Kanzler"), "role", role)])
    q = quotes.extract(arts, sents, schema.empty("mentions"), schema.frame("actors", ACTORS), docs=ds)
    assert list(q["speaker_id"]) == ["P:merz"]
    layer = ds[0].layers["quotes"]
    assert [(sp.start, sp.end, sp.label) for sp in layer] == [(1, 16, "direct")]
    assert layer[0].data["speaker_id"] == "P:merz"


def test_split_impersonal_cue() -> None:
    q = direct(run('"Die Mission beginnt bald", wie es in der gemeinsamen Erklärung hieß.'))
    assert "Erklärung" in q.loc[0, "speaker_text"] and pd.isna(q.loc[0, "speaker_id"])
