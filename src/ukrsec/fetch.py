"""``ukrsec fetch``: download a list of URLs politely into a folder that ``ukrsec parse`` reads.

Politeness (``docs/inputs.md``):

* one request at a time per host, and at least ``delay`` seconds between two requests to the same host
  (or the host's ``Crawl-delay`` in robots.txt, when longer); up to ``workers`` hosts at once;
* robots.txt is read once per host and obeyed (a missing robots.txt allows everything; one that cannot
  be fetched because the server fails forbids the host, as RFC 9309 says);
* a user agent that names ukrsec (``--contact`` adds an address);
* timeouts on connecting and reading; retries with exponential backoff on timeouts, connection errors,
  429 and 5xx answers (``Retry-After`` is honoured up to a minute);
* only HTML (``text/html``, ``application/xhtml+xml``), at most ``max_bytes`` a page.

The folder (``out``) is also the cache: each page becomes ``<host>/<slug>-<hash>.json`` (the main text and
metadata that trafilatura extracts: ``id``, ``url``, ``title``, ``outlet``, ``published``, ``text``) and its
HTML is kept in ``.raw/``, so a second run skips every URL already fetched. Every failure (HTTP errors,
timeouts, not HTML, too large, disallowed by robots.txt, no readable text, a bad line in the list) is a
row of ``fetch-problems.csv`` (``source_path`` = the URL, ``problem``), which ``ukrsec parse`` adds to its
``problems`` table.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from . import __version__
from .load import FETCH_PROBLEMS, LoadError
from .load.html import decode_html, html_to_text

USER_AGENT = f"ukrsec/{__version__} (news research corpus fetcher; python-requests)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
RETRY_STATUS = {429, 500, 502, 503, 504}
MAX_RETRY_AFTER = 60.0
RAW_DIR = ".raw"


class FetchError(Exception):
    """A URL that did not give a page; the message says why (it goes to ``fetch-problems.csv``)."""

    def __init__(self, message: str, retry: bool = False, wait: float | None = None) -> None:
        super().__init__(message)
        self.retry = retry
        self.wait = wait


@dataclass
class FetchOptions:
    """How politely and how far ``fetch`` goes."""

    delay: float = 1.0
    timeout: float = 20.0
    retries: int = 2
    backoff: float = 1.0
    max_bytes: int = 10 * 1024 * 1024
    user_agent: str = USER_AGENT
    contact: str | None = None  # an e-mail address or URL added to the user agent
    workers: int = 4  # hosts fetched at once (one connection each)
    progress: bool = False

    @property
    def agent(self) -> str:
        """The user agent sent: ``user_agent`` with ``contact`` added inside its parentheses."""
        if not self.contact:
            return self.user_agent
        if self.user_agent.endswith(")"):
            return f"{self.user_agent[:-1]}; {self.contact})"
        return f"{self.user_agent} ({self.contact})"


@dataclass
class FetchResult:
    """What a run did: pages written, pages already there, and the problems (``source_path``, ``problem``)."""

    fetched: list[str] = field(default_factory=list)
    cached: list[str] = field(default_factory=list)
    problems: list[dict[str, str]] = field(default_factory=list)


def read_url_list(path: str | Path) -> tuple[list[str], list[dict[str, str]]]:
    """The URLs of a list file (one a line; blank lines and ``#`` comments skipped) and problems for lines
    that are not http(s) URLs or repeat an earlier line."""
    urls: list[str] = []
    problems: list[dict[str, str]] = []
    seen: dict[str, int] = {}
    text = Path(path).read_text(encoding="utf-8-sig", errors="replace")
    for n, line in enumerate(text.splitlines(), 1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            problems.append({"source_path": url, "problem": f"{path} line {n}: not an http(s) URL"})
        elif url in seen:
            problems.append({"source_path": url,
                             "problem": f"{path} line {n}: listed before (line {seen[url]}); fetched once"})
        else:
            seen[url] = n
            urls.append(url)
    return urls, problems


def page_name(url: str) -> tuple[str, str]:
    """``(host folder, file stem)`` of a URL's page: a readable slug of its path and a short hash."""
    parts = urlsplit(url)
    host = re.sub(r"[^A-Za-z0-9.-]+", "_", parts.netloc.lower()) or "host"
    slug = re.sub(r"[^A-Za-z0-9]+", "-", parts.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]).strip("-")[:60]
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:10]
    return host, f"{slug or 'index'}-{digest}"


