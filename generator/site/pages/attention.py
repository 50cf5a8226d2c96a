"""The 关注度 section of a topic page: shares over the years, region × year heat table.

Called from topic.py. It reads every dated report's paragraphs on the topic and its
paragraph totals; a report without matches has a share of 0 whatever its text, so the
topic page's key (the reports with matches) covers it. Shown only when some region has
reports in at least two years (one year per region has no "over time").
"""

from __future__ import annotations

from ... import memo
from ...config import Topic
from ..context import SiteContext
from ..facts.attention import BUCKETS, bucket, share
from ..facts.reports import region_groups
from ..facts.topics import TopicIndex
from ..render.chart import data_table, line_chart
from ..render.markdown import escape_text, heading
from ..render.tables import scroll_box

TOP_REGIONS = 5
METHOD = ("计算方法：按段落归类（见下方归类规则：段落中的专题关键词和术语计分，达到标准的段落归入本专题），"
          "段落占比＝本专题段落数÷报告正文段落总数，字数占比＝本专题段落字数÷正文总字数。"
          "一个段落可同时属于多个专题。")


def _pct(value: float) -> str:
    return f"{value * 100:.1f}%"


def attention_blocks(ctx: SiteContext, page: str, index: TopicIndex, topic: Topic) -> list[str]:
    regions = []  # (name, {year: Share})
    for group in region_groups(ctx):
        by_year = {}
        for report in group.reports:
            if report.year and report.year not in by_year:
                by_year[report.year] = share(index, topic.slug, report)
        if by_year and group.name:
            regions.append((group.name, by_year))
    if not any(len(by_year) > 1 for _, by_year in regions):
        return []
    # Drawn again only when a share changed (topic names and regions are in the site digest).
    return ctx.cached("fragment:attention", (page, topic.slug, TOP_REGIONS, memo.digest(regions)), lambda: _blocks(regions))


def _blocks(regions: list[tuple[str, dict]]) -> list[str]:
    years = sorted({y for _, by_year in regions for y in by_year})
    axis = list(range(years[0], years[-1] + 1))
    charted = [r for r in regions if len(r[1]) > 1]
    charted = sorted(charted, key=lambda r: -sum(s.paragraphs for s in r[1].values()))[:TOP_REGIONS]
    blocks = [heading(2, "关注度", "attention"), escape_text(METHOD)]
    for title, attr in (("段落占比", "paragraph_share"), ("字数占比", "char_share")):
        series = [(name, {y: (getattr(s, attr) * 100 if (s := by_year.get(y)) else None) for y in axis})
                  for name, by_year in charted]
        blocks.append(line_chart(f"各地区报告中本专题的{title}（%）", axis, series, percent=True))
    note = "每条线是一个地区，该地区当年没有收录报告时线条断开。"
    multi = [r for r in regions if len(r[1]) > 1]
    if len(multi) > len(charted):
        note += f"有多年报告的地区共 {len(multi)} 个，图中只画出本专题段落最多的 {len(charted)} 个，下方的地区 × 年份表列出全部地区。"
    blocks.append(note)
    rows = [[name, f"{y}年", f"{s.paragraphs}/{s.total_paragraphs}", _pct(s.paragraph_share), _pct(s.char_share)]
            for name, by_year in charted for y, s in sorted(by_year.items())]
    blocks.append(data_table("图中数字（表格）", ["地区", "年份", "段落", "段落占比", "字数占比"], rows))
    blocks.append(_heat_table(regions, years))
    return blocks


def _heat_table(regions, years) -> str:
    """Region × year table of paragraph shares, cells shaded by bucket (CSS heat-0 … heat-4)."""
    head = "".join(f"<th>{y}</th>" for y in years)
    body = []
    for name, by_year in regions:
        cells = []
        for y in years:
            s = by_year.get(y)
            if s is None:
                cells.append("<td></td>")
            else:
                cells.append(f'<td class="heat-{bucket(s.paragraph_share)}">{s.paragraph_share * 100:.0f}</td>')
        body.append(f"<tr><th>{escape_text(name)}</th>{''.join(cells)}</tr>")
    bounds = "；".join(f"≥{low * 100:.0f}%" for low in BUCKETS[1:])
    caption = (f"各地区各年报告中本专题段落占比（%），颜色越深占比越高（分档：{bounds}）；空格表示当年没有收录该地区的报告。")
    table = f"<table><thead><tr><th>地区</th>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    return f"<p>{caption}</p>\n\n" + scroll_box(f'<div class="heat-table">{table}</div>', "各地区各年本专题段落占比")
