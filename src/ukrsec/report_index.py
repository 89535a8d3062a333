"""``index.html`` of a report folder: what the corpus holds, a card per report, the table files."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus
    from .report import Entry

INDEX_CSS = """<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#222}
table.ukrsec-summary{border-collapse:collapse;margin:.5em 0 1em}
table.ukrsec-summary td,table.ukrsec-summary th{padding:.15em .8em .15em 0;text-align:left;vertical-align:top}
.ukrsec-cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:1rem}
.ukrsec-card{border:1px solid #ddd;border-radius:8px;padding:.8rem}
.ukrsec-card img{width:100%;height:9rem;object-fit:contain;background:#fff;border-bottom:1px solid #eee}
.ukrsec-card h3{margin:.4em 0 .2em;font-size:1.05em}
.ukrsec-card p{margin:.2em 0;font-size:.9em;color:#444}
.ukrsec-failed{color:#a00}
</style>"""


def corpus_facts(corpus: Corpus) -> list[tuple[str, str]]:
    """(label, value) lines about a corpus: articles, outlets, date range, languages, problems."""
    a = corpus.articles
    days = pd.to_datetime(a["published"], errors="coerce", utc=True).dropna() if len(a) else pd.Series([])
    span = f"{days.min():%Y-%m-%d} to {days.max():%Y-%m-%d}" if len(days) else "no publication dates"
    undated = len(a) - len(days)
    if undated and len(days):
        span += f" ({undated:,} articles without a date)"
    langs = a["language"].fillna("unknown").astype(str).value_counts() if len(a) else pd.Series([], dtype=int)
    outlets = a["outlet"].dropna().astype(str) if len(a) else pd.Series([], dtype=str)
    return [
        ("articles", f"{len(a):,}"),
        (
            "outlets",
            f"{outlets.nunique():,}"
            + (f" ({(len(a) - len(outlets)):,} articles without one)" if len(outlets) < len(a) else ""),
        ),
        ("published", span),
        ("languages", ", ".join(f"{k} {v:,}" for k, v in langs.items()) or "none"),
        (
            "problems",
            f"{len(corpus.problems):,} input file(s) could not be read"
            if len(corpus.problems)
            else "none: every input file became an article",
        ),
    ]


def write_index(out: Path, src: Path, entries: list[Entry], failures: list[str]) -> Path:
    """Write ``out/index.html`` for the reports in ``entries`` (failures listed on top)."""
    from .corpus import Corpus

    corpus = Corpus.open(out / "tables")
    facts = "".join(
        f"<tr><th>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in corpus_facts(corpus)
    )
    rows = "".join(
        f"<tr><td>{html.escape(str(r.table))}</td><td>{int(r.rows):,}</td></tr>"
        for r in corpus.summary().itertuples()
    )
    failed = "".join(f"<li class='ukrsec-failed'>{html.escape(f)}</li>" for f in failures)
    body = (
        f"<h1>ukrsec reports</h1><p>Corpus: <code>{html.escape(str(src))}</code></p>"
        + (f"<h2>Reports that failed</h2><ul>{failed}</ul>" if failed else "")
        + f"<h2>The corpus</h2><table class='ukrsec-summary'>{facts}</table>"
        + f"<h2>Reports</h2><div class='ukrsec-cards'>{''.join(map(_card, entries))}</div>"
        + "<h2>Tables</h2><p>Every table of the corpus, and each table a report shows only in part, "
        + "to download (Parquet: pandas, DuckDB, Arrow, R; CSV: any spreadsheet).</p>"
        + f"<table class='ukrsec-summary'><tr><th>table</th><th>rows</th></tr>{rows}</table>"
        + _files(out / "tables")
        + _problems(corpus)
    )
    index = out / "index.html"
    index.write_text(
        "<!doctype html><html><head><meta charset='utf-8'><title>ukrsec reports</title>"
        f"{INDEX_CSS}</head><body>{body}</body></html>",
        encoding="utf-8",
    )
    return index


def _card(e: Entry) -> str:
    """One report: preview picture, title, description, links."""
    img = (
        f"<a href='{html.escape(e.page)}'><img src='{html.escape(e.preview)}' "
        f"alt='preview of {html.escape(e.title)}'></a>"
        if e.preview
        else ""
    )
    return (
        f"<div class='ukrsec-card'>{img}<h3><a href='{html.escape(e.page)}'>{html.escape(e.title)}</a></h3>"
        f"<p>{html.escape(e.description)}</p>"
        f"<p><small><a href='{html.escape(e.executed)}'>notebook (.ipynb)</a></small></p></div>"
    )


def _files(folder: Path) -> str:
    """A list of links to the files in ``folder`` with their sizes."""
    items = "".join(
        f"<li><a href='{folder.name}/{html.escape(p.name)}'>{html.escape(p.name)}</a> "
        f"<small>({_size(p.stat().st_size)})</small></li>"
        for p in sorted(folder.glob("*"))
        if p.is_file()
    )
    return f"<ul>{items}</ul>"


def _problems(corpus: Corpus, shown: int = 50) -> str:
    """The files that could not be read (the first ``shown``)."""
    pr = corpus.problems
    if not len(pr):
        return ""
    items = "".join(
        f"<li><code>{html.escape(str(r.source_path))}</code>: {html.escape(str(r.problem))}</li>"
        for r in pr.head(shown).itertuples()
    )
    more = f"<p>… and {len(pr) - shown:,} more in tables/problems.parquet</p>" if len(pr) > shown else ""
    return f"<h2>Files that could not be read</h2><ul>{items}</ul>{more}"


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e5 else f"{max(1, round(n / 1e3))} KB"
