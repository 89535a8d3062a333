"""The explicit per-article state that the passes of the stage read and extend."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .gazetteer import Gazetteer, Hit


@dataclass
class Mention:
    """One mention: ``text[start:end]`` refers to ``actor_id``; ``kind`` is its ``mention_kind``."""

    start: int
    end: int
    actor_id: str
    kind: str
    role_text: str | None = None
    extra: dict = field(default_factory=dict)


@dataclass
class Article:
    """What the passes know about one article so far."""

    text: str
    lang: str | None
    gz: Gazetteer
    folded: str | None = None
    hits: list[Hit] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Hit] = field(default_factory=list)  # role-word hits, read by discovery and roles
    surname_hits: list[Hit] = field(default_factory=list)
    discovered: dict[str, dict] = field(default_factory=dict)  # person id -> name, kind, role, country
    found_actors: dict[str, dict] = field(default_factory=dict)  # rows of discovered organizations
    occupied: bytearray = field(default_factory=bytearray)
    person_starts: set[int] = field(default_factory=set)
    person_ends: set[int] = field(default_factory=set)  # last character of each person mention
    role_ends: dict[int, Hit] = field(default_factory=dict)
    role_starts: list[int] = field(default_factory=list)
    role_end_list: list[int] = field(default_factory=list)

    def is_person(self, actor_id: str) -> bool:
        """Whether ``actor_id`` is a gazetteer person."""
        return self.gz.actors.get(actor_id, {}).get("type") == "person"

    def occupy(self, s: int, e: int) -> None:
        """Mark ``text[s:e]`` as taken by a mention."""
        self.occupied[s:e] = b"\x01" * (e - s)

    def free(self, s: int, e: int) -> bool:
        """Whether no mention covers any of ``text[s:e]``."""
        return self.occupied.find(1, s, e) == -1

    def add_person(self, m: Mention) -> None:
        """Add a person mention and claim its text."""
        self.mentions.append(m)
        self.occupy(m.start, m.end)
        self.person_starts.add(m.start)
        self.person_ends.add(m.end - 1)

    def index_roles(self) -> None:
        """Index the role hits by their ends and starts (for the discovery pass)."""
        self.role_ends = {h.end: h for h in self.roles}
        self.role_starts = sorted(h.start for h in self.roles)
        self.role_end_list = sorted(self.role_ends)

    def role_ending_before(self, pos: int, within: int) -> Hit | None:
        """The last role hit that ends at most ``within`` characters before ``pos``."""
        i = bisect.bisect_right(self.role_end_list, pos) - 1
        if i < 0 or pos - self.role_end_list[i] > within:
            return None
        return self.role_ends[self.role_end_list[i]]

    def role_starting_after(self, pos: int, within: int) -> int | None:
        """The start of the first role hit at ``pos`` or at most ``within`` characters after it."""
        i = bisect.bisect_left(self.role_starts, pos)
        if i >= len(self.role_starts) or self.role_starts[i] > pos + within:
            return None
        return self.role_starts[i]
