"""The :class:`Corpus`: all tables of a parsed corpus, with saving, loading and analysis helpers."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import schema
from .load import DEFAULT_MAX_BYTES


@dataclass
class Corpus:
    """Tables of the data model (``shared/spec/data-model.md``) as pandas DataFrames."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    source: str | None = None
    _memo: dict[str, tuple] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        if isinstance(self.tables, dict):  # saved tables (store.LazyTables) fill themselves in
            for name in schema.TABLE_NAMES:
                if self.tables.get(name) is None:
                    self.tables[name] = schema.empty(name)

    def rows(self, name: str) -> int:
        """Rows of table ``name`` (for a saved corpus, without reading the table)."""
        rows = getattr(self.tables, "rows", None)
        return rows(name) if rows is not None else len(self.tables[name])

    # the tables ------------------------------------------------------------------------------
    @property
    def articles(self) -> pd.DataFrame:
        """One row per article that could be read."""
        return self.tables["articles"]

    @property
    def sentences(self) -> pd.DataFrame:
        """Sentences with character offsets into ``articles.text``."""
        return self.tables["sentences"]

    @property
    def removed(self) -> pd.DataFrame:
        """What the cleaner removed from each raw page, and why."""
        return self.tables["removed"]

    @property
    def mentions(self) -> pd.DataFrame:
        """Actor mentions with spans."""
        return self.tables["mentions"]

    @property
    def actors(self) -> pd.DataFrame:
        """Canonical actors seen in the corpus."""
        return self.tables["actors"]

    @property
    def timexes(self) -> pd.DataFrame:
        """Every temporal expression: extent, TIMEX3 ``type`` and ``value``, the ``anchor`` used."""
        return self.tables["timexes"]

    @property
    def events(self) -> pd.DataFrame:
        """Dated statements (one row per date expression)."""
        return self.tables["events"]

    @property
    def commitments(self) -> pd.DataFrame:
        """Who pledges, considers, leaves open or refuses which support."""
        return self.tables["commitments"]

    @property
    def quotes(self) -> pd.DataFrame:
        """Quotations with speakers."""
        return self.tables["quotes"]

    @property
    def problems(self) -> pd.DataFrame:
        """Input files (or records) that could not become articles, with the reason."""
        return self.tables["problems"]

    def __len__(self) -> int:
        return len(self.articles)

    def __repr__(self) -> str:
        counts = ", ".join(f"{n}={self.rows(n)}" for n in schema.TABLE_NAMES if n != "problems")
        return f"<Corpus {self.source or ''} {counts}, problems={self.rows('problems')}>"

    def summary(self) -> pd.DataFrame:
        """Row counts of every table."""
        return pd.DataFrame(
            {"table": list(schema.TABLE_NAMES), "rows": [self.rows(n) for n in schema.TABLE_NAMES]}
        )

    # analyses (implemented in ukrsec.analysis) -----------------------------------------------
    def timeline(self) -> pd.DataFrame:
        """Events merged across articles: one row per happening with ``n_sources`` and ``article_ids``."""
        from .analysis import merge

        events, articles = self.events, self.articles
        memo = self._memo.get("timeline")  # merged once while the two tables stay the same objects
        if memo is None or memo[0] is not events or memo[1] is not articles:
            memo = self._memo["timeline"] = (events, articles, merge(events, articles))
        return memo[2].copy()

    def compare(self, by: str | None = None, period: str | None = None) -> pd.DataFrame:
        """For every (actor, commitment type): each article's stance and whether the sources disagree.

        ``by="language"`` or ``by="outlet"``: one row per actor × type × group of sources with the
        group's stance and ``disagree`` when the groups differ, over the whole corpus or per ``period``
        (``day``, ``week``, ``month``); see :func:`ukrsec.analysis.compare_by`.
        """
        from .analysis import compare, compare_by

        if by is None:
            if period is not None:
                raise ValueError("period needs by='language' or by='outlet'")
            return compare(self.commitments, self.articles, self.actors)
        return compare_by(self.commitments, self.articles, self.actors, by=by, period=period)

    def positions(self, period: str = "day") -> pd.DataFrame:
        """One row per actor × commitment type × period (``day``, ``week`` or ``month``) with the stance
        reported then, the articles and outlets behind it, disagreeing sources and evidence row ids."""
        from .analysis import positions

        return positions(self.commitments, self.articles, self.actors, period=period)

    def shifts(self, period: str = "day") -> pd.DataFrame:
        """Every change of reported stance of an actor on a type, with the first article and outlet that
        reported the new stance and the evidence before and after."""
        from .analysis import shifts

        return shifts(self.commitments, self.articles, self.actors, period=period)

    def first_reports(self) -> pd.DataFrame:
        """For each commitment (actor × type × stance): the outlet that reported it first and how many
        days later the others followed."""
        from .analysis import first_reports

        return first_reports(self.commitments, self.articles, self.actors)

    def actor_profile(self, actor_id: str) -> pd.DataFrame:
        """Mentions of one actor per article, roles seen, first and last date."""
        from .analysis import profile

        return profile(self.mentions, self.articles, self.actors, actor_id)

    def cooccurrence(self, window: str = "sentence", normalize: bool = False) -> pd.DataFrame:
        """How often two actors are mentioned in the same sentence (or article)."""
        from .analysis import cooccurrence

        return cooccurrence(self.mentions, window=window, normalize=normalize)

    def kwic(self, actor_id: str, width: int = 60) -> pd.DataFrame:
        """Keyword-in-context lines for every mention of an actor."""
        from .analysis import kwic

        return kwic(self.articles, self.mentions, actor_id, width=width)

    # saving ----------------------------------------------------------------------------------
    def save(self, out: str | Path, format: str = "parquet") -> Path | str:  # noqa: A002 - the documented name
        """Write one file per table, ``out/<table>.parquet`` or ``.csv``; returns ``out``.

        ``out`` may be an fsspec URL (``s3://bucket/tables``, ``memory://t``; needs the protocol's package).

        Parquet files carry an explicit schema, so DuckDB (``ukrsec.store.connect(out)``), Arrow and
        pandas read them directly: text as strings, counts as int64, dates as timestamps, list columns
        (``events.actor_ids``, ``commitments.conditions``) as lists of strings, even when a table is empty.
        In CSV, list columns are JSON arrays. Files are written under a temporary name and renamed, so a
        reader never sees half a table.
        """
        fmt = format.lower()
        if fmt not in ("parquet", "csv"):
            raise ValueError(f"format must be 'parquet' or 'csv', not {format!r}")
        from .load.remote import is_url, local_path

        if is_url(out):
            local = local_path(str(out))
            if local is None:
                return self._save_remote(str(out), fmt)
            out = local
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        for name in schema.TABLE_NAMES:
            target = out / f"{name}.{fmt}"
            tmp = out / f".{name}.{fmt}.tmp"
            saved = self._saved_file(name, fmt)
            if saved is not None:  # a table of a store not read into memory: the file is copied
                if saved.resolve() != target.resolve():
                    shutil.copyfile(saved, tmp)
                    tmp.replace(target)
                continue
            df = self.tables[name]
            if fmt == "parquet":
                import pyarrow.parquet as pq

                from .store import to_arrow

                pq.write_table(to_arrow(name, df), tmp)
            else:
                df = df.copy()
                for col in schema.LIST_COLUMNS.get(name, ()):
                    df[col] = df[col].map(
                        lambda v: json.dumps(list(v) if v is not None else [], ensure_ascii=False)
                    )
                df.to_csv(tmp, index=False)
            tmp.replace(target)
        return out

    def _saved_file(self, name: str, fmt: str) -> Path | None:
        """The file table ``name`` is stored in, when it was not read (nor replaced) since opening."""
        unread = getattr(self.tables, "unread_file", None)  # a store.LazyTables
        f = unread(name) if unread is not None else None
        return f if f is not None and f.suffix == f".{fmt}" else None

    def _save_remote(self, url: str, fmt: str) -> str:
        """:meth:`save` to an fsspec URL (``s3://bucket/tables``): written here, then copied there."""
        import tempfile

        import fsspec

        fs, root = fsspec.core.url_to_fs(url)
        with tempfile.TemporaryDirectory(prefix="ukrsec-save-") as tmp:
            self.save(tmp, format=fmt)
            fs.makedirs(root, exist_ok=True)
            for name in schema.TABLE_NAMES:
                fs.put_file(str(Path(tmp) / f"{name}.{fmt}"), f"{root.rstrip('/')}/{name}.{fmt}")
        return url

    @classmethod
    def _open_remote(cls, url: str) -> Corpus:
        """:meth:`open` of tables at an fsspec URL: every table is copied here and read at once."""
        import tempfile

        import fsspec

        from .store import read_table, table_files

        fs, root = fsspec.core.url_to_fs(url)
        if not fs.isdir(root):
            raise FileNotFoundError(f"no saved tables at {url} (expected a folder written by Corpus.save)")
        with tempfile.TemporaryDirectory(prefix="ukrsec-open-") as tmp:
            for name in schema.TABLE_NAMES:
                for ext in ("parquet", "csv"):
                    if fs.exists(f"{root.rstrip('/')}/{name}.{ext}"):
                        fs.get_file(f"{root.rstrip('/')}/{name}.{ext}", str(Path(tmp) / f"{name}.{ext}"))
                        break
            tables = {name: read_table(name, f) for name, f in table_files(tmp).items()}
        return cls(tables, source=url)

    @classmethod
    def open(cls, path: str | Path) -> Corpus:
        """Open tables saved with :meth:`save` without parsing again (same columns and dtypes).

        Nothing is read until a table is used: each table is read from its file on first access. At an
        fsspec URL (``s3://bucket/tables``; needs the protocol's package), every table is read at once.
        """
        from .load.remote import is_url, local_path
        from .store import LazyTables

        if is_url(path):
            local = local_path(str(path))
            if local is None:
                return cls._open_remote(str(path))
            path = local
        path = Path(path)
        if not path.is_dir():
            raise FileNotFoundError(f"no saved tables at {path} (expected a folder written by Corpus.save)")
        return cls(LazyTables(path), source=str(path))


