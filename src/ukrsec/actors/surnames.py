"""Pass 2: surnames of gazetteer people, resolved to the person the article introduced by full name,
or to the only gazetteer person with that surname; a namesake ("Hunter Biden") is left out."""

from __future__ import annotations

import difflib
from collections import defaultdict

from ..text import fold as _fold
from .context import CAP_AFTER, cap_before, fold_token
from .gazetteer import Gazetteer, Hit
from .state import Article, Mention


def namesake(text: str, start: int, end: int, pid: str, gz: Gazetteer) -> bool:
    """Whether a surname hit belongs to someone else: another given name (or a hyphenated pair of
    them) before it ("Hunter Biden", "Jens-Peter Biden"),
    or, for surnames that are also given names, a capitalized word after it ("Graham Smith")."""
    prv = cap_before(text, start, 30)
    if prv and all(p in gz.given_names for p in prv.split("-")):  # also "Jens-Peter"
        mine = gz.person_given.get(pid, ())
        g = _fold.fold(prv)
        if mine and max(difflib.SequenceMatcher(None, g, x).ratio() for x in mine) < 0.6:
            return True
    if text[start:end] in gz.given_names:
        nxt = CAP_AFTER.match(text[: end + 30], end)
        if (
            nxt
            and nxt.group(1) not in gz.words.not_name_start
            and fold_token(nxt.group(1)) not in gz.known_tokens
        ):
            return True
    return False


def surname_pass(art: Article) -> None:
    """Add the surname mentions of gazetteer people."""
    introduced = {m.actor_id for m in art.mentions if art.is_person(m.actor_id)}
    by_span: dict[tuple[int, int], list[Hit]] = defaultdict(list)
    for h in art.surname_hits:
        by_span[(h.start, h.end)].append(h)
    for (s, e), hs in sorted(by_span.items()):
        cands = {h.entry.target for h in hs}
        chosen = cands & introduced
        if len(chosen) == 1:
            pid = next(iter(chosen))
        elif len(cands) == 1:
            pid = next(iter(cands))
        else:
            continue
        if not namesake(art.text, s, e, pid, art.gz):
            art.mentions.append(Mention(s, e, pid, "surname"))
    art.mentions.sort(key=lambda m: (m.start, m.end))
