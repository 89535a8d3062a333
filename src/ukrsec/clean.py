"""Stage ``clean``: strip page furniture from a raw news page and read its metadata.

The cleaner works line by line with the patterns of ``data/boilerplate.yaml``: navigation and
breadcrumbs, cookie banners, language switchers, picture captions and credits, video time stamps
(the body text sharing their line stays), related-article and comment blocks, copyright footers,
share and newsletter prompts. Every removal is recorded with its reason, so the ``removed`` table
lets a researcher audit the cleaner. Title, outlet and publication date come from what the page
says about itself (headline, byline, dateline, footer), never from the events it reports.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .dates import find_full_dates
from .resources import read_yaml

BULLET = "•·▪‣◦-–—*>"
SENT_END = ".!?…"


@dataclass
class Cleaned:
    """The result of cleaning one page."""

    text: str
    title: str | None = None
    outlet: str | None = None
    published: dt.datetime | None = None
    date_hint: dt.date | None = None
    removed: list[dict] = field(default_factory=list)
    problem: str | None = None  # set when the cleaner emptied the page or removed much of its prose


@dataclass(frozen=True)
class _Rules:
    to_end: dict[str, str]
    inline: set[str]
    inline_max_words: int
    lines: dict[str, str]
    languages: set[str]
    patterns: tuple[tuple[re.Pattern[str], str], ...]
    any_pattern: re.Pattern[str]  # all of ``patterns`` in one alternation: one scan rules most lines out
    caption_credit: re.Pattern[str]
    agencies: re.Pattern[str]
    video_stamp: re.Pattern[str]
    header_nav_max_words: int
    max_prose_loss: float
    prose_loss_ignores: frozenset[str]


def _key(line: str) -> str:
    """A line reduced for lookup: no bullets, no trailing colon, single spaces, lower case."""
    s = line.strip().lstrip(BULLET).strip()
    if len(s) > 120:  # far longer than any listed line: only needs to differ from them
        return s.casefold()
    s = s.rstrip(":：\u00a0 \t")
    return " ".join(s.split()).casefold()


@lru_cache(maxsize=4)
def rules(data_dir: str | None = None) -> _Rules:
    """The cleaning rules of ``boilerplate.yaml`` compiled once."""
    cfg = read_yaml("boilerplate.yaml", data_dir)
    to_end = {_key(m): reason for reason, ms in cfg["to_end"].items() for m in ms}
    inline = {_key(m) for m in cfg["inline_blocks"]["teaser"]}
    lines = {_key(m): reason for reason, ms in cfg["lines"].items() for m in ms}
    pats = tuple((re.compile(p, re.IGNORECASE), reason) for reason, ps in cfg["patterns"].items() for p in ps)
    agencies = re.compile(r"\b(" + "|".join(re.escape(a) for a in cfg["agencies"]) + r")\b", re.IGNORECASE)
    return _Rules(
        to_end=to_end,
        inline=inline,
        inline_max_words=int(cfg["inline_blocks"].get("max_words", 16)),
        lines=lines,
        languages={_key(x) for x in cfg["language_names"]},
        patterns=pats,
        any_pattern=re.compile("|".join(f"(?:{rx.pattern})" for rx, _ in pats), re.IGNORECASE),
        caption_credit=re.compile(cfg["caption_credit"], re.IGNORECASE),
        agencies=agencies,
        video_stamp=re.compile(cfg["video_stamp"]),
        header_nav_max_words=int(cfg["header_nav_max_words"]),
        max_prose_loss=float(cfg["max_prose_loss"]),
        prose_loss_ignores=frozenset(cfg["prose_loss_ignores"]),
    )


# --- metadata lines -----------------------------------------------------------------------------

_DOMAIN = (
    r"(?:[a-z0-9][a-z0-9-]*\.)+(?:de|com|fr|net|org|at|ch|eu|uk|info|news|tv|it|es|nl|pl|be|lu|ua|io|co)"
)
_DOMAIN_LINE = re.compile(rf"^(?:www\.)?({_DOMAIN})$", re.IGNORECASE)
_BYLINE = re.compile(
    rf"^(?:par|von|by|quelle|source)\s*:?\s+(?P<o>(?:www\.)?{_DOMAIN}|[A-ZÄÖÜ][\w.&-]*(?:\s[A-ZÄÖÜ][\w.&-]*){{0,3}})\s*(?:[,|–-]|$)",
    re.IGNORECASE,
)
_PUBLISHED_CUE = re.compile(
    r"\b(veröffentlicht|publiziert|erschienen|stand|aktualisiert|geändert|published|updated|posted"
    r"|publié|mis à jour|date)\b",
    re.IGNORECASE,
)
_FIRST_CUE = re.compile(
    r"\b(veröffentlicht|publiziert|erschienen|published|posted|publié|date)\b", re.IGNORECASE
)
_DATE_PREFIX = re.compile(
    r"^\s*(?:date|datum|stand|published|veröffentlicht)\s*:?\s*(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})"
    r"(?:[ ,T]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*uhr)?)?\s*",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^\s*(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}),?\s+(?:um\s+)?\d{1,2}[:.]\d{2}\s*(?:uhr|h)?\b",
    re.IGNORECASE,
)
_TIME_AFTER = re.compile(r"^\s*(?:,|um|at|à)?\s*(\d{1,2})[:.](\d{2})")
_COPY_START = re.compile(r"^(?:©|\(c\)|copyright\b)|\balle rechte\b.*\bvorbehalten\b", re.IGNORECASE)
_COPY_OWNER = re.compile(
    rf"((?:www\.)?{_DOMAIN})\s*$|^(?:©|\(c\)|copyright)\s*(?:\d{{4}}\s*[-–]?\s*)?(?P<name>[A-ZÄÖÜ][\w&'-]*(?:\s[A-ZÄÖÜ][\w&'-]*){{0,3}})",
    re.IGNORECASE,
)


_LONG_LINE_HINTS = ("cookie", "consent", "newsletter", "liveblog", "ticker", "rechte", "rights",
                    "datenschutz", "privacy", "abonnieren", "subscribe", "©")


def _may_be_furniture(s: str) -> bool:
    """Cheap pre-check: a long prose line is page furniture only if it names one of the usual suspects."""
    if len(s) <= 300:
        return True
    low = s.casefold()
    return any(h in low for h in _LONG_LINE_HINTS)


def _words(s: str) -> int:
    return len(s.split())


def _is_body(s: str) -> bool:
    """A line that reads like article prose (opens the body)."""
    w = _words(s)
    return (w >= 8 and s.rstrip(" \"'”“»«)").endswith(tuple(SENT_END))) or w >= 25


_NAV_SEPARATORS = re.compile(r"\s[|›»·•]\s|\s{2,}\S")


_META_SEP = re.compile(r"\d{1,2}[:.]\d{2}\s*(uhr|h|am|pm|a\.m\.|p\.m\.)?|\s\|\s", re.IGNORECASE)


def _date_line(s: str) -> bool:
    """A short line that starts with a full date (a dateline)."""
    if _words(s) > 14:
        return False
    dates = find_full_dates(s)
    return bool(dates) and dates[0].start <= 3


_FOOTER_HINT = re.compile(r"©|\(c\)|rechte|rights|impressum|datenschutz|privacy|\s[|·]\s", re.IGNORECASE)


def _site_name(s: str, footer: str) -> bool:
    """A short line naming the site: all capitals, or repeated in the page's footer lines."""
    w = _words(s)
    if not 1 <= w <= 4 or any(c.isdigit() for c in s) or s.rstrip().endswith(tuple(SENT_END + ":,")):
        return False
    letters = [c for c in s if c.isalpha()]
    if len(letters) >= 6 and all(c.isupper() for c in letters) and w >= 2:
        return True
    return len(s) >= 5 and s.casefold() in footer


