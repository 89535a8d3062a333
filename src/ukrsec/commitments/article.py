"""One article through the commitment passes, over an explicit per-article state.

Per sentence: cues and mentions of the sentence -> conditions -> clauses -> for every type cue of a
clause its stance, its committing actors and a draft -> conditions and quantities attached to the
drafts (or, in a sentence without a commitment, carried to the commitments before) -> merge into rows.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from .clauses import WORD, Clause, sentence_clauses
from .conditions import Triggers, carry, condition_spans
from .cues import Hit, anchor_positions, drop_overlaps, find_cues, hit
from .lexicon import Lexicon
from .quantities import Quantity, quantities, signed_amounts
from .stance import choose_stance, negated, negated_after_type, stance_hits
from .subject import (
    ActorRef,
    SubjectContext,
    Topic,
    blocked_opens,
    clause_subject,
    collective_body,
    dateline_states,
    drop_member_groups,
    home_bodies,
    joined,
    leader_alone,
    leadership_phrases,
    led_by,
    national_roles,
    owner,
    polled,
    possessive_before,
    possessor,
    silent_subject,
    venue_capitals,
)

_SUPPORTED = frozenset({"ground_troops"})
_ISO2 = re.compile(r"[A-Z]{2}")
_OWNER_KINDS = frozenset({"adjective", "demonym"})
_FUNDING = "funding"
_AMOUNT = "amount"  # Hit.data of a sum that is a funding cue of its own


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
    generic: bool = False  # the type came from a participation word ("Beitrag"), not a type cue
    clause: tuple[int, int] = (0, 0)  # the clause it was found in (article offsets)
    amount: bool = False  # the cue is a sum with a currency sign ("€2.5bn"), see _with_money
    total: bool = False  # the sum is a running total ("bringing its total to €8 billion"): a row of its own


@dataclass
class ArticleState:
    """What the passes know about one article: its text and cues, and the memory across sentences."""

    aid: str
    text: str
    lang: str
    sents: list[tuple[int, int, int]]
    refs: list[ActorRef]
    lex: Lexicon
    low: str = ""
    hits: list[Hit] = field(default_factory=list)
    anchors: list[int] | None = None
    triggers: Triggers = field(default_factory=Triggers)
    body: str | None = None
    count_nouns: list[int] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    prev_types: dict[int, list[str]] = field(default_factory=dict)
    prev_drafts: list[Draft] = field(default_factory=list)
    para_of: dict[int, int] = field(default_factory=dict)
    leadership: list[tuple[int, int, int]] = field(default_factory=list)  # see subject.leadership_phrases
    agreement_k: int = -2  # the latest sentence whose subject is the agreement ("The agreement includes …")


@dataclass
class SentenceState:
    """One sentence: its cue hits and actor mentions, conditions, and the continuation it may be."""

    k: int
    start: int
    end: int
    hits: list[Hit]
    refs: list[ActorRef]
    type_hits: list[Hit]
    has_cues: bool
    cond_spans: list[tuple[str, int, int]]
    cont: list[tuple[str, str]] | None = None


@dataclass
class ClauseMemory:
    """What a clause passes to the next one of its sentence: its subject and its stance."""

    actor: list[str] | None = None
    state: tuple[bool, str | None] | None = None


def start(aid: str, text: str, lang: str, sents: list[tuple[int, int, int]], refs: list[ActorRef],
          amap: dict[str, dict], lex: Lexicon, low: str) -> ArticleState:
    """The state before the first sentence: cues, pattern anchors, triggers, the collective body."""
    art = ArticleState(aid, text, lang, sents, refs, lex, low)
    art.hits = _with_money(find_cues(text, lex, low), low, lang, lex)
    art.anchors = anchor_positions(low, lex)
    art.triggers = Triggers.find(low, lex)
    drop_member_groups(low, refs, amap, lex)
    dateline_states(text, refs)
    venue_capitals(low, refs, lex)
    national_roles(low, refs)
    home_bodies(refs, amap, lex)
    art.body = collective_body(refs, amap, lex)
    art.count_nouns = [m.end() for m in lex.count_noun_rx.finditer(low)]
    art.leadership = leadership_phrases(low, lex)
    return art


def _with_money(hits: list[Hit], low: str, lang: str, lex: Lexicon) -> list[Hit]:
    """A sum written with a currency sign or code ("€2.5bn", "EUR 200 million") is a funding cue of
    its own where no type cue covers it ("Tokyo will provide an additional €2.5bn"), unless it names a
    state's own defence spending ("a planned $60-billion defence investment")."""
    money = lex.quant["type_units"].get(_FUNDING, set())
    types = [h for h in hits if h.kind == "type"]
    own = lex.quant["own_spending_rx"]
    extra = [Hit(q.start, q.end, _FUNDING, _AMOUNT, "type", 1)
             for q in signed_amounts(low, lang, lex.quant, money)
             if not any(h.start < q.end and q.start < h.end for h in types)
             and not own.match(low, q.end, q.end + 60)]
    if not extra:
        return hits
    return sorted(hits + extra, key=lambda h: (h.start, -(h.end - h.start)))


def _paragraphs(art: ArticleState) -> None:
    para, prev_end = 0, 0
    for k, (_sid, s0, s1) in enumerate(art.sents):
        if art.text.find("\n", prev_end, s0) >= 0:
            para += 1
        prev_end = s1
        art.para_of[k] = para


def _sentence(art: ArticleState, k: int, s0: int, s1: int, hit_starts: list[int],
              ref_starts: list[int], ask: bool = True) -> SentenceState:
    """Cues, mentions (outside condition phrases) and conditions of sentence ``k`` (none for a
    question unless ``ask`` is False)."""
    shits = [h for h in art.hits[bisect_left(hit_starts, s0):bisect_left(hit_starts, s1)] if h.end <= s1]
    srefs = art.refs[bisect_left(ref_starts, s0):bisect_left(ref_starts, s1)]
    if ask and _question(art.text, s0, s1):
        return SentenceState(k, s0, s1, [], srefs, [], False, [])
    has_cues = _has_cues(shits)
    conds: list[tuple[str, int, int]] = []
    if has_cues or _within_carry(art, k):
        conds = condition_spans(art.low, s0, s1, art.triggers, art.lex)
    if conds:
        # what a condition names is not a commitment: "eine Rückendeckung der USA" is the condition
        srefs = [m for m in srefs if not _in_spans(m.start, m.end, conds)]
        shits = [h for h in shits if h.kind not in _COND_FREE or not _in_spans(h.start, h.end, conds)]
        has_cues = _has_cues(shits)
    if has_cues:
        conds += _referred_conditions(art, k, s0, s1, conds)
    types = [h for h in shits if h.kind == "type"]
    return SentenceState(k, s0, s1, shits, srefs, types, has_cues, conds)


