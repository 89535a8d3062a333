"""Pass 1: quotation marks. Pairs of marks in every German and English style, and the masked text.

A quotation is the text between an opening and a closing mark („…“ “…” "…" '…' «…» »…« ‚…‘ ‘…’),
over several sentences too; apostrophes inside words (Trump's, geht's) are not marks. A quotation
never runs over a paragraph break, except in the English convention where the next paragraph opens
with the same mark (the paragraph is then a quotation of its own, closed by the line break).
"""

from __future__ import annotations

import bisect
import re

#: opening mark -> the marks that close it
CLOSERS: dict[str, str] = {
    "„": '“”"',
    "‚": "‘’'",
    "“": "”“",
    "”": "”",
    "«": "»",
    "»": "«",
    "‘": "’",
    '"': '"',
    "'": "'",
}
#: closing marks tried when an opening mark finds none of its own before the paragraph ends: a page
#: that opens with a straight mark and closes with a typographic one ("Wir halten …“, "We will …,”,
#: "Wir helfen …», sagte sie": a guillemet in closing position, before a space or punctuation)
FALLBACK_CLOSERS: dict[str, str] = {'"': "”“»«"}
_MARK = re.compile("[" + re.escape("".join(sorted(set("".join(CLOSERS) + "".join(CLOSERS.values()))))) + "]")
#: what a masked quotation looks like to the cue search (not a word, not a space, not punctuation)
MASK = "¤"
_BEFORE_OPEN = set(" \t\n([{/–—-:;,>") | {""}


def _can_open(text: str, i: int, c: str) -> bool:
    nxt = text[i + 1 : i + 2]
    if c == "„" and nxt == " " and text[i + 2 : i + 3].isalpha():
        nxt = text[i + 2]  # a padded low opening mark ("„ den Druck … “"): it never closes anything
    if not nxt or nxt.isspace():
        return False
    prev = text[i - 1 : i] if i else ""
    if c in "„«»":
        return nxt not in ",.;:!?"  # "… erfolgen », sagte er": a mark before punctuation closes
    if c == "‚":
        return nxt.isalnum()
    if c in "'‘":
        return prev in _BEFORE_OPEN or prev in '„“"' and nxt != c
    if c in '"“”':
        if nxt == c:
            return False  # a doubled mark (""Diese Frage …"): the second one opens
        return prev in _BEFORE_OPEN or not prev.isalnum()
    return False


def _can_close(text: str, i: int, c: str, opener: str) -> bool:
    prev = text[i - 1 : i]
    nxt = text[i + 1 : i + 2]
    if c in "'’":
        # an apostrophe inside a word (Trump's, geht's) never closes
        return bool(prev) and not prev.isspace() and not (nxt.isalnum() and prev.isalpha())
    if c == '"' or (c == "“" and opener == "“"):
        return bool(prev) and not prev.isspace() and not nxt.isalnum()
    return True


def _closer(text: str, marks: list[int], k: int, limit: int) -> int:
    """Index into ``marks`` of the mark that closes the one at ``marks[k]`` before ``limit``, or -1."""
    c = text[marks[k]]
    closers, fallbacks = CLOSERS[c], FALLBACK_CLOSERS.get(c, "")
    found = fallback = -1
    for j in range(k + 1, len(marks)):
        q = marks[j]
        if q >= limit:
            break
        if text[q] in closers and _can_close(text, q, text[q], c):
            if found < 0 and _possessive(text, q):
                found = j  # the apostrophe of "soldiers' lives" closes only if no other mark does
                continue
            return j
        if fallback < 0 and text[q] in fallbacks and _falls_back(text, q):
            fallback = j
    return found if found >= 0 else fallback


def _falls_back(text: str, i: int) -> bool:
    """A closing mark of another style at ``i`` closes a straight opening mark (see FALLBACK_CLOSERS):
    a guillemet only where it cannot open, a typographic mark where a straight one would close."""
    if text[i] in "«»":
        return not _can_open(text, i, text[i])
    return _can_close(text, i, '"', '"')


def _inside_word(text: str, i: int) -> bool:
    """An apostrophe inside a word (I’ve, Trump's), no quotation mark."""
    return text[i] in "'’" and text[i - 1 : i].isalpha() and text[i + 1 : i + 2].isalnum()


