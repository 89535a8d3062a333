"""The explicit per-page state every cleaning rule reads and marks, and the shapes of lines.

A :class:`Page` holds the raw lines, what each rule decided about them so far (a reason the whole
line goes, or spans within the line that go) and the metadata found. Rules never keep state of
their own; the order they run in (``lines.LINE_RULES``, then ``header``) is the only coupling.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

BULLET = "•·▪‣◦-–—*>"
SENT_END = ".!?…"
_CLOSERS = " \"'”“»«)›‹’‘]"
_NAV_SEPARATORS = re.compile(r"\s[|›»·•]\s|\s{2,}\S")


def key(line: str) -> str:
    """A line reduced for lookup: no bullets, no trailing colon, single spaces, lower case."""
    s = line.strip().lstrip(BULLET).strip()
    if len(s) > 120:  # far longer than any listed line: only needs to differ from them
        return s.casefold()
    s = s.rstrip(":：\u00a0 \t")
    return " ".join(s.split()).casefold()


def words(s: str) -> int:
    """Number of words (whitespace-separated) of ``s``."""
    return len(s.split())


def is_body(s: str) -> bool:
    """A line that reads like article prose (opens the body)."""
    w = words(s)
    return (w >= 8 and s.rstrip(" \"'”“»«)").endswith(tuple(SENT_END))) or w >= 25


def reads_as_sentence(s: str) -> bool:
    """A line that ends like a sentence: ``.``/``!``/``…`` (inside closing quotes or brackets too),
    or a closing quotation mark or bracket right after ``?``. Such a line is never a headline."""
    t = s.rstrip()
    core = t.rstrip(_CLOSERS)
    if not core:
        return False
    if core.endswith((".", "!", "…", ";", ",")):
        return True
    return core.endswith("?") and len(core) < len(t)


#: a sentence end inside a line ("… in Sicht. Die Europäer bieten …"): a word of lower-case letters,
#: a full stop or "!" and a capital (not "U.S. plans", "Dr. Merz"; a question inside is a headline's
#: form: "Bundeswehr für die Ukraine? Bundestag streitet")
_INNER_STOP = re.compile(r"[a-zäöüß]{2}[.!][\"'“”»«‘’)]?\s+[A-ZÄÖÜ]")


def headline_like(s: str) -> bool:
    """A line shaped like a headline: 3-30 words, not a sentence nor several, no bullet or menu separators."""
    w = words(s)
    t = s.strip()
    return (
        3 <= w <= 30
        and not reads_as_sentence(t)
        and not _INNER_STOP.search(t)
        and not t.startswith(tuple(BULLET))
        and len(t) <= 250
        and not _NAV_SEPARATORS.search(t)
    )


@dataclass
class Page:
    """One page being cleaned: its lines and what the rules decided so far."""

    lines: list[str]  # the raw lines without a trailing carriage return
    stripped: list[str]
    offsets: list[int]  # where each line starts in the raw text
    keys: list[str]  # :func:`key` of each line ("" for blank lines)
    low: list[str]  # each stripped line lower-cased (the furniture patterns are written in lower case)
    nwords: list[int]  # :func:`words` of each line
    known_title: str | None = None
    whole: list[str | None] = field(default_factory=list)  # reason the whole line goes
    partial: list[list[tuple[int, int, str]]] = field(default_factory=list)  # (start, end, reason) in a line
    block: str | None = None  # reason of a teaser/comment block that runs to the end of the page
    outlet: str | None = None
    publisher: str | None = None  # named by a "Published by …" line: the outlet when nothing better is found
    published: dt.datetime | None = None
    published_precision: str | None = None  # minute, day or month
    agency: str | None = None
    authors: list[str] = field(default_factory=list)  # names read from bylines
    seen_prose: bool = False  # a line of prose passed the line rules (closing blocks may open now)
    hints: list[dt.date] = field(default_factory=list)
    title: str | None = None
    body_start: int = 0
    not_titles: frozenset[str] = frozenset()  # keys of lines that are never the headline
    title_at: int = -1  # the line the headline was read from, as far as the header rules know
    wrapped: list[bool] = field(default_factory=list)  # line i of a hard-wrapped page goes on in i + 1

    @classmethod
    def of(cls, raw: str, known_title: str | None = None) -> Page:
        """The page state of the raw text ``raw`` (nothing decided yet)."""
        raw_lines = raw.split("\n")
        offsets, pos = [], 0
        for ln in raw_lines:
            offsets.append(pos)
            pos += len(ln) + 1
        lines = [ln.rstrip("\r") for ln in raw_lines]
        stripped = [ln.strip() for ln in lines]
        n = len(lines)
        return cls(
            lines=lines,
            stripped=stripped,
            offsets=offsets,
            keys=[key(s) if s else "" for s in stripped],
            low=[s.lower() for s in stripped],
            nwords=[len(s.split()) for s in stripped],
            known_title=known_title or None,
            whole=[None] * n,
            partial=[[] for _ in range(n)],
        )

    def joined(self, i: int) -> str:
        """Line ``i`` with the lines a hard wrap broke off it (:attr:`wrapped`), stripped."""
        parts = [self.stripped[i]]
        while i < len(self.wrapped) - 1 and self.wrapped[i]:
            i += 1
            parts.append(self.stripped[i])
        return " ".join(parts)

    def in_wrap(self, i: int) -> bool:
        """Whether line ``i`` is part of a hard-wrapped paragraph of two lines or more."""
        return bool(self.wrapped) and (self.wrapped[i] or (i > 0 and self.wrapped[i - 1]))

    def __len__(self) -> int:
        return len(self.lines)

    def mark(self, i: int, reason: str) -> None:
        """Line ``i`` goes for ``reason`` (unless it is blank or another rule took it first)."""
        if self.whole[i] is None and self.stripped[i]:
            self.whole[i] = reason

    def free(self, i: int) -> bool:
        """Line ``i`` is not blank and no rule took it."""
        return self.whole[i] is None and bool(self.stripped[i])

    def prev_nonblank(self, i: int) -> int | None:
        """The line right above ``i`` if it is not blank."""
        j = i - 1
        return j if j >= 0 and self.stripped[j] else None

    def set_published(self, ts: dt.datetime, precision: str | None = None) -> None:
        """The publication date, unless one was found before; ``precision`` from the time when not given."""
        if self.published is None:
            self.published = ts
            self.published_precision = precision or ("minute" if (ts.hour, ts.minute) != (0, 0) else "day")

    def carry_block(self, i: int) -> None:
        """Inside a block that runs to the end, line ``i`` goes with it (after its own rules ran)."""
        if self.block is not None and 0 <= i < len(self.lines) and self.stripped[i] and self.whole[i] is None:
            self.whole[i] = self.block
