"""The maintenance tools under tools/: complexity.py counts each function once."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _tool(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _branches(n: int, indent: str) -> str:
    return "".join(f"{indent}if x == {i}:\n{indent}    return {i}\n" for i in range(n))


def _offenders(tmp_path: Path, code: str, max_cc: int = 5, max_lines: int = 100) -> list[str]:
    pkg = tmp_path / "src" / "ukrsec"
    pkg.mkdir(parents=True)
    (pkg / "mod.py").write_text(code, encoding="utf-8")
    return _tool("complexity").offenders(pkg, max_cc, max_lines)


def test_method_over_the_limit_is_listed_once(tmp_path):
    code = "class A:\n    def small(self, x):\n        return x\n\n    def big(self, x):\n"
    code += _branches(6, "        ")
    rows = _offenders(tmp_path, code)
    assert rows == ["src/ukrsec/mod.py:5 A.big: CC 7, 13 lines"]


def test_functions_closures_and_nested_classes_each_once(tmp_path):
    code = (
        "def outer(x):\n    def inner(x):\n" + _branches(6, "        ") + "    return inner(x)\n\n"
        "class A:\n    class B:\n        def deep(self, x):\n"
        + _branches(6, "            ")
        + "\n\ndef fine(x):\n    return x\n"
    )
    rows = _offenders(tmp_path, code)
    names = [r.split(" ")[1] for r in rows]
    assert sorted(names) == ["A.B.deep:", "outer.inner:"]


def test_long_function_is_listed_by_lines(tmp_path):
    code = "def long(x):\n" + "    x += 1\n" * 70 + "    return x\n"
    rows = _offenders(tmp_path, code, max_cc=15, max_lines=60)
    assert rows == ["src/ukrsec/mod.py:1 long: CC 1, 72 lines"]
