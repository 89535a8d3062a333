"""Records: one article given as fields (a JSON object, a table row), and which field holds what.

The default names of each field (``text``, ``body``, ``content`` ... for the text) are data
(``data/columns.yaml``); the user's mapping (``--text-col body``, ``load_corpus(df, text="body")``)
comes first.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from .base import META_KEYS, ColumnError, LoadError, has_visible_text, safe_str

FIELDS = ("id", "text") + META_KEYS
#: the command-line option of each field, for messages
OPTION = {"id": "--id-col", "text": "--text-col", "title": "--title-col", "published": "--date-col",
          "outlet": "--outlet-col", "url": "--url-col", "language": "--lang-col"}
COLUMNS_FILE = "columns.yaml"


@lru_cache(maxsize=4)
def default_names(data_dir: str | None = None) -> dict[str, tuple[str, ...]]:
    """Default column names per field from ``columns.yaml``; rejects unknown or missing keys."""
    from ..resources import data_path, read_yaml

    raw = read_yaml(COLUMNS_FILE, data_dir)
    where = data_path(COLUMNS_FILE, data_dir)
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: must be a mapping of field -> list of column names")
    unknown = sorted(set(raw) - set(FIELDS))
    missing = [f for f in FIELDS if f not in raw]
    if unknown or missing:
        raise ValueError(f"{where}: unknown keys {unknown}, missing keys {missing} (fields: {list(FIELDS)})")
    out: dict[str, tuple[str, ...]] = {}
    for f in FIELDS:
        names = raw[f]
        if not isinstance(names, list) or not all(isinstance(n, str) and n for n in names):
            raise ValueError(f"{where}: key {f!r} must be a list of column names")
        out[f] = tuple(names)
    return out


def check_mapping(columns: Mapping[str, str]) -> None:
    """Reject a mapping with a field ukrsec does not know (a typo in ``load_corpus(..., txt=...)``)."""
    bad = sorted(set(columns) - set(FIELDS))
    if bad:
        raise ColumnError(f"unknown field(s) {bad} in the column mapping; the fields are {list(FIELDS)}")


def resolve(names: Sequence[str], given: Mapping[str, str], where: str, strict: bool) -> dict[str, str]:
    """Field -> column for a table with columns ``names``: the user's choice, else the first default present.

    With ``strict``, a column the user named that is not there raises :class:`ColumnError` naming
    ``where`` and the columns there are; otherwise that field is absent.
    """
    by_fold = {}
    for n in names:
        by_fold.setdefault(str(n).casefold(), n)
    out: dict[str, str] = {}
    for f in FIELDS:
        if given.get(f):
            col = given[f] if given[f] in names else by_fold.get(given[f].casefold())
            if col is None and strict:
                shown = ", ".join(map(str, names)) or "(none)"
                raise ColumnError(f"{where}: no column {given[f]!r} (given for {f} by {OPTION[f]} / {f}=); "
                                  f"its columns are: {shown}")
            if col is not None:
                out[f] = col
            continue
        col = next((by_fold[d.casefold()] for d in default_names()[f] if d.casefold() in by_fold), None)
        if col is not None:
            out[f] = col
    return out


def missing(value: Any) -> bool:
    """Whether a field value counts as absent (None, NaN, NaT, empty string)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return True
    try:
        return bool(value != value)  # NaN, NaT
    except (TypeError, ValueError):
        return False


def json_type(value: Any) -> str:
    """The JSON name of a decoded value's type."""
    return {dict: "object", list: "array", str: "string", int: "number", float: "number", bool: "boolean",
            type(None): "null"}.get(type(value), type(value).__name__)


def as_text(value: Any) -> str | None:
    """A scalar field value as text (numbers without a spurious ``.0``, dates in ISO form), else None."""
    if isinstance(value, str):
        return safe_str(value.strip())
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return None if math.isnan(value) else str(int(value)) if value.is_integer() else str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, list | dict):  # numpy scalars
        return as_text(value.item())
    return None


