"""One resolver per kind of temporal expression (the kinds and their patterns: ``data/timex/kinds.yaml``).

A resolver has the kind's name and reads the named groups of a match; it returns a
:class:`~.resolve.Result` (the TIMEX3 value, and what the timeline needs) or None when the match
is not a temporal expression after all (a lower-case month name, a quantity that looks like a
year). Relative expressions are resolved against the article's reference date ``c.dct``; what the
text leaves open gets ``X`` values. Adding a kind: an entry in kinds.yaml and a function here.
"""

from __future__ import annotations

import datetime as dt
import re

from . import resolve as R
from .resolve import (
    MOD_OFFSET,
    Ctx,
    Groups,
    Result,
    State,
    add_months,
    number,
    period,
    shift,
    week,
    weekday_date,
    ymd,
)

_NEXT_WORD = re.compile(r"\s+([A-ZÄÖÜ][a-zäöüß]+)")
_NEXT_ANY = re.compile(r"[\s-]*(\w+)")
_PREV_WORD = re.compile(r"([\w']+)\W*$")
#: how far back (characters) a day or year named earlier still anchors a clock time or a bare month
NEAR = 400
#: prepositions with which a year may stand before a noun ("seit 2014 Krieg"); else "2000 Soldaten"
_YEAR_PREPS = frozenset("seit bis ab vom von nach vor since until by from after before im".split())
_OLD_YEAR_PREPS = frozenset("seit um anno ab bis vor nach im since until".split())
_QUANTITY_WORDS = frozenset(
    "rund etwa über knapp fast mehr als mit insgesamt circa ca nur bloß "
    "about nearly some around over almost".split()
)


# --------------------------------------------------------------------------- helpers


def _cap(s: str | None) -> bool:
    return bool(s) and s[0].isupper()


def _prev_word(c: Ctx, pos: int) -> str:
    m = _PREV_WORD.search(c.text, max(0, pos - 30), pos)
    return m.group(1).lower() if m else ""


def _start(g: Groups) -> int:
    """Where the expression starts (after a leading preposition)."""
    if g["prep"] is None:
        return g.m.start()
    i = g.m.end("prep")
    while i < len(g.m.string) and g.m.string[i].isspace():
        i += 1
    return i


def _month(c: Ctx, g: Groups, key: str = "month") -> int | None:
    name = g[key]
    if name is None:
        return None
    if not _cap(name):
        return None
    return c.vocab.classes["month"].get(name.lower().rstrip("."))


def _cued(c: Ctx, g: Groups, *keys: str) -> bool:
    return any(g[k] for k in ("prep", *keys))


def _gen(c: Ctx, g: Groups) -> int | None:
    return c.vocab.value("year_gen", g["gen"])


def _mod(c: Ctx, g: Groups) -> str | None:
    return c.vocab.value("mod", g["mod"])


def _rel(value: str, c: Ctx, **kw: object) -> Result:
    return Result(value, anchor=c.dct, **kw)  # type: ignore[arg-type]


def _near_year(c: Ctx, st: State, pos: int) -> int | None:
    """The year a passage fixes for a bare month or day: written shortly before, far from the DCT."""
    if st.year is None or pos - st.year_at > NEAR or c.dct is None or abs(st.year - c.dct.year) < 2:
        return None
    return st.year


def _day_anchor(c: Ctx, st: State, pos: int) -> dt.date | None:
    if st.day is not None and pos - st.day_at <= NEAR:
        return st.day
    return c.dct


# --------------------------------------------------------------------------- calendar dates


def full_date(c: Ctx, g: Groups) -> Result | None:
    """``6. Januar 2026``, ``January 6, 2026``, ``06.01.2026``, ``2026-01-06``, ``6/1/2026``."""
    y, day = int(g["year"]), int(g["day"])
    mo = _month(c, g) if g["month"] else int(g["mm"])
    if mo is None:
        return None
    if "/" in g.m.group() and c.lang == "en":
        mo, day = day, mo
    try:
        d = dt.date(y, mo, day)
    except ValueError:
        return None
    return Result(ymd(d), day=d, year=y)


_DAY_NUM = re.compile(r"\d{1,2}\.?")


