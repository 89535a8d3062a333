"""Cleaner on real-looking pages of many outlets (``tests/furniture/``): furniture removed, every article
line kept, metadata right. See ``tests/furniture/README.md`` for the page format."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from ukrsec.clean import clean_text

HERE = Path(__file__).resolve().parent / "furniture"
_PART = re.compile(r"\[\[(.*?)\]\]")
FIELDS = ("title", "outlet", "agency", "published", "published_precision")


@dataclass
class GoldPage:
    """A page of the set: its raw text, its furniture and its article text."""

    name: str
    raw: str
    furniture: list[str] = field(default_factory=list)
    stamps: list[str] = field(default_factory=list)  # furniture at the start of a line of text
    text: list[str] = field(default_factory=list)


def read_page(path: Path) -> GoldPage:
    """Build the raw page and its gold from the marked-up ``.page`` file."""
    page = GoldPage(path.stem, "")
    lines = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            lines.append("")
            continue
        mark, rest = line[:1], line[2:]
        if mark in "-=":
            page.furniture.append(rest.strip())
        elif mark == "+":
            page.text.append(rest.strip())
        elif mark == "~":
            page.stamps += [p.strip() for p in _PART.findall(rest)]
            page.text.append(_PART.sub("", rest).strip())
            rest = _PART.sub(r"\1", rest)
        else:
            raise ValueError(f"{path}:{n}: unknown marker {mark!r}")
        lines.append(rest)
    page.raw = "\n".join(lines) + "\n"
    return page


def _gone(item: str, text: str, lines: set[str], stamp: bool = False) -> bool:
    if stamp:
        return not any(ln.startswith(item + " ") for ln in lines)
    return item not in text if len(item) >= 20 else item not in lines


def _published(c) -> str | None:
    if c.published is None:
        return None
    fmt = {"minute": "%Y-%m-%d %H:%M", "day": "%Y-%m-%d", "month": "%Y-%m"}
    return c.published.strftime(fmt.get(getattr(c, "published_precision", None) or "day", "%Y-%m-%d"))


def _right(name: str, got, want) -> bool:
    if name == "outlet" and want is not None:
        options = want if isinstance(want, list) else [want]
        return got is not None and got.casefold() in {o.casefold() for o in options}
    return (str(got) if got is not None else None) == (str(want) if want is not None else None)


def score(folder: Path = HERE) -> dict:
    """Clean every page; count furniture removed, article lines kept and metadata fields right."""
    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    out = {"furniture": 0, "removed": 0, "text": 0, "kept": 0, "fields": 0, "right": 0, "misses": []}
    for path in sorted(folder.glob("*.page")):
        page = read_page(path)
        c = clean_text(page.raw)
        lines = {ln.strip() for ln in c.text.splitlines()}
        for item, stamp in [(f, False) for f in page.furniture] + [(f, True) for f in page.stamps]:
            out["furniture"] += 1
            if _gone(item, c.text, lines, stamp):
                out["removed"] += 1
            else:
                out["misses"].append((page.name, "furniture kept", item))
        for item in page.text:
            out["text"] += 1
            if item in c.text:
                out["kept"] += 1
            else:
                out["misses"].append((page.name, "text lost", item))
        got = {"title": c.title, "outlet": c.outlet, "agency": getattr(c, "agency", None),
               "published": _published(c), "published_precision": getattr(c, "published_precision", None)}
        for name in FIELDS:
            want = gold[page.name][name]
            out["fields"] += 1
            if _right(name, got[name], want):
                out["right"] += 1
            else:
                out["misses"].append((page.name, name, f"{got[name]!r} != {want!r}"))
    return out


@pytest.fixture(scope="module", params=["tuning", "blind"])
def figures(request) -> dict:
    """The figures of the pages the rules were written with (``tests/furniture``) and of the pages
    written after them (``tests/furniture/blind``)."""
    s = score(HERE if request.param == "tuning" else HERE / "blind")
    print(f"\n{request.param}: furniture removed {s['removed']}/{s['furniture']} = "
          f"{s['removed'] / s['furniture']:.1%}; "
          f"article lines kept {s['kept']}/{s['text']}; metadata {s['right']}/{s['fields']} = "
          f"{s['right'] / s['fields']:.1%}")
    for m in s["misses"]:
        print("  ", *m)
    return s


def test_the_page_format_is_read():
    page = read_page(HERE / "f03_de_liveticker.page")
    assert "20:15 Uhr" in page.stamps and "21:40 Uhr" in page.furniture
    assert any(t.startswith("Litauen will bis zu 200 Soldaten") for t in page.text)
    assert "\n20:15 Uhr Litauen will" in page.raw and "[[" not in page.raw


def test_every_article_line_is_kept(figures):
    lost = [m for m in figures["misses"] if m[1] == "text lost"]
    assert not lost, lost


def test_furniture_is_removed(figures):
    assert figures["removed"] / figures["furniture"] >= 0.9


def test_metadata_is_right(figures):
    assert figures["right"] / figures["fields"] >= 0.95


def test_furniture_never_reaches_the_extraction_tables(tmp_path):
    """Reader comments, teasers and author notes feed no sentence, quote, mention or commitment."""
    import ukrsec

    pages = [read_page(p) for p in sorted(HERE.glob("*.page")) + sorted((HERE / "blind").glob("*.page"))]
    for page in pages:
        (tmp_path / f"{page.name}.txt").write_text(page.raw, encoding="utf-8")
    c = ukrsec.load_corpus(tmp_path)
    furniture = [f for page in pages for f in page.furniture if len(f) >= 30]
    sentences = list(c.sentences["text"])
    quoted = list(c.quotes["quote"]) + list(c.commitments["evidence"])
    for f in furniture:
        assert not any(f in s or s in f for s in sentences if len(s) >= 30), f
        assert not any(q in f for q in quoted if len(q) >= 12), f
    assert len(c.sentences) > 80 and len(c.quotes) > 0
