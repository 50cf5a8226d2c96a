"""How much a region's reports use a term, against the whole site: uses per 10,000
characters (report_length: headings, paragraphs and 名词解释 entries), so a long report does
not look keener than a short one. Pure functions of the context: no Markdown here."""

from __future__ import annotations

from dataclasses import dataclass

from ..context import SiteContext
from .reports import facts_memo, most_common, region_term_counts, report_length

PER = 10_000  # characters


@dataclass(frozen=True)
class TermRate:
    key: str
    uses: int  # in the region's own reports
    rate: float  # uses per PER characters of the region's reports
    site_rate: float  # uses per PER characters of every report of the site

    @property
    def ratio(self) -> float:
        """How many times the site's rate (0 when the site's rate is 0)."""
        return self.rate / self.site_rate if self.site_rate else 0.0


def site_length(ctx: SiteContext) -> int:
    return int(facts_memo(ctx, "site-length", lambda: sum(report_length(r) for r in ctx.reports)))


def site_rate(ctx: SiteContext, key: str) -> float:
    total = site_length(ctx)
    return ctx.glossary.usage_count(key) * PER / total if ctx.glossary is not None and total else 0.0


def region_rates(ctx: SiteContext, name: str, limit: int) -> list[TermRate]:
    """The region's ``limit`` most used terms (by uses, ties by key) with both rates."""
    if ctx.glossary is None:
        return []
    length = sum(report_length(r) for r in ctx.reports_of_region(name))
    if not length:
        return []
    top = [(k, n) for k, n in most_common(region_term_counts(ctx, name), limit) if k in ctx.glossary.terms]
    return [TermRate(key, uses, uses * PER / length, site_rate(ctx, key)) for key, uses in top]


def rate_label(value: float) -> str:
    """A rate as shown: two significant decimals below 10 (0.35), one above (12.4)."""
    return f"{value:.2f}" if value < 10 else f"{value:.1f}"
