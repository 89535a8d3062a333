"""The page header: the lines above the first paragraph of prose (site name, dateline, navigation,
kicker, headline), read after the line rules, in the order of :data:`HEADER_RULES`."""

from __future__ import annotations

from collections.abc import Callable

from ..dates import month_names
from . import meta
from .page import BULLET, Page, headline_like, is_body, key, words
from .settings import Rules

HeaderRule = Callable[[Page, int, Rules, str], bool]


def find_body_start(p: Page) -> int:
    """The first line that reads as prose, counting a line whose rest reads as prose once a stamp is cut."""
    n = len(p)
    start = next((j for j in range(n) if p.free(j) and not p.partial[j] and _opens_body(p.joined(j))), n)
    for j in range(min(start, n)):
        if p.whole[j] is not None:
            continue
        for p0, p1, _ in p.partial[j]:
            if is_body((p.lines[j][:p0] + p.lines[j][p1:]).strip()):
                return j
    return start


def _opens_body(s: str) -> bool:
    """A line of prose that opens the body; a question is a headline or a subheading, not the opening."""
    return is_body(s) and not s.rstrip(" \"'”“»«)").endswith("?")


def domain_line(p: Page, j: int, r: Rules, footer: str) -> bool:
    """A line that is only a domain name ("beispiel-news.de") names the outlet."""
    s = p.stripped[j]
    if not r.meta.domain_line.match(s):
        return False
    p.outlet = p.outlet or s.lower().removeprefix("www.")
    p.mark(j, "site_name")
    return True


def dateline(p: Page, j: int, r: Rules, footer: str) -> bool:
    """A short line above the body that starts with a full date is the publication date."""
    if p.published is not None or p.partial[j]:
        return False
    s = p.stripped[j]
    ts = meta.date_line(s, r.meta)
    precision = None
    if ts is None:
        ts, precision = meta.month_line(s, r.meta, month_names()), "month"
    if ts is None:
        return False
    p.set_published(ts, precision)
    p.mark(j, "byline")
    return True


def masthead(p: Page, j: int, r: Rules, footer: str) -> bool:
    """A short line in capitals, or repeated in the footer, is the site's name."""
    s = p.stripped[j]
    if not meta.site_name(s, footer) and not (j < p.title_at and meta.masthead(s, r.meta)):
        return False
    p.outlet = p.outlet or s
    p.mark(j, "site_name")
    return True


def navigation(p: Page, j: int, r: Rules, footer: str) -> bool:
    """Very short lines and lines ending in a colon above the headline are navigation."""
    s = p.stripped[j]
    short = words(s.lstrip(BULLET)) <= r.furniture.header_nav_max_words or s.rstrip().endswith(":")
    if short and not headline_like(s):
        p.mark(j, "navigation")
        return True
    return False


HEADER_RULES: tuple[HeaderRule, ...] = (domain_line, dateline, masthead, navigation)


def read_header(p: Page, r: Rules) -> None:
    """Run :data:`HEADER_RULES` over the free lines above the body (the first rule that takes a line wins)."""
    n = len(p)
    footer = " ".join(t for t in p.stripped[max(0, n - 6) :] if r.meta.footer_hint.search(t)).casefold()
    title = _header_title(p)
    p.title_at = title if title is not None else -1  # a masthead stands above the headline
    for j in range(p.body_start):
        if p.free(j):
            any(rule(p, j, r, footer) for rule in HEADER_RULES)


def dateline_below_lead(p: Page, r: Rules) -> None:
    """A date line among the first lines of the body ("12. April 2025, 10:31 Uhr | Lesezeit: 4 Min.")."""
    if p.published is not None:
        return
    for j in [x for x in range(p.body_start, len(p)) if p.stripped[x]][:6]:
        s = p.stripped[j]
        if p.whole[j] is None and not p.partial[j] and meta.META_SEP.search(s):
            ts = meta.date_line(s, r.meta)
            if ts is not None:
                p.set_published(ts)
                p.mark(j, "byline")
                return


def _title_line(p: Page, j: int) -> bool:
    s = p.stripped[j]
    return headline_like(s) and not s.endswith(":") and p.keys[j] not in p.not_titles and not p.in_wrap(j)


def choose_title(p: Page) -> None:
    """The headline: the supplied title, else the longest headline-like line above the body (kickers
    and site names are shorter), else a headline-like line that opens the page."""
    if p.known_title:
        _supplied_title(p, p.known_title)
        return
    j = _header_title(p)
    if j is None:
        j = _opening_title(p)
    if j is not None:
        p.title = _without_stamps(p, j)
        p.mark(j, "title")


def _without_stamps(p: Page, j: int) -> str:
    """Line ``j`` without the spans cut from it ("date 2025-09-04 Headline" -> "Headline")."""
    line = p.lines[j]
    for p0, p1, _ in sorted(p.partial[j], reverse=True):
        line = line[:p0] + line[p1:]
    return line.strip() or p.stripped[j]


def _supplied_title(p: Page, title: str) -> None:
    """The supplied title is the title; the text is not searched for another, but a line repeating it goes."""
    kt = key(title)
    for j in range(len(p)):
        if p.whole[j] is None and p.keys[j] == kt:
            p.mark(j, "title")
            break
    p.title = title


#: a header line is the headline when it is at least this share of the longest header line, and at
#: least TITLE_WORDS words long (or as long as the longest): the first such line, so a standfirst below
#: the headline, as long as it, is not taken, while kickers and mastheads are too short
TITLE_SHARE = 0.75
TITLE_WORDS = 8


def _header_title(p: Page) -> int | None:
    header = [j for j in range(p.body_start) if p.free(j) and _title_line(p, j)]
    if not header:
        return None
    longest = max(words(p.stripped[j]) for j in header)
    least = max(TITLE_SHARE * longest, min(longest, TITLE_WORDS))
    return next(j for j in header if words(p.stripped[j]) >= least)


def _opening_title(p: Page) -> int | None:
    n = len(p)
    for j in [j for j in range(n) if p.free(j)][:2]:
        if (
            j <= p.body_start + 1
            and _title_line(p, j)
            and (j + 1 >= n or not headline_like(p.stripped[j + 1]) or j < p.body_start)
        ):
            return j
    return None
