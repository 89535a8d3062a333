"""The quotes stage on its own held-out set (``tests/heldout_quotes``): direct speech, speakers and
reported speech, scored as ``/work/shared/eval/score.py`` scores quotes (see the set's README).

Run as a script to print the figures for any parsed folder::

    python tests/test_quotes_heldout.py TABLES_DIR GOLD.yaml
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pandas as pd
import pytest
import yaml

HERE = Path(__file__).resolve().parent
SETS = {"dev": HERE / "heldout_quotes"}


def fold(s: object) -> str:
    t = unicodedata.normalize("NFKD", "" if s is None or (isinstance(s, float) and s != s) else str(s))
    t = "".join(c for c in t if not unicodedata.combining(c)).casefold()
    return " ".join(t.replace("’", "'").replace("‘", "'").split())


def last(name: str) -> str:
    toks = fold(name).replace("-", " ").split()
    return toks[-1] if toks else ""


ZELENSKY = {"zelensky", "zelenskyy", "selenskyj", "zelenskyi", "zelenskiy", "zelenskij"}


def same_person(a: str, b: str) -> bool:
    x, y = last(a), last(b)
    return bool(x) and (x == y or (x in ZELENSKY and y in ZELENSKY))


def qmatch(gold: str, quote: object) -> bool:
    a, b = fold(gold), fold(quote)
    return bool(a and b) and (a in b or (b in a and len(b) >= 0.5 * len(a)))


def _names(rows: list[dict], names: dict[str, str]) -> list[str]:
    return [names.get(str(r.get("speaker_id")), "") or str(r.get("speaker_text") or "") for r in rows]


def score(quotes: pd.DataFrame, actors: pd.DataFrame, gold: dict) -> dict[str, float]:
    """Direct P/R/F1 and speaker accuracy; indirect recall and speaker accuracy."""
    names = dict(zip(actors["actor_id"].astype(str), actors["name"].astype(str), strict=True)) \
        if not actors.empty else {}
    n = {"tp": 0, "fp": 0, "fn": 0, "sp": 0, "sp_ok": 0, "ind": 0, "ind_ok": 0, "ind_sp": 0, "ind_sp_ok": 0}
    for aid, g in gold["articles"].items():
        rows = [r for r in quotes[quotes["article_id"] == aid].to_dict("records") if r["kind"] != "term"]
        opt = (g.get("optional") or {})
        matched: set[int] = set()
        for gq in g.get("quotes", []):
            hits = [i for i, r in enumerate(rows) if qmatch(gq["quote"], r["quote"])]
            matched.update(hits)
            n["tp" if hits else "fn"] += 1
            if hits and gq.get("speaker"):
                n["sp"] += 1
                said = _names([rows[i] for i in hits], names)
                n["sp_ok"] += any(same_person(gq["speaker"], x) for x in said)
        optional = [o["quote"] for o in opt.get("quotes", []) + opt.get("indirect", [])]
        optional += [o["quote"] for o in g.get("indirect", [])]
        for i, r in enumerate(rows):
            extra = i not in matched and r["kind"] == "direct"
            n["fp"] += extra and not any(qmatch(o, r["quote"]) for o in optional)
        ind = [r for r in rows if r["kind"] == "indirect"]
        for gq in g.get("indirect", []):
            hits = [r for r in ind if qmatch(gq["quote"], r["quote"])]
            n["ind"] += 1
            n["ind_ok"] += bool(hits)
            if hits and gq.get("speaker"):
                n["ind_sp"] += 1
                n["ind_sp_ok"] += any(same_person(gq["speaker"], x) for x in _names(hits, names))
    p = n["tp"] / max(1, n["tp"] + n["fp"])
    r = n["tp"] / max(1, n["tp"] + n["fn"])
    return {"precision": p, "recall": r, "f1": 2 * p * r / max(1e-9, p + r),
            "speaker": n["sp_ok"] / max(1, n["sp"]), "indirect_recall": n["ind_ok"] / max(1, n["ind"]),
            "indirect_speaker": n["ind_sp_ok"] / max(1, n["ind_sp"]), **{k: float(v) for k, v in n.items()}}


@pytest.fixture(scope="module")
def dev_corpus():
    import ukrsec

    return ukrsec.load_corpus(SETS["dev"])


def test_dev_set_direct_quotes_and_speakers(dev_corpus) -> None:
    gold = yaml.safe_load((SETS["dev"] / "quotes-gold.yaml").read_text(encoding="utf-8"))
    s = score(dev_corpus.quotes, dev_corpus.actors, gold)
    assert s["f1"] >= 0.97 and s["speaker"] >= 0.95, s
    assert s["indirect_recall"] >= 0.85 and s["indirect_speaker"] >= 0.9, s


def main(argv: list[str]) -> None:
    tables, gold_path = Path(argv[0]), Path(argv[1])
    q = pd.read_parquet(tables / "quotes.parquet")
    a = pd.read_parquet(tables / "actors.parquet")
    s = score(q, a, yaml.safe_load(gold_path.read_text(encoding="utf-8")))
    print(f"direct P {s['precision']:.2f} R {s['recall']:.2f} F1 {s['f1']:.2f} "
          f"(tp {s['tp']:.0f} fp {s['fp']:.0f} fn {s['fn']:.0f})  "
          f"speakers {s['speaker']:.2f} ({s['sp_ok']:.0f}/{s['sp']:.0f})  "
          f"indirect recall {s['indirect_recall']:.2f} ({s['ind_ok']:.0f}/{s['ind']:.0f}) "
          f"speakers {s['indirect_speaker']:.2f} ({s['ind_sp_ok']:.0f}/{s['ind_sp']:.0f})")


if __name__ == "__main__":
    main(sys.argv[1:])
