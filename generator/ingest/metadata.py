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

from ..model import Diagnostic, Region, Speaker
from .regions import RegionRegistry

DEFAULT_TITLE = "政府工作报告"

_FULLWIDTH = dict(zip("０１２３４５６７８９　：（）", "0123456789 :()"))
# (str.translate looks every character up in a dict: a regex finding the few is far faster)
_FULLWIDTH_CHAR = re.compile("[" + "".join(_FULLWIDTH) + "]")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "0": 0, "O": 0}
_CN_YEAR = r"(一九[〇零○0O一二三四五六七八九]{2}|二[〇零○0O][〇零○0O一二三四五六七八九]{2})年"
_CN_DATE = re.compile(_CN_YEAR + r"(?:([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日)?")
_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2}|\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DASHES = "—─―-－–~～ "
_HAN = r"\u4e00-\u9fff"
_ROLE = r"(?:代理|代)?(?:主席|省长|市长|区长|县长|旗长|盟长|州长|专员|行政长官)"
_SPEAKER = re.compile(rf"^(?P<title>[{_HAN}]*?(?:人民政府)?{_ROLE})\s*(?P<name>[{_HAN}·•](?:\s*[{_HAN}·•]){{1,7}})$")
_NAME_ONLY = re.compile(rf"^[{_HAN}](?:\s*[{_HAN}]){{1,3}}$")
_NOT_NAMES = {"前言", "目录", "结语", "附件", "说明", "名词解释"}
_AUDIENCE = re.compile(r"^(各位[^，。；,;]{1,15}?)\s*[:：!！,，]?$")
_HEADER = re.compile(r"人大.{0,3}次|会议文件|文\s*件\s*之")
_MEETING = re.compile(r"在(?P<m>[^，。；]*?(?:人民代表大会|人大)[^，。；]*?会议(?:第[一二三四五六七八九十\d]{1,3}次全体会议)?)(?:上)?")
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?:度)?[^\d()（）]{0,20}?政府工作报告")
_PLAN = re.compile(r"((?:19|20)\d{2})年的?(?:主要|重点)?(?:工作安排|重点工作|主要任务|主要目标|目标任务|工作任务|总体要求|工作部署|政府工作|经济社会发展(?:的?主要)?(?:目标|任务|安排))")
_REVIEW = re.compile(r"((?:19|20)\d{2})年(?:的|及|和)?[^，。；]{0,14}?(?:工作|发展)?(?:回顾|总结)|回顾((?:19|20)\d{2})年")
_SELF = re.compile(rf"我代表(?P<who>[{_HAN}]{{0,12}}?)(?P<org>人民政府|政府|行政公署|行署)")
# The kind of region a self-reference names: "市人民政府" → a region named …市.
_SELF_KINDS = {"自治区": ("自治区",), "省": ("省",), "市": ("市",), "区": ("区",), "县": ("县",),
               "旗": ("旗",), "州": ("州",), "盟": ("盟",), "": ("盟", "地区")}


@dataclass
class Metadata:
    title: str = DEFAULT_TITLE
    region: Optional[Region] = None
    year: Optional[int] = None
    date: Optional[str] = None  # ISO YYYY-MM-DD
    meeting: str = ""
    speaker: Speaker = field(default_factory=Speaker)
    audience: str = ""
    front_lines: int = 0  # leading lines forming the title block (blank lines included)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # field -> where it came from


# --------------------------------------------------------------------------- text helpers


def plain(line: str) -> str:
    """A line without Markdown emphasis/heading marks, full-width digits made ASCII."""
    text = _FULLWIDTH_CHAR.sub(lambda m: _FULLWIDTH[m.group()], line).strip()
    if text.startswith("#"):
        text = re.sub(r"^#{1,6}\s*", "", text)
    text = text.replace("**", "").replace("__", "")
    return _cn_dates(text).strip()


def _cn_number(text: str) -> int:
    if "十" not in text:
        return _CN_DIGITS.get(text, 0)
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def _cn_dates(text: str) -> str:
    """"二〇一三年一月二十五日" → "2013年1月25日"; "二〇二四年" → "2024年"."""
    if "年" not in text:  # every date the pattern reads has one
        return text
    def repl(m: re.Match) -> str:
        year = "".join(str(_CN_DIGITS[c]) for c in m.group(1))
        if m.group(2) is None:
            return f"{year}年"
        return f"{year}年{_cn_number(m.group(2))}月{_cn_number(m.group(3))}日"
    return _CN_DATE.sub(repl, text)


