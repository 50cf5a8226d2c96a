"""Side by side (对比): two reports' section trees aligned, with the terms each section uses.

A report is reduced to an **outline** (``outline(ctx, report)``): its top-level parts and
their sub-sections, each with its title, anchor, part kind, paragraph and character
counts and the glossary terms its own paragraphs use. The outline is also the per-report
JSON the comparison page script loads (``outline_json``), so the script aligns any pair
from exactly what the generated pages were aligned from; ``docs_src/javascripts/compare.js``
repeats ``align`` line for line (change both together; tests/test_compare.py checks that
they agree in the browser).

Alignment (``align``): an order-keeping pairing (a longest-common-subsequence walk over
a score table) of the two lists of parts. Top-level parts pair only with a part of the
same kind (``part_kind``: 工作回顾 with 工作回顾, 工作安排 with 工作安排 …), the best title
match first; sub-sections of a paired part pair by title likeness (shared character
pairs, numbers and years left out) and shared terms, above ``MIN_SCORE``. A part left
unpaired stands alone on its side.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Optional

from ... import memo
from ...model import Report, Section
from ..context import SiteContext
from .reports import report_label

# Part kinds, recognised from a top-level title (first match wins), and their labels.
KIND_LABELS = {"review": "工作回顾", "outlook": "今后发展", "plan": "工作安排", "self": "政府自身建设",
               "attachment": "附件", "glossary": "名词解释", "other": "其他部分"}
_KIND_RULES = (
    ("self", re.compile(r"政府自身建设|自身建设|建设人民满意的政府|服务型政府|法治政府")),
    ("review", re.compile(r"回顾|总结|过去|成绩|成就|一年来|五年来|基本情况|工作情况")),
    ("outlook", re.compile(r"今后五年|未来五年|今后一个时期|[十].五.?规划|远景目标|五年规划|发展目标和任务|今后发展")),
    ("plan", re.compile(r"工作安排|主要任务|重点工作|工作任务|工作重点|工作部署|主要工作|总体要求|工作意见|"
                        r"工作建议|今年|目标|安排|任务|部署")),
)
MIN_SCORE = 0.25  # sub-sections pair only above this likeness
_NUMBER = re.compile(r"^\s*(?:[（(][一二三四五六七八九十百零〇\d]+[）)]|[一二三四五六七八九十百零〇]+[、.．]|"
                     r"\d+[、.．]|附件\s*\d*)\s*")
_YEAR = re.compile(r"(?:19|20)\d{2}年?")
_HAN = re.compile(r"[\u3400-\u9fff]")


def part_kind(section: Section) -> str:
    """The kind of a top-level part: a key of ``KIND_LABELS``."""
    if section.kind in ("attachment", "glossary"):
        return section.kind
    for kind, rule in _KIND_RULES:
        if rule.search(section.title):
            return kind
    return "other"


@dataclass
class Node:
    """One section of an outline."""

    title: str
    anchor: str
    kind: str  # part kind (top level) or "" (sub-sections)
    paragraphs: int
    chars: int
    terms: list[int]  # indexes into Outline.terms, first use first
    children: list["Node"] = field(default_factory=list)


@dataclass
class Outline:
    slug: str
    label: str  # 内蒙古自治区 2024年政府工作报告
    region: str
    year: Optional[int]
    terms: list[tuple[str, str]]  # (term slug, headword), first use first
    sections: list[Node]


def _compute(ctx: SiteContext, report: Report) -> Outline:
    terms: list[tuple[str, str]] = []
    index: dict[str, int] = {}
    by_anchor: dict[str, list[int]] = {}
    glossary = ctx.glossary
    for occ in (glossary.occurrences(report.slug) if glossary is not None else ()):
        term = glossary.terms.get(occ.term_key)
        if term is None:
            continue
        i = index.get(term.slug)
        if i is None:
            i = index[term.slug] = len(terms)
            terms.append((term.slug, term.headword))
        used = by_anchor.setdefault(occ.anchor, [])
        if i not in used:
            used.append(i)

    def node(s: Section, top: bool) -> Node:
        own: list[int] = []
        seen: set[int] = set()  # of own: a list's "in" made long sections quadratic
        for anchor in [p.anchor for p in s.paragraphs] + [e.anchor for e in s.entries]:
            for i in by_anchor.get(anchor, ()):
                if i not in seen:
                    seen.add(i)
                    own.append(i)
        chars = sum(len(p.text) for p in s.paragraphs) + sum(len(e.term) + len(e.definition) for e in s.entries)
        out = Node(s.title, s.anchor, part_kind(s) if top else "", len(s.paragraphs) + len(s.entries), chars, own)
        for child in s.sections:
            if top:
                out.children.append(node(child, False))
            else:  # deeper levels fold into their sub-section
                _fold(out, node(child, False))
        return out

    return Outline(report.slug, report_label(report), report.region_name, report.year, terms,
                   [node(s, True) for s in report.sections])


def _fold(into: Node, other: Node) -> None:
    into.paragraphs += other.paragraphs
    into.chars += other.chars
    have = set(into.terms)
    into.terms.extend(i for i in other.terms if i not in have)  # other.terms has no repeats


def outline(ctx: SiteContext, report: Report) -> Outline:
    """The report's outline (memoized per report)."""
    return ctx.cached("facts:compare-outline", memo.report_key(report), lambda: _compute(ctx, report))


