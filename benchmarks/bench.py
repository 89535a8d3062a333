"""The ukrsec benchmark: a synthetic corpus of N articles through the whole pipeline, against a baseline.

    .venv/bin/python benchmarks/bench.py                       # N = 1,000 and 10,000, 3 runs each
    .venv/bin/python benchmarks/bench.py -n 1000 --repeats 5 --jobs 1 2 --json out.json

For every N the script writes the corpus of :mod:`synth` (deterministic by ``--seed``) to a temporary
folder, then runs, ``--repeats`` times and interleaved so that a busy machine slows all of them alike:

* the **baseline**: read every file and split it into sentences with ukrsec's splitter, one core;
* the **pipeline** (``ukrsec.pipeline.run``, all tables) with each ``--jobs`` value.

Every run is a fresh process (so peak memory is that run's own, and every run pays the start-up cost of
loading models and data files as a user would). It prints medians: wall time, articles/s, MB/s, seconds
per stage (summed over workers when parallel), peak resident memory, and the key figure, the pipeline's
time as a multiple of the baseline's, which does not depend on the machine. ``--json`` saves every run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

STAGES = ("load", "clean", "segment", "actors", "timeline", "commitments", "quotes")


def _peak_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest finished child, in MB (Linux: KB units)."""
    unit = 1024 if sys.platform != "darwin" else 1
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit / 1e6
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * unit / 1e6
    return own, kids


def child_baseline(path: str) -> dict:
    """Read every file and split it into sentences (the floor any pipeline has to pay)."""
    from ukrsec.segment import split_spans

    t0 = time.perf_counter()
    files = sorted(p for p in Path(path).rglob("*") if p.is_file())
    n_bytes = n_sent = 0
    for f in files:
        data = f.read_bytes()
        n_bytes += len(data)
        n_sent += len(split_spans(data.decode("utf-8")))
    wall = time.perf_counter() - t0
    own, kids = _peak_mb()
    return {
        "mode": "baseline",
        "wall": wall,
        "articles": len(files),
        "bytes": n_bytes,
        "sentences": n_sent,
        "peak_mb": own,
        "peak_worker_mb": kids,
    }


def _tree_pss_mb(root: int) -> float:
    """Proportional set size of process ``root`` and all its descendants, in MB (Linux; 0 elsewhere).

    PSS shares each page among the processes that map it, so pages a forked worker shares with its
    parent are counted once: the sum is the memory all processes take together."""
    pids, i, total = [root], 0, 0
    while i < len(pids):
        try:
            kids = Path(f"/proc/{pids[i]}/task/{pids[i]}/children").read_text().split()
        except OSError:
            kids = []
        pids += [int(k) for k in kids]
        i += 1
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1e3


class _PeakSampler(threading.Thread):
    """Samples :func:`_tree_pss_mb` of this process every ``every`` seconds; ``peak`` is the largest."""

    def __init__(self, every: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.every, self.peak, self._stop_flag = every, 0.0, threading.Event()

    def run(self) -> None:
        while not self._stop_flag.is_set():
            self.peak = max(self.peak, _tree_pss_mb(os.getpid()))
            self._stop_flag.wait(self.every)

    def stop(self) -> float:
        self._stop_flag.set()
        self.join()
        return self.peak


def child_pipeline(path: str, jobs: int) -> dict:
    """All tables with ``pipeline.run``, streamed to Parquet files as ``ukrsec parse --out`` does (writing
    included in the wall time), and the peak memory of all processes together."""
    from ukrsec import pipeline

    timings: dict[str, float] = {}
    sampler = _PeakSampler()
    sampler.start()
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        tables = pipeline.run(path, jobs=jobs, timings=timings, out=out)
        wall = time.perf_counter() - t0
        rows = {k: tables.rows(k) for k in tables}
        n_articles = len(tables["articles"])
    total_peak = sampler.stop()
    n_bytes = sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())
    own, kids = _peak_mb()
    return {
        "mode": f"pipeline-j{jobs}",
        "jobs": jobs,
        "wall": wall,
        "timings": timings,
        "articles": n_articles,
        "bytes": n_bytes,
        "rows": rows,
        "peak_mb": own,
        "peak_worker_mb": kids,
        "peak_total_mb": total_peak,
    }


