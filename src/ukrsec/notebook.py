"""Helpers the notebooks call first: check parameters, open the corpus, say "no articles"."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .corpus import Corpus, load_corpus


class ParameterError(ValueError):
    """A notebook parameter is invalid; the message names the valid choices."""


def open_corpus(corpus: str | Path | None) -> Corpus:
    """Parse the corpus a notebook's ``corpus`` parameter names (``None``: the bundled seeds)."""
    if corpus is not None and str(corpus).strip() and not Path(corpus).exists():
        raise ParameterError(f"corpus: path not found: {corpus!r}. Give a folder or file of articles, "
                             "or None for the bundled seeds.")
    return load_corpus(corpus if corpus not in (None, "") else None)


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

    display(Markdown("**No articles** in this corpus"
                     + (f" ({len(corpus.problems)} file(s) could not be read; see the problems table)."
                        if len(corpus.problems) else ".")))
    return True
