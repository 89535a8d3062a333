"""What every kind's resolver shares: the per-article context (reference date, tense, language),
the result of a resolution, and calendar arithmetic in TIMEX3 notation."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .words import Vocab

_CLAUSE = re.compile(r"[,;:()\"„“”«»–—]|\s-\s")
_WORD = re.compile(r"[\w'’]+")


@dataclass
class State:
    """What the text has fixed so far, read by late resolutions (clock times, bare months)."""

    day: dt.date | None = None  # the last day a day-level expression named
    day_at: int = -1  # where it was
    set_at: int = -1  # where the last SET expression was (clock times after it are not dated)
    daily: bool = False  # the text names days relative to its date (gestern, weekdays, clock times)
    year: int | None = None  # the last year written out
    year_at: int = -1


@dataclass
class Result:
    """A resolved expression. ``late`` completes it in text order (it needs what precedes it)."""

    value: str = ""
    type: str | None = None
    anchor: dt.date | None = None
    event: str | None = None
    event_end: str | None = None
    no_event: bool = False
    span: tuple[int, int] | None = None  # the extent, when it is not the match without its preposition
    parts: list[tuple[int, int, str]] | None = None  # (start, end, value) of a range's first member
    late: Callable[[State, int], Result | None] | None = None
    day: dt.date | None = None  # the day it fixes
    year: int | None = None  # the year it writes out


@dataclass
class Groups:
    """The named groups of one match (None for a group that did not take part)."""

    m: re.Match[str]
    d: dict[str, Any] = field(init=False)

    def __post_init__(self) -> None:
        self.d = self.m.groupdict()

    def __getitem__(self, key: str) -> str | None:
        return self.d.get(key)

    def low(self, key: str) -> str:
        """The group lower-cased with single spaces ("" when absent)."""
        g = self.d.get(key)
        return " ".join(g.lower().split()) if g else ""


@dataclass
class Ctx:
    """One article: text, reference date, language, sentence bounds, vocabulary."""

    text: str
    dct: dt.date | None
    lang: str
    vocab: Vocab
    bounds: list[tuple[int, int]]
    _starts: list[int] = field(init=False)
    _tense: dict[tuple[int, int, bool], str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._starts = [b[0] for b in self.bounds]

    def sentence(self, pos: int) -> tuple[int, int]:
        """The bounds of the sentence holding ``pos`` (the whole text when there are none)."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return self.bounds[i] if 0 <= i < len(self.bounds) else (0, len(self.text))

    def tense(self, start: int, end: int, clause_only: bool = False) -> str:
        """``past``, ``future`` or ``none`` for the expression at ``start:end`` (its clause, then its
        sentence; only its clause with ``clause_only``)."""
        key = (start, end, clause_only)
        if key not in self._tense:
            s0, s1 = self.sentence(start)
            self._tense[key] = tense_of(self.text[s0:s1], start - s0, end - s0, self.vocab, clause_only)
        return self._tense[key]


def tense_of(sentence: str, start: int, end: int, v: Vocab, clause_only: bool = False) -> str:
    """The tense of the clause around ``sentence[start:end]`` (then of the whole sentence).

    A past cue makes it ``past``; otherwise a future cue makes it ``future``; otherwise ``none``.
    """
    lo, hi = clause_around(sentence, start, end)
    tense = _words_tense(sentence[lo:start] + " " + sentence[end:hi], v)
    if tense == "none" and not clause_only:
        tense = _words_tense(sentence[:start] + " " + sentence[end:], v)
    return tense


