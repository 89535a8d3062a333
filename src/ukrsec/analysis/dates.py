"""When a commitment was reported: the date its sentence states, else its article's date.

A pass over finished tables (``pipeline.parse_docs`` runs it after the timeline and commitments
stages): every commitment row gets

- ``date`` — ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``: a date stated in the commitment's own sentence
  (``timexes`` rows of type DATE/TIME with a calendar value when that table exists, else the
  ``events`` of the sentence); else the article's publication day (``published``, or when that is
  unknown the article's own best date ``date_hint``, the reference the timeline resolves against);
  NA when neither is known;
- ``date_source`` — ``stated`` or ``published`` (NA when there is no date).

Which stated date: a date later than the article's date is a plan or a deadline ("bis 2027"), not
the time the stance was reported, so it does not count. Of the others, the one nearest to the
commitment's span in the sentence wins; then the finer one (day before month before year); then the
earlier in the text.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

#: a TIMEX3 value that names a calendar day, month or year (optionally with a time of day: T15:30, TAF)
_CALENDAR = re.compile(r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:T[\w:]+)?$")


def article_days(articles: pd.DataFrame) -> dict[str, str]:
    """``article_id -> YYYY-MM-DD``: publication day, else ``date_hint`` (neither: not in the dict)."""
    out: dict[str, str] = {}
    hints = articles["date_hint"] if "date_hint" in articles else pd.Series([pd.NaT] * len(articles))
    for aid, pub, hint in zip(articles["article_id"], articles["published"], hints, strict=True):
        ts = pub if pd.notna(pub) else hint
        if pd.notna(ts):
            out[str(aid)] = pd.Timestamp(ts).strftime("%Y-%m-%d")
    return out


def _stated(events: pd.DataFrame | None, timexes: pd.DataFrame | None) -> dict[tuple[str, int], list[tuple]]:
    """``(article_id, sentence_id) -> [(start, end, date)]``: calendar dates stated in each sentence."""
    out: dict[tuple[str, int], list[tuple]] = {}
    if timexes is not None and len(timexes):
        t = timexes[timexes["type"].astype(str).isin(["DATE", "TIME"])]
        cols = (t["article_id"], t["sentence_id"], t["start"], t["end"], t["value"])
    elif events is not None and len(events):
        cols = (events["article_id"], events["sentence_id"], events["start"], events["end"], events["date"])
    else:
        return out
    for aid, sid, s, e, value in zip(*cols, strict=True):
        m = _CALENDAR.match(str(value)) if pd.notna(value) and pd.notna(sid) else None
        if m:
            out.setdefault((str(aid), int(sid)), []).append((int(s), int(e), m.group(1)))
    return out


def _gap(a0: Any, a1: Any, b0: int, b1: int) -> int:
    """Characters between span ``a`` (the commitment; 0 when unknown) and span ``b`` (a date)."""
    if pd.isna(a0) or pd.isna(a1):
        return 0
    return max(0, int(a0) - b1, b0 - int(a1))


def choose_stated(cands: list[tuple], start: Any, end: Any, reference: str | None) -> str | None:
    """The stated date of a commitment at ``start:end`` among its sentence's ``(start, end, date)``
    candidates: none later than ``reference`` (``YYYY-MM-DD``); nearest, then finest, then first."""
    ok = [c for c in cands if reference is None or c[2] <= reference[: len(c[2])]]
    if not ok:
        return None
    best = min(ok, key=lambda c: (_gap(start, end, c[0], c[1]), -len(c[2]), c[0]))
    return best[2]


def commitment_dates(
    commitments: pd.DataFrame,
    events: pd.DataFrame | None,
    articles: pd.DataFrame,
    timexes: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """``commitments`` with ``date`` and ``date_source`` filled (see the module docstring)."""
    out = commitments.copy()
    if not len(out):
        out["date"] = pd.Series(dtype="string")
        out["date_source"] = pd.Series(dtype="string")
        return out
    days = article_days(articles)
    stated = _stated(events, timexes)
    dates, sources = [], []
    for aid, sid, s, e in zip(out["article_id"], out["sentence_id"], out["start"], out["end"], strict=True):
        aid = str(aid)
        cands = stated.get((aid, int(sid)), []) if pd.notna(sid) else []
        got = choose_stated(cands, s, e, days.get(aid)) if cands else None
        if got is not None:
            dates.append(got)
            sources.append("stated")
        else:
            dates.append(days.get(aid))
            sources.append("published" if aid in days else None)
    out["date"] = pd.array(dates, dtype="string")
    out["date_source"] = pd.array(sources, dtype="string")
    return out
