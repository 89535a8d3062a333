"""Amounts: numbers with units (German and English formats, ranges, bounds, vague words)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..text import fold
from .lexicon import lexicon

_GROUPED = re.compile(r"\d{1,3}(?:[ .,]\d{3})+")
_GROUPED_DEC = re.compile(r"(\d{1,3}(?:([ .,])\d{3})+)([.,])(\d+)")
_SEPS = re.compile(r"[ .,]")
_NONSPACE = re.compile(r"[^\s]+")


def parse_number(s: str) -> float:
    """'15.000' / '15,000' / '15 000' -> 15000; '2,5' / '2.5' -> 2.5."""
    s = s.replace("\u202f", " ").replace("\u00a0", " ").replace("'", " ")
    if s.isdigit():
        return float(s)
    if _GROUPED.fullmatch(s) and len(set(_SEPS.findall(s))) == 1:
        return float(_SEPS.sub("", s))
    m = _GROUPED_DEC.fullmatch(s)
    if m and m.group(2) != m.group(3):
        return float(_SEPS.sub("", m.group(1)) + "." + m.group(4))
    return float(s.replace(",", ".").replace(" ", ""))


@dataclass
class Quantity:
    """An amount found in the text (``text`` as written; ``approximate`` for vague or hedged amounts)."""

    qmin: float | None
    qmax: float | None
    unit: str | None
    start: int
    end: int
    text: str = ""
    approximate: bool = False


def _unit_after(low: str, pos: int, qc: dict) -> tuple[str | None, int]:
    """Unit word within the window after ``pos`` (with its end), else (None, pos). A unit after a
    further number is that number's ("bis 2036 insgesamt 5 Milliarden Euro": 2036 has no unit), and
    so is a currency sign written onto it ("7 billion crowns (€590 million)": the crowns have none)."""
    tail = low[pos:pos + 80]
    words = qc.get("number_words") or {}
    for t in list(_NONSPACE.finditer(tail))[: qc["window"] + 1]:
        if t.group(0)[:1].isdigit() or (len(t.group(0)) > 1 and t.group(0) in words):
            return None, pos
        word = t.group(0).strip("\"'„“”‚‘’«»()")
        if word[1:2].isdigit() and not word[0].isalnum():
            return None, pos  # the sign of the next sum: "7 billion kroner (€593 million)"
        # a unit of several words first ("Canadian dollars" is not "dollars"), then the word alone
        m = qc["unit_rx"].match(tail, t.start())
        if m and m.end() > t.end():
            return qc["unit_of"][m.lastgroup], pos + m.end()
        m = qc["unit_rx"].match(word)
        if m:
            return qc["unit_of"][m.lastgroup], pos + t.end()
    return None, pos


def find_quantities(text: str, language: str = "de") -> list[Quantity]:
    """Amounts with units in ``text`` (German and English number formats, ranges, bounds, vague)."""
    return quantities(fold.lower(text), language, lexicon(None).quant)


def _factor(word: str | None, mult: dict, fallback: dict) -> float | None:
    return mult.get(word, fallback.get(word, 1.0)) if word else None


def _number(s: str | None, words: dict[str, float] | None = None) -> float | None:
    """A number as written ("15.000", "2,5") or a number word of ``words`` ("elf", "two")."""
    if s and words and s in words:
        return words[s]
    try:
        return parse_number(s) if s else None
    except ValueError:
        return None


def _amount(m: re.Match, low: str, language: str, qc: dict) -> Quantity | None:
    a = _number(m.group("n1"), qc.get("number_words"))
    if a is None:
        return None
    mult = qc["mult"].get(language) or qc["mult"].get("de", {})
    fa = _factor(m.group("m1"), mult, qc["all_mult"])
    b = _number(m.group("n2"), qc.get("number_words"))
    if b is not None:
        fb = _factor(m.group("m2"), mult, qc["all_mult"])
        b *= fb or fa or 1.0
        if fa is None and fb:
            fa = fb
    a *= fa or 1.0
    sym = m.group("sym") or m.group("sym2")
    unit = qc["symbols"].get(sym) if sym else None
    end = m.end()
    if unit is None:
        unit, end = _unit_after(low, m.end(), qc)
    if unit is None:
        return None
    lo, hi = _range(a, b, (m.group("bound") or "").lower(), qc)
    approx = qc["approx_rx"].search(low, max(0, m.start() - 20), m.start()) is not None
    return Quantity(lo, hi, unit, m.start(), end, low[m.start():end], approx)


def _range(a: float, b: float | None, bound: str, qc: dict) -> tuple[float | None, float | None]:
    """(min, max) of a number ``a``, a range ``a``-``b``, or a bound ("bis zu", "at least")."""
    if b is not None and b >= a:
        return a, b
    if bound in qc["upper"]:
        return None, a
    if bound in qc["lower"]:
        return a, None
    return a, a


def _vague(low: str, found: list[Quantity], qc: dict) -> list[Quantity]:
    """Vague amounts ("mehrere Tausend Soldaten"): the words and the unit, marked approximate, and no
    invented figures (quantity_min and quantity_max stay empty)."""
    out = []
    if not any(k in low for k in qc["vague"]):
        return out
    for m in qc["vague_rx"].finditer(low):
        if any(q.start <= m.start() < q.end for q in found):
            continue
        unit, end = _unit_after(low, m.end(), qc)
        if unit is not None:
            out.append(Quantity(None, None, unit, m.start(), end, low[m.start():end], True))
    return out


def quantities(low: str, language: str, qc: dict[str, Any]) -> list[Quantity]:
    """Amounts in a lower-cased text (offsets into it)."""
    out = [q for m in qc["amount"].finditer(low) if (q := _amount(m, low, language, qc)) is not None]
    out += _vague(low, out, qc)
    return sorted(out, key=lambda q: q.start)


def signed_amounts(low: str, language: str, qc: dict[str, Any], units: set[str]) -> list[Quantity]:
    """Amounts written with a currency sign or code before the number ("€2.5bn", "EUR 200 million",
    "$1.5 billion") whose unit is one of ``units``: the amount names the money itself."""
    out = []
    for m in qc["signed_rx"].finditer(low):
        a = qc["amount"].match(low, m.start())
        q = _amount(a, low, language, qc) if a is not None else None
        if q is not None and q.unit in units and (q.qmin is not None or q.qmax is not None):
            out.append(q)
    return out