def _range_members(c: Ctx, g: Groups) -> tuple[list[tuple[int, int, int]], tuple[int, int]] | None:
    """The earlier days of a range or list as (start, end, day), and the extent of the last member."""
    m = g.m
    if m.start("day1") > m.start("month"):  # "January 6-8": "January 6" and "8"
        return [(m.start("month"), m.end("day1"), int(g["day1"]))], (m.start("day"), m.end())
    firsts = [
        (x.start() + m.start("days"), x.end() + m.start("days"), int(x.group().rstrip(".")))
        for x in _DAY_NUM.finditer(g["days"] or "")
    ]
    e1 = m.end("day1") + (m.string[m.end("day1") : m.end("day1") + 1] == ".")
    firsts.append((m.start("day1"), e1, int(g["day1"])))
    end = (
        m.end("month")
        if g["dot"] and g.low("month") not in c.vocab.abbreviations and not g["year"]
        else m.end()
    )
    return firsts, (m.start("day"), end)


def day_range(c: Ctx, g: Groups) -> Result | None:
    """``vom 6. bis 8. Januar``, ``am 3., 4. und 5. Oktober``, ``January 6-8``: one timex per day, one
    event from the first to the last day (a range) or on the first (a list)."""
    mo, last_day = _month(c, g), int(g["day"])
    got = _range_members(c, g)
    if mo is None or got is None:
        return None
    firsts, span = got
    if any(d >= last_day for _, _, d in firsts):
        return None
    y = int(g["year"]) if g["year"] else None
    tense = c.tense(g.m.start(), g.m.end(), clause_only=True)
    is_range = g.low("sep") not in ("und", "and")

    def fin(st: State, pos: int) -> Result | None:
        year = y or _near_year(c, st, pos)
        if c.dct is None and year is None:
            parts = [(s, e, f"XXXX-{mo:02d}-{d:02d}") for s, e, d in firsts]
            return Result(f"XXXX-{mo:02d}-{last_day:02d}", parts=parts, no_event=True, span=span)
        ref = c.dct or dt.date(year or 2000, 1, 1)
        last = R.day_month(mo, last_day, ref, tense, year)
        if last is None:
            return None
        days = [R.day_month(mo, d, ref, tense, last.year) for _, _, d in firsts]
        if any(d is None for d in days):
            return None
        parts = [(s, e, ymd(d)) for (s, e, _), d in zip(firsts, days, strict=True) if d]
        return Result(
            ymd(last),
            anchor=None if y else c.dct,
            parts=parts,
            event=parts[0][2],
            event_end=ymd(last) if is_range else None,
            day=last,
            span=span,
        )

    return Result(late=fin, year=y)


def day_month(c: Ctx, g: Groups) -> Result | None:
    """``am 6. Januar``, ``January 9``: the year from the passage, the tense and the reference date."""
    mo, day = _month(c, g), int(g["day"])
    if mo is None or day > 31:
        return None
    tense = c.tense(g.m.start(), g.m.end(), clause_only=True)
    gen = _gen(c, g)
    span = None
    if g["dot"] and g.low("month") not in c.vocab.abbreviations:
        span = (_start(g), g.m.end("month"))  # a full stop after a month name ends the sentence

    def fin(st: State, pos: int) -> Result | None:
        year = c.dct.year + gen if gen is not None and c.dct else _near_year(c, st, pos)
        if c.dct is None and year is None:
            return Result(f"XXXX-{mo:02d}-{day:02d}", span=span)
        d = R.day_month(mo, day, c.dct or dt.date(year or 2000, 1, 1), tense, year)
        return Result(ymd(d), anchor=c.dct, day=d, span=span) if d else None

    return Result(late=fin, span=span)


def month_year(c: Ctx, g: Groups) -> Result | None:
    """``März 2025``, ``Anfang September 2014``, ``March of 2025``."""
    mo = _month(c, g)
    if mo is None:
        return None
    y = int(g["year"])
    return Result(f"{y:04d}-{mo:02d}", year=y)


def month(c: Ctx, g: Groups) -> Result | None:
    """A month without a year: ``im Juli``, ``Ende August``, ``vergangenen September``."""
    mo = _month(c, g)
    if mo is None:
        return None
    name = g.low("month").rstrip(".")
    cued = _cued(c, g, "part", "mod", "gen")
    if not cued and (
        name in c.vocab.ambiguous or name in c.vocab.abbreviations or _NEXT_WORD.match(c.text, g.m.end())
    ):
        return None  # "May I", "August Bebel"; an abbreviation ("Dez") only with a cue
    gen, mod = _gen(c, g), _mod(c, g)
    tense = c.tense(g.m.start(), g.m.end())

    def fin(st: State, pos: int) -> Result | None:
        if c.dct is None:
            return Result(f"XXXX-{mo:02d}")
        y = R.modified_year(mo, mo, c.dct, gen, mod)
        if y is None:
            y = _near_year(c, st, pos) or R.month_year(mo, c.dct, tense)
        return _rel(f"{y:04d}-{mo:02d}", c)

    return Result(late=fin)


