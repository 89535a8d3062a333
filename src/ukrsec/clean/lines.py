"""Ordered line rules: one pass over the lines of a page, each rule a small function.

:data:`CLAIMS` run first, in order; the first that takes line ``i`` returns the index of the next
line to look at (a block rule takes several lines). A line no claim takes goes through every rule
of :data:`MARKS`, in order; each marks the line (or part of it) or leaves it. Rules read and write
only the :class:`~.page.Page` and read only the compiled data (:class:`~.settings.Rules`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from . import meta
from .page import SENT_END, Page, is_body, words
from .settings import Rules

Claim = Callable[[Page, int, Rules], int | None]
Mark = Callable[[Page, int, Rules], None]

_PICTURE_WORD = re.compile(r"\b(bild|foto|photo|image)\b")
_PICTURE_START = re.compile(r"\(?(archiv)?(foto|bild|photo|image|picture|illustration)")
_PICTURE_LABEL = re.compile(r"(foto|bild|photo|photograph|image|picture|illustration)\s*:", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?](\s|$)")
_STATEMENT_END = tuple(c for c in SENT_END if c != "?")
_OPENERS = ("„", "“", '"', "»", "«", "‚", "'")  # quotation marks that may open a ticker entry
_BOX_LINES = 4  # at most this many lines of an explainer box's paragraph


def block_heading(p: Page, i: int, r: Rules) -> int | None:
    """A heading that opens related-article teasers or reader comments: it and the rest of the page go.

    A heading given as a pattern (a comment count) only opens a block below a line of prose."""
    if p.nwords[i] > 8:
        return None
    reason = r.furniture.to_end.get(p.keys[i])
    if reason is None and p.seen_prose and r.furniture.to_end_any.match(p.low[i]):
        reason = next((why for rx, why in r.furniture.to_end_patterns if rx.match(p.low[i])), None)
    if reason is None:
        return None
    p.block = reason
    p.mark(i, reason)
    return i + 1


def inline_box(p: Page, i: int, r: Rules) -> int | None:
    """A heading of a box of links inside the article ("Lesen Sie auch"): it and its short lines go."""
    if p.keys[i] not in r.furniture.inline or p.nwords[i] > 8:
        return None
    p.mark(i, "teaser")
    j, n = i + 1, len(p)
    while j < n:
        t = p.stripped[j]
        if not t:
            if j > i + 1:
                break
            j += 1
            continue
        if p.nwords[j] > r.furniture.inline_max_words or t.rstrip(" \"'”“»").endswith(_STATEMENT_END):
            break  # a teaser may be a question ("Who pays for Ukraine's army?"); a statement ends the box
        p.mark(j, "teaser")
        j += 1
    return j


def _box_heading(p: Page, i: int, r: Rules) -> str | None:
    boxes = r.furniture.boxes
    k = p.keys[i]
    if k in boxes:
        return boxes[k]
    head, colon, _ = k.partition(":")
    return boxes.get(head.strip()) if colon and p.nwords[i] <= 8 else None


def explainer_box(p: Page, i: int, r: Rules) -> int | None:
    """An explainer, glossary or fact box ("Stichwort: …", "Explainer"): the heading and the paragraph
    below it go."""
    reason = _box_heading(p, i, r)
    if reason is None:
        return None
    p.mark(i, reason)
    j, n = i + 1, len(p)
    if j < n and not p.stripped[j]:
        j += 1
    end = min(n, j + _BOX_LINES)
    while j < end and p.stripped[j]:
        p.mark(j, reason)
        j += 1
    return j


def listed_line(p: Page, i: int, r: Rules) -> int | None:
    """A line listed in ``lines`` (menus, buttons, share links); a picture credit makes the line above
    it a caption."""
    reason = r.furniture.lines.get(p.keys[i])
    if reason is None:
        return None
    p.mark(i, reason)
    if reason == "image_credit" and _PICTURE_WORD.search(p.keys[i]):
        above = p.prev_nonblank(i)
        if above is not None and len(p.stripped[above]) <= 400 and p.whole[above] is None:
            p.mark(above, "caption")
    return i + 1


def video_stamp(p: Page, i: int, r: Rules) -> int | None:
    """A video player stamp "06.01.2026 | 2:30 min": the stamp goes, the text on its line stays, the
    line above is the video's caption."""
    line = p.lines[i]
    rx = r.furniture.video_stamp
    if r.furniture.video_stamp_needs not in line:
        return None
    for mt in rx.finditer(line):
        p.partial[i].append((mt.start(), mt.end(), "video_stamp"))
        try:
            p.hints.append(dt.date(*reversed([int(x) for x in mt.group(1).split(".")])))
        except ValueError:
            pass
    if not p.partial[i]:
        return None
    if not rx.sub("", line).strip():
        p.whole[i] = "video_stamp"
    above = p.prev_nonblank(i)
    if above is not None and p.whole[above] is None and not p.partial[above]:
        if len(p.stripped[above]) <= 500:
            p.whole[above] = "video_caption"
    return i + 1


def line_stamp(p: Page, i: int, r: Rules) -> None:
    """A live-ticker time at the start of an entry ("20:15 Uhr Litauen will …"): the stamp goes."""
    low = p.low[i]
    if not low[:1].isdigit() and not low.startswith("+") or len(low) != len(p.stripped[i]):
        return
    lead = len(p.lines[i]) - len(p.lines[i].lstrip())
    for rx, reason in r.furniture.line_stamps:
        m = rx.match(low)
        # an entry opens like a sentence; "11:15 11.04.2025" is a dateline, not an entry
        if m and (p.stripped[i][m.end() : m.end() + 1].isupper() or low[m.end() : m.end() + 1] in _OPENERS):
            p.partial[i].append((lead + m.start(), lead + m.end(), reason))
            return


