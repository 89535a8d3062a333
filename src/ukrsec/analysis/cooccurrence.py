"""Which actors are named together: pair counts per sentence or article window."""

from __future__ import annotations

import math
from collections import Counter
from itertools import combinations

import pandas as pd

_WINDOW_KEYS = {"sentence": ["article_id", "sentence_id"], "article": ["article_id"]}
_COLS = ["actor_a", "actor_b", "count"]
_NORMALIZED = ["n_a", "n_b", "jaccard", "pmi"]


def cooccurrence(mentions: pd.DataFrame, window: str = "sentence", normalize: bool = False) -> pd.DataFrame:
    """Pairs of actors mentioned in the same sentence (``window="sentence"``) or article
    (``"article"``): ``actor_a``, ``actor_b`` (a < b), ``count`` (number of windows with both).
    With ``normalize=True`` also ``n_a``, ``n_b`` (windows with each), ``jaccard`` and ``pmi``
    (log2 of observed over expected co-occurrence, over all windows). Sorted by count, then ids."""
    if window not in _WINDOW_KEYS:
        raise ValueError(f"window must be 'sentence' or 'article', not {window!r}")
    cols = _COLS + (_NORMALIZED if normalize else [])
    if mentions is None or mentions.empty:
        return pd.DataFrame(columns=cols)
    groups = _windows(mentions, _WINDOW_KEYS[window])
    pair_counts: Counter = Counter()
    single: Counter = Counter()
    for ids in groups:
        single.update(ids)
        pair_counts.update(combinations(ids, 2))
    rows = []
    for (a, b), c in pair_counts.items():
        r = {"actor_a": a, "actor_b": b, "count": c}
        if normalize:
            r.update(_association(c, single[a], single[b], len(groups)))
        rows.append(r)
    if not rows:
        return pd.DataFrame(columns=cols)
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["count", "actor_a", "actor_b"], ascending=[False, True, True]).reset_index(
        drop=True
    )


def _windows(mentions: pd.DataFrame, keys: list[str]) -> list[list[str]]:
    """The sorted actor ids of each window (the rows of one value of ``keys``), in order of first
    mention; mentions without an actor (or a sentence, for sentence windows) left out."""
    m = mentions.dropna(subset=["actor_id", *keys[1:]])
    windows: dict[tuple, set[str]] = {}
    for *key, actor in zip(*(m[k].tolist() for k in keys), m["actor_id"].astype(str).tolist(), strict=True):
        windows.setdefault(tuple(key), set()).add(actor)
    return [sorted(ids) for ids in windows.values()]


def _association(c: int, na: int, nb: int, n_windows: int) -> dict[str, float]:
    """``n_a``, ``n_b``, Jaccard and PMI of a pair seen together in ``c`` of ``n_windows`` windows."""
    return {
        "n_a": na,
        "n_b": nb,
        "jaccard": c / (na + nb - c) if na + nb - c else 0.0,
        "pmi": math.log2(c * n_windows / (na * nb)) if na and nb and n_windows else 0.0,
    }


def symmetric_pairs(pairs: pd.DataFrame, keep: list[str], names: dict[str, str]) -> pd.DataFrame:
    """Pairs of :func:`cooccurrence` among the actors ``keep``, both ways round (a heatmap's cells):
    ``a, b, a_name, b_name, count`` sorted by ``a, b``."""
    cols = ["a", "b", "a_name", "b_name", "count"]
    kept = set(keep)
    p = pairs[pairs["actor_a"].isin(kept) & pairs["actor_b"].isin(kept)]
    if not len(p):
        return pd.DataFrame(columns=cols)
    df = pd.concat(
        [
            pd.DataFrame({"a": p["actor_a"], "b": p["actor_b"], "count": p["count"]}),
            pd.DataFrame({"a": p["actor_b"], "b": p["actor_a"], "count": p["count"]}),
        ],
        ignore_index=True,
    )
    df["a_name"] = df["a"].map(lambda i: names.get(i, i))
    df["b_name"] = df["b"].map(lambda i: names.get(i, i))
    return df[cols].sort_values(["a", "b"]).reset_index(drop=True)
