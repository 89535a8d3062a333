"""Block quotations without marks: a paragraph introduced by a line ending in a verb of saying and a
colon ("Nach dem Treffen sagte er:"), or followed by a line that holds nothing but the speaker's
name ("Friedrich Merz"), in the first person.
"""

from __future__ import annotations

import bisect
import re

from ..actors.linking import link_surname
from ..text.fold import fold
from .attribution import WINDOW, cues, to_speaker
from .candidates import _NAME_TOKEN
from .marks import CLOSERS, strip
from .state import Article, Speaker

_SENT_END = re.compile(r"[.!?…]")
#: a block candidate: ``(start, end, intro_line, name_line)``
Block = tuple[int, int, "tuple[int, int] | None", "tuple[int, int] | None"]


def _lines(art: Article) -> list[tuple[int, int]]:
    t = art.text
    lines = []
    for i, a in enumerate(art.line_starts):
        b = art.line_starts[i + 1] - 1 if i + 1 < len(art.line_starts) else len(t)
        sa, sb = strip(t, a, b)
        if sb > sa:
            lines.append((sa, sb))
    return lines


def _looks_like_name(art: Article, toks: list[str]) -> bool:
    particles = art.lex.name_particles
    return (
        bool(toks)
        and bool(_NAME_TOKEN.match(toks[-1]))
        and all(_NAME_TOKEN.match(w) or w in particles for w in toks)
    )


def _name_shape(art: Article, line: tuple[int, int]) -> bool:
    na, nb = line
    toks = art.text[na:nb].split()
    return 1 <= len(toks) <= 4 and nb - na <= 50 and _looks_like_name(art, toks)


def candidates(art: Article) -> list[Block]:
    """Paragraphs that may be quotations without marks: ``(start, end, intro_line, name_line)``.

    Only the shape is checked here (a line before that ends with a colon, or a line after that
    looks like a name); :func:`quotes` decides once the words around are known.
    """
    t = art.text
    if ":\n" not in t and not re.search(r"\n[^\n]{1,50}(?:\n|$)", t):
        return []  # no line ends with a colon, no line is short enough to be a name
    lines = _lines(art)
    out: list[Block] = []
    quoted = list(art.spans)
    for k in range(1, len(lines)):
        a, b = lines[k]
        if not _body_shape(art, a, b, quoted):
            continue
        pa, pb = lines[k - 1]
        intro = (pa, pb) if t[pb - 1] == ":" else None
        name = lines[k + 1] if k + 1 < len(lines) and _name_shape(art, lines[k + 1]) else None
        if intro is not None or name is not None:
            out.append((a, b, intro, name))
    return out


def _body_shape(art: Article, a: int, b: int, quoted: list[tuple[int, int]]) -> bool:
    """Whether line ``a:b`` may be a block quotation: a paragraph of sentences without marks of its own."""
    body = art.text[a:b]
    if body[:1] in CLOSERS or body[:1] in "•*-–·" or not _SENT_END.search(body[-2:]):
        return False
    if len(body.split()) < 4:
        return False
    # a paragraph with a quotation of its own is no block, unless every one is a short term in it
    # ("Diese Option kann man als „NATO light“ bezeichnen.")
    i = bisect.bisect_left(quoted, (a, -1))
    while i < len(quoted) and quoted[i][0] < b:
        qa, qb = quoted[i]
        if len(art.text[qa + 1 : qb].split()) > art.lex.short_words:
            return False
        i += 1
    return True


def quotes(art: Article, blocks: list[Block]) -> list[tuple[int, int, int | None, Speaker | None]]:
    """Paragraph quotations without marks: ``(start, end, intro_position, name_speaker)``."""
    out = []
    for a, b, intro_line, name_line in blocks:
        intro = None
        if intro_line is not None:
            pb = intro_line[1]
            found = cues(art, max(art.sent_starts[art.sent_of(pb - 1)], pb - WINDOW), pb)
            # a verb of saying, or words in the first person: "Insidern zufolge stehen folgende
            # Punkte zur Debatte:" before a paragraph of the points is no quotation
            if any(c[0] == "verb" for c in found) or (found and art.window_words("first_person", a, b)):
                intro = pb - 1
        name = name_line_speaker(art, *name_line) if name_line is not None else None
        label = _label_speaker(art, *intro_line) if intro is None and intro_line is not None else None
        if label is not None:
            out.append((a, b, None, label))  # "Melony:" / "Ministerpräsident von Italien:" above it
            continue
        if intro is None and (name is None or not art.window_words("first_person", a, b)):
            continue
        out.append((a, b, intro, name))
    return out


#: the most words of a speaker label on a line of its own ("Ministerpräsident von Italien:")
_LABEL_WORDS = 5


def _label_speaker(art: Article, a: int, b: int) -> Speaker | None:
    """The speaker a line ``a:b`` that holds nothing but a name or a role and a colon names (the label
    of the paragraph below it, as a transcript has it), else None."""
    if len(art.text[a:b].split()) > _LABEL_WORDS:
        return None
    for c in art.cands_between(a, b):
        if c.kind == "role" or (c.kind == "person" and c.by_role):
            return to_speaker(art, c, None)  # "Ministerpräsident von Italien:"
    named = name_line_speaker(art, a, b - 1)
    if named is not None:  # a person the article knows; a heading ("Small-Scale Force:") is none
        return named if named.actor_id else None
    toks = art.text[a : b - 1].split()
    if len(toks) == 1 and _NAME_TOKEN.match(toks[0]):  # "Melony:" for the Giorgia Meloni of the article
        here = {p.actor_id for p in art.persons if p.actor_id}
        linked = link_surname(toks[0], {aid: {last} for last, aid in art.last_names.items() if aid in here})
        if linked is not None:
            return Speaker(linked[0], toks[0])
    return None


def name_line_speaker(art: Article, a: int, b: int) -> Speaker | None:
    """The speaker when line ``a:b`` holds nothing but a person's name."""
    t = art.text[a:b]
    toks = t.split()
    if not 1 <= len(toks) <= 4 or len(t) > 50 or not _looks_like_name(art, toks):
        return None
    for c in art.cands_between(a, b + 1):
        if c.kind == "person" and (c.end - c.start) >= 0.6 * (b - a):
            return Speaker(c.actor_id, art.text[a:b])
        if c.kind == "org":
            return None
    last = fold(toks[-1])
    if last in art.last_names:
        return Speaker(art.last_names[last], t)
    rest = art.text[:a] + art.text[b:]
    if re.search(r"(?<![\w\-])" + re.escape(toks[-1]) + r"(?![\w\-])", rest):
        return Speaker(None, t)
    return None


def name_line_after(art: Article, qa: int, qb: int) -> Speaker | None:
    """The speaker named by the line right after a quotation that fills its own line: a pull quote
    with its credit ("„…“" / "Anna Berg, Hauptmann der Reserve"), the name alone or before a comma and
    a short role."""
    t = art.text
    line = art.line_of(qa)
    if t[art.line_starts[line] : qa].strip() or line + 1 >= len(art.line_starts):
        return None
    nxt = art.line_starts[line + 1]
    if t[qb + 1 : nxt].strip(" .,!?\t\n"):
        return None
    lines = [ln for ln in _lines(art) if ln[0] >= nxt]
    if not lines or t[nxt : lines[0][0]].count("\n") > 1:
        return None  # (the credit stands on the very next line, not after an empty one)
    a, b = lines[0]
    name, _, role = t[a:b].partition(",")
    if len(role.split()) > 5:
        return None
    return name_line_speaker(art, a, a + len(name.rstrip()))