def _referred_conditions(art: ArticleState, k: int, s0: int, s1: int,
                         conds: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The ceasefire or peace the sentence before names, where a phrase of this one points back to it
    ("Ein Waffenstillstand ist nicht in Sicht. … bieten für diesen Fall Soldaten an"), at that phrase."""
    m = art.lex.back_reference_rx.search(art.low, s0, s1) if k else None
    if m is None or any(a <= m.start() < b for _, a, b in conds):
        return []
    _sid, p0, p1 = art.sents[k - 1]
    named = {c.split("@")[0] for c in art.triggers.live(p0, p1)} & art.lex.back_reference_conditions
    return [(c, m.start(), m.end()) for c in sorted(named)]


def _has_cues(hits: list[Hit]) -> bool:
    return any(h.kind in _COND_FREE for h in hits)


_COND_FREE = frozenset({"type", "generic"})
_CLOSERS = "\"'„“”‚‘’«»)] \n\t"


def _in_spans(a: int, b: int, spans: list[tuple[str, int, int]]) -> bool:
    return any(s <= a and b <= e for _, s, e in spans)


def _condition_stance(st: Hit, spans: list[tuple[str, int, int]]) -> bool:
    """Whether stance cue ``st`` belongs to a condition: it lies inside one, or it ends inside one
    ("says its parliament would have to approve": the modal is the parliament's, not a pledge)."""
    return _in_spans(st.start, st.end, spans) or any(s < st.end <= e and s > st.start for _, s, e in spans)


def _question(text: str, s0: int, s1: int) -> bool:
    """A question states no commitment ("Will Germany send troops?", "Schickt Deutschland Soldaten?")."""
    return _last(text, s0, s1) == "?"


def _continuation(art: ArticleState, sent: SentenceState) -> list[tuple[str, str]] | None:
    """A sentence opening with "Konkret", "Außerdem" ... continues the previous one of its paragraph;
    one about the agreement names what its parties commit to."""
    parties = _agreement_parties(art, sent)
    if parties:
        return parties
    if not art.prev_drafts:
        return None
    first = WORD.findall(art.low, sent.start, min(sent.end, sent.start + 40))
    if any(" ".join(first[:n]) in art.lex.listing for n in (2, 3)):
        return [(d.actor, d.stance) for d in art.prev_drafts]
    if art.para_of.get(sent.k - 1) != art.para_of[sent.k]:
        return None
    if first and (first[0] in art.lex.continuation or " ".join(first[:2]) in art.lex.continuation):
        return [(d.actor, d.stance) for d in art.prev_drafts]
    if _more_money(art, sent):
        # a further sum of money in a sentence that names nobody ("Bis 2029 seien zusätzlich 8
        # Milliarden Euro eingeplant.") goes on with the actors of the sentence before
        return [(d.actor, d.stance) for d in art.prev_drafts]
    return None


def _opens_with_agreement(art: ArticleState, s0: int, s1: int) -> bool:
    """Whether the sentence's subject is the agreement ("The agreement, which …, includes …")."""
    m = _FIRST_WORDS.match(art.low, s0, min(s1, s0 + 60))
    words = [w for w in m.groups() if w] if m else []
    return any(" ".join(words[:n]) in art.lex.agreement_subjects for n in (2, 3))


#: the first three words from a place (what ``WORD.findall`` gives first, without finding the rest)
_FIRST_WORDS = re.compile(r"\W*(\w+)(?:\W+(\w+))?(?:\W+(\w+))?")


def _agreement_parties(art: ArticleState, sent: SentenceState) -> list[tuple[str, str]] | None:
    """The parties of the latest agreement (the latest rows of its type) as the actors of a sentence
    about the agreement, or of one opening with a pronoun right after it ("It also covers …");
    the sentence's conditions are the agreement's too ("which runs for a decade")."""
    lex = art.lex
    if art.agreement_k != sent.k:
        first = WORD.findall(art.low, sent.start, min(sent.end, sent.start + 12))[:1]
        if not (first and first[0] in lex.agreement_pronouns and art.agreement_k == sent.k - 1):
            return None
    rows = [d for d in art.drafts if d.type == lex.agreement_type]
    if not rows:
        return None
    last = max(d.sentence for d in rows)
    parties = [d for d in rows if d.sentence == last]
    for d in parties:
        d.conditions |= {c for c, _, _ in sent.cond_spans}
    return list(dict.fromkeys((d.actor, "pledged") for d in parties))


def _members(art: ArticleState, sent: SentenceState) -> list[Draft]:
    """A sentence opening with a word of inclusion that names states and no type ("Darunter sind
    Dänemark, Norwegen und Kanada.", "Among them are ..."): each named state makes the commitments of
    the sentence before (type, stance, conditions); the cue is the opening word."""
    if not art.prev_drafts:
        return []
    words = list(WORD.finditer(art.low, sent.start, min(sent.end, sent.start + 40)))
    n = next((i for i in (2, 1) if len(words) >= i
              and " ".join(w.group(0) for w in words[:i]) in art.lex.member_openers), 0)
    if not n:
        return []
    named = list(dict.fromkeys(m.commit for m in sent.refs if m.commit and not m.blocked))
    prev = {(d.type, d.stance): d for d in art.prev_drafts}
    a, b = words[0].start(), words[n - 1].end()
    return [Draft(sent.k, 0, actor, d.type, d.stance, a, b, [art.text[a:b], *d.cues], set(d.conditions),
                  clause=(sent.start, sent.end))
            for actor in named for d in prev.values() if actor != d.actor]


def _more_money(art: ArticleState, sent: SentenceState) -> bool:
    """A sentence naming nobody whose only type cue is a sum, with a word of addition or a stance
    cue ("zusätzlich", "another"; not "Defence spending rose to 55 billion euros")."""
    if sent.refs or not sent.type_hits or any(h.label != _FUNDING for h in sent.type_hits):
        return False
    if any(h.kind == "stance" for h in sent.hits):
        return True
    return any(w in art.lex.more_money for w in WORD.findall(art.low, sent.start, sent.end))


def _continues(art: ArticleState, sent: SentenceState) -> bool:
    """Whether sentence ``k`` may take up the previous one: same paragraph, or two full sentences
    (a heading, without a final stop, starts something new)."""
    if art.para_of.get(sent.k - 1) == art.para_of.get(sent.k):
        return True
    _sid, p0, p1 = art.sents[sent.k - 1]
    return _full_sentence(art.text, p0, p1) and _full_sentence(art.text, sent.start, sent.end)


def _full_sentence(text: str, s0: int, s1: int) -> bool:
    return _last(text, s0, s1) in (".", "!", ";")


def _last(text: str, s0: int, s1: int) -> str:
    """The last character of ``text[s0:s1]`` before closing quotes, brackets and spaces ('' if none)."""
    i = s1 - 1
    while i >= s0 and text[i] in _CLOSERS:
        i -= 1
    return text[i] if i >= s0 else ""


def _generic_type(art: ArticleState, sent: SentenceState, chits: list[Hit]) -> list[Hit]:
    """A participation word ("Beteiligung") takes the type of the nearest earlier type cue of the
    sentence, else the main type of the previous sentence of the same paragraph."""
    gen = [h for h in chits if h.kind == "generic"]
    if not gen:
        return []
    g0 = gen[0]
    earlier = [h for h in sent.type_hits if h.end <= g0.start]
    label = None
    if earlier:
        label = earlier[-1].label
    elif sent.k - 1 in art.prev_types and _continues(art, sent):
        label = _main_type(art.prev_types[sent.k - 1])
    else:
        # "Auch danach bleibt die Frage einer deutschen Beteiligung offen": the one type the article
        # has just been about (every type cue of the last `carry_window` sentences)
        window = range(max(0, sent.k - art.lex.carry_window), sent.k)
        recent = {t for k in window for t in art.prev_types.get(k, ())}
        label = recent.pop() if len(recent) == 1 else None
    return [hit("type", label, g0.start, g0.end, -1)] if label else []


def _main_type(ts: list[str]) -> str:
    """The most frequent type of ``ts`` (the earliest on ties)."""
    return max(ts, key=lambda t: (ts.count(t), -ts.index(t)))


def _supported_object(low: str, h: Hit, c1: int, lex: Lexicon) -> bool:
    """A troop word that is the object of "support" ("die Truppe ... zu unterstützen"); any type word
    served by a hub ("Drehkreuz für Waffenlieferungen")."""
    before = WORD.findall(low, max(0, h.start - 50), h.start)[-3:]
    if len(before) >= 2 and before[-2] in lex.hub_nouns and before[-1] in lex.hub_prepositions:
        return True
    if before and (before[-1] in lex.object_verbs or (len(before) >= 2 and before[-2] in lex.object_verbs
                                                      and before[-1] in lex.determiners)):
        return True  # "to store weapons", "would use drones": stored or used, not given
    if h.label not in _SUPPORTED:
        return False
    if len(before) == 3 and before[0] in lex.support_nouns and before[2] in lex.determiners:
        return True  # "air support for the force", "Unterstützung für die Truppe"
    if len(before) >= 2 and before[-2] in lex.support_verbs and before[-1] in lex.determiners:
        return True  # "commits to supporting the force", "to back the troops"
    if not any(t in lex.determiners for t in before[-2:]):
        return False
    tail = low[h.end:c1].split(",")[0]
    return any(w in lex.support_verbs for w in WORD.findall(tail))


def _clause_types(art: ArticleState, sent: SentenceState, cl: Clause, chits: list[Hit]) -> list[Hit]:
    """The type cues of a clause, after overrides and the support-object rule; else a generic's type."""
    owned = [sp for sp in sent.cond_spans if sp[0] in art.lex.owned_types]
    thits = drop_overlaps([h for h in chits if h.kind == "type" and not _in_spans(h.start, h.end, owned)])
    present = {h.label for h in thits}
    drop: set[str] = set()
    for t in present:
        drop |= art.lex.overrides.get(t, set()) - {t}
    thits = [h for h in thits if h.label not in drop and not _supported_object(art.low, h, cl.end, art.lex)]
    thits = [h for h in thits if not _recipient_force(art.low, h, thits)
             and not art.lex.demand_rx.search(art.low, max(cl.start, h.start - 50), h.start)
             and not _army_size(art, cl, h)]
    thits = _valued_sums(art.low, _paid_objects(art.low, thits, art.lex), art.lex)
    return thits or _generic_type(art, sent, chits)


def _army_size(art: ArticleState, cl: Clause, h: Hit) -> bool:
    """A troop number after a limit is the size of Ukraine's army ("eine Beschränkung von 600.000
    Soldaten", "a cap of 600,000 troops"), not a contribution."""
    return h.label in _SUPPORTED and art.lex.size_rx.search(
        art.low, max(cl.start, h.start - 50), h.start) is not None


def _valued_sums(low: str, thits: list[Hit], lex: Lexicon) -> list[Hit]:
    """A sum after a value phrase is the value of a thing named before it ("Munition im Wert von 50
    Millionen Euro", "air defence systems worth €1.2 billion"): no funding of its own."""
    out = []
    for h in thits:
        valued = h.label == _FUNDING and lex.value_rx.search(low, max(0, h.start - 40), h.start) is not None
        if valued and any(o.label != _FUNDING and 0 <= h.start - o.end <= 60 for o in thits):
            continue
        out.append(h)
    return out


_TO_FORCE = re.compile(r"\bto\s+(?:the|a|an|this|that)\s+(?:[\w-]+\s+){0,3}$")


def _recipient_force(low: str, h: Hit, thits: list[Hit]) -> bool:
    """A troop word that receives what another type cue before it names ("will provide intelligence
    to the force", "would contribute a frigate to a Black Sea task force") or that owns something
    ("the force's headquarters") is the force served, not a contribution of troops."""
    if h.label not in _SUPPORTED:
        return False
    if low.startswith(("'s", "’s"), h.end):
        return True
    before = [o for o in thits if o.end <= h.start and o.label != h.label and h.start - o.end <= 80]
    m = _TO_FORCE.search(low, max(0, h.start - 60), h.start) if before else None
    return m is not None and any(o.end <= m.start() and "," not in low[o.end:h.start] for o in before)


def _paid_objects(low: str, thits: list[Hit], lex: Lexicon) -> list[Hit]:
    """A verb of paying followed by another type cue in its comma stretch names what is paid for:
    that cue counts, not the verb ("would fund Ukraine's defence industry" is defence_industry)."""
    verbs = [h for h in thits if low[h.start:h.end] in lex.money_verbs]
    if not verbs:
        return thits
    paid = {h for h in verbs if any(0 <= o.start - h.end <= 40 and "," not in low[h.end:o.start]
                                    for o in thits if o is not h)}
    return [h for h in thits if h not in paid]


def _stance_for(st: Hit | None, cl: Clause, mem: ClauseMemory, lex: Lexicon) -> str:
    """The stance of a type cue governed by ``st``; without one, what the clause before implies."""
    stance = st.label if st is not None else lex.default_owned
    if st is None and cl.same and mem.state:
        was_negated, verb = mem.state
        if not cl.contrast:  # "..., and": the same stance goes on
            return "declined" if was_negated else verb or stance
        # "keine Bodentruppen, aber Logistik": the contrast clause turns a refusal round
        stance = "pledged" if verb in (None, "declined") else verb
    return stance


def _abroad(art: ArticleState, h: Hit, cmen: list[ActorRef], c1: int) -> Hit:
    """Troops stationed in another state than Ukraine ("station a brigade in Lithuania", "Soldaten
    in Polen und Litauen zu stationieren") are a neighbour deployment, not troops in Ukraine."""
    if h.label not in _SUPPORTED:
        return h
    for m in cmen:
        if m.start < h.end or m.start - h.end > 40 or m.end > c1:
            continue
        if "," in art.low[h.end:m.start] or m.blocked or m.commit is None or not _ISO2.fullmatch(m.commit):
            continue
        prev = WORD.findall(art.low, max(h.end, m.start - 12), m.start)[-1:]
        if m.kind not in _OWNER_KINDS and prev and prev[0] in art.lex.abroad_prepositions:
            return h._replace(label=art.lex.abroad_type)
    return h._replace(label=art.lex.abroad_type) if _abroad_before(art, h, cmen) else h


def _abroad_before(art: ArticleState, h: Hit, cmen: list[ActorRef]) -> bool:
    """The German order: the place before the troop word ("in Polen und Rumänien Soldaten zu
    stationieren", "in Litauen bis zu 5.000 Soldaten"): a state after an abroad preposition (or
    coordinated with one) at most four words before the cue, in its comma stretch."""
    before = [m for m in cmen if m.end <= h.start and h.start - m.end <= 40]
    if not before or "," in art.low[before[-1].end:h.start]:
        return False
    m = before[-1]
    if len(WORD.findall(art.low, m.end, h.start)) > 4 or m.kind in _OWNER_KINDS:
        return False
    for _ in range(3):  # back over "Polen und Rumänien", "Polen, Litauen und Rumänien"
        if m.blocked or m.commit is None or not _ISO2.fullmatch(m.commit):
            return False
        prev = WORD.findall(art.low, max(0, m.start - 12), m.start)[-1:]
        if prev and prev[0] in art.lex.abroad_prepositions:
            return True
        earlier = [e for e in cmen if e.end <= m.start and m.start - e.end <= 8]
        if not (prev and prev[0] in art.lex.object_coordinators or "," in art.low[m.start - 2:m.start]) \
                or not earlier:
            return False
        m = earlier[-1]
    return False


def _clause(art: ArticleState, sent: SentenceState, cl: Clause, mem: ClauseMemory,
            need_actor: bool) -> list[Draft]:
    """The drafts of one clause; updates ``mem`` for the next clause of the sentence."""
    chits = [h for h in sent.hits if cl.start <= h.start and h.end <= cl.end]
    thits = _clause_types(art, sent, cl, chits)
    ctx = SubjectContext(art.low, art.text, art.lex, art.topics, sent.k, art.body, cl.same, mem.actor,
                         art.count_nouns)
    if not thits and not need_actor:
        mem.actor, mem.state = None, None
        return []
    cmen = [m for m in sent.refs if cl.start <= m.start and m.end <= cl.end]
    seg_actor = clause_subject(ctx, cl.start, cl.end, cmen, chits, None) if need_actor else None
    if not thits:
        # a clause that keeps the subject and names none of its own ("…, which borders Ukraine,") hands on
        # the subject before it
        mem.actor, mem.state = seg_actor or (mem.actor if cl.same else seg_actor), None
        return []
    thits = [_abroad(art, h, cmen, cl.end) for h in thits]
    out, state, seg_actor = _type_drafts(art, sent, cl, mem, ctx, thits, chits, cmen, seg_actor)
    mem.actor, mem.state = seg_actor, state
    return out


def _cue_texts(text: str, h: Hit, st: Hit | None) -> list[str]:
    return [text[h.start:h.end]] + ([text[st.start:st.end]] if st is not None else [])


def _actors(ctx: SubjectContext, cl: Clause, mem: ClauseMemory, h: Hit, st: Hit | None, is_neg: bool,
            cmen: list[ActorRef], chits: list[Hit],
            subjects: dict[Hit | None, list[str] | None]) -> tuple[list[str] | None, list[str] | None]:
    """(owner, committing actors) of type cue ``h`` governed by ``st``; subjects are cached per stance cue."""
    # without a stance word only a state adjective owns the noun ("französische Militärzentren");
    # a prefix alone ("Nato-Soldaten sind stationiert") describes, it does not commit
    pos = min(h.start, st.start if st is not None else h.start)
    if silent_subject(ctx, cl.start, pos, cmen):
        return None, None
    if polled(ctx, cl.start, cl.end, h.start):
        return None, []  # nobody in particular: not even the actors of a continued sentence
    own = _type_owner(ctx, h, st, cmen)
    if own and st is not None and st.start < h.start and blocked_opens(ctx, h.start):
        return None, None  # Russia rejecting NATO troops is no NATO refusal
    if own is None and st is not None:
        own = _stance_owner(ctx, st, cmen, chits)
    if own is not None or not (st is not None or is_neg or (cl.same and mem.actor)):
        return own, own
    if st not in subjects:
        subjects[st] = clause_subject(ctx, cl.start, cl.end, cmen, chits, st)
    return own, subjects[st]


def _type_owner(ctx: SubjectContext, h: Hit, st: Hit | None, cmen: list[ActorRef]) -> list[str] | None:
    """The owner of type cue ``h`` (a state adjective or prefix); None when nothing owns it."""
    own = None if _names_territory(ctx, h) else owner(ctx.text, h.start, cmen, ctx.lex,
                                                      adjective_only=st is None, noun=True)
    if own == [] and h.label in ctx.lex.place_types:
        own = None  # "Ukrainian airspace": the place protected, not who protects it
    return own


def _stance_owner(ctx: SubjectContext, st: Hit, cmen: list[ActorRef], chits: list[Hit]) -> list[str] | None:
    """The owner of stance cue ``st`` (also by a possessive: "Italy's refusal"); None when nothing owns it."""
    own = owner(ctx.text, st.start, cmen, ctx.lex)
    if own is None:
        own = _possessed(ctx, st, cmen, chits)
    return own


def _possessed(ctx: SubjectContext, st: Hit, cmen: list[ActorRef], chits: list[Hit]) -> list[str] | None:
    """The possessive owner of stance cue ``st`` ("Italy's refusal", "die Zusage Spaniens") or of the
    stance noun right before it ("Canada's pledge to provide")."""
    own = possessor(ctx.text, ctx.low, st, cmen, ctx.lex)
    if own is None:
        noun = next((c for c in chits if c.kind == "stance" and 0 < st.start - c.end <= 2), None)
        own = possessor(ctx.text, ctx.low, noun, cmen, ctx.lex) if noun is not None else None
    return own


def _names_territory(ctx: SubjectContext, h: Hit) -> bool:
    """A prefix before a neighbour cue names the territory, not who deploys ("a NATO-neighboring
    country", "EU-Nachbarstaaten")."""
    return h.label == ctx.lex.abroad_type and ctx.text[h.start - 1:h.start] == "-"


def _decide(sent: SentenceState, cl: Clause, mem: ClauseMemory, lex: Lexicon, st: Hit | None, is_neg: bool,
            own: list[str] | None, actors_: list[str] | None) -> tuple[list[str], str] | None:
    """(actors, stance) of a type cue, or None when it states no commitment: without a stance cue
    only an owner, a negation, the clause before or a continued sentence make it one."""
    stance = _stance_for(st, cl, mem, lex)
    if actors_ is None and sent.cont:
        actors_ = list(dict.fromkeys(a for a, _ in sent.cont))
        stance = sent.cont[0][1] if st is None else stance
    elif st is None and own is None and not is_neg and not (cl.same and mem.state):
        return None
    if not actors_:
        return None
    return actors_, "declined" if is_neg else stance


def _type_drafts(art: ArticleState, sent: SentenceState, cl: Clause, mem: ClauseMemory, ctx: SubjectContext,
                 thits: list[Hit], chits: list[Hit], cmen: list[ActorRef],
                 seg_actor: list[str] | None) -> tuple[list[Draft], tuple | None, list[str] | None]:
    low, text, lex = art.low, art.text, art.lex
    # negation words are rare: look for one once (the windows of negated() lie in this stretch)
    neg = lex.negation_rx.search(low, max(0, cl.start - 50), cl.end + 20) is not None
    stances = stance_hits(low, cl.start, cl.end, sent.hits, lex, art.anchors, neg)
    stances += _leaders(art, cmen)
    stances = [st for st in stances if not _appositive(art, st, cmen)]
    if sent.cond_spans:
        # a stance word inside a condition is the condition's ("provided its parliament agrees")
        stances = [st for st in stances if not _condition_stance(st, sent.cond_spans)]
    if _history(low, cl, stances, lex):
        return [], None, seg_actor
    out: list[Draft] = []
    state = None
    subjects: dict[Hit | None, list[str] | None] = {}
    leaders = led_by(ctx, cl.start, cl.end, thits, cmen, art.leadership)
    for h in thits:
        st = choose_stance(h, stances, text, cl.start, lex)
        is_neg = neg and (negated(low, h.start, lex, cues=stances)
                          or negated_after_type(low, h.end, lex, chits + stances)
                          or _opens_negated(low, h, lex))
        own, actors_ = _actors(ctx, cl, mem, h, st, is_neg, cmen, chits, subjects)
        decided = _decide(sent, cl, mem, lex, st, is_neg, own, actors_)
        if decided is None:
            continue
        actors_, stance = decided
        lead = leaders.get(h, [])
        if lead and leader_alone(ctx, cl.start, h, st, cmen):
            actors_ = lead  # the led thing is the subject: its leader commits, not who reports it
        actors_ = list(dict.fromkeys([*actors_, *joined(ctx, h, cl.end, cmen, thits), *lead]))
        out += [Draft(sent.k, cl.n, a, h.label, stance, h.start, h.end, _cue_texts(text, h, st),
                      generic=h.spec < 0, clause=(cl.start, cl.end), amount=h.data == _AMOUNT)
                for a in actors_]
        state = (is_neg, st.label if st is not None else None)
        if seg_actor is None:
            seg_actor = list(actors_)
    return out, state, seg_actor


def _appositive(art: ArticleState, st: Hit, cmen: list[ActorRef]) -> bool:
    """A stance word in a short phrase between commas right after a name describes the actor, it
    states no stance ("Und selbst Deutschland, lange zögerlich, hat zugesagt, …")."""
    a = art.low.rfind(",", max(0, st.start - 30), st.start)
    b = art.low.find(",", st.end, st.end + 30)
    if a < 0 or b < 0 or len(WORD.findall(art.low, a, b)) > 3:
        return False
    return any(0 <= a - m.end <= 2 and not art.low[m.end:a].strip(" )") for m in cmen)


def _history(low: str, cl: Clause, stances: list[Hit], lex: Lexicon) -> bool:
    """A total given so far ("Since 2022 the United States has provided more than $65 billion"): a
    time span up to now in the clause, and no stance word but verbs of giving or committing; a negated
    one is a current refusal ("Polen hat bisher keine Soldaten zugesagt")."""
    return bool(stances) and lex.history_rx.search(low, cl.start, cl.end) is not None and all(
        low[st.start:st.end] in lex.history_verbs for st in stances) and lex.negation_rx.search(
        low, cl.start, cl.end) is None


def _leaders(art: ArticleState, cmen: list[ActorRef]) -> list[Hit]:
    """A pledge cue right after a state and a hyphen ("a U.S.-led monitoring mission", "eine
    US-geführte Überwachung"): the state leads what follows (its owner by the prefix rule)."""
    out = []
    for m in cmen:
        if m.commit is not None and art.low.startswith("-", m.end):
            led = art.lex.owners.leader_rx.match(art.low, m.end)
            if led:
                out.append(hit("stance", "pledged", led.start(1), led.end(1)))
    return out


def _attach_quantities(art: ArticleState, s0: int, s1: int, drafts: list[Draft]) -> list[Draft]:
    """Give every draft the nearest amount whose unit fits its type; a sum of money that no draft
    took ("pledged €3.5 billion for next year, including €700 million for air defence") is funding
    of the actors of the draft before it. Returns the new funding drafts."""
    qc = art.lex.quant
    seg = art.low[s0:s1]
    if not qc["hints"].search(seg):
        return []
    qs = quantities(seg, art.lang, qc)
    for q in qs:
        q.start += s0
        q.end += s0
    at = {q.start: q for q in qs}
    for d in drafts:
        d.quantity = at.get(d.cue_start) if d.amount else _nearest_fit(d, qs, drafts, qc) or d.quantity
        d.total = d.amount and bool(qc["total_rx"].search(art.low, max(s0, d.cue_start - 30), d.cue_start))
    # a sum that a typed commitment of the same actor took ("€3 billion in military aid") is that
    # commitment's amount, not a funding row of its own
    held = {(d.actor, id(d.quantity)) for d in drafts if not d.amount and d.quantity is not None}
    drafts[:] = [d for d in drafts if not (d.amount and (d.actor, id(d.quantity)) in held)]
    return _money_drafts(art, qs, drafts)


def _nearest_fit(d: Draft, qs: list[Quantity], drafts: list[Draft], qc: dict) -> Quantity | None:
    """The nearest amount whose unit fits the draft's type; an amount in a clause with commitments of
    its own is theirs ("Finland pledged EUR 200 million for air defence, while Japan would consider
    funding …")."""
    units = qc["type_units"].get(d.type, set())
    fits = [q for q in qs if q.unit in units
            and (_inside(q.start, d.clause) or not any(_inside(q.start, e.clause) for e in drafts))]
    if not fits:
        return None
    return min(fits, key=lambda q: min(abs(q.start - d.cue_start), abs(q.end - d.cue_end)))


def _opens_negated(low: str, h: Hit, lex: Lexicon) -> bool:
    """A type cue that opens with a negation word ("keine Waffen", "no more weapons")."""
    first = WORD.match(low, h.start)
    return first is not None and first.group(0) in lex.negation


def _inside(pos: int, span: tuple[int, int]) -> bool:
    return span[0] <= pos < span[1]


def _money_drafts(art: ArticleState, qs: list[Quantity], drafts: list[Draft]) -> list[Draft]:
    money = art.lex.quant["type_units"].get(_FUNDING, set())
    taken = {id(d.quantity) for d in drafts if d.quantity is not None}
    funded = {d.actor for d in drafts if d.type == _FUNDING}
    out = []
    for q in (q for q in qs if q.unit in money and id(q) not in taken):
        for d in _payers(q, drafts):
            if d.actor not in funded:
                out.append(Draft(d.sentence, d.seg, d.actor, _FUNDING, d.stance, q.start, q.end,
                                 [art.text[q.start:q.end]], set(d.conditions), q))
                funded.add(d.actor)
    return out


def _payers(q: Quantity, drafts: list[Draft]) -> list[Draft]:
    """The drafts whose actors a sum no draft took belongs to: the last ones before it (in its clause
    when that has drafts)."""
    here = [d for d in drafts if _inside(q.start, d.clause)]
    before = [d for d in here or drafts if d.cue_start < q.start] or here or drafts
    last = max(d.cue_start for d in before)
    return [d for d in before if d.cue_start == last]


def _sentence_drafts(art: ArticleState, sent: SentenceState) -> list[Draft]:
    """The drafts of a sentence with cues, clause by clause, with the conditions of each clause."""
    made: list[Draft] = []
    cues = [h.start - sent.start for h in sent.hits if h.kind in ("type", "stance")]
    cls = _owner_cuts(art, sent, sentence_clauses(art.text, art.low, sent.start, sent.end, art.lex, cues))
    cls = _relative_cuts(art, sent, _gap_cuts(art, sent, cls))
    mem = ClauseMemory()
    order = _reading_order(art, sent, cls)
    for i, cl in enumerate(order):
        # the clause's subject matters beyond it only for a following clause
        need = i + 1 < len(order)
        drafts = _clause(art, sent, cl, mem, need)
        if sent.cond_spans and drafts:
            here = {c for c, a, _ in sent.cond_spans if cl.start <= a < cl.end}
            for d in drafts:
                d.conditions |= here | _going_on(cl, made)
        made += drafts
    return made


def _going_on(cl: Clause, made: list[Draft]) -> set[str]:
    """A clause that goes on with the subject and stance of the clause before (", und …", a gapped
    clause: "Frankreich will nach einem Waffenstillstand Soldaten stellen, Großbritannien eine
    Brigade") keeps that clause's conditions."""
    if not cl.same or cl.contrast or not made:
        return set()
    return set().union(*(d.conditions for d in made if d.clause[1] <= cl.start))


def _reading_order(art: ArticleState, sent: SentenceState, cls: list[Clause]) -> list[Clause]:
    """The clauses in the order they are read: a leading participle clause ("Denying the involvement
    of Polish troops, Tusk said Poland would …") after the main clause, with its subject."""
    if len(cls) < 2 or cls[0].start != sent.start:
        return cls
    lead = art.lex.clauses["lead_participle"].match(art.text, sent.start, sent.end)
    if lead is None or lead.end() != cls[1].start or any(m.start < lead.end() and
                                                         m.start - sent.start < 2 for m in sent.refs):
        return cls
    return [cls[1], replace(cls[0], same=True, contrast=True), *cls[2:]]


def _relative_cuts(art: ArticleState, sent: SentenceState, cls: list[Clause]) -> list[Clause]:
    """A relative clause between commas right after an actor ("Italy, which has ruled out sending
    soldiers, may be willing to …"; "Polen, das keine Soldaten schickt, bietet … an") is a clause of
    its own about that actor; the main clause goes on after it with the same subject and its own stance."""
    spans = _relative_spans(art, sent)
    if not spans:
        return cls
    out: list[Clause] = []
    for cl in cls:
        inside = [(a, b) for a, b in spans if cl.start < a and b < cl.end]
        if not inside:
            out.append(cl)
            continue
        a, b = inside[0]
        # read the main clause before the relative one: both are about the name before ", which"
        out += [replace(cl, end=a), Clause(0, b, cl.end, True, True), Clause(0, a, b, True, False)]
    return [replace(cl, n=i) for i, cl in enumerate(out)]


def _relative_spans(art: ArticleState, sent: SentenceState) -> list[tuple[int, int]]:
    """(start, end) of relative clauses opened by a comma right after an actor and closed by a comma."""
    out = []
    for m in art.lex.relative_rx.finditer(art.low, sent.start, sent.end):
        if not any(r.commit and r.end <= m.start() and not art.low[r.end:m.start()].strip()
                   for r in sent.refs):
            continue
        close = art.low.find(",", m.end(), sent.end)
        if close > 0 and WORD.search(art.low, close, sent.end) and not _list_item(art, sent, m.end(), close):
            out.append((m.start() + 1, close + 1))
    return out


def _list_item(art: ArticleState, sent: SentenceState, a: int, close: int) -> bool:
    """Whether a ", die …," after a name is an item of a list, not a relative clause: a name right after
    the article ("Ungarn, die Slowakei, Griechenland") or right after the closing comma."""
    def named(pos: int) -> bool:
        return any(r.start >= pos and not art.low[pos:r.start].strip() for r in sent.refs)
    return named(a) or named(close + 1)


def _owner_cuts(art: ArticleState, sent: SentenceState, cls: list[Clause]) -> list[Clause]:
    """A stance noun with a possessive owner after a coordinator and a type cue starts a clause of its
    own ("Italy's refusal to send soldiers and Germany's limits to roles from a neighbouring
    country": each owner's phrase keeps its own type)."""
    cuts = _owner_cut_points(art, sent)
    if not cuts:
        return cls
    out: list[Clause] = []
    for cl in cls:
        at = [c for c in cuts if cl.start < c < cl.end
              and any(cl.start <= h.start and h.end <= c for h in sent.type_hits)]
        bounds = [cl.start, *at, cl.end]
        out += [replace(cl, start=a, end=b) if i == 0 else Clause(0, a, b, False, False)
                for i, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False))]
    return [replace(cl, n=i) for i, cl in enumerate(out)]


