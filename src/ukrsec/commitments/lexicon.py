"""The commitment lexicons: the data files of ``data/commitments/``, checked and compiled once.

Every file is read through :func:`ukrsec.text.lexicon.load` against the schemas below, so a
misspelt or missing key is an error naming the file and the key. Word cues (types, stance words,
collective subjects) go into one shared :class:`~ukrsec.text.Matcher`; the regular expressions of
``stance.yaml`` and ``conditions.yaml`` are compiled here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import ahocorasick

from .. import schema
from ..text import lexicon as lx
from ..text.matcher import Matcher, Pattern, compile_regex
from ..text.prefixes import AnchoredRegex, PrefixIndex, literal_prefixes, needed_literals

DIR = "commitments/"
STANCES = schema.STANCES
WORDS = lx.ListOf(str)

# every key is required: a key left out is an error, not a stage that silently finds less
TYPES = lx.Keys({"types": lx.MapOf(lx.Keys({"cues": WORDS})), "generic": WORDS,
                 "overrides": lx.MapOf(WORDS), "support_verbs": WORDS, "support_nouns": WORDS,
                 "hub_nouns": WORDS, "hub_prepositions": WORDS, "place_types": WORDS, "money_verbs": WORDS,
                 "demand_verbs": WORDS, "object_verbs": WORDS, "size_limits": WORDS, "value_phrases": WORDS,
                 "determiners": WORDS, "abroad": lx.Keys({"type": str, "prepositions": WORDS})})
STANCE = lx.Keys({"stances": lx.MapOf(WORDS), "patterns": lx.MapOf(WORDS), "actions": WORDS, "weak": WORDS,
                  "weak_distance": int, "noun_distance": int, "negation": WORDS, "negation_after": WORDS,
                  "default_owned": str, "not_after_hyphen": WORDS, "relative_openers": WORDS,
                  "copulas_after_relative": WORDS,
                  "bare_relative_openers": WORDS,
                  "negation_skip": WORDS, "negation_following": WORDS, "negation_following_skip": WORDS,
                  "negation_limiters": WORDS, "list_commas": WORDS,
                  "parentheticals": WORDS, "rhetorical": lx.Keys({"light_verbs": WORDS, "naming_verbs": WORDS,
                                                                  "copulas": WORDS,
                                                                  "predicate_openers": WORDS,
                                                                  "litotes_prefixes": WORDS,
                                                                  "topic_nouns": WORDS}),
                  "history": lx.Keys({"phrases": WORDS, "verbs": WORDS}), "answers": lx.MapOf(WORDS)})
OWNERS = lx.Keys({"possessive_marks": WORDS, "genitive_articles": WORDS, "agent_prepositions": WORDS,
                  "leader_suffixes": WORDS, "leadership": WORDS, "leadership_distance": int,
                  "first_person": WORDS, "quote_marks": WORDS})
SUBJECTS = lx.Keys({"never_committing": WORDS, "recipients": WORDS, "relative_pronouns": WORDS,
                    "never_kinds": WORDS, "member_nouns": WORDS,
                    "member_state_nouns": WORDS, "comparisons": WORDS, "group_pronouns": WORDS,
                    "side_nouns": WORDS, "owners": OWNERS,
                    "own_bodies": WORDS, "collective_bodies": WORDS, "prepositions": WORDS, "pronouns": WORDS,
                    "anaphors": WORDS, "topic_window": int, "continuation": WORDS, "listing": WORDS,
                    "venue": lx.Keys({"prepositions": WORDS, "verbs": WORDS}),
                    "collective_subjects": WORDS, "role_bodies": lx.MapOf(WORDS),
                    "source_prepositions": WORDS, "speech_verbs": WORDS, "addressee_verbs": WORDS,
                    "complementizers": WORDS, "counted_group": str,
                    "count_words": WORDS, "count_nouns": WORDS, "count_anaphors": WORDS,
                    "member_openers": WORDS, "body_anaphors": WORDS, "body_determiners": WORDS,
                    "joint_prepositions": WORDS, "finite_verbs": WORDS, "repeated_agents": WORDS,
                    "expletives": WORDS, "object_coordinators": WORDS, "source_phrases": WORDS,
                    "more_money": WORDS, "list_openers": WORDS, "list_heads": WORDS,
                    "others_words": WORDS, "others_determiners": WORDS, "attributive_participles": WORDS,
                    "treaty_heads": WORDS, "negating_prefixes": WORDS,
                    "trailing_sources": lx.Keys({"openers": WORDS, "verbs": WORDS}), "poll_subjects": WORDS,
                    "poll_words": WORDS, "group_adjectives": lx.MapOf(WORDS),
                    "nobody": WORDS, "shared_bodies": lx.Keys({"states": WORDS, "names": WORDS}),
                    "passive": lx.Keys({"agents": WORDS, "articles": WORDS, "auxiliaries": WORDS,
                                        "participle_endings": WORDS}),
                    "partners": lx.Keys({"prepositions": WORDS, "types": WORDS}), "helped": WORDS,
                    "agreements": lx.Keys({"subjects": WORDS, "pronouns": WORDS, "type": str})})
CONDITIONS = lx.Keys({"conditions": lx.MapOf(WORDS), "carry_window": int, "actor_carry_window": int,
                      "triggers": lx.MapOf(WORDS),
                      "own_conditions": lx.MapOf(WORDS), "owned_types": WORDS, "back_references": WORDS,
                      "back_reference_conditions": WORDS})
QUANTITIES = lx.Keys(
    {"units": lx.MapOf(WORDS), "type_units": lx.MapOf(WORDS), "unit_window": int,
     "multipliers": lx.MapOf(lx.MapOf(float)), "vague": WORDS,
     "upper": WORDS, "lower": WORDS, "range_joiners": WORDS, "range_openers": WORDS,
     "amount_hints": WORDS, "approximate": WORDS, "codes_before": WORDS, "totals": WORDS,
     "own_spending": WORDS, "number_words": lx.MapOf(float)})
CLAUSES = lx.Keys({"new_subject": WORDS, "leading_subordinate": WORDS, "same_subject": WORDS,
                   "same_subject_without_comma": WORDS, "new_subject_without_comma": WORDS,
                   "same_subject_second": WORDS, "second_fillers": WORDS,
                   "continuing": WORDS, "trailing_participles": WORDS,
                   "participle_openers": WORDS,
                   "coordinators": WORDS, "articles": WORDS, "adjective_coordinators": WORDS})
PLOVER = lx.Keys({"plover": lx.MapOf(lx.OneOf(str, type(None))), "type_overrides": lx.MapOf(str)})


def _low(words: Any) -> frozenset[str]:
    return frozenset(str(x).lower() for x in words or ())


@dataclass
class Lexicon:
    """Compiled cue lexicons for one data folder."""

    cues: Matcher                                   # type / generic / stance / collective word cues
    stance_patterns: tuple[re.Pattern, dict[str, str]]  # one combined pattern, group -> stance
    pattern_anchors: PrefixIndex                   # where the stance patterns can start
    conditions: list[tuple[str, str, re.Pattern]]  # (key of its triggers, condition, pattern)
    condition_index: PrefixIndex                   # where each condition pattern can start
    triggers: dict[str, re.Pattern]
    trigger_automaton: Any                         # trigger literal -> conditions
    all_triggered: bool                            # every condition has trigger words
    overrides: dict[str, set[str]]
    never: set[str]
    recipients: frozenset[str]                     # "Ukraine-Truppe": the prefix names whom it is for
    relative_pronouns: frozenset[str]              # ", bei dem Frankreich …": the subject follows
    support_verbs: frozenset[str]
    support_nouns: frozenset[str]
    hub_nouns: frozenset[str]
    hub_prepositions: frozenset[str]
    place_types: frozenset[str]
    money_verbs: frozenset[str]                    # "finance", "to fund": the kind named after them wins
    size_rx: re.Pattern                            # "eine Beschränkung von 600.000 Soldaten"
    value_rx: re.Pattern                           # "im Wert von", "worth" right before a sum
    demand_rx: re.Pattern                          # "demanded legal guarantees": asked for, not pledged
    object_verbs: frozenset[str]                   # "to store weapons": what is stored, not given
    abroad_type: str                               # troops stationed "in Lithuania": this type
    abroad_prepositions: frozenset[str]
    joint_preps: tuple[str, ...]
    determiners: frozenset[str]
    never_kinds: frozenset[str]
    member_nouns: frozenset[str]
    comparison_rx: re.Pattern                      # "ähnlich der Nato-…": a model, no owner
    member_state_nouns: frozenset[str]             # "ein EU-Land": one member state, no actor
    own_bodies: tuple[str, ...]
    collective_bodies: tuple[str, ...]
    preps: frozenset[str]
    pronouns: frozenset[str]
    group_pronouns: frozenset[str]                 # "man": the article's collective body
    side_nouns: frozenset[str]                     # "von amerikanischer Seite …, dass man": the US
    source_phrase_rx: re.Pattern                   # "According to Zelensky, Lithuania …": the source ends
    more_money: frozenset[str]                     # "zusätzlich 8 Milliarden": a further sum
    object_coordinators: frozenset[str]            # "in Polen und Litauen": both are objects
    expletive_rx: re.Pattern                       # "es gibt", "it is unclear": the pronoun refers to nothing
    relative_rx: re.Pattern                        # ", which", ", die": a relative clause opens
    described_rx: re.Pattern                       # ", ist wertlos": the relative clause described a subject
    parenthetical_rx: re.Pattern                   # ", however,": commas that do not end a stretch
    list_comma_rx: re.Pattern                      # "aid, as well as weapons": a list's last comma
    anaphors: frozenset[str]
    count_anaphors: frozenset[str]
    member_openers: frozenset[str]
    body_anaphors: frozenset[str]
    body_determiners: frozenset[str]
    body_phrase_rx: re.Pattern                     # "das baltische EU- und Nato-Land": the state before
    negation: frozenset[str]
    negation_skip: frozenset[str]                  # pronouns between a stance word and "nicht"
    negation_following: frozenset[str]             # "Bodentruppen aber nicht entsenden"
    negation_following_skip: frozenset[str]
    negation_limiters: frozenset[str]              # "nicht nur … sondern auch": no negation
    negation_after: frozenset[str]
    negation_rx: re.Pattern
    rhetorical: dict[str, frozenset[str]]          # "does not do …", "is not a …": no refusal
    history_rx: re.Pattern                         # "Since 2022 …": a total given so far
    history_verbs: frozenset[str]
    answer_rx: re.Pattern                          # "Not for now." after a question: its stance
    topic_window: int
    carry_window: int
    actor_carry_window: int                        # how far back a condition naming its actor is carried
    own_conditions: dict[str, frozenset[str]]      # us_backstop -> {US}: never the US's own condition
    owned_types: frozenset[str]                    # conditions whose type words are theirs, not a commitment
    back_reference_rx: re.Pattern                  # "für diesen Fall": a condition the sentence before names
    back_reference_conditions: frozenset[str]      # the conditions such a phrase can point back to
    default_owned: str
    weak: frozenset[str]
    finite_verbs: frozenset[str]                   # "…, and Lithuania has …": a subject, not an object
    repeated_agent_rx: re.Pattern                  # "signed by Britain in January and by Germany"
    not_after_hyphen: frozenset[str]
    weak_distance: int
    noun_distance: int
    continuation: tuple[str, ...]
    listing: tuple[str, ...]                       # "This would include …": the offer before, any paragraph
    venue_rx: re.Pattern                           # "said from Paris": the capital is where one speaks
    partner_preps: frozenset[str]                  # "Kyiv signs a pact with Norway": Norway commits
    partner_types: frozenset[str]
    agreement_subjects: frozenset[str]             # "The agreement includes …": its parties commit
    agreement_pronouns: frozenset[str]
    agreement_type: str
    helped: frozenset[str]                         # "Ukraine will be supported …": the helper is the topic
    plover: dict[str, str | None]
    quant: dict[str, Any]
    clauses: dict[str, Any]
    role_bodies: dict[str, tuple[str, ...]]
    source_preps: frozenset[str]
    speech_verbs: frozenset[str]
    addressee_verbs: frozenset[str]                # "told EU leaders that …": the one told is no subject
    complementizers: frozenset[str]                # "that", "dass": where the reported clause opens
    counted_group: str | None
    count_rx: re.Pattern
    count_noun_rx: AnchoredRegex
    attributive_rx: re.Pattern                     # "den USA unterstützte Truppe": no subject
    treaty_rx: re.Pattern                          # "Nato-Beistandsklausel": the treaty, no subject
    negated_rx: re.Pattern                         # "non-NATO" (searched up to a mention): no subject
    others_rx: re.Pattern                          # "… und weitere Staats- und Regierungschefs"
    trailing_source_rx: re.Pattern                 # "…, wie Dänemark und Norwegen mitteilten"
    owners: Owners                                 # possessive owners, leaders, speakers of "wir"
    list_open_rx: re.Pattern                       # ": " or ", darunter": the members follow
    list_head_rx: re.Pattern                       # "leaders of the coalition, including …"
    poll_rx: re.Pattern                            # "61 Prozent (der Befragten)": a poll, not a state
    poll_word_rx: re.Pattern                       # "Umfrage", "survey": a poll is reported
    passive: Passive                               # "würde von der Koalition übernommen": the agent
    group_rx: re.Pattern                           # "die drei baltischen Staaten": a named group
    nobody_rx: re.Pattern                          # "niemand", "manche von ihnen": nobody in particular
    shared_bodies: frozenset[str]                  # "bundesrat": a body of several German-speaking states
    shared_body_states: tuple[str, ...]            # DE, AT, CH
    group_members: dict[str, tuple[str, ...]]      # adjective stem -> member states
    source_phrase_open_rx: re.Pattern              # "nach Angaben", "laut": a source phrase opens


def _cue_patterns(types: dict, stance: dict, subj: dict) -> list[Pattern]:
    """Every word cue as a matcher pattern labelled ``kind|label|literal length``."""
    entries: list[tuple[str, str, str]] = []
    for t, spec in types["types"].items():
        entries += [("type", t, c) for c in spec["cues"]]
    entries += [("generic", "generic", c) for c in types["generic"]]
    for s, cues in stance["stances"].items():
        entries += [("stance", s, c) for c in cues]
    entries += [("stance", "action", c) for c in stance.get("actions") or []]
    entries += [("collective", "collective", c) for c in subj.get("collective_subjects") or []]
    out, seen = [], set()
    for kind, label, cue in entries:
        # a regular expression keeps its case (lower-casing would turn \S into \s)
        text = " ".join((str(cue) if str(cue).startswith("re:") else str(cue).lower()).split())
        if not text.strip("*") or (kind, label, text) in seen:
            continue
        seen.add((kind, label, text))
        out.append(Pattern(text, f"{kind}|{label}|{len(str(cue).replace('*', '').strip())}"))
    return out




def regex_prefixes(p: str, limit: int = 64) -> set[str] | None:
    """The lower-case literals every match of regex ``p`` starts with (None: cannot tell); see
    :func:`ukrsec.text.prefixes.literal_prefixes`, which the matcher uses for its ``re:`` patterns."""
    return literal_prefixes(p, re.I, limit, shortest=1)


def _automaton(words: dict[str, Any]) -> Any:
    auto = ahocorasick.Automaton()
    for w, value in words.items():
        auto.add_word(w, value)
    auto.make_automaton()
    return auto


def _stance_patterns(stance: dict) -> tuple[tuple[re.Pattern, dict[str, str]], PrefixIndex]:
    """One expression of all stance patterns (group -> stance) and the index of their beginnings (the
    combined expression has beginnings when every pattern has)."""
    plist = [(s, p) for s, ps in (stance.get("patterns") or {}).items() for p in ps]
    rx = re.compile("|".join(f"(?P<p{i}>{p})" for i, (_, p) in enumerate(plist)) or "(?!)", re.I)
    label_of = {f"p{i}": st for i, (st, _) in enumerate(plist)}
    anchors: set[str] | None = set()
    for _, p in plist:
        a = regex_prefixes(p)
        anchors = None if a is None or anchors is None else anchors | a
    return (rx, label_of), PrefixIndex([anchors or None])


def _conditions(cond: dict) -> tuple[list, dict, Any]:
    # a key "name@group" is condition `name` with a trigger list of its own (a narrower pre-filter
    # for some of its patterns)
    conds = [(key, key.split("@")[0], re.compile(p, re.I))
             for key, ps in cond["conditions"].items() for p in ps]
    trig = cond.get("triggers") or {}
    triggers = {c: re.compile(_alt(ts)) for c, ts in trig.items() if ts}
    words: dict[str, set[str]] = {}
    for c, ts in trig.items():
        for t in ts or ():
            words.setdefault(str(t).lower(), set()).add(c)
    auto = _automaton({w: (len(w), frozenset(cs)) for w, cs in words.items()}) if words else None
    return conds, triggers, auto


def _condition_index(conds: list[tuple[str, str, re.Pattern]]) -> PrefixIndex:
    """Where the condition patterns can start (or which words they need)."""
    return PrefixIndex([regex_prefixes(rx.pattern) for _, _, rx in conds],
                       [needed_literals(rx.pattern, rx.flags) for _, _, rx in conds])


def _repeated_agent_regex(subj: dict) -> re.Pattern:
    """The gap before a second agent: "… in January and by (the) …"."""
    joiners = _alt(subj.get("repeated_agents")) or "(?!)"
    return re.compile(rf"^[^,.;:]{{0,40}}?\b(?:{joiners})\s+(?:the\s+|den\s+|dem\s+|der\s+)?$", re.I)


def _answer_regex(answers: dict) -> re.Pattern:
    """An answer at the start of a sentence, closed by a stop or comma ("Not for now.", "Nein,"); the
    group name is the stance."""
    groups = [f"(?P<{st}>{_alt(sorted(ws, key=len, reverse=True))})" for st, ws in answers.items() if ws]
    return re.compile(rf"\s*(?:{'|'.join(groups) or '(?!)'})\s*[.,;:!–—]", re.I)


def _alt(words: Any) -> str:
    return "|".join(re.escape(str(w).lower()) for w in words)


_OPEN_QUOTE = "(?:[\"„“«»‚‘']\\s*)?"  # a quotation may open right after the comma: ", „wohl aber …"


# what may stand before a same-subject conjunction: a comma, a dash between spaces, an ellipsis
# ("keine Soldaten in die Ukraine – wohl aber Ausbilder", "… zu entsenden… aber in Nachbarländer")
_SAME_MARK = "(?:,|\\s[–—]| -(?= )|…)"  # also a hyphen between spaces within a line ("… - aber …")


def _clause_rules(cl: dict) -> dict[str, Any]:
    new, lead, same = _alt(cl["new_subject"]), _alt(cl["leading_subordinate"]), _alt(cl["same_subject"])
    bare = _alt(cl["same_subject_without_comma"])
    bare_new = _alt(cl["new_subject_without_comma"])
    second = _alt(cl["same_subject_second"]) or "(?!)"
    fill = _alt(cl["second_fillers"]) or "(?!)"
    return {
        # ", will aber ...", ", kann sich aber ...": a contrast word in second place (after a filler)
        "split_second": re.compile(
            rf",\s*{_OPEN_QUOTE}(?=(?:[\w-]+\s+){{1,4}}(?:(?:{fill})\s+)?(?:{second})\b)", re.I),
        "split_and": re.compile(rf",\s*(?=(?:{_alt(cl['continuing']) or '(?!)'})\s)", re.I),
        "split_new": re.compile(rf"[,;]\s*(?=(?:{new})\b)|;\s*", re.I),
        # without a comma only before a name ("while France would", "while the United States will"),
        # not before a clause of time ("while there is war")
        "split_new_bare": re.compile(rf"\s+(?=(?i:{bare_new})\s+(?:(?i:the)\s+)?[A-ZÄÖÜ])"
                                     if bare_new else "(?!)"),
        "split_same": re.compile(
            rf"{_SAME_MARK}\s*{_OPEN_QUOTE}(?=(?:{same})\b)" + (rf"|\s+(?=(?:{bare})\s)" if bare else ""),
            re.I),
        # ", Bodentruppen ausdrücklich ausgenommen." at the end of a sentence: a participle phrase
        # with a stance of its own, about the same subject
        "split_trailing": re.compile(
            rf",\s*(?=[^,;]*\b(?:{_alt(cl['trailing_participles']) or '(?!)'})\s*[.!]?[\s\"“”»«']*$)", re.I),
        "lead_sub": re.compile(rf"\s*(?:{lead})\b[^,]*,", re.I),
        # ", leaving open whether …", ", ruling out …": a participle clause with a stance of its own
        "split_participle": re.compile(rf",\s*(?=(?:{_alt(cl['participle_openers']) or '(?!)'})\b)", re.I),
        # "Denying the involvement of Polish troops, Tusk said …": a sentence that opens with a
        # participle and its object (read after the main clause, whose subject it has)
        "lead_participle": re.compile(r"\s*[A-Z][a-z]+ing\s+(?=[a-z])[^,;:]*,"),
        "bare": tuple(str(w).lower() for w in cl["same_subject_without_comma"]),
        # words that cut a clause without a mark (checked before a sentence is cut)
        "bare_cuts": tuple(str(w).lower() for w in [*cl["same_subject_without_comma"],
                                                   *cl["new_subject_without_comma"]]),
        "openers": _low(cl["new_subject"]) | _low(cl["leading_subordinate"]),  # "…, while Italy …"
        # (or a coordinator, an article and a group noun with its adjective before the members: "Belgien
        # sowie die baltischen Staaten Litauen und Estland", "Belgium and the Baltic states Lithuania")
        "coord": re.compile(rf"^[\s,]*(?:(?:{_alt(cl['coordinators'])})?\s*(?:{_alt(cl['articles'])})?\s*"
                            r"(?:[A-ZÄÖÜ][\w\-]*\s*){0,2}"
                            rf"|\s*(?:{_alt(cl['coordinators'])})\s+(?:{_alt(cl['articles'])})\s+"
                            r"(?:[a-zäöü]\w*(?:e|en|er|es)\s+[A-ZÄÖÜ]\w*|[A-Z]\w*\s+[a-z]+)\s+)$"),
        "adj_coord": re.compile(rf"^[\s,]*(?:{_alt(cl['adjective_coordinators'])})?\s*$"),
    }


_NUM = r"\d{1,3}(?:[.,'\u202f\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"


def _units(q: dict) -> dict[str, Any]:
    """The unit words (longest first, one named group each) and the currency symbols."""
    unit_words = [(str(w).lower(), unit) for unit, words in q["units"].items() for w in words]
    codes = _low(q.get("codes_before"))  # "EUR 200 million", "USD 1.5bn": a code before the number
    ordered = sorted(unit_words, key=lambda x: -len(x[0]))
    unit_rx = re.compile("|".join(f"(?P<u{i}>{compile_regex(Pattern(w)).pattern})"
                                  for i, (w, _) in enumerate(ordered)))
    return {"unit_rx": unit_rx, "unit_of": {f"u{i}": u for i, (_, u) in enumerate(ordered)},
            "symbols": {w: u for w, u in unit_words if w and (not w[0].isalnum() or w in codes)}}


def _amount_regex(q: dict, symbols: dict[str, str], multipliers: list[str]) -> re.Pattern:
    """A number (with multiplier word), optionally a bound or range opener before it and a second
    number after a range joiner."""
    mult_alt = "|".join(re.escape(m) + (r"(?!\w)" if m[-1].isalnum() else "") for m in multipliers)
    # a number word counts only before a multiplier: "elf Milliarden Euro", "zwei bis drei Milliarden"
    words = _longest_first(q.get("number_words") or {})
    joiners = _alt(q.get("range_joiners") or []) or "(?!)"
    ahead = rf"(?=\s+(?:{mult_alt})|\s*(?:{joiners})\s*(?:\d+|{words})\s+(?:{mult_alt}))"
    numq = rf"(?P<NN>{_NUM}|(?:{words}){ahead})(?:\s*(?P<MM>{mult_alt}))?"
    one, two = numq.replace("NN", "n1").replace("MM", "m1"), numq.replace("NN", "n2").replace("MM", "m2")
    sym_alt = _alt(symbols) or "(?!)"
    bounds = _alt([*(q.get("upper") or []), *(q.get("lower") or [])])
    openers = "|".join(f"{re.escape(str(w).lower())}\\s+" for w in q.get("range_openers") or [])
    return re.compile(
        rf"(?<![\w.,])(?:(?P<sym>{sym_alt})\s?)?(?:(?P<bound>{bounds})\s+)?"
        rf"(?:{openers})?{one}"
        rf"(?:\s*(?:{_alt(q.get('range_joiners') or [])})\s*(?:(?P<sym2>{sym_alt})\s?)?{two})?(?![\d])")


def _longest_first(words: Any) -> str:
    """An alternation of ``words``, longest first (a never-matching one when there are none)."""
    return _alt(sorted(words, key=len, reverse=True)) or "(?!)"


def _venue_regex(venue: dict) -> re.Pattern:
    """A verb of saying and a place preposition right before a capital ("made clear from Paris, ")."""
    verbs, preps = _alt(venue.get("verbs") or []) or "(?!)", _alt(venue.get("prepositions") or []) or "(?!)"
    return re.compile(rf"\b(?:{verbs})\s+(?:\w+\s+)?(?:{preps})\s+$")


def _quantity_rules(q: dict) -> dict[str, Any]:
    q = {k: v for k, v in q.items() if v is not None}
    mult = {lang: {k.lower(): float(v) for k, v in d.items()} for lang, d in q.get("multipliers", {}).items()}
    units = _units(q)
    all_mult = sorted({k for d in mult.values() for k in d}, key=len, reverse=True)
    vague = sorted(_low(q.get("vague", [])))
    vague_alt, approx = _longest_first(vague), _longest_first(q.get("approximate", []))
    hints = "|".join([r"\d", *(re.escape(str(h).lower()) for h in q.get("amount_hints", []))])
    words = {str(k).lower(): float(v) for k, v in (q.get("number_words") or {}).items()}
    if words:
        hints += "|" + "|".join(re.escape(m) for m in all_mult if len(m) > 3)
    total_rx = re.compile(rf"\b(?:{_alt(q.get('totals')) or '(?!)'})\b[^,.;]*$", re.I)
    own = _longest_first(q.get('own_spending', []))
    own_rx = re.compile(rf"(?:[\s-]?[a-z]{{1,8}})?[\s-]+(?:{own})\b", re.I)
    return {"mult": mult, "all_mult": {k: v for d in mult.values() for k, v in d.items()},
            "total_rx": total_rx, "own_spending_rx": own_rx,
            "amount": _amount_regex(q, units["symbols"], all_mult), **units,
            "signed_rx": re.compile(rf"(?<![\w.,])(?:{_alt(units['symbols']) or '(?!)'})\s?(?=\d)"),
            "vague": vague, "vague_rx": re.compile(rf"(?<!\w)(?:{vague_alt})(?!\w)"),
            "upper": _low(q.get("upper")), "lower": _low(q.get("lower")),
            # a bound and its number right before a name ("up to 97 | New Zealand personnel"): the
            # "to" of the bound governs the number, not the name
            "bound_rx": re.compile(rf"(?<!\w)(?:{_alt([*q.get('upper', []), *q.get('lower', [])]) or '(?!)'})"
                                   r"\s+[\d][\d.,]*\s+(?:[\w-]+\s+)?$", re.I),
            "approx_rx": re.compile(rf"(?<!\w)(?:{approx})\s*$"),
            "hints": re.compile(hints), "window": int(q.get("unit_window", 3)),
            "type_units": {k: set(v) for k, v in q["type_units"].items()}, "number_words": words}


def _negation(stance: dict) -> tuple[frozenset[str], frozenset[str], re.Pattern]:
    neg, after = _low(stance.get("negation")), _low(stance.get("negation_after"))
    words = [*(stance.get("negation") or []), *(stance.get("negation_after") or [])]
    return neg, after, re.compile(r"\b(?:" + _alt(words) + r")\b")


def _source_phrases(words: Any) -> re.Pattern:
    """A source phrase closed by a comma right before a position ("according to Zelensky, |")."""
    return re.compile(rf"\b(?:{_alt(words) or '(?!)'})\s+[^,.;:]{{1,40}},\s*$")


def _words_rx(words: Any, flags: int = 0) -> re.Pattern:
    """``\\b(?:word|word...)\\b``, with a look-ahead at the words' first letters so that ``re`` tries
    the alternation only where a word can start (the same matches, several times faster)."""
    ws = [str(w).lower() for w in words]
    if not ws:
        return re.compile(r"\b(?:(?!))\b", flags)
    first = "" if not all(ws) else "(?=[" + "".join(sorted({re.escape(w[0]) for w in ws})) + "])"
    return re.compile(rf"\b{first}(?:{_alt(ws)})\b", flags)


def _phrases(words: Any) -> re.Pattern:
    """One pattern for a list of word sequences (any white space between the words)."""
    alts = [r"\s+".join(re.escape(w) for w in str(p).lower().split()) for p in words or ()]
    return re.compile(rf"\b(?:{'|'.join(alts) or '(?!)'})(?!\w)")


def _others_regex(subj: dict) -> re.Pattern:
    """Right after a subject: "und weitere (europäische) Staats- und Regierungschefs", "and other allies"."""
    nouns = _alt(list(subj.get("count_nouns") or []) + list(subj.get("list_heads") or []))
    words = _alt(subj.get("others_words"))
    dets = _alt(subj.get("others_determiners")) or "(?!)"
    # (a determiner or possessive may come first: "and the other members", "and Ukraine's other allies";
    # ``poss`` is the possessive of the last name itself, when that name is Ukraine's: "… and Ukraine's")
    return re.compile(rf"(?:\s*(?:,\s*)?(?:und|sowie|and)\s+(?:(?:{dets})\s+|[\w.-]+(?:'s|’s)\s+)?"
                      rf"|(?P<poss>'s|’s)?\s+)(?:{words})\s+(?:[\w-]+\s+){{0,2}}?(?:{nouns})\b", re.I)


def _size_regex(types: dict) -> re.Pattern:
    """A limit and a number right before a troop word: "eine Beschränkung von 600.000 (Soldaten)"."""
    limits = _alt(types.get("size_limits")) or "(?!)"
    return re.compile(rf"\b(?:{limits})\w*\s+(?:von|auf|of|at|to)\s+(?:\w+\s+)?[\d.,]+"
                      r"(?:\s+(?:tausend|thousand))?\s+$", re.I)


def _attributive_regex(subj: dict) -> re.Pattern:
    """Right after a mention: a participle and a noun ("den USA unterstützte Truppe")."""
    words = _alt(subj.get("attributive_participles")) or "(?!)"
    return re.compile(rf"\s+(?:{words})\s+(?:und\s+[^,.;]{{0,60}}?\s)?[A-ZÄÖÜ]")


def _treaty_regex(subj: dict) -> re.Pattern:
    """Right after a mention: the head of a compound naming its treaty or a clause of it
    ("Nato-Beistandsklausel", "NATO-style", "NATO's Article 5")."""
    heads = _alt(subj.get("treaty_heads")) or "(?!)"
    return re.compile(rf"(?:-[\w-]*?|(?:'s|’s)?\s+)(?:{heads})", re.I)


def _trailing_source_regex(subj: dict) -> re.Pattern:
    """A source clause that ends the clause: ", wie Dänemark und Norwegen mitteilten", ", as X said"."""
    ts = subj.get("trailing_sources") or {}
    openers, verbs = _alt(ts.get("openers")) or "(?!)", _alt(ts.get("verbs")) or "(?!)"
    return re.compile(rf",\s*(?:{openers})\s+[^,;:]{{1,80}}?\s(?:{verbs})\b[\s.!]*$", re.I)


def _group_regex(subj: dict) -> re.Pattern:
    """A group of states named by an adjective before a count noun ("die drei baltischen Staaten",
    "the Nordic countries"); group 1 is the adjective's stem."""
    stems = _alt(sorted(subj.get("group_adjectives") or {}, key=len, reverse=True)) or "(?!)"
    nouns = _alt(subj.get("count_nouns") or []) or "(?!)"
    return re.compile(rf"(?<!\w)({stems})\w*\s+(?:{nouns})\b", re.I)


