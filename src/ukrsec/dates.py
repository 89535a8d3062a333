"""Full calendar dates in German, English and French text ("6. Januar 2026", "06.01.2026",
"2026-01-06", "January 6, 2026", "6 January 2026", "Januar 7, 2026").

Used for publication dates by the cleaner; the timeline stage builds on the same month names.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from .resources import read_yaml


@dataclass(frozen=True)
class DateMatch:
    """A date found in text: its span, the date, and the expression as written."""

    start: int
    end: int
    date: dt.date
    text: str


@lru_cache(maxsize=4)
def month_names(data_dir: str | None = None) -> dict[str, int]:
    """Lower-case month name or abbreviation -> month number."""
    cal = read_yaml("calendar.yaml", data_dir)
    return {name: int(m) for m, names in cal["months"].items() for name in names}


@lru_cache(maxsize=4)
def weekday_names(data_dir: str | None = None) -> dict[str, int]:
    """Lower-case weekday name -> weekday number (Monday = 0)."""
    cal = read_yaml("calendar.yaml", data_dir)
    return {name: int(d) for d, names in cal["weekdays"].items() for name in names}


def _month_alt(data_dir: str | None) -> str:
    names = sorted(month_names(data_dir), key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


@lru_cache(maxsize=4)
def _patterns(data_dir: str | None = None) -> list[tuple[re.Pattern[str], str]]:
    m = _month_alt(data_dir)
    b = r"(?<![\w.,])"  # not glued to a preceding number or word
    e = r"(?![\w]|[.,]\d)"
    return [
        (re.compile(b + r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})" + e), "ymd"),
        (re.compile(b + r"(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})" + e), "dmy"),
        (re.compile(b + r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})" + e), "dmy"),
        (
            re.compile(
                b
                + r"(?P<d>\d{1,2})(?:\.|er|st|nd|rd|th)?\s+(?:of\s+)?(?P<mn>"
                + m
                + r")\.?,?\s+(?P<y>\d{4})"
                + e,
                re.IGNORECASE,
            ),
            "dMy",
        ),
        (
            re.compile(
                b + r"(?P<mn>" + m + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})" + e,
                re.IGNORECASE,
            ),
            "Mdy",
        ),
    ]


def _mk(y: int, mo: int, d: int) -> dt.date | None:
    try:
        if not 1900 <= y <= 2100:
            return None
        return dt.date(y, mo, d)
    except ValueError:
        return None


def find_full_dates(text: str, data_dir: str | None = None) -> list[DateMatch]:
    """Every full calendar date (day, month and year) in ``text``, in order, without overlaps."""
    months = month_names(data_dir)
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for rx, _kind in _patterns(data_dir):
        for mt in rx.finditer(text):
            s, e = mt.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            g = mt.groupdict()
            mo = months.get(g["mn"].lower().rstrip(".")) if g.get("mn") else int(g["m"])
            if mo is None:
                continue
            d = _mk(int(g["y"]), mo, int(g["d"]))
            if d is None:
                continue
            found.append(DateMatch(s, e, d, mt.group(0)))
            taken.append((s, e))
    return sorted(found, key=lambda x: x.start)


