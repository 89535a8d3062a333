"""What a page says about itself: publication date lines, bylines, site names, copyright owners.

The words come from ``data/clean/metadata.yaml`` (compiled in :mod:`.settings`); the shapes of
dates and times are here. Dates are the page's own (dateline, "Stand: …", "Published …"), never
the dates of the events it reports.
"""

from __future__ import annotations

import datetime as dt
import re

from ..dates import find_full_dates
from .page import SENT_END, reads_as_sentence, words
from .settings import Metadata

_DATELINE = re.compile(
    r"^\s*(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}),?\s+(?:um\s+)?\d{1,2}[:.]\d{2}\s*(?:uhr|h)?\b",
    re.IGNORECASE,
)
_TIME_AFTER = re.compile(r"^\s*(?:,|um|at|à)?\s*(\d{1,2})[:.](\d{2})")
_TIME_IN = re.compile(r"(\d{1,2}):(\d{2})")
META_SEP = re.compile(r"\d{1,2}[:.]\d{2}\s*(uhr|h|am|pm|a\.m\.|p\.m\.)?|\s\|\s", re.IGNORECASE)


def at_time(day: dt.date, hm: re.Match[str] | None) -> dt.datetime:
    """``day`` at the hour and minute of ``hm`` (groups 1 and 2) when they are a time of day."""
    ts = dt.datetime(day.year, day.month, day.day)
    if hm and int(hm.group(1)) < 24 and int(hm.group(2)) < 60:
        ts = ts.replace(hour=int(hm.group(1)), minute=int(hm.group(2)))
    return ts


_TIME_BEFORE = re.compile(r"(\d{1,2})[:.](\d{2})(?:\s*uhr)?", re.IGNORECASE)
_PREFIX_SEP = re.compile(r"[\s,|·–—-]+")


def _date_prefix_only(prefix: str, md: Metadata | None) -> bool:
    """What stands before a dateline's date is at most a weekday and a time ("Thursday, ", "11:15 ")."""
    if len(prefix.strip()) <= 3:
        return True
    if md is None:
        return False
    rest = _TIME_BEFORE.sub(" ", prefix)
    rest = md.weekday.sub(" ", rest)
    return not _PREFIX_SEP.sub("", rest)


def date_line(s: str, md: Metadata | None = None) -> dt.datetime | None:
    """The date (and time right after it, or before it) of a short line that starts with a full date,
    perhaps after a weekday or a time ("Thursday, Sept. 4, 2025", "11:15 11.04.2025"): a dateline."""
    if words(s) > 14:
        return None
    dates = find_full_dates(s)
    if not dates or not _date_prefix_only(s[: dates[0].start], md):
        return None
    hm = _TIME_AFTER.match(s[dates[0].end :])
    if hm is None and dates[0].start > 3:
        hm = _TIME_BEFORE.search(s[: dates[0].start])
    return at_time(dates[0].date, hm)


def month_line(s: str, md: Metadata, months: dict[str, int]) -> dt.datetime | None:
    """A line that is only a month and a year, perhaps after a label ("März 2025", "Stand: April 2025")."""
    t = md.date_prefix_label.sub("", s.strip()).strip(" :")
    parts = t.split()
    if len(parts) != 2 or not parts[1].isdigit() or len(parts[1]) != 4:
        return None
    month = months.get(parts[0].lower().rstrip("."))
    year = int(parts[1])
    return dt.datetime(year, month, 1) if month and 1900 <= year <= 2100 else None


def _prefixed(line: str, m: re.Match[str]) -> tuple[dt.datetime | None, bool]:
    found = find_full_dates(m.group(1))
    if not found:
        return None, False
    ts = at_time(found[0].date, _TIME_IN.search(m.group(0)[m.end(1) - m.start(0) :]))
    return ts, m.end() >= len(line.rstrip())


def published_from(line: str, md: Metadata, low: str | None = None) -> tuple[dt.datetime | None, bool]:
    """A publication date stated on a meta line, and whether the line is only metadata.

    ``low`` is ``line`` lower-cased (computed when not given)."""
    m = md.date_prefix.match(line)
    if m:
        ts, only = _prefixed(line, m)
        if ts is not None:
            return ts, only
    if words(line) > 30:
        return None, False
    if not md.published_cue.search(line.lower() if low is None else low) and not _DATELINE.match(line):
        return None, False
    dates = find_full_dates(line)
    if not dates:
        return None, False
    # prefer the date that follows "veröffentlicht/published" over "geändert/updated"
    first = md.first_cue.search(line)
    pick = dates[0]
    if first:
        after = [d for d in dates if d.start >= first.end()]
        pick = after[0] if after else dates[0]
    return at_time(pick.date, _TIME_AFTER.match(line[pick.end :].replace(" um ", " ", 1))), True