def _gap_cuts(art: ArticleState, sent: SentenceState, cls: list[Clause]) -> list[Clause]:
    """A verb left out after a comma ("Den Haag stellte Kampfjets in Aussicht, Brüssel
    Transportflugzeuge für den Nachschub"; "Frankreich will 6.000 Soldaten stellen, Großbritannien
    eine Brigade"): a state right after the comma with a type cue and no stance cue in its comma
    stretch starts a clause of its own that goes on with the stance of the clause before."""
    out: list[Clause] = []
    for cl in cls:
        cuts = [c for c in _gap_points(art, sent, cl) if any(
            cl.start <= h.start and h.end <= c for h in sent.type_hits)]
        bounds = [cl.start, *cuts, cl.end]
        out += [replace(cl, start=a, end=b) if i == 0 else Clause(0, a, b, True, False)
                for i, (a, b) in enumerate(zip(bounds, bounds[1:], strict=False))]
    return [replace(cl, n=i) for i, cl in enumerate(out)] if len(out) > len(cls) else cls


def _gap_points(art: ArticleState, sent: SentenceState, cl: Clause) -> list[int]:
    """Where a gapped clause starts in ``cl``: a comma, then a state's name, then a type cue and no
    stance cue before the next comma or the end of the clause."""
    points = []
    for m in sent.refs:
        if not cl.start < m.start < cl.end or m.kind in _OWNER_KINDS or m.blocked or m.commit is None:
            continue
        comma = art.low.rfind(",", cl.start, m.start)
        if comma < 0 or art.low[comma + 1:m.start].strip():
            continue
        stop = art.low.find(",", m.end, cl.end)
        stop = cl.end if stop < 0 else stop
        here = [h for h in sent.hits if m.end <= h.start and h.end <= stop]
        if any(h.kind == "type" for h in here) and not any(h.kind == "stance" for h in here):
            points.append(m.start)
    return points


