"""Stage ``commitments``: who pledges, considers, leaves open or refuses which kind of support."""

from __future__ import annotations

import pandas as pd

from . import schema


def extract(articles: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame,
            actors: pd.DataFrame, data_dir: str | None = None) -> pd.DataFrame:
    """The ``commitments`` table. (Filled by the commitments issue.)"""
    return schema.empty("commitments")