def meta_line(p: Page, i: int, r: Rules) -> None:
    """A line stating the publication date, a byline naming the outlet."""
    s = p.stripped[i]
    md = r.meta
    pub, only_meta = meta.published_from(s, md, p.low[i])
    if pub is not None:
        p.set_published(pub)
        p.hints.append(pub.date())
        mp = md.date_prefix.match(p.lines[i])
        if only_meta or not mp:
            p.mark(i, "byline")
        else:
            p.partial[i].append((mp.start(), mp.end(), "dateline"))
    bm = md.byline.match(s)
    if bm and words(s) <= 30 and (pub is not None or md.domain_line.match(bm.group("o").strip())):
        p.outlet = p.outlet or bm.group("o").strip().rstrip(",")
        p.mark(i, "byline")
    if p.whole[i] is None:
        author_line(p, i, r)


def author_line(p: Page, i: int, r: Rules) -> None:
    """A byline naming the authors ("Von A B und C D", "By A B, political reporter"), or the publisher."""
    if p.nwords[i] > 16 or p.keys[i].split(" ", 1)[0].rstrip(":") not in r.meta.byline_starts:
        return
    s = p.stripped[i]
    found = meta.authors(s, r.meta)
    if found is not None:
        names, outlet = found
        p.authors += names
        p.outlet = p.outlet or outlet
        p.mark(i, "byline")
        return
    publisher = meta.publisher(s, r.meta)
    if publisher is not None:
        p.publisher = p.publisher or publisher
        p.mark(i, "byline")


def _caption_above_credit(p: Page, i: int) -> None:
    above = p.prev_nonblank(i)
    if (
        above is not None
        and p.whole[above] is None
        and words(p.stripped[above]) <= 20
        and len(_SENTENCE_BREAK.findall(p.stripped[above])) <= 1
    ):
        p.mark(above, "caption")


def _tried(needs: tuple[str, ...], low: str) -> bool:
    return any(n in low for n in needs)


def pattern_line(p: Page, i: int, r: Rules) -> None:
    """A line matching one of the furniture ``patterns`` (cookie banners, copyright, credits, prompts)."""
    s, low = p.stripped[i], p.low[i]
    f = r.furniture
    if p.whole[i] is not None or not meta.may_be_furniture(low, r.meta):
        return
    if not f.starts.match(low) and not any(_tried(nd, low) and rx.search(low) for nd, rx in f.needy):
        return
    for rx, reason, needs in f.patterns:
        if (not needs or _tried(needs, low)) and rx.search(low):
            p.mark(i, reason)
            if reason == "image_credit" and _PICTURE_START.match(p.keys[i]):
                _caption_above_credit(p, i)
            if p.outlet is None:
                p.outlet = meta.copyright_owner(s, r.meta)
            return


def caption_credit(p: Page, i: int, r: Rules) -> None:
    """A line ending in a picture credit "(Foto: X / dpa)" is a caption."""
    if p.whole[i] is not None:
        return
    low = p.low[i]
    tail = low[-240:]
    needs = r.furniture.caption_credit_needs
    cc = r.furniture.caption_credit.search(tail) if any(n in tail for n in needs) else None
    if cc and (r.furniture.agencies.search(cc.group(0)) or _PICTURE_LABEL.search(cc.group(0))):
        p.mark(i, "caption")
    elif low.endswith(")") and p.nwords[i] <= 40 and r.furniture.caption_mark.search(low):
        p.mark(i, "caption")


def language_switcher(p: Page, i: int, r: Rules) -> None:
    """A language name next to another one (a language switcher)."""
    langs = r.furniture.languages
    if p.whole[i] is not None or p.keys[i] not in langs:
        return
    if any(0 <= j < len(p) and p.stripped[j] and p.keys[j] in langs for j in (i - 1, i + 1)):
        p.mark(i, "language_switcher")


def duplicate(p: Page, i: int, r: Rules) -> None:
    """A line repeated right below (a caption printed twice): the first copy goes."""
    if p.whole[i] is not None:
        return
    j = i + 1 if i + 1 < len(p) and p.stripped[i + 1] else i + 2
    if j < len(p) and p.keys[j] == p.keys[i]:
        p.mark(i, "duplicate")


CLAIMS: tuple[Claim, ...] = (block_heading, inline_box, explainer_box, listed_line, video_stamp)
MARKS: tuple[Mark, ...] = (line_stamp, meta_line, pattern_line, caption_credit, language_switcher, duplicate)


def scan(p: Page, r: Rules) -> None:
    """Run the line rules over every line of ``p``, in order."""
    i, n = 0, len(p)
    while i < n:
        p.carry_block(i - 1)
        if not p.stripped[i]:
            i += 1
            continue
        if i and p.wrapped and p.wrapped[i - 1] and p.whole[i - 1] is None:
            i += 1  # the rest of a hard-wrapped line of prose: no rule judges it alone
            continue
        for claim in CLAIMS:
            nxt = claim(p, i, r)
            if nxt is not None:
                i = nxt
                break
        else:
            for rule in MARKS:
                rule(p, i, r)
            if not p.seen_prose and p.whole[i] is None and p.nwords[i] >= 8 and is_body(p.stripped[i]):
                p.seen_prose = True
            i += 1
    p.carry_block(n - 1)

