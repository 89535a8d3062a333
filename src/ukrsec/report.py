"""Stage ``report``: run every notebook through papermill on a corpus and export offline HTML."""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

KERNEL = "python3"  # jupyter_client resolves it to the interpreter that runs the report
_REMOTE_SCRIPT = re.compile(
    r"<script\b[^>]*\bsrc=[\"']https?://[^\"']*[\"'][^>]*>\s*</script>", re.IGNORECASE
)
_REMOTE_LINK = re.compile(r"<link\b[^>]*\bhref=[\"']https?://[^\"']*[\"'][^>]*>", re.IGNORECASE)


class ReportError(Exception):
    """A report could not be rendered; the message names the notebook and the cause."""


def notebooks_dir() -> Path:
    """The project's ``notebooks/`` folder (next to ``src/``)."""
    here = Path(__file__).resolve()
    for cand in (here.parents[2] / "notebooks", here.parent / "notebooks"):
        if cand.is_dir():
            return cand
    raise ReportError("no notebooks/ folder found; pass --notebooks DIR")


def list_notebooks(folder: str | Path | None = None) -> list[Path]:
    """The numbered notebooks of ``folder``, in order."""
    folder = Path(folder) if folder else notebooks_dir()
    return sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith((".", "_")))


def export_html(nb_path: str | Path, html_path: str | Path) -> Path:
    """Export an executed notebook as a standalone HTML page that loads nothing from the internet."""
    import nbformat
    from nbconvert import HTMLExporter

    from .assets import install_assets

    nb = nbformat.read(str(nb_path), as_version=4)
    html_path = Path(html_path)
    assets = install_assets(html_path.parent)
    if "embed" not in assets:
        _static_widgets(nb)
    exporter = HTMLExporter(template_name="lab")
    exporter.mathjax_url = ""
    exporter.require_js_url = assets.get("require", "")
    if "embed" in assets:
        exporter.widget_renderer_url = assets["embed"]
    body, _ = exporter.from_notebook_node(nb)
    body = _REMOTE_SCRIPT.sub("", body)
    body = _REMOTE_LINK.sub("", body)
    body = body.replace('<script src=""></script>', "")
    html_path.write_text(body, encoding="utf-8")
    return html_path


@contextmanager
def static_charts() -> Iterator[None]:
    """Kernels started inside this block draw Altair charts as SVG (``UKRSEC_RENDERER=svg``): a report
    must show every chart with no script and no widget manager."""
    old = os.environ.get("UKRSEC_RENDERER")
    os.environ["UKRSEC_RENDERER"] = "svg"
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("UKRSEC_RENDERER", None)
        else:
            os.environ["UKRSEC_RENDERER"] = old


WIDGET_NOTE = (
    "<p class='ukrsec-widget-note'><i>An interactive control is here when this notebook runs in "
    "JupyterLab; the static view below shows the report's selection.</i></p>"
)


def _static_widgets(nb: Any) -> None:
    """Without an offline widget manager, drop the widget state (nbconvert would otherwise load the
    manager from unpkg.com) and put a note where each widget was; the notebooks print a static view
    beside every widget."""
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "application/vnd.jupyter.widget-view+json" in data:
                out["data"] = {"text/html": WIDGET_NOTE, "text/plain": "(interactive control)"}


CELL_TIMEOUT = 600.0  # seconds a cell may take before the report stops with an error
REPORT_TIMEOUT = 3600.0  # seconds the whole report may take


def run_notebook(
    nb: Path,
    out_dir: Path,
    params: Mapping[str, Any],
    cell_timeout: float | None = CELL_TIMEOUT,
    deadline: float | None = None,
) -> Path:
    """Execute one notebook with papermill (static SVG charts); returns the executed copy.

    A failing cell, a cell running longer than ``cell_timeout`` seconds or a run past ``deadline``
    (``time.monotonic()``) raises :class:`ReportError` naming the notebook and the cell.
    """
    from .nbrun import RunFailure, execute

    # no cwd: papermill would chdir the whole process, which races between notebook threads;
    # the notebooks get absolute paths
    try:
        with static_charts():
            return execute(nb, out_dir / nb.name, dict(params), KERNEL, cell_timeout, deadline)
    except RunFailure as e:
        raise ReportError(str(e)) from e


