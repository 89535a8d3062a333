"""The one document model every extraction stage reads.

A :class:`Doc` is built once per article from the ``articles`` and ``sentences`` tables. It holds
the text, its length-preserving lower-cased and folded images (computed on first use), the
sentences with lookup by offset, and the spans found so far, by layer (``"mentions"``,
``"timexes"``, ``"quotes"`` ...), so a later stage sees what an earlier one found without
rebuilding it from the tables.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pandas as pd

from . import fold as _fold
from .span import Span


def line_start(text: str, pos: int, limit: int) -> int | None:
    """Where the line holding ``pos`` starts, when that is at most ``limit`` characters before it
    (the text's start counts as a line start); else None."""
    ls = text.rfind("\n", max(0, pos - limit), pos) + 1
    return ls if ls or pos <= limit else None


@dataclass
class Doc:
    """One article: text, sentences (spans whose ``data`` is the ``sentence_id``) and span layers."""

    article_id: str
    text: str
    language: str = "und"
    published: Any = None
    sentences: list[Span] = field(default_factory=list)
    layers: dict[str, list[Span]] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.sentences.sort()
        self._starts = [s.start for s in self.sentences]

    @cached_property
    def low(self) -> str:
        """The text lower-cased, same length (offsets are those of ``text``)."""
        return _fold.lower(self.text)

    @cached_property
    def folded(self) -> str:
        """The text lower-cased and without accents, same length."""
        return _fold.fold(self.text)

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence that contains character ``offset`` (None between sentences)."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None

    def sentence_id(self, offset: int) -> int | None:
        """The ``sentence_id`` of the sentence containing ``offset``, or None."""
        s = self.sentence_at(offset)
        return None if s is None else s.data

    def sentence_text(self, sentence: Span) -> str:
        """The text of a sentence span."""
        return self.text[sentence.start : sentence.end]

    def add(self, layer: str, spans: Iterable[Span]) -> None:
        """Add ``spans`` to ``layer`` (kept sorted by position)."""
        self.layers.setdefault(layer, []).extend(spans)
        self.layers[layer].sort(key=lambda s: (s.start, s.end))

    def spans(self, layer: str, start: int = 0, end: int | None = None) -> list[Span]:
        """The spans of ``layer`` that lie within ``[start, end)`` (the whole text by default)."""
        stop = len(self.text) if end is None else end
        return [s for s in self.layers.get(layer, ()) if s.start >= start and s.end <= stop]


def docs(articles: pd.DataFrame, sentences: pd.DataFrame) -> Iterator[Doc]:
    """One :class:`Doc` per row of ``articles``, with its sentences, in the articles' order."""
    by_article: dict[str, list[Span]] = {}
    if not sentences.empty:
        cols = sentences[["article_id", "sentence_id", "start", "end"]]
        for aid, sid, s0, s1 in cols.itertuples(index=False, name=None):
            by_article.setdefault(aid, []).append(Span(int(s0), int(s1), "sentence", int(sid)))
    lang = articles["language"] if "language" in articles.columns else None
    pub = articles["published"] if "published" in articles.columns else None
    for i, (aid, text) in enumerate(zip(articles["article_id"], articles["text"], strict=True)):
        yield Doc(
            article_id=str(aid),
            text="" if pd.isna(text) else str(text),
            language=str(lang.iloc[i]) if lang is not None and not pd.isna(lang.iloc[i]) else "und",
            published=None if pub is None or pd.isna(pub.iloc[i]) else pub.iloc[i],
            sentences=by_article.get(aid, []),
        )
