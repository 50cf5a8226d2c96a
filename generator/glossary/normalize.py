"""Normalized keys and the quote-free projection of report text.

Two spellings are the same term when they differ only by quotes (“” "" ‘’ 「」 『』),
whitespace, the enumeration comma 、 (三多、三少、三慢 = 三多三少三慢), full/half width
(NFKC) or ASCII case. ``normalize`` gives that key.

``Projection`` is the same transformation applied to a whole text while keeping a
map back to the original offsets, so that one Aho-Corasick pass over the projected
text finds `“三北”工程` as 三北工程 and the occurrence still covers the original
characters, quotes included.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

# Quote characters that never make a different term (after NFKC, so full-width
# ＂ and ＇ are covered by " and ').
OPENERS = "“‘「『"  # paired quotes; straight quotes cannot be told apart and are not balanced
CLOSERS = "”’」』"
QUOTES = frozenset("“”‘’「」『』\"'")
DROPPED = QUOTES | {"、"}  # characters that never make a different term (besides whitespace)
_DROP_RE = re.compile(r"[“”‘’「」『』\"'、\s]+")
_HEADWORD_DROP_RE = re.compile(r"[“”‘’「」『』\"'＂＇\s]+")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _fold_char(ch: str) -> str:
    """One original character as it appears in the projection ('' when dropped)."""
    out = unicodedata.normalize("NFKC", ch)
    return "".join(c for c in out if c not in DROPPED and not c.isspace()).translate(_ASCII_LOWER)


def normalize(text: str) -> str:
    """The key two spellings of one term share: NFKC, no quotes, 、 or spaces, ASCII lower case."""
    return _DROP_RE.sub("", unicodedata.normalize("NFKC", text)).translate(_ASCII_LOWER)


def strip_quotes(text: str) -> str:
    """The display form of a term: quotes and spaces removed, width kept as written."""
    return _HEADWORD_DROP_RE.sub("", text)


class Projection:
    """``text`` projected by ``normalize`` character by character, with offsets back.

    The map is kept as segments ``(proj_start, orig_start, linear)``: inside a linear
    segment projected position p maps to ``orig_start + (p - proj_start)``; a
    non-linear segment is one original character that NFKC expanded to several.
    Plain runs of text (the common case) cost one segment each.
    """

    __slots__ = ("original", "text", "_pstarts", "_segs")

    def __init__(self, original: str):
        self.original = original
        pieces: list[str] = []
        pstarts: list[int] = []
        segs: list[tuple[int, bool]] = []
        plen = 0
        pos = 0
        for m in _DROP_RE.finditer(original):
            plen = self._add_run(original, pos, m.start(), pieces, pstarts, segs, plen)
            pos = m.end()
        self._add_run(original, pos, len(original), pieces, pstarts, segs, plen)
        self.text = "".join(pieces)
        self._pstarts = pstarts
        self._segs = segs

    @staticmethod
    def _add_run(src: str, start: int, end: int, pieces, pstarts, segs, plen: int) -> int:
        if start >= end:
            return plen
        run = src[start:end]
        if unicodedata.is_normalized("NFKC", run):
            pieces.append(run.translate(_ASCII_LOWER))
            pstarts.append(plen)
            segs.append((start, True))
            return plen + len(run)
        # Rare: full-width or compatibility characters; map them one by one.
        linear_open = False
        for i, ch in enumerate(run, start):
            folded = _fold_char(ch)
            if not folded:
                linear_open = False
                continue
            if len(folded) == 1:
                if not linear_open:
                    pstarts.append(plen)
                    segs.append((i, True))
                    linear_open = True
            else:
                pstarts.append(plen)
                segs.append((i, False))
                linear_open = False
            pieces.append(folded)
            plen += len(folded)
        return plen

    def orig(self, p: int) -> int:
        """Original offset of projected character ``p``."""
        k = bisect_right(self._pstarts, p) - 1
        start, linear = self._segs[k]
        return start + (p - self._pstarts[k]) if linear else start

    def span(self, pstart: int, pend: int) -> tuple[int, int]:
        """Original ``[start, end)`` of projected ``[pstart, pend)``, balanced for quotes.

        `“三北”工程`: the projected match 三北工程 maps to `三北”工程`; the unmatched
        closing quote pulls in its opening quote so the span is `“三北”工程`.
        """
        start = self.orig(pstart)
        end = self.orig(pend - 1) + 1
        return balance_quotes(self.original, start, end)


def balance_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` over adjacent quotes that close/open a quote inside it."""
    depth_close = 0  # closing quotes with no opening quote inside the span
    depth_open = 0
    for ch in text[start:end]:
        if ch in OPENERS:
            depth_open += 1
        elif ch in CLOSERS:
            if depth_open:
                depth_open -= 1
            else:
                depth_close += 1
    while depth_close and start > 0 and text[start - 1] in OPENERS:
        start -= 1
        depth_close -= 1
    while depth_open and end < len(text) and text[end] in CLOSERS:
        end += 1
        depth_open -= 1
    return start, end