class Fetcher:
    """A polite HTTP client: one ``requests`` session, robots.txt and the last request time per host."""

    def __init__(self, options: FetchOptions, sleep: Callable[[float], None] = time.sleep) -> None:
        import requests

        self.options = options
        self.session = requests.Session()
        self.session.headers.update({"User-Agent": options.agent,
                                     "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"})
        self.sleep = sleep
        self.last: dict[str, float] = {}
        self.robots: dict[str, Any] = {}

    def close(self) -> None:
        """Close the session's connections."""
        self.session.close()

    def _wait_turn(self, host: str) -> None:
        robots = self.robots.get(host)
        delay = self.options.delay
        crawl_delay = robots.crawl_delay(self.options.agent) if robots is not None else None
        if crawl_delay:
            delay = max(delay, float(crawl_delay))
        if host in self.last:
            wait = self.last[host] + delay - time.monotonic()
            if wait > 0:
                self.sleep(wait)
        self.last[host] = time.monotonic()

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's host allows ukrsec to fetch it (read once per host)."""
        from urllib.robotparser import RobotFileParser

        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self.robots:
            rp = RobotFileParser()
            try:
                resp = self._get(f"{host}/robots.txt", stream=False)
                if resp.status_code >= 500:
                    rp.disallow_all = True
                elif resp.status_code >= 400:
                    rp.allow_all = True
                else:
                    rp.parse(resp.text.splitlines())
            except FetchError:
                rp.disallow_all = True  # unreachable: assume the host forbids crawling
            self.robots[host] = rp
        return self.robots[host].can_fetch(self.options.agent, url)

    def _get(self, url: str, stream: bool = True) -> Any:
        import requests

        parts = urlsplit(url)
        self._wait_turn(f"{parts.scheme}://{parts.netloc}")
        try:
            return self.session.get(url, timeout=self.options.timeout, stream=stream, allow_redirects=True)
        except requests.Timeout as e:
            raise FetchError(f"timed out (no answer within {self.options.timeout:g} s)", retry=True) from e
        except requests.ConnectionError as e:
            raise FetchError(f"connection failed ({_short(e)})", retry=True) from e
        except requests.RequestException as e:
            raise FetchError(f"request failed ({_short(e)})") from e

    def page(self, url: str) -> tuple[bytes, str, str]:
        """``(body, content type, final URL)`` of an HTML page, with retries; raises FetchError."""
        attempts = self.options.retries + 1
        for attempt in range(1, attempts + 1):
            try:
                return self._page_once(url)
            except FetchError as e:
                if not e.retry or attempt == attempts:
                    suffix = f" after {attempt} attempts" if attempt > 1 else ""
                    raise FetchError(f"{e}{suffix}") from e
                wait = self.options.backoff * 2 ** (attempt - 1)
                self.sleep(min(MAX_RETRY_AFTER, max(wait, e.wait or 0.0)))
        raise AssertionError("unreachable")  # pragma: no cover

    def _page_once(self, url: str) -> tuple[bytes, str, str]:
        import requests

        resp = self._get(url)
        try:
            if resp.status_code != 200:
                raise FetchError(f"HTTP {resp.status_code} {resp.reason or ''}".strip(),
                                 retry=resp.status_code in RETRY_STATUS,
                                 wait=_retry_after(resp.headers.get("Retry-After")))
            ctype = resp.headers.get("Content-Type", "")
            if ctype.split(";")[0].strip().lower() not in HTML_TYPES:
                raise FetchError(f"not HTML (content type {ctype or 'missing'})")
            limit = self.options.max_bytes
            size = resp.headers.get("Content-Length")
            if size and size.isdigit() and int(size) > limit:
                raise FetchError(f"too large ({int(size):,} bytes; the limit is {limit:,}, see --max-bytes)")
            body = bytearray()
            try:
                for chunk in resp.iter_content(64 * 1024):
                    body += chunk
                    if len(body) > limit:
                        raise FetchError(f"too large (more than {limit:,} bytes, see --max-bytes)")
            except requests.RequestException as e:
                raise FetchError(f"download broke off ({_short(e)})", retry=True) from e
            return bytes(body), ctype, resp.url
        finally:
            resp.close()


def _retry_after(value: str | None) -> float | None:
    if value and value.strip().isdigit():
        return float(value.strip())
    return None


def _short(e: Exception) -> str:
    text = str(e)
    return text if len(text) < 160 else text[:157] + "..."


