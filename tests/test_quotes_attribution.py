"""Tests of ``ukrsec.quotes.attribution``: who speaks, also when others are named nearby."""

from __future__ import annotations

from test_quotes import direct, one, run

PEOPLE = [
    ("Merz", "P:merz", "surname"),
    ("Macron", "P:macron", "surname"),
    ("Starmer", "P:starmer", "surname"),
]
ZEL = [("Selenskyj", "P:zel", "surname"), ("Zelenskyy", "P:zel", "surname")]


def test_the_object_of_a_preposition_after_the_verb_is_not_the_speaker() -> None:
    q = run(
        "Merz forderte von Selenskyj, dass die Ukraine „mehr Tempo bei den Reformen“ mache.", PEOPLE + ZEL
    )
    assert one(q, "mehr Tempo")["speaker_id"] == "P:merz"


def test_the_object_of_a_preposition_before_the_verb_is_not_the_speaker() -> None:
    text = 'Starmer, speaking alongside Zelenskyy in London on Monday, said Britain would "never look away".'
    assert one(run(text, PEOPLE + ZEL), "never look away")["speaker_id"] == "P:starmer"
    text = 'Macron said alongside Zelenskyy that Europe would "not abandon Kyiv".'
    assert one(run(text, PEOPLE + ZEL), "not abandon")["speaker_id"] == "P:macron"


def test_a_relative_clause_gives_its_own_speaker() -> None:
    text = 'Starmer met the French president, Emmanuel Macron, who said the offer was "the best in years".'
    q = run(text, PEOPLE + [("Emmanuel Macron", "P:macron", "name")])
    assert one(q, "best in years")["speaker_id"] == "P:macron"


def test_a_paragraph_that_continues_a_quotation_keeps_its_speaker() -> None:
    text = (
        '"We will stay as long as needed," Starmer told reporters. "Nobody should doubt that.\n\n'
        '"And we will not be the last to leave."\n\nThe talks continue on Friday.'
    )
    q = direct(run(text, PEOPLE))
    assert list(q["speaker_id"]) == ["P:starmer", "P:starmer", "P:starmer"]


def test_a_quotation_paragraph_after_a_quoted_paragraph_keeps_its_speaker() -> None:
    text = (
        "„Wir stehen zu unserem Wort“, sagte Merz am Abend.\n\n"
        "„Die Ukraine kann sich auf Deutschland verlassen, heute und morgen.“\n\nDanach reiste er ab."
    )
    assert list(direct(run(text, PEOPLE))["speaker_id"]) == ["P:merz", "P:merz"]


def test_post_posed_speaker_with_inversion() -> None:
    q = run("„Darüber ist nicht entschieden“, antwortete Lessing. „Wir warten ab“, so Merz.", PEOPLE)
    assert one(q, "nicht entschieden")["speaker_text"] == "Lessing"
    assert one(q, "Wir warten ab")["speaker_id"] == "P:merz"


def test_a_speaker_named_by_role_resolves_to_the_person_named_before() -> None:
    text = (
        "Bundeskanzler Friedrich Merz reiste nach Rom. „Wir bleiben an der Seite der Ukraine“, "
        "sagte der Kanzler."
    )
    q = run(text, [("Friedrich Merz", "P:merz", "name")])
    assert one(q, "Wir bleiben")["speaker_id"] == "P:merz"
    text = 'The prime minister, Keir Starmer, spoke to MPs. "We are ready," the prime minister said.'
    q = run(text, [("Keir Starmer", "P:starmer", "name")])
    assert one(q, "We are ready")["speaker_id"] == "P:starmer"


def test_a_bare_role_is_the_person_the_text_gives_that_role() -> None:
    text = (
        "Verteidigungsminister Olaf Scholz traf Friedrich Merz in Berlin. Merz sprach über den Haushalt. "
        "„Wir liefern, was wir zugesagt haben“, sagte der Minister."
    )
    q = run(
        text,
        [
            ("Olaf Scholz", "P:scholz", "name"),
            ("Friedrich Merz", "P:merz", "name"),
            ("Merz", "P:merz", "surname"),
        ],
    )
    assert one(q, "Wir liefern")["speaker_id"] == "P:scholz"  # not Merz, named last


