"""Exact and near-duplicate articles: the same story carried by two outlets, marked, never dropped.

Every article gets ``duplicate_of`` (the ``article_id`` of the first article, in corpus order, that
it duplicates, or NA) and ``similarity`` (its Jaccard similarity to that article, or NA):

* exact duplicates have the same :func:`content_hash` (text with spacing and case normalized),
  similarity 1.0;
* near-duplicates share at least :data:`THRESHOLD` of their word 5-grams (Jaccard over the sets of
  shingles), e.g. an agency story with a changed headline, an added sentence or a different
  byline. Candidates come from MinHash signatures cut into LSH bands (:data:`BANDS` x
  :data:`ROWS`), so the cost grows with the number of articles, not with the number of pairs;
  every candidate is then checked with the exact Jaccard similarity. With 32 bands of 4 rows a
  pair at similarity 0.7 becomes a candidate with probability 0.9998, at 0.5 with 0.87.

Before the exact check, a candidate must pass a bound that never rejects a near-duplicate: the
shingles of each original are counted in :data:`BINS` bins by hash, and two sets cannot share more
shingles than the sum of their bin-wise minimum counts. Templated corpora (many articles sharing
phrases, so sharing LSH bands) thus cost one vectorized comparison per article instead of hundreds
of set intersections, and the index keeps signatures and bin counts, not the shingle sets (an
original's shingles are rebuilt from its text when a candidate passes the bound).

The threshold is measured on the seeds: distinct articles on the same topic share at most 0.02
of their 5-grams, an article without its last paragraph (of five) keeps 0.81, with every tenth
sentence dropped 0.85.

Only originals (articles that are not themselves duplicates) are indexed, so ``duplicate_of``
always names an original and a thousand copies of one text cost as little as one. Hashes are
CRC32 and the permutations come from a fixed seed: the result depends only on the texts and
their order, never on the process or the machine.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import accumulate

import numpy as np
import pandas as pd

#: word n-gram size of the shingles
SHINGLE = 5
#: Jaccard similarity from which two articles count as near-duplicates
THRESHOLD = 0.7
#: LSH: bands x rows = number of MinHash permutations; the S-curve rises at about (1/BANDS)**(1/ROWS)
BANDS = 32
ROWS = 4
#: texts with fewer words than this are only compared exactly (their 5-grams say too little)
MIN_WORDS = 12
#: at most this many LSH candidates (the earliest) are checked per article: bounds templated corpora
MAX_CANDIDATES = 256
_PRIME = (1 << 61) - 1
_P = np.uint64(_PRIME)
_S61 = np.uint64(61)
_WORD = re.compile(r"\w+")
_CHUNK = 4096
#: bins of the shingle counts that bound an intersection before the exact check (see :func:`_possible`)
BINS = 1024


def content_hash(text: str) -> str:
    """Hash of a text with spacing and case normalized (for exact-duplicate detection)."""
    norm = " ".join(text.split()).casefold()
    return hashlib.sha1(norm.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def words(text: str) -> list[str]:
    """The case-folded words of ``text`` (punctuation and spacing ignored)."""
    return _WORD.findall(text.casefold())


def shingles(text: str | list[str], k: int = SHINGLE) -> set[str]:
    """The word ``k``-grams of ``text`` (a string, or its :func:`words`)."""
    words_ = words(text) if isinstance(text, str) else text
    return _grams(words_, k)


def _grams(words: list[str], k: int) -> set[str]:
    """The set of ``k``-grams of a word list (the whole list as one gram when it is shorter)."""
    if len(words) < k:
        return {" ".join(words)} if words else set()
    # slices of the words joined once (the same strings as joining every k words, and cheaper)
    line = " ".join(words)
    ends = list(accumulate(len(w) + 1 for w in words))  # where each word ends, plus its space
    starts = [0, *ends[:-1]]
    return {line[s:e - 1] for s, e in zip(starts, ends[k - 1:], strict=False)}


def jaccard(a: set[str], b: set[str]) -> float:
    """Jaccard similarity of two shingle sets (0.0 when both are empty)."""
    if not a and not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)  # = len(a | b), without building the union


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(20260107)
    n = BANDS * ROWS
    a = rng.integers(1, 1 << 32, size=n, dtype=np.uint64)
    b = rng.integers(0, 1 << 32, size=n, dtype=np.uint64)
    return a, b


def _crc(sh: set[str]) -> np.ndarray:
    """CRC32 of every shingle (one encode for all: words hold no line break), as uint64."""
    pieces = "\n".join(sh).encode("utf-8", "surrogatepass").split(b"\n") if sh else []
    return np.fromiter(map(zlib.crc32, pieces), dtype=np.uint64, count=len(pieces))


def minhash(sh: set[str]) -> np.ndarray:
    """MinHash signature (``BANDS * ROWS`` values) of a shingle set; deterministic."""
    return _signature(_crc(sh))


def _signature(hashes: np.ndarray) -> np.ndarray:
    a, b = _permutations()
    sig = np.full(a.shape, np.iinfo(np.uint64).max, dtype=np.uint64)
    for i in range(0, len(hashes), _CHUNK):
        x = hashes[i:i + _CHUNK, None]
        # a, x < 2**32 so y = a*x + b < 2**64: no overflow; y mod (2**61 - 1) by shifts and masks
        y = np.multiply(a, x)
        y += b
        high = y >> _S61
        y &= _P
        y += high
        np.subtract(y, _P, out=y, where=y >= _P)
        np.minimum(sig, y.min(axis=0), out=sig)
    return sig


def _counts(hashes: np.ndarray) -> np.ndarray:
    """How many shingles fall in each of :data:`BINS` bins (by hash): for two sets,
    ``sum(min(counts_a, counts_b))`` bounds the size of their intersection from above."""
    counts = np.bincount((hashes % BINS).astype(np.intp), minlength=BINS)
    # 2 bytes a bin (a batch sends its counts back to the main process) unless a bin holds more
    return counts.astype(np.uint16 if not counts.size or counts.max() < 1 << 16 else np.int64)


class _Shingles:
    """The shingle sets of originals, rebuilt from the text when a candidate needs the exact check
    (a few recent ones kept), so the index holds only signatures and bin counts."""

    def __init__(self, texts: Sequence[str], keep: int = 64) -> None:
        self.texts, self.keep, self.cache = texts, keep, {}

    def __getitem__(self, j: int) -> set[str]:
        sh = self.cache.pop(j, None)
        if sh is None:
            sh = _grams(words(self.texts[j]), SHINGLE)
        self.cache[j] = sh
        if len(self.cache) > self.keep:
            del self.cache[next(iter(self.cache))]
        return sh


def _earliest(buckets: dict[tuple[int, bytes], list[int]], keys: list[tuple[int, bytes]]) -> list[int]:
    """The :data:`MAX_CANDIDATES` earliest originals sharing a band with ``keys``: every bucket list
    is in corpus order, so only its first ``MAX_CANDIDATES`` entries can be among them."""
    found = {j for key in keys for j in buckets.get(key, ())[:MAX_CANDIDATES]}
    return sorted(found)[:MAX_CANDIDATES]


def _possible(cands: list[int], counts: dict[int, np.ndarray], sizes: dict[int, int], cnt: np.ndarray,
              n: int, threshold: float) -> list[int]:
    """The candidates whose similarity could reach ``threshold``: the intersection is at most the sum
    of the bin-wise minimum counts, and ``x / (n + m - x)`` grows with ``x`` (an exact filter)."""
    bound = np.minimum(np.stack([counts[j] for j in cands]), cnt).sum(axis=1).tolist()
    return [j for j, ub in zip(cands, bound, strict=True) if ub / (n + sizes[j] - ub) >= threshold]


#: what :func:`prepare` computes for one text: its LSH band keys, bin counts and number of shingles
#: (None for an empty or short text, which is compared exactly only)
Prepared = tuple[list[tuple[int, bytes]], np.ndarray, int] | None


def prepare(text: str) -> Prepared:
    """The per-text part of near-duplicate detection (signature bands, bin counts, size), which needs
    no other text: worker processes compute it for their batch, the main process only compares."""
    if not text or not text.strip():
        return None
    ws = words(text)
    if len(ws) < MIN_WORDS:
        return None
    crc = _crc(_grams(ws, SHINGLE))
    sig = _signature(crc)
    keys = [(band, sig[band * ROWS:(band + 1) * ROWS].tobytes()) for band in range(BANDS)]
    return keys, _counts(crc), len(crc)


def prepare_all(articles: pd.DataFrame) -> dict[str, Prepared]:
    """:func:`prepare` for every article, by ``article_id`` (what :func:`mark` accepts as ``prepared``)."""
    if articles.empty:
        return {}
    pairs = zip(articles["article_id"], articles["text"], strict=True)
    return {str(aid): prepare(_text(t)) for aid, t in pairs}


def _text(t: object) -> str:
    return "" if pd.isna(t) else str(t)


_MISSING = object()


def find_duplicates(texts: Sequence[str], hashes: Sequence[str] | None = None,
                    threshold: float = THRESHOLD,
                    prepared: Sequence[object] | None = None) -> tuple[list[int | None], list[float | None]]:
    """For each text (in corpus order): the position of the original it duplicates, and the similarity.

    Returns two lists aligned with ``texts``: ``dup[i]`` is the position of the first earlier
    original that text ``i`` duplicates, else None; ``sim[i]`` the Jaccard similarity to it
    (1.0 for exact duplicates). ``hashes`` are the texts' :func:`content_hash` values if known,
    ``prepared`` their :func:`prepare` results if known (an entry may be ``_MISSING``).
    """
    hashes = list(hashes) if hashes is not None else [content_hash(t) for t in texts]
    dup: list[int | None] = [None] * len(texts)
    sim: list[float | None] = [None] * len(texts)
    first: dict[str, int] = {}
    buckets: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    counts: dict[int, np.ndarray] = {}
    sizes: dict[int, int] = {}
    sets = _Shingles(texts)
    for i, text in enumerate(texts):
        if not text or not text.strip():
            continue
        h = hashes[i]
        if h in first:
            dup[i], sim[i] = first[h], 1.0
            continue
        first[h] = i
        prep = prepared[i] if prepared is not None else _MISSING
        prep = prepare(text) if prep is _MISSING else prep
        if prep is None:
            continue
        keys, cnt, n = prep
        cands = _earliest(buckets, keys)
        for j in _possible(cands, counts, sizes, cnt, n, threshold) if cands else ():
            s = jaccard(sets[i], sets[j])
            if s >= threshold:
                dup[i], sim[i] = j, round(s, 4)
                break
        if dup[i] is None:  # an original: index it
            counts[i], sizes[i] = cnt, n
            for key in keys:
                buckets[key].append(i)
    return dup, sim


def mark(articles: pd.DataFrame, threshold: float = THRESHOLD,
         prepared: Mapping[str, Prepared] | None = None) -> pd.DataFrame:
    """``articles`` with ``duplicate_of`` and ``similarity`` (float, NaN when not a duplicate) set.

    Rows stay in corpus order; nothing is dropped or merged. ``prepared`` holds :func:`prepare_all`
    results of (some of) the articles, computed where their batch was parsed; the rest are computed here.
    """
    arts = articles
    if arts.empty:  # no rows: nothing to mark (an all-NA extra column would not survive Parquet)
        return arts
    texts = [_text(t) for t in arts["text"]]
    known = "content_hash" in arts.columns and not arts["content_hash"].isna().any()
    hashes = list(arts["content_hash"]) if known else [content_hash(t) for t in texts]
    preps = None if prepared is None else [prepared.get(str(a), _MISSING) for a in arts["article_id"]]
    dup, sim = find_duplicates(texts, hashes, threshold, preps)
    ids = list(arts["article_id"])
    arts["duplicate_of"] = pd.array([None if d is None else ids[d] for d in dup], dtype="string")
    arts["similarity"] = np.array([np.nan if x is None else x for x in sim], dtype="float64")
    return arts
