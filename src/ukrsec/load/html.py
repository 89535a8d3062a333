"""HTML pages: main text and metadata through trafilatura (files, WARC records and fetched pages)."""

from __future__ import annotations

import html as htmlmod
import re
from typing import Any

from .base import LoadError, decode_bytes, safe_str

#: HTML elements whose content never reaches the text (code, styling, navigation, forms, embeds)
HTML_DROP = ("script", "style", "noscript", "template", "nav", "iframe", "svg", "math", "form", "button",
             "select", "textarea", "object", "embed", "canvas", "menu", "dialog")


def strip_html(html: str) -> str:
    """``html`` without the elements of :data:`HTML_DROP` and comments (lxml; a regex when lxml fails)."""
    try:
        import lxml.html

        doc = lxml.html.document_fromstring(html)
        for el in list(doc.iter(*HTML_DROP)):
            if el.getparent() is not None:
                el.drop_tree()
        for el in list(doc.xpath("//*[@role='navigation' or @role='menu' or @role='menubar' "
                                 "or @aria-hidden='true']")):
            if el.getparent() is not None:
                el.drop_tree()
        for el in list(doc.xpath("//comment() | //processing-instruction()")):
            if el.getparent() is not None:
                el.drop_tree()
        return lxml.html.tostring(doc, encoding="unicode")
    except Exception:  # noqa: BLE001 - lxml rejects some junk; the regex below never fails
        names = "|".join(HTML_DROP)
        out = re.sub(r"(?s)<!--.*?(?:-->|$)", " ", html)
        # an element that is never closed swallows the rest of the page, as in a browser
        return re.sub(rf"(?is)<({names})\b.*?(?:</\1\s*>|$)", " ", out)


def _visible_text(html: str) -> str:
    """Text of markup that is already stripped of :data:`HTML_DROP`: tags removed, entities decoded."""
    out = re.sub(r"(?is)<(head|title)\b.*?(?:</\1\s*>|$)", " ", html)
    out = re.sub(r"(?s)<[^>]*>", "\n", out)
    return "\n".join(line.strip() for line in htmlmod.unescape(out).splitlines() if line.strip())


def html_to_text(html: str) -> tuple[str, dict[str, Any]]:
    """Main text and metadata (``title``, ``outlet``, ``published``, ``url``) of an HTML page (trafilatura).

    Scripts, styles, navigation and forms are removed before extraction and never reach the text; when
    trafilatura finds no main text, the visible text of the page is used.
    """
    import trafilatura

    cleaned = strip_html(html)
    try:
        text = trafilatura.extract(cleaned, include_comments=False, include_tables=True, favor_recall=True,
                                   with_metadata=False, deduplicate=False)
    except Exception:  # noqa: BLE001 - fall back to the visible text below
        text = None
    meta: dict[str, Any] = {}
    try:
        md = trafilatura.extract_metadata(html)
    except Exception:  # noqa: BLE001 - metadata is a bonus; the text is what matters
        md = None
    if md is not None:
        for key, value in (("title", md.title), ("outlet", md.sitename), ("published", md.date),
                           ("url", md.url)):
            if isinstance(value, str) and value.strip():
                meta[key] = safe_str(value)
    if not text or not text.strip():
        text = _visible_text(cleaned)
    return safe_str(text), meta


def decode_html(data: bytes, content_type: str) -> str:
    """An HTML payload as text: the charset of the ``Content-Type`` header, else :func:`decode_bytes`."""
    if not data:
        raise LoadError("empty page")
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            try:
                return safe_str(data.decode(value.strip().strip("'\"")))
            except (LookupError, UnicodeDecodeError):
                break
    return decode_bytes(data)
