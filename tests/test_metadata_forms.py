"""Title blocks as real reports from all of China bring them (synthetic lines, one class each)."""

from __future__ import annotations

import pytest

from generator.ingest import check_fidelity, parse_text
from generator.ingest.metadata import extract_metadata
from generator.ingest.regions import RegionRegistry


@pytest.fixture(scope="module")
def reg() -> RegionRegistry:
    return RegionRegistry()


def meta(lines, reg, source="r.txt", fm=None):
    return extract_metadata(lines, fm or {}, source, None, registry=reg)


def test_state_council_report(reg):
    m = meta(["**政府工作报告**", "——2009年3月5日在第十一届全国人民代表大会第二次会议上", "",
              "国务院总理　温家宝", "", "各位代表：", "现在，我代表国务院，向大会作政府工作报告。"], reg)
    assert (m.region.name, m.region.level, m.region.code, m.region.parents) == ("国务院", "national", "100000", [])
    assert (m.speaker.name, m.speaker.title, m.year, m.date) == ("温家宝", "总理", 2009, "2009-03-05")
    assert m.front_lines == 5 and m.audience == "各位代表"


def test_state_council_subtitle_and_vice_premier(reg):
    lines = ["**关于第六个五年计划的报告**", "——1982年11月30日在第五届全国人民代表大会第五次会议上",
             "国务院副总理谭震林", "各位代表：", "第一部分正文。"]
    m = meta(lines, reg)
    assert (m.speaker.name, m.speaker.title, m.region.name) == ("谭震林", "副总理", "国务院")
    assert m.front_lines == 3  # the subtitle, the date line and the speaker are the title block
    assert m.year == 1983  # a session in late November plans the next year
    m = meta(["1955年国务院政府工作报告", "——1955年7月5日至6日在第一届全国人民代表大会第二次会议上",
              "国务院副总理兼国家计划委员会主任　李富春", "各位代表："], reg)
    assert (m.year, m.date, m.speaker.name, m.speaker.title) == (1955, "1955-07-05", "李富春",
                                                                  "副总理兼国家计划委员会主任")


def test_slogan_title_belongs_to_the_title_block(reg):
    m = meta(["**1978年政府工作报告**", "**团结起来，为建设社会主义的现代化强国而奋斗**",
              "——1978年2月26日在第五届全国人民代表大会第一次会议上", "国务院总理　华国锋", "各位代表！"], reg)
    assert (m.front_lines, m.year, m.speaker.name, m.audience) == (4, 1978, "华国锋", "各位代表")


def test_web_page_chrome_is_removed_and_recorded():
    text = "\n".join(["某某市人民政府门户网站", "首页 > 政务公开 > 政府工作报告", "【字号：大 中 小】 【打印】 【关闭】",
                      "发布时间：2015-02-10 来源：市政府办公室 浏览次数：1234", "下载", "",
                      "政府工作报告", "——2015年1月20日在苏州市第十五届人民代表大会第四次会议上", "市长 张三",
                      "各位代表：", "现在，我代表市人民政府向大会报告工作。"])
    report = parse_text(text, "x.txt")
    assert [p.text for p in report.front] == ["政府工作报告", "——2015年1月20日在苏州市第十五届人民代表大会第四次会议上",
                                              "市长 张三"]
    assert report.preamble[0].text == "各位代表："
    assert (report.date, report.region.name, report.speaker.name) == ("2015-01-20", "苏州市", "张三")
    chrome = [r for r in report.removed if r.reason == "web-chrome"]
    assert [r.line for r in chrome] == [1, 2, 3, 4, 5]
    assert check_fidelity(text, report) == []


def test_date_line_split_over_two_lines(reg):
    m = meta(["政府工作报告", "——2010年1月", "18日在苏州市第十四届人民代表大会第三次会议上", "市长 张三", "各位代表："], reg)
    assert (m.date, m.meeting, m.speaker.name) == ("2010-01-18", "苏州市第十四届人民代表大会第三次会议", "张三")


def test_date_and_name_in_brackets(reg):
    m = meta(["苏州市政府工作报告", "（2003年1月10日 列确）", "各位代表："], reg)
    assert (m.date, m.speaker.name, m.year) == ("2003-01-10", "列确", 2003)


