"""Running one notebook for a report: no hang on widget output, bounded time, errors name the cell."""

from __future__ import annotations

import time
from pathlib import Path

import nbformat
import pytest

from ukrsec.nbrun import ReportOutputWidget, RunFailure, execute

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]


def _notebook(path: Path, *cells: str) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(src) for src in cells]
    nbformat.write(nb, str(path))
    return path


WIDGET_CELL = """import ipywidgets as w
from IPython.display import HTML, display
out = w.Output()
with out:
    display(HTML("<p>" + "x" * 5_000_000 + "</p>"))
display(out)
print("after the widget")"""


def test_large_output_inside_an_output_widget_does_not_wait_for_the_cell_limit(tmp_path):
    """nbclient's widget mimic echoed each captured output to the kernel on the shell socket while it
    waited there for the reply; the reply's wake-up was lost and the cell waited for its time limit
    (forever without one). The limit here is far above what the cell needs (about a second)."""
    nb = _notebook(tmp_path / "widget.ipynb", "x = 1", WIDGET_CELL)
    limit = 120
    t0 = time.monotonic()
    out = execute(nb, tmp_path / "out.ipynb", {}, "python3", cell_timeout=limit)
    assert time.monotonic() - t0 < limit / 2
    book = nbformat.read(str(out), as_version=4)
    assert "after the widget" in book.cells[1].outputs[-1]["text"]
    state = book.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    captured = [m["state"]["outputs"] for m in state.values() if m["model_name"] == "OutputModel"]
    assert captured and "x" * 1000 in captured[0][0]["data"]["text/html"]  # kept for the saved state
    assert not (tmp_path / ".out.kernel.log").exists()  # the kernel's stderr log goes on success


def test_the_widget_mimic_never_writes_to_the_kernel():
    class Client:
        def __getattr__(self, name):
            raise AssertionError(f"kernel client used: {name}")

    class Executor:
        widget_state = {"c": {}}

    w = ReportOutputWidget("c", {"outputs": []}, Client(), Executor())
    msg = {
        "parent_header": {},
        "header": {"msg_type": "display_data"},
        "msg_type": "display_data",
        "content": {"data": {"text/plain": "hi"}, "metadata": {}},
    }
    w.output([], msg, None, 0)
    w.clear_output([], {"parent_header": {}, "content": {"wait": False}}, 0)
    assert w.outputs == []


def test_a_stalled_cell_ends_with_an_error_naming_notebook_and_cell(tmp_path):
    nb = _notebook(tmp_path / "stall.ipynb", "x = 1", "import time\ntime.sleep(120)")
    t0 = time.monotonic()
    with pytest.raises(RunFailure) as e:
        execute(nb, tmp_path / "out.ipynb", {}, "python3", cell_timeout=5)
    assert time.monotonic() - t0 < 60
    msg = str(e.value)
    assert msg.startswith("stall.ipynb, cell 2 `time.sleep(120)`") and "within 5 s" in msg, msg
    assert e.value.cell == 2


def test_the_overall_deadline_cuts_the_cell_limit(tmp_path):
    nb = _notebook(tmp_path / "slow.ipynb", "import time\ntime.sleep(3)", "time.sleep(60)")
    with pytest.raises(RunFailure) as e:
        execute(nb, tmp_path / "out.ipynb", {}, "python3", cell_timeout=100, deadline=time.monotonic() + 8)
    assert e.value.cell == 2 and "ran out of time" in e.value.reason, str(e.value)


def test_an_error_names_the_cell_and_the_exception(tmp_path):
    nb = _notebook(tmp_path / "bad.ipynb", "x = 1", "y = 1\n1 / 0")
    with pytest.raises(RunFailure) as e:
        execute(nb, tmp_path / "out.ipynb", {}, "python3", cell_timeout=60)
    assert str(e.value).startswith("bad.ipynb, cell 2 `1 / 0`: ZeroDivisionError"), str(e.value)
