"""Chart builders for the notebooks (Altair), and the pandas frames they aggregate.

Every chart is built from a small, aggregated frame (one row per bar, cell or point), so a corpus
of any size gives charts of a few hundred rows at most; :func:`setup` also lifts Altair's
5,000-row limit. Dates travel as ``YYYY-MM-DD`` strings and are read in UTC (``utcyearmonthdate``),
so they never shift by the viewer's time zone.

Renderer (see ``docs/notebooks.md``): ``svg`` (vl-convert, static, offline, stable for nbval and
HTML reports) unless the kernel was started by a Jupyter server (``JPY_SESSION_NAME`` is set), where
``jupyter`` with ``offline=True`` gives selections and tooltips without internet.
``UKRSEC_RENDERER`` overrides the choice. Altair is imported only when a chart is built.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import analysis

if TYPE_CHECKING:  # pragma: no cover
    import altair as alt

    from .corpus import Corpus

#: stance -> colour (fixed, so the legend means the same in every chart)
STANCE_COLORS: dict[str, str] = {
    "pledged": "#1a9850",
    "considering": "#91bfdb",
    "undecided": "#fee090",
    "declined": "#d73027",
    "mixed": "#9e9ac8",
}
STANCE_ORDER: dict[str, int] = analysis.STANCE_RANK


# renderer ------------------------------------------------------------------------------------
def choose_renderer(env: dict[str, str] | None = None) -> str:
    """``jupyter`` inside a Jupyter-server kernel (interactive), else ``svg``; ``UKRSEC_RENDERER`` wins."""
    env = dict(os.environ) if env is None else env
    forced = env.get("UKRSEC_RENDERER", "").strip()
    if forced:
        return forced
    return "jupyter" if env.get("JPY_SESSION_NAME") else "svg"


def setup(renderer: str | None = None) -> str:
    """Render Altair charts offline; returns the renderer used (see :func:`choose_renderer`)."""
    import altair as alt

    alt.data_transformers.disable_max_rows()
    name = renderer or choose_renderer()
    if name == "report":  # viz.show writes report_html; a chart displayed directly is an SVG
        name = "svg"
    if name == "jupyter":
        try:
            import anywidget  # noqa: F401

            alt.renderers.enable("jupyter", offline=True)
            return name
        except Exception:  # noqa: BLE001 - no anywidget / no offline bundle: fall back to static
            name = "svg"
    alt.renderers.enable(name)
    return name


# shared helpers ------------------------------------------------------------------------------
def outlet_labels(corpus: Corpus) -> pd.Series:
    """Outlet per article id; an article whose outlet is unknown is its own source ``[article_id]``."""
    return analysis.outlet_labels(corpus.articles)


def day_strings(corpus: Corpus) -> pd.Series:
    """Publication day (``YYYY-MM-DD`` or empty) per article id: no time, no zone."""
    return analysis.day_strings(corpus.articles)


def actor_names(corpus: Corpus) -> dict[str, str]:
    """``actor_id -> name`` (the id itself when the name is missing)."""
    return analysis.actor_names(corpus.actors)


# corpus overview -----------------------------------------------------------------------------
def article_sizes(corpus: Corpus) -> pd.DataFrame:
    """Words and sentences per article, long format (article, measure, value)."""
    a = corpus.articles
    df = pd.DataFrame(
        {
            "article": a["article_id"].astype(str),
            "outlet": a["outlet"].fillna("unknown").astype(str),
            "words": a["n_words"].fillna(0).astype(int),
            "sentences": a["n_sentences"].fillna(0).astype(int),
        }
    )
    return df.melt(
        id_vars=["article", "outlet"],
        value_vars=["words", "sentences"],
        var_name="measure",
        value_name="value",
    )


#: up to this many articles, one bar per article; above, a histogram
ARTICLE_BARS_MAX = 40


def article_sizes_chart(corpus: Corpus) -> alt.Chart:
    """Bar charts of words and sentences per article (a histogram of both when there are many articles)."""
    import altair as alt

    data = article_sizes(corpus)
    if data["article"].nunique() > ARTICLE_BARS_MAX:
        return _sizes_histogram(data)
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("article:N", sort=None, title=None),
            x=alt.X("value:Q", title=None),
            color=alt.Color("outlet:N", title="outlet"),
            tooltip=["article", "outlet", "measure", "value"],
        )
        .properties(width=260, height=max(60, 18 * data["article"].nunique()))
        .facet(column=alt.Column("measure:N", title=None))
        .resolve_scale(x="independent")
    )


def _sizes_histogram(data: pd.DataFrame, bins: int = 30) -> alt.Chart:
    """Articles per size bin of words and of sentences, stacked by outlet (aggregated before charting)."""
    import altair as alt

    rows = []
    for measure, part in data.groupby("measure"):
        cut = pd.cut(part["value"], bins=min(bins, max(1, part["value"].nunique())))
        g = part.groupby([cut, "outlet"], observed=True).size().rename("articles").reset_index()
        rows.append(
            pd.DataFrame(
                {
                    "measure": measure,
                    "from": [int(i.left) + 1 for i in g["value"]],
                    "to": [int(i.right) for i in g["value"]],
                    "outlet": g["outlet"],
                    "articles": g["articles"],
                }
            )
        )
    hist = pd.concat(rows, ignore_index=True)
    return (
        alt.Chart(hist)
        .mark_bar()
        .encode(
            x=alt.X("from:Q", bin="binned", title=None),
            x2="to:Q",
            y=alt.Y("sum(articles):Q", title="articles"),
            color=alt.Color("outlet:N", title="outlet"),
            tooltip=["measure", "from", "to", "outlet", "articles"],
        )
        .properties(width=260, height=160)
        .facet(column=alt.Column("measure:N", title=None))
        .resolve_scale(x="independent")
    )


# actors ---------------------------------------------------------------------------------------
def mention_counts(corpus: Corpus) -> pd.DataFrame:
    """Mentions per (actor, outlet): ``actor_id, actor, type, outlet, mentions, total`` (by total desc)."""
    cols = ["actor_id", "actor", "type", "outlet", "mentions", "total"]
    m = corpus.mentions
    if not len(m):
        return pd.DataFrame(columns=cols)
    outlets = outlet_labels(corpus)
    names = actor_names(corpus)
    types = dict(zip(corpus.actors["actor_id"].astype(str), corpus.actors["type"], strict=True))
    df = pd.DataFrame(
        {
            "actor_id": m["actor_id"].astype(str),
            "outlet": m["article_id"].astype(str).map(outlets).fillna("unknown"),
        }
    )
    g = df.groupby(["actor_id", "outlet"], sort=True).size().rename("mentions").reset_index()
    g["total"] = g.groupby("actor_id")["mentions"].transform("sum")
    g["actor"] = g["actor_id"].map(lambda i: names.get(i, i))
    g["type"] = g["actor_id"].map(lambda i: str(types.get(i)) if pd.notna(types.get(i)) else "unknown")
    g = g.sort_values(["total", "actor_id", "outlet"], ascending=[False, True, True], kind="stable")
    return g[cols].reset_index(drop=True)


def top_actors(corpus: Corpus, n: int = 25) -> list[str]:
    """Ids of the ``n`` most-mentioned actors (ties by id)."""
    c = mention_counts(corpus)
    return list(dict.fromkeys(c["actor_id"]))[:n]


def mentions_chart(corpus: Corpus, top: int = 25) -> alt.Chart:
    """Stacked bars of mentions per actor and outlet; click the legend to pick outlets; tooltips."""

    data = mention_counts(corpus)
    keep = top_actors(corpus, top)
    data = data[data["actor_id"].isin(keep)]
    tooltip = ["actor", "actor_id", "type", "outlet", "mentions", "total"]
    title = f"Mentions per actor and outlet (top {len(keep)})"
    return _outlet_bars(data, "actor", "mentions", title, tooltip, "outlet_pick", len(keep))


def _outlet_bars(
    data: pd.DataFrame, y: str, count: str, title: str, tooltip: list[str], pick_name: str, n: int
) -> alt.Chart:
    """Horizontal bars of ``count`` per ``y``, stacked by outlet; click the legend to pick outlets."""
    import altair as alt

    pick = alt.selection_point(fields=["outlet"], bind="legend", name=pick_name)
    return (
        alt.Chart(data, title=title)
        .mark_bar()
        .encode(
            y=alt.Y(f"{y}:N", sort=alt.SortField("total", order="descending"), title=None),
            x=alt.X(f"sum({count}):Q", title=count),
            color=alt.Color("outlet:N", title="outlet (click to pick)"),
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.25)),
            tooltip=tooltip,
        )
        .add_params(pick)
        .properties(width=420, height=max(80, 16 * n))
    )


def cooccurrence_pairs(corpus: Corpus, window: str = "sentence", top: int = 20) -> pd.DataFrame:
    """Symmetric co-occurrence counts ``a, b, a_name, b_name, count`` among the ``top`` actors."""
    pairs = analysis.cooccurrence(corpus.mentions, window=window)
    return analysis.symmetric_pairs(pairs, top_actors(corpus, top), actor_names(corpus))


def cooccurrence_chart(corpus: Corpus, window: str = "sentence", top: int = 20) -> alt.Chart:
    """Heatmap: how often two actors are named in the same sentence (or article), with counts."""
    import altair as alt

    data = cooccurrence_pairs(corpus, window=window, top=top)
    order = [actor_names(corpus).get(i, i) for i in top_actors(corpus, top)]
    base = alt.Chart(data, title=f"Actors named in the same {window}").encode(
        x=alt.X("a_name:N", sort=order, title=None), y=alt.Y("b_name:N", sort=order, title=None)
    )
    cells = base.mark_rect().encode(
        color=alt.Color("count:Q", scale=alt.Scale(scheme="blues"), title=window + "s"),
        tooltip=["a_name", "b_name", "count"],
    )
    labels = base.mark_text(fontSize=9).encode(text="count:Q")
    side = max(80, 18 * len(order))
    return (cells + labels).properties(width=side, height=side)


# timeline -------------------------------------------------------------------------------------
TIMELINE_COLUMNS = [
    "date", "day", "date_precision", "date_text", "label", "text", "outlet", "article_id", "n_sources"
]
#: at most this many points in a timeline chart: statements are grouped per (day, source), and per
#: month or year when days would give more
TIMELINE_MAX_POINTS = 800
#: the happenings with the most sources are written on the chart
TIMELINE_LABELS = 6


def timeline_frame(
    corpus: Corpus, start: str | None = None, end: str | None = None, outlets: list[str] | None = None
) -> pd.DataFrame:
    """One row per (event, reporting article): date, sentence, outlet and how many sources share it.

    Uses ``corpus.timeline()`` (events merged across articles) to count sources when it is
    available, else counts the articles that state the same date and sentence.
    """
    ev = corpus.events
    if not len(ev):
        return pd.DataFrame(columns=TIMELINE_COLUMNS)
    outl = outlet_labels(corpus)
    df = pd.DataFrame(
        {
            "date": ev["date"].astype(str),
            "day": ev["date"].map(analysis.first_day),
            "date_precision": ev["date_precision"].fillna("day").astype(str),
            "date_text": ev["date_text"].fillna("").astype(str),
            "label": (ev["label"] if "label" in ev else pd.Series("", index=ev.index)).fillna("").astype(str),
            "text": ev["text"].fillna("").astype(str),
            "article_id": ev["article_id"].astype(str),
            "event_id": ev["event_id"].astype(str),
        }
    )
    df["outlet"] = df["article_id"].map(outl).fillna("unknown")
    df["n_sources"] = _sources_per_event(corpus, df)
    df = df[df["day"] != ""]
    if start:
        df = df[df["day"] >= str(start)[:10]]
    if end:
        df = df[df["day"] <= str(end)[:10]]
    if outlets:
        df = df[df["outlet"].isin(list(outlets))]
    return df.sort_values(["day", "outlet", "article_id"], kind="stable")[TIMELINE_COLUMNS].reset_index(
        drop=True
    )


def _sources_per_event(corpus: Corpus, df: pd.DataFrame) -> pd.Series:
    """Sources of each event's merged happening (``corpus.timeline()``), else articles stating that day."""
    got = analysis.sources_per_event(corpus.timeline(), df["event_id"])
    if got is not None:
        return got
    return df.groupby("day")["article_id"].transform("nunique").astype(int)


