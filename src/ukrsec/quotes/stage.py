"""The quotes stage over one article: marks -> candidates -> attribution -> terms (-> indirect)."""

from __future__ import annotations

import bisect
import re
from typing import Any

from . import blocks, indirect
from .attribution import WINDOW, attribute, memory, sentence_speaker, subject_before, to_speaker
from .candidates import scan
from .labels import answers, label_speaker, names_nobody
from .lexicon import Lexicon
from .marks import CLOSERS, MASK, find_marked, strip
from .state import Article, Mention, Speaker
from .terms import is_sentence, is_term

#: a quotation to attribute: ``(open, close, start, end, how)``; how is ``marked``, ``block``
#: (a paragraph without marks) or ``label`` (an answer after a speaker label)
Item = tuple[int, int, int, int, str]
#: a sentence: ``(start, end, sentence_id)``
Sentence = tuple[int, int, int]


def _regions(art: Article, block_cands: list[blocks.Block]) -> list[tuple[int, int]]:
    """The stretches the cue words are looked up in: the sentences around quotations (and a few before),
    and every sentence with a verb of saying (reported speech)."""
    regions = []
    for si in sorted({art.sent_of(sp.start) for sp in art.lex.verbs.find(art.masked)}):
        regions.append((art.sent_starts[si], art.sent_ends[si]))
    for a, b in art.spans:
        si, sj = art.sent_of(a), art.sent_of(b)
        # the sentence after, too: it may name the speaker („…“ Mit diesen Worten wies der Minister …)
        regions.append((art.sent_starts[max(0, si - 4)], art.sent_ends[min(len(art.sent_ends) - 1, sj + 1)]))
    for a, b, intro_line, name_line in block_cands:
        si = art.sent_of(intro_line[0] if intro_line else a)
        regions.append((art.sent_starts[max(0, si - 4)], name_line[1] if name_line else b))
    out: list[tuple[int, int]] = []
    for a, b in sorted(regions):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _block_speaker(art: Article, intro: int | None, name: Speaker | None) -> Speaker | None:
    if name is not None:
        return name
    if intro is None:
        return None
    ii = art.sent_of(intro)
    sp, _ = attribute(
        art, art.sent_starts[ii], intro + 1, intro + 1, intro + 1, memory(art, ii, any_line=True)
    )
    return sp


def _marked_speaker(
    art: Article, item: Item, si: int, sj: int, mem: Speaker | None
) -> tuple[Speaker | None, bool]:
    """The speaker of a marked quotation, and whether a cue of saying was seen around it."""
    qa, qb, s, e, _ = item
    text = art.text
    ws, we = art.sent_starts[si], art.sent_ends[sj]
    if not text[ws:qa].strip() and si > 0 and text[: art.sent_ends[si - 1]].rstrip().endswith(":"):
        ws = art.sent_starts[si - 1]  # quotation introduced by the sentence before ("sagte er:")
    we = _short_tail(art, qb, sj, we)
    speaker, cue_seen = attribute(art, ws, we, qa, qb, mem)
    if speaker is not None or cue_seen:
        return speaker, cue_seen
    speaker = (
        label_speaker(art, qa) or _colon_subject(art, ws, qa, mem) or _named_after(art, qa, qb, sj)
        or blocks.name_line_after(art, qa, qb) or _passive_agent(art, qa, qb, si, sj)
    )
    if speaker is not None:
        return speaker, False
    long = len(text[s:e].split()) > art.lex.short_words or is_sentence(text[s:e])
    reported = bool(art.words_between("reported", max(ws, qa - WINDOW), we))
    if long or reported:
        # the person the sentence names before the quotation (its subject, usually: "Meloni lehnte …
        # ab, ein solcher Einsatz sei „wenig wirksam“"), else the speaker of the sentence(s) just before
        # (across a paragraph break when the sentence is reported speech: 'Zum ersten Mal werde „…“')
        return subject_before(art, max(ws, qa - WINDOW), qa) or memory(art, si, any_line=reported), False
    return None, False