def test_date_run_on_after_the_title(reg):
    m = meta(["政府工作报告  2004年2月24日在海南省第二届人民代表大会第2次会议上", "海南省代省长 卫留成", "各位代表："], reg)
    assert (m.title, m.date, m.region.name, m.speaker.name) == ("政府工作报告", "2004-02-24", "海南省", "卫留成")


def test_speaker_glued_to_the_salutation(reg):
    m = meta(["政府工作报告", "——2012年1月5日在苏州市第十四届人民代表大会第五次会议上", "代市长 李晓波各位代表：",
              "现在……"], reg)
    assert (m.speaker.name, m.speaker.title, m.audience, m.front_lines) == ("李晓波", "代市长", "各位代表", 2)


def test_dotted_names_longer_than_eight_characters(reg):
    m = meta(["政府工作报告", "——2012年1月5日在新疆维吾尔自治区第十一届人民代表大会第五次会议上",
              "自治区主席　司马义·铁力瓦尔地", "各位代表："], reg)
    assert m.speaker.name == "司马义·铁力瓦尔地"


def test_a_resolution_date_is_not_the_delivery_date(reg):
    m = meta(["（2025年2月27日苏州市第七届人民代表大会第六次会议通过）", "",
              "苏州市第七届人民代表大会第六次会议听取和审议了市长所作的政府工作报告，决定批准这个报告。", "",
              "**政府工作报告**", "——2025年2月25日在苏州市第七届人民代表大会第六次会议上", "苏州市市长 张三",
              "各位代表：", "现在……"], reg)
    assert (m.date, m.speaker.name, m.region.name, m.year) == ("2025-02-25", "张三", "苏州市", 2025)


def test_review_heading_never_decides_the_year(reg):
    body = ["各位代表：", "现在，我代表省人民政府，向大会报告一九八九年政府工作的情况和今年的安排意见。"]
    assert meta(body + ["一、2008年政府工作回顾"], reg).year == 2009
    assert meta(body + ["一、1996年的政府工作和1997年的奋斗目标", "二、1997年的主要任务"], reg).year == 1997


def test_text_year_wins_over_the_file_name_with_a_warning(reg):
    m = meta(["政府工作报告", "——2014年2月19日在清远市第六届人民代表大会第四次会议上", "各位代表："], reg, "in/清远市_2015.md")
    assert m.year == 2014
    assert len(m.diagnostics) == 1 and "2015" in m.diagnostics[0].message and "2014" in m.diagnostics[0].message


def test_county_level_city_does_not_beat_its_prefecture(reg):
    body = ["各位代表：", "现在，我代表市人民政府向大会报告工作。"]
    body += ["铁岭全面振兴取得新突破。铁岭银行改革化险。调兵山市协同发展。"] * 3 + ["开原市起步。"]
    body += ["调兵山市煤矿转型。"] * 2
    m = meta(body, reg)
    assert m.region.name == "铁岭市"


def test_meeting_name_broken_before_the_session(reg):
    m = meta(["政府工作报告", "——2024年1月31日在东莞市第十七届人民代表大会", "第四次会议上", "东莞市人民政府市长", "张三",
              "各位代表："], reg)
    assert (m.date, m.meeting) == ("2024-01-31", "东莞市第十七届人民代表大会第四次会议")
    assert (m.speaker.name, m.speaker.title, m.front_lines) == ("张三", "东莞市人民政府市长", 5)


@pytest.mark.parametrize("line, name, title", [
    ("甘肃省政协副主席  兰州市市长  张津梁", "张津梁", "甘肃省政协副主席 兰州市市长"),
    ("国务院副总理兼财政部长　李先念", "李先念", "副总理兼财政部长"),
    ("东莞市常务副市长曾坚朋", "曾坚朋", "东莞市常务副市长"),
    ("清远市市长江凌", "江凌", "清远市市长"),
])
def test_speaker_title_is_the_longest_office(line, name, title):
    from generator.ingest.titleblock import parse_speaker
    sp = parse_speaker(line)
    assert (sp.name, sp.title) == (name, title)
