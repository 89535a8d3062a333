"""Build step for the package data that lives at the top of the checkout (configuration: pyproject.toml).

``seeds/`` (the bundled corpus) and ``notebooks/`` (what ``ukrsec report`` runs and nbval checks) stay
where they are in the checkout, the one copy anybody edits. Building a wheel (``pip install .``) copies
them into the package as ``ukrsec/seeds`` and ``ukrsec/notebooks``, where an installed ukrsec finds them
(``ukrsec.pipeline.default_corpus_path``, ``ukrsec.report.notebooks_dir``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
#: top-level folder -> (folder inside the package, file pattern)
BUNDLED = {"seeds": ("seeds", "*"), "notebooks": ("notebooks", "[0-9]*.ipynb")}


class BuildWithData(build_py):
    """``build_py`` that also copies the top-level seeds and notebooks into the built package."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads them from the checkout itself
            return
        for src, (dest, pattern) in BUNDLED.items():
            target = Path(self.build_lib) / "ukrsec" / dest
            if target.exists():
                shutil.rmtree(target)
            target.mkdir(parents=True)
            for f in sorted((ROOT / src).glob(pattern)):
                if f.is_file():
                    shutil.copy2(f, target / f.name)


setup(cmdclass={"build_py": BuildWithData})
