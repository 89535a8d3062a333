"""Stage ``report``: parse a corpus once, run every numbered notebook on its tables, export offline HTML.

The report folder holds one HTML page and the executed ``.ipynb`` per notebook, ``index.html`` (a
summary of the corpus and a card per report), ``tables/`` (every corpus table as Parquet, and each
table a report cuts short as CSV) and ``_static/`` (the Vega bundle, once for all pages, and the
preview pictures). Pages load nothing from the internet: charts are SVG that the bundled Vega turns
into interactive charts (tooltips, legend selection, zoom) where scripts run.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .notebook import TABLES_ENV

KERNEL = "python3"  # jupyter_client resolves it to the interpreter that runs the report
CELL_TIMEOUT = 600.0  # seconds a cell may take before the report stops with an error
REPORT_TIMEOUT = 3600.0  # seconds the whole report may take
STATIC = "_static"
TABLES = "tables"
VEGA_JS = "vega.js"
_REMOTE_SCRIPT = re.compile(
    r"<script\b[^>]*\bsrc=[\"']https?://[^\"']*[\"'][^>]*>\s*</script>", re.IGNORECASE
)
_REMOTE_LINK = re.compile(r"<link\b[^>]*\bhref=[\"']https?://[^\"']*[\"'][^>]*>", re.IGNORECASE)
_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)


class ReportError(Exception):
    """A report could not be rendered; the message names the notebook and the cause."""


@dataclass
class Entry:
    """One rendered notebook: its page, executed copy, title, description and preview picture."""

    stem: str
    page: str
    executed: str
    title: str
    description: str
    preview: str | None


def notebooks_dir() -> Path:
    """The notebooks: ``notebooks/`` of a source checkout, else the copy inside the installed package."""
    here = Path(__file__).resolve()
    for cand in (here.parents[2] / "notebooks", here.parent / "notebooks"):
        if cand.is_dir() and any(cand.glob("*.ipynb")):
            return cand
    raise ReportError(
        "no notebooks found (neither notebooks/ of a checkout nor in the package); pass --notebooks"
    )


def list_notebooks(folder: str | Path | None = None) -> list[Path]:
    """The numbered notebooks of ``folder`` (``01_name.ipynb`` …), in order."""
    folder = Path(folder) if folder else notebooks_dir()
    return sorted(p for p in folder.glob("*.ipynb") if re.match(r"\d+[_-]", p.name))


@contextmanager
def static_charts(renderer: str = "svg", tables: Path | None = None) -> Iterator[None]:
    """Kernels started inside this block draw Altair charts with ``renderer`` (``UKRSEC_RENDERER``) and,
    given ``tables``, write whole tables there (``UKRSEC_TABLES_DIR``); the old values come back after."""
    new = {"UKRSEC_RENDERER": renderer, TABLES_ENV: str(tables) if tables else None}
    old = {k: os.environ.get(k) for k in new}
    try:
        for k, v in new.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def run_notebook(
    nb: Path,
    out_dir: Path,
    params: Mapping[str, Any],
    cell_timeout: float | None = CELL_TIMEOUT,
    deadline: float | None = None,
) -> Path:
    """Execute one notebook with papermill; returns the executed copy.

    A failing cell, a cell running longer than ``cell_timeout`` seconds or a run past ``deadline``
    (``time.monotonic()``) raises :class:`ReportError` naming the notebook and the cell.
    """
    from .nbrun import RunFailure, execute

    # no cwd: papermill would chdir the whole process, which races between notebook threads;
    # the notebooks get absolute paths
    try:
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
    show_code: bool = False,
    progress: bool = False,
) -> Path:
    """Render every numbered notebook on ``corpus`` into ``out``; returns ``out/index.html``.

    The corpus is parsed once (``jobs`` processes) into ``out/tables``; the notebooks open those
    tables. ``params`` go to the notebooks whose parameters cell declares them; ``jobs`` notebooks run
    at once (default 2, or 1 on a single core). A cell may take ``cell_timeout`` seconds, the whole
    report ``timeout`` seconds; a notebook that fails or runs out of time does not stop the others,
    and the run ends with a :class:`ReportError` naming every failed notebook and its cell. Code cells
    are hidden in the pages unless ``show_code``; ``progress`` shows one bar over the notebooks.
    """
    from tqdm.auto import tqdm

    from .pipeline import default_corpus_path

    deadline = time.monotonic() + timeout if timeout else None
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    src = Path(corpus) if corpus is not None else default_corpus_path()
    nbs = list_notebooks(notebooks)
    if not nbs:
        raise ReportError(f"no numbered notebooks (01_name.ipynb …) in {notebooks or notebooks_dir()}")
    workers = max(1, jobs or min(2, os.cpu_count() or 1))
    with tqdm(total=len(nbs) + 1, desc="parsing the corpus", unit="step", disable=not progress) as bar:
        tables = _parse_once(src, out / TABLES, workers)
        bar.update()
        install_vega(out / STATIC)
        base = {"corpus": str(tables.resolve()), **(params or {})}
        results = _run_all(nbs, out, base, workers, cell_timeout, deadline, bar)
    entries = [r for r in results if isinstance(r, Path)]
    failures = [r for r in results if isinstance(r, ReportError)]
    pages = [_export(nb, out, src, show_code) for nb in entries]
    from .report_index import write_index

    index = write_index(out, src, pages, [str(f) for f in failures])
    if failures:
        raise ReportError("; ".join(map(str, failures)))
    return index


def _parse_once(src: Path, tables: Path, jobs: int) -> Path:
    """Parse ``src`` (or open it, if it is a folder of saved tables) and save the tables to ``tables``."""
    from .corpus import Corpus, load_corpus

    if src.is_dir() and any((src / f"articles.{ext}").is_file() for ext in ("parquet", "csv")):
        corpus = Corpus.open(src)
    elif not src.exists():
        raise ReportError(f"corpus: path not found: {src}")
    else:
        corpus = load_corpus(src, jobs=jobs, cache=True)
    if tables.exists():
        shutil.rmtree(tables)
    corpus.save(tables)
    return tables


def _run_all(
    nbs: list[Path],
    out: Path,
    base: dict[str, Any],
    workers: int,
    cell_timeout: float | None,
    deadline: float | None,
    bar: Any,
) -> list[Path | ReportError]:
    """Execute the notebooks, ``workers`` at a time; each result is the executed copy or its ReportError."""
    from concurrent.futures import ThreadPoolExecutor

    def one(nb: Path) -> Path | ReportError:
        nb_params = {k: v for k, v in base.items() if k == "corpus" or _declares(nb, k)}
        bar.set_description(nb.stem)
        try:
            return run_notebook(nb, out, nb_params, cell_timeout, deadline)
        except ReportError as e:
            return e
        finally:
            bar.update()

    with static_charts("report", out / TABLES), ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(one, nbs))


def install_vega(static: Path) -> Path:
    """Write the Vega, Vega-Lite and Vega-Embed bundle (from vl-convert, BSD-3-Clause) to ``static``
    once; pages load it with a relative ``<script src>``, which works from ``file://``."""
    target = static / VEGA_JS
    if target.exists() and target.stat().st_size > 100_000:
        return target
    import vl_convert as vlc

    static.mkdir(parents=True, exist_ok=True)
    head = (
        "/* Vega, Vega-Lite and Vega-Embed (BSD-3-Clause licence, https://vega.github.io), "
        f"bundled by vl-convert {getattr(vlc, '__version__', '')} for offline ukrsec reports. */\n"
    )
    tmp = target.with_suffix(".tmp")
    tmp.write_text(head + vlc.javascript_bundle(), encoding="utf-8")
    tmp.replace(target)
    return target


