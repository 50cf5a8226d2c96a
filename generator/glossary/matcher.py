"""Find every glossary surface form in a text in one pass.

An Aho-Corasick automaton (ahocorasick-rs): one scan of the text finds all
surface forms at once, so the cost grows with the text and not with the glossary
(a regex per term would be O(text × terms)). The automaton holds normalized
surfaces and runs over the normalized ``Projection`` of the text, so quotes, spaces
and full-width forms inside a match don't stop it; offsets are mapped back.

Quoted short forms: a term written with a quoted head and a plain remainder
(`“四高”筛查`, `“三北”工程`) is also named by its quoted head alone when the remainder
follows later in the same clause (`“四高”等疾病免费筛查`, `“三北”等重点生态工程`): the
quoted head is linked. A head that is itself a term, or the head of two terms, names none.

Overlaps resolve leftmost-longest: of the matches starting first, the longest wins,
and scanning resumes after it. ahocorasick-rs (the Rust ``aho-corasick`` crate) has that
rule built in (``MatchKind.LeftmostLongest``) and returns character offsets of a
``str``, so no match is sorted or filtered in Python; its automaton works on UTF-8 bytes
with byte classes, so the scan costs the same whatever the glossary's first characters
(pyahocorasick, used before, scans a node's children linearly and needed the text
re-encoded two bytes a letter to stay flat: 3.2 s against 1.4 s over cn/'s 24 million
characters of paragraphs with 6,500 surfaces, the same 147,714 matches).

``find`` remembers its result per text (the glossary's occurrence pass and the
curators' candidates search the same paragraphs); the memo lives and dies with the
matcher, so it never outlives the glossary it was built from.
"""

from __future__ import annotations

import re

import ahocorasick_rs

from .normalize import Projection, normalize

_MEMO_LIMIT = 500_000  # texts remembered by ``Matcher.find`` before the memo starts over
_QUOTED_HEAD = re.compile(r'^[“"＂]([^“”"＂]+)[”"＂](.+)$')  # `“四高”筛查`: head 四高, remainder 筛查
_CLAUSE_END = re.compile(r"[。；，！？;,!?\n]")
_REMAINDER_REACH = 30  # characters after the quoted head searched for the remainder


def short_forms(surfaces: dict[str, str], known: dict[str, str]) -> dict[str, tuple[str, str]]:
    """normalized quoted head -> (term key, normalized remainder), from every surface
    written `“head”remainder`; heads that are a term (``known``) or shared are left out."""
    found: dict[str, set[tuple[str, str]]] = {}
    for surface, key in surfaces.items():
        m = _QUOTED_HEAD.match(surface.strip())
        if m:
            head, rest = normalize(m.group(1)), normalize(m.group(2))
            if head and rest and head not in known:
                found.setdefault(head, set()).add((key, rest))
    return {head: next(iter(v)) for head, v in sorted(found.items())
            if len({key for key, _ in v}) == 1 and len(v) == 1}


# A surface of one character (``P：指PetaFLOPs…``, ``附``, both real 名词解释 entries) is never
# matched in running text: it would be found inside GDP, PM2.5, 附件, 附近 (2,011 and 1,014 false
# uses on cn/). The term keeps its page and its 名词解释 entry (``lookup`` still knows it).
MIN_MATCHED = 2


class Matcher:
    """``surfaces`` maps a surface form (any spelling) to the key of its term."""

    def __init__(self, surfaces: dict[str, str]):
        chosen: dict[str, str] = {}
        for surface in sorted(surfaces):
            norm = normalize(surface)
            if not norm:
                continue
            key = surfaces[surface]
            old = chosen.get(norm)
            # Two terms claiming one spelling (a lint error): the term whose own key
            # it is wins, else the smaller key, so the result never depends on order.
            if old is None or (key == norm and old != norm) or (old != norm and key < old):
                chosen[norm] = key
        self.surfaces = chosen  # normalized surface -> key
        self.short_forms = short_forms(surfaces, chosen)  # quoted head -> (key, remainder)
        self._short_re = re.compile('[“"＂](' + "|".join(map(re.escape, sorted(self.short_forms, key=len, reverse=True)))
                                    + ')[”"＂]') if self.short_forms else None
        self._found: dict[str, tuple[tuple[int, int, str], ...]] = {}
        self._automaton = None
        matched = sorted(norm for norm in chosen if len(norm) >= MIN_MATCHED)
        self._keys = [chosen[norm] for norm in matched]  # pattern index -> term key
        if matched:
            self._automaton = ahocorasick_rs.AhoCorasick(matched, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)

    def __len__(self) -> int:
        return len(self.surfaces)

    def lookup(self, surface: str) -> str | None:
        """The key of the term spelled ``surface`` (any spelling), or None."""
        return self.surfaces.get(normalize(surface))

    def find_projected(self, projected: str) -> list[tuple[int, int, str]]:
        """Leftmost-longest, non-overlapping matches in already-normalized text."""
        if self._automaton is None or not projected:
            return []
        keys = self._keys
        return [(start, end, keys[i]) for i, start, end in self._automaton.find_matches_as_indexes(projected)]

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, key)`` spans in ``text`` (original offsets, quotes balanced)."""
        if self._automaton is None:
            return []
        found = self._found.get(text)
        if found is None:
            found = tuple(self.find_in(Projection(text)))
            if len(self._found) >= _MEMO_LIMIT:
                self._found.clear()
            self._found[text] = found
        return list(found)

    def find_in(self, projection: Projection) -> list[tuple[int, int, str]]:
        """``find`` over a text already projected (no memo)."""
        out = []
        last_end = 0
        for pstart, pend, key in self.find_projected(projection.text):
            start, end = projection.span(pstart, pend)
            start = max(start, last_end)  # a widened quote never overlaps the previous match
            out.append((start, end, key))
            last_end = end
        if self._short_re is not None and self._short_re.search(projection.original):
            out = self._with_short_forms(projection.original, out)
        return out

    def _with_short_forms(self, text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """``found`` plus each quoted head whose term's remainder follows in its clause."""
        extra = []
        assert self._short_re is not None
        for m in self._short_re.finditer(text):
            entry = self.short_forms.get(m.group(1))
            if entry is None or any(s < m.end() and m.start() < e for s, e, _ in found):
                continue
            key, rest = entry
            tail = text[m.end(): m.end() + _REMAINDER_REACH]
            stop = _CLAUSE_END.search(tail)
            if rest in normalize(tail[: stop.start()] if stop else tail):
                extra.append((m.start(), m.end(), key))
        return sorted(found + extra) if extra else found
