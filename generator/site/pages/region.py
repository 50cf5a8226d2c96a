"""Region pages (regions/<slug>.md) and the 地区 overview tree (regions/index.md).

One page for every region in ``ctx.regions``: each report's region and all its
parents. A page shows the code and level, the parent chain, the region's reports by
year, its child regions, the terms its reports define and its most used terms.
"""

from __future__ import annotations

from typing import Iterable

from ..render import urls
from ..context import Page, SiteContext
from ..facts.reports import (defined_terms, most_common, region_children, region_code, region_level, region_term_counts,
                    region_walk, report_label, short_text, speaker_label, subtree_reports)
from ..render.markdown import escape_text, heading, join_blocks, link, table
from .compare import link_from as compare_link
from .home import year_links

TOP_TERMS = 20


def _region_link(ctx: SiteContext, page: str, name: str) -> str:
    return link(name, urls.href(page, ctx.region_path(name)))


def _report_link(page: str, report) -> str:
    return link(report_label(report), urls.href(page, urls.report_page(report.slug)))


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


def _reports_section(ctx: SiteContext, page: str, name: str) -> list[str]:
    own = ctx.reports_of_region(name)
    out = [heading(2, "政府工作报告", "reports")]
    if own:
        rows = [[escape_text(str(r.year or "—")), _report_link(page, r), escape_text(r.date or "—"),
                 escape_text(speaker_label(r) or "—")] for r in own]
        header = ["年份", "报告", "日期", "报告人"]
        if len(own) > 1:  # 对比: each report beside its previous one (compare.py)
            header.append("对比")
            for row, r in zip(rows, own):
                row.append(compare_link(ctx, page, r) or "—")
        out.append(table(header, rows))
    else:
        out.append("本站尚未收录这个地区本级的政府工作报告。")
    return out


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
        rows.append([_region_link(ctx, page, child), region_level(ctx, child),
                     year_links(ctx, page, own) if own else "—", str(count)])
    return [heading(2, "下级地区", "children"), "点击年份打开该地区本级的报告；更下一级地区的报告见各地区页。",
            table(["地区", "级别", "本级报告", "含下级共计"], rows)]


def _defined_section(ctx: SiteContext, page: str, name: str) -> list[str]:
    if ctx.glossary is None:
        return []
    rows = []
    for report in ctx.reports_of_region(name):
        for key, entry in defined_terms(ctx, report):
            term = ctx.glossary.terms[key]
            source = link(f"{report.year or ''} 名词解释".strip(),
                          urls.href(page, urls.report_page(report.slug), entry.anchor))
            rows.append([link(term.headword, urls.href(page, ctx.term_path(key))),
                         escape_text(short_text(entry.definition) or "—"), source])
    if not rows:
        return []
    return [heading(2, "本地报告解释的术语", "defined-terms"),
            "这些术语由本地区的政府工作报告在附件“名词解释”中给出官方解释。",
            table(["术语", "释义", "出处"], rows)]


def _usage_section(ctx: SiteContext, page: str, name: str) -> list[str]:
    if ctx.glossary is None or not ctx.reports_of_region(name):
        return []
    top = most_common(region_term_counts(ctx, name), TOP_TERMS)
    if not top:
        return []
    rows = [[link(ctx.glossary.terms[key].headword, urls.href(page, ctx.term_path(key))), str(count)]
            for key, count in top if key in ctx.glossary.terms]
    return [heading(2, "最常用的术语", "top-terms"),
            f"本地区报告中出现次数最多的 {len(rows)} 个术语（按出现次数）。",
            table(["术语", "出现次数"], rows)]


def region_page(ctx: SiteContext, name: str, order: int) -> Page:
    page = ctx.region_path(name)
    blocks = [heading(1, name), _facts(ctx, page, name)]
    blocks += _reports_section(ctx, page, name)
    blocks += _children_section(ctx, page, name)
    blocks += _defined_section(ctx, page, name)
    blocks += _usage_section(ctx, page, name)
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
        yield ctx.cached("page:region", None if key is None else (name, i, key), lambda: region_page(ctx, name, i))