def timeline_points(data: pd.DataFrame, max_points: int = TIMELINE_MAX_POINTS) -> pd.DataFrame:
    """One row per (period, source) of :func:`timeline_frame` rows: the period is the day, or the month or
    year when days would give more than ``max_points`` points. Each point carries the number of statements,
    the most sources any of them has, and what the best-sourced one says (``label``, ``text``, ``date_text``).
    """
    cols = ["day", "period", "outlet", "statements", "n_sources", "label", "text", "date_text"]
    if not len(data):
        return pd.DataFrame(columns=cols)
    def n_points(width: int) -> int:
        return data["day"].str[:width].to_frame().assign(o=data["outlet"]).drop_duplicates().shape[0]

    period, width = next(
        ((p, w) for p, w in (("day", 10), ("month", 7)) if n_points(w) <= max_points), ("year", 4)
    )
    key = data["day"].str[:width]
    pad = {10: "", 7: "-01", 4: "-01-01"}[width]
    df = data.assign(_key=key, _order=-data["n_sources"])
    best = df.sort_values(["_key", "outlet", "_order"], kind="stable").drop_duplicates(["_key", "outlet"])
    counts = df.groupby(["_key", "outlet"]).size().rename("statements")
    out = best.join(counts, on=["_key", "outlet"])
    return pd.DataFrame(
        {
            "day": out["_key"] + pad,
            "period": period,
            "outlet": out["outlet"],
            "statements": out["statements"].astype(int),
            "n_sources": out["n_sources"].astype(int),
            "label": out["label"],
            "text": out["text"].map(lambda t: t if len(t) <= 200 else t[:199] + "…"),
            "date_text": out["date_text"],
        },
        columns=cols,
    ).reset_index(drop=True)


