"""Report functions in src/ukrsec that are too long or too branched (radon), as `make lint` runs it.

    python tools/complexity.py                 # limits of the project: CC <= 25, <= 100 lines
    python tools/complexity.py --cc 15 --lines 60 --warn-only   # the targets to aim at

Exits 1 when a function exceeds the limits (unless --warn-only), listing each with its place.
Every function is counted once: top-level functions, methods (also of nested classes) and
closures (radon leaves a closure's branches out of the function around it, so it is checked on
its own), each named by its path (``Class.method``, ``outer.inner``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from radon.visitors import Class, ComplexityVisitor, Function

ROOT = Path(__file__).resolve().parents[1] / "src" / "ukrsec"


def functions(code: str) -> Iterator[tuple[str, Function]]:
    """(dotted name, radon block) of every function, method and closure in ``code``, once each."""
    visitor = ComplexityVisitor.from_code(code)
    return _walk([*visitor.functions, *visitor.classes], "")


def _walk(blocks: Iterable[Function | Class], prefix: str) -> Iterator[tuple[str, Function]]:
    for b in blocks:
        name = prefix + b.name
        if isinstance(b, Class):
            yield from _walk([*b.methods, *b.inner_classes], name + ".")
        else:
            yield name, b
            yield from _walk(b.closures, name + ".")


def offenders(root: Path, max_cc: int, max_lines: int) -> list[str]:
    """One line per function, method or closure over either limit, worst first."""
    rows = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root.parents[1])
        for name, b in functions(path.read_text(encoding="utf-8")):
            n = b.endline - b.lineno + 1
            if b.complexity > max_cc or n > max_lines:
                rows.append((b.complexity, n, f"{rel}:{b.lineno} {name}: CC {b.complexity}, {n} lines"))
    return [r[2] for r in sorted(rows, reverse=True)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cc", type=int, default=25, help="highest cyclomatic complexity allowed")
    ap.add_argument("--lines", type=int, default=100, help="most lines a function may have")
    ap.add_argument("--warn-only", action="store_true", help="list, but exit 0")
    args = ap.parse_args(argv)
    rows = offenders(ROOT, args.cc, args.lines)
    for r in rows:
        print(r)
    print(f"{len(rows)} function(s) over CC {args.cc} or {args.lines} lines")
    return 1 if rows and not args.warn_only else 0


if __name__ == "__main__":
    sys.exit(main())
