"""Tables of articles: CSV, TSV and Parquet files (exports of Media Cloud, GDELT-based tools, news APIs)
and pandas DataFrames, one row per article.

Which column holds what is the user's mapping (``--text-col`` ..., ``load_corpus(df, text="body")``),
else the first default name present (``data/columns.yaml``). A column the user named that the table
lacks is a :class:`~ukrsec.load.base.ColumnError` naming the file and the column; a row without text
is a problem naming the file and the row (rows count from 1, the header not included).
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from typing import Any

from .base import ColumnError, LoadError, RawDoc, decode_bytes, safe_str
from .records import default_names, record_doc, resolve

TABLE_EXT = {".csv", ".tsv", ".parquet"}


def read_table_bytes(data: bytes, ext: str, stem: str, shown: str, override: dict[str, Any],
                     given: Mapping[str, str], max_bytes: int) -> tuple[list[RawDoc], list[str]]:
    """Documents (with proposed ids) of a CSV, TSV or Parquet file and problems with its rows."""
    frame = _frame(data, ext)
    cols = resolve(list(frame.columns), given, shown, strict=True)
    if "text" not in cols:
        names = ", ".join(map(str, frame.columns)) or "(none)"
        raise LoadError(f"no text column: none of {', '.join(default_names()['text'])}; its columns are: "
                        f"{names} (name one with --text-col or text=)")
    return rows_to_docs(_records(frame), cols, stem, shown, override, max_bytes, "table")


def _frame(data: bytes, ext: str) -> Any:
    """The table in ``data`` as a DataFrame of the file's values (CSV: all strings)."""
    import pandas as pd

    if not data:
        raise LoadError("empty file")
    if ext == ".parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        try:
            return pq.read_table(io.BytesIO(data)).to_pandas()
        except (pa.ArrowException, OSError, ValueError) as e:
            raise LoadError(f"not a readable Parquet file ({e})") from e
    text = decode_bytes(data)
    try:
        return pd.read_csv(io.StringIO(text), sep="\t" if ext == ".tsv" else ",", dtype=str,
                           keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, UnicodeError) as e:
        kind = "TSV" if ext == ".tsv" else "CSV"
        raise LoadError(f"not a readable {kind} table ({str(e).strip().splitlines()[0] if str(e) else e})"
                        ) from e


def _records(frame: Any) -> Iterator[dict[str, Any]]:
    cols = list(frame.columns)
    for values in frame.itertuples(index=False, name=None):
        yield dict(zip(cols, values, strict=True))


def rows_to_docs(rows: Iterator[Mapping[str, Any]], cols: Mapping[str, str], stem: str, shown: str,
                 override: dict[str, Any], max_bytes: int, fmt: str) -> tuple[list[RawDoc], list[str]]:
    """One document per row with text (proposed id: the id column, else ``<stem>-<row>``); problems for
    rows without text, with a text over ``max_bytes``, or with unusable fields."""
    docs: list[RawDoc] = []
    problems: list[str] = []
    n = 0
    for n, rec in enumerate(rows, 1):
        where = f"row {n}"
        try:
            body, rid, meta, notes = record_doc(rec, cols, where, f"{safe_str(stem)}-{n}", noun="column")
        except LoadError as e:
            problems.append(str(e))
            continue
        if len(body.encode("utf-8")) > max_bytes:
            problems.append(f"{where}: text is over the size limit of {max_bytes:,} bytes "
                            "(raise it with max_bytes= or --max-bytes)")
            continue
        problems += notes
        meta.update(override)
        docs.append(RawDoc(rid, f"{shown}#{n}", body, fmt, meta))
    if n == 0:
        raise LoadError("table has no rows")
    return docs, problems


def frame_docs(frame: Any, given: Mapping[str, str], max_bytes: int, name: str = "DataFrame"
               ) -> tuple[list[RawDoc], list[dict[str, str]]]:
    """Documents and problem rows of a pandas DataFrame (one row per article); ids ``df-<row>`` unless an
    id column is there. A column named in ``given`` that the frame lacks raises ColumnError."""
    cols = resolve([str(c) for c in frame.columns], given, name, strict=True)
    if "text" not in cols:
        names = ", ".join(map(str, frame.columns)) or "(none)"
        raise ColumnError(f"{name}: no text column: none of {', '.join(default_names()['text'])}; "
                          f"its columns are: {names} (name one with text=)")
    if frame.empty:
        return [], [{"source_path": name, "problem": "table has no rows"}]
    renamed = frame.rename(columns=str)
    docs, notes = rows_to_docs(_records(renamed), cols, "df", name, {}, max_bytes, "table")
    return docs, [{"source_path": name, "problem": m} for m in notes]
