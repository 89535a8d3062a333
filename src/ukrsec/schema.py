"""The tables of the data model (``shared/spec/data-model.md``): names, columns and dtypes.

Every stage returns frames built with :func:`empty` or :func:`frame`, so a table always has
its listed columns, even when no row was found.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

import pandas as pd

# column -> pandas dtype ("object" for lists and free values)
TABLES: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": "string",
        "source_path": "string",
        "outlet": "string",
        "published": "datetime64[ns]",
        "title": "string",
        "text": "string",
        "language": "string",
        "raw_text": "string",
        "url": "string",
        "date_hint": "datetime64[ns]",
        "n_words": "Int64",
        "n_sentences": "Int64",
        "content_hash": "string",
        "duplicate_of": "string",
        "similarity": "float64",
        "agency": "string",
        "published_precision": "string",
    },
    "sentences": {
        "article_id": "string",
        "sentence_id": "Int64",
        "start": "Int64",
        "end": "Int64",
        "text": "string",
    },
    "removed": {
        "article_id": "string",
        "line_start": "Int64",
        "line_end": "Int64",
        "raw_start": "Int64",
        "raw_end": "Int64",
        "reason": "string",
        "text": "string",
    },
    "actors": {
        "actor_id": "string",
        "name": "string",
        "type": "string",
        "country": "string",
        "role": "string",
        "linked": "boolean",
        "qid": "string",
        "kind": "string",
    },
    "mentions": {
        "article_id": "string",
        "sentence_id": "Int64",
        "start": "Int64",
        "end": "Int64",
        "surface": "string",
        "actor_id": "string",
        "mention_kind": "string",
        "role_text": "string",
    },
    "timexes": {
        "timex_id": "string",
        "article_id": "string",
        "sentence_id": "Int64",
        "start": "Int64",
        "end": "Int64",
        "text": "string",
        "type": "string",
        "value": "string",
        "anchor": "string",
        "kind": "string",
    },
    "events": {
        "event_id": "string",
        "article_id": "string",
        "sentence_id": "Int64",
        "start": "Int64",
        "end": "Int64",
        "date": "string",
        "date_precision": "string",
        "date_text": "string",
        "text": "string",
        "actor_ids": "object",
        "label": "string",
        "date_end": "string",
    },
    "commitments": {
        "commitment_id": "string",
        "article_id": "string",
        "sentence_id": "Int64",
        "start": "Int64",
        "end": "Int64",
        "actor_id": "string",
        "type": "string",
        "stance": "string",
        "conditions": "object",
        "conditions_stated": "object",
        "quantity_min": "float64",
        "quantity_max": "float64",
        "unit": "string",
        "quantity_text": "string",
        "approximate": "boolean",
        "evidence": "string",
        "cue": "string",
        "plover": "string",
        "date": "string",
        "date_source": "string",
    },
    "quotes": {
        "quote_id": "string",
        "article_id": "string",
        "sentence_id": "Int64",
        "start": "Int64",
        "end": "Int64",
        "quote": "string",
        "speaker_id": "string",
        "speaker_text": "string",
        "kind": "string",
    },
    "problems": {
        "source_path": "string",
        "problem": "string",
    },
}

#: commitment stances, most committal first (the data model's vocabulary)
STANCES: tuple[str, ...] = ("pledged", "considering", "undecided", "declined")

#: the tables ``Corpus.save`` writes, in order
TABLE_NAMES: tuple[str, ...] = tuple(TABLES)
#: columns that hold lists
LIST_COLUMNS: dict[str, tuple[str, ...]] = {
    "events": ("actor_ids",),
    "commitments": ("conditions", "conditions_stated"),
}


def empty(table: str) -> pd.DataFrame:
    """An empty frame with the columns and dtypes of ``table``."""
    cols = TABLES[table]
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in cols.items()})


def frame(table: str, rows: Iterable[Mapping[str, Any]] | pd.DataFrame) -> pd.DataFrame:
    """Build ``table`` from dict rows (or a frame): listed columns first, in order, with their dtypes.

    Extra keys are kept after the listed columns; missing ones are filled with NA.
    """
    df = rows.copy() if isinstance(rows, pd.DataFrame) else _from_rows(list(rows))
    if df.empty and not len(df.columns):
        return empty(table)
    cols = TABLES[table]
    for c in cols:
        if c not in df.columns:
            df[c] = None
    extra = [c for c in df.columns if c not in cols]
    order = list(cols) + extra
    if list(df.columns) != order:
        df = df[order]
    for c, t in cols.items():
        col = df[c]
        new = _column(col, t)
        if new is not col:  # a column that has its dtype already is left as it is
            df[c] = new
    index = df.index
    if isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1:
        return df
    return df.reset_index(drop=True)


def _from_rows(rows: list[Mapping[str, Any]]) -> pd.DataFrame:
    """The frame of dict rows; column by column when every row has the same keys in the same order
    (the frame ``pd.DataFrame(rows)`` builds, without reading the rows one by one)."""
    keys = list(rows[0]) if rows else []
    if rows and all(len(r) == len(keys) and list(r) == keys for r in rows):
        return pd.DataFrame({k: [r[k] for r in rows] for k in keys})
    return pd.DataFrame(rows)


def _as_list(v: Any) -> Any:
    return list(v) if isinstance(v, list | tuple) else ([] if v is None else v)


def _column(col: pd.Series, t: str) -> pd.Series:
    """``col`` with dtype ``t``: lists for ``object`` columns; unchanged when it has the dtype
    already (a batch's tables are framed in the worker and again in corpus order)."""
    if t == "object":
        if all(type(v) is list for v in col):
            return col
        return col.map(_as_list)
    if col.dtype == _dtype(t):
        return col
    if t.startswith("datetime"):
        return pd.to_datetime(col, errors="coerce", format="mixed").astype(t)
    return col.astype(t)


@cache
def _dtype(t: str) -> Any:
    return pd.api.types.pandas_dtype(t)


def check(table: str, df: pd.DataFrame) -> list[str]:
    """Names of the listed columns of ``table`` that ``df`` lacks."""
    return [c for c in TABLES[table] if c not in df.columns]
