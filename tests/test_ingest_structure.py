"""The section trees and glossaries of the five seeds, exactly as a reader sees them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT, SEED_FILES
from generator.ingest import parse_report, parse_text


def parts(report):
    """(number, number of sub-sections) of every top-level part."""
    return [(s.number, len(s.sections)) for s in report.sections if s.kind == "part"]


@pytest.fixture(scope="module")
def seeds():
    return {name: parse_report(path) for name, path in SEED_FILES.items()}


def test_etuoke_parts_and_glossary(seeds):
    r = seeds["etuoke"]
    assert parts(r) == [("一", 0), ("二", 8), ("三", 5)]
    assert [s.kind for s in r.sections] == ["part", "part", "part", "glossary"]
    assert r.sections[-1].level == 1 and r.sections[-1].title == "《政府工作报告》有关名词解释"
    assert len(r.glossary) == 13
    first = r.glossary[0]
    assert (first.number, first.term) == ("1.", "专精特新“小巨人”企业")
    assert first.definition.startswith("指集中于新一代信息技术")
    assert r.glossary[12].term == "七个作模范"


def test_etuoke_runin_subsection_titles(seeds):
    r = seeds["etuoke"]
    sub = r.sections[1].sections[0]
    assert sub.title == "(一)突出工业提质，巩固增强发展韧劲。"
    assert sub.number == "(一)" and sub.level == 2 and sub.kind == "subsection"
    assert sub.paragraphs[0].text.startswith("推动工业高端化、智能化")
    # the bookmark before （三） of part 三 did not hide that heading
    assert r.sections[2].sections[2].title == "(三)笃行不怠，实干担当为人民服务。"


def test_dash_leads_stay_in_their_paragraph(seeds):
    para = seeds["etuoke"].sections[0].paragraphs[1]
    assert para.text.startswith("——综合实力提质进位。妥善应对")
    assert para.text[: para.lead] == "——综合实力提质进位。"


def test_yishi_leads(seeds):
    paras = seeds["xilinguole"].sections[0].paragraphs
    yishi = [p for p in paras if p.text.startswith("一是")][0]
    assert yishi.text[: yishi.lead] == "一是经济保持稳中有进、稳中向好。"


def test_wulanchabu_starts_mid_report(seeds):
    r = seeds["wulanchabu"]
    assert parts(r) == [("一", 4), ("二", 0), ("三", 7)]
    first = r.sections[0]
    assert first.synthetic and "前文缺失" in first.title
    assert [s.number for s in first.sections] == ["(三)", "(四)", "(五)", "(六)"]
    assert first.sections[0].title == "(三) 改革创新驱动,叠加助力开放水平提升。"
    assert first.sections[0].paragraphs[0].text.startswith("科技攻关取得新突破。")
    assert r.glossary == []
    assert any("middle of part 一" in d.message for d in r.diagnostics)


def test_neimenggu_parts_attachments_and_glossary(seeds):
    r = seeds["neimenggu"]
    assert parts(r) == [("一", 0), ("二", 10)]
    att1, att2 = [s for s in r.sections if s.kind == "attachment"]
    assert (att1.number, att2.number) == ("附件 1", "附件 2")
    assert att1.title == "附件 1\u3000自治区 2024 年 33 件民生实事清单"  # its own title line
    assert att1.paragraphs == []
    groups = att1.sections
    assert [g.kind for g in groups] == ["item-group"] * 4 and all(g.level == 2 for g in groups)
    assert groups[0].title == "一、促进群众就业增收方面 5 件"
    assert [len(g.paragraphs) for g in groups] == [5, 11, 6, 11]
    items = [p for g in groups for p in g.paragraphs]
    assert all(p.kind == "item" for p in items)
    assert [int(p.number.rstrip(".")) for p in items] == list(range(1, 34))
    assert items[0].text.startswith("帮扶就业困难人员实现就业 5 万人")
    (gloss,) = att2.sections
    assert gloss.kind == "glossary" and gloss.level == 2
    assert len(r.glossary) == 17
    regulations = [e for e in r.glossary if e.term == "办好两件大事的 6 部促进条例"][0]
    assert "国家重要农畜产品生产基地促进条例》" in regulations.definition  # wrapped line joined
    assert regulations.definition.endswith("全方位建设模范自治区促进条例》。")


def test_neimenggu_runin_subsection(seeds):
    sub = seeds["neimenggu"].sections[1].sections[0]
    assert sub.title == "（一）全力以赴抓政策落地。"
    assert sub.paragraphs[0].text.startswith("政策落地工程是自治区党委部署的")


def test_xilinguole_parts(seeds):
    r = seeds["xilinguole"]
    assert parts(r) == [("一", 0), ("二", 7), ("三", 4)]
    assert r.glossary == []
    assert r.preamble[0].text == "各位主任、委员："


def test_yuquan_parts_and_glossary(seeds):
    r = seeds["yuquan"]
    assert parts(r) == [("一", 8), ("二", 5), ("三", 6), ("四", 0)]
    gloss = r.sections[-1]
    assert gloss.kind == "glossary" and gloss.level == 1 and gloss.title == "名词解释"
    assert len(r.glossary) == 34
    by_term = {e.term: e.definition for e in r.glossary}
    assert by_term["八横六纵"].startswith("八横:鄂尔多斯西街")  # split on the first colon only
    assert by_term['民族团结进步创建"八进"'] == "进机关、进企业、进社区、进乡镇、进学校、进宗教活动场所、进连队、进网络。"
    assert by_term["六乱"].startswith("乱设摊")


def test_anchors_unique_readable_and_stable(seeds):
    for name, r in seeds.items():
        anchors = [s.anchor for s in r.walk_sections()] + [p.anchor for _, p in r.paragraphs()]
        anchors += [e.anchor for e in r.glossary] + [p.anchor for p in r.front]
        assert len(anchors) == len(set(anchors)), name
        assert all(anchors), name
        again = parse_report(SEED_FILES[name])
        assert again.to_json() == r.to_json(), name
    r = seeds["etuoke"]
    assert r.sections[0].anchor == "一2023年工作总结"
    assert r.sections[1].sections[2].paragraphs[3].anchor == "p2-3-4"
    assert r.preamble[0].anchor == "p0-1"
    assert [e.anchor for e in r.glossary[:2]] == ["mc-1", "mc-2"]


def test_numbered_items_outside_attachments():
    r = parse_text("一、工作\n重点如下：\n1.修路十公里。\n2、建桥两座。\n（3）种树。\n", "items.txt")
    paras = r.sections[0].paragraphs
    assert [(p.kind, p.number, p.text) for p in paras[1:]] == [
        ("item", "1.", "修路十公里。"), ("item", "2、", "建桥两座。"), ("item", "（3）", "种树。")]
    assert paras[0].kind == "text"


def test_heading_styles_markdown_and_bold():
    text = ("# 政府工作报告\n\n各位代表：\n\n**一、过去一年回顾**\n\n正文一。\n\n"
            "**（一）经济稳中向好。**全年增长百分之五。\n\n## 二、今年安排\n\n正文二。\n")
    r = parse_text(text, "md.md")
    assert [(s.title, s.level) for s in r.walk_sections()] == [
        ("一、过去一年回顾", 1), ("（一）经济稳中向好。", 2), ("二、今年安排", 1)]
    assert r.sections[0].sections[0].paragraphs[0].text == "全年增长百分之五。"


def test_numbering_problems_are_warned_with_line():
    r = parse_text("一、甲\n正文。\n三、丙\n正文。\n三、丙又\n正文。\n", "nums.txt")
    warnings = [d for d in r.diagnostics if "heading number" in d.message]
    assert [(d.line, d.path) for d in warnings] == [(3, "nums.txt"), (5, "nums.txt")]
    assert "skips" in warnings[0].message and "repeats" in warnings[1].message


def test_report_without_headings_is_readable():
    r = parse_text("各位代表：\n今年我们做了很多工作。\n明年我们继续努力。\n", "flat.txt")
    assert r.sections == []
    assert [p.text for p in r.preamble][-2:] == ["今年我们做了很多工作。", "明年我们继续努力。"]
    assert any("no headings" in d.message for d in r.diagnostics)


@pytest.mark.parametrize("name,expected", [
    ("etuoke", [("一", 0), ("二", 8), ("三", 5)]),
    ("wulanchabu", [("一", 4), ("二", 0), ("三", 7)]),
    ("neimenggu", [("一", 0), ("二", 10)]),
    ("xilinguole", [("一", 0), ("二", 7), ("三", 4)]),
    ("yuquan", [("一", 8), ("二", 5), ("三", 6), ("四", 0)]),
])
def test_cli_parse_json_prints_the_tree(name, expected):
    out = subprocess.run([sys.executable, "-m", "generator", "parse", str(SEED_FILES[name]), "--json"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    got = [(s["number"], len(s["sections"])) for s in data["sections"] if s["kind"] == "part"]
    assert got == expected
    assert len(data["glossary"]) == {"etuoke": 13, "neimenggu": 17, "yuquan": 34}.get(name, 0)
    assert "Traceback" not in out.stderr


def test_unnumbered_part_titles_hold_numbered_sections():
    text = ("各位代表：\n现在报告工作。\n2003年工作的回顾\n经济快速增长。\n2004年的主要工作任务\n今年要抓好以下工作。\n"
            "一、加快农村牧区经济发展\n（一）推进产业化。做大龙头企业。\n二、保持工业增长\n工业增长。\n")
    r = parse_text(text, "titles.txt")
    assert [(s.title, s.level, s.kind) for s in r.walk_sections()] == [
        ("2003年工作的回顾", 1, "part"), ("2004年的主要工作任务", 1, "part"),
        ("一、加快农村牧区经济发展", 2, "subsection"), ("（一）推进产业化。", 3, "subsection"),
        ("二、保持工业增长", 2, "subsection")]
    assert not [d for d in r.diagnostics if "heading number" in d.message]


def test_closing_signature_lines_are_not_parts():
    r = parse_text("一、回顾\n正文。\n二、安排\n正文。\n鄂托克旗人民政府办公室\n", "sig.txt")
    assert [s.number for s in r.sections] == ["一", "二"]
    assert r.sections[-1].paragraphs[-1].text == "鄂托克旗人民政府办公室"


def test_sub_heading_run_into_the_line_before():
    r = parse_text("一、过去一年的工作回顾\n我们主要做了以下工作。（一）推进改革。改革深化。\n（二）扩大开放。开放提速。\n",
                   "embedded.txt")
    part = r.sections[0]
    assert part.paragraphs[0].text == "我们主要做了以下工作。"
    assert [s.title for s in part.sections] == ["（一）推进改革。", "（二）扩大开放。"]
    assert part.sections[0].paragraphs[0].text == "改革深化。"
    assert not r.diagnostics or all("heading number" not in d.message for d in r.diagnostics)


def test_part_heading_with_body_after_a_space():
    r = parse_text("一、回顾\n正文。\n二、今后五年的奋斗目标 今后五年是关键时期。我们要努力。\n", "spaced.txt")
    second = r.sections[1]
    assert second.title == "二、今后五年的奋斗目标"
    assert second.paragraphs[0].text == "今后五年是关键时期。我们要努力。"


def test_glossary_numbering_disambiguates_digits():
    r = parse_text("名词解释\n3.三保：保基本民生。\n4.12345热线“三率”：接通率、办结率、满意率。\n", "g.txt")
    assert [(e.number, e.term) for e in r.glossary] == [("3.", "三保"), ("4.", "12345热线“三率”")]


def test_glossary_definition_on_the_next_line():
    r = parse_text("名词解释\n四风：\n形式主义、官僚主义。\n三保：保基本民生。\n", "g.txt")
    assert [(e.term, e.definition) for e in r.glossary] == [("四风", "形式主义、官僚主义。"), ("三保", "保基本民生。")]


def test_only_subsection_headings_become_the_parts():
    r = parse_text("各位代表：\n（一）稳增长。增长6%。\n（二）促改革。改革深化。\n", "subs.txt")
    assert [(s.title, s.level, s.kind) for s in r.sections] == [
        ("（一）稳增长。", 1, "part"), ("（二）促改革。", 1, "part")]
    assert not any(s.synthetic for s in r.sections)


def test_short_line_inside_a_numbered_report_is_text():
    text = "一、回顾\n正文。\n主要经济指标完成情况\n增长6%。\n（一）工业。工业增长。\n二、安排\n正文。\n"
    r = parse_text(text, "caption.txt")
    assert [(s.title, s.level) for s in r.walk_sections()] == [("一、回顾", 1), ("（一）工业。", 2), ("二、安排", 1)]
    assert r.sections[0].paragraphs[1].text == "主要经济指标完成情况"
