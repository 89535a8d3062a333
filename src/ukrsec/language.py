"""Language identification of article bodies (py3langid, whose model ships inside the package)."""

from __future__ import annotations

import re
from functools import lru_cache

UNKNOWN = "und"
SAMPLE_CHARS = 1000  # enough for a stable decision on news prose; classification cost grows with length
_LETTERS = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def _identifier():
    import py3langid

    return py3langid


def detect(text: str) -> str:
    """ISO 639-1 code of ``text``'s language, or ``"und"`` when there is too little text to tell."""
    sample = " ".join(text[: SAMPLE_CHARS * 2].split())[:SAMPLE_CHARS]
    if len(_LETTERS.findall(sample)) < 20:
        return UNKNOWN
    lang, _prob = _identifier().classify(sample)
    return lang