def _passive_agent(art: Article, qa: int, qb: int, si: int, sj: int) -> Speaker | None:
    """The agent of a passive that names something with the quotation ("was hailed as “a turning
    point” by President Zelensky", "wurde von Präsident Macron als „Wendepunkt“ gelobt"): a person
    right after "by" or between "von" and "als" said the words."""
    lex, t = art.lex, art.masked
    off = max(art.sent_starts[si], qa - 160)
    before = t[off:qa]
    if lex.naming_before.search(before) is None or lex.passive_aux.search(before) is None:
        return None
    by = lex.agent_after.match(t, qb + 1)
    if by is not None:
        a, b = by.end(), min(art.sent_ends[sj], by.end() + 80)
    else:
        von = lex.agent_before.search(before)
        if von is None:
            return None
        a, b = off + von.start(1), off + von.end(1)
    first = next((c for c in art.cands_between(a, b) if c.kind in ("person", "role", "name")), None)
    return to_speaker(art, first, None) if first is not None else None


_LOWER_GOES_ON = re.compile(r"(?:[–—-]\s*)?[a-zäöüß]")


def _short_tail(art: Article, qb: int, sj: int, we: int) -> int:
    """The end of the window: also the next sentence when it follows the closing mark directly and
    is only a short attribution ('"… policeman!!!" Trump wrote.', which the segmenter cut off), or
    goes on in lower case ('„…?“ – sagte der Minister')."""
    t = art.text
    if sj + 1 >= len(art.sent_starts) or t[qb + 1 : art.sent_ends[sj]].strip(" .,"):
        return we
    a, b = art.sent_starts[sj + 1], art.sent_ends[sj + 1]
    if "\n" in t[qb:a] or a - qb > 3:
        return we
    if _LOWER_GOES_ON.match(t, a):
        return b  # '„…?“ - sagte der Minister und fügte hinzu, …': the segmenter cut a sentence that goes on
    if len(t[a:b].split()) > 6 or MASK in art.masked[a:b]:
        return we  # (a sentence with a quotation of its own speaks for that one)
    return b


def _colon_subject(art: Article, ws: int, qa: int, mem: Speaker | None) -> Speaker | None:
    """A quotation after a colon that ends a clause without a verb of saying: its subject, the first
    person or role of the clause, speaks ("Ein Regierungssprecher wollte das nicht bestätigen: „…“")."""
    if not art.masked[ws:qa].rstrip().endswith(":"):
        return None
    for c in art.cands_between(art.sent_starts[art.sent_of(qa)], qa):
        if c.kind in ("person", "role", "name"):
            return to_speaker(art, c, mem)
        if c.kind in ("org", "source"):
            return None
    return None


_DASH_AFTER = re.compile(r"[ \t]*[–—-][ \t]+")


def _named_after(art: Article, qa: int, qb: int, sj: int) -> Speaker | None:
    """A quotation that opens its sentence, followed by words that refer back to it and name its
    speaker: the next sentence („Das ist kein Blankoscheck.“ Mit diesen Worten wies der Minister …)
    or the rest of its own after a dash („Wir sind bereit“ – mit diesen Worten trat Merz …)."""
    t = art.text
    if t[art.sent_starts[art.sent_of(qa)] : qa].strip():
        return None
    dash = _DASH_AFTER.match(t, qb + 1)
    if dash is not None and art.lex.back_references.match(t, dash.end()):
        a, b = dash.end(), art.sent_ends[sj]
    elif sj + 1 < len(art.sent_starts) and not t[qb + 1 : art.sent_ends[sj]].strip(" .!?"):
        a, b = art.sent_starts[sj + 1], art.sent_ends[sj + 1]
        if t[qb:a].count("\n") > 1 or not art.lex.back_references.match(t, a):
            return None  # (the words may open the next paragraph: '„…“\nDies erklärte X am Mittwoch')
    else:
        return None
    for c in art.cands_between(a, b):
        if c.kind in ("person", "role", "name", "pronoun"):
            return to_speaker(art, c, memory(art, art.sent_of(a), any_line=True))
    return None


