"""Read and validate everything under site_config/ in one place.

Each file has one declarative schema (``files.py``: ``SiteSchema``, ``RegionSchema``,
``ReportSchema``, ``TopicSchema``, ``GlossarySchema``), whose options carry their own
documentation as attribute docstrings. Two ways to read the files, with the same checks
and the same messages (``model.Diagnostic``: file, line, severity, message, fix):

- ``load_config(root)``: fail-fast — the first error is raised as ``ConfigError`` (the build);
- ``check_config(root)``: collect-all — every problem, and a ``SiteConfig`` holding the
  valid entries (``python -m generator check``; also runs the check-only glossary rules,
  duplicate terms and aliases, which the build resolves by merging).

Files (all optional; a missing file means "nothing configured"):

- ``site.yaml``     site-wide switches (link policy, search engine, folders, strict)
- ``regions.yaml``  regions the dataset lacks, or aliases for names reports use
- ``reports.yaml``  per-report metadata overrides, keyed by the report's file name
- ``topics.yaml``   topics: name, slug, description, keywords, glossary terms
- ``glossary.yaml`` curated glossary entries
"""

from __future__ import annotations

from pathlib import Path

from .. import memo
from ..errors import ConfigError
from ..model import Diagnostic
from .types import (LINK_POLICIES, SEARCH_ENGINES, CuratedEntry, RegionConfig, ReportOverride, SiteConfig,
                    SiteSettings, SourceNote, Topic)
from .files import (FILE_SCHEMAS, GlossarySchema, RegionSchema, ReportSchema, SiteSchema, TopicSchema,
                    note_problems, page_anchors, read_config)
from .schema import Problems, option_docs
from .yaml_lines import load_yaml

__all__ = [
    "LINK_POLICIES", "SEARCH_ENGINES", "ConfigError", "CuratedEntry", "FILE_SCHEMAS", "GlossarySchema",
    "RegionConfig", "RegionSchema", "ReportOverride", "ReportSchema", "SiteConfig", "SiteSchema", "SiteSettings", "SourceNote",
    "Topic", "TopicSchema", "check_config", "load_config", "load_yaml", "note_problems", "option_docs", "page_anchors",
]


def load_config(root: Path | str = ".", region_exists=None) -> SiteConfig:
    """Load site_config/ under ``root``; the first problem is raised as ``ConfigError``.

    ``region_exists(name) -> bool`` lets the caller validate report overrides
    against the administrative-division dataset without an import cycle.
    """
    # Reused across the rebuilds of one process (mkdocs serve) while every file's bytes are unchanged
    # (the key holds the region_exists callable: an in-process table, not one to persist).
    cdir = Path(root).resolve() / "site_config"
    key = (str(root), str(cdir), region_exists, tuple(memo.digest(_bytes(cdir / name)) for name in FILE_SCHEMAS))
    return memo.table("config").get(key, lambda: read_config(root, Problems(fail_fast=True), region_exists))


def _bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:  # missing (a default applies) or unreadable: read_config says which
        return None


def check_config(root: Path | str = ".", region_exists=None) -> tuple[SiteConfig, list[Diagnostic]]:
    """Every problem under site_config/ (paths as given by ``root``), and the valid entries."""
    problems = Problems(fail_fast=False)
    config = read_config(root, problems, region_exists)
    return config, problems.items
