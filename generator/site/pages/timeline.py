"""The 时间线 section of a term page: first (and last) appearance, uses per year.

Called from term.py; the blocks depend on the reports using the term and on the
report catalogue (the regions' latest years), both in the term page's memo key.
"""

from __future__ import annotations

from ...model import Term
from ..context import SiteContext
from ..facts.reports import report_label
from ..facts.timeline import STOP_RULE, Timeline, term_timeline
from ..render import urls
from ..render.chart import Series, data_table, line_chart
from ..render.markdown import heading, link


def _use_line(page: str, label: str, use) -> str:
    target = urls.href(page, urls.report_page(use.report.slug), use.anchor)
    return f"- {label}：{use.report.year}年，{link(report_label(use.report), target)}"


def _charts(tl: Timeline) -> list[str]:
    years = tl.years
    if len(years) < 2:  # one year: the sentence above says it all, no chart
        return []
    axis = list(range(years[0], years[-1] + 1))
    blocks = [line_chart("每年出现次数与用到本词的报告篇数", axis, [
        ("出现次数", {y: tl.occurrences.get(y, 0) for y in axis}),
        ("报告篇数", {y: tl.reports.get(y, 0) for y in axis})])]
    rows = [[f"{y}年", str(tl.reports[y]), str(tl.occurrences[y])] for y in years]
    blocks.append(data_table("逐年数字（表格）", ["年份", "报告篇数", "出现次数"], rows))
    if len(tl.by_region) > 1:
        top = tl.top_regions()
        series: list[Series] = [(name, {y: (float(tl.by_region[name].get(y, 0)) if y in tl.region_years[name]
                                            else None) for y in axis}) for name in top]
        capped = (f"用到本词的地区共 {len(tl.by_region)} 个，图中只画出用得最多的 {len(top)} 个。"
                  if len(top) < len(tl.by_region) else "")
        blocks.append(line_chart("各地区每年出现次数", axis, series))
        blocks.append("图中每条线是一个地区；该地区当年没有收录报告时线条断开。" + capped)
        region_rows = [[name, f"{y}年", str(tl.by_region[name][y])]
                       for name in top for y in sorted(tl.by_region[name])]
        blocks.append(data_table("各地区逐年数字（表格）", ["地区", "年份", "出现次数"], region_rows))
    return blocks


def timeline_blocks(ctx: SiteContext, page: str, term: Term) -> list[str]:
    """Heading, first/last appearance and charts; [] when no dated report uses the term."""
    tl = term_timeline(ctx, term.key)
    if tl is None:
        return []
    lines = [_use_line(page, "首次出现", tl.first)]
    if tl.last is not None:
        lines.append(_use_line(page, "最后一次出现", tl.last)
                     + f"（这些地区的报告收录到 {tl.latest_year} 年）")
    years = tl.years
    span = f"{years[0]}–{years[-1]} 年间有 {len(years)} 个年份用到本词。" if len(years) > 1 else ""
    return [heading(2, "时间线", "timeline"), "\n".join(lines), span + STOP_RULE, *_charts(tl)]
