"""Positions over time: the stance each actor is reported to take on each kind of guarantee, period by
period, how it shifts, who reported it first, and how groups of sources see it.

Two clocks (``docs/positions.md``):

- *when a stance was held* is the commitment's ``date`` (the date its sentence states, else its
  article's publication day; :mod:`.dates`); positions and shifts are placed by it;
- *when it was reported* is the article's publication day (``published``, else ``date_hint``);
  "first" (first article, first outlet, days until others followed) is decided by it, ties by the
  publication time, then the article id.

The stance of a group of reports (one period, one language, one outlet) is a vote of its articles:
each article counts once, with its strongest stance (:func:`.stances.article_stances`); the stance
most articles report wins; a tie goes to the stance more outlets report, then to the stance of the
latest report. Articles whose stance differs from the group's are its *disagreeing* sources.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pandas as pd

from .dates import article_days
from .stances import article_stances, by_strength
from .values import actor_names, outlet_labels

PERIODS = ("day", "week", "month")

POSITION_COLUMNS = [
    "actor_id", "actor", "type", "period", "period_start", "stance", "n_articles", "n_outlets", "outlets",
    "article_ids", "stances", "stance_set", "disagree", "disagreeing_articles", "disagreeing_outlets",
    "n_stated", "commitment_ids",
]
SHIFT_COLUMNS = [
    "actor_id", "actor", "type", "from_stance", "to_stance", "from_period", "to_period", "to_period_start",
    "first_article", "first_outlet", "first_published", "before_commitment_id", "evidence_before",
    "after_commitment_id", "evidence_after",
]
FIRST_COLUMNS = [
    "actor_id", "actor", "type", "stance", "first_published", "first_outlet", "first_article",
    "first_commitment_id", "evidence", "n_outlets", "followers", "days_later", "days_to_first_follower",
    "days_to_last_follower",
]


def period_of(date: Any, period: str = "day") -> tuple[str, str] | None:
    """``(label, first day)`` of the period holding ``date`` (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``).

    Days become ``2026-01-06``, weeks ISO weeks ``2026-W02`` (from Monday), months ``2026-01``. A date
    coarser than the period keeps its own span: ``2026-01`` stays the month with ``period="day"``.
    None for a missing or malformed date.
    """
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    s = "" if date is None or (not isinstance(date, str) and pd.isna(date)) else str(date).strip()[:10]
    try:
        if len(s) == 4:
            return s, dt.date(int(s), 1, 1).isoformat()
        if len(s) == 7:
            return s, dt.date(int(s[:4]), int(s[5:7]), 1).isoformat()
        day = dt.date.fromisoformat(s)
    except ValueError:
        return None
    if period == "day":
        return s, s
    if period == "month":
        return s[:7], s[:8] + "01"
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}", (day - dt.timedelta(days=iso.weekday - 1)).isoformat()


def _report_order(arts: pd.DataFrame, days: dict[str, str]) -> dict[str, int]:
    """Rank of each article by publication day, then publication time, then id (undated last)."""
    hint = arts["date_hint"] if "date_hint" in arts else arts["published"]
    stamp = {a: (p if pd.notna(p) else h) for a, p, h in zip(arts["article_id"], arts["published"], hint,
                                                              strict=True)}

    def key(a: str) -> tuple:
        ts = pd.Timestamp(stamp[a]) if pd.notna(stamp[a]) else pd.Timestamp.max
        return (a not in days, days.get(a, ""), ts, a)

    return {a: i for i, a in enumerate(sorted(arts["article_id"], key=key))}


def reports(commitments: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The commitments with what the analyses of this module need: outlet label, language, publication
    day (``published_day``), ``order`` (rank of the article by publication, then id) and ``seq`` (rank of
    the report: by ``order``, then as the commitments table lists them), sorted by ``seq``."""
    cols = ["commitment_id", "article_id", "actor_id", "type", "stance", "date", "date_source", "evidence"]
    cm = commitments.reindex(columns=cols).copy()
    for c in ("commitment_id", "article_id", "actor_id", "type", "stance"):
        cm[c] = cm[c].astype(str)
    arts = articles.assign(article_id=articles["article_id"].astype(str))
    days = article_days(arts)
    order = _report_order(arts, days)
    langs = dict(zip(arts["article_id"], arts["language"], strict=True)) if "language" in arts else {}
    cm["outlet"] = cm["article_id"].map(outlet_labels(arts)).fillna("").astype(str)
    cm["language"] = [str(langs[a]) if pd.notna(langs.get(a)) else "unknown" for a in cm["article_id"]]
    cm["published_day"] = cm["article_id"].map(days)
    cm["order"] = cm["article_id"].map(order).fillna(len(order)).astype(int)
    cm = cm.sort_values("order", kind="stable").reset_index(drop=True)   # within an article: text order
    cm["seq"] = range(len(cm))
    return cm


Report = dict[str, Any]


