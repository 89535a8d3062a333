"""The per-article pipeline: load → clean → segment → actors → timeline → commitments → quotes.

:func:`parse_docs` runs every stage on a batch of raw documents and returns the tables for that
batch; batches are independent, so the same function runs serially, in worker processes
(``jobs``) or as a Dask bag (``client``), and :func:`combine` joins the batches into tables that
are identical whichever way they were produced.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import re
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from . import actors as actors_stage
from . import commitments as commitments_stage
from . import dedupe, schema, segment, text
from . import quotes as quotes_stage
from . import timeline as timeline_stage
from .analysis.dates import commitment_dates
from .clean import clean_text
from .language import detect
from .load import (
    DEFAULT_MAX_BYTES,
    Plan,
    RawDoc,
    ReadOptions,
    Unit,
    final_ids,
    load_frame,
    read_all,
    read_unit,
)
from .load import options as load_options
from .load import plan as plan_files

SEEDS = Path(__file__).resolve().parent / "seeds"


def default_corpus_path() -> Path:
    """The bundled seeds: ``seeds/`` of a source checkout, else the copy inside the package."""
    here = Path(__file__).resolve()
    for cand in (here.parents[2] / "seeds", SEEDS):
        if cand.is_dir():
            return cand
    return here.parents[2] / "seeds"


def _to_ts(value: Any) -> pd.Timestamp | None:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value == "":
        return None
    if isinstance(value, dt.datetime | dt.date) and not isinstance(value, pd.Timestamp):
        if isinstance(value, dt.datetime) and value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return pd.Timestamp(value)
    ts = pd.to_datetime(value, errors="coerce", dayfirst=isinstance(value, str) and "." in value)
    if ts is None or pd.isna(ts):
        return None
    if ts.tzinfo is not None:
        ts = ts.tz_convert("UTC").tz_localize(None)
    return ts


def content_hash(text: str) -> str:
    """Hash of a text with spacing and case normalized (for exact-duplicate detection)."""
    norm = " ".join(text.split()).casefold()
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


_YEAR_ONLY = re.compile(r"^\s*\d{4}\s*$")
_MONTH_ONLY = re.compile(r"^\s*\d{4}-\d{1,2}\s*$")


def _precision(value: Any, ts: pd.Timestamp) -> str:
    """How precise a publication date given by the input is: ``year``, ``month``, ``day`` or ``minute``."""
    if isinstance(value, str):
        if _YEAR_ONLY.match(value):
            return "year"
        if _MONTH_ONLY.match(value):
            return "month"
        if ":" not in value:
            return "day"
    return "minute" if (ts.hour, ts.minute) != (0, 0) else "day"


def build_articles(
    docs: Sequence[RawDoc], data_dir: str | None = None
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The ``articles``, ``removed`` and ``problems`` tables for raw documents (stage ``clean``).

    A page the cleaner emptied or stripped of much of its prose stays in ``articles`` and is also a
    row of ``problems`` naming the file and the article (see ``docs/cleaning.md``).
    """
    rows, removed, problems = [], [], []
    for d in docs:
        c = clean_text(d.raw_text, data_dir, known_title=d.meta.get("title"))
        if c.problem:
            problems.append({"source_path": d.source_path, "problem": f"article {d.article_id}: {c.problem}"})
        given = _to_ts(d.meta.get("published"))
        published = given or _to_ts(c.published)
        precision = _precision(d.meta.get("published"), given) if given is not None else c.published_precision
        hint = published if published is not None else _to_ts(c.date_hint)
        rows.append(
            {
                "article_id": d.article_id,
                "source_path": d.source_path,
                "outlet": d.meta.get("outlet") or c.outlet,
                "published": published,
                "title": d.meta.get("title") or c.title,
                "text": c.text,
                "language": d.meta.get("language") or detect(c.text, data_dir),
                "raw_text": d.raw_text,
                "url": d.meta.get("url"),
                "date_hint": hint,
                "n_words": len(c.text.split()),
                "content_hash": content_hash(c.text),
                "agency": d.meta.get("agency") or c.agency,
                "published_precision": precision if published is not None else None,
            }
        )
        removed += [{"article_id": d.article_id, **r} for r in c.removed]
    arts = schema.frame("articles", rows) if rows else schema.empty("articles")
    rem = schema.frame("removed", removed) if removed else schema.empty("removed")
    probs = schema.frame("problems", problems) if problems else schema.empty("problems")
    return arts, rem, probs