def _node_json(n: Node) -> list:
    out: list = [n.title, n.anchor, n.kind, n.paragraphs, n.chars, n.terms]
    if n.children:
        out.append([_node_json(c) for c in n.children])
    return out


def term_table(ctx: SiteContext) -> list[tuple[str, str]]:
    """Every glossary term as (slug, headword), by slug: the per-report JSON names terms by
    their place in this list (``data/compare/terms.json``), not by slug and headword."""
    glossary = ctx.glossary
    return sorted((t.slug, t.headword) for t in glossary.terms.values()) if glossary is not None else []


def outline_json(o: Outline, places: dict[str, int]) -> str:
    """The compact per-report JSON the page script loads: ``t`` the terms as places in
    ``term_table`` (``places``: slug -> place), ``s`` the sections as [title, anchor, kind,
    paragraphs, characters, indexes into ``t``, children?]."""
    data = {"slug": o.slug, "label": o.label, "region": o.region, "year": o.year,
            "t": [places[slug] for slug, _ in o.terms], "s": [_node_json(n) for n in o.sections]}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


# -- alignment -----------------------------------------------------------------

def title_key(title: str) -> str:
    """The Han characters of a title without its number and years: 二、2024年工作安排 -> 工作安排."""
    return "".join(_HAN.findall(_YEAR.sub("", _NUMBER.sub("", title))))


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)} if len(text) > 1 else ({text} if text else set())


def _dice(a: set, b: set) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


class _Likeness:
    """``similarity`` of sections of two outlines, each section's title pairs and term set
    computed once (the pairing asks for every pair of two lists)."""

    def __init__(self, a: Outline, b: Outline):
        self.a, self.b = a, b
        self.features: dict[int, tuple[set[str], set[str]]] = {}

    def _of(self, n: Node, o: Outline) -> tuple[set[str], set[str]]:
        got = self.features.get(id(n))
        if got is None:
            got = self.features[id(n)] = (_bigrams(title_key(n.title)), {o.terms[i][0] for i in n.terms})
        return got

    def __call__(self, x: Node, y: Node) -> float:
        """Likeness of two sections: title character pairs (Dice), or their terms (Dice) when
        that is higher, scaled by 0.8 so a title match wins a tie."""
        (xt, xs), (yt, ys) = self._of(x, self.a), self._of(y, self.b)
        return max(_dice(xt, yt), 0.8 * _dice(xs, ys))


@dataclass
class Row:
    left: Optional[Node]
    right: Optional[Node]
    children: list["Row"] = field(default_factory=list)


def _pair(a: list[Node], b: list[Node], score) -> list[tuple[Optional[Node], Optional[Node]]]:
    """Order-keeping pairing with the highest total score (a pair scores > 0 or is not made);
    ties prefer pairing earlier items. Unpaired items keep their place, left side first."""
    n, m = len(a), len(b)
    scores = [[score(x, y) for y in b] for x in a]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = best[i], best[i + 1]
        for j in range(m - 1, -1, -1):
            s = scores[i][j]
            take = below[j + 1] + s if s > 0 else -1.0
            row[j] = max(take, below[j], row[j + 1])
    out: list[tuple[Optional[Node], Optional[Node]]] = []
    i = j = 0
    while i < n and j < m:
        s = scores[i][j]
        if s > 0 and best[i][j] == best[i + 1][j + 1] + s:
            out.append((a[i], b[j]))
            i += 1
            j += 1
        elif best[i][j] == best[i + 1][j]:
            out.append((a[i], None))
            i += 1
        else:
            out.append((None, b[j]))
            j += 1
    out.extend((x, None) for x in a[i:])
    out.extend((None, y) for y in b[j:])
    return out


def align(a: Outline, b: Outline) -> list[Row]:
    """Rows of aligned sections: parts by kind (then title), their sub-sections by likeness."""
    similarity = _Likeness(a, b)

    def top(x: Node, y: Node) -> float:
        return 1 + similarity(x, y) if x.kind == y.kind else 0.0

    def sub(x: Node, y: Node) -> float:
        s = similarity(x, y)
        return s if s >= MIN_SCORE else 0.0

    rows = []
    for x, y in _pair(a.sections, b.sections, top):
        children = [Row(cx, cy) for cx, cy in _pair(x.children if x else [], y.children if y else [], sub)]
        rows.append(Row(x, y, children))
    return rows


def pairs(ctx: SiteContext) -> list[tuple[Report, Report]]:
    """(previous, report) for every report with a previous report of its region, in site order."""
    out = []
    for report in ctx.reports:
        previous, _ = ctx.neighbours(report)
        if previous is not None:
            out.append((previous, report))
    return out
