"""Widget explorers and their static views: content, outlet/date, escaping of article text."""

from __future__ import annotations

import pytest
from test_viz import HOSTILE, rich_corpus

from ukrsec import explore
from ukrsec.corpus import Corpus


@pytest.fixture
def rich() -> Corpus:
    return rich_corpus()


def _no_live_markup(html: str) -> None:
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html or "&lt;img src=x onerror=alert(1)&gt;" in html


def test_kwic_lines(rich):
    k = explore.kwic_lines(rich, "DE", width=20)
    assert list(k["keyword"]) == ["Deutschland"] * 3
    assert list(k["outlet"]) == ["ZDF", "24matins.de", "24matins.de"]
    assert list(k["date"]) == ["2026-01-06", "2026-01-07", "2026-01-07"]
    first = k.iloc[0]
    assert (
        first["left"].startswith("…")
        and first["left"].endswith("„Wir sind bereit.“")
        and first["right"] == "zögert."
    )
    assert explore.kwic_lines(rich, "NOBODY").empty


def test_kwic_html_escapes(rich):
    html = explore.kwic_html(rich, "IT", width=80)
    assert "ukrsec-kwic-line" in html and "<b>Italien</b>" in html
    _no_live_markup(html)


def test_actor_picker_changes_lines(rich):
    box = explore.actor_picker(rich)
    dd, out = box.children
    assert dd.value == "DE"  # most mentioned first
    assert [v for _, v in dd.options][:2] == ["DE", "FR"]
    before = out.value
    dd.value = "IT"
    after = out.value
    assert before != after and "Italien" in after and "Deutschland" not in after
    _no_live_markup(after)


def test_actor_profile(rich):
    p = explore.actor_profile(rich, "DE")
    assert p["mentions"].sum() == 3 and set(p["article_id"]) == {"a1", "a2"}


def test_commitment_cell_and_agreement(rich):
    assert explore.agreement(rich, "DE", "ground_troops").startswith("Sources disagree")
    assert explore.agreement(rich, "FR", "ground_troops") == "Only one article reports this."
    html = explore.commitment_cell_html(rich, "IT", "ground_troops")
    assert "Italy" in html and "declined" in html
    _no_live_markup(html)
    ev = explore.commitment_evidence(rich, "FR", "ground_troops")
    assert ev.loc[0, "quantity"] == "15,000–30,000 soldiers" and ev.loc[0, "conditions"] == "ceasefire"
    box = explore.commitment_picker(rich, "DE", "ground_troops")
    out = box.children[1]
    assert "Deutschland zögert." in out.value


def test_quotes(rich):
    assert explore.speaker_options(rich)[0] in {"Emmanuel Macron", "Friedrich Merz", "ein Sprecher"}
    q = explore.quotes_by(rich, "Emmanuel Macron")
    assert list(q["quote"]) == ["Wir sind bereit."] and list(q["outlet"]) == ["ZDF"]
    _no_live_markup(explore.quote_table_html(rich, "ein Sprecher"))
    box = explore.quote_browser(rich, "ein Sprecher")
    _no_live_markup(box.children[1].value)


def test_timeline_explorer_filters(rich):
    box = explore.timeline_explorer(rich)
    (_, _, pick), table = box.children[0].children, box.children[2]
    assert set(pick.value) == {"ZDF", "24matins.de", "[a3]"}
    pick.value = ("ZDF",)
    html = table.value
    assert "am Dienstag" in html and "im September" not in html
    _no_live_markup(explore.timeline_table_html(__import__("ukrsec.viz").viz.timeline_frame(rich)))


def test_article_view_escapes(rich):
    _no_live_markup(explore.article_view(rich, "a3"))
    assert HOSTILE not in explore.html_table(rich.articles, ["title"])


def test_empty_corpus_widgets():
    empty = Corpus({})
    assert explore.actor_options(empty) == []
    assert explore.actor_picker(empty).children[0].value is None
    assert explore.commitment_picker(empty).children[1].value == ""
    assert "nothing found" in explore.html_table(empty.articles)


def test_agreement_when_two_articles_report_the_same_stance(rich):
    com = rich.commitments.copy()
    com.loc[(com["actor_id"] == "DE") & (com["type"] == "ground_troops"), "stance"] = "undecided"
    same = Corpus({**rich.tables, "commitments": com})
    assert explore.agreement(same, "DE", "ground_troops") == "Sources agree (2 articles)."


def test_long_tables_show_their_top_and_say_how_much_is_left_out(tmp_path, monkeypatch):
    import pandas as pd

    df = pd.DataFrame({"n": range(120), "text": ["<b>x</b>"] * 120})
    html = explore.html_table(df, ["n"], max_rows=50, name="numbers")
    assert html.count("<tr>") == 51 and "Showing the first 50 of 120 rows (70 left out)" in html
    assert "<a href" not in html  # no report around: nothing written, nothing linked
    monkeypatch.setenv("UKRSEC_TABLES_DIR", str(tmp_path / "tables"))
    linked = explore.html_table(df, ["n"], max_rows=50, name="numbers / all")
    assert "<a href='tables/numbers_all.csv'>" in linked
    whole = pd.read_csv(tmp_path / "tables" / "numbers_all.csv")
    assert list(whole.columns) == ["n"] and len(whole) == 120  # the shown columns, every row
    assert explore.left_out_note(df, 200) == ""


def test_kwic_html_is_bounded(rich):
    html = explore.kwic_html(rich, "DE", max_rows=2)
    assert html.count("ukrsec-kwic-line") == 2 and "3 mention(s)" in html and "1 left out" in html
