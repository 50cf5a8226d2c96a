"""One report file or text -> ``Report``: read, clean, metadata, structure, anchors."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from .. import memo
from ..config import SiteConfig
from ..model import Diagnostic, Paragraph, Removal, Report
from .anchors import assign_anchors
from .clean import clean_lines
from .metadata import extract_metadata
from .read import Source, check_text, read_source, split_front_matter
from .regions import RegionRegistry
from .slugs import file_slug
from .structure import TreeBuilder


def parse_report(path: Path, config: Optional[SiteConfig] = None, registry: Optional[RegionRegistry] = None) -> Report:
    """Parse a report file; raises ``InputError`` (one line) when it cannot be read."""
    path = Path(path)
    return build_report(read_source(path), _display(path), config, registry)


def parse_text(text: str, source: str, config: Optional[SiteConfig] = None, registry: Optional[RegionRegistry] = None) -> Report:
    """Parse already-decoded report text; ``source`` names it in diagnostics.

    Raises ``InputError`` like ``parse_report`` for empty text or text with NUL characters.
    """
    return build_report(split_front_matter(check_text(text, source)), source, config, registry)


def _display(path: Path) -> str:
    """The path as given, relative to the working directory when it lies below it."""
    if os.name == "posix":  # on strings: pathlib's objects cost more than the work there
        full, cwd = os.path.realpath(path), os.path.realpath(os.getcwd())  # = Path.resolve()
        if full == cwd:
            return "."
        prefix = cwd.rstrip("/") + "/"
        return full[len(prefix):] if full.startswith(prefix) else str(path)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def region_registry(config: Optional[SiteConfig] = None) -> RegionRegistry:
    """The region registry for ``config``'s regions: a memo entry, built again only when
    ``site_config/regions.yaml`` changed (the registry reads nothing else)."""
    regions = config.regions if config is not None else []
    return memo.table("region-registry").get(memo.digest(regions), lambda: RegionRegistry(config))


def build_report(src: Source, source: str, config: Optional[SiteConfig] = None, registry: Optional[RegionRegistry] = None) -> Report:
    removed: list[Removal] = []
    diagnostics: list[Diagnostic] = [Diagnostic(source, p, 1) for p in src.problems]
    if src.front_matter_text:
        removed.append(Removal(src.front_matter_text, "front-matter", 1,
                               "YAML front matter: its fields are the report's metadata"))
    lines, cleaning = clean_lines(src.body, src.body_line)
    removed.extend(cleaning)

    meta = extract_metadata([cl.text for cl in lines], src.front_matter, source, config,
                            registry=registry or region_registry(config), first_line=src.body_line)
    front_end = max(0, min(meta.front_lines, len(lines)))
    chrome = set(meta.chrome)
    for i in sorted(chrome):
        removed.append(Removal(lines[i].text, "web-chrome", lines[i].line,
                               "web-page chrome (page tools, page fields or breadcrumbs), not report text"))
    front = [Paragraph(cl.text.strip(), "", cl.line, kind="title")
             for i, cl in enumerate(lines[:front_end]) if cl.text.strip() and i not in chrome]

    builder = TreeBuilder(source, removed, diagnostics)
    for cl in lines[front_end:]:
        if cl.text.strip():
            builder.add_line(cl)
    preamble, sections = builder.finish()

    report = Report(source=source, slug=file_slug(source, config), title=meta.title, region=meta.region,
                    year=meta.year, date=meta.date, meeting=meta.meeting, speaker=meta.speaker,
                    audience=meta.audience, front=front, preamble=preamble, sections=sections,
                    removed=removed, diagnostics=meta.diagnostics + diagnostics, meta=dict(src.front_matter),
                    source_url=meta.source_url)
    assign_anchors(report)
    return report
