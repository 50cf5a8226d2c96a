"""Region pages (regions/<slug>.md) and the 地区 overview tree (regions/index.md).

One page for every region in ``ctx.regions``: each report's region and all its
parents. A page shows the code and level, the parent chain, the region's reports by
year, its child regions, the terms its reports define and its most used terms.
"""

from __future__ import annotations

from typing import Iterable

from ..render import urls
from ..context import Page, SiteContext
from ..facts.region_usage import TermRate, rate_label, region_rates
from ..facts.reports import (defined_terms, region_children, region_code, region_level, region_walk, report_label,
                             report_length, report_short_label, short_text, speaker_label, subtree_reports,
                             term_counts)
from ..render.chart import line_chart
from ..render.markdown import escape_text, heading, join_blocks, link
from ..render.tables import NUM, WIDE_ONLY, Column, html_table
from .home import year_links, years_label

TOP_TERMS = 10  # most used terms compared with the site
TOP_DEFINED = 30  # 名词解释 terms listed (a province's reports explain hundreds)
MIN_CHART_YEARS = 3


def _region_link(ctx: SiteContext, page: str, name: str) -> str:
    return link(name, urls.href(page, ctx.region_path(name)))



def _facts(ctx: SiteContext, page: str, name: str) -> str:
    code = region_code(ctx, name)
    lines = []
    if code:
        lines.append(f"行政区划代码：{code} · 级别：{region_level(ctx, name)}")
    else:
        lines.append("!!! note \"未能识别的地区\"\n    行政区划数据中找不到这个地区名称，"
                     "因此本页没有区划代码和上级地区。可在 `site_config/regions.yaml` 中补充。")
    parents = ctx.region_parents.get(name, [])
    if parents:
        chain = " › ".join(_region_link(ctx, page, p.name) for p in parents)
        lines.append(f"上级地区：{chain} › {escape_text(name)}")
    return "\n\n".join(lines)


REPORT_COLUMNS = (Column("报告"), Column("日期"), Column("报告人", WIDE_ONLY), Column("字数", NUM),
                  Column("术语数", f"{NUM} {WIDE_ONLY}"))


def _reports_section(ctx: SiteContext, page: str, name: str) -> list[str]:
    """The region's own reports over the years: one row each (a phone shows report, date
    and length), and a chart of their length once there are three years or more."""
    own = ctx.reports_of_region(name)
    out = [heading(2, "历年政府工作报告", "reports")]
    if not own:
        out.append("本站尚未收录这个地区本级的政府工作报告。")
        return out
    years = sorted({r.year for r in own if r.year})
    out.append(f"本级共 {len(own)} 篇报告" + (f"（{years_label(years)}）" if years else "") + "，按年份排列；"
               "术语数是报告中用到的不同术语个数。")
    rows = [(link(report_short_label(r), urls.href(page, urls.report_page(r.slug)), report_label(r)),
             escape_text(r.date or "—"), escape_text(speaker_label(r) or "—"), f"{report_length(r):,}",
             str(len(term_counts(ctx, r.slug)))) for r in own]
    out.append(html_table(REPORT_COLUMNS, rows, "data-table report-table"))
    if len(years) >= MIN_CHART_YEARS:
        length = {}
        for r in own:
            if r.year and r.year not in length:
                length[r.year] = report_length(r) / 1000
        axis = list(range(years[0], years[-1] + 1))
        out.append(line_chart("历年报告字数（千字）", axis, [("字数", {y: length.get(y) for y in axis})]))
    return out


CHILD_COLUMNS = (Column("地区"), Column("级别", WIDE_ONLY), Column("本级报告"), Column("含下级共计", f"{NUM} {WIDE_ONLY}"))


def _children_section(ctx: SiteContext, page: str, name: str) -> list[str]:
    """One row per child region: its own reports as year links, and how many reports lie
    below it (their links are on the child's page): the page grows with the region's
    children, not with every report under it."""
    children = region_children(ctx, name)
    if not children:
        return []
    rows = []
    for child in children:
        own = ctx.reports_of_region(child)
        count = len(subtree_reports(ctx, child))
        rows.append((_region_link(ctx, page, child), region_level(ctx, child),
                     year_links(ctx, page, own) if own else "—", str(count)))
    return [heading(2, "下级地区", "children"),
            f"{len(children)} 个下级地区。点击年份打开该地区本级的报告；更下一级地区的报告见各地区页。",
            html_table(CHILD_COLUMNS, rows)]


