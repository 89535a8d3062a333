"""ukrsec: research tables from news coverage of security guarantees for Ukraine.

>>> import ukrsec
>>> corpus = ukrsec.load_corpus()        # the bundled seeds
>>> corpus.articles, corpus.mentions, corpus.commitments   # pandas DataFrames

``import ukrsec`` is light (no pandas, altair, ipywidgets, jupyter, dask, duckdb or trafilatura):
the names below are imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from . import cache, store
    from .corpus import Corpus, load_corpus, open_store

_LAZY = {"Corpus": "corpus", "load_corpus": "corpus", "open_store": "corpus"}
_SUBMODULES = {"store", "cache", "pipeline", "schema", "corpus"}

__all__ = ["Corpus", "load_corpus", "open_store", "store", "cache", "__version__"]


def __getattr__(name: str) -> Any:
    """Import ``Corpus``, ``load_corpus``, ``open_store`` and the submodules on first use."""
    import importlib

    if name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    elif name in _SUBMODULES:
        value = importlib.import_module(f".{name}", __name__)
    else:
        raise AttributeError(f"module 'ukrsec' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
