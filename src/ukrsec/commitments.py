"""Stage ``commitments``: who pledges, considers, leaves open or refuses which kind of support.

Rule-based and driven by the data files in ``data/commitments/`` (German and English cue
lexicons; see ``docs/commitments.md``). Per sentence:

1. one Aho-Corasick pass per article finds the cues (type words, stance words, negation,
   participation words, collective subjects); each hit is checked against its cue pattern;
2. the sentence is cut into clauses at contrast and subordinate conjunctions ("während",
   "aber", "sondern", "while", "but"), so "keine Bodentruppen, aber Logistik" gives two
   commitments with opposite stances;
3. every type cue of a clause takes the clause's stance (nearest cue; explicit refusal or
   openness wins; negation right before the cue declines it);
4. the committing actor is the state owning the noun ("italienische Truppen"), else the
   clause's subject group (actors before the stance cue that do not follow a preposition),
   else a pronoun's antecedent, else the article's collective body for "Die Verbündeten";
   people and national bodies stand for their state; Ukraine and Russia never commit;
5. conditions and quantities are read from the clause (conditions without a commitment carry
   over to the latest commitments of the same actor).

What each article reports across sources (``Corpus.compare()``) is in :mod:`ukrsec.analysis.stances`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

import ahocorasick
import pandas as pd

from . import schema
from .resources import read_yaml

DIR = "commitments/"
STANCES = schema.STANCES
_WORD = re.compile(r"\w+", re.UNICODE)
_WORD_OR_STOP = re.compile(r"\w+|(?=[.!?;:\n])")  # a stop gives an empty token
_WORD_OR_COMMA = re.compile(r"\w+|(?=[,;:])")


def _after_stop(toks: list[str]) -> list[str]:
    """The words after the last stop (empty token) of a token list."""
    if "" in toks:
        return toks[len(toks) - toks[::-1].index(""):]
    return toks


_TOKEN = re.compile(r"[\w\-]+|[^\w\s]", re.UNICODE)


# ---------------------------------------------------------------------------------------------
# lexicons


def _lower(text: str) -> str:
    """Lower case with unchanged length (offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _cue_regex(cue: str) -> tuple[str, str]:
    """(regex, anchor) for a cue in the README's ``*`` syntax.

    The anchor is the cue's literal beginning: the first word, and the following words (joined by
    one space) up to the first ``*`` ("in der luft", "im fall"), so that short first words such as
    "in" or "at" do not send every occurrence to the regex.
    """
    words = cue.strip().lower().split()
    parts = []
    anchor = words[0].strip("*") if words else ""
    if words and not words[0].startswith("*") and not words[0].endswith("*"):
        for w in words[1:]:
            if w.startswith("*"):
                break
            anchor += " " + w.rstrip("*")
            if w.endswith("*"):
                break
    for i, w in enumerate(words):
        pre, post = w.startswith("*"), w.endswith("*") and len(w) > 1
        core = w.strip("*")
        p = re.escape(core)
        if pre:
            p = r"\w*" + p
        if post:
            p = p + r"[\w\-]*" if i < len(words) - 1 else p + r"\w*"
        parts.append(p)
    body = r"\s+".join(parts)
    left = "" if words[0].startswith("*") else r"(?<!\w)"
    first_core = words[0].strip("*")
    if first_core and not first_core[0].isalnum():
        left = ""
    last_core = words[-1].strip("*")
    right = r"(?!\w)" if last_core and last_core[-1].isalnum() else ""
    return left + body + right, anchor


@dataclass
class Lexicon:
    """Compiled cue lexicons for one data folder."""

    automaton: Any
    # kind, label, pattern, inside a word?, literal length, plain (whole words, no "*": the anchor is the cue)
    cues: list[tuple[str, str, re.Pattern, bool, int, bool]]
    stance_patterns: tuple[re.Pattern, dict[str, str]]  # one combined pattern, group -> stance
    conditions: list[tuple[str, re.Pattern]]
    triggers: dict[str, re.Pattern]
    overrides: dict[str, set[str]]
    never: set[str]
    support_verbs: frozenset[str]
    determiners: frozenset[str]
    never_kinds: frozenset[str]
    member_nouns: frozenset[str]
    own_bodies: tuple[str, ...]
    collective_bodies: tuple[str, ...]
    preps: frozenset[str]
    pronouns: frozenset[str]
    anaphors: frozenset[str]
    negation: frozenset[str]
    negation_rx: re.Pattern
    topic_window: int
    carry_window: int
    default_owned: str
    weak: frozenset[str]
    weak_distance: int
    noun_distance: int
    continuation: tuple[str, ...]
    plover: dict[str, str | None]
    quant: dict[str, Any] = field(default_factory=dict)
    pattern_anchors: Any = None  # automaton of the literals a stance pattern can start with; None: scan
    trigger_automaton: Any = None  # condition trigger literal -> conditions


@lru_cache(maxsize=8)
def lexicon(data_dir: str | None = None) -> Lexicon:
    """Load and compile the commitment lexicons of ``data_dir`` (cached)."""
    types = read_yaml(DIR + "types.yaml", data_dir)
    stance = read_yaml(DIR + "stance.yaml", data_dir)
    subj = read_yaml(DIR + "subjects.yaml", data_dir)
    cond = read_yaml(DIR + "conditions.yaml", data_dir)
    quant = read_yaml(DIR + "quantities.yaml", data_dir)
    plover = read_yaml(DIR + "plover.yaml", data_dir)
    entries: list[tuple[str, str, str]] = []
    for t, spec in (types.get("types") or {}).items():
        entries += [("type", t, c) for c in spec.get("cues", [])]
    entries += [("generic", "generic", c) for c in types.get("generic", [])]
    for s, cues in (stance.get("stances") or {}).items():
        entries += [("stance", s, c) for c in cues]
    entries += [("stance", "action", c) for c in stance.get("actions") or []]
    entries += [("collective", "collective", c) for c in subj.get("collective_subjects", [])]
    auto = ahocorasick.Automaton()
    cues: list[tuple[str, str, re.Pattern, bool, int, bool]] = []
    by_anchor: dict[str, list[int]] = {}
    seen = set()
    for kind, label, cue in entries:
        key = (kind, label, str(cue).lower())
        if key in seen:
            continue
        seen.add(key)
        rx, anchor = _cue_regex(str(cue))
        if not anchor:
            continue
        by_anchor.setdefault(anchor, []).append(len(cues))
        lit = " ".join(str(cue).lower().split())
        plain = "*" not in lit and lit[:1].isalnum() and lit[-1:].isalnum() and lit == anchor
        cues.append((kind, label, re.compile(rx), str(cue).strip().startswith("*"),
                     len(str(cue).replace("*", "").strip()), plain))
    for anchor, idx in by_anchor.items():
        auto.add_word(anchor, (len(anchor), tuple(cues[i] for i in idx), any(cues[i][3] for i in idx)))
    auto.make_automaton()
    plist = [(s, p) for s, ps in (stance.get("patterns") or {}).items() for p in ps]
    spats = (re.compile("|".join(f"(?P<p{i}>{p})" for i, (_, p) in enumerate(plist)) or "(?!)", re.I),
             {f"p{i}": st for i, (st, _) in enumerate(plist)})
    conds = [(c, re.compile(p, re.I)) for c, ps in (cond.get("conditions") or {}).items() for p in ps]
    triggers = {c: re.compile("|".join(re.escape(str(t).lower()) for t in ts))
                for c, ts in (cond.get("triggers") or {}).items() if ts}
    trig_words: dict[str, set[str]] = {}
    for c, ts in (cond.get("triggers") or {}).items():
        for t in ts or ():
            trig_words.setdefault(str(t).lower(), set()).add(c)
    trig_auto = None
    if trig_words:
        trig_auto = ahocorasick.Automaton()
        for w, cs in trig_words.items():
            trig_auto.add_word(w, (len(w), frozenset(cs)))
        trig_auto.make_automaton()
    panchors: set[str] | None = set()
    for _, p in plist:
        a = _regex_prefixes(p)
        if a is None:
            panchors = None
            break
        panchors |= a
    pauto = None
    if panchors:
        pauto = ahocorasick.Automaton()
        for w in panchors:
            pauto.add_word(w, len(w))
        pauto.make_automaton()
    return Lexicon(
        automaton=auto, cues=cues, stance_patterns=spats, conditions=conds, triggers=triggers,
        overrides={k: set(v) for k, v in (types.get("overrides") or {}).items()},
        never=set(subj.get("never_committing", [])),
        support_verbs=frozenset(str(x).lower() for x in types.get("support_verbs", [])),
        determiners=frozenset(str(x).lower() for x in types.get("determiners", [])),
        never_kinds=frozenset(str(x).lower() for x in subj.get("never_kinds", [])),
        member_nouns=frozenset(str(x).lower() for x in subj.get("member_nouns", [])),
        own_bodies=tuple(x.lower() for x in subj.get("own_bodies", [])),
        collective_bodies=tuple(x.lower() for x in subj.get("collective_bodies", [])),
        preps=frozenset(x.lower() for x in subj.get("prepositions", [])),
        pronouns=frozenset(x.lower() for x in subj.get("pronouns", [])),
        anaphors=frozenset(x.lower() for x in subj.get("anaphors", [])),
        negation=frozenset(x.lower() for x in stance.get("negation", [])),
        negation_rx=re.compile(r"\b(?:" + "|".join(
            re.escape(str(x).lower()) for x in [*stance.get("negation", []), "nicht", "not"]) + r")\b"),
        topic_window=int(subj.get("topic_window", 3)),
        carry_window=int(cond.get("carry_window", 3)),
        default_owned=str(stance.get("default_owned", "considering")),
        weak=frozenset(str(x).lower() for x in stance.get("weak", [])),
        weak_distance=int(stance.get("weak_distance", 60)),
        noun_distance=int(stance.get("noun_distance", 60)),
        continuation=tuple(str(x).lower() for x in subj.get("continuation", [])),
        plover={**(plover.get("plover") or {})},
        quant=_compile_quant(quant),
        pattern_anchors=pauto if plist else False,
        trigger_automaton=trig_auto,
    )


_LIT = re.compile(r"[^\\()\[\]{}?*+.|^$]")


def _regex_prefixes(p: str, limit: int = 64) -> set[str] | None:
    """The lower-case literals every match of regex ``p`` starts with (None: cannot tell).

    Understands a leading ``\\b``, literal characters and ``(?:a|b)`` groups of literals, which
    covers the split-verb patterns of ``stance.yaml``; anything else ends the prefix.
    """
    i = 2 if p.startswith("\\b") else 0
    out = {""}
    while i < len(p):
        ch = p[i]
        if p.startswith("(?:", i):
            j = p.find(")", i)
            alts = p[i + 3:j].split("|") if j > 0 else []
            if j < 0 or not alts or any(not a or not all(_LIT.fullmatch(c) for c in a) for a in alts):
                break
            if j + 1 < len(p) and p[j + 1] in "?*{":
                break
            out = {o + a.lower() for o in out for a in alts}
            if len(out) > limit:
                return None
            i = j + 1
        elif _LIT.fullmatch(ch) and not ch.isspace():
            if i + 1 < len(p) and p[i + 1] in "?*{":
                break
            out = {o + ch.lower() for o in out}
            i += 1
        else:
            break
    return None if "" in out else out


class Hit(NamedTuple):
    """A cue found in the text."""

    kind: str   # type | generic | stance | collective
    label: str  # commitment type, stance, ...
    start: int
    end: int
    spec: int = 0  # length of the cue's literal text: of two cues on the same span the longer wins


_OTHER_SPACE = re.compile(r"[^\S ]")  # whitespace other than " " (same length, so offsets stay)


def find_cues(low: str, lex: Lexicon) -> list[Hit]:
    """All cue hits in a lower-cased text (one automaton pass, then each candidate verified)."""
    hits: set[Hit] = set()
    for end_idx, (alen, entries, any_inside) in lex.automaton.iter(_OTHER_SPACE.sub(" ", low)):
        a0 = end_idx - alen + 1
        at_word_start = a0 == 0 or not (low[a0 - 1].isalnum() or low[a0 - 1] == "_")
        if not at_word_start and not any_inside:
            continue
        ws = -1
        for kind, label, rx, inside, spec, plain in entries:
            if plain:
                # the anchor is the whole cue: only the word boundaries are left to check
                e = end_idx + 1
                if at_word_start and not (e < len(low) and (low[e].isalnum() or low[e] == "_")):
                    hits.add(Hit(kind, label, a0, e, spec))
                continue
            if inside:
                if ws < 0:
                    ws = a0
                    while ws > 0 and (low[ws - 1].isalnum() or low[ws - 1] == "_"):
                        ws -= 1
                m = rx.match(low, ws)
            elif at_word_start:
                m = rx.match(low, a0)
            else:
                continue
            if m and m.end() > end_idx:
                hits.add(Hit(kind, label, m.start(), m.end(), spec))
    return sorted(hits, key=lambda h: (h.start, -h.end))


def _drop_overlaps(hits: list[Hit]) -> list[Hit]:
    """Keep the longest of overlapping hits (earliest first on ties)."""
    if len(hits) < 2:
        return list(hits)
    out: list[Hit] = []
    for h in sorted(hits, key=lambda h: (-(h.end - h.start), h.start, -h.spec)):
        if all(h.end <= o.start or h.start >= o.end for o in out):
            out.append(h)
    return sorted(out, key=lambda h: h.start)


# ---------------------------------------------------------------------------------------------
# quantities

_NUM = r"\d{1,3}(?:[.,'\u202f\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"


def _compile_quant(q: dict) -> dict[str, Any]:
    mult = {lang: {k.lower(): float(v) for k, v in d.items()}
            for lang, d in (q.get("multipliers") or {}).items()}
    all_mult = sorted({k for d in mult.values() for k in d}, key=len, reverse=True)
    unit_words: list[tuple[str, str]] = []
    for unit, words in (q.get("units") or {}).items():
        unit_words += [(str(w).lower(), unit) for w in words]
    ordered = sorted(unit_words, key=lambda x: -len(x[0]))
    unit_rx = re.compile("|".join(f"(?P<u{i}>{_cue_regex(w)[0]})" for i, (w, _) in enumerate(ordered)))
    unit_of = {f"u{i}": u for i, (_, u) in enumerate(ordered)}
    symbols = {w: u for w, u in unit_words if w and not w[0].isalnum()}
    mult_alt = "|".join(re.escape(m) + (r"(?!\w)" if m[-1].isalnum() else "") for m in all_mult)
    sym_alt = "|".join(re.escape(s) for s in symbols) or "(?!)"
    vague = {k.lower(): v for k, v in (q.get("vague") or {}).items()}
    vague_alt = "|".join(re.escape(k) for k in sorted(vague, key=len, reverse=True)) or "(?!)"
    joiners = "|".join(re.escape(j) for j in q.get("range_joiners", []))
    numq = rf"(?P<NN>{_NUM})(?:\s*(?P<MM>{mult_alt}))?"
    one = numq.replace("NN", "n1").replace("MM", "m1")
    two = numq.replace("NN", "n2").replace("MM", "m2")
    upper = "|".join(re.escape(x) for x in q.get("upper", []))
    lower = "|".join(re.escape(x) for x in q.get("lower", []))
    amount = re.compile(
        rf"(?<![\w.,])(?:(?P<sym>{sym_alt})\s?)?(?:(?P<bound>{upper}|{lower})\s+)?"
        rf"(?:zwischen\s+|between\s+|von\s+|from\s+)?{one}"
        rf"(?:\s*(?:{joiners})\s*(?:(?P<sym2>{sym_alt})\s?)?{two})?(?![\d])")
    return {"mult": mult, "all_mult": {k: v for d in mult.values() for k, v in d.items()},
            "amount": amount, "unit_rx": unit_rx, "unit_of": unit_of, "symbols": symbols,
            "vague": vague, "vague_rx": re.compile(rf"(?<!\w)(?:{vague_alt})(?!\w)"),
            "upper": {x.lower() for x in q.get("upper", [])},
            "lower": {x.lower() for x in q.get("lower", [])},
            "window": int(q.get("unit_window", 3)),
            "type_units": {k: set(v) for k, v in (q.get("type_units") or {}).items()}}


_GROUPED = re.compile(r"\d{1,3}(?:[ .,]\d{3})+")
_GROUPED_DEC = re.compile(r"(\d{1,3}(?:([ .,])\d{3})+)([.,])(\d+)")
_SEPS = re.compile(r"[ .,]")
_NONSPACE = re.compile(r"[^\s]+")


def parse_number(s: str) -> float:
    """'15.000' / '15,000' / '15 000' -> 15000; '2,5' / '2.5' -> 2.5."""
    s = s.replace("\u202f", " ").replace("\u00a0", " ").replace("'", " ")
    if s.isdigit():
        return float(s)
    if _GROUPED.fullmatch(s) and len(set(_SEPS.findall(s))) == 1:
        return float(_SEPS.sub("", s))
    m = _GROUPED_DEC.fullmatch(s)
    if m and m.group(2) != m.group(3):
        return float(_SEPS.sub("", m.group(1)) + "." + m.group(4))
    return float(s.replace(",", ".").replace(" ", ""))


@dataclass
class Quantity:
    """An amount found in the text."""

    qmin: float | None
    qmax: float | None
    unit: str | None
    start: int
    end: int


def _unit_after(low: str, pos: int, qc: dict) -> tuple[str | None, int]:
    """Unit word within the window after ``pos`` (with its end), else (None, pos)."""
    tail = low[pos:pos + 80]
    toks = list(_NONSPACE.finditer(tail))[: qc["window"] + 1]
    for t in toks:
        word = t.group(0).strip("\"'„“”‚‘’«»()")
        m = qc["unit_rx"].match(word)
        if m:
            return qc["unit_of"][m.lastgroup], pos + t.end()
    return None, pos


def find_quantities(text: str, language: str = "de") -> list[Quantity]:
    """Amounts with units in ``text`` (German and English number formats, ranges, bounds, vague)."""
    return _quantities(_lower(text), language, lexicon(None).quant)


def _quantities(low: str, language: str, qc: dict) -> list[Quantity]:
    out: list[Quantity] = []
    mult = qc["mult"].get(language) or qc["mult"].get("de", {})
    fallback = qc["all_mult"]
    for m in qc["amount"].finditer(low):
        try:
            a = parse_number(m.group("n1"))
        except ValueError:
            continue
        ma, mb = m.group("m1"), m.group("m2")
        fa = mult.get(ma, fallback.get(ma, 1.0)) if ma else None
        b = None
        if m.group("n2"):
            try:
                b = parse_number(m.group("n2"))
            except ValueError:
                b = None
            fb = mult.get(mb, fallback.get(mb, 1.0)) if mb else None
            if b is not None:
                b *= fb or fa or 1.0
                if fa is None and fb:
                    fa = fb
        a *= fa or 1.0
        sym = m.group("sym") or m.group("sym2")
        unit = qc["symbols"].get(sym) if sym else None
        end = m.end()
        if unit is None:
            unit, end = _unit_after(low, m.end(), qc)
        if unit is None:
            continue
        bound = (m.group("bound") or "").lower()
        if b is not None and b >= a:
            out.append(Quantity(a, b, unit, m.start(), end))
        elif bound in qc["upper"]:
            out.append(Quantity(None, a, unit, m.start(), end))
        elif bound in qc["lower"]:
            out.append(Quantity(a, None, unit, m.start(), end))
        else:
            out.append(Quantity(a, a, unit, m.start(), end))
    vague = qc["vague"]
    for m in (qc["vague_rx"].finditer(low) if any(k in low for k in vague) else ()):
        if any(q.start <= m.start() < q.end for q in out):
            continue
        lo, hi = qc["vague"][m.group(0)]
        unit, end = _unit_after(low, m.end(), qc)
        if unit is None:
            continue
        out.append(Quantity(None if lo is None else float(lo), None if hi is None else float(hi), unit,
                            m.start(), end))
    return sorted(out, key=lambda q: q.start)


# ---------------------------------------------------------------------------------------------
# actors


@dataclass(slots=True)
class Mention:
    """A mention resolved to the actor that would commit (``commit`` None: cannot commit)."""

    start: int
    end: int
    commit: str | None
    blocked: bool
    kind: str
    obj: bool | None = None  # stands in a prepositional phrase (None: not looked at yet)


def committing_actor(actor_id: str, actors: dict[str, dict], lex: Lexicon) -> str | None:
    """The actor that commits for ``actor_id``: a state, a body of its own, or None."""
    row = actors.get(actor_id)
    if row is None:
        return actor_id if re.fullmatch(r"[A-Z]{2}", actor_id or "") else None
    typ = str(row.get("type") or "").lower()
    country = row.get("country")
    country = None if country is None or pd.isna(country) or not str(country).strip() else str(country)
    name = str(row.get("name") or "").lower()
    if typ == "country":
        return actor_id
    kind = row.get("kind")
    if kind is not None and not pd.isna(kind) and str(kind).lower() in lex.never_kinds:
        return None
    if typ == "organization":
        if any(b in name for b in lex.own_bodies):
            return actor_id
        return country
    if typ == "person":
        return country
    if typ == "place":
        return None
    return country


# ---------------------------------------------------------------------------------------------
# clauses

_SPLIT_NEW = re.compile(r"[,;]\s*(?=(?:während|wobei|obwohl|wohingegen|whereas|while|although|though)\b)"
                        r"|;\s*",
                        re.I)
_SPLIT_SAME = re.compile(r",\s*(?=(?:aber|sondern|jedoch|doch|but|yet)\b)|\s+(?=but\s)", re.I)
_LEAD_SUB = re.compile(r"\s*(?:während|obwohl|wohingegen|whereas|while|although|though)\b[^,]*,", re.I)


def clauses(text: str, start: int) -> list[tuple[int, int, bool]]:
    """Cut a sentence into clauses: (start, end, same_subject_as_previous) in article offsets."""
    if "," not in text and ";" not in text and "but" not in text.lower():
        return [(start, start + len(text), False)]
    cuts: list[tuple[int, bool]] = []
    for m in _SPLIT_NEW.finditer(text):
        cuts.append((m.end(), False))
    for m in _SPLIT_SAME.finditer(text):
        cuts.append((m.end(), True))
    lead = _LEAD_SUB.match(text)
    if lead:
        cuts.append((lead.end(), False))
    cuts = sorted(set(cuts))
    out = []
    prev, same = 0, False
    for pos, s in cuts:
        if pos <= prev or pos >= len(text):
            continue
        out.append((start + prev, start + pos, same))
        prev, same = pos, s
    out.append((start + prev, start + len(text), same))
    return out


def _prev_tokens(low: str, pos: int, n: int) -> list[str]:
    """The last ``n`` words before ``pos`` of the lower-cased text."""
    return _WORD.findall(low, max(0, pos - 50), pos)[-n:]


def _after_preposition(low: str, m: Mention, lex: Lexicon) -> bool:
    """Whether a mention stands in a prepositional phrase (an object, not the subject)."""
    # the last two words, not across the end of the previous sentence ("... to Kyiv. Norway pledged")
    toks = _after_stop(_WORD_OR_STOP.findall(low, max(0, m.start - 50), m.start)[-2:])
    return any(t in lex.preps for t in toks)


def _is_obj(low: str, m: Mention, lex: Lexicon) -> bool:
    """``m.obj``, worked out on first use."""
    if m.obj is None:
        m.obj = _after_preposition(low, m, lex)
    return m.obj


_COORD = re.compile(r"^[\s,]*(?:und|and|sowie|&|as well as)?\s*(?:der|die|das|den|dem|the)?\s*"
                    r"(?:[A-ZÄÖÜ][\w\-]*\s*){0,2}$")
_ADJ_COORD = re.compile(r"^[\s,]*(?:und|and|sowie|oder|or)?\s*$")
_OWN_GAP = re.compile(r"^[\s\"'„“”‚‘’«»\-]*$")


def _chain(text: str, first: Mention, pool: list[Mention], rx: re.Pattern = _COORD) -> list[Mention]:
    """``first`` and the mentions joined to it by "und" / "and" / commas / titles ("Frankreich und
    das Vereinigte Königreich", "Macron, der britische Premierminister Keir Starmer")."""
    out = [first]
    for m in pool:
        if m.start < out[-1].end:
            continue
        if not rx.match(text[out[-1].end:m.start]):
            break
        out.append(m)
    return out


@dataclass
class Draft:
    """A commitment before merging."""

    sentence: int
    seg: int
    actor: str
    type: str
    stance: str
    cue_start: int
    cue_end: int
    cues: list[str]
    conditions: set[str] = field(default_factory=set)
    quantity: Quantity | None = None


# ---------------------------------------------------------------------------------------------
# extraction


def _pattern_hits(low: str, s0: int, s1: int, anchors: list[int] | None, lex: Lexicon) -> list[Hit]:
    """Matches of the stance patterns in ``low[s0:s1]``; with ``anchors`` (sorted positions where a
    pattern can start) the regex is tried only there, which gives the same matches as a scan."""
    rx, label_of = lex.stance_patterns
    if anchors is None:
        seg = low[s0:s1]
        return [Hit("stance", label_of[m.lastgroup], s0 + m.start(), s0 + m.end()) for m in rx.finditer(seg)]
    out: list[Hit] = []
    last = s0
    for p in anchors[bisect_left(anchors, s0):bisect_left(anchors, s1)]:
        if p < last:
            continue
        m = rx.match(low, p, s1)
        if m:
            out.append(Hit("stance", label_of[m.lastgroup], p, m.end()))
            last = m.end()
    return out


def _stance_hits(low: str, s0: int, s1: int, hits: list[Hit], lex: Lexicon,
                 anchors: list[int] | None = None, neg: bool = True) -> list[Hit]:
    if anchors is None and lex.pattern_anchors:
        anchors = _anchor_positions(low, lex)
    pats = _pattern_hits(low, s0, s1, anchors, lex)
    words = [h for h in hits if h.kind == "stance" and s0 <= h.start and h.end <= s1]
    words = [h for h in words if not any(p.start < h.end and h.start < p.end for p in pats)]
    out = _drop_overlaps(pats + words) if pats else _drop_overlaps(words)
    # verbs of giving ("liefert", "is sending") count as a pledge only without any other stance cue
    if any(h.label == "action" for h in out):
        rest = [h for h in out if h.label != "action"]
        out = rest or [h._replace(label="pledged") for h in out]
    # a hedge next to a pledge ("eingesetzt werden könnten", "would lead"): considering
    res = []
    for h in out:
        if h.label == "pledged" and any(o.label == "considering" and abs(o.start - h.end) <= 14
                                        or o.label == "considering" and abs(h.start - o.end) <= 14
                                        for o in out):
            continue
        if neg and h.label in ("pledged", "considering") and _negated(low, h.start, lex, after=h.end):
            h = Hit("stance", "declined", h.start, h.end)
        res.append(h)
    return res


def _anchor_positions(low: str, lex: Lexicon) -> list[int] | None:
    """Sorted start positions of the stance-pattern anchors in ``low`` (None: patterns need a scan)."""
    if not lex.pattern_anchors:
        return None if lex.pattern_anchors is None else []
    return sorted({e - n + 1 for e, n in lex.pattern_anchors.iter(low)})


def _negated(low: str, start: int, lex: Lexicon, after: int | None = None) -> bool:
    """Whether a negation word stands just before ``start`` (same comma stretch) or just after ``after``."""
    toks = _after_stop(_WORD_OR_COMMA.findall(low, max(0, start - 50), start)[-(4 if after is None else 3):])
    if any(t in lex.negation for t in toks):
        return True
    if after is not None:
        m = _WORD.search(low, after, after + 20)
        if m and m.group(0) in ("nicht", "not"):
            return True
    return False


def _choose_stance(cue: Hit, stances: list[Hit], text: str, c0: int, lex: Lexicon) -> Hit | None:
    """The stance cue of the clause that governs type cue ``cue`` (None: none does)."""

    def dist(h: Hit) -> int:
        return h.start - cue.end if h.start >= cue.end else cue.start - h.end if h.end <= cue.start else 0

    pool = []
    for h in stances:
        d = dist(h)
        if text[h.start:h.end].lower() in lex.weak:
            between = text[min(h.end, cue.end):max(h.start, cue.start)]
            if d > lex.weak_distance or between.count(",") > 1:
                continue
        if text[h.start].isupper() and _WORD.search(text, c0, h.start) and h.label != "undecided":
            # a stance noun inside the clause governs what follows it, or a type word right before
            # it in the same phrase ("Überwachung eines Waffenstillstands unter US-Führung")
            if h.end <= cue.start:
                if d > lex.noun_distance:
                    continue
            elif h.start >= cue.end:
                if d > 40 or re.search(r"[,;:()\"„“”]", text[cue.end:h.start]):
                    continue
            else:
                continue
        pool.append(h)
    if not pool:
        return None
    strong = [h for h in pool if h.label in ("declined", "undecided")]
    return min(strong or pool, key=lambda h: (dist(h), h.start < cue.start))


def _missing(x: Any) -> bool:
    """None, NaN or pd.NA (cheaper than ``pd.isna`` on a scalar)."""
    return x is None or x is pd.NA or (isinstance(x, float) and x != x)


def extract(articles: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame,
            actors: pd.DataFrame, data_dir: str | None = None) -> pd.DataFrame:
    """The ``commitments`` table: one row per (sentence, actor, type) commitment found."""
    if articles is None or articles.empty or sentences is None or sentences.empty:
        return schema.empty("commitments")
    lex = lexicon(data_dir)
    amap: dict[str, dict] = {}
    if actors is not None and not actors.empty:
        amap = {str(r["actor_id"]): r for r in actors.to_dict("records")}
    resolved: dict[str, str | None] = {}
    by_art_m: dict[str, list[Mention]] = {}
    if mentions is not None and not mentions.empty:
        mentions = mentions[mentions["start"].notna() & mentions["actor_id"].notna()]
        kinds = (mentions["mention_kind"].astype(object).tolist() if "mention_kind" in mentions
                 else [None] * len(mentions))
        cols = [mentions[c].astype(object).tolist() for c in ("article_id", "start", "end", "actor_id")]
        for aid, s, e, act, kind in zip(*cols, kinds, strict=True):
            act = str(act)
            if act not in resolved:
                resolved[act] = committing_actor(act, amap, lex)
            c = resolved[act]
            by_art_m.setdefault(str(aid), []).append(
                Mention(int(s), int(e), c if c not in lex.never else None, c in lex.never,
                        "" if _missing(kind) else str(kind)))
    sents_by_art: dict[str, list[tuple[int, int, int]]] = {}
    for a, sid, s0, s1 in zip(*(sentences[c].astype(object).tolist()
                                for c in ("article_id", "sentence_id", "start", "end")), strict=True):
        sents_by_art.setdefault(str(a), []).append((int(sid), int(s0), int(s1)))
    langs = (articles["language"].astype(object).tolist() if "language" in articles
             else ["de"] * len(articles))
    rows: list[dict] = []
    for aid, text, lang in zip(articles["article_id"].astype(object).tolist(),
                               articles["text"].astype(object).tolist(), langs, strict=True):
        aid = str(aid)
        text = text if isinstance(text, str) else ""
        g = sents_by_art.get(aid)
        if not text or g is None:
            continue
        lang = lang if isinstance(lang, str) and lang else "de"
        ms = sorted(by_art_m.get(aid, []), key=lambda m: m.start)
        rows += _article(aid, text, lang, g, ms, amap, lex)
    if not rows:
        return schema.empty("commitments")
    return schema.frame("commitments", rows)


def _collective_body(ms: list[Mention], amap: dict[str, dict], lex: Lexicon) -> str | None:
    counts: dict[str, int] = {}
    for m in ms:
        if m.commit and m.commit in amap:
            name = str(amap[m.commit].get("name") or "").lower()
            if any(b in name for b in lex.collective_bodies):
                counts[m.commit] = counts.get(m.commit, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def _article(aid: str, text: str, lang: str, sents: list[tuple[int, int, int]], ms: list[Mention],
             amap: dict[str, dict], lex: Lexicon) -> list[dict]:
    low = _lower(text)
    hits = find_cues(low, lex)
    anchors = _anchor_positions(low, lex)
    trig: list[tuple[int, int, frozenset]] = []
    if lex.trigger_automaton is not None:
        trig = sorted((e - n + 1, e + 1, cs) for e, (n, cs) in lex.trigger_automaton.iter(low))
    trig_starts = [t[0] for t in trig]
    for m in ms:
        m.obj = None
        if m.commit and m.commit in amap and str(amap[m.commit].get("type") or "") == "organization":
            nxt = _WORD.match(low, m.end + 1) if low[m.end:m.end + 1] in (" ", "-") else None
            if nxt and nxt.group(0) in lex.member_nouns:
                m.commit = None  # "NATO members", "EU-Staaten": the members, not the body
    body = _collective_body(ms, amap, lex)
    drafts: list[Draft] = []
    topics: list[_Topic] = []  # every sentence so far; subjects worked out lazily
    pending: list[tuple[int, str | None, set[str]]] = []
    prev_types: dict[int, list[str]] = {}
    prev_drafts: list[Draft] = []
    para = 0
    para_of: dict[int, int] = {}
    prev_end = 0
    hit_starts = [h.start for h in hits]
    m_starts = [m.start for m in ms]
    untriggered = any(c not in lex.triggers for c, _ in lex.conditions)
    for k, (_sid, s0, s1) in enumerate(sents):
        if text.find("\n", prev_end, s0) >= 0:
            para += 1
        prev_end = s1
        para_of[k] = para
        shits = [h for h in hits[bisect_left(hit_starts, s0):bisect_left(hit_starts, s1)] if h.end <= s1]
        smen = ms[bisect_left(m_starts, s0):bisect_left(m_starts, s1)]
        # conditions of the sentence
        has_cues = False
        for h in shits:
            if h.kind == "type" or h.kind == "generic":
                has_cues = True
                break
        cond_spans = []
        if has_cues or (drafts and k - drafts[-1].sentence <= lex.carry_window):
            live = set()
            for _a, b, cs in trig[bisect_left(trig_starts, s0):bisect_left(trig_starts, s1)]:
                if b <= s1:
                    live |= cs
            if live or untriggered:
                seg_low = low[s0:s1]
                for c, rx in lex.conditions:
                    if c in lex.triggers and c not in live:
                        continue
                    for m in rx.finditer(seg_low):
                        cond_spans.append((c, s0 + m.start(), s0 + m.end()))
        if cond_spans:
            smen = [m for m in smen if not any(a <= m.start and m.end <= b for _, a, b in cond_spans)]
        # the sentence's subject is worked out only when a later pronoun asks for it (see _topic)
        topic = _Topic(k, smen, low)
        topics.append(topic)
        if not has_cues:
            if cond_spans:
                subject = topic.subject(lex)
                allconds = {c for c, _, _ in cond_spans}
                pending.append((k, subject[0] if subject else None, allconds))
                _carry_conditions(drafts, k, subject[0] if subject else None, allconds, lex)
            prev_drafts = []
            continue
        sent_drafts: list[Draft] = []
        type_hits_all = [h for h in shits if h.kind == "type"]
        prev_segment_actor: list[str] | None = None
        prev_state = None
        cont = None
        if prev_drafts and para_of.get(k - 1) == para:
            first = _WORD.findall(low, s0, min(s1, s0 + 40))
            if first and (first[0] in lex.continuation or " ".join(first[:2]) in lex.continuation):
                cont = [(d.actor, d.stance) for d in prev_drafts]
        if low.find(",", s0, s1) < 0 and low.find(";", s0, s1) < 0 and low.find("but", s0, s1) < 0:
            cl = [(s0, s1, False)]  # one clause (what clauses() says, without its regexes)
        else:
            cl = clauses(text[s0:s1], s0)
        for n, (c0, c1, same) in enumerate(cl):
            # the clause's subject matters beyond it only for a following clause with the same subject
            need = n + 1 < len(cl) and cl[n + 1][2]
            made, seg_actor, state = _clause(k, n, c0, c1, same, prev_segment_actor, low, text, shits, smen,
                                             lex, topics, body, para_of, prev_types, type_hits_all, cont,
                                             prev_state, anchors, need)
            prev_segment_actor = seg_actor
            prev_state = state
            if cond_spans and made:
                segconds = {c for c, a, b in cond_spans if c0 <= a < c1}
                for d in made:
                    d.conditions |= segconds
            sent_drafts += made
        allconds = {c for c, _, _ in cond_spans}
        if sent_drafts:
            used = {c for d in sent_drafts for c in d.conditions}
            rest = allconds - used
            for d in sent_drafts:
                d.conditions |= rest
            _attach_quantities(low, lang, s0, s1, sent_drafts, lex)
        elif allconds:
            subject = topic.subject(lex)
            pending.append((k, subject[0] if subject else None, allconds))
            _carry_conditions(drafts, k, subject[0] if subject else None, allconds, lex)
        drafts += sent_drafts
        prev_drafts = sent_drafts
        types_here = [h.label for h in _drop_overlaps(type_hits_all)]
        if types_here:
            prev_types[k] = types_here
    return _rows(aid, text, sents, drafts, lex)


def _sentence_subject(low: str, s0: int, s1: int, smen: list[Mention], shits: list[Hit],
                      lex: Lexicon) -> list[str] | None:
    """Subject actors of a sentence for later pronouns: [] = blocked (UA/RU), None = none found."""
    for m in smen:
        if _is_obj(low, m, lex):
            continue
        if m.blocked:
            return []
        if m.commit:
            return [m.commit]
    return None


def _clause(k: int, n: int, c0: int, c1: int, same: bool, prev_actor: list[str] | None, low: str, text: str,
            shits: list[Hit], smen: list[Mention], lex: Lexicon, topics: list, body: str | None,
            para_of: dict[int, int], prev_types: dict[int, list[str]], sent_types: list[Hit],
            cont: list[tuple[str, str]] | None,
            prev_state: tuple[bool, str | None] | None,
            anchors: list[int] | None = None,
            need_actor: bool = True) -> tuple[list[Draft], list[str] | None, tuple | None]:
    chits = [h for h in shits if c0 <= h.start and h.end <= c1]
    thits = _drop_overlaps([h for h in chits if h.kind == "type"])
    present = {h.label for h in thits}
    drop = set()
    for t in present:
        drop |= lex.overrides.get(t, set()) - {t}
    thits = [h for h in thits if h.label not in drop and not _supported_object(low, h, c1, lex)]
    if not thits:
        gen = [h for h in chits if h.kind == "generic"]
        if gen:
            g0 = gen[0]
            earlier = [h for h in sent_types if h.end <= g0.start]
            label = None
            if earlier:
                label = earlier[-1].label
            elif k - 1 in prev_types and para_of.get(k - 1) == para_of.get(k):
                ts = prev_types[k - 1]
                label = max(ts, key=lambda t: (ts.count(t), -ts.index(t)))
            if label:
                thits = [Hit("type", label, g0.start, g0.end)]
    if not thits and not need_actor:
        return [], None, None
    cmen = [m for m in smen if c0 <= m.start and m.end <= c1]
    seg_actor = (_clause_subject(low, text, c0, c1, cmen, chits, lex, topics, k, body, same, prev_actor, None)
                 if need_actor else None)
    if not thits:
        return [], seg_actor, None
    # negation words are rare: look for one once (the windows of _negated lie in this stretch)
    neg = lex.negation_rx.search(low, max(0, c0 - 50), c1 + 20) is not None
    stances = _stance_hits(low, c0, c1, shits, lex, anchors, neg)
    out: list[Draft] = []
    state = None
    subjects: dict[Hit | None, list[str] | None] = {}
    for h in thits:
        st = _choose_stance(h, stances, text, c0, lex)
        # without a stance word only a state adjective owns the noun ("französische Militärzentren");
        # a prefix alone ("Nato-Soldaten sind stationiert") describes, it does not commit
        owner = _owner(low, text, h.start, cmen, lex, adjective_only=st is None)
        if owner is None and st is not None:
            owner = _owner(low, text, st.start, cmen, lex)
        negated = neg and _negated(low, h.start, lex)
        actors_ = owner
        if actors_ is None and (st is not None or negated or (same and prev_actor)):
            if st not in subjects:
                subjects[st] = _clause_subject(low, text, c0, c1, cmen, chits, lex, topics, k, body, same,
                                               prev_actor, st)
            actors_ = subjects[st]
        stance = st.label if st is not None else lex.default_owned
        if st is None and same and prev_state:
            # "keine Bodentruppen, aber Logistik": the contrast clause turns a refusal round
            was_negated, verb = prev_state
            stance = "pledged" if verb in (None, "declined") else verb
            if not was_negated and verb is not None:
                stance = verb
        if actors_ is None and cont:
            actors_ = list(dict.fromkeys(a for a, _ in cont))
            if st is None:
                stance = cont[0][1]
        elif st is None and owner is None and not negated and not (same and prev_state):
            continue
        if negated:
            stance = "declined"
        if not actors_:
            continue
        cues = [text[h.start:h.end]] + ([text[st.start:st.end]] if st is not None else [])
        for a in actors_:
            out.append(Draft(k, n, a, h.label, stance, h.start, h.end, cues))
        state = (negated, st.label if st is not None else None)
        if seg_actor is None:
            seg_actor = list(actors_)
    return out, seg_actor, state


def _supported_object(low: str, h: Hit, c1: int, lex: Lexicon) -> bool:
    """A troop word that is the object of "support" ("die Truppe ... zu unterstützen")."""
    if h.label != "ground_troops":
        return False
    if not any(t in lex.determiners for t in _prev_tokens(low, h.start, 2)):
        return False
    tail = low[h.end:c1].split(",")[0]
    return any(w in lex.support_verbs for w in _WORD.findall(tail))


def _owner(low: str, text: str, pos: int, cmen: list[Mention], lex: Lexicon,
           adjective_only: bool = False) -> list[str] | None:
    """States whose adjective / prefix stands right before ``pos`` ("französische Soldaten", "US-Führung").

    ``None``: no owner; ``[]``: the owner cannot commit (Ukraine, Russia).
    """
    before = [m for m in cmen if m.end <= pos and pos - m.end <= 6]
    if not before:
        return None
    last = before[-1]
    gap = text[last.end:pos]
    if gap == "-" and not adjective_only:
        pass
    elif not (last.kind in ("adjective", "demonym") and _OWN_GAP.match(gap)):
        return None
    if last.blocked:
        return []
    group = [last]
    for m in reversed([m for m in cmen if m.end <= last.start]):
        if m.kind != last.kind or not _ADJ_COORD.match(text[m.end:group[0].start]):
            break
        group.insert(0, m)
    ids = list(dict.fromkeys(m.commit for m in group if m.commit))
    return ids or None


def _clause_subject(low: str, text: str, c0: int, c1: int, cmen: list[Mention], chits: list[Hit],
                    lex: Lexicon, topics: list, k: int, body: str | None, same: bool,
                    prev_actor: list[str] | None, st: Hit | None) -> list[str] | None:
    """The committing actors of a clause: its subject group relative to the stance cue ``st``."""
    pivot = st.start if st is not None else c1
    coll = [h for h in chits if h.kind == "collective" and len(_WORD.findall(low[c0:h.start])) <= 3]
    spans = [(h.start, h.end) for h in chits if h.kind == "type"]
    cand = [m for m in cmen
            if not _is_obj(low, m, lex) and not any(a <= m.start and m.end <= b for a, b in spans)]
    if coll and body:
        cand = [m for m in cand if m.start >= coll[0].end]
    # Ukraine / Russia as the subject at the start of the clause: nobody commits
    if cand and cand[0].blocked and len(_WORD.findall(low[c0:cand[0].start])) <= 3:
        return []
    pool = [m for m in cand if not m.blocked and m.commit]
    before = [m for m in pool if m.end <= pivot]
    if before:
        group = _chain(text, before[0], pool[pool.index(before[0]) + 1:])
        return list(dict.fromkeys(m.commit for m in group if m.commit))
    toks_before = _WORD.findall(low[c0:pivot])
    if any(t in lex.pronouns or t in lex.anaphors for t in toks_before):
        t = _topic(topics, k, lex)
        if t:
            return t
    if coll and body and coll[0].start <= pivot:
        return [body]
    if pool:
        group = _chain(text, pool[0], pool[1:])
        return list(dict.fromkeys(m.commit for m in group if m.commit))
    if same and prev_actor:
        return prev_actor
    if any(t in lex.pronouns for t in _WORD.findall(low[pivot:c1])):
        return _topic(topics, k, lex)
    if coll and body:
        return [body]
    return None


class _Topic:
    """A sentence's subject for later pronouns, worked out on first use."""

    __slots__ = ("k", "smen", "low", "_subject", "_done")

    def __init__(self, k: int, smen: list[Mention], low: str) -> None:
        self.k, self.smen, self.low, self._done = k, smen, low, False

    def subject(self, lex: Lexicon) -> list[str] | None:
        if not self._done:
            self._subject = _sentence_subject(self.low, 0, 0, self.smen, [], lex)
            self._done = True
        return self._subject


def _topic(topics: list[_Topic], k: int, lex: Lexicon) -> list[str] | None:
    """The subject of the latest earlier sentence that has one, within ``topic_window`` sentences."""
    for t in reversed(topics):
        if t.k >= k:
            continue
        if k - t.k > lex.topic_window:
            return None
        subject = t.subject(lex)
        if subject is not None:
            return subject or None
    return None


def _carry_conditions(drafts: list[Draft], k: int, actor: str | None, conds: set[str], lex: Lexicon) -> None:
    recent = [d for d in drafts if 0 < k - d.sentence <= lex.carry_window]
    if not recent:
        return
    if actor is not None:
        same = [d for d in recent if d.actor == actor]
        if same:
            last = max(d.sentence for d in same)
            for d in same:
                if d.sentence == last:
                    d.conditions |= conds
            return
    last = max(d.sentence for d in recent)
    for d in recent:
        if d.sentence == last:
            d.conditions |= conds


_MAYBE_AMOUNT = re.compile(r"\d|tausend|thousand|hundert|hundred")


def _attach_quantities(low: str, lang: str, s0: int, s1: int, drafts: list[Draft], lex: Lexicon) -> None:
    qc = lex.quant
    seg = low[s0:s1]
    if not _MAYBE_AMOUNT.search(seg):
        return
    qs = _quantities(seg, lang, qc)
    for q in qs:
        q.start += s0
        q.end += s0
    for d in drafts:
        fits = [q for q in qs if q.unit in qc["type_units"].get(d.type, set())]
        if fits:
            d.quantity = min(fits, key=lambda q: min(abs(q.start - d.cue_start), abs(q.end - d.cue_end)))


def _rows(aid: str, text: str, sents: list[tuple[int, int, int]], drafts: list[Draft],
          lex: Lexicon) -> list[dict]:
    merged: dict[tuple[int, str, str], Draft] = {}
    for d in drafts:
        key = (d.sentence, d.actor, d.type)
        if key not in merged:
            merged[key] = d
        else:
            m = merged[key]
            m.conditions |= d.conditions
            m.cues += [c for c in d.cues if c not in m.cues]
            if m.quantity is None:
                m.quantity = d.quantity
    rows = []
    for n, d in enumerate(sorted(merged.values(), key=lambda d: (d.sentence, d.cue_start, d.actor))):
        sid, s0, s1 = sents[d.sentence]
        q = d.quantity
        rows.append({
            "commitment_id": f"{aid}:c{n}", "article_id": aid, "sentence_id": sid,
            "start": d.cue_start, "end": d.cue_end, "actor_id": d.actor, "type": d.type, "stance": d.stance,
            "conditions": sorted(d.conditions), "quantity_min": q.qmin if q else None,
            "quantity_max": q.qmax if q else None, "unit": q.unit if q else None,
            "evidence": text[s0:s1], "cue": "; ".join(dict.fromkeys(d.cues)),
            "plover": lex.plover.get(d.stance),
        })
    return rows
