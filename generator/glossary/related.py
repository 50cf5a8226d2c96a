"""Related terms: what a term's definitions name, what names it, what shares paragraphs.

Order is deterministic: ``defines`` in the order the definitions name them,
``defined-by`` in glossary (pinyin) order, then up to ``CO_OCCURS_TOP`` terms that
most often share a paragraph with it (more shared paragraphs first, then pinyin
order). A term appears once, under the first reason that applies.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import Iterable

from ..model import Span

CO_OCCURS_TOP = 5

DefinitionLinks = dict[tuple[str, int], list[Span]]


def co_occurrence(units: Iterable[tuple[str, str]]) -> Counter:
    """How many paragraphs each unordered pair of terms shares, from ``(unit, term key)``
    for every occurrence (a unit names one paragraph or 名词解释 entry)."""
    per_unit: dict[str, set[str]] = {}
    for unit, key in units:
        per_unit.setdefault(unit, set()).add(key)
    pairs: Counter = Counter()
    for keys in per_unit.values():
        if len(keys) > 1:
            for a, b in combinations(sorted(keys), 2):
                pairs[(a, b)] += 1
    return pairs


def related_terms(order: list[str], definition_links: DefinitionLinks,
                  pairs: Counter) -> dict[str, list[tuple[str, str]]]:
    """``{key: [(other_key, reason), …]}`` for every key in ``order`` (pinyin order)."""
    rank = {key: i for i, key in enumerate(order)}
    defines: dict[str, list[str]] = {key: [] for key in order}
    defined_by: dict[str, set[str]] = {key: set() for key in order}
    for (key, _index) in sorted(definition_links, key=lambda k: (rank.get(k[0], 0), k[1])):
        for _start, _end, other in definition_links[(key, _index)]:
            if other not in defines[key]:
                defines[key].append(other)
            defined_by[other].add(key)
    shared: dict[str, list[tuple[int, str]]] = {key: [] for key in order}
    for (a, b), n in pairs.items():
        shared[a].append((n, b))
        shared[b].append((n, a))

    out: dict[str, list[tuple[str, str]]] = {}
    for key in order:
        rows: list[tuple[str, str]] = []
        listed = {key}
        for other in defines[key]:
            if other not in listed:
                rows.append((other, "defines"))
                listed.add(other)
        for other in sorted(defined_by[key], key=rank.__getitem__):
            if other not in listed:
                rows.append((other, "defined-by"))
                listed.add(other)
        top = sorted(shared[key], key=lambda item: (-item[0], rank[item[1]]))
        added = 0
        for _n, other in top:
            if added == CO_OCCURS_TOP:
                break
            if other not in listed:
                rows.append((other, "co-occurs"))
                listed.add(other)
                added += 1
        out[key] = rows
    return out
