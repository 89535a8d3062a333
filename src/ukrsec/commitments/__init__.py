"""Stage ``commitments``: who pledges, considers, leaves open or refuses which kind of support.

Rule-based and driven by the data files in ``data/commitments/`` (German and English cue
lexicons, read with schema checks; see ``docs/commitments.md``). The package is a sequence of small
passes over an explicit per-article state (:mod:`.article`):

* :mod:`.lexicon` — the data files, checked and compiled (word cues into the shared matcher);
* :mod:`.cues` — cue hits of an article, stance patterns of a clause;
* :mod:`.clauses` — a sentence cut at contrast and subordinate conjunctions;
* :mod:`.stance` — which stance cue governs a type word; negation and hedges;
* :mod:`.subject` — the committing actor: owner adjectives, the clause's subject group, pronouns;
* :mod:`.conditions` — condition patterns, carried to the commitment stated before;
* :mod:`.quantities` — amounts with units, ranges, bounds, vague words.

:func:`extract` returns the ``commitments`` table and, given the articles' :class:`~ukrsec.text.Doc`
objects, adds each row's cue span to ``doc.layers["commitments"]``. What each article reports
across sources (``Corpus.compare()``) is in :mod:`ukrsec.analysis.stances`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import pandas as pd

from .. import schema
from ..text import Doc, Span, fold
from . import article
from .clauses import clauses
from .cues import Hit, find_cues
from .lexicon import STANCES, Lexicon, lexicon
from .quantities import Quantity, find_quantities, parse_number
from .subject import ActorRef, committing_actor

__all__ = ["STANCES", "ActorRef", "Hit", "Lexicon", "Quantity", "clauses", "committing_actor",
           "extract", "find_cues", "find_quantities", "lexicon", "parse_number"]

LAYER = "commitments"


def _missing(x: Any) -> bool:
    """None, NaN or pd.NA (cheaper than ``pd.isna`` on a scalar)."""
    return x is None or x is pd.NA or (isinstance(x, float) and x != x)


class _Resolver:
    """Actor ids -> committing actors (cached per extract call)."""

    def __init__(self, actors: pd.DataFrame | None, lex: Lexicon) -> None:
        self.lex = lex
        self.amap: dict[str, dict] = {}
        if actors is not None and not actors.empty:
            self.amap = {str(r["actor_id"]): r for r in actors.to_dict("records")}
        self._seen: dict[str, str | None] = {}

    def ref(self, start: int, end: int, actor_id: str, kind: Any) -> ActorRef:
        if actor_id not in self._seen:
            self._seen[actor_id] = committing_actor(actor_id, self.amap, self.lex)
        c = self._seen[actor_id]
        never = c in self.lex.never
        kind = "" if _missing(kind) else str(kind)
        ref = ActorRef(int(start), int(end), None if never else c, never, kind)
        ref.place = c is None and str((self.amap.get(actor_id) or {}).get("type") or "") == "place"
        ref.actor = actor_id
        return ref


def _refs_from_table(mentions: pd.DataFrame | None, res: _Resolver) -> dict[str, list[ActorRef]]:
    out: dict[str, list[ActorRef]] = {}
    if mentions is None or mentions.empty:
        return out
    mentions = mentions[mentions["start"].notna() & mentions["actor_id"].notna()]
    kinds = (mentions["mention_kind"].astype(object).tolist() if "mention_kind" in mentions
             else [None] * len(mentions))
    cols = [mentions[c].astype(object).tolist() for c in ("article_id", "start", "end", "actor_id")]
    for aid, s, e, act, kind in zip(*cols, kinds, strict=True):
        out.setdefault(str(aid), []).append(res.ref(s, e, str(act), kind))
    return out


def _field(data: Any, name: str) -> Any:
    if isinstance(data, dict):
        return data.get(name)
    return getattr(data, name, None)


def _refs_from_layer(spans: Iterable[Span], res: _Resolver) -> list[ActorRef]:
    """Mentions of ``doc.layers["mentions"]``: the actor id is ``data.actor_id``, the kind
    ``data.mention_kind`` or ``data.kind`` (a :class:`ukrsec.actors.Mention` or a mapping)."""
    out = []
    for sp in spans:
        act = _field(sp.data, "actor_id")
        if act:
            kind = _field(sp.data, "mention_kind") or _field(sp.data, "kind")
            out.append(res.ref(sp.start, sp.end, str(act), kind))
    return out


def _sentences(sentences: pd.DataFrame) -> dict[str, list[tuple[int, int, int]]]:
    out: dict[str, list[tuple[int, int, int]]] = {}
    for a, sid, s0, s1 in zip(*(sentences[c].astype(object).tolist()
                                for c in ("article_id", "sentence_id", "start", "end")), strict=True):
        out.setdefault(str(a), []).append((int(sid), int(s0), int(s1)))
    return out


def extract(articles: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame,
            actors: pd.DataFrame, data_dir: str | None = None,
            docs: Sequence[Doc] | None = None) -> pd.DataFrame:
    """The ``commitments`` table: one row per (sentence, actor, type) commitment found.

    With ``docs`` (the articles' Docs, in any order) the texts' lower-cased images are reused, actor
    mentions are read from ``doc.layers["mentions"]`` when a Doc has that layer, and every row's cue
    span is added to ``doc.layers["commitments"]`` (``data`` is the row).
    """
    if articles is None or articles.empty or sentences is None or sentences.empty:
        return schema.empty("commitments")
    res = _Resolver(actors, lexicon(data_dir))
    layered = docs is not None and len(docs) == len(articles) and all("mentions" in d.layers for d in docs)
    by_art = {} if layered else _refs_from_table(mentions, res)
    sents = _sentences(sentences)
    by_doc = {d.article_id: d for d in docs or ()}
    rows: list[dict] = []
    for aid, text, lang in _article_fields(articles):
        g = sents.get(aid)
        if text and g is not None:
            rows += _article(aid, text, lang, g, by_doc.get(aid), by_art.get(aid, []), res)
    if not rows:
        return schema.empty("commitments")
    return schema.frame("commitments", rows)


def _article_fields(articles: pd.DataFrame) -> Iterator[tuple[str, str, str]]:
    """(article id, text or "", language, "de" when missing) of every article, in table order."""
    langs = (articles["language"].astype(object).tolist() if "language" in articles
             else ["de"] * len(articles))
    for aid, text, lang in zip(articles["article_id"].astype(object).tolist(),
                               articles["text"].astype(object).tolist(), langs, strict=True):
        yield (str(aid), text if isinstance(text, str) else "",
               lang if isinstance(lang, str) and lang else "de")


def _article(aid: str, text: str, lang: str, sents: list[tuple[int, int, int]], doc: Doc | None,
             refs: list[ActorRef], res: _Resolver) -> list[dict]:
    """The rows of one article (mentions of its Doc's layer when there is one)."""
    if doc is not None and "mentions" in doc.layers:
        refs = _refs_from_layer(doc.layers["mentions"], res)
    low = doc.low if doc is not None else fold.lower(text)
    state = article.start(aid, text, lang, sents, sorted(refs, key=lambda m: m.start), res.amap, res.lex, low)
    found = _rows(aid, text, sents, article.run(state), res.lex)
    if doc is not None:
        doc.add(LAYER, [Span(r["start"], r["end"], r["type"], r) for r in found])
    return found


def _merge(drafts: list[article.Draft]) -> list[article.Draft]:
    merged: dict[tuple[int, str, str, bool], article.Draft] = {}
    for d in drafts:
        key = (d.sentence, d.actor, d.type, d.total)
        if key not in merged:
            merged[key] = d
            continue
        m = merged[key]
        if len(m.cues) == 1 and len(d.cues) > 1:
            m.stance = d.stance  # a stance word beats the default of an owned noun ("deutsche Soldaten")
        m.conditions |= d.conditions
        m.cues += [c for c in d.cues if c not in m.cues]
        if m.quantity is None:
            m.quantity = d.quantity
    return sorted(merged.values(), key=lambda d: (d.sentence, d.cue_start, d.actor))


def _same_commitment(d: article.Draft) -> tuple[str, str]:
    return (d.actor, d.type)


def _shared_conditions(drafts: list[article.Draft]) -> dict[tuple[str, str], set[str]]:
    """The conditions of one actor's commitment of one type across the article: a reader who learns in
    one sentence that Britain would deploy troops after a ceasefire and in another that the deployment
    needs a vote in Parliament marks both on Britain's commitment; a refusal until the war ends and an
    offer for after it are one position too ("Bis zum Kriegsende keine Soldaten", "nach einer Waffenruhe
    Friedenstruppen möglich")."""
    out: dict[tuple[str, str], set[str]] = {}
    for d in drafts:
        out.setdefault(_same_commitment(d), set()).update(d.conditions)
    return out


def _rows(aid: str, text: str, sents: list[tuple[int, int, int]], drafts: list[article.Draft],
          lex: Lexicon) -> list[dict]:
    rows = []
    merged = _merge(drafts)
    shared = _shared_conditions(merged)
    for n, d in enumerate(merged):
        sid, s0, s1 = sents[d.sentence]
        q = d.quantity
        rows.append({
            "commitment_id": f"{aid}:c{n}", "article_id": aid, "sentence_id": sid,
            "start": d.cue_start, "end": d.cue_end, "actor_id": d.actor, "type": d.type, "stance": d.stance,
            "conditions": sorted(shared.get(_same_commitment(d), d.conditions)),
            "conditions_stated": sorted(d.conditions), "quantity_min": q.qmin if q else None,
            "quantity_max": q.qmax if q else None, "unit": q.unit if q else None,
            "quantity_text": text[q.start:q.end] if q else None, "approximate": q.approximate if q else None,
            "evidence": text[s0:s1], "cue": "; ".join(dict.fromkeys(d.cues)),
            "plover": lex.plover.get(d.stance),
        })
    return rows