def timeline_chart(data: pd.DataFrame, title: str = "Timeline of dated statements") -> alt.Chart:
    """Points on a UTC day axis, one row and colour per source, size = sources; the best-sourced happenings
    are written above the points (what happened, not only when); drag or scroll to pan and zoom.

    ``data`` is :func:`timeline_frame`; it is grouped by :func:`timeline_points` first, so the chart has
    at most ``TIMELINE_MAX_POINTS`` points whatever the corpus size.
    """
    import altair as alt

    points = timeline_points(data)
    zoom = alt.selection_interval(bind="scales", encodings=["x"], name="zoom")
    n_out = max(1, points["outlet"].nunique()) if len(points) else 1
    height = max(60, 30 * n_out)
    pad = alt.Scale(padding=16)  # the first and last points are not cut at the edges
    x = alt.X("utcyearmonthdate(day):T", title="date (UTC)", axis=alt.Axis(format="%Y-%m-%d"), scale=pad)
    dots = (
        alt.Chart(points)
        .mark_circle(opacity=0.8)
        .encode(
            x=x,
            y=alt.Y("outlet:N", title=None),
            color=alt.Color("outlet:N", title="source"),
            size=alt.Size("n_sources:Q", title="sources", scale=alt.Scale(range=[60, 400])),
            tooltip=[
                alt.Tooltip("utcyearmonthdate(day):T", title="date", format="%Y-%m-%d"),
                "period",
                "outlet",
                alt.Tooltip("statements:Q", title="statements"),
                alt.Tooltip("n_sources:Q", title="sources"),
                alt.Tooltip("label:N", title="what"),
                "date_text",
                alt.Tooltip("text:N", title="sentence"),
            ],
        )
        .add_params(zoom)
    )
    labels = _timeline_labels(points)
    ticks = alt.Chart(labels).mark_rule(strokeDash=[2, 3], color="#999").encode(x=x)
    dots = alt.layer(dots, ticks).properties(width=560, height=height)
    if not len(labels):
        return dots.properties(title=title)
    def words(align: str) -> alt.Chart:
        return (
            alt.Chart(labels[labels["align"] == align])
            .mark_text(align=align, baseline="middle", dx=3 if align == "left" else -3, fontSize=10)
            .encode(
                x=alt.X("utcyearmonthdate(day):T", axis=None, scale=pad),
                y=alt.Y("line:O", axis=None),
                text="label:N",
                tooltip=[
                    alt.Tooltip("utcyearmonthdate(day):T", title="date", format="%Y-%m-%d"),
                    alt.Tooltip("label:N", title="what"),
                ],
            )
        )

    strip = alt.layer(words("left"), words("right")).properties(
        width=560, height=12 * labels["line"].nunique() + 6, view=alt.ViewConfig(stroke=None)
    )
    return alt.vconcat(strip, dots, spacing=2, title=title).resolve_scale(x="shared")