def _count_regex(subj: dict) -> re.Pattern:
    """A counted group of states: "26 countries", "Twenty-six of Ukraine's allies", "Zehn Länder",
    also with a body's prefix ("Zehn EU-Staaten", "32 Nato-Länder")."""
    words = _alt(sorted(subj.get("count_words") or [], key=len, reverse=True)) or "(?!)"
    nouns = _alt(subj.get("count_nouns") or []) or "(?!)"
    # "Twenty-six", "sechsundzwanzig", "dreizehn": a compound of a count word
    number = rf"(?:\d+|(?:{words})(?:-\w+|und\w+|zehn)?)"
    return re.compile(rf"(?<!\w){number}\s+(?:of\s+(?:the\s+|\w+'s\s+|\w+’s\s+)?)?(?:\w+\s+)?"
                      rf"(?:\w+-)?(?:{nouns})\b", re.I)


def _type_fields(types: dict) -> dict[str, Any]:
    """The fields of the lexicon read from ``types.yaml``."""
    return dict(
        overrides={k: set(v) for k, v in (types.get("overrides") or {}).items()},
        support_verbs=_low(types.get("support_verbs")),
        support_nouns=_low(types.get("support_nouns")),
        hub_nouns=_low(types.get("hub_nouns")),
        hub_prepositions=_low(types.get("hub_prepositions")),
        # up to three words between the phrase and the sum ("im Wert von rund 1,1 Milliarden")
        value_rx=re.compile(
            rf"\b(?:{_alt(types.get('value_phrases') or []) or '(?!)'})\s+(?:\S+\s+){{0,3}}$"),
        money_verbs=_low(types.get("money_verbs")),
        object_verbs=_low(types.get("object_verbs")),
        demand_rx=re.compile(rf"\b(?:{_alt(types.get('demand_verbs')) or '(?!)'})\s+(?:[\w-]+\s+){{0,2}}$"),
        size_rx=_size_regex(types),
        place_types=_low(types.get("place_types")),
        determiners=_low(types.get("determiners")),
        abroad_type=str(types["abroad"]["type"]),
        abroad_prepositions=_low(types["abroad"]["prepositions"]),
    )


