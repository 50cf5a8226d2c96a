"""What every page module gets: the loaded inputs plus the lookups pages share.

Page-module protocol (see build.PAGE_MODULES)::

    def pages(ctx: SiteContext) -> Iterable[Page]

A ``Page`` is one generated Markdown file: ``path`` is docs-relative and comes
from ``render/urls.py``; ``content`` is the Markdown (built with ``render/markdown.py``);
``nav_title`` is the Chinese title shown in the navigation. ``group`` puts the
page in a nav sub-section of its tab (e.g. the region name), ``order`` sorts it
within that (default: path), ``in_nav=False`` keeps it out of the navigation
(it is listed under ``not_in_nav``). The tab is chosen from the path's top folder
(build.TABS); a folder's ``index.md`` comes first in its tab or group.

Region pages: every name in ``ctx.regions`` (each report's region and all its
parents) has a page at ``ctx.region_path(name)``; report pages link to them.

Rebuilds: ``ctx.cached(table, key, render)`` reuses a page or fragment rendered by an
earlier build in this process (generator/memo.py) when ``key`` and the site digest
``ctx.digest`` are unchanged. The site digest covers the configuration, the glossary
and the report catalogue (every report's slug, source, title, region, year, date,
meeting, speaker); ``key`` must name every other input, usually the report keys
(``memo.report_key``) of the reports the page quotes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Optional, TypeVar

from ..pinyin import pinyin_slug

from .. import memo
from ..config import SiteConfig
from ..model import Diagnostic, Region, RegionRef, Report, Term
from .render import urls


T = TypeVar("T")


@dataclass
class Page:
    path: str  # docs-relative, from urls.py, ends in .md
    content: str  # Markdown
    nav_title: str  # Chinese title in the navigation
    group: str = ""  # nav sub-section inside the tab ("" = directly in the tab)
    order: tuple = ()  # sort key inside the tab/group; default sorts by path
    in_nav: bool = True  # False: deliberately outside the navigation (not_in_nav)


@lru_cache(maxsize=None)
def region_slug(name: str) -> str:
    """Pinyin address of a region name: 鄂托克旗 -> e-tuo-ke-qi (the one slug rule, pinyin.py)."""
    return pinyin_slug(name, "region")


def _year_key(report: Report) -> tuple:
    return (report.year or 0, report.date or "", report.slug)


@dataclass
class SiteContext:
    root: Path
    config: SiteConfig
    reports: list[Report]  # sorted by (region chain, year, slug)
    glossary: Any = None  # generator.glossary.Glossary
    diagnostics: list[Diagnostic] = field(default_factory=list)
    regions: dict[str, RegionRef] = field(default_factory=dict)  # every region named, with parents
    region_parents: dict[str, list[RegionRef]] = field(default_factory=dict)  # name -> parents, top first
    _region_slugs: dict[str, str] = field(default_factory=dict)
    _children: dict[str, list[str]] = field(default_factory=dict)  # parent name -> child names
    _by_slug: dict[str, Report] = field(default_factory=dict)
    _by_region: dict[str, list[Report]] = field(default_factory=dict)
    digest: str = ""  # configuration + glossary + report catalogue (see the module docstring)
    reports_key: Optional[tuple] = None  # every report's memo key; None if one has none
    _key_by_slug: dict[str, Optional[tuple]] = field(default_factory=dict)  # report slug -> memo key
    # Facts derived from this context once per build (hierarchy walks, the target index):
    # the context does not change once pages are being written (see site/facts/reports.py).
    facts_cache: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def create(cls, root: Path, config: SiteConfig, reports: list[Report], glossary: Any = None,
               diagnostics: Optional[list[Diagnostic]] = None) -> "SiteContext":
        ordered = sorted(reports, key=lambda r: (_chain_key(r.region), _year_key(r)))
        ctx = cls(Path(root), config, ordered, glossary, list(diagnostics or []))
        ctx._by_slug = {r.slug: r for r in ordered}
        for report in sorted(ordered, key=_year_key):
            ctx._by_region.setdefault(report.region_name, []).append(report)
        for report in ordered:
            if report.region is None:
                continue
            chain = report.region.chain()
            for i, ref in enumerate(chain):
                known = ctx.regions.get(ref.name)
                if known is None or (not known.level and ref.level) or (not known.code and ref.code):
                    ctx.regions[ref.name] = ref
                if len(chain[:i]) >= len(ctx.region_parents.get(ref.name, [])):
                    ctx.region_parents[ref.name] = chain[:i]
        ctx._region_slugs = _unique_slugs(ctx.regions)
        catalogue = [(r.slug, r.source, r.title, r.region, r.year, r.date, r.meeting, r.speaker, r.audience)
                     for r in ordered]
        ctx.digest = memo.digest(config, glossary.digest if glossary is not None else None, catalogue)
        keys = tuple(memo.report_key(r) for r in ordered)
        ctx.reports_key = None if None in keys else keys
        ctx._key_by_slug = {r.slug: key for r, key in zip(ordered, keys)}
        return ctx

    def cached(self, table: str, key: Any, render: Callable[[], T]) -> T:
        """``render()``, or its result from an earlier build with the same ``key`` and site
        digest. A ``None`` key (some input has no stable key) always renders."""
        return memo.table(table).get(None if key is None else (self.digest, key), render)

    def keys_of(self, reports) -> Optional[tuple]:
        """Memo keys of ``reports`` (None when one of them has none)."""
        keys = tuple(memo.report_key(r) for r in reports)
        return None if None in keys else keys

    def keys_of_slugs(self, slugs) -> Optional[tuple]:
        """Memo keys of the reports with these slugs (None when one of them has none)."""
        keys = tuple(map(self._key_by_slug.__getitem__, slugs))
        return None if None in keys else keys

    # -- reports -------------------------------------------------------------
    def report(self, slug: str) -> Optional[Report]:
        return self._by_slug.get(slug)

    def reports_of_region(self, name: str) -> list[Report]:
        """Reports whose own region is ``name``, oldest first."""
        return list(self._by_region.get(name, []))

    def neighbours(self, report: Report) -> tuple[Optional[Report], Optional[Report]]:
        """Previous and next report of the same region by year (None at the ends)."""
        if report.region is None:
            return None, None
        same = self._by_region.get(report.region.name, [])
        i = next(i for i, r in enumerate(same) if r.slug == report.slug)
        return (same[i - 1] if i > 0 else None), (same[i + 1] if i + 1 < len(same) else None)

    def years(self) -> list[int]:
        return sorted({r.year for r in self.reports if r.year})

    def reports_of_year(self, year: int) -> list[Report]:
        """Reports of one year, in region order (self.reports is sorted by region first)."""
        return [r for r in self.reports if r.year == year]

    # -- regions -------------------------------------------------------------
    def region_slug(self, name: str) -> str:
        """Unique slug for a region named in the site (homophones get the code appended)."""
        return self._region_slugs.get(name) or region_slug(name)

    def region_path(self, name: str) -> str:
        return urls.region_page(self.region_slug(name))

    def region_children(self, name: str) -> list[str]:
        """Names of regions whose nearest parent is ``name``, sorted by slug."""
        if not self._children:
            kids: dict[str, list[str]] = {}
            for child, parents in self.region_parents.items():
                if parents:
                    kids.setdefault(parents[-1].name, []).append(child)
            self._children.update({k: sorted(v, key=self.region_slug) for k, v in kids.items()})
            self._children.setdefault("", [])  # built, even when no region has a parent
        return list(self._children.get(name, []))

    def top_regions(self) -> list[str]:
        return sorted((n for n, p in self.region_parents.items() if not p), key=self.region_slug)

    # -- glossary ------------------------------------------------------------
    def term(self, key: str) -> Optional[Term]:
        return self.glossary.terms.get(key)

    def term_path(self, key: str) -> str:
        return urls.term_page(self.glossary.terms[key].slug)


def _chain_key(region: Optional[Region]) -> tuple:
    if region is None:
        return ((1, ""),)
    return tuple((0, region_slug(ref.name)) for ref in region.chain())


def _unique_slugs(regions: dict[str, RegionRef]) -> dict[str, str]:
    base: dict[str, list[str]] = {}
    for name in sorted(regions):
        base.setdefault(region_slug(name), []).append(name)
    out = {}
    for slug, names in base.items():
        if len(names) == 1:
            out[names[0]] = slug
            continue
        for i, name in enumerate(names):
            suffix = regions[name].code or str(i + 1)
            out[name] = f"{slug}-{suffix}"
    return out
