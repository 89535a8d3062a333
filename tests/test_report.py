"""Reports: papermill with a non-default corpus, offline HTML."""

from __future__ import annotations

import re

import nbformat
import pytest

from ukrsec.report import render_reports

pytestmark = pytest.mark.slow


def test_report_on_another_corpus_is_offline(small_corpus, tmp_path):
    out = tmp_path / "rep"
    index = render_reports(small_corpus, out)
    assert index.exists()
    pages = sorted(out.glob("*.html"))
    assert len(pages) >= 2  # index + at least one notebook
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<script[^>]+src=[\"']https?://", html), page
        assert not re.search(r"<link[^>]+href=[\"']https?://", html), page
    overview = (out / "01_corpus_overview.html").read_text(encoding="utf-8")
    assert "de_artikel" in overview and "en_story" in overview
    assert "image/svg+xml" in overview  # the chart, rendered offline
    nb = nbformat.read(str(out / "01_corpus_overview.ipynb"), as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and str(small_corpus) in injected[0].source
