"""Offline JavaScript assets for exported HTML (RequireJS and the Jupyter widgets HTML manager).

They come from the npm registry (``make assets`` runs ``npm pack``) and live in
``src/ukrsec/notebook_assets/``; when they are absent, reports still render every chart (charts are
SVG) and widgets fall back to the static views the notebooks print beside them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

ASSET_DIR = Path(__file__).parent / "notebook_assets"
FILES = {"require": "require.js", "embed": "embed-amd.js"}


def install_assets(dest: str | Path) -> dict[str, str]:
    """Copy the available assets next to an HTML page; returns their relative URLs by role."""
    dest = Path(dest)
    out: dict[str, str] = {}
    for role, name in FILES.items():
        src = ASSET_DIR / name
        if src.exists():
            target = dest / name
            if not target.exists() or target.stat().st_size != src.stat().st_size:
                shutil.copy2(src, target)
            out[role] = name
    return out
