"""Notebook helpers over the actors tables: per-article profile of an actor, co-occurrence of actors,
keyword in context (to move to ``ukrsec.analysis``)."""

from __future__ import annotations

import math
from collections import Counter
from itertools import combinations

import pandas as pd


def profile(
    mentions: pd.DataFrame, articles: pd.DataFrame, actors: pd.DataFrame, actor_id: str
) -> pd.DataFrame:
    """One row per article that mentions ``actor_id``: outlet, published, ``mentions`` (count), the
    mention kinds and role texts seen, the first and last sentence, and the actor's overall first
    and last publication date (``first_date``, ``last_date``, repeated on every row)."""
    cols = [
        "actor_id",
        "name",
        "article_id",
        "outlet",
        "published",
        "title",
        "mentions",
        "mention_kinds",
        "roles",
        "surfaces",
        "first_sentence",
        "last_sentence",
        "first_date",
        "last_date",
    ]
    if mentions is None or mentions.empty:
        return pd.DataFrame(columns=cols)
    m = mentions[mentions["actor_id"].astype(str) == str(actor_id)]
    if m.empty:
        return pd.DataFrame(columns=cols)
    name = None
    if actors is not None and not actors.empty:
        r = actors[actors["actor_id"].astype(str) == str(actor_id)]
        if not r.empty:
            name = r.iloc[0]["name"]
    rows = []
    for aid, g in m.groupby("article_id", sort=False):
        roles = sorted({str(x) for x in g["role_text"].dropna() if str(x)})
        rows.append(
            {
                "actor_id": actor_id,
                "name": name,
                "article_id": aid,
                "mentions": len(g),
                "mention_kinds": ", ".join(sorted(set(g["mention_kind"].dropna().astype(str)))),
                "roles": "; ".join(roles) if roles else None,
                "surfaces": ", ".join(sorted(set(g["surface"].astype(str)))),
                "first_sentence": g["sentence_id"].min(),
                "last_sentence": g["sentence_id"].max(),
            }
        )
    out = pd.DataFrame(rows)
    meta_cols = [
        c for c in ("article_id", "outlet", "published", "title") if articles is not None and c in articles
    ]
    if meta_cols and "article_id" in meta_cols:
        meta = articles[meta_cols].copy()
        meta["article_id"] = meta["article_id"].astype(str)
        out["article_id"] = out["article_id"].astype(str)
        out = out.merge(meta, on="article_id", how="left")
    for c in ("outlet", "published", "title"):
        if c not in out:
            out[c] = None
    pub = pd.to_datetime(out["published"], errors="coerce")
    out["first_date"] = pub.min()
    out["last_date"] = pub.max()
    out = out.assign(_p=pub).sort_values(["_p", "article_id"], na_position="last").drop(columns="_p")
    return out[cols].reset_index(drop=True)


def cooccurrence(mentions: pd.DataFrame, window: str = "sentence", normalize: bool = False) -> pd.DataFrame:
    """Pairs of actors mentioned in the same sentence (``window="sentence"``) or article
    (``"article"``): ``actor_a``, ``actor_b`` (a < b), ``count`` (number of windows with both).
    With ``normalize=True`` also ``n_a``, ``n_b`` (windows with each), ``jaccard`` and ``pmi``
    (log2 of observed over expected co-occurrence, over all windows)."""
    if window not in ("sentence", "article"):
        raise ValueError("window must be 'sentence' or 'article'")
    cols = ["actor_a", "actor_b", "count"] + (["n_a", "n_b", "jaccard", "pmi"] if normalize else [])
    if mentions is None or mentions.empty:
        return pd.DataFrame(columns=cols)
    keys = ["article_id", "sentence_id"] if window == "sentence" else ["article_id"]
    m = mentions.dropna(subset=["actor_id"])
    if window == "sentence":
        m = m.dropna(subset=["sentence_id"])
    groups = m.groupby(keys, sort=False)["actor_id"].agg(lambda s: sorted(set(s.astype(str))))
    pair_counts: Counter = Counter()
    single: Counter = Counter()
    for ids in groups:
        single.update(ids)
        pair_counts.update(combinations(ids, 2))
    n_windows = len(groups)
    rows = []
    for (a, b), c in pair_counts.items():
        r = {"actor_a": a, "actor_b": b, "count": c}
        if normalize:
            na, nb = single[a], single[b]
            r.update(
                n_a=na,
                n_b=nb,
                jaccard=c / (na + nb - c) if na + nb - c else 0.0,
                pmi=math.log2(c * n_windows / (na * nb)) if na and nb and n_windows else 0.0,
            )
        rows.append(r)
    if not rows:
        return pd.DataFrame(columns=cols)
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["count", "actor_a", "actor_b"], ascending=[False, True, True]).reset_index(
        drop=True
    )


def kwic(articles: pd.DataFrame, mentions: pd.DataFrame, actor_id: str, width: int = 60) -> pd.DataFrame:
    """Keyword in context: one row per mention of ``actor_id`` with ``width`` characters of text
    left and right (line breaks as spaces): article_id, sentence_id, outlet, published, left, match,
    right, mention_kind."""
    cols = ["article_id", "sentence_id", "outlet", "published", "left", "match", "right", "mention_kind"]
    if mentions is None or mentions.empty or articles is None or articles.empty:
        return pd.DataFrame(columns=cols)
    m = mentions[mentions["actor_id"].astype(str) == str(actor_id)]
    if m.empty:
        return pd.DataFrame(columns=cols)
    arts = articles.set_index(articles["article_id"].astype(str))
    rows = []
    for r in m.itertuples(index=False):
        aid = str(r.article_id)
        if aid not in arts.index:
            continue
        a = arts.loc[aid]
        text = a["text"] if isinstance(a["text"], str) else ""
        s, e = int(r.start), int(r.end)
        left = text[max(0, s - width) : s].replace("\n", " ")
        right = text[e : e + width].replace("\n", " ")
        rows.append(
            {
                "article_id": aid,
                "sentence_id": r.sentence_id,
                "outlet": a.get("outlet"),
                "published": a.get("published"),
                "left": left.rjust(width),
                "match": text[s:e],
                "right": right.ljust(width),
                "mention_kind": r.mention_kind,
            }
        )
    return pd.DataFrame(rows, columns=cols)
