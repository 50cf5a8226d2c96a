"""When a glossary term is used: first and last appearance, uses per year and region.

Rules (shown on the term page, ``STOP_RULE``):

- **first appearance**: the earliest year in which a report uses the term; among that
  year's reports, the first in region hierarchy order, and its first paragraph using it;
- **last appearance** is shown only when the term has *stopped being used*: its last year
  is earlier than the latest year of any report of the regions that ever used it (so a
  term of a region whose reports end in 2015 has not "stopped" just because the corpus
  goes on to 2026 elsewhere).

Reports without a year are left out of the timeline.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from ...model import Report
from ..context import SiteContext
from .reports import facts_memo, region_order

TOP_REGIONS = 5  # the per-region chart draws the regions using the term most
STOP_RULE = ("判断规则：如果本词最后一次出现的年份早于用过本词的各地区报告的最新年份，"
             "视为此后不再使用，并列出最后一次出现的位置。")


@dataclass
class Use:
    report: Report
    anchor: str  # first paragraph of the report using the term


@dataclass
class Timeline:
    first: Use
    last: Optional[Use]  # set only when the term has stopped being used (see STOP_RULE)
    latest_year: int  # latest report year of the regions using the term
    reports: Counter = field(default_factory=Counter)  # year -> reports using the term
    occurrences: Counter = field(default_factory=Counter)  # year -> occurrences
    by_region: dict[str, Counter] = field(default_factory=dict)  # region -> year -> occurrences
    region_years: dict[str, set[int]] = field(default_factory=dict)  # region -> years it has reports

    @property
    def years(self) -> list[int]:
        return sorted(self.reports)

    def top_regions(self, limit: int = TOP_REGIONS) -> list[str]:
        totals = Counter({name: sum(c.values()) for name, c in self.by_region.items()})
        return [name for name, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]


def term_timeline(ctx: SiteContext, term_key: str) -> Optional[Timeline]:
    """The term's timeline; None when no dated report uses it."""
    glossary = ctx.glossary
    pos = region_order(ctx)
    uses: list[tuple[Report, list]] = []
    for slug in glossary.term_reports(term_key):
        report = ctx.report(slug)
        if report is None or not report.year:
            continue
        occs = glossary.in_report(term_key, slug)
        if occs:
            uses.append((report, occs))
    if not uses:
        return None
    uses.sort(key=lambda u: (u[0].year, pos.get(u[0].region_name, len(pos)), u[0].date or "", u[0].slug))
    first_report, first_occs = uses[0]
    tl = Timeline(first=Use(first_report, first_occs[0].anchor), last=None, latest_year=0)
    for report, occs in uses:
        tl.reports[report.year] += 1
        tl.occurrences[report.year] += len(occs)
        tl.by_region.setdefault(report.region_name, Counter())[report.year] += len(occs)
    years_of = _region_years(ctx)
    for name in tl.by_region:
        tl.region_years[name] = set(years_of.get(name, ()))
    tl.latest_year = max(max(ys) for ys in tl.region_years.values() if ys)
    last_year = max(tl.reports)
    if last_year < tl.latest_year:
        last = [u for u in uses if u[0].year == last_year][-1]
        tl.last = Use(last[0], last[1][0].anchor)
    return tl


def _region_years(ctx: SiteContext) -> dict[str, frozenset[int]]:
    """Region name -> the years it has reports, for every region (once per context, not
    once per term page)."""
    def compute() -> dict[str, frozenset[int]]:
        years: dict[str, set[int]] = {}
        for report in ctx.reports:
            if report.year:
                years.setdefault(report.region_name, set()).add(report.year)
        return {name: frozenset(ys) for name, ys in years.items()}

    return facts_memo(ctx, "region-years", compute)


def first_years(ctx: SiteContext) -> dict[str, Report]:
    """Term key -> the report of its first appearance (same rule as ``term_timeline``),
    for every term some dated report uses (computed once per context)."""
    return facts_memo(ctx, "first-years", lambda: _first_years(ctx))


def _first_years(ctx: SiteContext) -> dict[str, Report]:
    pos = region_order(ctx)
    out = {}
    for key in ctx.glossary.terms:
        dated = [r for r in map(ctx.report, ctx.glossary.term_reports(key)) if r is not None and r.year]
        if dated:
            out[key] = min(dated, key=lambda r: (r.year, pos.get(r.region_name, len(pos)), r.date or "", r.slug))
    return out
