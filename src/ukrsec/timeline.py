"""Stage ``timeline``: dated events with relative dates resolved, and their merge across sources.

Temporal expressions (German and English) are found by rules built from two data files,
``calendar.yaml`` (month and weekday names) and ``temporal.yaml`` (relative day words, parts of a
month or year, modifiers, units, tense cues, stop words). Each expression is resolved against the
article's reference date (``published``, else ``date_hint``, else the latest full date in its
text) to a ``date`` with precision ``day``, ``month`` or ``year``; what cannot be resolved is left
out. Durations ("seit vier Jahren", "für 90 Tage"), vague references ("vor Monaten", "kürzlich"),
numbers and clock times are never matched: every pattern needs a calendar word or a full date.

The finder is wrapped by :func:`find_dates` (``backend="rules"`` or ``"dateparser"``), so the rest
of the code does not depend on either. See ``docs/timeline.md``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import pandas as pd

from . import schema
from .dates import find_full_dates, full_dates_at_years, month_names, weekday_names
from .patterns import word_trie
from .resources import read_yaml

BACKENDS = ("rules", "dateparser")


# --------------------------------------------------------------------------- vocabulary

def _alt(words: Iterable[str]) -> str:
    """Regex alternation of ``words``, longest first; spaces match any white space."""
    uniq = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in uniq)


@dataclass
class _Vocab:
    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    lowercase_only: frozenset[str]
    relday_blockers: frozenset[str]
    numbers: dict[str, int]
    units: dict[str, str]
    modifiers: dict[str, str]
    year_gen: dict[str, str]
    seasons: dict[str, int]
    periods: dict[str, tuple[str, int]]
    week_genitive: dict[str, int]
    period_blockers: frozenset[str]
    deadline: tuple[tuple[str, ...], ...]
    deadline_set: frozenset[tuple[str, ...]]
    deadline_lens: tuple[int, ...]
    future: frozenset[str]
    past: frozenset[str]
    past_suffixes: tuple[str, ...]
    stopwords: frozenset[str]
    rx: dict[str, re.Pattern[str]] = field(default_factory=dict)
    #: lower-case word -> the expression kinds it can anchor (the cheap pre-filter)
    triggers: dict[str, frozenset[str]] = field(default_factory=dict)
    #: lower-case words an expression may start with before its trigger word
    lead: frozenset[str] = frozenset()
    #: word -> how event labels use it (memo of :func:`_word_class`)
    verb_cache: dict[str, int] = field(default_factory=dict)


def _norm_key(k: Any) -> str:
    return str(k).strip().lower()


_HEDGES = ("gut", "knapp", "fast", "rund", "etwa", "genau", "exactly", "about", "almost", "nearly", "some",
           "just")
_WEEKDAY_PREPS = ("am", "an", "on", "seit", "since", "ab", "from")


@lru_cache(maxsize=4)
def _vocab(data_dir: str | None = None) -> _Vocab:
    """Word lists and compiled patterns for ``data_dir`` (built once)."""
    t = read_yaml("temporal.yaml", data_dir)
    months = month_names(data_dir)
    weekdays = weekday_names(data_dir)
    # habitual forms ("dienstags", "tuesdays") are not dates
    weekdays = {w: d for w, d in weekdays.items() if not (w.endswith("s") and w[:-1] in weekdays)}
    by_month: dict[int, list[str]] = {}
    for n, m in months.items():
        by_month.setdefault(m, []).append(n)
    full, abbr = [], []
    for n, m in months.items():
        is_abbr = len(n) <= 4 and any(o != n and o.startswith(n) for o in by_month[m])
        (abbr if is_abbr else full).append(n)
    mods = {w.lower(): kind for kind, ws in t["modifiers"].items() for w in ws}
    gen = {w.lower(): kind for kind, ws in t["year_genitive"].items() for w in ws}
    units = {w.lower(): u for u, ws in t["units"].items() for w in ws}
    periods = {" ".join(p.lower().split()): (unit, int(off))
               for unit, offs in t["relative_periods"].items() for off, ps in offs.items() for p in ps}
    v = _Vocab(
        months=months, weekdays=weekdays,
        relative_days={_norm_key(k): int(x) for k, x in t["relative_days"].items()},
        lowercase_only=frozenset(t.get("lowercase_only", [])),
        relday_blockers=frozenset(w.lower() for w in t.get("relative_day_blockers", [])),
        numbers={_norm_key(k): int(x) for k, x in t["number_words"].items()},
        units=units, modifiers=mods, year_gen=gen,
        seasons={_norm_key(k): int(x) for k, x in t["seasons"].items()},
        periods=periods,
        week_genitive={" ".join(p.lower().split()): int(off)
                       for off, ps in (t.get("week_genitive") or {}).items() for p in ps},
        period_blockers=frozenset(w.lower() for w in t.get("relative_period_blockers", [])),
        deadline=(dl := tuple(tuple(p.lower().split()) for p in t.get("deadline_prepositions", []))),
        deadline_set=frozenset(dl), deadline_lens=tuple(sorted({len(p) for p in dl})),
        future=frozenset(w.lower() for w in t["tense"]["future"]),
        past=frozenset(w.lower() for w in t["tense"]["past"]),
        past_suffixes=tuple(t["tense"].get("past_suffixes_en", [])),
        stopwords=frozenset(w.lower() for w in t.get("stopwords", [])),
    )
    # "Donnerstag vergangener Woche", "Thursday last week": the weekday in that week
    week_phrases = [p for p, (unit, _) in periods.items() if unit == "week"] + list(v.week_genitive)
    mn = rf"(?P<mn>(?:{_alt(full)})\b|(?:{_alt(abbr)})\.)"
    wd = rf"(?P<wd>{_alt(weekdays)})"
    part = rf"(?P<part>{_alt(t['parts'])})"
    prep = rf"(?P<prep>{_alt(list(t['month_prepositions']) + list(t['year_prepositions']))})"
    mod = rf"(?P<mod>{_alt(mods)})"
    genw = rf"(?P<gen>{_alt(gen)})"
    season = rf"(?P<season>{_alt(v.seasons)})"
    year = r"(?P<y>(?:19|20)\d{2})(?![\w%]|[.,:]\d|\s*(?:%|prozent|percent|per\s+cent))"
    num = rf"(?P<n>{_alt(v.numbers)}|\d{{1,3}})"
    hedge = rf"(?:(?:{'|'.join(_HEDGES)})\s+)?"
    unit = rf"(?P<u>{_alt(units)})"
    b = r"(?<![\w.,])"
    flags = re.IGNORECASE
    v.rx = {
        # "6. Januar", "6 January", "January 6" (no year: the full-date finder takes those first)
        "daymonth": re.compile(
            b + rf"(?:(?P<d>\d{{1,2}})(?:\.|st|nd|rd|th)?\s+(?:of\s+)?{mn}"
            rf"|{mn.replace('mn>', 'mn2>')}\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?![.,:]?\d))"
            r"(?!,?\s*\d|\s*(?:%|prozent|percent))", flags),
        # "im März 2025", "Mitte Dezember", "im vergangenen September", "im Dezember letzten Jahres"
        "month": re.compile(
            r"(?<![\w])" + rf"(?:{prep}\s+)?(?:(?:the\s+)?{mod}\s+)?(?:{part}(?:\s+|-))?{mn}"
            rf"(?:,?\s+{year}|\s+{genw}\s+jahres\b|\s+(?:of\s+)?(?P<enmod>last|this|next)\s+year\b)?"
            r"(?!\s*\d)", flags),
        # "im Jahr 2025", "Anfang 2026", "im Frühjahr 2025", "since 2014", "late 2025"
        "year": re.compile(
            b + rf"(?:{prep}\s+)?(?:(?:the\s+)?{part}(?:\s+|-)(?:des\s+jahres\s+|of\s+)?)?"
            rf"(?:{season}\s+(?:of\s+)?)?{year}", flags),
        # "Ende des Jahres", "Anfang nächsten Jahres", "later this year", "end of last year"
        "partyear": re.compile(
            r"(?<![\w])" + rf"{part}\s+(?:{genw}\s+jahres\b"
            r"|(?:of\s+)?(?:the\s+)?(?P<enmod>this|last|next|the)\s+year\b)", flags),
        # "im Sommer", "im vergangenen Herbst", "last spring"
        "season": re.compile(
            r"(?<![\w])" + rf"(?:{prep}\s+)?(?:(?:the\s+)?{mod}\s+)?{season}\b(?!\s*(?:of\s+)?\d)", flags),
        # "am Dienstag", "vergangenen Donnerstag", "on Tuesday", "Dienstagabend", "last Thursday"
        "weekday": re.compile(
            r"(?<![\w])" + rf"(?:(?P<prep>{'|'.join(_WEEKDAY_PREPS)})\s+)?(?:{mod}\s+)?{wd}"
            r"(?P<tod>abend|morgen|nachmittag|vormittag|mittag|nacht|früh)?\b"
            r"(?:\s+(?:morning|afternoon|evening|night))?"
            rf"(?:,?\s+(?:der\s+|in\s+der\s+|of\s+)?(?P<wk>{_alt(week_phrases)})\b)?", flags),
        # "gestern", "heute", "yesterday"
        "relday": re.compile(r"(?<![\w])" + rf"(?P<w>{_alt(v.relative_days)})\b", flags),
        # "vor zwei Wochen", "three days ago"
        "ago": re.compile(
            r"(?<![\w])" + rf"(?:vor\s+{hedge}{num}\s+{unit}\b"
            rf"|{hedge}{num.replace('n>', 'n2>')}\s+{unit.replace('u>', 'u2>')}\s+ago\b)", flags),
        # "vorige Woche", "im vergangenen Jahr", "next month"
        "period": re.compile(r"(?<![\w])" + rf"(?P<p>{_alt(periods)})\b", flags),
    }
    v.rx["word"] = re.compile(r"[\w'’]+")
    v.rx["token"] = re.compile(r"\w+")
    trig: dict[str, set[str]] = {}

    def add(words: Iterable[str], *kinds: str) -> None:
        for w in words:
            trig.setdefault(w.lower(), set()).update(kinds)

    add(months, "full", "daymonth", "month")
    add(weekdays, "weekday")
    for w in weekdays:
        add((w + tod for tod in ("abend", "morgen", "nachmittag", "vormittag", "mittag", "nacht", "früh")),
            "weekday")
    add(v.relative_days, "relday")
    add(units, "ago", "period", "partyear")
    add(["jahres"], "partyear")
    add((p.split()[-1] for p in periods), "period")
    add(v.seasons, "season", "year")
    v.triggers = {w: frozenset(k) for w, k in trig.items()}
    firsts = [*t["parts"], *t["month_prepositions"], *t["year_prepositions"], *mods, *v.seasons, *v.numbers,
              *v.relative_days, *periods, *v.months, *v.weekdays, *_HEDGES, *_WEEKDAY_PREPS, "the", "vor"]
    v.lead = frozenset(str(w).split()[0].lower() for w in firsts if str(w).split())
    trigger = r"\b(?:(?P<yr>(?:19|20)\d\d)|(?P<w>" + word_trie(v.triggers) + r"))\b"
    v.rx["trigger"] = re.compile(trigger)  # on lower-cased text
    v.rx["trigger_i"] = re.compile(trigger, re.IGNORECASE)  # when lower-casing changes the length
    v.rx["clause"] = re.compile(r"[,;:()\"„“”«»–—]|\s-\s")
    return v


# --------------------------------------------------------------------------- expressions

@dataclass(frozen=True)
class DateExpr:
    """A temporal expression found in text (not yet resolved)."""

    start: int
    end: int
    text: str
    kind: str
    fields: tuple[tuple[str, Any], ...] = ()

    def get(self, key: str, default: Any = None) -> Any:
        """A field of the expression (``day``, ``month``, ``year``, ``mod``...)."""
        return dict(self.fields).get(key, default)


# priority: earlier kinds win over overlapping later ones
_ORDER = ("daymonth", "month", "year", "partyear", "season", "ago", "weekday", "period", "relday")
_EXPLICIT = ("full", "daymonth")


_PREV_WORD = re.compile(r"[\w']+")


def _prev_words(text: str, start: int, n: int = 3) -> list[str]:
    return [w.lower() for w in _PREV_WORD.findall(text, max(0, start - 40), start)][-n:]


def _after_deadline(text: str, start: int, v: _Vocab) -> bool:
    prev = _prev_words(text, start, 3)
    return any(tuple(prev[-k:]) in v.deadline_set for k in v.deadline_lens if k <= len(prev))


def _expr_from_match(kind: str, mt: re.Match[str], text: str, v: _Vocab, lang: str | None) -> DateExpr | None:
    g = {k: x for k, x in mt.groupdict().items() if x is not None}
    s, e = mt.span()
    f: dict[str, Any] = {}
    if kind == "daymonth":
        name = g.get("mn") or g.get("mn2")
        if not name or not name[0].isupper():
            return None
        f["month"] = v.months[name.lower().rstrip(".")]
        f["day"] = int(g.get("d") or g["d2"])
        if not 1 <= f["day"] <= 31:
            return None
    elif kind == "month":
        if not g["mn"][0].isupper():
            return None
        f["month"] = v.months[g["mn"].lower().rstrip(".")]
        if "y" in g:
            f["year"] = int(g["y"])
        elif not ({"prep", "mod", "part"} & g.keys()):
            return None
        if g.get("prep", "").lower() in ("seit", "since") and "year" not in f:
            return None  # "seit September": a start point of a duration without a year
        f.update(mod=v.modifiers.get(g.get("mod", "").lower()), gen=v.year_gen.get(g.get("gen", "").lower()),
                 enmod=g.get("enmod", "").lower() or None, part=g.get("part"))
    elif kind == "year":
        if not ({"prep", "part", "season"} & g.keys()):
            return None
        p = " ".join(g.get("prep", "").lower().split())
        if p == "in" and "part" not in g and "season" not in g and lang != "en":
            nxt = text[e:e + 30]
            if re.match(r"\s+[A-ZÄÖÜ][a-zäöüß]+", nxt):  # "in 2000 Metern": a quantity
                return None
        f["year"] = int(g["y"])
    elif kind == "partyear":
        f["gen"] = v.year_gen.get(g.get("gen", "").lower())
        en = g.get("enmod", "").lower()
        f["enmod"] = None if en == "the" else en or None
        if f["gen"] is None and f["enmod"] is None and en != "the":
            return None
    elif kind == "season":
        if not ({"prep", "mod"} & g.keys()):
            return None
        sname = g["season"].lower()
        if sname in ("fall",) and "mod" not in g and g.get("prep", "").lower() not in ("in", "the"):
            return None
        f.update(month=v.seasons[sname], mod=v.modifiers.get(g.get("mod", "").lower()))
    elif kind == "weekday":
        if not g["wd"][0].isupper():
            return None
        if re.match(r",?\s*(?:den\s+|dem\s+|the\s+)?\d", text[e:e + 8]):
            return None  # "am Dienstag, 6. Januar": the date itself is taken
        f.update(weekday=v.weekdays[g["wd"].lower()], mod=v.modifiers.get(g.get("mod", "").lower()))
        if "wk" in g:
            wk = " ".join(g["wk"].lower().split())
            f["week"] = v.periods[wk][1] if wk in v.periods else v.week_genitive[wk]
    elif kind == "relday":
        w = g["w"]
        if w.lower() in v.lowercase_only and not w.islower():
            return None
        prev = _prev_words(text, s, 1)
        if prev and prev[0] in v.relday_blockers:
            return None
        f["offset"] = v.relative_days[w.lower()]
    elif kind == "ago":
        n = (g.get("n") or g.get("n2", "")).lower()
        u = (g.get("u") or g.get("u2", "")).lower()
        f.update(n=int(n) if n.isdigit() else v.numbers[n], unit=v.units[u])
    elif kind == "period":
        prev = _prev_words(text, s, 1)
        if prev and prev[0] in v.period_blockers:
            return None
        unit, off = v.periods[" ".join(g["p"].lower().split())]
        f.update(unit=unit, offset=off)
    if kind not in _EXPLICIT and _after_deadline(text, s, v):
        return None
    return DateExpr(s, e, mt.group(0), kind, tuple(f.items()))


_YEAR_KINDS = frozenset({"full", "year"})
_YEAR_RX = re.compile(r"(?<!\w)(?:19|20)\d\d(?!\w)")
_LEFT = 45  # characters before a trigger word where an expression holding it may start
_WORD = re.compile(r"(?<!\w)\w+")


def _hits(text: str, v: _Vocab) -> list[tuple[int, int, frozenset[str]]]:
    """Trigger words and years of ``text`` with the expression kinds they can anchor (one regex pass)."""
    out = []
    low = text.lower()
    it = v.rx["trigger"].finditer(low) if len(low) == len(text) else v.rx["trigger_i"].finditer(text)
    for m in it:
        if m.lastgroup == "yr":
            out.append((m.start(), m.end(), _YEAR_KINDS))
        else:
            kinds = v.triggers.get(m.group().lower())
            if kinds:
                out.append((m.start(), m.end(), kinds))
    return out


def find_expressions(text: str, data_dir: str | None = None, lang: str | None = None) -> list[DateExpr]:
    """Every temporal expression in ``text`` (rules backend), in order, without overlaps.

    One regular-expression pass finds the trigger words (month, weekday, relative day, calendar
    unit, season, year); each kind's pattern is then only tried at the few word starts just before
    a trigger of that kind, and an expression must hold the trigger. Earlier kinds of ``_ORDER``
    win over overlapping later ones.
    """
    v = _vocab(data_dir)
    hits = _hits(text, v)
    if not hits:
        return []
    years = [(s, e) for s, e, k in hits if k is _YEAR_KINDS]
    found: list[DateExpr] = [DateExpr(m.start, m.end, m.text, "full", (("date", m.date),))
                             for m in full_dates_at_years(text, years, data_dir)] if years else []
    taken = sorted((x.start, x.end) for x in found)

    def free(s: int, e: int) -> bool:
        i = bisect.bisect_left(taken, (s, s))
        for j in (i - 1, i):
            if 0 <= j < len(taken) and taken[j][0] < e and s < taken[j][1]:
                return False
        return True

    starts_of: dict[int, list[int]] = {}
    wstart = _WORD
    lead = v.lead
    for kind in _ORDER:
        rx = v.rx[kind]
        for hs, he, kinds in hits:
            if kind not in kinds or not free(hs, he):
                continue
            sts = starts_of.get(hs)
            if sts is None:
                # an expression starts with its trigger, a digit or a lead word ("im", "vergangenen")
                sts = starts_of[hs] = [m.start() for m in wstart.finditer(text, max(0, hs - _LEFT), hs)
                                       if m.group()[0].isdigit() or m.group().lower() in lead] + [hs]
            for st in sts:
                mt = rx.match(text, st)
                if mt is None or mt.end() < he or not free(st, mt.end()):
                    continue
                x = _expr_from_match(kind, mt, text, v, lang)
                if x is None:
                    continue
                found.append(x)
                bisect.insort(taken, (x.start, x.end))
                break
    return sorted(found, key=lambda x: x.start)


# --------------------------------------------------------------------------- tense

def tense(sentence: str, start: int, end: int, data_dir: str | None = None) -> str:
    """``"future"``, ``"past"`` or ``"none"`` for the expression at ``start:end`` of ``sentence``.

    The clause around the expression (between commas, quotes, brackets...) is read first, then the
    whole sentence: a future cue without a past cue makes it future; a past cue makes it past.
    """
    v = _vocab(data_dir)
    bounds = [m.start() for m in v.rx["clause"].finditer(sentence)]
    i = bisect.bisect_right(bounds, start - 1)
    lo = bounds[i - 1] if i > 0 else 0
    j = bisect.bisect_left(bounds, end)
    hi = bounds[j] if j < len(bounds) else len(sentence)
    for chunk in (sentence[lo:start] + " " + sentence[end:hi], sentence[:start] + " " + sentence[end:]):
        words = [w.lower().replace("’", "'") for w in v.rx["word"].findall(chunk)]
        fut = any(w in v.future or w.endswith("'ll") for w in words)
        past = any(w in v.past or (len(w) > 4 and w.isascii() and w.endswith(v.past_suffixes)
                                   and w not in v.future) for w in words) if v.past_suffixes else \
            any(w in v.past for w in words)
        if past:
            return "past"
        if fut:
            return "future"
    return "none"


# --------------------------------------------------------------------------- resolution

def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _week_month(day: dt.date) -> str | None:
    """The month of the Monday-to-Sunday week around ``day`` when the whole week lies in it."""
    mon = day - dt.timedelta(days=day.weekday())
    sun = mon + dt.timedelta(days=6)
    return f"{mon:%Y-%m}" if (mon.year, mon.month) == (sun.year, sun.month) else None


def resolve(x: DateExpr, ref: dt.date | None, when: str = "none") -> tuple[str, str] | None:
    """``(date, precision)`` of an expression against the reference date ``ref``; None if unresolvable.

    ``when`` is the tense of its clause (``past``, ``future`` or ``none``).
    """
    k = x.kind
    if k == "full":
        return x.get("date").isoformat(), "day"
    if k == "month" and x.get("year"):
        return f"{x.get('year'):04d}-{x.get('month'):02d}", "month"
    if k == "year":
        return f"{x.get('year'):04d}", "year"
    if ref is None:
        return None
    if k == "daymonth":
        cands = []
        for y in (ref.year - 1, ref.year, ref.year + 1):
            try:
                cands.append(dt.date(y, x.get("month"), x.get("day")))
            except ValueError:
                continue
        if when == "past":
            cands = [c for c in cands if c <= ref] or cands
            c = max(cands)
        elif when == "future":
            cands = [c for c in cands if c >= ref] or cands
            c = min(cands)
        else:
            c = min(cands, key=lambda c: abs((c - ref).days))
        return c.isoformat(), "day"
    if k in ("month", "season"):
        mo = x.get("month")
        if k == "season" and mo == 12 and not x.get("mod"):
            return None  # a winter without a year spans two years
        gen, enmod, mod = x.get("gen"), x.get("enmod"), x.get("mod")
        yoff = {"past": -1, "this": 0, "next": 1, "last": -1}
        if gen or enmod:
            y = ref.year + yoff[gen or enmod]
        elif mod == "past":
            y = ref.year if mo < ref.month else ref.year - 1
        elif mod == "next":
            y = ref.year if mo > ref.month else ref.year + 1
        elif mod == "this":
            y = ref.year
        elif when == "future":
            y = ref.year if mo >= ref.month else ref.year + 1
        else:
            y = ref.year if mo <= ref.month else ref.year - 1
        return (f"{y:04d}-{mo:02d}", "month") if k == "month" else (f"{y:04d}", "year")
    if k == "partyear":
        off = {"past": -1, "last": -1, "this": 0, "next": 1, None: 0}[x.get("gen") or x.get("enmod")]
        return f"{ref.year + off:04d}", "year"
    if k == "weekday":
        wd, mod = x.get("weekday"), x.get("mod")
        back = (ref.weekday() - wd) % 7
        fwd = (wd - ref.weekday()) % 7
        if x.get("week") is not None:  # "Donnerstag vergangener Woche": that weekday of the week named
            d = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(days=7 * x.get("week") + wd)
        elif mod == "past":
            d = ref - dt.timedelta(days=back or 7)
        elif mod == "next":
            d = ref + dt.timedelta(days=fwd or 7)
        elif mod == "this" or when == "future":
            d = ref + dt.timedelta(days=fwd)
        else:
            d = ref - dt.timedelta(days=back)
        return d.isoformat(), "day"
    if k == "relday":
        return (ref + dt.timedelta(days=x.get("offset"))).isoformat(), "day"
    if k == "ago":
        n, unit = x.get("n"), x.get("unit")
        if unit == "day":
            return (ref - dt.timedelta(days=n)).isoformat(), "day"
        if unit == "week":  # "vor zwei Wochen": the day N weeks before
            return (ref - dt.timedelta(days=7 * n)).isoformat(), "day"
        if unit == "month":
            y, mo = _add_months(ref.year, ref.month, -n)
            return f"{y:04d}-{mo:02d}", "month"
        return f"{ref.year - n:04d}", "year"
    if k == "period":
        unit, off = x.get("unit"), x.get("offset")
        if unit == "week":
            m = _week_month(ref + dt.timedelta(days=7 * off))
            return (m, "month") if m else None
        if unit == "month":
            y, mo = _add_months(ref.year, ref.month, off)
            return f"{y:04d}-{mo:02d}", "month"
        return f"{ref.year + off:04d}", "year"
    return None


# --------------------------------------------------------------------------- backends

@dataclass(frozen=True)
class FoundDate:
    """A resolved date expression: span in the text, normalized date and precision."""

    start: int
    end: int
    text: str
    date: str
    precision: str


def reference_date(published: Any, date_hint: Any, text: str, data_dir: str | None = None) -> dt.date | None:
    """The date relative expressions resolve against: publication date, hint, else latest full date."""
    for val in (published, date_hint):
        if val is pd.NaT:
            continue
        if isinstance(val, dt.datetime):  # pd.Timestamp too
            return val.date()
        if isinstance(val, dt.date):
            return val
        if val is not None and not (isinstance(val, float) or val is pd.NaT) and not pd.isna(val):
            return pd.Timestamp(val).date()
    dates = [m.date for m in find_full_dates(text or "", data_dir)]
    return max(dates) if dates else None


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    """A cheap sentence split for texts given without a sentences table."""
    out, s = [], 0
    for m in re.finditer(r"(?<=[^\d\s][.!?])\s+(?=[A-ZÄÖÜ\"„“])|\n+", text):
        out.append((s, m.start()))
        s = m.end()
    out.append((s, len(text)))
    return [(a, b) for a, b in out if b > a]


def _rules(text: str, ref: dt.date | None, bounds: list[tuple[int, int]], data_dir: str | None,
           lang: str | None, ref_from_text: bool = False) -> list[FoundDate]:
    starts = [b[0] for b in bounds]
    out = []
    exprs = find_expressions(text, data_dir, lang)
    if ref is None and ref_from_text:
        ref = max((x.get("date") for x in exprs if x.kind == "full"), default=None)
    for x in exprs:
        i = max(0, bisect.bisect_right(starts, x.start) - 1)
        s0, s1 = bounds[i] if bounds else (0, len(text))
        when = "none" if x.kind in ("full", "year") else \
            tense(text[s0:s1], x.start - s0, x.end - s0, data_dir)
        r = resolve(x, ref, when)
        if r:
            out.append(FoundDate(x.start, x.end, x.text, r[0], r[1]))
    return out


_DP_LANGS = {"de": ["de"], "en": ["en"]}


def _dateparser(text: str, ref: dt.date | None, bounds: list[tuple[int, int]], data_dir: str | None,
                lang: str | None, ref_from_text: bool = False) -> list[FoundDate]:
    """dateparser's ``search_dates`` on the sentences that hold a date-like token."""
    from dateparser.search import search_dates

    if ref is None and ref_from_text:
        ref = reference_date(None, None, text, data_dir)
    v = _vocab(data_dir)
    cue = re.compile(r"\d|\b(?:" + _alt(list(v.months) + list(v.weekdays) + list(v.relative_days)) + r")\b",
                     re.IGNORECASE)
    settings: dict[str, Any] = {"DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past",
                                "PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": False}
    languages = _DP_LANGS.get(lang or "", ["de", "en"])
    if ref is not None:
        settings["RELATIVE_BASE"] = dt.datetime(ref.year, ref.month, ref.day)
    out = []
    for s0, s1 in bounds:
        sent = text[s0:s1]
        if not cue.search(sent):
            continue
        try:
            res = search_dates(sent, languages=languages, settings=settings) or []
        except Exception:  # noqa: BLE001 - the library fails on odd input; skip the sentence
            res = []
        pos = 0
        for frag, when in res:
            i = sent.find(frag, pos)
            if i < 0:
                continue
            pos = i + len(frag)
            low = frag.lower()
            words = re.findall(r"\w+", low)
            has_year = re.search(r"\b(?:19|20)\d{2}\b", frag) is not None
            named = any(w in v.months or w in v.weekdays or w in v.relative_days for w in words)
            if len(frag) < 4 or not (named or has_year) or re.fullmatch(r"[\d\s.,:%-]+", frag) and not (
                    re.search(r"\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}", frag)):
                continue  # "die" read as Tuesday, bare numbers, clock times
            if ref is None and not has_year:
                continue
            if any(w in v.months for w in words) or re.search(r"\d{1,2}\.\d{1,2}\.", frag):
                no_year = re.sub(r"(?:19|20)\d{2}", "", frag)
                prec = "day" if re.search(r"\b\d{1,2}\b(?!\d)", no_year) else "month"
            elif named:
                prec = "day"
            else:
                prec = "year"
            date = {"day": f"{when:%Y-%m-%d}", "month": f"{when:%Y-%m}", "year": f"{when:%Y}"}[prec]
            out.append(FoundDate(s0 + i, s0 + i + len(frag), frag, date, prec))
    return out


