"""Pass 4 and 6: references back to actors named earlier in the article: the surname alone of a
discovered person, and a bare "Koalition" / "coalition" after the Coalition of the Willing."""

from __future__ import annotations

import re

from .context import prev_word
from .state import Article, Mention


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