def render_reports(
    corpus: str | Path | None,
    out: str | Path,
    notebooks: str | Path | None = None,
    params: Mapping[str, Any] | None = None,
    jobs: int | None = None,
    cell_timeout: float | None = CELL_TIMEOUT,
    timeout: float | None = REPORT_TIMEOUT,
) -> Path:
    """Render every notebook on ``corpus`` into ``out``: executed ``.ipynb``, ``.html`` and ``index.html``.

    ``params`` go to the notebooks whose parameters cell declares them; ``jobs`` notebooks run at
    once (default: 2, or 1 on a single core). A cell may take ``cell_timeout`` seconds, the whole
    report ``timeout`` seconds; a notebook that fails or runs out of time does not stop the others,
    and the run ends with a :class:`ReportError` naming every failed notebook and its cell.
    """
    import time
    from concurrent.futures import ThreadPoolExecutor

    from .pipeline import default_corpus_path

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    src = Path(corpus) if corpus is not None else default_corpus_path()
    nbs = list_notebooks(notebooks)
    if not nbs:
        raise ReportError(f"no notebooks found in {notebooks or notebooks_dir()}")
    base = {"corpus": str(src.resolve())}
    base.update(params or {})
    deadline = time.monotonic() + timeout if timeout else None

    def one(nb: Path) -> tuple[str, str, str, str | None]:
        nb_params = {k: v for k, v in base.items() if k == "corpus" or _declares(nb, k)}
        executed = run_notebook(nb, out, nb_params, cell_timeout, deadline)
        page = export_html(executed, out / (nb.stem + ".html"))
        return nb.stem, page.name, executed.name, _title(executed)

    workers = max(1, jobs or min(2, os.cpu_count() or 1))
    with static_charts(), ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(one, nb) for nb in nbs]
        results = [_outcome(f) for f in futures]
    entries = [r for r in results if not isinstance(r, ReportError)]
    failures = [r for r in results if isinstance(r, ReportError)]
    index = out / "index.html"
    items = "\n".join(
        f'<li><a href="{html.escape(p)}">{html.escape(t or s)}</a> '
        f'<small>(<a href="{html.escape(e)}">notebook</a>)</small></li>'
        for s, p, e, t in entries
    )
    index.write_text(
        "<!doctype html><html><head><meta charset='utf-8'><title>ukrsec reports</title>"
        "<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;"
        "line-height:1.5}</style>"
        f"</head><body><h1>ukrsec reports</h1><p>Corpus: <code>{html.escape(str(src))}</code></p>"
        f"<ol>{items}</ol></body></html>",
        encoding="utf-8",
    )
    if failures:
        raise ReportError("; ".join(map(str, failures)))
    return index


def _outcome(future: Any) -> Any:
    """The future's result, or the ReportError it raised (other errors propagate)."""
    try:
        return future.result()
    except ReportError as e:
        return e


def _declares(nb: Path, name: str) -> bool:
    """Whether the notebook's parameters cell assigns ``name``."""
    import nbformat

    book = nbformat.read(str(nb), as_version=4)
    for cell in book.cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            return re.search(rf"^\s*{re.escape(name)}\s*(:[^=]+)?=", cell.source, re.MULTILINE) is not None
    return False


def _title(nb: Path) -> str | None:
    import nbformat

    book = nbformat.read(str(nb), as_version=4)
    for cell in book.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^#\s+(.+)$", cell.source, re.MULTILINE)
            if m:
                return m.group(1).strip()
    return None
