"""References back to actors named earlier in the article: a given name after a title ("Sir Keir"),
the surname alone of a discovered person, and a bare "Koalition" / "coalition" after the Coalition
of the Willing."""

from __future__ import annotations

import re

from ..text import fold as _fold
from .context import prev_word
from .state import Article, Mention


def titled_given_names(art: Article) -> None:
    """A given name after a title that takes one ("Sir Keir", ``words.yaml: given_name_titles``) is
    the one person the article has named in full with that given name (none when two have it)."""
    by_given: dict[str, set[str]] = {}
    for m in art.mentions:
        if art.is_person(m.actor_id):
            for g in art.gz.person_given.get(m.actor_id, ()):
                by_given.setdefault(g, set()).add(m.actor_id)
    if not by_given:
        return
    spans = [(m.start, m.end) for m in art.mentions]
    for m in art.gz.words.titled_given.finditer(art.text):
        s, e = m.span(1)
        ids = by_given.get(_fold.fold(m.group(1)), set())
        if len(ids) == 1 and art.free(s, e) and not any(a < e and s < b for a, b in spans):
            art.add_person(Mention(s, e, next(iter(ids)), "given_name"))
    art.mentions.sort(key=lambda m: (m.start, m.end))


def discovered_surnames(art: Article) -> None:
    """The surname of each discovered person wherever it stands free in the article."""
    for pid, info in art.discovered.items():
        last = info["name"].split()[-1]
        for m in re.finditer(rf"(?<![\w-]){re.escape(last)}(?:s|'s|’s)?(?![\w-])", art.text):
            s, e = m.start(), m.start() + len(last)
            if art.free(s, e):
                art.mentions.append(Mention(s, e, pid, "surname", extra={"unknown": True}))
                art.occupy(s, e)
    art.mentions.sort(key=lambda m: (m.start, m.end))


#: prepositions after which a name stays the state ("leaders of Montenegro", "from Montenegro")
_STATE_PREPS = frozenset({"of", "from", "with", "for", "and", "von", "aus", "mit", "für", "und"})


def homonym_surnames(art: Article) -> None:
    """A person named in full whose surname is also a state's name ("Prime Minister Luís Montenegro",
    a surname the gazetteer never reads alone) is that person again where the bare name stands as a
    subject later on ("Montenegro excluded …"); after a preposition it stays the state ("in Montenegro")."""
    firsts: dict[str, tuple[int, str]] = {}
    for m in art.mentions:
        if art.is_person(m.actor_id) and m.kind not in ("surname", "given_name"):
            for sur in art.gz.person_surnames.get(m.actor_id, ()):
                if sur not in art.gz.surnames and sur not in firsts:
                    firsts[sur] = (m.end, m.actor_id)
    if not firsts:
        return
    words = art.gz.words
    for m in art.mentions:
        hit = firsts.get(_fold.fold(art.text[m.start:m.end]))
        if hit is None or m.start < hit[0] or art.gz.actors.get(m.actor_id, {}).get("type") != "country":
            continue
        prev = prev_word(art.text, m.start)
        if prev in words.place_preps or prev.lower() in _STATE_PREPS:
            continue
        m.actor_id, m.kind = hit[1], "surname"


def coalition(art: Article, actor_id: str = "COALITION") -> None:
    """A bare coalition noun after a determiner, once the article has named the coalition."""
    coal = [m for m in art.mentions if m.actor_id == actor_id]
    if not coal:
        return
    first = min(m.start for m in coal)
    taken = {(m.start, m.end) for m in art.mentions}
    words = art.gz.words
    for m in words.coalition.finditer(art.text):
        if m.start() <= first or (m.start(), m.end()) in taken:
            continue
        if any(m.start() >= s and m.end() <= e for s, e in taken):
            continue
        if prev_word(art.text, m.start()).lower() in words.coalition_determiners:
            art.mentions.append(Mention(m.start(), m.end(), actor_id, "name"))