_CLOSING_MARKS = frozenset("".join(CLOSERS.values()))


def _adjacent(art: Article, qa: int, prev_qb: int) -> bool:
    """Whether the quotation opening at ``qa`` follows the one closing at ``prev_qb`` with nothing but
    white space between them, in the same paragraph („…“„…“, "…" "…"): one speaker goes on."""
    gap = art.text[prev_qb + 1 : qa]
    marked = art.text[prev_qb : prev_qb + 1] in _CLOSING_MARKS  # not the end of an unmarked block
    return marked and len(gap) <= 3 and not gap.strip() and "\n" not in gap


def _continues(art: Article, qa: int, prev_qb: int) -> bool:
    """Whether the quotation at ``qa`` opens its paragraph and the paragraph before ended with the
    quotation closing at ``prev_qb`` (nothing after it but its attribution: '…," he said.')."""
    t = art.text
    line = art.line_of(qa)
    if t[art.line_starts[line] : qa].strip():
        return False
    prev = line - 1
    while prev >= 0 and not t[art.line_starts[prev] : art.line_starts[prev + 1]].strip():
        prev -= 1
    if prev < 0 or art.line_of(prev_qb) not in (prev, prev + 1) or prev_qb < art.line_starts[prev]:
        return False
    rest = art.masked[prev_qb + 1 : art.line_starts[prev + 1]]
    if MASK in rest or len(rest.split()) > 6:
        return False
    # the quotation before is speech of some length, or left open at the paragraph end; a paragraph
    # that ended on a word or two in marks („überfällig“.) hands no speaker on
    k = bisect.bisect_left(art.spans, (prev_qb, -1), key=lambda sp: (sp[1], -1))
    if k < len(art.spans) and art.spans[k][1] == prev_qb:
        a, b = art.spans[k]
        return art.text[b : b + 1] == "\n" or len(art.text[a + 1 : b].split()) > art.lex.short_words
    return True


#: a line that introduces what follows rather than saying something: it ends in a colon or an
#: ellipsis, or is a question ("► die Frage, ob …:", "Ministerin Lang über…", "... ob die Mission
#: Krieg noch dauert:")
_HEADING_END = re.compile(r"(?:[:?…]|\.\.\.)[\s\"“”»«]*$")
#: sentences looked back over for the speaker of a quotation paragraph without a cue
_CARRY_REACH = 6


def _heading(art: Article, sj: int) -> bool:
    """Whether sentence ``sj`` is a heading line: alone on its line, no quotation, and ending in a
    colon, an ellipsis or a question mark."""
    a, b = art.sent_starts[sj], art.sent_ends[sj]
    t = art.text
    line = art.line_of(a)
    alone = line == art.line_of(max(a, b - 1)) and not t[art.line_starts[line] : a].strip()
    return alone and MASK not in art.masked[a:b] and bool(_HEADING_END.search(t[a:b]))


def _carried(art: Article, qa: int) -> Speaker | None:
    """The speaker of a quotation that opens its paragraph without a cue of its own (after, at most,
    a label that names nobody: "Quote: "…""): who spoke in the sentence before, over heading lines
    between, or the one person a heading names. This is how interviews told by topic ("Minister
    Lang über… / ► die Ausbildung: / „…“") and agency pages that print the quotation under
    the sentence naming its speaker ("Details: Starmer said … / Quote: "…"") read."""
    ls = art.line_starts[art.line_of(qa)]
    if art.text[ls:qa].strip() and not names_nobody(art, ls, qa):
        return None
    si = art.sent_of(ls)
    for sj in range(si - 1, max(-1, si - 1 - _CARRY_REACH), -1):
        if not _heading(art, sj):
            sp = sentence_speaker(art, sj)
            return sp if sp is not None and sp.actor_id else None
        people = {c.actor_id: c.text for c in art.cands_between(art.sent_starts[sj], art.sent_ends[sj])
                  if c.kind == "person" and c.actor_id}  # fmt: skip
        if len(people) == 1:
            return Speaker(*people.popitem())
    return None