def find_dates(text: str, ref: dt.date | None, data_dir: str | None = None, *, backend: str = "rules",
               lang: str | None = None, bounds: list[tuple[int, int]] | None = None,
               ref_from_text: bool = False) -> list[FoundDate]:
    """Resolved dates in ``text`` with the chosen backend (``rules`` or ``dateparser``).

    ``bounds`` are sentence spans (else a cheap split is used); tense is read per sentence. With
    ``ref`` None and ``ref_from_text``, the latest full date in the text is the reference date.
    """
    if backend not in BACKENDS:
        raise ValueError(f"unknown timeline backend {backend!r}; use one of {BACKENDS}")
    bounds = bounds if bounds is not None else _sentence_bounds(text)
    fn = _rules if backend == "rules" else _dateparser
    return fn(text, ref, bounds, data_dir, lang, ref_from_text)


# --------------------------------------------------------------------------- labels

_AUX = frozenset("war waren wurde wurden hatte hatten hat haben habe ist sind sei seien wird werden "
                 "werde soll sollen will wollen was were had has have did is are be been shall".split())


_LABEL_WORD = re.compile(r"[\wÄÖÜäöüß-]+")
_GE_PARTICIPLE = re.compile(r"ge\w{3,}(?:t|en)")


def _word_class(w: str, v: _Vocab) -> int:
    """How event labels use a word: 0 never, 1 as a verb, 2 as a noun, 3 not at all."""
    if len(v.verb_cache) > 200_000:
        v.verb_cache.clear()
    lw = w.lower()
    if len(w) < 3 or w.isdigit() or lw in v.months or lw in v.weekdays:
        return 0
    if _is_verb(w, v):
        return 1
    return 2 if w[0].isupper() and lw not in v.stopwords else 3


