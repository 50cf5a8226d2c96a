"""Report metadata: title, region, year, date, meeting, speaker, audience.

``extract_metadata`` reads the title block at the top of the cleaned body lines
(the title, the date/meeting line(s), the speaker line, up to the audience line
"各位代表：") and, when that block is silent, the body itself.

Each field is taken from the first source that states it, in this order:

1. ``site_config/reports.yaml`` override for the file (``config.reports[<file name>]``);
2. front matter (``title``/``region``/``year``/``date``/… keys; a title such as
   "2010年内蒙古自治区政府工作报告" or "乌兰察布市政府工作报告（2014年1月6日 陶淑菊）");
3. the text: the title block first, then the body (a plan/review heading such as
   "三、2024年重点工作" for the year; for the region, "我代表市人民政府" plus the
   region of that kind the body names most often, see ``_region_from_mentions``);
4. the file name ("乌兰察布市_2014.md").

The report year is the year the report plans: an explicit "2010年…政府工作报告"
title, else the meeting date's year (a December meeting plans the next year), else
a plan/review heading ("2024年工作安排" → 2024, "2023年工作回顾" → 2024). A heading
that contradicts the chosen year gives a warning.
Speaker titles are kept as written ("玉泉区人民政府代区长"); a spaced name
("南 男") is joined ("南男"). Whatever no source states stays empty, with a
warning for a missing region or year. ``Metadata.sources`` says where each field
came from ("override", "front-matter", "text:<line>", "file-name", "default").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..config import SiteConfig
from ..model import Diagnostic, Region, Speaker
from ..text import HAN, HTTP_URL
from .dates import DATE, parse_date, plain, planned_year
from .regions import NATIONAL, RegionRegistry, short_form
from .titleblock import DEFAULT_TITLE, dateline_parts, name_only, parse_speaker, read_block

__all__ = ["Metadata", "extract_metadata", "apply_overrides", "parse_date", "parse_speaker", "plain"]

_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?[^\d()（）]{0,20}?政府工作报告")
_PLAN = re.compile(r"((?:19|20)\d{2})年的?(?:主要|重点)?(?:工作安排|重点工作|主要任务|主要目标|目标任务|工作任务|总体要求|工作部署|经济社会发展(?:的?主要)?(?:目标|任务|安排))(?!回顾|总结|情况)")
_REVIEW = re.compile(r"((?:19|20)\d{2})年(?:的|及|和)?[^，。；]{0,14}?(?:工作|发展)?(?:回顾|总结)|回顾((?:19|20)\d{2})年")
_SELF = re.compile(rf"我代表(?P<who>[{HAN}]{{0,12}}?)(?P<org>人民政府|政府|行政公署|行署|国务院)")
# The kind of region a self-reference names: "市人民政府" → a region named …市.
_SELF_KINDS = {"自治区": ("自治区",), "省": ("省",), "市": ("市",), "区": ("区",), "县": ("县",),
               "旗": ("旗",), "州": ("州",), "盟": ("盟",), "": ("盟", "地区")}
# A national meeting or office: the State Council's reports.
_NATIONAL = re.compile(r"全国人民代表大会|国务院")


@dataclass
class Metadata:
    title: str = DEFAULT_TITLE
    region: Optional[Region] = None
    year: Optional[int] = None
    date: Optional[str] = None  # ISO YYYY-MM-DD
    meeting: str = ""
    speaker: Speaker = field(default_factory=Speaker)
    audience: str = ""
    source_url: str = ""  # the official source: front-matter `source:` (first http(s) URL)
    front_lines: int = 0  # leading lines forming the title block (blank lines included)
    chrome: list[int] = field(default_factory=list)  # title-block lines that are web-page chrome
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # field -> where it came from


def _title_year(text: str) -> Optional[int]:
    m = _TITLE_YEAR.search(plain(text))
    return int(m.group(1)) if m else None


def _title_place(title: str) -> str:
    """The part of a title that names the region: before 政府工作报告 or the
    parenthesised date and speaker ("苏州市政府工作报告（2020年1月6日 吴江）")."""
    return re.split(r"政府工作报告|[(（]", title, maxsplit=1)[0]


# --------------------------------------------------------------------------- front matter


def _front_matter(fm: dict) -> dict:
    """Fields a front-matter mapping states."""
    out: dict = {}
    fm = fm or {}
    title = str(fm.get("title") or "").strip()
    if title:
        out["title"] = title
        year = _title_year(title)
        date = parse_date(title)
        if year:
            out["year"] = year
        if date:
            out["date"] = date
            out.setdefault("year", planned_year(date))
            m = DATE.search(plain(title))
            rest = plain(title)[m.end():].strip(" )）") if m else ""
            named = name_only(rest) if rest else None
            if named:
                out["speaker_name"] = named.name
    for key in ("region", "meeting", "audience"):
        if fm.get(key):
            out[key] = str(fm[key]).strip()
    sources = fm.get("source")
    for value in sources if isinstance(sources, list) else [sources]:
        if isinstance(value, str) and HTTP_URL.fullmatch(value.strip()):
            out["source_url"] = value.strip()
            break
    if fm.get("year") and str(fm["year"]).strip().isdigit():
        out["year"] = int(str(fm["year"]).strip())
    if fm.get("date"):  # "2024-01-26" (YAML may have made it a date) or "2024年1月26日"
        value = str(fm["date"]).strip()
        date = value if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else parse_date(value)
        if date:
            out["date"] = date
    return out


# --------------------------------------------------------------------------- year and region from the body


def _year_from_headings(lines: list[str], start: int) -> tuple[Optional[int], Optional[int]]:
    """(year, line index) from the first plan or review heading after the title block."""
    for i in range(start, len(lines)):
        if "年" not in lines[i]:  # both patterns need one (and plain() adds none)
            continue
        bold = re.match(r"^\s*\*\*(.+?)\*\*", lines[i])  # a bold heading with text run on after it
        text = plain(bold.group(1) if bold else lines[i])
        if not text or len(text) > 60 or "。" in text:  # a heading, not a sentence of the body
            continue
        m = _PLAN.search(text)
        if m:
            return int(m.group(1)), i
        m = _REVIEW.search(text)
        if m:
            return int(m.group(1) or m.group(2)) + 1, i
    return None, None


def _region_from_mentions(registry: RegionRegistry, lines: list[str], hints: list[str]
                          ) -> tuple[Optional[Region], Optional[int]]:
    """The region a body speaking for "市人民政府" / "行署" … most often names.

    The first "我代表X人民政府/行署" sets the kind of region (X = 市 → names
    ending in 市; 行署 → a 盟 or 地区); a named X ("乌兰察布市") is resolved directly.
    The winner must be named at least three times and more than twice as often as
    any other region of that kind; otherwise nothing is inferred.
    """
    for i, raw in enumerate(lines):
        m = _SELF.search(plain(raw))
        if not m:
            continue
        who = m.group("who")
        if m.group("org") == NATIONAL:
            return registry.resolve(NATIONAL), i
        if who not in _SELF_KINDS:
            region = registry.find_in_text(who, hints)
            return (region, i) if region and region.resolved else (None, None)
        suffixes = _SELF_KINDS[who]
        text = "\n".join(plain(x) for x in lines)
        counts = registry.count_mentions(text, suffixes)
        if who == "区":
            counts = {k: n for k, n in counts.items() if not registry.region_for_key(k).name.endswith("自治区")}
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] > 2 * ranked[1][1]):
            return registry.region_for_key(_prefecture_over_county(registry, text, ranked[0])), i
        return None, None
    return None, None


def _prefecture_over_county(registry: RegionRegistry, text: str, winner: tuple[str, int]) -> str:
    """A county-level city does not beat its prefecture: when the most named region is
    a county whose prefecture the text names at least as often (short forms included),
    the report is the prefecture's (铁岭市 naming 调兵山市 in its review of the year)."""
    key, n = winner
    parent = registry.parent_key(key)
    if registry.region_for_key(key).level != "county" or parent is None:
        return key
    if registry.region_for_key(parent).level != "prefecture":
        return key
    stem = short_form(registry.region_for_key(parent).name)  # 铁岭 for 铁岭市 (and 铁岭县 …)
    return parent if stem and text.count(stem) >= n else key