def _speaker_or_carried(art: Article, item: Item, si: int, sj: int, mem: Speaker | None) -> Speaker | None:
    """The speaker of a marked quotation: its own cues, else the quotation it goes on with, else the
    speaker carried over heading lines (:func:`_carried`)."""
    qa = item[0]
    speaker, cue_seen = _marked_speaker(art, item, si, sj, mem)
    if speaker is not None:
        return speaker
    # (an impersonal cue's empty speaker stands: "…“, heißt es in einem Papier")
    prev = art.last_quote
    if prev and (_continues(art, qa, prev[0]) or _adjacent(art, qa, prev[0])):
        return prev[1]  # a paragraph, or a quotation right after it, that goes on with the one before
    return None if cue_seen else _carried(art, qa)


def _row(art: Article, aid: str, item: Item, block_info: tuple[int | None, Speaker | None] | None) -> dict:
    qa, qb, s, e, how = item
    si, sj = art.sent_of(qa), art.sent_of(max(qa, qb - 1))
    mem = memory(art, si, any_line=True)
    if how == "label":
        speaker = block_info[1] if block_info else None
    elif how == "block":
        speaker = _block_speaker(art, *block_info) if block_info else None
    else:
        speaker = _speaker_or_carried(art, item, si, sj, mem)
    kind = "direct"
    if how == "marked" and is_term(art, qa, qb, s, e, speaker):
        kind, speaker = "term", None
    if speaker is not None and kind == "direct" and speaker.named:
        for k in range(si, sj + 1):
            art.attributed[k] = speaker
        art.last_quote = (qb, speaker)
    return {"article_id": aid, **art.row(si, s, e, speaker, kind)}


def _repeated_terms(rows: list[dict], short_words: int) -> None:
    """A short quotation whose words are a term elsewhere in the article is that term again (the
    operation „Eastern Sentry“ … "Fortschritte bei „Eastern Sentry“")."""
    terms = {r["quote"].casefold() for r in rows if r["kind"] == "term"}
    for r in rows:
        short = len(r["quote"].split()) <= short_words
        if r["kind"] == "direct" and short and r["quote"].casefold() in terms:
            r.update(kind="term", speaker_id=None, speaker_text=None)


def extract_article(
    aid: str,
    text: str,
    sents: list[Sentence],
    ments: list[Mention],
    types: dict[str, str],
    last_names: dict[str, str],
    lex: Lexicon,
    lang: str = "und",
    roles: dict[str, str] | None = None,
    countries: dict[str, str] | None = None,
) -> list[dict[str, Any]]:
    """Quotation rows of one article; ``sents`` and ``ments`` sorted by position."""
    art = Article(
        text,
        lex,
        find_marked(text, lex.max_chars),
        [s for s, _, _ in sents],
        [e for _, e, _ in sents],
        [i for _, _, i in sents],
        last_names,
        lang,
        roles or {},
        countries=countries or {},
    )
    block_cands = blocks.candidates(art)
    regions = _regions(art, block_cands)
    if not regions:
        return []
    scan(art, regions, ments, types)
    items: list[Item] = [(qa, qb, *strip(text, qa + 1, qb), "marked") for qa, qb in art.spans]
    info: dict[int, tuple] = {}
    for a, b, intro, name in blocks.quotes(art, block_cands):
        items.append((a, b, a, b, "block"))
        info[a] = (intro, name)
    for a, b, speaker in answers(art):
        if a not in info:
            items.append((a, b, a, b, "label"))
            info[a] = (None, speaker)
    items.sort()
    rows = [
        _row(art, aid, it, info.get(it[0]) if it[4] != "marked" else None) for it in items if it[3] > it[2]
    ]
    _repeated_terms(rows, art.lex.short_words)
    rows += [{"article_id": aid, **r} for r in indirect.reported(art)]
    for n, r in enumerate(rows):
        r["quote_id"] = f"{aid}:q{n}"
    return rows
