"""A parse cache: loading an unchanged corpus again opens saved tables instead of parsing.

``load_corpus(path, cache=True)`` looks up :func:`key` in the cache folder (``cache_dir``, else
``$UKRSEC_CACHE``, else ``$XDG_CACHE_HOME/ukrsec`` or ``~/.cache/ukrsec``). The key is a hash of

* every file under ``path`` (relative name and contents) and ``path`` as given (it is in ``source_path``),
* the ukrsec version and the source of its modules (a code change during development invalidates it),
* every data file (the packaged ``data/`` folder and a ``data_dir`` / ``$UKRSEC_DATA`` override), so
  editing a gazetteer or lexicon invalidates it,
* ``max_bytes`` and the column mapping (``load_corpus(..., text="body")``).

An entry is a folder of Parquet tables written by :meth:`Corpus.save` (so it can also be opened
with ``ukrsec.open_store`` or queried with ``ukrsec.store.connect``); it is written under a temporary
name and renamed, so concurrent notebooks never read half an entry. ``clear()`` empties the cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .corpus import Corpus

PACKAGE_DIR = Path(__file__).resolve().parent
#: lookups since the process started: ``{"hits": n, "misses": n}``
stats: dict[str, int] = {"hits": 0, "misses": 0}


def default_dir() -> Path:
    """The cache folder used when no ``cache_dir`` is given."""
    env = os.environ.get("UKRSEC_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "ukrsec"


def _hash_tree(h: hashlib._Hash, root: Path, pattern: str = "*") -> None:
    if root.is_file():
        files = [root]
        base = root.parent
    elif root.is_dir():
        files = sorted(p for p in root.rglob(pattern) if p.is_file())
        base = root
    else:
        h.update(b"<missing>" + str(root).encode())
        return
    for f in files:
        if "__pycache__" in f.parts:
            continue
        data = f.read_bytes()
        h.update(str(f.relative_to(base)).encode("utf-8", "surrogateescape") + b"\0")
        h.update(len(data).to_bytes(8, "little") + hashlib.blake2b(data, digest_size=16).digest())


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the ukrsec version and the source of its modules."""
    from . import __version__

    h = hashlib.blake2b(digest_size=16)
    h.update(__version__.encode())
    _hash_tree(h, PACKAGE_DIR, "*.py")
    return h.hexdigest()


def key(path: str | Path, data_dir: str | Path | None = None, max_bytes: int | None = None,
        columns: dict[str, str] | None = None) -> str:
    """The cache key of parsing ``path`` (see the module docstring for what it covers)."""
    from .resources import PACKAGE_DATA
    from .resources import data_dir as effective_data_dir

    h = hashlib.blake2b(digest_size=20)
    h.update(b"ukrsec-parse-cache-1\0" + code_fingerprint().encode() + b"\0" + str(max_bytes).encode())
    if columns:
        h.update(b"\0columns\0" + json.dumps(sorted(columns.items())).encode())
    h.update(b"\0input\0" + str(path).encode("utf-8", "surrogateescape") + b"\0")
    _hash_tree(h, Path(path))
    h.update(b"\0data\0")
    _hash_tree(h, PACKAGE_DATA)
    override = effective_data_dir(data_dir)
    if override.resolve() != PACKAGE_DATA.resolve():
        h.update(b"\0override\0")
        _hash_tree(h, override)
    return h.hexdigest()


def entry_dir(k: str, cache_dir: str | Path | None = None) -> Path:
    """The folder of cache entry ``k``."""
    return (Path(cache_dir) if cache_dir is not None else default_dir()) / k


def get(k: str, cache_dir: str | Path | None = None) -> Corpus | None:
    """The cached corpus for key ``k``, or ``None`` (a miss); a damaged entry counts as a miss."""
    from .corpus import Corpus

    d = entry_dir(k, cache_dir)
    if not (d / "cache.json").exists():
        stats["misses"] += 1
        return None
    try:
        corpus = Corpus.open(d)
        for name in corpus.tables.files:  # every footer readable: a truncated table is a miss
            corpus.rows(name)
    except Exception:  # noqa: BLE001 - a damaged entry is parsed again and overwritten
        stats["misses"] += 1
        return None
    stats["hits"] += 1
    return corpus


def put(k: str, corpus: Corpus, cache_dir: str | Path | None = None) -> Path | None:
    """Store ``corpus`` under key ``k``; returns the entry folder (``None`` if the cache is not writable)."""
    tmp = staging(k, cache_dir)
    if tmp is None:
        return None
    try:
        corpus.save(tmp, format="parquet")
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        d = entry_dir(k, cache_dir)
        return None if not d.exists() else d
    return commit(k, tmp, corpus.source, cache_dir)


def staging(k: str, cache_dir: str | Path | None = None) -> Path | None:
    """A new temporary folder beside entry ``k`` to write its tables into (``None`` if not writable);
    :func:`commit` puts it in place."""
    tmp = entry_dir(k, cache_dir).parent / f".{k}.{uuid.uuid4().hex}.tmp"
    try:
        tmp.mkdir(parents=True)
    except OSError:
        return None
    return tmp


def commit(k: str, tmp: Path, source: str, cache_dir: str | Path | None = None) -> Path | None:
    """Make the tables written to ``tmp`` (from :func:`staging`) cache entry ``k``; returns its folder."""
    from . import __version__

    d = entry_dir(k, cache_dir)
    try:
        (tmp / "cache.json").write_text(json.dumps({"key": k, "version": __version__, "source": source}))
        if d.exists():
            shutil.rmtree(d, ignore_errors=True)
        tmp.rename(d)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        return None if not d.exists() else d
    return d


def clear(cache_dir: str | Path | None = None) -> int:
    """Delete every cache entry; returns how many were deleted."""
    root = Path(cache_dir) if cache_dir is not None else default_dir()
    n = 0
    if root.is_dir():
        for d in root.iterdir():
            if d.is_dir() and ((d / "cache.json").exists() or d.name.endswith(".tmp")):
                shutil.rmtree(d, ignore_errors=True)
                n += 1
    return n
