"""Regular-expression helpers shared by the stages."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any


def word_trie(words: Iterable[str], flexible_space: bool = False) -> str:
    """A regular expression matching any of ``words``, factored as a prefix tree (fast in ``re``).

    With ``flexible_space`` a space in a word matches any run of white space.
    """
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def esc(ch: str) -> str:
        return r"\s+" if flexible_space and ch == " " else re.escape(ch)

    def build(node: dict[str, Any]) -> str:
        branches = [esc(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(root) or "(?!)"
