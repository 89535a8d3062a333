"""The temporal tagger: every TIMEX3 expression of a text, with its type and value.

One pass over the lower-cased text finds the trigger words (the words each kind of
``data/timex/kinds.yaml`` names, and numbers); each kind's patterns are then tried only at the
word starts shortly before one of its triggers. Overlapping candidates are settled by the one
overlap policy (:func:`ukrsec.text.filter_spans`: longest, then leftmost, then the kind listed
first); the survivors are completed in text order, so a clock time takes the day named before it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..text import Span, filter_spans
from ..text import fold as _fold
from ..text import lexicon as lx
from ..text.matcher import alternation
from . import kinds as resolvers
from .resolve import Ctx, Groups, Result, State, ymd
from .words import KINDS_SCHEMA, Vocab, vocab

_TOKEN = re.compile(r"[^\W\d_]+|\d+")
#: what makes a number of one or two digits a trigger (``digit`` in kinds.yaml): a clock mark after it
_CLOCK_MARK = re.compile(r"[.:][0-5]\d(?!\d)|\s*(?:uhr|h\b|[ap]\.?m\b)")
#: kinds that name days relative to the text's date: a text holding one is read as daily news
DAILY = frozenset({"weekday", "relday", "clock", "clock_range", "this_pod"})
#: how far before its trigger word (characters) an expression may start
LEFT = 60


@dataclass(frozen=True)
class Timex:
    """A temporal expression: extent, TIMEX3 type and value, and what the timeline needs."""

    start: int
    end: int
    text: str
    type: str
    value: str
    anchor: str | None
    kind: str
    prep: str | None = None  # the preposition before it (left out of the extent)
    outer_start: int = -1  # where the expression starts with its preposition
    outer_end: int = -1
    event: str | None = None  # the calendar date the timeline uses, when not the value's date part
    event_end: str | None = None
    no_event: bool = False


@dataclass(frozen=True)
class _Triggers:
    """What the trigger pass looks for: word -> kinds, kinds of numbers, compound heads, lead words."""

    by_word: dict[str, tuple[int, ...]]
    digit: tuple[int, ...]
    year4: tuple[int, ...]
    head: re.Pattern[str]  # a weekday or month name at the start of a compound ("dienstagabend")
    lead: frozenset[str]  # words an expression may start with before its trigger
    head4: frozenset[str]  # the first four letters of those names (a word must start with one)


_LITERAL = re.compile(r"\{[a-z_]+\}|\(\?P<\w+>|\\[a-zA-Z]")


@lru_cache(maxsize=4)
def _triggers(data_dir: str | None) -> _Triggers:
    v = vocab(data_dir)
    by_word: dict[str, set[int]] = {}
    for i, k in enumerate(v.kinds):
        for w in k.triggers:
            by_word.setdefault(w, set()).add(i)
    names = [n for c in ("weekday", "month") for n in v.classes[c] if len(n) >= 4]
    lead = _lead_words(v, data_dir)
    return _Triggers(
        {w: tuple(sorted(ks)) for w, ks in by_word.items()},
        tuple(i for i, k in enumerate(v.kinds) if k.digit),
        tuple(i for i, k in enumerate(v.kinds) if k.year4),
        re.compile(alternation(names)),
        frozenset(lead),
        frozenset(n[:4] for n in names),
    )


def _lead_words(v: Vocab, data_dir: str | None) -> set[str]:
    """Words an expression may start with: the first word of every class entry and every literal word
    of the kinds' patterns."""
    lead = {w.split()[0] for ws in v.classes.values() for w in ws if w.split()}
    raw = lx.load("timex/kinds.yaml", KINDS_SCHEMA, data_dir)["kinds"]
    for spec in raw.values():
        for p in spec["patterns"]:
            lead.update(re.findall(r"[a-zäöüß]+", _LITERAL.sub(" ", p.lower())))
    return lead


