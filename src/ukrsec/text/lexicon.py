"""Typed loaders for the data files under ``src/ukrsec/data/``.

A data file is read against a small schema, so a misspelt or missing key is an error that names
the file and the key instead of a stage that silently finds nothing::

    from ukrsec.text import lexicon as lx

    TYPE = lx.Keys({"cues": lx.ListOf(str)}, optional={"overrides": lx.ListOf(str)})
    TYPES = lx.Keys({"types": lx.MapOf(TYPE)})
    data = lx.load("commitments/types.yaml", TYPES, data_dir)

Schemas: a Python type (``str``, ``int``, ``float``, ``bool``, ``dict``, ``list``), :class:`ListOf`,
:class:`MapOf` (any keys, checked values), :class:`Keys` (named keys, required and optional),
:class:`OneOf` (the first alternative that fits). Word lists (``.txt``, one entry a line, ``#``
comments) are read with :func:`words`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import resources


class LexiconError(ValueError):
    """A data file does not fit its schema; the message names the file, the place and the problem."""


@dataclass(frozen=True)
class ListOf:
    """A list whose items fit ``item``."""

    item: Any


@dataclass(frozen=True)
class MapOf:
    """A mapping with free keys (strings) whose values fit ``value``."""

    value: Any


@dataclass(frozen=True)
class Keys:
    """A mapping with the ``required`` keys and any of the ``optional`` ones, and no others."""

    required: dict[str, Any]
    optional: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class OneOf:
    """The first of ``options`` that fits."""

    options: tuple[Any, ...]

    def __init__(self, *options: Any) -> None:
        object.__setattr__(self, "options", options)


_NAMES = {str: "a string", int: "a whole number", float: "a number", bool: "true or false",
          dict: "a mapping", list: "a list"}  # fmt: skip


def _describe(schema: Any) -> str:
    if isinstance(schema, ListOf):
        return f"a list (each item {_describe(schema.item)})"
    if isinstance(schema, MapOf | Keys):
        return "a mapping"
    if isinstance(schema, OneOf):
        return " or ".join(_describe(o) for o in schema.options)
    return _NAMES.get(schema, getattr(schema, "__name__", str(schema)))


def _fits(value: Any, schema: Any) -> bool:
    try:
        check(value, schema, "")
    except LexiconError:
        return False
    return True


def check(value: Any, schema: Any, where: str, source: str = "") -> Any:
    """``value`` if it fits ``schema``; else :class:`LexiconError` naming ``source`` and ``where``."""
    checker = _CHECKERS.get(type(schema), _check_type)
    return checker(value, schema, where, source)


def _error(source: str, where: str, must: str, got: str) -> LexiconError:
    at = f"{source}: " if source else ""
    return LexiconError(f"{at}{where or 'the top level'} must be {must}, not {got}")


def _check_one_of(value: Any, schema: OneOf, where: str, source: str) -> Any:
    for option in schema.options:
        if _fits(value, option):
            return check(value, option, where, source)
    raise _error(source, where, _describe(schema), repr(value))


def _check_list(value: Any, schema: ListOf, where: str, source: str) -> list:
    if not isinstance(value, list):
        raise _error(source, where, _describe(schema), type(value).__name__)
    for i, item in enumerate(value):
        check(item, schema.item, f"{where}[{i}]", source)
    return value


def _check_map(value: Any, schema: MapOf, where: str, source: str) -> dict:
    if not isinstance(value, dict):
        raise _error(source, where, "a mapping", type(value).__name__)
    for k, v in value.items():
        check(v, schema.value, _key_place(where, k), source)
    return value


def _key_place(where: str, key: Any) -> str:
    return f"{where}.{key}" if where else str(key)


def _check_keys(value: Any, schema: Keys, where: str, source: str) -> dict:
    at = f"{source}: " if source else ""
    place = f"in {where}" if where else "at the top level"
    if not isinstance(value, dict):
        raise _error(source, where, "a mapping", type(value).__name__)
    allowed = {**schema.required, **schema.optional}
    unknown = [k for k in value if k not in allowed]
    if unknown:
        raise LexiconError(f"{at}unknown key {unknown[0]!r} {place} (expected: {', '.join(sorted(allowed))})")
    missing = [k for k in schema.required if k not in value]
    if missing:
        raise LexiconError(f"{at}missing key {missing[0]!r} {place}")
    for k, v in value.items():
        check(v, allowed[k], _key_place(where, k), source)
    return value


def _check_type(value: Any, schema: type, where: str, source: str) -> Any:
    """A plain type: an int is a float too; true/false is no whole number (though bool is an int)."""
    if schema is float and isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if schema is int and isinstance(value, bool):
        raise _error(source, where, "a whole number", repr(value))
    if not isinstance(value, schema):
        raise _error(source, where, _describe(schema), repr(value))
    return value


_CHECKERS: dict[type, Any] = {OneOf: _check_one_of, ListOf: _check_list, MapOf: _check_map, Keys: _check_keys}


def load(name: str, schema: Any, data_dir: str | Path | None = None) -> Any:
    """The YAML data file ``name`` (relative to the data folder), checked against ``schema``.

    The result is cached with the file; do not mutate it.
    """
    path = resources.data_path(name, data_dir)
    try:
        data = resources.read_yaml(name, data_dir)
    except FileNotFoundError:
        raise LexiconError(f"{path}: data file not found") from None
    except Exception as e:  # a YAML syntax error
        raise LexiconError(f"{path}: not valid YAML: {e}") from e
    return check(data, schema, "", str(path))


def words(name: str, data_dir: str | Path | None = None, lower: bool = False) -> frozenset[str]:
    """The entries of a word-list file (one a line; blank lines and ``#`` comments skipped)."""
    path = resources.data_path(name, data_dir)
    if not path.exists():
        raise LexiconError(f"{path}: data file not found")
    lines = resources.read_lines(name, data_dir)
    return frozenset(w.strip().lower() if lower else w.strip() for w in lines)