def _stance_fields(stance: dict) -> dict[str, Any]:
    """The fields of the lexicon read from ``stance.yaml`` beyond its patterns and negation."""
    return dict(
        relative_rx=re.compile(rf",\s*(?:{_alt(stance.get('relative_openers')) or '(?!)'})\b"
                               rf"|^\s*(?:{_alt(stance.get('bare_relative_openers')) or '(?!)'})\s*$", re.I),
        parenthetical_rx=re.compile(rf",\s*(?:{_alt(stance.get('parentheticals')) or '(?!)'})\s*,", re.I),
        list_comma_rx=re.compile(rf",\s*(?:{_alt(stance.get('list_commas')) or '(?!)'})\s", re.I),
        described_rx=re.compile(r"[^,.;]*?(?:,\s*|\s)"
                                rf"(?:{_alt(stance.get('copulas_after_relative')) or '(?!)'})\b", re.I),
        negation_skip=_low(stance.get("negation_skip")),
        rhetorical={k: _low(v) for k, v in stance["rhetorical"].items()},
        history_rx=re.compile("|".join(f"(?:{p})" for p in stance["history"]["phrases"]) or "(?!)", re.I),
        history_verbs=_low(stance["history"]["verbs"]),
        answer_rx=_answer_regex(stance["answers"]),
        negation_following=_low(stance.get("negation_following")),
        negation_following_skip=_low(stance.get("negation_following_skip")),
        negation_limiters=_low(stance.get("negation_limiters")),
        default_owned=str(stance.get("default_owned", "considering")),
        weak=_low(stance.get("weak")),
        not_after_hyphen=_low(stance.get("not_after_hyphen")),
        weak_distance=int(stance.get("weak_distance", 60)),
        noun_distance=int(stance.get("noun_distance", 60)),
    )


