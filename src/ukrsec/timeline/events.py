"""The ``timexes`` and ``events`` tables: the tagger run over every article, and the dated
statements (the timeline) derived from its DATE and TIME expressions."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd

from .. import schema
from ..dates import find_full_dates
from ..text import Doc, Span
from ..text import lexicon as lx
from .resolve import clause_around, tense_of
from .tagger import Timex, tag
from .words import vocab

LABELS_SCHEMA = lx.Keys({"stopwords": lx.ListOf(str)})
_CAL = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")
_WEEK = re.compile(r"(\d{4})-W(\d\d)(?:-WE)?")
_YEAR_PART = re.compile(r"(\d{4})-(?:SP|SU|FA|Q\d|H\d)")
#: kinds whose event text is the expression itself, without its preposition ("6. Januar 2026")
_INNER = frozenset({"full_date", "day_month"})
#: kinds that only give a start point after "seit"/"since" without a year ("seit September")
_OPEN_START = frozenset({"month", "day_month", "weekday", "season"})


@dataclass(frozen=True)
class FoundDate:
    """A dated statement's date: span in the text, normalized date (``YYYY[-MM[-DD]]``) and precision."""

    start: int
    end: int
    text: str
    date: str
    precision: str
    date_end: str | None = None


def _week_month(year: int, wk: int) -> str | None:
    """The month of ISO week ``year-Wwk`` when the whole week lies in it."""
    try:
        mon = dt.date.fromisocalendar(year, wk, 1)
    except ValueError:
        return None
    sun = mon + dt.timedelta(days=6)
    return f"{mon:%Y-%m}" if (mon.year, mon.month) == (sun.year, sun.month) else None


def event_date(t: Timex, data_dir: str | None = None) -> str | None:
    """The calendar date (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) a timex puts on the timeline, or None.

    Durations, sets, vague references and clock times are not events; nor are deadlines
    (``bis Freitag``) and open start points (``seit September``) that are not explicit dates.
    """
    if t.no_event:
        return None
    cls = vocab(data_dir).classes
    if t.prep in cls["deadline"] and t.kind != "full_date":
        return None
    if t.prep in cls["since"] and t.kind in _OPEN_START:
        return None
    if t.event is not None:
        return t.event
    if t.type != "DATE":
        return None
    v = t.value
    if _CAL.fullmatch(v):
        return v
    if m := _WEEK.fullmatch(v):
        return _week_month(int(m.group(1)), int(m.group(2)))
    if m := _YEAR_PART.fullmatch(v):
        return m.group(1)
    return None


_PRECISION = {4: "year", 7: "month", 10: "day"}


def found_dates(timexes: Iterable[Timex], data_dir: str | None = None) -> list[FoundDate]:
    """The dated timexes as :class:`FoundDate` (span with the preposition, except for explicit dates)."""
    out = []
    for t in timexes:
        d = event_date(t, data_dir)
        if d is None:
            continue
        s, e = (t.start, t.end) if t.kind in _INNER or t.outer_start < 0 else (t.outer_start, t.outer_end)
        out.append(FoundDate(s, e, "", d, _PRECISION[len(d)], t.event_end))
    return out


def reference_date(published: Any, date_hint: Any, text: str, data_dir: str | None = None) -> dt.date | None:
    """The date relative expressions resolve against: publication date, date hint, else latest full date."""
    for val in (published, date_hint):
        if val is None or val is pd.NaT or (isinstance(val, float) and val != val):
            continue
        if isinstance(val, dt.datetime):  # pd.Timestamp too
            return val.date()
        if isinstance(val, dt.date):
            return val
        if not pd.isna(val):
            return pd.Timestamp(val).date()
    dates = [m.date for m in find_full_dates(text or "", data_dir)]
    return max(dates) if dates else None


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """A cheap sentence split for texts given without a sentences table."""
    out, s = [], 0
    for m in re.finditer(r"(?<=[^\d\s][.!?])\s+(?=[A-ZÄÖÜ\"„“])|\n+", text):
        out.append((s, m.start()))
        s = m.end()
    out.append((s, len(text)))
    return [(a, b) for a, b in out if b > a]


