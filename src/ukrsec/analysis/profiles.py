"""Actor profiles: where and how one actor is mentioned, article by article."""

from __future__ import annotations

import pandas as pd

COLUMNS = [
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


def _actor_name(actors: pd.DataFrame | None, actor_id: str) -> object:
    if actors is None or actors.empty:
        return None
    r = actors[actors["actor_id"].astype(str) == str(actor_id)]
    return None if r.empty else r.iloc[0]["name"]


def _per_article(m: pd.DataFrame) -> list[tuple[object, dict[str, list]]]:
    """The mentions ``m`` grouped by article (in order of first mention), each as lists per column."""
    groups: dict[object, dict[str, list]] = {}
    cols = ("role_text", "mention_kind", "surface", "sentence_id")
    for aid, *values in zip(m["article_id"].tolist(), *(m[c].tolist() for c in cols), strict=True):
        g = groups.setdefault(aid, {c: [] for c in cols})
        for c, v in zip(cols, values, strict=True):
            g[c].append(v)
    return list(groups.items())


def _present(values: list) -> list:
    return [v for v in values if v is not None and v is not pd.NA and not (isinstance(v, float) and v != v)]


def _seen(g: dict[str, list]) -> dict[str, object]:
    """What one article's mentions of an actor show: count, kinds, roles, surfaces, first/last sentence."""
    roles = sorted({str(x) for x in _present(g["role_text"]) if str(x)})
    sentences = _present(g["sentence_id"])
    return {
        "mentions": len(g["surface"]),
        "mention_kinds": ", ".join(sorted({str(x) for x in _present(g["mention_kind"])})),
        "roles": "; ".join(roles) if roles else None,
        "surfaces": ", ".join(sorted({str(x) for x in g["surface"]})),
        "first_sentence": min(sentences) if sentences else pd.NA,
        "last_sentence": max(sentences) if sentences else pd.NA,
    }


def profile(
    mentions: pd.DataFrame, articles: pd.DataFrame, actors: pd.DataFrame, actor_id: str
) -> pd.DataFrame:
    """One row per article that mentions ``actor_id``: outlet, published, ``mentions`` (count), the
    mention kinds and role texts seen, the first and last sentence, and the actor's overall first
    and last publication date (``first_date``, ``last_date``, repeated on every row)."""
    if mentions is None or mentions.empty:
        return pd.DataFrame(columns=COLUMNS)
    m = mentions[mentions["actor_id"].astype(str) == str(actor_id)]
    if m.empty:
        return pd.DataFrame(columns=COLUMNS)
    name = _actor_name(actors, actor_id)
    rows = [{"actor_id": actor_id, "name": name, "article_id": aid, **_seen(g)} for aid, g in _per_article(m)]
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
    return out[COLUMNS].reset_index(drop=True)
