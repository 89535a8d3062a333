"""Stage ``clean``: strip page furniture from a raw news page and read its metadata.

The cleaner is a short pipeline of small rules over one explicit per-page state
(:class:`~.page.Page`), with its heuristics as named data (``data/boilerplate.yaml``,
``data/clean/metadata.yaml``, compiled by :mod:`.settings`):

1. :func:`.lines.scan` — ordered line rules: closing teaser and comment blocks, inline link boxes,
   listed lines (menus, buttons, share links), video stamps, then date and byline lines, furniture
   patterns (cookies, copyright, credits, prompts), caption credits, language switchers;
2. :mod:`.header` — the lines above the first paragraph of prose: site names, datelines,
   navigation, and the headline (a supplied title wins; a line that reads as a sentence never is one);
3. :mod:`.output` — the kept text, the removal log (every removal with its reason and place, so the
   ``removed`` table lets a researcher audit the cleaner) and the guard: the cleaner never empties
   an article, and a page that lost much of its prose is reported.

Title, outlet and publication date come from what the page says about itself (headline, byline,
dateline, footer), never from the events it reports. See ``docs/cleaning.md``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from . import byline, header, lines, output, wrap
from .page import Page, headline_like, reads_as_sentence
from .settings import Rules, rules

__all__ = ["Cleaned", "Rules", "clean_text", "headline_like", "reads_as_sentence", "rules"]


@dataclass
class Cleaned:
    """The result of cleaning one page."""

    text: str
    title: str | None = None
    outlet: str | None = None
    published: dt.datetime | None = None
    published_precision: str | None = None  # minute, day or month
    agency: str | None = None  # news agencies the page credits ("dpa", "AFP, Reuters")
    date_hint: dt.date | None = None
    removed: list[dict] = field(default_factory=list)
    problem: str | None = None  # set when the cleaner emptied the page or removed much of its prose


def clean_text(raw: str, data_dir: str | None = None, known_title: str | None = None) -> Cleaned:
    """Clean one raw page; see the module docstring. ``known_title`` comes from the input's metadata."""
    r = rules(data_dir)
    p = Page.of(raw, known_title)
    p.not_titles = r.meta.not_titles
    p.wrapped = wrap.wrapped_lines(p.stripped, r.furniture.wrap)
    lines.scan(p, r)
    p.body_start = header.find_body_start(p)
    header.read_header(p, r)
    header.dateline_below_lead(p, r)
    header.choose_title(p)
    byline.author_notes(p)
    byline.read_agency(p, r)
    text, removed = output.assemble(p)
    text, keep, problem = output.guard(p, text, r.furniture.max_prose_loss, r.furniture.prose_loss_ignores)
    return Cleaned(
        text=text,
        title=p.title,
        outlet=p.outlet or p.publisher,
        published=p.published,
        published_precision=p.published_precision if p.published is not None else None,
        agency=p.agency,
        date_hint=max(p.hints) if p.hints else None,
        removed=removed if keep else [],
        problem=problem,
    )