def find_dates(
    text: str,
    ref: dt.date | None,
    data_dir: str | None = None,
    *,
    lang: str | None = None,
    bounds: Sequence[tuple[int, int]] | None = None,
    ref_from_text: bool = False,
) -> list[FoundDate]:
    """The dated expressions of ``text`` (as the ``events`` table has them), resolved against ``ref``.

    ``bounds`` are sentence spans (else a cheap split); with ``ref`` None and ``ref_from_text`` the
    latest full date of the text is the reference date.
    """
    if ref is None and ref_from_text:
        ref = reference_date(None, None, text, data_dir)
    bounds = list(bounds) if bounds is not None else sentence_bounds(text)
    found = found_dates(tag(text, ref, lang or "de", bounds, data_dir), data_dir)
    return [FoundDate(f.start, f.end, text[f.start : f.end], f.date, f.precision, f.date_end) for f in found]


def tense(sentence: str, start: int, end: int, data_dir: str | None = None) -> str:
    """``"future"``, ``"past"`` or ``"none"`` for the expression at ``start:end`` of ``sentence``."""
    return tense_of(sentence, start, end, vocab(data_dir))


# --------------------------------------------------------------------------- labels


@lru_cache(maxsize=4)
def stopwords(data_dir: str | None = None) -> frozenset[str]:
    """Function words left out of event labels and merge key words."""
    return frozenset(w.lower() for w in lx.load("timex/labels.yaml", LABELS_SCHEMA, data_dir)["stopwords"])


_AUX = frozenset(
    "war waren wurde wurden hatte hatten hat haben habe ist sind sei seien wird werden "
    "werde soll sollen will wollen was were had has have did is are be been shall".split()
)
_LABEL_WORD = re.compile(r"[\wÄÖÜäöüß-]+")
_GE_PARTICIPLE = re.compile(r"ge\w{3,}(?:t|en)")


class _Labeller:
    """A few key words of the clause holding a date: its main verb first, then its nouns."""

    def __init__(self, data_dir: str | None) -> None:
        v = vocab(data_dir)
        self.names = v.classes["month"].keys() | v.classes["weekday"].keys()
        self.stop = stopwords(data_dir)
        self.past, self.future = v.past, v.future
        self.cache: dict[str, int] = {}

    def word_class(self, w: str) -> int:
        """0 never, 1 a verb, 2 a noun, 3 not at all."""
        lw = w.lower()
        if len(w) < 3 or w.isdigit() or lw in self.names:
            return 0
        if w.islower() and lw not in _AUX and self._verb_form(w, lw):
            return 1
        return 2 if w[0].isupper() and lw not in self.stop else 3

    def _verb_form(self, w: str, lw: str) -> bool:
        """A tense cue, a German participle or past form ("gegründet", "stimmte") that is no stop
        word, or an English past form ("agreed")."""
        if lw in self.past or lw in self.future:
            return True
        if w.isascii() and len(lw) > 4 and lw.endswith("ed"):
            return True
        german = _GE_PARTICIPLE.fullmatch(lw) or (len(lw) >= 6 and lw.endswith(("te", "ten")))
        return bool(german) and lw not in self.stop

    def label(self, sentence: str, s: int, e: int, actor_words: frozenset[str]) -> str:
        lo, hi = clause_around(sentence, s, e)
        verbs: list[str] = []
        nouns: list[str] = []
        for chunk in (sentence[lo:s] + " " + sentence[e:hi], sentence[:s] + " " + sentence[e:]):
            for w in _LABEL_WORD.findall(chunk):
                cls = self.cache.get(w)
                if cls is None:
                    cls = self.cache[w] = self.word_class(w)
                lw = w.lower()
                if cls == 0 or lw in actor_words:
                    continue
                if cls == 1 and lw not in verbs:
                    verbs.append(lw)
                elif cls == 2 and w not in nouns:
                    nouns.append(w)
            if verbs and len(nouns) >= 2:
                break
        return " ".join(verbs[:2] + nouns[:3])


def keywords(text: str, data_dir: str | None = None) -> frozenset[str]:
    """Key word stems of a sentence (nouns and names, stop words left out) used to merge events."""
    stop = stopwords(data_dir)
    cls = vocab(data_dir).classes
    out = set()
    for w in _KEYWORD.findall(text or ""):
        lw = w.lower()
        if len(w) >= 4 and not w.isdigit() and lw not in stop and lw not in cls["month"]:
            if lw not in cls["weekday"]:
                out.add(lw[:6])
    return frozenset(out)


_KEYWORD = re.compile(r"[\wÄÖÜäöüß]+")


# --------------------------------------------------------------------------- the stage


def _na(x: Any) -> bool:
    return x is None or x is pd.NA or x is pd.NaT or (isinstance(x, float) and x != x)


