"""The per-article state the passes of the quotes stage read and fill."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..text import Span
from .lexicon import Lexicon
from .marks import mask


@dataclass
class Cand:
    """A possible speaker in the text: person, pronoun, role, source, org or a bare name."""

    start: int
    end: int
    kind: str
    text: str
    actor_id: str | None = None
    by_role: bool = False  # a person mention that is only a role ("der Kanzler") the actors stage resolved


@dataclass
class Speaker:
    """A resolved speaker: an actor, a text (a document, an unnamed source), or both."""

    actor_id: str | None
    text: str | None

    @property
    def named(self) -> bool:
        """Whether the speaker says who (or what) speaks."""
        return bool(self.actor_id or self.text)


#: labels whose patterns must not touch a hyphen on either side (as ``(?<![\w\-])`` would say)
_HYPHEN_FREE = frozenset({"before", "impersonal", "impersonal_head", "impersonal_tail", "term_prefix",
                          "medium", "reported", "first_person", "complementizer"})  # fmt: skip


def boundary_ok(masked: str, start: int, end: int, label: str, pat: str) -> bool:
    """Whether a cue match keeps clear of hyphens where its label asks for it."""
    if label not in _HYPHEN_FREE:
        return True
    if pat[:1].isalnum() and masked[start - 1 : start] == "-":
        return False
    if label == "term_prefix":  # a term prefix may run into a compound ("Titel-…")
        return True
    return not (pat[-1:].isalnum() and masked[end : end + 1] == "-")


#: a cue of saying: ``(kind, start, end)``; kind is verb, after, before or impersonal
Cue = tuple[str, int, int]
#: a mention: ``(start, end, actor_id, mention_kind, surface)``
Mention = tuple[int, int, str, str, str]


@dataclass
class Article:
    """One article as the quotes stage sees it.

    Filled by the passes in order: marks (``spans``, ``masked``), candidates (``cands``, ``cues``,
    ``words``), attribution (``attributed``: the speaker of each sentence, filled lazily).
    """

    text: str
    lex: Lexicon
    spans: list[tuple[int, int]]
    sent_starts: list[int]
    sent_ends: list[int]
    sent_ids: list[int]
    last_names: dict[str, str]
    lang: str = "und"
    roles: dict[str, str] = field(default_factory=dict)  # actor_id -> its role (lower case), persons
    countries: dict[str, str] = field(default_factory=dict)  # actor_id -> its country, persons
    masked: str = ""
    line_starts: list[int] = field(default_factory=list)
    cands: list[Cand] = field(default_factory=list)
    cand_starts: list[int] = field(default_factory=list)
    persons: list[Cand] = field(default_factory=list)
    person_starts: list[int] = field(default_factory=list)
    org_spans: list[tuple[int, int]] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)
    cue_starts: list[int] = field(default_factory=list)
    words: dict[str, list[Span]] = field(default_factory=dict)  # other cue spans, by label
    word_starts: dict[str, list[int]] = field(default_factory=dict)
    attributed: dict[int, Speaker | None] = field(default_factory=dict)
    last_quote: tuple[int, Speaker] | None = None  # closing mark and speaker of the last direct quotation

    def __post_init__(self) -> None:
        self.masked = mask(self.text, self.spans)
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", self.text)]
        if not self.sent_starts:
            self.sent_starts, self.sent_ends, self.sent_ids = [0], [len(self.text)], [0]

    def row(self, si: int, a: int, b: int, speaker: Speaker | None, kind: str) -> dict:
        """A ``quotes`` row (without ``article_id`` and ``quote_id``) for ``text[a:b]`` in sentence ``si``."""
        return {
            "sentence_id": self.sent_ids[si],
            "start": a,
            "end": b,
            "quote": self.text[a:b],
            "speaker_id": speaker.actor_id if speaker else None,
            "speaker_text": speaker.text if speaker else None,
            "kind": kind,
        }

    def sent_of(self, pos: int) -> int:
        """Index (into ``sent_starts``) of the sentence at ``pos``."""
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def line_of(self, pos: int) -> int:
        """Index of the line at ``pos``."""
        return bisect.bisect_right(self.line_starts, pos) - 1

    def set_cands(self, cands: list[Cand], orgs: list[tuple[int, int]], cues: list[Cue]) -> None:
        """Store the candidates and cues found by the candidates pass (sorted by start)."""
        self.cands, self.cand_starts = cands, [c.start for c in cands]
        self.persons = [c for c in cands if c.kind == "person"]
        self.person_starts = [c.start for c in self.persons]
        self.org_spans, self.cues, self.cue_starts = orgs, cues, [c[1] for c in cues]

    def person_index(self, pos: int) -> int:
        """Index of the first person candidate that starts at or after ``pos``."""
        return bisect.bisect_left(self.person_starts, pos)

    def cue_index(self, pos: int) -> int:
        """Index of the first cue that starts at or after ``pos``."""
        return bisect.bisect_left(self.cue_starts, pos)

    def has_cue(self, a: int, b: int) -> bool:
        """Whether a cue of saying starts within ``[a, b)``."""
        i = self.cue_index(a)
        return i < len(self.cues) and self.cues[i][1] < b

    def cands_between(self, a: int, b: int) -> list[Cand]:
        """The candidates that lie within ``[a, b)``."""
        i = bisect.bisect_left(self.cand_starts, a)
        out = []
        while i < len(self.cands) and self.cands[i].start < b:
            if self.cands[i].end <= b:
                out.append(self.cands[i])
            i += 1
        return out

    def window_words(self, label: str, a: int, b: int) -> list[Span]:
        """The spans of ``label`` (``medium``, ``first_person``) within ``[a, b)``, looked up on demand."""
        part = self.masked[a:b]
        return [
            Span(sp.start + a, sp.end + a, label)
            for sp in self.lex.window.find(part)
            if sp.label == label and boundary_ok(self.masked, sp.start + a, sp.end + a, label, sp.data.text)
        ]

    def words_between(self, label: str, a: int, b: int) -> list[Span]:
        """The cue spans of ``label`` that lie within ``[a, b)``."""
        spans = self.words.get(label)
        if not spans:
            return []
        starts = self.word_starts[label]
        i = bisect.bisect_left(starts, a)
        out = []
        while i < len(spans) and starts[i] < b:
            if spans[i].end <= b:
                out.append(spans[i])
            i += 1
        return out
