"""``ukrsec fetch`` against a local HTTP server on 127.0.0.1 (no test reaches the internet): pages,
failures, robots.txt, retries, the per-host pause, the on-disk cache, and ``parse`` of the result."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import ukrsec
from ukrsec.cli import main
from ukrsec.fetch import FetchOptions, fetch, page_name, read_url_list

DE_PAGE = ("<html><head><title>Merz sagt Hilfe zu</title><meta property='og:site_name' content='Testzeitung'>"
           "<meta name='date' content='2026-02-03'></head><body><nav><a href='/'>Startseite</a></nav>"
           "<article><h1>Merz sagt Hilfe zu</h1><p>Bundeskanzler Friedrich Merz hat am Dienstag in Berlin "
           "weitere Hilfe für die Ukraine zugesagt. Deutschland werde 2,5 Milliarden Euro bereitstellen, "
           "sagte er vor Journalisten.</p><p>Die Regierung in Kiew begrüßte die Zusage am Abend.</p>"
           "</article></body></html>")
EN_PAGE = ("<html><head><title>Leaders meet in London</title></head><body><article><h1>Leaders meet in "
           "London</h1><p>Prime Minister Keir Starmer said on Monday that Britain was ready to send troops "
           "to Ukraine after a ceasefire. France would join the force, he told reporters.</p></article>"
           "</body></html>")


class Handler(BaseHTTPRequestHandler):
    """Pages and failure cases; every request is logged in ``server.log``."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # keep the test output quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        srv = self.server
        host = self.headers.get("Host", "").split(":")[0]
        srv.log.append((host, self.path, self.headers.get("User-Agent", ""), time.monotonic()))
        path = self.path
        if path == "/robots.txt":
            if srv.robots_status != 200:
                return self._send(srv.robots_status, b"down", "text/plain")
            return self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if path in ("/de.html", "/p1.html", "/p2.html", "/p3.html"):
            return self._send(200, DE_PAGE.encode("utf-8"))
        if path == "/en.html":
            return self._send(200, EN_PAGE.encode("cp1252"), "text/html; charset=windows-1252")
        if path == "/doc.pdf":
            return self._send(200, b"%PDF-1.4 not html", "application/pdf")
        if path == "/big.html":
            return self._send(200, b"<p>" + b"x" * 60_000 + b"</p>")
        if path == "/stream.html":  # no Content-Length: the size limit must stop the download
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(20):
                self.wfile.write(b"<p>" + b"y" * 10_000 + b"</p>")
            self.close_connection = True
            return None
        if path == "/slow.html":
            time.sleep(1.2)
            return self._send(200, DE_PAGE.encode("utf-8"))
        if path == "/empty.html":
            return self._send(200, b"<html><head><script>var a = 1;</script></head><body></body></html>")
        if path == "/flaky.html":
            srv.flaky += 1
            if srv.flaky <= 2:
                return self._send(503, b"busy", "text/plain", {"Retry-After": "0"})
            return self._send(200, EN_PAGE.encode("utf-8"))
        return self._send(404, b"<html>not found</html>")


@pytest.fixture(scope="module")
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    srv.log, srv.flaky, srv.robots_status = [], 0, 200
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def base(server):
    server.log.clear()
    server.flaky, server.robots_status = 0, 200
    return f"http://127.0.0.1:{server.server_address[1]}"


FAST = FetchOptions(delay=0, timeout=0.4, retries=1, backoff=0.01, max_bytes=50_000)


def _hits(server, path: str) -> int:
    return sum(1 for _, p, _, _ in server.log if p == path)