def _possessive(text: str, i: int) -> bool:
    """A single mark after a plural "-s" and before a lower-case word: the apostrophe of a plural
    possessive ("'Our soldiers' lives are …,' he said") rather than a closing mark."""
    after = text[i + 1 : i + 3]
    return text[i] in "'’" and text[i - 1 : i] == "s" and after[:1] == " " and after[1:].islower()


def find_marked(text: str, max_chars: int = 1500) -> list[tuple[int, int]]:
    """Spans ``(open_mark, close_mark)`` of the quotations in ``text`` (outermost marks only)."""
    marks = [m.start() for m in _MARK.finditer(text)]
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(marks):
        p = marks[k]
        c = text[p]
        if c not in CLOSERS or not _can_open(text, p, c):
            k += 1
            continue
        nl = text.find("\n", p)
        found = _closer(text, marks, k, min(p + max_chars, nl if nl >= 0 else len(text)))
        if found >= 0:
            out.append((p, marks[found]))
            k = found + 1
            continue
        k = _unclosed(text, marks, k, nl, max_chars, out)
    return out


def _unclosed(text: str, marks: list[int], k: int, nl: int, max_chars: int, out: list) -> int:
    """An opening mark at ``marks[k]`` with no closer in its paragraph: a quotation the next paragraph
    goes on with (it opens with the same mark, the English convention; or it has no opener and closes
    with a closer of its own, the first mark in it), or one the truncated page never closes (the last
    paragraph, four words or more); a paragraph that a continued quotation runs into is quoted to
    its end even when the paragraph after it opens with no mark. Appends the spans to ``out``; the
    index of the next mark to read."""
    p, c = marks[k], text[marks[k]]
    end = nl if nl >= 0 else len(text)
    if any(not _inside_word(text, q) for q in marks[k + 1 : bisect.bisect_left(marks, end)]):
        return k + 1  # other marks follow in the paragraph: unbalanced marks, no quotation
    if nl < 0:
        if len(text[p + 1 :].split()) >= 4 and len(text) - p <= max_chars and c not in "'‘‚":
            out.append((p, len(text)))  # a page cut off inside a quotation
            return len(marks)
        return k + 1
    if nl - p > max_chars or not text[p + 1 : nl].strip():
        return k + 1
    start = nl + 1 + len(text[nl + 1 :]) - len(text[nl + 1 :].lstrip())
    if text[start : start + 1] == c:
        out.append((p, nl))  # paragraph-continued quotation: closed by the line break
        return k + 1
    j = _closes_next(text, marks, start, c, max_chars)
    if j < 0:
        if out and text[out[-1][1] : out[-1][1] + 1] == "\n" and not text[out[-1][1] : p].strip():
            out.append((p, nl))  # the last paragraph of a continued quotation that runs on unmarked
        return k + 1
    out.append((p, nl))
    out.append((start - 1, marks[j]))  # the paragraph that closes it, without an opener of its own
    return j + 1


def _closes_next(text: str, marks: list[int], start: int, c: str, max_chars: int) -> int:
    """Index into ``marks`` of the first mark of the paragraph at ``start`` when it closes ``c`` (and
    is no apostrophe), else -1."""
    nxt = text.find("\n", start)
    j = bisect.bisect_left(marks, start)
    if j >= len(marks) or (nxt >= 0 and marks[j] > nxt) or marks[j] - start > max_chars:
        return -1
    q = marks[j]
    return j if text[q] in CLOSERS[c] and text[q] not in "'’" and _can_close(text, q, text[q], c) else -1


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every quotation (marks included) replaced by :data:`MASK` (line breaks kept)."""
    if not spans:
        return text
    parts = []
    last = 0
    for a, b in spans:
        parts.append(text[last:a])
        parts.append(re.sub(r"[^\n]", MASK, text[a : b + 1]))
        last = b + 1
    parts.append(text[last:])
    return "".join(parts)[: len(text)]


def strip(text: str, a: int, b: int) -> tuple[int, int]:
    """``(a, b)`` moved inwards past white space."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