# --------------------------------------------------------------------------- the entry point


def extract_metadata(lines: list[str], front_matter: dict, source: str, config: Optional[SiteConfig] = None,
                     registry: Optional[RegionRegistry] = None, first_line: int = 1) -> Metadata:
    """Metadata of one report; see the module docstring for the order of sources.

    ``first_line`` is the source line number of ``lines[0]`` (after front matter),
    used for the line numbers in sources and diagnostics.
    """
    registry = registry or RegionRegistry(config)
    meta = Metadata()
    block = read_block(lines)
    meta.front_lines, meta.chrome = block.end, block.chrome
    fm = _front_matter(front_matter)
    date, meeting, glued = dateline_parts(block.dateline)
    speaker = block.speaker or glued

    def at(index: Optional[int]) -> Optional[int]:
        return None if index is None else index + first_line

    line_of = {"dateline": at(block.dateline_line), "title": at(block.title_line),
               "speaker": at(block.speaker_line), "audience": at(block.audience_line)}

    def text_src(key: str) -> str:
        return f"text:{line_of[key]}" if line_of.get(key) is not None else "text"

    def put(name: str, candidates: list[tuple[object, str]]) -> None:
        for value, src in candidates:
            if value:
                setattr(meta, name, value)
                meta.sources[name] = src
                return

    put("title", [(fm.get("title"), "front-matter"), (block.title, text_src("title")), (DEFAULT_TITLE, "default")])
    put("date", [(fm.get("date"), "front-matter"), (date, text_src("dateline"))])
    put("meeting", [(fm.get("meeting"), "front-matter"), (meeting, text_src("dateline"))])
    put("source_url", [(fm.get("source_url"), "front-matter")])
    put("audience", [(fm.get("audience"), "front-matter"),
                     (block.audience, text_src("audience"))])
    if speaker or fm.get("speaker_name"):
        meta.speaker = Speaker(fm.get("speaker_name") or (speaker.name if speaker else ""), speaker.title if speaker else "")
        meta.sources["speaker"] = "front-matter" if fm.get("speaker_name") and not speaker else text_src("speaker")

    # Year: explicit title year, meeting date, plan/review heading, file name.
    stem = Path(source).stem
    heading_year, heading_line = _year_from_headings(lines, block.end)
    file_year = re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", stem)
    text_year = [(_title_year(block.title), text_src("title")), (planned_year(date), text_src("dateline")),
                 (heading_year, f"text:{at(heading_line)}")]
    put("year", [(fm.get("year"), "front-matter"), *text_year,
                 (int(file_year.group()) if file_year else None, "file-name")])
    line_of["heading"], heading = at(heading_line), heading_year
    said = next(((y, where) for y, where in text_year[:2] if y), None)  # what the title block says
    fix_year = f"check which is right and set `year:` for {Path(source).name} in site_config/reports.yaml"
    if said and meta.year and said[0] != meta.year:
        other = "front matter" if meta.sources["year"] == "front-matter" else "file name"
        meta.diagnostics.append(Diagnostic(
            source, f"the text ({said[1]}) points to {said[0]}, but the {other} says {meta.year}",
            line_of["title"] if said[1] == text_src("title") else line_of["dateline"], fix=fix_year))
    elif file_year and meta.year and int(file_year.group()) != meta.year and meta.sources["year"] != "file-name":
        meta.diagnostics.append(Diagnostic(
            source, f"the report's year is taken from the text as {meta.year} ({meta.sources['year']}); "
                    f"the file name says {file_year.group()}", fix="the text wins: check the file name"))

    # Region: front matter, title block, body self-reference, file name.
    hints = [fm.get("title", ""), block.title, meeting, speaker.title if speaker else "", stem]
    region, src = None, ""
    if fm.get("region"):  # an explicit name is kept even when unknown (a warning follows)
        region, src = registry.resolve(fm["region"], hints), "front-matter"
    for text, where in [(_title_place(fm.get("title", "")), "front-matter"), (meeting, text_src("dateline")),
                        (block.title, text_src("title")), (speaker.title if speaker else "", text_src("speaker"))]:
        found = registry.find_in_text(text, hints) if text and region is None else None
        if found:
            region, src = found, where
    if region is None and any(_NATIONAL.search(t) for t in (meeting, block.title, speaker.title if speaker else "")):
        region, src = registry.resolve(NATIONAL), text_src("dateline" if _NATIONAL.search(meeting) else "title")
    if region is None:
        region, mention_line = _region_from_mentions(registry, lines, hints)
        src = f"text:{at(mention_line)}" if region else ""
    if region is None:
        region = registry.find_in_text(stem, hints)
        src = "file-name" if region else ""
    if region:
        meta.region, meta.sources["region"] = region, src
    apply_overrides(meta, source, config, registry)
    _check(meta, source, line_of, heading)
    return meta