def _quarter_of(c: Ctx, g: Groups) -> tuple[str, int | None] | None:
    """(``Q`` or ``H``, the number or None) of a quarter or half; None when it is not one."""
    if g["qp"] is not None:
        return (g["qp"], int(g["qn"])) if g["qp"].isupper() else None
    code = c.vocab.value("year_part", g["yp"]) or "Q"
    q = c.vocab.value("ordinal", g["ord"]) if g["ord"] else (int(g["qn"]) if g["qn"] else None)
    return code, (4 if code == "Q" else 2) if q == -1 else q


def quarter(c: Ctx, g: Groups) -> Result | None:
    """``im dritten Quartal 2014``, ``die zweite Jahreshälfte``, ``Q1 2025``, ``im vergangenen Quartal``."""
    got = _quarter_of(c, g)
    if got is None:
        return None
    code, q = got
    top = 4 if code == "Q" else 2
    if q is not None and not 1 <= q <= top:
        return None
    if g["year"] or c.dct is None:
        return _quarter_fixed(g, code, q)
    if q is None:
        return _quarter_shifted(c, g, code, top)
    return _quarter_relative(c, g, code, q, top)


def _quarter_fixed(g: Groups, code: str, q: int | None) -> Result | None:
    """A numbered quarter or half of the year written with it, or of an unknown year (no DCT)."""
    if q is None:
        return None
    if g["year"]:
        return Result(f"{g['year']}-{code}{q}", year=int(g["year"]))
    return Result(f"XXXX-{code}{q}")


def _part_now(ref: dt.date, top: int) -> int:
    """The quarter (``top`` 4) or half (2) of the year that ``ref`` falls in, from 1."""
    return (ref.month - 1) // (12 // top) + 1


def _quarter_shifted(c: Ctx, g: Groups, code: str, top: int) -> Result:
    """``im vergangenen Quartal``: the quarter or half before, after or at the DCT's."""
    i = c.dct.year * top + _part_now(c.dct, top) - 1 + MOD_OFFSET.get(_mod(c, g) or "this", 0)
    return _rel(f"{i // top:04d}-{code}{i % top + 1}", c)


def _quarter_relative(c: Ctx, g: Groups, code: str, q: int, top: int) -> Result | None:
    """Quarter or half ``q`` without a year: of the year ``gen`` names, else the one the tense means."""
    gen = _gen(c, g)
    if code == "H" and gen is None and not g["ord"]:
        return None
    y = c.dct.year + (gen or 0)
    if gen is None and _mod(c, g) is None:
        tense, now = c.tense(g.m.start(), g.m.end()), _part_now(c.dct, top)
        y += -1 if tense == "past" and q > now else 1 if tense == "future" and q < now else 0
    return _rel(f"{y:04d}-{code}{q}", c)


def week_of_month(c: Ctx, g: Groups) -> Result | None:
    """``in der zweiten Januarwoche``, ``KW 12``."""
    if g["wk"]:
        wk = int(g["wk"])
        y = int(g["year"]) if g["year"] else (c.dct.year if c.dct else None)
        if not 1 <= wk <= 53:
            return None
        return Result(f"{y:04d}-W{wk:02d}" if y else f"XXXX-W{wk:02d}", anchor=None if g["year"] else c.dct)
    mo = c.vocab.classes["month"].get(g.low("month"))
    n = c.vocab.value("ordinal", g["ord"])
    if mo is None or n is None or c.dct is None:
        return None
    y = R.month_year(mo, c.dct, c.tense(g.m.start(), g.m.end()))
    first = dt.date(y, mo, 1)
    d = first + dt.timedelta(days=7 * (n - 1) if n > 0 else 21)
    return _rel(week(d), c)


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _season_word(c: Ctx, g: Groups, name: str) -> bool:
    """A German season name capitalized; an English one only in English text and with a cue (not
    "prices fall", "spring into action")."""
    if name.lower() in c.vocab.english_seasons:
        return c.lang == "en" and _cued(c, g, "mod", "year", "gen", "det", "part")
    return _cap(name)