def _mentions(mentions: pd.DataFrame | None) -> dict[tuple[str, int], list[tuple[str, str]]]:
    out: dict[tuple[str, int], list[tuple[str, str]]] = {}
    if mentions is None or mentions.empty:
        return out
    cols = ("article_id", "sentence_id", "actor_id", "surface")
    for aid, sid, actor, surf in zip(*(mentions[c].tolist() for c in cols), strict=True):
        if not (_na(actor) or _na(sid)):
            out.setdefault((str(aid), int(sid)), []).append((str(actor), str(surf)))
    return out


def _sentences(doc: Doc) -> list[Span]:
    if doc.sentences:
        return doc.sentences
    return [Span(a, b, "sentence", i) for i, (a, b) in enumerate(sentence_bounds(doc.text))]


def _article(
    doc: Doc, ref: dt.date | None, ment: dict, lab: _Labeller, data_dir: str | None
) -> tuple[list[dict], list[dict]]:
    sents = _sentences(doc)
    starts = [s.start for s in sents]
    timexes = tag(
        doc.text,
        ref,
        doc.language if doc.language != "und" else "de",
        [(s.start, s.end) for s in sents],
        data_dir,
    )
    doc.add("timexes", [Span(t.start, t.end, t.type, t) for t in timexes])
    trows, erows, seen = [], [], set()
    aid = doc.article_id
    for n, t in enumerate(timexes):
        i = max(0, bisect.bisect_right(starts, t.start) - 1)
        sent = sents[i] if sents else Span(0, len(doc.text), "sentence", 0)
        trows.append(
            {
                "timex_id": f"{aid}:t{n}",
                "article_id": aid,
                "sentence_id": sent.data,
                "start": t.start,
                "end": t.end,
                "text": t.text,
                "type": t.type,
                "value": t.value,
                "anchor": t.anchor,
                "kind": t.kind,
            }
        )
    for f in found_dates(timexes, data_dir):
        i = max(0, bisect.bisect_right(starts, f.start) - 1)
        sent = sents[i] if sents else Span(0, len(doc.text), "sentence", 0)
        if (sent.data, f.date) in seen:
            continue
        seen.add((sent.data, f.date))
        st = doc.text[sent.start : sent.end]
        ms = ment.get((aid, sent.data), [])
        words = frozenset(w.lower() for _, surf in ms for w in surf.split())
        erows.append(
            {
                "event_id": f"{aid}:e{len(erows)}",
                "article_id": aid,
                "sentence_id": sent.data,
                "start": f.start,
                "end": f.end,
                "date": f.date,
                "date_precision": f.precision,
                "date_end": f.date_end,
                "date_text": doc.text[f.start : f.end],
                "text": st,
                "actor_ids": list(dict.fromkeys(a for a, _ in ms)),
                "label": lab.label(st, f.start - sent.start, f.end - sent.start, words),
            }
        )
    return trows, erows


def run(
    docs: Sequence[Doc], articles: pd.DataFrame, mentions: pd.DataFrame | None, data_dir: str | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``timexes`` and ``events`` tables of ``docs``; adds the layer ``"timexes"`` to each Doc.

    Each article's reference date is ``articles.published``, else ``articles.date_hint``, else the
    latest full date in its text.
    """
    hints: dict[str, tuple[Any, Any]] = {}
    if articles is not None and not articles.empty:
        pub = articles["published"] if "published" in articles.columns else [None] * len(articles)
        hint = articles["date_hint"] if "date_hint" in articles.columns else [None] * len(articles)
        hints = {str(a): (p, h) for a, p, h in zip(articles["article_id"], pub, hint, strict=True)}
    ment, lab = _mentions(mentions), _Labeller(data_dir)
    trows: list[dict] = []
    erows: list[dict] = []
    for doc in docs:
        if not doc.text:
            continue
        pub, hint = hints.get(doc.article_id, (doc.published, None))
        t, e = _article(doc, reference_date(pub, hint, doc.text, data_dir), ment, lab, data_dir)
        trows += t
        erows += e
    return (
        schema.frame("timexes", trows) if trows else schema.empty("timexes"),
        schema.frame("events", erows) if erows else schema.empty("events"),
    )


def extract(
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    mentions: pd.DataFrame | None,
    data_dir: str | None = None,
) -> pd.DataFrame:
    """The ``events`` table of ``articles`` (see :func:`run`, which gives ``timexes`` too)."""
    from ..text import docs as make_docs

    if articles is None or articles.empty:
        return schema.empty("events")
    return run(list(make_docs(articles, sentences)), articles, mentions, data_dir)[1]