def masthead(s: str, md: Metadata) -> bool:
    """Two to five capitalized words, one of them a newspaper word ("Westfälischer Kurier", "The Civic
    Review", "Nachrichtenportal Mitte"): a masthead."""
    ws = s.split()
    if not 2 <= len(ws) <= 5 or any(c.isdigit() for c in s) or s.rstrip().endswith(tuple(SENT_END + ":,")):
        return False
    caps = [w for w in ws if w[:1].isupper()]
    if len(caps) < len(ws) - 1 or not ws[0][:1].isupper():  # one small connector at most ("für", "of")
        return False
    low = [w.lower().strip("’'.,") for w in ws]
    return any(w.startswith(m) or w.endswith(m) for w in low for m in md.masthead_words)


def _byline_rest(s: str, md: Metadata) -> str | None:
    """What follows the author word of a line shaped like a byline (not a sentence, at most 16 words)."""
    m = _BYLINE_HEAD.match(s)
    if not m or m.group(1).lower() not in md.author_words or words(s) > 16:
        return None
    if reads_as_sentence(s) or s.rstrip().endswith("?"):
        return None
    return s[m.end() :]


def authors(s: str, md: Metadata) -> tuple[list[str], str | None] | None:
    """The author names of a byline ("Von A B und C D", "By A B, political reporter", "Von A B, Berlin",
    "Text: A B") and an outlet named after a dash ("Von A B – Der Wochenspiegel"); None when the line
    is no byline."""
    rest = _byline_rest(s, md)
    if rest is None:
        return None
    dash = _DASH.search(rest)
    head, tail = (rest[: dash.start()], rest[dash.end() :]) if dash else (rest, "")
    parts = [x.strip() for x in _NAME_JOIN.split(head)]
    names = []
    while parts and md.person_name.fullmatch(parts[0]):
        names.append(parts.pop(0))
    if not names or words(" ".join(parts)) > 6:  # what follows the names: a role or a place
        return None
    named = tail and all(w[:1].isupper() for w in tail.split()) and words(tail) <= 4
    return names, (tail.strip() if named else None)


_BYLINE_HEAD = re.compile(r"^(\w+)\s*:?\s+(?=[A-ZÄÖÜ])")
_NAME_JOIN = re.compile(r"\s*(?:,|\bund\b|\band\b|&)\s*")
_DASH = re.compile(r"\s[–—|-]\s")


def publisher(s: str, md: Metadata) -> str | None:
    """The outlet named by a "Published by …" line."""
    m = md.published_by.match(s.strip())
    if not m or words(s) > 10:
        return None
    return m.group("o").strip().rstrip(".,;") or None


_AGENCY_DATELINE = re.compile(
    r"^[A-ZÄÖÜ][\w'’.-]*(?:[ /,-]+[A-ZÄÖÜ][\w'’.-]*){0,3}\s*\(([^()]{2,40})\)\s*[-–—:]"
)


def agencies_in(s: str, md: Metadata) -> list[str]:
    """The news agencies an agency credit names, as written in ``articles.agency``."""
    return [md.agencies[m.group(0).lower()] for m in md.agency_tag.finditer(s)]


def dateline_agencies(s: str, md: Metadata) -> list[str]:
    """The agencies of a dateline that opens a paragraph: "Warschau (dpa) - …", "ANKARA (Reuters) - …"."""
    m = _AGENCY_DATELINE.match(s)
    return agencies_in(m.group(1), md) if m else []


def site_name(s: str, footer: str) -> bool:
    """A short line naming the site: all capitals, or repeated in the page's footer lines."""
    w = words(s)
    if not 1 <= w <= 4 or any(c.isdigit() for c in s) or s.rstrip().endswith(tuple(SENT_END + ":,")):
        return False
    letters = [c for c in s if c.isalpha()]
    if len(letters) >= 6 and all(c.isupper() for c in letters) and w >= 2:
        return True
    return len(s) >= 5 and s.casefold() in footer


def copyright_owner(s: str, md: Metadata) -> str | None:
    """The owner a copyright line names ("© 2026 Beispiel Medien GmbH", "… beispiel.de")."""
    if not md.copy_start.match(s):
        return None
    cm = md.copy_owner.search(s)
    if not cm:
        return None
    return (cm.group(1) or cm.group("name") or "").strip() or None


def may_be_furniture(low: str, md: Metadata) -> bool:
    """Cheap pre-check on a lower-cased line: a long prose line is page furniture only if it names one
    of the usual suspects."""
    return len(low) <= 300 or any(h in low for h in md.long_line_hints)