def season(c: Ctx, g: Groups) -> Result | None:
    """``im Sommer 2025``, ``im Frühjahr``, ``vergangenen Herbst``, ``last spring``."""
    name = g["season"]
    code = c.vocab.value("season", name)
    if code is None or not _season_word(c, g, name):
        return None
    if g["year"]:
        return Result(f"{g['year']}-{code}", year=int(g["year"]))
    if c.dct is None:
        return Result(f"XXXX-{code}")
    start = _SEASON_START[code]
    y = R.modified_year(start, start + 2, c.dct, _gen(c, g), _mod(c, g))
    if y is None:
        y = R.month_year(start + 1, c.dct, c.tense(g.m.start(), g.m.end()))
    return _rel(f"{y:04d}-{code}", c)


def decade(c: Ctx, g: Groups) -> Result | None:
    """``die zwanziger Jahre``, ``den 1990er-Jahren``, ``in den 60er Jahren``, ``the 1990s``."""
    if g["dw"]:
        d = c.vocab.value("decade_word", g["dw"])
        cy = str(int(g["cent"]) - 1) if g["cent"] else None
    else:
        d, cy = int(g["dec"]), g["cy"]
    if d is None:
        return None
    if cy is None:
        if c.dct is None:
            return Result(f"XX{d}")
        cent, now = c.dct.year // 100, (c.dct.year % 100) // 10
        if d > now or (d == now and c.tense(g.m.start(), g.m.end()) == "past"):
            cent -= 1  # "die zwanziger Jahre" in 2026: the 1920s, unless the present is meant
        return _rel(f"{cent}{d}", c)
    return Result(f"{cy}{d}")


def century(c: Ctx, g: Groups) -> Result | None:
    """``im 19. Jahrhundert``, ``Beginn des 20. Jahrhunderts``, ``the 21st century``."""
    n = int(g["n"]) if g["n"] else c.vocab.value("ordinal", g["ordw"])
    code = c.vocab.value("century_word", g["cw"])
    if not n or n < 1:
        return None
    return Result(f"{n - 1:02d}" if code == "CE" else f"{n - 1}")


def year(c: Ctx, g: Groups) -> Result | None:
    """A year: ``2013``, ``im Jahr 2022``, ``Anfang 2026``, ``seit 2014``; not ``2000 Soldaten``."""
    y = int(g["year"])
    cue = g["yw"] or g["part"]
    prep = g.low("prep")
    if not cue:
        if not (1800 <= y <= 2099 or (y >= 1000 and prep in _OLD_YEAR_PREPS)):
            return None  # "um 1170", "seit 1230" are years; a bare 1500 is a number
        prev = _prev_word(c, g.m.start()) if not prep else prep
        if prev in _QUANTITY_WORDS:
            return None
        if c.lang != "en" and prep not in _YEAR_PREPS and _NEXT_WORD.match(c.text, g.m.end()):
            nxt = _NEXT_WORD.match(c.text, g.m.end()).group(1).lower()
            if nxt not in c.vocab.classes["month"] and nxt not in c.vocab.classes["season"]:
                return None  # "2000 Soldaten", "in 2000 Metern"
    return Result(f"{y:04d}", year=y)


def rel_year(c: Ctx, g: Groups) -> Result | None:
    """``heuer``, ``im Vorjahr``."""
    off = c.vocab.value("rel_year", g["rel"])
    if off is None or not (g["rel"].islower() or _cap(g["rel"])):
        return None
    if c.dct is None:
        return Result("XXXX")
    return _rel(f"{c.dct.year + off:04d}", c)


_UNIT_OF = {
    "jahr": "Y",
    "jahres": "Y",
    "year": "Y",
    "monat": "M",
    "monats": "M",
    "month": "M",
    "woche": "W",
    "week": "W",
    "wochenende": "WE",
    "wochenendes": "WE",
    "weekend": "WE",
    "jahrzehnt": "DE",
    "jahrzehnts": "DE",
    "decade": "DE",
    "jahrhundert": "CE",
    "jahrhunderts": "CE",
    "century": "CE",
}
_DURATION_PREPS = frozenset("over for during in within throughout".split())


def rel_period(c: Ctx, g: Groups) -> Result | None:
    """``vergangenes Jahr``, ``nächste Woche``, ``Ende des Jahres``, ``last month``."""
    unit = _UNIT_OF.get(g.low("unit"), "Y")
    if g["gen"] is not None:
        off = _gen(c, g) or 0
    elif g["mod"] is not None:
        off = MOD_OFFSET.get(_mod(c, g) or "", None)
        if off is None:
            return None
        if g.low("det") == "the" and g.low("prep") in _DURATION_PREPS:
            return Result(period(1, unit), type="DURATION")  # "over the past year"
    else:
        off = 0
    if c.dct is None:
        return Result({"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE"}.get(unit, "XXXX"))
    if unit == "Y" and g["mod"] is None and g["gen"] is None and g.low("unit") == "jahres":
        # "Ende des Jahres": the year the passage is about (written shortly before), else the current one
        return Result(late=lambda st, pos: _rel(f"{_near_year(c, st, pos) or c.dct.year:04d}", c))
    return _rel(_period_value(c.dct, unit, off), c)


