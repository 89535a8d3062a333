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

    def unread_file(self, name: str) -> Path | None:
        """The file of table ``name`` while it has not been read (nor replaced) since opening."""
        return self.files.get(name) if name not in self._loaded else None

    def rows(self, name: str) -> int:
        """Rows of a table, without reading it when its file's footer says."""
        if name not in self._loaded and name in self.files:
            n = row_count(self.files[name])
            if n is not None:
                return n
        return len(self[name])


# --- writing ---------------------------------------------------------------------------------------

_ARROW_TYPES = {
    "string": "string",
    "Int64": "int64",
    "float64": "float64",
    "boolean": "bool",
    "datetime64[ns]": "timestamp[ns]",
}


def arrow_schema(name: str, df: pd.DataFrame) -> Any:
    """The Arrow schema of table ``name``: the data model's types, lists of strings for list columns;
    columns beyond the data model typed from ``df`` (strings when ``df`` says nothing)."""
    import pyarrow as pa

    fields = []
    for col in df.columns:
        dtype = schema.TABLES[name].get(col)
        if col in schema.LIST_COLUMNS.get(name, ()):
            fields.append(pa.field(col, pa.list_(pa.string())))
        elif dtype in _ARROW_TYPES:
            fields.append(pa.field(col, pa.type_for_alias(_ARROW_TYPES[dtype])))
        else:  # a column beyond the data model: let Arrow infer it
            typ = pa.Array.from_pandas(df[col]).type if len(df) else pa.string()
            fields.append(pa.field(col, pa.string() if pa.types.is_null(typ) else typ))
    return pa.schema(fields)


def to_arrow(name: str, df: pd.DataFrame, arrow: Any = None) -> Any:
    """``df`` as an Arrow table of schema ``arrow`` (default: :func:`arrow_schema`)."""
    import pyarrow as pa

    data = df.copy()
    for col in schema.LIST_COLUMNS.get(name, ()):
        if col in data:
            data[col] = data[col].map(lambda v: [str(x) for x in v] if isinstance(v, list | tuple) else [])
    arrow = arrow if arrow is not None else arrow_schema(name, df)
    return pa.Table.from_pandas(data, schema=arrow, preserve_index=False)


class TableWriter:
    """Tables written to ``out/<table>.parquet`` batch by batch, as they arrive (one row group a batch).

    Nothing is held in memory but the open files. Files grow under temporary names and are renamed
    into place by :meth:`close`, so a reader never sees half a table; :meth:`abort` removes them.
    """

    def __init__(self, out: str | Path) -> None:
        self.out = Path(out)
        self.out.mkdir(parents=True, exist_ok=True)
        self._writers: dict[str, Any] = {}
        self._schemas: dict[str, Any] = {}
        self.rows: dict[str, int] = {}

    def _tmp(self, name: str) -> Path:
        return self.out / f".{name}.parquet.tmp"

    def append(self, name: str, df: pd.DataFrame) -> None:
        """Add the rows of ``df`` (columns and order as in every earlier batch of ``name``)."""
        if df.empty:
            return
        import pyarrow.parquet as pq

        if name not in self._writers:
            self._schemas[name] = arrow_schema(name, df)
            self._writers[name] = pq.ParquetWriter(self._tmp(name), self._schemas[name])
        self._writers[name].write_table(to_arrow(name, df, self._schemas[name]))
        self.rows[name] = self.rows.get(name, 0) + len(df)

    def close(self, whole: dict[str, pd.DataFrame] | None = None) -> LazyTables:
        """Write the tables in ``whole`` at once, finish the streamed ones, write empty tables for the rest
        of the data model; returns the tables opened from ``out`` (``whole`` already in memory)."""
        import pyarrow.parquet as pq

        whole = whole or {}
        for writer in self._writers.values():
            writer.close()
        for name in schema.TABLE_NAMES:
            if name in whole or name not in self._writers:
                df = whole.get(name, schema.empty(name))
                pq.write_table(to_arrow(name, df), self._tmp(name))
            self._tmp(name).replace(self.out / f"{name}.parquet")
        self._writers.clear()
        tables = LazyTables(self.out)
        for name, df in whole.items():
            tables[name] = df
        return tables

    def abort(self) -> None:
        """Close and delete the unfinished files."""
        for name, writer in self._writers.items():
            writer.close()
            self._tmp(name).unlink(missing_ok=True)
        self._writers.clear()
