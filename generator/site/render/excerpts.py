"""Keyword-in-context excerpts of report text, escaped, with the matched words in bold.

Used by topic pages (the matched keyword visible) and term pages (the term in
bold). The window is about ``width`` characters centred on the focus match and cut
with "…" where the text goes on. Every piece of report text goes through
``markdown.escape_text``, so ``<script>`` or ``*x*`` in a report shows as written.
"""

from __future__ import annotations

from typing import Sequence

from .markdown import escape_text, link

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
    window is bold. Spans are (start, end) offsets into ``text``; line breaks show as spaces."""
    length = len(text)
    if not spans:
        hi = min(length, width)
        return escape_text(text[:hi].replace("\n", " ")) + (ELLIPSIS if hi < length else "")
    start, end = spans[focus][0], spans[focus][1]
    lo, hi = window(length, start, end, width)
    # Only the window is shown: cut it first (offsets below are relative to ``lo``).
    shown = text[lo:hi].replace("\n", " ")
    parts = [ELLIPSIS] if lo > 0 else []
    pos = lo
    # Only spans inside the window can show (one starting before ``lo`` or ending after ``hi``
    # never does): those are left out before sorting.
    for s, e in sorted([(s[0], s[1]) for s in spans if s[0] >= lo and s[1] <= hi]):
        if s < pos or e <= s:
            continue
        if s > pos:
            parts.append(escape_text(shown[pos - lo:s - lo]))
        parts.append("**" + escape_text(shown[s - lo:e - lo]) + "**")
        pos = e
    if hi > pos:
        parts.append(escape_text(shown[pos - lo:]))
    if hi < length:
        parts.append(ELLIPSIS)
    return "".join(parts)


def where_link(where: str, target: str) -> str:
    """`` （[section](target)）`` after an excerpt: where it comes from, in brackets — unless
    the section title opens with a bracket of its own (（一）全力以赴…), which would read
    （（一）…）: then a dash stands before it instead."""
    if where[:1] in "（(":
        return f" ——{link(where, target)}"
    return f" （{link(where, target)}）"