def _period_value(ref: dt.date, unit: str, off: int) -> str:
    if unit == "M":
        y, m = add_months(ref.year, ref.month, off)
        return f"{y:04d}-{m:02d}"
    if unit in ("W", "WE"):
        return week(ref + dt.timedelta(days=7 * off)) + ("-WE" if unit == "WE" else "")
    if unit == "DE":
        return f"{ref.year // 10 + off:03d}"
    if unit == "CE":
        return f"{ref.year // 100 + off:02d}"
    return f"{ref.year + off:04d}"


def weekend(c: Ctx, g: Groups) -> Result | None:
    """``am Wochenende``, ``the weekend``: the weekend of the reference date's week."""
    if not (_cap(g["we"]) or g["we"].isascii()):
        return None
    if c.dct is None:
        return Result("XXXX-WXX-WE")
    return _rel(week(c.dct) + "-WE", c)


# --------------------------------------------------------------------------- days and times of day


def _feast(rule: str, year: int) -> dt.date:
    """The day of a feast in ``year``: ``E-2`` (days after Easter Sunday) or ``12-25`` (month-day)."""
    if rule.startswith("E"):
        return R.easter(year) + dt.timedelta(days=int(rule[1:] or 0))
    mo, d = (int(x) for x in rule.split("-"))
    return dt.date(year, mo, d)


def holiday(c: Ctx, g: Groups) -> Result | None:
    """``Weihnachten``, ``an Ostern 2025``, ``Pfingstmontag``, ``Christmas``: fixed or Easter-based feasts."""
    name = g["hol"]
    rule = c.vocab.value("holiday", name)
    if rule is None or not _cap(name):
        return None
    if g["year"]:
        y = int(g["year"])
        d = _feast(str(rule), y)
        return Result(ymd(d), day=d, year=y)
    if c.dct is None:
        return Result("XXXX-XX-XX", no_event=True)
    tense = c.tense(g.m.start(), g.m.end())
    d = R.by_tense([_feast(str(rule), c.dct.year + k) for k in (-1, 0, 1)], c.dct, tense)
    return _rel(ymd(d), c, day=d)


_DAY_OFFSET = {"next": 1, "past": -1, "this": 0}


def rel_day(c: Ctx, g: Groups) -> Result | None:
    """``am nächsten Tag``, ``am Vortag``, ``an diesem Tag``, ``the following day``: a day after, before or
    at the day the passage last named (the reference date when it names none)."""
    off = _DAY_OFFSET.get(c.vocab.value("day_mod", g["mod"] or g["word"]) or "")
    if off is None:
        return None

    def fin(st: State, pos: int) -> Result | None:
        base = _day_anchor(c, st, pos)
        if base is None:
            return Result("XXXX-XX-XX", no_event=True)
        d = base + dt.timedelta(days=off)
        return Result(ymd(d), anchor=base, day=d)

    return Result(late=fin)


def weekday(c: Ctx, g: Groups) -> Result | None:
    """``am Dienstag``, ``vergangenen Donnerstag``, ``Dienstagabend``, ``on Monday``."""
    if not _cap(g["wd"]):
        return None
    wd = c.vocab.classes["weekday"][g.low("wd")]
    pod = c.vocab.value("pod", g["pod"] or g["pod2"])
    week_off = None
    if g["wk"]:
        words = g.low("wk").split()
        week_off = MOD_OFFSET.get(c.vocab.value("mod", words[-2]) or "", None)
    if c.dct is None:
        return Result(
            f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else ""), type="TIME" if pod else None, no_event=True
        )
    d = weekday_date(wd, c.dct, c.tense(g.m.start(), g.m.end()), _mod(c, g), week_off)
    return _on_day(c, d, pod)


def set_weekday(c: Ctx, g: Groups) -> Result | None:
    """``jeden Montag``, ``montags``, ``on Mondays``, ``Mittwoch vormittags``."""
    name = g.low("wd") or g.low("wds")
    wd = c.vocab.classes["weekday"].get(name) or c.vocab.classes["weekday_s"].get(name)
    if wd is None or (g["wd"] and not _cap(g["wd"])):
        return None
    pod = c.vocab.value("pod_set", g["pods"])
    return Result(f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else ""))