_CLAUSES = re.compile(r"\s*(?:[,;:()\[\]]|\s[-–—]\s)\s*")
_CLAUSE_TRIM = " \"'„“”‚‘’«».!?"


def event_caption(text: str, label: str, limit: int = 44) -> str:
    """A short caption of what happened: the clause of the event's sentence ``text`` that holds the first
    word of its ``label`` (the verb the event is named by), else the first clause with a label word, cut
    at a word boundary to at most ``limit`` characters. The label itself when the sentence has no words."""
    words = [w.lower() for w in str(label or "").split()]
    clauses = _clauses(text)
    if not clauses:
        return _cut(str(label or ""), limit)
    return _window(_clause_with(clauses, words), words[0] if words else "", limit)


def _clauses(text: str) -> list[str]:
    """The clauses of a sentence without quotation and end marks: those of two words or more, else all."""
    clauses = [c.strip(_CLAUSE_TRIM) for c in _CLAUSES.split(str(text or ""))]
    return [c for c in clauses if len(c.split()) >= 2] or [c for c in clauses if c]


def _clause_with(clauses: list[str], words: list[str]) -> str:
    """The first clause holding the first of ``words``, else the first holding any, else the first."""
    if words:
        for c in clauses:
            if words[0] in c.lower():
                return c
        for c in clauses:
            low = c.lower()
            if any(w in low for w in words):
                return c
    return clauses[0]


def _window(clause: str, word: str, limit: int) -> str:
    """``clause`` cut to ``limit``; when ``word`` ends beyond it, a window ending with it, "…" in front."""
    at = clause.lower().find(word)
    end = at + len(word) if at >= 0 else 0
    if len(clause) <= limit or end <= limit - 1:
        return _cut(clause, limit)
    start = clause.find(" ", end - (limit - 2)) + 1
    return "…" + _cut(clause[start:], limit - 1)


def _cut(s: str, limit: int) -> str:
    if len(s) <= limit:
        return s
    head = s[: limit - 1].rsplit(" ", 1)[0] if " " in s[: limit - 1] else s[: limit - 1]
    return head.rstrip(" ,;:") + "…"


