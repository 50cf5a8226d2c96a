"""Reading the site_config/ files with their schemas (generator/config/options.py).

``read_config`` reads the five files (each optional: a missing file means nothing
configured) into the typed ``SiteConfig`` (generator/config/types.py), sending
every problem to a ``Problems`` collector (fail-fast or collect-all, schema.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Optional

from ..errors import ConfigError
from ..model import Diagnostic, Report
from ..text import drop_cjk_spaces
from .options import (CategorySchema, GlossarySchema, RegionSchema, ReportSchema, SiteSchema, TopicSchema)
from .schema import Problems, Schema
from .types import CuratedEntry, RegionConfig, ReportOverride, SiteConfig, SiteSettings, SourceNote, Topic
from .yaml_lines import load_yaml, line_of

def _entries(path: Path, data: Any, list_key: str, problems: Problems) -> list:
    """A file is either a list of entries or a mapping with one list key."""
    if data is None:
        return []
    if isinstance(data, dict):
        if set(data) - {list_key}:
            key = next(k for k in data if k != list_key)
            problems.add(path, f"unknown key {key!r} in the file", line_of(data, key), f"use one of: {list_key}")
            return []
        data = data.get(list_key) or []
    if not isinstance(data, list):
        problems.add(path, "expected a list of entries", line_of(data), "start each entry with `- `")
        return []
    return data


def _each(path: Path, data: Any, list_key: str, schema: type[Schema], problems: Problems, ctx: dict,
          make: Callable[[dict, Any], Any]) -> list[tuple[Any, Any]]:
    """``(built entry, raw mapping)`` for each valid entry of a list file."""
    ctx = dict(ctx, path=path, problems=problems)
    out = []
    for raw in _entries(path, data, list_key, problems):
        values = schema.read(raw, problems, ctx)
        if values is not None:
            out.append((make(values, raw), raw))
    return out


def _read(path: Path, problems: Problems) -> Any:
    if not path.exists():
        return None
    try:
        return load_yaml(path)
    except ConfigError as err:
        problems.add_error(err)
        return None


def read_settings(path: Path, problems: Problems) -> SiteSettings:
    data = _read(path, problems)
    values = SiteSchema.read(data, problems, {"path": path, "problems": problems}) if data is not None else None
    return SiteSettings(**values) if values else SiteSettings()


def read_regions(path: Path, problems: Problems) -> list[RegionConfig]:
    regions = _each(path, _read(path, problems), "regions", RegionSchema, problems, {}, lambda v, raw: RegionConfig(
        v["name"], v["level"], v["code"], v["parent"], v["aliases"], line_of(raw)))
    return [region for region, _ in regions]


def read_reports(path: Path, problems: Problems, known_regions: set[str], region_exists) -> dict[str, ReportOverride]:
    data = _read(path, problems)
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.add(path, "expected a mapping of report file names to overrides", line_of(data),
                     "write `file-name.txt:` then the fields to override, indented")
        return {}
    ctx = {"path": path, "problems": problems, "known_regions": known_regions, "region_exists": region_exists}
    out = {}
    for name, fields in data.items():
        values = ReportSchema.read(fields, problems, ctx, what=f"the override for {name!r}")
        if values is not None:  # the fields as written: speaker stays a mapping
            notes = [SourceNote(v["text"], v["anchor"], line) for v, line in values["notes"]]
            out[str(name)] = ReportOverride(str(name), {k: v for k, v in fields.items()
                                                        if v is not None and k != "notes"},
                                            line_of(data, name), notes)
    return out


def page_anchors(report: Report) -> set[str]:
    """The anchors a source note may name: the report's sections and body paragraphs."""
    anchors = {s.anchor for s in report.walk_sections()}
    anchors.update(p.anchor for _, p in report.paragraphs())
    return anchors


def note_problems(config: SiteConfig, reports: list[Report], path: str = "site_config/reports.yaml") -> list[Diagnostic]:
    """A warning for each source note whose ``anchor`` names no paragraph or section of its
    report (checked once the reports are parsed; the note is then shown at the top only)."""
    out: list[Diagnostic] = []
    for report in reports:
        override = config.reports.get(Path(report.source).name)
        if override is None or not any(n.anchor for n in override.notes):
            continue
        anchors = page_anchors(report)
        out.extend(Diagnostic(path, f"source note for {override.file}: no paragraph or section {n.anchor!r} "
                              "in the report; the note is shown at the top of the page only", n.line, "warning",
                              fix="copy the id from the report page's address (after #), or leave `anchor:` out")
                   for n in override.notes if n.anchor and n.anchor not in anchors)
    return out


