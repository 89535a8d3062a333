"""SQL over saved tables: a DuckDB connection with one view per table.

>>> con = ukrsec.store.connect("tables/")           # written by ``ukrsec parse`` or ``Corpus.save``
>>> con.sql("SELECT a.outlet, count(*) FROM mentions m JOIN articles a USING (article_id) GROUP BY 1").df()

The views read the Parquet (or CSV) files in place: nothing is copied, and DuckDB only reads the
columns a query needs, so this scales to corpora whose tables do not fit comfortably in pandas.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import schema


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
