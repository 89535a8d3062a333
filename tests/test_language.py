"""Language identification: the quick function-word vote and the model behind it."""

import pytest

from ukrsec import language
from ukrsec.text import lexicon as lx

GERMAN = (
    "Die Bundesregierung hat am Dienstag beschlossen, dass sich die Bundeswehr an der Mission beteiligen "
    "wird. Der Minister sagte, es sei nicht die Zeit für lange Debatten, aber das Parlament müsse noch "
    "zustimmen. Auch die Opposition will sich mit dem Plan befassen und hat eine Sitzung für die "
    "kommende Woche beantragt, bei der über die Kosten gesprochen werden soll."
)
ENGLISH = (
    "The government said on Tuesday that it would send more troops to the region, and that the "
    "decision had been taken after talks with their allies. Ministers who were asked about the cost "
    "could not say what it would be, but they said that this was not the time for delay, and that "
    "parliament should vote on the plan when it returns from the recess."
)
DUTCH = (
    "De regering heeft dinsdag besloten om extra militairen naar het oosten te sturen. Volgens de "
    "minister is het een belangrijke bijdrage aan de veiligheid van Europa, maar de oppositie vindt "
    "dat het parlement eerst had moeten stemmen over de missie en de kosten ervan."
)
MIXED = (
    'Der Kanzler sagte in Berlin: "We are ready to do more for the security of Europe, and we will not '
    'stand aside when our partners need us." Danach reiste er weiter nach Paris. "This is about the '
    'future of the whole continent," he said, and the press applauded.'
)


@pytest.mark.parametrize(("text", "lang"), [(GERMAN, "de"), (ENGLISH, "en")])
def test_plain_prose_is_decided_by_the_vote_and_agrees_with_the_model(text, lang):
    sample = language._sample(text)
    assert language.vote(sample) == lang
    assert language.model(sample) == lang
    assert language.detect(text) == lang


@pytest.mark.parametrize("text", [DUTCH, MIXED, "Ja. Nein. Vielleicht morgen, sagte er."])
def test_other_languages_mixed_and_short_texts_go_to_the_model(text):
    sample = language._sample(text)
    assert language.vote(sample) is None
    expected = language.model(sample) if len(language._LETTERS.findall(sample)) >= 20 else language.UNKNOWN
    assert language.detect(text) == expected


def test_dutch_is_still_recognized():
    assert language.detect(DUTCH) == "nl"


def _vote_file(tmp_path, words):
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "language.yaml").write_text(
        f"min_words: 3\nratio: 2\nmin_share: 0.1\nwords:\n{words}", encoding="utf-8")
    return str(tmp_path)


def test_the_vote_reads_its_words_and_margins_from_the_data_file(tmp_path):
    d = _vote_file(tmp_path, "  xx: [foo, bar]\n  yy: [baz]\n")
    assert language.vote("foo bar foo baz lorem", d) == "xx"
    assert language.vote("foo baz baz lorem", d) is None  # 1 against 2: no clear vote


def test_a_word_listed_for_two_languages_is_an_error_naming_the_file(tmp_path):
    d = _vote_file(tmp_path, "  xx: [foo]\n  yy: [Foo]\n")
    with pytest.raises(lx.LexiconError, match=r"language\.yaml: 'Foo' is listed for both xx and yy"):
        language.vote_words(d)
