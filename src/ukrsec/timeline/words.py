"""The tagger's vocabulary and patterns, read from ``data/timex/words.yaml``, ``data/timex/kinds.yaml``
and ``data/calendar.yaml`` through schema-checked loaders, and compiled once per data folder."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .. import resources
from ..text import lexicon as lx
from ..text.matcher import alternation

WORDS_SCHEMA = lx.Keys(
    {
        "classes": lx.MapOf(lx.MapOf(lx.OneOf(int, float, str))),
        "article_numbers": lx.ListOf(str),
        "ambiguous_names": lx.ListOf(str),
        "english_seasons": lx.ListOf(str),
        "age_words": lx.ListOf(str),
        "ref_nouns": lx.ListOf(str),
        "tense": lx.Keys(
            {"future": lx.ListOf(str), "past": lx.ListOf(str), "past_suffixes_en": lx.ListOf(str)}
        ),
    }
)
KIND_SCHEMA = lx.Keys({"type": str, "triggers": lx.ListOf(str), "patterns": lx.ListOf(str)})
KINDS_SCHEMA = lx.Keys({"kinds": lx.MapOf(KIND_SCHEMA)})
CALENDAR_SCHEMA = lx.Keys({"months": lx.MapOf(lx.ListOf(str)), "weekdays": lx.MapOf(lx.ListOf(str))})
TYPES = ("DATE", "TIME", "DURATION", "SET")

#: built-in pattern classes that are not word lists
BUILTIN = {
    "day": r"(?:0?[1-9]|[12]\d|3[01])(?!\d)",
    "mm": r"(?:0?[1-9]|1[0-2])(?!\d)",
    "year": r"(?:1\d{3}|20\d{2})(?!\d)",
}


@dataclass(frozen=True)
class Kind:
    """One kind of expression: its name, TIMEX3 type, trigger words and compiled patterns."""

    name: str
    type: str
    triggers: frozenset[str]
    digit: bool  # numbers of one or two digits trigger it
    year4: bool  # numbers of four digits trigger it
    patterns: tuple[re.Pattern[str], ...]


@dataclass
class Vocab:
    """Word classes (word -> value), the kinds in priority order, tense cues."""

    classes: dict[str, dict[str, Any]]
    kinds: list[Kind]
    ambiguous: frozenset[str]
    article_numbers: frozenset[str]
    future: frozenset[str]
    past: frozenset[str]
    past_suffixes: tuple[str, ...]
    english_seasons: frozenset[str] = frozenset()
    age_words: frozenset[str] = frozenset()
    ref_nouns: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = field(default_factory=frozenset)

    def value(self, cls: str, word: str | None) -> Any:
        """The value of ``word`` (any case and spacing) in class ``cls``; None when absent."""
        if word is None:
            return None
        return self.classes[cls].get(" ".join(word.lower().split()))


def _calendar(data_dir: str | None) -> tuple[dict[str, int], dict[str, int], dict[str, int], frozenset[str]]:
    """Month names (-> 1..12), weekday names and habitual forms ("montags") (-> 1..7, Monday = 1 as
    in TIMEX3), and the month names that abbreviate another name of their month."""
    cal = lx.load("calendar.yaml", CALENDAR_SCHEMA, data_dir)
    months = {n: int(m) for m, ns in cal["months"].items() for n in ns}
    days_all = {n: int(d) + 1 for d, ns in cal["weekdays"].items() for n in ns}
    habitual = {n: d for n, d in days_all.items() if n.endswith("s") and n[:-1] in days_all}
    days = {n: d for n, d in days_all.items() if n not in habitual}
    return months, days, habitual, _abbreviations(months)


def _abbreviations(months: dict[str, int]) -> frozenset[str]:
    """Names of four letters or fewer that start another name of the same month ("jan", "sept")."""
    by_month: dict[int, list[str]] = {}
    for n, m in months.items():
        by_month.setdefault(m, []).append(n)
    return frozenset(n for n, m in months.items() if len(n) <= 4 and _starts_other(n, by_month[m]))


def _starts_other(name: str, names: list[str]) -> bool:
    return any(o != name and o.startswith(name) for o in names)


def _expand(pattern: str, alts: dict[str, str], where: str) -> str:
    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in alts:
            raise lx.LexiconError(
                f"{where}: unknown class {{{name}}} (expected one of {', '.join(sorted(alts))})"
            )
        return alts[name]

    return re.sub(r"\{([a-z_]+)\}", sub, pattern)


@lru_cache(maxsize=4)
def vocab(data_dir: str | None = None) -> Vocab:
    """The compiled vocabulary and kinds (built once per data folder)."""
    w = lx.load("timex/words.yaml", WORDS_SCHEMA, data_dir)
    k = lx.load("timex/kinds.yaml", KINDS_SCHEMA, data_dir)
    months, days, habitual, abbr = _calendar(data_dir)
    classes: dict[str, dict[str, Any]] = {
        c: {" ".join(str(x).lower().split()): v for x, v in ws.items()} for c, ws in w["classes"].items()
    }
    classes.update(month=months, weekday=days, weekday_s=habitual)
    alts = {c: "(?:" + alternation(ws, flexible_space=True) + ")" for c, ws in classes.items()}
    alts.update(BUILTIN)
    alts["num"] = r"(?:\d+(?:[.,]\d+)?(?!\d)|" + alts["numword"] + ")"
    prep = r"(?:(?P<prep>" + alts["prep"] + r")\s+)?"
    kinds = []
    from . import kinds as resolvers  # the resolvers, one per kind

    for name, spec in k["kinds"].items():
        where = f"{resources.data_path('timex/kinds.yaml', data_dir)}: kinds.{name}"
        if spec["type"] not in TYPES:
            raise lx.LexiconError(f"{where}.type must be one of {', '.join(TYPES)}, not {spec['type']!r}")
        if not hasattr(resolvers, name):
            raise lx.LexiconError(f"{where}: no resolver named {name!r} in ukrsec.timeline.kinds")
        trig: set[str] = set()
        for t in spec["triggers"]:
            # a phrase is triggered by its longest word ("the end of" by "end")
            trig.update(max(x.split()[::-1], key=len) for x in classes[t]) if t in classes else trig.add(
                t.lower()
            )
        pats = []
        for i, p in enumerate(spec["patterns"]):
            body = _expand(p, alts, f"{where}.patterns[{i}]")
            try:
                pats.append(re.compile(r"(?<![\w.])" + prep + "(?:" + body + r")(?!\w)", re.IGNORECASE))
            except re.error as e:
                raise lx.LexiconError(f"{where}.patterns[{i}]: not a valid pattern: {e}") from e
        kinds.append(
            Kind(
                name,
                spec["type"],
                frozenset(trig - {"digit", "year4"}),
                "digit" in trig,
                "year4" in trig,
                tuple(pats),
            )
        )
    t = w["tense"]
    return Vocab(
        classes=classes,
        kinds=kinds,
        ambiguous=frozenset(w["ambiguous_names"]),
        article_numbers=frozenset(w["article_numbers"]),
        future=frozenset(t["future"]),
        past=frozenset(t["past"]),
        past_suffixes=tuple(t["past_suffixes_en"]),
        abbreviations=abbr,
        english_seasons=frozenset(w["english_seasons"]),
        age_words=frozenset(w["age_words"]),
        ref_nouns=frozenset(w["ref_nouns"]),
    )
