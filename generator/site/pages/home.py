"""The home page (index.md), the reports overview (reports/index.md) and year pages.

The reports overview is one table of every report, sorted by region hierarchy then
year; year pages list the reports of one year in the same order.
"""

from __future__ import annotations

from typing import Iterable

from ... import memo
from ...model import Report
from ..render import urls
from ..context import Page, SiteContext
from ..facts.reports import (NO_REGION, region_level, region_walk, report_label, report_length, report_short_label,
                    sorted_reports, speaker_label, term_counts)
from ..render.markdown import escape_text, heading, join_blocks, link
from ..render.tables import NUM, WIDE_ONLY, Column, html_table
from .novelty import year_blocks, year_key

SITE_TITLE = "政府工作报告 · 读报与术语互查"


MAX_LISTED_YEARS = 6  # up to this many years with gaps are named one by one


def years_label(years: list[int]) -> str:
    """2022、2024年 when the years have gaps (a range 2022—2024 would read as three years)
    and are few; 1998—2026年 for an unbroken run or many years."""
    if not years:
        return ""
    unbroken = years[-1] - years[0] + 1 == len(years)
    if len(years) == 1 or (not unbroken and len(years) <= MAX_LISTED_YEARS):
        return "、".join(str(y) for y in years) + "年"
    return f"{years[0]}—{years[-1]}年"

def _dash(value) -> str:
    return escape_text(str(value)) if value not in (None, "") else "—"


def _region_cell(ctx: SiteContext, page: str, report: Report) -> str:
    if not report.region_name:
        return "—"
    return link(report.region_name, urls.href(page, ctx.region_path(report.region_name)))


def _report_row(ctx: SiteContext, page: str, r: Report) -> tuple[str, ...]:
    level = region_level(ctx, r.region_name) if r.region_name else "—"
    title = link(report_short_label(r), urls.href(page, urls.report_page(r.slug)), report_label(r))
    return (title, _region_cell(ctx, page, r), level, _dash(r.date), _dash(speaker_label(r)),
            f"{report_length(r):,}", str(len(term_counts(ctx, r.slug))))


# A phone shows the report (region and year), its date and length; the other columns
# are hidden below 45em (docs_src/stylesheets/layout.css).
REPORT_COLUMNS = (Column("报告"), Column("地区", WIDE_ONLY), Column("级别", WIDE_ONLY), Column("日期"),
                  Column("报告人", WIDE_ONLY), Column("字数", NUM), Column("术语数", f"{NUM} {WIDE_ONLY}"))


def reports_table(ctx: SiteContext, page: str, reports: list[Report]) -> str:
    # A row depends on its report only (and the site digest): reused across rebuilds.
    rows = []
    for r in sorted_reports(ctx, reports):
        rows.append(ctx.cached("fragment:report-row", memo.report_key(r, page), lambda: _report_row(ctx, page, r)))
    return html_table(REPORT_COLUMNS, rows, "data-table report-table")


def year_links(ctx: SiteContext, page: str, reports: list[Report]) -> str:
    """"2019 · 2020 · 2021": one link per report, labelled by its year (a second report of
    the same year gets "（2）", a report without a year its title)."""
    seen: dict = {}
    out = []
    for r in reports:
        label = str(r.year) if r.year else (r.title or "年份不明")
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:
            label += f"（{seen[label]}）"
        out.append(link(label, urls.href(page, urls.report_page(r.slug))))
    return " · ".join(out)


def province_anchor(ctx: SiteContext, name: str) -> str:
    return "p-" + ctx.region_slug(name) if name else "p-unknown"


OVERVIEW_COLUMNS = (Column("地区"), Column("级别", WIDE_ONLY), Column("篇数", f"{NUM} {WIDE_ONLY}"),
                    Column("报告（点击年份）"))


