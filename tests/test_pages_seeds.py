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


def test_term_used_in_many_reports_quotes_the_latest_and_lists_every_report(site, monkeypatch):
    """Past EXCERPT_REPORTS reports a term page quotes the most recent ones; the usage table
    lists every report with its count, linked to the report's first use of the term, and is
    cut into pages past USAGE_REPORTS_PER_PAGE reports (the sizes are lowered here: the
    seeds are five reports)."""
    from generator import memo

    ctx, _ = site
    term = max(ctx.glossary.ordered(), key=lambda t: (len(ctx.glossary.term_reports(t.key)), t.slug))
    slugs = ctx.glossary.term_reports(term.key)
    assert len(slugs) >= 3
    monkeypatch.setattr(term_pages, "EXCERPT_REPORTS", 2)
    monkeypatch.setattr(term_pages, "USAGE_REPORTS_PER_PAGE", 1)
    memo.clear()
    try:
        pages = term_pages.term_pages(ctx, term, 0)
    finally:
        memo.clear()
    first = pages[0].content
    quoted = re.findall(r'<h3 id="in-([^"]+)"', first)
    latest = sorted(slugs, key=lambda s: -(ctx.report(s).year or 0))[:2]
    assert sorted(quoted) == sorted(latest)  # the two most recent reports, no others
    assert f"见于 {len(slugs)} 篇报告。下面摘录最近 2 篇报告中的用例" in first
    linked = {}
    for page in pages:
        usage = page.content.split("## 各地各年用例")[1]
        for slug, anchor in re.findall(r"\]\(\.\./reports/([^.]+)\.md#([^)]+)\) \d+", usage):
            linked[slug] = anchor
    # every report once, each linked to its first use
    assert linked == {s: ctx.glossary.in_report(term.key, s)[0].anchor for s in slugs}
    regions = {ctx.report(s).region_name for s in slugs}
    assert len(pages) == len(regions) > 1  # one region a page at this page size, with a pager
    assert "各地各年用例第 2/" in pages[1].content and pages[1].path == urls.numbered(pages[0].path, 2)


def test_topic_first_page_counts_its_table_and_charts_against_the_page_budget(site, monkeypatch):
    """A topic's first page carries the region table and the 关注度 charts before any
    excerpt; they count against the page budget (on cn/ they alone were 200 kB, and the
    first pages passed 300 kB). When they fill it, the excerpts start on page 2."""
    from generator import memo

    ctx, _ = site
    index = topic_pages.build_index(ctx)
    topic = max(ctx.config.topics, key=lambda t: len(index.paragraphs[t.slug]))
    memo.clear()
    try:
        whole, _ = topic_pages.topic_pages(ctx, index, topic, 0)
        head = whole[0].content.split('<h2 id="r-')[0]
        monkeypatch.setattr(topic_pages, "PAGE_BUDGET", len(head.encode("utf-8")) // 2)
        memo.clear()
        split, _ = topic_pages.topic_pages(ctx, index, topic, 0)
    finally:
        memo.clear()
    assert len(whole) == 1 and '<h2 id="r-' in whole[0].content
    assert len(split) > 1 and '<h2 id="r-' not in split[0].content and '<h2 id="r-' in split[1].content
    assert "第 1/" in split[0].content  # the pager says where the excerpts are
