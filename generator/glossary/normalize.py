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
_DROP_RE = re.compile(r"[“”‘’「」『』\"'＂＇、\s]+")
_HEADWORD_DROP_RE = re.compile(r"[“”‘’「」『』\"'＂＇\s]+")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _fold_char(ch: str) -> str:
    """One original character as it appears in the projection ('' when dropped)."""
    out = unicodedata.normalize("NFKC", ch)
    return "".join(c for c in out if c not in DROPPED and not c.isspace()).translate(_ASCII_LOWER)


# Ranges where every character NFKC-folds on its own (no composition with a neighbour);
# inside them only the characters listed by ``_tables`` expand (① -> 1, ㈠ -> (一)).
_SAFE_RANGES = "\x00-\u02ff\u2000-\u2bff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uff9d\uffa0-\uffef"
_CACHE: list = []
_FOLD: dict[int, str] = {}


def _tables() -> tuple["re.Pattern", "re.Pattern", "re.Pattern"]:
    """Regexes of the characters the projection drops, needs the slow path for, and folds.

    Built once from NFKC itself (about 40,000 look-ups over the safe ranges); the
    folds of single characters go to ``_FOLD``.
    """
    if not _CACHE:
        dropped, expanding, changing = [], [], []
        for lo, hi in re.findall(r"(.)-(.)", _SAFE_RANGES):
            for code in range(ord(lo), ord(hi) + 1):
                ch = chr(code)
                folded = _fold_char(ch)
                if folded == ch:
                    continue
                if not folded:
                    dropped.append(re.escape(ch))
                elif len(folded) > 1:
                    expanding.append(re.escape(ch))
                else:
                    changing.append(re.escape(ch))
                    _FOLD[code] = folded
        _CACHE.append(re.compile("[" + "".join(dropped) + "]+"))
        _CACHE.append(re.compile(f"[^{_SAFE_RANGES}]|[{''.join(expanding)}]"))
        _CACHE.append(re.compile("[" + "".join(changing) + "]+"))
    return _CACHE[0], _CACHE[1], _CACHE[2]


def _fold_match(m: "re.Match") -> str:
    return m.group().translate(_FOLD)


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
        dropped, unsafe, changing = _tables()
        self.original = original
        self._pstarts: list[int] = []  # filled on first use: most texts hold no match
        self._segs: list[tuple[int, bool]] = []
        if unsafe.search(original) is not None:  # rare: NFKC would expand or compose
            self.text = self._slow(original)
            return
        # Fast path, all in C: every kept character folds to exactly one character,
        # so only the dropped runs shift offsets.
        self.text = changing.sub(_fold_match, dropped.sub("", original))

    def _map(self) -> None:
        """Segments of the fast path: one per run of kept characters."""
        pstarts, segs = [0], [(0, True)]
        plen = pos = 0
        for m in _tables()[0].finditer(self.original):
            plen += m.start() - pos
            pos = m.end()
            pstarts.append(plen)
            segs.append((pos, True))
        self._pstarts, self._segs = pstarts, segs

    def _slow(self, original: str) -> str:
        pieces: list[str] = []
        self._pstarts, self._segs = [], []
        plen = 0
        linear_open = False
        for i, ch in enumerate(original):
            folded = _fold_char(ch)
            if not folded:
                linear_open = False
                continue
            if len(folded) == 1:
                if not linear_open:
                    self._pstarts.append(plen)
                    self._segs.append((i, True))
                    linear_open = True
            else:
                self._pstarts.append(plen)
                self._segs.append((i, False))
                linear_open = False
            pieces.append(folded)
            plen += len(folded)
        if not self._pstarts:
            self._pstarts, self._segs = [0], [(0, True)]
        return "".join(pieces)

    def orig(self, p: int) -> int:
        """Original offset of projected character ``p``."""
        if not self._pstarts:
            self._map()
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
        if end - start == pend - pstart:  # nothing dropped inside: no quote to balance
            return start, end
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
