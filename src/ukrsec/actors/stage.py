"""The stage: the passes in order over one article, and the ``mentions`` and ``actors`` tables."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .. import schema
from ..text import Doc, Span
from ..text import docs as make_docs
from .anaphora import coalition, discovered_surnames, homonym_surnames, titled_given_names
from .discovery import discovery_pass, single_names
from .gazetteer import Gazetteer, gazetteer
from .organizations import organization_pass
from .places import place_pass
from .resolve import gazetteer_pass, street_pass
from .roles import role_pass
from .state import Article, Mention
from .surnames import surname_pass

MENTION_KINDS = ("name", "adjective", "demonym", "metonym", "role", "surname", "given_name")
MENTION_COLUMNS = (
    "article_id",
    "sentence_id",
    "start",
    "end",
    "surface",
    "actor_id",
    "mention_kind",
    "role_text",
    "source",
    "link_confidence",
)
# the passes in order; each reads and extends the article's state
PASSES = (
    gazetteer_pass,
    surname_pass,
    homonym_surnames,
    titled_given_names,
    place_pass,
    organization_pass,
    street_pass,
    discovery_pass,
    discovered_surnames,
    single_names,
    role_pass,
    coalition,
)


def article_mentions(text: str, lang: str | None, gz: Gazetteer, folded: str | None = None) -> list[Mention]:
    """Every mention of one article, in text order."""
    art = Article(text, lang, gz, folded)
    for p in PASSES:
        p(art)
    for m in art.mentions:  # discovered actors travel with their mentions to the actors table
        if m.actor_id in art.discovered:
            m.extra["person"] = art.discovered[m.actor_id]
        elif m.actor_id in art.found_actors:
            m.extra["actor"] = art.found_actors[m.actor_id]
    art.mentions.sort(key=lambda m: (m.start, m.end, m.actor_id))
    return art.mentions


def _actor_row(m: Mention, gz: Gazetteer) -> dict:
    if m.actor_id in gz.actors:
        return dict(gz.actors[m.actor_id])
    if "actor" in m.extra:
        return dict(m.extra["actor"])
    info = m.extra["person"]
    return {"actor_id": m.actor_id, "name": info["name"], "type": "person", "country": info.get("country"),
            "role": info.get("role"), "linked": False, "qid": None,
            "kind": info.get("kind") or "person"}  # fmt: skip


def _note_actor(rows: dict[str, dict], m: Mention, gz: Gazetteer) -> None:
    row = rows.get(m.actor_id)
    if row is None:
        if m.actor_id in gz.actors or "person" in m.extra or "actor" in m.extra:
            rows[m.actor_id] = _actor_row(m, gz)
    elif "person" in m.extra:
        info = m.extra["person"]
        if not row.get("role"):
            row["role"] = info.get("role")
            row["country"] = row.get("country") or info.get("country")
        if row.get("kind") == "person" and info.get("kind"):  # a later article tells what they do
            row["kind"] = info["kind"]


def provenance(m: Mention) -> tuple[str, float | None]:
    """``(source, link_confidence)`` of a mention: ``gazetteer`` (1.0), ``fuzzy`` (a spelling variant
    linked to a known actor, with its similarity) or ``discovered`` (an actor the data do not list:
    None, or 1.0 when its name form gave a known id)."""
    if m.extra.get("fuzzy"):
        return "fuzzy", m.extra["link_confidence"]
    if "unknown" in m.extra:
        return "discovered", None if m.extra["unknown"] else 1.0
    return "gazetteer", 1.0


def _layer(ms: list[Mention]) -> list[Span]:
    return [Span(m.start, m.end, m.kind, m) for m in ms]


def extract_docs(docs: Iterable[Doc], data_dir: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(mentions, actors)`` for the documents; each document's mentions also go to its
    ``"mentions"`` layer (spans labelled with the mention kind, ``data`` the :class:`Mention`)."""
    gz = gazetteer(data_dir)
    cols: dict[str, list] = {c: [] for c in MENTION_COLUMNS}
    rows: dict[str, dict] = {}
    for doc in docs:
        if not doc.text:
            continue
        ms = article_mentions(doc.text, doc.language or None, gz)
        doc.add("mentions", _layer(ms))
        for m in ms:
            row = (doc.article_id, doc.sentence_id(m.start), m.start, m.end, doc.text[m.start : m.end],
                   m.actor_id, m.kind, m.role_text, *provenance(m))  # fmt: skip
            for c, v in zip(MENTION_COLUMNS, row, strict=True):
                cols[c].append(v)
            _note_actor(rows, m, gz)
    mentions = (
        schema.frame("mentions", pd.DataFrame(cols)) if cols["article_id"] else schema.empty("mentions")
    )
    actors = (
        schema.frame("actors", sorted(rows.values(), key=lambda r: r["actor_id"]))
        if rows
        else schema.empty("actors")
    )
    return mentions, actors


def extract(
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    data_dir: str | None = None,
    docs: list[Doc] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(mentions, actors)`` for the articles (``docs``: the batch's documents, if built already)."""
    if articles is None or articles.empty:
        return schema.empty("mentions"), schema.empty("actors")
    if docs is None:
        sents = sentences if sentences is not None else schema.empty("sentences")
        docs = list(make_docs(articles, sents))
    return extract_docs(docs, data_dir)
