"""The timeline across sources: events of the same date and happening merged into one row."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pandas as pd

from .values import as_list

COLUMNS = ["date", "date_precision", "label", "text", "n_sources", "article_ids", "outlets", "actor_ids",
           "event_ids", "n_events"]


def _find(parent: dict[int, int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _clusters(idx: list[int], kws: dict[int, frozenset], acts: dict[int, set]) -> list[list[int]]:
    """Union-find over one date's events: joined when they share two key words, or an actor and a key word."""
    parent = {i: i for i in idx}
    for a_pos, a in enumerate(idx):
        for b in idx[a_pos + 1:]:
            ra, rb = _find(parent, a), _find(parent, b)
            shared = len(kws[a] & kws[b])
            if ra != rb and (shared >= 2 or (shared and acts[a] & acts[b])):
                parent[rb] = ra
    clusters: dict[int, list[int]] = {}
    for i in idx:
        clusters.setdefault(_find(parent, i), []).append(i)
    return list(clusters.values())


def _sources(articles: pd.DataFrame | None) -> tuple[dict[str, Any], dict[str, str]]:
    """``article_id -> outlet`` and ``article_id -> the article it duplicates``."""
    outlet: dict[str, Any] = {}
    dup: dict[str, str] = {}
    if articles is not None and not articles.empty:
        for rec in articles.to_dict("records"):
            outlet[str(rec["article_id"])] = rec.get("outlet")
            d = rec.get("duplicate_of")
            if isinstance(d, str) and d:
                dup[str(rec["article_id"])] = d
    return outlet, dup


def _merged(ev: pd.DataFrame, members: list[int], kws: dict[int, frozenset], acts: dict[int, set],
            outlet: dict[str, Any], dup: dict[str, str]) -> dict[str, Any]:
    """The row of one cluster of events (``members``: indexes into ``ev``)."""
    rep = max(members, key=lambda i: (sum(len(kws[i] & kws[j]) for j in members if j != i), -i))
    arts = list(dict.fromkeys(str(ev.at[i, "article_id"]) for i in members))
    labels = Counter(str(ev.at[i, "label"]) for i in members if isinstance(ev.at[i, "label"], str))
    return {
        "date": ev.at[members[0], "date"], "date_precision": ev.at[members[0], "date_precision"],
        "label": labels.most_common(1)[0][0] if labels else "",
        "text": str(ev.at[rep, "text"]), "n_sources": len({dup.get(a, a) for a in arts}),
        "article_ids": arts,
        "outlets": sorted({str(outlet[a]) for a in arts if isinstance(outlet.get(a), str)}),
        "actor_ids": sorted(set().union(*(acts[i] for i in members))),
        "event_ids": [str(ev.at[i, "event_id"]) for i in members], "n_events": len(members),
    }


def merge(events: pd.DataFrame, articles: pd.DataFrame, data_dir: str | None = None) -> pd.DataFrame:
    """Corpus.timeline(): events of the same date with overlapping actors or key words, merged.

    Two events are joined when they share two key words, or an actor and a key word (an actor
    alone is too weak: nearly every event of a corpus on Ukraine mentions ``UA``).

    One row per merged event: ``date``, ``date_precision``, ``label``, ``text`` (a representative
    sentence: the one sharing most key words with the others), ``n_sources`` (distinct articles,
    exact duplicates counted once), ``article_ids``, ``outlets``, ``actor_ids``, ``event_ids``,
    ``n_events``; sorted by date, then by number of sources.
    """
    from ..timeline import keywords

    if events is None or events.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS}).astype(
            {"n_sources": "int64", "n_events": "int64"})
    outlet, dup = _sources(articles)
    out = []
    ev = events.reset_index(drop=True)
    for _, grp in ev.groupby(["date", "date_precision"], sort=True):
        idx = list(grp.index)
        kws = {i: keywords(str(ev.at[i, "text"]), data_dir) | keywords(str(ev.at[i, "label"]), data_dir)
               for i in idx}
        acts = {i: set(ev.at[i, "actor_ids"] or []) for i in idx}
        out += [_merged(ev, members, kws, acts, outlet, dup) for members in _clusters(idx, kws, acts)]
    res = pd.DataFrame(out, columns=COLUMNS)
    res = res.sort_values(["date", "n_sources"], ascending=[True, False], kind="stable")
    return res.reset_index(drop=True)


def sources_per_event(merged: pd.DataFrame, event_ids: pd.Series) -> pd.Series | None:
    """``n_sources`` of the merged event each of ``event_ids`` belongs to (None if one is not merged)."""
    if merged is None or not len(merged):
        return None
    per: dict[str, int] = {}
    for ids, n in zip(merged["event_ids"], merged["n_sources"], strict=True):
        for i in as_list(ids):
            per[str(i)] = int(n)
    got = event_ids.astype(str).map(per)
    return got.astype(int) if got.notna().all() else None
