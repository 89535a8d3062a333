"""Chart builders: the frames they aggregate and the Vega-Lite specs they emit (not pixels)."""

from __future__ import annotations

import pandas as pd
import pytest

from ukrsec import schema, viz
from ukrsec.corpus import Corpus

HOSTILE = "<script>alert(1)</script> und <img src=x onerror=alert(1)>"


def rich_corpus(n_extra_mentions: int = 0) -> Corpus:
    """A small corpus with every table filled (three articles, two outlets, one unknown)."""
    texts = {
        "a1": "Frankreich will Truppen schicken. Macron sagte: „Wir sind bereit.“ Deutschland zögert.",
        "a2": "Frankreich und Deutschland beraten. Merz sagte, Deutschland werde nicht entsenden.",
        "a3": "Italien lehnt ab. " + HOSTILE,
    }
    arts = schema.frame(
        "articles",
        [
            {
                "article_id": "a1",
                "source_path": "a1.txt",
                "outlet": "ZDF",
                "published": "2026-01-06 23:30",
                "title": "Paris",
                "text": texts["a1"],
                "language": "de",
                "n_words": 11,
                "n_sentences": 3,
            },
            {
                "article_id": "a2",
                "source_path": "a2.txt",
                "outlet": "24matins.de",
                "published": "2026-01-07 08:00",
                "title": "Berlin",
                "text": texts["a2"],
                "language": "de",
                "n_words": 10,
                "n_sentences": 2,
            },
            {
                "article_id": "a3",
                "source_path": "a3.txt",
                "outlet": None,
                "published": None,
                "title": HOSTILE,
                "text": texts["a3"],
                "language": "de",
                "n_words": 9,
                "n_sentences": 2,
            },
        ],
    )

    def m(aid, sid, surface, actor, nth=0):
        t = texts[aid]
        s = -1
        for _ in range(nth + 1):
            s = t.index(surface, s + 1)
        return {
            "article_id": aid,
            "sentence_id": sid,
            "start": s,
            "end": s + len(surface),
            "surface": surface,
            "actor_id": actor,
        }

    mentions = [
        m("a1", 0, "Frankreich", "FR"),
        m("a1", 1, "Macron", "EMMANUEL_MACRON"),
        m("a1", 2, "Deutschland", "DE"),
        m("a2", 0, "Frankreich", "FR"),
        m("a2", 0, "Deutschland", "DE"),
        m("a2", 1, "Merz", "FRIEDRICH_MERZ"),
        m("a2", 1, "Deutschland", "DE", 1),
        m("a3", 0, "Italien", "IT"),
    ]
    mentions += [m("a1", 0, "Frankreich", "FR")] * n_extra_mentions
    actors = schema.frame(
        "actors",
        [
            {"actor_id": "FR", "name": "France", "type": "country", "country": "FR"},
            {"actor_id": "DE", "name": "Germany", "type": "country", "country": "DE"},
            {"actor_id": "IT", "name": "Italy", "type": "country", "country": "IT"},
            {
                "actor_id": "EMMANUEL_MACRON",
                "name": "Emmanuel Macron",
                "type": "person",
                "country": "FR",
                "role": "President of France",
            },
            {"actor_id": "FRIEDRICH_MERZ", "name": "Friedrich Merz", "type": "person", "country": "DE"},
        ],
    )
    events = schema.frame(
        "events",
        [
            {
                "event_id": "e1",
                "article_id": "a1",
                "sentence_id": 0,
                "date": "2026-01-06",
                "date_precision": "day",
                "date_text": "am Dienstag",
                "text": texts["a1"][:33],
                "actor_ids": ["FR"],
            },
            {
                "event_id": "e2",
                "article_id": "a2",
                "sentence_id": 0,
                "date": "2026-01-06",
                "date_precision": "day",
                "date_text": "6. Januar 2026",
                "text": texts["a2"][:35],
                "actor_ids": ["FR", "DE"],
            },
            {
                "event_id": "e3",
                "article_id": "a3",
                "sentence_id": 1,
                "date": "2025-09",
                "date_precision": "month",
                "date_text": "im September",
                "text": HOSTILE,
                "actor_ids": [],
            },
        ],
    )
    commitments = schema.frame(
        "commitments",
        [
            {
                "commitment_id": "c1",
                "article_id": "a1",
                "sentence_id": 0,
                "actor_id": "FR",
                "type": "ground_troops",
                "stance": "pledged",
                "conditions": ["ceasefire"],
                "quantity_min": 15000.0,
                "quantity_max": 30000.0,
                "unit": "soldiers",
                "evidence": texts["a1"][:33],
            },
            {
                "commitment_id": "c2",
                "article_id": "a1",
                "sentence_id": 2,
                "actor_id": "DE",
                "type": "ground_troops",
                "stance": "undecided",
                "conditions": [],
                "evidence": "Deutschland zögert.",
            },
            {
                "commitment_id": "c3",
                "article_id": "a2",
                "sentence_id": 1,
                "actor_id": "DE",
                "type": "ground_troops",
                "stance": "declined",
                "conditions": [],
                "evidence": texts["a2"][36:],
            },
            {
                "commitment_id": "c4",
                "article_id": "a3",
                "sentence_id": 0,
                "actor_id": "IT",
                "type": "ground_troops",
                "stance": "declined",
                "conditions": [],
                "evidence": HOSTILE,
            },
        ],
    )
    quotes = schema.frame(
        "quotes",
        [
            {
                "quote_id": "q1",
                "article_id": "a1",
                "sentence_id": 1,
                "quote": "Wir sind bereit.",
                "speaker_id": "EMMANUEL_MACRON",
                "speaker_text": "Macron",
                "kind": "direct",
            },
            {
                "quote_id": "q2",
                "article_id": "a2",
                "sentence_id": 1,
                "quote": "Deutschland werde nicht entsenden",
                "speaker_id": "FRIEDRICH_MERZ",
                "speaker_text": "Merz",
                "kind": "indirect",
            },
            {
                "quote_id": "q3",
                "article_id": "a3",
                "sentence_id": 1,
                "quote": HOSTILE,
                "speaker_id": None,
                "speaker_text": "ein Sprecher",
                "kind": "direct",
            },
            {
                "quote_id": "q4",
                "article_id": "a1",
                "sentence_id": 0,
                "quote": "Koalition der Willigen",
                "speaker_id": None,
                "speaker_text": None,
                "kind": "term",
            },
        ],
    )
    return Corpus(
        {
            "articles": arts,
            "mentions": schema.frame("mentions", mentions),
            "actors": actors,
            "events": events,
            "commitments": commitments,
            "quotes": quotes,
        },
        source="rich",
    )