def _timeline_labels(points: pd.DataFrame, n: int = TIMELINE_LABELS) -> pd.DataFrame:
    """The ``n`` best-sourced points with a label (one per label and date) in three staggered ``line``s;
    labels in the right half of the time axis are right-aligned so they stay inside the chart."""
    named = points[points["label"].str.strip() != ""]
    top = named.sort_values("n_sources", ascending=False, kind="stable").drop_duplicates("label")
    top = top.drop_duplicates("day").head(n).sort_values("day", kind="stable")
    t = pd.to_datetime(top["day"], errors="coerce")
    days = pd.to_datetime(points["day"], errors="coerce")
    lo, hi = (days.min(), days.max()) if len(points) else (None, None)
    right = (t - lo) > (hi - lo) / 2 if len(top) and hi != lo else pd.Series(False, index=top.index)
    return pd.DataFrame(
        {
            "day": top["day"].values,
            "label": [event_caption(t, lab) for t, lab in zip(top["text"], top["label"], strict=True)],
            "line": [i % 3 for i in range(len(top))],
            "align": ["right" if r else "left" for r in right],
        }
    )


# commitments ----------------------------------------------------------------------------------
MATRIX_COLUMNS = analysis.stances.MATRIX_COLUMNS


def commitment_matrix(corpus: Corpus, country: str | None = None, ctype: str | None = None) -> pd.DataFrame:
    """One row per (actor, commitment type): the most committed stance reported, all stances seen,
    whether the articles agree, conditions and quantities (:func:`ukrsec.analysis.stance_matrix`)."""
    return analysis.stance_matrix(corpus.commitments, actor_names(corpus), country, ctype)


def commitment_chart(data: pd.DataFrame, title: str = "Who commits to what") -> alt.Chart:
    """State × commitment-type matrix coloured by stance (``mixed`` when articles disagree); quantities
    as labels; conditions, stances and counts in tooltips."""
    import altair as alt

    domain = list(STANCE_COLORS)
    base = alt.Chart(data, title=title).encode(
        x=alt.X("type:N", title="commitment type", axis=alt.Axis(labelAngle=-40)),
        y=alt.Y("actor:N", title=None),
    )
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color(
            "stance:N", scale=alt.Scale(domain=domain, range=list(STANCE_COLORS.values())), title="stance"
        ),
        tooltip=["actor", "type", "stance", "stances", "agree", "conditions", "quantity", "n", "n_articles"],
    )
    labels = base.mark_text(fontSize=9, dy=0).encode(text="label:N")
    n_types = max(1, data["type"].nunique()) if len(data) else 1
    n_act = max(1, data["actor"].nunique()) if len(data) else 1
    return (cells + labels).properties(width=max(120, 70 * n_types), height=max(60, 24 * n_act))


# quotes and sources ---------------------------------------------------------------------------
def speaker_label(corpus: Corpus, quotes: pd.DataFrame | None = None) -> pd.Series:
    """The speaker of each quote: the actor's name, else the words used, else ``(unattributed)``."""
    q = corpus.quotes if quotes is None else quotes
    names = actor_names(corpus)
    out = []
    for sid, stext in zip(q["speaker_id"], q["speaker_text"], strict=True):
        if pd.notna(sid) and str(sid):
            out.append(names.get(str(sid), str(sid)))
        elif pd.notna(stext) and str(stext).strip():
            out.append(str(stext).strip())
        else:
            out.append("(unattributed)")
    return pd.Series(out, index=q.index, dtype=object)


def quote_counts(corpus: Corpus, include_terms: bool = False) -> pd.DataFrame:
    """Quotes per (speaker, outlet, kind), most-quoted speakers first."""
    cols = ["speaker", "outlet", "kind", "quotes", "total"]
    q = corpus.quotes
    if not include_terms:
        q = q[q["kind"].astype(str) != "term"]
    if not len(q):
        return pd.DataFrame(columns=cols)
    df = pd.DataFrame(
        {
            "speaker": speaker_label(corpus, q),
            "outlet": q["article_id"].astype(str).map(outlet_labels(corpus)).fillna("unknown"),
            "kind": q["kind"].fillna("direct").astype(str),
        }
    )
    g = df.groupby(["speaker", "outlet", "kind"], sort=True).size().rename("quotes").reset_index()
    g["total"] = g.groupby("speaker")["quotes"].transform("sum")
    return g.sort_values(["total", "speaker"], ascending=[False, True], kind="stable")[cols].reset_index(
        drop=True
    )


def quote_chart(corpus: Corpus, top: int = 20) -> alt.Chart:
    """Who is quoted how often by which outlet (stacked bars, legend selection, tooltips)."""

    data = quote_counts(corpus)
    keep = list(dict.fromkeys(data["speaker"]))[:top]
    data = data[data["speaker"].isin(keep)]
    return _outlet_bars(data, "speaker", "quotes", "Who is quoted, by outlet",
                        ["speaker", "outlet", "kind", "quotes", "total"], "quote_outlet", len(keep))


