"""Pass 5: reported speech (``kind = indirect``): the reported clause and its speaker.

Three shapes, in German and English (the words come from ``data/quotes.yaml``):

* a verb of saying, then the clause after a comma or after *that/dass/ob*: "Merz sagte,
  Deutschland sei bereit …", "Er kündigte an, dass …", "Healey said that the plans would …";
  in English also without *that* when a finite verb follows soon ("Carney said Canada was
  prepared …"); a German clause after a bare comma needs a Konjunktiv I form (``subjunctive``);
* the clause first, then a comma and the verb with its speaker: "Das Gesetz gebe … zu viele
  Freiheiten, sagte Pellmann.", "Any deployment would be treated as aggression, she said.";
* a German sentence in the Konjunktiv I with no verb of saying right after reported speech of a
  speaker continues that speaker ("Merz sagte, …. Deutschland habe seine Hilfe verdoppelt.").

The speaker is found as for direct quotations, from the verb (:func:`.attribution.speaker_for_cue`).
A clause that is nothing but a marked quotation is left to the direct row.
"""

from __future__ import annotations

import re

from .attribution import cues, inverted_name, memory, speaker_for_cue
from .marks import MASK
from .state import Article, Cue, Speaker

_WORD = re.compile(r"[\w\-’']+")
_END = ".!?…:;"


def _words(s: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(s)]


def _trim(art: Article, a: int, b: int) -> tuple[int, int]:
    """``a:b`` without surrounding white space, commas and the sentence's final mark."""
    t = art.text
    while a < b and (t[a].isspace() or t[a] in ","):
        a += 1
    while b > a and (t[b - 1].isspace() or t[b - 1] in _END + ","):
        b -= 1
    return a, b


def _clause_ok(art: Article, a: int, b: int) -> bool:
    """A clause of 3 to ``max_words`` words that is not just a marked quotation."""
    words = art.masked[a:b].replace(MASK, " ").split()
    return 3 <= len(words) <= art.lex.indirect_max_words


def _subjunctive(art: Article, a: int, b: int, also_past: bool = False) -> bool:
    """A Konjunktiv I form in ``a:b`` (with ``also_past`` a Konjunktiv II form too: "würden"): a listed
    one, or any "-e" verb after er/sie/es/man ("er schließe")."""
    words = _words(art.masked[a:b])
    if any(w in art.lex.subjunctive or (also_past and w in art.lex.subjunctive_past) for w in words):
        return True
    return any(
        w in ("er", "sie", "es", "man") and n.endswith("e") and n not in art.lex.determiners
        for w, n in zip(words, words[1:], strict=False)
    )


def _clause_end(art: Article, a: int, sb: int) -> int:
    """Where a clause that starts at ``a`` ends: the sentence end, or the comma before another verb
    of saying ("…, sagte Präsident Macron"), which closes what the first verb reported."""
    for kind, cs, _ in cues(art, a, sb):
        comma = art.masked.rfind(",", a, cs)
        if kind == "verb" and comma >= 0 and not art.masked[comma + 1 : cs].strip():
            return comma
    return sb


def _after_verb(art: Article, cue: Cue, sb: int) -> tuple[int, int] | None:
    """The clause after a verb of saying: after *that/dass/ob* (within a few words) or after a comma
    followed by the Konjunktiv; in English after the verb when a finite verb follows soon."""
    _, cs, ce = cue
    m = art.masked
    for sp in art.words_between("complementizer", ce, min(sb, ce + 80)):
        if any(k == "verb" for k, _, _ in cues(art, ce, sp.start)):
            break  # "spoke alongside X, who said that …": the nearer verb reports the clause
        if len(m[ce : sp.start].split()) <= 8:
            head = _words(m[ce : sp.start])
            if art.lang == "en" and head[-1:] in (["and"], ["or"], ["but"]) and _finite_en(art, head[1:-1]):
                return ce, _clause_end(art, ce, sb)  # "said a ceasefire had to come first and that …"
            return sp.end, _clause_end(art, sp.end, sb)
    comma = m.find(",", ce, min(sb, ce + 80))
    if comma >= 0 and len(m[ce:comma].split()) <= 6 and _subjunctive(art, comma, sb, also_past=True):
        return comma + 1, _clause_end(art, comma + 1, sb)
    if art.lang == "en" and m[ce : ce + 1] == " " and not _inverted(art, ce):
        head = _words(m[ce : min(sb, ce + 60)])[:6]
        if head and head[0] not in art.lex.prepositions and _finite_en(art, head[1:]):
            return ce, _clause_end(art, ce, sb)
    return None


def _inverted(art: Article, ce: int) -> bool:
    """Whether the speaker follows the verb right away ("said Lt Gen Sarah Pryce")."""
    return any(
        c.kind in ("person", "pronoun", "role", "name") and not art.masked[ce : c.start].strip()
        for c in art.cands_between(ce, ce + 60)
    )


