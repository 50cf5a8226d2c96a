"""How a report and its paragraphs are cited (the 引用 buttons and the card's 引用 row).

The format follows GB/T 7714-2015 for a report read online ([R/OL]):

    主要责任者. 题名——其他题名信息[R/OL]. 出版年: 第n段. 获取和访问路径

e.g. ``内蒙古自治区人民政府. 政府工作报告——2024年1月30日在内蒙古自治区第十四届人民代表大会
第二次会议上[R/OL]. 2024: 第12段. https://…/reports/2024-neimenggu-zizhiqu/#p1-10``.

- 主要责任者 (author): the government that reports — ``<region>人民政府``, a league (盟)
  ``<region>行政公署``, the national level 国务院; without a region the author is left out
  and the title names region and year (``full_title``).
- 其他题名信息: ``——<date>在<meeting>上`` as the reports' own subtitles say it; what the text
  does not state is left out (no date: ``——在<meeting>上``; no meeting: no subtitle).
- 出版年: the report's year (``[出版年不详]`` when unknown).
- 第n段: the paragraph's number, counted over the body paragraphs (preamble, sections, list
  items and tables, in reading order; not the title block nor the 名词解释 entries). The
  number is shown beside the paragraph and is the same from build to build.
- the address: ``site_url`` (mkdocs.yml) + the page + ``#`` the paragraph's anchor.

The page carries ``head`` (everything before ``: 第n段``) and the page address once, on the
card; docs_src/javascripts/cite.js builds each paragraph's citation from them with
``paragraph_citation``'s format, so the full text is not repeated on every paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...model import Report


def date_label(iso: str | None) -> str:
    """``2024-01-23`` -> ``2024年1月23日`` ("" for none; an unreadable date as written)."""
    if not iso:
        return ""
    try:
        y, m, d = (int(x) for x in iso.split("-"))
    except ValueError:
        return iso
    return f"{y}年{m}月{d}日"


def author(report: Report) -> str:
    """The government that gives the report, as a citation's 主要责任者 ("" when unknown)."""
    region = report.region
    if region is None or not region.name:
        return ""
    if region.level == "national":
        return "国务院"
    if region.name.endswith("盟"):  # a league's government is its administrative office
        return f"{region.name}行政公署"
    return f"{region.name}人民政府"


def numbers(report: Report) -> dict[str, int]:
    """Paragraph anchor -> its number (1, 2 …) over the body paragraphs in reading order."""
    return {p.anchor: n for n, (_, p) in enumerate(report.paragraphs(), 1)}


@dataclass(frozen=True)
class Citation:
    head: str  # "<author>. <title>——<date>在<meeting>上[R/OL]. <year>"
    url: str  # the page's permanent address, without an anchor

    def report(self) -> str:
        """The whole report: ``<head>. <url>``."""
        return f"{self.head}. {self.url}"

    def paragraph(self, number: int, anchor: str) -> str:
        """One paragraph: ``<head>: 第<n>段. <url>#<anchor>`` (cite.js builds the same)."""
        return f"{self.head}: 第{number}段. {self.url}#{anchor}"


def citation(report: Report, page_url: str) -> Citation:
    who = author(report)
    title = report.title or "政府工作报告"
    if not who:
        title = report.full_title()
    if "——" not in title and report.meeting:
        title += f"——{date_label(report.date)}在{report.meeting}上"
    year = str(report.year) if report.year else "[出版年不详]"
    head = f"{who}. {title}[R/OL]. {year}" if who else f"{title}[R/OL]. {year}"
    return Citation(head, page_url)
