"""The document model shared by every stage.

ingest builds ``Report`` objects (with their ``Section``/``Paragraph``/``GlossaryEntry``
tree and the ``Removal`` record); glossary builds ``Term`` objects with their
``Definition``s and finds ``Occurrence``s in report paragraphs; site renders all of it.

Only plain data lives here: no I/O, no parsing, no rendering.
Every class has ``to_json()`` giving the public JSON schema documented in README.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, Callable, Iterator, Literal, NamedTuple, Optional

from .gloss import gloss_of

# Region levels, from the top down. Values are stable identifiers; the site shows
# the Chinese labels in REGION_LEVEL_LABELS.
RegionLevel = Literal["national", "province", "prefecture", "county"]
REGION_LEVELS: tuple[RegionLevel, ...] = ("national", "province", "prefecture", "county")
ParagraphKind = Literal["text", "item", "title", "table"]
SectionKind = Literal["part", "subsection", "item-group", "attachment", "glossary"]
Severity = Literal["error", "warning", "note"]
REGION_LEVEL_LABELS = {"national": "全国", "province": "省级", "prefecture": "地级", "county": "县级", "": "未知"}


_FIELD_VALUES: dict[type, Callable[[Any], tuple]] = {}


class _PickledByFields:
    """Pickled as its class and its field values in order, read back by calling the class.

    For the objects a parsed report holds by the hundred thousand (the on-disk cache and
    worker processes pickle them): pickle's default keeps each one's ``__dict__``, which
    is slower both ways (cn/'s parsed reports: 0.70 s to pickle, 0.60 s to read back;
    this way 0.61 s and 0.33 s)."""

    __slots__ = ()

    def __reduce__(self) -> tuple:
        cls = type(self)
        values = _FIELD_VALUES.get(cls)
        if values is None:
            values = _FIELD_VALUES[cls] = attrgetter(*(f.name for f in fields(cls)))  # type: ignore[arg-type]
        return cls, values(self)


@dataclass(frozen=True)
class RegionRef:
    """A region named by a report or a parent in the hierarchy."""

    name: str
    level: RegionLevel | Literal[""] = ""  # "" when unknown
    code: Optional[str] = None  # six-digit administrative code, e.g. "150624"

    def to_json(self) -> dict:
        return {"name": self.name, "level": self.level or None, "code": self.code}


@dataclass
class Region:
    """A resolved region: itself plus its parents from the top down."""

    name: str
    level: RegionLevel | Literal[""] = ""
    code: Optional[str] = None
    parents: list[RegionRef] = field(default_factory=list)  # top first
    resolved: bool = True  # False when the name resolves nowhere (a warning is given)

    @property
    def ref(self) -> RegionRef:
        return RegionRef(self.name, self.level, self.code)

    def chain(self) -> list[RegionRef]:
        """Parents then the region itself, top first."""
        return [*self.parents, self.ref]

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "level": self.level or None,
            "code": self.code,
            "parents": [p.to_json() for p in self.parents],
        }


@dataclass
class Speaker:
    name: str = ""  # "苏智雄"; a spaced name "南 男" is stored as "南男"
    title: str = ""  # "代旗长"

    def to_json(self) -> dict:
        return {"name": self.name or None, "title": self.title or None}


@dataclass
class Removal(_PickledByFields):
    """One change made while cleaning: nothing leaves the source without one of these."""

    text: str  # the exact source text removed (or, for a join, the line break(s) removed)
    reason: str  # short English reason code, e.g. "jump-marker", "meeting-header", "duplicate-paragraph", "line-join"
    line: int  # 1-based line in the source file where the removed text started
    detail: str = ""  # human-readable explanation

    def to_json(self) -> dict:
        return {"text": self.text, "reason": self.reason, "line": self.line, "detail": self.detail}


@dataclass
class Paragraph(_PickledByFields):
    """A paragraph of report text.

    ``text`` is the cleaned text exactly as the reader sees it; it may contain any
    character (Markdown/HTML specials included): escaping is the site's job.
    """

    text: str
    anchor: str  # stable id unique within the report, e.g. "p2-3-4"
    line: int  # 1-based source line where it starts
    kind: ParagraphKind = "text"  # "item": numbered list item, "title": title block line
    lead: int = 0  # length of a run-in lead phrase at the start ("一是…。", "——…。"), 0 if none
    number: str = ""  # for items: the source number as written, e.g. "1." / "1、"; the text excludes it

    def to_json(self) -> dict:
        out = {"text": self.text, "anchor": self.anchor, "line": self.line, "kind": self.kind}
        if self.lead:
            out["lead"] = self.text[: self.lead]
        if self.number:
            out["number"] = self.number
        return out


@dataclass
class GlossaryEntry(_PickledByFields):
    """One entry of a report's own 名词解释 appendix."""

    term: str  # as written, quotes kept: "“四办”改革"
    definition: str
    anchor: str  # stable id unique within the report, e.g. "mc-3"
    line: int
    number: str = ""  # as written when the source numbered it: "3." / "（3）" / "①" / "[3]"

    def to_json(self) -> dict:
        out = {"term": self.term, "definition": self.definition, "anchor": self.anchor, "line": self.line}
        if self.number:
            out["number"] = self.number
        return out