def _owner_cut_points(art: ArticleState, sent: SentenceState) -> list[int]:
    """Where a possessive owner of a stance noun opens a phrase after a coordinator or a comma."""
    cuts = []
    for st in (h for h in sent.hits if h.kind == "stance"):
        m = possessive_before(art.text, st.start, sent.refs, art.lex)
        if m is None or m.start <= sent.start:
            continue
        prev = WORD.findall(art.low, max(sent.start, m.start - 12), m.start)[-1:]
        if prev and prev[0] in art.lex.object_coordinators or art.text[m.start - 2:m.start].strip() == ",":
            cuts.append(m.start)
    return cuts


def _sentence_conditions(art: ArticleState, sent: SentenceState, made: list[Draft]) -> None:
    """Conditions of clauses without a commitment go to all drafts of the sentence; a sentence
    without drafts carries its conditions to the commitments stated before."""
    allconds = {c for c, _, _ in sent.cond_spans}
    if made:
        rest = allconds - {c for d in made for c in d.conditions}
        for d in made:
            d.conditions |= rest
        _own_conditions(art, sent, made)
        made += _attach_quantities(art, sent.start, sent.end, made)
    elif allconds:
        subject = _named_actor(sent) or art.topics[-1].subject(art.lex)
        carry(art.drafts, sent.k, subject[0] if subject else None, allconds, art.lex)


