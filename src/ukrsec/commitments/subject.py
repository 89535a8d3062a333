"""Who commits: actor mentions resolved to the committing actor, owners of a noun, clause subjects,
and the subjects of earlier sentences for pronouns."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ..text.doc import line_start
from .clauses import WORD, WORD_OR_STOP, after_stop
from .cues import Hit
from .lexicon import Lexicon

_OWN_GAP = re.compile(r"^[\s\"'„“”‚‘’«»\-]*$")
_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,3}|[A-Z]{2,4}")
_ISO2 = re.compile(r"[A-Z]{2}")
# the head noun of an elided compound after an organization: "EU- und Nato-Land" -> "land"
# the words of an office between a state adjective and a name ("niederländische Premierminister Mark Rutte")
_OFFICE_GAP = re.compile(r"\s+(?:[\w-]+\s+){1,3}")
# a place before a pipe opens a dateline ("Berlin taz | 26 Länder wollen …"): no subject
_DATELINE_PIPE = re.compile(r"(?:\s+[\w.-]+){0,2}\s*\|")
_ELIDED_HEAD = re.compile(r"-\s+(?:und|sowie|oder|and|or)\s+[\w]+-(\w+)")


@dataclass(slots=True)
class ActorRef:
    """A mention resolved to the actor that would commit (``commit`` None: cannot commit)."""

    start: int
    end: int
    commit: str | None
    blocked: bool
    kind: str
    obj: bool | None = None  # stands in a prepositional phrase (None: not looked at yet)
    place: bool = False  # a place (a dateline, a venue): no actor, but it silences nobody either
    actor: str | None = None  # the mention's actor_id (a body that commits for its state)


def _text(value: Any) -> str:
    """A table cell as stripped text ('' for missing values)."""
    return "" if value is None or pd.isna(value) else str(value).strip()


def committing_actor(actor_id: str, actors: dict[str, dict], lex: Lexicon) -> str | None:
    """The actor that commits for ``actor_id``: a state, a body of its own, or None."""
    row = actors.get(actor_id)
    if row is None:
        return actor_id if _ISO2.fullmatch(actor_id or "") else None
    typ = str(row.get("type") or "").lower()
    if typ == "country":
        return actor_id
    if _text(row.get("kind")).lower() in lex.never_kinds:
        return None
    country = _text(row.get("country")) or None
    if typ == "organization":
        name = str(row.get("name") or "").lower()
        if any(b in name for b in lex.own_bodies):
            return actor_id
        # an organ of a body commits for it: "Die Europäische Kommission hat … beschlossen" is the EU
        return _role_body(name, lex) or country
    if typ == "place":
        return None
    return _role_body(_text(row.get("role")).lower(), lex) or country


def _role_body(role: str, lex: Lexicon) -> str | None:
    """The body a role speaks for ("Secretary General of NATO" -> NATO), if any."""
    for body, words in lex.role_bodies.items():
        if role and any(w in role for w in words):
            return body
    return None


def drop_member_groups(low: str, refs: list[ActorRef], amap: dict[str, dict], lex: Lexicon) -> None:
    """"NATO members", "EU-Staaten", "das EU- und Nato-Land": an organization before a member noun
    is the members (or one member state), not the body."""
    for m in refs:
        m.obj = None
        if m.commit and m.commit in amap and str(amap[m.commit].get("type") or "") == "organization":
            nxt = WORD.match(low, m.end + 1) if low[m.end:m.end + 1] in (" ", "-") else None
            head = _ELIDED_HEAD.match(low, m.end)
            word = head.group(1) if head else nxt.group(0) if nxt else ""
            if word in lex.member_nouns or word in lex.member_state_nouns:
                m.commit = None
                # a counted group ("Zehn EU-Staaten") is the coalition's subject: it silences nobody
                m.place = word in lex.member_state_nouns or _counted_members(low, m, lex)


def _counted_members(low: str, m: ActorRef, lex: Lexicon) -> bool:
    """Whether the body's prefix stands inside a counted group of states ("Zehn EU-Staaten", "32
    Nato-Länder")."""
    g = lex.count_rx.search(low, max(0, m.start - 40), m.end + 40)
    return g is not None and g.start() < m.start and m.end < g.end()


#: a dateline's city and comma, alone on the line before the state ("BARI, " before "Italy – …")
_DATELINE_CITY = re.compile(r"[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2},[ \t]*")
#: what follows the state of a dateline: a dash or an agency in brackets ("Italy – ", "Ukraine (AP) —")
_DATELINE_MARK = re.compile(r"[ \t]*(?:\([^()\n]{1,20}\)[ \t]*)?[–—-][ \t]")
_DATELINE_LEAD = 40  # characters a dateline's city and comma can take


def dateline_states(text: str, refs: list[ActorRef]) -> None:
    """The state of a dateline ("BARI, Italy – Ukraine and Japan signed …") is where the news was
    written, not a party: a place that commits nothing."""
    for m in refs:
        ls = line_start(text, m.start, _DATELINE_LEAD)
        if ls is not None and _DATELINE_CITY.fullmatch(text, ls, m.start) \
                and _DATELINE_MARK.match(text, m.end):
            m.commit, m.place = None, True


def venue_capitals(low: str, refs: list[ActorRef], lex: Lexicon) -> None:
    """A capital where someone speaks ("made clear from Paris", "said from Brussels") is a place."""
    for m in refs:
        if m.kind == "metonym" and lex.venue_rx.search(low, max(0, m.start - 40), m.start):
            m.commit, m.place = None, True


def national_roles(low: str, refs: list[ActorRef]) -> None:
    """A person whose listed role speaks for a body, named in the text with a state's office ("Der
    niederländische Premierminister Mark Rutte" on a page of 2024), speaks for that state in the
    whole article: a state adjective, then one to three words of the office and no punctuation, then
    the name."""
    moved: dict[str, str] = {}
    for prev, m in zip(refs, refs[1:], strict=False):
        body = bool(m.commit) and not _ISO2.fullmatch(m.commit or "")
        if body and m.actor and m.actor.startswith("person:") and prev.kind == "adjective" and prev.commit \
                and _OFFICE_GAP.fullmatch(low, prev.end, m.start):
            moved[m.actor] = prev.commit
    for m in refs:
        if m.actor in moved:
            m.commit = moved[m.actor]


def home_bodies(refs: list[ActorRef], amap: dict[str, dict], lex: Lexicon) -> None:
    """A federal body whose name several German-speaking states share ("der Bundesrat", "die
    Bundesregierung") belongs to the state the article is about: in a Swiss article, where
    Switzerland is named at least twice as often as Germany, the Bundesrat is Switzerland's."""
    shared = [m for m in refs if m.actor in amap and str(amap[m.actor].get("name") or "").lower()
              in lex.shared_bodies]
    if not shared:
        return
    ids = {id(m) for m in shared}
    counts = {s: sum(1 for m in refs if m.commit == s and id(m) not in ids) for s in lex.shared_body_states}
    home = max(counts, key=lambda s: counts[s])
    for m in shared:
        own = _text(amap[m.actor].get("country"))
        if home != own and counts[home] >= 2 * max(1, counts.get(own, 0)):
            m.commit = home


