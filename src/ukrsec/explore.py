"""Widget explorers for the notebooks (ipywidgets), each with a static view for rendered reports."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus


def article_view(corpus: Corpus, article_id: str) -> str:
    """HTML of one article: cleaned text beside what the cleaner removed (escaped)."""
    a = corpus.articles.set_index("article_id").loc[article_id]
    rem = corpus.removed[corpus.removed["article_id"] == article_id]
    removed = "".join(
        f"<li><b>{html.escape(str(r.reason))}</b> (line {r.line_start}"
        f"{'' if r.line_end == r.line_start else '–' + str(r.line_end)}): "
        f"<code>{html.escape(str(r.text)[:300])}</code></li>" for r in rem.itertuples())
    title = html.escape(str(a["title"])) if pd.notna(a["title"]) else "<i>(no headline)</i>"
    meta = " · ".join(html.escape(str(x)) for x in (a["outlet"], a["published"], a["language"]) if pd.notna(x))
    text = html.escape(str(a["text"])).replace("\n", "<br>")
    return (f"<div style='display:flex;gap:1.5em;align-items:flex-start'>"
            f"<div style='flex:3'><h4>{title}</h4><p><small>{meta}</small></p><p>{text}</p></div>"
            f"<div style='flex:2'><h4>Removed by the cleaner ({len(rem)})</h4><ul>{removed or '<li>nothing</li>'}</ul>"
            f"</div></div>")


def article_picker(corpus: Corpus, value: str | None = None):
    """A dropdown of articles showing :func:`article_view` for the one picked."""
    import ipywidgets as w
    from IPython.display import HTML, display

    ids = list(corpus.articles["article_id"])
    dd = w.Dropdown(options=ids, value=value if value in ids else (ids[0] if ids else None), description="Article")
    out = w.Output()

    def show(change=None):
        out.clear_output()
        with out:
            if dd.value is not None:
                display(HTML(article_view(corpus, dd.value)))

    dd.observe(show, names="value")
    show()
    return w.VBox([dd, out])