def _defined_section(ctx: SiteContext, page: str, name: str) -> list[str]:
    """The terms the region's reports explain in their 名词解释, newest report first, each
    term once (its newest explanation); at most TOP_DEFINED rows, the rest counted and
    reached through each report's 名词解释."""
    if ctx.glossary is None:
        return []
    rows: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    rest = 0
    newest_first = sorted(ctx.reports_of_region(name), key=lambda r: (-(r.year or 0), r.slug))
    for report in newest_first:
        for key, entry in defined_terms(ctx, report):
            if key in seen:
                continue
            seen.add(key)
            if len(rows) >= TOP_DEFINED:
                rest += 1
                continue
            term = ctx.glossary.terms[key]
            source = link(f"{report.year or ''} 名词解释".strip(),
                          urls.href(page, urls.report_page(report.slug), entry.anchor))
            rows.append((link(term.headword, urls.href(page, ctx.term_path(key))),
                         escape_text(short_text(entry.definition) or "—"), source))
    if not rows:
        return []
    out = [heading(2, "本地报告解释的术语", "defined-terms"),
           f"本地区的政府工作报告在附件“名词解释”中给出官方解释的术语，共 {len(seen)} 个"
           + (f"；下表列出最近的 {len(rows)} 个，其余 {rest} 个见各年报告的名词解释。" if rest else "。"),
           html_table(DEFINED_COLUMNS, rows)]
    return out


DEFINED_COLUMNS = (Column("术语", "term"), Column("释义"), Column("出处", f"{WIDE_ONLY} nowrap"))
USAGE_COLUMNS = (Column("术语"), Column("本地次数", f"{NUM} {WIDE_ONLY}"), Column("本地每万字", NUM),
                 Column("全站每万字", NUM), Column("本地÷全站", f"{NUM} {WIDE_ONLY}"))


def _usage_section(ctx: SiteContext, page: str, rates: list[TermRate]) -> list[str]:
    if not rates or ctx.glossary is None:
        return []
    rows = [(link(ctx.glossary.terms[t.key].headword, urls.href(page, ctx.term_path(t.key))), str(t.uses),
             rate_label(t.rate), rate_label(t.site_rate), f"{t.ratio:.1f} 倍" if t.site_rate else "—")
            for t in rates]
    return [heading(2, "最常用的术语", "top-terms"),
            f"本地区本级报告中出现次数最多的 {len(rows)} 个术语，与全站所有报告比较：每万字是每一万字报告正文中"
            "出现的次数（本地＝本级报告合计，全站＝本站全部报告合计），本地÷全站大于 1 表示本地用得比全站平均多。",
            html_table(USAGE_COLUMNS, rows)]


def region_page(ctx: SiteContext, name: str, order: int, rates: list[TermRate]) -> Page:
    page = ctx.region_path(name)
    blocks = [heading(1, name), _facts(ctx, page, name)]
    blocks += _reports_section(ctx, page, name)
    blocks += _children_section(ctx, page, name)
    blocks += _defined_section(ctx, page, name)
    blocks += _usage_section(ctx, page, rates)
    return Page(page, join_blocks(blocks), name, order=(order,), in_nav=False)


def _tree_item(ctx: SiteContext, name: str, depth: int) -> str:
    own = len(ctx.reports_of_region(name))
    total = len(subtree_reports(ctx, name))
    code = region_code(ctx, name)
    facts = f"{region_level(ctx, name)}，{code}" if code else "未识别"
    counts = f"{own} 篇报告" if own == total else f"本级 {own} 篇，含下级共 {total} 篇报告"
    page = urls.REGIONS_INDEX
    return "    " * depth + f"- {_region_link(ctx, page, name)}（{facts}）：{counts}"


def overview_page(ctx: SiteContext) -> Page:
    walk = list(region_walk(ctx))
    blocks = [heading(1, "地区"),
              f"本站收录的报告来自 {sum(1 for n, _ in walk if ctx.reports_of_region(n))} 个地区。"
              "下面按行政区划层级列出这些地区及其上级地区，点击地区名称查看该地区的报告、"
              "下级地区和常用术语。"]
    if walk:
        blocks.append("\n".join(_tree_item(ctx, name, depth) for name, depth in walk))
    else:
        blocks.append("暂无报告。")
    return Page(urls.REGIONS_INDEX, join_blocks(blocks), "地区")


def pages(ctx: SiteContext) -> Iterable[Page]:
    # The tree shows the catalogue only (in the site digest); a region page also shows
    # its own reports' 名词解释 entries and term counts.
    yield ctx.cached("page:regions-overview", (), lambda: overview_page(ctx))
    for i, (name, _) in enumerate(region_walk(ctx)):
        key = ctx.keys_of(ctx.reports_of_region(name))
        # The usage table compares with the whole site: its rates are part of the key.
        rates = region_rates(ctx, name, TOP_TERMS)
        yield ctx.cached("page:region", None if key is None else (name, i, key, tuple(rates)),
                         lambda: region_page(ctx, name, i, rates))
