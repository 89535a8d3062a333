"""Inputs behind fsspec URLs (``s3://``, ``gs://``, ``memory://`` ...): listing and reading.

``file://`` URLs are read as local paths (the same code and the same ``source_path`` as a local run).
Other protocols need fsspec and the protocol's package (``s3fs``, ``gcsfs``) installed.
"""

from __future__ import annotations

import re
from typing import IO, Any

from .base import LoadError, too_big

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")


def is_url(path: Any) -> bool:
    """Whether ``path`` is a URL with a protocol (``memory://x``, ``s3://bucket/key``, ``file:///tmp``)."""
    return isinstance(path, str) and bool(_URL.match(path))


def local_path(path: str) -> str | None:
    """The local path of a ``file://`` URL, else None."""
    if path.lower().startswith("file://"):
        from urllib.parse import unquote

        rest = path[len("file://"):]
        return unquote(rest if rest.startswith("/") else "/" + rest.split("/", 1)[-1])
    return None


def list_files(url: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]], bool]:
    """Files under ``url`` as (URL, path relative to the root), sorted; skipped (URL, problem); whether the
    root exists. Hidden files are reported as skipped; hidden folders are passed over."""
    import fsspec

    fs, root = fsspec.core.url_to_fs(url)
    if not fs.exists(root):
        return [], [], False
    if not fs.isdir(root):
        return [(url, root.rsplit("/", 1)[-1])], [], True
    base = root.rstrip("/")
    files: list[tuple[str, str]] = []
    skipped: list[tuple[str, str]] = []
    found = []
    for p in fs.find(root, withdirs=False):
        rel = p[len(base):].lstrip("/") if p.startswith(base) else p
        found.append((rel.split("/"), p, rel))
    # depth-first, each folder's entries by name: the order of a local listing
    found.sort(key=lambda x: [part.encode("utf-8", "surrogateescape") for part in x[0]])
    for parts, p, rel in found:
        if any(part.startswith(".") for part in parts[:-1]):
            continue
        full = fs.unstrip_protocol(p)
        if parts[-1].startswith("."):
            skipped.append((full, "hidden file, skipped"))
        else:
            files.append((full, rel))
    return files, skipped, True


def open_file(url: str) -> IO[bytes]:
    """A binary stream of the file at ``url`` (close it after use)."""
    import fsspec

    return fsspec.open(url, "rb").open()


def read_bytes(url: str, max_bytes: int | None) -> bytes:
    """The bytes at ``url``, refusing files over ``max_bytes`` (None: no limit)."""
    import fsspec

    fs, p = fsspec.core.url_to_fs(url)
    if max_bytes is not None:
        size = fs.size(p)
        if size is not None and size > max_bytes:
            raise LoadError(too_big(size, max_bytes))
    with fs.open(p, "rb") as fh:
        data = fh.read() if max_bytes is None else fh.read(max_bytes + 1)
    if max_bytes is not None and len(data) > max_bytes:
        raise LoadError(too_big(len(data), max_bytes, grew=True))
    return data
