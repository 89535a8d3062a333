import pytest

from ukrsec.text import lexicon as lx

SCHEMA = lx.Keys(
    {"types": lx.MapOf(lx.Keys({"cues": lx.ListOf(str)}, optional={"weight": float}))},
    optional={"version": int},
)


def write(tmp_path, text):
    (tmp_path / "lex.yaml").write_text(text, encoding="utf-8")
    return str(tmp_path)


def test_a_good_file_loads(tmp_path):
    data = lx.load("lex.yaml", SCHEMA, write(tmp_path, "types:\n  a:\n    cues: [x, y]\n    weight: 2\n"))
    assert data["types"]["a"]["cues"] == ["x", "y"]


def test_a_misspelt_key_names_file_and_key(tmp_path):
    d = write(tmp_path, "types:\n  a:\n    cuse: [x]\n")
    with pytest.raises(lx.LexiconError, match=r"lex\.yaml: unknown key 'cuse' in types\.a"):
        lx.load("lex.yaml", SCHEMA, d)


def test_a_missing_key_is_an_error(tmp_path):
    d = write(tmp_path, "types:\n  a:\n    weight: 1\n")
    with pytest.raises(lx.LexiconError, match=r"missing key 'cues' in types\.a"):
        lx.load("lex.yaml", SCHEMA, d)


def test_a_wrong_type_is_an_error(tmp_path):
    d = write(tmp_path, "types:\n  a:\n    cues: [x, 3]\n")
    with pytest.raises(lx.LexiconError, match=r"types\.a\.cues\[1\] must be a string"):
        lx.load("lex.yaml", SCHEMA, d)


def test_one_of(tmp_path):
    schema = lx.MapOf(lx.OneOf(str, lx.Keys({"text": str}, optional={"case": bool})))
    d = write(tmp_path, "a: plain\nb: {text: US, case: true}\n")
    assert lx.load("lex.yaml", schema, d)["b"]["case"] is True
    d = write(tmp_path, "a: 3\n")
    with pytest.raises(lx.LexiconError, match="a must be"):
        lx.load("lex.yaml", schema, d)


def test_word_lists(tmp_path):
    (tmp_path / "w.txt").write_text("# comment\nUnd\n\noder\n", encoding="utf-8")
    assert lx.words("w.txt", str(tmp_path), lower=True) == {"und", "oder"}


def test_packaged_inflection_file_fits_its_schema():
    from ukrsec.text.matcher import INFLECTION_SCHEMA

    assert "en" in lx.load("text/inflection.yaml", INFLECTION_SCHEMA)["endings"]
