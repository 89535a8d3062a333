"""Small value helpers shared by the analyses and the notebook helpers (lists, quantities, days, labels)."""

from __future__ import annotations

from typing import Any

import pandas as pd


def as_list(v: Any) -> list:
    """A list cell as a list: ``[]`` for None/NA, ``[v]`` for a string or scalar, else ``list(v)``."""
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return []
    if isinstance(v, str):
        return [v]
    try:
        return list(v)
    except TypeError:
        return [v]


def quantity_text(lo: Any, hi: Any, unit: Any) -> str:
    """``15,000–30,000 soldiers``, ``90 bn EUR``, ``5,000``; '' when there is no figure."""

    def fmt(x: float) -> str:
        return f"{x:,.0f}" if abs(x) < 1e9 else f"{x / 1e9:,.0f} bn"

    unit = "" if pd.isna(unit) else f" {unit}"
    if pd.notna(lo) and pd.notna(hi) and lo != hi:
        return f"{fmt(lo)}–{fmt(hi)}{unit}"
    if pd.notna(lo) or pd.notna(hi):
        return f"{fmt(lo if pd.notna(lo) else hi)}{unit}"
    return ""


def first_day(date: Any) -> str:
    """``YYYY-MM-DD`` for ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (first day of the period); '' if unknown."""
    s = str(date).strip() if date is not None and not (isinstance(date, float) and pd.isna(date)) else ""
    if not s or s in ("<NA>", "NaT", "nan"):
        return ""
    s = s[:10]
    parts = s.split("-")
    if len(parts) == 1 and len(parts[0]) == 4:
        return f"{parts[0]}-01-01"
    if len(parts) == 2:
        return f"{parts[0]}-{parts[1]}-01"
    return s


def outlet_labels(articles: pd.DataFrame) -> pd.Series:
    """Outlet per article id; an article whose outlet is unknown is its own source ``[article_id]``."""
    lab = [
        str(o) if pd.notna(o) and str(o).strip() else f"[{aid}]"
        for o, aid in zip(articles["outlet"], articles["article_id"], strict=True)
    ]
    return pd.Series(lab, index=articles["article_id"].astype(str), dtype=object)


def day_strings(articles: pd.DataFrame) -> pd.Series:
    """Publication day (``YYYY-MM-DD`` or empty) per article id: no time, no zone."""
    days = [ts.strftime("%Y-%m-%d") if pd.notna(ts) else "" for ts in articles["published"]]
    return pd.Series(days, index=articles["article_id"].astype(str), dtype=object)


def actor_names(actors: pd.DataFrame) -> dict[str, str]:
    """``actor_id -> name`` (the id itself when the name is missing)."""
    return {
        str(i): (str(n) if pd.notna(n) else str(i))
        for i, n in zip(actors["actor_id"], actors["name"], strict=True)
    }
