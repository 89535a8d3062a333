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
from .page import SENT_END, Page, words
from .settings import Rules

Claim = Callable[[Page, int, Rules], int | None]
Mark = Callable[[Page, int, Rules], None]

_PICTURE_WORD = re.compile(r"\b(bild|foto|photo|image)\b")
_PICTURE_START = re.compile(r"\(?(archiv)?(foto|bild|photo|image)")
_PICTURE_LABEL = re.compile(r"(foto|bild|photo|image)\s*:", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?](\s|$)")


def block_heading(p: Page, i: int, r: Rules) -> int | None:
    """A heading that opens related-article teasers or reader comments: it and the rest of the page go."""
    reason = r.furniture.to_end.get(p.keys[i])
    if reason is None or words(p.stripped[i]) > 8:
        return None
    p.block = reason
    p.mark(i, reason)
    return i + 1


def inline_box(p: Page, i: int, r: Rules) -> int | None:
    """A heading of a box of links inside the article ("Lesen Sie auch"): it and its short lines go."""
    if p.keys[i] not in r.furniture.inline or words(p.stripped[i]) > 8:
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
        if words(t) > r.furniture.inline_max_words or t.rstrip(" \"'”“»").endswith(tuple(SENT_END)):
            break
        p.mark(j, "teaser")
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


def meta_line(p: Page, i: int, r: Rules) -> None:
    """A line stating the publication date, a byline naming the outlet."""
    s = p.stripped[i]
    md = r.meta
    pub, only_meta = meta.published_from(s, md, p.low[i])
    if pub is not None:
        p.published = p.published or pub
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


def _caption_above_credit(p: Page, i: int) -> None:
    above = p.prev_nonblank(i)
    if (
        above is not None
        and p.whole[above] is None
        and words(p.stripped[above]) <= 20
        and len(_SENTENCE_BREAK.findall(p.stripped[above])) <= 1
    ):
        p.mark(above, "caption")


def pattern_line(p: Page, i: int, r: Rules) -> None:
    """A line matching one of the furniture ``patterns`` (cookie banners, copyright, credits, prompts)."""
    s, low = p.stripped[i], p.low[i]
    f = r.furniture
    if p.whole[i] is not None or not meta.may_be_furniture(low, r.meta):
        return
    if not f.starts.match(low) and not f.anywhere.search(low):
        return
    for rx, reason in f.patterns:
        if rx.search(low):
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
    cc = r.furniture.caption_credit.search(p.low[i][-240:])
    if cc and (r.furniture.agencies.search(cc.group(0)) or _PICTURE_LABEL.search(cc.group(0))):
        p.mark(i, "caption")


def language_switcher(p: Page, i: int, r: Rules) -> None:
    """A language name next to another one (a language switcher)."""
    langs = r.furniture.languages
    if p.whole[i] is not None or p.keys[i] not in langs:
        return
    if any(0 <= j < len(p) and p.stripped[j] and p.keys[j] in langs for j in (i - 1, i + 1)):
        p.mark(i, "language_switcher")


CLAIMS: tuple[Claim, ...] = (block_heading, inline_box, listed_line, video_stamp)
MARKS: tuple[Mark, ...] = (meta_line, pattern_line, caption_credit, language_switcher)


def scan(p: Page, r: Rules) -> None:
    """Run the line rules over every line of ``p``, in order."""
    i, n = 0, len(p)
    while i < n:
        p.carry_block(i - 1)
        if not p.stripped[i]:
            i += 1
            continue
        for claim in CLAIMS:
            nxt = claim(p, i, r)
            if nxt is not None:
                i = nxt
                break
        else:
            for rule in MARKS:
                rule(p, i, r)
            i += 1
    p.carry_block(n - 1)

