"""Check that a change kept the tables identical: parse corpora and compare them with saved tables.

    .venv/bin/python tools/same_tables.py save /tmp/before seeds tests/heldout /tmp/synth-1k
    ... change the code ...
    .venv/bin/python tools/same_tables.py check /tmp/before seeds tests/heldout /tmp/synth-1k

``save`` parses every corpus (serially, in this process) into ``BEFORE/<name>/<table>.parquet``;
``check`` parses them again and compares every table with :func:`pandas.testing.assert_frame_equal`
(after the same Parquet round trip), printing the first difference of each table that changed and
exiting with status 1 when any did. ``compare A B`` compares two folders of saved tables.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def _name(corpus: str) -> str:
    return corpus.strip("/").replace("/", "_") or "root"


def parse_to(corpus: str, out: Path) -> float:
    """Parse ``corpus`` into Parquet tables under ``out``; CPU seconds it took."""
    from ukrsec import pipeline
    from ukrsec.corpus import Corpus

    t0 = time.process_time()
    tables = pipeline.run(corpus, jobs=1)
    cpu = time.process_time() - t0
    Corpus(tables).save(out)
    return cpu


def compare(a: Path, b: Path) -> list[str]:
    """The tables that differ between the folders ``a`` and ``b`` (with the first difference)."""
    bad = []
    names = sorted({p.name for p in a.glob("*.parquet")} | {p.name for p in b.glob("*.parquet")})
    for name in names:
        if not (a / name).exists() or not (b / name).exists():
            bad.append(f"{name}: only in {'the second' if (b / name).exists() else 'the first'} folder")
            continue
        try:
            pd.testing.assert_frame_equal(pd.read_parquet(a / name), pd.read_parquet(b / name))
        except AssertionError as e:
            bad.append(f"{name}: {str(e).splitlines()[0:6]}")
    return bad


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mode", choices=("save", "check", "compare"))
    ap.add_argument("before", help="folder of saved tables")
    ap.add_argument("corpora", nargs="+", help="corpora to parse (for compare: the other folder)")
    args = ap.parse_args(argv)
    before = Path(args.before)
    if args.mode == "compare":
        bad = compare(before, Path(args.corpora[0]))
        print("\n".join(bad) or "identical")
        return 1 if bad else 0
    failed = False
    for corpus in args.corpora:
        if args.mode == "save":
            cpu = parse_to(corpus, before / _name(corpus))
            print(f"{corpus}: saved ({cpu:.1f} s CPU)")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            cpu = parse_to(corpus, Path(tmp))
            bad = compare(before / _name(corpus), Path(tmp))
        failed |= bool(bad)
        print(f"{corpus}: {'identical' if not bad else 'DIFFERENT'} ({cpu:.1f} s CPU)")
        for line in bad:
            print("   ", line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
