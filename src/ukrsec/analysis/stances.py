"""Stances across sources: the strongest stance each article reports, agreement and disagreement.

An article may report several stances of one actor on one commitment type (a refusal quoted, then
a new offer). It counts with its *strongest* stance: the most committal one, in the order
``pledged`` > ``considering`` > ``undecided`` > ``declined``; among equals the earlier row wins.
Sources *disagree* on an (actor, type) when their strongest stances differ.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from ..schema import STANCES
from .values import as_list, quantity_text

#: stance -> rank (0 = most committal); unknown stances rank last
STANCE_RANK: dict[str, int] = {s: i for i, s in enumerate(STANCES)}


def rank(stance: Any) -> int:
    """0 for ``pledged`` ... 3 for ``declined``; 9 for anything else."""
    return STANCE_RANK.get(str(stance), 9)


def by_strength(stances: Iterable[Any]) -> list[str]:
    """The distinct stances, most committal first."""
    return sorted({str(s) for s in stances}, key=rank)


def article_stances(article_ids: Iterable[Any], stances: Iterable[Any]) -> dict[str, str]:
    """``article_id -> strongest stance`` (articles in order of their first row)."""
    out: dict[str, str] = {}
    for a, st in zip(article_ids, stances, strict=True):
        a, st = str(a), str(st)
        if a not in out or rank(st) < rank(out[a]):
            out[a] = st
    return out


def _names(actors: pd.DataFrame | None) -> dict[str, Any]:
    if actors is None or actors.empty:
        return {}
    return dict(zip(actors["actor_id"].astype(str), actors["name"], strict=True))


def _quantities(g: pd.DataFrame) -> dict[str, list]:
    """``article_id -> [min, max, unit]`` of the first row of each article that gives a figure."""
    quants: dict[str, list] = {}
    cols = (g["article_id"], g["quantity_min"], g["quantity_max"], g["unit"])
    for a, qmin, qmax, unit in zip(*cols, strict=True):
        a = str(a)
        if a not in quants and not (pd.isna(qmin) and pd.isna(qmax)):
            quants[a] = [None if pd.isna(qmin) else float(qmin), None if pd.isna(qmax) else float(qmax),
                         None if pd.isna(unit) else str(unit)]
    return quants


COMPARE_COLUMNS = ["actor_id", "actor", "type", "n_articles", "stances", "outlets", "stance_set", "disagree",
                   "quantities", "quantity_disagree"]


def compare(commitments: pd.DataFrame, articles: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """For every (actor, type): the stance each article reports, and whether the sources disagree.

    Columns: ``actor_id``, ``actor`` (name), ``type``, ``n_articles``, ``stances`` (dict
    article_id -> stance; the most committal stance when an article reports several),
    ``outlets`` (dict article_id -> outlet), ``stance_set``, ``disagree`` (more than one stance
    across articles), ``quantities`` (dict article_id -> [min, max, unit]) and
    ``quantity_disagree`` (different figures for the same unit).
    """
    if commitments is None or commitments.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in COMPARE_COLUMNS})
    names = _names(actors)
    outlets = {}
    if articles is not None and not articles.empty and "outlet" in articles:
        outlets = {str(a): (None if pd.isna(o) else str(o))
                   for a, o in zip(articles["article_id"], articles["outlet"], strict=True)}
    out = []
    for (actor, typ), g in commitments.groupby(["actor_id", "type"], sort=True):
        stances = article_stances(g["article_id"], g["stance"])
        quants = _quantities(g)
        by_unit: dict[Any, set] = {}
        for q in quants.values():
            by_unit.setdefault(q[2], set()).add((q[0], q[1]))
        sset = by_strength(stances.values())
        out.append({
            "actor_id": actor, "actor": names.get(str(actor), actor), "type": typ, "n_articles": len(stances),
            "stances": stances, "outlets": {a: outlets.get(a) for a in stances}, "stance_set": sset,
            "disagree": len(sset) > 1, "quantities": quants,
            "quantity_disagree": any(len(v) > 1 for v in by_unit.values()),
        })
    return pd.DataFrame(out, columns=COMPARE_COLUMNS)


MATRIX_COLUMNS = ["actor_id", "actor", "type", "stance", "stances", "n", "n_articles", "agree", "conditions",
                  "quantity", "label"]


def stance_matrix(
    commitments: pd.DataFrame, names: dict[str, str], country: str | None = None, ctype: str | None = None
) -> pd.DataFrame:
    """One row per (actor, commitment type): the stance reported (``mixed`` when the articles'
    strongest stances differ), all stances seen, whether the articles agree, conditions and quantities."""
    cm = commitments
    if country:
        cm = cm[cm["actor_id"].astype(str) == str(country)]
    if ctype:
        cm = cm[cm["type"].astype(str) == str(ctype)]
    if not len(cm):
        return pd.DataFrame(columns=MATRIX_COLUMNS)
    rows = []
    for (aid, typ), g in cm.groupby([cm["actor_id"].astype(str), cm["type"].astype(str)], sort=True):
        per_article = article_stances(g["article_id"], g["stance"])
        stances = by_strength(g["stance"])
        conds = sorted({str(c) for v in g["conditions"] for c in as_list(v)})
        qty = "; ".join(dict.fromkeys(q for q in map(quantity_text, g["quantity_min"], g["quantity_max"],
                                                        g["unit"]) if q))
        agree = len(set(per_article.values())) <= 1
        rows.append({
            "actor_id": aid, "actor": names.get(aid, aid), "type": typ,
            "stance": stances[0] if agree else "mixed", "stances": ", ".join(stances), "n": len(g),
            "n_articles": len(per_article), "agree": bool(agree), "conditions": ", ".join(conds),
            "quantity": qty, "label": qty,
        })
    return pd.DataFrame(rows, columns=MATRIX_COLUMNS)


def agreement(commitments: pd.DataFrame, actor_id: str, ctype: str) -> str:
    """Whether the sources agree on one (actor, type): one article, agree, or disagree (with each
    article's strongest stance)."""
    cm = commitments
    cm = cm[(cm["actor_id"].astype(str) == str(actor_id)) & (cm["type"].astype(str) == str(ctype))]
    per_article = article_stances(cm["article_id"], cm["stance"])
    if len(per_article) <= 1:
        return "Only one article reports this."
    if len(set(per_article.values())) == 1:
        return f"Sources agree ({len(per_article)} articles)."
    return "Sources disagree: " + "; ".join(f"{a}: {s}" for a, s in sorted(per_article.items())) + "."
