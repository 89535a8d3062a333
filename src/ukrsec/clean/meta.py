"""What a page says about itself: publication date lines, bylines, site names, copyright owners.

The words come from ``data/clean/metadata.yaml`` (compiled in :mod:`.settings`); the shapes of
dates and times are here. Dates are the page's own (dateline, "Stand: …", "Published …"), never
the dates of the events it reports.
"""

from __future__ import annotations

import datetime as dt
import re

from ..dates import find_full_dates
from .page import SENT_END, words
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


def date_line(s: str) -> dt.datetime | None:
    """The date (and time right after it) of a short line that starts with a full date (a dateline)."""
    if words(s) > 14:
        return None
    dates = find_full_dates(s)
    if not dates or dates[0].start > 3:
        return None
    return at_time(dates[0].date, _TIME_AFTER.match(s[dates[0].end :]))


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