@pytest.fixture
def rich() -> Corpus:
    return rich_corpus()


def _enc(spec: dict, layer: int | None = None) -> dict:
    return spec["layer"][layer]["encoding"] if layer is not None else spec["encoding"]


def test_renderer_choice():
    assert viz.choose_renderer({}) == "svg"
    assert viz.choose_renderer({"JPY_SESSION_NAME": "/x/02_actors.ipynb"}) == "jupyter"
    assert viz.choose_renderer({"JPY_SESSION_NAME": "x", "UKRSEC_RENDERER": "svg"}) == "svg"


def test_outlet_labels_and_days(rich):
    assert viz.outlet_labels(rich).to_dict() == {"a1": "ZDF", "a2": "24matins.de", "a3": "[a3]"}
    # 23:30 stays on the 6th: the day is taken from the stated date, never converted between zones
    assert viz.day_strings(rich).to_dict() == {"a1": "2026-01-06", "a2": "2026-01-07", "a3": ""}


def test_mention_counts(rich):
    c = viz.mention_counts(rich)
    de = c[c["actor_id"] == "DE"].set_index("outlet")["mentions"].to_dict()
    assert de == {"ZDF": 1, "24matins.de": 2}
    assert c["actor_id"].iloc[0] == "DE" and c["total"].iloc[0] == 3
    assert viz.top_actors(rich, 2) == ["DE", "FR"]
    assert set(c.loc[c["actor_id"] == "EMMANUEL_MACRON", "actor"]) == {"Emmanuel Macron"}


