"""Pass 2: speaker candidates and cues of saying in the sentences around quotations.

Candidates are persons, states and organizations from the mentions (never inside a quotation),
pronouns, role nouns (also at the end of a German compound: ``role_suffixes``), titles before a
name ("Präsident Emmanuel Macron") and source phrases ("der gemeinsamen Erklärung"). Cues are the
verbs of saying and the cue phrases of ``data/quotes.yaml``. All words come from one pass of the
lexicon's :class:`~ukrsec.text.Matcher` over each region.
"""

from __future__ import annotations

import bisect
import re

from ..text import Span, filter_spans
from .lexicon import SPLIT_GAP, Lexicon
from .marks import MASK
from .state import Article, Cand, Cue, Mention, boundary_ok

_TOKEN = re.compile(r"[\wÀ-ÿ][\w.\-’'À-ÿ]*")
_NAME_TOKEN = re.compile(r"[A-ZÀ-ÖØ-Þ][\w\-’'À-ÿ]*\.?$")
_SENT_END = re.compile(r"[.!?…]")
_ROLE = frozenset({"role"})


class _Taken:
    """Characters already claimed by a candidate."""

    def __init__(self, n: int) -> None:
        self.flags = bytearray(n + 1)

    def free(self, s: int, e: int) -> bool:
        return self.flags.find(1, s, e) < 0

    def take(self, s: int, e: int) -> None:
        self.flags[s:e] = b"\x01" * (e - s)


def _mention_cands(
    art: Article, ments: list[Mention], types: dict[str, str], taken: _Taken
) -> tuple[list[Cand], list[tuple[int, int]]]:
    """Persons, and states, organizations and places (not adjectives), from the mentions."""
    cands: list[Cand] = []
    orgs: list[tuple[int, int]] = []
    for s, e, aid, kind, surface in ments:
        t = types.get(aid, "")
        quoted = art.masked[s : s + 1] == MASK  # a name inside a quotation is never its speaker
        if t == "person":
            if quoted:
                continue
            cands.append(Cand(s, e, "person", surface, aid, by_role=kind == "role"))
        elif kind == "adjective" or t not in ("organization", "country", "place"):
            continue
        elif kind == "demonym" and not quoted and (a := _person_demonym(art, s, e)) >= 0:
            cands.append(Cand(a, e, "role", art.text[a:e], aid))  # "sagte der Däne": a person
        else:
            orgs.append((s, e))
            if quoted:
                continue
            cands.append(Cand(s, e, "org", surface, aid))
        taken.take(s, e)
    return cands, orgs


def _person_demonym(art: Article, s: int, e: int) -> int:
    """Start of the article before the demonym ``text[s:e]`` when it names one person of that
    nationality ("der Däne", "die Dänin", "the Dane"; not "die Dänen", "the Danes"), else -1."""
    word = art.text[s:e].lower()
    m = _ARTICLE_BEFORE.search(art.masked, max(0, s - 8), s)
    if m is None or word.endswith(art.lex.demonym_plural):
        return -1
    endings = art.lex.demonym_articles.get(m.group(1).lower())
    if endings is None or (endings and not word.endswith(endings)):
        return -1
    return m.start(1)


#: the word right before a mention (an article, for :func:`_person_demonym`)
_ARTICLE_BEFORE = re.compile(r"(?<![\w\-])(\w+)\s+$")


def _region_spans(lex: Lexicon, masked: str, ra: int, rb: int) -> list[Span]:
    """Every cue span in ``masked[ra:rb]``; offsets are those of the region (add ``ra``)."""
    return [
        sp
        for sp in lex.cues.find(masked[ra:rb])
        if sp.label == "word" or boundary_ok(masked, sp.start + ra, sp.end + ra, sp.label, sp.data.text)
    ]


def _words(
    lex: Lexicon, masked: str, ra: int, rb: int, spans: list[Span]
) -> list[tuple[int, int, frozenset]]:
    """The cue words of a region, leftmost-longest, with the role compounds: ``(start, end, kinds)``."""
    words = filter_spans([s for s in spans if s.label == "word"], key=lambda s: (s.start, s.start - s.end))
    found = [(s.start + ra, s.end + ra, s.data.data) for s in words]
    compounds = [(m.start(), m.end(), _ROLE) for m in lex.compound_role.finditer(masked, ra, rb)]
    if compounds:  # "Verteidigungspolitikerin", "Fraktionschef": a role noun at the end of a compound
        found = sorted(found + compounds, key=lambda w: (w[0], w[1]))
    return found


