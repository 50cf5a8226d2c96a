"""Over time and across regions: term timelines, 新提法, topic attention.

The nmg figures were counted by hand with grep in ../shared/corpus/nmg (occurrences with
``grep -o``, reports with ``grep -l``; 三北工程 also as “三北”工程), e.g.
``grep -o 河长制 *.md | cut -d: -f1 | sort | uniq -c``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from pages_support import page_map

from generator.config import load_config
from generator.glossary import build_glossary
from generator.ingest import load_reports
from generator.ingest.regions import RegionRegistry
from generator.project import load_project
from generator.site.context import SiteContext
from generator.site.facts.novelty import change
from generator.site.facts.timeline import term_timeline
from generator.site.pages import home, report, term, topic
from generator.site.render import urls
from generator.site.render.chart import data_table, line_chart

from conftest import CORPUS

SECTION_HEADS = ("## 时间线", "新提法</h2>", "## 本年新提法", "## 关注度")


def _pages(ctx):
    out = {}
    for module in (home, report, term, topic):
        out.update(page_map(module.pages(ctx)))
    return out


@pytest.fixture(scope="module")
def seeds(root):
    config = load_config(root, region_exists=RegionRegistry.exists_in_dataset)
    reports, _ = load_reports(root / "seeds", config)
    ctx = SiteContext.create(root, config, reports, build_glossary(reports, config))
    return ctx, _pages(ctx)


@pytest.fixture(scope="module")
def nmg(root):
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    project = load_project(root, CORPUS)
    ctx = SiteContext.create(root, project.config, project.reports, project.glossary)
    return ctx


# -- chart ---------------------------------------------------------------------

def test_chart_is_wellformed_svg_with_a_break_for_missing_years():
    html = line_chart("标题", [2020, 2021, 2022, 2023], [("甲", {2020: 1, 2021: 3, 2022: None, 2023: 2}),
                                                      ("乙<", {2020: 0, 2021: 1, 2022: 1, 2023: 1})])
    root = ET.fromstring(html)  # one well-formed element, escaped labels
    svg = root.find("{http://www.w3.org/2000/svg}svg")
    assert svg is not None and svg.get("aria-hidden") == "true"
    assert html.count("<polyline") == 2  # 甲: one run of two points (2020–21) + 乙's one; 2023 is a lone dot
    assert "乙&lt;" in html and "\n\n" not in html
    table = data_table("数字", ["年", "次"], [["2020年", "1"]])
    assert table.startswith("<details") and "<td>2020年</td>" in table


# -- seeds: nothing empty ---------------------------------------------------------

def _section(content: str, head: str) -> str:
    start = content.index(head)
    rest = content[start + len(head):]
    nxt = re.search(r"^## |^<h2 ", rest, re.M)
    return rest[: nxt.start()] if nxt else rest


def test_seed_site_has_no_empty_chart_or_section(seeds):
    ctx, pages = seeds
    for path, page in pages.items():
        content = page.content
        for head in SECTION_HEADS:
            if head in content:
                body = _section(content, head)
                assert re.search(r"\w", re.sub(r"<[^>]+>|\{#[^}]*\}", "", body)), (path, head)
        for svg in re.findall(r"<svg.*?</svg>", content):
            assert "<circle" in svg, path  # every chart has data points
        assert "<tbody></tbody>" not in content, path
    # one report per region: no 新提法, no attention charts; a term used in 2022 and 2024 may chart
    assert not any("新提法" in p.content for path, p in pages.items() if path.startswith("reports/"))
    assert not any("## 关注度" in p.content for p in pages.values())


def test_seed_term_timeline_names_first_report(seeds):
    ctx, pages = seeds
    t = ctx.glossary.get("七个作模范")
    content = pages[urls.term_page(t.slug)].content
    assert "## 时间线" in content and "首次出现：2024年" in content
    assert "- 最后一次出现" not in content  # used in the latest year


# -- nmg: hand counts ---------------------------------------------------------------

HAND = {  # term: (first year, first report, {year: (reports, occurrences)}, last year if stopped)
    "河长制": (2017, "2017-nei-meng-gu-zi-zhi-qu",
              {2017: (1, 1), 2018: (5, 9), 2021: (1, 3), 2022: (1, 1), 2023: (1, 1)}, 2023),
    "放管服": (2017, "2017-nei-meng-gu-zi-zhi-qu",
              {2017: (2, 4), 2018: (4, 8), 2019: (2, 4), 2020: (5, 8), 2021: (7, 15), 2022: (9, 18),
               2023: (6, 9), 2024: (2, 2)}, 2024),
    "三北工程": (2024, "2024-nei-meng-gu-zi-zhi-qu", {2024: (2, 6), 2025: (5, 10), 2026: (2, 6)}, None),
}


@pytest.mark.corpus
@pytest.mark.parametrize("word", sorted(HAND))
def test_nmg_timeline_matches_hand_count(nmg, word):
    first_year, first_slug, per_year, last_year = HAND[word]
    tl = term_timeline(nmg, nmg.glossary.get(word).key)
    assert tl.first.report.year == first_year and tl.first.report.slug == first_slug
    assert {y: (tl.reports[y], tl.occurrences[y]) for y in tl.years} == per_year
    assert (tl.last.report.year if tl.last else None) == last_year
    assert tl.latest_year == 2026


@pytest.mark.corpus
def test_nmg_sanbei_term_page_has_first_year_and_chart(nmg):
    t = nmg.glossary.get("三北工程")
    pages = page_map(term.term_pages(nmg, t, 0))
    content = pages[urls.term_page(t.slug)].content
    assert "首次出现：2024年" in content and "2024-nei-meng-gu-zi-zhi-qu.md#p1-5" in content
    assert content.count("<svg") == 2  # corpus-wide and per region
    assert "<td>2025年</td><td>5</td><td>10</td>" in content


def _keys(nmg, items):
    return {nmg.term(k).headword if nmg.term(k) else k for k, _ in items}


@pytest.mark.corpus
def test_nmg_neimenggu_2024_new_and_dropped(nmg):
    # grep -c in 内蒙古自治区_2023.md / _2024.md: 三北 0/4, 放管服 2/0, “新三样” 0/1, “半拉子” 0/1,
    # “公转铁” 1/0, “三供一业” 1/0
    c = change(nmg, nmg.report("2024-nei-meng-gu-zi-zhi-qu"))
    assert c.previous.slug == "2023-nei-meng-gu-zi-zhi-qu"
    assert "三北工程" in _keys(nmg, c.new_terms) and "放管服" in _keys(nmg, c.dropped_terms)
    assert {"新三样", "半拉子"} <= {q for q, _ in c.new_quotes}
    assert "三供一业" in {q for q, _ in c.dropped_quotes}
    assert dict(c.new_quotes)["新三样"] == "p1-12" and dict(c.dropped_quotes)["三供一业"] == "p1-5"
    assert not _keys(nmg, c.new_terms) & _keys(nmg, c.dropped_terms)
    content = dict((p.path, p) for p in report.pages(nmg))["reports/2024-nei-meng-gu-zi-zhi-qu.md"].content
    assert '<h2 id="novelty">新提法' in content
    assert "[“三供一业”](2023-nei-meng-gu-zi-zhi-qu.md#p1-5)" in content


@pytest.mark.corpus
def test_nmg_wuhai_2024_new_and_dropped(nmg):
    # grep in 乌海市_2023.md / _2024.md: 河长制 1/0, 一带一路 1/0, 高效办成一件事 0/1, 千万工程 0/1,
    # “链长制” 1/0, “阿电入乌” 0/2
    c = change(nmg, nmg.report("2024-wu-hai-shi"))
    assert c.previous.slug == "2023-wu-hai-shi"
    assert {"高效办成一件事", "千万工程"} <= _keys(nmg, c.new_terms)
    assert {"河长制", "一带一路"} <= _keys(nmg, c.dropped_terms)
    assert "阿电入乌" in {q for q, _ in c.new_quotes} and "链长制" in {q for q, _ in c.dropped_quotes}
    quotes = {q for q, _ in c.new_quotes + c.dropped_quotes}
    assert not {q for q in quotes if nmg.glossary.get(q) is not None}  # terms are compared as terms


@pytest.mark.corpus
def test_nmg_first_report_of_a_region_has_no_novelty(nmg):
    first = nmg.reports_of_region("内蒙古自治区")[0]
    assert change(nmg, first) is None


@pytest.mark.corpus
def test_nmg_ecology_topic_charts_neimenggu_1998_2026(nmg):
    pages = page_map(topic.pages(nmg))
    t = next(t for t in nmg.config.topics if t.name == "生态环境")
    content = pages[urls.topic_page(t.slug)].content
    attention = _section(content, "## 关注度")
    assert attention.count("<svg") == 2 and "内蒙古自治区" in attention
    assert ">1998</text>" in attention and ">2026</text>" in attention
    assert "<td>内蒙古自治区</td><td>1998年</td>" in attention
    assert "<td>内蒙古自治区</td><td>2026年</td>" in attention
    assert 'class="heat-' in attention and "计算方法" in attention


def test_seed_glossary_by_first_year(seeds):
    from generator.site.pages import glossary_index
    pages = page_map(glossary_index.pages(seeds[0]))
    content = pages["glossary/by-year.md"].content
    assert content.index("## 2024年") < content.index("## 2022年")  # newest first
    assert "按首次出现年份" in pages["glossary/index.md"].content
