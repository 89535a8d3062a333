"""The kept text, the removal log, and the guard that the cleaner never empties an article."""

from __future__ import annotations

import re
from collections import Counter

from .page import Page, is_body

_BLANK_RUNS = re.compile(r"\n{3,}")


def _row(p: Page, j: int, start: int, end: int, reason: str) -> dict:
    return {
        "_whole": start == 0 and end == len(p.lines[j]),
        "line_start": j + 1,
        "line_end": j + 1,
        "raw_start": p.offsets[j] + start,
        "raw_end": p.offsets[j] + end,
        "reason": reason,
        "text": p.lines[j][start:end],
    }


def assemble(p: Page) -> tuple[str, list[dict]]:
    """The kept text (spans cut, blank runs collapsed) and the removal rows, merged into line ranges."""
    parts: list[str] = []  # kept lines, each with the separator after it
    removed: list[dict] = []
    for j, ln in enumerate(p.lines):
        if p.whole[j] is not None:
            removed.append(_row(p, j, 0, len(ln), p.whole[j]))
            continue
        keep = ln
        for p0, p1, reason in sorted(p.partial[j], reverse=True):
            removed.append(_row(p, j, p0, p1, reason))
            keep = keep[:p0] + keep[p1:]
        parts.append(keep.strip())
        # a hard-wrapped line goes on in the next one (when that is kept): a space, no line break
        goes_on = j < len(p.wrapped) and p.wrapped[j] and p.whole[j + 1] is None
        parts.append(" " if goes_on else "\n")
    removed = merge_runs(sorted(removed, key=lambda x: (x["raw_start"], x["raw_end"])))
    for row in removed:
        del row["_whole"]
    return _BLANK_RUNS.sub("\n\n", "".join(parts)).strip(), removed


def merge_runs(rows: list[dict]) -> list[dict]:
    """Join consecutive whole-line removals with the same reason into one line range (a part of a line,
    such as a stamp, stays a row of its own)."""
    out: list[dict] = []
    for row in rows:
        if (
            out
            and row["_whole"]
            and out[-1]["_whole"]
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


def guard(p: Page, text: str, max_loss: float, ignores: frozenset[str]) -> tuple[str, bool, str | None]:
    """``(text, keep_removals, problem)``: an empty result becomes the raw text (lines stripped) with no
    removals; losing more than ``max_loss`` of the prose to rules outside ``ignores`` is a problem."""
    counts = Counter(r for r in p.whole if r is not None)
    by = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    if not text:
        raw = _BLANK_RUNS.sub("\n\n", "\n".join(p.stripped)).strip()
        if not raw:
            return raw, False, "no text left after cleaning"
        return raw, False, f"cleaning removed every line ({by}); the raw text is kept as the article text"
    prose = [(len(t), p.whole[j]) for j, t in enumerate(p.stripped) if t and is_body(t)]
    total = sum(n for n, _ in prose)
    lost = sum(n for n, reason in prose if reason is not None and reason not in ignores)
    if total and lost / total > max_loss:
        return text, True, (
            f"cleaning removed {lost / total:.0%} of the prose ({by}), more than {max_loss:.0%}; "
            "the cleaned text is kept, see the removed table and raw_text"
        )
    return text, True, None