def test_fetch_pages_and_every_failure(server, base, tmp_path):
    urls = tmp_path / "urls.txt"
    lines = ["# a comment", f"{base}/de.html", f"{base}/en.html", "", f"{base}/missing.html",
             f"{base}/doc.pdf", f"{base}/big.html", f"{base}/stream.html", f"{base}/private/secret.html",
             f"{base}/slow.html", f"{base}/empty.html", "ftp://example.org/x", f"{base}/de.html"]
    urls.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "pages"
    res = fetch(urls, out, FAST)
    assert sorted(res.fetched) == [f"{base}/de.html", f"{base}/en.html"]
    probs = {p["source_path"]: p["problem"] for p in res.problems}
    assert probs[f"{base}/missing.html"] == "HTTP 404 Not Found"
    assert probs[f"{base}/doc.pdf"] == "not HTML (content type application/pdf)"
    assert probs[f"{base}/big.html"].startswith("too large (60,007 bytes; the limit is 50,000")
    assert probs[f"{base}/stream.html"] == "too large (more than 50,000 bytes, see --max-bytes)"
    assert probs[f"{base}/private/secret.html"] == "disallowed by robots.txt"
    assert probs[f"{base}/slow.html"] == "timed out (no answer within 0.4 s) after 2 attempts"
    assert probs[f"{base}/empty.html"] == "no readable text in the page"
    assert probs["ftp://example.org/x"].endswith("line 12: not an http(s) URL")
    assert "listed before (line 2); fetched once" in probs[f"{base}/de.html"]
    assert _hits(server, "/private/secret.html") == 0 and _hits(server, "/robots.txt") == 1
    assert all(ua.startswith("ukrsec/") for _, _, ua, _ in server.log)
    host, stem = page_name(f"{base}/de.html")
    rec = json.loads((out / host / f"{stem}.json").read_text(encoding="utf-8"))
    assert rec["url"] == f"{base}/de.html" and rec["title"] == "Merz sagt Hilfe zu"
    assert rec["outlet"] == "Testzeitung" and rec["published"] == "2026-02-03"
    assert "Milliarden Euro" in rec["text"] and "Startseite" not in rec["text"]
    # parse reads the pages with their metadata, and the failures as problems
    c = ukrsec.load_corpus(out)
    arts = c.articles.set_index("url")
    assert set(arts.index) == {f"{base}/de.html", f"{base}/en.html"}
    assert arts.loc[f"{base}/de.html", "outlet"] == "Testzeitung"
    assert arts.loc[f"{base}/en.html", "title"] == "Leaders meet in London"
    assert "Keir Starmer" in arts.loc[f"{base}/en.html", "text"]
    fetched_problems = dict(zip(c.problems["source_path"], c.problems["problem"], strict=True))
    assert fetched_problems[f"{base}/missing.html"] == "fetch: HTTP 404 Not Found"
    assert len(c.problems) == len(res.problems)  # .raw/ and the problems file are not articles


def test_rerun_skips_what_is_there(server, base, tmp_path):
    urls = [f"{base}/de.html", f"{base}/en.html", f"{base}/missing.html"]
    out = tmp_path / "pages"
    first = fetch(urls, out, FAST)
    assert len(first.fetched) == 2
    n_requests = len(server.log)
    again = fetch(urls, out, FAST)
    assert again.fetched == [] and sorted(again.cached) == sorted(urls[:2])
    assert [p["source_path"] for p in again.problems] == [f"{base}/missing.html"]  # failures are tried again
    assert [p for _, p, _, _ in server.log[n_requests:]] == ["/robots.txt", "/missing.html"]
    # a record lost after download is extracted again from the cached HTML, without a request
    host, stem = page_name(urls[0])
    (out / host / f"{stem}.json").unlink()
    n_requests = len(server.log)
    third = fetch(urls[:1], out, FAST)
    assert third.fetched == urls[:1] and len(server.log) == n_requests


def test_retries_with_backoff_then_success(server, base, tmp_path):
    waits: list[float] = []
    opts = FetchOptions(delay=0, timeout=2, retries=2, backoff=0.01)
    res = fetch([f"{base}/flaky.html"], tmp_path / "p", opts,
                sleep=lambda s: (waits.append(s), time.sleep(s)))
    assert res.fetched == [f"{base}/flaky.html"] and res.problems == []
    assert _hits(server, "/flaky.html") == 3
    assert waits == [0.01, 0.02]  # doubled each time (Retry-After: 0 asks for no more)
    server.flaky = 0
    res = fetch([f"{base}/flaky.html"], tmp_path / "q", FetchOptions(delay=0, retries=1, backoff=0.01))
    assert res.problems == [{"source_path": f"{base}/flaky.html",
                             "problem": "HTTP 503 Service Unavailable after 2 attempts"}]