def _scan(low: str, tr: _Triggers) -> tuple[list[tuple[int, tuple[int, ...]]], list[int]]:
    """(start, kinds) of every trigger word and number of the lower-cased text, and the starts of the
    words an expression may begin with (numbers and lead words), in one pass."""
    hits, leads = [], []
    by_word, lead, head, head4 = tr.by_word, tr.lead, tr.head, tr.head4
    for m in _TOKEN.finditer(low):
        w, s = m.group(), m.start()
        if w[0].isdigit():
            ks = (
                tr.year4
                if len(w) == 4
                else tr.digit
                if len(w) <= 2 and _CLOCK_MARK.match(low, m.end())
                else ()
            )
            if ks:
                hits.append((s, ks))
            leads.append(s)
            continue
        if w in lead:
            leads.append(s)
        ks = by_word.get(w)
        # "dienstagabend", "januarwoche"
        if ks is None and len(w) > 6 and w[:4] in head4 and (h := head.match(w)):
            ks = by_word.get(h.group())
        if ks:
            hits.append((s, ks))
    return hits, leads


def _candidates(ctx: Ctx, hits: list[tuple[int, tuple[int, ...]]], leads: list[int]) -> list[Span]:
    text, v = ctx.text, ctx.vocab
    seen: set[tuple[int, int, int, int]] = set()
    out: list[Span] = []
    for hs, kinds in hits:
        lo = bisect.bisect_left(leads, hs - LEFT)
        hi = bisect.bisect_left(leads, hs)
        window = [*leads[lo:hi], hs]
        for ki in kinds:
            kind = v.kinds[ki]
            fn = getattr(resolvers, kind.name)
            for pi, rx in enumerate(kind.patterns):
                for st in window:
                    m = rx.match(text, st)
                    if m is None or m.end() <= hs:
                        continue
                    key = (ki, pi, m.start(), m.end())
                    if key in seen:
                        break
                    seen.add(key)
                    g = Groups(m)
                    r = fn(ctx, g)
                    if r is not None:
                        s, e = r.span or (resolvers._start(g), m.end())
                        out.append(Span(s, e, kind.name, (ki, kind, g, r)))
                    break
    return out


def _key(sp: Span) -> tuple[int, int, int]:
    return (-(sp.end - sp.start), sp.start, sp.data[0])


def tag(
    text: str,
    dct: dt.date | None,
    lang: str = "de",
    bounds: Sequence[tuple[int, int]] | None = None,
    data_dir: str | None = None,
) -> list[Timex]:
    """Every temporal expression of ``text``, in order, resolved against the reference date ``dct``.

    ``bounds`` are the sentences (start, end) the tense of an expression is read in (default: the
    whole text is one sentence).
    """
    if not text:
        return []
    v = vocab(data_dir)
    ctx = Ctx(text, dct, lang or "de", v, list(bounds) if bounds else [(0, len(text))])
    hits, leads = _scan(_fold.lower(text), _triggers(data_dir))
    if not hits:
        return []
    chosen = filter_spans(_candidates(ctx, hits, leads), key=_key)
    state = State(
        daily=any(sp.label in DAILY for sp in chosen if sp.label != "relday" or sp.data[3].late is None)
    )
    out: list[Timex] = []
    for sp in chosen:
        out.extend(_complete(text, sp, state))
    return out


def _complete(text: str, sp: Span, state: State) -> list[Timex]:
    """The timexes of one chosen candidate, in text order: its late resolution against what the text
    said before (a clock time takes the day named before it), and the state it leaves for the next."""
    _, kind, g, r = sp.data
    if r.late is not None:
        late = r.late(state, sp.start)
        if late is None:
            return []
        late.year = late.year or r.year
        r = late
    s, e = r.span or (sp.start, sp.end)
    if r.day is not None:
        state.day, state.day_at = r.day, s
    if r.year is not None:
        state.year, state.year_at = r.year, s
    if (r.type or kind.type) == "SET":
        state.set_at = s
    return _timexes(text, kind.name, r.type or kind.type, g, r, s, e)


def _timexes(text: str, kind: str, typ: str, g: Groups, r: Result, s: int, e: int) -> list[Timex]:
    anchor = ymd(r.anchor) if r.anchor is not None else None
    prep = g.low("prep") or None
    out = [Timex(ps, pe, text[ps:pe], typ, pv, anchor, kind, no_event=True) for ps, pe, pv in r.parts or ()]
    out.append(
        Timex(
            s,
            e,
            text[s:e],
            typ,
            r.value,
            anchor,
            kind,
            prep,
            g.m.start(),
            g.m.end(),
            r.event,
            r.event_end,
            r.no_event,
        )
    )
    return out