def load_corpus(
    path: str | Path | Any = None,
    *,
    jobs: int = 1,
    client: Any = None,
    data_dir: str | Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: bool = False,
    cache: bool = False,
    cache_dir: str | Path | None = None,
    text: str | None = None,
    title: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    id: str | None = None,  # noqa: A002 - the field's name
    language: str | None = None,
    out: str | Path | None = None,
) -> Corpus:
    """Parse a folder (recursively), a file, an fsspec URL or a pandas DataFrame into a :class:`Corpus`.

    ``path`` defaults to the bundled seeds. Files: ``.txt .md .html .htm .json .jsonl .csv .tsv .parquet
    .warc .warc.gz`` (``docs/inputs.md``); URLs such as ``s3://bucket/corpus/`` or ``memory://x`` are read
    through fsspec. ``text``, ``title``, ``published``, ``outlet``, ``url``, ``id`` and ``language`` name
    the column (or JSON key) holding each field, e.g. ``load_corpus(df, text="body", published="date")``;
    unnamed fields take the first usual name present (``text``/``body``/``content``, ``title``/``headline``,
    ...). A named column that a table lacks raises :class:`ukrsec.load.ColumnError`.

    ``jobs`` > 1 reads and parses in worker processes; ``client`` (a ``dask.distributed.Client`` or a
    scheduler address) reads and parses on a Dask cluster; both give the same tables as a serial run.
    Files that cannot be read end up in ``corpus.problems``.

    ``cache=True`` keeps the tables in a cache (``cache_dir``, default ``$UKRSEC_CACHE`` or
    ``~/.cache/ukrsec``) keyed by the contents of every input file, the ukrsec version and code, the
    data files, ``max_bytes`` and the column mapping: loading an unchanged corpus again opens the saved
    tables instead of parsing (see :mod:`ukrsec.cache`). It needs a local path (or ``file://``).

    ``out`` (a local folder) streams the tables to ``out/<table>.parquet`` while parsing (as
    :meth:`Corpus.save` would write them), so a large corpus is never held in memory whole; the corpus
    returned reads its tables from there on first use. With ``cache=True`` and no ``out``, the tables
    stream into the cache the same way.
    """
    from .load.remote import is_url, local_path
    from .pipeline import default_corpus_path, run

    columns = {"text": text, "title": title, "published": published, "outlet": outlet, "url": url, "id": id,
               "language": language}
    columns = {k: v for k, v in columns.items() if v}
    is_frame = isinstance(path, pd.DataFrame)
    if is_url(path) and local_path(path) is not None:
        path = local_path(path)  # file://: a local path (same tables, and the cache works)
    src: Any = path if is_frame or is_url(path) else Path(path) if path is not None else default_corpus_path()
    name = "DataFrame" if is_frame else str(src)
    opts = {"jobs": jobs, "client": client, "data_dir": str(data_dir) if data_dir else None,
            "max_bytes": max_bytes, "progress": progress, "columns": columns}
    if cache:
        if not isinstance(src, Path):
            raise ValueError(f"cache=True needs a local folder or file, not {name}")
        return _cached(src, name, opts, cache_dir, out)
    return Corpus(run(src, out=out, **opts), source=name)


def _cached(src: Path, name: str, opts: dict[str, Any], cache_dir: str | Path | None,
            out: str | Path | None) -> Corpus:
    """:func:`load_corpus` with ``cache=True``: the cached tables, else parsed (straight into the cache
    unless ``out`` is given) and cached."""
    from . import cache as cache_mod
    from .pipeline import run
    from .store import LazyTables

    key = cache_mod.key(src, data_dir=opts["data_dir"], max_bytes=opts["max_bytes"], columns=opts["columns"])
    hit = cache_mod.get(key, cache_dir)
    if hit is not None:
        hit.source = name
        return hit
    staged = cache_mod.staging(key, cache_dir) if out is None else None
    if staged is not None:  # parsed straight into the cache
        run(src, out=staged, **opts)
        entry = cache_mod.commit(key, staged, name, cache_dir)
        if entry is not None:
            return Corpus(LazyTables(entry), source=name)
    corpus = Corpus(run(src, out=out, **opts), source=name)
    if staged is None:
        cache_mod.put(key, corpus, cache_dir)
    return corpus


def open_store(path: str | Path) -> Corpus:
    """Open tables saved by ``Corpus.save`` / ``ukrsec parse`` (no re-parsing)."""
    return Corpus.open(path)
