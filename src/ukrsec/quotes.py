"""Stage ``quotes``: direct and indirect quotations with their speakers."""

from __future__ import annotations

import pandas as pd

from . import schema


def extract(articles: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame,
            actors: pd.DataFrame, data_dir: str | None = None) -> pd.DataFrame:
    """The ``quotes`` table. (Filled by the quotes issue.)"""
    return schema.empty("quotes")