def _is_verb(w: str, v: _Vocab) -> bool:
    lw = w.lower()
    if not w.islower() or lw in _AUX:
        return False
    if lw in v.past or lw in v.future:
        return True
    if _GE_PARTICIPLE.fullmatch(lw) or (len(lw) >= 6 and lw.endswith(("te", "ten"))):
        return lw not in v.stopwords
    return bool(w.isascii() and len(lw) > 4 and lw.endswith("ed"))


def _label(sentence: str, s: int, e: int, v: _Vocab, actor_words: frozenset[str]) -> str:
    """A few key words of the clause holding the date: its main verb first, then its nouns."""
    bounds = [m.start() for m in v.rx["clause"].finditer(sentence)]
    i = bisect.bisect_right(bounds, s - 1)
    lo = bounds[i - 1] if i > 0 else 0
    j = bisect.bisect_left(bounds, e)
    hi = bounds[j] if j < len(bounds) else len(sentence)
    chunks = [sentence[lo:s] + " " + sentence[e:hi], sentence[:s] + " " + sentence[e:]]
    verbs: list[str] = []
    nouns: list[str] = []
    cache = v.verb_cache
    for chunk in chunks:
        for w in _LABEL_WORD.findall(chunk):
            cls = cache.get(w)
            if cls is None:
                cls = cache[w] = _word_class(w, v)
            if cls == 0:
                continue
            lw = w.lower()
            if lw in actor_words:
                continue
            if cls == 1:
                if lw not in verbs:
                    verbs.append(lw)
            elif cls == 2 and w not in nouns:
                nouns.append(w)
        if verbs and len(nouns) >= 2:
            break
    return " ".join(verbs[:2] + nouns[:3])


