"""Pass 5: role words. An apposition gives a person its role text ("Mark Rutte, der
Nato-Generalsekretär", "EU-Ratspräsident António Costa"); an office-only reference ("der
französische Präsident") becomes a ``role`` mention of the office holder when the text gives the
state or body, the holder is unique and the text names nobody else for it."""

from __future__ import annotations

import re

from ..text import fold as _fold
from .context import next_word, prev_word, sentence_start
from .gazetteer import Hit
from .state import Article, Mention

_NAME_FOLLOWS = re.compile(r"[ \t]+[A-ZÀ-Þ][\w-]+[ \t]+[A-ZÀ-Þ]")
_SCOPED = ("country", "organization")


def _is_state(scope: str | None) -> bool:
    return bool(scope) and len(scope) == 2 and scope.isupper()


def _scope_before(art: Article, h: Hit, by_end: dict[int, Mention]) -> Mention | None:
    """A state or body that ends right before the role word: "US-Präsident", "EU-Ratspräsident",
    "französische Präsident", "Frankreichs Präsident"."""
    text, actors, start = art.text, art.gz.actors, h.start
    if start > 0 and text[start - 1] == "-" and (start - 1) in by_end:  # prefix compound
        return by_end[start - 1]
    j = start
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    m = by_end.get(j) if j < start else None
    if m is None or m.kind not in ("adjective", "name", "metonym"):
        return None
    typ = actors.get(m.actor_id, {}).get("type")
    if typ in _SCOPED and (m.kind != "name" or text[m.start : m.end].endswith("s") or typ == "organization"):
        return m
    return None


def _scope_after(art: Article, h: Hit, by_start: dict[int, Mention]) -> Mention | None:
    """A state or body named right after the role word: "Präsident Frankreichs", "President of
    France", "Präsident der Ukraine"."""
    text = art.text
    after = art.gz.words.scope_after.match(text[h.end : h.end + 12])
    if not after:
        return None
    m = by_start.get(h.end + len(after.group(0)))
    if m is None or m.kind != "name" or art.gz.actors.get(m.actor_id, {}).get("type") not in _SCOPED:
        return None
    return m if after.group(0).strip() or text[m.start : m.end].endswith("s") else None


def role_scope(
    art: Article, h: Hit, by_end: dict[int, Mention], by_start: dict[int, Mention]
) -> tuple[str | None, int]:
    """The state or body a role word belongs to, from the words around it, and the phrase start."""
    m = _scope_before(art, h, by_end)
    if m is not None:
        return m.actor_id, m.start
    m = _scope_after(art, h, by_start)
    if m is not None:
        return m.actor_id, h.start
    return h.entry.scope, h.start


def _give_role(art: Article, owner: Mention, phrase: str, scope: str | None, h: Hit | None) -> None:
    """``phrase`` becomes the owner's role text (if it has none) and a discovered owner's role."""
    if not owner.role_text:
        owner.role_text = phrase
    info = art.discovered.get(owner.actor_id)
    if info is None or (h is not None and not owner.extra.get("unknown")):
        return
    info["role"] = info["role"] or phrase
    if _is_state(scope):
        info["country"] = info["country"] or scope
    if h is not None and not info["kind"] and h.entry.role_kind:
        info["kind"] = h.entry.role_kind


def _person_after(art: Article, end: int, persons_by_start: dict[int, Mention]) -> Mention | None:
    """A person right after a role word, or after a comma: "Präsident NAME", "The Dutch minister, NAME"."""
    text, k = art.text, end
    while k < len(text) and text[k] in " \t":
        k += 1
    if k < len(text) and text[k] == "," and k + 1 not in persons_by_start:
        k += 1
        while k < len(text) and text[k] in " \t":
            k += 1
    return persons_by_start.get(k)


def _names_own_holder(art: Article, h: Hit, persons_by_start: dict[int, Mention]) -> bool:
    """Whether the text names the holder of this office right after the role and its body ("des
    US-Sondergesandten für die Ukraine, General Keith Kellogg"): then no known holder is added."""
    text = art.text
    for k in range(h.end + 1, min(len(text), h.end + 90)):
        if k in persons_by_start and _OWN_HOLDER.fullmatch(text, h.end, k):
            return True
    return False


_OWN_HOLDER = re.compile(
    r"(?:[ \t]+(?:für|for|of|der|des|in|im|am)[ \t]+[^,.;:!?()\n]{1,60})?"
    r"[ \t]*,[ \t]*(?:[A-ZÄÖÜ][\w.-]*[ \t]+)?"  # a comma, then a title or rank ("General")
)


def _office_holder(art: Article, h: Hit, scope: str | None, pstart: int) -> str | None:
    """The unique holder of the office a role word names, unless the text names someone after it
    or the role is a former one."""
    text, gz = art.text, art.gz
    if not h.entry.office:
        return None
    if _NAME_FOLLOWS.match(text[h.end : h.end + 60]) and not sentence_start(text, h.end):
        # "Präsident Someone Unknown": a name follows that we could not read; do not guess
        nxt = next_word(text, h.end)
        if nxt not in gz.words.not_name_start and _fold.fold(nxt) not in gz.known_tokens:
            return None
    if prev_word(text, pstart) in gz.former or text[max(0, pstart - 3) : pstart] in ("Ex-", "ex-"):
        return None
    cands = gz.offices.get((h.entry.office, scope), set()) if scope else set()
    return next(iter(cands)) if len(cands) == 1 else None


def role_pass(art: Article) -> None:
    """Appositions and office-only references of every role hit."""
    text = art.text
    by_end = {m.end: m for m in art.mentions}
    by_start = {m.start: m for m in art.mentions}
    persons_by_start = {
        m.start: m for m in art.mentions if m.actor_id.startswith("person:") or art.is_person(m.actor_id)
    }
    persons_by_end = {m.end: m for m in persons_by_start.values()}
    new: list[Mention] = []
    for h in art.roles:
        scope, pstart = role_scope(art, h, by_end, by_start)
        lo = max(0, pstart - 40)
        after = art.gz.words.appos_after.search(text[lo:pstart])
        owner = persons_by_end.get(lo + after.start()) if after else None
        if owner is not None:  # "Mark Rutte, der Nato-Generalsekretär", "Merz (CDU, Bundeskanzler)"
            _give_role(art, owner, text[pstart : h.end], scope, None)
            continue
        phrase = text[pstart : h.end]
        target = _person_after(art, h.end, persons_by_start)
        if target is not None:
            _give_role(art, target, phrase, scope, h)
            continue
        pid = None if _names_own_holder(art, h, persons_by_start) else _office_holder(art, h, scope, pstart)
        if pid is not None:
            new.append(Mention(pstart, h.end, pid, "role", role_text=phrase))
    art.mentions.extend(new)
