"""Stage ``quotes``: quotations in the article text with their speakers.

What it finds (see ``docs/quotes.md``):

* Direct quotes between any pair of quotation marks („…“ “…” "…" '…' «…» »…« ‚…‘ ‘…’), over
  several sentences too; apostrophes inside words (Trump's, geht's) are not marks.
* Block quotes without marks: a paragraph introduced by a line ending in a verb of saying and a
  colon ("Nach dem Treffen sagte er:"), or followed by a line that holds nothing but the speaker's
  name ("Friedrich Merz").
* The speaker from the verbs of saying around the quote ("sagte Starmer", "Starmer sagte",
  "…, so Merz", "teilte X … mit", "laut X", "X zufolge", "said", "according to"), from role
  references resolved by the actors stage, and from pronouns and bare role nouns ("sagte er",
  "der französische Führer") back to the last person named before. Documents and unnamed sources
  ("hieß es in der gemeinsamen Erklärung", "so diplomatische Quellen") fill ``speaker_text`` only.
  A quotation without any cue continues the speaker of the sentence(s) just before it.
* Names and scare quotes ("die sogenannte 'Koalition der Willigen'", „Unterstützung“ with nobody
  saying it) get ``kind = term`` so analyses can drop them.

All words (verbs, source nouns, role nouns, …) come from ``data/quotes.yaml``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd

from . import schema
from .patterns import word_trie
from .resources import read_yaml

#: opening mark -> the marks that close it
CLOSERS: dict[str, str] = {
    "„": "“”\"",
    "‚": "‘’'",
    "“": "”“",
    "”": "”",
    "«": "»",
    "»": "«",
    "‘": "’",
    "\"": "\"",
    "'": "'",
}
_MARK = re.compile("[" + re.escape("".join(sorted(set("".join(CLOSERS) + "".join(CLOSERS.values()))))) + "]")
#: characters around a quotation (within its sentence) searched for its speaker
WINDOW = 400
#: what a masked quotation looks like to the cue search (not a word, not a space, not punctuation)
MASK = "¤"
_BEFORE_OPEN = set(" \t\n([{/–—-:;,>") | {""}
_TOKEN = re.compile(r"[\wÀ-ÿ][\w.\-’'À-ÿ]*")
_NAME_TOKEN = re.compile(r"[A-ZÀ-ÖØ-Þ][\w\-’'À-ÿ]*\.?$")
_NAME_PARTICLES = frozenset("von van der de da di du le la al bin ten zu".split())
_GAP_AFTER = re.compile(r"^[\s\w\-’'À-ÿ]{0,45}$")   # between a cue and a speaker that follows it
_GAP_BEFORE = re.compile(r"^[^.;:!?¤\n]{0,90}$")      # between a speaker and the verb after it
_SENT_END = re.compile(r"[.!?…]")
#: words that open the clause of what was said; a name after them is not the speaker
_COMPLEMENTIZER = re.compile(r"(?<![\w\-])(?:that|dass|daß|ob|whether)(?![\w\-])", re.IGNORECASE)
#: what may stand between a quotation and a verb of saying right after it / right before it
_ADJ_AFTER = re.compile(r"[\s,–—-]*(?:(?:the|a|an|der|die|das|ein|eine)?\s*[\w\-]+\s+)?$")
_ADJ_BEFORE = re.compile(r"\s*:?\s*$")
#: auxiliaries that look like adjectives to the source/role patterns
_AUX = r"(?:würden|werden|wurden|haben|hatten|hätten|sollen|sollten|wollen|wollten|können|könnten|müssen|" \
       r"müssten|seien|waren|wären|sind|often|been|seen|can|then|when|than)"
#: words before a capitalized run that make it an object, not the subject of a verb ("in die Ukraine")
_OBJECT_BEFORE = frozenset("in im ins die den dem der des nach mit von vom für auf an am zu zum zur aus bei "
                           "über gegen durch um the to of with for from at on by into".split())


@dataclass(frozen=True)
class Lexicon:
    """The compiled word lists of ``data/quotes.yaml``."""

    words: re.Pattern[str]            # every verb, pronoun, source noun, role noun and postposition
    kinds: dict[str, frozenset[str]]  # folded word -> its kinds: verb, pronoun, source, role, after
    particles: dict[str, frozenset[str] | None]
    phrases: tuple[tuple[str, str, re.Pattern[str]], ...]   # (kind, anchor, pattern): before / impersonal
    term_prefix: re.Pattern[str]
    compound_role: re.Pattern[str]
    medium: re.Pattern[str]
    reported: re.Pattern[str]
    first_person: re.Pattern[str]
    not_names: frozenset[str]
    max_chars: int
    short_words: int
    inherit: int


def _alt(words: list[str], escape: bool = True) -> str:
    ws = sorted({w.strip() for w in words if w and str(w).strip()}, key=len, reverse=True)
    return "|".join((re.escape(w).replace(r"\ ", r"\s+") if escape else w) for w in ws) or "(?!)"


def _key(word: str) -> str:
    return " ".join(word.split()).lower()


def _variants(word: str) -> set[str]:
    w = " ".join(str(word).split())
    return {w, w.lower(), w[:1].upper() + w[1:]} if w else set()


def _anchor(fragment: str) -> str:
    """The longest literal word of a regular-expression fragment outside groups (lower case), for a fast
    substring test before the expression runs; "" when there is none."""
    f = re.sub(r"\\.", " ", fragment)
    prev = None
    while prev != f:
        prev, f = f, re.sub(r"\([^()]*\)", " ", f)
    words = re.findall(r"[^\W\d_]+", f)
    return max(words, key=len).lower() if words else ""


@lru_cache(maxsize=8)
def lexicon(data_dir: str | None = None) -> Lexicon:
    """Compiled regular expressions from ``data/quotes.yaml`` (cached per ``data_dir``)."""
    cfg: dict[str, Any] = read_yaml("quotes.yaml", data_dir) or {}
    particles: dict[str, frozenset[str] | None] = {}
    for lang_words in (cfg.get("speech_verbs") or {}).values():
        for entry in lang_words or []:
            parts = [p for p in re.split(r"\s*(?:…|\.\.\.)\s*", str(entry).strip()) if p]
            head = parts[0].lower()
            if len(parts) == 1:
                particles[head] = None
            elif particles.get(head, frozenset()) is not None:
                known = particles.get(head) or frozenset()
                particles[head] = known | frozenset(p.lower() for p in parts[1:])
    kinds: dict[str, set[str]] = {}
    surface: set[str] = set()
    for kind, words in (("verb", list(particles)), ("pronoun", cfg.get("pronouns") or []),
                        ("source", cfg.get("source_nouns") or []), ("role", cfg.get("role_nouns") or []),
                        ("after", cfg.get("speaker_after_cues") or [])):
        for w in words:
            if str(w).strip():
                kinds.setdefault(_key(str(w)), set()).add(kind)
                surface |= _variants(str(w))
    words_rx = re.compile(r"(?<!\w)" + word_trie(surface, flexible_space=True) + r"(?!\w)")
    phrases = []
    for kind, key, tail in (("before", "speaker_before_cues", r"\s+"),
                            ("impersonal", "impersonal_cues", r"(?![\w\-])")):
        for frag in map(str, cfg.get(key) or []):
            lead = r"(?<![\w\-])" if frag[:1].isalpha() else ""
            phrases.append((kind, _anchor(frag), re.compile(lead + "(?:" + frag + ")" + tail, re.IGNORECASE)))
    suffixes = [str(w).lower() for w in cfg.get("role_suffixes") or []]
    compound_role = re.compile(r"(?<!\w)[A-ZÄÖÜ][a-zäöüß]{2,}(?:" + _alt(suffixes) + r")(?![\w\-])"
                               if suffixes else r"(?!)")
    term_prefix = re.compile(r"(?<![\w\-])(?:" + _alt(cfg.get("term_prefixes") or []) + r")\s*"
                             + r"(?:[\w\-]+\s+){0,1}$", re.IGNORECASE)
    medium = re.compile(r"(?<![\w\-])(?:" + _alt(list(particles)) + r")(?:\s+\S+){0,2}?\s+(?:"
                        + _alt(cfg.get("medium_prefixes") or []) + r")\s*$", re.IGNORECASE)
    reported = re.compile(r"(?<![\w\-])(?:" + _alt(cfg.get("reported_speech_markers") or []) + r")(?![\w\-])",
                          re.IGNORECASE)
    first = re.compile(r"(?<![\w\-])(?:" + _alt(cfg.get("first_person") or []) + r")(?![\w\-])")
    return Lexicon(
        words=words_rx, kinds={k: frozenset(v) for k, v in kinds.items()}, particles=particles,
        phrases=tuple(phrases), term_prefix=term_prefix, compound_role=compound_role, medium=medium,
        reported=reported,
        first_person=first, not_names=frozenset(str(w) for w in cfg.get("not_names") or []),
        max_chars=int(cfg.get("max_quote_chars", 1500)), short_words=int(cfg.get("short_words", 4)),
        inherit=int(cfg.get("inherit_sentences", 2)),
    )


_ROLE = frozenset({"role"})
#: abbreviated titles and ranks a name may run over ("Lt. Col. Ingrid Haugland", "Dr. Merz")
_TITLE_ABBREVIATIONS = frozenset("Dr Prof St Jr Sr Mr Mrs Ms Hr Fr Lt Col Gen Maj Capt Cpt Sgt Adm Brig Cmdr "
                                 "Gov Sen Rep Rev Hon Pres Sec Amb Min".split())
_DETERMINERS = frozenset("der die das dem den des ein eine einem einer eines the a an".split())
_ADJ_END = ("e", "en", "er", "es", "ed", "al", "an", "ic")
_AUX_WORDS = frozenset(_AUX.strip("(?:)").split("|"))


def _extend_back(masked: str, pos: int, floor: int) -> int:
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
        if w.lower() in _DETERMINERS:
            return j
        if n_adj < 2 and w[0].islower() and w.endswith(_ADJ_END) and w not in _AUX_WORDS:
            n_adj += 1
            pos = j
            continue
        return pos


# ---------------------------------------------------------------------------------------------
# quotation marks


def _can_open(text: str, i: int, c: str) -> bool:
    nxt = text[i + 1:i + 2]
    if not nxt or nxt.isspace():
        return False
    prev = text[i - 1:i] if i else ""
    if c in "„«»":
        return True
    if c == "‚":
        return nxt.isalnum()
    if c in "'‘":
        return prev in _BEFORE_OPEN or prev in "„“\"" and nxt != c
    if c in "\"“”":
        return prev in _BEFORE_OPEN or not prev.isalnum()
    return False


def _can_close(text: str, i: int, c: str, opener: str) -> bool:
    prev = text[i - 1:i]
    nxt = text[i + 1:i + 2]
    if c in "'’":
        # an apostrophe inside a word (Trump's, geht's) never closes
        return bool(prev) and not prev.isspace() and not (nxt.isalnum() and prev.isalpha())
    if c == "\"" or (c == "“" and opener == "“"):
        return bool(prev) and not prev.isspace() and not nxt.isalnum()
    return True


def find_marked(text: str, max_chars: int = 1500) -> list[tuple[int, int]]:
    """Spans ``(open_mark, close_mark)`` of the quotations in ``text`` (outermost marks only).

    A quotation does not run over a paragraph break, except in the English convention where a
    quote continues in the next paragraph that opens with the same mark (the paragraph is then a
    quotation of its own, closed by the line break).
    """
    marks = [m.start() for m in _MARK.finditer(text)]
    out: list[tuple[int, int]] = []
    k = 0
    n = len(marks)
    while k < n:
        p = marks[k]
        c = text[p]
        if c not in CLOSERS or not _can_open(text, p, c):
            k += 1
            continue
        closers = CLOSERS[c]
        nl = text.find("\n", p)
        limit = min(p + max_chars, nl if nl >= 0 else len(text))
        found = -1
        j = k + 1
        while j < n and marks[j] < limit:
            q = marks[j]
            if text[q] in closers and _can_close(text, q, text[q], c):
                found = j
                break
            j += 1
        if found >= 0:
            out.append((p, marks[found]))
            k = found + 1
            continue
        if nl >= 0 and nl - p <= max_chars:
            rest = text[nl + 1:nl + 4].lstrip()
            if rest[:1] == c and text[p + 1:nl].strip():
                out.append((p, nl))   # paragraph-continued quotation: closed by the line break
        k += 1
    return out


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


# ---------------------------------------------------------------------------------------------
# speakers


@dataclass
class Cand:
    """A possible speaker in the text: person, pronoun, role, source, org or a bare name."""

    start: int
    end: int
    kind: str
    text: str
    actor_id: str | None = None


@dataclass
class Speaker:
    """A resolved speaker."""

    actor_id: str | None
    text: str | None


@dataclass
class _Article:
    text: str
    masked: str
    sent_starts: list[int]
    sent_ends: list[int]
    line_starts: list[int]
    cands: list[Cand]
    cand_starts: list[int]
    persons: list[Cand]
    person_starts: list[int]
    org_spans: list[tuple[int, int]]
    cues: list[tuple[str, int, int]]
    cue_starts: list[int]
    last_names: dict[str, str]
    actor_names: dict[str, str]
    lex: Lexicon

    def sent_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def line_of(self, pos: int) -> int:
        return bisect.bisect_right(self.line_starts, pos) - 1


@lru_cache(maxsize=4096)
def _fold(s: str) -> str:
    import unicodedata
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()


Cue = tuple[str, int, int]


def _scan(text: str, masked: str, regions: list[tuple[int, int]], ments: list[tuple[int, int, str, str, str]],
          types: dict[str, str], lex: Lexicon) -> tuple[list[Cand], list[tuple[int, int]], list[Cue]]:
    """Speaker candidates (sorted), spans of non-person mentions, and cues of saying (sorted) of one article.

    Words are looked up only inside ``regions`` (the sentences around quotations)."""
    cands: list[Cand] = []
    taken = bytearray(len(text) + 1)
    orgs: list[tuple[int, int]] = []
    for s, e, aid, kind, surface in ments:
        t = types.get(aid, "")
        quoted = masked[s:s + 1] == MASK   # a name inside a quotation is never its speaker
        if t == "person":
            if quoted:
                continue
            cands.append(Cand(s, e, "person", surface, aid))
        elif kind == "adjective" or t not in ("organization", "country", "place"):
            continue
        else:
            orgs.append((s, e))
            if quoted:
                continue
            cands.append(Cand(s, e, "org", surface, aid))
        taken[s:e] = b"\x01" * (e - s)
    org_cands = sorted((c for c in cands if c.kind == "org"), key=lambda c: c.start)
    org_starts = [c.start for c in org_cands]

    def free(s: int, e: int) -> bool:
        return taken.find(1, s, e) < 0

    cues: list[tuple[str, int, int]] = []
    for ra, rb in regions:
        found = [(m.start(), m.end(), lex.kinds.get(_key(m.group(0)), frozenset()))
                 for m in lex.words.finditer(masked, ra, rb)]
        compounds = [(m.start(), m.end(), _ROLE) for m in lex.compound_role.finditer(masked, ra, rb)]
        if compounds:   # "Verteidigungspolitikerin", "Fraktionschef": a role noun at the end of a compound
            found = sorted(found + compounds)
        for s, e, ks in found:
            pre, post = masked[s - 1:s], masked[e:e + 1]
            if "verb" in ks and pre != "-" and post != "-":
                cues.append(("verb", s, e))
            if "after" in ks:
                cues.append(("after", s, e))
            if "pronoun" in ks and pre != "-" and post != "-":
                if not (text[s:e] == "Sie" and s > 0 and not _SENT_END.search(text[max(0, s - 3):s])):
                    if free(s, e):   # (formal "Sie" inside a sentence is no pronoun of a speaker)
                        cands.append(Cand(s, e, "pronoun", text[s:e]))
            if "source" not in ks and ("role" not in ks or post == "-"):
                continue
            s2 = s
            if pre == "-":   # "US-Sondergesandte", "Euractiv-Berichten"
                while s2 > 0 and (masked[s2 - 1].isalnum() or masked[s2 - 1] == "-"):
                    s2 -= 1
            s3 = _extend_back(masked, s2, ra)
            if "source" in ks:
                # a source phrase around an org mention ("aus dem Élysée"): the phrase names the org
                i = bisect.bisect_left(org_starts, s3)
                inner = []
                while i < len(org_cands) and org_cands[i].start < e:
                    if org_cands[i].end <= e:
                        inner.append(org_cands[i])
                    i += 1
                for c in inner:
                    c.text = text[s3:e]
                if inner:
                    continue
                if free(s3, e):
                    cands.append(Cand(s3, e, "source", text[s3:e]))
                    taken[s3:e] = b"\x01" * (e - s3)
                continue
            run = _run_after(text, masked, lex.not_names, e, min(len(text), e + 60))
            if run is not None:
                # a title before a name ("Präsident Emmanuel Macron"): the name is the speaker
                if free(run.start, run.end):
                    cands.append(Cand(s3, run.end, "name", text[s3:run.end]))
                    taken[s3:run.end] = b"\x01" * (run.end - s3)
                continue
            if free(s3, e) or (s2 < s and free(s, e)):   # "der SPD-Politiker": the party is no speaker
                cands.append(Cand(s3, e, "role", text[s3:e]))
                taken[s3:e] = b"\x01" * (e - s3)
        low = masked[ra:rb].lower()
        for kind, anchor, rx in lex.phrases:
            if anchor in low:
                for x in rx.finditer(masked, ra, rb):
                    cues.append((kind, x.start(), x.end()))
    cands.sort(key=lambda c: c.start)
    cues.sort(key=lambda c: c[1])
    return cands, orgs, cues


def _name_run_after(art: _Article, pos: int, limit: int) -> Cand | None:
    """A run of 1–4 capitalized words right after ``pos`` ("sagte Präsident Emmanuel Macron")."""
    return _run_after(art.text, art.masked, art.lex.not_names, pos, limit)


def _run_after(text: str, masked: str, not_names: frozenset[str], pos: int, limit: int) -> Cand | None:
    toks: list[re.Match[str]] = []
    for m in _TOKEN.finditer(masked, pos, limit):
        if masked[pos:m.start()].strip() if not toks else masked[toks[-1].end():m.start()].strip():
            break
        w = m.group(0).rstrip(".")
        if _NAME_TOKEN.match(w) and w not in not_names:
            toks.append(m)
        elif toks and w in _NAME_PARTICLES:
            toks.append(m)
        else:
            break
        if len(toks) >= 5:
            break
        if m.group(0).endswith(".") and len(w) > 1 and w not in _TITLE_ABBREVIATIONS:
            break   # "… Agnieszka Brugger. AfD-Fraktionschef …": a name does not run over a sentence end
    while toks and toks[-1].group(0) in _NAME_PARTICLES:
        toks.pop()
    if not toks:
        return None
    s, e = toks[0].start(), toks[-1].end()
    if text[e - 1] == "." and e - 1 > s:
        e -= 1
    return Cand(s, e, "name", text[s:e])


def _name_run_before(art: _Article, pos: int, floor: int) -> Cand | None:
    """A run of 1–4 capitalized words ending right before ``pos`` ("Präsident Macron betonte")."""
    toks = [m for m in _TOKEN.finditer(art.masked, max(floor, pos - 80), pos)]
    run: list[re.Match[str]] = []
    end = pos
    for m in reversed(toks):
        if art.masked[m.end():end].strip():
            break
        w = m.group(0)
        if _NAME_TOKEN.match(w) and w not in art.lex.not_names:
            run.insert(0, m)
            end = m.start()
        else:
            break
        if len(run) >= 4:
            break
    if not run:
        return None
    prev = _TOKEN.findall(art.masked[max(floor, run[0].start() - 30):run[0].start()])
    if prev and prev[-1] in _OBJECT_BEFORE:
        return None
    return Cand(run[0].start(), run[-1].end(), "name", art.text[run[0].start():run[-1].end()])


def _antecedent(art: _Article, pos: int, memory: Speaker | None) -> Speaker | None:
    """The person a pronoun or bare role noun at ``pos`` refers to."""
    si = art.sent_of(pos)
    s0 = art.sent_starts[si]
    # a person named earlier in the same sentence ("Als Merz ankam, sagte er")
    i = bisect.bisect_left(art.person_starts, pos)
    if i > 0 and art.persons[i - 1].start >= s0:
        p = art.persons[i - 1]
        return Speaker(p.actor_id, p.text)
    # otherwise the first person (the subject, usually) of the nearest earlier sentence naming one
    for back in range(1, 4):
        sj = si - back
        if sj < 0:
            break
        a, b = art.sent_starts[sj], art.sent_ends[sj]
        k = bisect.bisect_left(art.person_starts, a)
        if k < len(art.persons) and art.persons[k].start < b:
            p = art.persons[k]
            return Speaker(p.actor_id, p.text)
    return memory


def _to_speaker(art: _Article, c: Cand, memory: Speaker | None) -> Speaker | None:
    if c.kind in ("person", "org"):
        return Speaker(c.actor_id, c.text)
    if c.kind == "source":
        return Speaker(None, c.text)
    if c.kind in ("pronoun", "role"):
        return _antecedent(art, c.start, memory)
    # a bare name: map to a person actor by its last name when the actors stage knows it
    last = _fold(c.text.replace("-", " ").split()[-1]) if c.text.split() else ""
    return Speaker(art.last_names.get(last), c.text)


def _cands_between(art: _Article, a: int, b: int) -> list[Cand]:
    i = bisect.bisect_left(art.cand_starts, a)
    out = []
    while i < len(art.cands) and art.cands[i].start < b:
        if art.cands[i].end <= b:
            out.append(art.cands[i])
        i += 1
    return out


_RANK = {"person": 0, "role": 0, "pronoun": 0, "name": 0, "source": 1, "org": 2}


def _speaker_for_cue(art: _Article, kind: str, cs: int, ce: int, ws: int, we: int,
                     memory: Speaker | None) -> Speaker | None:
    """The speaker a cue at ``cs:ce`` names, searched in the window ``ws:we``."""
    m = art.masked
    if kind in ("verb", "before"):
        org: Cand | None = None
        for c in _cands_between(art, ce, min(we, ce + 60)):
            if not _GAP_AFTER.match(m[ce:c.start]) or _COMPLEMENTIZER.search(m, ce, c.start):
                break   # "said on Sunday that Putin had agreed": Putin is the subject of what was said
            if c.kind == "org":
                org = org or c   # "nach den Worten von Frankreichs Präsident Macron": a person wins
                continue
            if kind == "verb" and c.kind not in ("person", "pronoun", "role", "name"):
                continue
            if kind == "verb" and c.kind == "pronoun" and m[ce:c.start].strip():
                continue
            return _to_speaker(art, c, memory)
        if kind == "before":
            c = org or _name_run_after(art, ce, we)
            return _to_speaker(art, c, memory) if c else None
    if kind in ("verb", "after"):
        best: Cand | None = None
        for c in reversed(_cands_between(art, max(ws, cs - 200), cs)):
            if not _GAP_BEFORE.match(m[c.end:cs]) and kind == "after":
                break
            if kind == "after" and m[c.end:cs].strip():
                break   # "X zufolge": X right before
            if best is None or _RANK[c.kind] < _RANK[best.kind]:
                best = c
            if _RANK[c.kind] == 0:
                break
        if best is not None:
            return _to_speaker(art, best, memory)
        c = _name_run_before(art, cs, ws)
        if c is None and kind == "verb":
            c = _name_run_after(art, ce, we)
        if c is not None:
            return _to_speaker(art, c, memory)
    if kind == "impersonal":
        for c in _cands_between(art, ce, we):
            if c.kind in ("source", "org", "person"):
                return _to_speaker(art, c, memory)
        for c in reversed(_cands_between(art, ws, cs)):
            if c.kind in ("source",) and cs - c.end < 40:
                return _to_speaker(art, c, memory)
        return Speaker(None, None)
    return None


def _cues(art: _Article, ws: int, we: int) -> list[tuple[str, int, int]]:
    """Cues of saying in the window: ``(kind, start, end)``."""
    out: list[tuple[str, int, int]] = []
    i = bisect.bisect_left(art.cue_starts, ws)
    while i < len(art.cues) and art.cues[i][1] < we:
        kind, cs, ce = art.cues[i]
        i += 1
        if ce > we:
            continue
        if kind == "verb":
            req = art.lex.particles.get(art.masked[cs:ce].lower())
            if req is not None:
                tail = art.masked[ce:we].lower()
                if not any(re.search(r"(?<![\w\-])" + re.escape(p) + r"(?![\w\-])", tail) for p in req):
                    continue
        out.append((kind, cs, ce))
    return out


def attribute(art: _Article, ws: int, we: int, qa: int, qb: int,
              memory: Speaker | None) -> tuple[Speaker | None, bool]:
    """Speaker of a quotation with marks at ``qa``/``qb`` in the window ``ws:we``; and whether a cue was seen.

    Cues are tried nearest first (a cue right after the quotation before one in front of it). Only
    :data:`WINDOW` characters on either side of the quotation are read, so a long sentence with many
    quotations costs time linear in its length.
    """
    ws, we = max(ws, qa - WINDOW), min(we, qb + WINDOW)
    cues = _cues(art, ws, we)

    def dist(c: tuple[str, int, int]) -> int:
        return c[1] - qb if c[1] >= qb else qa - c[2] + 1

    for kind, cs, ce in sorted(cues, key=dist):
        sp = _speaker_for_cue(art, kind, cs, ce, ws, we, memory)
        if sp is not None:
            return sp, True
    return None, bool(cues)


# ---------------------------------------------------------------------------------------------
# the stage


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every quotation (marks included) replaced by :data:`MASK` (line breaks kept)."""
    if not spans:
        return text
    parts = []
    last = 0
    for a, b in spans:
        parts.append(text[last:a])
        parts.append(re.sub(r"[^\n]", MASK, text[a:b + 1]))
        last = b + 1
    parts.append(text[last:])
    return "".join(parts)[:len(text)]


