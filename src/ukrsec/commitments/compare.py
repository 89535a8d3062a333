"""Across sources: for each (actor, type), what every article reports and whether they disagree."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .lexicon import STANCES


def compare(commitments: pd.DataFrame, articles: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """For every (actor, type): the stance each article reports, and whether the sources disagree.

    Columns: ``actor_id``, ``actor`` (name), ``type``, ``n_articles``, ``stances`` (dict
    article_id -> stance; the most committal stance when an article reports several),
    ``outlets`` (dict article_id -> outlet), ``stance_set``, ``disagree`` (more than one stance
    across articles), ``quantities`` (dict article_id -> [min, max, unit]) and
    ``quantity_disagree`` (different figures for the same unit).
    """
    cols = ["actor_id", "actor", "type", "n_articles", "stances", "outlets", "stance_set", "disagree",
            "quantities", "quantity_disagree"]
    if commitments is None or commitments.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    names = {}
    if actors is not None and not actors.empty:
        names = dict(zip(actors["actor_id"].astype(str), actors["name"], strict=True))
    outlets = {}
    if articles is not None and not articles.empty and "outlet" in articles:
        outlets = {str(a): (None if pd.isna(o) else str(o))
                   for a, o in zip(articles["article_id"], articles["outlet"], strict=True)}
    rank = {s: i for i, s in enumerate(STANCES)}
    out = []
    for (actor, typ), g in commitments.groupby(["actor_id", "type"], sort=True):
        stances: dict[str, str] = {}
        quants: dict[str, list] = {}
        for r in g.itertuples(index=False):
            a = str(r.article_id)
            st = str(r.stance)
            if a not in stances or rank.get(st, 9) < rank.get(stances[a], 9):
                stances[a] = st
            qmin, qmax = r.quantity_min, r.quantity_max
            if a not in quants and not (pd.isna(qmin) and pd.isna(qmax)):
                quants[a] = [None if pd.isna(qmin) else float(qmin), None if pd.isna(qmax) else float(qmax),
                             None if pd.isna(r.unit) else str(r.unit)]
        by_unit: dict[Any, set] = {}
        for q in quants.values():
            by_unit.setdefault(q[2], set()).add((q[0], q[1]))
        sset = sorted(set(stances.values()), key=lambda s: rank.get(s, 9))
        out.append({
            "actor_id": actor, "actor": names.get(str(actor), actor), "type": typ, "n_articles": len(stances),
            "stances": stances, "outlets": {a: outlets.get(a) for a in stances}, "stance_set": sset,
            "disagree": len(sset) > 1, "quantities": quants,
            "quantity_disagree": any(len(v) > 1 for v in by_unit.values()),
        })
    return pd.DataFrame(out, columns=cols)
