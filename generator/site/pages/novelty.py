"""新提法: the report page's comparison with the previous report, and the year page's list.

Called from report.py and home.py. Both depend on the report and its region's previous
report (their memo keys are in the callers' page keys: ``novelty_key``). Nothing is
written when there is no previous report or nothing changed: never an empty section.
"""

from __future__ import annotations

from typing import Optional

from ... import memo
from ...model import Report
from ..context import SiteContext
from ..facts.novelty import RULE, Change, change
from ..facts.reports import report_label
from ..render import urls
from ..render.markdown import escape_text, heading, html_heading, link


def novelty_key(ctx: SiteContext, report: Report) -> Optional[tuple]:
    """The memo key of the previous report (what the section reads besides the report)."""
    previous, _ = ctx.neighbours(report)
    return memo.report_key(previous) if previous is not None else ()


def _term_links(ctx: SiteContext, page: str, report: Report, items: list[tuple[str, str]]) -> str:
    out = []
    for key, anchor in items:
        term = ctx.term(key)
        if term is not None:
            out.append(link(term.headword, urls.href(page, urls.report_page(report.slug), anchor)))
    return " · ".join(out)  # not "、": headwords such as 闯新路、进中游 contain it


def _quote_links(page: str, report: Report, items: list[tuple[str, str]]) -> str:
    return " · ".join(link(f"“{phrase}”", urls.href(page, urls.report_page(report.slug), anchor))
                    for phrase, anchor in items)


def _lines(ctx: SiteContext, page: str, c: Change, dropped: bool = True) -> list[str]:
    rows = [("新增术语", _term_links(ctx, page, c.report, c.new_terms), len(c.new_terms)),
            ("新增引号提法", _quote_links(page, c.report, c.new_quotes), len(c.new_quotes))]
    if dropped:
        rows += [("不再出现的术语", _term_links(ctx, page, c.previous, c.dropped_terms), len(c.dropped_terms)),
                 ("不再出现的引号提法", _quote_links(page, c.previous, c.dropped_quotes), len(c.dropped_quotes))]
    return [f"- {label}（{n}）：{text}" for label, text, n in rows if n and text]


def report_blocks(ctx: SiteContext, page: str, report: Report) -> list[str]:
    """The 新提法 section of a report page; [] without a previous report or a change."""
    c = change(ctx, report)
    if c is None or not c:
        return []
    lines = _lines(ctx, page, c)
    if not lines:
        return []
    before = link(report_label(c.previous), urls.href(page, urls.report_page(c.previous.slug)))
    # An HTML heading, outside the table of contents: a report page's chrome stays its section tree.
    return [html_heading(2, "novelty", "新提法"), f"与本地区上一篇报告（{before}）相比：",
            '<div class="novelty-list" markdown="1">\n\n' + "\n".join(lines) + "\n\n</div>", escape_text(RULE)]


YEAR_TERMS_SHOWN = 10  # new terms listed per report on a year page (the report page lists all)


def year_blocks(ctx: SiteContext, page: str, reports: list[Report]) -> list[str]:
    """The year page's new formulas, report by report: its first YEAR_TERMS_SHOWN new terms
    and the number of new quoted phrases, linking to the report's 新提法 section for the rest
    (a year of a national corpus has ~100 reports); [] when no report has anything new."""
    blocks = []
    for report in reports:
        c = change(ctx, report)
        if not c or not (c.new_terms or c.new_quotes):
            continue
        more = link("全部新提法", urls.href(page, urls.report_page(report.slug), "novelty"))
        parts = []
        if c.new_terms:
            shown = _term_links(ctx, page, report, c.new_terms[:YEAR_TERMS_SHOWN])
            rest = len(c.new_terms) - YEAR_TERMS_SHOWN
            parts.append(f"新增术语 {len(c.new_terms)} 个：{shown}" + (" 等" if rest > 0 else ""))
        if c.new_quotes:
            parts.append(f"新增引号提法 {len(c.new_quotes)} 个")
        label = link(report_label(report), urls.href(page, urls.report_page(report.slug)))
        blocks.append(f"- {label}（与{escape_text(str(c.previous.year or ''))}年相比）：" + "；".join(parts) + f"。{more}")
    if not blocks:
        return []
    return [heading(2, "本年新提法", "novelty"), escape_text(RULE) + f"每篇最多列出 {YEAR_TERMS_SHOWN} 个新增术语。",
            "\n".join(blocks)]


def year_key(ctx: SiteContext, reports: list[Report]) -> Optional[tuple]:
    """Memo keys of the year's reports' previous reports."""
    keys = tuple(novelty_key(ctx, r) for r in reports)
    return None if None in keys else keys
