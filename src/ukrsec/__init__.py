"""ukrsec: research tables from news coverage of security guarantees for Ukraine.

>>> import ukrsec
>>> corpus = ukrsec.load_corpus()        # the bundled seeds
>>> corpus.articles, corpus.mentions, corpus.commitments   # pandas DataFrames

Heavy libraries (altair, ipywidgets, jupyter) are imported only by the modules that need them.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .corpus import Corpus, load_corpus, open_store

__all__ = ["Corpus", "load_corpus", "open_store", "__version__"]