def _split_cue(masked: str, head: Span, spans: list[Span], ra: int) -> Cue | None:
    """A split impersonal cue ("wie es … hieß"): the head and the first of its closing words that
    follows after white space within :data:`~.lexicon.SPLIT_GAP` characters on the same line."""
    e = head.end + ra
    if not masked[e : e + 1].isspace():
        return None
    ws = len(masked[e : e + SPLIT_GAP]) - len(masked[e : e + SPLIT_GAP].lstrip())
    for sp in spans:
        gap = sp.start + ra - e
        if (
            sp.label == "impersonal_tail"
            and 1 <= gap <= SPLIT_GAP + max(1, ws)
            and sp.data.text in head.data.data
            and "\n" not in masked[e : sp.start + ra]
        ):
            return ("impersonal", head.start + ra, sp.end + ra)
    return None


def _phrase_cues(masked: str, spans: list[Span], ra: int) -> list[Cue]:
    """Cue phrases: ``before`` (the speaker must follow after white space) and ``impersonal``."""
    out: list[Cue] = []
    for sp in spans:
        if sp.label == "impersonal":
            out.append(("impersonal", sp.start + ra, sp.end + ra))
        elif sp.label == "impersonal_head":
            cue = _split_cue(masked, sp, spans, ra)
            if cue:
                out.append(cue)
        elif sp.label == "before":
            e = sp.end + ra
            while e < len(masked) and masked[e].isspace():
                e += 1
            if e > sp.end + ra:
                out.append(("before", sp.start + ra, e))
    return out


def extend_back(lex: Lexicon, masked: str, pos: int, floor: int) -> int:
    """Start of a determiner and up to two adjectives before ``pos`` ("der gemeinsamen", "diplomatische")."""
    n_adj = 0
    while True:
        i = pos
        while i > floor and masked[i - 1] == " ":
            i -= 1
        if i == pos or i <= floor:
            return pos
        j = i
        while j > floor and (masked[j - 1].isalnum() or masked[j - 1] == "-"):
            j -= 1
        w = masked[j:i]
        if not w:
            return pos
        if w.lower() in lex.determiners:
            return j
        if n_adj < 2 and w[0].islower() and w.endswith(lex.adjective_endings) and w not in lex.auxiliaries:
            n_adj += 1
            pos = j
            continue
        return pos


def _is_name_token(lex: Lexicon, w: str, toks: list) -> bool | None:
    """True: a name word; False: a particle inside a name; None: no part of a name."""
    if _NAME_TOKEN.match(w) and w not in lex.not_names:
        return True
    if toks and w in lex.name_particles:
        return False
    return None


def run_after(art: Article, pos: int, limit: int) -> Cand | None:
    """A run of 1–5 capitalized words right after ``pos`` ("sagte Präsident Emmanuel Macron")."""
    text, masked, lex = art.text, art.masked, art.lex
    toks: list[re.Match[str]] = []
    for m in _TOKEN.finditer(masked, pos, limit):
        if masked[pos : m.start()].strip() if not toks else masked[toks[-1].end() : m.start()].strip():
            break
        w = m.group(0).rstrip(".")
        kind = _is_name_token(lex, w, toks)
        full = len(toks) >= 2 and _is_name_token(lex, toks[-1].group(0), toks)
        if kind is None or (kind is False and full):
            break  # "Laurent Imboden von der Universität": a particle after a full name starts a place
        toks.append(m)
        if len(toks) >= 5:
            break
        if m.group(0).endswith(".") and len(w) > 1 and w not in lex.title_abbreviations:
            break  # "… Agnieszka Brugger. AfD-Fraktionschef …": a name does not run over a sentence end
    while toks and toks[-1].group(0) in lex.name_particles:
        toks.pop()
    if not toks:
        return None
    s, e = toks[0].start(), toks[-1].end()
    if text[e - 1] == "." and e - 1 > s:
        e -= 1
    return Cand(s, e, "name", text[s:e])


def run_before(art: Article, pos: int, floor: int) -> Cand | None:
    """A run of 1–4 capitalized words ending right before ``pos`` ("Präsident Macron betonte")."""
    toks = list(_TOKEN.finditer(art.masked, max(floor, pos - 80), pos))
    run: list[re.Match[str]] = []
    end = pos
    for m in reversed(toks):
        if art.masked[m.end() : end].strip():
            break
        w = m.group(0)
        if not (_NAME_TOKEN.match(w) and w not in art.lex.not_names):
            break
        run.insert(0, m)
        end = m.start()
        if len(run) >= 4:
            break
    if not run:
        return None
    prev = _TOKEN.findall(art.masked[max(floor, run[0].start() - 30) : run[0].start()])
    if prev and prev[-1] in art.lex.object_before:
        return None
    return Cand(run[0].start(), run[-1].end(), "name", art.text[run[0].start() : run[-1].end()])


