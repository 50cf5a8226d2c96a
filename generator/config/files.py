"""One schema per site_config/ file: every option, its type and what it does.

``read_config`` reads the five files (each optional: a missing file means nothing
configured) into the typed ``SiteConfig`` (generator/config/types.py), sending
every problem to a ``Problems`` collector (fail-fast or collect-all, schema.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Optional

from ..errors import ConfigError
from ..model import REGION_LEVELS
from ..text import drop_cjk_spaces
from .schema import Bool, Choice, Code, Int, Nested, Problems, Schema, Str, StrList
from .types import (LINK_POLICIES, SEARCH_ENGINES, CuratedEntry, RegionConfig, ReportOverride, SiteConfig,
                    SiteSettings, Topic)
from .yaml_lines import load_yaml, line_of

SLUG = r"[a-z0-9]+(-[a-z0-9]+)*"


class SiteSchema(Schema):
    """``site_config/site.yaml``: site-wide switches."""

    what = "site settings"

    link_policy = Choice(LINK_POLICIES, default="section")
    """Which occurrences of a term link to its page: ``all`` of them, the first in each
    ``section`` (default), or the first on each ``page``."""

    search = Choice(SEARCH_ENGINES, default="material")
    """Search engine of the built site: ``material`` (MkDocs' search with the jieba
    segmenter, default) or ``pagefind`` (for large sites; needs the ``pagefind`` extra)."""

    reports = Str(default="")
    """Folder of report files, relative to the project or absolute, e.g. ``../shared/corpus/nmg``
    (``build --reports`` overrides it); empty: ``seeds_dir``."""

    seeds_dir = Str(default="seeds")
    """The site's own reports (``seeds/``): the folder used when ``reports`` is not set."""

    docs_src = Str(default="docs_src")
    """Folder of hand-written pages and assets copied into the site."""

    output_dir = Str(default="docs")
    """Folder the generated Markdown is written to (``build --out`` overrides it)."""

    strict = Bool(default=False)
    """``true``: any warning about a report file fails the build, as ``build --strict`` does.
    Notes (known defects of a source, such as a report that starts mid-part) never do."""


class RegionSchema(Schema):
    """One entry of ``site_config/regions.yaml``: a region the dataset lacks, or aliases."""

    what = "a region"

    name = Str(required=True)
    """Official name, e.g. 鄂托克旗 (an existing region gets the aliases and fields given here)."""

    level = Choice(REGION_LEVELS, default="")
    """``national``, ``province``, ``prefecture`` or ``county``."""

    code = Code()
    """Six-digit administrative division code, e.g. 150624."""

    parent = Str(default="")
    """Name of the region it belongs to, e.g. 鄂尔多斯市."""

    aliases = StrList(default=[])
    """Other names reports use for it, e.g. 锡盟 for 锡林郭勒盟."""


class SpeakerSchema(Schema):
    what = "speaker"

    name = Str()
    """The speaker's name, e.g. 苏智雄."""

    title = Str()
    """The speaker's office, e.g. 代旗长."""


class ReportSchema(Schema):
    """One entry of ``site_config/reports.yaml`` (keyed by the report's file name): metadata
    that wins over what the parser reads from the text."""

    what = "the override"

    title = Str()
    """Title of the report, e.g. 政府工作报告."""

    region = Str()
    """Region the report belongs to: an official name or one in regions.yaml."""

    year = Int()
    """Year the report is for."""

    date = Str(pattern=r"\d{4}-\d{2}-\d{2}", bad=("date {value!r} is not YYYY-MM-DD",
                                                 'quote the date and write it as "2024-01-26"'))
    """Date of the meeting, quoted: ``"2024-01-26"``."""

    meeting = Str()
    """The meeting, e.g. 鄂托克旗第十八届人民代表大会第三次会议."""

    speaker = Nested(SpeakerSchema)
    """``name:`` and ``title:`` of the speaker."""

    audience = Str()
    """Opening address, e.g. 各位代表."""

    slug = Str()
    """Address of the report page (reports/<slug>.md) when the file name does not give a good one."""

    source_url = Str(pattern=r"https?://\S+", bad=("source_url {value!r} is not an http(s) address",
                                                   "give the address of the official page, starting with https://"))
    """The official source the text was taken from (shown as a link on the report card);
    a front-matter ``source:`` gives it too."""

    @classmethod
    def check(cls, values: dict, raw: dict, problems: Problems, ctx: dict) -> None:
        region = values["region"]
        exists = ctx["region_exists"]
        if region and region not in ctx["known_regions"] and not (exists and exists(region)):
            problems.add(ctx["path"], f"unknown region {region!r}", line_of(raw, "region"),
                         "use the region's official name, or add it to site_config/regions.yaml")


class TopicSchema(Schema):
    """One entry of ``site_config/topics.yaml``."""

    what = "a topic"

    name = Str(required=True)
    """Topic name as readers see it, e.g. 生态环境."""

    slug = Str(required=True, pattern=SLUG, bad=("slug {value!r} must be lowercase ASCII words joined by -",
                                                 "e.g. `slug: sheng-tai-huan-jing`"))
    """Address of the topic page (topics/<slug>.md); unique."""

    description = Str(default="")
    """One or two sentences shown at the top of the topic page."""

    keywords = StrList(default=[], empty=("topic {name!r} has no keywords",
                                          "add `keywords: [词一, 词二]` so paragraphs can be assigned to it"))
    """Words that assign a paragraph to the topic (at least one)."""

    terms = StrList(default=[])
    """Glossary terms listed on the topic page."""


class GlossarySchema(Schema):
    """One entry of ``site_config/glossary.yaml``: a curated definition, in our own words."""

    what = "a glossary entry"

    term = Str(required=True, strip=True)
    """The term as the site shows it; quotes and spaces do not make a different term."""

    definition = Str(default="", strip=True, empty=(
        "glossary entry {term!r} has no definition", "add `definition:` in your own words, with a `source:` note"))
    """The definition, written in our own words."""

    source = Str(default="", strip=True, empty=(
        "glossary entry {term!r} has no source note",
        "add `source:` naming the document and year that state the facts"))
    """Document and year that state the facts the definition gives."""

    aliases = StrList(default=[])
    """Other spellings in the reports that link to this term."""

    category = Str(default="", strip=True)
    """Group on the glossary index page, e.g. 生态."""

    short = Str(default="", strip=True, pattern=r"[^\n]{1,60}", bad=(
        "short gloss {value!r} is longer than 60 characters or spans lines",
        "write one line of at most 60 characters (it is the tooltip of every link to the term)"))
    """One line of at most 60 characters, in our own words: the tooltip of every link to the
    term (wins over the rule that takes the first sentence of the first definition)."""


class CategorySchema(Schema):
    """One entry of ``site_config/categories.yaml``: the glossary category of terms that
    only the reports' 名词解释 define (a curated term names its own ``category:``)."""

    what = "a category"

    category = Str(required=True, strip=True)
    """Category name as readers see it on the glossary index, e.g. 生态环境."""

    terms = StrList(default=[], empty=("category {category!r} lists no terms",
                                       "add `terms: [词一, 词二]` (headwords as the reports write them)"))
    """Headwords (any spelling: quotes and spaces do not count) that belong to the category."""


# --------------------------------------------------------------------------- file shapes


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
            out[str(name)] = ReportOverride(str(name), {k: v for k, v in fields.items() if v is not None},
                                            line_of(data, name))
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
