import re

import pytest

from ukrsec.text import Matcher, Pattern, filter_spans
from ukrsec.text.matcher import compile_regex


def surfaces(matcher, text):
    return [text[s.start : s.end] for s in matcher.find(text)]


def test_whole_words_only_without_star():
    m = Matcher([Pattern("truppe", "t")])
    assert surfaces(m, "Die Truppe, die Truppen und die Friedenstruppe.") == ["Truppe"]


def test_star_at_the_end_lets_the_word_run_on():
    m = Matcher(["truppe*"])
    assert surfaces(m, "Truppen und Truppenentsendung, nicht Friedenstruppe") == [
        "Truppen",
        "Truppenentsendung",
    ]


def test_star_at_the_start_matches_inside_compounds():
    m = Matcher(["*truppe*"])
    assert surfaces(m, "Die Friedenstruppen kommen.") == ["Friedenstruppen"]


def test_multiword_patterns_allow_any_white_space():
    m = Matcher(["boots on the ground", "in der luft"])
    text = "No boots on\nthe  ground, but help in der Luft."
    assert surfaces(m, text) == ["boots on\nthe  ground", "in der Luft"]


def test_case_patterns_must_match_letter_by_letter():
    m = Matcher([Pattern("US", "us", case=True), Pattern("nato", "nato")])
    assert surfaces(m, "Die US-Regierung, die NATO und ein Bus; us.") == ["US", "NATO"]


def test_inflection_endings_from_data():
    m = Matcher([Pattern("französisch", "fr", inflect=True)])
    text = "französische Soldaten, französischen Truppen, französischer Art, französischerseits"
    assert surfaces(m, text) == ["französische", "französischen", "französischer"]


def test_fold_image_ignores_accents():
    m = Matcher(["elysee"], image="fold")
    assert surfaces(m, "Im Élysée wurde beraten.") == ["Élysée"]
    assert surfaces(Matcher(["elysee"]), "Im Élysée wurde beraten.") == []


def test_regex_patterns():
    m = Matcher([Pattern(r"re:\bbis zu \d+", "max")])
    assert surfaces(m, "Bis zu 30 Soldaten") == ["Bis zu 30"]


def test_labels_and_pattern_data_travel_with_the_span():
    m = Matcher([Pattern("zusage*", "pledged", id="de-1", data={"w": 2})])
    (span,) = m.find("Die Zusagen gelten.")
    assert span.label == "pledged" and span.data.id == "de-1" and span.data.data == {"w": 2}


def test_overlapping_finds_are_all_reported_and_one_policy_chooses():
    m = Matcher(
        [Pattern("sicherheit*", "a"), Pattern("sicherheitsgarantie*", "b"), Pattern("*garantie*", "c")]
    )
    text = "Sicherheitsgarantien"
    assert {s.label for s in m.find(text)} == {"a", "b", "c"}
    assert len(Matcher(["sicherheit*", "sicherheitsgarantie*"]).find(text)) == 1  # same label, same place
    (best,) = filter_spans(m.find(text))
    assert text[best.start : best.end] == "Sicherheitsgarantien"


def test_offsets_are_those_of_the_text_with_non_ascii():
    text = "Ärger über „Zusagen“ der Ukraine"
    m = Matcher(["zusage*", "ukraine"])
    for s in m.find(text):
        assert text[s.start : s.end].lower() in ("zusagen", "ukraine")


def test_bad_pattern_field_is_an_error():
    with pytest.raises(ValueError, match="unknown pattern field"):
        Matcher([{"text": "x", "cse": True}])


def test_anchor_followed_by_a_letter_is_tried_only_by_patterns_that_may_run_on():
    # "er" (whole word) and "er*"/inflected patterns share the anchor "er"; hits followed by letters
    # are skipped for whole-word anchors only
    whole = Matcher([Pattern("er", "pron"), Pattern("sog.", "abbr")])
    assert surfaces(whole, "Er erst, dann er; sog.Koalition") == ["Er", "er", "sog."]
    mixed = Matcher([Pattern("er", "pron"), Pattern("erst*", "first")])
    assert [(s.label, s.start) for s in mixed.find("Er erstmals")] == [("pron", 0), ("first", 3)]
    multi = Matcher(["in der luft"])
    assert surfaces(multi, "inder Luft, in der Luft") == ["in der Luft"]


