"""The word lists of the quotes stage, checked and compiled once per data folder.

``data/quotes.yaml`` holds the cue words (verbs of saying, source and role nouns, pronouns, cue
phrases, term and medium prefixes, marks of reported speech); ``data/quotes/function_words.yaml``
the function words read around speakers (complementizers, articles, name particles, ranks ...).
Both are read through :func:`ukrsec.text.lexicon.load`, so a misspelt or missing key is an error
naming the file and the key. Every cue word and phrase goes into one :class:`~ukrsec.text.Matcher`
(one pass over the sentences around quotations); each match is labelled with what it is:

``word`` (``data`` = the kinds of the word: ``verb``, ``pronoun``, ``source``, ``role``, ``after``),
``before``, ``impersonal`` (a split one as ``impersonal_head`` and ``impersonal_tail``),
``term_prefix``, ``reported``, ``complementizer``. Short and frequent
words needed only in a few places (``medium`` prefixes before a quotation, ``first_person`` words
in a block quotation) are in a second matcher, run over just those places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..text import Matcher, Pattern
from ..text import lexicon as lx

WORDS = lx.ListOf(str)
CUES_FILE = "quotes.yaml"
FUNCTION_WORDS_FILE = "quotes/function_words.yaml"
CUES_SCHEMA = lx.Keys({
    "speech_verbs": lx.MapOf(WORDS), "speaker_before_cues": WORDS, "speaker_after_cues": WORDS,
    "impersonal_cues": WORDS, "source_nouns": WORDS, "pronouns": WORDS, "role_nouns": WORDS,
    "role_suffixes": WORDS, "role_equivalents": lx.MapOf(WORDS), "term_prefixes": WORDS,
    "term_suffixes": WORDS, "title_heads": WORDS, "medium_prefixes": WORDS,
    "reported_speech_markers": WORDS, "first_person": WORDS, "not_names": WORDS, "feminine_endings": WORDS,
    "back_references": WORDS, "aide_roles": WORDS,
    "passive_naming": lx.Keys({"auxiliaries": WORDS, "naming": WORDS, "agents": WORDS}),
    "max_quote_chars": int, "short_words": int, "inherit_sentences": int,
    "indirect": lx.Keys({"subjunctive": WORDS, "subjunctive_past": WORDS, "finite": WORDS, "max_words": int}),
})  # fmt: skip
FUNCTION_WORDS_SCHEMA = lx.Keys({
    "complementizers": WORDS, "articles": WORDS, "determiners": WORDS, "adjective_endings": WORDS,
    "auxiliaries": WORDS, "object_before": WORDS, "prepositions": WORDS, "relative_pronouns": WORDS,
    "name_particles": WORDS, "title_abbreviations": WORDS, "title_small_words": WORDS,
    "indefinite_articles": WORDS, "subject_gap_words": WORDS, "possessives": WORDS, "coordinators": WORDS,
    "honorifics": WORDS, "object_pronouns": WORDS, "quoting_verbs": WORDS,
    "demonym_persons": lx.Keys({"articles": lx.MapOf(WORDS), "plural_endings": WORDS}),
})  # fmt: skip
#: the kinds of a cue word, by the key of ``quotes.yaml`` it is listed under
WORD_KINDS = (("pronoun", "pronouns"), ("source", "source_nouns"), ("role", "role_nouns"),
              ("after", "speaker_after_cues"))  # fmt: skip
#: labels of the other cue patterns, by key (``first_person`` is matched letter by letter)
PHRASE_LABELS = (("before", "speaker_before_cues"), ("term_prefix", "term_prefixes"),
                 ("reported", "reported_speech_markers"))  # fmt: skip
#: the longest gap (characters) between the two parts of an impersonal cue "A … B"
SPLIT_GAP = 60
#: short, frequent words looked up only in the few characters that need them (a second matcher)
WINDOW_LABELS = (("medium", "medium_prefixes"), ("first_person", "first_person"))


@dataclass(frozen=True)
class Lexicon:
    """The compiled word lists of the quotes stage."""

    cues: Matcher  # every cue word and phrase (labels above)
    window: Matcher  # medium prefixes and first-person words
    verbs: Matcher  # the verbs of saying alone: which sentences may report speech
    particles: dict[str, frozenset[str] | None]  # verb head -> the particles one of which must follow
    compound_role: re.Pattern[str]  # "Verteidigungspolitikerin", "Fraktionschef"
    adj_after: re.Pattern[str]  # what may stand between a quotation and its verb
    not_names: frozenset[str]
    name_particles: frozenset[str]
    title_abbreviations: frozenset[str]
    determiners: frozenset[str]
    indefinite_articles: frozenset[str]  # a role after one is a new speaker, not an earlier person
    adjective_endings: tuple[str, ...]
    auxiliaries: frozenset[str]
    object_before: frozenset[str]
    title_heads: frozenset[str]
    term_suffixes: frozenset[str]  # a word after the mark that makes a short quotation a name (type, class)
    role_equivalents: dict[str, tuple[str, ...]]
    role_nouns: frozenset[str]
    feminine_endings: tuple[str, ...]  # "Kanzlerin" -> "Kanzler": the masculine of a role noun
    title_small_words: frozenset[str]
    prepositions: frozenset[str]
    coordinators: frozenset[str]  # "and said": the verb shares the subject of the clause before
    honorifics: frozenset[str]  # "Prime Minister Sir Keir Starmer": the role is the title of the name
    demonym_articles: dict[str, tuple[str, ...]]  # "der Däne": article -> endings its demonym needs
    demonym_plural: tuple[str, ...]  # "the Danes": endings of a plural demonym
    relative_pronouns: frozenset[str]
    subject_gap_words: frozenset[str]  # may stand between a subject and its verb ("has told", "hat … gesagt")
    back_references: re.Pattern[str]  # a sentence opening that refers back to the quotation before it
    passive_aux: re.Pattern[str]  # "was", "wurde": a passive auxiliary
    naming_before: re.Pattern[str]  # "… hailed as" right before a quotation
    agent_after: re.Pattern[str]  # "by" right after it
    agent_before: re.Pattern[str]  # "von Macron als" right before it (group 1: the agent)
    possessives: frozenset[str]  # "his spokesperson": a role of someone else
    object_pronouns: frozenset[str]  # "according to him", "ihm zufolge": the person referred to
    quoting_verbs: frozenset[str]  # "zitierte ihn die Zeitung": the one quoted speaks, not the quoter
    aide_roles: tuple[str, ...]  # roles that speak for someone (lower case; also compound ends)
    max_chars: int
    short_words: int
    inherit: int
    subjunctive: frozenset[str]  # Konjunktiv forms that mark reported speech
    subjunctive_past: frozenset[str]  # Konjunktiv II forms, enough right after a verb of saying
    finite: frozenset[str]  # English finite verbs that open a reported clause after "said"
    indirect_max_words: int


def _lower(words: list[str]) -> frozenset[str]:
    """A word list in lower case."""
    return frozenset(w.lower() for w in words)


def key(word: str) -> str:
    """A cue word as the lexicon stores it: white space collapsed, lower case."""
    return " ".join(word.split()).lower()


def _alt(words: list[str]) -> str:
    ws = sorted({w.strip() for w in words if w and str(w).strip()}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws) or "(?!)"


def separable(entries: list[str]) -> dict[str, frozenset[str] | None]:
    """Verb heads from entries such as ``sagte`` or ``teilte … mit``: the particles one of which must
    follow the head later in the sentence (``None``: the head alone is a verb of saying)."""
    particles: dict[str, frozenset[str] | None] = {}
    for entry in entries:
        parts = [p for p in re.split(r"\s*(?:…|\.\.\.)\s*", str(entry).strip()) if p]
        if not parts:
            continue
        head = parts[0].lower()
        if len(parts) == 1:
            particles[head] = None
        elif particles.get(head, frozenset()) is not None:
            known = particles.get(head) or frozenset()
            particles[head] = known | frozenset(p.lower() for p in parts[1:])
    return particles


def _cue_patterns(cfg: dict[str, Any], verbs: dict[str, frozenset[str] | None]) -> list[Pattern]:
    kinds: dict[str, set[str]] = {key(v): {"verb"} for v in verbs}
    capitals: dict[str, str] = {}  # an entry in capitals ("PM") matches only in capitals
    for kind, name in WORD_KINDS:
        for w in cfg[name]:
            if w.strip():
                kinds.setdefault(key(w), set()).add(kind)
            if len(w.strip()) > 1 and w.isupper():
                capitals[key(w)] = " ".join(w.split())
    pats = [
        Pattern(capitals.get(w, w), "word", data=frozenset(ks), case=w in capitals) for w, ks in kinds.items()
    ]
    return pats + _labelled(cfg, PHRASE_LABELS) + _impersonal(cfg["impersonal_cues"])


def _impersonal(entries: list[str]) -> list[Pattern]:
    """``impersonal`` phrases; a split one ("wie es … hieß") as its head (``impersonal_head``, ``data`` =
    the parts that may close it) and those parts (``impersonal_tail``)."""
    pats, heads = [], {}
    for head, tails in separable(entries).items():
        if tails is None:
            pats.append(Pattern(head, "impersonal"))
        else:
            heads[head] = tails
    for head, tails in heads.items():
        pats.append(Pattern(head, "impersonal_head", data=tails))
        pats += [Pattern(t, "impersonal_tail") for t in sorted(tails)]
    return pats


def _labelled(cfg: dict[str, Any], labels: tuple[tuple[str, str], ...]) -> list[Pattern]:
    """Patterns of the lists ``labels`` names (first-person words match letter by letter)."""
    return [
        Pattern(p, label, case=label == "first_person")
        for label, name in labels
        for p in dict.fromkeys(cfg[name])
        if p.strip()
    ]


def _passive_naming(cfg: dict) -> dict[str, re.Pattern[str]]:
    """The expressions of a passive that names something in quotation marks after its agent's words."""
    aux, naming, agents = (_alt(cfg[k]) or "(?!)" for k in ("auxiliaries", "naming", "agents"))
    return {
        "passive_aux": re.compile(rf"(?<!\w)(?:{aux})(?!\w)", re.IGNORECASE),
        "naming_before": re.compile(rf"(?<!\w)(?:{naming})\s*$", re.IGNORECASE),
        "agent_after": re.compile(rf"\s*,?\s*(?:{agents})\s+", re.IGNORECASE),
        "agent_before": re.compile(rf"(?<!\w)(?:{agents})\s+([^,.;:!?¤\n]{{1,60}}?)\s+(?:{naming})\s*$",
                                   re.IGNORECASE),
    }