def _before_verb(art: Article, cue: Cue, sa: int, sb: int) -> tuple[int, int] | None:
    """The clause before ", VERB SPEAKER" / ", SPEAKER VERB" ("…, sagte Pellmann.", "…, she said.")."""
    _, cs, ce = cue
    m = art.masked
    comma = m.rfind(",", max(sa, cs - 40), cs)
    if comma < 0 or MASK in m[comma:cs]:
        return None
    between = m[comma + 1 : cs]
    if between.strip() and not _speaker_at(art, comma + 1, cs, before=True):
        return None  # ", Martin Ashgrove, accused …": no speaker between the comma and the verb
    if not between.strip() and not _speaker_at(art, ce, sb, before=False):
        return None  # "…, calling it …": no speaker after the verb either
    tail = m[ce:sb].split(",")[0]
    if len(tail.split()) > 12:
        return None
    if art.lang == "en":
        if not _finite_en(art, _words(m[sa:comma])):
            return None
    elif not _subjunctive(art, sa, comma, also_past=True):
        return None
    return sa, comma


def _speaker_at(art: Article, a: int, b: int, before: bool) -> bool:
    """A person, pronoun, role or name that fills ``a:b`` (``before``) or starts right at ``a``."""
    for c in art.cands_between(a, min(b, a + 80)):
        if c.kind not in ("person", "pronoun", "role", "name"):
            continue
        if before and not art.masked[a : c.start].strip() and not art.masked[c.end : b].strip():
            return True
        if not before and len(art.masked[a : c.start].split()) <= 3 and "," not in art.masked[a : c.start]:
            return True  # (a title may stand between: "sagte Präsident Emmanuel Macron")
    return not before and inverted_name(art, a, b) is not None


def _finite_en(art: Article, words: list[str]) -> bool:
    return any(w in art.lex.finite or (w.endswith("ed") and len(w) > 3) for w in words)


def _sentence(art: Article, si: int) -> tuple[list[tuple[int, int]], Speaker | None] | None:
    """The reported clauses of sentence ``si`` and their speaker, if it reports speech (a verb with a
    clause before and one after it gives both: "Italien werde …, erklärte sie, wolle aber …")."""
    sa, sb = art.sent_starts[si], art.sent_ends[si]
    for cue in cues(art, sa, sb):
        if cue[0] != "verb":
            continue
        spans = [_trim(art, *sp) for sp in (_before_verb(art, cue, sa, sb), _after_verb(art, cue, sb)) if sp]
        spans = [sp for sp in spans if _clause_ok(art, *sp)]
        if spans:
            return spans, speaker_for_cue(art, cue, sa, sb, memory(art, si, any_line=True))
    return None


def reported(art: Article) -> list[dict]:
    """The ``indirect`` rows of the article (without ``article_id`` and ``quote_id``)."""
    out: list[dict] = []
    last: tuple[int, Speaker] | None = None  # sentence and speaker of the last reported speech
    for si in range(len(art.sent_starts)):
        if (
            last is None
            and not art.has_cue(art.sent_starts[si], art.sent_ends[si])
            and art.attributed.get(si - 1) is None
        ):
            continue  # nothing said here, nothing said just before
        found = _sentence(art, si)
        if found is not None:
            spans, speaker = found
            out += [art.row(si, a, b, speaker, "indirect") for a, b in spans]
            last = (si, speaker) if speaker is not None and speaker.named else None
            continue
        last = _continuation(art, si, _quoted_before(art, si, last), out)
    return out


def _quoted_before(art: Article, si: int, last: tuple[int, Speaker] | None) -> tuple[int, Speaker] | None:
    """``last``, or the speaker of a direct quotation in the sentence before ``si`` when ``last`` is
    not that sentence's."""
    quoted = art.attributed.get(si - 1)
    if (
        (last is None or last[0] != si - 1)
        and quoted is not None
        and MASK in art.masked[art.sent_starts[si - 1] : art.sent_ends[si - 1]]
    ):
        return (si - 1, quoted)  # the sentence before holds a direct quotation of a speaker
    return last


def _continuation(art: Article, si: int, last: tuple[int, Speaker] | None,
                  out: list[dict]) -> tuple[int, Speaker] | None:
    """Sentence ``si`` as reported speech going on from the sentence before (a row added to ``out``);
    the new ``last``, or None when it does not go on."""
    if last is not None and last[0] == si - 1 and _continued(art, si):
        a, b = _trim(art, art.sent_starts[si], art.sent_ends[si])
        if _clause_ok(art, a, b):
            out.append(art.row(si, a, b, last[1], "indirect"))
            return (si, last[1])
    return None


def _continued(art: Article, si: int) -> bool:
    """A sentence in the Konjunktiv I on the same line as the one before (it may quote words too:
    "Österreich könne aber „viel mehr tun“")."""
    sa, sb = art.sent_starts[si], art.sent_ends[si]
    if art.line_of(sa) != art.line_of(art.sent_starts[si - 1]):
        return False
    if any(kind == "verb" for kind, _, _ in cues(art, sa, sb)):
        return False  # a verb of saying of its own: its speaker, not the one before
    words = _words(art.masked[sa:sb].replace(MASK, " "))
    return bool(words) and words[0] not in ("ich", "wir") and any(w in art.lex.subjunctive for w in words[:8])