def test_one_literal_word_is_matched_without_its_expression_and_gives_the_same_spans():
    text = "Bereit, bereits bereit_ unbereit; BEREIT. Straße straßen 5G 5g bereit"
    for word in ("bereit", "straße", "5g"):
        plain = [(s.start, s.end) for s in Matcher([word]).find(text)]
        rx = [(s.start, s.end) for s in Matcher([rf"re:(?<!\w){word}(?!\w)"]).find(text)]
        assert plain == rx and plain, word


def test_multi_word_patterns_checked_by_their_literal_prefix_still_take_any_white_space():
    m = Matcher(["in der luft", "im fall* eines angriff*"])
    nl, tab = chr(10), chr(9)
    text = (f"in der Luft, in  der{nl}Luft, in die Luft, in{tab}der Luft, im Falle eines Angriffs, "
            "im Fall  eines Angriffs, in der")
    rx = Matcher([r"re:(?<!\w)in\s+der\s+luft(?!\w)", r"re:(?<!\w)im\s+fall\w*\s+eines\s+angriff\w*"])
    assert [(s.start, s.end) for s in m.find(text)] == [(s.start, s.end) for s in rx.find(text)]
    assert len(m.find(text)) == 5


def test_second_word_check_keeps_every_spacing_and_case_rule():
    pats = [
        Pattern("Rotes Kreuz", "org", case=True),
        Pattern("rotes meer", "sea"),
        Pattern("rotes", "word"),
        Pattern("rote* karte", "card"),
    ]
    m = Matcher(pats, image="fold")
    text = (
        "Das Rotes\u00a0Kreuz, das rotes  Meer, rotes\nkreuz, Rotes Kreuzfahrer, rotesmeer "
        "und rote Karte, Rotes"
    )
    found = [(text[s.start : s.end], s.label) for s in m.find(text)]
    assert ("Rotes\u00a0Kreuz", "org") in found  # any white space between the words
    assert ("rotes  Meer", "sea") in found
    assert ("rotes\nkreuz", "org") not in found  # a case pattern matches letter by letter
    assert not any(s.startswith("Rotes Kreuzf") for s, _ in found)  # whole words only
    assert ("rote Karte", "card") in found
    assert [s for s, lab in found if lab == "word"] == ["Rotes", "rotes", "rotes", "Rotes", "Rotes"]


def test_whole_word_hits_decided_by_the_automaton_equal_their_expressions():
    # one-word patterns of word characters are taken from the word automaton without their
    # expression; case, accents, hyphens and digits must give what the expression gives
    text = ("US-Truppen, die US und us; Al-Qaida, Al Qaida, al-qaida; Kyiv, Kyïv, KYIV; "
            "Müller, Mueller, MÜLLER; F-35 und F35, f-35; Nato_ NATO")
    for image in ("lower", "fold"):
        pats = [Pattern("US", "us", case=True), Pattern("al-qaida", "aq"), Pattern("kyiv", "city"),
                Pattern("Müller", "name"), Pattern("f-35", "jet"), Pattern("NATO", "org", case=True)]
        fast = Matcher(pats, image=image)
        exprs = [Pattern("re:" + compile_regex(p, image=image).pattern, p.label, case=p.case) for p in pats]
        ref = Matcher(exprs, image=image)
        got = [(s.start, s.end, s.label) for s in fast.find(text)]
        assert got == [(s.start, s.end, s.label) for s in ref.find(text)], image
        assert ("US", "us") in [(text[s:e], lab) for s, e, lab in got]
        assert not any(text[s:e] == "us" and lab == "us" for s, e, lab in got)


def test_find_tuples_are_the_spans_of_find_in_the_same_order():
    m = Matcher([Pattern("zusage*", "pledged"), Pattern("truppen", "t"),
                 Pattern("re:\\bin der luft\\b", "air"), Pattern("NATO", "org", case=True),
                 Pattern("*garantie*", "g")])
    text = "NATO-Zusagen: Truppen in der Luft, Sicherheitsgarantien und Zusage, nato truppen."
    spans = m.find(text)
    tuples = m.find_tuples(text)
    assert len(spans) == len(tuples) >= 6
    assert [(s.start, s.end, s.label, s.data) for s in spans] == [(a, -b, lab, p) for a, b, lab, p in tuples]
    assert [text[s.start:s.end] for s in spans if s.label == "org"] == ["NATO"]