_CLOSERS = " \"'”“»«)›‹’‘]"


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


def _headline_like(s: str) -> bool:
    w = _words(s)
    t = s.strip()
    return (
        3 <= w <= 30
        and not reads_as_sentence(t)
        and not t.startswith(tuple(BULLET))
        and len(t) <= 250
        and not _NAV_SEPARATORS.search(t)
    )


def _published_from(line: str) -> tuple[dt.datetime | None, bool]:
    """A publication date stated on a meta line, and whether the line is only metadata."""
    m = _DATE_PREFIX.match(line)
    if m:
        found = find_full_dates(m.group(1))
        if found:
            d = found[0].date
            ts = dt.datetime(d.year, d.month, d.day)
            hm = re.search(r"(\d{1,2}):(\d{2})", m.group(0)[m.end(1) - m.start(0) :])
            if hm and int(hm.group(1)) < 24 and int(hm.group(2)) < 60:
                ts = ts.replace(hour=int(hm.group(1)), minute=int(hm.group(2)))
            return ts, m.end() >= len(line.rstrip())
    if _words(line) > 30:
        return None, False
    cue = _PUBLISHED_CUE.search(line)
    dl = _DATELINE.match(line)
    if not cue and not dl:
        return None, False
    dates = find_full_dates(line)
    if not dates:
        return None, False
    # prefer the date that follows "veröffentlicht/published" over "geändert/updated"
    first = _FIRST_CUE.search(line)
    pick = dates[0]
    if first:
        after = [d for d in dates if d.start >= first.end()]
        pick = after[0] if after else dates[0]
    d = pick.date
    hh = _TIME_AFTER.match(line[pick.end :].replace(" um ", " ", 1))
    ts = dt.datetime(d.year, d.month, d.day)
    if hh and int(hh.group(1)) < 24 and int(hh.group(2)) < 60:
        ts = ts.replace(hour=int(hh.group(1)), minute=int(hh.group(2)))
    return ts, True


