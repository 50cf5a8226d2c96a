"""Find every glossary surface form in a text in one pass.

pyahocorasick gives an Aho-Corasick automaton in C: one scan of the text finds all
surface forms at once, so the cost grows with the text and not with the glossary
(a regex per term would be O(text × terms)). The automaton holds normalized
surfaces and runs over the normalized ``Projection`` of the text, so quotes, spaces
and full-width forms inside a match don't stop it; offsets are mapped back.

Overlaps resolve leftmost-longest: of the matches starting first, the longest wins,
and scanning resumes after it.
"""

from __future__ import annotations

import ahocorasick

from .normalize import Projection, normalize


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
        self._automaton = None
        if chosen:
            automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
            for norm, key in chosen.items():
                automaton.add_word(norm, (len(norm), key))
            automaton.make_automaton()
            self._automaton = automaton

    def __len__(self) -> int:
        return len(self.surfaces)

    def lookup(self, surface: str) -> str | None:
        """The key of the term spelled ``surface`` (any spelling), or None."""
        return self.surfaces.get(normalize(surface))

    def find_projected(self, projected: str) -> list[tuple[int, int, str]]:
        """Leftmost-longest, non-overlapping matches in already-normalized text."""
        if self._automaton is None or not projected:
            return []
        longest: dict[int, tuple[int, str]] = {}
        # Matches arrive by increasing end, so a later one with the same start is longer.
        for end_index, (length, key) in self._automaton.iter(projected):
            longest[end_index - length + 1] = (end_index + 1, key)
        out = []
        pos = 0
        for start in sorted(longest):
            if start < pos:
                continue
            end, key = longest[start]
            out.append((start, end, key))
            pos = end
        return out

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, key)`` spans in ``text`` (original offsets, quotes balanced)."""
        return self.find_in(Projection(text))

    def find_in(self, projection: Projection) -> list[tuple[int, int, str]]:
        out = []
        last_end = 0
        for pstart, pend, key in self.find_projected(projection.text):
            start, end = projection.span(pstart, pend)
            start = max(start, last_end)  # a widened quote never overlaps the previous match
            out.append((start, end, key))
            last_end = end
        return out