def parse_docs(
    docs: Sequence[RawDoc], data_dir: str | None = None, timings: dict[str, float] | None = None
) -> dict[str, pd.DataFrame]:
    """Run every stage after ``load`` on a batch of documents; returns the batch's tables."""
    t = timings if timings is not None else {}

    def timed(name: str, fn: Callable[[], Any]) -> Any:
        t0 = time.perf_counter()
        out = fn()
        t[name] = t.get(name, 0.0) + time.perf_counter() - t0
        return out

    arts, removed, problems = timed("clean", lambda: build_articles(docs, data_dir))
    sents = timed("segment", lambda: segment.segment(arts, data_dir))
    docs = timed("segment", lambda: list(text.docs(arts, sents)))
    mentions, actors = timed("actors", lambda: actors_stage.extract(arts, sents, data_dir, docs=docs))
    timexes, events = timed("timeline", lambda: timeline_stage.run(docs, arts, mentions, data_dir))
    comms = timed(
        "commitments", lambda: commitments_stage.extract(arts, sents, mentions, actors, data_dir, docs)
    )
    quotes = timed("quotes", lambda: quotes_stage.extract(arts, sents, mentions, actors, data_dir, docs=docs))
    tables = {
        "articles": arts,
        "sentences": sents,
        "removed": removed,
        "mentions": mentions,
        "actors": actors,
        "timexes": timexes,
        "events": events,
        "commitments": comms,
        "quotes": quotes,
        "problems": problems,
    }
    # a pass over the finished tables: the date each commitment was reported (stated, else published)
    tables["commitments"] = timed("commitments", lambda: commitment_dates(
        tables["commitments"], tables["events"], tables["articles"], tables.get("timexes")))
    # the per-article part of duplicate marking, done where the batch is parsed (see Collector.finish)
    tables[DUPLICATES] = timed("clean", lambda: dedupe.prepare_all(arts))  # type: ignore[assignment]
    return tables


#: the key of a batch's :func:`ukrsec.dedupe.prepare_all` results among its tables (not a table)
DUPLICATES = "_duplicates"


Tables = dict[str, pd.DataFrame]


def _parse_batch(args: tuple[Sequence[RawDoc], str | None]) -> tuple[Tables, dict[str, float]]:
    docs, data_dir = args
    timings: dict[str, float] = {}
    return parse_docs(docs, data_dir, timings), timings


def batches(docs: Sequence[RawDoc], size: int) -> list[list[RawDoc]]:
    """``docs`` cut into batches of at most ``size``, in order."""
    return [list(docs[i : i + size]) for i in range(0, len(docs), max(1, size))]


#: tables small enough to keep whole until the end (duplicates and counts need all articles)
WHOLE = ("articles", "actors", "problems")


def _ordered(name: str, df: pd.DataFrame, rank: Mapping[str, int]) -> pd.DataFrame:
    """One batch's table in corpus order (article, then sentence and offsets), with the model's dtypes.

    Batches hold consecutive articles and arrive in order, so ordering each batch and concatenating
    gives the order of sorting everything at once.
    """
    if name != "actors" and "article_id" in df.columns:
        keys = ["_rank"] + [c for c in ("sentence_id", "start", "line_start", "raw_start") if c in df.columns]
        df = df.assign(_rank=df["article_id"].map(rank)).sort_values(keys, kind="stable")
        df = df.drop(columns="_rank")
    return schema.frame(name, df.reset_index(drop=True))