# --- the cleaner ----------------------------------------------------------------------------------


def clean_text(raw: str, data_dir: str | None = None, known_title: str | None = None) -> Cleaned:
    """Clean one raw page; see the module docstring. ``known_title`` comes from the input's metadata."""
    r = rules(data_dir)
    raw_lines = raw.split("\n")
    offsets: list[int] = []
    pos = 0
    for ln in raw_lines:
        offsets.append(pos)
        pos += len(ln) + 1
    n = len(raw_lines)
    lines = [ln.rstrip("\r") for ln in raw_lines]
    stripped = [ln.strip() for ln in lines]
    whole: list[str | None] = [None] * n  # reason the whole line goes
    partial: list[list[tuple[int, int, str]]] = [[] for _ in range(n)]  # (start, end, reason) within line
    outlet: str | None = None
    published: dt.datetime | None = None
    hints: list[dt.date] = []

    def mark(i: int, reason: str) -> None:
        if whole[i] is None and stripped[i]:
            whole[i] = reason

    def prev_nonblank(i: int) -> int | None:
        j = i - 1
        return j if j >= 0 and stripped[j] else None

    block: str | None = None  # reason of a teaser/comment block that runs to the end of the page
    i = 0
    while i < n:
        if block is not None and i > 0 and stripped[i - 1] and whole[i - 1] is None:
            whole[i - 1] = block
        s = stripped[i]
        if not s:
            i += 1
            continue
        k = _key(s)
        if k in r.to_end and _words(s) <= 8:
            block = r.to_end[k]
            mark(i, block)
            i += 1
            continue
        if k in r.inline and _words(s) <= 8:
            mark(i, "teaser")
            j = i + 1
            while j < n:
                t = stripped[j]
                if not t:
                    if j > i + 1:
                        break
                    j += 1
                    continue
                if _words(t) > r.inline_max_words or t.rstrip(" \"'”“»").endswith(tuple(SENT_END)):
                    break
                mark(j, "teaser")
                j += 1
            i = j
            continue
        if k in r.lines:
            reason = r.lines[k]
            mark(i, reason)
            # a picture credit right below a line makes that line the caption
            if reason == "image_credit" and re.search(r"\b(bild|foto|photo|image)\b", k):
                p = prev_nonblank(i)
                if p is not None and len(stripped[p]) <= 400 and whole[p] is None:
                    mark(p, "caption")
            i += 1
            continue
        # a video stamp: remove the stamp, keep the text on its line; the line above is its caption
        for mt in r.video_stamp.finditer(lines[i]):
            partial[i].append((mt.start(), mt.end(), "video_stamp"))
            try:
                hints.append(dt.date(*reversed([int(x) for x in mt.group(1).split(".")])))
            except ValueError:
                pass
        if partial[i]:
            rest = r.video_stamp.sub("", lines[i]).strip()
            if not rest:
                whole[i] = "video_stamp"
            p = prev_nonblank(i)
            if p is not None and whole[p] is None and len(stripped[p]) <= 500 and not partial[p]:
                whole[p] = "video_caption"
            i += 1
            continue
        # publication date and outlet from meta lines
        pub, only_meta = _published_from(s)
        if pub is not None:
            published = published or pub
            hints.append(pub.date())
            mp = _DATE_PREFIX.match(lines[i])
            if only_meta or not mp:
                mark(i, "byline")
            else:
                partial[i].append((mp.start(), mp.end(), "dateline"))
        bm = _BYLINE.match(s)
        if bm and _words(s) <= 30 and (pub is not None or _DOMAIN_LINE.match(bm.group("o").strip())):
            outlet = outlet or bm.group("o").strip().rstrip(",")
            mark(i, "byline")
        if whole[i] is None and _may_be_furniture(s) and r.any_pattern.search(s):
            for rx, reason in r.patterns:
                if rx.search(s):
                    mark(i, reason)
                    if reason == "image_credit" and re.match(r"\(?(archiv)?(foto|bild|photo|image)", k):
                        p = prev_nonblank(i)
                        if (
                            p is not None
                            and whole[p] is None
                            and _words(stripped[p]) <= 20
                            and len(re.findall(r"[.!?](\s|$)", stripped[p])) <= 1
                        ):
                            mark(p, "caption")
                    if outlet is None and _COPY_START.match(s):
                        cm = _COPY_OWNER.search(s)
                        if cm:
                            outlet = (cm.group(1) or cm.group("name") or "").strip() or None
                    break
        cc = r.caption_credit.search(s[-240:]) if whole[i] is None else None
        if cc:
            credit = cc.group(0)
            if r.agencies.search(credit) or re.search(r"(foto|bild|photo|image)\s*:", credit, re.IGNORECASE):
                mark(i, "caption")
        if whole[i] is None and k in r.languages:
            nb = [j for j in (i - 1, i + 1) if 0 <= j < n and stripped[j]]
            if any(_key(stripped[j]) in r.languages for j in nb):
                mark(i, "language_switcher")
        i += 1

    if block is not None and stripped[n - 1] and whole[n - 1] is None:
        whole[n - 1] = block
    # header: lines before the first body paragraph
    body_start = next(
        (
            j
            for j in range(n)
            if whole[j] is None and stripped[j] and not partial[j] and _is_body(stripped[j])
        ),
        n,
    )
    for j, (p0, p1, _) in ((k, p) for k in range(n) for p in partial[k]):
        if whole[j] is None and j < body_start:
            rest = (lines[j][:p0] + lines[j][p1:]).strip()
            if _is_body(rest):
                body_start = j
                break
    footer = " ".join(t for t in stripped[max(0, n - 6) :] if _FOOTER_HINT.search(t)).casefold()
    for j in range(body_start):
        s = stripped[j]
        if whole[j] is not None or not s:
            continue
        if _DOMAIN_LINE.match(s):
            outlet = outlet or s.lower().removeprefix("www.")
            mark(j, "site_name")
            continue
        if published is None and not partial[j] and _date_line(s):
            dates = find_full_dates(s)
            if dates:
                d = dates[0].date
                ts = dt.datetime(d.year, d.month, d.day)
                hh = _TIME_AFTER.match(s[dates[0].end :])
                if hh and int(hh.group(1)) < 24 and int(hh.group(2)) < 60:
                    ts = ts.replace(hour=int(hh.group(1)), minute=int(hh.group(2)))
                published = ts
                mark(j, "byline")
                continue
        if _site_name(s, footer):
            outlet = outlet or s
            mark(j, "site_name")
            continue
        if (
            _words(s.lstrip(BULLET)) <= r.header_nav_max_words or s.rstrip().endswith(":")
        ) and not _headline_like(s):
            mark(j, "navigation")
    # a date line just below the lead ("12. April 2025, 10:31 Uhr | Lesezeit: 4 Min.")
    if published is None:
        for j in [x for x in range(body_start, n) if stripped[x]][:6]:
            if (
                whole[j] is None
                and not partial[j]
                and _date_line(stripped[j])
                and _META_SEP.search(stripped[j])
            ):
                d = find_full_dates(stripped[j])[0]
                hh = _TIME_AFTER.match(stripped[j][d.end :])
                published = dt.datetime(d.date.year, d.date.month, d.date.day)
                if hh and int(hh.group(1)) < 24 and int(hh.group(2)) < 60:
                    published = published.replace(hour=int(hh.group(1)), minute=int(hh.group(2)))
                mark(j, "byline")
                break
    title: str | None = None
    header = [] if known_title else [
        j
        for j in range(body_start)
        if whole[j] is None and stripped[j] and _headline_like(stripped[j]) and not stripped[j].endswith(":")
    ]
    if header:
        # the headline is the longest headline-like line above the body (kickers and site names are shorter)
        j = max(header, key=lambda x: (_words(stripped[x]), -x))
        title = stripped[j]
        mark(j, "title")
    elif not known_title:
        kept = [j for j in range(n) if whole[j] is None and stripped[j]]
        for j in kept[:2]:
            if (
                j <= body_start + 1
                and _headline_like(stripped[j])
                and not stripped[j].endswith(":")
                and (j + 1 >= n or not _headline_like(stripped[j + 1]) or j < body_start)
            ):
                title = stripped[j]
                mark(j, "title")
                break
    if known_title:
        kt = _key(known_title)
        for j in range(n):
            if whole[j] is None and _key(stripped[j]) == kt:
                mark(j, "title")
                break
        title = known_title

    # assemble the kept text and the removal log
    out_lines: list[str] = []
    removed: list[dict] = []
    for j in range(n):
        ln = lines[j]
        if whole[j] is not None:
            removed.append(
                {
                    "line_start": j + 1,
                    "line_end": j + 1,
                    "raw_start": offsets[j],
                    "raw_end": offsets[j] + len(ln),
                    "reason": whole[j],
                    "text": ln,
                }
            )
            continue
        keep = ln
        for p0, p1, reason in sorted(partial[j], reverse=True):
            removed.append(
                {
                    "line_start": j + 1,
                    "line_end": j + 1,
                    "raw_start": offsets[j] + p0,
                    "raw_end": offsets[j] + p1,
                    "reason": reason,
                    "text": ln[p0:p1],
                }
            )
            keep = keep[:p0] + keep[p1:]
        out_lines.append(keep.strip())
    removed = _merge_runs(sorted(removed, key=lambda x: (x["raw_start"], x["raw_end"])))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(out_lines)).strip()
    date_hint = max(hints) if hints else None
    c = Cleaned(
        text=text, title=title, outlet=outlet, published=published, date_hint=date_hint, removed=removed
    )
    return _guard(c, stripped, whole, r.max_prose_loss, r.prose_loss_ignores)