def clause_around(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause of ``sentence`` around ``start:end`` (between commas, brackets,
    quotation marks, dashes, ...)."""
    bounds = [m.start() for m in _CLAUSE.finditer(sentence)]
    i = bisect.bisect_right(bounds, start - 1)
    j = bisect.bisect_left(bounds, end)
    return (bounds[i - 1] if i > 0 else 0), (bounds[j] if j < len(bounds) else len(sentence))


def _words_tense(text: str, v: Vocab) -> str:
    """``past`` when a word of ``text`` is a past cue (or an English past form), else ``future`` for
    a future cue, else ``none``."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text)]
    past, future, suffixes = v.past, v.future, v.past_suffixes
    if any(
        w in past or (len(w) > 4 and w.isascii() and w.endswith(suffixes) and w not in future) for w in words
    ):
        return "past"
    if any(w in future or w.endswith("'ll") for w in words):
        return "future"
    return "none"


# --------------------------------------------------------------------------- calendar arithmetic


def ymd(d: dt.date) -> str:
    """``2026-01-06``."""
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def week(d: dt.date) -> str:
    """The ISO week of ``d``: ``2026-W02``."""
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    """Year and month ``k`` months after ``y-m``."""
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def month_year(month: int, ref: dt.date, tense: str) -> int:
    """The year of a month named without one: the last such month in past text, the next one in
    future text (the reference month itself in both), the nearest one in tenseless text."""
    if tense == "future":
        return ref.year if month >= ref.month else ref.year + 1
    if tense == "past":
        return ref.year if month <= ref.month else ref.year - 1
    return min(
        (ref.year - 1, ref.year, ref.year + 1), key=lambda y: abs((y - ref.year) * 12 + month - ref.month)
    )


def easter(year: int) -> dt.date:
    """Easter Sunday of ``year`` (Gregorian calendar)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    lw = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * lw) // 433
    month = (h + lw - 7 * m + 90) // 25
    return dt.date(year, month, (h + lw - 7 * m + 33 * month + 19) % 32)


def day_month(month: int, day: int, ref: dt.date, tense: str, year: int | None = None) -> dt.date | None:
    """The date of a day and month named without a year (past: the last one; future: the next one;
    none: the nearest); ``year`` when the passage fixes it."""
    if year is not None:
        return _date(year, month, day)
    cands = [c for y in (ref.year - 1, ref.year, ref.year + 1) if (c := _date(y, month, day))]
    return by_tense(cands, ref, tense) if cands else None


def by_tense(days: list[dt.date], ref: dt.date, tense: str) -> dt.date:
    """The one of ``days`` (in order, not empty) the tense means: past: the last up to ``ref``; future:
    the first from ``ref`` (else the last or first of all); none: the nearest (the earlier on a tie)."""
    if tense == "past":
        return max([d for d in days if d <= ref] or days)
    if tense == "future":
        return min([d for d in days if d >= ref] or days)
    return min(days, key=lambda d: abs((d - ref).days))


def modified_year(first: int, last: int, ref: dt.date, gen: int | None, mod: str | None) -> int | None:
    """The year of a month or season (months ``first`` to ``last`` of it) named with a modifier:
    ``gen`` years from the reference year ("des kommenden Jahres"); "vergangenen" the last one over
    before the reference month, "nächsten" the next one to begin after it, "diesen" this year's.
    None without a modifier (the tense decides)."""
    if gen is not None:
        return ref.year + gen
    if mod == "past":
        return ref.year if last < ref.month else ref.year - 1
    if mod == "next":
        return ref.year if first > ref.month else ref.year + 1
    if mod == "this":
        return ref.year
    return None


def _date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def weekday_date(wd: int, ref: dt.date, tense: str, mod: str | None, week_off: int | None) -> dt.date:
    """The date of weekday ``wd`` (Monday = 1) near ``ref``."""
    i = wd - 1
    back, fwd = (ref.weekday() - i) % 7, (i - ref.weekday()) % 7
    if week_off is not None:
        return ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=7 * week_off + i)
    if mod == "past":
        return ref - dt.timedelta(days=back or 7)
    if mod == "next":
        return ref + dt.timedelta(days=fwd or 7)
    if mod == "this" or tense == "future":
        return ref + dt.timedelta(days=fwd)
    if tense == "none" and fwd < back:  # no tense: the nearer one, the past one on a tie
        return ref + dt.timedelta(days=fwd)
    return ref - dt.timedelta(days=back)


MOD_OFFSET = {"past": -1, "past2": -2, "next": 1, "next2": 2, "this": 0}


def shift(ref: dt.date, n: float, unit: str) -> tuple[str, str] | None:
    """(TIMEX3 value, the day or month the timeline uses) of the point ``n`` units from ``ref``."""
    if n != int(n):
        return None
    k = int(n)
    if unit == "D":
        d = ref + dt.timedelta(days=k)
        return ymd(d), ymd(d)
    if unit == "W":
        d = ref + dt.timedelta(days=7 * k)
        return week(d), ymd(d)
    if unit == "M":
        y, m = add_months(ref.year, ref.month, k)
        return f"{y:04d}-{m:02d}", f"{y:04d}-{m:02d}"
    if unit == "Y":
        return f"{ref.year + k:04d}", f"{ref.year + k:04d}"
    if unit == "DE":
        return f"{(ref.year + 10 * k) // 10:03d}", ""
    return None


def number(text: str, v: Vocab) -> float | str | None:
    """A number written in digits or words ("15", "1,5", "zwei", "einigen" -> "X")."""
    t = " ".join(text.lower().split())
    if re.fullmatch(r"\d+(?:[.,]\d+)?", t):
        return float(t.replace(",", "."))
    if t in v.classes["vague"]:
        return "X"
    val = v.classes["numword"].get(t)
    return float(val) if val is not None else None


def fmt(n: float | str) -> str:
    """``2.0`` -> ``2``; ``1.5`` -> ``1.5``; ``X`` stays."""
    if isinstance(n, str):
        return n
    return str(int(n)) if n == int(n) else f"{n:g}"


def period(n: float | str, unit: str) -> str:
    """TIMEX3 duration: ``P2Y``, ``PT48H``, ``PXY``."""
    if unit.startswith("T"):
        return f"PT{fmt(n)}{unit[1:]}"
    return f"P{fmt(n)}{unit}"