# export ---------------------------------------------------------------------------------------
PAGE_CSS = """<style>
.ukrsec-head{font:14px/1.5 system-ui,sans-serif;margin:0 0 1em;padding:.6em .9em;background:#f4f6f8;
  border-radius:6px}
.ukrsec-head a{text-decoration:none}
.ukrsec-more small{color:#555}
.ukrsec-chart-live .vega-embed{width:auto}
</style>"""

LOADER = """<script>
(function () {
  if (typeof vegaEmbed === "undefined") { return; }
  document.querySelectorAll("div.ukrsec-chart").forEach(function (el) {
    var data = el.querySelector("script.ukrsec-vega-spec");
    var svg = el.querySelector(".ukrsec-chart-svg");
    if (!data) { return; }
    var live = document.createElement("div");
    live.className = "ukrsec-chart-live";
    el.appendChild(live);
    vegaEmbed(live, JSON.parse(data.textContent), {actions: false, renderer: "svg"})
      .then(function () { if (svg) { svg.style.display = "none"; } el.classList.add("ukrsec-live"); })
      .catch(function (err) { live.remove(); console.error(err); });
  });
})();
</script>"""


def _export(executed: Path, out: Path, src: Path, show_code: bool) -> Entry:
    """Export one executed notebook to HTML and describe it for the index."""
    import nbformat

    book = nbformat.read(str(executed), as_version=4)
    page = out / f"{executed.stem}.html"
    head = (
        f"<div class='ukrsec-head'><a href='index.html'>&larr; all reports</a> &middot; "
        f"{parameter_line(book, src)}</div>"
    )
    export_html(executed, page, show_code=show_code, header=head)
    title, description = describe(book)
    return Entry(
        executed.stem,
        page.name,
        executed.name,
        title or executed.stem,
        description,
        _preview(book, out / STATIC, executed.stem),
    )


