"""Conditions: the condition patterns of ``conditions.yaml`` found in a sentence, and carried over to
the commitments stated before when the sentence has none of its own."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from ..text.prefixes import matches_at
from .lexicon import Lexicon


@dataclass
class Triggers:
    """Where the cheap trigger strings of the conditions occur in an article, and where each
    condition pattern can start (``at``, see :class:`ukrsec.text.prefixes.PrefixIndex`)."""

    spans: list[tuple[int, int, frozenset]] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    at: list[list[int] | None] = field(default_factory=list)
    active: list[int] = field(default_factory=list)  # the patterns that can match in the article

    @classmethod
    def find(cls, low: str, lex: Lexicon) -> Triggers:
        at = lex.condition_index.starts(low) if lex.conditions else []
        active = [i for i, a in enumerate(at) if a != []] if at else list(range(len(lex.conditions)))
        if lex.trigger_automaton is None:
            return cls(at=at, active=active)
        spans = sorted((e - n + 1, e + 1, cs) for e, (n, cs) in lex.trigger_automaton.iter(low))
        return cls(spans, [t[0] for t in spans], at, active)

    def live(self, s0: int, s1: int) -> set[str]:
        """The conditions whose trigger occurs inside ``[s0, s1)``."""
        out: set[str] = set()
        for _a, b, cs in self.spans[bisect_left(self.starts, s0):bisect_left(self.starts, s1)]:
            if b <= s1:
                out |= cs
        return out


def condition_spans(low: str, s0: int, s1: int, triggers: Triggers,
                    lex: Lexicon) -> list[tuple[str, int, int]]:
    """(condition, start, end) of every condition pattern found in the sentence ``low[s0:s1]``."""
    live = triggers.live(s0, s1)
    if not live and lex.all_triggered:
        return []
    seg = low[s0:s1]
    out = []
    for i in triggers.active:
        key, c, rx = lex.conditions[i]
        if key in lex.triggers and key not in live:
            continue
        at = triggers.at[i] if triggers.at else None
        if at is None:
            found = rx.finditer(seg)
        else:  # tried only where the pattern can start (the same matches as a scan of the sentence)
            here = at[bisect_left(at, s0):bisect_left(at, s1)]
            if not here:
                continue
            found = matches_at(rx, seg, [p - s0 for p in here])
        out += [(c, s0 + m.start(), s0 + m.end()) for m in found]
    return out


def carry(drafts: list, k: int, actor: str | None, conds: set[str], lex: Lexicon) -> None:
    """Give ``conds`` (of sentence ``k``, which states no commitment) to the latest commitments within
    ``carry_window`` sentences before it: those of ``actor`` when it has some within
    ``actor_carry_window``, else all of the latest. A condition that names a row's actor is not that
    row's own (``own_conditions``: "mit Unterstützung der USA" after a US pledge)."""
    recent = [d for d in drafts if 0 < k - d.sentence <= lex.carry_window]
    if actor is not None:
        # the actor's own commitments, also a little further back (``actor_carry_window``)
        same = [d for d in drafts if d.actor == actor and 0 < k - d.sentence <= lex.actor_carry_window]
        if same:
            recent = same
    if not recent:
        return
    last = max(d.sentence for d in recent)
    for d in recent:
        if d.sentence == last:
            d.conditions |= {c for c in conds if d.actor not in lex.own_conditions.get(c, ())}
