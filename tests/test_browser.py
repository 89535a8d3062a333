"""JupyterLab in headless Chromium (Playwright): the actors notebook runs, its picker changes the
keyword-in-context lines, no JavaScript dialog fires; screenshots of every notebook for the docs.

Needs Debian's ``chromium`` (``/usr/bin/chromium``); skipped without it, failed under ``CI=true``.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = Path(os.environ.get("UKRSEC_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden) "

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    msg = f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(msg + " (CI=true: the browser test must run)")
    pytest.skip(msg)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _api(url: str, token: str, path: str, method: str = "GET") -> object:
    req = urllib.request.Request(f"{url}{path}", method=method, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(req, timeout=10) as r:
        body = r.read()
    return json.loads(body) if body else None


def _quiet_lab_settings() -> None:
    """No news or update checks (they would try the internet and pop up toasts)."""
    path = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    current = json.loads(path.read_text()) if path.exists() else {}
    current["@jupyterlab/apputils-extension:notification"] = {"fetchNews": "false", "checkForUpdates": False}
    path.write_text(json.dumps(current, indent=2))


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on 127.0.0.1 with a copy of the notebooks; yields (url, token)."""
    _require_chromium()
    _quiet_lab_settings()
    root = tmp_path_factory.mktemp("lab")
    for nb in sorted((ROOT / "notebooks").glob("[0-9]*.ipynb")):
        shutil.copy(nb, root / nb.name)
    port, token = _free_port(), secrets.token_hex(16)
    jupyter = Path(sys.executable).with_name("jupyter")
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(root / ".jupyter-config")}
    env.pop("UKRSEC_RENDERER", None)  # the kernel is JupyterLab's: interactive charts
    log = open(root / "server.log", "w")  # noqa: SIM115 - closed after the server stops
    proc = subprocess.Popen(
        [
            str(jupyter),
            "lab",
            "--no-browser",
            "--allow-root",
            "--ip",
            "127.0.0.1",
            "--port",
            str(port),
            f"--ServerApp.token={token}",
            f"--ServerApp.root_dir={root}",
            "--LabApp.news_url=",
            "--ServerApp.open_browser=False",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=root,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 120
        while True:
            try:
                _api(url, token, "/api/status")
                break
            except OSError:
                if proc.poll() is not None or time.time() > deadline:
                    pytest.fail("JupyterLab did not start:\n" + (root / "server.log").read_text()[-3000:])
                time.sleep(0.5)
        yield url, token
    finally:
        try:
            for s in _api(url, token, "/api/sessions") or []:
                _api(url, token, f"/api/sessions/{s['id']}", method="DELETE")
        except OSError:
            pass
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def browser():
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, timeout=60_000)
        try:
            yield b
        finally:
            b.close()


def _wait(page, ready, what: str, seconds: float = 600) -> None:
    """Poll ``ready()`` until true; accept a "Select Kernel" dialog whenever JupyterLab shows one."""
    deadline = time.time() + seconds
    while not ready():
        select = page.locator(".jp-Dialog button.jp-mod-accept")
        if select.count():
            select.first.click()
        assert time.time() < deadline, what
        page.wait_for_timeout(250)


def _open_and_run_all(browser, lab, name: str, dialogs: list[str]):
    url, token = lab
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(180_000)  # bounded, but a loaded 2-core CI machine is slow
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{url}/lab/tree/{name}?reset&token={token}")
    page.wait_for_selector(PANEL + ".jp-Notebook-ExecutionIndicator")
    _wait(
        page,
        lambda: page.locator(PANEL + ".jp-Notebook-ExecutionIndicator[data-status='idle']").count() > 0,
        "the kernel did not become idle",
    )
    # stored outputs (and widget views from saved state) go first, so only fresh results count
    page.click(".lm-MenuBar-itemLabel:text-is('Edit')")
    page.click("li.lm-Menu-item[data-command='editmenu:clear-all']")
    _wait(
        page, lambda: page.locator(PANEL + ".jp-OutputArea-output").count() == 0, "outputs were not cleared"
    )
    page.click(".lm-MenuBar-itemLabel:text-is('Run')")
    page.click("li.lm-Menu-item[data-command='runmenu:run-all']")
    # the last code cell has run when its prompt shows a number and the kernel is idle again
    last_prompt_numbered = """(sel) => {
                      const ps = document.querySelectorAll(sel + '.jp-CodeCell .jp-InputArea-prompt');
                      const last = ps[ps.length - 1];
                      return !!(last && /\\[\\d+\\]/.test(last.textContent)); }"""
    _wait(
        page,
        lambda: (
            page.evaluate(last_prompt_numbered, PANEL)
            and page.locator(PANEL + ".jp-Notebook-ExecutionIndicator[data-status='idle']").count() > 0
        ),
        "run all did not finish",
    )
    errors = page.locator(
        PANEL + ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
    ).filter(has_text="Error")
    assert errors.count() == 0, errors.first.inner_text()[:2000]
    return page


def page_name(page) -> str:
    """The notebook a page shows (for failure screenshots)."""
    return page.url.split("/lab/tree/")[-1].split("?")[0].replace(".ipynb", "") or "page"


@contextlib.contextmanager
def _closed_after(page):
    """Close the page at the end; on a failure, save a screenshot of it first and say where."""
    try:
        yield page
    except Exception:
        shot = Path(tempfile.gettempdir()) / f"ukrsec-browser-failure-{page_name(page)}.png"
        page.screenshot(path=str(shot))
        print(f"screenshot of the failure: {shot}")
        raise
    finally:
        page.close()


def _chart(page):
    return page.locator(
        PANEL + ".vega-embed svg.marks, " + PANEL + ".jp-RenderedSVG img, " + PANEL + ".jp-RenderedImage img"
    ).first


def test_actor_picker_changes_kwic_lines_and_no_dialog(browser, lab):
    dialogs: list[str] = []
    page = _open_and_run_all(browser, lab, "02_actors.ipynb", dialogs)
    with _closed_after(page):
        out = page.locator(PANEL + ".ukrsec-kwic-out").first
        _wait(page, lambda: out.count() > 0 and out.is_visible(), "the actor picker did not show its lines")
        select = page.locator(PANEL + ".widget-dropdown select").first
        n_options = select.locator("option").count()
        assert n_options >= 2, "the seeds should mention at least two actors"
        page.wait_for_function(
            "(el) => el.querySelectorAll('.ukrsec-kwic-line').length > 0", arg=out.element_handle()
        )
        before = out.inner_text()
        select.select_option(index=1)
        page.wait_for_function(
            "([el, old]) => el.innerText !== old && el.querySelector('.ukrsec-kwic-line')",
            arg=[out.element_handle(), before],
        )
        after = out.inner_text()
        assert after != before and after.strip()
        _chart(page).wait_for()
        SHOTS.mkdir(parents=True, exist_ok=True)
        out.scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / "02_actors_kwic.png"))
        _chart(page).scroll_into_view_if_needed()
        page.screenshot(path=str(SHOTS / "02_actors.png"))
        assert dialogs == [], f"a JavaScript dialog fired: {dialogs}"


