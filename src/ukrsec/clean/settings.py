"""The cleaner's heuristics as named data: ``data/boilerplate.yaml`` (page furniture) and
``data/clean/metadata.yaml`` (what a page says about itself), read through typed loaders that reject
an unknown or missing key with an error naming the file and the key, and compiled once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import resources
from ..text import lexicon as lx
from .page import key

_WORDS = lx.ListOf(str)
_BY_REASON = lx.MapOf(_WORDS)

FURNITURE = lx.Keys(
    {
        "to_end": _BY_REASON,
        "inline_blocks": lx.Keys({"teaser": _WORDS, "max_words": int}),
        "lines": _BY_REASON,
        "language_names": _WORDS,
        "patterns": _BY_REASON,
        "caption_credit": str,
        "agencies": _WORDS,
        "video_stamp": str,
        "header_nav_max_words": int,
        "max_prose_loss": float,
        "prose_loss_ignores": _WORDS,
    }
)

METADATA = lx.Keys(
    {
        "tlds": _WORDS,
        "byline_words": _WORDS,
        "published_cues": _WORDS,
        "first_cues": _WORDS,
        "date_prefix_labels": _WORDS,
        "long_line_hints": _WORDS,
        "footer_hints": _WORDS,
    }
)


@dataclass(frozen=True)
class Furniture:
    """``boilerplate.yaml`` compiled: listed lines by their :func:`~.page.key`, patterns, credits."""

    to_end: dict[str, str]
    inline: frozenset[str]
    inline_max_words: int
    lines: dict[str, str]
    languages: frozenset[str]
    patterns: tuple[tuple[re.Pattern[str], str], ...]
    # ``patterns`` in two alternations that rule most lines out in one step: those anchored at the
    # line start (tried there only) and the others. All are matched against the lower-cased line.
    starts: re.Pattern[str]
    anywhere: re.Pattern[str]
    caption_credit: re.Pattern[str]  # matched against the lower-cased end of a line
    agencies: re.Pattern[str]
    video_stamp: re.Pattern[str]
    header_nav_max_words: int
    max_prose_loss: float
    prose_loss_ignores: frozenset[str]


@dataclass(frozen=True)
class Metadata:
    """``clean/metadata.yaml`` as the patterns :mod:`.meta` reads lines with."""

    domain: str  # a site name: labels and one of the listed top-level domains
    domain_line: re.Pattern[str]
    byline: re.Pattern[str]
    published_cue: re.Pattern[str]  # matched against the lower-cased line
    first_cue: re.Pattern[str]
    date_prefix: re.Pattern[str]
    copy_start: re.Pattern[str]
    copy_owner: re.Pattern[str]
    long_line_hints: tuple[str, ...]
    footer_hint: re.Pattern[str]


@dataclass(frozen=True)
class Rules:
    """Everything the cleaner reads from its data files."""

    furniture: Furniture
    meta: Metadata


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in words)


def lower_case_pattern(pattern: str, where: str) -> re.Pattern[str]:
    """``pattern`` compiled to run on lower-cased text (faster than ignoring case); a pattern with an
    upper-case letter would never match there, so it is an error naming ``where``."""
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
            continue
        if pattern[i].isupper():
            raise lx.LexiconError(f"{where}: pattern {pattern!r} must be written in lower case")
        i += 1
    try:
        return re.compile(pattern)
    except re.error as e:
        raise lx.LexiconError(f"{where}: pattern {pattern!r} is not a valid regular expression ({e})") from e


def _one(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!x)x")


def _furniture(data_dir: str | None) -> Furniture:
    cfg = lx.load("boilerplate.yaml", FURNITURE, data_dir)
    src = resources.data_path("boilerplate.yaml", data_dir)
    pats = tuple(
        (lower_case_pattern(p, f"{src}: patterns.{reason}"), reason)
        for reason, ps in cfg["patterns"].items()
        for p in ps
    )
    return Furniture(
        to_end={key(m): reason for reason, ms in cfg["to_end"].items() for m in ms},
        inline=frozenset(key(m) for m in cfg["inline_blocks"]["teaser"]),
        inline_max_words=cfg["inline_blocks"]["max_words"],
        lines={key(m): reason for reason, ms in cfg["lines"].items() for m in ms},
        languages=frozenset(key(x) for x in cfg["language_names"]),
        patterns=pats,
        starts=_one([rx.pattern for rx, _ in pats if rx.pattern.startswith("^")]),
        anywhere=_one([rx.pattern for rx, _ in pats if not rx.pattern.startswith("^")]),
        caption_credit=lower_case_pattern(cfg["caption_credit"], f"{src}: caption_credit"),
        agencies=re.compile(r"\b(" + _alt(cfg["agencies"]) + r")\b", re.IGNORECASE),
        video_stamp=re.compile(cfg["video_stamp"]),
        header_nav_max_words=cfg["header_nav_max_words"],
        max_prose_loss=float(cfg["max_prose_loss"]),
        prose_loss_ignores=frozenset(cfg["prose_loss_ignores"]),
    )


def _metadata(data_dir: str | None) -> Metadata:
    cfg = lx.load("clean/metadata.yaml", METADATA, data_dir)
    domain = r"(?:[a-z0-9][a-z0-9-]*\.)+(?:" + _alt(cfg["tlds"]) + ")"
    name = r"[A-ZÄÖÜ][\w.&-]*(?:\s[A-ZÄÖÜ][\w.&-]*){0,3}"
    owner = r"[A-ZÄÖÜ][\w&'-]*(?:\s[A-ZÄÖÜ][\w&'-]*){0,3}"
    return Metadata(
        domain=domain,
        domain_line=re.compile(rf"^(?:www\.)?({domain})$", re.IGNORECASE),
        byline=re.compile(
            rf"^(?:{_alt(cfg['byline_words'])})\s*:?\s+(?P<o>(?:www\.)?{domain}|{name})\s*(?:[,|–-]|$)",
            re.IGNORECASE,
        ),
        published_cue=re.compile(rf"\b({_alt([c.lower() for c in cfg['published_cues']])})\b"),
        first_cue=re.compile(rf"\b({_alt(cfg['first_cues'])})\b", re.IGNORECASE),
        date_prefix=re.compile(
            rf"^\s*(?:{_alt(cfg['date_prefix_labels'])})\s*:?\s*(\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\.\d{{1,2}}\.\d{{4}})"
            r"(?:[ ,T]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*uhr)?)?\s*",
            re.IGNORECASE,
        ),
        copy_start=re.compile(r"^(?:©|\(c\)|copyright\b)|\balle rechte\b.*\bvorbehalten\b", re.IGNORECASE),
        copy_owner=re.compile(
            rf"((?:www\.)?{domain})\s*$|^(?:©|\(c\)|copyright)\s*(?:\d{{4}}\s*[-–]?\s*)?(?P<name>{owner})",
            re.IGNORECASE,
        ),
        long_line_hints=tuple(cfg["long_line_hints"]),
        footer_hint=re.compile(_alt(cfg["footer_hints"]) + r"|\s[|·]\s", re.IGNORECASE),
    )


@lru_cache(maxsize=4)
def rules(data_dir: str | None = None) -> Rules:
    """The cleaning rules of the data files, compiled once per data folder."""
    return Rules(furniture=_furniture(data_dir), meta=_metadata(data_dir))