def test_pause_between_requests_to_one_host(server, base, tmp_path):
    other = base.replace("127.0.0.1", "localhost")
    urls = [f"{base}/p1.html", f"{base}/p2.html", f"{base}/p3.html", f"{other}/p1.html", f"{other}/p2.html"]
    res = fetch(urls, tmp_path / "p", FetchOptions(delay=0.25, timeout=5, retries=0, workers=2))
    assert res.fetched == urls, res.problems  # in the list's order, whichever thread fetched them
    times = {}
    for host in ("127.0.0.1", "localhost"):
        times[host] = [t for h, _, _, t in server.log if h == host]
        assert len(times[host]) == (4 if host == "127.0.0.1" else 3)  # robots.txt and the pages
        gaps = [b - a for a, b in zip(times[host], times[host][1:], strict=False)]
        # paced: without the delay the gaps are milliseconds; the server logs arrivals, which a busy
        # machine can shift by a few hundredths either way
        assert min(gaps) >= 0.18, (host, gaps)
    assert min(times["localhost"]) < max(times["127.0.0.1"])  # the two hosts were fetched at once
    server.log.clear()
    fetch(urls, tmp_path / "q", FetchOptions(delay=0, timeout=5, retries=0, workers=1))
    hosts = [h for h, _, _, _ in server.log]
    assert hosts == ["127.0.0.1"] * 4 + ["localhost"] * 3  # one host after the other


def test_robots_txt_that_fails_forbids_the_host(server, base, tmp_path):
    server.robots_status = 503
    res = fetch([f"{base}/de.html"], tmp_path / "p", FAST)
    assert res.problems == [{"source_path": f"{base}/de.html", "problem": "disallowed by robots.txt"}]
    assert _hits(server, "/de.html") == 0
    server.robots_status = 404  # no robots.txt: everything is allowed
    res = fetch([f"{base}/de.html"], tmp_path / "q", FAST)
    assert res.fetched == [f"{base}/de.html"]


def test_cli_fetch_then_parse(server, base, tmp_path, capsys):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{base}/de.html\n{base}/missing.html\n", encoding="utf-8")
    out = tmp_path / "pages"
    args = ["fetch", str(urls), "--out", str(out), "--delay", "0", "--timeout", "2", "--contact",
            "research@example.org", "-q"]
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "1 fetched, 0 already there, 1 problems" in err and "missing.html: HTTP 404" in err
    assert any(ua.endswith("; research@example.org)") for _, _, ua, _ in server.log)
    assert main(args + ["--strict"]) == 1
    assert "0 fetched, 1 already there" in capsys.readouterr().err
    assert main(["parse", str(out), "--out", str(tmp_path / "t"), "-q"]) == 0
    back = ukrsec.open_store(tmp_path / "t")
    assert list(back.articles["url"]) == [f"{base}/de.html"]
    assert list(back.problems["problem"]) == ["fetch: HTTP 404 Not Found"]


def test_url_list_and_page_names(tmp_path):
    f = tmp_path / "u.txt"
    f.write_text("\ufeffhttps://a.example/x/Artikel-1.html\n  \n# c\nnot a url\nhttps://a.example/x/Artikel-1.html\n",
                 encoding="utf-8")
    urls, problems = read_url_list(f)
    assert urls == ["https://a.example/x/Artikel-1.html"]
    assert [p["problem"].split(": ", 1)[1] for p in problems] == [
        "not an http(s) URL", "listed before (line 1); fetched once"]
    host, stem = page_name(urls[0])
    assert host == "a.example" and stem.startswith("Artikel-1-") and len(stem) == len("Artikel-1-") + 10
    assert page_name("https://a.example/")[1].startswith("index-")
    assert page_name("https://a.example/a?x=1") != page_name("https://a.example/a?x=2")
