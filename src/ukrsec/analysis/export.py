"""Exports for other tools: analysis tables as CSV or Parquet, commitments as PLOVER-style JSON lines.

- :func:`write_table` writes a frame of :mod:`.positions` (lists and dicts in cells) so that other
  tools read it: in CSV lists and dicts are JSON; in Parquet lists are lists of strings and dicts
  JSON strings. Written under a temporary name and renamed.
- :func:`plover_records` turns commitments into event records in the manner of PLOVER (the Political
  Language Ontology for Verifiable Event Records): ``event_type`` from the stance through the
  PLOVER mapping (``data/commitments/plover.yaml``, already in ``commitments.plover``), ``mode`` the
  commitment type, ``actor`` and ``recipient`` (``data/export.yaml``), ``event_date`` the
  commitment's date, ``source`` the outlet, and the evidence sentence. A stance without a PLOVER
  event type (``undecided``) is no event and is left out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from .values import actor_names, as_list, outlet_labels

FORMATS = ("csv", "parquet")


def _config(data_dir: str | None = None) -> dict[str, Any]:
    from ..text import lexicon as lx

    schema = lx.Keys({"plover": lx.Keys({"recipient": str})})
    return lx.load("export.yaml", schema, data_dir)


def _cell_kind(s: pd.Series) -> str | None:
    """``list`` or ``dict`` when the column holds such cells, else None."""
    for v in s:
        if isinstance(v, dict):
            return "dict"
        if isinstance(v, list | tuple):
            return "list"
    return None


def _to_arrow(df: pd.DataFrame, kinds: dict[str, str | None]) -> Any:
    import pyarrow as pa

    cols = {}
    for c in df.columns:
        if kinds[c] == "list":
            cols[c] = pa.array([[str(x) for x in as_list(v)] for v in df[c]], type=pa.list_(pa.string()))
        elif kinds[c] == "dict":
            cols[c] = pa.array([json.dumps(v, ensure_ascii=False) for v in df[c]], type=pa.string())
        else:
            cols[c] = pa.Array.from_pandas(df[c]) if len(df) else pa.array([], type=pa.string())
    return pa.table(cols)


def write_table(df: pd.DataFrame, path: str | Path, fmt: str = "parquet") -> Path:
    """Write ``df`` to ``path`` as ``csv`` or ``parquet`` (list and dict cells as described above)."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    kinds = {c: _cell_kind(df[c]) for c in df.columns}
    if fmt == "parquet":
        import pyarrow.parquet as pq

        pq.write_table(_to_arrow(df, kinds), tmp)
    else:
        out = df.copy()
        for c, kind in kinds.items():
            if kind:
                out[c] = out[c].map(lambda v: json.dumps(v if isinstance(v, dict) else as_list(v),
                                                         ensure_ascii=False, default=str))
        out.to_csv(tmp, index=False)
    tmp.replace(path)
    return path


def _na(v: Any) -> Any:
    return None if v is None or (not isinstance(v, list | tuple | dict) and pd.isna(v)) else v


def plover_records(
    commitments: pd.DataFrame, articles: pd.DataFrame, actors: pd.DataFrame, data_dir: str | None = None
) -> list[dict[str, Any]]:
    """One PLOVER-style event record per commitment that has a PLOVER event type."""
    recipient = _config(data_dir)["plover"]["recipient"]
    names = actor_names(actors)
    outlets = outlet_labels(articles)
    meta = articles.set_index(articles["article_id"].astype(str))
    out = []
    for r in commitments.itertuples(index=False):
        event_type = _na(getattr(r, "plover", None))
        if event_type is None:
            continue
        aid = str(r.article_id)
        out.append({
            "event_id": str(r.commitment_id), "event_date": _na(getattr(r, "date", None)),
            "date_source": _na(getattr(r, "date_source", None)), "event_type": str(event_type),
            "mode": str(r.type), "stance": str(r.stance), "actor": str(r.actor_id),
            "actor_name": names.get(str(r.actor_id), str(r.actor_id)), "recipient": recipient,
            "recipient_name": names.get(recipient, recipient), "source": outlets.get(aid, f"[{aid}]"),
            "article_id": aid, "url": _na(meta["url"].get(aid)) if "url" in meta else None,
            "language": _na(meta["language"].get(aid)) if "language" in meta else None,
            "conditions": [str(c) for c in as_list(r.conditions)],
            "quantity_min": _na(r.quantity_min), "quantity_max": _na(r.quantity_max), "unit": _na(r.unit),
            "evidence": _na(r.evidence),
        })
    return out


def write_jsonl(records: Iterable[dict[str, Any]], path: str | Path) -> Path:
    """Write one JSON object a line (UTF-8), under a temporary name and renamed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
    tmp.replace(path)
    return path
