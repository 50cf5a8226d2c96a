"""Source-quality notices (原文质量提示) and citations on report pages, on made-up reports.

The detectors are general rules (generator/site/facts/quality.py): a report that starts
without its beginning, a paragraph that runs into the text of an earlier one, text removed
while cleaning, and the curators' notes in site_config/reports.yaml.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from generator.config import ConfigError, check_config, load_config
from generator.ingest import parse_text
from generator.project import load_project
from generator.site.context import SiteContext
from generator.glossary import build_glossary
from generator.site.facts.citation import author, citation, numbers
from generator.site.facts.quality import notices
from generator.site.pages import report as report_pages

INTRO = "各位代表：\n\n现在，我代表市人民政府，向大会报告工作，请予审议。\n"
REVIEW = ("一、2023年工作回顾\n\n"
          "过去一年，全市经济运行稳中向好，地区生产总值增长6.5%，城乡居民收入稳步提高，民生保障扎实有力。\n\n"
          "一年来，我们深入开展主题教育，以学铸魂、以学增智，思想更加统一、干劲更加充足。自觉接受各方面监督，"
          "人大代表议案建议全部答复，一大批成果转化为推动高质量发展务实举措。\n")
PLAN = ("二、2024年重点工作\n\n"
        "（一）扩大有效投资\n\n"
        "实施重大项目200个以上，完成投资500亿元，持续优化营商环境，推动民营经济健康发展。\n")


def kinds(report) -> list[str]:
    return [n.kind for n in notices(report, numbers(report))]


def page_of(report, tmp_root: Path | None = None) -> str:
    config = load_config(tmp_root or ROOT)
    ctx = SiteContext.create(tmp_root or ROOT, config, [report], build_glossary([report], config))
    return next(p.content for p in report_pages.pages(ctx))


def test_a_whole_report_has_no_notice():
    report = parse_text(INTRO + REVIEW + PLAN, "seeds/2024-ceshi-shi.txt")
    assert kinds(report) == []
    assert "原文质量提示" not in page_of(report)


def test_report_starting_mid_part_is_flagged_at_the_top_and_at_the_place():
    text = "（三）改革创新驱动，开放水平提升。\n\n科技攻关取得新突破，建成科技企业孵化器5家、产业研究院7家。\n\n" + PLAN
    report = parse_text(text, "seeds/2024-ceshi-shi.txt")
    found = notices(report, numbers(report))
    assert [n.kind for n in found] == ["missing-start"]
    assert "（三）" in found[0].summary or "(三)" in found[0].summary
    page = page_of(report)
    part = report.sections[0]
    assert part.synthetic
    heading = re.search(r"^#+ .*\{#" + re.escape(part.anchor) + r"\}$", page, re.M)
    assert heading is not None
    top = page[:heading.start()]
    assert "原文质量提示" in top and "此前的文字缺失" in top
    # the note at the place follows the part's heading, and the top line links to it
    assert f"(#{part.anchor})" in top
    after = page[heading.end():].lstrip()
    assert after.startswith('<p class="source-note"') and "原文缺少开头" in after.split("</p>", 1)[0]


def test_report_starting_at_part_two_is_flagged():
    report = parse_text(INTRO + PLAN, "seeds/2024-ceshi-shi.txt")
    found = notices(report, numbers(report))
    assert [n.kind for n in found] == ["missing-start"]
    assert "第二部分开始" in found[0].summary


def test_paragraph_running_into_earlier_text_is_flagged_with_a_link_to_it():
    tail = "思想更加统一、干劲更加充足。自觉接受各方面监督，人大代表议案建议全部答复，一大批成果转化为推动高质量发展务实举措。"
    spliced = "实施重大项目200个以上，完成投资500亿元，结构性减税降费等新" + tail
    report = parse_text(INTRO + REVIEW + PLAN.replace("实施重大项目200个以上，完成投资500亿元，持续优化营商环境，推动民营经济健康发展。", spliced),
                        "seeds/2024-ceshi-shi.txt")
    n = numbers(report)
    found = [x for x in notices(report, n) if x.kind == "spliced"]
    assert len(found) == 1
    plan_para = next(p for _, p in report.paragraphs() if p.text.startswith("实施重大项目"))
    review_para = next(p for _, p in report.paragraphs() if p.text.startswith("一年来"))
    assert found[0].anchor == plan_para.anchor  # the later paragraph is the spliced one
    assert found[0].link == review_para.anchor
    assert f"第{n[review_para.anchor]}段" in found[0].place
    assert "“思想更加统一" in found[0].place  # where the shared text begins
    page = page_of(report)
    assert f"[查看第{n[review_para.anchor]}段](#{review_para.anchor})" in page


def test_shared_formula_shorter_than_a_splice_is_not_flagged():
    formula = "以习近平新时代中国特色社会主义思想为指导。"
    text = (INTRO + "一、2023年工作回顾\n\n过去一年，我们" + formula + "经济运行稳中向好。\n\n"
            "二、2024年重点工作\n\n今年，我们继续" + formula + "扎实推进各项工作。\n")
    report = parse_text(text, "seeds/2024-ceshi-shi.txt")
    assert "spliced" not in kinds(report)


def test_removed_duplicate_paragraph_is_noted_and_linked_to_the_record():
    dup = "过去一年，全市经济运行稳中向好，地区生产总值增长6.5%，城乡居民收入稳步提高，民生保障扎实有力。"
    report = parse_text(INTRO + REVIEW + PLAN + "\n" + dup + "\n", "seeds/2024-ceshi-shi.txt")
    assert any(r.reason == "duplicate-paragraph" for r in report.removed)
    assert {"removed", "removed-here"} <= set(kinds(report))
    page = page_of(report)
    assert "## 整理记录 {#removed}" in page
    entry = re.search(r'<li id="(removed-\d+)"[^>]*>原文第(\d+)行，重复段落：<q>([^<]+)</q>', page)
    assert entry is not None and entry.group(3) == dup
    assert f"(#{entry.group(1)})" in page  # the note at the place links to it
    assert "[查看整理记录](#removed)" in page


def test_layout_artefacts_are_recorded_without_a_notice():
    report = parse_text("（上接第一版）\n\n" + INTRO + REVIEW + PLAN, "seeds/2024-ceshi-shi.txt")
    assert any(r.reason == "jump-marker" for r in report.removed)
    page = page_of(report)
    assert "原文质量提示" not in page
    assert "报纸转版标记：<q>（上接第一版）</q>" in page.replace("&#40;", "(").replace("&#41;", ")").replace("(", "（").replace(")", "）")


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "site"
    (root / "seeds").mkdir(parents=True)
    shutil.copytree(ROOT / "site_config", root / "site_config")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "seeds" / "2024-ceshi-shi.txt").write_text(INTRO + REVIEW + PLAN, encoding="utf-8")
    return root


def write_notes(root: Path, body: str) -> None:
    (root / "site_config" / "reports.yaml").write_text("2024-ceshi-shi.txt:\n  notes:\n" + body, encoding="utf-8")


def test_curated_note_shows_at_top_and_place(project):
    write_notes(project, "    - text: 原文此段数字与官方网站公布的不同。\n      anchor: p1-1\n    - text: 原文缺少附件。\n")
    proj = load_project(project)
    report = proj.reports[0]
    assert not [d for d in proj.diagnostics if d.path == "site_config/reports.yaml"]
    found = notices(report, numbers(report), proj.config.reports["2024-ceshi-shi.txt"].notes)
    assert [(n.kind, n.anchor) for n in found] == [("curated", "p1-1"), ("curated", "")]
    page = page_of(report, project)
    assert "原文此段数字与官方网站公布的不同。 [见正文](#p1-1)" in page
    assert re.search(r'id="p1-1"[^\n]*\n\n<p class="source-note"[^>]*>原文此段数字与官方网站公布的不同。</p>', page)
    assert "原文缺少附件。" in page


def test_curated_note_with_unknown_anchor_warns_with_the_line(project):
    write_notes(project, "    - text: 原文缺页。\n      anchor: p9-9\n")
    proj = load_project(project)
    warnings = [d for d in proj.diagnostics if d.path == "site_config/reports.yaml"]
    assert len(warnings) == 1 and warnings[0].severity == "warning" and warnings[0].line == 3
    assert "'p9-9'" in warnings[0].message


@pytest.mark.parametrize("body, message", [
    ("    - anchor: p1-1\n", "has no 'text'"),
    ("    - text: " + "长" * 201 + "\n", "at most 200"),
    ("    - text: 缺页\n      anchor: 'p1 1'\n", "not a paragraph or section id"),
    ("    - text: 缺页\n      where: p1-1\n", "unknown key 'where'"),
])
def test_curated_note_problems_name_the_file_and_line(project, body, message):
    write_notes(project, body)
    with pytest.raises(ConfigError) as err:
        load_config(project)
    assert message in str(err.value) and "reports.yaml:" in str(err.value)
    _, problems = check_config(project)
    assert any(message in p.message for p in problems)


def test_citation_names_government_title_meeting_date_year_and_address():
    text = ("2024年1月23日在内蒙古自治区第十四届人民代表大会第二次会议上\n\n" + INTRO + REVIEW + PLAN)
    report = parse_text(text, "seeds/2024-neimenggu-zizhiqu.txt")
    c = citation(report, "https://example.org/site/reports/2024-neimenggu-zizhiqu/")
    assert c.head == ("内蒙古自治区人民政府. 政府工作报告——2024年1月23日在内蒙古自治区第十四届人民代表大会"
                      "第二次会议上[R/OL]. 2024")
    first = next(p for _, p in report.paragraphs())
    assert c.paragraph(1, first.anchor) == f"{c.head}: 第1段. https://example.org/site/reports/2024-neimenggu-zizhiqu/#{first.anchor}"
    page = page_of(report)
    assert 'data-cite-url="https&#58;//gov-reports.github.io/gov-report-site/reports/2024-neimenggu-zizhiqu/"' in page


def test_leagues_cite_their_administrative_office_and_unknown_facts_are_left_out():
    report = parse_text(INTRO.replace("市人民政府", "行署") + REVIEW + PLAN, "seeds/2024-xilinguole-meng.txt")
    if report.region is not None and report.region.name.endswith("盟"):
        assert author(report) == f"{report.region.name}行政公署"
    c = citation(report, "https://x.org/")
    assert "——" not in c.head and "None" not in c.head  # no meeting, no date: no subtitle


def test_paragraph_numbers_follow_reading_order_and_are_on_the_page():
    report = parse_text(INTRO + REVIEW + PLAN, "seeds/2024-ceshi-shi.txt")
    n = numbers(report)
    assert list(n.values()) == list(range(1, len(n) + 1))
    page = page_of(report)
    for anchor, k in n.items():
        assert f'id="{anchor}"' in page and re.search(rf'id="{re.escape(anchor)}"[^>]*data-n="{k}"', page)
    assert page.count("data-cite-head=") == 1  # the citation is on the page once


def test_about_page_example_is_what_the_button_copies():
    """The 关于 page documents the format with the 内蒙古 2024 seed's paragraph 12: the same
    text the site builds (a change of format must change the documentation)."""
    from generator.ingest import parse_report
    from generator.site.render import urls
    report = parse_report(ROOT / "seeds" / "2024-neimenggu-zizhiqu.txt", load_config(ROOT))
    anchor = next(a for a, k in numbers(report).items() if k == 12)
    url = urls.public_url(urls.site_url(ROOT), urls.report_page(report.slug))
    example = citation(report, url).paragraph(12, anchor)
    about = (ROOT / "docs_src" / "about" / "index.md").read_text(encoding="utf-8")
    assert re.sub(r"</?span[^>]*>", "", about).count(example) == 1
