"""Stance: the stance cues of a clause, negation, and the cue that governs a type word."""

from __future__ import annotations

import re

from .clauses import WORD, WORD_OR_COMMA, after_stop
from .cues import Hit, anchor_positions, drop_overlaps, pattern_hits
from .lexicon import Lexicon

NONE = "none"  # a pattern that hides the stance words it covers ("declined to say")
_NOUN_STOP = re.compile(r"[,;:()\"„“”]")


def negated(low: str, start: int, lex: Lexicon, after: int | None = None,
            cues: list[Hit] | None = None) -> bool:
    """Whether a negation word stands just before ``start`` (same comma stretch) or just after ``after``;
    a negation inside one of ``cues`` is that cue's ("has not ruled out sending troops")."""
    # a contrast without a comma is a stop too ("will not send troops but will fund demining")
    bare = lex.clauses["bare"]
    near = WORD_OR_COMMA.findall(low, max(0, start - 50), start)[-(4 if after is None else 3):]
    toks = after_stop(["" if t in bare else t for t in near])
    if any(t in lex.negation and not _limited(toks, i, lex) for i, t in enumerate(toks)) \
            and not (cues and _negation_in_cue(low, start, lex, cues)) \
            and not _rhetorical(low, start, lex):
        return True
    if after is not None:
        # "bereit ... nicht", "werde man nicht": the next word, or the one after a pronoun
        nxt = WORD.findall(low, after, after + 60)[:4]
        if nxt and nxt[0] in lex.negation_skip:
            nxt = nxt[1:]
        if nxt and nxt[0] in lex.negation_after and not _limited(nxt, 0, lex) and not _litotes(nxt[1:], lex):
            return True
    return False


def _rhetorical(low: str, start: int, lex: Lexicon) -> bool:
    """Whether the negation just before ``start`` refuses nothing: "does not do guarantees by halves"
    (before the main verb "do"), "pledges from states it did not name" (before a verb of naming),
    "were not guarantees" (after a copula, before a noun phrase), "no discussion about troops" (before
    a noun of talking)."""
    toks = WORD.findall(low, max(0, start - 50), start)[-5:]
    idx = [i for i, t in enumerate(toks) if t in lex.negation or t == "t"]
    if not idx:
        return False
    i = idx[-1]
    nxt, prev = toks[i + 1] if i + 1 < len(toks) else None, toks[i - 1] if i else None
    rh = lex.rhetorical
    if nxt in rh["light_verbs"] or nxt in rh["naming_verbs"] or nxt in rh["topic_nouns"]:
        return True
    if _litotes(toks[i + 1:], lex):
        return True
    return prev in rh["copulas"] and (nxt is None or nxt in rh["predicate_openers"])


def _litotes(following: list[str], lex: Lexicon) -> bool:
    """Whether the words after a negation affirm (a negated negative: "would not be unarmed"): the
    next word, or the one after a copula, starts with a litotes prefix and is long."""
    rh = lex.rhetorical
    w = following[1] if following and following[0] in rh["copulas"] and len(following) > 1 else \
        (following[0] if following else "")
    return len(w) >= 6 and any(w.startswith(p) for p in rh["litotes_prefixes"])


def _negation_in_cue(low: str, start: int, lex: Lexicon, cues: list[Hit]) -> bool:
    """Whether every negation word of the four words before ``start`` lies inside a stance cue."""
    toks = [m for m in WORD.finditer(low, max(0, start - 50), start)][-4:]
    negs = [m for m in toks if m.group(0) in lex.negation]
    return bool(negs) and all(any(c.start <= m.start() < c.end for c in cues) for m in negs)


def _limited(toks: list[str], i: int, lex: Lexicon) -> bool:
    """A negation right before a limiter adds, it does not refuse ("nicht nur Soldaten, sondern auch
    Kampfjets", "not only troops but also jets")."""
    return i + 1 < len(toks) and toks[i + 1] in lex.negation_limiters


def negated_after_type(low: str, end: int, lex: Lexicon, cues: list[Hit]) -> bool:
    """Whether the German negation follows the type word ("Bodentruppen aber nicht entsenden"); a
    negation inside another cue ("schließt … nicht aus", "nicht allein lassen") is that cue's."""
    toks = list(WORD_OR_COMMA.finditer(low, end, end + 40))[:4]
    while toks and toks[0].group(0) in lex.negation_following_skip:
        toks = toks[1:]
    if len(toks) < 2 or toks[0].group(0) not in lex.negation_following or toks[1].group(0) == "":
        return False
    at = toks[0].start()
    return not any(c.start <= at < c.end for c in cues)


def _near(h: Hit, o: Hit, gap: int = 14) -> bool:
    return abs(o.start - h.end) <= gap or abs(h.start - o.end) <= gap


def _candidates(low: str, s0: int, s1: int, hits: list[Hit], lex: Lexicon,
                anchors: list[int] | None) -> list[Hit]:
    """Pattern and word stance cues of ``low[s0:s1]`` without overlaps; verbs of giving ("liefert",
    "is sending") count as a pledge only when no other stance cue is there."""
    if anchors is None:
        anchors = anchor_positions(low, lex)
    pats = pattern_hits(low, s0, s1, anchors, lex)
    words = [h for h in hits if h.kind == "stance" and s0 <= h.start and h.end <= s1
             and not _describes(low, h, lex) and not any(p.overlaps(h) for p in pats)]
    out = _actions(drop_overlaps(pats + words) if pats else drop_overlaps(words))
    return [h for h in out if h.label != NONE]


def _describes(low: str, h: Hit, lex: Lexicon) -> bool:
    """A participle after a hyphen describes a noun ("Congress-approved guarantees")."""
    return low[h.start - 1:h.start] == "-" and low[h.start:h.end] in lex.not_after_hyphen


