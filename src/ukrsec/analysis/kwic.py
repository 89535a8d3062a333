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
    columns = zip(articles["article_id"].tolist(), articles["text"].tolist(), _column(articles, "outlet"),
                  _column(articles, "published"), strict=True)
    meta = {str(aid): (text if isinstance(text, str) else "", outlet, published)
            for aid, text, outlet, published in columns}
    kinds = m["mention_kind"].tolist() if "mention_kind" in m.columns else [None] * len(m)
    rows = []
    for aid, sid, s, e, kind in zip(m["article_id"].tolist(), m["sentence_id"].tolist(), m["start"].tolist(),
                                    m["end"].tolist(), kinds, strict=True):
        aid = str(aid)
        if aid not in meta:
            continue
        text, outlet, published = meta[aid]
        left, match, right = _context(text, int(s), int(e), width, compact)
        rows.append({"article_id": aid, "sentence_id": sid, "outlet": outlet, "published": published,
                     "left": left, "match": match, "right": right, "mention_kind": kind})
    return pd.DataFrame(rows, columns=COLUMNS)


def _column(df: pd.DataFrame, name: str) -> list:
    return df[name].tolist() if name in df.columns else [None] * len(df)


def _context(text: str, s: int, e: int, width: int, compact: bool) -> tuple[str, str, str]:
    """``width`` characters left and right of ``text[s:e]``, padded or (``compact``) collapsed."""
    left, right = text[max(0, s - width) : s], text[e : e + width]
    if compact:
        left = ("…" if s > width else "") + " ".join(left.split())
        right = " ".join(right.split()) + ("…" if e + width < len(text) else "")
    else:
        left = left.replace("\n", " ").rjust(width)
        right = right.replace("\n", " ").ljust(width)
    return left, text[s:e], right
