"""Stage ``timeline``: dated events with relative dates resolved."""

from __future__ import annotations

import pandas as pd

from . import schema


def extract(articles: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame,
            data_dir: str | None = None) -> pd.DataFrame:
    """The ``events`` table. (Filled by the timeline issue.)"""
    return schema.empty("events")
