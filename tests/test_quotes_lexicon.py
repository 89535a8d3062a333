"""Tests of ``ukrsec.quotes.lexicon``: the checked word lists and the one matcher built from them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ukrsec.quotes.lexicon import lexicon, separable
from ukrsec.resources import PACKAGE_DATA
from ukrsec.text import LexiconError


def test_separable_verbs_keep_their_particles() -> None:
    got = separable(["sagte", "teilte … mit", "teilte … ein", "gab ... an"])
    assert got == {"sagte": None, "teilte": frozenset({"mit", "ein"}), "gab": frozenset({"an"})}


def test_cue_words_are_labelled_with_their_kinds() -> None:
    lex = lexicon()
    spans = lex.cues.find("Laut Merz sagte der Kanzler, er sei bereit, hieß es.")
    by_label = {(s.label, s.start): s for s in spans}
    assert "verb" in by_label[("word", 10)].data.data           # sagte
    assert "role" in by_label[("word", 20)].data.data           # Kanzler
    assert "pronoun" in by_label[("word", 29)].data.data        # er
    assert ("before", 0) in by_label and ("reported", 32) in by_label and ("impersonal", 44) in by_label


def test_function_words_come_from_data() -> None:
    lex = lexicon()
    assert "dass" in {p.text for p in lex.cues.patterns if p.label == "complementizer"}
    assert {"von", "der"} <= lex.name_particles and "Col" in lex.title_abbreviations


@pytest.mark.parametrize("name", ["quotes.yaml", "quotes/function_words.yaml"])
def test_a_misspelt_key_is_an_error_naming_file_and_key(tmp_path: Path, name: str) -> None:
    (tmp_path / "quotes").mkdir()
    shutil.copy(PACKAGE_DATA / name, tmp_path / name)
    p = tmp_path / name
    text = p.read_text(encoding="utf-8")
    key = "pronouns:" if name == "quotes.yaml" else "determiners:"
    p.write_text(text.replace(key, key[:-2] + "x:", 1), encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"{name}.*{key[:-2]}x"):
        lexicon(str(tmp_path))
