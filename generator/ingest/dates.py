"""Dates in report text: Chinese and full-width numerals, ISO dates, the planned year.

``plain`` makes a line comparable (Markdown marks gone, full-width digits ASCII,
Chinese-numeral dates in digits); ``parse_date`` finds the first valid date;
``planned_year`` is the year a meeting on a date plans.
"""

from __future__ import annotations

import re
from typing import Optional

_FULLWIDTH = dict(zip("０１２３４５６７８９　：（）", "0123456789 :()"))
# (str.translate looks every character up in a dict: a regex finding the few is far faster)
_FULLWIDTH_CHAR = re.compile("[" + "".join(_FULLWIDTH) + "]")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "0": 0, "O": 0, "Ｏ": 0}
_CN_YEAR = r"(一九[〇零○0OＯ一二三四五六七八九]{2}|二[〇零○0OＯ][〇零○0OＯ一二三四五六七八九]{2})年"
_CN_DATE = re.compile(_CN_YEAR + r"(?:([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})日)?)?")
DATE = re.compile(r"(?<!\d)((?:19|20)\d{2}|\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# A date cut after its month ("2010年1月" at a line end): the day follows on the next line.
OPEN_DATE = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*$")

# Sessions held this late in the year plan the next one (兰州 2011-11-15 → the 2012 report).
LATE_SESSION_MONTH = 11


def plain(line: str) -> str:
    """A line without Markdown emphasis/heading marks, full-width digits made ASCII."""
    text = _FULLWIDTH_CHAR.sub(lambda m: _FULLWIDTH[m.group()], line).strip()
    if text.startswith("#"):
        text = re.sub(r"^#{1,6}\s*", "", text)
    text = text.replace("**", "").replace("__", "")
    return cn_dates(text).strip()


def _cn_number(text: str) -> int:
    if "十" not in text:
        return _CN_DIGITS.get(text, 0)
    tens, _, ones = text.partition("十")
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def cn_dates(text: str) -> str:
    """"二〇一三年一月二十五日" → "2013年1月25日"; "二〇二四年" → "2024年"."""
    if "年" not in text:  # every date the pattern reads has one
        return text

    def repl(m: re.Match) -> str:
        year = "".join(str(_CN_DIGITS[c]) for c in m.group(1))
        if m.group(2) is None:
            return f"{year}年"
        if m.group(3) is None:
            return f"{year}年{_cn_number(m.group(2))}月"
        return f"{year}年{_cn_number(m.group(2))}月{_cn_number(m.group(3))}日"
    return _CN_DATE.sub(repl, text)


def parse_date(text: str) -> Optional[str]:
    """The first valid date in ``text`` as ISO, two-digit years read as 19xx/20xx."""
    for m in DATE.finditer(plain(text)):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if year < 100:
            year += 1900 if year >= 50 else 2000
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def planned_year(iso: Optional[str]) -> Optional[int]:
    """The year a meeting on ``iso`` plans: a November or December session plans the next year."""
    if not iso:
        return None
    year, month = int(iso[:4]), int(iso[5:7])
    return year + 1 if month >= LATE_SESSION_MONTH else year