def _named_actor(sent: SentenceState) -> list[str] | None:
    """The one committing actor a sentence without commitments names outside its conditions ("In
    addition, Sweden must decide in parliament"), else None."""
    named = {m.commit for m in sent.refs if m.commit and not m.blocked and not m.place}
    return [named.pop()] if len(named) == 1 else None


def _own_conditions(art: ArticleState, sent: SentenceState, made: list[Draft]) -> None:
    """A condition that names the actor itself is not its own ("persuading Washington to be the guarantor,
    which it has not agreed to": no us_backstop on the US row); when no other draft of the
    sentence keeps it, it goes to the commitments stated before (``conditions.yaml: own_conditions``)."""
    moved: set[str] = set()
    for d in made:
        own = {c for c in d.conditions if d.actor in art.lex.own_conditions.get(c, ())}
        d.conditions -= own
        moved |= own
    moved -= {c for d in made for c in d.conditions}
    if moved:
        own = art.lex.own_conditions
        others = [d for d in art.drafts if not any(d.actor in own.get(c, ()) for c in moved)]
        carry(others, sent.k, None, moved, art.lex)


def _repeats(art: ArticleState, made: list[Draft]) -> list[Draft]:
    """A participation word that takes up a commitment stated just before ("Über Art und Umfang eines
    deutschen Beitrags würden ... entscheiden") is not a new commitment: its conditions and amount go
    to the earlier one."""
    out = []
    for d in made:
        earlier = [e for e in art.drafts if e.actor == d.actor and e.type == d.type
                   and 0 < d.sentence - e.sentence <= art.lex.carry_window] if d.generic else []
        if not earlier:
            out.append(d)
            continue
        last = max(e.sentence for e in earlier)
        for e in earlier:
            if e.sentence == last:
                e.conditions |= d.conditions
                e.quantity = e.quantity or d.quantity
    return out


