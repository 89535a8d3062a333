"""Quotations, ninth session (issue 14, helper real9de): a low opening mark padded with a space, as
machine translations write it („ … “). Own test sentences."""

from __future__ import annotations

from ukrsec import pipeline
from ukrsec.load import RawDoc


def direct(text: str) -> list[str]:
    """The direct quotations of the text, parsed with every stage."""
    out = pipeline.combine([pipeline.parse_docs([RawDoc("t", "t.txt", text)])], ["t"])
    return [r.quote for r in out["quotes"].itertuples() if r.kind == "direct"]


def test_a_padded_low_opening_mark_opens_a_quotation():
    got = direct("Es bleibe nötig, erklärte die Ministerin, „ die Hilfe für Kiew fortzusetzen “, so Lang.")
    assert got == ["die Hilfe für Kiew fortzusetzen"], got


def test_an_unpadded_quotation_is_unchanged():
    assert direct("Lang sagte: „Wir helfen weiter.“") == ["Wir helfen weiter."]
