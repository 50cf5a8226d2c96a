"""Recognise what a cleaned line is: a heading (and which kind), a list item, or text.

Heading styles recognised (numbers full- or half-width):

- part headings ``一、2023年工作总结`` (a short line, or a bold / ``#`` line, or a bold
  run-in head ``**一、…**正文…``, or a plain run-in head ``一、狠抓扩大内需。聚焦…`` whose
  first sentence, at most ``MAX_RUNIN_PART`` characters, is the title and the rest the
  part's first paragraph); a short line holding a ``；`` is a sentence, not a title;
- sub-section headings ``（一）…`` / ``(一)…``, whole-line or run-in: when body text
  follows the first sentence on the same line, the first sentence is the title
  (``（一）全力以赴抓政策落地。`` ) and the rest is the first paragraph;
- attachments ``附件`` / ``附件 1`` / ``附件2``;
- glossary titles ``《政府工作报告》有关名词解释``, ``名词解释``, ``有关用语释义``, ``注释``,
  ``附：名词解释和说明``, ``【名词解释】``, ``名词解释>>>`` … (a short line of its own);
- unnumbered titles: a whole bold line or a Markdown ``#`` line without a number, or
  a short plain line without any punctuation (``2004年的主要工作任务``); none ends a
  sentence. A bold run-in head ``**2004年工作回顾** 正文…`` (a short bold span not ending
  in a comma or colon, followed by body text) is a candidate title (``Heading.runin``):
  the tree builder makes it a part only at the top level, before any numbered part, and
  keeps it a bold lead otherwise;
- dash heads: a short line ``——…`` without any sentence end (``DASH``), a sub-heading.

Numbered items: ``1.`` ``1．`` ``1、`` ``（1）`` at the start of a line (``1.5万`` is not one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..text import HAN, HAN_RE
from .clean import CN_NUM, CleanLine

PART = "part"
SUB = "sub"
ATTACHMENT = "attachment"
GLOSSARY = "glossary"
TITLE = "title"  # unnumbered bold / # title
DASH = "dash"  # a standalone ——… head

_PART = re.compile(rf"^([{CN_NUM}]+)(?:\s*[、．.]\s*|[ \u3000]+(?=\S))")
_SUB = re.compile(rf"^[（(]\s*([{CN_NUM}]+)\s*[）)]\s*")
_ATTACHMENT = re.compile(r"^附\s*件\s*([0-9０-９]+|[一二三四五六七八九十]+)?\s*[：:]?\s*$")
# A glossary title: an optional prefix (附： / 附件： / 附录一： / 资料： / a year), the
# report's name, a qualifier (有关 / 部分 / 特定 …), the core word (名词解释, 注释, 附注,
# 用语说明 …), an optional tail (和说明, （按报告中出现顺序排列）), then ： or >>>; the
# whole may sit in 【】 / []. A short line of its own only (see MAX_GLOSSARY_TITLE).
_GLOSSARY = re.compile(
    r"^(?:[-—]\s*)?[【\[]?\s*(?:附(?:件|录)?\s*[0-9一二三四五六七八九十]{0,2}\s*[：:、]?\s*|资料\s*[：:]\s*)?"
    r"(?:\d{4}年)?(?:《?政府工作报告》?(?:的|中)?)?"
    r"(?:有关|相关|部分|主要|特定|专业)?(?:内容|工作和|术语|名词)?"
    r"(?:名词(?:术语)?(?:解释|注释|注解|解析|说明)|(?:词语|用语|术语)(?:的)?(?:解释|释义|注释|说明|解读)"
    r"|注\s*释|注\s*解|附\s*注|释\s*义)"
    r"(?:(?:和|及)(?:有关)?(?:情况)?(?:的)?说明|说明)?"
    r"\s*(?:[（(][^）)]{1,30}[）)])?\s*[：:]?\s*[】\]]?\s*(?:>>>?)?$")
MAX_GLOSSARY_TITLE = 48
# Characters every glossary title contains one of (a cheap gate before the pattern).
_GLOSSARY_CHARS = ("释", "注", "解", "说明", "解读")
_ITEM = re.compile(r"^(?:(\d{1,3})\s*[.．、](?![\d０-９])|[（(](\d{1,3})[）)])\s*")
_SENTENCE_END = re.compile(r"[。！？!?]")
_TERMINAL_CHARS = "。！？!?；;：:…"
_CLOSERS = "\"”’」』）)"

# First characters the four numbered/named heading patterns above can match.
_HEADING_START = frozenset("《政有相名用附（(" + CN_NUM)
_CLAUSE_PUNCT = re.compile(r"[，,、。；;：:！!？?]")
_YEAR_TITLE = re.compile(rf"^(?:19|20)\d{{2}}\s*年[{HAN}]{{2}}")  # 2022年工作: a year and a word
MAX_PLAIN_TITLE = 30  # an unmarked, unnumbered part title (``2004年的主要工作任务``)
MAX_PLAIN_PART = 60  # a plain (unmarked) part heading line is at most this long
MAX_PLAIN_SUB = 60  # a whole-line sub-section heading without a sentence end
MAX_RUNIN_TITLE = 80  # a run-in title (first sentence) is at most this long
MAX_RUNIN_PART = 40  # a plain run-in part title (一、…。 then body) is at most this long
MAX_DASH_HEAD = 40  # a standalone ——… head is at most this long
_SPACED_RUNIN = re.compile(rf"^(\S{{4,{MAX_PLAIN_PART}}})[ \u3000]+(\S.*)$")

_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_CN_DIGITS["〇"] = 0


def cn_to_int(text: str) -> Optional[int]:
    """Value of a Chinese numeral up to 999 (一 → 1, 十二 → 12, 二十 → 20); None if not one."""
    if not text:
        return None
    total, current = 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = current * 10 + _CN_DIGITS[ch] if current else _CN_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


_INT_TO_CN = "零一二三四五六七八九"


def int_to_cn(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (1..99)."""
    if n < 10:
        return _INT_TO_CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _INT_TO_CN[tens]) + "十" + (_INT_TO_CN[ones] if ones else "")


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence-final (or clause-final) punctuation,
    possibly followed by closing quotes/brackets (within its last 12 characters)."""
    tail = text[-12:].rstrip().rstrip(_CLOSERS)
    return bool(tail) and tail[-1] in _TERMINAL_CHARS


@dataclass(slots=True)
class Heading:
    kind: str  # PART | SUB | ATTACHMENT | GLOSSARY | TITLE
    number: str  # "一" / "（三）" / "附件 1" / ""
    value: Optional[int]  # numeric value of the number (None for unnumbered)
    title: str  # heading text, number included
    rest: str = ""  # run-in body text following the heading on the same line
    plain: bool = False  # an unmarked unnumbered title line (may be a broken-line fragment)
    runin: bool = False  # a bold unnumbered run-in head: a part or a lead, as the context says
    marked: bool = False  # the line was a whole bold line or a Markdown heading


@dataclass(slots=True)
class Item:
    number: str  # as written: "1." / "1、" / "（1）"
    value: int
    text: str


def _split_runin(text: str, bold: int) -> tuple[str, str]:
    """Split a heading line into (title, rest): the bold span, else the first sentence."""
    if bold and bold < len(text):
        return text[:bold], text[bold:]
    if bold:
        return text, ""
    m = _SENTENCE_END.search(text)
    if m and m.end() < len(text) and m.end() <= MAX_RUNIN_TITLE:
        return text[: m.end()], text[m.end():]
    return text, ""


def classify(cl: CleanLine) -> Optional[Heading]:
    """Return the heading this line is, or None for text / items."""
    text = cl.text.strip()
    if not text:
        return None
    marked = (cl.bold > 0 and cl.bold >= len(text)) or cl.heading_mark > 0  # cl.whole_bold
    if len(text) <= MAX_GLOSSARY_TITLE and any(c in text for c in _GLOSSARY_CHARS) and _GLOSSARY.match(text):
        return Heading(GLOSSARY, "", None, "".join(text.split()))  # ``注 释`` reads ``注释``
    if text[0] in _HEADING_START:
        heading = _numbered(text, cl, marked)
        if heading is not False:
            return heading
    if text.startswith("——"):
        if len(text) <= MAX_DASH_HEAD and not _SENTENCE_END.search(text) and not ends_sentence(text):
            return Heading(DASH, "", None, text)
        return None
    if cl.bold and not marked:
        return _bold_runin(text, cl.bold)
    if _ITEM.match(text) or ends_sentence(text):
        return None
    if marked and len(text) <= MAX_PLAIN_PART:
        return Heading(TITLE, "", None, text)
    if (len(text) <= MAX_PLAIN_TITLE and not _CLAUSE_PUNCT.search(text) and not is_signature(text)
            and (len(HAN_RE.findall(text)) >= 4 or _YEAR_TITLE.match(text))):
        return Heading(TITLE, "", None, text, plain=True)
    return None


def _bold_runin(text: str, bold: int) -> Optional[Heading]:
    """``**2004年工作回顾** 正文…``: a candidate unnumbered run-in title."""
    span = text[:bold].strip()
    if (not span or len(span) > MAX_PLAIN_TITLE or span[-1] in "，,、：:；;" or _LEAD_START.match(span)
            or _ITEM.match(span) or not text[bold:].strip()):
        return None
    return Heading(TITLE, "", None, span, text[bold:].strip(), runin=True)


def _numbered(text: str, cl: CleanLine, marked: bool):
    """The glossary, attachment, sub-section or part heading ``text`` is; None when it
    starts like one but is text; False when it is none of these kinds."""
    m = _ATTACHMENT.match(text)
    if m:
        num = m.group(1) or ""
        return Heading(ATTACHMENT, f"附件 {num}".strip() if num else "附件", _attachment_value(num), text)
    m = _SUB.match(text)
    if m:
        value = cn_to_int(m.group(1))
        title, rest = _split_runin(text, cl.bold)
        if rest or marked or len(title) <= MAX_PLAIN_SUB or _SENTENCE_END.search(title):
            return Heading(SUB, text[: m.end()].strip(), value, title.strip(), rest.strip())
        return None
    m = _PART.match(text)
    if m and cn_to_int(m.group(1)) is not None:
        value = cn_to_int(m.group(1))
        number = m.group(1)
        if cl.bold and cl.bold < len(text):  # bold run-in: **一、…**正文
            return Heading(PART, number, value, text[: cl.bold].strip(), text[cl.bold:].strip(), marked=True)
        if marked or (len(text) <= MAX_PLAIN_PART and not _SENTENCE_END.search(text[:-1])
                      and "；" not in text and ";" not in text):
            return Heading(PART, number, value, text, marked=marked)
        m = _SPACED_RUNIN.match(text)  # 二、标题 正文……。 (title, a space, then the body)
        if m and not _SENTENCE_END.search(m.group(1)) and _SENTENCE_END.search(m.group(2)):
            return Heading(PART, number, value, m.group(1), m.group(2))
        m = _SENTENCE_END.search(text, 0, MAX_RUNIN_PART + 1)  # 一、标题。正文…… (plain run-in)
        if m and m.end() < len(text) and not _CLAUSE_END.search(text, 0, m.start()):
            return Heading(PART, number, value, text[: m.end()], text[m.end():].strip())
        return None
    return False


def _attachment_value(num: str) -> Optional[int]:
    if not num:
        return None
    if num[0] in "0123456789０１２３４５６７８９":
        return int(num.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    return cn_to_int(num)


def match_item(text: str) -> Optional[Item]:
    """A numbered list item at the start of ``text`` (leading whitespace ignored)."""
    stripped = text.lstrip()
    m = _ITEM.match(stripped)
    if not m or m.end() >= len(stripped):
        return None
    value = int(m.group(1) or m.group(2))
    return Item(stripped[: m.end()].strip(), value, stripped[m.end():])


def lead_length(text: str, bold: int = 0) -> int:
    """Length of a run-in lead phrase at the start of a paragraph, 0 if none.

    Leads: a bold span at the start, ``一是…。`` / ``首先，…。`` style enumerations and
    ``——…。`` dash leads; the lead runs to the first sentence end and is at most
    ``MAX_RUNIN_TITLE`` characters.
    """
    if bold and bold < len(text):
        return bold
    if not _LEAD_START.match(text):
        return 0
    m = _LEAD_END.search(text, 0, MAX_RUNIN_TITLE + 1)
    if not m or m.end() >= len(text):
        return 0
    return m.end()


_CLAUSE_END = re.compile(r"[；;：:]")
_SIGNATURE = re.compile(rf"[{HAN}][ \u3000\xa0]+[{HAN}]{{1,3}}(?:[ \u3000\xa0]?[{HAN}]){{0,1}}$")


CN_NUMERALS = frozenset("一二三四五六七八九十")


def is_note(text: str) -> bool:
    """A whole bracketed note: ``（严龙 摄）`` / ``(备注：…)``."""
    return len(text) >= 2 and text[0] in "（(" and text[-1] in "）)" and "）" not in text[1:-1] \
        and ")" not in text[1:-1]


def is_signature(text: str) -> bool:
    """A short unpunctuated line ending in a name set off by a space: ``国务院总理　李强``,
    ``市长 南 男`` — a signature line, neither a title nor a line the next one continues."""
    return len(text) <= MAX_PLAIN_TITLE and (" " in text or "\u3000" in text or "\xa0" in text) \
        and _SIGNATURE.search(text) is not None and not _CLAUSE_PUNCT.search(text)


def match_numbered_item(text: str) -> Optional[Item]:
    """A ``一、`` numbered line read as a list item (number as written, text after it)."""
    stripped = text.lstrip()
    m = _PART.match(stripped)
    if not m or m.end() >= len(stripped):
        return None
    value = cn_to_int(m.group(1))
    if value is None:
        return None
    return Item(stripped[: m.end()].strip(), value, stripped[m.end():])


_LEAD_START = re.compile(rf"^(?:[{CN_NUM}]+是|第[{CN_NUM}]+[，,是]|——)")
_LEAD_END = re.compile(r"[。！？!?；;]")
