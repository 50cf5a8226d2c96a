"""对比 (issue 13, side by side): alignment, term marks, pages and links, determinism.

Synthetic reports pin the alignment rules (parts by kind, sub-sections by likeness, the
unpaired alone on their side); the nmg pair 内蒙古自治区 2023/2024 is checked against a
reading of the two reports' outlines (skips without the shared corpus).
"""

from __future__ import annotations

import json

import pytest
from pages_support import ROOT, config, make_report, para, region

from generator.config import CuratedEntry
from generator.glossary import build_glossary
from generator.model import Section
from generator.project import load_project
from generator.site.context import SiteContext
from generator.site.facts.compare import align, outline, pairs, part_kind
from generator.site.pages import compare, region as region_pages, report as report_pages
from generator.site.render import urls

from conftest import CORPUS

CURATED = [CuratedEntry(t, f"{t}的释义。", "测试用释义（2024年）") for t in ("三北工程", "河长制", "民生实事", "一网通办")]
REGION = region("甲旗", "county", "150624")
OTHER = region("乙旗", "county", "150625")


def sec(title, anchor, *children, text="", kind="part"):
    paras = [para(text, f"{anchor}-1")] if text else []
    return Section(title, 1 if "、" in title[:3] else 2, anchor, 1, kind=kind, paragraphs=paras, sections=list(children))


def _reports():
    old = make_report("2023-jia-qi", REGION, 2023, [
        sec("一、2022年工作回顾", "s1", sec("（一）经济运行稳中有进", "s1-1", text="地区生产总值增长5%。"),
            sec("（二）生态保护成效明显", "s1-2", text="推进三北工程，全面落实河长制。"), text="一年来成绩显著。"),
        sec("二、2023年工作安排", "s2", sec("（一）稳住经济大盘", "s2-1", text="扩大有效投资。"),
            sec("（二）加强生态保护和修复", "s2-2", text="实施三北工程，深化河长制。"),
            sec("（三）办好民生实事", "s2-3", text="办好民生实事十件。"), text="今年工作要点如下。"),
        sec("三、加强政府自身建设", "s3", text="建设法治政府。"),
    ])
    new = make_report("2024-jia-qi", REGION, 2024, [
        sec("一、2023年工作总结", "s1", text="过去一年，三北工程进展顺利。"),
        sec("二、2024年重点任务", "s2", sec("（一）加强生态保护修复", "s2-1", text="推进三北工程。"),
            sec("（二）持续办好民生实事", "s2-2", text="继续办好民生实事，推行一网通办。")),
        sec("附件　名词解释", "s3", kind="attachment"),
    ])
    lone = make_report("2024-yi-qi", OTHER, 2024, [sec("一、2023年工作回顾", "s1", text="推行一网通办。")])
    return [old, new, lone]


@pytest.fixture(scope="module")
def ctx():
    cfg = config(curated=CURATED)
    reps = _reports()
    return SiteContext.create(ROOT, cfg, reps, build_glossary(reps, cfg))


def titles(rows):
    out = []
    for r in rows:
        out.append((r.left.title if r.left else None, r.right.title if r.right else None))
        out.extend(("  " + (c.left.title if c.left else "-"), "  " + (c.right.title if c.right else "-"))
                   for c in r.children)
    return out


def test_part_kinds_from_titles():
    kinds = {t: part_kind(Section(t, 1, "a", 1)) for t in (
        "一、2023年工作回顾", "一、过去五年工作回顾", "二、2024年工作安排", "三、2023年重点工作任务",
        "二、关于今后五年发展", "三、持之以恒加强政府自身建设", "四、其他事项")}
    assert kinds == {"一、2023年工作回顾": "review", "一、过去五年工作回顾": "review", "二、2024年工作安排": "plan",
                     "三、2023年重点工作任务": "plan", "二、关于今后五年发展": "outlook",
                     "三、持之以恒加强政府自身建设": "self", "四、其他事项": "other"}
    assert part_kind(Section("附件1", 1, "a", 1, kind="attachment")) == "attachment"


def test_synthetic_pair_aligns_parts_by_kind_and_sub_sections_by_likeness(ctx):
    old, new = ctx.report("2023-jia-qi"), ctx.report("2024-jia-qi")
    rows = align(outline(ctx, old), outline(ctx, new))
    assert titles(rows) == [
        ("一、2022年工作回顾", "一、2023年工作总结"),  # review against review, different words
        ("  （一）经济运行稳中有进", "  -"),  # the newer review has no sub-sections: alone on its side
        ("  （二）生态保护成效明显", "  -"),
        ("二、2023年工作安排", "二、2024年重点任务"),  # plan against plan
        ("  （一）稳住经济大盘", "  -"),
        ("  （二）加强生态保护和修复", "  （一）加强生态保护修复"),  # by title, across numbers
        ("  （三）办好民生实事", "  （二）持续办好民生实事"),
        ("三、加强政府自身建设", None),
        (None, "附件　名词解释"),
    ]


