"""Keyword in context: the text around every mention of one actor."""

from __future__ import annotations

import pandas as pd

COLUMNS = ["article_id", "sentence_id", "outlet", "published", "left", "match", "right", "mention_kind"]


def kwic(
    articles: pd.DataFrame, mentions: pd.DataFrame, actor_id: str, width: int = 60, *, compact: bool = False
) -> pd.DataFrame:
    """One row per mention of ``actor_id`` with ``width`` characters of text left and right.

    Columns: article_id, sentence_id, outlet, published, left, match, right, mention_kind.
    By default the contexts keep their characters (line breaks as spaces) and are padded to ``width``
    (``left`` right-aligned), in the order of ``mentions``. ``compact=True`` is the reading view: runs
    of white space collapsed, ``…`` where the context was cut, no padding, rows in text order
    (article id, offset). Mentions of articles not in ``articles`` are left out.
    """
    if mentions is None or mentions.empty or articles is None or articles.empty:
        return pd.DataFrame(columns=COLUMNS)
    m = mentions[mentions["actor_id"].astype(str) == str(actor_id)]
    if m.empty:
        return pd.DataFrame(columns=COLUMNS)
    if compact:
        m = m.sort_values(["article_id", "start"])
    arts = articles.set_index(articles["article_id"].astype(str))
    rows = []
    for r in m.itertuples(index=False):
        aid = str(r.article_id)
        if aid not in arts.index:
            continue
        a = arts.loc[aid]
        text = a["text"] if isinstance(a["text"], str) else ""
        s, e = int(r.start), int(r.end)
        left, right = text[max(0, s - width) : s], text[e : e + width]
        if compact:
            left = ("…" if s > width else "") + " ".join(left.split())
            right = " ".join(right.split()) + ("…" if e + width < len(text) else "")
        else:
            left = left.replace("\n", " ").rjust(width)
            right = right.replace("\n", " ").ljust(width)
        rows.append(
            {
                "article_id": aid,
                "sentence_id": r.sentence_id,
                "outlet": a.get("outlet"),
                "published": a.get("published"),
                "left": left,
                "match": text[s:e],
                "right": right,
                "mention_kind": getattr(r, "mention_kind", None),
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)