def test_a_role_the_actors_stage_resolved_yields_to_the_text() -> None:
    text = "Bundeskanzler Olaf Scholz reiste nach Wien. „Wir helfen, wo wir können“, sagte der Kanzler."
    q = run(text, [("Olaf Scholz", "P:scholz", "name"), ("der Kanzler", "P:merz", "role")])
    assert one(q, "Wir helfen")["speaker_id"] == "P:scholz"


def test_a_role_in_an_apposition_after_the_name() -> None:
    text = (
        "Keir Starmer, the prime minister, met Emmanuel Macron. Macron spoke first. "
        '"We are ready," the prime minister said.'
    )
    q = run(
        text,
        [
            ("Keir Starmer", "P:starmer", "name"),
            ("Emmanuel Macron", "P:macron", "name"),
            ("Macron", "P:macron", "surname"),
        ],
    )
    assert one(q, "We are ready")["speaker_id"] == "P:starmer"


def test_a_name_in_apposition_before_the_verb_beats_the_organization() -> None:
    text = "Der Chef der Partei SPD, Anna Muster, nannte den Plan „einen Irrweg“."
    q = run(text, [("SPD", "org:spd", "name")])
    assert one(q, "Irrweg")["speaker_text"] == "Anna Muster"


def test_a_post_on_social_media_is_speech() -> None:
    text = 'Macron posted on X that the deal showed "Europe keeps its word".'
    q = one(run(text, PEOPLE), "keeps its word")
    assert q["kind"] == "direct" and q["speaker_id"] == "P:macron"
    text = "Merz postete auf X, Europa müsse „jetzt liefern“."
    q = one(run(text, PEOPLE), "jetzt liefern")
    assert q["kind"] == "direct" and q["speaker_id"] == "P:merz"


def test_writing_on_a_platform_names_the_speaker_after_the_quotation() -> None:
    text = "„Unsere Soldaten bleiben zu Hause“, schrieb Merz auf X."
    assert one(run(text, PEOPLE), "Soldaten bleiben")["speaker_id"] == "P:merz"
    text = "Starmer wrote on Telegram that Britain would \"stand firm\"."
    assert one(run(text, PEOPLE), "stand firm")["speaker_id"] == "P:starmer"


GOVERNED_TEXTS = [
    "Ein Treffen mit Verteidigungsminister Anton Beispiel in Rom",
    "The talks with the Finnish Prime Minister Ella Example went well",
    "He spoke alongside City Paper’s Chief Editor Jo Sample yesterday",
    "Gespräche mit\nKanzlerin Maria Muster, danach, Berlin: Max Mustermann",
    "Nach dem Treffen sagte sie. Anna Beispiel ging. Von O'Neill Smith",
]


def test_the_cheap_governor_test_never_changes_what_the_patterns_decide() -> None:
    from types import SimpleNamespace

    from ukrsec.quotes import attribution as at
    from ukrsec.quotes.lexicon import lexicon

    lex = lexicon()
    found = 0
    for text in GOVERNED_TEXTS:
        art = SimpleNamespace(masked=text, lex=lex)
        for pos in range(len(text) + 1):
            found_by = [rx.search(text, max(0, pos - 80), pos)
                        for rx in (at._GOVERNOR, at._GOVERNOR_POSSESSIVE, at._GOVERNOR_ARTICLE)]
            by_patterns = any(m is not None and m.group(1).lower() in lex.prepositions for m in found_by)
            assert at._governed(art, pos) == by_patterns, (text, pos)
            found += by_patterns
    assert found >= 8  # names after "mit", "with the", "alongside", "mit" + line break, "Von"
