"""The title block at the top of a report: title, date/meeting line, speaker, audience.

``read_block`` walks the first lines of the cleaned body and stops at the audience
line ("各位代表：") or at the first line that belongs to the report proper. What it
takes, in whatever order the source has it:

- the title ("政府工作报告", letter-spaced or bold), subtitles and slogan titles
  (``关于第六个五年计划的报告``, ``团结起来，为……而奋斗``): short lines without a
  sentence end, kept only when a date, speaker or audience line follows them;
- the date/meeting line(s): ``——2009年3月5日在……会议上``, ``在……会议上（2011年1月18日）``,
  ``（2003年1月10日 列确）`` (date and name in brackets), a date cut after its month
  and continued on the next line, a date run on after the title on one line;
- the speaker: ``国务院总理　温家宝``, ``国务院副总理兼财政部长　李先念``,
  ``代市长 李晓波`` (also glued to the salutation: ``代市长 李晓波各位代表：``), names
  with a middle dot of any length (``司马义·铁力瓦尔地``), a bare name after the date;
- web-page chrome (``下载`` ``打印`` ``【字号：大 中 小】`` ``来源：…`` breadcrumbs …):
  recorded in ``TitleBlock.chrome`` so the caller removes it with a record.

Chrome and blank lines do not count towards the window, so a date standing far below a
page dump's header is still found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..model import Speaker
from ..text import HAN
from .dates import DATE, OPEN_DATE, parse_date, plain

DEFAULT_TITLE = "政府工作报告"
WINDOW = 25  # title-block lines looked at (chrome and blank lines not counted)
FAR_WINDOW = 80  # lines searched for a title block standing below a resolution or news lead
MAX_TITLE_LINE = 60  # a subtitle or slogan title is at most this long

_DASHES = "—─―-－–~～ "
_STATE_COUNCIL = "国务院"
_HAN = HAN
_ROLE = r"(?:代理|代)?副?(?:总理|主席|省长|市长|区长|县长|旗长|盟长|州长|专员|行政长官|主任|部长)"
_DOT = "·•・‧"
_NAME = rf"(?:[{_HAN}](?:\s*[{_HAN}]){{1,7}}|[{_HAN}]{{1,10}}(?:\s*[{_DOT}]\s*[{_HAN}]{{1,10}}){{1,3}})"
# The title is the longest run ending in an office (甘肃省政协副主席  兰州市市长  张津梁;
# 国务院副总理兼财政部长　李先念), so a name never swallows a second office.
_SPEAKER = re.compile(rf"^(?P<title>[{_HAN}、\s]*(?:人民政府)?{_ROLE})\s*(?P<name>{_NAME})$")
_OFFICE = re.compile(rf"^[{_HAN}、\s]*(?:人民政府)?{_ROLE}$")
_NAME_ONLY = re.compile(rf"^(?:[{_HAN}](?:\s*[{_HAN}]){{1,3}}|[{_HAN}]{{1,10}}(?:\s*[{_DOT}]\s*[{_HAN}]{{1,10}}){{1,3}})$")
_NOT_NAMES = {"前言", "目录", "结语", "附件", "说明", "名词解释"}
_AUDIENCE = re.compile(r"^(各位[^。；;:：!！]{1,15}?)\s*[:：!！,，]?$")
_HEADER = re.compile(r"人大.{0,3}次|会议文件|文\s*件\s*之")
_MEETING = re.compile(r"在(?P<m>[^，。；]*?(?:人民代表大会|人大)[^，。；]*?会议(?:第[一二三四五六七八九十\d]{1,3}次全体会议)?)(?:上)?")
_SENTENCE_END = re.compile(r"[。！？!?]")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|第[一二三四五六七八九十]+[部章节])")

# Web-page chrome: a line made only of page-tool words, a "key：value" page field, or a
# breadcrumb trail.
_TOOL_WORDS = ("返回顶部|打印本页|关闭窗口|我要纠错|扫一扫|下载|打印|全屏|关闭|收藏|分享|返回|纠错|保存|"
               "默认|放大|缩小|字号|字体|大|中|小|微信|微博|QQ空间|视力保护色|上一篇|下一篇")
_TOOLS = re.compile(rf"^(?:[\s【】\[\]（）()|｜/：:·]*(?:{_TOOL_WORDS}))+[\s【】\[\]（）()|｜/：:·]*$")
_PAGE_FIELD = re.compile(r"^(?:【|\[)?(?:信息来源|文章来源|来源|发布时间|发布日期|更新时间|浏览次数|浏览量|点击数|"
                         r"访问量|阅读次数|阅读|作者|编辑|责任编辑|索引号|发布机构|发文机关|主题分类|分类|文号|"
                         r"成文日期|生效日期|字号|当前位置|您的位置|您现在的位置|所在位置|位置)\s*[:：]")
_BREADCRUMB = re.compile(r"^\S{1,12}(?:\s*[>＞»›→]\s*\S{1,20}){2,}$")
_SITE_NAME = re.compile(r"(?:门户网站|政府网|人民政府网|网站)$")


@dataclass
class TitleBlock:
    end: int = 0  # index of the first line after the title block
    audience: str = ""
    audience_line: Optional[int] = None
    title: str = ""
    title_line: Optional[int] = None
    dateline: str = ""  # date/meeting line(s) joined, whitespace removed
    dateline_line: Optional[int] = None
    speaker: Optional[Speaker] = None
    speaker_line: Optional[int] = None
    chrome: list[int] = field(default_factory=list)  # indexes of web-page chrome lines


def parse_speaker(text: str) -> Optional[Speaker]:
    """"代旗长  苏智雄" → Speaker("苏智雄", "代旗长"); None when the text is no speaker."""
    m = _SPEAKER.match(plain(text))
    if not m:
        return None
    title = re.sub(r"\s+", " ", m.group("title")).strip()  # two offices stay apart
    if title.startswith(_STATE_COUNCIL) and len(title) > len(_STATE_COUNCIL):
        title = title[len(_STATE_COUNCIL):]  # 国务院总理 → 总理: the office, as the region says whose
    return Speaker(re.sub(r"\s+", "", m.group("name")), title)


def name_only(text: str) -> Optional[Speaker]:
    """A bare name ("王五", "南 男", "司马义·铁力瓦尔地"), or None."""
    if _NAME_ONLY.match(text) and text not in _NOT_NAMES:
        return Speaker(re.sub(r"\s+", "", text), "")
    return None


def is_chrome(text: str) -> bool:
    """True for a line of web-page chrome (page tools, page fields, breadcrumbs, site name)."""
    if len(text) > 120:
        return False
    if _PAGE_FIELD.match(text) or _TOOLS.match(text):
        return True
    if ">" in text or "＞" in text or "»" in text or "›" in text or "→" in text:
        return bool(_BREADCRUMB.match(text)) and ("首页" in text or "位置" in text)
    return len(text) <= 30 and bool(_SITE_NAME.search(text))


_ADOPTED = re.compile(r"(?:通过|批准)\s*[）)]?$")  # "（2025年2月27日……会议通过）": a resolution's date


def _is_dateline(bare: str) -> bool:
    return len(bare) <= 90 and "。" not in bare and not bare.startswith("现在") and not _ADOPTED.search(bare) and (
        bool(DATE.match(bare.lstrip("(（")) or OPEN_DATE.match(bare.lstrip("(（"))) or "人民代表大会" in bare
        or bare.startswith("在"))


def _line_kind(text: str) -> str:
    """What a title-block line is: audience, title, date, speaker, chrome or "" (none)."""
    if is_chrome(text):
        return "chrome"
    if _AUDIENCE.match(text) or _glued_audience(text):
        return "audience"
    if DEFAULT_TITLE in text and len(text) <= 90 and "。" not in text:
        return "title"
    if _is_dateline(text.strip(_DASHES)):
        return "date"
    if parse_speaker(text):
        return "speaker"
    return ""


def _glued_audience(text: str) -> Optional[tuple[Speaker, str]]:
    """"代市长 李晓波各位代表：" → (speaker, "各位代表"), or None."""
    cut = text.find("各位", 2)
    if cut < 0:
        return None
    m = _AUDIENCE.match(text[cut:])
    speaker = parse_speaker(text[:cut]) if m else None
    return (speaker, m.group(1).strip()) if speaker and m else None


def _block_follows(kinds: list[tuple[int, str, str]], pos: int) -> bool:
    """True when a date, speaker, audience or title line follows ``pos`` among the
    next few lines, with only short title-like lines between."""
    for _, text, kind in kinds[pos + 1: pos + 6]:
        if kind in ("date", "speaker", "audience", "title"):
            return True
        if kind != "chrome" and not _title_like(text):
            return False
    return False


def _title_like(text: str) -> bool:
    return (len(text) <= MAX_TITLE_LINE and not _SENTENCE_END.search(text) and not _NUMBERED.match(text)
            and not text.endswith(("：", ":")))


def read_block(lines: list[str], limit: int = WINDOW) -> TitleBlock:
    """The title block at the top of ``lines``.

    When the top holds no date, speaker or salutation (a resolution or a news lead
    printed before the report), the title block found further down (a "政府工作报告"
    line within ``FAR_WINDOW`` lines) gives the fields; the block the page starts with
    stays what ``end`` and ``chrome`` describe.
    """
    block = _read_at(lines, 0, limit)
    if block.dateline or block.speaker or block.audience:
        return block
    for j in range(block.end + 1, min(len(lines), FAR_WINDOW)):
        if DEFAULT_TITLE in lines[j] and _title_like(plain(lines[j])):
            later = _read_at(lines, j, limit)
            if later.dateline or later.speaker:
                later.end, later.chrome = block.end, block.chrome
                return later
            break
    return block


def _read_at(lines: list[str], start: int, limit: int) -> TitleBlock:
    block = TitleBlock()
    kinds: list[tuple[int, str, str]] = []  # (index, plain text, kind) of the non-blank lines
    for i in range(start, len(lines)):
        raw = lines[i]
        text = plain(raw)
        if not text or re.fullmatch(r"<!--.*?-->", text):
            continue
        kind = _line_kind(text)
        kinds.append((i, text, kind))
        if kind == "audience" or sum(k != "chrome" for _, _, k in kinds) >= limit:
            break
    office = ""  # an office standing alone on its line, the name on the next
    for pos, (i, text, kind) in enumerate(kinds):
        bare = text.strip(_DASHES)
        if kind == "chrome":
            block.chrome.append(i)
            continue
        if kind == "audience":
            glued = _glued_audience(text)
            if glued and block.speaker is None:
                block.speaker, block.speaker_line = glued[0], i
            audience = _AUDIENCE.match(text)  # the kind "audience" says it matches
            block.audience = glued[1] if glued else (audience.group(1).strip() if audience else text.strip())
            block.audience_line, block.end = i, i
            return block
        compact = re.sub(r"\s+", "", text)  # "政 府 工 作 报 告" in newspaper layouts
        if kind == "title" and not block.title:
            date = DATE.search(compact)
            if date and date.start() > 0:  # "政府工作报告  2004年2月24日在……会议上"
                block.dateline += compact[date.start():]
                block.dateline_line = i if block.dateline_line is None else block.dateline_line
                compact = compact[: date.start()].rstrip(_DASHES + "（(")
            if len(compact) <= 40:
                block.title, block.title_line = compact, i
                continue
        if kind == "date" or _continues_dateline(block.dateline, bare):
            block.dateline += re.sub(r"\s+", "", bare)
            block.dateline_line = i if block.dateline_line is None else block.dateline_line
            continue
        speaker = parse_speaker(text)
        if speaker is None and (block.title or block.dateline or office):
            speaker = name_only(text)
            if speaker and office:  # "东莞市人民政府市长" on the line before the name
                speaker = Speaker(speaker.name, office)
        if speaker is None and _OFFICE.match(text) and block.speaker is None:
            office = re.sub(r"\s+", " ", text).strip()
            continue
        if speaker and block.speaker is None:
            block.speaker, block.speaker_line = speaker, i
            continue
        if len(text) <= 30 and _HEADER.search(text) and not block.title:
            continue  # a meeting-file header the cleaner left in place
        if _title_like(text) and _block_follows(kinds, pos):
            continue  # a subtitle or slogan title: a date, speaker or audience line follows
        block.end = i
        return block
    block.end = kinds[-1][0] + 1 if kinds else 0  # every line looked at belongs to the block
    return block


_SESSION = re.compile(r"^第?[一二三四五六七八九十\d]{1,3}次(?:全体)?会议")


def _continues_dateline(dateline: str, bare: str) -> bool:
    """A date line broken over two lines: "2010年1月" + "18日在……", or
    "……第十七届人民代表大会" + "第四次会议上"."""
    if not dateline:
        return False
    if OPEN_DATE.search(dateline):
        return bool(re.match(r"\d{1,2}\s*日", bare))
    return dateline.endswith(("人民代表大会", "人大")) and bool(_SESSION.match(bare))


def dateline_parts(dateline: str) -> tuple[Optional[str], str, Optional[Speaker]]:
    """(date, meeting, speaker glued after the meeting or the date) from the joined date line."""
    date = parse_date(dateline)
    meeting, speaker = "", None
    m = _MEETING.search(dateline)
    if m:
        meeting = m.group("m")
        rest = dateline[m.end():].strip(_DASHES + ")）")
        if rest:
            speaker = parse_speaker(rest) or name_only(rest)
    elif date:  # "（2003年1月10日 列确）": the name follows the date in the brackets
        d = DATE.search(plain(dateline))
        rest = plain(dateline)[d.end():].strip(_DASHES + "()（）") if d else ""
        if rest:
            speaker = parse_speaker(rest) or name_only(rest)
    return date, meeting, speaker