def _subject_words(subj: dict) -> dict[str, Any]:
    """The word lists of ``subjects.yaml`` (first half of its fields)."""
    return dict(
        never=set(subj["never_committing"]),
        recipients=frozenset(subj["recipients"]),
        relative_pronouns=_low(subj["relative_pronouns"]),
        joint_preps=tuple(_low(subj.get("joint_prepositions"))),
        never_kinds=_low(subj.get("never_kinds")),
        member_nouns=_low(subj.get("member_nouns")),
        member_state_nouns=_low(subj.get("member_state_nouns")),
        comparison_rx=re.compile(rf"\b(?:{_alt(subj.get('comparisons')) or '(?!)'})\s+"
                                 r"(?:(?:der|des|dem|den|die|the)\s+)?$", re.I),
        own_bodies=tuple(_low(subj.get("own_bodies"))),
        collective_bodies=tuple(_low(subj.get("collective_bodies"))),
        preps=_low(subj.get("prepositions")),
        pronouns=_low(subj.get("pronouns")),
        group_pronouns=_low(subj.get("group_pronouns")),
        side_nouns=_low(subj.get("side_nouns")),
        anaphors=_low(subj.get("anaphors")),
        count_anaphors=_low(subj.get("count_anaphors")),
        member_openers=_low(subj.get("member_openers")),
        body_anaphors=_low(subj.get("body_anaphors")),
        body_determiners=_low(subj.get("body_determiners")),
        body_phrase_rx=_body_phrase_regex(subj),
        object_coordinators=_low(subj.get("object_coordinators")),
        source_phrase_rx=_source_phrases(subj.get("source_phrases")),
        expletive_rx=_phrases(subj.get("expletives")),
        finite_verbs=_low(subj.get("finite_verbs")),
        repeated_agent_rx=_repeated_agent_regex(subj),
        topic_window=int(subj.get("topic_window", 3)),
        continuation=tuple(str(x).lower() for x in subj.get("continuation") or []),
        listing=tuple(str(x).lower() for x in subj.get("listing") or []),
        venue_rx=_venue_regex(subj.get("venue") or {}),
        partner_preps=_low(subj["partners"]["prepositions"]),
    )



