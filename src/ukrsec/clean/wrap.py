"""Hard-wrapped pages: which lines go on in the next one (text renderings, mailing lists and wire
feeds wrap their paragraphs at a fixed width). The line rules leave such a continuation line alone
(it is prose, whatever it starts with), and the kept text joins it to the line before with a space.
The rule's numbers are ``hard_wrap`` in ``boilerplate.yaml``."""

from __future__ import annotations

from .settings import HardWrap


def wrapped_lines(lines: list[str], wrap: HardWrap) -> list[bool]:
    """For each of the stripped ``lines``, whether it goes on in the next one; all False unless the
    page is hard-wrapped: its width (that of its ``min_lines``-th longest line of prose, four words
    or more) lies between ``min_width`` and ``max_width``, most lines of prose end near it, at least
    ``min_lines`` lines were wrapped (the first word of the next line would not have fitted), and
    at least ``min_lower`` of the lines they go on in start in lower case (a list of headlines
    never does)."""
    out = [False] * len(lines)
    prose = sorted((len(ln) for ln in lines if len(ln.split()) > 3), reverse=True)
    if len(prose) < wrap.min_lines:
        return out
    width = prose[wrap.min_lines - 1]  # a few longer lines may stand out
    near = sum(n >= width - wrap.ragged for n in prose)
    if not wrap.min_width <= width <= wrap.max_width or near < len(prose) / 2:
        return out
    for i in range(len(lines) - 1):
        out[i] = _wrapped(lines[i], lines[i + 1], width - wrap.slack, wrap)
    lower = sum(1 for i, w in enumerate(out) if w and lines[i + 1][:1].islower())
    if sum(out) < wrap.min_lines or lower < wrap.min_lower:
        return [False] * len(lines)
    return out


def _wrapped(line: str, nxt: str, width: int, wrap: HardWrap) -> bool:
    """Whether ``line`` was broken before ``nxt`` by a hard wrap at ``width``: both hold words, the
    first word of ``nxt`` would have made ``line`` wider, ``line`` does not end a sentence and ``nxt``
    is no list item."""
    first = nxt.split(None, 1)[0] if nxt else ""
    return (
        bool(first)
        and len(line) + 1 + len(first) > width
        and len(line.split()) > 3
        and not line.endswith(wrap.ends)
        and not wrap.item.match(nxt)
    )
