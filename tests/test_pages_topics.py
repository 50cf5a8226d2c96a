"""Topics: per-paragraph assignment, the shipped topic list, topic pages and overview."""

from __future__ import annotations

import re

from pages_support import html_table_rows, ECO_TEXT, context, h1_count, page_map, real_topics, reports

from generator.config import Topic
from generator.site.pages import topic as topic_pages
from generator.site.render import urls
from generator.site.facts.topics import THRESHOLD, TopicMatcher, assign_topics, score

ECO = "sheng-tai-huan-jing"

REQUIRED = ["经济发展", "工业与产业", "能源", "农牧业与乡村振兴", "生态环境", "科技创新", "改革开放与营商环境",
            "城乡建设", "民生保障", "安全稳定", "民族团结", "政府自身建设", "疫情防控"]


def _anchors(index, slug, report_slug):
    return [m.paragraph.anchor for m in index.paragraphs[slug] if m.report.slug == report_slug]


def test_every_required_topic_is_shipped_with_enough_keywords():
    topics = {t.name: t for t in real_topics()}
    for name in REQUIRED:
        assert name in topics, f"topics.yaml lacks {name}"
        assert 10 <= len(topics[name].keywords) <= 25, name
        assert re.fullmatch(r"[a-z]+(-[a-z]+)+", topics[name].slug)
    assert topics["生态环境"].slug == ECO
    assert topics["经济发展"].slug == "jing-ji-fa-zhan"
    assert "三北工程" in topics["生态环境"].terms


def test_paragraph_about_ecology_gets_the_topic_and_its_neighbours_do_not():
    index = assign_topics(reports(), real_topics())
    eco = _anchors(index, ECO, "2024-etuoke-qi")
    assert "p1-2" in eco  # the 荒漠化/草原/沙地/生态修复 paragraph
    assert "p1-1" not in eco and "p1-3" not in eco  # roads, jobs
    assert "p1-3" in _anchors(index, "min-sheng-bao-zhang", "2024-etuoke-qi")
    assert "p1-2" not in _anchors(index, "min-sheng-bao-zhang", "2024-etuoke-qi")


def test_section_title_places_section_and_lifts_single_mentions_under_it():
    index = assign_topics(reports(), real_topics())
    titles = [m.section.title for m in index.sections[ECO] if m.report.slug == "2024-etuoke-qi"]
    assert titles == ["（四）突出绿色发展，全面构筑生态屏障"]
    # one keyword (沙地) only, but under a 生态 section title: 1 + section bonus
    assert "p2-4-1" in _anchors(index, ECO, "2024-etuoke-qi")


def test_scoring_rule_is_the_documented_one():
    topic = Topic("测试", "ce-shi", "", ["生态", "草原", "生态环境"], ["三北工程"])
    matcher = TopicMatcher([topic])
    # leftmost-longest: 生态环境 is one word, not 生态 + 环境
    assert [w for _, _, w in matcher.words("改善生态环境")] == ["生态环境"]
    one = matcher.hits("加强生态建设，生态好。")["ce-shi"]
    assert score(one) == 1 < THRESHOLD  # the same keyword twice counts once
    assert score(matcher.hits("生态和草原")["ce-shi"]) == 2
    assert score(matcher.hits("实施三北工程")["ce-shi"]) == 2  # a glossary term weighs 2
    assert score(one, lead=4) == 2  # match inside the run-in lead
    assert score(one, in_section=True) == 2


def test_run_in_lead_counts():
    index = assign_topics(reports(), real_topics())
    assert "p1-1" in _anchors(index, "ke-ji-chuang-xin", "2024-neimenggu-zizhiqu")