def _body_phrase_regex(subj: dict) -> re.Pattern:
    """A body noun after its determiner and up to four adjectives or prefixes of an elided compound
    ("das baltische Land", "das baltische EU- und Nato-Land", "das kleine Land")."""
    dets, bodies = _alt(subj.get("body_determiners")) or "(?!)", _alt(subj.get("body_anaphors")) or "(?!)"
    return re.compile(rf"\b(?:{dets})\s+"
                      r"(?:(?:\w+(?:e|en|er|es)|\w+-(?:\s+(?:und|sowie|oder|and|or))?)\s+){0,4}"
                      rf"(?:\w+-)?(?:{bodies})\b", re.I)


def _subject_rules(subj: dict) -> dict[str, Any]:
    """The rules of ``subjects.yaml`` (second half of its fields)."""
    return dict(
        agreement_subjects=_low(subj["agreements"]["subjects"]),
        agreement_pronouns=_low(subj["agreements"]["pronouns"]),
        agreement_type=str(subj["agreements"]["type"]),
        helped=_low(subj["helped"]),
        more_money=_low(subj.get("more_money")),
        role_bodies={b: tuple(_low(ws)) for b, ws in (subj.get("role_bodies") or {}).items()},
        source_preps=_low(subj.get("source_prepositions")),
        speech_verbs=_low(subj.get("speech_verbs")),
        addressee_verbs=_low(subj.get("addressee_verbs")),
        complementizers=_low(subj.get("complementizers")),
        counted_group=subj.get("counted_group"),
        count_rx=_count_regex(subj),
        count_noun_rx=AnchoredRegex(_words_rx(subj.get("count_nouns") or [], re.I)),
        owners=_owners(subj["owners"]),
        passive=_passive(subj["passive"]),
        group_rx=_group_regex(subj),
        nobody_rx=_phrases(subj.get("nobody")),
        shared_bodies=_low(subj["shared_bodies"]["names"]),
        shared_body_states=tuple(str(s) for s in subj["shared_bodies"]["states"]),
        group_members={k.lower(): tuple(v) for k, v in (subj.get("group_adjectives") or {}).items()},
        poll_word_rx=_words_rx(subj.get("poll_words") or [], re.I),
        source_phrase_open_rx=re.compile(rf"\b(?:{_alt(subj.get('source_phrases')) or '(?!)'})\b"),
        list_open_rx=re.compile(rf":\s*|,\s*(?:{_alt(subj.get('list_openers')) or '(?!)'})\s+", re.I),
        list_head_rx=_words_rx(subj.get("list_heads") or [], re.I),
        others_rx=_others_regex(subj),
        attributive_rx=_attributive_regex(subj),
        treaty_rx=_treaty_regex(subj),
        negated_rx=re.compile(rf"(?<![\w-])(?:{_alt(subj.get('negating_prefixes')) or '(?!)'})-$", re.I),
        trailing_source_rx=_trailing_source_regex(subj),
        poll_rx=re.compile(rf"(?<!\w)\d+(?:[.,]\d+)?\s*(?:{_alt(subj.get('poll_subjects')) or '(?!)'})(?!\w)",
                           re.I),
    )


