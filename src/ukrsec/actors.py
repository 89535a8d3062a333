"""Stage ``actors``: mentions of states, people and organizations, resolved to canonical actors."""

from __future__ import annotations

import pandas as pd

from . import schema


def extract(articles: pd.DataFrame, sentences: pd.DataFrame,
            data_dir: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(mentions, actors)`` for the articles. (Filled by the actors issue.)"""
    return schema.empty("mentions"), schema.empty("actors")
