"""Stage ``quotes``: quotations in the article text with their speakers (see ``docs/quotes.md``).

Small passes over one per-article state (:class:`~.state.Article`):

1. :mod:`.marks` — pairs of quotation marks in every style, the text with quotations masked;
   :mod:`.blocks` — block quotations without marks;
2. :mod:`.candidates` — speaker candidates (mentions, pronouns, roles, titles with names, sources)
   and cues of saying, from one pass of the shared phrase matcher over the sentences around quotations;
3. :mod:`.attribution` — the speaker of each quotation from the nearest cue, pronouns and roles
   resolved back, the last speaker carried forward;
4. :mod:`.terms` — names, titles and scare quotes nobody said (``kind = term``);
5. :mod:`.indirect` — reported speech ("Merz sagte, Deutschland sei bereit …", ``kind = indirect``).

All words come from ``data/quotes.yaml`` and ``data/quotes/function_words.yaml`` (:mod:`.lexicon`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pandas as pd

from .. import schema
from ..text import Doc, Span
from ..text.fold import fold
from .lexicon import Lexicon, lexicon
from .marks import CLOSERS, MASK, find_marked
from .stage import Sentence, extract_article
from .state import Mention

__all__ = ["CLOSERS", "MASK", "Lexicon", "extract", "extract_article", "find_marked", "lexicon"]


#: one article to read: ``(article_id, text, language, sentences, mentions, Doc or None)``
Source = tuple[str, str, str, list[Sentence], list[Mention], Doc | None]


def _na(x: Any) -> bool:
    return x is None or x is pd.NA or x is pd.NaT or (isinstance(x, float) and x != x)


def _actor_maps(actors: pd.DataFrame | None) -> tuple[dict[str, str], ...]:
    """``actor_id -> type``, ``folded last name -> actor_id``, and ``actor_id -> role`` and
    ``actor_id -> country`` of the persons."""
    types: dict[str, str] = {}
    last_names: dict[str, str] = {}
    roles: dict[str, str] = {}
    countries: dict[str, str] = {}
    if actors is None or actors.empty:
        return types, last_names, roles, countries
    n = len(actors)
    role_col = actors["role"] if "role" in actors else [None] * n
    country_col = actors["country"] if "country" in actors else [None] * n
    for aid, typ, name, role, country in zip(
        actors["actor_id"], actors["type"], actors["name"], role_col, country_col, strict=True
    ):
        if _na(aid):
            continue
        types[str(aid)] = "" if _na(typ) else str(typ)
        name = "" if _na(name) else str(name)
        if types[str(aid)] == "person" and name.split():
            last_names.setdefault(fold(name.replace("-", " ").split()[-1]), str(aid))
            if not _na(role):
                roles[str(aid)] = str(role).lower()
            if not _na(country):
                countries[str(aid)] = str(country)
    return types, last_names, roles, countries


def _mentions_by_article(mentions: pd.DataFrame | None) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = {}
    if mentions is None or mentions.empty:
        return out
    m = mentions.dropna(subset=["actor_id", "start", "end"])
    kinds = m["mention_kind"].fillna("").astype(str) if "mention_kind" in m else pd.Series([""] * len(m))
    cols = (
        m["article_id"].tolist(),
        m["start"].astype(int).tolist(),
        m["end"].astype(int).tolist(),
        m["actor_id"].astype(str).tolist(),
        kinds.tolist(),
        m["surface"].fillna("").astype(str).tolist(),
    )
    for aid, s, e, act, kind, surf in zip(*cols, strict=True):
        out.setdefault(aid, []).append((s, e, act, kind, surf))
    return out


def _field(data: Any, name: str) -> Any:
    return data.get(name) if isinstance(data, dict) else getattr(data, name, None)


def layer_mentions(doc: Doc) -> list[Mention]:
    """The mentions of ``doc.layers["mentions"]`` as the stage reads them. A span's ``data`` (a mapping
    or an object) gives ``actor_id`` (else the label is the actor) and ``mention_kind`` or ``kind``."""
    out = []
    for sp in doc.layers.get("mentions", ()):
        aid = _field(sp.data, "actor_id") or sp.label
        kind = _field(sp.data, "mention_kind") or _field(sp.data, "kind") or ""
        if aid:
            out.append((sp.start, sp.end, str(aid), str(kind), doc.text[sp.start : sp.end]))
    return out


def _from_tables(
    articles: pd.DataFrame, sentences: pd.DataFrame | None, mentions: pd.DataFrame | None
) -> Iterator[Source]:
    """``(article_id, text, language, sentences, mentions, None)`` per article of the tables."""
    sents_by: dict[str, list[Sentence]] = {}
    if sentences is not None and not sentences.empty:
        cols = (sentences[c].tolist() for c in ("article_id", "start", "end", "sentence_id"))
        for aid, s, e, sid in zip(*cols, strict=True):
            sents_by.setdefault(aid, []).append((int(s), int(e), int(sid)))
    ments = _mentions_by_article(mentions)
    langs = articles["language"].tolist() if "language" in articles else ["und"] * len(articles)
    for aid, text, lang in zip(
        articles["article_id"].tolist(), articles["text"].tolist(), langs, strict=True
    ):
        if not _na(text) and str(text).strip():
            lang = "und" if _na(lang) else str(lang)
            yield str(aid), str(text), lang, sorted(sents_by.get(aid, [])), sorted(ments.get(aid, [])), None


def _from_docs(docs: Sequence[Doc], mentions: pd.DataFrame | None) -> Iterator[Source]:
    """The same from the pipeline's Docs (mentions from their layer when it is there)."""
    table: dict[str, list[Mention]] | None = None
    for doc in docs:
        if not doc.text.strip():
            continue
        if "mentions" in doc.layers:
            ments = sorted(layer_mentions(doc))
        else:
            table = _mentions_by_article(mentions) if table is None else table
            ments = sorted(table.get(doc.article_id, []))
        yield (
            doc.article_id,
            doc.text,
            doc.language,
            sorted((s.start, s.end, int(s.data)) for s in doc.sentences),
            ments,
            doc,
        )


def extract(
    articles: pd.DataFrame,
    sentences: pd.DataFrame | None,
    mentions: pd.DataFrame | None,
    actors: pd.DataFrame | None,
    data_dir: str | None = None,
    docs: Sequence[Doc] | None = None,
) -> pd.DataFrame:
    """The ``quotes`` table: quotations of every article with their speakers and kind.

    With ``docs`` (the pipeline's :class:`~ukrsec.text.Doc` objects of ``articles``) the sentences and,
    when the layer is there, the mentions are read from them, and every quotation is added to
    ``doc.layers["quotes"]`` (label = kind, ``data`` = the row).
    """
    if articles is None or articles.empty:
        return schema.empty("quotes")
    lex = lexicon(data_dir)
    types, last_names, roles, countries = _actor_maps(actors)
    rows: list[dict[str, Any]] = []
    source = _from_docs(docs, mentions) if docs is not None else _from_tables(articles, sentences, mentions)
    for aid, text, lang, sents, ments, doc in source:
        found = extract_article(aid, text, sents, ments, types, last_names, lex, lang, roles, countries)
        if doc is not None:
            doc.add("quotes", [Span(r["start"], r["end"], r["kind"], r) for r in found])
        rows += found
    return schema.frame("quotes", rows) if rows else schema.empty("quotes")