@lru_cache(maxsize=8)
def lexicon(data_dir: str | None = None) -> Lexicon:
    """Load, check and compile the commitment lexicons of ``data_dir`` (cached)."""
    types = lx.load(DIR + "types.yaml", TYPES, data_dir)
    stance = lx.load(DIR + "stance.yaml", STANCE, data_dir)
    subj = lx.load(DIR + "subjects.yaml", SUBJECTS, data_dir)
    cond = lx.load(DIR + "conditions.yaml", CONDITIONS, data_dir)
    quant = lx.load(DIR + "quantities.yaml", QUANTITIES, data_dir)
    plover = lx.load(DIR + "plover.yaml", PLOVER, data_dir)
    clause = lx.load(DIR + "clauses.yaml", CLAUSES, data_dir)
    spats, panchors = _stance_patterns(stance)
    conds, triggers, trig_auto = _conditions(cond)
    negation, negation_after, negation_rx = _negation(stance)
    return Lexicon(
        cues=Matcher(_cue_patterns(types, stance, subj), data_dir=data_dir),
        stance_patterns=spats,
        pattern_anchors=panchors,
        conditions=conds,
        condition_index=_condition_index(conds),
        triggers=triggers,
        trigger_automaton=trig_auto,
        all_triggered=all(k in triggers for k, _, _ in conds),
        negation=negation,
        negation_after=negation_after,
        negation_rx=negation_rx,
        carry_window=int(cond.get("carry_window", 3)),
        actor_carry_window=int(cond.get("actor_carry_window", 6)),
        own_conditions={c: frozenset(str(a) for a in ws) for c, ws in cond["own_conditions"].items()},
        owned_types=frozenset(str(c) for c in cond["owned_types"]),
        back_reference_rx=re.compile(rf"(?<!\w)(?:{_alt(cond['back_references']) or '(?!)'})(?!\w)", re.I),
        back_reference_conditions=frozenset(str(c) for c in cond["back_reference_conditions"]),
        partner_types=_low(subj["partners"]["types"]),
        plover=dict(plover["plover"]),
        quant=_quantity_rules(quant),
        clauses=_clause_rules(clause),
        **_type_fields(types), **_stance_fields(stance), **_subject_words(subj), **_subject_rules(subj),
    )