def collective_body(refs: list[ActorRef], amap: dict[str, dict], lex: Lexicon) -> str | None:
    """The article's most mentioned collective body (the coalition), for "Die Verbündeten"."""
    counts: dict[str, int] = {}
    for m in refs:
        if m.commit and m.commit in amap:
            name = str(amap[m.commit].get("name") or "").lower()
            if any(b in name for b in lex.collective_bodies):
                counts[m.commit] = counts.get(m.commit, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def is_obj(low: str, m: ActorRef, lex: Lexicon) -> bool:
    """Whether a mention stands in a prepositional phrase (an object, not the subject); cached."""
    if m.obj is None:
        # the last two words, not across the end of the previous sentence ("... to Kyiv. Norway pledged")
        toks = after_stop(WORD_OR_STOP.findall(low, max(0, m.start - 60), m.start)[-4:])
        m.obj = ((_after_preposition(low, m, toks, lex) and not _opens_report(low, m.start, lex))
                 or (_coordinated_object(toks, lex) and not _new_clause_subject(low, m, lex)
                     and not _opens_report(low, _conjunct_start(low, m.start), lex)
                     and not _relative_subject(low, _conjunct_start(low, m.start), lex))
                 or _genitive_object(toks, lex))
    return m.obj


def _after_preposition(low: str, m: ActorRef, toks: list[str], lex: Lexicon) -> bool:
    """A preposition among the last two words, not in a source phrase nor before a clause opener."""
    return any(t in lex.preps for t in toks[-2:]) and not lex.source_phrase_rx.search(
        low, max(0, m.start - 60), m.start) and not (toks and toks[-1] in lex.clauses["openers"]) \
        and not _bound_before(low, m, lex) and not _after_fronted_phrase(low, m.start, lex) \
        and not _relative_subject(low, m.start, lex)


#: a phrase that opens the sentence and ends with a comma right before a name ("On Sunday, ",
#: "In 2024, "): group 1 its first word
_FRONTED = re.compile(r"(?:^|[.!?:;\n])[\s\"“”„‘'(]*(\w+)\b[^,.;:!?\n\"“”]{0,40},\s*$")


def _after_fronted_phrase(low: str, pos: int, lex: Lexicon) -> bool:
    """"On Sunday, Norway pledged …", "In 2024, Japan will provide …": a prepositional phrase that
    opens the sentence and is closed by a comma leaves the name after it as the subject."""
    a = max(0, pos - 60)
    f = _FRONTED.search(low[a:pos]) if a == 0 else _FRONTED.search(low, a, pos)
    return f is not None and (a == 0 or f.start() > a or low[f.start()] in ".!?:;\n") \
        and f.group(1) in lex.preps


_PREP_RELATIVE = re.compile(r",\s*(\w+)\s+(\w+)\s+$")


def _relative_subject(low: str, pos: int, lex: Lexicon) -> bool:
    """", bei dem Frankreich die Führung übernimmt", ", under which France …": a preposition and a
    relative pronoun after a comma open a relative clause, the name at ``pos`` is its subject."""
    r = _PREP_RELATIVE.search(low, max(0, pos - 40), pos)
    return r is not None and r.group(1) in lex.preps and r.group(2) in lex.relative_pronouns


def _bound_before(low: str, m: ActorRef, lex: Lexicon) -> bool:
    """"Up to 97 New Zealand personnel": the "to" of an amount's bound is no preposition of the name
    (but "troops to up to three German bases" still has one before the bound)."""
    b = lex.quant["bound_rx"].search(low, max(0, m.start - 40), m.start)
    if b is None:
        return False
    prev = WORD.findall(low, max(0, b.start() - 20), b.start())[-1:]
    return not (prev and prev[0] in lex.preps)


_COMMA_WORD = re.compile(r",\s*\w+\s+$")
_COMMA_END = re.compile(r",\s*$")
_CONJUNCT = re.compile(r"(\w+)\s+\w+\s+$")


def _opens_report(low: str, pos: int, lex: Lexicon) -> bool:
    """A name at ``pos`` right after the comma that ends a verb of saying and its adverbial ("sagte am
    Dienstag, Deutschland werde …", "erklärte in Paris, Frankreich …") opens the reported clause: its
    subject, not the object of the adverbial's preposition."""
    a = max(0, pos - 60)
    if _COMMA_END.search(low, a, pos) is None:
        return False
    words = WORD.findall(low, a, pos)[-5:]
    return any(w in lex.speech_verbs for w in words[:-1])


def _conjunct_start(low: str, pos: int) -> int:
    """Where the word before the coordinator before ``pos`` starts ("Deutschland" in "Deutschland und
    Frankreich")."""
    m = _CONJUNCT.search(low, max(0, pos - 40), pos)
    return m.start(1) if m else pos


def _new_clause_subject(low: str, m: ActorRef, lex: Lexicon) -> bool:
    """"…in 2026, and Lithuania will help …": a name after a comma and a coordinator, followed by a
    finite verb, is the subject of a new clause, not an object coordinated with the one before."""
    if _COMMA_WORD.search(low, max(0, m.start - 16), m.start) is None:
        return False
    nxt = WORD.match(low, m.end + 1) if low[m.end:m.end + 1] == " " else None
    return nxt is not None and (nxt.group(0) in lex.weak or nxt.group(0) in lex.finite_verbs)


def _coordinated_object(toks: list[str], lex: Lexicon) -> bool:
    """"in Polen und Litauen": a name coordinated with an object is an object too."""
    if len(toks) < 3 or toks[-1] not in lex.object_coordinators:
        return False
    if any(t in lex.clauses["openers"] for t in toks[-3:]):
        return False
    return toks[-3] in lex.preps or (len(toks) == 4 and toks[-4] in lex.preps)


def _genitive_object(toks: list[str], lex: Lexicon) -> bool:
    """"beim Treffen der Nato-Verteidigungsminister", "mit Hilfe der USA": the genitive of a noun in
    a prepositional phrase is in that phrase too."""
    return len(toks) >= 3 and toks[-1] in lex.owners.genitive_articles and toks[-3] in lex.preps


def chain(text: str, first: ActorRef, pool: list[ActorRef], rx: re.Pattern,
          through: list[ActorRef] | None = None) -> list[ActorRef]:
    """``first`` and the mentions joined to it by "und" / "and" / commas / titles ("Frankreich und
    das Vereinigte Königreich", "Macron, der britische Premierminister Keir Starmer"). Mentions of
    ``through`` (Ukraine, Russia: listed, but committing nothing) keep the list going ("Macron,
    Selenskyj und Starmer"); :func:`_ids` leaves them out."""
    if through:
        pool = sorted([*pool, *(m for m in through if m.start > first.start)], key=lambda m: m.start)
    out = [first]
    for m in pool:
        if m.start < out[-1].end:
            continue
        if not rx.match(text[out[-1].end:m.start]):
            break
        out.append(m)
    return out


def _ids(group: list[ActorRef]) -> list[str]:
    return list(dict.fromkeys(m.commit for m in group if m.commit))


def owner(text: str, pos: int, cmen: list[ActorRef], lex: Lexicon,
          adjective_only: bool = False, noun: bool = False) -> list[str] | None:
    """States whose adjective / prefix stands right before ``pos`` ("französische Soldaten", "US-Führung");
    before a type noun (``noun``) also an abbreviated name ("US boots on the ground", "UK troops").

    ``None``: no owner; ``[]``: the owner cannot commit (Ukraine, Russia).
    """
    before = [m for m in cmen if m.end <= pos and pos - m.end <= 6]
    if not before:
        return None
    last = before[-1]
    gap = text[last.end:pos]
    adjunct = noun and gap == " " and not adjective_only and bool(
        _ABBREVIATION.fullmatch(text, last.start, last.end))
    if not (gap == "-" and not adjective_only) and not (
            last.kind in ("adjective", "demonym") and _OWN_GAP.match(gap)) and not adjunct:
        return None
    if gap == "-" and lex.treaty_rx.match(text, last.end):
        return None  # "Nato-Beistandsklausel": the treaty's clause, no owner
    if last.blocked:
        # "eine Ukraine-Truppe": the state helped names whom it is for, it is no owner
        return None if gap == "-" and last.actor in lex.recipients else []
    return _owners_of(text, last, cmen, lex)


def _owners_of(text: str, last: ActorRef, cmen: list[ActorRef], lex: Lexicon) -> list[str] | None:
    """The owners ending in ``last``; none that commits when a comparison names them as the model
    ("Garantien ähnlich der Nato-Beistandsklausel")."""
    group = _coordinated(text, last, cmen, lex)
    if lex.comparison_rx.search(text, max(0, group[0].start - 40), group[0].start):
        return []
    return _ids(group) or None


def _coordinated(text: str, last: ActorRef, cmen: list[ActorRef], lex: Lexicon) -> list[ActorRef]:
    """``last`` and the adjectives of the same kind coordinated before it ("französische und britische",
    the compound "britisch-französische")."""
    group = [last]
    for m in reversed([m for m in cmen if m.end <= last.start]):
        gap = text[m.end:group[0].start]
        if m.kind != last.kind or not (gap == "-" or lex.clauses["adj_coord"].match(gap)):
            break
        group.insert(0, m)
    return group


class Topic:
    """A sentence's subject for later pronouns, worked out on first use."""

    __slots__ = ("k", "smen", "low", "_subject", "_done")

    def __init__(self, k: int, smen: list[ActorRef], low: str) -> None:
        self.k, self.smen, self.low, self._done = k, smen, low, False
        self._subject: list[str] | None = None

    def subject(self, lex: Lexicon) -> list[str] | None:
        """Subject actors of the sentence: [] = blocked (UA/RU), None = none found."""
        if not self._done:
            self._subject = self._find(lex)
            self._done = True
        return self._subject

    def group(self, lex: Lexicon) -> list[str]:
        """The subject and the actors coordinated with it ("Dänemark, Schweden und Finnland")."""
        first = next((i for i, m in enumerate(self.smen) if m.commit and not m.blocked
                      and not is_obj(self.low, m, lex)), None)
        if first is None:
            return []
        return _ids(chain(self.low, self.smen[first], self.smen[first + 1:], lex.clauses["coord"]))

    def _find(self, lex: Lexicon) -> list[str] | None:
        for m in self.smen:
            if is_obj(self.low, m, lex):
                continue
            if m.blocked:
                return []
            if m.commit:
                return [m.commit]
        return None


def _current_topic(ctx: SubjectContext) -> Topic | None:
    """The topic of the sentence being read (topics are kept in sentence order), None before it has one."""
    return ctx.topics[-1] if ctx.topics and ctx.topics[-1].k == ctx.k else None


def _earlier_in_sentence(ctx: SubjectContext, c0: int) -> list[str] | None:
    """The subject of the clauses of this sentence before ``c0`` (a pronoun's nearest antecedent)."""
    cur = _current_topic(ctx)
    if cur is None:
        return None
    before = [m for m in cur.smen if m.end <= c0]
    return Topic(ctx.k, before, ctx.low).subject(ctx.lex) if before else None


def topic(topics: list[Topic], k: int, lex: Lexicon) -> list[str] | None:
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


@dataclass
class SubjectContext:
    """What a clause's subject search needs beyond the clause: the article's memory."""

    low: str
    text: str
    lex: Lexicon
    topics: list[Topic]
    k: int
    body: str | None
    same: bool
    prev_actor: list[str] | None
    count_nouns: list[int]  # where the nouns of counted groups ("countries", "Länder") end in the article


def clause_subject(ctx: SubjectContext, c0: int, c1: int, cmen: list[ActorRef], chits: list[Hit],
                   st: Hit | None) -> list[str] | None:
    """The committing actors of a clause: its subject group relative to the stance cue ``st``."""
    return _subject(ctx, c0, c1, cmen, chits, st)


def joined(ctx: SubjectContext, h: Hit, c1: int, cmen: list[ActorRef], thits: list[Hit]) -> list[str]:
    """Actors that do what type cue ``h`` names together with the subject ("will provide air policing
    alongside France"): named after a joint preposition after ``h``, before the next type cue."""
    stop = min([t.start for t in thits if t.start > h.start] + [c1])
    return [m.commit for m in cmen
            if h.end <= m.start and m.end <= stop and m.commit and not m.blocked and _after_joint(ctx, m)]


def blocked_opens(ctx: SubjectContext, cue: int) -> bool:
    """Whether the only subjects of the sentence before the type cue at ``cue`` (its own owner aside)
    are Ukraine or Russia or their people: what they reject or ask for ("Russland lehnt den Einsatz
    von Nato-Truppen ab", "Selenskyj fordert US-Truppen") is no commitment of the state that owns the
    troops ("Selenskyj sagte, Frankreich werde französische Truppen schicken" is)."""
    cur = _current_topic(ctx)
    if cur is None:
        return False
    subj = [m for m in cur.smen
            if cue - m.end > 1 and (m.commit or m.blocked) and not is_obj(ctx.low, m, ctx.lex)]
    return bool(subj) and all(m.blocked for m in subj)


def polled(ctx: SubjectContext, c0: int, c1: int, pos: int) -> bool:
    """Whether nobody in particular commits in the clause: it reports a poll (a share of people, "61
    Prozent", "58 per cent", in it and a word of polling in it or shortly before it: "Nach einer
    Umfrage …"), or its subject before ``pos`` is nobody ("niemand", "manche von ihnen")."""
    if ctx.lex.nobody_rx.search(ctx.low, c0, pos) is not None:
        return True
    return ctx.lex.poll_rx.search(ctx.low, c0, c1) is not None and ctx.lex.poll_word_rx.search(
        ctx.low, max(0, c0 - 300), c1) is not None


def silent_subject(ctx: SubjectContext, c0: int, pos: int, cmen: list[ActorRef]) -> bool:
    """Whether the subject before ``pos`` is an actor that does not commit (a party, a newspaper):
    "Die AfD lehnt jede Entsendung deutscher Soldaten ab" is no German refusal."""
    if not any(_silencer(ctx, m) and c0 <= m.start and m.end <= pos for m in cmen):
        return False
    if any(w.group(0) in ctx.lex.speech_verbs for w in WORD.finditer(ctx.low, c0, pos)):
        return False  # "Wie dpa berichtet, will Frankreich ...": the source of a report
    # the source of a report is no subject either: "Laut einem Bericht der Financial Times erwägt Italien …"
    before = [m for m in cmen if c0 <= m.start and m.end <= pos and not m.place
              and not is_obj(ctx.low, m, ctx.lex) and not _bracketed(ctx.text, m)
              and not _sourced(ctx, c0, m)]
    return bool(before) and all(_silencer(ctx, m) for m in before)


def _silencer(ctx: SubjectContext, m: ActorRef) -> bool:
    """A mention of an actor that never commits (a party, a newspaper), not a place ("PARIS —") nor
    a name in brackets ("PARIS (AP) —", "the Democrats (D-Md.)")."""
    return m.commit is None and not m.blocked and not m.place and not _bracketed(ctx.text, m)


def _bracketed(text: str, m: ActorRef) -> bool:
    """Whether the mention stands alone in round brackets ("(AP)", "(CP)")."""
    return text[m.start - 1:m.start] == "(" and text[m.end:m.end + 1] == ")"


def _joint_subjects(ctx: SubjectContext, last: ActorRef, pivot: int, cmen: list[ActorRef]) -> list[ActorRef]:
    """Actors joined to the subject by a joint preposition before the stance cue ("the French
    president, together with British Prime Minister Keir Starmer, had signed"; "Frankreich hat
    gemeinsam mit Italien unterzeichnet"): they do it too."""
    between = [m for m in cmen if last.end <= m.start and m.end <= pivot]
    for i, m in enumerate(between):
        if len(WORD.findall(ctx.low, last.end, m.start)) <= 5 and _after_joint(ctx, m):
            return chain(ctx.text, m, between[i + 1:], ctx.lex.clauses["coord"])
    return []


def _after_joint(ctx: SubjectContext, m: ActorRef) -> bool:
    before = ctx.low[max(0, m.start - 25):m.start].rstrip()
    return any(before.endswith(p) and (len(before) == len(p) or not before[-len(p) - 1].isalnum())
               for p in ctx.lex.joint_preps)


def _subject(ctx: SubjectContext, c0: int, c1: int, cmen: list[ActorRef], chits: list[Hit],
             st: Hit | None) -> list[str] | None:
    coll = [h for h in chits if h.kind == "collective"
            and (_near_start(ctx, c0, h.start) or _opens_reported(ctx, c0, h.start))
            and not _state_before(ctx, c0, h, cmen)]
    body = _collective(ctx, coll)
    cand = _candidates(ctx, cmen, chits, coll[0].end if body else None, c0)
    if body:
        cand = [m for m in cand if not (m.blocked and _complement(ctx, coll[0], m))]
    blocked = [m for m in cand if m.blocked]  # listed, committing nothing: they keep a list going
    # Ukraine / Russia as the subject at the start of the clause: nobody commits, unless it opens a
    # list of states that do ("Ukraine, France and the United Kingdom signed …")
    if _opens_blocked(ctx, c0, cand):
        return _blocked_subject(ctx, c0, c1, cand, cmen, chits, blocked)
    pool = [m for m in cand if not m.blocked and m.commit]
    partner = _partner_alone(ctx, pool, blocked, cmen, chits)
    if partner:
        return partner
    pivot = _pivot(ctx, st, c1, pool)
    # a collective subject at the start is the subject, not a passive agent later in the clause
    passive = None if body else _passive_agent(ctx, c0, c1, cmen, pool)
    listed = _colon_list(ctx, c0, c1, pool, cmen, blocked) or passive or _named_group(ctx, c0, pivot, pool)
    if listed:
        return listed
    head = _after_speech(ctx, c0, pivot, pool)
    counted = _counted(ctx, head, pivot, pool) or _reported_group(ctx, c0, pivot, pool)
    if counted:
        return counted
    return _subject_from_pool(ctx, c0, c1, _reported(pool, c0, head, pivot), pivot, coll if body else [],
                              _sources(ctx, cmen, pivot), body, cmen, blocked)


def _impersonal(ctx: SubjectContext, c0: int, pivot: int) -> list[str] | None:
    """"man" as the subject: the article's collective body when this sentence or the one before names
    it ("… nach einem Treffen der Koalition. Man werde die Ukraine … unterstützen"), else the subject of
    the sentences before ("Eine Sprecherin des Ministeriums sagte, man prüfe …")."""
    if not _refers(ctx.low, c0, pivot, ctx.lex.group_pronouns, ctx.lex):
        return None
    side = _side_state(ctx, pivot)
    if side:
        return side
    near = [m for t in ctx.topics if ctx.k - 1 <= t.k <= ctx.k for m in t.smen]
    if ctx.body and any(m.commit == ctx.body for m in near):
        return [ctx.body]
    return topic(ctx.topics, ctx.k, ctx.lex)


def _side_state(ctx: SubjectContext, pivot: int) -> list[str] | None:
    """A state named as a side before the stance cue in the sentence ("Wir haben von amerikanischer
    Seite gehört, dass man bereit ist": the US; ``side_nouns`` right after the state's word)."""
    cur = _current_topic(ctx)
    for m in reversed(cur.smen if cur else []):
        if m.end > pivot or not m.commit or m.blocked:
            continue
        nxt = WORD.findall(ctx.low, m.end, m.end + 12)[:1]
        if nxt and nxt[0] in ctx.lex.side_nouns:
            return [m.commit]
    return None


def _opens_blocked(ctx: SubjectContext, c0: int, cand: list[ActorRef]) -> bool:
    """Ukraine or Russia near the start of the clause, with no impersonal subject before it (in "Man
    werde die Ukraine unterstützen" Ukraine is the object) and not as the speaker of a reported clause
    that opens with a committing state."""
    if not cand or not cand[0].blocked or not _near_start(ctx, c0, cand[0].start):
        return False
    # "Zelensky said Britain and France will send troops": the speaker reports another's commitment
    nxt = next((m for m in cand[1:] if m.commit and not m.blocked), None)
    if nxt is not None and _speaks_next(ctx, cand[0].end) and _opens_reported(ctx, cand[0].end, nxt.start):
        return False
    return not _refers(ctx.low, c0, cand[0].start, ctx.lex.group_pronouns, ctx.lex)


def _speaks_next(ctx: SubjectContext, pos: int) -> bool:
    """Whether a verb of saying is among the first three words after ``pos`` ("Zelensky said",
    "Selenskyj sagte am Dienstag", "Zelensky has told reporters")."""
    return any(w in ctx.lex.speech_verbs for w in WORD.findall(ctx.low, pos, pos + 40)[:3])


def _partner_alone(ctx: SubjectContext, pool: list[ActorRef], blocked: list[ActorRef], cmen: list[ActorRef],
                   chits: list[Hit]) -> list[str]:
    """No committing subject, Ukraine named after an opening adverbial ("Am Samstag hat Präsident
    Selenskyj Sicherheitsabkommen mit Kanada unterzeichnet"): the partners of the agreement."""
    return [] if pool or not blocked else _partner(ctx, cmen, chits)


def _partner(ctx: SubjectContext, cmen: list[ActorRef], chits: list[Hit]) -> list[str]:
    """Ukraine signing with a state: the states named right after a partner preposition behind an
    agreement cue commit ("Kyiv has concluded security agreements with Spain and Norway")."""
    cue = next((h for h in chits if h.kind == "type" and h.label in ctx.lex.partner_types), None)
    if cue is None:
        return []
    for i, m in enumerate(cmen):
        prev = WORD.findall(ctx.low, max(cue.end, m.start - 12), m.start)[-1:]
        if m.start < cue.end or _breaks_partner(ctx, ctx.low[cue.end:m.start]):
            continue
        if m.commit and not m.blocked and prev and prev[0] in ctx.lex.partner_preps:
            return _ids(_partner_chain(ctx, m, [r for r in cmen[i + 1:] if not r.blocked]))
    return []


def _partner_chain(ctx: SubjectContext, first: ActorRef, rest: list[ActorRef]) -> list[ActorRef]:
    """The partners joined to ``first``, also over a repeated partner preposition ("mit Kanada und mit
    Spanien", "with Norway and with Spain")."""
    out, end = [first], first.end
    for m in rest:
        gap = ctx.text[end:m.start]
        if m.commit == out[-1].commit and _OFFICE_NAME.fullmatch(gap):
            end = m.end  # "US-Präsident Joe Biden", "dem japanischen Premierminister Fumio Kishida"
            continue
        words = gap.split()
        if words and words[-1].lower() in ctx.lex.partner_preps:
            gap = gap[:gap.lower().rstrip().rfind(words[-1].lower())]
        if not ctx.lex.clauses["coord"].match(gap):
            break
        out.append(m)
        end = m.end
    return out


#: an office between a state and the name of its holder ("-Präsident ", " Premierminister ")
_OFFICE_NAME = re.compile(r"-?\s*(?:[\w.]+\s+){1,3}")


def _breaks_partner(ctx: SubjectContext, gap: str) -> bool:
    """Whether the text between an agreement cue and a state ends the partner phrase: a comma or a
    semicolon, or a colon that no partner preposition follows ("hat drei Abkommen geschlossen: mit
    Schweden, …" keeps it)."""
    if "," in gap or ";" in gap:
        return True
    after = gap.rsplit(":", 1)[1].split() if ":" in gap else []
    return ":" in gap and (not after or after[0] not in ctx.lex.partner_preps)


def _helped(ctx: SubjectContext, c1: int, first: ActorRef) -> list[str]:
    """Ukraine as the subject of a passive without an agent ("Ukraine's forces will be supported in
    rebuilding their army", "Ukraine will be given air defence systems"): the one who helps is the
    subject of the sentences before."""
    pas = ctx.lex.passive
    words = WORD.findall(ctx.low, first.end, min(c1, first.end + 40))[:4]
    i = next((j for j, w in enumerate(words) if w in pas.auxiliaries), None)
    if i is None or i + 1 >= len(words) or words[i + 1] not in ctx.lex.helped:
        return []
    if any(w in pas.agents for w in WORD.findall(ctx.low, first.end, c1)):
        return []
    return topic(ctx.topics, ctx.k, ctx.lex) or []


def _opens_reported(ctx: SubjectContext, c0: int, pos: int) -> bool:
    """Whether ``pos`` lies within two words of the start of a reported clause ("Healey has announced
    that European forces are ready …"): after the clause's last verb of saying and its complementizer."""
    words = WORD.findall(ctx.low, c0, pos)
    said = [i for i, w in enumerate(words) if w in ctx.lex.speech_verbs]
    if not said:
        return False
    rest = [w for w in words[said[-1] + 1:] if w not in ctx.lex.complementizers]
    return len(rest) <= 2


def _state_before(ctx: SubjectContext, c0: int, h: Hit, cmen: list[ActorRef]) -> bool:
    """Whether a state opens the clause before the collective words, with no verb of saying between
    ("Großbritannien will europäische Truppen schicken": the state, not the Europeans, commits)."""
    for m in cmen:
        if c0 <= m.start and m.end <= h.start and m.commit and not (m.actor or "").startswith("person:") \
                and not is_obj(ctx.low, m, ctx.lex):
            return not any(w in ctx.lex.speech_verbs for w in WORD.findall(ctx.low, m.end, h.start))
    return False


def _collective(ctx: SubjectContext, coll: list[Hit]) -> str | None:
    """The body a collective subject at the clause start stands for: the article's collective body,
    else, for a group noun ("Die Verbündeten", "Ukraine's allies", "the partners"), the counted group."""
    if not coll:
        return None
    if ctx.body:
        return ctx.body
    group = ctx.lex.count_noun_rx.fullmatch(ctx.low, coll[0].start, coll[0].end)
    return ctx.lex.counted_group if group else None


def _complement(ctx: SubjectContext, coll: Hit, m: ActorRef) -> bool:
    """Whether ``m`` is the genitive complement of the collective noun ("die Verbündeten der Ukraine",
    "the allies of Ukraine"), not a subject of its own."""
    gap = WORD.findall(ctx.low, coll.end, m.start)
    return len(gap) == 1 and gap[0] in ctx.lex.owners.genitive_articles | ctx.lex.owners.agent_prepositions


def _named_group(ctx: SubjectContext, c0: int, pivot: int, pool: list[ActorRef]) -> list[str] | None:
    """A group named by an adjective at the start of the clause ("Die drei baltischen Staaten haben
    angekündigt …") is its members, unless a named state stands before it."""
    m = ctx.lex.group_rx.search(ctx.text, c0, pivot)
    if m is None or not _near_start(ctx, c0, m.start()) or any(p.end <= m.start() for p in pool):
        return None
    return list(ctx.lex.group_members.get(m.group(1).lower(), ())) or None


def _pivot(ctx: SubjectContext, st: Hit | None, c1: int, pool: list[ActorRef]) -> int:
    """Where the subject is looked for before: the stance cue, or the end of a reported-speech
    pattern that opens with the speech verb and names an actor ("Merz said Italy would ..." -> Italy,
    not Merz; but "Rutte said the alliance would ..." keeps the speaker)."""
    if st is None:
        return c1
    first = WORD.match(ctx.low, st.start)
    if first and first.group(0) in ctx.lex.speech_verbs and any(
            first.end() <= m.start and m.end <= st.end for m in pool):
        return st.end
    return st.start


def _passive_agent(ctx: SubjectContext, c0: int, c1: int, cmen: list[ActorRef],
                   pool: list[ActorRef]) -> list[str] | None:
    """The agent of a passive clause does what it says ("Die Absicherung des Luftraums würde von der
    Koalition übernommen", "soll von den Amerikanern übernommen werden", "would be led by France"):
    a mention after an agent preposition, a passive auxiliary in the clause, and a participle right
    after the mention (German) or right before the preposition (English). Not when a subject stands
    before it ("Frankreich will die Truppe führen, die von Deutschland ausgebildet wird")."""
    pas = ctx.lex.passive
    if not any(w.group(0) in pas.auxiliaries for w in WORD.finditer(ctx.low, c0, c1)):
        return None
    for m in cmen:
        if not m.commit or m.blocked or not c0 <= m.start < c1:
            continue
        if any(p.end <= m.start for p in pool):
            return None
        before = WORD.findall(ctx.low, max(c0, m.start - 40), m.start)
        if before and before[-1] in pas.articles:
            before = before[:-1]
        if not before or before[-1] not in pas.agents:
            continue
        nxt = WORD.findall(ctx.text, m.end, min(c1, m.end + 30))[:1]
        german = bool(nxt) and nxt[0].islower() and nxt[0].endswith(pas.participle_endings)
        english = (len(before) >= 3 and before[-2].endswith(pas.participle_endings)
                   and before[-3] in pas.auxiliaries)
        if german or english:
            return _ids(chain(ctx.text, m, [r for r in cmen if r.start > m.start], ctx.lex.clauses["coord"]))
    return None


def _reported(pool: list[ActorRef], c0: int, head: int, pivot: int) -> list[ActorRef]:
    """Without the speakers of reported speech: the mentions after ``head`` (or after the stance cue)."""
    return pool if head <= c0 else [m for m in pool if m.start >= head or m.end > pivot]


def _near_start(ctx: SubjectContext, c0: int, pos: int) -> bool:
    return len(WORD.findall(ctx.low[c0:pos])) <= 3


def _sources(ctx: SubjectContext, cmen: list[ActorRef], pivot: int) -> list[ActorRef]:
    """The sources of an offer and the states listed after them ("aus Dänemark, Estland und Litauen")."""
    named = [m for m in cmen if m.commit and not m.blocked and m.start >= pivot]
    first = next((i for i, m in enumerate(named) if _after_source(ctx, m)), None)
    return named[first:] if first is not None else []


_LIST_GAP = re.compile(r"^[\s\"'„“”«»]*(?:der|die|das|den|dem|the)?\s*$", re.I)


def _colon_list(ctx: SubjectContext, c0: int, c1: int, pool: list[ActorRef],
                cmen: list[ActorRef], blocked: list[ActorRef]) -> list[str] | None:
    """The states listed right after a colon ("eine Absage: Griechenland, die Slowakei und Ungarn"), or
    after a list opener that follows a counted group ("Neun Staaten haben abgesagt, darunter Ungarn,
    die Slowakei und Malta"; the opener is a preposition, so the names are no objects here)."""
    opener = ctx.lex.list_open_rx.search(ctx.text, c0, c1)
    if opener is None:
        return None
    if ctx.text[opener.start()] != ":":
        group = (ctx.lex.count_rx.search(ctx.text, c0, opener.start())
                 or ctx.lex.list_head_rx.search(ctx.low, c0, opener.start()))
        if group is None or not _near_start(ctx, c0, group.start()):
            return None  # "Truppen in mehrere Länder, darunter Polen": the places, not the subject
        pool = [m for m in cmen if m.commit and not m.blocked]
    after = [m for m in pool if m.start >= opener.end()]
    if not after or not _LIST_GAP.match(ctx.text[opener.end():after[0].start]):
        return None
    group = chain(ctx.text, after[0], after[1:], ctx.lex.clauses["coord"], blocked)
    # one state named after a counted group commits too ("Several countries, including Germany, are ready")
    return _ids(group) if len(group) > 1 or ctx.text[opener.start()] != ":" else None


def _after_speech(ctx: SubjectContext, c0: int, pivot: int, pool: list[ActorRef]) -> int:
    """Where the reported clause starts: after the last speech verb before the stance cue that has an
    actor or a counted group after it ("Tusk says Germany will", "Macron said 26 countries have")."""
    for m in reversed(list(WORD.finditer(ctx.low, c0, pivot))):
        if m.group(0) in ctx.lex.addressee_verbs:
            # "Merz told Macron that Germany would …": the reported clause opens after "that"
            that = next((w for w in WORD.finditer(ctx.low, m.end(), pivot)
                         if w.group(0) in ctx.lex.complementizers), None)
            if that is not None and any(that.end() <= r.start and r.end <= pivot for r in pool):
                return that.end()
        if m.group(0) in ctx.lex.speech_verbs:
            if any(m.end() <= r.start and r.end <= pivot for r in pool) or (
                    _count_in(ctx, m.end(), pivot) and ctx.lex.count_rx.search(ctx.text, m.end(), pivot)):
                return m.end()
            return c0
    return c0


def _count_in(ctx: SubjectContext, a: int, b: int) -> bool:
    """Whether a counted group of states ("26 countries") may lie in ``text[a:b]`` (its noun is there)."""
    i = bisect_left(ctx.count_nouns, a)
    return i < len(ctx.count_nouns) and ctx.count_nouns[i] < b


def _counted(ctx: SubjectContext, c0: int, pivot: int, pool: list[ActorRef]) -> list[str] | None:
    """A counted group of states as the subject ("26 countries have committed") is the coalition."""
    m = ctx.lex.count_rx.search(ctx.text, c0, pivot) if _count_in(ctx, c0, pivot) else None
    if m is None or any(m.end() <= r.start and r.end <= pivot and not _sourced(ctx, m.end(), r)
                        for r in pool):
        return None
    if any(r.end <= m.start() and r.end > c0 for r in pool):
        return None  # "France and 25 other countries": the named state is the subject
    if _count_refers(ctx, m.start()):
        back = _group_before(ctx)
        if len(back) > 1:
            return back  # "Die drei Staaten wollen ...": the states named just before
    group = ctx.body or ctx.lex.counted_group
    return [group] if group else None


def _reported_group(ctx: SubjectContext, c0: int, pivot: int, pool: list[ActorRef]) -> list[str] | None:
    """"Macron said the countries committed to …": a group named with a determiner right after a speech
    verb is the group spoken of before (the states named just before, else the counted group), not the
    speaker's state."""
    toks = list(WORD.finditer(ctx.low, c0, pivot))
    for i, t in enumerate(toks[:-2]):
        if t.group(0) not in ctx.lex.speech_verbs:
            continue
        j = i + 1 + (toks[i + 1].group(0) in ctx.lex.complementizers)
        if j + 1 >= len(toks) or toks[j].group(0) not in ctx.lex.count_anaphors:
            return None
        noun = toks[j + 1]
        if ctx.lex.count_noun_rx.fullmatch(ctx.low, noun.start(), noun.end()) is None or any(
                noun.end() <= r.start and r.end <= pivot for r in pool):
            return None
        back = _group_before(ctx)
        if len(back) > 1:
            return back
        group = ctx.body or ctx.lex.counted_group
        return [group] if group else None
    return None


def _sourced(ctx: SubjectContext, a: int, r: ActorRef) -> bool:
    """Whether mention ``r`` stands in a source phrase opened after ``a`` ("Sechsundzwanzig Staaten
    haben sich nach Angaben des französischen Präsidenten verpflichtet": France is the source)."""
    src = ctx.lex.source_phrase_open_rx.search(ctx.low, a, r.start)
    return src is not None and "," not in ctx.low[src.end():r.start]


def _group_before(ctx: SubjectContext) -> list[str]:
    """The subject group of the latest earlier sentence that has a subject (``topic_window``)."""
    for t in reversed(ctx.topics):
        if t.k >= ctx.k:
            continue
        if ctx.k - t.k > ctx.lex.topic_window:
            break
        group = t.group(ctx.lex)
        if group:
            return group
    return []


def _count_refers(ctx: SubjectContext, start: int) -> bool:
    """Whether the counted group right after ``start`` refers back ("die drei Staaten", "these two
    countries"): a determiner of ``count_anaphors`` stands right before it."""
    prev = WORD.findall(ctx.low, max(0, start - 12), start)[-1:]
    return bool(prev) and prev[0] in ctx.lex.count_anaphors and not ctx.low[start - 1:start].isalnum()


def _after_source(ctx: SubjectContext, m: ActorRef) -> bool:
    """Whether the mention follows a source preposition ("aus Dänemark", "from Belgium", also with
    an article: "from the United States", "aus den Niederlanden")."""
    prev = WORD.findall(ctx.low, max(0, m.start - 24), m.start)[-2:]
    if prev and prev[-1] in ctx.lex.owners.genitive_articles | ctx.lex.passive.articles:
        prev = prev[:-1]
    return bool(prev) and prev[-1] in ctx.lex.source_preps


def _inside_clause(ctx: SubjectContext, c0: int, m: ActorRef) -> bool:
    """Whether a word of its clause other than a coordinator stands before ``m`` (a clause cut at
    ", and" opens with it)."""
    return c0 == 0 or any(w not in ctx.lex.object_coordinators for w in WORD.findall(ctx.low, c0, m.start))


def _inside(m: ActorRef, spans: list[tuple[int, int]]) -> bool:
    return any(a <= m.start and m.end <= b for a, b in spans)


def _candidates(ctx: SubjectContext, cmen: list[ActorRef], chits: list[Hit],
                after: int | None, c0: int) -> list[ActorRef]:
    """Mentions that can be the subject: not objects (a mention that opens its clause is none: "…
    forces in Ukraine, and Italy rules out …"), not inside a type cue, after a collective subject."""
    spans = [(h.start, h.end) for h in chits if h.kind == "type"]
    cand = [m for m in cmen if not (is_obj(ctx.low, m, ctx.lex) and _inside_clause(ctx, c0, m))
            and not _inside(m, spans) and not _attributive(ctx, m)
            and ctx.lex.treaty_rx.match(ctx.text, m.end) is None
            and ctx.lex.negated_rx.search(ctx.text, max(0, m.start - 8), m.start) is None
            and not _DATELINE_PIPE.match(ctx.text, m.end)]
    return cand if after is None else [m for m in cand if m.start >= after]


_AGENT_ARTICLE = re.compile(r"\b(?:von|vom|den|dem|der)\s+$")


def _attributive(ctx: SubjectContext, m: ActorRef) -> bool:
    """A state after an agent article and before a participle and a noun describes the noun ("eine von
    Frankreich geführte und den USA unterstützte Truppe"); "Deutschland unterstützte Kiew" is a verb."""
    return _AGENT_ARTICLE.search(ctx.low, max(0, m.start - 8), m.start) is not None and \
        ctx.lex.attributive_rx.match(ctx.text, m.end) is not None


def _refers(low: str, a: int, b: int, words: frozenset[str], lex: Lexicon) -> bool:
    """Whether ``low[a:b]`` holds a pronoun (or anaphor) of ``words`` that refers back: "es" and
    "it" in an expletive phrase ("es gibt", "it is unclear whether") do not."""
    hits = [m for m in WORD.finditer(low, a, b) if m.group(0) in words]
    if not hits:
        return False
    idle = [(e.start(), e.end()) for e in lex.expletive_rx.finditer(low, max(0, a - 12), b + 40)]
    return any(not any(s <= m.start() < e for s, e in idle) for m in hits)


def _body_refers(low: str, c0: int, pivot: int, lex: Lexicon) -> bool:
    """Whether the clause names a state's body without its state before the stance cue ("Das
    Verteidigungsministerium kündigte an", "The ministry will", "Sein Land werde"; ``body_anaphors``
    right after one of ``body_determiners``)."""
    words = WORD.findall(low, c0, pivot)
    return any(w in lex.body_anaphors and i and words[i - 1] in lex.body_determiners
               for i, w in enumerate(words)) or lex.body_phrase_rx.search(low, c0, pivot) is not None


def _subject_from_pool(ctx: SubjectContext, c0: int, c1: int, pool: list[ActorRef], pivot: int,
                       coll: list[Any], sources: list[ActorRef], body: str | None, cmen: list[ActorRef],
                       blocked: list[ActorRef]) -> list[str] | None:
    """The subject from the pool of committing mentions (``cmen``: all mentions of the clause,
    ``blocked``: those that commit nothing but keep a list going)."""
    low, lex, rx = ctx.low, ctx.lex, ctx.lex.clauses["coord"]
    before = [m for m in pool if m.end <= pivot]
    if before:
        rest = pool[pool.index(before[0]) + 1:]
        group = _nearest_group(ctx, before, pivot, blocked) or chain(ctx.text, before[0], rest, rx, blocked)
        return _ids(group + _joint_subjects(ctx, group[-1], pivot, cmen)) + _others(ctx, group[-1], pivot)
    impersonal = _impersonal(ctx, c0, pivot)
    if impersonal:
        return impersonal
    if _refers(low, c0, pivot, lex.pronouns | lex.anaphors, lex) or _body_refers(low, c0, pivot, lex):
        speaker = _quote_speaker(ctx, c0, c1, pool, pivot)
        if speaker:
            return speaker  # „Wir werden … schicken“, sagte Merz
        if ctx.same and ctx.prev_actor:
            return ctx.prev_actor  # "Turkey has offered ..., but it has not said whether ..."
        earlier = _earlier_in_sentence(ctx, c0)
        if earlier:
            return earlier  # "While Trump has said the US is willing to help, he has ruled out …"
        t = topic(ctx.topics, ctx.k, lex)
        if t:
            return t
    body = body if coll else None
    if body and coll[0].start <= pivot:
        return [body]
    return _subject_after_pivot(ctx, c1, pool, pivot, body, sources, blocked)


def _blocked_subject(ctx: SubjectContext, c0: int, c1: int, cand: list[ActorRef], cmen: list[ActorRef],
                     chits: list[Hit], blocked: list[ActorRef]) -> list[str] | None:
    """Ukraine or Russia opens the clause: the states of a trailing source ("Die Ukraine soll die Jets
    erhalten, wie Dänemark mitteilte"), else the list it opens, else a partner of an agreement, else
    the helper before a passive of helping."""
    return _trailing_source(ctx, c0, c1, cand, blocked) or _ids(chain(
        ctx.text, cand[0], [m for m in cand[1:] if not m.blocked], ctx.lex.clauses["coord"], blocked)
    ) or _partner(ctx, cmen, chits) or _helped(ctx, c1, cand[0])


def _trailing_source(ctx: SubjectContext, c0: int, c1: int, cand: list[ActorRef],
                     blocked: list[ActorRef]) -> list[str] | None:
    """The states of a source clause that ends a clause whose subject commits nothing."""
    m = ctx.lex.trailing_source_rx.search(ctx.low, c0, c1)
    named = [r for r in cand if m and r.start >= m.start() and not r.blocked and r.commit]
    if not named:
        return None
    return _ids(chain(ctx.text, named[0], named[1:], ctx.lex.clauses["coord"], blocked))


_POSSESSIVE = re.compile(r"(?:'s|’s)$")


def _others(ctx: SubjectContext, last: ActorRef, pivot: int) -> list[str]:
    """The group a subject heads with "und weitere …" ("Merz und weitere Staats- und Regierungschefs"):
    the article's collective body, else the counted group."""
    m = ctx.lex.others_rx.match(ctx.low, last.end, pivot)
    group = ctx.body or ctx.lex.counted_group
    if m and not m.group(0).lstrip(" ,").startswith(("und", "sowie", "and")):
        # no coordinator: only a possessive of a name that commits nothing ("… and Ukraine's other allies")
        poss = m.group("poss") or _POSSESSIVE.search(ctx.low, last.start, last.end)
        if last.commit or not poss:
            return []
    return [group] if m and group else []


def _subject_after_pivot(ctx: SubjectContext, c1: int, pool: list[ActorRef], pivot: int, body: str | None,
                         sources: list[ActorRef], blocked: list[ActorRef]) -> list[str] | None:
    """No subject before the stance cue: the first actor after it (or the sources of an offer:
    "Zusagen kommen aus ..."), the previous clause's subject, a pronoun's antecedent, or the body."""
    if sources and (not pool or sources[0].start < pool[0].start):
        pool = sources
    if pool:
        group = chain(ctx.text, pool[0], pool[1:], ctx.lex.clauses["coord"], blocked)
        return _ids(_with_repeated_agents(ctx.text, ctx.low, ctx.lex, group, pool))
    if ctx.same and ctx.prev_actor:
        return ctx.prev_actor
    if _refers(ctx.low, pivot, c1, ctx.lex.pronouns, ctx.lex):
        return topic(ctx.topics, ctx.k, ctx.lex)
    return [body] if body else None


def _with_repeated_agents(text: str, low: str, lex: Lexicon, group: list[ActorRef],
                          pool: list[ActorRef]) -> list[ActorRef]:
    """The group and the agents joined to it by a repeated preposition ("signed by Britain in January
    and by Germany and France last week")."""
    while True:
        nxt = next((m for m in pool if m.start >= group[-1].end), None)
        if nxt is None or not lex.repeated_agent_rx.match(low[group[-1].end:nxt.start]):
            return group
        group = group + chain(text, nxt, [m for m in pool if m.start > nxt.start], lex.clauses["coord"])


def possessive_before(text: str, pos: int, cmen: list[ActorRef], lex: Lexicon) -> ActorRef | None:
    """The mention whose possessive or German genitive stands right before the stance noun at ``pos``
    ("Italy's refusal", "Norway’s offer", "Polens Weigerung"), if any."""
    m = next((m for m in reversed(cmen) if m.end <= pos), None)
    if m is None or pos - m.end > 4 or m.kind in ("adjective", "demonym"):
        return None
    surface, gap = text[m.start:m.end], text[m.end:pos]
    for mark in lex.owners.possessive:
        if gap.startswith(mark) and not gap[len(mark):].strip():
            return m  # "Italy" + "'s "
        if surface.endswith(mark) and not gap.strip():
            return m  # the mention's surface holds the mark ("Italy's")
    if gap == " " and surface.endswith("s") and text[pos:pos + 1].isupper():
        return m  # German genitive: "Polens Weigerung", "Macrons Angebot"
    return None


def _genitive_after(text: str, low: str, st: Hit, cmen: list[ActorRef], lex: Lexicon) -> ActorRef | None:
    """The mention right after a stance noun as its genitive or agent ("die Zusage Spaniens", "die
    Absage der Niederlande", "the refusal of Italy", "was rejected by Poland")."""
    found = _name_right_after(low, st, cmen)
    if found is None:
        return None
    m, gap = found
    if gap and gap[0] in lex.owners.agent_prepositions:
        return m
    if not text[st.start:st.start + 1].isupper():
        return None  # only a German noun takes a genitive after it
    return m if (gap and gap[0] in lex.owners.genitive_articles) or (
        not gap and text[m.start:m.end].endswith("s")) else None


def _name_right_after(low: str, st: Hit, cmen: list[ActorRef]) -> tuple[ActorRef, list[str]] | None:
    """The first name mention at most one word after ``st`` (not an adjective or demonym), and the
    words between them."""
    m = next((m for m in cmen if m.start >= st.end), None)
    if m is None or m.start - st.end > 5 or m.kind in ("adjective", "demonym"):
        return None
    gap = low[st.end:m.start].split()
    return (m, gap) if len(gap) <= 1 and all(w.isalpha() for w in gap) else None


def possessor(text: str, low: str, st: Hit, cmen: list[ActorRef], lex: Lexicon) -> list[str] | None:
    """The committing actor that owns stance cue ``st`` by a possessive or genitive ("Italy's refusal
    to send soldiers" -> IT, "die Zusage Spaniens, Schiffe zu stellen" -> ES). ``None``: no owner;
    ``[]``: the owner cannot commit ("Russia's refusal")."""
    m = possessive_before(text, st.start, cmen, lex) or _genitive_after(text, low, st, cmen, lex)
    if m is None:
        return None
    if m.blocked:
        return []
    if not m.commit:
        return None
    if not low[max(0, m.start - 4):m.start].rstrip().endswith(tuple(lex.owners.agent_prepositions)):
        return [m.commit]
    # an agent may be the first of several ("signed by Britain in January and by Germany and France")
    pool = [c for c in cmen if c.start > m.start and c.commit and not c.blocked]
    group = chain(text, m, pool, lex.clauses["coord"])
    return _ids(_with_repeated_agents(text, low, lex, group, pool))


def _nearest_group(ctx: SubjectContext, before: list[ActorRef], pivot: int,
                   blocked: list[ActorRef]) -> list[ActorRef] | None:
    """A subject group right before the stance cue, after a comma that ends the first subject's
    phrase ("Macron welcomed the text, suggesting France and the UK could establish hubs"; "Merz lobte
    den Plan, Frankreich und Großbritannien könnten …"): it does what the cue says, not the first actor."""
    last = before[-1]
    if last is before[0] or ctx.text[last.end:pivot].strip() or last.kind in ("adjective", "demonym"):
        return None
    rx = ctx.lex.clauses["coord"]
    groups, i = [], 0
    while i < len(before):
        g = chain(ctx.text, before[i], before[i + 1:], rx, blocked)
        groups.append(g)
        i += len(g)
    if len(groups) < 2 or groups[-1][-1] is not last:
        return None
    gap = ctx.low[groups[-2][-1].end:groups[-1][0].start]
    if "," not in gap or any(w in ctx.lex.object_coordinators for w in WORD.findall(gap)):
        return None  # "Macron, der … Präsident Selenskyj und der britische Premierminister Starmer": a list
    return groups[-1]


def _quote_speaker(ctx: SubjectContext, c0: int, c1: int, pool: list[ActorRef],
                   pivot: int) -> list[str] | None:
    """The speaker's actor when "wir" / "we" before the stance cue stands inside a direct quotation
    that the clause closes with a speech verb and a name („Wir werden … schicken“, sagte Merz; "We
    will …," Starmer said)."""
    own = ctx.lex.owners
    first = next((w for w in WORD.finditer(ctx.low, c0, pivot) if w.group(0) in own.first_person), None)
    if first is None or not any(q in ctx.text[c0:first.start()] for q in own.quote_marks):
        return None
    close = next((i for i in range(pivot, c1) if ctx.text[i] in own.quote_marks), None)
    m = next((m for m in pool if m.start > close), None) if close is not None else None
    if m is None or not _says(ctx, close, m, c1):
        return None
    return [m.commit] if m.commit else None


def _says(ctx: SubjectContext, close: int, m: ActorRef, c1: int) -> bool:
    """Whether a verb of saying joins the quotation closing at ``close`` and the name ``m`` after it
    (at most two words between them: '“, sagte Merz', or right after the name: '," Starmer said')."""
    before = WORD.findall(ctx.low, close, m.start)
    after = WORD.findall(ctx.low, m.end, min(c1, m.end + 20))[:1]
    if len(before) > 2:
        return False
    return any(w in ctx.lex.speech_verbs for w in before) or bool(
        not before and after and after[0] in ctx.lex.speech_verbs)


def leadership_phrases(low: str, lex: Lexicon) -> list[tuple[int, int, int]]:
    """(start, end, where the leader is named) of every leadership phrase of an article, in order
    (one pass; :func:`led_by` takes those inside a clause)."""
    return [(mt.start(), mt.end(), mt.start(mt.lastgroup)) for mt in lex.owners.leadership_rx.finditer(low)
            if mt.lastgroup]


def led_by(ctx: SubjectContext, c0: int, c1: int, thits: list[Hit], cmen: list[ActorRef],
           phrases: list[tuple[int, int, int]]) -> dict[Hit, list[str]]:
    """The states a leadership phrase of the clause names as leading what a type cue names ("an der
    von den USA geleiteten Überwachung", "under American leadership"): type cue -> leaders. Each
    phrase goes to the nearest type cue within ``leadership_distance`` characters."""
    out: dict[Hit, list[str]] = {}
    i = bisect_left(phrases, (c0, -1, -1))
    if not thits or i >= len(phrases) or phrases[i][0] >= c1:
        return out
    starts = {m.start: m for m in cmen if m.commit and not m.blocked}
    for a, b, at in phrases[i:bisect_left(phrases, (c1, -1, -1))]:
        who = starts.get(at) if b <= c1 else None
        if who is None:
            continue
        h = min(thits, key=lambda t: _gap(t, a, b))
        if _gap(h, a, b) <= ctx.lex.owners.leadership_distance:
            # "a group led by Romania, Bulgaria and Turkey": every listed state leads
            rest = [m for m in cmen if m.start > who.start and m.commit and not m.blocked]
            out.setdefault(h, []).extend(_ids(chain(ctx.text, who, rest, ctx.lex.clauses["coord"])))
    return out


def _gap(h: Hit, a: int, b: int) -> int:
    """Characters between a type cue and the stretch ``[a, b)`` (0 when they overlap)."""
    return max(0, a - h.end, h.start - b)


def leader_alone(ctx: SubjectContext, c0: int, h: Hit, st: Hit | None, cmen: list[ActorRef]) -> bool:
    """Whether a led type cue is the subject of its clause ("Macron said the monitoring mechanisms will
    be under American leadership"): it stands before its stance cue, and every state named before it
    in the clause only reports it (not "Italy said it was open to joining a group led by Romania")."""
    if st is not None and st.start < h.start:
        return False
    for m in cmen:
        if m.commit and not m.blocked and c0 <= m.start and m.end <= h.start and not any(
                w in ctx.lex.speech_verbs for w in WORD.findall(ctx.low, m.end, h.start)):
            return False
    return True
