"""Analyses over the parsed tables: pure functions from DataFrames to DataFrames, one place each.

- :mod:`.kwic` — keyword in context for one actor;
- :mod:`.cooccurrence` — actors named in the same sentence or article;
- :mod:`.profiles` — one actor article by article;
- :mod:`.stances` — the strongest stance per article, agreement and disagreement across sources;
- :mod:`.timeline` — events merged across sources;
- :mod:`.positions` — positions over time: stance per period, shifts, first reports, compare by group;
- :mod:`.dates` — the date each commitment was reported (stated in its sentence, else published);
- :mod:`.export` — analysis tables as CSV/Parquet, commitments as PLOVER-style JSON lines;
- :mod:`.values` — small helpers for cells (lists, quantities, days, outlet labels, names).

``Corpus`` methods (``corpus.kwic()``, ``corpus.compare()`` ...) call these with the corpus's tables;
the notebook helpers (:mod:`ukrsec.viz`, :mod:`ukrsec.explore`) only draw and lay out their results.
"""

from __future__ import annotations

from .cooccurrence import cooccurrence, symmetric_pairs
from .dates import choose_stated, commitment_dates
from .export import plover_records, write_jsonl, write_table
from .kwic import kwic
from .positions import PERIODS, compare_by, first_reports, period_of, positions, reports, shifts
from .profiles import profile
from .stances import STANCE_RANK, agreement, article_stances, by_strength, compare, rank, stance_matrix
from .timeline import merge, sources_per_event
from .values import actor_names, as_list, day_strings, first_day, outlet_labels, quantity_text

__all__ = [
    "PERIODS",
    "STANCE_RANK",
    "actor_names",
    "agreement",
    "article_stances",
    "as_list",
    "by_strength",
    "choose_stated",
    "commitment_dates",
    "compare",
    "compare_by",
    "cooccurrence",
    "day_strings",
    "first_day",
    "first_reports",
    "kwic",
    "merge",
    "outlet_labels",
    "plover_records",
    "period_of",
    "positions",
    "profile",
    "quantity_text",
    "rank",
    "reports",
    "shifts",
    "sources_per_event",
    "stance_matrix",
    "symmetric_pairs",
    "write_jsonl",
    "write_table",
]