def test_pages_mark_shared_and_single_report_terms(ctx):
    pages = {p.path: p for p in compare.pages(ctx)}
    assert list(pages) == [compare.compare_page("2024-jia-qi")]  # one pair; 乙旗 has one report
    content = pages[compare.compare_page("2024-jia-qi")].content
    page = compare.compare_page("2024-jia-qi")

    def only(word):
        slug = ctx.glossary.get(word).slug
        return f"[{word}]({urls.href(page, urls.term_page(slug))}){{: .cmp-only }}"
    assert '<span class="cmp-both">三北工程</span>' in content  # both years
    assert only("河长制") in content  # 2023 only
    assert only("一网通办") in content  # 2024 only
    assert "[三北工程]" not in content
    assert "两篇共同用到的术语 2 个。" in content  # 三北工程, 民生实事
    assert "只见于2023年的 1 个：" in content and "只见于2024年的 1 个：" in content
    assert content.count("（无对应部分）") == 2  # the unpaired parts of the test above (the script adds sections)
    assert "（一）经济运行稳中有进" not in content and compare.SUBS_NOTE in content
    assert f"({urls.href(page, urls.report_page('2024-jia-qi'), 's2')})" in content  # part titles link to the text


def test_links_only_where_there_is_a_previous_report(ctx):
    reports = {p.path: p.content for p in report_pages.pages(ctx)}
    target = "compare/2024-jia-qi.md"
    assert target in reports[urls.report_page("2024-jia-qi")]
    assert "compare/" not in reports[urls.report_page("2023-jia-qi")]
    assert "compare/" not in reports[urls.report_page("2024-yi-qi")]
    regions = {p.path: p.content for p in region_pages.pages(ctx)}
    jia = regions[ctx.region_path("甲旗")]
    assert "对比</th>" in jia and target in jia
    assert "对比" not in regions[ctx.region_path("乙旗")]


def test_data_files_are_compact_json_for_every_report(ctx):
    files = compare.data_files(ctx)
    assert sorted(files) == ["compare/2023-jia-qi.json", "compare/2024-jia-qi.json", "compare/2024-yi-qi.json",
                             "compare/index.json", "compare/terms.json"]
    table = json.loads(files["compare/terms.json"])
    assert table == sorted(table) and ["san-bei-gong-cheng", "三北工程"] in table
    index = json.loads(files["compare/index.json"])
    assert index == [["2023-jia-qi", "甲旗", 2023], ["2024-jia-qi", "甲旗", 2024], ["2024-yi-qi", "乙旗", 2024]]
    data = json.loads(files["compare/2024-jia-qi.json"])
    headwords = [table[i][1] for i in data["t"]]
    assert headwords == ["三北工程", "民生实事", "一网通办"]  # first use first
    plan = data["s"][1]
    assert plan[:5] == ["二、2024年重点任务", "s2", "plan", 0, 0]
    assert [c[0] for c in plan[6]] == ["（一）加强生态保护修复", "（二）持续办好民生实事"]


def test_output_is_deterministic():
    def build():
        cfg = config(curated=CURATED)
        reps = _reports()
        c = SiteContext.create(ROOT, cfg, reps, build_glossary(reps, cfg))
        return [(p.path, p.content) for p in compare.pages(c)], compare.data_files(c)
    assert build() == build()


def test_seed_site_has_no_comparison(root):
    project = load_project(root)
    c = SiteContext.create(root, project.config, project.reports, project.glossary)
    assert pairs(c) == [] and list(compare.pages(c)) == [] and compare.data_files(c) == {}
    for p in list(report_pages.pages(c)) + list(region_pages.pages(c)):
        assert "compare/" not in p.content and "对比" not in p.content, p.path


@pytest.mark.corpus
def test_nmg_2023_2024_sections_align():
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    project = load_project(ROOT, CORPUS)
    c = SiteContext.create(ROOT, project.config, project.reports, project.glossary)
    old, new = c.report("2023-nei-meng-gu-zi-zhi-qu"), c.report("2024-nei-meng-gu-zi-zhi-qu")
    assert c.neighbours(new)[0] is old
    rows = titles(align(outline(c, old), outline(c, new)))
    assert rows[0] == ("一、过去五年工作回顾", "一、过去一年工作回顾")
    assert ("二、关于今后五年发展", None) in rows  # the five-year outlook has no counterpart in 2024
    assert ("三、2023年重点工作任务", "二、2024年工作安排") in rows
    assert ("  （四）以攻坚举措推进科技创新，不断强化高质量发展的基础性、战略性支撑。", "  （四）以非常之举推进科技创新。") in rows
    assert ("  一、促进群众就业增收7件", "  一、促进群众就业增收方面5件") in rows  # the attachments too
    assert rows[-2:] == [(None, "附件2"), ("  -", "  《政府工作报告》有关名词解释")]
    paths = {p.path for p in compare.pages(c)}
    assert compare.compare_page("2024-nei-meng-gu-zi-zhi-qu") in paths
    assert compare.compare_page("1998-nei-meng-gu-zi-zhi-qu") not in paths  # the first report has no previous one
    assert len(paths) == len(c.reports) - len({r.region_name for r in c.reports})


def test_data_page_documents_the_comparison_files(ctx, root):
    from generator.site.pages import data as data_page

    (page,) = data_page.pages(ctx)
    assert "compare/（对比页面的数据）" in page.content and "terms.json" in page.content
    assert "plan 工作安排" in page.content  # the kind codes of the per-report JSON
    project = load_project(root)
    seeds = SiteContext.create(root, project.config, project.reports, project.glossary)
    (page,) = data_page.pages(seeds)
    assert "对比页面的数据" not in page.content  # the seeds have no comparison files