# Section kinds
SECTION_KINDS: tuple[SectionKind, ...] = ("part", "subsection", "item-group", "attachment", "glossary")


@dataclass
class Section(_PickledByFields):
    title: str  # heading text as the reader sees it, number included: "一、2023年工作总结"
    level: int  # 1 = top (一、 / 附件), 2 = （一）, 3 = below
    anchor: str  # stable, readable id unique within the report
    line: int
    kind: SectionKind = "part"
    number: str = ""  # "一" / "（三）" / "附件 1" / "" for unnumbered titles
    paragraphs: list[Paragraph] = field(default_factory=list)
    sections: list["Section"] = field(default_factory=list)
    entries: list[GlossaryEntry] = field(default_factory=list)  # kind == "glossary" only
    synthetic: bool = False  # True for a part the source lacks (a report starting mid-part)

    def walk(self) -> Iterator["Section"]:
        yield self
        for s in self.sections:
            yield from s.walk()

    def to_json(self) -> dict:
        out = {
            "title": self.title,
            "level": self.level,
            "anchor": self.anchor,
            "kind": self.kind,
            "number": self.number,
            "line": self.line,
            "paragraphs": [p.to_json() for p in self.paragraphs],
            "sections": [s.to_json() for s in self.sections],
        }
        if self.entries:
            out["entries"] = [e.to_json() for e in self.entries]
        if self.synthetic:
            out["synthetic"] = True
        return out


SEVERITIES: tuple[Severity, ...] = ("error", "warning", "note")