@dataclass(frozen=True)
class Passive:
    """Words of the passive-agent rule of ``subjects.yaml`` ``passive``."""

    agents: frozenset[str]                         # von, vom, by
    articles: frozenset[str]                       # der, den, the: between the preposition and the name
    auxiliaries: frozenset[str]                    # werden, würde, be, been
    participle_endings: tuple[str, ...]            # übernommen, geführt, led, provided


def _passive(spec: dict) -> Passive:
    return Passive(_low(spec["agents"]), _low(spec["articles"]), _low(spec["auxiliaries"]),
                   tuple(_low(spec["participle_endings"])))


@dataclass(frozen=True)
class Owners:
    """Words of the owner rules of ``subjects.yaml`` ``owners``."""

    possessive: tuple[str, ...]                    # "'s", "’s": "Italy's refusal"
    genitive_articles: frozenset[str]              # "die Zusage der USA"
    agent_prepositions: frozenset[str]             # "the refusal of Italy", "rejected by Poland"
    leader_rx: re.Pattern                          # "-led", "-geführte" right after a mention
    leadership_rx: AnchoredRegex                   # "under American leadership": group "who" is the leader
    leadership_distance: int                       # how far from the type cue such a phrase may stand
    first_person: frozenset[str]                   # "wir", "we" inside a quotation
    quote_marks: str


def _leadership(patterns: Any) -> AnchoredRegex:
    """One expression of the leadership phrases; each names its leader in a group ``who``."""
    parts = [str(p).replace("(?P<who>", f"(?P<who{i}>") for i, p in enumerate(patterns or [])]
    rx = re.compile("|".join(f"(?:{p})" for p in parts) or "(?!)", re.I)
    return AnchoredRegex(rx, parts or None)


def _owners(o: dict) -> Owners:
    return Owners(possessive=tuple(sorted((str(x) for x in o["possessive_marks"]), key=len, reverse=True)),
                  genitive_articles=_low(o["genitive_articles"]),
                  agent_prepositions=_low(o["agent_prepositions"]),
                  leader_rx=re.compile(rf"-({_alt(_low(o['leader_suffixes'])) or '(?!)'})\b"),
                  leadership_rx=_leadership(o["leadership"]),
                  leadership_distance=int(o["leadership_distance"]),
                  first_person=_low(o["first_person"]), quote_marks="".join(str(x) for x in o["quote_marks"]))