def _prepare(text: str, spans: list[tuple[int, int]], sents: list[tuple[int, int]], lex: Lexicon,
             last_names: dict[str, str], names: dict[str, str]) -> _Article:
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    if not sents:
        sents = [(0, len(text))]
    return _Article(text=text, masked=_mask(text, spans), sent_starts=[s for s, _ in sents],
                    sent_ends=[e for _, e in sents], line_starts=line_starts, cands=[], cand_starts=[],
                    persons=[], person_starts=[], org_spans=[], cues=[], cue_starts=[],
                    last_names=last_names, actor_names=names, lex=lex)


def _fill(art: _Article, regions: list[tuple[int, int]], ments: list[tuple[int, int, str, str, str]],
          types: dict[str, str]) -> None:
    cands, orgs, cues = _scan(art.text, art.masked, regions, ments, types, art.lex)
    art.cands, art.cand_starts = cands, [c.start for c in cands]
    art.persons = [c for c in cands if c.kind == "person"]
    art.person_starts = [c.start for c in art.persons]
    art.org_spans, art.cues, art.cue_starts = orgs, cues, [c[1] for c in cues]


def _merge(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(regions):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _is_term(art: _Article, qa: int, qb: int, s: int, e: int, speaker: Speaker | None) -> bool:
    """Whether the quotation ``text[s:e]`` (marks at ``qa``, ``qb``) is a name or scare quote."""
    t = art.text
    lex = art.lex
    left = t[max(0, qa - 40):qa]
    if lex.term_prefix.search(left):
        return True
    words = t[s:e].split()
    short = len(words) <= lex.short_words and not _SENT_END.search(t[s:e].rstrip(".!?…,;: ")[:-1] or "")
    # the whole quotation is the name of an organization or state
    k = bisect.bisect_right(art.org_spans, (s + 1, len(t)))
    while k > 0 and art.org_spans[k - 1][0] >= s - 3:   # (mentions start inside or at the quotation)
        a, b = art.org_spans[k - 1]
        if a <= s + 1 and b >= e - 1 and (b - a) >= 0.8 * (e - s):
            return True
        k -= 1
    after = t[qb + 1:qb + 3]
    if short and after[:1] == "-" and after[1:2].isalpha():
        return True   # „Spiegel“-Interview
    if short and words and words[0][:1].isupper() and lex.medium.search(art.masked[max(0, qa - 60):qa]):
        return True   # sagte er der „Bild“
    if not short or (speaker is not None and (speaker.actor_id or speaker.text)):
        return False
    # a short quotation right next to a verb of saying is still a quotation ('"We stand united," they said')
    for kind, cs, ce in _cues(art, max(art.sent_starts[art.sent_of(qa)], qa - WINDOW),
                              min(art.sent_ends[art.sent_of(qb)], qb + WINDOW)):
        if kind in ("verb", "impersonal") and (_ADJ_AFTER.match(art.masked, qb + 1, cs)
                                               or _ADJ_BEFORE.match(art.masked, ce, qa)):
            return False
    return True


Block = tuple[int, int, "tuple[int, int] | None", "tuple[int, int] | None"]


def _block_candidates(art: _Article, spans: list[tuple[int, int]]) -> list[Block]:
    """Paragraphs that may be quotations without marks: ``(start, end, intro_line, name_line)``.

    Only the shape is checked here (a line before that ends with a colon, or a line after that
    looks like a name); :func:`_block_quotes` decides once the words around are known.
    """
    t = art.text
    if ":\n" not in t and not re.search(r"\n[^\n]{1,50}(?:\n|$)", t):
        return []   # no line ends with a colon, no line is short enough to be a name
    lines = []
    for i, a in enumerate(art.line_starts):
        b = art.line_starts[i + 1] - 1 if i + 1 < len(art.line_starts) else len(t)
        sa, sb = _strip(t, a, b)
        if sb > sa:
            lines.append((sa, sb))
    out: list[Block] = []
    quoted = [a for a, _ in spans]
    for k in range(1, len(lines)):
        a, b = lines[k]
        body = t[a:b]
        if body[:1] in CLOSERS or body[:1] in "•*-–·" or not _SENT_END.search(body[-2:]):
            continue
        if len(body.split()) < 4:
            continue
        i = bisect.bisect_left(quoted, a)
        if i < len(quoted) and quoted[i] < b:
            continue   # has marked quotations of its own
        pa, pb = lines[k - 1]
        intro = (pa, pb) if t[pb - 1] == ":" else None
        name = None
        if k + 1 < len(lines):
            na, nb = lines[k + 1]
            toks = t[na:nb].split()
            if 1 <= len(toks) <= 4 and nb - na <= 50 and _NAME_TOKEN.match(toks[-1]) \
                    and all(_NAME_TOKEN.match(w) or w in _NAME_PARTICLES for w in toks):
                name = (na, nb)
        if intro is not None or name is not None:
            out.append((a, b, intro, name))
    return out


def _block_quotes(art: _Article, blocks: list[Block]) -> list[tuple[int, int, int | None, Speaker | None]]:
    """Paragraph quotations without marks: ``(start, end, intro_position, name_speaker)``."""
    out = []
    for a, b, intro_line, name_line in blocks:
        intro = None
        if intro_line is not None:
            pb = intro_line[1]
            if _cues(art, max(art.sent_starts[art.sent_of(pb - 1)], pb - WINDOW), pb):
                intro = pb - 1
        name = _name_line(art, *name_line) if name_line is not None else None
        if intro is None and (name is None or not art.lex.first_person.search(art.text[a:b])):
            continue
        out.append((a, b, intro, name))
    return out


def _name_line(art: _Article, a: int, b: int) -> Speaker | None:
    """The speaker when line ``a:b`` holds nothing but a person's name."""
    t = art.text[a:b]
    toks = t.split()
    if not 1 <= len(toks) <= 4 or len(t) > 50:
        return None
    if not all(_NAME_TOKEN.match(w) or w in _NAME_PARTICLES for w in toks) or not _NAME_TOKEN.match(toks[-1]):
        return None
    for c in _cands_between(art, a, b + 1):
        if c.kind == "person" and (c.end - c.start) >= 0.6 * (b - a):
            return Speaker(c.actor_id, art.text[a:b])
        if c.kind == "org":
            return None
    last = _fold(toks[-1])
    if last in art.last_names:
        return Speaker(art.last_names[last], t)
    rest = art.text[:a] + art.text[b:]
    if re.search(r"(?<![\w\-])" + re.escape(toks[-1]) + r"(?![\w\-])", rest):
        return Speaker(None, t)
    return None


def extract_article(aid: str, text: str, sents: list[tuple[int, int]],
                    ments: list[tuple[int, int, str, str, str]], types: dict[str, str],
                    last_names: dict[str, str], names: dict[str, str], lex: Lexicon) -> list[dict[str, Any]]:
    """Quotation rows of one article (see :func:`extract`)."""
    spans = find_marked(text, lex.max_chars)
    art = _prepare(text, spans, sents, lex, last_names, names)
    block_cands = _block_candidates(art, spans)
    if not spans and not block_cands:
        return []
    # the words are looked up only in the sentences around quotations (and a few before them)
    regions = []
    for a, b in spans:
        si, sj = art.sent_of(a), art.sent_of(b)
        regions.append((art.sent_starts[max(0, si - 4)], art.sent_ends[sj]))
    for a, b, intro_line, name_line in block_cands:
        si = art.sent_of(intro_line[0] if intro_line else a)
        regions.append((art.sent_starts[max(0, si - 4)], name_line[1] if name_line else b))
    _fill(art, _merge(regions), ments, types)

    # the last attributed speaker per sentence (filled lazily), for pronouns and unattributed quotations
    attributed: dict[int, Speaker | None] = {}

    items: list[tuple[int, int, int, int, str]] = [(qa, qb, *_strip(text, qa + 1, qb), "marked")
                                                   for qa, qb in spans]
    blocks = {}
    for a, b, intro, name in _block_quotes(art, block_cands):
        items.append((a, b, a, b, "block"))
        blocks[a] = (intro, name)
    items.sort()
    rows: list[dict[str, Any]] = []
    for qa, qb, s, e, how in items:
        if e <= s:
            continue
        si, sj = art.sent_of(qa), art.sent_of(max(qa, qb - 1))
        memory = _memory(art, attributed, si, any_line=True)
        speaker: Speaker | None = None
        cue_seen = False
        if how == "block":
            intro, name = blocks[qa]
            if name is not None:
                speaker = name
            elif intro is not None:
                ii = art.sent_of(intro)
                speaker, cue_seen = attribute(art, art.sent_starts[ii], intro + 1, intro + 1, intro + 1,
                                              _memory(art, attributed, ii, any_line=True))
            cue_seen = True
        else:
            ws, we = art.sent_starts[si], art.sent_ends[sj]
            if not text[ws:qa].strip() and si > 0 and text[:art.sent_ends[si - 1]].rstrip().endswith(":"):
                ws = art.sent_starts[si - 1]   # quotation introduced by the sentence before ("sagte er:")
            speaker, cue_seen = attribute(art, ws, we, qa, qb, memory)
            if speaker is None and not cue_seen:
                words = len(text[s:e].split())
                if words > lex.short_words or lex.reported.search(art.masked[max(ws, qa - WINDOW):we]):
                    # the person the sentence names before the quotation (its subject, usually:
                    # "Meloni lehnte … ab, ein solcher Einsatz sei „wenig wirksam“"), else the
                    # speaker of the sentence(s) just before
                    speaker = _subject_before(art, max(ws, qa - WINDOW), qa) \
                        or _memory(art, attributed, si, any_line=False)
        kind = "direct"
        if how == "marked" and _is_term(art, qa, qb, s, e, speaker):
            kind = "term"
            speaker = None
        if speaker is not None and kind == "direct" and (speaker.actor_id or speaker.text):
            for k in range(si, sj + 1):
                attributed[k] = speaker
        rows.append({
            "article_id": aid, "sentence_id": si, "start": s, "end": e, "quote": text[s:e],
            "speaker_id": speaker.actor_id if speaker else None,
            "speaker_text": speaker.text if speaker else None, "kind": kind,
        })
    for n, r in enumerate(rows):
        r["quote_id"] = f"{aid}:q{n}"
    return rows


def _subject_before(art: _Article, a: int, b: int) -> Speaker | None:
    """The first person named between ``a`` and ``b`` (outside quotations), if any."""
    i = bisect.bisect_left(art.person_starts, a)
    if i < len(art.persons) and art.persons[i].end <= b:
        p = art.persons[i]
        return Speaker(p.actor_id, p.text)
    return None


def _memory(art: _Article, attributed: dict[int, Speaker | None], si: int, any_line: bool) -> Speaker | None:
    """The last speaker attributed before sentence ``si`` (within ``inherit`` sentences, same line unless
    ``any_line``)."""
    line = art.line_of(art.sent_starts[si])
    reach = 4 if any_line else art.lex.inherit
    for back in range(1, reach + 1):
        sj = si - back
        if sj < 0:
            break
        if not any_line and art.line_of(art.sent_starts[sj]) != line:
            break
        if sj not in attributed:
            a, b = art.sent_starts[sj], art.sent_ends[sj]
            sp = None
            if MASK not in art.masked[a:b]:   # sentences with quotations are attributed with their quotation
                sp, _ = attribute(art, a, b, b, b, None)
            attributed[sj] = sp if sp is not None and (sp.actor_id or sp.text) else None
        if attributed[sj] is not None:
            return attributed[sj]
    return None


def _na(x: Any) -> bool:
    return x is None or x is pd.NA or x is pd.NaT or (isinstance(x, float) and x != x)


def extract(articles: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame,
            actors: pd.DataFrame, data_dir: str | None = None) -> pd.DataFrame:
    """The ``quotes`` table: quotations of every article with their speakers and kind."""
    if articles is None or articles.empty:
        return schema.empty("quotes")
    lex = lexicon(data_dir)
    types: dict[str, str] = {}
    names: dict[str, str] = {}
    last_names: dict[str, str] = {}
    if actors is not None and not actors.empty:
        for aid, typ, name in zip(actors["actor_id"], actors["type"], actors["name"], strict=True):
            if pd.isna(aid):
                continue
            types[str(aid)] = "" if pd.isna(typ) else str(typ)
            names[str(aid)] = "" if pd.isna(name) else str(name)
            if types[str(aid)] == "person" and names[str(aid)].split():
                last_names.setdefault(_fold(names[str(aid)].replace("-", " ").split()[-1]), str(aid))
    sents_by: dict[str, list[tuple[int, int]]] = {}
    if sentences is not None and not sentences.empty:
        for aid, s, e in zip(*(sentences[c].tolist() for c in ("article_id", "start", "end")), strict=True):
            sents_by.setdefault(aid, []).append((int(s), int(e)))
    ments_by: dict[str, list[tuple[int, int, str, str, str]]] = {}
    if mentions is not None and not mentions.empty:
        kinds = mentions["mention_kind"].tolist() if "mention_kind" in mentions else [""] * len(mentions)
        cols = (mentions[c].tolist() for c in ("article_id", "start", "end", "actor_id"))
        for aid, s, e, act, kind, surf in zip(*cols, kinds, mentions["surface"].tolist(), strict=True):
            if _na(act) or _na(s) or _na(e):
                continue
            ments_by.setdefault(aid, []).append((int(s), int(e), str(act), "" if _na(kind) else str(kind),
                                                 "" if _na(surf) else str(surf)))
    rows: list[dict[str, Any]] = []
    for aid, text in zip(articles["article_id"].tolist(), articles["text"].tolist(), strict=True):
        if _na(text) or not str(text).strip():
            continue
        sents = sorted(sents_by.get(aid, []))
        rows += extract_article(str(aid), str(text), sents, sorted(ments_by.get(aid, [])), types,
                                last_names, names, lex)
    return schema.frame("quotes", rows) if rows else schema.empty("quotes")
