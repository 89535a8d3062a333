"""Widget explorers for the notebooks (ipywidgets), each with a static HTML view for rendered reports.

Everything that comes from an article (text, titles, quotes, surfaces, outlet names) is passed
through :func:`html.escape` before it reaches HTML: a page that contains ``<script>`` shows it as text.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import analysis, viz

if TYPE_CHECKING:  # pragma: no cover
    import ipywidgets

    from .corpus import Corpus


def esc(value: Any) -> str:
    """Escaped text of a cell value ('' for NA)."""
    if value is None or (not isinstance(value, list | tuple) and pd.isna(value)):
        return ""
    return html.escape(str(value))


#: rows an HTML table shows before it says how many are left out
MAX_ROWS = 50


def html_table(
    df: pd.DataFrame,
    columns: Iterable[str] | None = None,
    empty: str = "nothing found",
    css_class: str = "ukrsec-table",
    max_rows: int = MAX_ROWS,
    name: str | None = None,
) -> str:
    """An HTML table of ``df`` with every cell escaped: the first ``max_rows`` rows and a note of how many
    are left out. In a report, a ``name``d table that is cut also goes whole to ``tables/NAME.csv``
    (:func:`ukrsec.notebook.table_file`) and the note links it."""
    cols = list(columns) if columns is not None else list(df.columns)
    if not len(df):
        return f"<p class='{css_class} ukrsec-empty'><i>{html.escape(empty)}</i></p>"
    head = "".join(f"<th style='text-align:left'>{html.escape(str(c))}</th>" for c in cols)
    body = "".join(
        "<tr>"
        + "".join(f"<td style='text-align:left;vertical-align:top'>{esc(v)}</td>" for v in row)
        + "</tr>"
        for row in df[cols].head(max_rows).itertuples(index=False)
    )
    more = left_out_note(df[cols], max_rows, name)
    return f"<table class='{css_class}'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"


def left_out_note(df: pd.DataFrame, shown: int, name: str | None = None) -> str:
    """'Showing the first N of M rows' (with a link to the whole table in a report), or '' if all fit."""
    if len(df) <= shown:
        return ""
    from .notebook import table_file

    href = table_file(df, name) if name else None
    link = f"; the whole table: <a href='{html.escape(href)}'>{html.escape(href)}</a>" if href else ""
    return (
        f"<p class='ukrsec-more'><small>Showing the first {shown:,} of {len(df):,} rows "
        f"({len(df) - shown:,} left out){link}.</small></p>"
    )


# overview -------------------------------------------------------------------------------------
def article_view(corpus: Corpus, article_id: str) -> str:
    """HTML of one article: cleaned text beside what the cleaner removed (escaped)."""
    a = corpus.articles.set_index("article_id").loc[article_id]
    rem = corpus.removed[corpus.removed["article_id"] == article_id]
    removed = "".join(
        f"<li><b>{html.escape(str(r.reason))}</b> (line {r.line_start}"
        f"{'' if r.line_end == r.line_start else '–' + str(r.line_end)}): "
        f"<code>{html.escape(str(r.text)[:300])}</code></li>"
        for r in rem.itertuples()
    )
    title = html.escape(str(a["title"])) if pd.notna(a["title"]) else "<i>(no headline)</i>"
    meta = " · ".join(
        html.escape(str(x)) for x in (a["outlet"], a["published"], a["language"]) if pd.notna(x)
    )
    text = html.escape(str(a["text"])).replace("\n", "<br>")
    return (
        f"<div style='display:flex;gap:1.5em;align-items:flex-start'>"
        f"<div style='flex:3'><h4>{title}</h4><p><small>{meta}</small></p><p>{text}</p></div>"
        f"<div style='flex:2'><h4>Removed by the cleaner ({len(rem)})</h4>"
        f"<ul>{removed or '<li>nothing</li>'}</ul>"
        f"</div></div>"
    )


def _picker(options: list, value: Any, description: str, render: Any, css: str) -> ipywidgets.VBox:
    """A dropdown plus an HTML widget that shows ``render(value)`` (escaped HTML) for the value picked."""
    import ipywidgets as w

    values = [o[1] if isinstance(o, tuple) else o for o in options]
    dd = w.Dropdown(
        options=options,
        description=description,
        value=value if value in values else (values[0] if values else None),
        layout=w.Layout(width="28em"),
        style={"description_width": "initial"},
    )
    view = w.HTML()
    view.add_class(css)

    def show(change: Any = None) -> None:
        view.value = render(dd.value) if dd.value is not None else ""

    dd.observe(show, names="value")
    show()
    return w.VBox([dd, view])


def article_picker(corpus: Corpus, value: str | None = None) -> ipywidgets.VBox:
    """A dropdown of articles showing :func:`article_view` for the one picked."""
    ids = list(corpus.articles["article_id"])
    return _picker(ids, value, "Article", lambda v: article_view(corpus, v), "ukrsec-article")


# actors ---------------------------------------------------------------------------------------
KWIC_COLUMNS = ["outlet", "date", "article_id", "sentence_id", "left", "keyword", "right"]


def kwic_lines(corpus: Corpus, actor_id: str, width: int = 60) -> pd.DataFrame:
    """Keyword-in-context lines for every mention of ``actor_id``, with outlet and publication day
    (:func:`ukrsec.analysis.kwic`, compact)."""
    k = analysis.kwic(corpus.articles, corpus.mentions, actor_id, width, compact=True)
    if not len(k):
        return pd.DataFrame(columns=KWIC_COLUMNS)
    k = k.assign(
        outlet=k["article_id"].map(viz.outlet_labels(corpus)),
        date=k["article_id"].map(viz.day_strings(corpus)),
    )
    return k.rename(columns={"match": "keyword"})[KWIC_COLUMNS]


def kwic_html(corpus: Corpus, actor_id: str, width: int = 60, max_rows: int = 100) -> str:
    """Escaped KWIC lines as an HTML table: left context right-aligned, keyword bold; the first
    ``max_rows`` lines and a note (in a report, with a link to all lines as ``tables/kwic_ID.csv``)."""
    df = kwic_lines(corpus, actor_id, width)
    name = viz.actor_names(corpus).get(str(actor_id), str(actor_id))
    if not len(df):
        return f"<p class='ukrsec-kwic-empty'><i>No mentions of {html.escape(name)}.</i></p>"
    rows = "".join(
        f"<tr class='ukrsec-kwic-line'><td><small>{esc(r.outlet)}<br>{esc(r.date)}</small></td>"
        f"<td style='text-align:right;white-space:nowrap'>{esc(r.left)}</td>"
        f"<td style='text-align:center'><b>{esc(r.keyword)}</b></td>"
        f"<td style='text-align:left;white-space:nowrap'>{esc(r.right)}</td></tr>"
        for r in df.head(max_rows).itertuples()
    )
    return (
        f"<p><b>{html.escape(name)}</b>: {len(df)} mention(s)</p>"
        f"<table class='ukrsec-kwic'><thead><tr><th>outlet, date</th><th></th><th></th><th></th></tr></thead>"
        f"<tbody>{rows}</tbody></table>" + left_out_note(df, max_rows, f"kwic_{actor_id}")
    )


def actor_profile(corpus: Corpus, actor_id: str) -> pd.DataFrame:
    """Mentions of one actor per article, with outlet and date (``corpus.actor_profile``)."""
    return corpus.actor_profile(actor_id)


def actor_options(corpus: Corpus) -> list[tuple[str, str]]:
    """(label, actor_id) for every mentioned actor, most mentioned first."""
    counts = viz.mention_counts(corpus)
    totals = counts.drop_duplicates("actor_id")
    return [(f"{r.actor} ({r.total})", str(r.actor_id)) for r in totals.itertuples()]


def actor_picker(corpus: Corpus, value: str | None = None, width: int = 60) -> ipywidgets.VBox:
    """Pick an actor; shows its keyword-in-context lines with outlet and date."""
    return _picker(
        actor_options(corpus), value, "Actor", lambda v: kwic_html(corpus, v, width), "ukrsec-kwic-out"
    )


# timeline -------------------------------------------------------------------------------------
def timeline_table_html(data: pd.DataFrame) -> str:
    """Escaped table of timeline rows."""
    return html_table(
        data,
        ["date", "date_text", "outlet", "n_sources", "label", "text"],
        empty="no dated statements",
        name="timeline_statements",
    )


def timeline_explorer(corpus: Corpus, start: str | None = None, end: str | None = None) -> ipywidgets.VBox:
    """Date-range and outlet filters above the timeline chart and its table."""
    import datetime as dt

    import ipywidgets as w
    from IPython.display import display

    full = viz.timeline_frame(corpus)
    outlets = sorted(full["outlet"].unique()) if len(full) else []
    d0 = w.DatePicker(description="from", value=dt.date.fromisoformat(start[:10]) if start else None)
    d1 = w.DatePicker(description="to", value=dt.date.fromisoformat(end[:10]) if end else None)
    pick = w.SelectMultiple(
        options=outlets, value=tuple(outlets), description="outlets", rows=min(6, max(2, len(outlets)))
    )
    out = w.Output()
    table = w.HTML()
    table.add_class("ukrsec-timeline-table")

    def show(change: Any = None) -> None:
        data = viz.timeline_frame(
            corpus,
            d0.value.isoformat() if d0.value else None,
            d1.value.isoformat() if d1.value else None,
            list(pick.value),
        )
        table.value = timeline_table_html(data)
        out.clear_output(wait=True)
        with out:
            if len(data):
                display(viz.timeline_chart(data))

    for wd in (d0, d1, pick):
        wd.observe(show, names="value")
    show()
    return w.VBox([w.HBox([d0, d1, pick]), out, table])


# commitments ----------------------------------------------------------------------------------
def commitment_evidence(corpus: Corpus, actor_id: str, ctype: str) -> pd.DataFrame:
    """The commitments of one matrix cell with outlet, date, stance, conditions, quantity and evidence."""
    cm = corpus.commitments
    cm = cm[(cm["actor_id"].astype(str) == str(actor_id)) & (cm["type"].astype(str) == str(ctype))]
    outl, days = viz.outlet_labels(corpus), viz.day_strings(corpus)
    return pd.DataFrame(
        {
            "outlet": cm["article_id"].astype(str).map(outl).values,
            "date": cm["article_id"].astype(str).map(days).values,
            "article_id": cm["article_id"].astype(str).values,
            "stance": cm["stance"].astype(str).values,
            "conditions": [", ".join(map(str, analysis.as_list(v))) for v in cm["conditions"]],
            "quantity": list(map(analysis.quantity_text, cm["quantity_min"], cm["quantity_max"], cm["unit"])),
            "evidence": cm["evidence"].astype(str).values,
        }
    )


def agreement(corpus: Corpus, actor_id: str, ctype: str) -> str:
    """Whether the sources agree on this cell: one article, agree, or disagree (with each article's
    strongest stance); see :func:`ukrsec.analysis.agreement`."""
    return analysis.agreement(corpus.commitments, actor_id, ctype)


def commitment_cell_html(corpus: Corpus, actor_id: str, ctype: str) -> str:
    """Escaped evidence sentences of one cell and whether the sources agree."""
    name = viz.actor_names(corpus).get(str(actor_id), str(actor_id))
    ev = commitment_evidence(corpus, actor_id, ctype)
    return (
        f"<h4>{html.escape(name)} · {html.escape(str(ctype))}</h4>"
        f"<p class='ukrsec-agree'>{html.escape(agreement(corpus, actor_id, ctype)) if len(ev) else ''}</p>"
        + html_table(
            ev,
            ["outlet", "date", "stance", "conditions", "quantity", "evidence"],
            empty="no commitment of this type by this actor",
            max_rows=10,
            name=f"evidence_{actor_id}_{ctype}",
        )
    )


def commitment_picker(
    corpus: Corpus, actor_id: str | None = None, ctype: str | None = None
) -> ipywidgets.VBox:
    """Two dropdowns (actor, commitment type) picking a matrix cell; shows its evidence."""
    import ipywidgets as w

    cm = corpus.commitments
    names = viz.actor_names(corpus)
    actors = [(names.get(a, a), a) for a in sorted(set(cm["actor_id"].dropna().astype(str)))]
    types = sorted(set(cm["type"].dropna().astype(str)))
    a = w.Dropdown(
        options=actors,
        description="actor",
        value=actor_id if actor_id in [x[1] for x in actors] else (actors[0][1] if actors else None),
    )
    t = w.Dropdown(
        options=types, description="type", value=ctype if ctype in types else (types[0] if types else None)
    )
    view = w.HTML()
    view.add_class("ukrsec-commitment-out")

    def show(change: Any = None) -> None:
        ok = a.value is not None and t.value is not None
        view.value = commitment_cell_html(corpus, a.value, t.value) if ok else ""

    a.observe(show, names="value")
    t.observe(show, names="value")
    show()
    return w.VBox([w.HBox([a, t]), view])


# quotes ---------------------------------------------------------------------------------------
QUOTE_COLUMNS = ["speaker", "outlet", "date", "kind", "quote", "article_id"]


def quotes_by(corpus: Corpus, speaker: str | None = None, include_terms: bool = False) -> pd.DataFrame:
    """Quotes (of one speaker label, or all) with outlet and date."""
    q = corpus.quotes
    if not include_terms:
        q = q[q["kind"].astype(str) != "term"]
    df = pd.DataFrame(
        {
            "speaker": viz.speaker_label(corpus, q).values,
            "outlet": q["article_id"].astype(str).map(viz.outlet_labels(corpus)).values,
            "date": q["article_id"].astype(str).map(viz.day_strings(corpus)).values,
            "kind": q["kind"].astype(str).values,
            "quote": q["quote"].astype(str).values,
            "article_id": q["article_id"].astype(str).values,
        },
        columns=QUOTE_COLUMNS,
    )
    if speaker is not None:
        df = df[df["speaker"] == speaker]
    return df.reset_index(drop=True)


def quote_table_html(corpus: Corpus, speaker: str | None = None) -> str:
    """Escaped table of the quotes of ``speaker`` (all when None)."""
    return html_table(
        quotes_by(corpus, speaker),
        ["speaker", "outlet", "date", "kind", "quote"],
        empty="no quotes",
        name=f"quotes_of_{speaker}" if speaker else "quotes_all",
    )


def speaker_options(corpus: Corpus) -> list[str]:
    """Speaker labels, most quoted first."""
    return list(dict.fromkeys(viz.quote_counts(corpus)["speaker"]))


def quote_browser(corpus: Corpus, speaker: str | None = None) -> ipywidgets.VBox:
    """Pick a speaker; shows their quotes with outlet and date."""
    return _picker(
        speaker_options(corpus), speaker, "Speaker", lambda v: quote_table_html(corpus, v), "ukrsec-quote-out"
    )


# positions over time --------------------------------------------------------------------------
def position_cell_html(
    corpus: Corpus,
    actor_id: str,
    ctype: str,
    period: str = "week",
    positions: pd.DataFrame | None = None,
    shifts: pd.DataFrame | None = None,
) -> str:
    """Escaped stance timeline of one actor and type: the position per period with the outlets behind
    it and those that disagree, then every shift with the evidence before and after. ``positions`` and
    ``shifts`` (``corpus.positions(period)``, ``corpus.shifts(period)``) may be passed computed once."""
    name = viz.actor_names(corpus).get(str(actor_id), str(actor_id))
    pos = viz.position_frame(corpus, actor_id, ctype, period, positions=positions)
    sh = viz.shift_frame(corpus, actor_id, ctype, period, shifts=shifts)
    return (
        f"<h4>{html.escape(name)} · {html.escape(str(ctype))} (per {html.escape(period)})</h4>"
        + html_table(
            pos,
            ["period", "stance", "n_articles", "outlets", "disagreeing_outlets", "n_stated"],
            empty="no dated report of this type by this actor",
        )
        + f"<p><b>Shifts</b> ({len(sh)})</p>"
        + html_table(
            sh,
            [
                "from_stance",
                "to_stance",
                "to_period",
                "first_outlet",
                "first_published",
                "evidence_before",
                "evidence_after",
            ],
            empty="no change of stance",
            css_class="ukrsec-table ukrsec-shifts",
        )
    )


def position_picker(
    corpus: Corpus, actor_id: str | None = None, ctype: str | None = None, period: str = "week"
) -> ipywidgets.VBox:
    """Dropdowns (actor, commitment type, period) showing :func:`position_cell_html` for the choice
    (positions and shifts computed once per period)."""
    import ipywidgets as w

    cm = corpus.commitments
    names = viz.actor_names(corpus)
    actors = [(names.get(a, a), a) for a in sorted(set(cm["actor_id"].dropna().astype(str)))]
    types = sorted(set(cm["type"].dropna().astype(str)))
    ids = [x[1] for x in actors]
    a = w.Dropdown(
        options=actors, description="actor", value=actor_id if actor_id in ids else (ids[0] if ids else None)
    )
    t = w.Dropdown(
        options=types, description="type", value=ctype if ctype in types else (types[0] if types else None)
    )
    p = w.Dropdown(options=list(analysis.PERIODS), description="period", value=period)
    view = w.HTML()
    view.add_class("ukrsec-position-out")
    done: dict[str, tuple[pd.DataFrame, pd.DataFrame]] = {}

    def show(change: Any = None) -> None:
        if a.value is None or t.value is None:
            view.value = ""
            return
        if p.value not in done:
            done[p.value] = (corpus.positions(p.value), corpus.shifts(p.value))
        pos, sh = done[p.value]
        view.value = position_cell_html(corpus, a.value, t.value, p.value, positions=pos, shifts=sh)

    for wd in (a, t, p):
        wd.observe(show, names="value")
    show()
    return w.VBox([w.HBox([a, t, p]), view])


def first_reports_html(
    corpus: Corpus, actor_id: str | None = None, ctype: str | None = None, max_rows: int = 100
) -> str:
    """Escaped table of first reports: for each stance, the outlet first to report it, the outlets that
    followed and how many days later."""
    fr = corpus.first_reports()
    if actor_id:
        fr = fr[fr["actor_id"].astype(str) == str(actor_id)]
    if ctype:
        fr = fr[fr["type"].astype(str) == str(ctype)]
    view = fr.assign(
        followed=[
            ", ".join(f"{o} (+{d} d)" for o, d in zip(f, n, strict=True))
            for f, n in zip(fr["followers"], fr["days_later"], strict=True)
        ]
    )
    return html_table(
        view,
        ["actor", "type", "stance", "first_published", "first_outlet", "followed", "evidence"],
        empty="no dated reports",
        max_rows=max_rows,
    )


def group_disagreements_html(
    corpus: Corpus, by: str = "language", actor_id: str | None = None, ctype: str | None = None
) -> str:
    """Escaped table of ``corpus.compare(by=...)`` rows where the groups of sources disagree."""
    cmp = corpus.compare(by=by)
    cmp = cmp[cmp["disagree"].astype(bool)]
    if actor_id:
        cmp = cmp[cmp["actor_id"].astype(str) == str(actor_id)]
    if ctype:
        cmp = cmp[cmp["type"].astype(str) == str(ctype)]
    view = cmp.assign(stance_set=cmp["stance_set"].map(", ".join)).rename(columns={"group": by})
    return f"<p><b>By {html.escape(by)}</b></p>" + html_table(
        view,
        ["actor", "type", by, "stance", "n_articles", "stance_set"],
        empty=f"no {by}s disagree here (or only one reports)",
        max_rows=100,
    )
