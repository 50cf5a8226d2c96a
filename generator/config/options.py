"""The options of each site_config/ file, declared once: name, type, default and what it
does (the docstrings and help texts are what ``python -m generator check`` and the
documentation show). generator/config/files.py reads the files with them."""

from __future__ import annotations

from ..model import REGION_LEVELS
from .schema import Bool, Choice, Code, Int, Nested, NestedList, Problems, Schema, Str, StrList
from .yaml_lines import line_of
from .types import LINK_POLICIES, SEARCH_ENGINES

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

    cache_dir = Str(default="build/cache")
    """Folder (relative to the project) where ``build``, ``export`` and ``mkdocs build|serve``
    keep parsed reports, glossary occurrences, targets and candidate phrases between runs,
    so a later run redoes only the reports that changed; empty: keep nothing on disk."""

    workers = Int(default=0, minimum=0)
    """Processes that parse reports, find glossary terms and topic words and read targets
    when a run has many reports to do (a cold ``build`` or ``export`` of a large folder;
    generator/parallel.py):
    0 (default) = one per CPU core, 1 = all in one process. The output is the same bytes
    either way."""

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


class SourceNoteSchema(Schema):
    """One curated note on a defect of a report's source (``notes:`` in reports.yaml)."""

    what = "a source note"

    text = Str(required=True, strip=True, empty=("a source note has no text", "write the note after `text:`"))
    """What is wrong with the source, in Chinese, in our own words (at most 200 characters),
    e.g. 原文此段与上一段在报纸版面上错接。Shown at the top of the report page and at ``anchor``."""

    anchor = Str(default="", pattern=r"[\w.:-]+", bad=("anchor {value!r} is not a paragraph or section id",
                                                      "copy the id from the page address, e.g. `anchor: p3-1-1`"))
    """The paragraph or section the note is about (its id on the report page, e.g. ``p3-1-1``);
    without it the note is shown at the top only."""

    @classmethod
    def check(cls, values: dict, raw: dict, problems: Problems, ctx: dict) -> None:
        if len(values["text"]) > NOTE_MAX:
            problems.add(ctx["path"], f"source note is {len(values['text'])} characters long (at most {NOTE_MAX})",
                         line_of(raw, "text"), "shorten the note; the removal record and the source say the rest")


NOTE_MAX = 200


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

    notes = NestedList(SourceNoteSchema, default=[])
    """Curated notes on defects of the source the generator cannot see by itself, each
    ``text:`` and optionally ``anchor:`` (see the 关于 page, 原文质量提示). They are shown with
    the notices the generator finds (missing opening part, spliced paragraphs, removed text)."""

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
