"""Every notebook under papermill: another corpus, another focus, invalid parameters, an empty corpus."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import nbformat
import pytest
from papermill.exceptions import PapermillExecutionError

from ukrsec.nbrun import RunFailure, execute
from ukrsec.report import KERNEL, list_notebooks, static_charts

sys.path.insert(0, str(Path(__file__).parent))
from test_viz import rich_corpus  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.timeout(400)]
NOTEBOOKS = {p.stem: p for p in list_notebooks()}


def _run(nb: str, tmp_path: Path, **params) -> nbformat.NotebookNode:
    """Execute like ``ukrsec report`` does (its papermill engine, svg charts, a cell limit)."""
    out = tmp_path / f"{nb}-{len(list(tmp_path.glob('*.ipynb')))}.ipynb"
    with static_charts():
        execute(NOTEBOOKS[nb], out, params, KERNEL, cell_timeout=240)
    return nbformat.read(str(out), as_version=4)


def _cell_error(e: pytest.ExceptionInfo) -> PapermillExecutionError:
    """The error raised in the notebook's cell, behind the report's RunFailure."""
    assert isinstance(e.value.__cause__, PapermillExecutionError), e.value
    return e.value.__cause__


def _text(book: nbformat.NotebookNode) -> str:
    parts = []
    for c in book.cells:
        for o in c.get("outputs", []):
            parts.append(o.get("text", ""))
            parts.extend(str(v) for k, v in o.get("data", {}).items() if k.startswith("text/"))
    return "\n".join(parts)


def _svgs(book: nbformat.NotebookNode) -> int:
    return sum("image/svg+xml" in o.get("data", {}) for c in book.cells for o in c.get("outputs", []))


@pytest.fixture(scope="module")
def tables(tmp_path_factory) -> Path:
    """Filled tables (saved by ``Corpus.save``) that the notebooks open without parsing."""
    return rich_corpus().save(tmp_path_factory.mktemp("tables"))


def test_every_notebook_has_parameters_and_python3_kernel():
    assert set(NOTEBOOKS) >= {
        "01_corpus_overview",
        "02_actors",
        "03_timeline",
        "04_commitments",
        "05_quotes_sources",
    }
    for p in NOTEBOOKS.values():
        book = json.loads(p.read_text(encoding="utf-8"))
        assert book["metadata"]["kernelspec"]["name"] == "python3", p
        tagged = [c for c in book["cells"] if "parameters" in c["metadata"].get("tags", [])]
        assert len(tagged) == 1 and "corpus = None" in "".join(tagged[0]["source"]), p


def test_papermill_reads_every_parameter_with_its_help():
    """A parameter line papermill cannot read (e.g. a second '=' in its comment) is logged as 'Unable to
    parse line' and each value passed to it as 'Passed unknown parameter'."""
    import re

    import papermill as pm

    for p in NOTEBOOKS.values():
        book = nbformat.read(str(p), as_version=4)
        cell = next(c for c in book.cells if "parameters" in c.metadata.get("tags", []))
        assigned = re.findall(r"^(\w+)\s*=", cell.source, re.MULTILINE)
        found = pm.inspect_notebook(str(p))
        assert list(found) == assigned, p
        assert all(v["help"] for v in found.values()), p


@pytest.mark.parametrize("nb", sorted(NOTEBOOKS))
def test_runs_on_a_two_file_corpus(nb, small_corpus, tmp_path):
    book = _run(nb, tmp_path, corpus=str(small_corpus))
    assert "en_story" in _text(book) or nb != "01_corpus_overview"


@pytest.mark.parametrize(
    "nb,params,expect,svgs",
    [
        ("02_actors", {"actor": "FR"}, "Frankreich", 2),
        ("02_actors", {"actor": "italy"}, "Italien", 2),
        ("03_timeline", {"start": "2026-01-01", "end": "2026-01-31"}, "2 dated statements", 1),
        ("03_timeline", {"end": "2025-12-31"}, "im September", 1),
        ("04_commitments", {"country": "DE"}, "Deutschland zögert.", 1),
        ("04_commitments", {"type": "ground_troops"}, "15,000–30,000 soldiers", 1),
        ("05_quotes_sources", {"speaker": "Emmanuel Macron"}, "Wir sind bereit.", 2),
    ],
)
def test_focus_parameters(nb, params, expect, svgs, tables, tmp_path):
    book = _run(nb, tmp_path, corpus=str(tables), **params)
    assert expect in _text(book)
    assert _svgs(book) >= svgs


@pytest.mark.parametrize(
    "nb,params,message",
    [
        ("02_actors", {"actor": "Nobody"}, "choose one of: DE (Germany), FR (France)"),
        ("03_timeline", {"start": "2026-02-01", "end": "2026-01-01"}, "choose start <= end"),
        ("03_timeline", {"start": "yesterday"}, "ISO date like '2026-01-06'"),
        ("04_commitments", {"country": "XX"}, "choose one of: DE, FR, IT"),
        ("04_commitments", {"type": "tanks"}, "choose one of: ground_troops, neighbour_deployment"),
        ("05_quotes_sources", {"speaker": "Nobody"}, "choose one of: "),
    ],
)
def test_invalid_parameters_stop_at_the_check_with_the_choices(nb, params, message, tables, tmp_path):
    with pytest.raises(RunFailure) as e:
        _run(nb, tmp_path, corpus=str(tables), **params)
    err = _cell_error(e)
    assert err.ename == "ParameterError"
    assert message in err.evalue
    assert err.exec_count == 3  # the cell right after the parameters: nothing else ran
    assert f"{nb}.ipynb, cell 4" in str(e.value) and "ParameterError" in str(e.value)  # after injected params


@pytest.mark.parametrize("nb", sorted(NOTEBOOKS))
def test_missing_corpus_path(nb, tmp_path):
    with pytest.raises(RunFailure) as e:
        _run(nb, tmp_path, corpus=str(tmp_path / "nowhere"))
    err = _cell_error(e)
    assert err.ename == "ParameterError" and "path not found" in err.evalue


@pytest.mark.parametrize("nb", sorted(NOTEBOOKS))
def test_empty_corpus_says_no_articles(nb, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    book = _run(nb, tmp_path, corpus=str(empty))
    text = _text(book)
    assert "No articles" in text and "Traceback" not in text