def language_code(value: str) -> str | None:
    """``de`` from ``de``, ``DE``, ``de-DE`` or ``de_AT``; None for what is not a language code."""
    head = value.strip().replace("_", "-").split("-", 1)[0].lower()
    return head if head.isascii() and head.isalpha() and len(head) in (2, 3) else None


def record_doc(rec: Mapping[str, Any], cols: Mapping[str, str], where: str, default_id: str,
               noun: str = "field") -> tuple[str, str, dict[str, Any], list[str]]:
    """Text, id, metadata and notes of one record; raises LoadError when it has no usable text.

    ``cols`` maps field -> key of ``rec`` (see :func:`resolve`); ``noun`` is "field" or "column".
    """
    key = cols.get("text")
    body = rec.get(key) if key is not None else None
    if key is None:
        looked = ", ".join(default_names()["text"])
        raise LoadError(f"{where}: no 'text' {noun} with content (looked for {looked})")
    if missing(body):
        raise LoadError(f"{where}: no {key!r} {noun} with content ({key!r} is empty or only whitespace)")
    if not isinstance(body, str):
        raise LoadError(f"{where}: {key!r} is a JSON {json_type(body)}, not a string")
    body = safe_str(body)
    if not has_visible_text(body):
        raise LoadError(f"{where}: no {key!r} {noun} with content ({key!r} is empty or only whitespace)")
    notes: list[str] = []
    aid = default_id
    if "id" in cols and not missing(rid := rec.get(cols["id"])):
        text_id = as_text(rid)
        if text_id:
            aid = text_id
        else:
            notes.append(f"{where}: {cols['id']!r} is a JSON {json_type(rid)}, not a string; "
                         f"used {default_id!r}")
    meta: dict[str, Any] = {}
    for k in META_KEYS:
        if k not in cols or missing(v := rec.get(cols[k])):
            continue
        value = as_text(v)
        if value is None:
            notes.append(f"{where}: {noun} {cols[k]!r} is a JSON {json_type(v)}, not a string; ignored")
        elif k == "language":
            code = language_code(value)
            if code is None:
                notes.append(f"{where}: language {value!r} is not a language code like 'de'; ignored")
            else:
                meta[k] = code
        else:
            meta[k] = value
    return body, aid, meta, notes


def parse_json(text: str) -> Any:
    """``json.loads`` whose failures are :class:`LoadError` (bad syntax, deep nesting, huge numbers)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise LoadError(f"not valid JSON (line {e.lineno}: {e.msg})") from e
    except RecursionError as e:
        raise LoadError("not usable JSON (nested too deeply)") from e
    except ValueError as e:  # e.g. integers with too many digits
        raise LoadError(f"not usable JSON ({e})") from e


def records_from_json(text: str, ext: str) -> tuple[list[tuple[int, dict]], list[str]]:
    """Records of a .jsonl/.json file as (number, record) and problems for broken parts."""
    out: list[tuple[int, dict]] = []
    problems: list[str] = []
    if ext == ".jsonl":
        # only "\n" ends a record: U+2028, U+0085 and friends may stand raw inside JSON strings
        for n, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                rec = parse_json(line)
            except LoadError as e:
                problems.append(f"line {n}: {e}")
                continue
            if not isinstance(rec, dict):
                problems.append(f"line {n}: a JSON {json_type(rec)}, not an object with 'text'")
                continue
            out.append((n, rec))
        return out, problems
    try:
        data = parse_json(text)
    except LoadError:
        # a .json file holding JSON lines is common enough to accept
        if len(text.strip().split("\n")) > 1:
            return records_from_json(text, ".jsonl")
        raise
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise LoadError(f"JSON holds a {json_type(data)}; "
                        "it must be an object or a list of objects with 'text'")
    for n, rec in enumerate(data, 1):
        if isinstance(rec, dict):
            out.append((n, rec))
        else:
            problems.append(f"record {n}: a JSON {json_type(rec)}, not an object with 'text'")
    return out, problems
