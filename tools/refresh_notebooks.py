"""Re-execute every notebook in ``notebooks/`` in place on the bundled seeds, so that the committed
outputs are exactly what strict ``pytest --nbval`` recomputes.

    .venv/bin/python tools/refresh_notebooks.py [NOTEBOOK ...]

Runs with the ``python3`` kernel (this interpreter's environment), the parameters cell's defaults
(``corpus = None`` = the seeds) and the static ``svg`` chart renderer, stores widget state, and strips
volatile metadata (execution timestamps, papermill records).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"


def refresh(path: Path, timeout: int = 600) -> None:
    """Execute ``path`` top to bottom and write it back with stable metadata."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(str(path), as_version=4)
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
    NotebookClient(
        nb,
        kernel_name="python3",
        timeout=timeout,
        store_widget_state=True,
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
    nb.metadata.get("language_info", {}).pop("version", None)
    nbformat.validate(nb)
    nbformat.write(nb, str(path))


def main(argv: list[str]) -> int:
    """Refresh the notebooks named in ``argv`` (default: all of ``notebooks/``)."""
    os.environ["UKRSEC_RENDERER"] = "svg"  # static charts: what nbval and the reports compare
    paths = [Path(a) for a in argv] or sorted(NOTEBOOKS.glob("[0-9]*.ipynb"))
    failed = []
    for p in paths:
        t0 = time.perf_counter()
        name = p.relative_to(ROOT) if p.resolve().is_relative_to(ROOT) else p
        try:
            refresh(p)
        except Exception as e:  # noqa: BLE001 - report every failing notebook, keep the others going
            failed.append(str(name))
            lines = [ln for ln in str(e).splitlines() if ln.strip()]
            print(
                f"FAILED {name}: {lines[-1] if lines else type(e).__name__} (file left unchanged)",
                file=sys.stderr,
            )
            continue
        print(f"refreshed {name} in {time.perf_counter() - t0:.1f} s")
    if failed:
        print(f"{len(failed)} notebook(s) failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main([a for a in sys.argv[1:]]))
