"""Access to the data files under ``src/ukrsec/data/`` (vocabularies, gazetteers, lexicons).

Every stage reads its knowledge through :func:`data_path`, :func:`read_yaml` and friends, so a
user can point ukrsec at a copy of the folder (``UKRSEC_DATA`` environment variable or the
``data_dir`` argument) to add actors, cue words or boilerplate patterns without touching code.
Files are read once per path and cached; the cached objects are never mutated.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

PACKAGE_DATA = Path(__file__).parent / "data"


def data_dir(override: str | Path | None = None) -> Path:
    """The folder the data files are read from: ``override``, ``$UKRSEC_DATA`` or the package's own."""
    if override:
        return Path(override)
    env = os.environ.get("UKRSEC_DATA")
    return Path(env) if env else PACKAGE_DATA


def data_path(name: str, override: str | Path | None = None) -> Path:
    """Path of data file ``name``; falls back to the packaged copy when an override folder lacks it."""
    p = data_dir(override) / name
    return p if p.exists() else PACKAGE_DATA / name


@lru_cache(maxsize=64)
def _read_yaml(path: str, mtime: float) -> Any:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when libyaml is there
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)  # noqa: S506 - a safe loader


def read_yaml(name: str, override: str | Path | None = None) -> Any:
    """Parsed YAML data file (cached; do not mutate the result)."""
    p = data_path(name, override)
    return _read_yaml(str(p), p.stat().st_mtime)


@lru_cache(maxsize=64)
def _read_lines(path: str, mtime: float) -> tuple[str, ...]:
    with open(path, encoding="utf-8") as fh:
        return tuple(line.rstrip("\n") for line in fh if line.strip() and not line.lstrip().startswith("#"))


def read_lines(name: str, override: str | Path | None = None) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a text data file (cached)."""
    p = data_path(name, override)
    return _read_lines(str(p), p.stat().st_mtime)


@lru_cache(maxsize=64)
def _read_jsonl(path: str, mtime: float) -> tuple[dict, ...]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}: line {n} is not valid JSON: {e.msg}") from e
    return tuple(out)


def read_jsonl(name: str, override: str | Path | None = None) -> tuple[dict, ...]:
    """Records of a JSON-lines data file (cached; do not mutate the records)."""
    p = data_path(name, override)
    return _read_jsonl(str(p), p.stat().st_mtime)
