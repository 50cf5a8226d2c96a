"""Keyword-in-context excerpts of report text, escaped, with the matched words in bold.

Used by topic pages (the matched keyword visible) and term pages (the term in
bold). The window is about ``width`` characters centred on the focus match and cut
with "…" where the text goes on. Every piece of report text goes through
``markdown.escape_text``, so ``<script>`` or ``*x*`` in a report shows as written.
"""

from __future__ import annotations

from typing import Sequence

from .markdown import escape_text

WIDTH = 80
ELLIPSIS = "…"


def window(length: int, start: int, end: int, width: int = WIDTH) -> tuple[int, int]:
    """A [lo, hi) window of about ``width`` characters around [start, end)."""
    if length <= width:
        return 0, length
    room = max(0, width - (end - start))
    lo = max(0, start - room // 2)
    hi = min(length, max(end, lo + width))
    lo = max(0, min(lo, hi - width))
    return lo, hi


def excerpt(text: str, spans: Sequence[tuple[int, int]], focus: int = 0, width: int = WIDTH) -> str:
    """Escaped Markdown excerpt of ``text`` around ``spans[focus]``; every span inside the
    window is bold. Spans are (start, end) offsets into ``text``."""
    text = text.replace("\n", " ")
    if not spans:
        lo, hi = 0, min(len(text), width)
        return escape_text(text[lo:hi]) + (ELLIPSIS if hi < len(text) else "")
    start, end = spans[focus][0], spans[focus][1]
    lo, hi = window(len(text), start, end, width)
    parts = [ELLIPSIS] if lo > 0 else []
    pos = lo
    for s, e in sorted((s[0], s[1]) for s in spans):
        if s < pos or e > hi or e <= s:
            continue
        parts.append(escape_text(text[pos:s]))
        parts.append("**" + escape_text(text[s:e]) + "**")
        pos = e
    parts.append(escape_text(text[pos:hi]))
    if hi < len(text):
        parts.append(ELLIPSIS)
    return "".join(p for p in parts if p)