def reports_overview(ctx: SiteContext) -> Page:
    """Every report one click away, in a page whose size grows by a short link per report:
    one table per top-level region (province), one row per region under it, each report a
    year link. Details (date, speaker, length) are on the year and region pages."""
    page = urls.REPORTS_INDEX
    regions = {r.region_name for r in ctx.reports if r.region_name}
    blocks = [heading(1, "报告"),
              f"本站收录 {len(ctx.reports)} 篇政府工作报告，来自 {len(regions)} 个地区。"
              "下面按省级地区分组，每行一个地区（按行政区划层级排列），点击年份打开该年的报告；"
              f"报告的日期、报告人和字数见{link('按年份', urls.href(page, urls.YEARS_INDEX))}浏览的各年页面和各地区页。"]
    sections: list[tuple[str, list[list[str]]]] = []
    for name, depth in region_walk(ctx):
        own = ctx.reports_of_region(name)
        if depth == 0:
            sections.append((name, []))
        if not own:
            continue
        indent = "　" * depth
        sections[-1][1].append([indent + link(name, urls.href(page, ctx.region_path(name))),
                                region_level(ctx, name), str(len(own)), year_links(ctx, page, own)])
    orphans = sorted((r for r in ctx.reports if r.region is None), key=lambda r: (r.year or 0, r.slug))
    if orphans:
        sections.append(("", [[NO_REGION, "—", str(len(orphans)), year_links(ctx, page, orphans)]]))
    sections = [(name, rows) for name, rows in sections if rows]
    if not sections:
        blocks.append("暂无报告。")
        return Page(page, join_blocks(blocks), "全部报告")
    if len(sections) > 1:
        blocks.append(" · ".join(link(name or NO_REGION, urls.href(page, page, province_anchor(ctx, name)))
                                 for name, _ in sections))
    for name, rows in sections:
        total = sum(int(row[2]) for row in rows)
        blocks.append(heading(2, f"{name or NO_REGION}（{total} 篇）", province_anchor(ctx, name)))
        blocks.append(html_table(OVERVIEW_COLUMNS, rows, "data-table overview-table"))
    return Page(page, join_blocks(blocks), "全部报告")


def years_index(ctx: SiteContext) -> Page:
    page = urls.YEARS_INDEX
    items = [f"- {link(f'{year}年', urls.href(page, urls.year_page(year)))}：{len(ctx.reports_of_year(year))} 篇报告"
             for year in ctx.years()]
    undated = [r for r in ctx.reports if not r.year]
    blocks = [heading(1, "按年份浏览"), "选择年份，查看当年各地区的政府工作报告。",
              "\n".join(items) or "暂无标明年份的报告。"]
    if undated:
        blocks.append(f"另有 {len(undated)} 篇报告未能确定年份，见{link('全部报告', urls.href(page, urls.REPORTS_INDEX))}。")
    return Page(page, join_blocks(blocks), "按年份")


def year_page(ctx: SiteContext, year: int) -> Page:
    page = urls.year_page(year)
    reports = ctx.reports_of_year(year)
    years = ctx.years()
    i = years.index(year)
    around = []
    if i > 0:
        around.append("上一年：" + link(f"{years[i - 1]}年", urls.href(page, urls.year_page(years[i - 1]))))
    if i + 1 < len(years):
        around.append("下一年：" + link(f"{years[i + 1]}年", urls.href(page, urls.year_page(years[i + 1]))))
    blocks = [heading(1, f"{year}年政府工作报告"),
              f"{year}年共收录 {len(reports)} 篇报告，按行政区划层级排列。"]
    if around:
        blocks.append(" · ".join(around))
    blocks.append(reports_table(ctx, page, reports))
    blocks += year_blocks(ctx, page, reports)
    return Page(page, join_blocks(blocks), f"{year}年", order=(-year,), in_nav=False)


def _counts(ctx: SiteContext) -> dict[str, int]:
    terms = len(ctx.glossary.terms) if ctx.glossary is not None else 0
    links = 0
    if ctx.glossary is not None:
        links = sum(1 for r in ctx.reports for o in ctx.glossary.occurrences(r.slug) if o.linked)
    regions = len({r.region_name for r in ctx.reports if r.region_name})
    return {"reports": len(ctx.reports), "regions": regions, "years": len(ctx.years()), "terms": terms,
            "links": links}


def _example_term(ctx: SiteContext) -> str:
    """"（如“七个作模范”）" with the most used term of this site, or "" without a glossary."""
    if ctx.glossary is None or not ctx.glossary.terms:
        return ""
    order = ctx.glossary.ordered()
    best = min(range(len(order)), key=lambda i: (-ctx.glossary.usage_count(order[i].key), i))
    return f"（如“{escape_text(order[best].headword)}”）"


def _example_report(ctx: SiteContext) -> str:
    report = next((r for r in sorted_reports(ctx, ctx.reports) if r.region_name and r.year), None)
    return f"（如“{escape_text(report.region_name)} {report.year}”）" if report else ""


def _topic_examples(ctx: SiteContext) -> str:
    names = [escape_text(t.name) for t in ctx.config.topics[:3]]
    return f"（{'、'.join(names)}{'等' if len(ctx.config.topics) > 3 else ''}）" if names else ""


