"""The typed configuration every stage reads: plain dataclasses, built by files.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Optional

from ..model import RegionLevel

LINK_POLICIES = ("all", "section", "page")
SEARCH_ENGINES = ("material", "pagefind")


@dataclass
class SiteSettings:
    link_policy: str = "section"  # all | section | page
    search: str = "material"  # material | pagefind
    seeds_dir: str = "seeds"
    reports: str = ""  # the folder of report files; "" = seeds_dir

    @property
    def reports_dir(self) -> str:
        """The folder of report files, relative to the project: ``reports``, else ``seeds_dir``."""
        return self.reports or self.seeds_dir
    docs_src: str = "docs_src"
    output_dir: str = "docs"
    cache_dir: str = "build/cache"  # "" = no on-disk cache (generator/memo_store.py)
    workers: int = 0  # processes for many reports (generator/parallel.py); 0 = one per core
    strict: bool = False


@dataclass
class RegionConfig:
    name: str
    level: RegionLevel | Literal[""] = ""
    code: Optional[str] = None
    parent: str = ""
    aliases: list[str] = field(default_factory=list)
    line: Optional[int] = None


@dataclass
class SourceNote:
    """A curator's note on a defect of a report's source (reports.yaml ``notes:``)."""

    text: str  # Chinese, shown to readers
    anchor: str = ""  # the paragraph or section it is about; "" = the top of the page only
    line: Optional[int] = None


@dataclass
class ReportOverride:
    file: str
    fields: dict  # any of: title, region, year, date, meeting, speaker{name,title}, audience, slug, source_url
    line: Optional[int] = None
    notes: list[SourceNote] = field(default_factory=list)


@dataclass
class Topic:
    name: str
    slug: str
    description: str
    keywords: list[str]
    terms: list[str] = field(default_factory=list)
    line: Optional[int] = None


@dataclass
class CuratedEntry:
    term: str
    definition: str
    source: str
    aliases: list[str] = field(default_factory=list)
    category: str = ""
    line: Optional[int] = None
    short: str = ""  # the tooltip gloss, <= 60 characters


@dataclass
class SiteConfig:
    root: Path
    settings: SiteSettings
    regions: list[RegionConfig]
    reports: dict[str, ReportOverride]
    topics: list[Topic]
    glossary: list[CuratedEntry]
    categories: dict[str, str] = field(default_factory=dict)  # normalized headword -> category

    @property
    def config_dir(self) -> Path:
        return self.root / "site_config"

    def path(self, name: str) -> Path:
        return self.config_dir / name
