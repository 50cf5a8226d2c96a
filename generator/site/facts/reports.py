"""Small facts derived from the SiteContext that several of the overview pages show.

Labels of reports and regions, the region hierarchy walk, report length and term
usage counts. Pure functions of the context: no Markdown here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterator, Optional

from ... import memo
from ...model import REGION_LEVEL_LABELS, GlossaryEntry, Report
from ..context import SiteContext


def report_label(report: Report) -> str:
    """"鄂托克旗 2024年政府工作报告" — the name readers see for a report in lists."""
    return report.full_title(" ")


def report_short_label(report: Report) -> str:
    """"鄂托克旗 2024" — a report's link text in tables, short enough for a phone's column
    (the full title is the link's tooltip); the full label when region or year is unknown."""
    if report.region_name and report.year:
        return f"{report.region_name} {report.year}"
    return report_label(report)


def speaker_label(report: Report) -> str:
    name, title = report.speaker.name, report.speaker.title
    if name and title:
        return f"{title} {name}"
    return name or title


def region_level(ctx: SiteContext, name: str) -> str:
    ref = ctx.regions.get(name)
    return REGION_LEVEL_LABELS.get(ref.level if ref else "", REGION_LEVEL_LABELS[""])


def region_code(ctx: SiteContext, name: str) -> Optional[str]:
    ref = ctx.regions.get(name)
    return ref.code if ref else None


def _code_order(ctx: SiteContext, names: list[str]) -> list[str]:
    """Siblings in administrative-code order; regions without a code last, by slug."""
    return sorted(names, key=lambda n: (region_code(ctx, n) is None, region_code(ctx, n) or "",
                                        ctx.region_slug(n)))


def region_children(ctx: SiteContext, name: str) -> list[str]:
    return _code_order(ctx, ctx.region_children(name))


def facts_memo(ctx: SiteContext, key: str, compute: Callable[[], Any]) -> Any:
    """Per-context cache: the context does not change once pages are being written, and
    hierarchy facts are asked for once per term and topic page."""
    if key not in ctx.facts_cache:
        ctx.facts_cache[key] = compute()
    return ctx.facts_cache[key]


def region_walk(ctx: SiteContext) -> Iterator[tuple[str, int]]:
    """Every region name with its depth, parents before children (hierarchy order)."""

    def visit(name: str, depth: int, seen: frozenset):
        yield name, depth
        for child in region_children(ctx, name):
            if child not in seen:
                yield from visit(child, depth + 1, seen | {child})

    def walk() -> list[tuple[str, int]]:
        return [item for top in _code_order(ctx, ctx.top_regions()) for item in visit(top, 0, frozenset({top}))]

    return iter(facts_memo(ctx, "walk", walk))


def region_order(ctx: SiteContext) -> dict[str, int]:
    return dict(facts_memo(ctx, "order", lambda: {name: i for i, (name, _) in enumerate(region_walk(ctx))}))


NO_REGION = "地区不明"


@dataclass(frozen=True)
class RegionGroup:
    """The reports of one region; ``name`` is "" for reports whose region is unknown."""

    name: str
    reports: tuple[Report, ...]

    @property
    def label(self) -> str:
        return self.name or NO_REGION


def region_groups(ctx: SiteContext) -> list[RegionGroup]:
    """Regions with reports in hierarchy order, then the reports without a region."""

    def groups() -> list[RegionGroup]:
        out = [RegionGroup(name, tuple(ctx.reports_of_region(name))) for name, _ in region_walk(ctx)]
        out = [g for g in out if g.reports]
        orphans = sorted((r for r in ctx.reports if r.region is None), key=lambda r: (r.year or 0, r.slug))
        if orphans:
            out.append(RegionGroup("", tuple(orphans)))
        return out

    return list(facts_memo(ctx, "groups", groups))


def subtree(ctx: SiteContext, name: str) -> list[str]:
    """The region and every region below it, in hierarchy order."""
    out = [name]
    for child in region_children(ctx, name):
        out.extend(subtree(ctx, child))
    return out


def subtree_reports(ctx: SiteContext, name: str) -> list[Report]:
    return [r for n in subtree(ctx, name) for r in ctx.reports_of_region(n)]


def sorted_reports(ctx: SiteContext, reports) -> list[Report]:
    """Reports in region hierarchy order, then by year."""
    pos = region_order(ctx)
    return sorted(reports, key=lambda r: (pos.get(r.region_name, len(pos)), r.year or 0, r.date or "", r.slug))


def report_length(report: Report) -> int:
    """Characters a reader reads: headings, paragraphs and the 名词解释 entries (counted once
    per report: the data files, region and term pages ask for every report's length)."""
    return memo.table("report-length").get(memo.report_key(report), lambda: _length(report))


def _length(report: Report) -> int:
    total = sum(len(s.title) for s in report.walk_sections())
    total += sum(len(p.text) for _, p in report.paragraphs())
    total += sum(len(e.term) + len(e.definition) for e in report.glossary)
    return total


@lru_cache(maxsize=1 << 14)  # topic pages shorten the same section titles over and over
def short_text(text: str, limit: int = 60) -> str:
    """First sentence of ``text``, at most about ``limit`` characters (like ``Term.short``)."""
    text = " ".join(text.split())
    cut = min((i for i in (text.find(stop) for stop in "。！？；") if i >= 0), default=-1)
    if cut >= 0:
        text = text[: cut + 1]
    return text if len(text) <= limit else text[: limit - 1] + "…"


def term_counts(ctx: SiteContext, report_slug: str) -> Counter:
    """term key -> number of occurrences in the report's paragraphs."""
    if ctx.glossary is None:
        return Counter()
    return Counter(o.term_key for o in ctx.glossary.occurrences(report_slug))


def region_term_counts(ctx: SiteContext, name: str) -> Counter:
    total: Counter = Counter()
    for report in ctx.reports_of_region(name):
        total.update(term_counts(ctx, report.slug))
    return total


def most_common(counts: Counter, limit: int) -> list[tuple[str, int]]:
    """Top entries by count, ties by key: deterministic."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]


def defined_terms(ctx: SiteContext, report: Report) -> list[tuple[str, GlossaryEntry]]:
    """(term key, GlossaryEntry) for each 名词解释 entry of the report that became a term."""
    out: list[tuple[str, GlossaryEntry]] = []
    if ctx.glossary is None:
        return out
    for entry in report.glossary:
        try:
            key = ctx.glossary.entry_term(report.slug, entry.anchor)
        except KeyError:  # an entry whose term the glossary could not read
            continue
        if key is not None and key in ctx.glossary.terms:
            out.append((key, entry))
    return out
