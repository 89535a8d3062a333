import pytest

from ukrsec.text import fold


@pytest.mark.parametrize("text", ["Élysée-Palast", "Łódź und Kyjiw", "ÄÖÜ straße", "İstanbul", "a\u2013b ’s"])
def test_images_keep_the_length(text):
    for how in ("lower", "fold", "fold_case"):
        assert len(fold.image(text, how)) == len(text)


def test_fold_removes_accents_and_case():
    assert fold.fold("Élysée") == "elysee"
    assert fold.fold_case("Élysée") == "Elysee"
    assert fold.lower("ÄRGER") == "ärger"
    assert fold.fold("Łódź") == "lodz"


def test_unknown_image_is_an_error():
    with pytest.raises(ValueError, match="unknown text image"):
        fold.image("x", "upper")


@pytest.mark.parametrize("text", ["a-b c_d", "Élysée, Łódź!", "x" * 300 + " Ä\u00a0ö;", "\U0001f600 ok"])
def test_word_image_marks_every_non_word_character(text):
    import re

    assert fold.word_image(text) == re.sub(r"\W", "#", text)


@pytest.mark.parametrize(
    "text", ["ΟΔΟΣ ΚΑΙ ΟΔΟΣ", "İstanbul und Köln " * 20, "Straße „Zitat“ " * 30, "ÉLYSÉE"]
)
def test_lower_is_the_character_by_character_lower_case(text):
    expected = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    assert fold.lower(text) == expected  # a final capital sigma stays σ, İ keeps its case
