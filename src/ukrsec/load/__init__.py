"""Stage ``load``: find input files, decode them, and turn each into raw documents or problems.

Supported inputs (``docs/inputs.md``): ``.txt``/``.md``, ``.html``/``.htm``, ``.jsonl``/``.json``,
tables (``.csv``, ``.tsv``, ``.parquet``; :mod:`.tables`), web archives (``.warc``, ``.warc.gz``;
:mod:`.warc`), pandas DataFrames, and fsspec URLs of all of these (:mod:`.remote`). A ``metadata.csv``
in a folder, keyed by file name, overrides what the library infers for the files of that folder; a
``fetch-problems.csv`` written by ``ukrsec fetch`` adds its failures to ``problems``.

Loading is three passes, so that reading can run anywhere (serially, in worker processes, on a Dask
cluster) and still give the same ids:

1. :func:`plan` (the driver, cheap): list the files, read ``metadata.csv``; one :class:`Unit` a file.
2. :func:`read_unit` (anywhere): read, decode and extract one file; documents carry *proposed* ids
   (the file name, a record's own id, ``<file>-<n>``).
3. :func:`final_ids` (the driver, cheap): make the proposed ids unique in corpus order (a repeated
   name gets its folder, then ``~2``, ``~3`` ...).

Hostile input never raises: every file found becomes either raw documents or rows of the
``problems`` table (``docs/robustness.md``). Only a column the user named that a table lacks raises
:class:`ColumnError`: that is a wrong argument, not a bad file.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import files, remote
from .base import (
    DEFAULT_MAX_BYTES,
    META_KEYS,
    ColumnError,
    LoadError,
    RawDoc,
    ReadOptions,
    Unit,
    decode_bytes,
    display_path,
    has_visible_text,
    safe_str,
)
from .files import HTML_EXT, JSON_EXT, TEXT_EXT
from .records import FIELDS, check_mapping
from .tables import TABLE_EXT
from .warc import WARC_EXT

SUPPORTED = TEXT_EXT | HTML_EXT | JSON_EXT | TABLE_EXT | WARC_EXT
METADATA_FILE = "metadata.csv"
FETCH_PROBLEMS = "fetch-problems.csv"
SPECIAL = {METADATA_FILE, FETCH_PROBLEMS}

__all__ = ["DEFAULT_MAX_BYTES", "META_KEYS", "FIELDS", "SUPPORTED", "ColumnError", "LoadError", "Loaded",
           "Plan", "RawDoc", "ReadOptions", "Unit", "decode_bytes", "display_path", "final_ids",
           "has_visible_text", "load_frame", "load_path", "plan", "read_all", "read_unit", "safe_str"]


@dataclass
class Loaded:
    """What :func:`load_path` found: documents and problems."""

    docs: list[RawDoc]
    problems: Any  # the ``problems`` table


@dataclass
class Plan:
    """The listing pass: one :class:`Unit` per input file, and the problems found while listing."""

    units: list[Unit] = field(default_factory=list)
    problems: list[dict[str, str]] = field(default_factory=list)


Problems = list[dict[str, str]]


def options(max_bytes: int = DEFAULT_MAX_BYTES,
            columns: Mapping[str, str | None] | None = None) -> ReadOptions:
    """:class:`ReadOptions` from a size limit and a field -> column mapping (None values are dropped)."""
    given = {k: v for k, v in (columns or {}).items() if v}
    check_mapping(given)
    return ReadOptions(max_bytes, tuple(sorted(given.items())))


Found = list[tuple[str, str, bool]]  # (path or URL, path relative to the root, remote?)


def _list(path: str | Path) -> tuple[Found, list[tuple[str, str]]] | str:
    """Files under ``path`` and what was skipped, or the shown path when ``path`` does not exist."""
    text = os.fsdecode(path) if not isinstance(path, str) else path
    local = remote.local_path(text) if remote.is_url(text) else text
    if local is None:
        listed, skipped, exists = remote.list_files(text)
        return ([(url, rel, True) for url, rel in listed], skipped) if exists else text
    root = Path(local)
    if not root.exists() and not root.is_symlink():
        return display_path(root)
    paths, skipped = files.iter_files(root)
    rels = [f.relative_to(root) if root.is_dir() else Path(f.name) for f in paths]
    return [(os.fsdecode(f), os.fsdecode(r), False) for f, r in zip(paths, rels, strict=True)], skipped


def plan(path: str | Path, opts: ReadOptions | None = None) -> Plan:
    """List the files under ``path`` (a folder, recursively, or one file; a local path or an fsspec URL)."""
    opts = opts or ReadOptions()
    listed = _list(path)
    if isinstance(listed, str):
        return Plan([], [{"source_path": listed, "problem": "path does not exist"}])
    found, skipped = listed
    out = Plan(problems=[{"source_path": s, "problem": m} for s, m in skipped])
    meta_by_dir = _special_files(found, opts, out.problems)
    for p, rel, is_remote in found:
        name = rel.rsplit("/", 1)[-1]
        if name in SPECIAL:
            continue
        folder = meta_by_dir.get(_parent(rel), {})
        override = folder.get(name) or folder.get(Path(name).stem) or {}
        out.units.append(Unit(p, display_path(p), rel, name, is_remote, tuple(sorted(override.items()))))
    return out


def _parent(rel: str) -> str:
    return rel.rsplit("/", 1)[0] if "/" in rel else ""


def _special_files(found: Sequence[tuple[str, str, bool]], opts: ReadOptions, problems: Problems
                   ) -> dict[str, dict[str, dict[str, Any]]]:
    """Read every ``metadata.csv`` (by folder) and ``fetch-problems.csv`` (into ``problems``)."""
    meta_by_dir: dict[str, dict[str, dict[str, Any]]] = {}
    for p, rel, is_remote in found:
        name = rel.rsplit("/", 1)[-1]
        if name not in SPECIAL:
            continue
        try:
            data = remote.read_bytes(p, opts.max_bytes) if is_remote else files.read_limited(Path(p),
                                                                                            opts.max_bytes)
            if name == METADATA_FILE:
                meta_by_dir[_parent(rel)] = files.read_metadata_csv(data)
            else:
                problems += _fetch_problems(data)
        except (LoadError, csv.Error, OSError, ValueError) as e:
            problems.append({"source_path": display_path(p), "problem": f"{name} unreadable: {e}"})
    return meta_by_dir


def _fetch_problems(data: bytes) -> Problems:
    """The rows of a ``fetch-problems.csv`` (``source_path``: the URL, ``problem``)."""
    import io

    rows = csv.DictReader(io.StringIO(decode_bytes(data)))
    return [{"source_path": r.get("source_path") or "", "problem": f"fetch: {r.get('problem') or ''}"}
            for r in rows]


def read_unit(unit: Unit, opts: ReadOptions | None = None) -> tuple[list[RawDoc], Problems]:
    """Documents (with proposed ids) and problem rows of one input file; never raises for bad input."""
    opts = opts or ReadOptions()
    shown = unit.shown
    try:
        docs, msgs = _read(unit, opts)
        return docs, [{"source_path": shown, "problem": m} for m in msgs]
    except ColumnError:
        raise
    except LoadError as e:
        msg = str(e)
    except FileNotFoundError:
        msg = "vanished before it could be read"
    except OSError as e:
        msg = f"cannot be read: {e.strerror or e}"
    except Exception as e:  # noqa: BLE001 - a bad file must never stop the corpus
        msg = f"unexpected error while reading ({type(e).__name__}: {e})"
    return [], [{"source_path": shown, "problem": msg}]


def _read(unit: Unit, opts: ReadOptions) -> tuple[list[RawDoc], list[str]]:
    ext = unit.ext
    override = dict(unit.override)
    if ext in WARC_EXT:
        from .warc import read_warc

        with remote.open_file(unit.path) if unit.remote else open(unit.path, "rb") as fh:
            return read_warc(fh, unit.stem, unit.shown, override, opts.max_bytes)
    if ext in TABLE_EXT:
        from .tables import read_table_bytes

        return read_table_bytes(_bytes(unit, None), ext, unit.stem, unit.shown, override, opts.column_map,
                                opts.max_bytes)
    if ext not in files.PLAIN:
        raise LoadError(f"unknown file type {safe_str(ext) or '(no extension)'!r}; "
                        f"ukrsec reads {', '.join(sorted(SUPPORTED))}")
    return files.read_plain(_bytes(unit, opts.max_bytes), ext, unit.stem, unit.shown, override,
                            opts.column_map)


def _bytes(unit: Unit, max_bytes: int | None) -> bytes:
    if unit.remote:
        return remote.read_bytes(unit.path, max_bytes)
    if max_bytes is None:
        return Path(unit.path).read_bytes()
    return files.read_limited(Path(unit.path), max_bytes)


def final_ids(units: Sequence[Unit], proposed: Sequence[Sequence[str]]) -> list[list[str]]:
    """Unique article ids, in corpus order, for the proposed ids of each unit's documents.

    A proposed id seen before gets the file's path (without extension, then with it), then ``~2``,
    ``~3`` ... — the same result whichever process read the files.
    """
    used: set[str] = set()
    out: list[list[str]] = []
    for unit, ids in zip(units, proposed, strict=True):
        out.append([_unique_id(aid, unit.rel, used) for aid in ids])
    return out


def _unique_id(proposed: str, rel: str, used: set[str]) -> str:
    aid = safe_str(proposed)
    if aid in used:
        aid = safe_str(str(Path(rel).with_suffix("")) if Path(rel).suffix else rel)
        if aid in used:
            aid = safe_str(rel)
        n = 2
        base = aid
        while aid in used:
            aid, n = f"{base}~{n}", n + 1
    used.add(aid)
    return aid


def read_all(units: Sequence[Unit], opts: ReadOptions, mapper: Callable[..., Iterable] = map
             ) -> tuple[list[RawDoc], Problems]:
    """Read ``units`` with ``mapper`` (``map``, a pool's ``map``), then give the documents their final ids."""
    results = list(mapper(read_unit, units, [opts] * len(units)))
    ids = final_ids(units, [[d.article_id for d in docs] for docs, _ in results])
    docs: list[RawDoc] = []
    problems: Problems = []
    for (unit_docs, unit_problems), unit_ids in zip(results, ids, strict=True):
        for d, aid in zip(unit_docs, unit_ids, strict=True):
            d.article_id = aid
        docs += unit_docs
        problems += unit_problems
    return docs, problems


def load_path(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES,
              columns: Mapping[str, str | None] | None = None) -> Loaded:
    """Read every article under ``path`` (a folder, recursively, or one file; a local path or an fsspec URL).

    ``columns`` maps fields (``text``, ``title``, ``published``, ``outlet``, ``url``, ``id``,
    ``language``) to the column or key that holds them in tables and JSON records. Files that cannot be
    read become rows of the ``problems`` table, never exceptions.
    """
    from .. import schema

    opts = options(max_bytes, columns)
    p = plan(path, opts)
    docs, problems = read_all(p.units, opts)
    return Loaded(docs, schema.frame("problems", p.problems + problems))


def load_frame(frame: Any, max_bytes: int = DEFAULT_MAX_BYTES,
               columns: Mapping[str, str | None] | None = None) -> Loaded:
    """Read a pandas DataFrame with one article a row (``columns`` as in :func:`load_path`)."""
    from .. import schema
    from .tables import frame_docs

    opts = options(max_bytes, columns)
    docs, problems = frame_docs(frame, opts.column_map, opts.max_bytes)
    unit = Unit("DataFrame", "DataFrame", "DataFrame", "DataFrame")
    ids = final_ids([unit], [[d.article_id for d in docs]])
    for d, aid in zip(docs, ids[0], strict=True):
        d.article_id = aid
    return Loaded(docs, schema.frame("problems", problems))
