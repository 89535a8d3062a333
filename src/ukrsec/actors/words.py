"""The function words and cue words of the actors stage (``data/actors/words.yaml``), checked on load,
and the expressions built from them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..text import lexicon as lx

_LIST = lx.ListOf(str)
_KEYS = (
    "place_prepositions plural_articles not_name_start name_particles byline_credits byline_links "
    "byline_line_starts credit_markers dateline_agencies apposition_determiners role_after_name_words "
    "role_body_prepositions role_scope_prepositions list_conjunctions noun_endings_last noun_endings "
    "coalition_nouns coalition_determiners common_given determiners titles place_nouns "
    "street_endings street_words place_find_prepositions place_endings place_heads place_head_ends "
    "surname_endings surname_ending_exceptions given_name_titles bare_say_verbs preposition_particles "
    "given_place_prepositions capital_noun_endings"
).split()
SCHEMA = lx.Keys({k: _LIST for k in _KEYS})


def _alt(words: list[str], keep_order: bool = False) -> str:
    """A regex alternation of ``words`` (escaped; longest first unless ``keep_order``)."""
    ordered = list(dict.fromkeys(words)) if keep_order else sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w) for w in ordered) + ")"


@dataclass(frozen=True)
class Words:
    """The word lists as sets and the regular expressions built from them."""

    place_preps: frozenset[str]
    plural_articles: frozenset[str]
    not_name_start: frozenset[str]
    particles: str  # regex alternation
    byline_words: frozenset[str]
    byline: re.Pattern
    credit_before: re.Pattern
    dateline: re.Pattern
    appos_after: re.Pattern
    role_after_name: re.Pattern
    role_of_before: re.Pattern
    scope_after: re.Pattern
    list_before: re.Pattern
    list_after: re.Pattern
    noun_last: re.Pattern
    noun_end: re.Pattern
    capital_noun: re.Pattern  # a German common noun after a capital ("dass Berlin Truppen schickt")
    coalition: re.Pattern
    coalition_determiners: frozenset[str]
    common_given: frozenset[str]
    determiners: frozenset[str]
    titles: frozenset[str]
    titled_given: re.Pattern  # a title that a given name follows ("Sir Keir"); group 1 the name
    particle_words: frozenset[str]
    place_nouns: frozenset[str]
    street: re.Pattern
    place_find: re.Pattern  # preposition + a word with a town ending; group 1 the word
    place_head: re.Pattern  # place head noun + a capitalized word; group 1 the word
    dateline_start: re.Pattern  # a line starting with a place word and a dateline mark; group 1 the word
    surname_end: re.Pattern  # a word of 6+ letters ending like a surname of another origin
    particle_preps: frozenset[str]  # particles that are also prepositions ("von", "zu")
    given_place_preps: frozenset[str]  # after them a lone given name is a place ("in Marion")
    bare_say: frozenset[str]  # verbs of saying without a bare noun object: the word after them is the subject


def _byline(d: dict) -> re.Pattern:
    credits, links, starts = _alt(d["byline_credits"]), _alt(d["byline_links"]), _alt(d["byline_line_starts"])
    return re.compile(rf"(?:{credits}(?: {links})?|(?:^|\n){starts})\s*:?\s*$")


# fields that are the word list of one key as a set
_SETS = (
    ("place_preps", "place_prepositions"), ("plural_articles", "plural_articles"),
    ("not_name_start", "not_name_start"), ("common_given", "common_given"), ("place_nouns", "place_nouns"),
    ("bare_say", "bare_say_verbs"), ("given_place_preps", "given_place_prepositions"),
    ("particle_preps", "preposition_particles"),
)  # fmt: skip


def not_after(before: str, words: list[str] | None = None, first: str = "") -> str:
    """``(?<!before)`` followed by the alternation of ``words`` (longest first) or by the class
    ``first``, written with the check after the first character (``w(?<!before w)ords``): an expression
    that opens with a literal or a class lets ``re`` skip to the places where it can match, one that
    opens with a look-behind is tried at every character. ``before`` is one character (a class)."""
    if words is None:
        return f"{first}(?<!{before}.)"
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(f"{re.escape(w[0])}(?<!{before}{re.escape(w[0])}){re.escape(w[1:])}"
                            for w in ordered) + ")"


def _street(endings: list[str], words: list[str]) -> re.Pattern:
    """A capitalized word ending in one of ``endings`` (after its first letter, any case), or one in
    -er before one of ``words``. The word is taken whole at once (``*+``) and its ending checked
    behind it, which finds what ``[A-ZÄÖÜ][\\w-]*(?i:...)`` finds without trying every split."""
    ordered = sorted(set(endings), key=lambda e: (-len(e), e))
    ends = "|".join(rf"(?<=[\w-](?i:{re.escape(e)}))" for e in ordered)
    return re.compile(not_after(r"[\w-]", first="[A-ZÄÖÜ]") + rf"[\w-]*+(?:(?:{ends})(?![\w-])"
                      rf"|(?<=[\w-]er)[ \t]+{_alt(words)}(?![\w-]))")


def _build(d: dict) -> Words:
    conj = _alt(d["list_conjunctions"])
    byline_words = {
        w for k in ("byline_credits", "byline_links", "byline_line_starts") for p in d[k] for w in p.split()
    }
    return Words(
        **{field: frozenset(d[key]) for field, key in _SETS},
        particles=_alt(d["name_particles"]),
        byline_words=frozenset(byline_words),
        byline=_byline(d),
        credit_before=re.compile(r"(\(|" + _alt(d["credit_markers"])[3:-1] + r")\s*$"),
        dateline=re.compile(r"\s*(?:[-–—(/,]|" + _alt(d["dateline_agencies"])[3:-1] + ")"),
        appos_after=re.compile(
            rf"(?:,\s*{_alt(d['apposition_determiners'])}?|\s*\((?:[^()]{{0,12}},\s*)?)"
            r"\s*(?:[a-zäöüß-]+[ \t]+){0,2}$"
        ),
        role_after_name=re.compile(
            rf"\s*(?:,|\((?:[^()]{{0,12}},)?)\s*(?:{_alt(d['role_after_name_words'])}[ \t]+)?"
        ),
        role_of_before=re.compile(
            rf"(?:[ \t]+{_alt(d['role_body_prepositions'])}[ \t]+[^,.;:!?()\[\]\n\"„“”]{{2,60}})?,[ \t]*"
        ),
        scope_after=re.compile(rf"(\s+{_alt(d['role_scope_prepositions'], keep_order=True)}\s+|\s+)"),
        list_before=re.compile(rf"(?:,|\s+{conj})\s+$"),
        list_after=re.compile(rf"(?:,|\s+{conj})\s+"),
        noun_last=re.compile(_alt(d["noun_endings_last"]) + "$"),
        noun_end=re.compile(_alt(d["noun_endings"]) + r"(?![\w'’-])"),
        capital_noun=re.compile(_alt(d["noun_endings"] + d["capital_noun_endings"]) + r"$"),
        coalition=re.compile(not_after(r"[\w-]", d["coalition_nouns"]) + r"(?![\w-])"),
        coalition_determiners=frozenset(w.lower() for w in d["coalition_determiners"]),
        determiners=frozenset(w.lower() for w in d["determiners"]),
        titles=frozenset(t.rstrip(".") for t in d["titles"]),
        titled_given=re.compile(
            not_after(r"[\w-]", d["given_name_titles"]) + r"[ \t]+([A-ZÀ-ÖØ-ÞĀ-ž][\w'’-]*\w)(?![\w-])"
        ),
        particle_words=frozenset(w for p in d["name_particles"] for w in p.split()),
        street=_street(d["street_endings"], d["street_words"]),
        place_find=re.compile(
            not_after(r"[\w-]", d["place_find_prepositions"]) + r"[ \t]+([A-ZÄÖÜ][a-zäöüß]{2,}"
            + _alt(d["place_endings"]) + r")(?![\w'’-])(?![ \t]+[A-ZÄÖÜ])"
        ),
        place_head=re.compile(
            r"(?<![\w-])(?:" + _alt(d["place_heads"]) + r"|[A-ZÄÖÜ][a-zäöüß]{3,}" + _alt(d["place_head_ends"])
            + r")[ \t]+([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)"
            r"(?![\w'’-])(?![ \t]+[A-ZÄÖÜ])"
        ),
        surname_end=re.compile(
            r"^(?!.*" + _alt(d["surname_ending_exceptions"]) + r"$)[A-ZÀ-ÖØ-ÞĀ-ž][a-zß-öø-ÿĀ-ž]{2,}"
            + _alt(d["surname_endings"]) + "$"
        ),
        dateline_start=re.compile(
            r"(?m)^[ \t]*([A-ZÄÖÜ][A-ZÄÖÜa-zäöüß]+(?:-[A-ZÄÖÜ][A-ZÄÖÜa-zäöüß]+)?)"
            r"(?=[ \t]*\((?:" + _alt(d["dateline_agencies"])[3:-1].replace("\\(", "").replace("\\)", "")
            + r"|[a-z]{2,6})(?:/[a-z]+)?\)[ \t]*[-–—]|[ \t]+[-–—][ \t])"
        ),
    )


@lru_cache(maxsize=8)
def load(data_dir: str | None = None) -> Words:
    """The checked word lists of ``data/actors/words.yaml`` (cached per data folder)."""
    return _build(lx.load("actors/words.yaml", SCHEMA, data_dir))
