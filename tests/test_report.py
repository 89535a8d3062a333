"""Reports: papermill on corpora other than the seeds, offline HTML, escaped article text."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import nbformat
import pytest

from ukrsec.report import list_notebooks, render_reports

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import synth  # noqa: E402
from test_viz import rich_corpus  # noqa: E402

pytestmark = pytest.mark.slow

HOSTILE_TXT = """A hostile headline <script>alert(1)</script> for the report

Published: March 4, 2026

The article quotes markup: <script>alert(1)</script> and <img src=x onerror=alert(1)> in its body.
Emmanuel Macron said France would help. <script>alert("second")</script>
"""


def _assert_offline(html: str, page: Path) -> None:
    assert not re.search(r"<script[^>]+src=[\"']https?://", html), page
    assert not re.search(r"<link[^>]+href=[\"']https?://", html), page
    assert "cdn.jsdelivr" not in html and "unpkg.com" not in html, page


def _assert_escaped(html: str, page: Path) -> None:
    assert not re.search(r"<script>\s*alert", html, re.IGNORECASE), page
    assert not re.search(r"<img src=x", html, re.IGNORECASE), page
    assert "onerror=alert(1)>" not in html.replace("&gt;", ""), page


def test_report_on_another_corpus_is_offline_and_escaped(small_corpus, tmp_path):
    (small_corpus / "hostile.txt").write_text(HOSTILE_TXT, encoding="utf-8")
    out = tmp_path / "rep"
    index = render_reports(small_corpus, out)
    assert index.exists()
    nbs = list_notebooks()
    assert len(nbs) >= 5
    for nb in nbs:
        page = out / (nb.stem + ".html")
        assert page.exists(), page
        html = page.read_text(encoding="utf-8")
        _assert_offline(html, page)
        _assert_escaped(html, page)
        executed = nbformat.read(str(out / nb.name), as_version=4)
        assert not [o for c in executed.cells for o in c.get("outputs", []) if o.output_type == "error"], nb
        assert "unpkg.com" not in html and "application/vnd.jupyter.widget-state+json" not in html
    overview = (out / "01_corpus_overview.html").read_text(encoding="utf-8")
    assert "de_artikel" in overview and "en_story" in overview and "hostile" in overview
    assert '<div class="ukrsec-chart">' in overview and "<svg" in overview  # the chart: spec and SVG
    # the hostile markup is there, as text
    assert "&lt;script&gt;alert(" in overview  # the hostile headline, in the articles table
    nb = nbformat.read(str(out / "01_corpus_overview.ipynb"), as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and str(out / "tables") in injected[0].source  # parsed once, then opened
    assert f"<b>corpus</b>: <code>{small_corpus}</code>" in overview  # the parameters line names the input
    assert "jp-InputArea-editor\" data-type" not in overview and "open_corpus" not in overview  # code hidden
    index_html = index.read_text(encoding="utf-8")
    assert all(f"{nb.stem}.html" in index_html for nb in nbs)


def test_report_on_filled_tables_shows_every_chart_and_escapes(tmp_path):
    """Tables saved by ``Corpus.save`` (every extraction table filled, hostile text everywhere)."""
    tables = rich_corpus().save(tmp_path / "tables")
    out = tmp_path / "rep"
    render_reports(tables, out, params={"actor": "DE", "country": "DE", "speaker": "ein Sprecher"})
    min_svgs = {"02_actors": 2, "03_timeline": 1, "04_commitments": 1, "05_quotes_sources": 2}
    for stem, n in min_svgs.items():
        page = out / f"{stem}.html"
        html = page.read_text(encoding="utf-8")
        _assert_offline(html, page)
        _assert_escaped(html, page)
        charts = html.count('<div class="ukrsec-chart">')  # a chart output: Vega-Lite spec and SVG
        assert charts >= n, (stem, charts)
        if stem in ("03_timeline", "05_quotes_sources"):  # the hostile event and quote are in focus there
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, stem
    actors = (out / "02_actors.html").read_text(encoding="utf-8")
    assert "ukrsec-kwic-line" in actors and "Deutschland" in actors  # the static KWIC for actor=DE
    commitments = (out / "04_commitments.html").read_text(encoding="utf-8")
    assert "Sources disagree" in commitments and "Deutschland zögert." in commitments


def test_report_stops_with_the_valid_choices(small_corpus, tmp_path):
    from ukrsec.report import ReportError

    nb_dir = tmp_path / "nbs"
    nb_dir.mkdir()
    shutil.copy(list_notebooks()[2], nb_dir)  # the timeline notebook
    with pytest.raises(ReportError) as e:
        render_reports(
            small_corpus,
            tmp_path / "rep",
            notebooks=nb_dir,
            params={"start": "2026-02-01", "end": "2026-01-01"},
        )
    assert "start" in str(e.value) and "choose start <= end" in str(e.value)


def test_rendering_reports_leaves_the_working_directory_alone(small_corpus, tmp_path):
    import os

    before = os.getcwd()
    render_reports(small_corpus, tmp_path / "rep")
    assert os.getcwd() == before


@pytest.mark.timeout(1200)
def test_report_finishes_on_a_thousand_synthetic_articles(tmp_path):
    """On 1,000 articles 03_timeline waited forever at its explorer widget (cause: ukrsec.nbrun)."""
    corpus, _ = synth.write_corpus(tmp_path / "corpus", 1000, seed=7)
    out = tmp_path / "rep"
    index = render_reports(corpus, out, cell_timeout=300, timeout=900)
    for nb in list_notebooks():
        executed = nbformat.read(str(out / nb.name), as_version=4)
        statuses = {c.metadata.get("papermill", {}).get("status") for c in executed.cells}
        assert statuses == {"completed"}, (nb.name, statuses)
        page = out / f"{nb.stem}.html"
        assert 0 < page.stat().st_size < 3_000_000, (page, page.stat().st_size)  # bounded pages
        assert (out / nb.name).stat().st_size < 3_000_000, nb.name  # and bounded widget state
    index_html = index.read_text(encoding="utf-8")
    assert "03_timeline.html" in index_html and "<th>articles</th><td>1,000</td>" in index_html
    assert (out / "tables" / "articles.parquet").exists() and (out / "tables" / "articles_list.csv").exists()
    assert "tables/articles_list.csv" in (out / "01_corpus_overview.html").read_text(encoding="utf-8")


def test_a_failing_notebook_ends_the_report_with_its_name_and_cell(small_corpus, tmp_path):
    from ukrsec.report import ReportError

    nb_dir = tmp_path / "nbs"
    nb_dir.mkdir()
    shutil.copy(list_notebooks()[0], nb_dir)
    stall = nbformat.v4.new_notebook()
    stall.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    stall.cells = [
        nbformat.v4.new_code_cell("corpus = None", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("import time\ntime.sleep(300)"),
    ]
    nbformat.write(stall, str(nb_dir / "02_stall.ipynb"))
    with pytest.raises(ReportError) as e:
        render_reports(small_corpus, tmp_path / "rep", notebooks=nb_dir, cell_timeout=10)
    assert "02_stall.ipynb, cell 3 `time.sleep(300)`: the cell did not finish within 10 s" in str(e.value)
    assert (tmp_path / "rep" / "01_corpus_overview.html").exists()  # the other notebook still rendered


def test_index_summarizes_the_corpus_and_links_every_report(small_corpus, tmp_path):
    out = tmp_path / "rep"
    nb_dir = tmp_path / "nbs"
    nb_dir.mkdir()
    for nb in list_notebooks()[:2]:
        shutil.copy(nb, nb_dir)
    index = render_reports(small_corpus, out, notebooks=nb_dir, show_code=True)
    text = index.read_text(encoding="utf-8")
    assert "<th>articles</th><td>2</td>" in text and "<th>languages</th><td>de 1, en 1</td>" in text
    assert "<th>problems</th><td>none: every input file became an article</td>" in text
    assert "<h3><a href='02_actors.html'>Actors</a></h3>" in text and "Who is mentioned" in text
    assert "src='_static/preview-02_actors.svg'" in text
    assert (out / "_static" / "preview-02_actors.svg").exists()
    assert "href='tables/mentions.parquet'" in text
    assert (out / "_static" / "vega.js").stat().st_size > 100_000  # Vega once for the folder
    page = (out / "02_actors.html").read_text(encoding="utf-8")
    assert "jp-InputArea-editor\" data-type" in page and "open_corpus" in page  # show_code keeps the code
    assert "<script src='_static/vega.js'></script>" in page and page.count("vega.js") == 1
