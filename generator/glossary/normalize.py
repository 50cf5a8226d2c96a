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

import functools
import re
import unicodedata
from bisect import bisect_right
from itertools import accumulate
from operator import sub
from typing import NamedTuple

# Quote characters that never make a different term (after NFKC, so full-width
# ＂ and ＇ are covered by " and ').
OPENERS = "“‘「『"  # paired quotes; straight quotes cannot be told apart and are not balanced
CLOSERS = "”’」』"
QUOTES = frozenset("“”‘’「」『』\"'")
DROPPED = QUOTES | {"、"}  # characters that never make a different term (besides whitespace)
_DROP_RE = re.compile(r"[“”‘’「」『』\"'＂＇、\s]+")
_HEADWORD_DROP_RE = re.compile(r"[“”‘’「」『』\"'＂＇\s]+")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@functools.cache
def _fold_char(ch: str) -> str:
    """One original character as it appears in the projection ('' when dropped)."""
    out = unicodedata.normalize("NFKC", ch)
    return "".join(c for c in out if c not in DROPPED and not c.isspace()).translate(_ASCII_LOWER)


# Ranges where every character NFKC-folds on its own (no composition with a neighbour);
# inside them only the characters listed by ``_tables`` expand (① -> 1, ㈠ -> (一)). These are
# Unicode blocks chosen for NFKC, not the Han class (generator.text.HAN): the compatibility
# ideographs fold to other characters and take the slow path.
_SAFE_RANGES = "\x00-\u02ff\u2000-\u2bff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uff9d\uffa0-\uffef"
# The fast path removes and folds these with ``str.replace`` before its regexes: they
# are in nearly every paragraph, and a regex substitution per match costs far more.
_FREQUENT_DROPS = "、“” 　"
_FREQUENT_FOLDS = "，；：（）！？％"
_SPAN = re.Match.span


def _class_of(codes: list[int]) -> str:
    """A regex character class body for ``codes`` (sorted), as ranges."""
    out, i = [], 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        out.append(f"\\u{codes[i]:04x}" + (f"-\\u{codes[j]:04x}" if j > i else ""))
        i = j + 1
    return "".join(out)


class _Tables(NamedTuple):
    dropped: "re.Pattern[str]"  # runs of characters the projection drops
    unsafe: "re.Pattern[str]"  # a character that needs the slow path
    changing: "re.Pattern[str]"  # runs of characters that fold to another one
    odd: "re.Pattern[str]"  # a character not kept as it is (one of the other three)
    fold: dict[int, str]  # code -> its fold, for the characters ``changing`` matches
    drops: list[str]  # the frequent drops, removed by ``str.replace`` first
    folds: list[tuple[str, str]]  # the frequent folds, (character, fold)


@functools.cache
def _tables() -> _Tables:
    """Regexes of the characters the projection drops, needs the slow path for, folds,
    and of any character that is not kept as it is (one of the other three).

    Built once from NFKC itself (about 40,000 look-ups over the safe ranges), with the
    folds of single characters. The last two regexes are single classes without ``+``
    so that ``re`` scans for them at C speed.
    """
    dropped, changing = [], []
    plain: list[int] = []  # safe and folding to at most one character
    same: list[int] = []  # safe and kept as it is
    fold: dict[int, str] = {}
    for lo, hi in re.findall(r"(.)-(.)", _SAFE_RANGES):
        for code in range(ord(lo), ord(hi) + 1):
            ch = chr(code)
            folded = _fold_char(ch)
            if len(folded) > 1:
                continue
            plain.append(code)
            if folded == ch:
                same.append(code)
            elif not folded:
                dropped.append(re.escape(ch))
            else:
                changing.append(re.escape(ch))
                fold[code] = folded
    dropped_re = re.compile("[" + "".join(dropped) + "]+")
    return _Tables(dropped_re, re.compile(f"[^{_class_of(plain)}]"), re.compile("[" + "".join(changing) + "]+"),
                   re.compile(f"[^{_class_of(same)}]"), fold,
                   [ch for ch in _FREQUENT_DROPS if dropped_re.fullmatch(ch)],
                   [(ch, fold[ord(ch)]) for ch in _FREQUENT_FOLDS if ord(ch) in fold])


def _fold_match(m: "re.Match[str]") -> str:
    return m.group().translate(_tables().fold)