def exclusive_findings(corpus: Corpus) -> pd.DataFrame:
    """What only one outlet reports: actors, commitments (actor × type) and quoted speakers found in
    articles of exactly one outlet. Columns ``outlet, kind, item, articles``."""
    cols = ["outlet", "kind", "item", "articles"]
    outl = outlet_labels(corpus)
    names = actor_names(corpus)
    parts = []
    m = corpus.mentions
    if len(m):
        parts.append(
            pd.DataFrame(
                {
                    "kind": "actor",
                    "item": m["actor_id"].astype(str).map(lambda i: names.get(i, i)),
                    "article_id": m["article_id"].astype(str),
                }
            )
        )
    cm = corpus.commitments
    if len(cm):
        item = [
            f"{names.get(str(a), str(a))}: {t} ({s})"
            for a, t, s in zip(cm["actor_id"], cm["type"], cm["stance"], strict=True)
        ]
        parts.append(
            pd.DataFrame({"kind": "commitment", "item": item, "article_id": cm["article_id"].astype(str)})
        )
    q = corpus.quotes[corpus.quotes["kind"].astype(str) != "term"]
    if len(q):
        parts.append(
            pd.DataFrame(
                {
                    "kind": "quoted speaker",
                    "item": speaker_label(corpus, q).values,
                    "article_id": q["article_id"].astype(str).values,
                }
            )
        )
    if not parts or outl.nunique() < 2:
        return pd.DataFrame(columns=cols)
    df = pd.concat(parts, ignore_index=True)
    df["outlet"] = df["article_id"].map(outl).fillna("unknown")
    g = df.groupby(["kind", "item"]).agg(
        n_outlets=("outlet", "nunique"),
        outlet=("outlet", "first"),
        articles=("article_id", lambda s: ", ".join(sorted(set(s)))),
    )
    g = g[g["n_outlets"] == 1].reset_index()
    return g.sort_values(["outlet", "kind", "item"], kind="stable")[cols].reset_index(drop=True)


def exclusive_chart(data: pd.DataFrame) -> alt.Chart:
    """Count of findings only one outlet reports, per outlet and kind."""
    import altair as alt

    counts = (
        data.groupby(["outlet", "kind"]).size().rename("findings").reset_index()
        if len(data)
        else pd.DataFrame(columns=["outlet", "kind", "findings"])
    )
    return (
        alt.Chart(counts, title="Reported by one outlet only")
        .mark_bar()
        .encode(
            y=alt.Y("outlet:N", title=None),
            x=alt.X("findings:Q", title="findings"),
            color=alt.Color("kind:N", title="kind"),
            tooltip=["outlet", "kind", "findings"],
        )
        .properties(width=360, height=max(60, 22 * max(1, counts["outlet"].nunique())))
    )


# display --------------------------------------------------------------------------------------
COMMITMENT_TYPES: tuple[str, ...] = (
    "ground_troops",
    "neighbour_deployment",
    "military_hubs",
    "air_security",
    "maritime_security",
    "ceasefire_monitoring",
    "intelligence",
    "logistics",
    "backstop",
    "security_guarantee",
    "army_regeneration",
    "funding",
    "weapons",
    "defence_industry",
)


def chart_rows(chart: Any) -> int:
    """Rows of data behind a chart (its own data, else those of its layers or concatenated parts)."""
    data = getattr(chart, "data", None)
    if isinstance(data, pd.DataFrame):
        return len(data)
    for attr in ("layer", "vconcat", "hconcat", "spec"):
        parts = getattr(chart, attr, None)
        for part in parts if isinstance(parts, list) else [parts] if parts is not None else []:
            if hasattr(part, "to_dict") and (n := chart_rows(part)):
                return n
    return 0


def show(chart: Any, empty_note: str) -> None:
    """Display ``chart``, or ``empty_note`` (Markdown) when it has no data to draw.

    With the ``report`` renderer (``ukrsec report``) the output is :func:`report_html`: the SVG, plus
    the Vega-Lite spec that the report page turns into an interactive chart.
    """
    from IPython.display import HTML, Markdown, display

    if not chart_rows(chart):
        display(Markdown(f"*{empty_note}*"))
    elif choose_renderer() == "report":
        display(HTML(report_html(chart)))
    else:
        display(chart)


#: above this size the static fallback of a report chart is a PNG instead of the SVG
SVG_FALLBACK_MAX = 400_000


