"""目标 pages and the report page's 主要预期目标 box (generator/site/pages/targets.py)."""

from __future__ import annotations

import re

import pytest

from generator.glossary import build_glossary
from generator.site.context import SiteContext
from generator.site.facts.targets import MET, MISSED, judge, target_index, value_label
from generator.site.pages import report as report_pages
from generator.site.pages import targets as target_pages
from generator.site.render import urls
from generator.targets import Target
from pages_support import NMG, ORDOS, ROOT, make_report, para, region

from generator.config import load_config
from generator.model import Section


def _t(value, mods=(), unit="%", high=None, kind="target") -> Target:
    return Target("r", kind, "地区生产总值", value, high, unit, tuple(mods), "p1", 1, "", 2024)


@pytest.mark.parametrize("target, outcome, verdict", [
    (_t(6, ["以上"]), _t(6.5), MET),
    (_t(6, ["以上"]), _t(5.9), MISSED),
    (_t(6, ["以上"], high=6.5), _t(6.2), MET),  # a range: the lower end
    (_t(3, ["以内"]), _t(3.0), MET),
    (_t(3, ["以内"]), _t(3.1), MISSED),
    (_t(3, ["以下"], high=3.5), _t(3.4), MET),  # the upper end
    (_t(6, ["左右"]), _t(5.5), MET),  # within ±0.5
    (_t(6, ["左右"]), _t(6.6), MISSED),
    (_t(6, ["左右"]), _t(5.4), MISSED),
    (_t(3, ["下降", "以上"]), _t(3.5, ["下降"]), MET),  # magnitudes of a decline
    (_t(3, ["下降", "以上"]), _t(2.0), ""),  # a rise against a decline: not judged
    (_t(6), _t(7), ""),  # no modifier
    (_t(None, ["与经济增长同步"], unit=""), _t(7), ""),  # qualitative
    (_t(100, ["左右"], unit="亿元"), _t(100.3, unit="亿元"), ""),  # 左右 for % only
    (_t(6, ["以上"]), _t(6.5, unit="亿元"), ""),  # different units
    (_t(6, ["以上"]), None, ""),
])
def test_judge(target, outcome, verdict):
    assert judge(target, outcome) == verdict


def test_value_label():
    assert value_label(_t(6.0, ["左右"])) == "6%左右"
    assert value_label(_t(3, ["下降", "以上"])) == "下降3%以上"
    assert value_label(_t(6, [], high=6.5)) == "6—6.5%"
    assert value_label(_t(2.5, ["同口径"])) == "2.5%（同口径）"
    assert value_label(_t(None, ["与经济增长同步"], unit="")) == "与经济增长同步"


def _report(year: int, review: str, plan: str, slug_region=("鄂托克旗", "150624")):
    reg = region(slug_region[0], "county", slug_region[1], NMG, ORDOS)
    sections = [Section(f"一、{year - 1}年工作回顾", 1, "s1", 1, paragraphs=[para(review, "p1-1")]),
                Section(f"二、{year}年工作安排", 1, "s2", 2, paragraphs=[para(plan, "p2-1")])]
    return make_report(f"{year}-etuoke-qi", reg, year, sections)


@pytest.fixture(scope="module")
def ctx():
    reports = [
        _report(2023, "地区生产总值增长5%。", "今年经济社会发展的主要预期目标是：地区生产总值增长6%以上，居民消费价格涨幅3%左右。"),
        _report(2024, "地区生产总值增长6.5%，居民消费价格上涨0.2%。", "今年主要预期目标是：地区生产总值增长5%左右。"),
    ]
    config = load_config(ROOT)
    return SiteContext.create(ROOT, config, reports, build_glossary(reports, config))


def _pages(ctx):
    return {p.path: p for p in target_pages.pages(ctx)}


def test_outcome_judges_previous_target(ctx):
    judged = {(j.report.slug, j.target.indicator): j for j in target_index(ctx).judged}
    gdp = judged[("2023-etuoke-qi", "地区生产总值")]
    assert gdp.outcome.value == 6.5 and gdp.outcome_report.slug == "2024-etuoke-qi" and gdp.verdict == MET
    cpi = judged[("2023-etuoke-qi", "居民消费价格")]
    assert cpi.outcome.value == 0.2 and cpi.verdict == MISSED  # 3%左右 vs 0.2%
    assert judged[("2024-etuoke-qi", "地区生产总值")].outcome is None  # no 2025 report


def test_indicator_page_links_and_chart(ctx):
    pages = _pages(ctx)
    slug = target_pages.indicator_slugs(target_index(ctx))["地区生产总值"]
    page = pages[urls.targets_page(slug)]
    text = page.content
    assert "| 地区 | 走势 | 2022年 | 2023年 | 2024年 |" in text
    assert "目标 [6%以上](../reports/2023-etuoke-qi.md#p2-1" in text
    assert "实际 [6&#46;5%](../reports/2024-etuoke-qi.md#p1-1" in text
    assert "✔ 达成" in text
    svg = re.search(r"<svg[^>]*>.*?</svg>", text).group()
    assert 'aria-hidden="true"' in svg and "<circle" in svg and "#" not in svg  # colours come from the CSS
    assert "判定规则" in text


def test_index_page_counts(ctx):
    index = _pages(ctx)[urls.TARGETS_INDEX].content
    assert "2 份报告中有 2 份给出了主要预期目标" in index
    assert "targets_uncertain.csv" in index and "处表述未收录" in index
    assert "[地区生产总值](di-qu-sheng-chan-zong-zhi.md)" in index


def test_report_box(ctx):
    report = ctx.report("2023-etuoke-qi")
    box = target_pages.report_box(ctx, report, urls.report_page(report.slug))
    assert "主要预期目标" in box and "[6%以上](#p2-1" in box
    assert "[地区生产总值](../targets/di-qu-sheng-chan-zong-zhi.md)" in box
    page = next(p for p in report_pages.pages(ctx) if p.path == urls.report_page(report.slug))
    assert "report-targets" in page.content


def test_no_box_without_targets(ctx):
    reg = region("鄂托克旗", "county", "150624", NMG, ORDOS)
    bare = make_report("2020-etuoke-qi", reg, 2020, [Section("一、工作", 1, "s1", 1, paragraphs=[para("加强生态保护。", "p1-1")])])
    config = load_config(ROOT)
    other = SiteContext.create(ROOT, config, [bare], build_glossary([bare], config))
    assert target_pages.report_box(other, bare, urls.report_page(bare.slug)) == ""
    assert list(_pages(other)) == [urls.TARGETS_INDEX]


def test_large_page_splits_by_province(ctx, monkeypatch):
    monkeypatch.setattr(target_pages, "PAGE_BUDGET", 100)
    pages = _pages(ctx)
    sub = urls.targets_page("di-qu-sheng-chan-zong-zhi", ctx.region_slug("内蒙古自治区"))
    assert sub in pages and not pages[sub].in_nav
    assert "按省级地区分页" in pages[urls.targets_page("di-qu-sheng-chan-zong-zhi")].content