def read_topics(path: Path, problems: Problems) -> list[Topic]:
    topics = _each(path, _read(path, problems), "topics", TopicSchema, problems, {}, lambda v, raw: Topic(
        v["name"], v["slug"], v["description"], v["keywords"], v["terms"], line_of(raw)))
    out: list[Topic] = []
    seen: dict[str, Optional[int]] = {}
    for topic, raw in topics:
        if topic.slug in seen:
            problems.add(path, f"slug {topic.slug!r} is used twice (first on line {seen[topic.slug]})",
                         line_of(raw, "slug"), "give each topic its own slug")
            continue
        seen[topic.slug] = topic.line
        out.append(topic)
    return out


def read_glossary(path: Path, problems: Problems) -> list[CuratedEntry]:
    entries = _each(path, _read(path, problems), "terms", GlossarySchema, problems, {}, lambda v, raw: CuratedEntry(
        v["term"], drop_cjk_spaces(v["definition"]), drop_cjk_spaces(v["source"]), v["aliases"], v["category"],
        line_of(raw), drop_cjk_spaces(v["short"])))
    if not problems.fail_fast:  # the build merges such entries; `check` names them
        _glossary_duplicates(path, entries, problems)
    return [entry for entry, _ in entries]


def _glossary_duplicates(path: Path, entries: list[tuple[CuratedEntry, Any]], problems: Problems) -> None:
    """Two entries for one term; an alias naming another term, or claimed by two terms."""
    from ..glossary.normalize import normalize  # generator.glossary imports this package

    terms: dict[str, CuratedEntry] = {}
    for entry, _ in entries:
        first = terms.setdefault(normalize(entry.term), entry)
        if first is not entry:
            problems.add(path, f"duplicate term {entry.term!r}: {first.term!r} is already defined on line "
                               f"{first.line}", entry.line, "merge the two entries")
    aliases: dict[str, tuple[CuratedEntry, Optional[int]]] = {}
    for entry, raw in entries:
        own = normalize(entry.term)
        lines = getattr(raw.get("aliases"), "item_lines", None) or [line_of(raw, "aliases")] * len(entry.aliases)
        for alias, line in zip(entry.aliases, lines):
            norm = normalize(alias)
            other = terms.get(norm)
            if other is not None and norm != own:
                problems.add(path, f"alias {alias!r} of {entry.term!r} is the term {other.term!r} (line {other.line})",
                             line, "remove the alias or merge the entries")
                continue
            claimed = aliases.setdefault(norm, (entry, line))
            if claimed[0] is not entry and normalize(claimed[0].term) != own:
                problems.add(path, f"alias {alias!r} is shared by {claimed[0].term!r} (line {claimed[1]}) and "
                                   f"{entry.term!r}", line, "keep it on one term")


def read_categories(path: Path, problems: Problems) -> dict[str, str]:
    """Normalized headword -> category; a term listed under two categories is a problem."""
    from ..glossary.normalize import normalize  # generator.glossary imports this package

    out: dict[str, str] = {}
    for values, raw in _each(path, _read(path, problems), "categories", CategorySchema, problems, {},
                             lambda v, raw: v):
        for term in values["terms"]:
            key = normalize(term)
            if key in out and out[key] != values["category"]:
                problems.add(path, f"term {term!r} is listed under {out[key]!r} and {values['category']!r}",
                             line_of(raw, "terms"), "keep it in one category")
                continue
            out.setdefault(key, values["category"])
    return out


def read_config(root: Path | str, problems: Problems, region_exists=None) -> SiteConfig:
    """Every file under ``root``/site_config, problems to ``problems``."""
    root = Path(root)
    cdir = root / "site_config"
    settings = read_settings(cdir / "site.yaml", problems)
    regions = read_regions(cdir / "regions.yaml", problems)
    known = {r.name for r in regions} | {a for r in regions for a in r.aliases}
    reports = read_reports(cdir / "reports.yaml", problems, known, region_exists)
    topics = read_topics(cdir / "topics.yaml", problems)
    glossary = read_glossary(cdir / "glossary.yaml", problems)
    categories = read_categories(cdir / "categories.yaml", problems)
    return SiteConfig(root, settings, regions, reports, topics, glossary, categories)


# File name -> the schema of the file (site.yaml) or of one of its entries.
FILE_SCHEMAS: dict[str, type[Schema]] = {
    "site.yaml": SiteSchema,
    "regions.yaml": RegionSchema,
    "reports.yaml": ReportSchema,
    "topics.yaml": TopicSchema,
    "glossary.yaml": GlossarySchema,
    "categories.yaml": CategorySchema,
}