def _answered(art: ArticleState, k: int, s0: int, s1: int, hit_starts: list[int],
              ref_starts: list[int]) -> list[Draft]:
    """A question answered right after it: the question's commitments, with the stance of the answer,
    either a short answer (`stance.yaml` answers: "Will Germany send troops? Not for now.") or a
    sentence of doubt or refusal that names no other actor and no type ("Schickt Deutschland bald
    Soldaten? Das ist noch völlig offen.", "Diskussionen darüber seien verfrüht")."""
    if not k:
        return []
    _sid, q0, q1 = art.sents[k - 1]
    if not _question(art.text, q0, q1):
        return []
    m = art.lex.answer_rx.match(art.text, s0)
    st = None if m is not None else _answer_stance(art, s0, s1)
    if m is None and st is None:
        return []
    asked = _sentence(art, k - 1, q0, q1, hit_starts, ref_starts, ask=False)
    if not asked.has_cues:
        return []
    made = _sentence_drafts(art, asked)
    asked_by = {d.actor for d in made}
    if st is not None and any(s0 <= r.start < s1 and r.commit not in asked_by for r in art.refs):
        return []  # an answer that names another actor is a statement of its own
    for d in made:
        d.stance = (m.lastgroup if m is not None else st.label) or d.stance
    if made:
        # what the answer is about: "… Not for now. Merz said a German contribution …" is that type
        art.prev_types[k - 1] = art.prev_types[k] = [h.label for h in drop_overlaps(asked.type_hits)]
    return made