def normalize(text: str) -> str:
    """The key two spellings of one term share: NFKC, no quotes, 、 or spaces, ASCII lower case."""
    return _DROP_RE.sub("", unicodedata.normalize("NFKC", text)).translate(_ASCII_LOWER)


def strip_quotes(text: str) -> str:
    """The display form of a term: quotes and spaces removed, width kept as written."""
    return _HEADWORD_DROP_RE.sub("", text)


class Projection:
    """``text`` projected by ``normalize`` character by character, with offsets back.

    The map is kept as segments: segment ``k`` starts at projected ``_pstarts[k]`` and
    original ``_ostarts[k]``. Inside a linear segment projected position p maps to
    ``_ostarts[k] + (p - _pstarts[k])``; a non-linear segment (its index in
    ``_expanded``) is one original character that NFKC expanded to several.
    Plain runs of text (the common case) cost one segment each.
    """

    __slots__ = ("original", "text", "_pstarts", "_ostarts", "_expanded")

    def __init__(self, original: str):
        tables = _tables()
        dropped, unsafe, changing, odd = tables.dropped, tables.unsafe, tables.changing, tables.odd
        self.original = original
        self._pstarts: list[int] = []  # filled on first use: most texts hold no match
        self._ostarts: list[int] = []
        self._expanded: frozenset[int] | set[int] = frozenset()
        # Fast path, all in C: the frequent drops and folds by ``str.replace``; the
        # regexes only when some other character is left.
        text = original
        for ch in tables.drops:
            text = text.replace(ch, "")
        for ch, folded in tables.folds:
            text = text.replace(ch, folded)
        if odd.search(text) is not None:
            if unsafe.search(text) is not None:  # rare: NFKC would expand or compose
                self.text = self._slow(original)
                return
            # Every kept character folds to exactly one character, so only the
            # dropped runs shift offsets.
            text = dropped.sub("", text)
            if changing.search(text) is not None:
                text = changing.sub(_fold_match, text)
        self.text = text

    def _map(self) -> None:
        """Segments of the fast path: one per run of kept characters."""
        spans = list(map(_SPAN, _tables().dropped.finditer(self.original)))
        ends = [end for _start, end in spans]
        kept = map(sub, [start for start, _end in spans], [0] + ends)  # kept run before each drop
        self._pstarts = list(accumulate(kept, initial=0))
        self._ostarts = [0] + ends

    def _slow(self, original: str) -> str:
        pieces: list[str] = []
        pstarts: list[int] = []
        ostarts: list[int] = []
        expanded: set[int] = set()
        plen = 0
        linear_open = False
        for i, ch in enumerate(original):
            folded = _fold_char(ch)
            if not folded:
                linear_open = False
                continue
            if len(folded) == 1:
                if not linear_open:
                    pstarts.append(plen)
                    ostarts.append(i)
                    linear_open = True
            else:
                expanded.add(len(pstarts))
                pstarts.append(plen)
                ostarts.append(i)
                linear_open = False
            pieces.append(folded)
            plen += len(folded)
        if not pstarts:
            pstarts, ostarts = [0], [0]
        self._pstarts, self._ostarts, self._expanded = pstarts, ostarts, expanded
        return "".join(pieces)

    def orig(self, p: int) -> int:
        """Original offset of projected character ``p``."""
        if not self._pstarts:
            self._map()
        k = bisect_right(self._pstarts, p) - 1
        start = self._ostarts[k]
        return start if k in self._expanded else start + (p - self._pstarts[k])

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


STRAIGHT = "\"'＂＇"  # quotes that open and close alike: paired by count


def balance_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` over adjacent quotes that close/open a quote inside it.

    Paired quotes (“ ”) by nesting; a straight quote (" ') has no direction, so an odd
    number of one inside the span (`放管服"改革` in `"放管服"改革`) takes the same quote
    just before the span, else just after it (`过"紧日子"`), else gives the inside one up
    when it is the span's first or last character: a link covers both quotes or neither."""
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
    for quote in STRAIGHT:
        if text.count(quote, start, end) % 2 == 0:
            continue
        if start > 0 and text[start - 1] == quote:
            start -= 1
        elif end < len(text) and text[end] == quote:
            end += 1
        elif text[start] == quote:
            start += 1
        elif text[end - 1] == quote:
            end -= 1
    return start, end