REGEXES = [r"re:\bdeployments\b(?!\s+of\b)", r"re:(?<![\w-])luft-(?=\s*(?:,|und\b))",
           r"re:\bin\s+(?:the\s+)?(?:case|event)\s+of\s+(?:an?\s+)?(?:\w+\s+){0,2}?attack\b",
           r"re:(?:oversee|supervise)s?\s+the\s+(?:ceasefire|truce)", r"re:\bab+c", r"re:x(?:ab|)y",
           r"re:(?:\w*jets?|f-16\w*)\s+(?:\S+\s+){0,2}?(?:geliefert|erhalten)\b"]
TEXTS = ["Deployments of troops; deployments now. Luft- und Seeunterstützung, Luft-, See-",
         "Zwei Kampfjets wurden im Mai geliefert, F-16er sollen bald erhalten werden; Jets fliegen",
         "Kampfjets fliegen, aber nichts wurde geliefert",
         "In case of a Russian attack, in the event of an attack; in case of rain",
         "They oversee the ceasefire and supervises the truce. abbbc abc ac xy xaby",
         "Straße ſ oversees the truce; Kelvin K and İstanbul ı: deployments",
         "abcabcab abbc xabyxy"]


@pytest.mark.parametrize("text", TEXTS)
def test_regex_patterns_tried_at_their_literal_beginnings_find_what_a_scan_finds(text):
    from ukrsec.text.prefixes import PrefixIndex
    m = Matcher([Pattern(r, f"r{i}") for i, r in enumerate(REGEXES)])
    assert len(m._rx_index.covered) >= 4  # most of them have literal beginnings
    assert m._rx_index.gated == {len(REGEXES) - 1}  # the last one only needs a word it contains
    anchored = m.find_tuples(text)
    m._rx_index = PrefixIndex([None] * len(REGEXES))  # every pattern scanned
    assert anchored == m.find_tuples(text)


def test_literal_prefixes_of_expressions():
    from ukrsec.text.prefixes import literal_prefixes
    assert literal_prefixes(r"\b(?:oversee|supervise)\s+the", re.I) == {"oversee", "supervise"}
    assert literal_prefixes(r"(?<![\w-])Luft-(?=,)", re.I) == {"luft-"}
    assert literal_prefixes(r"x[ab]y") == {"xay", "xby"}
    assert literal_prefixes(r"\w+ing") is None  # no literal beginning
    assert literal_prefixes(r"(?:ab|)c") is None  # "c" alone is too short to help


def test_needed_literals_of_expressions():
    from ukrsec.text.prefixes import needed_literals
    assert needed_literals(r"(?P<who>\b\w+)\s+command\s+(?:on|of)\b", re.I) == {"command"}
    assert needed_literals(r"\b(?:\w*pact\w*|treaty)\s+(?:signed|sealed)\b", re.I) == {"signed", "sealed"}
    assert needed_literals(r"x(?:abcd|efgh)+y") == {"abcd", "efgh"}
    assert needed_literals(r"\w+\s+\d+") is None
    assert needed_literals(r"(?:abc)?\w") is None  # the group may be left out


ALTERNATIVES = [r"\b(?:run|headed)\s+by\s+(?P<a>\w+)", r"(?P<b>\b\w+)\s+command\s+of\b",
                r"\bunder\s+(?P<c>\w+)\b"]
ALT_TEXTS = ["a mission headed by Finland and under Danish command of the port",
             "a mission headed by Finland, under Danish flags",
             "run by nobody; the fleet under ſweden's command of the sea",
             "nothing here at all", "Kommando under K command of x"]


@pytest.mark.parametrize("text", ALT_TEXTS)
def test_an_anchored_alternation_finds_what_a_scan_finds(text):
    from ukrsec.text.prefixes import AnchoredRegex
    rx = re.compile("|".join(f"(?:{p})" for p in ALTERNATIVES), re.I)
    anchored = AnchoredRegex(rx, ALTERNATIVES)
    assert anchored.index.covered == {0, 2} and anchored.index.gated == {1}
    low = text.lower()
    assert [m.span() for m in anchored.finditer(low)] == [m.span() for m in rx.finditer(low)]


def test_a_missing_gate_word_means_the_expression_cannot_match():
    from ukrsec.text.prefixes import PrefixIndex
    index = PrefixIndex([{"under"}, None], [None, {"command"}])
    assert index.starts("under way, under sail") == [[0, 11], []]
    assert index.starts("under command") == [[0], None]  # the gated one is scanned
    assert index.starts("ſo under command") == [None, None]  # a long s: everything is scanned