def parse_date(text: str) -> Optional[str]:
    """The first valid date in ``text`` as ISO, two-digit years read as 19xx/20xx."""
    for m in _DATE.finditer(plain(text)):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if year < 100:
            year += 1900 if year >= 50 else 2000
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _year_of_date(iso: Optional[str]) -> Optional[int]:
    """The year a meeting on ``iso`` plans: a December session plans the next year."""
    if not iso:
        return None
    year, month = int(iso[:4]), int(iso[5:7])
    return year + 1 if month == 12 else year


def _title_year(text: str) -> Optional[int]:
    m = _TITLE_YEAR.search(plain(text))
    return int(m.group(1)) if m else None


def _title_place(title: str) -> str:
    """The part of a title that names the region: before 政府工作报告 or the
    parenthesised date and speaker ("苏州市政府工作报告（2020年1月6日 吴江）")."""
    return re.split(r"政府工作报告|[(（]", title, maxsplit=1)[0]


def parse_speaker(text: str) -> Optional[Speaker]:
    """"代旗长  苏智雄" → Speaker("苏智雄", "代旗长"); None when the text is no speaker."""
    m = _SPEAKER.match(plain(text))
    if not m:
        return None
    return Speaker(re.sub(r"\s+", "", m.group("name")), re.sub(r"\s+", "", m.group("title")))


# --------------------------------------------------------------------------- the title block


@dataclass
class _Block:
    end: int = 0  # index of the first line after the title block
    audience: str = ""
    audience_line: Optional[int] = None
    title: str = ""
    title_line: Optional[int] = None
    dateline: str = ""  # date/meeting line(s) joined, whitespace removed
    dateline_line: Optional[int] = None
    speaker: Optional[Speaker] = None
    speaker_line: Optional[int] = None


def _read_block(lines: list[str], limit: int = 25) -> _Block:
    block = _Block()
    i = 0
    for i, raw in enumerate(lines[:limit]):
        text = plain(raw)
        bare = text.strip(_DASHES)
        if not text or re.fullmatch(r"<!--.*?-->", text):
            continue
        m = _AUDIENCE.match(text)
        if m:
            block.audience, block.audience_line = m.group(1).strip(), i
            block.end = i
            return block
        compact = re.sub(r"\s+", "", text)  # "政 府 工 作 报 告" in newspaper layouts
        if DEFAULT_TITLE in compact and len(compact) <= 40 and "。" not in text and not block.title:
            block.title, block.title_line = compact, i
            continue
        if len(bare) <= 90 and "。" not in bare and not bare.startswith("现在") and (
                _DATE.match(bare.lstrip("(（")) or "人民代表大会" in bare or bare.startswith("在")):
            block.dateline += re.sub(r"\s+", "", bare)
            block.dateline_line = i if block.dateline_line is None else block.dateline_line
            continue
        speaker = parse_speaker(text)
        if speaker is None and (block.title or block.dateline) and _NAME_ONLY.match(text) \
                and text not in _NOT_NAMES:
            speaker = Speaker(re.sub(r"\s+", "", text), "")
        if speaker and block.speaker is None:
            block.speaker, block.speaker_line = speaker, i
            continue
        if len(text) <= 30 and _HEADER.search(text) and not block.title:
            continue  # a meeting-file header the cleaner left in place
        block.end = i
        return block
    block.end = min(len(lines), limit) if lines else 0
    return block


