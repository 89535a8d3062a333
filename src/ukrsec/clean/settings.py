"""The cleaner's heuristics as named data: ``data/boilerplate.yaml`` (page furniture) and
``data/clean/metadata.yaml`` (what a page says about itself), read through typed loaders that reject
an unknown or missing key with an error naming the file and the key, and compiled once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import resources
from ..dates import weekday_names
from ..text import lexicon as lx
from .page import key

_WORDS = lx.ListOf(str)
_BY_REASON = lx.MapOf(_WORDS)
_PATTERN = lx.OneOf(str, lx.Keys({"pattern": str, "needs": _WORDS}))

FURNITURE = lx.Keys(
    {
        "to_end": _BY_REASON,
        "to_end_patterns": _BY_REASON,
        "inline_blocks": lx.Keys({"teaser": _WORDS, "max_words": int}),
        "lines": _BY_REASON,
        "language_names": _WORDS,
        "boxes": _BY_REASON,
        "line_stamps": _BY_REASON,
        "patterns": lx.MapOf(lx.ListOf(_PATTERN)),
        "caption_credit": str,
        "caption_credit_needs": _WORDS,
        "caption_marks": _WORDS,
        "agencies": _WORDS,
        "video_stamp": str,
        "video_stamp_needs": str,
        "header_nav_max_words": int,
        "hard_wrap": lx.Keys({"min_width": int, "max_width": int, "min_lines": int, "min_lower": int,
                              "ragged": int, "slack": int, "sentence_ends": str, "list_item": str}),
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
        "masthead_words": _WORDS,
        "published_by": _WORDS,
        "weekday_abbreviations": _WORDS,
        "author_words": _WORDS,
        "name_particles": _WORDS,
        "news_agencies": _BY_REASON,
        "not_titles": _WORDS,
    }
)


@dataclass(frozen=True)
class HardWrap:
    """``hard_wrap`` of ``boilerplate.yaml``: when a page is hard-wrapped at a fixed width."""

    min_width: int
    max_width: int
    min_lines: int
    min_lower: int  # wrapped lines whose next line starts in lower case
    ragged: int  # most lines of prose end within this many characters of the width
    slack: int
    ends: tuple[str, ...]  # a line ending in one of these ends a sentence: it is not joined
    item: re.Pattern[str]  # a line starting a list item is not joined to the line before


def _hard_wrap(cfg: dict) -> HardWrap:
    return HardWrap(cfg["min_width"], cfg["max_width"], cfg["min_lines"], cfg["min_lower"], cfg["ragged"],
                    cfg["slack"], tuple(cfg["sentence_ends"]), re.compile(cfg["list_item"]))


@dataclass(frozen=True)
class Furniture:
    """``boilerplate.yaml`` compiled: listed lines by their :func:`~.page.key`, patterns, credits."""

    to_end: dict[str, str]
    to_end_patterns: tuple[tuple[re.Pattern[str], str], ...]  # matched against the lower-cased line
    to_end_any: re.Pattern[str]  # all of ``to_end_patterns`` in one
    boxes: dict[str, str]
    line_stamps: tuple[tuple[re.Pattern[str], str], ...]
    inline: frozenset[str]
    inline_max_words: int
    lines: dict[str, str]
    languages: frozenset[str]
    # (pattern, reason, needs), in file order, matched against the lower-cased line; a pattern with
    # ``needs`` is only tried on lines holding one of them
    patterns: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]
    starts: re.Pattern[str]  # the anchored patterns without ``needs`` in one alternation (a quick test)
    needy: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]  # the others
    caption_credit: re.Pattern[str]  # matched against the lower-cased end of a line
    caption_credit_needs: tuple[str, ...]
    caption_mark: re.Pattern[str]  # "(Symbolbild)" at the end of a lower-cased line
    agencies: re.Pattern[str]
    video_stamp: re.Pattern[str]
    video_stamp_needs: str  # a character every video stamp holds (lines without it are not tried)
    header_nav_max_words: int
    wrap: HardWrap  # when a page is hard-wrapped, and where its lines go on
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
    date_prefix_label: re.Pattern[str]  # a date label or publication cue opening a line ("Stand:")
    copy_start: re.Pattern[str]
    copy_owner: re.Pattern[str]
    long_line_hints: tuple[str, ...]
    footer_hint: re.Pattern[str]
    masthead_words: tuple[str, ...]
    published_by: re.Pattern[str]
    weekday: re.Pattern[str]  # weekday names and abbreviations (calendar.yaml and this file)
    author_words: frozenset[str]
    byline_starts: frozenset[str]  # first words of author and publisher lines (a quick test)
    person_name: re.Pattern[str]  # two to four capitalized names, perhaps with particles ("von", "de")
    not_titles: frozenset[str]  # :func:`~.page.key` of section headings that are never the headline
    agencies: dict[str, str]  # lower-case form -> the name written in ``articles.agency``
    agency_tag: re.Pattern[str]  # an agency form as a whole word


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


def _by_reason(cfg: dict[str, list[str]], where: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (lower_case_pattern(p, f"{where}.{reason}"), reason) for reason, ps in cfg.items() for p in ps
    )


def _patterns(cfg: dict[str, list], where: str) -> tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]:
    out = []
    for reason, items in cfg.items():
        for item in items:
            text, needs = (item, ()) if isinstance(item, str) else (item["pattern"], tuple(item["needs"]))
            if not text.startswith("^") and not needs:
                raise lx.LexiconError(
                    f"{where}.{reason}: pattern {text!r} is not anchored at the line start ('^'); give it"
                    " {pattern: ..., needs: [...]}, strings one of which every line it matches holds"
                )
            out.append((lower_case_pattern(text, f"{where}.{reason}"), reason, needs))
    return tuple(out)


def _one(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!x)x")


def _furniture(data_dir: str | None) -> Furniture:
    cfg = lx.load("boilerplate.yaml", FURNITURE, data_dir)
    src = resources.data_path("boilerplate.yaml", data_dir)
    pats = _patterns(cfg["patterns"], f"{src}: patterns")
    marks = _alt([m.lower() for m in cfg["caption_marks"]])
    ends = _by_reason(cfg["to_end_patterns"], f"{src}: to_end_patterns")
    return Furniture(
        to_end={key(m): reason for reason, ms in cfg["to_end"].items() for m in ms},
        to_end_patterns=ends,
        to_end_any=_one([rx.pattern for rx, _ in ends]),
        boxes={key(m): reason for reason, ms in cfg["boxes"].items() for m in ms},
        line_stamps=_by_reason(cfg["line_stamps"], f"{src}: line_stamps"),
        inline=frozenset(key(m) for m in cfg["inline_blocks"]["teaser"]),
        inline_max_words=cfg["inline_blocks"]["max_words"],
        lines={key(m): reason for reason, ms in cfg["lines"].items() for m in ms},
        languages=frozenset(key(x) for x in cfg["language_names"]),
        patterns=pats,
        starts=_one([rx.pattern for rx, _, needs in pats if not needs]),
        needy=tuple((needs, rx) for rx, _, needs in pats if needs),
        caption_credit=lower_case_pattern(cfg["caption_credit"], f"{src}: caption_credit"),
        caption_credit_needs=tuple(cfg["caption_credit_needs"]),
        caption_mark=re.compile(rf"\((?:{marks})\)\s*$"),
        agencies=re.compile(r"\b(" + _alt(cfg["agencies"]) + r")\b", re.IGNORECASE),
        video_stamp=re.compile(cfg["video_stamp"]),
        video_stamp_needs=cfg["video_stamp_needs"],
        header_nav_max_words=cfg["header_nav_max_words"],
        wrap=_hard_wrap(cfg["hard_wrap"]),
        max_prose_loss=float(cfg["max_prose_loss"]),
        prose_loss_ignores=frozenset(cfg["prose_loss_ignores"]),
    )


def _metadata(data_dir: str | None) -> Metadata:
    cfg = lx.load("clean/metadata.yaml", METADATA, data_dir)
    days = list(weekday_names(data_dir)) + [d.lower() for d in cfg["weekday_abbreviations"]]
    agencies = {form.lower(): name for name, forms in cfg["news_agencies"].items() for form in forms}
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
        date_prefix_label=re.compile(
            rf"^(?:{_alt(cfg['date_prefix_labels'] + cfg['published_cues'])})\b\s*:?", re.IGNORECASE
        ),
        copy_start=re.compile(r"^(?:©|\(c\)|copyright\b)|\balle rechte\b.*\bvorbehalten\b", re.IGNORECASE),
        copy_owner=re.compile(
            rf"((?:www\.)?{domain})\s*$|^(?:©|\(c\)|copyright)\s*(?:\d{{4}}\s*[-–]?\s*)?(?P<name>{owner})",
            re.IGNORECASE,
        ),
        long_line_hints=tuple(cfg["long_line_hints"]),
        footer_hint=re.compile(_alt(cfg["footer_hints"]) + r"|\s[|·]\s", re.IGNORECASE),
        masthead_words=tuple(w.lower() for w in cfg["masthead_words"]),
        published_by=re.compile(
            rf"^(?:{_alt(cfg['published_by'])})\s*:?\s+(?P<o>\S.{{1,60}})$", re.IGNORECASE
        ),
        person_name=re.compile(
            rf"[A-ZÄÖÜ][\w'’.-]+(?:\s+(?:(?:{_alt(cfg['name_particles'])})\s+)?[A-ZÄÖÜ][\w'’.-]+){{1,3}}"
        ),
        weekday=re.compile(rf"(?:{_alt(sorted(days, key=len, reverse=True))})\.?", re.IGNORECASE),
        author_words=frozenset(w.lower() for w in cfg["author_words"]),
        byline_starts=frozenset(w.lower() for w in cfg["author_words"])
        | frozenset(w.split()[0].lower() for w in cfg["published_by"]),
        agencies=agencies,
        not_titles=frozenset(key(t) for t in cfg["not_titles"]),
        agency_tag=re.compile(rf"\b(?:{_alt(sorted(agencies, key=len, reverse=True))})\b", re.IGNORECASE),
    )


@lru_cache(maxsize=4)
def rules(data_dir: str | None = None) -> Rules:
    """The cleaning rules of the data files, compiled once per data folder."""
    return Rules(furniture=_furniture(data_dir), meta=_metadata(data_dir))