@pytest.mark.parametrize("name", ["01_corpus_overview", "03_timeline", "04_commitments", "05_quotes_sources"])
def test_notebook_runs_in_lab_screenshot(browser, lab, name):
    dialogs: list[str] = []
    page = _open_and_run_all(browser, lab, f"{name}.ipynb", dialogs)
    with _closed_after(page):
        chart = _chart(page)
        try:
            chart.wait_for(timeout=30_000)
            chart.scroll_into_view_if_needed()
        except Exception:  # noqa: BLE001 - a notebook may have nothing to draw on the seeds yet
            page.locator(PANEL + ".jp-OutputArea-output").last.scroll_into_view_if_needed()
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"))
        assert dialogs == [], f"a JavaScript dialog fired: {dialogs}"


@pytest.fixture(scope="module")
def report_folder(tmp_path_factory) -> Path:
    """``ukrsec report`` on the seeds (every numbered notebook)."""
    from ukrsec.report import render_reports

    out = tmp_path_factory.mktemp("report")
    render_reports(None, out)
    return out


def test_report_pages_are_interactive_offline(browser, report_folder):
    """index.html and a report page from file:// with the network off: no request leaves the folder,
    no script error, the chart turns live and shows a tooltip on hover."""
    context = browser.new_context(offline=True, viewport={"width": 1300, "height": 1000})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    page.on("request", lambda r: None if r.url.startswith(("file://", "data:")) else problems.append(r.url))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    try:
        with _closed_after(page):
            page.goto((report_folder / "index.html").as_uri())
            cards = page.locator(".ukrsec-card")
            assert cards.count() == len(list((ROOT / "notebooks").glob("[0-9]*.ipynb")))
            assert page.locator(".ukrsec-card img").first.evaluate("img => img.naturalWidth") > 0
            assert "articles" in page.locator("table.ukrsec-summary").first.inner_text()
            page.locator(".ukrsec-card h3 a", has_text="Timeline").click()
            page.wait_for_url("**/03_timeline.html")
            live = page.locator("div.ukrsec-chart.ukrsec-live").first
            live.wait_for(timeout=60_000)
            assert page.locator("div.ukrsec-chart.ukrsec-live .ukrsec-chart-svg").first.is_hidden()
            point = live.locator(".ukrsec-chart-live svg.marks g.mark-symbol path").first
            point.scroll_into_view_if_needed()
            point.hover(force=True)
            tip = page.locator("#vg-tooltip-element.visible")
            tip.wait_for(timeout=30_000)
            text = tip.inner_text()
            assert "sentence" in text and "sources" in text and "what" in text
            assert re.search(r"date\s+\d{4}-\d{2}-\d{2}", text), text  # a day, not a time stamp
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / "report_03_timeline.png"))
            assert problems == [], problems
    finally:
        context.close()