class _Scan:
    """The candidates and cues of one article, collected region by region."""

    def __init__(self, art: Article, ments: list[Mention], types: dict[str, str]) -> None:
        self.art = art
        self.taken = _Taken(len(art.text))
        self.cands, self.orgs = _mention_cands(art, ments, types, self.taken)
        self.org_cands = sorted((c for c in self.cands if c.kind == "org"), key=lambda c: c.start)
        self.org_starts = [c.start for c in self.org_cands]
        self.cues: list[Cue] = []
        self.labelled: dict[str, list[Span]] = {}

    def region(self, ra: int, rb: int) -> None:
        art = self.art
        spans = _region_spans(art.lex, art.masked, ra, rb)
        for s, e, ks in _words(art.lex, art.masked, ra, rb, spans):
            self.word(s, e, ks, ra)
        self.cues += _phrase_cues(art.masked, spans, ra)
        for sp in spans:
            if sp.label in ("term_prefix", "reported", "complementizer"):
                self.labelled.setdefault(sp.label, []).append(Span(sp.start + ra, sp.end + ra, sp.label))

    def word(self, s: int, e: int, ks: frozenset[str], ra: int) -> None:
        """Turn one cue word into cues and candidates."""
        masked = self.art.masked
        pre, post = masked[s - 1 : s], masked[e : e + 1]
        glued = pre == "-" or post == "-"
        if "verb" in ks and not glued:
            self.cues.append(("verb", s, e))
        if "after" in ks:
            self.cues.append(("after", s, e))
        if "pronoun" in ks and not glued:
            self.pronoun(s, e)
        if "source" in ks or ("role" in ks and post != "-"):
            s2 = s
            if pre == "-":  # "US-Sondergesandte", "Euractiv-Berichten"
                while s2 > 0 and (masked[s2 - 1].isalnum() or masked[s2 - 1] == "-"):
                    s2 -= 1
            s3 = extend_back(self.art.lex, masked, s2, ra)
            if "source" in ks:
                self.source(s3, e)
            else:
                self.role(s, s2, s3, e)

    def pronoun(self, s: int, e: int) -> None:
        """A pronoun (formal "Sie" inside a sentence is none)."""
        text = self.art.text
        formal = text[s:e] == "Sie" and s > 0 and not _SENT_END.search(text[max(0, s - 3) : s])
        if not formal and self.taken.free(s, e):
            self.cands.append(Cand(s, e, "pronoun", text[s:e]))

    def source(self, s3: int, e: int) -> None:
        """A source phrase; around an org mention ("aus dem Élysée") the phrase names the org."""
        text = self.art.text
        i = bisect.bisect_left(self.org_starts, s3)
        inner = []
        while i < len(self.org_cands) and self.org_cands[i].start < e:
            if self.org_cands[i].end <= e:
                inner.append(self.org_cands[i])
            i += 1
        for c in inner:
            c.text = text[s3:e]
        if not inner and self.taken.free(s3, e):
            self.cands.append(Cand(s3, e, "source", text[s3:e]))
            self.taken.take(s3, e)

    def role(self, s: int, s2: int, s3: int, e: int) -> None:
        """A role noun, or a title before a name ("Präsident Emmanuel Macron": the name speaks)."""
        text = self.art.text
        run = run_after(self.art, e, min(len(text), e + 60))
        if run is not None:
            if self.taken.free(run.start, run.end):
                self.cands.append(Cand(s3, run.end, "name", text[s3 : run.end]))
                self.taken.take(s3, run.end)
            return
        if self.taken.free(s3, e) or (s2 < s and self.taken.free(s, e)):  # "der SPD-Politiker"
            self.cands.append(Cand(s3, e, "role", text[s3:e]))
            self.taken.take(s3, e)


def scan(art: Article, regions: list[tuple[int, int]], ments: list[Mention], types: dict[str, str]) -> None:
    """Fill ``art`` with the candidates, cues and labelled cue spans of ``regions`` (sorted, disjoint)."""
    sc = _Scan(art, ments, types)
    for ra, rb in regions:
        sc.region(ra, rb)
    sc.cands.sort(key=lambda c: c.start)
    sc.cues.sort(key=lambda c: c[1])
    art.set_cands(sc.cands, sc.orgs, sc.cues)
    art.words = {label: sorted(spans) for label, spans in sc.labelled.items()}
    art.word_starts = {label: [sp.start for sp in spans] for label, spans in art.words.items()}