def group_stance(rows: list[Report]) -> dict[str, Any]:
    """The vote of one group of reports (records of :func:`reports`): see the module docstring."""
    per_article = article_stances([r["article_id"] for r in rows], [r["stance"] for r in rows])
    outlet = {r["article_id"]: r["outlet"] for r in rows}
    last = {r["article_id"]: r["order"] for r in rows}
    votes = Counter(per_article.values())
    outlets_for = {s: {outlet[a] for a, st in per_article.items() if st == s} for s in votes}
    latest = {s: max(last[a] for a, st in per_article.items() if st == s) for s in votes}
    stance = max(votes, key=lambda s: (votes[s], len(outlets_for[s]), latest[s]))
    odd = [a for a, st in per_article.items() if st != stance]
    return {
        "stance": stance, "n_articles": len(per_article), "n_outlets": len(set(outlet.values())),
        "outlets": sorted(set(outlet.values())), "article_ids": list(per_article), "stances": per_article,
        "stance_set": by_strength(per_article.values()), "disagree": bool(odd), "disagreeing_articles": odd,
        "disagreeing_outlets": sorted({outlet[a] for a in odd}),
        "commitment_ids": [r["commitment_id"] for r in rows],
    }


def _records(rep: pd.DataFrame, period: str | None) -> list[Report]:
    """The reports as records with ``period`` and ``period_start`` of their date (both '' when
    ``period`` is None: the whole corpus is one period); undated reports are left out then."""
    out = []
    for r in rep.to_dict("records"):
        p = period_of(r["date"], period) if period else ("", "")
        if p is not None:
            out.append({**r, "period": p[0], "period_start": p[1]})
    return out


def _groups(records: list[Report], keys: tuple[str, ...]) -> list[tuple[tuple, list[Report]]]:
    """Records grouped by ``keys`` (in report order within a group), groups sorted by key."""
    groups: dict[tuple, list[Report]] = {}
    for r in records:
        groups.setdefault(tuple(r[k] for k in keys), []).append(r)
    return sorted(groups.items(), key=lambda kv: kv[0])


def _positions(rep: pd.DataFrame, names: dict[str, str], period: str) -> pd.DataFrame:
    records = _records(rep, period)
    rows = []
    for (aid, typ, start, label), g in _groups(records, ("actor_id", "type", "period_start", "period")):
        rows.append({"actor_id": aid, "actor": names.get(aid, aid), "type": typ, "period": label,
                     "period_start": start, "n_stated": sum(r["date_source"] == "stated" for r in g),
                     **group_stance(g)})
    out = pd.DataFrame(rows, columns=POSITION_COLUMNS)
    out.attrs["undated"] = int(len(rep) - len(records))
    return out


