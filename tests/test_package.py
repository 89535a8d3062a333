"""The installed package (a built wheel, not the checkout) parses and reports from another folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The wheel built from this checkout, installed (without dependencies) into a folder of its own."""
    tmp = tmp_path_factory.mktemp("pkg")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp),
            str(ROOT),
        ],
        check=True,
        cwd=tmp,
    )
    (wheel,) = tmp.glob("ukrsec-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    seeds = sorted(p.name for p in (ROOT / "seeds").iterdir() if p.is_file())
    assert all(f"ukrsec/seeds/{s}" in names for s in seeds)
    assert all(f"ukrsec/notebooks/{p.name}" in names for p in (ROOT / "notebooks").glob("[0-9]*.ipynb"))
    site = tmp / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
        check=True,
    )
    return site


def _ukrsec(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run(
        [sys.executable, "-m", "ukrsec", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=800
    )


def test_the_wheel_runs_parse_report_and_notebooks_from_another_folder(installed, tmp_path):
    where = subprocess.run(
        [
            sys.executable,
            "-c",
            "import ukrsec, ukrsec.report as r; print(ukrsec.__file__); print(r.notebooks_dir())",
        ],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(installed)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert all(Path(w).is_relative_to(installed) for w in where), where  # not the checkout
    parsed = _ukrsec(installed, tmp_path, "parse", "--out", "t", "-q")
    assert parsed.returncode == 0, parsed.stderr
    assert "5 articles" in parsed.stderr and (tmp_path / "t" / "articles.parquet").exists()
    rep = _ukrsec(installed, tmp_path, "report", "--out", "r", "-q")
    assert rep.returncode == 0, rep.stderr
    assert rep.stderr.strip() == f"open {(tmp_path / 'r' / 'index.html').resolve()}"  # nothing else printed
    pages = sorted(p.name for p in (tmp_path / "r").glob("*.html"))
    assert len(pages) == 1 + len(list((ROOT / "notebooks").glob("[0-9]*.ipynb")))
    nbs = _ukrsec(installed, tmp_path, "notebooks", "mine")
    assert nbs.returncode == 0 and sorted(p.name for p in (tmp_path / "mine").glob("*.ipynb")) == sorted(
        p.name for p in (ROOT / "notebooks").glob("[0-9]*.ipynb")
    )
