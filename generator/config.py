"""Read and validate everything under site_config/ in one place.

Each file is parsed with line numbers kept, checked against a small schema, and
turned into plain dataclasses. Every problem becomes a ``ConfigError`` naming the
file, the line and the fix. Nothing else in the package reads site_config/.

Files (all optional; a missing file means "nothing configured"):

- ``site.yaml``     site-wide switches (link policy, search engine, folders)
- ``regions.yaml``  regions the dataset lacks, or aliases for names reports use
- ``reports.yaml``  per-report metadata overrides, keyed by the report's file name
- ``topics.yaml``   topics: name, slug, description, keywords, glossary terms
- ``glossary.yaml`` curated glossary entries
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

import yaml

from .errors import ConfigError
from .model import REGION_LEVELS

LINK_POLICIES = ("all", "section", "page")
SEARCH_ENGINES = ("material", "pagefind")


# --------------------------------------------------------------------------- YAML with lines


class _Map(dict):
    """A mapping that remembers the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict


class _Seq(list):
    line: int = 0
    item_lines: list


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_map(loader: _LineLoader, node: yaml.MappingNode) -> _Map:
    out = _Map()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in out:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = key_node.start_mark.line + 1
    return out


def _construct_seq(loader: _LineLoader, node: yaml.SequenceNode) -> _Seq:
    out = _Seq(loader.construct_object(n, deep=True) for n in node.value)
    out.line = node.start_mark.line + 1
    out.item_lines = [n.start_mark.line + 1 for n in node.value]
    return out


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_seq)