def _quiet(art: ArticleState, k: int, s0: int, s1: int, cue_starts: list[int]) -> bool:
    """A sentence without type or participation cues and without a commitment in the sentences
    before it that could take its conditions (the cheap test before the sentence passes)."""
    i = bisect_left(cue_starts, s0)
    if i < len(cue_starts) and cue_starts[i] < s1:
        return False
    return not _within_carry(art, k)


def _within_carry(art: ArticleState, k: int) -> bool:
    """Whether sentence ``k`` may still pass conditions back to the latest commitment (within
    ``carry_window``, or ``actor_carry_window`` for a condition that names its actor)."""
    reach = max(art.lex.carry_window, art.lex.actor_carry_window)
    return bool(art.drafts) and k - art.drafts[-1].sentence <= reach


_ANSWER_STANCES = ("declined", "undecided", "considering")


def _answer_stance(art: ArticleState, s0: int, s1: int) -> Hit | None:
    """The strongest stance of doubt or refusal of a sentence without type cues, if any."""
    here = [h for h in art.hits if s0 <= h.start and h.end <= s1]
    if any(h.kind in _COND_FREE for h in here):
        return None
    stances = [st for st in stance_hits(art.low, s0, s1, here, art.lex, art.anchors)
               if st.label in _ANSWER_STANCES]
    return min(stances, key=lambda h: _ANSWER_STANCES.index(h.label)) if stances else None