def _actions(out: list[Hit]) -> list[Hit]:
    if not any(h.label == "action" for h in out):
        return out
    rest = [h for h in out if h.label != "action"]
    return rest or [h._replace(label="pledged") for h in out]


def _backshifted(low: str, out: list[Hit], lex: Lexicon) -> list[Hit]:
    """In reported speech ("said the alliance would support …") a later "would" of the same clause
    ("… and would keep air defence assets") is the same back-shifted "will": the reported pattern
    governs what follows it."""
    said = [h for h in out if h.label == "pledged" and low[h.end - 5:h.end] == "would"
            and WORD.match(low, h.start) and WORD.match(low, h.start).group(0) in lex.speech_verbs]
    if not said:
        return out
    return [h for h in out if not (h.start >= said[0].end and low[h.start:h.end] == "would")]


def _subjunctive_before(low: str, o: Hit, h: Hit, lex: Lexicon) -> bool:
    """A weak considering cue up to two words before the pledge ("wären grundsätzlich bereit", "would
    in principle be ready"): the conditional governs it."""
    if o.end > h.start or low[o.start:o.end] not in lex.weak:
        return False
    gap = low[o.end:h.start]
    return "," not in gap and len(WORD.findall(gap)) <= 2


def _after_modal(low: str, h: Hit, out: list[Hit], lex: Lexicon) -> bool:
    """An auxiliary after a modal of the clause belongs to it ("könnten ... stationiert werden"), and
    so does a German infinitive of pledging after any considering cue ("Trump könnte Aufklärung
    zusagen", "hat vorgeschlagen, die Kosten zu übernehmen")."""
    if _infinitive(low, h):
        return any(o.label == "considering" and o.end <= h.start for o in out)
    if low[h.start:h.end] not in lex.weak:
        return False
    return any(o.label == "considering" and o.end <= h.start and low[o.start:o.end] in lex.weak for o in out)


def _infinitive(low: str, h: Hit) -> bool:
    """A one-word German verb cue in the infinitive ("zusagen", "zusichern", "verpflichten")."""
    word = low[h.start:h.end]
    return word.isalpha() and word.endswith(("en", "ern")) and not low[h.end:h.end + 1].isalnum()


def stance_hits(low: str, s0: int, s1: int, hits: list[Hit], lex: Lexicon,
                anchors: list[int] | None = None, neg: bool = True) -> list[Hit]:
    """The stance cues of ``low[s0:s1]``: patterns first, then stance words, with the hedge and
    negation rules applied."""
    out = _backshifted(low, _candidates(low, s0, s1, hits, lex, anchors), lex)
    # a hedge next to a pledge ("eingesetzt werden könnten", "would lead"): considering
    res = []
    for h in out:
        if h.label == "pledged" and any(o.label == "considering" and (_near(h, o) or _subjunctive_before(
                low, o, h, lex)) for o in out):
            continue
        if h.label == "pledged" and _after_modal(low, h, out, lex):
            continue
        if neg and h.label in ("pledged", "considering") and negated(low, h.start, lex, after=h.end):
            h = h._replace(label="declined", spec=0)
        res.append(h)
    return res


def _dist(cue: Hit, h: Hit) -> int:
    return h.start - cue.end if h.start >= cue.end else cue.start - h.end if h.end <= cue.start else 0


def _noun_governs(cue: Hit, h: Hit, text: str, lex: Lexicon) -> bool:
    """A stance noun inside the clause governs what follows it, or a type word right before it in the
    same phrase ("Überwachung eines Waffenstillstands unter US-Führung")."""
    if (h.start, h.end) == (cue.start, cue.end):
        return True  # a participation word that is its own stance: "erteilten eine Absage"
    d = _dist(cue, h)
    if h.end <= cue.start:
        return d <= lex.noun_distance
    if h.start >= cue.end:
        return d <= 40 and not _NOUN_STOP.search(text[cue.end:h.start])
    return False


_FAR, _RELATIVE, _OK = 0, 1, 2


def _weak_reach(cue: Hit, h: Hit, text: str, lex: Lexicon) -> int:
    """Whether a weak cue (auxiliary, modal) reaches type cue ``cue``: too far (or over more than
    one comma), only from a relative clause after it ("the force, which would deploy ..."), or so."""
    between = text[min(h.end, cue.end):max(h.start, cue.start)]
    commas = (between.count(",") - 2 * len(lex.parenthetical_rx.findall(between))
              - len(lex.list_comma_rx.findall(between)))
    if _dist(cue, h) > lex.weak_distance or commas > 1:
        return _FAR
    return _RELATIVE if h.start >= cue.end and lex.relative_rx.search(between) else _OK


def choose_stance(cue: Hit, stances: list[Hit], text: str, c0: int, lex: Lexicon) -> Hit | None:
    """The stance cue of the clause that governs type cue ``cue`` (None: none does). A relative
    clause's modal counts only when the clause has no other stance cue."""
    pool, relative = [], []
    for h in stances:
        reach = _weak_reach(cue, h, text, lex) if text[h.start:h.end].lower() in lex.weak else _OK
        if reach != _OK:
            if reach == _RELATIVE and not lex.described_rx.match(text, h.end):
                relative.append(h)  # not "Eine Garantie, die gebrochen wird, ist wertlos"
            continue
        if text[h.start].isupper() and WORD.search(text, c0, h.start) and h.label != "undecided":
            if not _noun_governs(cue, h, text, lex):
                continue
        pool.append(h)
    pool = pool or relative
    if not pool:
        return None
    strong = [h for h in pool if h.label in ("declined", "undecided")]
    return min(strong or pool, key=lambda h: (_dist(cue, h), h.start < cue.start))
