"""Places no gazetteer lists, found by their form: the dateline of a line ("MUSTERSTADT (dpa) - ",
"Musterhausen - "), a word with a German town ending after a place preposition ("in Kleinwaldingen"),
a capitalized word after a place head noun ("im Stadtteil Ostfeldern"). An all-capital dateline word
that the gazetteer knows in its usual spelling ("MÜNCHEN") is that place or state."""

from __future__ import annotations

from .context import fold_token, known_word
from .gazetteer import scan, slug
from .state import Article, Mention

_PLACE_TYPES = ("place", "country")


def _known_place(art: Article, word: str) -> str | None:
    """The id of the place the gazetteer lists under ``word`` as a whole; "" for a state form
    without a place entry; None if it lists none."""
    found = None
    for h in scan(word, art.lang, art.gz):
        kind = art.gz.actors.get(h.entry.target, {}).get("type")
        if h.start == 0 and h.end == len(word) and kind in _PLACE_TYPES:
            if kind == "place":  # a capital in a dateline is the city ("BERLIN (dpa)")
                return h.entry.target
            found = ""  # a state's capital with no city entry ("WASHINGTON —"): no mention, as written
    return found


def _usable(art: Article, s: int, e: int, word: str) -> bool:
    gz = art.gz
    return (
        art.free(s, e)
        and word not in gz.words.not_name_start
        and not known_word(word, gz)
        and word not in gz.given_names
        and word not in gz.known_surnames
        and fold_token(word) not in gz.surnames
    )


def _add(art: Article, s: int, e: int, name: str, pid: str | None = None) -> None:
    if pid is None:
        pid = "place:found:" + slug(name)
        row = {"actor_id": pid, "name": name, "type": "place", "country": None, "role": None,
               "linked": False, "qid": None, "kind": "locality"}  # fmt: skip
        art.found_actors.setdefault(pid, row)
        art.mentions.append(Mention(s, e, pid, "name", extra={"unknown": True}))
    else:
        art.mentions.append(Mention(s, e, pid, "name", extra={"unknown": False}))
    art.occupy(s, e)


def _datelines(art: Article) -> None:
    w = art.gz.words
    for m in w.dateline_start.finditer(art.text):
        s, e = m.span(1)
        word = m.group(1)
        caps = word.isupper() and len(word) >= 3
        if not art.free(s, e) or (not caps and not word[1:].islower()):
            continue
        if caps:
            name = "-".join(p[:1] + p[1:].lower() for p in word.split("-"))
            pid = _known_place(art, name)
            if pid or (pid is None and _usable(art, s, e, name)):
                _add(art, s, e, name, pid)
        elif _usable(art, s, e, word) and ("(" in art.text[e : e + 3] or w.place_find.match("in " + word)):
            _add(art, s, e, word)


def place_pass(art: Article) -> None:
    """Add the places found by their form (after the gazetteer, before organizations and people)."""
    art.occupied = bytearray(len(art.text))
    for m in art.mentions:
        art.occupy(m.start, m.end)
    _datelines(art)
    w = art.gz.words
    for rx in (w.place_head, w.place_find):
        for m in rx.finditer(art.text):
            s, e = m.span(1)
            if _usable(art, s, e, m.group(1)) and not w.noun_end.search(m.group(1)):
                pid = _known_place(art, m.group(1))  # a listed place the gazetteer pass left out
                if pid != "":  # ("der Standort Augsburg"); a state's form stays out
                    _add(art, s, e, m.group(1), pid)
    art.mentions.sort(key=lambda m: (m.start, m.end))