def _cards(cards: list[tuple[str, str]]) -> str:
    """Material's grid cards (attr_list + md_in_html): one card per entry point, its
    title a link, then what a reader finds there."""
    items = [f"-   **{title}**\n\n    ---\n\n    {text}" for title, text in cards]
    return '<div class="grid cards" markdown>\n\n' + "\n\n".join(items) + "\n\n</div>"


def home(ctx: SiteContext) -> Page:
    page = urls.HOME
    n = _counts(ctx)

    def to(label: str, target: str) -> str:
        return link(label, urls.href(page, target))

    years = ctx.years()
    span = years_label(years)
    tops = [name for name, depth in region_walk(ctx) if depth == 0]
    blocks = [
        heading(1, SITE_TITLE),
        "本站把各地人民政府的政府工作报告整理成便于阅读、检索和引用的网页：每篇报告保留原文的章节结构，"
        "段落可以单独引用；报告里的专门名词（如“三北工程”“七个作模范”）链接到术语表，"
        "同一名词在不同地区、不同年份的解释并列展示；专题页把各地谈同一件事的段落放在一起，方便对照。",
        heading(2, "从哪里开始", "start"),
        _cards([
            (to("报告", urls.REPORTS_INDEX), f"{n['reports']} 篇政府工作报告" + (f"（{span}）" if span else "")
             + f"，按省级地区、地区和年份排列；也可以{to('按年份', urls.YEARS_INDEX)}浏览，"
             "各年页面列出日期、报告人和字数。"),
            (to("地区", urls.REGIONS_INDEX), f"{n['regions']} 个有报告的地区，按行政区划层级（省级、地级、县级）排列；"
             "每个地区页列出它历年的报告、下级地区、本地解释的术语和最常用的术语。"),
            (to("专题", urls.TOPICS_INDEX), f"{len(ctx.config.topics)} 个专题" + _topic_examples(ctx) + "，"
             "逐个地区列出相关段落的摘录，专题 × 地区表对照各地的关注点。"),
            (to("术语表", urls.GLOSSARY_INDEX), f"{n['terms']} 个术语，正文中有 {n['links']:,} 处术语链接；"
             f"按拼音排列，也可以{to('按类别', urls.GLOSSARY_BY_CATEGORY)}或"
             f"{to('按数字开头的提法', urls.GLOSSARY_BY_NUMERAL)}（“两个确立”“三个四”“七个作模范”……）查看。"),
        ]),
        f"内容来源、整理方法和术语释义的来历见{to('关于本站', 'about/index.md')}。",
        heading(2, "怎样使用", "how-to"),
        "\n".join([
            "- **悬停看释义**：报告正文中带虚线下划线的词语是术语，鼠标停在上面会显示简短释义。",
            "- **点击进词条**：点击术语进入词条页，可以看到它的全部释义（报告自带的名词解释和本站整理的释义，"
            "分别注明出处）、在哪些报告的哪些段落出现过，以及相关术语。",
            "- **跟踪专题**：专题页把各地报告中谈同一件事（如生态环境、民生保障）的段落按地区排列，"
            "摘录中粗体是命中的关键词，点击摘录后的章节名直接跳到原文段落。",
            "- **对照各地**：专题总览的“专题 × 地区”表给出每个地区在各专题上的段落数；"
            "地区页列出该地区的报告、下级地区、本地解释的术语和最常用的术语。",
            "- **引用段落**：鼠标移到段落上，末尾会出现“¶”，点击即得到指向这一段的固定链接。",
            f"- **搜索**：按 `/` 或点击页面顶部的搜索框。输入完整的术语{_example_term(ctx)}会把词条页排在最前；"
            f"输入地区名加年份{_example_report(ctx)}可以找到对应报告；多个词用空格分开表示同时包含。",
        ]),
    ]
    if tops:
        blocks.append("收录地区：" + "、".join(to(name, ctx.region_path(name)) for name in tops) + "及其下级地区。")
    return Page(page, join_blocks(blocks), "首页")


def pages(ctx: SiteContext) -> Iterable[Page]:
    # Home and overview count every report's links and length; a year page its own reports.
    yield ctx.cached("page:home", ctx.reports_key, lambda: home(ctx))
    yield ctx.cached("page:reports-overview", ctx.reports_key, lambda: reports_overview(ctx))
    yield ctx.cached("page:years", (), lambda: years_index(ctx))
    for year in ctx.years():
        key, before = ctx.keys_of(ctx.reports_of_year(year)), year_key(ctx, ctx.reports_of_year(year))
        yield ctx.cached("page:year", None if None in (key, before) else (year, key, before),
                         lambda: year_page(ctx, year))