_BLOCK_BEFORE_RELDAY = frozenset("auf guten".split())
_OPEN_PREPS = frozenset("bis von seit ab until since till".split())


def _on_day(c: Ctx, d: dt.date, pod: str | None, no_event: bool = False) -> Result:
    """Day ``d`` (relative to the DCT); at the part of the day ``pod`` a TIME whose event is the day."""
    if pod:
        return _rel(f"{ymd(d)}T{pod}", c, type="TIME", event=ymd(d), day=d)
    return _rel(ymd(d), c, day=d, no_event=no_event)


def _not_relday(c: Ctx, g: Groups, word: str, pod: str | None) -> bool:
    """"Morgen" capitalized without a part of the day (the morning, not tomorrow); "auf morgen"."""
    if word == "morgen" and not g["rel"].islower() and pod is None:
        return True
    return _prev_word(c, g.m.start()) in _BLOCK_BEFORE_RELDAY


def _heute(c: Ctx, g: Groups, prep: str, pod: str | None) -> Result | None:
    """"bis heute": up to the present; a tenseless German "heute" is settled in text order
    (:func:`_today`); None for a "heute" that is simply the DCT."""
    if prep in _OPEN_PREPS:
        return Result("PRESENT_REF", no_event=True)
    if c.lang != "en" and pod is None and c.tense(g.m.start(), g.m.end()) == "none":
        return Result(late=lambda st, pos: _today(c, st))
    return None


def relday(c: Ctx, g: Groups) -> Result | None:
    """``gestern``, ``heute``, ``morgen`` (lower case only), ``yesterday``, ``gestern Abend``."""
    word = g.low("rel")
    off = c.vocab.value("relday", word)
    pod = "NI" if word == "tonight" else c.vocab.value("pod", g["pod"])
    if off is None or _not_relday(c, g, word, pod):
        return None
    prep = g.low("prep")
    got = _heute(c, g, prep, pod) if word in ("heute", "today") else None
    if got is not None:
        return got
    if c.dct is None:
        return Result("XXXX-XX-XX" + (f"T{pod}" if pod else ""), no_event=True)
    return _on_day(c, c.dct + dt.timedelta(days=off), pod, no_event=prep in _OPEN_PREPS)


def _today(c: Ctx, st: State) -> Result:
    """A tenseless "heute": the day in a text that names other days (daily news: "gestern", "am
    Dienstag", "um 10 Uhr"), else the present ("heute ist das anders"); the timeline keeps the day."""
    if c.dct is None:
        return Result("PRESENT_REF", no_event=True)
    if st.daily:
        return _rel(ymd(c.dct), c, day=c.dct)
    return Result("PRESENT_REF", event=ymd(c.dct))


def this_pod(c: Ctx, g: Groups) -> Result | None:
    """``this morning``, ``tomorrow evening``, ``yesterday afternoon``."""
    pod = c.vocab.value("pod", g["pod"])
    off = {"this": 0, "that": 0, "tomorrow": 1, "yesterday": -1}.get(g.low("this"))
    if pod is None or off is None:
        return None
    if c.dct is None:
        return Result(f"XXXX-XX-XXT{pod}", no_event=True)
    d = c.dct + dt.timedelta(days=off)
    return _rel(f"{ymd(d)}T{pod}", c, event=ymd(d), day=d)


def pod(c: Ctx, g: Groups) -> Result | None:
    """``am Abend``, ``am frühen Nachmittag``, ``in den frühen Morgenstunden``: that day's part."""
    word = g["pod"]
    code = c.vocab.value("pod", word)
    if code is None or word.lower() in c.vocab.classes["pod_set"]:
        return None
    if not (word.isascii() and word.islower()) and not _cap(word):
        return None
    if not _cued(c, g, "det", "adj") or (g.low("prep") in ("um", "at") and not g["det"]):
        return None

    def fin(st: State, pos: int) -> Result:
        d = _day_anchor(c, st, pos)
        return Result(f"{ymd(d)}T{code}" if d else f"XXXX-XX-XXT{code}", anchor=d, no_event=True)

    return Result(late=fin)


