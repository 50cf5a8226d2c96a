"""Index pages that read well on a phone and say what their numbers mean (issue 12), on the
five real seeds: the paragraphs a topic page does not quote are linked, the summary
table's columns are explained, region pages compare their term use with the site, and
the layout tables hide secondary columns on small screens (render/tables.py)."""

from __future__ import annotations

import re

import pytest
from pages_support import html_table_rows, seed_site, page_map

from generator.site.facts.region_usage import PER, region_rates, site_length
from generator.site.facts.reports import report_length
from generator.site.pages import region as region_pages
from generator.site.pages import topic as topic_pages
from generator.site.render import urls
from generator.site.render.tables import Column, heat, heat_legend, html_table


@pytest.fixture(scope="module")
def site(root):
    return seed_site(root, (region_pages, topic_pages))


def test_topic_pages_link_every_paragraph_they_do_not_quote(site):
    ctx, pages = site
    index = topic_pages.build_index(ctx)
    checked = 0
    for topic in index.topics:
        content = pages[urls.topic_page(topic.slug)].content
        for report in ctx.reports:
            matches = index.report_paragraphs(topic.slug, report.slug)
            shown = {m.paragraph.anchor for m in topic_pages.strongest(matches)}
            rest = [m.paragraph.anchor for m in matches if m.paragraph.anchor not in shown]
            if not rest:
                continue
            line = next(l for l in content.splitlines() if l.startswith("以上是得分最高的") and
                        f"reports/{report.slug}.md#" in l)
            assert f"另有 {len(rest)} 段：" in line
            linked = re.findall(rf"\]\(\.\./reports/{re.escape(report.slug)}\.md#([\w.:-]+)\)", line)
            assert linked == rest, (topic.slug, report.slug)
            assert re.search(r"\[[^\]]+第 \d+ 段\]\(", line)  # section (short) and place
            checked += 1
    assert checked >= 5  # the seeds have reports with more paragraphs than are quoted


def test_topic_summary_table_says_what_its_columns_count(site):
    ctx, pages = site
    content = pages[urls.topic_page("sheng-tai-huan-jing")].content
    assert "“整节”是标题本身点出本专题" in content and "“段落”是按下方归类规则得分达标的段落数" in content
    rows = html_table_rows(content)
    assert rows and all(r[2].isdigit() and r[3].isdigit() for r in rows)


def test_region_page_compares_its_terms_with_the_site_per_10000_characters(site):
    ctx, pages = site
    name = "内蒙古自治区"
    rates = region_rates(ctx, name, region_pages.TOP_TERMS)
    assert 0 < len(rates) <= region_pages.TOP_TERMS
    assert [r.uses for r in rates] == sorted((r.uses for r in rates), reverse=True)
    length = sum(report_length(r) for r in ctx.reports_of_region(name))
    top = rates[0]
    assert top.rate == pytest.approx(top.uses * PER / length)
    assert top.site_rate == pytest.approx(ctx.glossary.usage_count(top.key) * PER / site_length(ctx))
    assert site_length(ctx) == sum(report_length(r) for r in ctx.reports)
    content = pages[ctx.region_path(name)].content
    rows = html_table_rows(content.split("## 最常用的术语")[1])
    assert len(rows) == len(rates)
    assert rows[0][0].startswith(f"[{ctx.glossary.terms[top.key].headword}]")
    assert rows[0][2] == f"{top.rate:.2f}" and rows[0][3] == f"{top.site_rate:.2f}"
    assert "每一万字报告正文中出现的次数" in content


def test_region_page_lists_its_reports_over_time_and_its_own_terms(site):
    ctx, pages = site
    content = pages[ctx.region_path("鄂托克旗")].content
    assert "## 历年政府工作报告" in content and "本级共 1 篇报告（2024年）" in content
    rows = html_table_rows(content.split("## 历年政府工作报告")[1].split("## ")[0])
    assert rows[0][0].startswith("[鄂托克旗 2024](../reports/2024-etuoke-qi.md")
    assert rows[0][3] == f"{report_length(ctx.report('2024-etuoke-qi')):,}"
    defined = html_table_rows(content.split("## 本地报告解释的术语")[1].split("## ")[0])
    assert 0 < len(defined) <= region_pages.TOP_DEFINED
    assert all("名词解释](../reports/2024-etuoke-qi.md#" in row[2] for row in defined)


def test_layout_table_cells_keep_markdown_and_column_classes():
    out = html_table([Column("报告"), Column("字数", "n w")], [["[甲](a.md)", "1,234"]])
    assert 'class="data-table"' in out  # a class: Material leaves the table to our CSS
    assert '<td markdown="span">[甲](a.md)</td><td class="n w" markdown="span">1,234</td>' in out
    # The shades follow the legend's ranges: quarters of the largest count, rounded up.
    assert [heat(c, 31) for c in (0, 1, 8, 9, 16, 17, 24, 25, 31)] == \
        ["heat-0", "heat-1", "heat-1", "heat-2", "heat-2", "heat-3", "heat-3", "heat-4", "heat-4"]
    assert re.findall(r"heat-(\d)", heat_legend(31)) == ["1", "2", "3", "4"] and ">25–31</span>" in heat_legend(31)