def export_html(nb_path: str | Path, html_path: str | Path, show_code: bool = True, header: str = "") -> Path:
    """Export an executed notebook as an HTML page that loads nothing from the internet.

    Code cells are left out unless ``show_code``; ``header`` (HTML) goes on top; charts written by
    :func:`ukrsec.viz.report_html` become interactive with ``_static/vega.js`` next to the page.
    """
    import nbformat
    from nbconvert import HTMLExporter

    from .assets import install_assets

    nb = nbformat.read(str(nb_path), as_version=4)
    html_path = Path(html_path)
    assets = install_assets(html_path.parent)
    if "embed" not in assets:
        _static_widgets(nb)
    exporter = HTMLExporter(
        template_name="lab",
        exclude_input=not show_code,
        exclude_input_prompt=not show_code,
        exclude_output_prompt=not show_code,
    )
    exporter.mathjax_url = ""
    exporter.require_js_url = assets.get("require", "")
    if "embed" in assets:
        exporter.widget_renderer_url = assets["embed"]
    body, _ = exporter.from_notebook_node(nb)
    body = _REMOTE_SCRIPT.sub("", body)
    body = _REMOTE_LINK.sub("", body)
    body = body.replace('<script src=""></script>', "")
    body = body.replace("</head>", PAGE_CSS + "</head>", 1)
    body = re.sub(r"(<main\b[^>]*>|<body\b[^>]*>)", lambda m: m.group(1) + header, body, count=1)
    if "ukrsec-vega-spec" in body:
        body = body.replace("</body>", f"<script src='{STATIC}/{VEGA_JS}'></script>{LOADER}</body>", 1)
    html_path.write_text(body, encoding="utf-8")
    return html_path


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


def parameter_line(book: Any, src: Path) -> str:
    """The notebook's parameters as one line of HTML: ``name: value`` with the help of default values
    (``None: the most-mentioned actor``), the corpus shown as the path the user gave."""
    given = dict(book.metadata.get("papermill", {}).get("parameters", {}))
    params = _declared(book)
    parts = []
    for name, info in params.items():
        value = str(src) if name == "corpus" else given.get(name, info["default"])
        shown = html.escape(str(value))
        helptext = info["help"]
        if str(value) == "None" and "None:" in helptext:
            shown += f" <small>({html.escape(helptext.split('None:', 1)[1].strip())})</small>"
        parts.append(f"<b>{html.escape(name)}</b>: <code>{shown}</code>")
    return " &middot; ".join(parts) if parts else "no parameters"


def _declared(book: Any) -> dict[str, dict[str, str]]:
    """``name -> {default, help}`` from the notebook's ``parameters`` cell (papermill's reading)."""
    import copy

    from papermill.inspection import _infer_parameters

    book = copy.deepcopy(book)
    for cell in book.cells:  # papermill's reader expects every cell to have tags
        cell.metadata.setdefault("tags", [])
    return {p.name: {"default": p.default, "help": p.help} for p in _infer_parameters(book)}


def describe(book: Any) -> tuple[str | None, str]:
    """Title (the first ``# heading``) and description (the paragraph after it) of a notebook."""
    for cell in book.cells:
        if cell.cell_type != "markdown":
            continue
        m = re.search(r"^#\s+(.+)$", cell.source, re.MULTILINE)
        if m:
            rest = cell.source[m.end() :].strip().split("\n\n")
            text = re.sub(r"[*`]", "", rest[0]).replace("\n", " ").strip() if rest else ""
            return m.group(1).strip(), text
    return None, ""


def _preview(book: Any, static: Path, stem: str) -> str | None:
    """The notebook's first chart as ``_static/preview-STEM.svg`` (relative link), or None."""
    for cell in book.cells:
        for o in cell.get("outputs", []):
            data = o.get("data", {})
            found = _SVG.search(str(data.get("text/html", ""))) or _SVG.search(
                str(data.get("image/svg+xml", ""))
            )
            if found:
                static.mkdir(parents=True, exist_ok=True)
                (static / f"preview-{stem}.svg").write_text(found.group(0), encoding="utf-8")
                return f"{STATIC}/preview-{stem}.svg"
    return None


def _declares(nb: Path, name: str) -> bool:
    """Whether the notebook's parameters cell assigns ``name``."""
    import nbformat

    return name in _declared(nbformat.read(str(nb), as_version=4))


def copy_notebooks(dest: str | Path, folder: str | Path | None = None) -> list[Path]:
    """Copy the numbered notebooks to ``dest`` (to open them in JupyterLab); existing files are kept."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    copied = []
    for nb in list_notebooks(folder):
        target = dest / nb.name
        if not target.exists():
            shutil.copy2(nb, target)
            copied.append(target)
    return copied