def extract(body: bytes, ctype: str, url: str, final_url: str, stem: str) -> dict[str, Any]:
    """The record ``ukrsec parse`` reads for a fetched page: main text and metadata (trafilatura)."""
    try:
        html = decode_html(body, ctype)
    except LoadError as e:
        raise FetchError(str(e)) from e
    text, meta = html_to_text(html)
    if not text.strip():
        raise FetchError("no readable text in the page")
    rec: dict[str, Any] = {"id": stem, "url": url, **{k: v for k, v in meta.items() if k != "url"}}
    if final_url and final_url != url:
        rec["final_url"] = final_url
    rec["fetched_at"] = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    rec["text"] = text
    return rec


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def fetch_one(fetcher: Fetcher, url: str, out: Path) -> bool:
    """Fetch ``url`` into ``out`` unless it is there already; True when it was fetched now.

    A page whose HTML is in the cache (``.raw/``) but whose record is missing is extracted again
    without a request. Raises FetchError.
    """
    host, stem = page_name(url)
    target = out / host / f"{stem}.json"
    if target.exists():
        return False
    raw = out / RAW_DIR / host / f"{stem}.html"
    meta_file = raw.with_suffix(".meta.json")
    if raw.exists() and meta_file.exists():
        info = json.loads(meta_file.read_text(encoding="utf-8"))
        body = raw.read_bytes()
    else:
        if not fetcher.allowed(url):
            raise FetchError("disallowed by robots.txt")
        body, ctype, final = fetcher.page(url)
        info = {"content_type": ctype, "final_url": final}
        _write_atomic(raw, body)
        _write_atomic(meta_file, json.dumps(info).encode("utf-8"))
    rec = extract(body, info["content_type"], url, info["final_url"], stem)
    _write_atomic(target, json.dumps(rec, ensure_ascii=False, indent=1).encode("utf-8"))
    return True


def write_problems(out: Path, problems: Iterable[dict[str, str]]) -> Path:
    """Write ``fetch-problems.csv`` (replacing the last run's)."""
    target = out / FETCH_PROBLEMS
    rows = list(problems)
    out.mkdir(parents=True, exist_ok=True)
    tmp = out / f".{FETCH_PROBLEMS}.tmp"
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["source_path", "problem"])
        w.writeheader()
        w.writerows(rows)
    tmp.replace(target)
    return target


def fetch(urls: str | Path | Sequence[str], out: str | Path, options: FetchOptions | None = None,
          sleep: Callable[[float], None] = time.sleep) -> FetchResult:
    """Download every URL (a list file or a sequence) into ``out``; see the module docstring.

    Up to ``options.workers`` hosts are fetched at once, each by one thread with its own connection,
    robots.txt and pause, so a host never sees two requests at a time. Re-running skips what is there;
    the failures of this run replace ``out/fetch-problems.csv``. The result lists keep the list's order.
    """
    from concurrent.futures import ThreadPoolExecutor

    options = options or FetchOptions()
    out = Path(out)
    if isinstance(urls, str | Path):
        todo, problems = read_url_list(urls)
    else:
        todo, problems = list(dict.fromkeys(urls)), []
    outcome: dict[str, tuple[str, str]] = {}
    stop = threading.Event()
    bar = _bar(len(todo), options.progress)

    def run_host(host_urls: list[str]) -> None:
        fetcher = Fetcher(options, sleep)
        try:
            for url in host_urls:
                if stop.is_set():
                    return
                try:
                    outcome[url] = ("fetched" if fetch_one(fetcher, url, out) else "cached", "")
                except FetchError as e:
                    outcome[url] = ("problem", str(e))
                if bar is not None:
                    bar.update()
        finally:
            fetcher.close()

    by_host = _by_host(todo)
    try:
        with ThreadPoolExecutor(max_workers=max(1, min(options.workers, len(by_host) or 1))) as ex:
            futures = [ex.submit(run_host, host_urls) for host_urls in by_host]
            try:
                for f in futures:
                    f.result()
            except BaseException:
                stop.set()  # Ctrl-C: the threads end after their current request
                raise
    finally:
        if bar is not None:
            bar.close()
        result = _result(todo, outcome, problems)
        write_problems(out, result.problems)
    return result


def _by_host(urls: Sequence[str]) -> list[list[str]]:
    """``urls`` grouped by host (scheme and host name), hosts in order of first appearance."""
    groups: dict[str, list[str]] = {}
    for u in urls:
        parts = urlsplit(u)
        groups.setdefault(f"{parts.scheme}://{parts.netloc.lower()}", []).append(u)
    return list(groups.values())


def _result(todo: Sequence[str], outcome: dict[str, tuple[str, str]], problems: list[dict[str, str]]
            ) -> FetchResult:
    result = FetchResult(problems=list(problems))
    for url in todo:
        kind, message = outcome.get(url, ("problem", "not fetched (the run was interrupted)"))
        if kind == "problem":
            result.problems.append({"source_path": url, "problem": message})
        else:
            (result.fetched if kind == "fetched" else result.cached).append(url)
    return result


def _bar(total: int, enabled: bool) -> Any:
    if not enabled or total < 2:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, desc="fetching", unit="page")
