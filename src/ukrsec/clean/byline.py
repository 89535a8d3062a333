"""After the header: author notes below the article and the news agency the page credits."""

from __future__ import annotations

from . import meta
from .page import Page, words
from .settings import Rules

_NOTE_WINDOW = 8  # author notes stand among the last lines of a page
_NOTE_MAX_WORDS = 45
_DATELINE_WINDOW = 5  # an agency dateline opens one of the first paragraphs of the body
_AGENCY_REASONS = ("agency_line",)
_SOURCE_LABELS = ("quelle:", "source:", "quelle ", "source ")


def author_notes(p: Page) -> None:
    """A short line near the end that starts with the name of an author of the byline is an author
    note ("Miriam Feldhaus ist Korrespondentin in Brüssel …")."""
    if not p.authors:
        return
    tail = [j for j in range(len(p)) if p.stripped[j]][-_NOTE_WINDOW:]
    for j in tail:
        s = p.stripped[j]
        if p.whole[j] is None and j > p.body_start and words(s) <= _NOTE_MAX_WORDS:
            if any(s.startswith(name + " ") for name in p.authors):
                p.mark(j, "author")


def read_agency(p: Page, r: Rules) -> None:
    """The agencies a page credits: a dateline "Warschau (dpa) - …" opening the body, agency credit
    lines ("(PA)", "mit Material von AFP") and source lines ("Quelle: AFP"); picture credits do not count."""
    found: list[str] = []
    free = [j for j in range(p.body_start, len(p)) if p.free(j)][:_DATELINE_WINDOW]
    for j in free:
        found += meta.dateline_agencies(p.stripped[j], r.meta)
    for j, reason in enumerate(p.whole):
        if reason in _AGENCY_REASONS or (reason is not None and p.low[j].startswith(_SOURCE_LABELS)):
            found += meta.agencies_in(p.stripped[j], r.meta)
    if found:
        p.agency = ", ".join(dict.fromkeys(found))