def report_html(chart: Any) -> str:
    """HTML of a chart for a report page: ``<div class="ukrsec-chart">`` holding the static SVG (shown
    where scripts are off) and the Vega-Lite spec as inert JSON (``<``, ``>``, ``&`` escaped, so article
    text in tooltips cannot close the script element)."""
    import json

    import vl_convert as vlc

    spec = chart.to_dict()
    svg = vlc.vegalite_to_svg(spec)
    if len(svg) > SVG_FALLBACK_MAX:  # a picture of many marks is smaller as PNG
        import base64

        png = base64.b64encode(vlc.vegalite_to_png(spec)).decode("ascii")
        svg = f"<img alt='chart' src='data:image/png;base64,{png}'>"
    js = json.dumps(spec, ensure_ascii=False, separators=(",", ":"))
    js = js.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return (
        "<div class='ukrsec-chart'>"
        f"<script type='application/json' class='ukrsec-vega-spec'>{js}</script>"
        f"<div class='ukrsec-chart-svg'>{svg}</div></div>"
    )


# positions over time --------------------------------------------------------------------------
POSITION_VIEW_COLUMNS = [
    "row",
    "actor_id",
    "actor",
    "type",
    "period",
    "period_start",
    "stance",
    "n_articles",
    "n_outlets",
    "outlets",
    "disagree",
    "disagreeing_outlets",
    "n_stated",
]


def _cell(df: pd.DataFrame, actor: str | None, ctype: str | None) -> pd.DataFrame:
    if actor:
        df = df[df["actor_id"].astype(str) == str(actor)]
    if ctype:
        df = df[df["type"].astype(str) == str(ctype)]
    return df