def test_topic_page_lists_regions_in_hierarchy_order_with_deep_links():
    pages = page_map(topic_pages.pages(context()))
    page = pages[urls.topic_page(ECO)]
    content = page.content
    assert h1_count(content) == 1 and content.startswith("# 生态环境")
    region_headings = [re.sub(r"<[^>]+>|¶", "", line).strip() for line in content.splitlines()
                       if line.startswith("<h2 ")]
    assert region_headings == ["鄂托克旗", "乌兰察布市"]  # 内蒙古自治区 has no 生态 paragraph
    assert "../reports/2024-etuoke-qi.md#p1-2" in content
    assert "../reports/2023-wulanchabu-shi.md#p1-1" in content
    assert "**草原**" in content  # the matched keyword is visible in the excerpt
    for line in content.splitlines():
        if line.startswith("#"):
            assert "](" not in line, "headings never contain links"


def test_excerpts_escape_report_text():
    content = page_map(topic_pages.pages(context()))[urls.topic_page(ECO)].content
    assert "<script>" not in content
    assert "&lt;script&gt;" in content
    assert "*x*" not in content and "&#42;x&#42;" in content
    assert "](http://evil)" not in content


def test_excerpt_is_short_and_centred_on_the_keyword():
    long = "甲" * 200 + ECO_TEXT + "乙" * 200
    from generator.site.render.excerpts import excerpt
    start = long.index("草原")
    out = excerpt(long, [(start, start + 2)])
    assert "**草原**" in out and out.startswith("…") and out.endswith("…")
    assert 70 <= len(out.replace("**", "")) - 2 <= 82


def test_topic_overview_counts_topic_by_region():
    ctx = context()
    content = page_map(topic_pages.pages(ctx))[urls.TOPICS_INDEX].content
    assert h1_count(content) == 1
    rows = html_table_rows(content)
    names = [re.match(r"\[([^\]]+)\]", row[0]).group(1) for row in rows]
    # every region with reports, in hierarchy (code) order, the unresolved one last
    assert names == ["内蒙古自治区", "玉泉区", "鄂托克旗", "乌兰察布市", "锡林郭勒盟", "某某新区"]
    etuoke = next(row for row in rows if row[0].startswith("[鄂托克旗]"))
    assert "[4](sheng-tai-huan-jing.md#r-e-tuo-ke-qi)" in etuoke  # p1-2, p1-4 (三北工程), p2-4-1, p2-4-2
    # A heat map in a marked scroll box: the region column stays (a th), each count is text
    # and its cell shaded by its quarter of the largest count.
    assert '<div class="scroll-x" role="region"' in content and 'class="data-table topic-matrix"' in content
    top = max(int(re.sub(r"\D", "", c.split("]")[0]) or 0) for row in rows for c in row[1:])
    assert top > 0 and re.search(r'<td class="heat-4" markdown="span">\[' + str(top) + r"\]", content)
    assert '<td class="heat-0" markdown="span">0</td>' in content
    assert "得分不低于 2 分" in content


def test_reports_without_a_region_are_listed_under_unknown_region():
    from pages_support import ROOT, config, make_report, para

    from generator.model import Section
    from generator.site.context import SiteContext

    lost = make_report("2021-unknown", None, 2021, [Section("一、回顾", 1, "s1", 1, paragraphs=[
        para(ECO_TEXT, "p1-1")])])
    ctx = SiteContext.create(ROOT, config(), reports() + [lost], None)
    pages = page_map(topic_pages.pages(ctx))
    eco = pages[urls.topic_page(ECO)].content
    assert '<h2 id="r-unknown" data-search-exclude>地区不明' in eco  # excerpts: found in the reports
    assert "../reports/2021-unknown.md#p1-1" in eco
    assert any(row[0] == "地区不明" for row in html_table_rows(pages[urls.TOPICS_INDEX].content))


def test_long_reports_list_their_strongest_paragraphs_first():
    from types import SimpleNamespace

    from generator.site.pages.topic import PARAGRAPHS_PER_REPORT, strongest

    matches = [SimpleNamespace(score=s) for s in [2, 5, 2, 3, 9, 2, 2, 4, 2, 6, 2]]
    shown = strongest(matches, 8)
    assert [m.score for m in shown] == [2, 5, 2, 3, 9, 2, 4, 6]  # reading order; the later 2s dropped
    assert [m.score for m in strongest(matches)] == [5, 9, 4, 6][:PARAGRAPHS_PER_REPORT]  # the page's limit
