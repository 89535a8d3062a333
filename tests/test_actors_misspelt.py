"""A lone surname that misspells the surname of a person the article already names is that person
(seventh session, issue 14: "Burbock" after "Annalena Baerbock" on a machine-translated page). Own
sentences."""

from __future__ import annotations

from test_actors import run


def _people(text: str, lang: str = "de") -> set[str]:
    m, _ = run(text, lang=lang)
    return {a for a in m["actor_id"] if a.startswith("person:")}


def test_a_misspelt_lone_surname_is_the_person_named_before() -> None:
    text = ("Außenministerin Annalena Baerbock reiste nach Kiew. „Wir bleiben an Ihrer Seite“, "
            "sagte Berbock am Abend.")
    assert _people(text) == {"person:annalena-baerbock"}


def test_a_different_lone_surname_stays_its_own_person() -> None:
    text = ("Außenministerin Annalena Baerbock reiste nach Kiew. „Wir bleiben an Ihrer Seite“, "
            "sagte Bernhard am Abend.")
    got = _people(text)
    assert "person:annalena-baerbock" in got and len(got) == 2, got


def test_a_transliterated_surname_is_the_known_person_even_when_named_only_so() -> None:
    # no other mention of him: the spelling is matched against the gazetteer's surnames
    assert _people("Der Präsident Selenskiy sprach am Abend in Kiew.") == {"person:volodymyr-zelensky"}
    assert _people("Am Montag sagte Schelenskyj, die Lage sei ernst.") == {"person:volodymyr-zelensky"}


def test_an_unknown_surname_near_no_known_spelling_stays_its_own_person() -> None:
    assert "person:volodymyr-zelensky" not in _people("Am Montag sagte Sielmann, die Lage sei ernst.")
    assert "person:volodymyr-zelensky" not in _people("Am Montag sagte Selinger, die Lage sei ernst.")
