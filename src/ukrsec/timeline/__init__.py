"""Stage ``timeline``: every temporal expression (the ``timexes`` table, TIMEX3 types and values) and
the dated statements built on them (``events``), German and English.

* :mod:`.words` — the vocabulary and the kinds' patterns, read from ``data/timex/*.yaml``;
* :mod:`.kinds` — one resolver per kind of expression (``data/timex/kinds.yaml`` lists the kinds);
* :mod:`.resolve` — the per-article context (reference date, tense) and calendar arithmetic;
* :mod:`.tagger` — :func:`tag`: trigger pass, candidate matches, overlap policy, resolution in order;
* :mod:`.events` — the ``timexes`` and ``events`` tables (:func:`run`, :func:`extract`);

``Corpus.timeline()`` (events merged across sources) is :mod:`ukrsec.analysis.timeline`.

See ``docs/timeline.md``.
"""

from .events import FoundDate, event_date, extract, find_dates, keywords, reference_date, run, tense
from .tagger import Timex, tag

__all__ = [
    "FoundDate",
    "Timex",
    "event_date",
    "extract",
    "find_dates",
    "keywords",
    "reference_date",
    "run",
    "tag",
    "tense",
]
