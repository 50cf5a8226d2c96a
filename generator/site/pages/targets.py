"""目标 pages: targets/index.md and one region × year page per indicator.

Each indicator page has one row per region (hierarchy order) and one column per year:
the target the year's report sets and the outcome the next year's report gives, each
linked to its paragraph, with the verdict (facts/targets.py ``RULE``). The row's first
cell is a small inline SVG of the figures over the years (drawn here, coloured with
``currentColor`` and Material's CSS variables so it reads in both schemes; hidden from
screen readers, which read the same figures in the row's cells). A page over
``PAGE_BUDGET`` bytes of Markdown is split by province: the indicator page then lists
the provinces, each with its own page.

``report_box`` is the 主要预期目标 box of a report page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional

from ... import memo
from ...model import Report
from ...targets import OUTCOME, Target
from ..context import Page, SiteContext, region_slug
from ..facts.reports import region_order
from ..facts.targets import MET, MISSED, RULE, TargetIndex, judge, number, target_index, value_label
from ..render import markdown as md
from ..render import urls
from ..render.tables import scroll_box

PAGE_BUDGET = 150_000  # Markdown bytes; the HTML page adds Material's chrome (~40 kB)
UNCERTAIN_FILE = "targets_uncertain.csv"
_MARK = {MET: "✔ 达成", MISSED: "✘ 未达成"}


@dataclass
class Cell:
    target: Optional[Target] = None
    target_report: Optional[Report] = None
    outcome: Optional[Target] = None
    outcome_report: Optional[Report] = None

    @property
    def verdict(self) -> str:
        return judge(self.target, self.outcome) if self.target is not None else ""


@dataclass
class Row:
    region: str
    province: str
    cells: dict[int, Cell] = field(default_factory=dict)  # year -> cell


def indicator_slugs(index: TargetIndex) -> dict[str, str]:
    """Canonical indicator name -> unique pinyin slug."""
    out: dict[str, str] = {}
    for ind in index.catalogue.indicators:
        slug = base = region_slug(ind.name)
        n = 2
        while slug in out.values():
            slug, n = f"{base}-{n}", n + 1
        out[ind.name] = slug
    return out


def _rows(ctx: SiteContext, index: TargetIndex) -> dict[str, dict[str, Row]]:
    """indicator -> region -> Row, from every report with a region and a year."""
    out: dict[str, dict[str, Row]] = {}
    for report in ctx.reports:
        if report.region is None or report.year is None:
            continue
        name, province = report.region.name, report.region.chain()[0].name
        for t in index.extractions[report.slug].targets:
            row = out.setdefault(t.indicator, {}).setdefault(name, Row(name, province))
            if t.kind == OUTCOME:
                cell = row.cells.setdefault(t.year or report.year - 1, Cell())
                cell.outcome, cell.outcome_report = t, report
            else:
                cell = row.cells.setdefault(report.year, Cell())
                cell.target, cell.target_report = t, report
    return out


def _link(page: str, report: Report, t: Target) -> str:
    return md.link(value_label(t), urls.href(page, urls.report_page(report.slug), t.anchor), t.text)


def _cell(page: str, cell: Optional[Cell]) -> str:
    if cell is None:
        return ""
    parts = []
    if cell.target is not None and cell.target_report is not None:
        parts.append("目标 " + _link(page, cell.target_report, cell.target))
    if cell.outcome is not None and cell.outcome_report is not None:
        parts.append("实际 " + _link(page, cell.outcome_report, cell.outcome))
    verdict = cell.verdict
    if verdict:
        cls = "target-met" if verdict == MET else "target-missed"
        parts.append(f'<span class="{cls}">{_MARK[verdict]}</span>')
    return "<br>".join(parts)


def chart(row: Row, years: list[int], unit: str) -> str:
    """A small SVG: outcomes as a line of dots, targets as dashes (numbers in ``unit`` only)."""
    w, h, pad = 150, 36, 4
    targets = [(y, c.target.value) for y, c in sorted(row.cells.items())
               if c.target is not None and c.target.value is not None and c.target.unit == unit]
    outcomes = [(y, c.outcome.value) for y, c in sorted(row.cells.items())
                if c.outcome is not None and c.outcome.value is not None and c.outcome.unit == unit]
    values = [v for _, v in targets + outcomes]
    if not values or len(years) < 1:
        return ""
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    step = (w - 2 * pad) / max(1, len(years) - 1)
    col = {year: i for i, year in enumerate(years)}

    def x(year: int) -> str:
        return number(round(pad + col[year] * step if len(years) > 1 else w / 2, 1))

    def y(value: float) -> str:
        return number(round(h - pad - (value - low) / span * (h - 2 * pad), 1))

    parts = [f'<svg class="target-chart" viewBox="0 0 {w} {h}" width="{w}" height="{h}" aria-hidden="true" '
             f'focusable="false">']
    parts.append(f'<line class="axis" x1="0" y1="{h - 1}" x2="{w}" y2="{h - 1}"/>')
    if len(outcomes) > 1:
        points = " ".join(f"{x(yr)},{y(v)}" for yr, v in outcomes)
        parts.append(f'<polyline class="outcome" points="{points}"/>')
    parts.extend(f'<circle class="outcome" cx="{x(yr)}" cy="{y(v)}" r="2.5"/>' for yr, v in outcomes)
    parts.extend(f'<line class="target" x1="{float(x(yr)) - 4:g}" y1="{y(v)}" x2="{float(x(yr)) + 4:g}" '
                 f'y2="{y(v)}"/>' for yr, v in targets)
    parts.append("</svg>")
    return "".join(parts)


def _unit(rows: Iterable[Row]) -> str:
    """The unit most figures of these rows use (the chart draws that one)."""
    units: Counter = Counter()
    for row in rows:
        for c in row.cells.values():
            for t in (c.target, c.outcome):
                if t is not None and t.value is not None:
                    units[t.unit] += 1
    return min(units.items(), key=lambda kv: (-kv[1], kv[0]))[0] if units else ""


_LEGEND = ("每行左侧小图：圆点连线为实际值，短横为目标值（只画单位为“{unit}”的数值，纵轴按本行数值范围缩放）；"
           "数值以本行表格为准。每个数值链接到报告中给出它的段落：某年的目标出自当年报告，"
           "实际值出自下一年报告。")


def _table(ctx: SiteContext, page: str, rows: list[Row], unit: str) -> str:
    years = sorted({y for row in rows for y in row.cells})
    lines = []
    for row in rows:
        cells = [md.link(row.region, urls.href(page, ctx.region_path(row.region))), chart(row, years, unit)]
        cells.extend(_cell(page, row.cells.get(year)) for year in years)
        lines.append(cells)
    return scroll_box(md.table(["地区", "走势", *[f"{y}年" for y in years]], lines), "各地区各年的目标与实际值")


def _sorted_rows(ctx: SiteContext, rows: dict[str, Row]) -> list[Row]:
    pos = region_order(ctx)
    return sorted(rows.values(), key=lambda r: (pos.get(r.region, len(pos)), r.region))


def _counts(rows: Iterable[Row]) -> Counter:
    out: Counter = Counter()
    for row in rows:
        for c in row.cells.values():
            out["target"] += c.target is not None
            out["outcome"] += c.outcome is not None
            out[c.verdict] += 1
    return out


def _summary(counts: Counter) -> str:
    return (f"目标 {counts['target']} 个，实际值 {counts['outcome']} 个；"
            f"可判定的 {counts[MET] + counts[MISSED]} 个中达成 {counts[MET]} 个、未达成 {counts[MISSED]} 个。")


def _indicator_pages(ctx: SiteContext, name: str, slug: str, rows: list[Row], order: int) -> Iterator[Page]:
    path = urls.targets_page(slug)
    unit = _unit(rows)
    head = [md.heading(1, f"{name}：目标与实际"),
            md.block("p", "", md.escape_text(_summary(_counts(rows)) + RULE), cite=False),
            md.block("p", "", md.escape_text(_LEGEND.format(unit=unit)), cite=False),
            md.block("p", "", md.link("返回全部指标", urls.href(path, urls.TARGETS_INDEX)), cite=False)]
    whole = md.join_blocks([*head, _table(ctx, path, rows, unit)])
    if len(whole.encode("utf-8")) <= PAGE_BUDGET:
        yield Page(path, whole, name, order=(order,))
        return
    provinces: dict[str, list[Row]] = {}
    for row in rows:
        provinces.setdefault(row.province, []).append(row)
    items = []
    for province, part in provinces.items():
        sub = urls.targets_page(slug, ctx.region_slug(province))
        counts = _counts(part)
        items.append([md.link(province, urls.href(path, sub)), str(len(part)), str(counts["target"]),
                      str(counts["outcome"]), str(counts[MET]), str(counts[MISSED])])
        blocks = [md.heading(1, f"{name}：{province}"),
                  md.block("p", "", md.escape_text(_summary(counts) + RULE), cite=False),
                  md.block("p", "", md.escape_text(_LEGEND.format(unit=unit)), cite=False),
                  md.block("p", "", md.link(f"返回{name}", urls.href(sub, path)), cite=False),
                  _table(ctx, sub, part, unit)]
        yield Page(sub, md.join_blocks(blocks), f"{name}：{province}", in_nav=False)
    table = scroll_box(md.table(["省级地区", "地区数", "目标", "实际值", "达成", "未达成"], items), "各省级地区的目标数")
    yield Page(path, md.join_blocks([*head, md.block("p", "", "按省级地区分页：", cite=False), table]),
               name, order=(order,))


def _index_page(ctx: SiteContext, index: TargetIndex, all_rows: dict[str, dict[str, Row]],
                slugs: dict[str, str]) -> Page:
    path = urls.TARGETS_INDEX
    items: list[list[str]] = []
    total: Counter[str] = Counter()
    for ind in index.catalogue.indicators:
        rows = all_rows.get(ind.name)
        if not rows:
            continue
        counts = _counts(rows.values())
        total.update(counts)
        years = sorted({y for r in rows.values() for y in r.cells})
        items.append([md.link(ind.name, urls.href(path, urls.targets_page(slugs[ind.name]))), str(len(rows)),
                      f"{years[0]}–{years[-1]}", str(counts["target"]), str(counts["outcome"]),
                      str(counts[MET]), str(counts[MISSED])])
    with_targets = sum(1 for r in ctx.reports if index.targets_of(r.slug))
    intro = (f"{len(ctx.reports)} 份报告中有 {with_targets} 份给出了主要预期目标。" + _summary(total)
             + "每个指标一页，按地区和年份列出目标与实际值。")
    uncertain = (f"为求准确，数值无法确定的 {index.uncertain_count()} 处表述未收录，列在 "
                 + md.link(UNCERTAIN_FILE, urls.href(path, urls.data_file(UNCERTAIN_FILE)))
                 + " 中供校对；全部目标见 " + md.link("数据", urls.href(path, urls.DATA_INDEX)) + " 页。")
    blocks = [md.heading(1, "主要预期目标"), md.block("p", "", md.escape_text(intro), cite=False),
              md.block("p", "", md.escape_text(RULE), cite=False), md.block("p", "", uncertain, cite=False)]
    if items:
        blocks.append(scroll_box(md.table(["指标", "地区数", "年份", "目标", "实际值", "达成", "未达成"], items),
                                 "各指标的目标与实际值个数"))
    else:
        blocks.append(md.block("p", "", "暂无报告给出可识别的目标。", cite=False))
    return Page(path, md.join_blocks(blocks), "目标")


def report_box(ctx: SiteContext, report: Report, page: str) -> str:
    """The 主要预期目标 box of a report page ("" when the report has no targets)."""
    index = target_index(ctx)
    targets = index.targets_of(report.slug)
    if not targets:
        return ""
    slugs = indicator_slugs(index)
    items = []
    for t in targets:
        name = md.link(t.indicator, urls.href(page, urls.targets_page(slugs[t.indicator])))
        value = md.link(value_label(t), urls.href(page, page, t.anchor), t.text)
        items.append(md.block("li", "", f"{name}：{value}", cite=False))
    title = md.block("p", "", "主要预期目标", cls="admonition-title", cite=False)
    return md.container("div", [title, md.container("ul", items)], cls="admonition abstract report-targets")


def pages(ctx: SiteContext) -> Iterator[Page]:
    index = target_index(ctx)
    slugs = indicator_slugs(index)
    all_rows = _rows(ctx, index)
    yield _index_page(ctx, index, all_rows, slugs)
    for i, ind in enumerate(index.catalogue.indicators):
        rows = all_rows.get(ind.name)
        if rows:
            # Re-rendered only when one of its figures (or a report giving one) changed.
            ordered, slug = _sorted_rows(ctx, rows), slugs[ind.name]
            yield from ctx.cached("page:targets-indicator", memo.digest(ind.name, slug, i, PAGE_BUDGET, _row_inputs(ordered)),
                                  lambda: list(_indicator_pages(ctx, ind.name, slug, ordered, i)))


def _row_inputs(rows: list[Row]) -> list:
    """What an indicator page shows of its rows: regions, and each cell's figures with the
    slugs of the reports giving them (region names and addresses are in the site digest)."""
    return [(row.region, row.province, [(year, c.target, c.target_report.slug if c.target_report else None,
                                         c.outcome, c.outcome_report.slug if c.outcome_report else None)
                                        for year, c in sorted(row.cells.items())]) for row in rows]