def _clock_value(c: Ctx, d: dt.date | None, h: int, mi: int, st: State, pos: int) -> str:
    """``2026-01-06T15:30`` on the day the passage names; ``T15:30`` after a SET in the same sentence
    ("jeweils um 20 Uhr", "wochentags von 14 bis 18 Uhr")."""
    if st.set_at >= 0 and c.sentence(st.set_at) == c.sentence(pos):
        return f"T{h:02d}:{mi:02d}"
    return f"{ymd(d) if d else 'XXXX-XX-XX'}T{h:02d}:{mi:02d}"


def clock_range(c: Ctx, g: Groups) -> Result | None:
    """``von 16 bis 17.30 Uhr``: two clock times on the day the passage names."""
    h1, m1, h, mi = int(g["h1"]), int(g["m1"] or 0), int(g["h"]), int(g["mi"] or 0)
    if h1 > 24 or h > 24 or (h1, m1) >= (h, mi):
        return None
    s1, e1 = g.m.start("h1"), g.m.end("m1") if g["m1"] else g.m.end("h1")

    def fin(st: State, pos: int) -> Result:
        d = _day_anchor(c, st, pos)
        return Result(
            _clock_value(c, d, h, mi, st, pos),
            anchor=d,
            no_event=True,
            parts=[(s1, e1, _clock_value(c, d, h1, m1, st, pos))],
            span=(g.m.start("h"), g.m.end()),
        )

    return Result(late=fin)


_CLOCK_PREPS = frozenset("um gegen ab bis von vor nach at by from until before after around".split())


def _clock_written(c: Ctx, g: Groups) -> tuple[int, int] | None:
    """(hour, minute) as written: "noon"/"midnight", an hour word ("halb neun" = 8:30), or digits
    (those without "Uhr" or "a.m./p.m." only after a preposition: not "2:1", "10.30 Euro")."""
    if g["named"]:
        return (12, 0) if g.low("named") == "noon" else (24, 0)
    if g["hw"]:
        h = c.vocab.value("hourword", g["hw"])
        if h is None:
            return None
        return (h - 1, 30) if g["half"] else (h, 0)
    bare = "uhr" not in g.m.group().lower() and not g["ampm"]
    if bare and g.low("prep") not in _CLOCK_PREPS:
        return None
    return int(g["h"]), int(g["mi"] or 0)


def _hour_of_day(c: Ctx, g: Groups, h: int) -> int:
    """The hour on a 24-hour clock: after "a.m./p.m.", and "abends" etc. after an hour before 12."""
    if g["ampm"]:
        h = (h % 12) + (c.vocab.value("ampm", g["ampm"]) or 0)
    if g["pods"] and c.vocab.value("pod_set", g["pods"]) in ("EV", "AF", "NI") and h < 12:
        h += 12
    return h


def clock(c: Ctx, g: Groups) -> Result | None:
    """``12.30 Uhr``, ``um 20 Uhr``, ``halb neun``, ``neun Uhr``, ``5 p.m.``, ``at 10:30``, ``noon``."""
    got = _clock_written(c, g)
    if got is None:
        return None
    h, mi = _hour_of_day(c, g, got[0]), got[1]
    if h > 24:
        return None

    def fin(st: State, pos: int) -> Result:
        d = _day_anchor(c, st, pos)
        return Result(_clock_value(c, d, h, mi, st, pos), anchor=d, no_event=True)

    return Result(late=fin)


# ------------------------------------------------------------------- durations, sets, vague references


def _unit(c: Ctx, g: Groups) -> str | None:
    return c.vocab.value("unit", g["unit"])


def ago(c: Ctx, g: Groups) -> Result | None:
    """``three weeks ago``, ``two years ago``: the point that long before the reference date."""
    n, unit = number(g["num"], c.vocab), _unit(c, g)
    if n is None or unit is None:
        return None
    if n == "X" or c.dct is None:
        return Result("PAST_REF", no_event=True)
    got = shift(c.dct, -n, unit)  # type: ignore[operator]
    if got is None:
        return Result("PAST_REF", no_event=True)
    return _rel(got[0], c, event=got[1] or None)


_UNDETERMINED_PREPS = frozenset("seit vor nach für since for over".split())
_WHOLE = frozenset("ganzen gesamten full whole entire".split())


def _plural(c: Ctx, g: Groups) -> Result | None:
    """``seit Jahren``, ``über Jahre``, ``in den vergangenen Jahren``, ``the past few weeks``: PXY."""
    unit = c.vocab.value("unit", g["unitp"])
    if unit is None:
        return None
    if g["mod"] is None:
        if g.low("prep") not in _UNDETERMINED_PREPS and not g["over"]:
            return None
    elif _mod(c, g) is None or (not g["det"] and c.lang != "en" and not g["prep"]):
        return None
    return Result(period("X", unit))


