"""Pass 3: people the gazetteer does not know, discovered from runs of capitalized words that stand
in a person context (a role word before or after, a byline, a photo credit, a verb of saying, a list
with a known person ...). They get ids ``person:<slug>`` and ``linked = False``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .context import (
    cap_before,
    clean_name,
    compound_role,
    fold_token,
    known_word,
    next_word,
    prev_word,
    sentence_start,
    word_before,
)
from .gazetteer import Gazetteer, Hit, slug
from .linking import link_known_surname, link_person, link_surname
from .state import Article, Mention
from .words import not_after

_DIGIT = re.compile(r"\d")
_CAP_CHAR = "[A-ZÀ-ÖØ-ÞĀ-ſ]"
_CAP_WORD = _CAP_CHAR + r"[\w'’-]*\w"
_INITIAL = r"[A-ZÄÖÜ]\.(?![\w-])"  # a middle or last initial: "Christine K. Muster", "Andreas R."
_INITIAL_RE = re.compile(_INITIAL)
_BETWEEN_ROLE = re.compile(r"(?:[\w.]+[ \t]+|[\w.]+-){0,2}")


@lru_cache(maxsize=8)
def _run_regexes(particles: str) -> tuple[re.Pattern, re.Pattern]:
    """(a capitalized word or particle; a run of 2+ capitalized words, particles allowed between)."""
    token = re.compile(
        r"(?<![\w-])" + _CAP_WORD + r"|(?<![\w-])" + _INITIAL + r"|(?<![\w-])" + particles + r"(?![\w-])"
    )
    # one C-level search, so the many lone capitalized German nouns never reach Python; it starts
    # with the capital itself (the boundary is checked behind it), so the engine skips ahead
    run = re.compile(
        _CAP_CHAR
        + r"(?<![\w-]"
        + _CAP_CHAR
        + r")[\w'’-]*\w(?:[ \t](?:"
        + particles
        + r"[ \t])*(?:"
        + _CAP_WORD
        + "|"
        + _INITIAL
        + "))+"
    )
    return token, run


def _runs(art: Article) -> Iterator[list[tuple[int, int, str]]]:
    """The token lists of capitalized runs that no mention covers wholly."""
    text, stop = art.text, art.gz.words.not_name_start
    token, run = _run_regexes(art.gz.words.particles)
    for m in run.finditer(text):
        s0, e0 = m.span()
        if art.occupied.find(0, s0, e0) == -1:  # all of it a known mention
            continue
        sp = text.find(" ", s0, e0)
        if text[s0:sp] in stop and sp == text.rfind(" ", s0, e0):
            continue  # "Die EU", "Am Mittwoch"
        yield [(t.start(), t.end(), t.group(0)) for t in token.finditer(text, s0, e0)]


def _usable(art: Article, tok: tuple[int, int, str]) -> bool:
    """A token that may stand in a name: free, no known word or function word, and no particle that
    is also an article ("Anna Muster der Agentur": the name ends before "der"; "von der" stays)."""
    s, e, w = tok
    words = art.gz.words
    if w in words.not_name_start or w in words.determiners:
        return False
    return art.free(s, e) and not known_word(w, art.gz)


def name_windows(art: Article) -> Iterator[tuple[int, int, str]]:
    """Windows of 2-4 capitalized words (particles allowed inside) that no known mention covers and
    that contain no known word (state, organization, role): (start, end, text)."""
    for toks in _runs(art):
        i = 0
        while len(toks) >= 2 and i < len(toks):
            if not toks[i][2][:1].isupper() or not _usable(art, toks[i]):
                i += 1
                continue
            j = i + 1
            while j < len(toks) and j - i < 4 and _usable(art, toks[j]):
                j += 1
            while j > i + 1 and not toks[j - 1][2][:1].isupper():
                j -= 1
            if j - i >= 2:
                s, e = toks[i][0], toks[j - 1][1]
                yield s, e, art.text[s:e]
                i = j
            else:
                i += 1


def plausible_name(name: str, gz: Gazetteer) -> bool | None:
    """Whether ``name`` can be a person's name: ``None`` if not, ``True`` if it starts with a
    known given name, ``False`` if it could be one in a strong person context only."""
    toks = name.split()
    caps = [t for t in toks if t[:1].isupper()]
    if not _name_shape(toks, caps, gz):
        return None
    if given_first(toks[0], gz):
        return True
    return _surname_led(toks, caps, gz)


def _name_shape(toks: list[str], caps: list[str], gz: Gazetteer) -> bool:
    """2-4 words, 2+ of them capitalized, no function word first, no known word, acronym or number
    ("AFP", "2025"), no common-noun ending last."""
    return (
        2 <= len(toks) <= 4
        and len(caps) >= 2
        and toks[0] not in gz.words.not_name_start
        and not any(_not_name_token(t, gz) for t in caps)
        and not gz.words.noun_last.search(toks[-1])
    )


def _not_name_token(t: str, gz: Gazetteer) -> bool:
    """A known word (also with a genitive s), an acronym (not an initial) or a word with a digit."""
    known = gz.known_tokens
    if fold_token(t) in known or fold_token(t.rstrip("s")) in known:
        return True
    return (t.isupper() and len(t) > 1 and not _INITIAL_RE.fullmatch(t)) or bool(_DIGIT.search(t))


def _surname_led(toks: list[str], caps: list[str], gz: Gazetteer) -> bool:
    """An unknown first word before a listed surname, unless a known given name follows it (then
    the name starts there: "Hollywoodstar Anna Muster") or it ends like a German adjective or noun."""
    return (
        (toks[-1] in gz.known_surnames or bool(gz.words.surname_end.match(toks[-1])))
        and len(caps) == len(toks)  # no particle: "Haus der Muster" is no name
        and not _NOT_GIVEN_END.search(toks[0])
        and not any(t in gz.given_names for t in toks[1:-1])
    )


def given_first(word: str, gz: Gazetteer) -> bool:
    """A known given name, also a hyphenated pair of them ("Jens-Peter")."""
    return word in gz.given_names or ("-" in word and all(p in gz.given_names for p in word.split("-")))


# the first word before a listed surname is no unknown given name when it ends like a German
# adjective or noun ("Neue Schmidt", "Kollege Schmidt")
_NOT_GIVEN_END = re.compile(r"(?:e|er|en|es|em|isch|ung|heit|keit|schaft)$")


@dataclass
class _Window:
    """A candidate name and what its context says."""

    s: int
    e: int
    raw: str
    name: str
    given: bool
    role: Hit | None = None  # a role word right before
    byline: bool = False
    compound: str | None = None  # kind of a closed compound role noun before ("Militäranalysten")
    body_role: Hit | None = None  # a role with its body before a comma ("Die Sprecherin des Amts, NAME")


def _trimmed(art: Article, s: int, raw: str) -> _Window | None:
    """The window as a name, or None; a capitalized word before a given name is cut off ("Osloer
    Henrik Lysgaard", "Die Berliner Heidi Muster", "Vereinsvorsteher Jens-Peter Muster")."""
    gz = art.gz
    name = clean_name(raw)
    gen = _genitive_head(raw, name, gz)
    if gen is not None:
        name = clean_name(gen)
        return _Window(s, s + len(gen), gen, name if name.endswith(_S_NOT_GENITIVE) else name[:-1], True)
    given = plausible_name(name, gz)
    if not given:
        toks = name.split()
        k = next((i for i in range(1, len(toks) - 1) if given_first(toks[i], gz)), None)
        if k is not None:
            cut = len(" ".join(toks[:k])) + 1
            if plausible_name(name[cut:], gz):
                s, raw, name, given = s + cut, raw[cut:], name[cut:], True
        if given is None:
            return None
    return _Window(s, s + len(name), raw, name, bool(given))


_S_NOT_GENITIVE = ("us", "ss", "is")  # "Matthias Corvinus", not a genitive of "Corvinu"


def _genitive_head(raw: str, name: str, gz: Gazetteer) -> str | None:
    """The name with its genitive s when a noun follows it in the window ("Kerstin Olbrichs" of
    "Kerstin Olbrichs Leitung"): the word before the last ends in s and is no listed given name or
    surname ("Thomas", "Lukas"), the last is none either, and the rest starts with a given name."""
    toks = name.split()
    if len(toks) < 3 or not toks[-2].endswith("s") or len(toks[-2]) < 4:
        return None
    if any(t in gz.given_names or t in gz.known_surnames for t in toks[-2:]):
        return None
    if gz.words.surname_end.match(toks[-1]) or not toks[-1][1:].islower():
        return None  # a surname of another origin, or "II", "USA": no noun
    head = raw.rstrip()
    head = head[: max(head.rfind(" "), head.rfind("\t"))].rstrip()
    return head if plausible_name(clean_name(head)[:-1], gz) else None


def _role_of_before(art: Article, pos: int) -> Hit | None:
    """A role word (with its body) before a comma: "Die Sprecherin des Auswärtigen Amts, NAME",
    "a spokesman for the ministry, NAME", "The Dutch minister, NAME"."""
    h = art.role_ending_before(pos, 70)
    return h if h is not None and art.gz.words.role_of_before.fullmatch(art.text, h.end, pos) else None


def _role_after(art: Article, pos: int) -> bool:
    """A role word right after the name: ", die polnische Außenministerin", " (CDU, Bundeskanzler)"."""
    mm = art.gz.words.role_after_name.match(art.text[pos : pos + 40])
    if not mm:
        return False
    lo = pos + mm.end()
    start = art.role_starting_after(lo, 40)
    return start is not None and bool(_BETWEEN_ROLE.fullmatch(art.text[lo:start]))


def _strong(art: Article, w: _Window) -> bool:
    """A context that makes any plausible name a person: a role word right before or after, a
    byline, a namesake of a gazetteer person, a photo credit."""
    text, gz = art.text, art.gz
    j = w.s
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    w.role = art.role_ends.get(j)
    w.byline = prev_word(text, w.s) in gz.words.byline_words and bool(
        gz.words.byline.search(text[max(0, w.s - 40) : w.s])
    )
    return (
        w.role is not None
        or w.byline
        or prev_word(text, w.s).rstrip(".") in gz.words.titles
        or (w.given and fold_token(w.name.split()[-1]) in gz.surnames)  # namesake: "Hunter Biden"
        or (
            text[w.e : w.e + 3].lstrip().startswith("/")  # photo credit: "(Name / Agency)"
            and bool(gz.words.credit_before.search(text[max(0, w.s - 8) : w.s]))
        )
        or _role_after(art, w.e)
        or _demonym_before(art, j)
        or _role_noun_before(text, w.s, gz)
    )


def _role_noun_before(text: str, pos: int, gz: Gazetteer) -> bool:
    """A closed compound role noun or a role noun in the genitive right before: "Mormonenpolitiker
    Mitt Romney", "des Regisseurs Wong Kar-Wai", "des Gebrauchtwagenhändlers Ernano Barretta"."""
    word = word_before(text, pos)
    if not word:
        return False
    if compound_role(word, gz) is not None:
        return True
    stem = word[:-1] if word.endswith("s") else ""
    return bool(stem) and (fold_token(stem) in gz.role_words or compound_role(stem, gz) is not None)


def _demonym_before(art: Article, pos: int) -> bool:
    """A demonym right before: "der Kenianer Paul Muster", "die Britin Anna Muster"."""
    return any(m.end == pos and m.kind == "demonym" for m in art.mentions)


def _loose_roles(art: Article, w: _Window) -> None:
    """The looser role contexts (for names with a known given name): a closed compound role noun
    right before, or a role with its body before a comma."""
    if w.role is not None:
        return
    w.compound = compound_role(word_before(art.text, w.s), art.gz)
    if w.compound is None and w.given:
        w.body_role = _role_of_before(art, w.s)


def _kind(art: Article, w: _Window) -> str | None:
    kind = w.role.entry.role_kind if w.role is not None else (w.compound or None)
    if kind is None and w.byline:
        kind = "journalist"
    if kind is None and re.search(r"\(\s*" + re.escape(w.raw) + r"\s*/", art.text):
        kind = "photographer"
    return kind


def _take(art: Article, w: _Window) -> bool:
    """Add the window as a discovered person (False if its id is taken by another kind of actor)."""
    gz, text = art.gz, art.text
    pid = "person:" + slug(w.name)
    if pid in gz.actors and gz.actors[pid]["type"] != "person":
        return False
    linked = link_person(w.name, gz) if pid not in gz.actors else None
    if linked is not None:  # a spelling variant of a known person's name
        m = Mention(w.s, w.e, linked[0], "name", extra={"link_confidence": linked[1], "fuzzy": True})
        art.add_person(m)
        return True
    role = w.role if w.role is not None else w.body_role
    w.role = role
    kind = _kind(art, w)
    info = art.discovered.setdefault(pid, {"name": w.name, "kind": kind, "role": None, "country": None})
    if kind and not info["kind"]:
        info["kind"] = kind
    role_text = None
    if w.compound is not None:
        role_text = word_before(text, w.s)
    elif w.body_role is not None:
        role_text = text[w.body_role.start : w.s].rstrip(", \t")
    if role_text:
        info["role"] = info["role"] or role_text
    art.add_person(Mention(w.s, w.e, pid, "name", role_text=role_text, extra={"unknown": True}))
    return True


def consider(art: Article, s: int, raw: str) -> bool:
    """Take the window as an unknown person if it starts with a known given name, or else when it
    stands in a strong person context and does not end like a common noun."""
    w = _trimmed(art, s, raw)
    if w is None:
        return False
    if not _strong(art, w) and not w.given:
        return False
    if not w.given and art.gz.words.noun_end.search(w.name):
        return False
    _loose_roles(art, w)
    return _take(art, w)


def discovery_pass(art: Article) -> None:
    """Discover unknown people; a name taken makes its list neighbours persons too, so windows
    without a context get another pass while names are taken."""
    art.occupied = bytearray(len(art.text))
    for m in art.mentions:
        art.occupy(m.start, m.end)
        if art.is_person(m.actor_id):
            art.person_ends.add(m.end - 1)
            art.person_starts.add(m.start)
    art.index_roles()
    for s, _e, raw in list(name_windows(art)):
        consider(art, s, raw)


_SO_BEFORE = re.compile(r"[,\"“”»«]\s*so\s+$")


def _single_cue(art: Article, s: int, e: int, word: str) -> bool:
    """Whether a lone capitalized word is a person: after a role word or form of address
    ("Trainer Muster", "Frau Muster"), after a verb of saying ("sagte Muster", "…", so Muster"), or
    a known given name that is not at a sentence start ("mit Anna")."""
    text, gz = art.text, art.gz
    prev = prev_word(text, s)
    if _role_or_title_before(art, s, prev):
        return True
    if prev in gz.words.particle_words and not _agent_von(art, s, word, prev):
        return False  # "von der Leyen": the end of a longer name
    if _said_by(art, s, e, prev) or _says(art, s, e, word, prev):
        return True
    if not _lone_name(gz, word) or (art.lang == "en" and word not in gz.given_names):
        return False  # English capitalizes no common nouns: a lone surname there is as often a brand
    if sentence_start(text, s):
        return _start_cue(art, e, word)
    return not _noun_slot(gz, prev, word)


def _role_or_title_before(art: Article, s: int, prev: str) -> bool:
    """A role word ("Trainer Muster") or a form of address or title ("Frau Muster") right before."""
    text = art.text
    if len(text[:s].rstrip(" \t")) in art.role_ends and text[s - 1 : s] in " \t":
        return True
    return prev.rstrip(".") in art.gz.words.titles


def _start_cue(art: Article, e: int, word: str) -> bool:
    """A listed name at a sentence start (capitalized anyway): a verb of saying after it, or a
    surname (in German also a given name that is no common word) before a lower-case word or a
    colon ("Muster hielt", "Muster: „…“", "Kerstin übt")."""
    text, gz = art.text, art.gz
    if next_word(text, e) in gz.speech_verbs:
        return True
    surname = word in gz.known_surnames or bool(gz.words.surname_end.match(word))
    if not surname and (art.lang == "en" or not _given_alone(gz, word)):
        return False
    return bool(_LOWER_NEXT.match(text, e) or text.startswith(":", e))


def _noun_slot(gz: Gazetteer, prev: str, word: str) -> bool:
    """A slot where a name that is also a noun is a noun or place: after an article or a number
    ("das Tor", "36 Muster"), after a place preposition or "aus" ("aus Kanda", "in Tara"); a given
    name only after "in" or "aus" ("nach Anja" is the person)."""
    if prev.lower() in gz.words.determiners or _NUM.search(prev):
        return True
    if _given_alone(gz, word) and word not in gz.known_surnames:
        return prev in gz.words.given_place_preps
    return prev in gz.words.place_preps or prev == "aus"


def _agent_von(art: Article, s: int, word: str, prev: str) -> bool:
    """"von" or "zu" before a listed name that is no particle of a longer name: "geplant von
    Muster", "ging zu Anna"."""
    if prev not in art.gz.words.particle_preps or not _lone_name(art.gz, word):
        return False
    return not cap_before(art.text, s - len(prev) - 1)


def _lone_name(gz: Gazetteer, word: str) -> bool:
    """A listed given name that is no common word, or a listed surname ("Muster", "Kowalski")."""
    if word in gz.known_surnames or (len(word) >= 6 and gz.words.surname_end.match(word)):
        return True
    return _given_alone(gz, word)


def _says(art: Article, s: int, e: int, word: str, prev: str) -> bool:
    """A singular subject of a verb of saying that does not end like a German plural or adjective:
    right after the verb and before a lower-case word ("sagte Muster am Montag", "meinte Muster
    scherzhaft"), or at a sentence start before it ("Muster erklärte, ...")."""
    text, gz = art.text, art.gz
    if _PLURAL_END.search(word) and not _lone_name(gz, word) and not _bare_say_next(art, s, e, prev):
        return False  # also the plural object of a verb: "betonte Fortschritte bei ..."
    if prev in gz.speech_verbs and text[s - len(prev) - 1 : s].strip() == prev:
        return bool(_LOWER_NEXT.match(text, e))
    if _ADVERB_END.search(word) and not _lone_name(gz, word):
        return False  # "Zurückhaltend äußerte sich ...", "Zurückhaltender äußerte sich ..."
    if art.lang == "en" and _SAID_NEXT.match(text, e):
        return next_word(text, e) in gz.speech_verbs  # "..., Muster said."
    return sentence_start(text, s) and next_word(text, e) in gz.speech_verbs


def _bare_say_next(art: Article, s: int, e: int, prev: str) -> bool:
    """In German, a verb of saying that takes no bare noun object right before the word and right
    after a quotation ("„…“, sagte Tammen in ..."; not "sagt Raketen zu"), or a singular verb of
    saying right after it at a sentence start ("Tammen erinnerte ..."): the word is the verb's
    subject, also when it ends like a plural."""
    text, gz = art.text, art.gz
    if art.lang == "en":
        return False
    if prev in gz.words.bare_say and text[s - len(prev) - 1 : s].strip() == prev:
        return _quote_before_verb(text, s, prev)
    verb = next_word(text, e)
    return sentence_start(text, s) and verb in gz.speech_verbs and not verb.endswith("en")


_SAID_NEXT = re.compile(r"[ \t]+[a-z]+(?:[ \t]*[,.;:]|$)")
_PLURAL_END = re.compile(r"(?:e|en|er|ern|innen|n|s)$")
# adverbs and adjectives at a sentence start, also comparatives ("Deutlicher äußerte sich …")
_ADVERB_END = re.compile(r"(?:end|lich|ig|isch|bar|sam|los|haft|weise|voll|mal)(?:er)?$")
_LOWER_NEXT = re.compile(r"[ \t]+[a-zäöüß]")


def _said_by(art: Article, s: int, e: int, prev: str) -> bool:
    """A verb of saying right before, the clause ending after the name ("sagte Muster.", ", so
    Muster,") or the verb inverted after a quotation ("…“, meinte Muster scherzhaft")."""
    text = art.text
    ends = _CLAUSE_END.match(text, e) is not None
    if prev in art.gz.speech_verbs and text[s - len(prev) - 1 : s].strip() == prev:
        return ends or _quote_before_verb(text, s, prev)
    return ends and prev == "so" and bool(_SO_BEFORE.search(text[max(0, s - 8) : s]))


_PLURALS = ("n", "en", "s", "es", "ern")
_QUOTE_BEFORE = re.compile(r"[\"“”»«']\s*,?\s*$")


def _quote_before_verb(text: str, s: int, verb: str) -> bool:
    """Whether a quotation closes right before the word ``verb`` that stands just before ``s``
    ('„…“, sagte Muster')."""
    return bool(_QUOTE_BEFORE.search(text[max(0, s - len(verb) - 7) : s - len(verb) - 1]))
_CLAUSE_END = re.compile(r"\s*(?:[,;:!?)\"“”«»]|\.(?!\w)|$|und |and )")
_ADJ_OR_NUM = re.compile(r"^[a-zäöüß]+(?:e|en|er|es|em)$|\d")
_NUM = re.compile(r"^\d+$")


def _in_list(art: Article, s: int, e: int) -> bool:
    """A person mention right before or after, in a list: "Muster, Beispiel und Keir Starmer"."""
    text, words = art.text, art.gz.words
    lo = max(0, s - 8)
    mm = words.list_before.search(text[lo:s])
    if mm and (lo + mm.start() - 1) in art.person_ends:
        return True
    mm = words.list_after.match(text[e : e + 8])
    return bool(mm) and (e + mm.end()) in art.person_starts


def single_names(art: Article) -> None:
    """People named by one word in a clear person context (a role word, a verb of saying, a given
    name, a list with another person); a list gets a second look once its first names are taken."""
    for _ in range(3):
        if not _single_round(art):
            break


def _could_be_name(art: Article, s: int, e: int, word: str) -> bool:
    """Whether a lone capitalized word may be a name at all (no known word, acronym, number, common
    noun ending, abbreviation, or the start of a longer capitalized run)."""
    gz, text = art.gz, art.text
    if not art.free(s, e) or known_word(word, gz) or word in gz.words.not_name_start:
        return False
    if any(fold_token(word[: -len(x)]) in gz.known_tokens for x in _PLURALS if word.endswith(x)):
        return False  # an inflected role noun or demonym: "Reportern", "Europeans"
    if len(word) < 3 or word.isupper() or _DIGIT.search(word) or _noun_like(gz, word):
        return False
    if text.startswith(".", e) and (not _CLAUSE_END.match(text, e) or word in gz.words.titles):
        return False  # an abbreviation: "Lt. Col.", "said Sen. Chris Van Hollen"
    return not _CAP_NEXT.match(text, e)  # a capitalized word follows: part of a longer name


def _noun_like(gz: Gazetteer, word: str) -> bool:
    """A common-noun ending, unless the word is a listed given name that is no common word ("Marie",
    "Connie" end like "Linie")."""
    return bool(gz.words.noun_end.search(word)) and not _given_alone(gz, word)


def _given_alone(gz: Gazetteer, word: str) -> bool:
    """A listed given name that is no common word ("Anna", not "Ernst" or "Maya")."""
    return word in gz.given_names and word not in gz.words.common_given and word not in gz.given_nouns


def _listed(art: Article, s: int, e: int) -> bool:
    """In a list with a person, not at a sentence start and not after an article ("die Sprecherin
    des Ministeriums, NAME" is no list)."""
    text = art.text
    return (
        _in_list(art, s, e)
        and not sentence_start(text, s)
        and prev_word(text, s).lower() not in art.gz.words.determiners
    )


def _single_round(art: Article) -> bool:
    text, gz = art.text, art.gz
    taken = False
    for m in _SINGLE.finditer(text):
        s, e = m.span()
        word = m.group(0)
        gen = _genitive(art, s, e, word)
        if gen:
            word = word[:-1]
        elif not _could_be_name(art, s, e, word) or not (_listed(art, s, e) or _single_cue(art, s, e, word)):
            continue
        pid = "person:" + slug(word)
        if pid in gz.actors and gz.actors[pid]["type"] != "person":
            continue
        if pid not in gz.actors and pid not in art.discovered and _misspelt(art, s, e, word):
            taken = True
            continue
        role = art.role_ends.get(len(text[:s].rstrip(" \t")))
        info = art.discovered.setdefault(pid, {"name": word, "kind": role.entry.role_kind if role else None,
                                               "role": text[role.start : role.end] if role else None,
                                               "country": None})  # fmt: skip
        art.add_person(Mention(s, e, pid, "name", role_text=info["role"], extra={"unknown": True}))
        taken = True
    return taken


def _misspelt(art: Article, s: int, e: int, word: str) -> bool:
    """Link a lone unknown name to the one person of the article whose surname it misspells
    ("Burbock" after "Annalena Baerbock"), else to the one known person whose surname it spells
    another way ("Selenskiy"); whether it did."""
    surnames: dict[str, set[str]] = {}
    for m in art.mentions:
        if m.actor_id.startswith("person:"):
            known = art.gz.person_surnames.get(m.actor_id)
            name = art.discovered.get(m.actor_id, {}).get("name", "")
            surs = set(known) if known else ({fold_token(name.split()[-1])} if name.split() else set())
            surnames.setdefault(m.actor_id, set()).update(surs)
    linked = link_surname(word, surnames) or link_known_surname(word, art.gz)
    if linked is None:
        return False
    art.add_person(Mention(s, e, linked[0], "name", extra={"link_confidence": linked[1], "fuzzy": True}))
    return True


def _genitive(art: Article, s: int, e: int, word: str) -> bool:
    """A listed name with a genitive s before a noun, not after an article: "Nowaks Rücktritt"."""
    gz = art.gz
    return (
        len(word) > 4
        and word.endswith("s")
        and _lone_name(gz, word[:-1])
        and art.free(s, e)
        and bool(_CAP_NEXT.match(art.text, e))
        and prev_word(art.text, s).lower() not in gz.words.determiners
    )


_SINGLE = re.compile(not_after(r"[\w'’.-]", first=_CAP_CHAR) + r"[\w'’-]*\w(?![\w'’-])")
_CAP_NEXT = re.compile(r"[ \t]+" + _CAP_CHAR)
