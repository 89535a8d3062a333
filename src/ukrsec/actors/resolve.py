"""Pass 1: the gazetteer hits of an article become mentions of states, organizations and people;
role words and surnames are kept for the later passes."""

from __future__ import annotations

import re
from collections import defaultdict

from ..text.doc import line_start
from .context import CAP_AFTER, cap_before, capitalized_neighbour, prev_word, sentence_start
from .gazetteer import Gazetteer, Hit, scan, slug
from .state import Article, Mention

COUNTRY_KINDS = ("name", "adjective", "demonym", "metonym", "capital", "ambiguous")
# the places of a dateline before this one, joined by slashes: "Warschau/Berlin (Reuters) - "
_DATELINE_LEAD = re.compile(r"(?:[^\W\d_][\w.-]*[ \t]*/[ \t]*)+")
_LEAD_MAX = 80  # characters of the line before a dateline's last place


def country_mention(text: str, h: Hit, gz: Gazetteer) -> Mention | None:
    """The mention a state form makes here, or None (a venue, a dateline, part of another name)."""
    e = h.entry
    kind = e.kind
    w = gz.words
    if kind == "ambiguous":
        if capitalized_neighbour(text, h.start, h.end, gz):
            return None
        kind = "name"
    elif kind == "capital":
        if prev_word(text, h.start) in w.place_preps:
            return None
        nxt = CAP_AFTER.match(text, h.end, h.end + 40)
        if nxt and nxt.group(1) not in w.not_name_start and not w.capital_noun.search(nxt.group(1)):
            return None  # "Paris Saint-Germain", "Berlin Brandenburg"
        # the line so far, looked for only in the 80 characters a dateline lead can take
        ls = line_start(text, h.start, _LEAD_MAX)
        lead = text[ls : h.start] if ls is not None else None
        opens_line = lead == "" or (lead is not None and _DATELINE_LEAD.fullmatch(lead) is not None)
        if opens_line and w.dateline.match(text[h.end : h.end + 8]):
            return None  # dateline "Berlin - ...", "LONDON (Reuters)"
        kind = "metonym"
    elif kind == "name" and e.dual and prev_word(text, h.start) in w.plural_articles:
        kind = "demonym"
    return Mention(h.start, h.end, e.target, kind)


def other_states_body(text: str, start: int, oid: str, mentions: list[Mention], gz: Gazetteer) -> bool:
    """Whether a national body's generic name belongs to another state: "the Norwegian Ministry of
    Defence", "Norway's Ministry of Defence" are not the UK's."""
    country = gz.actors[oid].get("country")
    if not country or not mentions:
        return False
    m = mentions[-1]
    if m.actor_id == country or gz.actors.get(m.actor_id, {}).get("type") != "country":
        return False
    gap = text[m.end : start].strip(" \t")
    if m.kind == "adjective":
        return gap == ""
    return m.kind == "name" and (
        gap in ("'s", "’s") or (not gap and text[m.start : m.end].endswith(("'s", "’s")))
    )


def _one_span(art: Article, span: tuple[int, int], hs: list[Hit]) -> None:
    """The mention (or role / surname candidate) of one chosen span."""
    kinds = [h.entry.kind for h in hs]
    if "person" in kinds:  # a full person name wins over anything else
        art.mentions.append(Mention(span[0], span[1], hs[kinds.index("person")].entry.target, "name"))
        return
    if "org" in kinds:
        oid = hs[kinds.index("org")].entry.target
        if not other_states_body(art.text, span[0], oid, art.mentions, art.gz):
            art.mentions.append(Mention(span[0], span[1], oid, "name"))
        return
    country = [h for h in hs if h.entry.kind in COUNTRY_KINDS]
    if country:
        m = country_mention(art.text, country[0], art.gz)
        if m:
            art.mentions.append(m)
            return
    if "role" in kinds:
        art.roles.append(hs[kinds.index("role")])
    elif "surname" in kinds:
        art.surname_hits.extend(h for h in hs if h.entry.kind == "surname")
    elif "place" in kinds:  # a city or region, also a capital that names a venue ("in Berlin")
        m = place_mention(art.text, hs[kinds.index("place")], art.gz)
        if m:
            art.mentions.append(m)


def place_mention(text: str, h: Hit, gz: Gazetteer) -> Mention | None:
    """A place, unless the name is part of a longer one: after a given name ("Peter Hamm") or another
    capitalized word that is no place noun ("Werder Bremen"), or before a capitalized word."""
    w = gz.words
    if gz.actors[h.entry.target].get("kind") == "city" and prev_word(text, h.start).lower() in w.determiners:
        return None  # a city takes no article: "das Buch", "der Roman" are nouns
    nxt = CAP_AFTER.match(text, h.end, h.end + 40)
    genitive = h.entry.genitive and text[h.start : h.end] not in gz.given_names  # "Jonas Muster"
    if nxt and nxt.group(1) not in w.not_name_start and not genitive:
        return None  # "Berlin Brandenburg"; a genitive stands before its noun: "Berlins Bürgermeister"
    prv = cap_before(text, h.start)
    if prv and _joins_name(text, h, prv, genitive, gz):
        return None
    return Mention(h.start, h.end, h.entry.target, "name")


def _joins_name(text: str, h: Hit, prv: str, genitive: bool, gz: Gazetteer) -> bool:
    """Whether the capitalized word before a place makes it part of a longer name ("Werder Bremen"):
    not a function word, place noun or place preposition ("Richtung Berlin"), not at a sentence
    start, and not a noun before a place in the genitive ("die Städte Europas"; but "Peter Hamms")."""
    w = gz.words
    if prv in w.not_name_start or prv in w.place_nouns or prv in w.place_preps:
        return False
    if genitive and text[h.end - 1 : h.end] == "s" and prv not in gz.given_names:
        return False
    return not sentence_start(text, h.start - len(prv) - 1)


def gazetteer_pass(art: Article) -> None:
    """Scan the article once and resolve every chosen span."""
    art.hits = scan(art.text, art.lang, art.gz, art.folded)
    by_span: dict[tuple[int, int], list[Hit]] = defaultdict(list)
    for h in art.hits:
        by_span[(h.start, h.end)].append(h)
    for span, hs in sorted(by_span.items()):
        _one_span(art, span, hs)


def street_pass(art: Article) -> None:
    """Streets and squares named by their form ("Schillerstraße", "Bayreuther Straße") as places."""
    occupied = [(m.start, m.end) for m in art.mentions]
    for m in art.gz.words.street.finditer(art.text):
        s, e = m.span()
        if any(s < b and a < e for a, b in occupied):
            continue
        pid = "place:street:" + slug(m.group(0))
        row = {"actor_id": pid, "name": m.group(0), "type": "place", "country": None, "role": None,
               "linked": False, "qid": None, "kind": "street"}  # fmt: skip
        art.found_actors.setdefault(pid, row)
        art.mentions.append(Mention(s, e, pid, "name", extra={"unknown": True}))
    art.mentions.sort(key=lambda m: (m.start, m.end))
