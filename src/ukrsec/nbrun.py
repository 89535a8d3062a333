"""Run one notebook for a report: papermill with bounded time, a quiet kernel and a safe widget mimic.

Why not plain ``papermill.execute_notebook``:

* **The hang.** nbclient mimics a front end's ``Output`` widget: each output captured by ``with out:``
  is sent back to the kernel as a ``comm_msg`` on the *shell* socket, from inside the iopub handler,
  while the same client awaits the cell's ``execute_reply`` on that socket (``socket.poll()`` under
  ``zmq.asyncio``). ZeroMQ signals readiness on an edge-triggered file descriptor; the send consumes
  the edge of the reply that has just arrived, so the poll never wakes. The kernel is idle, the
  reply sits in the socket, papermill waits forever (with a cell timeout: until the timeout, then
  it finds the reply and goes on). The larger the output inside the widget, the longer the send
  and the surer the miss (nbclient issue 312). :class:`ReportOutputWidget` keeps the captured
  outputs (they are saved in the widget state) but never writes to the kernel: a report has no
  front end whose state the kernel would need to know.
* **Bounded time.** Every cell has a limit (``cell_timeout``) and the whole report a deadline; the
  error names the notebook and the cell.
* **No terminal noise.** The kernel's own stderr (start-up warnings such as "Kernel is running over
  TCP without encryption") goes to a log file, kept only when the notebook fails.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nbclient.output_widget import OutputWidget
from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines
from traitlets import Float, Unicode

ENGINE = "ukrsec-report"


class ReportOutputWidget(OutputWidget):
    """nbclient's Output-widget mimic without the echo to the kernel (the cause of the hang above)."""

    def sync_state(self) -> None:
        """Keep the outputs on this side only."""


class ReportClient(PapermillNotebookClient):
    """Papermill's client with the safe Output widget, a deadline and the kernel's stderr in a file."""

    deadline = Float(None, allow_none=True, help="time.monotonic() by which every cell must be done")
    cell_timeout = Float(None, allow_none=True, help="seconds one cell may take")
    kernel_log = Unicode(None, allow_none=True, help="file for the kernel's stdout and stderr")

    def __init__(self, nb_man: Any, **kw: Any) -> None:
        super().__init__(nb_man, **kw)
        self.widget_registry = {"@jupyter-widgets/output": {"OutputModel": ReportOutputWidget}}
        self.timeout_func = self._cell_limit

    def _cell_limit(self, cell: Any) -> int | None:
        """Seconds the next cell may take: the cell limit, cut to what is left before the deadline."""
        limits = [t for t in (self.cell_timeout,) if t]
        if self.deadline is not None:
            limits.append(self.deadline - time.monotonic())
        return max(1, int(min(limits))) if limits else None

    def execute_cell(self, cell: Any, cell_index: int, *args: Any, **kwargs: Any) -> Any:
        """nbclient's ``execute_cell``; an error other than the cell's own carries the cell's number."""
        try:
            return super().execute_cell(cell, cell_index, *args, **kwargs)
        except Exception as e:
            e.ukrsec_cell = (cell_index + 1, cell.source)  # type: ignore[attr-defined]
            raise

    def execute(self, **kwargs: Any) -> Any:
        """Execute with the kernel's own output redirected to :attr:`kernel_log` (if set)."""
        if not self.kernel_log:
            return super().execute(**kwargs)
        with open(self.kernel_log, "ab") as log:
            return super().execute(stdout=log, stderr=log, **kwargs)


class ReportEngine(NBClientEngine):
    """Papermill engine that executes with :class:`ReportClient`."""

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man: Any,
        kernel_name: str,
        log_output: bool = False,
        stdout_file: Any = None,
        stderr_file: Any = None,
        start_timeout: int = 60,
        execution_timeout: int | None = None,
        **kwargs: Any,
    ) -> Any:
        """Same contract as papermill's nbclient engine."""
        kwargs.pop("input_path", None)
        kwargs.pop("timeout", None)
        kwargs.pop("startup_timeout", None)
        client = ReportClient(
            nb_man,
            kernel_name=kernel_name,
            timeout=execution_timeout,
            startup_timeout=start_timeout,
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
            **kwargs,
        )
        return client.execute()


papermill_engines.register(ENGINE, ReportEngine)


@dataclass
class RunFailure(Exception):
    """A notebook failed or ran out of time; ``str()`` names the notebook and the cell."""

    notebook: str
    cell: int | None
    source: str
    reason: str

    def __str__(self) -> str:
        where = f", cell {self.cell}" if self.cell is not None else ""
        line = self.source.strip().splitlines()[-1].strip() if self.source.strip() else ""
        code = f" `{line[:80]}`" if line else ""
        return f"{self.notebook}{where}{code}: {self.reason}"


def execute(
    nb: Path,
    out_nb: Path,
    params: dict[str, Any],
    kernel: str,
    cell_timeout: float | None = None,
    deadline: float | None = None,
) -> Path:
    """Execute ``nb`` into ``out_nb`` with ``params``; raise :class:`RunFailure` when a cell fails or runs
    out of time (``cell_timeout`` seconds a cell, ``deadline`` in ``time.monotonic()`` for all)."""
    import papermill as pm

    log = out_nb.with_name(f".{out_nb.stem}.kernel.log")
    log.unlink(missing_ok=True)
    try:
        pm.execute_notebook(
            str(nb),
            str(out_nb),
            parameters=params,
            kernel_name=kernel,
            engine_name=ENGINE,
            progress_bar=False,
            log_output=False,
            cell_timeout=cell_timeout,
            deadline=deadline,
            kernel_log=str(log),
        )
    except Exception as e:  # noqa: BLE001 - papermill and nbclient raise many kinds
        raise _failure(nb, out_nb, e, cell_timeout, deadline, log) from e
    log.unlink(missing_ok=True)
    return out_nb


def _failure(
    nb: Path, out_nb: Path, err: Exception, cell_timeout: float | None, deadline: float | None, log: Path
) -> RunFailure:
    """A :class:`RunFailure` for ``err``: which cell (from the executed copy) and why, in one line."""
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    index, source = getattr(err, "ukrsec_cell", None) or _running_cell(out_nb)
    if getattr(err, "cell_index", None) is not None:
        index, source = err.cell_index + 1, err.source  # type: ignore[attr-defined]
    if isinstance(err, CellTimeoutError | TimeoutError):
        if deadline is not None and time.monotonic() >= deadline - 1:
            reason = "the report ran out of time (the overall time limit was reached)"
        else:
            reason = f"the cell did not finish within {cell_timeout:g} s" if cell_timeout else "timed out"
    elif isinstance(err, DeadKernelError):
        reason = f"the kernel died (its log: {log})" if log.exists() else "the kernel died"
    elif getattr(err, "ename", None):
        reason = f"{err.ename}: {err.evalue}"  # type: ignore[attr-defined]
    else:
        msg = str(err).strip().splitlines()
        reason = msg[-1] if msg else type(err).__name__
    return RunFailure(nb.name, index, source or "", f"{reason} (executed cells: {out_nb})")


def _running_cell(out_nb: Path) -> tuple[int | None, str]:
    """The 1-based index and source of the cell papermill marked running (or failed) in ``out_nb``."""
    import nbformat

    try:
        book = nbformat.read(str(out_nb), as_version=4)
    except Exception:  # noqa: BLE001 - no executed copy yet (kernel never started)
        return None, ""
    for i, cell in enumerate(book.cells, 1):
        status = cell.get("metadata", {}).get("papermill", {}).get("status")
        if status in ("running", "failed"):
            return i, cell.source
    return None, ""