def _guard(
    c: Cleaned, stripped: list[str], whole: list[str | None], max_loss: float, ignores: frozenset[str]
) -> Cleaned:
    """The cleaner never empties an article: an empty result keeps the raw text (spacing normalized)
    as the text, with no removals; losing more than ``max_loss`` of the prose is reported."""
    counts: dict[str, int] = {}
    for reason in whole:
        if reason is not None:
            counts[reason] = counts.get(reason, 0) + 1
    by = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    if not c.text:
        c.text = re.sub(r"\n{3,}", "\n\n", "\n".join(stripped)).strip()
        c.removed = []
        c.problem = (
            f"cleaning removed every line ({by}); the raw text is kept as the article text"
            if c.text
            else "no text left after cleaning"
        )
        return c
    prose = [(len(t), whole[j]) for j, t in enumerate(stripped) if t and _is_body(t)]
    total = sum(n for n, _ in prose)
    lost = sum(n for n, reason in prose if reason is not None and reason not in ignores)
    if total and lost / total > max_loss:
        c.problem = (
            f"cleaning removed {lost / total:.0%} of the prose ({by}), more than {max_loss:.0%}; "
            "the cleaned text is kept, see the removed table and raw_text"
        )
    return c


def _merge_runs(rows: list[dict]) -> list[dict]:
    """Join consecutive whole-line removals with the same reason into one line range."""
    out: list[dict] = []
    for row in rows:
        if (
            out
            and row["reason"] == out[-1]["reason"]
            and row["line_start"] <= out[-1]["line_end"] + 1
            and row["line_start"] > out[-1]["line_end"]
        ):
            out[-1]["line_end"] = row["line_end"]
            out[-1]["raw_end"] = row["raw_end"]
            out[-1]["text"] += "\n" + row["text"]
        else:
            out.append(dict(row))
    return out