def _dateline_parts(dateline: str) -> tuple[Optional[str], str, Optional[Speaker]]:
    """(date, meeting, speaker glued after the meeting) from the joined date line."""
    date = parse_date(dateline)
    meeting, speaker = "", None
    m = _MEETING.search(dateline)
    if m:
        meeting = m.group("m")
        rest = dateline[m.end():].strip(_DASHES + ")）")
        if rest:
            speaker = parse_speaker(rest) or (Speaker(rest, "") if _NAME_ONLY.match(rest) else None)
    return date, meeting, speaker


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
            out.setdefault("year", _year_of_date(date))
            m = _DATE.search(plain(title))
            rest = plain(title)[m.end():].strip(" )）") if m else ""
            if rest and _NAME_ONLY.match(rest):
                out["speaker_name"] = re.sub(r"\s+", "", rest)
    for key in ("region", "meeting", "audience"):
        if fm.get(key):
            out[key] = str(fm[key]).strip()
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
        if not text or len(text) > 60:
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
        if who not in _SELF_KINDS:
            region = registry.find_in_text(who, hints)
            return (region, i) if region and region.resolved else (None, None)
        suffixes = _SELF_KINDS[who]
        counts = registry.count_mentions("\n".join(plain(x) for x in lines), suffixes)
        if who == "区":
            counts = {k: n for k, n in counts.items() if not registry.region_for_key(k).name.endswith("自治区")}
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] > 2 * ranked[1][1]):
            return registry.region_for_key(ranked[0][0]), i
        return None, None
    return None, None


# --------------------------------------------------------------------------- the entry point


def extract_metadata(lines: list[str], front_matter: dict, source: str, config=None,
                     registry: Optional[RegionRegistry] = None, first_line: int = 1) -> Metadata:
    """Metadata of one report; see the module docstring for the order of sources.

    ``first_line`` is the source line number of ``lines[0]`` (after front matter),
    used for the line numbers in sources and diagnostics.
    """
    registry = registry or RegionRegistry(config)
    meta = Metadata()
    block = _read_block(lines)
    meta.front_lines = block.end
    fm = _front_matter(front_matter)
    date, meeting, glued = _dateline_parts(block.dateline)
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
    put("audience", [(fm.get("audience"), "front-matter"),
                     (block.audience, text_src("audience"))])
    if speaker or fm.get("speaker_name"):
        meta.speaker = Speaker(fm.get("speaker_name") or speaker.name, speaker.title if speaker else "")
        meta.sources["speaker"] = "front-matter" if fm.get("speaker_name") and not speaker else text_src("speaker")

    # Year: explicit title year, meeting date, plan/review heading, file name.
    stem = Path(source).stem
    heading_year, heading_line = _year_from_headings(lines, block.end)
    file_year = re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", stem)
    put("year", [(fm.get("year"), "front-matter"), (_title_year(block.title), text_src("title")),
                 (_year_of_date(date), text_src("dateline")),
                 (heading_year, f"text:{at(heading_line)}"),
                 (int(file_year.group()) if file_year else None, "file-name")])
    line_of["heading"], heading = at(heading_line), heading_year

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
    if region is None:
        region, where = _region_from_mentions(registry, lines, hints)
        src = f"text:{at(where)}" if region else ""
    if region is None:
        region = registry.find_in_text(stem, hints)
        src = "file-name" if region else ""
    if region:
        meta.region, meta.sources["region"] = region, src
    apply_overrides(meta, source, config, registry)
    _check(meta, source, line_of, heading)
    return meta


def apply_overrides(meta: Metadata, source: str, config, registry: RegionRegistry) -> Metadata:
    """Apply ``config.reports[<file name>].fields`` on top of ``meta`` (override wins)."""
    override = (getattr(config, "reports", None) or {}).get(Path(source).name)
    if override is None:
        return meta
    fields = override.fields
    for key in ("title", "date", "meeting", "audience"):
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
    fix = f"请在 site_config/reports.yaml 中为 {name} 写明"
    if heading_year and meta.year and heading_year != meta.year and meta.sources.get("year") != "override":
        meta.diagnostics.append(Diagnostic(
            source, f"报告年份取 {meta.year}（{meta.sources['year']}），但第 {line_of['heading']} 行的标题指向 "
                    f"{heading_year} 年；请核对；{fix} year", line_of["heading"]))
    if meta.region is None:
        meta.diagnostics.append(Diagnostic(source, f"无法确定报告所属地区：标题、会议名称、正文和文件名都没有写明；{fix} region"))
    elif not meta.region.resolved:
        meta.diagnostics.append(Diagnostic(
            source, f"地区“{meta.region.name}”在行政区划数据中找不到或有多个同名地区；"
                    f"{fix} region，或在 site_config/regions.yaml 中补充该地区",
            line_of.get("dateline") or line_of.get("title")))
    if meta.year is None:
        meta.diagnostics.append(Diagnostic(source, f"无法确定报告年份；{fix} year"))
