"""The gazetteer: states, organizations, people and role words from ``data/actors/``, checked on load
and compiled into one :class:`~ukrsec.text.Matcher`; :func:`scan` is the one matching pass per article.

Every surface form becomes one case-exact pattern over the accent-folded text (a lower-case form is
also accepted capitalized, for sentence starts; abbreviations only as written); a pattern carries
every :class:`Entry` (what the form resolves to) that has that form. The longest non-overlapping hits
win (:func:`ukrsec.text.filter_spans`), and a hit keeps every entry of its form.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import data_path, read_jsonl
from ..text import Matcher, Pattern, Span, filter_spans
from ..text import fold as _fold
from ..text import lexicon as lx
from . import words as _words

_STRS = lx.ListOf(str)
COUNTRY = lx.Keys(
    {"id": str, "name": str},
    {
        "qid": lx.OneOf(str, type(None)), "un_member": bool, "names": _STRS, "adjectives": _STRS,
        "demonyms": _STRS, "dual": _STRS, "metonyms": _STRS, "capitals": _STRS, "ambiguous": _STRS,
        "lang_only": lx.MapOf(str),
    },
)  # fmt: skip
ORGANIZATION = lx.Keys(
    {"id": str, "name": str},
    {"type": str, "kind": str, "aliases": _STRS, "exact": _STRS, "qid": str, "country": str},
)
PERSON = lx.Keys(
    {"id": str, "name": str},
    {
        "given": lx.OneOf(str, _STRS), "surname": lx.OneOf(str, _STRS), "aliases": _STRS, "country": str,
        "role": str, "offices": _STRS, "kind": str, "qid": str, "surname_alone": bool,
    },
)  # fmt: skip
PLACE = lx.Keys({"id": str, "name": str, "kind": str, "names": _STRS}, {"country": str})
ROLE = lx.Keys({"office": str, "words": _STRS}, {"scope": str, "kind": str})
ROLES = lx.Keys(
    {"roles": lx.ListOf(ROLE)},
    {"blockers": _STRS, "former": _STRS, "speech_verbs": _STRS, "source_markers": _STRS},
)
COUNTRY_FORMS = (
    ("name", "names"), ("adjective", "adjectives"), ("demonym", "demonyms"), ("metonym", "metonyms"),
    ("capital", "capitals"), ("ambiguous", "ambiguous"),
)  # fmt: skip
_SURNAME_NO_S = ("s", "x", "z", ".", "ß")


@dataclass(frozen=True)
class Entry:
    """One pattern: what it resolves to and how it must look in the text."""

    cased: str  # accent-folded, case as it must appear
    target: str | None  # actor_id, or None for blockers
    kind: str  # name adjective demonym metonym capital ambiguous org person surname role place block
    exact: bool = False  # case must match exactly (abbreviations)
    lang: str | None = None
    office: str | None = None
    scope: str | None = None
    role_kind: str | None = None
    dual: bool = False  # a state name that is also the plural demonym ("Polen")
    genitive: bool = False  # a generated genitive form of a place ("Berlins")


@dataclass(slots=True)
class Hit:
    """A chosen gazetteer hit: ``text[start:end]`` and one entry of its form."""

    start: int
    end: int
    entry: Entry


@dataclass
class Gazetteer:
    """Everything the stage knows, compiled once per data folder."""

    matcher: Matcher
    actors: dict[str, dict]
    surnames: dict[str, set[str]]  # folded surname -> person ids
    offices: dict[tuple[str, str], set[str]]
    given_names: frozenset[str]
    former: frozenset[str]
    speech_verbs: frozenset[str]
    source_markers: tuple[str, ...]
    role_words: frozenset[str]
    known_tokens: frozenset[str]  # folded single words that are states, orgs, roles
    words: _words.Words
    person_given: dict[str, tuple[str, ...]] = field(default_factory=dict)  # id -> folded given names
    person_surnames: dict[str, tuple[str, ...]] = field(default_factory=dict)  # id -> folded surnames
    known_surnames: frozenset[str] = frozenset()  # surnames.txt: a lone one in a person context
    given_nouns: frozenset[str] = frozenset()  # given_nouns.txt: given names that are also nouns
    # folded role nouns (5+ letters) that end closed German compounds: "Militär|analysten"
    role_suffixes: dict[str, str] = field(default_factory=dict)
    known_cache: dict[str, bool] = field(default_factory=dict)  # context.known_word results
    data_dir: str | None = None


def _as_list(v: object) -> list:
    if v is None:
        return []
    return [v] if isinstance(v, str) else list(v)


def slug(s: str) -> str:
    """The id form of a name: ASCII, lower case, words joined by ``-`` ("Élysée" -> "elysee")."""
    f = unicodedata.normalize("NFKD", s.replace("ß", "ss"))
    f = "".join(c for c in f if not unicodedata.combining(c)).lower()
    f = "".join(_fold.SPECIAL.get(c, c) for c in f)
    return re.sub(r"[^a-z0-9]+", "-", f).strip("-")


def _records(name: str, schema: lx.Keys, data_dir: str | None) -> list[dict]:
    source = str(data_path(name, data_dir))
    return [lx.check(r, schema, f"record {i + 1}", source) for i, r in enumerate(read_jsonl(name, data_dir))]


def _actor(r: dict, type_: str, **over: object) -> dict:
    row = {"actor_id": r["id"], "name": r["name"], "type": type_, "country": r.get("country"),
           "role": r.get("role"), "linked": True, "qid": r.get("qid"), "kind": r.get("kind")}  # fmt: skip
    row.update(over)
    return row


class _Builder:
    """Collects entries by folded surface while the data files are read."""

    def __init__(self) -> None:
        self.entries: dict[str, list[Entry]] = defaultdict(list)
        self.actors: dict[str, dict] = {}
        self.known: set[str] = set()
        self.surnames: dict[str, set[str]] = defaultdict(set)
        self.offices: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.person_given: dict[str, tuple[str, ...]] = {}
        self.person_surnames: dict[str, tuple[str, ...]] = {}
        self.role_words: set[str] = set()
        self.suffixes: dict[str, str] = {}
        self.capitals: dict[str, list[str]] = {}  # state id -> the forms of its capital

    def add(self, surface: str, target: str | None, kind: str, **kw: object) -> None:
        surface = surface.strip()
        if not surface:
            return
        entry = Entry(_fold.fold_case(surface), target, kind, **kw)
        lst = self.entries[_fold.fold(surface)]
        if entry not in lst:
            lst.append(entry)

    def countries(self, data_dir: str | None) -> None:
        for r in _records("actors/countries.jsonl", COUNTRY, data_dir):
            cid = r["id"]
            self.actors[cid] = _actor(r, "country", country=cid, role=None, kind="state")
            lang_only, dual = r.get("lang_only") or {}, set(r.get("dual") or [])
            self.capitals[cid] = list(r.get("capitals") or [])
            for kind, field_ in COUNTRY_FORMS:
                for s in r.get(field_) or []:
                    exact = kind == "name" and (s.isupper() or "." in s)
                    self.add(s, cid, kind, exact=exact, lang=lang_only.get(s), dual=s in dual)
                    if " " not in s:
                        self.known.add(_fold.fold(s))

    def organizations(self, data_dir: str | None) -> None:
        for r in _records("actors/organizations.jsonl", ORGANIZATION, data_dir):
            oid = r["id"]
            self.actors[oid] = _actor(r, r.get("type", "organization"), role=None)
            for s in r.get("aliases") or []:
                self.add(s, oid, "org")
                if " " not in s:
                    self.known.add(_fold.fold(s))
            for s in r.get("exact") or []:
                self.add(s, oid, "org", exact=True)
                self.known.add(_fold.fold(s))

    def people(self, data_dir: str | None) -> None:
        for r in _records("actors/people.jsonl", PERSON, data_dir):
            pid = r["id"]
            self.actors[pid] = _actor(r, "person", kind=r.get("kind", "person"))
            given, sur = _as_list(r.get("given")), _as_list(r.get("surname"))
            self.person_given[pid] = tuple(_fold.fold(g) for g in given)
            self.person_surnames[pid] = tuple(_fold.fold(x) for x in sur)
            fulls = {f"{g} {s}" for g in given for s in sur} | set(_as_list(r.get("aliases"))) | {r["name"]}
            for f in fulls:
                self._with_genitive(f, pid, "person")
            if r.get("surname_alone", True):
                for s in sur:
                    self._with_genitive(s, pid, "surname")
                    self.surnames[_fold.fold(s)].add(pid)
            for o in _as_list(r.get("offices")):
                off, _, scope = o.partition("@")
                self.offices[(off, scope or (r.get("country") or ""))].add(pid)

    def places(self, data_dir: str | None) -> None:
        if not data_path("actors/places.jsonl", data_dir).exists():
            return
        for r in _records("actors/places.jsonl", PLACE, data_dir):
            self.actors[r["id"]] = _actor(r, "place", role=None)
            for n in r["names"] + self._capital_forms(r):
                self.add(n, r["id"], "place")
                if not n.endswith(_SURNAME_NO_S):
                    self.add(n + "s", r["id"], "place", genitive=True)

    def _capital_forms(self, r: dict) -> list[str]:
        """The forms of a state's capital that its city entry lacks (GeoNames has "Prague", not the
        German "Prag", "Wien", "Rom"), so that a capital named as a venue is that city."""
        caps = self.capitals.get(r.get("country") or "", [])
        if r["kind"] != "city" or not set(caps) & set(r["names"]):
            return []
        return [c for c in caps if c not in r["names"] and not (c.endswith("s") and c[:-1] in caps)]

    def _with_genitive(self, s: str, pid: str, kind: str) -> None:
        self.add(s, pid, kind)
        if not s.endswith(_SURNAME_NO_S):
            self.add(s + "s", pid, kind)

    def roles(self, roles: dict) -> None:
        for r in roles["roles"]:
            for w in r["words"]:
                self.add(w, None, "role", office=r.get("office") or "", scope=r.get("scope"),
                         role_kind=r.get("kind"))  # fmt: skip
                self.role_words.add(_fold.fold(w))
                if " " not in w:
                    self.known.add(_fold.fold(w))
                    if w[:1].isupper() and len(w) >= 5 and "-" not in w:
                        self.suffixes.setdefault(_fold.fold(w), r.get("kind") or "")
        # blockers: longer phrases that contain a name but are not a mention of it
        for s in _as_list(roles.get("blockers")):
            self.add(s, None, "block")

    def matcher(self, data_dir: str | None) -> Matcher:
        """One case-exact pattern per accepted surface, carrying every entry with that surface."""
        by_surface: dict[str, list[Entry]] = defaultdict(list)
        for ents in self.entries.values():
            for e in ents:
                for surface in case_forms(e):
                    if e not in by_surface[surface]:
                        by_surface[surface].append(e)
        pats = [Pattern(s, "gazetteer", case=True, data=tuple(es)) for s, es in by_surface.items()]
        return Matcher(pats, image="fold", data_dir=data_dir)


def case_forms(e: Entry) -> tuple[str, ...]:
    """The surfaces (accent-folded, case kept) that ``e`` accepts: as written, and a lower-case
    pattern also capitalized at a sentence start ("Französische Soldaten ..."); abbreviations
    (``exact``) only as written."""
    c = e.cased
    if e.exact or not c[:1].islower():
        return (c,)
    cap = c[:1].upper() + c[1:]
    return (c, cap) if len(cap) == len(c) else (c,)


def name_list(name: str, data_dir: str | None) -> frozenset[str]:
    """A list of names, one a line (a missing file gives none); an entry that is not one capitalized
    word is an error naming the file and the entry."""
    try:
        names = lx.words(name, data_dir)
    except lx.LexiconError:
        return frozenset()
    for n in names:
        if not n[:1].isupper() or any(c.isspace() for c in n):
            raise lx.LexiconError(f"{data_path(name, data_dir)}: not one capitalized name: {n!r}")
    return names


@lru_cache(maxsize=8)
def _load(data_dir: str | None) -> Gazetteer:
    b = _Builder()
    b.countries(data_dir)
    b.organizations(data_dir)
    b.people(data_dir)
    b.places(data_dir)
    roles = lx.load("actors/roles.yaml", ROLES, data_dir)
    b.roles(roles)
    given = name_list("actors/given_names.txt", data_dir)
    surnames = name_list("actors/surnames.txt", data_dir)
    given_nouns = name_list("actors/given_nouns.txt", data_dir)
    return Gazetteer(
        matcher=b.matcher(data_dir),
        actors=b.actors,
        surnames=dict(b.surnames),
        offices=dict(b.offices),
        given_names=given,
        known_surnames=surnames,
        given_nouns=given_nouns,
        former=frozenset(_as_list(roles.get("former"))),
        speech_verbs=frozenset(_as_list(roles.get("speech_verbs"))),
        source_markers=tuple(_as_list(roles.get("source_markers"))),
        role_words=frozenset(b.role_words),
        known_tokens=frozenset(b.known),
        words=_words.load(data_dir),
        person_given=b.person_given,
        person_surnames=b.person_surnames,
        role_suffixes=b.suffixes,
        data_dir=data_dir,
    )


def gazetteer(data_dir: str | None = None) -> Gazetteer:
    """The parsed gazetteer for a data folder (cached)."""
    return _load(str(data_dir) if data_dir else None)


def scan(text: str, lang: str | None, gz: Gazetteer, folded: str | None = None) -> list[Hit]:
    """All gazetteer hits of ``text``, longest non-overlapping (a span keeps every entry of its form),
    in text order; entries bound to another language are left out before the choice."""
    images = (folded if folded is not None else _fold.fold(text), _fold.fold_case(text))
    spans = []
    for start, neg_end, label, p in gz.matcher.find_tuples(text, images):
        ents = tuple(e for e in p.data if not (e.lang and lang and e.lang != lang))
        if ents:
            spans.append(Span(start, -neg_end, label, ents))
    return [Hit(sp.start, sp.end, e) for sp in filter_spans(spans) for e in sp.data]