def run(art: ArticleState) -> list[Draft]:
    """All passes over the sentences of an article; the drafts found."""
    _paragraphs(art)
    hit_starts = [h.start for h in art.hits]
    ref_starts = [m.start for m in art.refs]
    cue_starts = [h.start for h in art.hits if h.kind in _COND_FREE]
    for k, (_sid, s0, s1) in enumerate(art.sents):
        art.drafts += _answered(art, k, s0, s1, hit_starts, ref_starts)
        if _opens_with_agreement(art, s0, s1):
            art.agreement_k = k
        if _quiet(art, k, s0, s1, cue_starts):
            # no type cue and no commitment close before: nothing to find, only a subject to keep
            art.topics.append(Topic(k, art.refs[bisect_left(ref_starts, s0):bisect_left(ref_starts, s1)],
                                    art.low))
            art.prev_drafts = []
            continue
        sent = _sentence(art, k, s0, s1, hit_starts, ref_starts)
        # the sentence's subject is worked out only when a later pronoun asks for it (see subject.topic)
        art.topics.append(Topic(k, sent.refs, art.low))
        if not sent.has_cues:
            members = _members(art, sent)
            if not members:
                _sentence_conditions(art, sent, [])
            art.drafts += members
            art.prev_drafts = members
            continue
        sent.cont = _continuation(art, sent)
        made = _sentence_drafts(art, sent)
        _sentence_conditions(art, sent, made)
        made = _repeats(art, made)
        art.drafts += made
        art.prev_drafts = made
        types_here = [h.label for h in drop_overlaps(sent.type_hits)]
        if types_here:
            art.prev_types[k] = types_here
    return art.drafts