class Collector:
    """Batch tables gathered in corpus order: kept in memory, or streamed to a :class:`store.TableWriter`
    (``sink``) as they arrive, all but the small :data:`WHOLE` tables."""

    def __init__(self, order: Sequence[str], sink: Any = None) -> None:
        self.rank = {aid: i for i, aid in enumerate(order)}
        self.sink = sink
        self.parts: dict[str, list[pd.DataFrame]] = {name: [] for name in schema.TABLE_NAMES}
        self.n_sentences: dict[str, int] = {}
        self.duplicates: dict[str, Any] = {}  # dedupe.prepare results by article, from the batches

    def add(self, tables: Tables) -> None:
        """Take one batch's tables."""
        self.duplicates.update(tables.get(DUPLICATES) or {})
        for name in schema.TABLE_NAMES:
            df = tables.get(name)
            if df is None or df.empty:
                continue
            df = _ordered(name, df, self.rank)
            if name == "sentences":
                for aid, n in df["article_id"].value_counts(sort=False).items():
                    self.n_sentences[aid] = self.n_sentences.get(aid, 0) + int(n)
            if self.sink is not None and name not in WHOLE:
                self.sink.append(name, df)
            else:
                self.parts[name].append(df)

    def finish(self, load_problems: list[dict[str, str]] | None = None) -> Tables:
        """All tables: duplicates marked, sentences counted, the loader's problems first."""
        out: dict[str, pd.DataFrame] = {}
        for name, frames in self.parts.items():
            df = pd.concat(frames, ignore_index=True) if frames else schema.empty(name)
            if name == "actors" and not df.empty:  # per id, the first value any batch found for each column
                df = df.groupby("actor_id", sort=True, as_index=False, dropna=False).first()[list(df.columns)]
            out[name] = schema.frame(name, df.reset_index(drop=True)) if not df.empty else schema.empty(name)
        self.parts = {}
        # exact and near-duplicates, in corpus order (signatures computed by the batches)
        arts = out["articles"] = dedupe.mark(out["articles"], prepared=self.duplicates)
        self.duplicates = {}
        if not arts.empty:
            arts["n_sentences"] = arts["article_id"].map(self.n_sentences).fillna(0).astype("Int64")
        if load_problems is not None:
            out = _with_problems(out, load_problems)
        if self.sink is None:
            return out
        return self.sink.close({name: out[name] for name in WHOLE})


def combine(parts: Iterable[dict[str, pd.DataFrame]], order: Sequence[str]) -> dict[str, pd.DataFrame]:
    """Join batch tables in article order; actors once per id; duplicates marked."""
    collector = Collector(order)
    for part in parts:
        collector.add(part)
    return collector.finish()