def _reports_or_none(commitments: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame | None:
    return reports(commitments, articles) if commitments is not None and len(commitments) else None


def positions(commitments: pd.DataFrame, articles: pd.DataFrame, actors: pd.DataFrame,
              period: str = "day") -> pd.DataFrame:
    """One row per actor × commitment type × period with the stance reported then (the vote of its
    articles), the articles and outlets behind it, the disagreeing sources and the evidence rows
    (``commitment_ids``). Undated commitments are left out (counted in ``.attrs["undated"]``)."""
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    rep = _reports_or_none(commitments, articles)
    if rep is None:
        out = pd.DataFrame(columns=POSITION_COLUMNS)
        out.attrs["undated"] = 0
        return out
    return _positions(rep, actor_names(actors), period)


def _report_of(by_id: dict[str, Report], ids: list[str], stance: str, last: bool = False) -> Report:
    """The first (or ``last``) reported record among the commitment ``ids`` with ``stance``."""
    rows = [by_id[i] for i in ids if by_id[i]["stance"] == stance]
    pick = max if last else min
    return pick(rows, key=lambda r: r["seq"])


def _shift(prev: dict, run: list[dict], by_id: dict[str, Report]) -> dict[str, Any]:
    """The change from period ``prev`` to the ``run`` of periods that report the new stance."""
    cur = run[0]
    after = _report_of(by_id, [i for p in run for i in p["commitment_ids"]], cur["stance"])
    before = _report_of(by_id, prev["commitment_ids"], prev["stance"], last=True)
    return {
        "actor_id": cur["actor_id"], "actor": cur["actor"], "type": cur["type"],
        "from_stance": prev["stance"], "to_stance": cur["stance"], "from_period": prev["period"],
        "to_period": cur["period"], "to_period_start": cur["period_start"],
        "first_article": after["article_id"], "first_outlet": after["outlet"],
        "first_published": after["published_day"], "before_commitment_id": before["commitment_id"],
        "evidence_before": before["evidence"], "after_commitment_id": after["commitment_id"],
        "evidence_after": after["evidence"],
    }


def _runs(seq: list[dict]) -> list[list[dict]]:
    """Consecutive periods with the same stance, grouped."""
    runs: list[list[dict]] = []
    for p in seq:
        if runs and runs[-1][0]["stance"] == p["stance"]:
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


def shifts(commitments: pd.DataFrame, articles: pd.DataFrame, actors: pd.DataFrame,
           period: str = "day") -> pd.DataFrame:
    """Every change of reported stance for an actor and type between consecutive periods of
    :func:`positions`. ``first_article``/``first_outlet`` is the earliest published report of the new
    stance while it lasts (the run of periods reporting it); the evidence before is the last report
    of the old stance in the period before, the evidence after that first report."""
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, not {period!r}")
    rep = _reports_or_none(commitments, articles)
    if rep is None:
        return pd.DataFrame(columns=SHIFT_COLUMNS)
    pos = _positions(rep, actor_names(actors), period).to_dict("records")
    by_id = {r["commitment_id"]: r for r in rep.to_dict("records")}
    rows = []
    for _, g in _groups(pos, ("actor_id", "type")):   # positions are sorted by period start already
        runs = _runs(g)
        rows += [_shift(prev[-1], run, by_id) for prev, run in zip(runs, runs[1:], strict=False)]
    return pd.DataFrame(rows, columns=SHIFT_COLUMNS)


def _days(a: str, b: str) -> int:
    return (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days


def first_reports(commitments: pd.DataFrame, articles: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """For each commitment (actor × type × stance): the outlet that reported it first, and for every
    other outlet (``followers``, in order) how many days later it reported it (``days_later``).
    Reports of articles without a publication day are left out."""
    rep = _reports_or_none(commitments, articles)
    if rep is None:
        return pd.DataFrame(columns=FIRST_COLUMNS)
    rep = rep[rep["published_day"].notna()]
    names = actor_names(actors)
    rows = []
    for (aid, typ, stance), g in rep.groupby(["actor_id", "type", "stance"], sort=True):
        firsts = g.drop_duplicates("outlet")          # rows are in report order: each outlet's first
        head = firsts.iloc[0]
        follow = firsts.iloc[1:]
        lags = [_days(head["published_day"], d) for d in follow["published_day"]]
        rows.append({
            "actor_id": aid, "actor": names.get(aid, aid), "type": typ, "stance": stance,
            "first_published": head["published_day"], "first_outlet": head["outlet"],
            "first_article": head["article_id"], "first_commitment_id": head["commitment_id"],
            "evidence": head["evidence"], "n_outlets": len(firsts), "followers": list(follow["outlet"]),
            "days_later": lags, "days_to_first_follower": lags[0] if lags else None,
            "days_to_last_follower": lags[-1] if lags else None,
        })
    out = pd.DataFrame(rows, columns=FIRST_COLUMNS)
    return out.astype({"n_outlets": "int64", "days_to_first_follower": "Int64",
                       "days_to_last_follower": "Int64"})


GROUPS = {"language": "language", "outlet": "outlet"}
COMPARE_BY_COLUMNS = [
    "actor_id", "actor", "type", "period", "group", "stance", "n_articles", "article_ids", "stances",
    "stance_set", "disagree_within", "n_groups", "disagree", "other_stances", "commitment_ids",
]


def _compare_rows(aid: str, name: str, typ: str, label: str, g: list[Report], col: str) -> list[dict]:
    votes = {grp: group_stance(gg) for (grp,), gg in _groups(g, (col,))}
    seen = {grp: v["stance"] for grp, v in votes.items()}
    split = len(set(seen.values())) > 1
    return [{
        "actor_id": aid, "actor": name, "type": typ, "period": label or None, "group": grp,
        "stance": v["stance"], "n_articles": v["n_articles"], "article_ids": v["article_ids"],
        "stances": v["stances"], "stance_set": v["stance_set"], "disagree_within": v["disagree"],
        "n_groups": len(votes), "disagree": split,
        "other_stances": {k: s for k, s in seen.items() if k != grp} if split else {},
        "commitment_ids": v["commitment_ids"],
    } for grp, v in votes.items()]


def compare_by(commitments: pd.DataFrame, articles: pd.DataFrame, actors: pd.DataFrame,
               by: str = "language", period: str | None = None) -> pd.DataFrame:
    """The same actor and type as seen by each group of sources (``by="language"`` or ``"outlet"``):
    one row per actor × type × group with the group's stance (the vote of its articles), over the
    whole corpus or, with ``period``, per period of :func:`positions` (undated reports left out then).
    ``disagree`` when the groups report different stances; ``other_stances`` (group -> stance) then."""
    if by not in GROUPS:
        raise ValueError(f"by must be one of {', '.join(GROUPS)}, not {by!r}")
    if period is not None and period not in PERIODS:
        raise ValueError(f"period must be None or one of {', '.join(PERIODS)}, not {period!r}")
    rep = _reports_or_none(commitments, articles)
    if rep is None:
        return pd.DataFrame(columns=COMPARE_BY_COLUMNS)
    names = actor_names(actors)
    rows = []
    keys = ("actor_id", "type", "period_start", "period")
    for (aid, typ, _, label), g in _groups(_records(rep, period), keys):
        rows += _compare_rows(aid, names.get(aid, aid), typ, label, g, GROUPS[by])
    return pd.DataFrame(rows, columns=COMPARE_BY_COLUMNS)
