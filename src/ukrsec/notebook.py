"""Helpers the notebooks call first: check parameters, open the corpus, say "no articles"."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .corpus import Corpus, load_corpus

#: set by ``ukrsec report`` for its kernels: the folder next to the report pages for whole tables
TABLES_ENV = "UKRSEC_TABLES_DIR"


def table_file(df: Any, name: str) -> str | None:
    """In a report (``UKRSEC_TABLES_DIR`` set), write ``df`` whole to ``DIR/NAME.csv`` and return its link
    relative to the report pages (``tables/NAME.csv``); elsewhere None. ``name`` is reduced to a safe
    file name (letters, digits, ``-``, ``_``)."""
    import re

    folder = os.environ.get(TABLES_ENV, "").strip()
    if not folder:
        return None
    safe = re.sub(r"[^\w-]+", "_", str(name), flags=re.ASCII).strip("_")[:80] or "table"
    target = Path(folder) / f"{safe}.csv"
    target.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(target, index=False)
    return f"{Path(folder).name}/{target.name}"


class ParameterError(ValueError):
    """A notebook parameter is invalid; the message names the valid choices."""


def open_corpus(corpus: str | Path | None) -> Corpus:
    """The corpus a notebook's ``corpus`` parameter names: ``None`` = the bundled seeds; a folder of
    tables saved by ``ukrsec parse`` / ``Corpus.save`` is opened as is; any other folder or file is parsed."""
    if corpus is not None and str(corpus).strip() and not Path(corpus).exists():
        raise ParameterError(
            f"corpus: path not found: {corpus!r}. Give a folder or file of articles, "
            "a folder written by `ukrsec parse`, or None for the bundled seeds."
        )
    if (
        corpus not in (None, "")
        and Path(corpus).is_dir()
        and any((Path(corpus) / f"articles.{ext}").is_file() for ext in ("parquet", "csv"))
    ):
        return Corpus.open(corpus)
    return load_corpus(corpus if corpus not in (None, "") else None, cache=True)


def check_choice(name: str, value: Any, choices: Iterable[Any], allow_none: bool = True) -> Any:
    """Return ``value`` if it is one of ``choices`` (or None when allowed), else raise ParameterError."""
    choices = list(choices)
    if value is None and allow_none:
        return None
    if value in choices:
        return value
    shown = ", ".join(map(str, choices[:60])) + (" …" if len(choices) > 60 else "")
    raise ParameterError(f"{name}={value!r} is not valid; choose one of: {shown or '(none in this corpus)'}")


def no_articles(corpus: Corpus) -> bool:
    """True (and a visible note) when the corpus has no articles, so a notebook can stop gracefully."""
    if len(corpus.articles):
        return False
    from IPython.display import Markdown, display

    display(
        Markdown(
            "**No articles** in this corpus"
            + (
                f" ({len(corpus.problems)} file(s) could not be read; see the problems table)."
                if len(corpus.problems)
                else "."
            )
        )
    )
    return True


def check_date(name: str, value: Any) -> str | None:
    """``value`` as ``YYYY-MM-DD`` (None stays None), else ParameterError naming the format."""
    import datetime as dt

    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return dt.date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        raise ParameterError(
            f"{name}={value!r} is not a date; give an ISO date like '2026-01-06', or None for no limit"
        ) from None


def check_date_range(start: Any, end: Any, corpus: Corpus | None = None) -> tuple[str | None, str | None]:
    """Validated ``(start, end)``; ``start`` after ``end`` is a ParameterError naming the corpus's dates."""
    s, e = check_date("start", start), check_date("end", end)
    if s and e and s > e:
        span = ""
        if corpus is not None and len(corpus.events):
            from .analysis import first_day

            days = sorted(d for d in corpus.events["date"].map(first_day) if d)
            if days:
                span = f" The corpus's events run from {days[0]} to {days[-1]}."
        raise ParameterError(
            f"start={s!r} is after end={e!r}; choose start <= end, or None for no limit.{span}"
        )
    return s, e


def default_actor(corpus: Corpus) -> str | None:
    """The most-mentioned actor's id, or None when nothing is mentioned."""
    from .viz import top_actors

    top = top_actors(corpus, 1)
    return top[0] if top else None


def check_actor(corpus: Corpus, actor: str | None) -> str | None:
    """A valid actor id for ``actor`` (an id or a canonical name, any case); None → the most mentioned."""
    if actor is None or (isinstance(actor, str) and not actor.strip()):
        return default_actor(corpus)
    from .viz import actor_names, top_actors

    ids = top_actors(corpus, 10**6)
    names = actor_names(corpus)
    by_key = {i.casefold(): i for i in ids} | {names.get(i, i).casefold(): i for i in ids}
    hit = by_key.get(str(actor).strip().casefold())
    if hit:
        return hit
    check_choice("actor", actor, [f"{i} ({names.get(i, i)})" for i in ids], allow_none=True)
    return None  # pragma: no cover - check_choice raised


def check_column_value(name: str, value: Any, column: Any) -> Any:
    """``value`` if it occurs in ``column`` (a Series); None stays None; else ParameterError naming them."""
    choices = sorted({str(v) for v in column.dropna()})
    return check_choice(name, None if value is None else str(value), choices)