def job_batch_size(n_docs: int, jobs: int, batch_size: int) -> int:
    """Batch size for ``jobs`` workers: about four batches a worker (even load, little idle time at the
    end), never more than ``batch_size`` documents (bounded memory per task) and never fewer than 5
    (per-task overhead: pickling the frames back costs about a millisecond a batch)."""
    per_worker = -(-n_docs // max(1, jobs * 4))
    return max(5, min(batch_size, per_worker))


def warm_up(data_dir: str | None = None) -> None:
    """Load every stage's data files and models once in this process (a tiny document through all stages).

    Worker processes forked afterwards inherit the loaded state instead of each paying the start-up
    cost (the language model alone takes most of a second to load).
    """
    doc = RawDoc(
        "_warm_up",
        "_warm_up",
        "Warm up\n\nAm 6. Januar 2026 sagte Emmanuel Macron in Paris: "
        "\u201eWir sind bereit.\u201c Frankreich werde Truppen schicken.\n",
        "text",
        {},
    )
    parse_docs([doc], data_dir)


def _own_client(client: Any) -> tuple[Any, Any]:
    """``(client, own)``: a scheduler address becomes a Client this call owns (and closes)."""
    if isinstance(client, str):
        from distributed import Client

        own = Client(client)
        return own, own
    return client, None


def _run_dask(client: Any, args: list[tuple[list[RawDoc], str | None]]) -> list[Any]:
    """Run :func:`_parse_batch` over batches of documents already in memory (a DataFrame's rows) as a Dask
    bag on ``client`` (a distributed Client or an address); results come back in batch order."""
    import dask.bag as db

    client, own = _own_client(client)
    try:
        bag = db.from_sequence(args, npartitions=max(1, len(args))).map(_parse_batch)
        return list(client.compute(bag).result())
    finally:
        if own is not None:
            own.close()


Read = tuple[list[RawDoc], list[dict[str, str]]]


def _read_partition(units: Iterable[Unit], opts: ReadOptions) -> list[tuple[Read, float]]:
    """Read a partition of the bag of paths on a worker (each unit's documents and problems, seconds)."""
    out = []
    for u in units:
        t0 = time.perf_counter()
        out.append((read_unit(u, opts), time.perf_counter() - t0))
    return out


def _proposed(part: list[tuple[Read, float]]) -> list[list[str]]:
    return [[d.article_id for d in docs] for (docs, _), _ in part]


def _parse_partition(part: list[tuple[Read, float]], ids: list[list[str]], data_dir: str | None,
                     batch_size: int) -> tuple[list[Tables], dict[str, float], list[dict[str, str]]]:
    """Give a read partition its final ids and run the stages on it in batches (on the worker)."""
    docs: list[RawDoc] = []
    problems: list[dict[str, str]] = []
    timings = {"load": sum(sec for _, sec in part)}
    for ((unit_docs, unit_problems), _), unit_ids in zip(part, ids, strict=True):
        for d, aid in zip(unit_docs, unit_ids, strict=True):
            d.article_id = aid
        docs += unit_docs
        problems += unit_problems
    tables = []
    for chunk in batches(docs, batch_size):
        tables.append(parse_docs(chunk, data_dir, timings))
    return tables, timings, problems


def _run_dask_paths(client: Any, plan: Plan, opts: ReadOptions, data_dir: str | None, batch_size: int,
                    t: dict[str, float], sink: Any = None) -> Tables:
    """The Dask path over a bag of paths: the workers read, decode and parse; the driver only lists the
    files and makes the proposed ids unique (:func:`ukrsec.load.final_ids`) between the two passes."""
    import dask.bag as db
    from dask import delayed

    client, own = _own_client(client)
    try:
        units = plan.units
        size = job_batch_size(len(units), 2, batch_size)
        bag = db.from_sequence(units, partition_size=size) if units else None
        parts = client.persist(bag.map_partitions(_read_partition, opts).to_delayed()) if bag else []
        proposed = client.gather(client.compute([delayed(_proposed)(p) for p in parts]))
        flat_ids = final_ids(units, [ids for part in proposed for ids in part])
        pieces, k = [], 0
        for part in proposed:
            pieces.append(flat_ids[k : k + len(part)])
            k += len(part)
        tasks = [delayed(_parse_partition)(p, ids, data_dir, batch_size)
                 for p, ids in zip(parts, pieces, strict=True)]
        results = client.gather(client.compute(tasks))
    finally:
        if own is not None:
            own.close()
    problems = list(plan.problems)
    collector = Collector([aid for ids in flat_ids for aid in ids], sink)
    for part_tables, timings, part_problems in results:
        for tables in part_tables:
            collector.add(tables)
        problems += part_problems
        for k2, v in timings.items():
            t[k2] = t.get(k2, 0.0) + v
    return collector.finish(problems)


def run(
    path: str | Path | Any = None,
    *,
    jobs: int = 1,
    client: Any = None,
    data_dir: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    batch_size: int = 50,
    progress: bool = False,
    timings: dict[str, float] | None = None,
    columns: Mapping[str, str | None] | None = None,
    out: str | Path | None = None,
) -> dict[str, pd.DataFrame]:
    """Parse a corpus (a folder or file, local or an fsspec URL, or a pandas DataFrame) into all tables
    (``problems`` included).

    ``jobs`` > 1 reads and parses in that many worker processes, ``client`` (a ``distributed.Client`` or
    a scheduler address) on a Dask cluster, where the workers read the files too (a bag of paths). The
    tables are identical to a serial run: article ids depend on the whole corpus (a name seen twice gets
    its folder; JSON records and table rows carry their own ids), so the files are listed first, read
    anywhere with proposed ids, and the ids are made unique in corpus order between reading and the
    stages; :func:`combine` puts the rows back in corpus order. ``columns`` maps fields to the columns of
    tables (see :func:`ukrsec.load.load_path`). ``timings`` receives seconds per stage (summed over
    workers when parallel).

    ``out`` (a local folder) streams the tables to ``out/<table>.parquet`` batch by batch as they are
    parsed, so memory holds one batch at a time and not the whole corpus; the tables returned are read
    from there on first use (:class:`ukrsec.store.LazyTables`), the same as in memory.
    """
    t = timings if timings is not None else {}
    opts = load_options(max_bytes, columns)
    sink = _sink(out)
    try:
        if client is not None and not isinstance(path, pd.DataFrame):
            plan = plan_files(path if path is not None else default_corpus_path(), opts)
            return _run_dask_paths(client, plan, opts, data_dir, batch_size, t, sink)
        job = _Job(jobs, client, data_dir, batch_size, progress, t, sink)
        return _run_local(path, job, opts, (max_bytes, columns))
    except BaseException:
        if sink is not None:
            sink.abort()
        raise


def _sink(out: str | Path | None) -> Any:
    if out is None:
        return None
    from .store import TableWriter

    return TableWriter(out)


@dataclass
class _Job:
    """How :func:`run` parses: worker processes or a Dask client, batch size, timings and the sink."""

    jobs: int
    client: Any
    data_dir: str | None
    batch_size: int
    progress: bool
    timings: dict[str, float]
    sink: Any


def _run_local(path: Any, job: _Job, opts: ReadOptions, frame_opts: tuple[int, Any]) -> Tables:
    """:func:`run` in this process or a pool of ``job.jobs`` worker processes (or batches on a Dask
    client for a DataFrame's rows)."""
    with _settled_heap() as settle:
        return _run_settled(path, job, opts, frame_opts, settle)


def _run_settled(path: Any, job: _Job, opts: ReadOptions, frame_opts: tuple[int, Any],
                 settle: Callable[[], None]) -> Tables:
    """:func:`_run_local` inside :func:`_settled_heap` (``settle`` once the data files are loaded)."""
    pool, t, data_dir = None, job.timings, job.data_dir
    if job.jobs > 1 and job.client is None:
        from concurrent.futures import ProcessPoolExecutor

        warm_up(data_dir)  # the workers forked below inherit the loaded data files and models
        settle()  # ... already out of the cycle collector's way
        pool = ProcessPoolExecutor(max_workers=job.jobs)
    try:
        if isinstance(path, pd.DataFrame):
            t0 = time.perf_counter()
            loaded = load_frame(path, *frame_opts)
            t["load"] = t.get("load", 0.0) + time.perf_counter() - t0
            docs, problems = list(loaded.docs), loaded.problems.to_dict("records")
        else:
            plan = plan_files(path if path is not None else default_corpus_path(), opts)
            docs, problems = _read_plan(plan, opts, pool, job.progress, t)
        collector = Collector([d.article_id for d in docs], job.sink)
        _parse_all(docs, job, pool, collector, settle)
    finally:
        if pool is not None:
            pool.shutdown()
    return collector.finish(problems)


def _with_problems(tables: Tables, load_problems: list[dict[str, str]]) -> Tables:
    """``tables`` whose ``problems`` are the loader's (in corpus order) followed by the stages' own."""
    rows = load_problems + tables["problems"].to_dict("records")
    tables["problems"] = schema.frame("problems", rows) if rows else schema.empty("problems")
    return tables


#: formats whose reading costs enough (main-text extraction) to be worth sending to worker processes
COSTLY_TO_READ = (".html", ".htm", ".warc", ".warc.gz")


def _read_plan(plan: Plan, opts: ReadOptions, pool: Any, progress: bool, t: dict[str, float]
               ) -> tuple[list[RawDoc], list[dict[str, str]]]:
    """Read every unit of ``plan``; documents with final ids, and problems.

    With a process ``pool``, files that need main-text extraction (HTML, WARC) are read in the workers;
    plain text, JSON and tables are cheaper to read here than to send back from a worker.
    """
    t0 = time.perf_counter()
    units = plan.units
    n = len(units)
    if pool is not None and sum(u.ext in COSTLY_TO_READ for u in units) > 1:
        chunk = max(1, min(20, n // 16))
        docs, problems = read_all(units, opts, lambda f, *a: _progress(
            pool.map(f, *a, chunksize=chunk), n, progress, "reading", "file"))
    else:
        docs, problems = read_all(units, opts, lambda f, *a: _progress(map(f, *a), n, progress, "reading",
                                                                       "file"))
    t["load"] = t.get("load", 0.0) + time.perf_counter() - t0
    return docs, plan.problems + problems


@contextmanager
def _settled_heap() -> Iterator[Callable[[], None]]:
    """A run with the loaded data files out of the cycle collector's way: the ``settle`` it yields,
    called once the data files and models are loaded (after :func:`warm_up`, or after the first
    batch of a serial run), collects once and moves every object alive then to the permanent
    generation (:func:`gc.freeze`), so the collections of the run no longer walk the gazetteer's and
    lexicons' hundreds of thousands of objects again and again (about a seventh of a run's CPU);
    they are handed back to the collector (:func:`gc.unfreeze`) when the run ends. Nothing is done
    when the collector is off or the caller froze objects itself. No table changes."""
    own = gc.isenabled() and gc.get_freeze_count() == 0
    done = not own

    def settle() -> None:
        nonlocal done
        if not done:
            gc.collect()
            gc.freeze()
            done = True

    try:
        yield settle
    finally:
        if own and done:
            gc.unfreeze()


def _parse_all(docs: list[RawDoc], job: _Job, pool: Any, collector: Collector,
               settle: Callable[[], None] = lambda: None) -> None:
    """Run the stages on ``docs`` in batches (serially, in a process ``pool`` or on a Dask client) and
    hand each batch's tables to ``collector`` as it arrives (``settle``: see :func:`_settled_heap`,
    called after the first).

    ``docs`` is emptied as batches are handed out (and a pool gets only a few batches ahead), so a
    raw text is held in memory only until its batch is parsed, never beside the whole corpus's.
    """
    client, t = job.client, job.timings
    parallel = client is not None or (pool is not None and len(docs) > 1)
    workers = job.jobs if client is None else max(job.jobs, 2)
    size = job_batch_size(len(docs), workers, job.batch_size) if parallel else job.batch_size
    n_batches = -(-len(docs) // max(1, size))
    args = ((chunk, job.data_dir) for chunk in _handed_out(docs, size))
    results: Iterable[tuple[dict[str, pd.DataFrame], dict[str, float]]]
    if client is not None:
        results = _run_dask(client, list(args))
    elif pool is not None and n_batches > 1:
        results = _progress(_ahead(pool, _parse_batch, args, 2 * workers + 1), n_batches, job.progress)
    else:
        results = _progress(map(_parse_batch, args), n_batches, job.progress)
    for tables, tm in results:
        collector.add(tables)
        settle()
        for k, v in tm.items():
            t[k] = t.get(k, 0.0) + v


def _handed_out(docs: list[RawDoc], size: int) -> Iterator[list[RawDoc]]:
    """Batches of ``size`` taken off the front of ``docs`` (which ends empty)."""
    while docs:
        chunk = docs[:size]
        del docs[:size]
        yield chunk


def _ahead(pool: Any, fn: Callable, args: Iterable, ahead: int) -> Iterator[Any]:
    """``pool.map(fn, args)`` in order, with at most ``ahead`` tasks submitted and not yet returned."""
    pending: deque = deque()
    for a in args:
        pending.append(pool.submit(fn, a))
        if len(pending) >= ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _progress(it: Iterable, total: int, enabled: bool, desc: str = "parsing", unit: str = "batch"
              ) -> Iterable:
    if not enabled or total < 2:
        return it
    from tqdm.auto import tqdm

    return tqdm(it, total=total, desc=desc, unit=unit)