def load_yaml(path: Path) -> Any:
    """Parse a YAML file keeping line numbers; syntax errors become ConfigError."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(path, f"not UTF-8 (byte {exc.start})", fix="save the file as UTF-8")
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise ConfigError(path, f"YAML syntax error: {problem}", line,
                          fix="check indentation, colons and quotes on this line")
    except yaml.YAMLError as exc:  # pragma: no cover - non-marked errors are rare
        raise ConfigError(path, f"YAML error: {exc}", fix="fix the YAML syntax")


def _line(obj: Any, key: Any = None) -> Optional[int]:
    if isinstance(obj, _Map):
        return obj.key_lines.get(key, obj.line) if key is not None else obj.line
    return getattr(obj, "line", None)


# --------------------------------------------------------------------------- schema checking


def _check_keys(path: Path, obj: Any, allowed: dict, what: str) -> None:
    """``allowed`` maps key -> (type or tuple of types, required)."""
    if not isinstance(obj, dict):
        raise ConfigError(path, f"{what} must be a mapping (key: value)", _line(obj),
                          fix="write it as `key: value` lines")
    for key in obj:
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            raise ConfigError(path, f"unknown key {key!r} in {what}", _line(obj, key),
                              fix=f"use one of: {known}")
    for key, (types, required) in allowed.items():
        if key not in obj or obj[key] is None:
            if required:
                raise ConfigError(path, f"{what} has no {key!r}", _line(obj),
                                  fix=f"add `{key}:` to this entry")
            continue
        if not isinstance(obj[key], types):
            want = types.__name__ if isinstance(types, type) else "/".join(t.__name__ for t in types)
            raise ConfigError(path, f"{key!r} in {what} must be {want}", _line(obj, key),
                              fix=f"give {key!r} a {want} value")


def _str_list(path: Path, obj: dict, key: str, what: str) -> list[str]:
    value = obj.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int)) for v in value):
        raise ConfigError(path, f"{key!r} in {what} must be a list of strings", _line(obj, key),
                          fix=f"write {key!r} as `[a, b]` or one `- item` per line")
    return [str(v) for v in value]


def _entries(path: Path, data: Any, list_key: str) -> list:
    """A file is either a list of entries or a mapping with one list key."""
    if data is None:
        return []
    if isinstance(data, dict):
        _check_keys(path, data, {list_key: (list, False)}, "the file")
        data = data.get(list_key) or []
    if not isinstance(data, list):
        raise ConfigError(path, "expected a list of entries", _line(data), fix="start each entry with `- `")
    return data


# --------------------------------------------------------------------------- dataclasses


@dataclass
class SiteSettings:
    link_policy: str = "section"  # all | section | page
    search: str = "material"  # material | pagefind
    seeds_dir: str = "seeds"
    docs_src: str = "docs_src"
    output_dir: str = "docs"
    strict: bool = False


@dataclass
class RegionConfig:
    name: str
    level: str = ""
    code: Optional[str] = None
    parent: str = ""
    aliases: list[str] = field(default_factory=list)
    line: Optional[int] = None


@dataclass
class ReportOverride:
    file: str
    fields: dict  # any of: title, region, year, date, meeting, speaker{name,title}, audience, slug
    line: Optional[int] = None


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


@dataclass
class SiteConfig:
    root: Path
    settings: SiteSettings
    regions: list[RegionConfig]
    reports: dict[str, ReportOverride]
    topics: list[Topic]
    glossary: list[CuratedEntry]

    @property
    def config_dir(self) -> Path:
        return self.root / "site_config"

    def path(self, name: str) -> Path:
        return self.config_dir / name


# --------------------------------------------------------------------------- loaders


def _load_settings(path: Path) -> SiteSettings:
    data = load_yaml(path) if path.exists() else None
    if data is None:
        return SiteSettings()
    allowed = {"link_policy": (str, False), "search": (str, False), "seeds_dir": (str, False),
               "docs_src": (str, False), "output_dir": (str, False), "strict": (bool, False)}
    _check_keys(path, data, allowed, "site settings")
    settings = SiteSettings(**{k: v for k, v in data.items() if v is not None})
    if settings.link_policy not in LINK_POLICIES:
        raise ConfigError(path, f"link_policy {settings.link_policy!r} is not known", _line(data, "link_policy"),
                          fix=f"use one of: {', '.join(LINK_POLICIES)}")
    if settings.search not in SEARCH_ENGINES:
        raise ConfigError(path, f"search {settings.search!r} is not known", _line(data, "search"),
                          fix=f"use one of: {', '.join(SEARCH_ENGINES)}")
    return settings


def _load_regions(path: Path) -> list[RegionConfig]:
    out = []
    data = load_yaml(path) if path.exists() else None
    for item in _entries(path, data, "regions"):
        allowed = {"name": (str, True), "level": (str, False), "code": ((str, int), False),
                   "parent": (str, False), "aliases": ((list, str), False)}
        _check_keys(path, item, allowed, "a region")
        level = item.get("level") or ""
        if level and level not in REGION_LEVELS:
            raise ConfigError(path, f"level {level!r} is not known", _line(item, "level"),
                              fix=f"use one of: {', '.join(REGION_LEVELS)}")
        code = str(item["code"]) if item.get("code") is not None else None
        if code and not re.fullmatch(r"\d{6}", code):
            raise ConfigError(path, f"code {code!r} is not a six-digit administrative code",
                              _line(item, "code"), fix="write the code as six digits, e.g. 150624")
        out.append(RegionConfig(item["name"], level, code, item.get("parent") or "",
                                _str_list(path, item, "aliases", "a region"), _line(item)))
    return out


REPORT_FIELDS = {"title": (str, False), "region": (str, False), "year": (int, False),
                 "date": ((str,), False), "meeting": (str, False), "speaker": (dict, False),
                 "audience": (str, False), "slug": (str, False)}


def _load_reports(path: Path, known_regions: set[str], region_exists) -> dict[str, ReportOverride]:
    data = load_yaml(path) if path.exists() else None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(path, "expected a mapping of report file names to overrides", _line(data),
                          fix="write `file-name.txt:` then the fields to override, indented")
    out = {}
    for name, fields in data.items():
        what = f"the override for {name!r}"
        _check_keys(path, fields, REPORT_FIELDS, what)
        if "speaker" in fields and fields["speaker"] is not None:
            _check_keys(path, fields["speaker"], {"name": (str, False), "title": (str, False)}, "speaker")
        if fields.get("date") and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(fields["date"])):
            raise ConfigError(path, f"date {fields['date']!r} is not YYYY-MM-DD", _line(fields, "date"),
                              fix="quote the date and write it as \"2024-01-26\"")
        region = fields.get("region")
        if region and region not in known_regions and not (region_exists and region_exists(region)):
            raise ConfigError(path, f"unknown region {region!r}", _line(fields, "region"),
                              fix="use the region's official name, or add it to site_config/regions.yaml")
        out[str(name)] = ReportOverride(str(name), {k: v for k, v in fields.items() if v is not None},
                                        _line(data, name))
    return out


def _load_topics(path: Path) -> list[Topic]:
    data = load_yaml(path) if path.exists() else None
    out, seen = [], {}
    for item in _entries(path, data, "topics"):
        allowed = {"name": (str, True), "slug": (str, True), "description": (str, False),
                   "keywords": ((list, str), False), "terms": ((list, str), False)}
        _check_keys(path, item, allowed, "a topic")
        keywords = _str_list(path, item, "keywords", "a topic")
        if not keywords:
            raise ConfigError(path, f"topic {item['name']!r} has no keywords", _line(item),
                              fix="add `keywords: [词一, 词二]` so paragraphs can be assigned to it")
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", item["slug"]):
            raise ConfigError(path, f"slug {item['slug']!r} must be lowercase ASCII words joined by -",
                              _line(item, "slug"), fix="e.g. `slug: sheng-tai-huan-jing`")
        if item["slug"] in seen:
            raise ConfigError(path, f"slug {item['slug']!r} is used twice (first on line {seen[item['slug']]})",
                              _line(item, "slug"), fix="give each topic its own slug")
        seen[item["slug"]] = _line(item)
        out.append(Topic(item["name"], item["slug"], item.get("description") or "", keywords,
                         _str_list(path, item, "terms", "a topic"), _line(item)))
    return out


def _load_glossary(path: Path) -> list[CuratedEntry]:
    data = load_yaml(path) if path.exists() else None
    out = []
    for item in _entries(path, data, "terms"):
        allowed = {"term": (str, True), "definition": (str, False), "source": (str, False),
                   "aliases": ((list, str), False), "category": (str, False)}
        _check_keys(path, item, allowed, "a glossary entry")
        definition = (item.get("definition") or "").strip()
        if not definition:
            raise ConfigError(path, f"glossary entry {item['term']!r} has no definition", _line(item),
                              fix="add `definition:` in your own words, with a `source:` note")
        source = (item.get("source") or "").strip()
        if not source:
            raise ConfigError(path, f"glossary entry {item['term']!r} has no source note", _line(item),
                              fix="add `source:` naming the document and year that state the facts")
        out.append(CuratedEntry(item["term"].strip(), definition, source,
                                _str_list(path, item, "aliases", "a glossary entry"),
                                (item.get("category") or "").strip(), _line(item)))
    return out


def load_config(root: Path | str = ".", region_exists=None) -> SiteConfig:
    """Load site_config/ under ``root``.

    ``region_exists(name) -> bool`` lets the caller validate report overrides
    against the administrative-division dataset without an import cycle.
    """
    root = Path(root)
    cdir = root / "site_config"
    settings = _load_settings(cdir / "site.yaml")
    regions = _load_regions(cdir / "regions.yaml")
    known = {r.name for r in regions} | {a for r in regions for a in r.aliases}
    reports = _load_reports(cdir / "reports.yaml", known, region_exists)
    topics = _load_topics(cdir / "topics.yaml")
    glossary = _load_glossary(cdir / "glossary.yaml")
    return SiteConfig(root, settings, regions, reports, topics, glossary)