def position_frame(
    corpus: Corpus,
    actor: str | None = None,
    ctype: str | None = None,
    period: str = "week",
    top: int = 15,
    positions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """``corpus.positions(period)`` (or ``positions``, computed once) of one actor and/or type, one row
    per point of the stance timeline; ``row`` is ``actor · type`` (the ``top`` rows with most articles),
    lists joined for tooltips."""
    pos = _cell(corpus.positions(period) if positions is None else positions, actor, ctype)
    if not len(pos):
        return pd.DataFrame(columns=POSITION_VIEW_COLUMNS)
    pos = pos.assign(row=pos["actor"].astype(str) + " · " + pos["type"].astype(str))
    keep = pos.groupby("row")["n_articles"].sum().sort_values(ascending=False, kind="stable").index[:top]
    pos = pos[pos["row"].isin(set(keep))]
    return pos.assign(
        outlets=pos["outlets"].map(", ".join), disagreeing_outlets=pos["disagreeing_outlets"].map(", ".join)
    )[POSITION_VIEW_COLUMNS].reset_index(drop=True)


#: at most this many rows (actor · type) in the positions and shifts charts, the most reported ones
CHART_ROWS_MAX = 25
#: at most this many points in those charts: the latest periods are kept
CHART_POINTS_MAX = 1000


def _top_rows(
    data: pd.DataFrame, title: str, when: str, weight: str | None = None, n: int = CHART_ROWS_MAX
) -> tuple:
    """``data`` cut to its ``n`` heaviest ``row``s (sum of ``weight``, else row count) and to the latest
    values of ``when`` that keep ``CHART_POINTS_MAX`` points, long texts cut to 200 characters, and
    ``title`` saying what was left out."""
    total = data["row"].nunique() if len(data) else 0
    if total > n:
        w = data.groupby("row")[weight].sum() if weight else data.groupby("row").size()
        keep = w.sort_values(ascending=False, kind="stable").head(n).index
        data = data[data["row"].isin(keep)]
        title = f"{title} (the {n} most reported of {total} actor · type rows)"
    if len(data) > CHART_POINTS_MAX:
        since = data[when].astype(str).sort_values(ascending=False).iloc[CHART_POINTS_MAX - 1]
        data = data[data[when].astype(str) >= since]
        title = f"{title} (from {since[:10]} on)"
    cut = {
        c: data[c].map(lambda v: v if not isinstance(v, str) or len(v) <= 200 else v[:199] + "…")
        for c in data.columns
        if data[c].dtype == object or pd.api.types.is_string_dtype(data[c])
    }
    return data.assign(**cut), title


def positions_chart(data: pd.DataFrame, title: str = "Reported stance over time") -> alt.Chart:
    """One row per actor · type, one point per period coloured by the stance reported then; size =
    articles; diamonds where the sources disagree; tooltips with outlets and disagreeing outlets.
    At most ``CHART_ROWS_MAX`` rows: the most reported."""
    import altair as alt

    data, title = _top_rows(data, title, "period_start", "n_articles")
    n_rows = max(1, data["row"].nunique()) if len(data) else 1
    return (
        alt.Chart(data, title=title)
        .mark_point(filled=True, opacity=0.9)
        .encode(
            x=alt.X(
                "utcyearmonthdate(period_start):T", title="period (UTC)", axis=alt.Axis(format="%Y-%m-%d")
            ),
            y=alt.Y("row:N", title=None),
            color=alt.Color(
                "stance:N",
                scale=alt.Scale(domain=list(STANCE_COLORS), range=list(STANCE_COLORS.values())),
                title="stance",
            ),
            shape=alt.Shape(
                "disagree:N",
                scale=alt.Scale(domain=[False, True], range=["circle", "diamond"]),
                title="sources disagree",
            ),
            size=alt.Size("n_articles:Q", title="articles", scale=alt.Scale(range=[60, 400])),
            tooltip=[
                "actor",
                "type",
                "period",
                "stance",
                "n_articles",
                "n_outlets",
                "outlets",
                "disagreeing_outlets",
                "n_stated",
            ],
        )
        .properties(width=560, height=max(60, 26 * n_rows))
    )


SHIFT_VIEW_COLUMNS = [
    "row",
    "actor",
    "type",
    "from_stance",
    "to_stance",
    "from_period",
    "to_period",
    "to_period_start",
    "first_outlet",
    "first_article",
    "first_published",
    "evidence_before",
    "evidence_after",
]


def shift_frame(
    corpus: Corpus,
    actor: str | None = None,
    ctype: str | None = None,
    period: str = "week",
    top: int = 15,
    shifts: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """``corpus.shifts(period)`` (or ``shifts``, computed once) of one actor and/or type, with the
    ``row`` of :func:`position_frame` (the ``top`` rows with most shifts)."""
    sh = _cell(corpus.shifts(period) if shifts is None else shifts, actor, ctype)
    if not len(sh):
        return pd.DataFrame(columns=SHIFT_VIEW_COLUMNS)
    sh = sh.assign(row=sh["actor"].astype(str) + " · " + sh["type"].astype(str))
    keep = sh["row"].value_counts(sort=True).index[:top]
    return sh[sh["row"].isin(set(keep))][SHIFT_VIEW_COLUMNS].reset_index(drop=True)


def shifts_chart(data: pd.DataFrame, title: str = "Shifts of reported stance") -> alt.Chart:
    """A triangle per shift at the period the new stance starts, coloured by it; hover: old and new
    stance, the first outlet that reported it and the evidence before and after. At most
    ``CHART_ROWS_MAX`` rows: those with the most shifts."""
    import altair as alt

    data, title = _top_rows(data, title, "to_period_start")
    n_rows = max(1, data["row"].nunique()) if len(data) else 1
    return (
        alt.Chart(data, title=title)
        .mark_point(shape="triangle-right", filled=True, size=180, opacity=0.9)
        .encode(
            x=alt.X(
                "utcyearmonthdate(to_period_start):T",
                title="new stance from (UTC)",
                axis=alt.Axis(format="%Y-%m-%d"),
            ),
            y=alt.Y("row:N", title=None),
            color=alt.Color(
                "to_stance:N",
                scale=alt.Scale(domain=list(STANCE_COLORS), range=list(STANCE_COLORS.values())),
                title="new stance",
            ),
            tooltip=[
                "actor",
                "type",
                "from_stance",
                "to_stance",
                "from_period",
                "to_period",
                "first_outlet",
                "first_published",
                alt.Tooltip("evidence_before:N", title="before"),
                alt.Tooltip("evidence_after:N", title="after"),
            ],
        )
        .properties(width=560, height=max(60, 26 * n_rows))
    )


def first_report_counts(corpus: Corpus, actor: str | None = None, ctype: str | None = None) -> pd.DataFrame:
    """How often each outlet was the first to report a stance (``first``) and how often it followed
    (``followed``), long format: ``outlet, role, reports``."""
    cols = ["outlet", "role", "reports"]
    fr = _cell(corpus.first_reports(), actor, ctype)
    if not len(fr):
        return pd.DataFrame(columns=cols)
    rows = [(o, "first") for o in fr["first_outlet"]] + [(o, "followed") for f in fr["followers"] for o in f]
    df = pd.DataFrame(rows, columns=["outlet", "role"])
    return df.groupby(["outlet", "role"]).size().rename("reports").reset_index()[cols]


def first_reports_chart(data: pd.DataFrame, title: str = "Who reported a stance first") -> alt.Chart:
    """Bars per outlet: stances it reported first, and stances it reported after another outlet."""
    import altair as alt

    n = max(1, data["outlet"].nunique()) if len(data) else 1
    return (
        alt.Chart(data, title=title)
        .mark_bar()
        .encode(
            y=alt.Y("outlet:N", title=None, sort="-x"),
            x=alt.X("sum(reports):Q", title="stances reported"),
            color=alt.Color(
                "role:N",
                scale=alt.Scale(domain=["first", "followed"], range=["#4c78a8", "#bab0ac"]),
                title=None,
            ),
            tooltip=["outlet", "role", "reports"],
        )
        .properties(width=360, height=max(60, 22 * n))
    )
