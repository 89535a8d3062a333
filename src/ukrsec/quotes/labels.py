"""Speaker labels: a paragraph that opens with a person's name and a colon.

Interviews and transcripts print who speaks as a label ("Kallas: More than people think …",
"Merz: Ich werde mich …", "Selenskyj (Übersetzung): …"); live blogs and headlines do the same
before a quotation ("Kanzler Merz: „…“", "Selenskyj: Garantien müssen „vor dem Frieden“ stehen").
A label names a speaker only when it is a person: a person the actors stage found there, or a
last name it knows. Other labels ("Frage (Rundfunk Berlin):", "The Continental Review:", "Q:",
"Stand:", "Photo:") name nobody; in a transcript they end the answer before them.
"""

from __future__ import annotations

import re

from ..text.fold import fold
from .marks import CLOSERS
from .state import Article, Speaker

#: a label: up to five words (a name, maybe a title before it), an optional bracket, a colon, a blank
_LABEL = re.compile(r"[ \t]*([^\W\d_][\w.\-’' ]{0,60}?)[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*:[ \t]+(?=\S)")
_SENT_END = re.compile(r"[.!?…][\"'”“»«’)]*$")


def _label(art: Article, ls: int) -> tuple[int, int, int] | None:
    """``(label_start, label_end, body_start)`` when the line at ``ls`` opens with a label."""
    m = _LABEL.match(art.text, ls)
    if m is None or "\n" in m.group(0):
        return None
    words = m.group(1).split()
    if not 1 <= len(words) <= 5 or any(not (w[:1].isupper() or w in art.lex.name_particles) for w in words):
        return None  # "Zu den Sicherheitsgarantien: Für uns …" is a sentence, not a label
    return m.start(1), m.end(1), m.end()


def _person(art: Article, a: int, b: int) -> Speaker | None:
    """The person the label ``text[a:b]`` names, if it names one."""
    for c in art.cands_between(a, b):
        if c.kind == "person" and c.end == b:
            return Speaker(c.actor_id, c.text)
        if c.kind == "org":
            return None
    words = art.text[a:b].split()
    last = fold(words[-1].replace("-", " ").split()[-1])
    aid = art.last_names.get(last)
    return Speaker(aid, art.text[a:b]) if aid else None


def names_nobody(art: Article, ls: int, pos: int) -> bool:
    """Whether the text from the line start ``ls`` to ``pos`` is only a label that names no person
    ("Quote:", "Zitat:", "Details:")."""
    lab = _label(art, ls)
    return lab is not None and lab[2] == pos and _person(art, lab[0], lab[1]) is None


def label_speaker(art: Article, pos: int) -> Speaker | None:
    """The speaker the label at the start of the line of ``pos`` names ("Kanzler Merz: „…“")."""
    ls = art.line_starts[art.line_of(pos)]
    lab = _label(art, ls)
    if lab is None or lab[2] > pos:
        return None
    return _person(art, lab[0], lab[1])


def _paragraphs(art: Article) -> list[tuple[int, int]]:
    t = art.text
    out = []
    for i, a in enumerate(art.line_starts):
        b = art.line_starts[i + 1] - 1 if i + 1 < len(art.line_starts) else len(t)
        if t[a:b].strip():
            out.append((a + len(t[a:b]) - len(t[a:b].lstrip()), a + len(t[a:b].rstrip())))
    return out


def _answer_body(art: Article, a: int, b: int) -> bool:
    """A paragraph of speech: sentences, at least three words, not opening with a quotation mark."""
    body = art.text[a:b]
    return body[:1] not in CLOSERS and len(body.split()) >= 3 and bool(_SENT_END.search(body))


def answers(art: Article) -> list[tuple[int, int, Speaker]]:
    """The paragraphs an interview or transcript gives to a labelled person: ``(start, end, speaker)``.

    A labelled answer runs on over the unlabelled paragraphs after it that are speech in the first
    person; a heading, a paragraph that is no speech, or any other label ends it. Answers count only
    when the article has two labelled answers or the answer is in the first person (so a live-blog
    line "Merz: Deutschland wird helfen." is not taken for a transcript)."""
    out: list[tuple[int, int, Speaker]] = []
    current: Speaker | None = None
    labelled = 0
    for a, b in _paragraphs(art):
        lab = _label(art, a)
        if lab is not None:
            current = _person(art, lab[0], lab[1])
            if current is not None and _answer_body(art, lab[2], b):
                out.append((lab[2], b, current))
                labelled += 1
            else:
                current = None
            continue
        if current is not None and _answer_body(art, a, b) and art.window_words("first_person", a, b):
            out.append((a, b, current))
        else:
            current = None
    if labelled < 2:
        out = [x for x in out if art.window_words("first_person", x[0], x[1])]
    return out