@dataclass
class Diagnostic:
    """The one message type: a problem in an input file, shown as one line, never a traceback.

    Every stage reports through it — ingest (a report file), the configuration schema
    (site_config/), the glossary lint and the build — and ``GeneratorError`` carries one.
    Messages are English; the source text they quote is not translated.

    Severities: ``error`` (the input cannot be used as it is), ``warning`` (it is used,
    but a curator should look: ``--strict`` fails on it) and ``note`` (a known, documented
    defect of the source that the site already shows as well as it can: never a strict failure).
    """

    path: str
    message: str  # English sentence saying what is wrong (and, without ``fix``, what to do)
    line: Optional[int] = None
    severity: Severity = "warning"
    offset: Optional[int] = None  # byte offset, for decoding errors
    fix: str = ""  # what to do, printed after " — "

    def where(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
        if self.offset is not None:
            where += f" (byte {self.offset})"
        return where

    def format(self, severity: bool = True) -> str:
        """``path:line: severity: message — fix``; ``severity=False`` leaves the severity out
        (a configuration error that stops the build says so by stopping)."""
        text = f"{self.where()}: {self.severity}: {self.message}" if severity else f"{self.where()}: {self.message}"
        return f"{text} — {self.fix}" if self.fix else text

    def to_json(self) -> dict:
        out = {"path": self.path, "line": self.line, "severity": self.severity, "message": self.message}
        if self.fix:
            out["fix"] = self.fix
        return out


@dataclass
class Report:
    source: str  # path of the source file as given (relative to the project when possible)
    slug: str  # URL-safe ASCII id, unique in the site, e.g. "2024-etuoke-qi"
    title: str = "政府工作报告"
    region: Optional[Region] = None
    year: Optional[int] = None
    date: Optional[str] = None  # ISO YYYY-MM-DD
    meeting: str = ""  # "鄂托克旗第十八届人民代表大会第三次会议"
    speaker: Speaker = field(default_factory=Speaker)
    audience: str = ""  # "各位代表" / "各位主任、委员"
    front: list[Paragraph] = field(default_factory=list)  # title block lines, kept verbatim (kind "title")
    preamble: list[Paragraph] = field(default_factory=list)  # text before the first heading
    sections: list[Section] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    meta: dict = field(default_factory=dict)  # extra front-matter fields, verbatim
    source_url: str = ""  # the official source (front-matter `source:`, or reports.yaml `source_url:`)
    # Content digest of the source file and the settings it was parsed with (set by
    # ingest.load; "" otherwise). Equal digests mean equal reports: memo keys use it.
    digest: str = ""

    # -- traversal helpers used by every stage ---------------------------------
    def walk_sections(self) -> Iterator[Section]:
        for s in self.sections:
            yield from s.walk()

    def paragraphs(self) -> Iterator[tuple[Optional[Section], Paragraph]]:
        """Every body paragraph in reading order with its section (None for the preamble)."""
        for p in self.preamble:
            yield None, p
        for s in self.walk_sections():
            for p in s.paragraphs:
                yield s, p

    @property
    def glossary(self) -> list[GlossaryEntry]:
        return [e for s in self.walk_sections() for e in s.entries]

    @property
    def region_name(self) -> str:
        return self.region.name if self.region else ""

    def full_title(self, sep: str = "") -> str:
        """Region, year and title as readers see them: 鄂托克旗2024年政府工作报告, or with
        ``sep=" "`` 鄂托克旗 2024年政府工作报告 (the one place this name is made). A title that
        already names the region or the year (2024年内蒙古自治区政府工作报告, from a front
        matter) does not get them twice."""
        title = self.title or "政府工作报告"
        region = self.region_name if self.region_name not in title else ""
        year = f"{self.year}年" if self.year and f"{self.year}年" not in title else ""
        return f"{region}{sep if region else ''}{year}{title}".strip()

    def to_json(self) -> dict:
        return {
            "source": self.source,
            "slug": self.slug,
            "title": self.title,
            "region": self.region.to_json() if self.region else None,
            "year": self.year,
            "date": self.date,
            "meeting": self.meeting or None,
            "speaker": self.speaker.to_json(),
            "audience": self.audience or None,
            "source_url": self.source_url or None,
            "front": [p.to_json() for p in self.front],
            "preamble": [p.to_json() for p in self.preamble],
            "sections": [s.to_json() for s in self.sections],
            "glossary": [e.to_json() for e in self.glossary],
            "removed": [r.to_json() for r in self.removed],
            "diagnostics": [d.to_json() for d in self.diagnostics],
        }


# --------------------------------------------------------------------------- glossary


@dataclass
class Definition:
    text: str
    origin: str  # "official" (a report's 名词解释) | "curated" (site_config/glossary.yaml)
    source: str  # label shown to readers: "鄂托克旗 2024年政府工作报告 名词解释" or the curated source note
    report_slug: Optional[str] = None  # official: the report that defines it
    anchor: Optional[str] = None  # official: the entry's anchor in that report
    term_as_written: str = ""  # official: the term exactly as the report wrote it
    region: str = ""
    year: Optional[int] = None
    config_line: Optional[int] = None  # curated: line in the glossary file


@dataclass
class Term:
    key: str  # normalized key (see glossary.normalize)
    headword: str  # display form
    slug: str  # pinyin address, e.g. "san-bei-gong-cheng"
    pinyin: str  # "sān běi gōng chéng"
    aliases: list[str] = field(default_factory=list)  # surface forms that also link here
    category: str = ""
    definitions: list[Definition] = field(default_factory=list)

    curated_short: str = ""  # site_config/glossary.yaml `short:` (our own words, <= 60 characters)

    @property
    def short(self) -> str:
        """The gloss a term link's tooltip shows: the curated ``short:`` when there is one,
        else the first definition's first whole sentence or clause (``gloss.gloss_of``)."""
        if self.curated_short:
            return self.curated_short
        return gloss_of(self.definitions[0].text) if self.definitions else ""

    @property
    def gloss_source(self) -> str:
        """Where ``short`` comes from, as readers see it under the gloss:
        ``内蒙古自治区 2024 名词解释`` for an official entry, ``本站释义`` for our own words."""
        if self.curated_short or not self.definitions:
            return "本站释义" if self.curated_short else ""
        first = self.definitions[0]
        if first.origin == "official":
            when = f" {first.year}" if first.year else ""
            return f"{first.region or '报告'}{when} 名词解释"
        return "本站释义"


class Span(NamedTuple):
    """Where a term is named in a text: ``text[start:end]`` names the term ``key``
    (a tuple, so ``start, end, key = span`` works too)."""

    start: int
    end: int
    key: str


@dataclass(frozen=True)
class Occurrence:
    """A term found in a report paragraph (offsets into ``Paragraph.text``)."""

    term_key: str
    report_slug: str
    anchor: str  # paragraph anchor (or glossary entry anchor)
    start: int
    end: int
    linked: bool = True  # False when the link policy leaves this occurrence unlinked
