"""Pass 2b: organizations the gazetteer does not list, from their name forms: acronyms (and the name
they abbreviate when it stands before them in brackets), company names with a legal form, sports
clubs, and names with an organization head ("Deutsche Musterbank", "Institut für Weltwirtschaft",
"das polnische Verteidigungsministerium", which belongs to Poland). They get ids ``org:<slug>`` and
``linked = False``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..text import fold as _fold
from ..text import lexicon as lx
from .context import known_word
from .gazetteer import slug
from .state import Article, Mention
from .words import not_after

_LIST = lx.ListOf(str)
_KEYS = "legal_forms club_prefixes club_suffixes heads head_links not_acronyms generic_before"
SCHEMA = lx.Keys({k: _LIST for k in _KEYS.split()}, {"ministries": lx.MapOf(str)})
_CAP = r"[A-ZÀ-ÖØ-ÞĀ-ſ]"
_WORD = _CAP + r"[\w'’&.-]*[\w&]"
_CAP_BEFORE = re.compile(r"(?<![\w-])(" + _CAP + r"[\w-]*\w)[ \t]+$")
_ADJ = re.compile(r"^" + _CAP + r"[a-zäöüß]+(?:e|en|er|es|em|ische|ischen)$")


def _alt(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) + ")"


@dataclass(frozen=True)
class Forms:
    """The name forms of ``org_forms.yaml`` as expressions."""

    acronym: re.Pattern
    not_acronyms: frozenset[str]
    legal: re.Pattern
    name_before: re.Pattern
    club: re.Pattern
    club_suffix: re.Pattern
    heads: tuple[str, ...]
    after_head: re.Pattern
    generic: frozenset[str]
    ministries: dict[str, str]


@lru_cache(maxsize=8)
def forms(data_dir: str | None = None) -> Forms:
    """The checked name forms (cached per data folder)."""
    d = lx.load("actors/org_forms.yaml", SCHEMA, data_dir)
    return Forms(
        acronym=re.compile(not_after(r"[\w-]", first="[A-ZÄÖÜ]") + r"[A-ZÄÖÜ0-9&]{1,6}(?![\w-])"),
        not_acronyms=frozenset(d["not_acronyms"]),
        # the name word(s) before a legal form or a club suffix are read backwards from it
        legal=re.compile(not_after(r"[\w-]", d["legal_forms"]) + r"(?![\w-])"),
        name_before=re.compile(rf"(?<![\w-])(?:{_WORD}[ \t]+(?:(?:&|und)[ \t]+)?){{1,4}}$"),
        club=re.compile(
            not_after(r"[\w.-]", d["club_prefixes"]) + rf"[ \t]+{_WORD}(?:[ \t]+{_WORD})?(?![\w-])"
        ),
        club_suffix=re.compile(not_after(r"[\w-]", d["club_suffixes"]) + r"(?![\w-])"),
        heads=tuple(sorted(set(d["heads"]))),
        after_head=re.compile(
            rf"[ \t]+{_alt(d['head_links'])}[ \t]+(?:[a-zäöüß]+e[nrms]?[ \t]+)?{_WORD}"
            rf"(?:[ \t]+und[ \t]+{_WORD})?(?![\w-])"
        ),
        generic=frozenset(d["generic_before"]),
        ministries=dict(d.get("ministries") or {}),
    )


def _add(art: Article, s: int, e: int, kind: str, oid: str | None = None, country: str | None = None) -> str:
    name = " ".join(art.text[s:e].split())
    oid = oid or "org:" + slug(name)
    known = art.gz.actors.get(oid)
    if known is None:
        row = {"actor_id": oid, "name": name, "type": "organization", "country": country, "role": None,
               "linked": False, "qid": None, "kind": kind}  # fmt: skip
        art.found_actors.setdefault(oid, row)
    art.mentions.append(Mention(s, e, oid, "name", extra={"unknown": known is None}))
    art.occupy(s, e)
    return oid


def _acronyms(art: Article, f: Forms) -> Iterator[tuple[int, int]]:
    text = art.text
    for m in f.acronym.finditer(text):
        s, e = m.span()
        w = m.group(0)
        if w in f.not_acronyms or sum(c.isalpha() for c in w) < 2 or not art.free(s, e):
            continue
        if known_word(w, art.gz):
            continue
        # a headline or label in capitals: other all-capital words right around it
        if re.match(r"[ \t]+[A-ZÄÖÜ]{2,}(?![\w-])", text[e : e + 12]) or re.search(
            r"(?<![\w-])[A-ZÄÖÜ]{2,}[ \t]+$", text[max(0, s - 12) : s]
        ):
            continue
        yield s, e


def _long_form(art: Article, s: int, acronym: str) -> tuple[int, int] | None:
    """The name an acronym in brackets abbreviates: "Europäische Musteragentur (EMA)"."""
    text = art.text
    if not (text[s - 1 : s] == "(" and text[s + len(acronym) : s + len(acronym) + 1] == ")"):
        return None
    before = text[max(0, s - 120) : s - 1].rstrip()
    words = list(re.finditer(r"[\w'’.-]+", before))
    if not words:
        return None
    letters = [c for c in acronym if c.isalpha()]
    caps = 0
    for i in range(len(words) - 1, max(-1, len(words) - 9), -1):
        w = words[i].group(0)
        if w[:1].isupper():
            caps += 1
            if caps >= len(letters) or w[:1] == letters[0]:
                if caps >= 2 or len(letters) <= 2:
                    start = max(0, s - 120) + words[i].start()
                    end = max(0, s - 120) + words[-1].end()
                    return (start, end) if art.free(start, end) else None
        elif w not in ("für", "der", "des", "und", "of", "for", "the", "and", "de", "du", "la"):
            return None
    return None


def _adjectives_before(text: str, s: int, stop: frozenset[str]) -> int:
    """The start of up to three capitalized adjectives right before ``s`` ("Deutsche", "Frankfurter
    Allgemeine"); ``s`` if there is none."""
    start = s
    for _ in range(3):
        lo = max(0, start - 40)
        m = _CAP_BEFORE.search(text[lo:start])
        if not m or not _ADJ.match(m.group(1)) or m.group(1) in stop:
            break
        start = lo + m.start(1)
    return start


def _with_heads(art: Article, f: Forms) -> Iterator[tuple[int, int]]:
    """Names with an organization head: after capitalized adjectives ("Deutsche Musterbank") or
    before für/der + a name ("Institut für Weltwirtschaft", "Verband der Musterindustrie")."""
    text, stop = art.text, art.gz.words.not_name_start
    low = art.folded if art.folded is not None else _fold.lower(text)
    for m in _CAP_WORDS.finditer(text):
        s, e = m.span()
        if not low.endswith(f.heads, s, e):
            continue
        link = f.after_head.match(text, e)
        start = _adjectives_before(text, s, stop)
        if start < s or link:
            yield start, (link.end() if link else e)


def is_head(word: str, f: Forms) -> bool:
    """Whether ``word`` ends with an organization head ("Musterbank", "Institut")."""
    return word.lower().endswith(f.heads)


_CAP_WORDS = re.compile(not_after(r"[\w-]", first=_CAP) + r"[\w-]*\w")


def _state_adjective(art: Article, s: int) -> Mention | None:
    """The state adjective mention that starts at ``s`` ("Deutsche" of "Deutsche Musterbank")."""
    for m in art.mentions:
        if (
            m.start == s
            and m.kind == "adjective"
            and art.gz.actors.get(m.actor_id, {}).get("type") == "country"
        ):
            return m
    return None


def _ministries(art: Article, f: Forms) -> None:
    """A ministry right after a state adjective or genitive ("das polnische Verteidigungsministerium",
    "Polens Außenministerium"): an organization of that state, named in English when the ministry
    word is in ``org_forms.yaml`` ("Ministry of Defence (Poland)")."""
    gz, text = art.gz, art.text
    for m in list(art.mentions):
        if gz.actors.get(m.actor_id, {}).get("type") != "country" or m.kind not in ("adjective", "name"):
            continue
        nm = _MINISTRY.match(text, m.end, m.end + 60)
        if not nm or not art.free(nm.start(1), nm.end(1)):
            continue
        word = nm.group(1)
        base = re.sub(r"(?:iums|iumes)$", "ium", word)
        english = f.ministries.get(base, base)
        oid = f"org:{m.actor_id.lower()}-{slug(english)}"
        if oid not in art.found_actors and oid not in gz.actors:
            art.found_actors[oid] = {"actor_id": oid, "name": f"{english} ({gz.actors[m.actor_id]['name']})",
                                     "type": "organization", "country": m.actor_id, "role": None,
                                     "linked": False, "qid": None, "kind": "ministry"}  # fmt: skip
        _add(art, nm.start(1), nm.end(1), "ministry", oid, country=m.actor_id)


_MINISTRY = re.compile(r"[ \t]+(" + _CAP + r"\w*[Mm]inisteri(?:um|ums|umes))(?![\w-])")


def _claim(art: Article, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` can become an organization: free, or covering only places and state
    adjectives, which become part of its name ("1. FC Musterstadt", "Deutsche Musterbank")."""
    inside = [m for m in art.mentions if m.start < e and s < m.end]
    if any(m.start < s or m.end > e or not _absorbable(art, m) for m in inside):
        return False
    for m in inside:
        art.mentions.remove(m)
        art.occupied[m.start : m.end] = bytes(m.end - m.start)
    return True


def _absorbable(art: Article, m: Mention) -> bool:
    typ = art.gz.actors.get(m.actor_id, {}).get("type")
    return typ == "place" or (typ == "country" and m.kind in ("adjective", "name"))


def _trim(art: Article, s: int, e: int, f: Forms) -> int:
    """The start after leading function words and generic nouns ("Die", "Firma", "Aufsteiger")."""
    stop = art.gz.words.not_name_start
    for w in re.finditer(r"\S+", art.text[s:e]):
        if w.group(0) not in stop and w.group(0) not in f.generic:
            return s + w.start()
    return e


def _country_of(art: Article, s: int, e: int) -> str | None:
    for m in art.mentions:
        if s <= m.start and m.end <= e and art.gz.actors.get(m.actor_id, {}).get("type") == "country":
            return m.actor_id
    return None


def _named_forms(art: Article, f: Forms) -> None:
    """Companies with a legal form, clubs and names with an organization head."""
    text = art.text
    spans = []
    for rx, kind, words in ((f.legal, "company", f.name_before), (f.club_suffix, "club", _PLACE_ADJ_BEFORE)):
        for m in rx.finditer(text):
            lo = max(0, m.start() - 120)
            name = words.search(text, lo, m.start())
            if name:
                spans.append((name.start(), m.end(), kind))
    spans += [(m.start(), m.end(), "club") for m in f.club.finditer(text)]
    spans += [(s, e, "organization") for s, e in _with_heads(art, f)]
    for s0, e, kind in spans:
        s = _trim(art, s0, e, f)
        if e - s < 3 or " " not in art.text[s:e].strip() and kind != "organization":
            continue
        country = _country_of(art, s, e)
        if _claim(art, s, e):
            _add(art, s, e, kind, country=country)


def _acronym_orgs(art: Article, f: Forms) -> None:
    """Acronyms, with the name before them in brackets and a head or place after them."""
    text = art.text
    seen: dict[str, str] = {}  # acronym -> the id of the name it abbreviates in this article
    for s, e in list(_acronyms(art, f)):
        oid = seen.get(text[s:e]) or _abbreviated(art, s, e)
        if oid is None:
            e = _with_head(art, e, f)  # "HSH Musterbank", "STV Musterdorf"
        else:
            seen.setdefault(text[s:e], oid)
        if _claim(art, s, e):
            _add(art, s, e, "organization", oid)


def _abbreviated(art: Article, s: int, e: int) -> str | None:
    """The id of the name the acronym abbreviates: its long form right before it ("Europäische
    Verteidigungsagentur (EDA)") or an organization already found before its bracket."""
    text = art.text
    long = _long_form(art, s, text[s:e])
    if long:
        return _add(art, long[0], long[1], "organization")
    if text[s - 1 : s] != "(":
        return None
    before = [m for m in art.mentions if m.end == len(text[: s - 1].rstrip())]
    return before[0].actor_id if before and before[0].actor_id.startswith("org:") else None


def _with_head(art: Article, e: int, f: Forms) -> int:
    """The end of an acronym, extended over an organization head or a place right after it."""
    nxt = _NEXT_CAP.match(art.text, e)  # positions of a match from ``e`` are absolute
    if nxt and (is_head(nxt.group(1), f) or _place_at(art, nxt.start(1))):
        return nxt.end()
    return e


def _place_at(art: Article, pos: int) -> bool:
    return any(
        m.start == pos and art.gz.actors.get(m.actor_id, {}).get("type") == "place" for m in art.mentions
    )


_PLACE_ADJ_BEFORE = re.compile(r"(?<![\w-])" + _CAP + r"[\w-]{2,}er[ \t]+$")  # "Hamburger SV"
_NEXT_CAP = re.compile(r"[ \t]+(" + _CAP + r"[\w-]*\w)(?![\w-])")


def organization_pass(art: Article) -> None:
    """Add the organizations found by their name forms."""
    f = forms(art.gz.data_dir)
    art.occupied = bytearray(len(art.text))
    for m in art.mentions:
        art.occupy(m.start, m.end)
    _ministries(art, f)
    _named_forms(art, f)
    _acronym_orgs(art, f)
    art.mentions.sort(key=lambda m: (m.start, m.end))
