"""Language identification of article bodies (py3langid, whose model ships inside the package)."""

from __future__ import annotations

from functools import lru_cache

UNKNOWN = "und"


@lru_cache(maxsize=1)
def _identifier():
    import py3langid

    return py3langid


def detect(text: str) -> str:
    """ISO 639-1 code of ``text``'s language, or ``"und"`` when there is too little text to tell."""
    sample = " ".join(text.split())[:5000]
    if sum(c.isalpha() for c in sample) < 20:
        return UNKNOWN
    lang, _prob = _identifier().classify(sample)
    return lang