def test_mentions_chart_spec_has_selection_and_tooltips(rich):
    spec = viz.mentions_chart(rich).to_dict()
    assert spec["mark"]["type"] == "bar"
    assert spec["params"][0]["name"] == "outlet_pick" and spec["params"][0]["bind"] == "legend"
    assert {t["field"] for t in _enc(spec)["tooltip"]} >= {"actor", "outlet", "mentions"}
    assert _enc(spec)["color"]["field"] == "outlet"
    assert "condition" in _enc(spec)["opacity"]


def test_many_rows_are_aggregated_before_charting():
    big = rich_corpus(n_extra_mentions=6000)
    assert len(big.mentions) > 6000
    data = viz.mention_counts(big)
    assert len(data) < 20 and data["mentions"].sum() == len(big.mentions)
    spec = viz.mentions_chart(big).to_dict()  # no MaxRowsError, and a small inline dataset
    (values,) = spec["datasets"].values()
    assert len(values) == len(data)


def test_cooccurrence(rich):
    pairs = viz.cooccurrence_pairs(rich)
    got = {(r.a, r.b): r.count for r in pairs.itertuples()}
    assert got[("DE", "FR")] == 1 and got[("FR", "DE")] == 1  # symmetric; only a2 sentence 0 names both
    assert ("DE", "FRIEDRICH_MERZ") in got and ("IT", "FR") not in got
    by_article = {(r.a, r.b): r.count for r in viz.cooccurrence_pairs(rich, window="article").itertuples()}
    assert by_article[("DE", "FR")] == 2
    spec = viz.cooccurrence_chart(rich).to_dict()
    assert spec["layer"][0]["mark"]["type"] == "rect"
    assert _enc(spec, 0)["color"]["field"] == "count"


def test_timeline_frame_dates_and_filters(rich):
    t = viz.timeline_frame(rich)
    assert list(t["day"]) == ["2025-09-01", "2026-01-06", "2026-01-06"]
    assert set(t.loc[t["day"] == "2026-01-06", "n_sources"]) == {2}
    assert list(viz.timeline_frame(rich, start="2026-01-01")["day"]) == ["2026-01-06"] * 2
    assert list(viz.timeline_frame(rich, end="2025-12-31")["outlet"]) == ["[a3]"]
    assert list(viz.timeline_frame(rich, outlets=["ZDF"])["article_id"]) == ["a1"]
    spec = viz.timeline_chart(t).to_dict()
    dots = _enc(spec, 0)  # no labels in this corpus: points and date rules, no strip above
    x = dots["x"]
    assert x["field"] == "day" and x["timeUnit"] == "utcyearmonthdate"  # no time-zone shift
    assert x["scale"]["padding"] > 0  # the last date's points are not cut at the edge
    assert dots["color"]["field"] == "outlet"
    assert {t["field"] for t in dots["tooltip"]} >= {"text", "outlet", "day", "label", "statements"}