def keywords(text: str, data_dir: str | None = None) -> frozenset[str]:
    """Key word stems of a sentence (nouns and names, stop words left out) used to merge events."""
    v = _vocab(data_dir)
    out = set()
    for w in re.findall(r"[\wÄÖÜäöüß]+", text or ""):
        lw = w.lower()
        if len(w) >= 4 and not w.isdigit() and lw not in v.stopwords and lw not in v.months \
                and lw not in v.weekdays:
            out.add(lw[:6])
    return frozenset(out)


# --------------------------------------------------------------------------- stage

def _na(x: Any) -> bool:
    return x is None or x is pd.NA or x is pd.NaT or (isinstance(x, float) and x != x)


def extract(articles: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame,
            data_dir: str | None = None, *, backend: str = "rules") -> pd.DataFrame:
    """The ``events`` table: one row per resolved date expression (one per date and sentence)."""
    if articles is None or articles.empty:
        return schema.empty("events")
    v = _vocab(data_dir)
    sent_by_art: dict[str, list[tuple[int, int, int, str]]] = {}
    if sentences is not None and not sentences.empty:
        scols = ("article_id", "sentence_id", "start", "end", "text")
        for aid, sid, s0, s1, st in zip(*(sentences[c].tolist() for c in scols), strict=True):
            sent_by_art.setdefault(str(aid), []).append((int(s0), int(s1), int(sid), str(st)))
    ment: dict[tuple[str, int], list[tuple[str, str]]] = {}
    if mentions is not None and not mentions.empty:
        mcols = ("article_id", "sentence_id", "actor_id", "surface")
        for aid, sid, aid_, surf in zip(*(mentions[c].tolist() for c in mcols), strict=True):
            if _na(aid_) or _na(sid):
                continue
            ment.setdefault((str(aid), int(sid)), []).append((str(aid_), str(surf)))
    cols = ["article_id", "text", "published", "date_hint", "language"]
    arts = articles[[c for c in cols if c in articles.columns]]
    rows = []
    for rec in arts.to_dict("records"):
        aid, text = str(rec["article_id"]), rec.get("text")
        if not isinstance(text, str) or not text:
            continue
        ref = reference_date(rec.get("published"), rec.get("date_hint"), "", data_dir)
        sents = sorted(sent_by_art.get(aid, []))
        if not sents:
            sents = [(a, b, i, text[a:b]) for i, (a, b) in enumerate(_sentence_bounds(text))]
        lang = rec.get("language")
        found = find_dates(text, ref, data_dir, backend=backend, lang=lang if isinstance(lang, str) else None,
                           bounds=[(a, b) for a, b, _, _ in sents], ref_from_text=True)
        starts = [s[0] for s in sents]
        seen: set[tuple[int, str]] = set()
        n = 0
        for f in found:
            i = max(0, bisect.bisect_right(starts, f.start) - 1)
            s0, _, sid, st = sents[i]
            if (sid, f.date) in seen:
                continue
            seen.add((sid, f.date))
            ms = ment.get((aid, sid), [])
            actor_ids = list(dict.fromkeys(a for a, _ in ms))
            actor_words = frozenset(w.lower() for _, surf in ms for w in surf.split())
            rows.append({
                "event_id": f"{aid}:e{n}", "article_id": aid, "sentence_id": sid, "start": f.start,
                "end": f.end, "date": f.date, "date_precision": f.precision, "date_text": text[f.start:f.end],
                "text": st, "actor_ids": actor_ids,
                "label": _label(st, f.start - s0, f.end - s0, v, actor_words),
            })
            n += 1
    return schema.frame("events", rows) if rows else schema.empty("events")
