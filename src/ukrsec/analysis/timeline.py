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


def _blocks(idx: list[int], kws: dict[int, frozenset], acts: dict[int, set]) -> dict[tuple, list[int]]:
    """Events per shared feature: every pair of key words, every key word with an actor.

    Two events are joined exactly when they fall into one block together (two shared key words,
    or a shared key word and a shared actor), so chaining each block gives the same components as
    comparing every pair, in time linear in the number of events.
    """
    blocks: dict[tuple, list[int]] = {}
    for i in idx:
        words = sorted(kws[i])
        for a_pos, w in enumerate(words):
            for v in words[a_pos + 1:]:
                blocks.setdefault((0, w, v), []).append(i)
            for actor in acts[i]:
                blocks.setdefault((1, w, actor), []).append(i)
    return blocks


def _clusters(idx: list[int], kws: dict[int, frozenset], acts: dict[int, set]) -> list[list[int]]:
    """Connected events of one date: joined when they share two key words, or an actor and a key word.

    Clusters come in the order of their first event, members in event order.
    """
    parent = {i: i for i in idx}
    for members in _blocks(idx, kws, acts).values():
        root = _find(parent, members[0])
        for b in members[1:]:
            rb = _find(parent, b)
            if rb != root:
                parent[rb] = root
    clusters: dict[int, list[int]] = {}
    for i in idx:
        clusters.setdefault(_find(parent, i), []).append(i)
    return list(clusters.values())


def _representative(members: list[int], kws: dict[int, frozenset]) -> int:
    """The member sharing most key words with the others (ties: the first)."""
    counts = Counter(w for i in members for w in kws[i])
    return max(members, key=lambda i: (sum(counts[w] - 1 for w in kws[i]), -i))


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


def _merged(ev: dict[str, list], members: list[int], kws: dict[int, frozenset], acts: dict[int, set],
            outlet: dict[str, Any], dup: dict[str, str]) -> dict[str, Any]:
    """The row of one cluster of events (``members``: positions in the columns of ``ev``)."""
    rep = _representative(members, kws)
    arts = list(dict.fromkeys(str(ev["article_id"][i]) for i in members))
    labels = Counter(ev["label"][i] for i in members if isinstance(ev["label"][i], str))
    first = members[0]
    return {
        "date": ev["date"][first], "date_precision": ev["date_precision"][first],
        "label": labels.most_common(1)[0][0] if labels else "",
        "text": _text(ev["text"][rep]), "n_sources": len({dup.get(a, a) for a in arts}),
        "article_ids": arts,
        "outlets": sorted({str(outlet[a]) for a in arts if isinstance(outlet.get(a), str)}),
        "actor_ids": sorted(set().union(*(acts[i] for i in members))),
        "event_ids": [str(ev["event_id"][i]) for i in members], "n_events": len(members),
    }


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def merge(events: pd.DataFrame, articles: pd.DataFrame, data_dir: str | None = None) -> pd.DataFrame:
    """Corpus.timeline(): events of the same date with overlapping actors or key words, merged.

    Two events are joined when they share two key words, or an actor and a key word (an actor
    alone is too weak: nearly every event of a corpus on Ukraine mentions ``UA``).

    One row per merged event: ``date``, ``date_precision``, ``label``, ``text`` (a representative
    sentence: the one sharing most key words with the others), ``n_sources`` (distinct articles,
    exact duplicates counted once), ``article_ids``, ``outlets``, ``actor_ids``, ``event_ids``,
    ``n_events``; sorted by date, then by number of sources. Linear in the number of events.
    """
    from ..timeline import keywords

    if events is None or events.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS}).astype(
            {"n_sources": "int64", "n_events": "int64"})
    outlet, dup = _sources(articles)
    ev = events.reset_index(drop=True)
    cols = {c: ev[c].tolist() for c in ("article_id", "event_id", "date", "date_precision", "text", "label")}
    actor_ids = ev["actor_ids"].tolist()
    out = []
    for _, idx in sorted(ev.groupby(["date", "date_precision"]).indices.items()):
        idx = [int(i) for i in idx]
        kws = {i: keywords(_text(cols["text"][i]), data_dir) | keywords(_text(cols["label"][i]), data_dir)
               for i in idx}
        acts = {i: set(actor_ids[i] if actor_ids[i] is not None else []) for i in idx}
        out += [_merged(cols, members, kws, acts, outlet, dup) for members in _clusters(idx, kws, acts)]
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