def test_commitment_matrix(rich):
    mx = viz.commitment_matrix(rich).set_index("actor_id")
    assert mx.loc["FR", "stance"] == "pledged" and mx.loc["FR", "conditions"] == "ceasefire"
    assert mx.loc["FR", "quantity"] == "15,000–30,000 soldiers"
    assert mx.loc["DE", "stance"] == "mixed" and not mx.loc["DE", "agree"]  # a1 undecided, a2 declined
    assert mx.loc["DE", "stances"] == "undecided, declined"
    assert list(viz.commitment_matrix(rich, country="IT")["actor_id"]) == ["IT"]
    assert viz.commitment_matrix(rich, ctype="funding").empty
    spec = viz.commitment_chart(viz.commitment_matrix(rich)).to_dict()
    color = _enc(spec, 0)["color"]
    assert color["field"] == "stance" and color["scale"]["domain"][:4] == [
        "pledged",
        "considering",
        "undecided",
        "declined",
    ]
    assert {t["field"] for t in _enc(spec, 0)["tooltip"]} >= {"conditions", "quantity", "stance"}
    assert _enc(spec, 1)["text"]["field"] == "label"


def test_quote_counts_and_exclusive(rich):
    q = viz.quote_counts(rich)
    assert set(q["speaker"]) == {"Emmanuel Macron", "Friedrich Merz", "ein Sprecher"}  # the term is left out
    assert q["quotes"].sum() == 3
    spec = viz.quote_chart(rich).to_dict()
    assert spec["params"][0]["bind"] == "legend"
    only = viz.exclusive_findings(rich)
    items = set(zip(only["outlet"], only["item"], strict=True))
    assert ("[a3]", "Italy") in items and ("ZDF", "Emmanuel Macron") in items
    assert not any(i == "France" for _, i in items)  # France is in two outlets
    assert viz.exclusive_chart(only).to_dict()["mark"]["type"] == "bar"


def test_empty_corpus_builders():
    empty = Corpus({})
    for frame in (
        viz.mention_counts(empty),
        viz.cooccurrence_pairs(empty),
        viz.timeline_frame(empty),
        viz.commitment_matrix(empty),
        viz.quote_counts(empty),
        viz.exclusive_findings(empty),
    ):
        assert frame.empty
    assert viz.chart_rows(viz.mentions_chart(empty)) == 0
    assert viz.chart_rows(viz.commitment_chart(viz.commitment_matrix(empty))) == 0


def test_svg_render_offline(rich):
    import vl_convert as vlc

    svg = vlc.vegalite_to_svg(viz.commitment_chart(viz.commitment_matrix(rich)).to_dict())
    assert svg.startswith("<svg") and "ground_troops" in svg


def _timeline_rows(days: list[str], outlets: list[str], label: str = "") -> pd.DataFrame:
    rows = [
        {"date": d, "day": d, "date_precision": "day", "date_text": d, "label": label or f"event {i}",
         "text": "Ein Satz. " * 40, "outlet": o, "article_id": f"a{i}", "n_sources": 1 + i % 4}
        for i, (d, o) in enumerate(zip(days, outlets, strict=True))
    ]
    return pd.DataFrame(rows, columns=viz.TIMELINE_COLUMNS)


def test_timeline_points_are_bounded_whatever_the_corpus_size():
    import datetime as dt

    days = [(dt.date(2020, 1, 1) + dt.timedelta(days=i)).isoformat() for i in range(3000)]
    data = _timeline_rows(days * 2, ["A"] * 3000 + ["B"] * 3000)
    pts = viz.timeline_points(data, max_points=800)
    assert len(pts) <= 800 and set(pts["period"]) == {"month"}
    assert pts["statements"].sum() == len(data)  # every statement is counted in a point
    assert pts["day"].str.endswith("-01").all()  # a month's point sits on its first day
    assert pts["text"].str.len().max() <= 200  # long sentences are cut for the tooltip
    few = viz.timeline_points(data.head(10), max_points=800)
    assert set(few["period"]) == {"day"} and len(few) == 10


