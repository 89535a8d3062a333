"""Commitments: stances, conditions, quantities, actor attribution.

The tests build small articles and hand-made mention/actor frames, so they check the
commitment rules on their own, independently of the actors stage.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from ukrsec import actors, commitments, pipeline, schema, segment
from ukrsec.commitments import find_quantities, parse_number
from ukrsec.commitments.cues import anchor_positions, pattern_hits
from ukrsec.commitments.lexicon import regex_prefixes
from ukrsec.load import RawDoc

ACTORS = [
    ("FR", "France", "country", "FR", None), ("GB", "United Kingdom", "country", "GB", None),
    ("DE", "Germany", "country", "DE", None), ("IT", "Italy", "country", "IT", None),
    ("US", "United States", "country", "US", None), ("UA", "Ukraine", "country", "UA", None),
    ("RU", "Russia", "country", "RU", None), ("PL", "Poland", "country", "PL", None),
    ("ES", "Spain", "country", "ES", None), ("NL", "Netherlands", "country", "NL", None),
    ("person:meloni", "Giorgia Meloni", "person", "IT", None),
    ("person:merz", "Friedrich Merz", "person", "DE", None),
    ("person:schoof", "Dick Schoof", "person", "NL", None),
    ("COALITION", "Coalition of the Willing", "organization", None, "coalition"),
    ("EU", "European Union", "organization", None, "international"),
    ("org:bundeswehr", "Bundeswehr", "organization", "DE", "military"),
    ("org:afp", "AFP", "organization", "FR", "media"),
    ("org:nato", "NATO", "organization", None, "alliance"),
    ("DK", "Denmark", "country", "DK", None), ("NO", "Norway", "country", "NO", None),
    ("EE", "Estonia", "country", "EE", None), ("LT", "Lithuania", "country", "LT", None),
    ("GR", "Greece", "country", "GR", None), ("SK", "Slovakia", "country", "SK", None),
    ("HU", "Hungary", "country", "HU", None), ("CA", "Canada", "country", "CA", None),
    ("person:macron", "Emmanuel Macron", "person", "FR", None),
    ("person:tusk", "Donald Tusk", "person", "PL", None),
    ("person:rutte", "Mark Rutte", "person", "NL", None),
    ("person:vdl", "Ursula von der Leyen", "person", "DE", None),
    ("org:afd", "AfD", "organization", "DE", "party"),
    ("AT", "Austria", "country", "AT", None), ("SE", "Sweden", "country", "SE", None),
    ("BE", "Belgium", "country", "BE", None), ("CZ", "Czechia", "country", "CZ", None),
]
ROLES = {"person:rutte": "Secretary General of NATO", "person:vdl": "President of the European Commission"}

# surface regex -> (actor_id, mention_kind)
GAZ = [
    (r"Frankreichs?|France", "FR", "name"), (r"französisch\w*|French", "FR", "adjective"),
    (r"Großbritannien|Britain", "GB", "name"), (r"britisch\w*|British", "GB", "adjective"),
    (r"Deutschlands?|Germany", "DE", "name"), (r"deutsch\w*", "DE", "adjective"),
    (r"Italiens?|Italy", "IT", "name"), (r"italienisch\w*|Italian", "IT", "adjective"),
    (r"Italiener", "IT", "demonym"),
    (r"USA|United States|US", "US", "name"), (r"amerikanisch\w*|American", "US", "adjective"),
    (r"Ukraine", "UA", "name"), (r"ukrainisch\w*|Ukrainian", "UA", "adjective"),
    (r"Russland|Russia", "RU", "name"),
    (r"Kreml", "RU", "metonym"), (r"Polen|Poland", "PL", "name"), (r"polnisch\w*", "PL", "adjective"),
    (r"Spanien|Spain", "ES", "name"), (r"Niederlande|Netherlands", "NL", "name"),
    (r"(?:Giorgia )?Meloni", "person:meloni", "surname"), (r"(?:Friedrich )?Merz", "person:merz", "surname"),
    (r"Schoof", "person:schoof", "surname"),
    (r"Koalition der Willigen|Coalition of the Willing", "COALITION", "name"),
    (r"EU|Europäische Union", "EU", "name"), (r"Bundeswehr", "org:bundeswehr", "name"),
    (r"AFP", "org:afp", "name"), (r"NATO", "org:nato", "name"),
    (r"Dänemark|Denmark", "DK", "name"), (r"Kopenhagen", "DK", "metonym"), (r"Norway|Norwegen", "NO", "name"),
    (r"Estland|Estonia", "EE", "name"), (r"Litauen|Lithuania", "LT", "name"),
    (r"Griechenland|Greece", "GR", "name"), (r"Slowakei|Slovakia", "SK", "name"),
    (r"Ungarn|Hungary", "HU", "name"), (r"Kanada|Canada", "CA", "name"),
    (r"polnisch\w*|Polish", "PL", "adjective"),
    (r"(?:Emmanuel )?Macron", "person:macron", "surname"),
    (r"(?:Donald )?Tusk", "person:tusk", "surname"), (r"(?:Mark )?Rutte", "person:rutte", "surname"),
    (r"(?:Ursula )?von der Leyen", "person:vdl", "surname"),
    (r"AfD", "org:afd", "name"),
    (r"Österreich|Austria", "AT", "name"), (r"Schweden|Sweden", "SE", "name"),
    (r"Belgien|Belgium", "BE", "name"), (r"Tschechien|Czech Republic", "CZ", "name"),
]
_RX = [(re.compile(r"(?<!\w)(?:" + p + r")(?!\w)"), a, k) for p, a, k in GAZ]


def tables(*texts: str, language: str = "de") -> tuple[pd.DataFrame, ...]:
    """articles, sentences, mentions, actors for the texts (mentions found with GAZ)."""
    arts = schema.frame("articles", [{"article_id": f"a{i}", "text": t, "language": language,
                                      "outlet": f"outlet{i}"} for i, t in enumerate(texts)])
    sents = segment.segment(arts)
    rows = []
    for a in arts.itertuples():
        taken: list[tuple[int, int]] = []
        for rx, aid, kind in _RX:
            for m in rx.finditer(a.text):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                ss = sents[(sents.article_id == a.article_id) & (sents.start <= m.start())]
                rows.append({"article_id": a.article_id, "sentence_id": int(ss.sentence_id.iloc[-1]),
                             "start": m.start(), "end": m.end(), "surface": m.group(0), "actor_id": aid,
                             "mention_kind": kind})
    ments = schema.frame("mentions", rows) if rows else schema.empty("mentions")
    acts = schema.frame("actors", [{"actor_id": a, "name": n, "type": t, "country": c, "kind": k,
                                    "role": ROLES.get(a)} for a, n, t, c, k in ACTORS])
    return arts, sents, ments, acts


def extract(*texts: str, language: str = "de") -> pd.DataFrame:
    return commitments.extract(*tables(*texts, language=language))


def full_tables(text: str, language: str = "de", published: str = "2025-06-01") -> tuple[pd.DataFrame, ...]:
    """articles, sentences, mentions, actors for ``text`` with the real actors stage (the gazetteer's
    states, people and roles, datelines)."""
    arts = schema.frame("articles", [{"article_id": "a0", "text": text, "language": language,
                                      "outlet": "Outlet", "published": published}])
    sents = segment.segment(arts)
    return (arts, sents, *actors.extract(arts, sents))


def full_extract(text: str, language: str = "de", published: str = "2025-06-01") -> pd.DataFrame:
    """The commitments of ``text`` through the real actors stage."""
    return commitments.extract(*full_tables(text, language, published))


def parsed_rows(text: str) -> dict[tuple[str, str], tuple[str, list[str], object]]:
    """(actor, type) -> (stance, conditions, quantity_min) for the text, parsed with every stage."""
    out = pipeline.combine([pipeline.parse_docs([RawDoc("t", "t.txt", text)])], ["t"])
    return {(r.actor_id, r.type): (r.stance, list(r.conditions), r.quantity_min)
            for r in out["commitments"].itertuples()}


def pairs(df: pd.DataFrame) -> dict[tuple[str, str], str]:
    """(actor, type) -> stance."""
    return {(r.actor_id, r.type): r.stance for r in df.itertuples()}


# --- stances ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text,language,expected", [
    ("Frankreich verpflichtet sich, Truppen in die Ukraine zu entsenden.",
     "de", ("FR", "ground_troops", "pledged")),
    ("Großbritannien sagte Aufklärung und Logistik zu.", "de", ("GB", "intelligence", "pledged")),
    ("Britain will provide intelligence to the force.", "en", ("GB", "intelligence", "pledged")),
    ("Frankreich prüft, mehrere tausend Soldaten zu entsenden.",
     "de", ("FR", "ground_troops", "considering")),
    ("Deutschland könnte Soldaten in ein Nachbarland entsenden.",
     "de", ("DE", "neighbour_deployment", "considering")),
    ("Spain is considering sending troops.", "en", ("ES", "ground_troops", "considering")),
    ("Ob die Niederlande Truppen schicken, ist noch offen.", "de", ("NL", "ground_troops", "undecided")),
    ("Die Niederlande können eine Teilnahme an der Truppe noch nicht bestätigen.", "de",
     ("NL", "ground_troops", "undecided")),
    ("The Netherlands has not decided whether to send troops.", "en", ("NL", "ground_troops", "undecided")),
    ("Italien lehnt die Entsendung von Bodentruppen ab.", "de", ("IT", "ground_troops", "declined")),
    ("Polen hat keine Pläne, Soldaten in die Ukraine zu schicken.",
     "de", ("PL", "ground_troops", "declined")),
    ("Poland rules out sending troops.", "en", ("PL", "ground_troops", "declined")),
])
def test_stance(text, language, expected):
    df = extract(text, language=language)
    actor, typ, stance = expected
    assert pairs(df).get((actor, typ)) == stance, df[["actor_id", "type", "stance", "cue"]]


def test_no_stance_no_commitment():
    assert extract("Frankreich und Deutschland diskutierten über Truppen.").empty


def test_contrast_gives_two_commitments_with_opposite_stances():
    got = pairs(extract("Die USA schicken keine Bodentruppen, aber Logistik und Aufklärung."))
    assert got[("US", "ground_troops")] == "declined"
    assert got[("US", "logistics")] == "pledged"
    assert got[("US", "intelligence")] == "pledged"
    got = pairs(extract("The US will send no ground troops but will provide logistics.", language="en"))
    assert got[("US", "ground_troops")] == "declined"
    assert got[("US", "logistics")] == "pledged"


def test_hedge_next_to_auxiliary_is_considering():
    got = pairs(extract("Frankreich kündigte an, dass Soldaten eingesetzt werden könnten."))
    assert got[("FR", "ground_troops")] == "considering"


# --- conditions ------------------------------------------------------------------------------

@pytest.mark.parametrize("text,language,cond", [
    ("Frankreich will Truppen entsenden, sobald ein Waffenstillstand gilt.", "de", "ceasefire"),
    ("Frankreich will im Falle einer Waffenruhe Stützpunkte errichten.", "de", "ceasefire"),
    ("Frankreich erwägt nach einem möglichen Waffenstillstand Truppen zu schicken.", "de", "ceasefire"),
    ("Polen könnte Soldaten schicken, nach einem Friedensschluss.", "de", "peace_agreement"),
    ("Spanien ist bereit, Truppen zu stellen, vorbehaltlich der Zustimmung des Parlaments.", "de",
     "parliament_approval"),
    ("Deutschland könnte Truppen schicken, wenn der Bundestag zustimmt.", "de", "parliament_approval"),
    ("Deutschland könnte Truppen schicken, wenn die Amerikaner einspringen.", "de", "us_backstop"),
    ("Deutschland könnte Truppen schicken, dazu brauche es eine rechtlich bindende Garantie der USA.", "de",
     "us_backstop"),
    ("Britain would send troops after a ceasefire.", "en", "ceasefire"),
    ("Britain would send troops subject to a House of Commons vote.", "en", "parliament_approval"),
    ("Frankreich könnte Truppen schicken, vorausgesetzt Russland hält still.", "de", "other"),
    ("France says it will send troops, but only with a US backstop.", "en", "us_backstop"),
    ("Italien sei bereit, sich an einer Garantie zu beteiligen, sofern die Vereinigten Staaten mit im Boot "
     "seien.", "de", "us_backstop"),
    ("France could send troops once the guns fall silent.", "en", "ceasefire"),
    ("Britain will send personnel if there is a peace deal.", "en", "peace_agreement"),
    ("Frankreich will Truppen schicken, wenn die Waffen schweigen.", "de", "ceasefire"),
])
def test_conditions(text, language, cond):
    df = extract(text, language=language)
    assert not df.empty
    assert cond in df.iloc[0]["conditions"], df[["actor_id", "type", "conditions"]]


def test_us_backstop_does_not_make_the_us_commit():
    df = extract("Deutschland könnte Truppen schicken, wenn die Amerikaner einspringen.")
    assert set(df["actor_id"]) == {"DE"}


def test_conditions_carry_to_previous_sentence_of_same_actor():
    df = extract("Die Niederlande können die Teilnahme an der Truppe noch nicht bestätigen. "
                 "„Darüber muss ich mit dem Parlament sprechen, wenn es einen Waffenstillstand gibt“, "
                 "sagte Schoof.")
    row = df[(df.actor_id == "NL") & (df.type == "ground_troops")].iloc[0]
    assert {"parliament_approval", "ceasefire"} <= set(row["conditions"])


def test_unconditional_commitment_has_no_conditions():
    df = extract("Frankreich verpflichtet sich, Truppen zu entsenden.")
    assert list(df.iloc[0]["conditions"]) == []


# --- quantities ------------------------------------------------------------------------------

@pytest.mark.parametrize("s,value", [
    ("15.000", 15000), ("15,000", 15000), ("15 000", 15000), ("2,5", 2.5), ("2.5", 2.5),
    ("1.250.000", 1250000), ("1,250,000.5", 1250000.5), ("90", 90),
])
def test_parse_number(s, value):
    assert parse_number(s) == pytest.approx(value)


@pytest.mark.parametrize("text,language,expected", [
    ("mit 15.000 Soldaten", "de", (15000, 15000, "soldiers")),
    ("with 15,000 troops", "en", (15000, 15000, "soldiers")),
    ("2,5 Milliarden Euro", "de", (2.5e9, 2.5e9, "EUR")),
    ("90 Mrd. Euro", "de", (90e9, 90e9, "EUR")),
    ("90 Milliarden Euro Hilfe", "de", (90e9, 90e9, "EUR")),
    ("bis zu 30.000 Soldaten", "de", (None, 30000, "soldiers")),
    ("zwischen 10.000 und 30.000 Soldaten", "de", (10000, 30000, "soldiers")),
    ("von 15.000 bis 30.000 westlichen Soldaten", "de", (15000, 30000, "soldiers")),
    # vague amounts keep their words and give no figures
    ("mehrere Tausend Soldaten", "de", (None, None, "soldiers")),
    ("„mehrerer Tausend“ französischer Soldaten", "de", (None, None, "soldiers")),
    ("Tausende französische Soldaten", "de", (None, None, "soldiers")),
    ("thousands of troops", "en", (None, None, "soldiers")),
    ("up to 30,000 troops", "en", (None, 30000, "soldiers")),
    ("$5 billion", "en", (5e9, 5e9, "USD")),
    ("€90bn", "en", (90e9, 90e9, "EUR")),
    ("2 bis 3 Milliarden Dollar", "de", (2e9, 3e9, "USD")),
])
def test_quantities(text, language, expected):
    qs = find_quantities(text, language)
    assert qs, text
    q = qs[0]
    assert (q.qmin, q.qmax, q.unit) == (
        None if expected[0] is None else pytest.approx(expected[0]),
        None if expected[1] is None else pytest.approx(expected[1]), expected[2])


def test_number_without_unit_is_no_quantity():
    assert find_quantities("Am 6. Januar 2026 trafen sich 35 Vertreter.", "de") == []


def test_quantity_attached_to_fitting_type():
    df = extract("Die EU hat 90 Milliarden Euro Hilfe genehmigt. "
                 "Die Koalition der Willigen verpflichtet sich zu einer Truppe "
                 "von 15.000 bis 30.000 Soldaten.")
    eu = df[df.actor_id == "EU"].iloc[0]
    assert (eu["type"], eu["quantity_min"], eu["unit"]) == ("funding", 90e9, "EUR")
    co = df[(df.actor_id == "COALITION") & (df.type == "ground_troops")].iloc[0]
    assert (co["quantity_min"], co["quantity_max"], co["unit"]) == (15000, 30000, "soldiers")


# --- actors ----------------------------------------------------------------------------------

def test_adjective_owns_the_troops():
    got = pairs(extract("Tausende französische Soldaten könnten an der Mission teilnehmen."))
    assert got == {("FR", "ground_troops"): "considering"}


def test_demonym_is_the_state():
    got = pairs(extract("Die Italiener lehnen die Entsendung von Bodentruppen ab."))
    assert got == {("IT", "ground_troops"): "declined"}


def test_leader_speaks_for_state():
    got = pairs(extract("Giorgia Meloni lehnt Bodentruppen ab."))
    assert got == {("IT", "ground_troops"): "declined"}


def test_national_body_is_its_state():
    got = pairs(extract("Eine Beteiligung der Bundeswehr an der Truppe ist noch offen."))
    assert got == {("DE", "ground_troops"): "undecided"}


def test_coalition_stays_coalition_and_is_not_copied_onto_members():
    df = extract("Die Koalition der Willigen, zu der Frankreich und Deutschland gehören, "
                 "verpflichtet sich zu einer multinationalen Truppe.")
    assert set(df["actor_id"]) == {"COALITION"}


def test_subject_not_object():
    df = extract("Kanzler Merz stellt für Deutschland Stützpunkte in Aussicht.")
    assert pairs(df) == {("DE", "military_hubs"): "considering"}
    df = extract("Die USA verpflichten sich, die europäische Truppe mit Aufklärung zu unterstützen.")
    assert pairs(df) == {("US", "intelligence"): "pledged"}
    df = extract("Die USA verpflichten sich, die europäische Truppe zu unterstützen.")
    assert ("US", "ground_troops") not in pairs(df)


def test_coordinated_subjects_both_commit():
    got = pairs(extract("Nach einem Waffenstillstand wollen Großbritannien und Frankreich "
                        "Stützpunkte errichten."))
    assert got == {("GB", "military_hubs"): "pledged", ("FR", "military_hubs"): "pledged"}


def test_ukraine_and_russia_never_commit():
    assert extract("Der Kreml lehnt ausländische Truppen in der Ukraine strikt ab.").empty
    df = extract("Frankreich will den Wiederaufbau der ukrainischen Streitkräfte finanzieren.")
    assert set(df["actor_id"]) == {"FR"}


def test_media_never_commit():
    df = extract("Wie AFP berichtet, verpflichten sich die USA, Aufklärung zu leisten.")
    assert set(df["actor_id"]) == {"US"}


def test_pronoun_takes_previous_subject():
    df = extract("Friedrich Merz sprach in Paris. Er sagte, dass wir Kräfte auf benachbartem Nato-Gebiet "
                 "einmelden könnten.")
    assert pairs(df) == {("DE", "neighbour_deployment"): "considering"}


# --- table -----------------------------------------------------------------------------------

def test_table_columns_ids_offsets_and_plover():
    arts, sents, ments, acts = tables("Italien lehnt Bodentruppen ab. Frankreich sagt Stützpunkte zu.")
    df = commitments.extract(arts, sents, ments, acts)
    assert schema.check("commitments", df) == []
    assert list(df["commitment_id"]) == ["a0:c0", "a0:c1"]
    text = arts.iloc[0]["text"]
    for r in df.itertuples():
        assert text[r.start:r.end] in r.cue
        assert r.evidence in text
    assert dict(zip(df["stance"], df["plover"], strict=True)) == {"declined": "REJECT", "pledged": "AGREE"}


def test_empty_input():
    empty = commitments.extract(schema.empty("articles"), schema.empty("sentences"), schema.empty("mentions"),
                                schema.empty("actors"))
    assert empty.empty and schema.check("commitments", empty) == []


# --- giving verbs, split pledges, reported speech, refusals ------------------------------------

@pytest.mark.parametrize("text,language,expected", [
    # a verb of giving is a pledge when the clause has no other stance word
    ("Kopenhagen finanziert bereits Artilleriegeschütze aus ukrainischer Fertigung.", "de",
     ("DK", "weapons", "pledged")),
    ("Norway is sending two minehunters to the Black Sea.", "en", ("NO", "maritime_security", "pledged")),
    # ... but a modal or a refusal in the clause wins
    ("Dänemark könnte Artilleriegeschütze liefern.", "de", ("DK", "weapons", "considering")),
    ("Dänemark lehnt es ab, Artilleriegeschütze zu liefern.", "de", ("DK", "weapons", "declined")),
    # split pledge with commas inside; "stellt ... zur Verfügung"; "bot ... an"
    ("Großbritannien sagte 450 Millionen Pfund für Drohnen, Radargeräte und Minen zu.", "de",
     ("GB", "funding", "pledged")),
    ("Zusätzlich stellt Deutschland der Ukraine Luftabwehrraketen zur Verfügung.", "de",
     ("DE", "weapons", "pledged")),
    ("Norwegen bot an, sich mit Minenjagdbooten im Schwarzen Meer zu beteiligen.", "de",
     ("NO", "maritime_security", "pledged")),
    # English reported speech: "said it would" = "will"; with "not" a refusal
    ("Germany said it would provide $1.5 billion for air defence interceptors.", "en",
     ("DE", "weapons", "pledged")),
    ("Poland said it would not send troops to Ukraine.", "en", ("PL", "ground_troops", "declined")),
    # "weder ... noch" / "neither ... nor": both refused
    ("Polen will weder Soldaten noch Waffensysteme schicken.", "de", ("PL", "weapons", "declined")),
    ("Poland will send neither troops nor weapons systems.", "en", ("PL", "ground_troops", "declined")),
    ("Poland will send neither troops nor weapons systems.", "en", ("PL", "weapons", "declined")),
    # "ließ offen" leaves it open
    ("Ob die USA weitere Waffenpakete schnüren, ließ Washington offen.", "de",
     ("US", "weapons", "undecided")),
])
def test_giving_verbs_and_split_cues(text, language, expected):
    df = extract(text, language=language)
    actor, typ, stance = expected
    assert pairs(df).get((actor, typ)) == stance, df[["actor_id", "type", "stance", "cue"]]


def test_money_amount_in_pounds_is_funding_with_quantity():
    df = extract("Großbritannien sagte 450 Millionen Pfund für Drohnen zu.")
    row = df[df.type == "funding"].iloc[0]
    assert (row.actor_id, row.quantity_min, row.unit) == ("GB", 450e6, "GBP")


def test_longer_cue_wins_on_the_same_span():
    # "Luftverteidigungssysteme" are delivered weapons, "Luftraumüberwachung" is air policing
    assert pairs(extract("Deutschland werde vier Luftverteidigungssysteme liefern.")) == {
        ("DE", "weapons"): "pledged"}
    assert pairs(extract("Frankreich will sich an der Luftraumüberwachung beteiligen.")) == {
        ("FR", "air_security"): "pledged"}


def test_members_of_an_organization_do_not_commit_as_the_organization():
    df = extract("The mission would rely on ships from the three NATO members.", language="en")
    assert "org:nato" not in set(df.actor_id)


def test_prefix_owner_without_stance_is_a_description():
    assert extract("In Polen sind rund 10.000 NATO-Soldaten stationiert.").empty


def test_subject_after_a_sentence_ending_in_a_prepositional_phrase():
    df = extract("Die Munition wird nach Kiew geliefert an Polen. "
                 "Norway pledged to fund air defence systems.", language="en")
    assert ("NO", "weapons") in pairs(df)


def test_regex_prefixes_and_anchored_patterns_match_a_full_scan():
    assert regex_prefixes(r"\bh(?:ä|a)ng(?:t|en)\b") == {"hängt", "hängen", "hangt", "hangen"}
    assert regex_prefixes(r"\b(?:zu)?schließen") is None
    lex = commitments.lexicon(None)
    text = ("Frankreich schließt einen Einsatz nicht aus, Italien sagte Hilfe zu; die USA ließen es offen, "
            "Polen wehrt sich gegen jede Entsendung und stellt nichts in Aussicht.").lower()
    anchors = anchor_positions(text, lex)
    assert anchors is not None
    assert pattern_hits(text, 0, len(text), anchors, lex) == pattern_hits(text, 0, len(text), None, lex)



@pytest.mark.parametrize("text", [
    "Frankreich ſchließt die Entsendung von Soldaten nicht aus.",  # a long s, which IGNORECASE reads as "s"
    "Spanien ſtellt Minenräumer in Aussicht, Italien ſagte Hilfe zu.",
])
def test_a_text_with_a_letter_ignorecase_matches_beyond_ascii_is_scanned_for_stance_patterns(text):
    lex = commitments.lexicon(None)
    low = text.lower()
    scanned = pattern_hits(low, 0, len(low), None, lex)
    assert scanned  # the patterns' "s" matches "ſ"
    assert anchor_positions(low, lex) is None  # no anchoring for such a text
    assert pattern_hits(low, 0, len(low), anchor_positions(low, lex), lex) == scanned


def test_a_stance_pattern_written_with_a_long_s_still_states_a_stance():
    assert pairs(extract("Frankreich ſchließt die Entsendung von Soldaten nicht aus.")).get(
        ("FR", "ground_troops")) == "considering"


# --- doc model and lexicon checks --------------------------------------------------------------

def test_rows_are_added_to_the_doc_layer():
    from ukrsec import text as txt

    arts, sents, ments, acts = tables("Frankreich verpflichtet sich, Truppen zu entsenden.")
    docs = list(txt.docs(arts, sents))
    df = commitments.extract(arts, sents, ments, acts, docs=docs)
    layer = docs[0].layers["commitments"]
    assert [(s.start, s.end, s.label) for s in layer] == [(r.start, r.end, r.type) for r in df.itertuples()]
    assert docs[0].text[layer[0].start:layer[0].end] == "Truppen"


def test_mentions_are_read_from_the_doc_layer_when_present():
    from ukrsec import text as txt
    from ukrsec.text import Span

    arts, sents, ments, acts = tables("Spanien verpflichtet sich, Truppen zu entsenden.")
    docs = list(txt.docs(arts, sents))
    docs[0].add("mentions", [Span(0, 7, "ES", {"actor_id": "ES", "mention_kind": "name"})])
    df = commitments.extract(arts, sents, ments.iloc[0:0], acts, docs=docs)
    assert pairs(df) == {("ES", "ground_troops"): "pledged"}


def test_a_misspelt_key_in_a_lexicon_is_an_error_naming_file_and_key(tmp_path):
    from ukrsec.text import LexiconError

    d = tmp_path / "commitments"
    d.mkdir()
    (d / "clauses.yaml").write_text("new_subjekt: [while]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"clauses\.yaml.*new_subjekt"):
        commitments.lexicon(str(tmp_path))


# --- issue 14: kinds that fail on real pages (sentences written for these tests) -------------

def rows(df: pd.DataFrame) -> set[tuple[str, str, str]]:
    return {(r.actor_id, r.type, r.stance) for r in df.itertuples()}


def test_offers_from_a_list_of_states_give_every_state_its_row():
    df = extract("Frankreich will Soldaten in die Ukraine schicken. Zusagen kommen auch aus Dänemark, "
                 "Estland und Litauen.")
    assert {a for a, t, s in rows(df) if t == "ground_troops" and s == "pledged"} >= {"FR", "DK", "EE", "LT"}


def test_a_list_after_a_colon_names_the_refusing_states():
    df = extract("Drei Staaten erteilten einer Beteiligung mit Bodentruppen eine Absage: Griechenland, "
                 "die Slowakei und Ungarn.")
    assert rows(df) == {(a, "ground_troops", "declined") for a in ("GR", "SK", "HU")}


def test_one_clause_with_three_types():
    got = pairs(extract("Die Niederlande können sowohl in der Luft als auch zu Wasser und zu Lande helfen."))
    assert got == {("NL", "air_security"): "considering", ("NL", "maritime_security"): "considering",
                   ("NL", "ground_troops"): "considering"}


@pytest.mark.parametrize("text", [
    "Twenty-six of Ukraine's allies have pledged to deploy troops once the fighting stops, Macron said.",
    "Macron says 26 countries have committed troops to the force.",
])
def test_a_counted_group_of_states_is_the_coalition_not_the_speaker(text):
    df = extract(text, language="en")
    assert set(df.actor_id) == {"COALITION"}, df[["actor_id", "type", "cue"]]


def test_a_named_state_before_a_count_stays_the_subject():
    df = extract("France and 25 other countries have pledged to send troops.", language="en")
    assert "FR" in set(df.actor_id)


def test_a_person_speaking_for_a_body_commits_the_body():
    df = extract("Mark Rutte, der Generalsekretär der NATO, lehnte eigene Truppen des Bündnisses ab.")
    assert rows(df) == {("org:nato", "ground_troops", "declined")}
    df = extract("Ursula von der Leyen kündigte einen Kredit von 90 Milliarden Euro an.")
    assert rows(df) == {("EU", "funding", "pledged")}
    assert df.quantity_min.iloc[0] == 90e9


def test_the_subject_of_reported_speech_commits_not_the_speaker():
    assert set(extract("Tusk says Germany will send troops.", language="en").actor_id) == {"DE"}
    assert set(extract("Wie die AFP berichtet, will Frankreich Soldaten schicken.").actor_id) == {"FR"}


def test_a_party_refusing_is_not_its_state():
    assert extract("Die AfD lehnt jede Entsendung deutscher Soldaten ab.").empty


def test_conditions_in_the_next_sentences_attach_to_the_commitment_before():
    df = extract("Deutschland ließ offen, ob sich die Bundeswehr mit Soldaten beteiligen wird. "
                 "Über Art und Umfang eines deutschen Beitrags würden Regierung und Bundestag entscheiden. "
                 "Dazu zähle vor allem eine verlässliche Rückendeckung der USA.")
    assert rows(df) == {("DE", "ground_troops", "undecided")}
    assert list(df.conditions.iloc[0]) == ["parliament_approval", "us_backstop"]


def test_parliament_would_have_a_say():
    df = extract("Germany will decide on sending troops at a later stage, and parliament would have a say.",
                 language="en")
    assert rows(df) == {("DE", "ground_troops", "undecided")}
    assert "parliament_approval" in df.conditions.iloc[0]


@pytest.mark.parametrize("text,language,expected", [
    ("Poland has again denied the direct involvement of Polish troops.", "en",
     ("PL", "ground_troops", "declined")),
    ("Spain may be willing to provide Congress-approved security guarantees.", "en",
     ("ES", "security_guarantee", "considering")),
    ("Canada has signalled it will provide intelligence.", "en", ("CA", "intelligence", "considering")),
    ("Spanien dürfte Stützpunkte für die Logistik zur Verfügung stellen.", "de",
     ("ES", "military_hubs", "considering")),
    ("Norwegen hat bislang keine Entscheidung getroffen, ob es Schiffe schickt.", "de",
     ("NO", "maritime_security", "undecided")),
    ("Die Bundeswehr könnte in einem angrenzenden Nato-Staat stationiert werden.", "de",
     ("DE", "neighbour_deployment", "considering")),
    ("Italien hat keine Pläne für einen Einsatz von Soldaten, will aber bei der Ausbildung helfen.", "de",
     ("IT", "army_regeneration", "pledged")),
    ("Britain will lead the maritime mission and will provide air policing alongside France.", "en",
     ("FR", "air_security", "pledged")),
    ("The United States will provide air support for the force but has ruled out sending ground troops.",
     "en", ("US", "ground_troops", "declined")),
    ("Spanien zeigt sich offen für eine Friedenstruppe, will aber zunächst das Parlament befragen.", "de",
     ("ES", "ground_troops", "considering")),
])
def test_stance_cues_of_real_pages(text, language, expected):
    df = extract(text, language=language)
    actor, typ, stance = expected
    assert pairs(df).get((actor, typ)) == stance, df[["actor_id", "type", "stance", "cue"]]


def test_a_refused_answer_is_not_a_refused_commitment():
    df = extract("Italy declined to say how many soldiers it would send.", language="en")
    assert "declined" not in set(df.stance)


def test_joint_actor_only_for_the_type_it_follows():
    got = pairs(extract("Britain will lead the maritime mission and will provide air policing alongside "
                        "France.", language="en"))
    assert ("FR", "maritime_security") not in got


def test_and_clause_with_its_own_subject():
    got = pairs(extract("Italy refused to join the loan, and Spain and France said they would not "
                        "contribute to the funding either.", language="en"))
    assert got == {(a, "funding"): "declined" for a in ("IT", "ES", "FR")}


def test_a_list_of_states_is_not_cut_at_its_oxford_comma():
    got = pairs(extract("France, Britain, and Germany will send troops.", language="en"))
    assert set(got) == {("FR", "ground_troops"), ("GB", "ground_troops"), ("DE", "ground_troops")}


def test_participation_in_the_conditions_parliament_consulted():
    df = extract("Spanien zeigt sich offen für eine Friedenstruppe, will aber zunächst das Parlament "
                 "befragen.")
    assert "parliament_approval" in df.conditions.iloc[0]


def test_two_amounts_give_two_rows():
    df = extract("Germany will provide another €3 billion in military aid next year and €8.5 billion "
                 "until 2029.", language="en")
    got = {(r.type, r.quantity_min) for r in df.itertuples()}
    assert got == {("weapons", 3e9), ("funding", 8.5e9)}


def test_up_to_is_a_maximum_without_minimum():
    df = extract("Großbritannien will bis zu 30.000 Soldaten entsenden.")
    r = df.iloc[0]
    assert pd.isna(r.quantity_min) and r.quantity_max == 30000 and r.quantity_text == "bis zu 30.000 Soldaten"


def test_vague_amounts_keep_their_words_and_are_approximate():
    r = extract("Frankreich will mehrere Tausend Soldaten entsenden.").iloc[0]
    assert pd.isna(r.quantity_min) and pd.isna(r.quantity_max)
    assert (r.quantity_text, bool(r.approximate), r.unit) == ("mehrere Tausend Soldaten", True, "soldiers")
    r = extract("Deutschland werde rund 500 Millionen Euro für Drohnen bereitstellen.").iloc[0]
    assert (r.quantity_min, bool(r.approximate)) == (500e6, True)
    r = extract("Deutschland werde 500 Millionen Euro für Drohnen bereitstellen.").iloc[0]
    assert not r.approximate


@pytest.mark.parametrize("text,language", [
    ("Frankreich wird helfen, ukrainische Soldaten auszubilden.", "de"),
    ("Canada is ready to help train Ukrainian troops.", "en"),
])
def test_training_ukrainian_troops_is_army_regeneration(text, language):
    assert set(extract(text, language=language).type) == {"army_regeneration"}


@pytest.mark.parametrize("text,language", [
    ("Will Germany send troops?", "en"),
    ("Schickt Deutschland bald Soldaten in die Ukraine?", "de"),
    ("Lesen Sie auch: Wird Frankreich Truppen entsenden?", "de"),
])
def test_questions_are_no_commitments(text, language):
    assert extract(text, language=language).empty