def _spawn(args: list[str]) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", *args]
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"benchmark run failed: {' '.join(cmd)}\n{out.stderr[-4000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _med(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def bench_n(n: int, seed: int, repeats: int, jobs: list[int], workdir: Path) -> dict:
    """Write the corpus of ``n`` articles and time baseline and pipeline runs; returns runs and medians."""
    from synth import write_corpus

    corpus = workdir / f"synth_{n}_{seed}"
    t0 = time.perf_counter()
    _, size = write_corpus(corpus, n, seed)
    print(
        f"\nN = {n:,}: {size / 1e6:.1f} MB written in {time.perf_counter() - t0:.1f} s -> {corpus}",
        flush=True,
    )
    runs: list[dict] = []
    for r in range(repeats):
        base = _spawn(["baseline", str(corpus)])
        runs.append(base)
        line = [f"run {r + 1}/{repeats}: baseline {base['wall']:.2f} s"]
        for j in jobs:
            p = _spawn(["pipeline", str(corpus), str(j)])
            p["ratio"] = p["wall"] / base["wall"]
            runs.append(p)
            line.append(f"pipeline -j{j} {p['wall']:.2f} s (x{p['ratio']:.1f})")
        print("  " + ", ".join(line), flush=True)
    summary: dict = {"n": n, "mb": size / 1e6, "seed": seed, "repeats": repeats}
    b = [x for x in runs if x["mode"] == "baseline"]
    summary["baseline"] = {"wall": _med([x["wall"] for x in b]), "peak_mb": _med([x["peak_mb"] for x in b])}
    for j in jobs:
        ps = [x for x in runs if x["mode"] == f"pipeline-j{j}"]
        wall = _med([x["wall"] for x in ps])
        summary[f"pipeline-j{j}"] = {
            "wall": wall,
            "ratio": _med([x["ratio"] for x in ps]),
            "articles_per_s": n / wall,
            "mb_per_s": size / 1e6 / wall,
            "stages": {s: _med([x["timings"].get(s, 0.0) for x in ps]) for s in STAGES},
            "peak_mb": _med([x["peak_mb"] for x in ps]),
            "peak_worker_mb": _med([x["peak_worker_mb"] for x in ps]),
            "peak_total_mb": _med([x.get("peak_total_mb", 0.0) for x in ps]),
            "rows": ps[-1]["rows"],
        }
    summary["runs"] = runs
    return summary


def report(results: list[dict], jobs: list[int]) -> str:
    """The medians as a Markdown table (what docs/benchmarks.md shows)."""
    lines = [
        "| N | MB | mode | wall s | articles/s | MB/s | x baseline | peak MB (main / worker) | "
        + " | ".join(STAGES)
        + " | peak MB, all processes |",
        "|" + "---|" * (9 + len(STAGES)),
    ]
    for res in results:
        b = res["baseline"]
        lines.append(
            f"| {res['n']:,} | {res['mb']:.1f} | baseline (read + split) | {b['wall']:.2f} | "
            f"{res['n'] / b['wall']:,.0f} | {res['mb'] / b['wall']:.1f} | 1.0 | {b['peak_mb']:.0f} | "
            + " | ".join("" for _ in STAGES)
            + " | |"
        )
        for j in jobs:
            p = res[f"pipeline-j{j}"]
            worker = f" / {p['peak_worker_mb']:.0f}" if j > 1 else ""
            lines.append(
                f"| {res['n']:,} | {res['mb']:.1f} | pipeline --jobs {j} | {p['wall']:.2f} | "
                f"{p['articles_per_s']:,.0f} | {p['mb_per_s']:.2f} | {p['ratio']:.1f} | "
                f"{p['peak_mb']:.0f}{worker} | "
                + " | ".join(f"{p['stages'][s]:.2f}" for s in STAGES)
                + f" | {p['peak_total_mb']:.0f} |"
            )
    for res in results:
        for j in jobs:
            p = res[f"pipeline-j{j}"]
            per = " | ".join(f"{s} {p['stages'][s] / res['n'] * 1e3:.2f}" for s in STAGES if s != "load")
            rows = p.get("rows", {})
            lines.append(
                f"\nN={res['n']:,}, --jobs {j}, ms per article (CPU of all workers): {per}; "
                f"{rows.get('timexes', 0):,} timexes, {rows.get('events', 0):,} events"
            )
    if len(results) >= 2:
        a, z = results[0], results[-1]
        for j in jobs:
            per_a = a[f"pipeline-j{j}"]["wall"] / a["n"]
            per_z = z[f"pipeline-j{j}"]["wall"] / z["n"]
            lines.append(
                f"\nlinearity, --jobs {j}: {per_z * 1e3:.2f} ms/article at N={z['n']:,} vs "
                f"{per_a * 1e3:.2f} ms/article at N={a['n']:,} (ratio {per_z / per_a:.2f}; 1.00 = linear)"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line (see the module docstring)."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        mode, path = argv[1], argv[2]
        res = (
            child_baseline(path) if mode == "baseline" else child_pipeline(path, int(argv[3]))
        )
        print(json.dumps(res))
        return 0
    ap = argparse.ArgumentParser(description="ukrsec benchmark: synthetic corpus, pipeline vs baseline")
    ap.add_argument(
        "-n", type=int, nargs="+", default=[1000, 10000], help="corpus sizes (default 1000 10000)"
    )
    ap.add_argument("--repeats", type=int, default=3, help="runs per size and mode; medians are reported")
    ap.add_argument("--large-repeats", type=int, default=None,
                    help="runs for sizes over 2,000 articles (default: --repeats)")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to time (default 1 2)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--workdir", default=None, help="where to write the corpora (default: a temporary folder)"
    )
    ap.add_argument("--json", default=None, help="write all runs and medians to this file")
    a = ap.parse_args(argv)
    from ukrsec import __version__

    print(
        f"ukrsec {__version__}, Python {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; seed {a.seed}, "
        f"{a.repeats} runs each, medians",
        flush=True,
    )
    with tempfile.TemporaryDirectory(dir=a.workdir) as tmp:
        results = [bench_n(n, a.seed, a.repeats if n <= 2000 or a.large_repeats is None else a.large_repeats,
                           a.jobs, Path(tmp)) for n in a.n]
    table = report(results, a.jobs)
    print("\n" + table)
    if a.json:
        Path(a.json).write_text(json.dumps({"results": results, "table": table}, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