def _point(c: Ctx, g: Groups, n: float | str, unit: str) -> str | None:
    """The day or month that ``vor zwei Wochen``/``in drei Monaten`` marks (for the timeline)."""
    prep = g.low("prep")
    if n == "X" or c.dct is None or g["det"] or g["mod"] or g["off"] or prep not in ("vor", "in"):
        return None
    got = shift(c.dct, -n if prep == "vor" else n, unit)  # type: ignore[operator]
    return got[1] if got and got[1] else None


#: years in one decade or century: "ein Jahrzehnt" is P10Y (the plural "Jahrzehnte" stays PXDE)
_YEARS_IN = {"DE": 10, "CE": 100}
_PLURAL_ENDINGS = ("e", "en", "s")


def _not_a_length(c: Ctx, g: Groups, unit: str) -> bool:
    """A number and unit that are no duration: after an adjective that is not a number word ("gut 15
    Jahre" is one), an age ("22 Jahre alt"), "eines Tages" (a point), a modifier that is none."""
    adj = g["adj"]
    if adj and (not adj.islower() or g.low("adj") in c.vocab.classes["numword"]):
        return True
    if unit == "Y":
        after = _NEXT_ANY.match(c.text, g.m.end())
        if after and after.group(1).lower() in c.vocab.age_words:
            return True
    if g.low("num") == "eines" and unit == "D":
        return True
    return bool(g["mod"]) and c.vocab.value("mod", g["mod"]) is None and g.low("mod") not in _WHOLE


def duration(c: Ctx, g: Groups) -> Result | None:
    """``vier Jahre``, ``seit zwei Wochen``, ``gut 15 Jahren``, ``den letzten fünf Jahren``, ``48 hours``,
    ``seit Jahren``, ``jahrelang``. After ``vor``/``in`` the timeline gets the point it marks."""
    if g["long"]:
        return Result(period("X", c.vocab.value("long_unit", g["long"])))
    if g["unitp"]:
        return _plural(c, g)
    unit = _unit(c, g)
    if unit is None:
        return None
    if g["half"]:
        return Result(period(0.5, unit))
    n = number(g["num"], c.vocab)
    if n is None or _not_a_length(c, g, unit):
        return None
    if n == 1 and unit in _YEARS_IN and not g["unit"].lower().endswith(_PLURAL_ENDINGS):
        n, unit = _YEARS_IN[unit], "Y"
    value = period(n, unit)
    event = _point(c, g, n, unit)
    return _rel(value, c, event=event) if event else Result(value, no_event=True)


def set(c: Ctx, g: Groups) -> Result | None:  # noqa: A001 - the kind is called "set" (TIMEX3 SET)
    """``täglich``, ``jeden Tag``, ``alle vier Jahre``, ``pro Jahr``, ``twice a week``, ``morgens``."""
    if g["sw"]:
        return Result(c.vocab.value("set_word", g["sw"]))
    if g["pods"]:
        return Result(f"PT1{c.vocab.value('pod_set', g['pods'])}")  # "morgens": every morning
    unit = _unit(c, g)
    if unit is None:
        return None
    n = number(g["num"], c.vocab) if g["num"] else 1
    if n is None or n == "X":
        return None
    return Result(period(n, unit))


def set_repeat(c: Ctx, g: Groups) -> Result | None:
    """``Jahr um Jahr``, ``Tag für Tag``, ``year after year``."""
    if g.low("u1") != g.low("u2"):
        return None
    return Result(period(1, c.vocab.value("unit", g["u1"])))


_NOT_REF_AFTER = frozenset("als oder denn than".split())


def ref(c: Ctx, g: Groups) -> Result | None:
    """``jetzt``, ``derzeit``, ``kürzlich``, ``damals``, ``bald``, ``now``, ``soon``."""
    word = g.low("ref")
    value = c.vocab.value("ref", word)
    if value is None:
        return None
    after = re.match(r"\s*(\w+)", c.text[g.m.end() : g.m.end() + 20])
    if after and after.group(1).lower() in _NOT_REF_AFTER:
        return None  # "früher als", "soon than"
    if word == "soon" and _prev_word(c, g.m.start()) == "as":
        return None
    if word == "ex" and not g["ref"][0].isalpha():
        return None
    span = None
    if g["det"] and word not in c.vocab.ref_nouns:
        span = (g.m.start("ref"), g.m.end())  # "die derzeit gültige": the determiner is not the adverb's
    return Result(value, no_event=True, span=span)
