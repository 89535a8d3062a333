"""Pass 3: the speaker of a quotation, from the cues of saying and the candidates around it.

The cue nearest to the quotation that names a speaker wins. A verb looks for a person, pronoun or
role right after it, else for the nearest person before it; ``before`` cues ("laut", "so",
"according to") take what follows; ``after`` cues ("zufolge") what stands right before;
impersonal cues ("hieß es in der Erklärung") a source. Pronouns and bare role nouns refer back to
the person named last; a sentence without a quotation is attributed lazily, for the memory of
who spoke last.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from ..text.fold import fold as _fold
from .candidates import run_after, run_before
from .marks import MASK
from .state import Article, Cand, Cue, Speaker

#: characters around a quotation (within its sentence) searched for its speaker
WINDOW = 400
_GAP_AFTER = re.compile(r"^[\s\w\-’'À-ÿ]{0,45}$")  # between a cue and a speaker that follows it
_GAP_BEFORE = re.compile(r"^[^.;:!?¤\n]{0,90}$")  # between a speaker and the verb after it
_RANK = {"person": 0, "role": 0, "pronoun": 0, "name": 0, "source": 1, "org": 2}


def _person_speaker(art: Article, c: Cand) -> Speaker:
    """A person candidate, or a title and name ("Sicherheitsexperte Laurent Imboden"), as a speaker."""
    if c.kind == "person":
        return Speaker(c.actor_id, c.text)
    last = _fold(c.text.replace("-", " ").split()[-1]) if c.text.split() else ""
    return Speaker(art.last_names.get(last), c.text)


def _people(art: Article, a: int, b: int) -> list[Cand]:
    """The persons and titled names (a role noun and a name after it) within ``[a, b)``; not one in
    the possessive ("Rubio's counterpart, Elina Valtonen, …": the counterpart is the subject)."""
    return [
        c for c in art.cands_between(a, b)
        if c.kind in ("person", "name") and art.masked[c.end : c.end + 2] not in ("'s", "’s")
    ]


def antecedent(art: Article, pos: int, memory: Speaker | None) -> Speaker | None:
    """The person a pronoun or bare role noun at ``pos`` refers to."""
    si = art.sent_of(pos)
    s0 = art.sent_starts[si]
    # a person named earlier in the same sentence ("Als Merz ankam, sagte er")
    same = [c for c in _people(art, s0, pos) if c.start != pos and not _governed(art, c.start)]
    if same:
        return _person_speaker(art, same[-1])
    # otherwise who spoke in the nearest earlier sentence with a speaker ("Earlier the Prime Minister
    # said she was “uneasy” about the talks between the French president and … But she said"),
    # else the first person (the subject, usually) of the nearest earlier sentence naming one
    word = _WORD.match(art.masked, pos)
    pronoun = word.group(0).lower() if word else ""
    sj, counted = si, 0
    while counted < 3 and sj > 0 and si - sj < _CHAIN_MAX:
        sj -= 1
        found, counts = _referent_in(art, sj, pronoun)
        if found is not None:
            return found
        counted += counts
    return memory


def _referent_in(art: Article, sj: int, pronoun: str) -> tuple[Speaker | None, bool]:
    """The person an earlier sentence ``sj`` gives a pronoun (who spoke there, the role or person
    that is its subject), and whether the sentence counts toward the reach of the search: one whose
    subject is the same pronoun, or that names nobody, does not."""
    a, b = art.sent_starts[sj], art.sent_ends[sj]
    spoke = art.attributed.get(sj)
    if spoke is not None and spoke.actor_id and _is_person(art, spoke.actor_id):
        return spoke, True  # a state or a body that spoke ("Poland's Foreign Ministry") is no "he"
    first = _first_subject(art, a, b)
    if first is not None and first.kind == "pronoun" and first.text.lower() == pronoun:
        return None, False  # "Er ist sicher, dass Putin …": the same "er" goes on, its person is further back
    if not art.cands_between(a, b):
        return None, False  # a sentence naming nobody (or one inside the quotation)
    titled = _role_subject(art, a, b)
    if titled is not None:
        return titled, True  # "The PM has hinted … . He said …": the prime minister named before
    named = _people(art, a, b)
    if not named:
        return None, True
    free = [c for c in named if not _governed(art, c.start)]  # not "to meet with X, the chief said"
    return _person_speaker(art, (free or named)[0]), True


#: the most sentences a pronoun looks back over, counting those that name nobody and those whose
#: subject is the same pronoun (three others at most)
_CHAIN_MAX = 7


def _is_person(art: Article, actor_id: str) -> bool:
    """Whether the actors stage knows ``actor_id`` as a person (by country, role or last name)."""
    return actor_id in art.countries or actor_id in art.roles or actor_id in art.last_names.values()


def _role_subject(art: Article, a: int, b: int) -> Speaker | None:
    """The person a sentence's subject names by role ("The PM has hinted …"), when the text says who
    holds that role; None when the subject is a name or no role holder is known."""
    c = _first_subject(art, a, b)
    if c is None or c.kind != "role":
        return None
    return role_holder(art, c)


def _role_keys(art: Article, role: str) -> set[str]:
    """The role word of a role phrase ("der französische Präsident" -> präsident, "the defence
    secretary" -> defence secretary, secretary) and its equivalents (``role_equivalents``)."""
    words = role.lower().replace("-", " ").split()
    # the longest role noun the phrase ends in ("the head of state", "the defence secretary")
    tail = next((" ".join(words[-n:]) for n in (4, 3, 2) if len(words) >= n
                 and " ".join(words[-n:]) in art.lex.role_nouns), None)
    keys = {tail} if tail else set(words[-1:])
    for k in list(keys):
        keys |= set(art.lex.role_equivalents.get(k, ()))
    return {k for k in keys if k and k not in art.lex.determiners}


#: an apposition after a name, closed by a comma or the end of the sentence ("John Healey, the
#: defence secretary, said")
_APPOSITION = re.compile(r",([^,.;:!?\n]*)[,.;:!?\n]")


def _titled(art: Article, p: Cand, keys: set[str], known_roles: bool = True) -> bool:
    """Whether the text gives person ``p`` one of the role ``keys``: as a title right before the name
    ("Verteidigungsminister Boris Pistorius", "The defence secretary, John Healey"), in an apposition
    after it ("John Healey, the defence secretary,"), or as the role the actors stage knows."""
    m = art.masked
    before = re.sub(r"[\s,]+$", "", m[max(0, p.start - 60) : p.start]).lower()
    last = before.rsplit(None, 1)[-1].rstrip(".") if before.split() else ""
    if last in art.lex.honorifics:  # "Prime Minister Sir Keir Starmer"
        before = before[: len(before) - len(before.rsplit(None, 1)[-1])].rstrip()
    appo = _APPOSITION.match(m, p.end, p.end + 80)  # closed: ", the prime minister suggested …" is none
    after = appo.group(1).lower() if appo and len(appo.group(1).split()) <= 8 else ""
    role = art.roles.get(p.actor_id or "", "") if known_roles else ""
    return any(
        before.endswith(k) or re.search(r"(?<![\w])" + re.escape(k) + r"\b", after + " " + role) for k in keys
    )


#: the complement of an office after its role noun ("President of the Government", "head of state")
_ROLE_OF = re.compile(r"\s+of(?:\s+the)?\s+[A-Z][\w\-]+")


def role_holder(art: Article, c: Cand) -> Speaker | None:
    """The person named before a bare role ("der Kanzler", "the prime minister") whom the text gives
    that role; None when the text names nobody with it. For a role the actors stage already resolved
    only the text counts (a title or an apposition), not the roles it knows. A feminine role the text
    gives nobody is tried in the masculine ("die Bundeskanzlerin" after "Bundeskanzler Olaf Scholz":
    a translation slip), never the other way round."""
    keys = _role_keys(art, c.text)
    masculine = {k[: -len(e)] for k in keys for e in art.lex.feminine_endings
                 if k.endswith(e) and len(k) > len(e) + 3}
    of = _ROLE_OF.match(art.masked, c.end)
    # "The President of the Government": first the holder of that very office, not of another one
    # the text names ("the President of Ukraine")
    exact = {k + " " + " ".join(of.group(0).lower().split()) for k in keys} if of else set()
    for ks in (exact, keys, masculine - keys):
        if ks:
            found = _holder(art, c, ks)
            if found is not None:
                return found
    return None


def _holder(art: Article, c: Cand, keys: set[str]) -> Speaker | None:
    """:func:`role_holder` for the role words ``keys``."""
    i = art.person_index(c.start)
    before = [p for p in art.persons[:i] if p.start != c.start and not p.by_role]
    # the text may give the role at an earlier mention of the same person ("Verteidigungsministerin
    # Tanner …" … "Tanner selbst …" … "sagte die Ministerin"): the person named last among them
    # … or after it ("Als Anna Berg unterschreibt … sagt die Kanzlerin. … Kanzlerin Anna Berg betont"):
    # the article's own holder of the role beats the holder the actors stage knows today
    titled = {
        p.actor_id or p.text for p in art.persons
        if p.start != c.start and not p.by_role and _titled(art, p, keys, known_roles=not c.by_role)
    }
    if before:
        return _last_named(before, c.start, lambda p: (p.actor_id or p.text) in titled)
    # nobody named before it ('„…“, sagte der Präsident vor Reportern. … sagte Selenskyj'): the
    # first holder of the role named after it as a subject, within the next paragraphs
    for p in art.persons[i:]:
        if p.start - c.end > 1500:
            break
        if (p.start != c.start and not p.by_role and (p.actor_id or p.text) in titled
                and not _governed(art, p.start)):
            return Speaker(p.actor_id, p.text)  # a subject, not "gegenüber Trump"
    return None


def to_speaker(art: Article, c: Cand, memory: Speaker | None) -> Speaker | None:
    """The speaker a candidate stands for."""
    if c.kind == "person" and c.by_role:  # the text may say who holds the role ("Bundeskanzler Stocker")
        return role_holder(art, c) or Speaker(c.actor_id, c.text)
    if c.kind in ("person", "org"):
        return Speaker(c.actor_id, c.text)
    if c.kind == "source":
        return Speaker(None, c.text)
    if c.kind == "role" and c.actor_id:  # a nationality ("sagte der Däne")
        return _compatriot(art, c) or antecedent(art, c.start, memory)
    if c.kind == "role":
        named = role_apposition(art, c)
        if named is not None:  # "sagte die Botschafterin in Bern, Iryna Wenediktowa, …"
            return _person_speaker(art, named)
        if c.text.split()[0].lower() in art.lex.indefinite_articles or _possessed(art, c.start):
            return Speaker(None, c.text)  # "ein Regierungssprecher", "his spokesperson": someone new
        holder = role_holder(art, c)
        if holder is None and _aide(art, c.text):
            return Speaker(None, c.text)  # "der Sprecher des Ministeriums" speaks for someone, is not him
        return holder or antecedent(art, c.start, memory)
    if c.kind == "pronoun":
        return antecedent(art, c.start, memory)
    # a bare name: map to a person actor by its last name when the actors stage knows it
    last = _fold(c.text.replace("-", " ").split()[-1]) if c.text.split() else ""
    return Speaker(art.last_names.get(last), c.text)


def _apposed_to(art: Article, c: Cand) -> Cand | None:
    """The person a role stands in apposition to, right after the name and a comma and closed by a
    comma ("John Harwood, a former minister of defence, said"): the role describes that person."""
    before = [p for p in art.cands_between(max(0, c.start - 80), c.start) if p.end <= c.start]
    if not before or before[-1].kind not in ("person", "name"):
        return None
    p = before[-1]
    if art.masked[p.end : c.start].strip() != ",":
        return None
    closed = _APPOSITION.match(art.masked, p.end, p.end + 80)
    return p if closed is not None and closed.group(0).endswith(",") else None


def _compatriot(art: Article, c: Cand) -> Speaker | None:
    """The person of the nationality ``c`` names ("der Däne": Denmark) named last before it, within
    the article's last few paragraphs; None when the text names none."""
    before = art.persons[: art.person_index(c.start)]
    return _last_named(before, c.start,
                       lambda p: bool(p.actor_id) and art.countries.get(p.actor_id) == c.actor_id)


#: how far back (characters) a bare role or a nationality looks for the person it refers to
_REACH_BACK = 4000


def _last_named(persons: list[Cand], pos: int, fits: Callable[[Cand], bool]) -> Speaker | None:
    """The last of ``persons`` (in text order, all before ``pos``, within :data:`_REACH_BACK`
    characters) that ``fits``, as a speaker; None when none does."""
    for p in reversed(persons):
        if pos - p.end > _REACH_BACK:
            break
        if fits(p):
            return Speaker(p.actor_id, p.text)
    return None


_WORD = re.compile(r"[\w\-]+")


def _possessed(art: Article, pos: int) -> bool:
    """A possessive right before the role at ``pos`` ("his spokesperson", "Merz's adviser", "seine
    Sprecherin"): the role is someone else's, not the person named before."""
    words = _WORD.findall(art.masked, max(0, pos - 30), pos)
    if not words or art.masked[:pos].rstrip()[-len(words[-1]) :] != words[-1]:
        return art.masked[max(0, pos - 3) : pos].rstrip().endswith(("'s", "’s"))
    return words[-1].lower() in art.lex.possessives


def _aide(art: Article, role: str) -> bool:
    """Whether the role is one that speaks for someone else (``aide_roles``: spokesperson, Sprecher,
    adviser …, also at the end of a compound: "Regierungssprecher")."""
    last = role.split()[-1].lower() if role.split() else ""
    return any(last.endswith(a) for a in art.lex.aide_roles)
#: between a role and the name in apposition after it: up to two short phrases (of a place, an
#: office: "des Ministeriums in Wien"), then a comma
_ROLE_TO_NAME = re.compile(
    r"(?:[ \t]+(?:in|im|aus|von|vom|des|der|of|of the|at|in the|from|for|for the)"
    r"[ \t]+[\w\-]+(?:[ \t]+[\w\-]+)?){0,2}[ \t]*,[ \t]*"
)


def role_apposition(art: Article, c: Cand) -> Cand | None:
    """A full name between commas after a role ("die ukrainische Botschafterin in Bern, Iryna
    Wenediktowa, sagte"; "a spokesman, Col. Derek Ainsley, said"): the holder the text names."""
    m = _ROLE_TO_NAME.match(art.masked, c.end)
    if m is None:
        return None
    before = _apposed_to(art, c)
    if before is not None:
        return before  # "John Harwood, a former minister of defence, said"
    for p in art.cands_between(m.end(), m.end() + 60):
        if p.start == m.end() and p.kind == "person":
            return p if art.masked[p.end : p.end + 1] in (",", ".") else None
    run = run_after(art, m.end(), min(len(art.masked), m.end() + 60))
    if run is None or run.start != m.end() or len(run.text.split()) < 2:
        return None
    return run if art.masked[run.end : run.end + 1] in (",", ".") else None


_GOVERNOR = re.compile(r"([\w\-]+) +(?:[A-ZÀ-ÖØ-Þ][\w\-’']* +){0,3}$")
#: the same with an article and an adjective between ("mit dem ukrainischen Präsidenten Wolodymyr …")
_GOVERNOR_ARTICLE = re.compile(
    r"([\w\-]+) +(?:der|die|das|dem|den|des|the) +(?:[a-zäöüß][\w\-]* +)?(?:[A-ZÀ-ÖØ-Þ][\w\-’']* +){1,3}$"
)
#: the same over a possessive chain ("with City Radio’s Political Editor Vera Kühn")
_GOVERNOR_POSSESSIVE = re.compile(
    r"([\w\-]+) +(?:[A-ZÀ-ÖØ-Þ][\w\-]* +){0,3}[A-ZÀ-ÖØ-Þ][\w\-]*(?:['’]s?) +(?:[A-ZÀ-ÖØ-Þ][\w\-]* +){0,3}$"
)


def _governed(art: Article, pos: int) -> bool:
    """Whether a preposition stands before ``pos``, right before it or before up to three capitalized
    words ("alongside Ukrainian President Volodymyr Zelenskyy"), or over a possessive chain ("with
    City Radio’s Political Editor Vera Kühn"): the candidate is its object."""
    if not _may_be_governed(art, pos):
        return False
    for pattern in (_GOVERNOR, _GOVERNOR_POSSESSIVE, _GOVERNOR_ARTICLE):
        m = pattern.search(art.masked, max(0, pos - 80), pos)
        if m is not None and m.group(1).lower() in art.lex.prepositions:
            return True
    return False


#: a run of word characters (the governor's first group), or one character no governor pattern holds
_RUN_OR_STOP = re.compile(r"([\w\-]+)|[^\w\-’' ]")


def _may_be_governed(art: Article, pos: int) -> bool:
    """What every governor pattern needs (a cheap test before their searches): a preposition among the
    words after the last character none of them can hold (the stretch before a final line break, where
    ``$`` also matches)."""
    lo = max(0, pos - 80)
    end = pos - 1 if pos > lo and art.masked[pos - 1] == "\n" else pos
    for w in reversed(_RUN_OR_STOP.findall(art.masked, lo, end)):
        if not w:
            return False
        if w.lower() in art.lex.prepositions:
            return True
    return False


def _relative(art: Article, end: int, cs: int) -> bool:
    """Whether a relative pronoun follows the candidate ending at ``end`` ("Stubb, who said")."""
    gap = art.masked[end:cs].lstrip()
    if not gap.startswith(","):
        return False
    words = _WORD.findall(gap, 0, 20)
    return bool(words) and words[0].lower() in art.lex.relative_pronouns


def _after_cue(
    art: Article, kind: str, ce: int, we: int, memory: Speaker | None, quote_at: int | None = None
) -> tuple[bool, Speaker | None]:
    """Whether a ``verb`` or ``before`` cue names a speaker after it, and that speaker. In English a
    verb before the quotation takes its object after it ('accused the minister of a "…"'), so only
    a name it ends on counts there."""
    object_side = kind == "verb" and art.lang == "en" and quote_at is not None and ce <= quote_at
    found, org = _first_after(art, kind, ce, we, quote_at if object_side else None)
    if found is not None:
        return True, to_speaker(art, found, memory)
    if kind == "before":
        pronoun = _object_pronoun(art, ce)
        if pronoun is not None:  # "According to him, …": the person referred to
            return True, antecedent(art, pronoun, memory)
        c = org or run_after(art, ce, we)
        return True, to_speaker(art, c, memory) if c else None
    c = inverted_name(art, ce, we) if not object_side else None
    return (True, to_speaker(art, c, memory)) if c else (False, None)


def _object_pronoun(art: Article, ce: int) -> int | None:
    """Where an object pronoun right after a cue ending at ``ce`` starts ("according to him",
    "nach seinen Worten"); None when the next word is none."""
    m = _WORD.match(art.masked, ce + len(art.masked[ce : ce + 3]) - len(art.masked[ce : ce + 3].lstrip()))
    return m.start() if m is not None and m.group(0).lower() in art.lex.object_pronouns else None


def _object_pronoun_before(art: Article, cs: int, ws: int) -> int | None:
    """Where an object pronoun right before a cue at ``cs`` starts ("ihm zufolge"); None otherwise."""
    words = list(_WORD.finditer(art.masked, max(ws, cs - 20), cs))
    if not words or art.masked[words[-1].end() : cs].strip():
        return None
    return words[-1].start() if words[-1].group(0).lower() in art.lex.object_pronouns else None


def _first_after(art: Article, kind: str, ce: int, we: int,
                 object_quote: int | None) -> tuple[Cand | None, Cand | None]:
    """The first candidate after the cue ending at ``ce`` that may be its speaker, and the first
    organization passed on the way (a person after it wins). With ``object_quote`` (an English verb
    before its quotation) only a candidate the text runs on from to the quotation counts."""
    m = art.masked
    org: Cand | None = None
    for c in art.cands_between(ce, min(we, ce + 60)):
        if object_quote is not None and m[c.end : object_quote].strip() not in (":", ",", ""):
            continue
        if not _GAP_AFTER.match(m[ce : c.start]) or art.words_between("complementizer", ce, c.start):
            break  # "said on Sunday that Putin had agreed": Putin is the subject of what was said
        if c.kind == "org":
            org = org or c  # "nach den Worten von Frankreichs Präsident Macron": a person wins
            continue
        if kind == "verb" and not _subject_after_verb(art, c, ce):
            continue
        return c, org
    return None, org


def _subject_after_verb(art: Article, c: Cand, ce: int) -> bool:
    """Whether candidate ``c`` after a verb ending at ``ce`` may be its subject: a person, role or name
    (a pronoun right after it), not the object of a preposition ("forderte von Selenskyj, dass …")."""
    if c.kind not in ("person", "pronoun", "role", "name"):
        return False
    if c.kind == "pronoun" and art.masked[ce : c.start].strip():
        return False
    return not _governed(art, c.start)


def apposition(art: Article, cs: int, ws: int) -> Cand | None:
    """A name between commas right before the verb at ``cs`` (", Jarosław Kaczyński, warf …")."""
    m = art.masked
    end = len(m[:cs].rstrip())
    if end <= ws or m[end - 1] != ",":
        return None
    c = run_before(art, end - 1, ws)
    if c is None or len(c.text.split()) < 2 or m[max(ws, c.start - 2) : c.start].strip() != ",":
        return None
    return c


def inverted_name(art: Article, ce: int, we: int) -> Cand | None:
    """A capitalized name right after a verb that ends its clause ("…, sagte Meyer.", "said Hollis,")."""
    c = run_after(art, ce, we)
    if c is None or art.masked[ce : c.start].strip():
        return None
    nxt = art.masked[c.end : c.end + 1]
    return c if nxt in ("", ".", ",", ";", ":", "!", "?", "\n") else None


def _nearest_before(art: Article, kind: str, cs: int, ws: int) -> tuple[Cand | None, bool]:
    """The best candidate before a cue at ``cs`` (persons, roles, names first; then sources, then
    organizations), and whether it is certain (the subject of a relative clause, "X, who said")."""
    m = art.masked
    best: Cand | None = None
    for c in reversed(art.cands_between(max(ws, cs - 200), cs)):
        if kind == "after" and (not _GAP_BEFORE.match(m[c.end : cs]) or m[c.end : cs].strip()):
            break  # "X zufolge": X right before
        if kind == "verb" and c.kind == "person":
            if _relative(art, c.end, cs):
                return c, True  # "Alexander Stubb, who said that …"
            if _governed(art, c.start):
                continue  # "Starmer, speaking alongside Zelenskyy …, said": Zelenskyy is an object
        if best is None or _RANK[c.kind] < _RANK[best.kind]:
            best = c
        if _RANK[c.kind] == 0:
            break
    return best, False


def _before_cue(
    art: Article, kind: str, cs: int, ce: int, ws: int, we: int, memory: Speaker | None
) -> Speaker | None:
    """The speaker a ``verb`` or ``after`` cue names before it (a verb: also a name right after it)."""
    pronoun = _object_pronoun_before(art, cs, ws) if kind == "after" else None
    if pronoun is not None:
        return antecedent(art, pronoun, memory)  # "ihm zufolge": the person referred to
    best, certain = _nearest_before(art, kind, cs, ws)
    if best is not None and not certain and best.kind in ("role", "source", "org") and kind == "verb":
        best = apposition(art, cs, ws) or best  # "Der Vorsitzende der Partei X, Anna Muster, warf …"
    if best is not None:
        return to_speaker(art, best, memory)
    c = run_before(art, cs, ws)
    if c is None and kind == "verb":
        c = run_after(art, ce, we)
    return to_speaker(art, c, memory) if c is not None else None


def _impersonal_cue(art: Article, cs: int, ce: int, ws: int, we: int, memory: Speaker | None) -> Speaker:
    """The source of an impersonal cue ("hieß es in der Erklärung", "wie es in der Erklärung hieß");
    an empty speaker when none."""
    for c in art.cands_between(cs, we):
        if c.kind in ("source", "org", "person"):
            return to_speaker(art, c, memory) or Speaker(None, None)
    for c in reversed(art.cands_between(ws, cs)):
        if c.kind == "source" and cs - c.end < 40:
            return to_speaker(art, c, memory) or Speaker(None, None)
    return Speaker(None, None)


def speaker_for_cue(
    art: Article, cue: Cue, ws: int, we: int, memory: Speaker | None, quote_at: int | None = None
) -> Speaker | None:
    """The speaker a cue at ``cs:ce`` names, searched in the window ``ws:we`` (for the quotation
    opening at ``quote_at``)."""
    kind, cs, ce = cue
    if kind == "impersonal":
        return _impersonal_cue(art, cs, ce, ws, we, memory)
    if kind == "verb" and art.masked[cs:ce].lower() in art.lex.quoting_verbs:
        pronoun = _object_pronoun(art, ce)
        if pronoun is not None:  # "zitierte ihn der Sender": the person quoted
            return antecedent(art, pronoun, memory)
    if kind == "verb":
        subject = subject_of_verb(art, cs, ws)
        if subject is not None:  # "Sie forderte Merz auf", "Zakharova called Kallas", "has told MPs"
            return to_speaker(art, subject, memory)
    if kind in ("verb", "before"):
        done, sp = _after_cue(art, kind, ce, we, memory, quote_at)
        if done:
            return sp
    return _before_cue(art, kind, cs, ce, ws, we, memory)


def subject_of_verb(art: Article, cs: int, ws: int) -> Cand | None:
    """The subject right before the verb at ``cs``: a person, pronoun, role or name that ends a blank
    (or a word of ``subject_gap_words``: "has told", "hat … aufgefordert") before it, not the object
    of a preposition. Then whatever follows the verb is its object."""
    clause = _clause_subject(art, cs, ws)
    if clause is not None:
        return clause
    end = _gap_start(art, cs, ws)
    if end is None:
        return None
    if art.masked[end - 1 : end] == MASK:
        return _quoted_name(art, end)  # 'Die Zeitung „Le Monde“ schrieb von einem „…“'
    for c in reversed(art.cands_between(max(ws, end - 80), end)):
        if c.end != end:
            return None
        if c.kind not in ("person", "pronoun", "role", "name") or _governed(art, c.start):
            return None
        return c
    if art.lang != "en":
        return None  # capitalized words before a German verb are often no name ("Zugleich", "Auf Nachfrage")
    c = run_before(art, end, ws)
    return None if c is None or _governed(art, c.start) else c


def _first_subject(art: Article, a: int, b: int) -> Cand | None:
    """The first person, pronoun, role or name in ``[a, b)`` that no preposition governs."""
    for c in art.cands_between(a, b):
        if c.kind in ("person", "pronoun", "role", "name") and not _governed(art, c.start):
            return c
    return None


def _clause_subject(art: Article, cs: int, ws: int) -> Cand | None:
    """The subject of a verb at ``cs`` that is not the name right before it: the first one after the
    complementizer of a German verb-final clause ("…, dass Berg dem Präsidenten Lang gesagt habe":
    Berg), or the first one of the sentence for a verb after a coordinating conjunction ("She will
    meet President Lang and said …": she)."""
    s0 = max(ws, art.sent_starts[art.sent_of(cs)])
    words = _WORD.findall(art.masked, max(s0, cs - 20), cs)
    if words and words[-1].lower() in art.lex.coordinators and art.masked[:cs].rstrip().endswith(words[-1]):
        return _coordinated_subject(art, s0, cs)
    if art.lang == "en":
        return None
    coord = _coordinated_clause(art, s0, cs)
    if coord is not None:
        return _coordinated_subject(art, s0, coord)
    comps = art.words_between("complementizer", max(s0, cs - 150), cs)
    if not comps or _CLAUSE_BREAK.search(art.masked, comps[-1].end, cs):
        return None
    return _first_subject(art, comps[-1].end, cs)


#: a German verb that ends its clause (a comma, the sentence end or a closing bracket after it)
_CLAUSE_FINAL = re.compile(r"[\w\-]+\s*(?:[,;.!?)]|$)")


def _coordinated_clause(art: Article, s0: int, cs: int) -> int | None:
    """Where the coordinating conjunction opening the German verb-final clause of the verb at ``cs``
    stands ("…, wo er die Zusagen lobte, … und es als „…“ bezeichnete"), when no subject of its own
    stands between the conjunction and the verb; None otherwise."""
    if _CLAUSE_FINAL.match(art.masked, cs) is None:
        return None
    b = max(s0, cs - 150)
    brk = [m.end() for m in _CLAUSE_BREAK.finditer(art.masked, b, cs)]
    start = brk[-1] if brk else b
    coords = [m for m in _WORD.finditer(art.masked, start, cs) if m.group(0).lower() in art.lex.coordinators]
    if not coords or coords[-1].end() >= cs:
        return None
    pos = coords[-1].start()
    if any(c.kind in ("person", "pronoun", "role", "name") for c in art.cands_between(pos, cs)):
        return None  # "und Merz bezeichnete es als …": a subject of its own
    return pos


def _coordinated_subject(art: Article, s0: int, cs: int) -> Cand | None:
    """The subject of a verb after a coordinating conjunction at ``cs``: that of the verb of saying
    before it in the sentence ("After talks with Trump and Zelenskyy, Rutte described it as … and
    said …": Rutte), else the first one of the sentence."""
    i = art.cue_index(cs) - 1
    while i >= 0 and art.cues[i][1] >= s0:
        kind, ps, _ = art.cues[i]
        if kind == "verb":
            subject = subject_of_verb(art, ps, s0)
            if subject is not None:
                return subject
        i -= 1
    return _first_subject(art, s0, cs)


def _quoted_name(art: Article, end: int) -> Cand | None:
    """A short capitalized quotation closing at ``end`` right before a verb: the name of a medium or
    body that speaks ('Die „Süddeutsche Zeitung“ schrieb …', 'The "Kyiv Independent" reported'),
    a source without a person."""
    i = bisect.bisect_right(art.spans, (end, end)) - 1
    if i < 0 or art.spans[i][1] != end - 1:
        return None
    a, b = art.spans[i]
    inner = art.text[a + 1 : b].strip()
    if not inner[:1].isupper() or len(inner.split()) > art.lex.short_words or inner[-1:] in ".!?,":
        return None
    return Cand(a, b + 1, "source", inner)


def _gap_start(art: Article, cs: int, ws: int) -> int | None:
    """Where the blank (and up to two ``subject_gap_words``) before the verb at ``cs`` begins; None
    when no blank stands right before it ('„…“, sagte', "(said")."""
    m = art.masked
    pos = cs
    for _ in range(3):
        j = len(m[:pos].rstrip(" \t"))
        if j == pos or j < ws:
            return None
        words = _WORD.findall(m, max(ws, j - 20), j)
        if not words or not m[:j].endswith(words[-1]) or words[-1].lower() not in art.lex.subject_gap_words:
            return j
        pos = j - len(words[-1])
    return None


def _particle_follows(art: Article, cs: int, ce: int, we: int) -> bool:
    req = art.lex.particles.get(art.masked[cs:ce].lower())
    if req is None:
        return True
    tail = art.text[ce:we].lower()  # (also inside a quotation: "zeigte sich „vorsichtig optimistisch“")
    return any(re.search(r"(?<![\w\-])" + re.escape(p) + r"(?![\w\-])", tail) for p in req)


def cues(art: Article, ws: int, we: int) -> list[Cue]:
    """Cues of saying in the window ``ws:we`` (a separable verb only with its particle)."""
    out: list[Cue] = []
    i = art.cue_index(ws)
    while i < len(art.cues) and art.cues[i][1] < we:
        kind, cs, ce = art.cues[i]
        i += 1
        if ce > we:
            continue
        if kind == "verb" and not _particle_follows(art, cs, ce, we):
            continue
        out.append((kind, cs, ce))
    return out


_CLAUSE_BREAK = re.compile(r"[,;.!?()\n–—]")
#: between a verb of saying and a quotation inside the clause it reports: a few words of that clause
#: ("sagte, er werde „…“", "said he would “…”")
_REPORTED_GAP = re.compile(r"(,?)\s*([^\W\d][\w\-’']*(?:\s+[\w\-’']+){0,5})")


def _reported_gap(art: Article, gap: str, ce: int, qa: int) -> bool:
    """Whether ``gap`` (between a verb of saying and a quotation) opens the clause the verb reports:
    after a comma or a complementizer, or with a verb of reported speech ("er werde", "he would"); the
    quotation is then the reported words of the verb's subject, even when another verb of saying
    follows it (the reporter's). "sprach von einem „…“" is none."""
    m = _REPORTED_GAP.fullmatch(gap)
    if m is None:
        return False
    words = m.group(2).lower().split()
    if m.group(1) or any(sp.start - ce < 4 for sp in art.words_between("complementizer", ce, qa)):
        return True
    lex = art.lex
    return any(w in lex.subjunctive or w in lex.subjunctive_past or w in lex.finite for w in words)


def cue_rank(art: Article, cue: Cue, qa: int, qb: int) -> tuple[int, int]:
    """The order in which the cues of a quotation are tried: first a verb whose reported clause the
    quotation is part of ('Trump sagte, er werde „…“, erklärte Selenskyj'), then a cue right at it
    ('„…“, sagte Merz', '"…," Berg said', 'sagte: „…“'), then a verb before it whose clause runs on to it
    ('Berg announced she would come “as soon as possible”, Lang insisted …': Berg), then the rest,
    nearest first."""
    _, cs, ce = cue
    if cs >= qb:
        gap = art.masked[qb + 1 : cs]
        close = not re.search(r"[.!?;\n]", gap) and len(_WORD.findall(gap)) <= 3
        return (0 if close else 2, cs - qb)
    gap = art.masked[ce:qa].strip(" \t:")
    if gap and _reported_gap(art, gap, ce, qa):
        return (-1, qa - ce + 1)  # 'Trump sagte, er werde „darüber nachdenken“, erklärte Selenskyj': Trump
    tier = 0 if not gap else 1 if not _CLAUSE_BREAK.search(gap) else 2
    return (tier, qa - ce + 1)


def attribute(
    art: Article, ws: int, we: int, qa: int, qb: int, memory: Speaker | None
) -> tuple[Speaker | None, bool]:
    """Speaker of a quotation with marks at ``qa``/``qb`` in the window ``ws:we``; and whether a cue was seen.

    Cues are tried nearest first (a cue right after the quotation before one in front of it). Only
    :data:`WINDOW` characters on either side of the quotation are read, so a long sentence with many
    quotations costs time linear in its length.
    """
    ws, we = max(ws, qa - WINDOW), min(we, qb + WINDOW)
    found = cues(art, ws, we)
    for cue in sorted(found, key=lambda c: cue_rank(art, c, qa, qb)):
        sp = speaker_for_cue(art, cue, ws, we, memory, qa)
        if sp is not None:
            return sp, True
    return None, bool(found)


_LIST_GAP = re.compile(r"\s*(?:,|,?\s*(?:und|and|sowie|oder|or))\s*")


def subject_before(art: Article, a: int, b: int) -> Speaker | None:
    """The first person named between ``a`` and ``b`` (outside quotations) that no preposition governs."""
    i = art.person_index(a)
    governed_end = -1
    while i < len(art.persons) and art.persons[i].end <= b:
        p = art.persons[i]
        listed = governed_end >= 0 and _LIST_GAP.fullmatch(art.masked, governed_end, p.start)
        if not listed and not _governed(art, p.start):
            return Speaker(p.actor_id, p.text)
        governed_end = p.end  # "ein Treffen zwischen den Präsidenten X, Y und Z": all objects
        i += 1
    return None


#: the most sentences :func:`memory` looks back over
_MEMORY_MAX = 6


def memory(art: Article, si: int, any_line: bool) -> Speaker | None:
    """The last speaker attributed before sentence ``si`` (within ``inherit`` sentences, same line unless
    ``any_line``; four sentences back, any line, when ``any_line``); sentences of reported speech
    without a speaker of their own ("Für Russland bedeute dies nichts.") are passed over."""
    line = art.line_of(art.sent_starts[si])
    reach = 4 if any_line else art.lex.inherit
    sj = si
    while reach > 0 and sj > 0 and si - sj < _MEMORY_MAX:
        sj -= 1
        if not any_line and art.line_of(art.sent_starts[sj]) != line:
            break
        sp = sentence_speaker(art, sj)
        if sp is not None:
            return sp
        if not art.words_between("reported", art.sent_starts[sj], art.sent_ends[sj]):
            reach -= 1  # a sentence of reported speech goes on with the speaker before it
    return None


def sentence_speaker(art: Article, sj: int) -> Speaker | None:
    """Who speaks in sentence ``sj``: the speaker of its quotations, else the one its own cues name
    ("Starmer said the leaders had agreed …"); computed once and kept in ``art.attributed``."""
    if sj not in art.attributed:
        # a sentence whose quotations named nobody (a term: 'sagte Merz nach dem Treffen der
        # "Gruppe der Sieben"') is attributed by its own cues, like one without quotations
        a, b = art.sent_starts[sj], art.sent_ends[sj]
        sp, _ = attribute(art, a, b, b, b, None)
        art.attributed[sj] = sp if sp is not None and sp.named else None
    return art.attributed[sj]