@lru_cache(maxsize=8)
def lexicon(data_dir: str | None = None) -> Lexicon:
    """The compiled lexicon of ``data_dir`` (the packaged data by default), cached."""
    cfg = lx.load(CUES_FILE, CUES_SCHEMA, data_dir)
    fw = lx.load(FUNCTION_WORDS_FILE, FUNCTION_WORDS_SCHEMA, data_dir)
    verbs = separable([v for words in cfg["speech_verbs"].values() for v in words])
    pats = _cue_patterns(cfg, verbs)
    pats += [Pattern(w, "complementizer") for w in fw["complementizers"]]
    suffixes = [w.lower() for w in cfg["role_suffixes"]]
    compound_role = re.compile(
        r"(?<!\w)[A-ZÄÖÜ][a-zäöüß]{2,}(?:" + _alt(suffixes) + r")(?![\w\-])" if suffixes else r"(?!)"
    )
    adj_after = re.compile(r"[\s,–—-]*(?:(?:" + _alt(fw["articles"]) + r")?\s*[\w\-]+\s+)?$", re.IGNORECASE)
    ind = cfg["indirect"]
    return Lexicon(
        cues=Matcher(pats, data_dir=data_dir),
        window=Matcher(_labelled(cfg, WINDOW_LABELS), data_dir=data_dir),
        verbs=Matcher([Pattern(v, "verb") for v in verbs], data_dir=data_dir),
        particles=verbs,
        compound_role=compound_role,
        adj_after=adj_after,
        not_names=frozenset(cfg["not_names"]),
        name_particles=frozenset(fw["name_particles"]),
        title_abbreviations=frozenset(fw["title_abbreviations"]),
        determiners=_lower(fw["determiners"]),
        indefinite_articles=_lower(fw["indefinite_articles"]),
        adjective_endings=tuple(fw["adjective_endings"]),
        auxiliaries=frozenset(fw["auxiliaries"]),
        object_before=frozenset(fw["object_before"]),
        title_heads=frozenset(cfg["title_heads"]),
        term_suffixes=_lower(cfg["term_suffixes"]),
        role_nouns=frozenset(key(w) for w in cfg["role_nouns"]),
        feminine_endings=tuple(w.lower() for w in cfg["feminine_endings"]),
        role_equivalents={
            k.lower(): tuple(v.lower() for v in vs) for k, vs in cfg["role_equivalents"].items()
        },
        title_small_words=frozenset(fw["title_small_words"]),
        prepositions=frozenset(fw["prepositions"]),
        coordinators=frozenset(fw["coordinators"]),
        honorifics=frozenset(fw["honorifics"]),
        demonym_articles={k.lower(): tuple(v) for k, v in fw["demonym_persons"]["articles"].items()},
        demonym_plural=tuple(fw["demonym_persons"]["plural_endings"]),
        relative_pronouns=frozenset(fw["relative_pronouns"]),
        subject_gap_words=_lower(fw["subject_gap_words"]),
        possessives=_lower(fw["possessives"]),
        object_pronouns=_lower(fw["object_pronouns"]),
        quoting_verbs=_lower(fw["quoting_verbs"]),
        aide_roles=tuple(w.lower() for w in cfg["aide_roles"]),
        back_references=re.compile(r"\s*(?:" + _alt(cfg["back_references"]) + r")(?![\w\-])", re.IGNORECASE),
        **_passive_naming(cfg["passive_naming"]),
        max_chars=cfg["max_quote_chars"],
        short_words=cfg["short_words"],
        inherit=cfg["inherit_sentences"],
        subjunctive=_lower(ind["subjunctive"]),
        subjunctive_past=_lower(ind["subjunctive_past"]),
        finite=_lower(ind["finite"]),
        indirect_max_words=ind["max_words"],
    )
