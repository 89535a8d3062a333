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

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from .. import schema
from ..text import Doc, Span
from ..text.fold import fold
from .lexicon import Lexicon, lexicon
from .marks import CLOSERS, MASK, find_marked
from .stage import extract_article
from .state import Mention

__all__ = ["CLOSERS", "MASK", "Lexicon", "extract", "extract_article", "find_marked", "lexicon"]


def _na(x: Any) -> bool:
    return x is None or x is pd.NA or x is pd.NaT or (isinstance(x, float) and x != x)


def _actor_maps(actors: pd.DataFrame | None) -> tuple[dict[str, str], dict[str, str]]:
    """``actor_id -> type`` and ``folded last name -> actor_id`` of the persons."""
    types: dict[str, str] = {}
    last_names: dict[str, str] = {}
    if actors is None or actors.empty:
        return types, last_names
    for aid, typ, name in zip(actors["actor_id"], actors["type"], actors["name"], strict=True):
        if _na(aid):
            continue
        types[str(aid)] = "" if _na(typ) else str(typ)
        name = "" if _na(name) else str(name)
        if types[str(aid)] == "person" and name.split():
            last_names.setdefault(fold(name.replace("-", " ").split()[-1]), str(aid))
    return types, last_names


def _mentions_by_article(mentions: pd.DataFrame | None) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = {}
    if mentions is None or mentions.empty:
        return out
    kinds = mentions["mention_kind"].tolist() if "mention_kind" in mentions else [""] * len(mentions)
    cols = (mentions[c].tolist() for c in ("article_id", "start", "end", "actor_id"))
    for aid, s, e, act, kind, surf in zip(*cols, kinds, mentions["surface"].tolist(), strict=True):
        if _na(act) or _na(s) or _na(e):
            continue
        out.setdefault(aid, []).append((int(s), int(e), str(act), "" if _na(kind) else str(kind),
                                        "" if _na(surf) else str(surf)))
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
            out.append((sp.start, sp.end, str(aid), str(kind), doc.text[sp.start:sp.end]))
    return out


def _docs_from_tables(articles: pd.DataFrame, sentences: pd.DataFrame | None) -> Iterable[Doc]:
    from ..text import docs as make_docs

    sents = sentences if sentences is not None else schema.empty("sentences")
    return make_docs(articles, sents)


def extract(articles: pd.DataFrame, sentences: pd.DataFrame | None, mentions: pd.DataFrame | None,
            actors: pd.DataFrame | None, data_dir: str | None = None,
            docs: Sequence[Doc] | None = None) -> pd.DataFrame:
    """The ``quotes`` table: quotations of every article with their speakers and kind.

    With ``docs`` (the pipeline's :class:`~ukrsec.text.Doc` objects of ``articles``) the sentences and,
    when the layer is there, the mentions are read from them, and every quotation is added to
    ``doc.layers["quotes"]`` (label = kind, ``data`` = the row).
    """
    if articles is None or articles.empty:
        return schema.empty("quotes")
    lex = lexicon(data_dir)
    types, last_names = _actor_maps(actors)
    table_ments: dict[str, list[Mention]] | None = None
    rows: list[dict[str, Any]] = []
    for doc in (docs if docs is not None else _docs_from_tables(articles, sentences)):
        if not doc.text.strip():
            continue
        if "mentions" in doc.layers:
            ments = sorted(layer_mentions(doc))
        else:
            table_ments = _mentions_by_article(mentions) if table_ments is None else table_ments
            ments = sorted(table_ments.get(doc.article_id, []))
        sents = sorted((s.start, s.end, int(s.data)) for s in doc.sentences)
        found = extract_article(doc.article_id, doc.text, sents, ments, types, last_names, lex)
        doc.add("quotes", [Span(r["start"], r["end"], r["kind"], r) for r in found])
        rows += found
    return schema.frame("quotes", rows) if rows else schema.empty("quotes")
