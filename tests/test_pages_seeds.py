"""My page modules on the five real seeds, with the real ingest and glossary."""

from __future__ import annotations

import re

import pytest
from pages_support import html_table_rows, seed_site, h1_count, page_map

from generator.site.pages import glossary_index
from generator.site.pages import home as index_pages
from generator.site.pages import region as region_pages
from generator.site.pages import term as term_pages
from generator.site.pages import topic as topic_pages
from generator.site.render import urls


@pytest.fixture(scope="module")
def site(root):
    return seed_site(root, (index_pages, region_pages, topic_pages, term_pages, glossary_index))


def test_seven_zuo_mofan_shows_both_official_definitions(site):
    ctx, pages = site
    term = ctx.glossary.get("七个作模范")
    content = pages[urls.term_page(term.slug)].content
    assert content.startswith("# 七个作模范\n")
    assert '!!! quote "官方释义 · 鄂托克旗 2024 名词解释"' in content
    assert '!!! quote "官方释义 · 内蒙古自治区 2024 名词解释"' in content
    etuoke = next(d for d in term.definitions if d.report_slug == "2024-etuoke-qi")
    neimenggu = next(d for d in term.definitions if d.report_slug == "2024-neimenggu-zizhiqu")
    assert f"](../reports/2024-etuoke-qi.md#{etuoke.anchor})" in content
    assert f"](../reports/2024-neimenggu-zizhiqu.md#{neimenggu.anchor})" in content
    # occurrences deep-link to paragraphs that really contain the term
    for slug, anchor in re.findall(r"\]\(\.\./reports/([\w-]+)\.md#(p[\w-]+)\)", content.split("## 出现位置")[1]):
        report = ctx.report(slug)
        text = next(p.text for _, p in report.paragraphs() if p.anchor == anchor)
        assert "七个作模范" in text


def test_region_pages_for_the_seed_hierarchy(site):
    ctx, pages = site
    expected = {"内蒙古自治区": ("150000", "省级"), "鄂尔多斯市": ("150600", "地级"), "鄂托克旗": ("150624", "县级"),
                "呼和浩特市": ("150100", "地级"), "玉泉区": ("150104", "县级"), "乌兰察布市": ("150900", "地级"),
                "锡林郭勒盟": ("152500", "地级")}
    region_paths = {p for p in pages if p.startswith("regions/") and p != urls.REGIONS_INDEX}
    assert region_paths == {ctx.region_path(name) for name in expected}
    for name, (code, level) in expected.items():
        assert f"行政区划代码：{code} · 级别：{level}" in pages[ctx.region_path(name)].content
    etuoke = pages["regions/e-tuo-ke-qi.md"].content
    assert "## 本地报告解释的术语" in etuoke and "七个作模范" in etuoke
    assert "## 最常用的术语" in etuoke
    row = next(row for row in html_table_rows(etuoke) if row[0].startswith("[三分吸附法]"))
    assert "指小矛盾即知即调" in row[1]  # this region's own definition, not another report's
    nmg = pages[ctx.region_path("内蒙古自治区")].content
    assert nmg.index("[呼和浩特市]") < nmg.index("[鄂尔多斯市]") < nmg.index("[乌兰察布市]") < nmg.index("[锡林郭勒盟]")


def test_reports_overview_has_a_row_per_seed_region(site):
    ctx, pages = site
    content = pages[urls.REPORTS_INDEX].content
    rows = [row for row in html_table_rows(content) if "](../regions/" in row[0]]
    assert len(rows) == len(ctx.reports) == 5  # five regions with one report each
    assert rows[0] == ["[内蒙古自治区](../regions/nei-meng-gu-zi-zhi-qu.md)", "省级", "1", "[2024](2024-neimenggu-zizhiqu.md)"]
    for report in ctx.reports:  # every report one click away
        assert f"]({report.slug}.md)" in content


def test_topics_on_the_seeds(site):
    _, pages = site
    eco = pages[urls.topic_page("sheng-tai-huan-jing")].content
    for slug in ("2024-etuoke-qi", "2024-neimenggu-zizhiqu", "2024-xilinguole-meng", "2024-wulanchabu-shi",
                 "2022-yuquan-qu"):
        assert f"../reports/{slug}.md#" in eco
    covid = pages[urls.topic_page("yi-qing-fang-kong")].content
    assert "2022-yuquan-qu" in covid  # 2022 reports talk about the epidemic


def test_every_page_has_one_title_and_no_links_in_headings(site):
    _, pages = site
    for path, page in pages.items():
        assert h1_count(page.content) == 1, path
        for line in page.content.splitlines():
            if line.startswith("#"):
                assert "](" not in line, (path, line)


def test_glossary_index_covers_every_term(site):
    ctx, pages = site
    content = pages[urls.GLOSSARY_INDEX].content
    listed = re.findall(r"^\| \[[^\]]+\]\(([\w-]+)\.md\)", content, re.M)
    assert sorted(listed) == sorted(t.slug for t in ctx.glossary.terms.values())
    numerals = pages[urls.GLOSSARY_BY_NUMERAL].content
    assert "## 七 {#num-7}" in numerals and "七个作模范" in numerals.split("## 七")[1]


def test_every_topic_term_is_a_glossary_term_linked_from_its_topic_page(site):
    ctx, pages = site
    for topic in (t for t in ctx.config.topics if t.terms):
        content = pages[urls.topic_page(topic.slug)].content
        terms_line = next(line for line in content.splitlines() if line.startswith("相关术语："))
        for surface in topic.terms:
            term = ctx.glossary.get(surface)
            assert term is not None, f"{topic.name}: {surface} is not in the glossary"
            assert f"](../glossary/{term.slug}.md)" in terms_line