def apply_overrides(meta: Metadata, source: str, config: Optional[SiteConfig],
                    registry: RegionRegistry) -> Metadata:
    """Apply ``config.reports[<file name>].fields`` on top of ``meta`` (override wins)."""
    override = config.reports.get(Path(source).name) if config is not None else None
    if override is None:
        return meta
    fields = override.fields
    for key in ("title", "date", "meeting", "audience", "source_url"):
        if fields.get(key):
            setattr(meta, key, str(fields[key]))
            meta.sources[key] = "override"
    if fields.get("year"):
        meta.year, meta.sources["year"] = int(fields["year"]), "override"
    if fields.get("speaker"):
        sp = fields["speaker"]
        meta.speaker = Speaker(re.sub(r"\s+", "", sp.get("name") or meta.speaker.name),
                               sp.get("title") or meta.speaker.title)
        meta.sources["speaker"] = "override"
    if fields.get("region"):
        meta.region = registry.resolve(fields["region"], [meta.title, meta.meeting, Path(source).stem])
        meta.sources["region"] = "override"
    return meta


def _check(meta: Metadata, source: str, line_of: dict, heading_year: Optional[int]) -> None:
    """Warnings for what is missing or doubtful (an override is taken as settled)."""
    name = Path(source).name
    fix = f"set `{{}}:` for {name} in site_config/reports.yaml"
    if heading_year and meta.year and heading_year != meta.year and meta.sources.get("year") != "override":
        meta.diagnostics.append(Diagnostic(
            source, f"the report's year is taken as {meta.year} (from {meta.sources['year']}), but the heading on "
                    f"line {line_of['heading']} points to {heading_year}", line_of["heading"],
            fix="check which is right and " + fix.format("year")))
    if meta.region is None:
        meta.diagnostics.append(Diagnostic(
            source, "cannot tell which region the report belongs to: the title, the meeting, the text and the "
                    "file name name none", fix=fix.format("region")))
    elif not meta.region.resolved:
        meta.diagnostics.append(Diagnostic(
            source, f"region '{meta.region.name}' is not in the administrative-division data, or several regions "
                    "have that name", line_of.get("dateline") or line_of.get("title"),
            fix=fix.format("region") + ", or add the region to site_config/regions.yaml"))
    if meta.year is None:
        meta.diagnostics.append(Diagnostic(
            source, "cannot tell the report's year: the title, the date and the file name give none",
            fix=fix.format("year")))