def test_timeline_chart_writes_what_happened_above_the_points():
    data = _timeline_rows(["2026-01-05", "2026-01-06", "2026-02-01"], ["A", "B", "A"])
    data["text"] = ["Die Minister trafen sich in Rom, um zu beraten.", "Polen schickte Panzer.",
                    "Am Montag, sagte sie, unterschrieb Kanada den Vertrag."]
    data["label"] = ["trafen Minister", "schickte Polen Panzer", "unterschrieb Kanada Vertrag"]
    spec = viz.timeline_chart(data).to_dict()
    strip, dots = spec["vconcat"]
    labels = [v["label"] for vals in spec["datasets"].values() for v in vals if "line" in v]
    assert set(labels) == {"Die Minister trafen sich in Rom", "Polen schickte Panzer",
                           "unterschrieb Kanada den Vertrag"}
    aligns = {layer["mark"]["align"] for layer in strip["layer"]}
    assert aligns == {"left", "right"}  # labels late on the axis are right-aligned, inside the chart
    assert dots["layer"][0]["encoding"]["x"]["scale"]["padding"] > 0


def test_article_sizes_become_a_histogram_for_many_articles():
    many = rich_corpus()
    arts = pd.concat([many.articles] * 20, ignore_index=True)
    arts["article_id"] = [f"x{i}" for i in range(len(arts))]
    spec = viz._sizes_histogram(viz.article_sizes(Corpus({**many.tables, "articles": arts}))).to_dict()
    (values,) = spec["datasets"].values()
    assert len(values) < 20 and sum(v["articles"] for v in values) == 2 * len(arts)
    assert len(arts) > viz.ARTICLE_BARS_MAX


def test_report_html_carries_the_spec_escaped_and_the_svg(rich):
    html = viz.report_html(viz.quote_chart(rich))
    assert html.startswith("<div class='ukrsec-chart'>") and "<svg" in html
    spec = html.split("class='ukrsec-vega-spec'>", 1)[1].split("</script>", 1)[0]
    assert "<" not in spec and ">" not in spec  # article text cannot close the script element
    import json

    assert json.loads(spec)["$schema"].startswith("https://vega.github.io/schema/vega-lite/")


def test_chart_rows_look_into_layers_and_concatenations(rich):
    t = viz.timeline_frame(rich)
    chart = viz.timeline_chart(t.assign(label="x"))
    assert viz.chart_rows(chart) > 0 and viz.chart_rows(viz.timeline_chart(t.head(0))) == 0


def test_positions_charts_keep_the_most_reported_rows():
    rows = [f"R{i:02d} · weapons" for i in range(40)]
    data = pd.DataFrame(
        {"row": rows * 30, "n_articles": [i % 40 for i in range(1200)],
         "period_start": [f"2026-01-{1 + i // 40:02d}" for i in range(1200)], "text": ["x" * 500] * 1200}
    )
    cut, title = viz._top_rows(data, "Stance", "period_start", "n_articles")
    assert cut["row"].nunique() == viz.CHART_ROWS_MAX and len(cut) <= viz.CHART_POINTS_MAX
    assert "R39 · weapons" in set(cut["row"]) and "R00 · weapons" not in set(cut["row"])
    assert "most reported of 40" in title and cut["text"].str.len().max() <= 200


def test_event_caption_is_the_clause_of_the_verb_cut_at_a_word():
    cap = viz.event_caption
    founded = cap("Die Allianz, die 2024 gegründet wurde, wuchs.", "gegründet Allianz")
    assert founded == "die 2024 gegründet wurde"
    assert cap("Berlin said on Monday that it would send troops.", "said Berlin troops", limit=30) == (
        "Berlin said on Monday that…")
    long = "Nach langem Zögern und vielen Gesprächen in Brüssel und Washington stimmte Norwegen zu."
    assert cap(long, "stimmte Norwegen", limit=30) == "…und Washington stimmte…"
    assert cap("", "traf Minister") == "traf Minister"
    assert cap("„Wir helfen.“", "helfen") == "Wir helfen"
    assert all(len(cap(long, w, limit=30)) <= 30 for w in ("zu", "Zögern", "nichts"))
