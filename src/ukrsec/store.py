"""SQL over saved tables: a DuckDB connection with one view per table.

>>> con = ukrsec.store.connect("tables/")           # written by ``ukrsec parse`` or ``Corpus.save``
>>> con.sql("SELECT a.outlet, count(*) FROM mentions m JOIN articles a USING (article_id) GROUP BY 1").df()

The views read the Parquet (or CSV) files in place: nothing is copied, and DuckDB only reads the
columns a query needs, so this scales to corpora whose tables do not fit comfortably in pandas.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import schema

if TYPE_CHECKING:  # pandas is imported by the functions that need it
    import pandas as pd


def table_files(path: str | Path) -> dict[str, Path]:
    """Saved table files under ``path``, by table name (Parquet preferred over CSV)."""
    path = Path(path)
    found: dict[str, Path] = {}
    for name in schema.TABLE_NAMES:
        for ext in ("parquet", "csv"):
            f = path / f"{name}.{ext}"
            if f.exists():
                found[name] = f
                break
    return found


def _quote(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def connect(path: str | Path, database: str = ":memory:", **kwargs: Any) -> Any:
    """A ``duckdb`` connection with views ``articles``, ``sentences``, ``mentions``, ``actors``, ``events``,
    ``commitments``, ``quotes``, ``removed`` and ``problems`` over the tables saved in ``path``.

    ``database`` and ``kwargs`` go to :func:`duckdb.connect`. Raises ``FileNotFoundError`` when ``path``
    holds no saved tables.
    """
    import duckdb

    files = table_files(path)
    if not files:
        raise FileNotFoundError(f"no saved tables (articles.parquet, … or .csv) in {path}")
    con = duckdb.connect(database, **kwargs)
    for name, f in files.items():
        src = f"read_parquet({_quote(str(f))})" if f.suffix == ".parquet" else \
            f"read_csv_auto({_quote(str(f))}, header=true)"
        con.execute(f'CREATE OR REPLACE VIEW "{name}" AS SELECT * FROM {src}')
    return con


def read_table(name: str, f: Path) -> pd.DataFrame:
    """One saved table (Parquet or CSV) with the data model's columns and dtypes."""
    import pandas as pd

    if f.suffix == ".parquet":
        df = pd.read_parquet(f)
    else:
        df = pd.read_csv(f, keep_default_na=True)
        for col in schema.LIST_COLUMNS.get(name, ()):
            if col in df:
                df[col] = df[col].map(lambda v: json.loads(v) if isinstance(v, str) else [])
    for col in schema.LIST_COLUMNS.get(name, ()):
        if col in df:
            df[col] = [[] if v is None or isinstance(v, float) else list(v) for v in df[col]]
    return schema.frame(name, df) if len(df) else schema.empty(name)


def row_count(f: Path) -> int | None:
    """Rows of a saved Parquet table from its footer (None for CSV)."""
    if f.suffix != ".parquet":
        return None
    import pyarrow.parquet as pq

    return pq.ParquetFile(f).metadata.num_rows


class LazyTables(MutableMapping):
    """Saved tables by name, each read from its file on first access (opening a corpus reads nothing).

    Tables that were not saved are empty tables of the data model; a table set by assignment
    replaces the file's.
    """

    def __init__(self, path: str | Path) -> None:
        self.files = table_files(path)
        self._loaded: dict[str, Any] = {}

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._loaded:
            if name in self.files:
                self._loaded[name] = read_table(name, self.files[name])
            elif name in schema.TABLES:
                self._loaded[name] = schema.empty(name)
            else:
                raise KeyError(name)
        return self._loaded[name]

    def __setitem__(self, name: str, df: Any) -> None:
        self._loaded[name] = df

    def __delitem__(self, name: str) -> None:
        self._loaded.pop(name, None)
        self.files.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*schema.TABLE_NAMES, *self.files, *self._loaded]))

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def rows(self, name: str) -> int:
        """Rows of a table, without reading it when its file's footer says."""
        if name not in self._loaded and name in self.files:
            n = row_count(self.files[name])
            if n is not None:
                return n
        return len(self[name])
