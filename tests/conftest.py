"""Shared fixtures: the seeds corpus (parsed once) and small corpora written by the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
NOTEBOOKS = ROOT / "notebooks"


@pytest.fixture(scope="session")
def seeds_corpus():
    import ukrsec

    return ukrsec.load_corpus(SEEDS)


SMALL_DE = """Menü
Startseite
Merz sagt Hilfe zu

Stand: 03.02.2026 10:15 Uhr

Bundeskanzler Friedrich Merz hat am Dienstag in Berlin weitere Hilfe für die Ukraine zugesagt. Deutschland werde 2,5 Milliarden Euro bereitstellen, sagte er.

Mehr zum Thema
Was die Koalition plant
Wer mitmacht

Die Regierung in Kiew begrüßte die Zusage.
© 2026 Beispielzeitung
"""

SMALL_EN = """Leaders meet in London on Ukraine

Published: March 3, 2026

British Prime Minister Keir Starmer said on Monday that the United Kingdom would send troops after a ceasefire. "We are ready," he said.

Related articles
Another story about something else entirely.
"""


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """A two-file corpus (German and English) that is not the seeds."""
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "de_artikel.txt").write_text(SMALL_DE, encoding="utf-8")
    (d / "en_story.txt").write_text(SMALL_EN, encoding="utf-8")
    return d
