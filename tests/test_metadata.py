"""Report metadata: the five seeds exactly, format variants, overrides, the corpus."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEED_FILES
from generator.config import ReportOverride, load_config
from generator.ingest.metadata import extract_metadata, parse_date, parse_speaker
from generator.ingest.regions import RegionRegistry

# Artefact lines the cleaner removes before metadata extraction (see the brief of clean.py).
_ARTEFACTS = re.compile(r"^(旗十八届人大三次|会议文件（二十三）|区十八届人大一次会议 文 件 之 二 十|\(上接第一版\))\s*$")


@pytest.fixture(scope="module")
def reg() -> RegionRegistry:
    return RegionRegistry()


def seed_lines(key: str) -> list[str]:
    text = SEED_FILES[key].read_text(encoding="utf-8")
    return [line for line in text.splitlines() if not _ARTEFACTS.match(line)]


def meta_of(lines, source="report.txt", fm=None, config=None, reg=None, **kw):
    return extract_metadata(lines, fm or {}, source, config, registry=reg, **kw)


def codes(region):
    return [r.code for r in region.chain()]


SEEDS = {
    "etuoke": dict(region=("鄂托克旗", "county", ["150000", "150600", "150624"]), year=2024, date="2024-01-26",
                   meeting="鄂托克旗第十八届人民代表大会第三次会议", speaker=("苏智雄", "代旗长"),
                   audience="各位代表", front_lines=8),
    "wulanchabu": dict(region=("乌兰察布市", "prefecture", ["150000", "150900"]), year=2024, date=None,
                       meeting="", speaker=("", ""), audience="", front_lines=5),
    "neimenggu": dict(region=("内蒙古自治区", "province", ["150000"]), year=2024, date="2024-01-30",
                      meeting="内蒙古自治区第十四届人民代表大会第二次会议", speaker=("王莉霞", "自治区主席"),
                      audience="各位代表", front_lines=8),
    "xilinguole": dict(region=("锡林郭勒盟", "prefecture", ["150000", "152500"]), year=2024, date=None,
                       meeting="", speaker=("", ""), audience="各位主任、委员", front_lines=0),
    "yuquan": dict(region=("玉泉区", "county", ["150000", "150100", "150104"]), year=2022, date="2022-01-21",
                   meeting="玉泉区第十八届人民代表大会第一次会议", speaker=("南男", "玉泉区人民政府代区长"),
                   audience="各位代表", front_lines=7),
}


@pytest.mark.parametrize("key", sorted(SEEDS))
@pytest.mark.parametrize("with_config", [False, True])
def test_seed_metadata(key, with_config, root, reg):
    config = load_config(root, region_exists=RegionRegistry.exists_in_dataset) if with_config else None
    want = SEEDS[key]
    m = extract_metadata(seed_lines(key), {}, str(SEED_FILES[key]), config)
    assert m.title == "政府工作报告"
    assert (m.region.name, m.region.level, codes(m.region)) == want["region"]
    assert m.region.resolved
    assert m.year == want["year"]
    assert m.date == want["date"]
    assert m.meeting == want["meeting"]
    assert (m.speaker.name, m.speaker.title) == want["speaker"]
    assert m.audience == want["audience"]
    assert m.front_lines == want["front_lines"]
    assert m.diagnostics == []


def test_seed_sources_are_the_text(reg):
    m = meta_of(seed_lines("wulanchabu"), "seeds/2024-wulanchabu-shi.txt", reg=reg)
    assert m.sources["region"].startswith("text:")  # "我代表市人民政府" + the most named 市
    assert m.sources["year"].startswith("text:")  # "三、2024年重点工作"
    m = meta_of(seed_lines("xilinguole"), "seeds/2024-xilinguole-meng.txt", reg=reg)
    assert m.sources["region"].startswith("text:")  # "我代表行署" + the most named 盟
    assert m.sources["title"] == "default"


def test_seeds_through_parse_report(root):
    """Integration with ingest: parse_report carries the metadata into the Report."""
    from generator.ingest import parse_report

    config = load_config(root, region_exists=RegionRegistry.exists_in_dataset)
    for key, want in SEEDS.items():
        report = parse_report(SEED_FILES[key], config)
        assert (report.region.name, codes(report.region)) == (want["region"][0], want["region"][2]), key
        assert (report.year, report.date, report.meeting, report.audience) == (
            want["year"], want["date"], want["meeting"], want["audience"]), key
        assert (report.speaker.name, report.speaker.title) == want["speaker"], key


# --------------------------------------------------------------------------- format variants


def test_fullwidth_digits_and_markdown(reg):
    m = meta_of(["# ２０１０年政府工作报告", "", "**——２０１０年１月２０日在内蒙古自治区第十一届人民代表大会第三次会议上**",
                 "", "**自治区主席 张三**", "", "各位代表:", "现在，我代表自治区人民政府作工作报告。"], reg=reg)
    assert (m.year, m.date, m.region.code) == (2010, "2010-01-20", "150000")
    assert m.meeting == "内蒙古自治区第十一届人民代表大会第三次会议"
    assert (m.speaker.name, m.speaker.title, m.audience, m.front_lines) == ("张三", "自治区主席", "各位代表", 6)


@pytest.mark.parametrize("line, iso", [
    ("——二〇一三年一月二十五日在内蒙古自治区第十二届人民代表大会第一次会议上", "2013-01-25"),
    ("——二0一四年一月十五日在内蒙古自治区第十二届人民代表大会第二次会议上", "2014-01-15"),
    ("（2019年1月15日在内蒙古自治区第十三届人民代表大会第二次会议上）", "2019-01-15"),
    ("──2014年1月6日在内蒙古自治区第十二届人民代表大会第二次会议上", "2014-01-06"),
    ("----2014年1月6日在内蒙古自治区第十二届人民代表大会第二次会议上", "2014-01-06"),
    ("——10年1月20日在内蒙古自治区第十一届人民代表大会第三次会议上", "2010-01-20"),
    ("2000年1月20日在内蒙古自治区第九届人民代表大会第三次会议上", "2000-01-20"),
])
def test_date_line_variants(reg, line, iso):
    m = meta_of(["政府工作报告", line, "自治区主席 张三", "各位代表："], reg=reg)
    assert m.date == iso
    assert m.year == int(iso[:4])
    assert m.region.code == "150000"
    assert m.meeting.startswith("内蒙古自治区第") and m.meeting.endswith("次会议")
    assert m.speaker.name == "张三" and m.front_lines == 3


def test_speaker_glued_to_date_line(reg):
    m = meta_of(["——2016年1月17日在苏州市第十六届人民代表大会第五次会议上苏州市代市长 李 四", "各位代表："], reg=reg)
    assert (m.speaker.name, m.speaker.title) == ("李四", "苏州市代市长")
    assert m.meeting == "苏州市第十六届人民代表大会第五次会议"
    assert (m.region.name, codes(m.region)) == ("苏州市", ["320000", "320500"])
    m = meta_of(["——2016年1月12日在苏州市第十六届人民代表大会第五次会议上 王五", "各位代表："], reg=reg)
    assert (m.speaker.name, m.speaker.title) == ("王五", "")


def test_name_only_speaker_line(reg):
    m = meta_of(["——2014年1月6日在苏州市第十五届人民代表大会第二次会议上", "", "王五", "", "各位代表：", "现在……"], reg=reg)
    assert (m.speaker.name, m.speaker.title, m.front_lines) == ("王五", "", 4)


@pytest.mark.parametrize("text, name, title", [
    ("代旗长  苏智雄", "苏智雄", "代旗长"),
    ("玉泉区人民政府代区长 南 男", "南男", "玉泉区人民政府代区长"),
    ("自治区主席 王莉霞", "王莉霞", "自治区主席"),
    ("自治区主席布小林", "布小林", "自治区主席"),
    ("市人民政府市长包振玉", "包振玉", "市人民政府市长"),
    ("呼和浩特市市长 秦义", "秦义", "呼和浩特市市长"),
    ("代理市长 王旺盛", "王旺盛", "代理市长"),
    ("**自治区人民政府主席 包钢**", "包钢", "自治区人民政府主席"),
])
def test_parse_speaker(text, name, title):
    sp = parse_speaker(text)
    assert (sp.name, sp.title) == (name, title)


@pytest.mark.parametrize("text", ["各位代表：", "一、2023年工作总结", "现在，我代表旗人民政府向大会报告工作。"])
def test_parse_speaker_rejects(text):
    assert parse_speaker(text) is None


def test_other_regions_of_china(reg):
    m = meta_of(["政府工作报告", "——2023年1月5日在北京市海淀区第十七届人民代表大会第二次会议上", "区长 张三", "各位代表："],
                reg=reg)
    assert (m.region.name, codes(m.region), m.region.level) == ("海淀区", ["110000", "110108"], "county")
    m = meta_of(["——2024年1月8日在延边朝鲜族自治州第十六届人民代表大会第三次会议上", "州长 张三", "各位代表："], reg=reg)
    assert (m.region.name, codes(m.region)) == ("延边朝鲜族自治州", ["220000", "222400"])
    assert (m.speaker.title, m.year) == ("州长", 2024)


def test_december_meeting_plans_the_next_year(reg):
    m = meta_of(["——2022年12月30日在苏州市第十七届人民代表大会第二次会议上", "各位代表：", "一、2022年工作回顾"], reg=reg)
    assert (m.date, m.year) == ("2022-12-30", 2023)
    assert m.diagnostics == []


def test_year_from_plan_or_review_heading(reg):
    body = ["各位代表：", "现在，我代表市人民政府向大会报告工作。"]
    assert meta_of(body + ["一、2023年工作回顾"], reg=reg).year == 2024
    assert meta_of(body + ["**三、2011年经济社会发展的主要任务** 2011年是……"], reg=reg).year == 2011
    assert meta_of(body + ["二、2024年工作安排"], reg=reg).year == 2024
    assert meta_of(body + ["一、过去五年回顾和2017年主要工作"], reg=reg).year is None  # says nothing sure


def test_heading_contradicting_the_date_warns(reg):
    m = meta_of(["——2024年1月10日在苏州市第十七届人民代表大会第三次会议上", "各位代表：", "一、2024年工作回顾"],
                "x.txt", reg=reg, first_line=4)
    assert m.year == 2024
    assert len(m.diagnostics) == 1
    d = m.diagnostics[0]
    assert (d.path, d.line, d.severity) == ("x.txt", 6, "warning") and "2025" in d.message


# --------------------------------------------------------------------------- sources and precedence


def test_front_matter_wins_over_text(reg):
    fm = {"title": "2010年内蒙古自治区政府工作报告"}
    m = meta_of(["——2011年1月20日在苏州市第十六届人民代表大会第四次会议上", "各位代表："], fm=fm, reg=reg)
    assert (m.title, m.year, m.region.code) == ("2010年内蒙古自治区政府工作报告", 2010, "150000")
    assert m.sources["year"] == m.sources["region"] == "front-matter"
    assert m.date == "2011-01-20"  # the front matter names no date


def test_front_matter_title_with_date_and_name(reg):
    fm = {"title": "乌兰察布市政府工作报告 （2014年1月6日 张三）"}
    m = meta_of(["各位代表：", "现在……"], fm=fm, reg=reg)
    assert (m.region.code, m.year, m.date, m.speaker.name) == ("150900", 2014, "2014-01-06", "张三")
    fm = {"title": "巴彦淖尔市政府工作报告（2022年12月30日 张三）"}
    assert meta_of(["各位代表："], fm=fm, reg=reg).year == 2023


def test_file_name_is_the_last_resort(reg):
    m = meta_of(["各位代表：", "现在，我代表政府向大会报告工作。"], "/data/乌海市_2020.md", reg=reg)
    assert (m.region.code, m.year) == ("150300", 2020)
    assert m.sources["region"] == m.sources["year"] == "file-name"
    assert m.diagnostics == []


def test_what_nothing_says_stays_empty_with_warnings(reg):
    m = meta_of(["各位代表：", "现在，我代表政府向大会报告工作。"], "in/report.txt", reg=reg)
    assert (m.region, m.year, m.date, m.meeting) == (None, None, None, "")
    assert (m.speaker.name, m.speaker.title) == ("", "")
    messages = [d.format() for d in m.diagnostics]
    assert len(messages) == 2
    assert all(msg.startswith("in/report.txt: warning: ") and "report.txt" in msg.split(": ", 2)[2]
               for msg in messages)


def test_too_few_mentions_infer_nothing(reg):
    m = meta_of(["各位代表：", "现在，我代表市人民政府向大会报告工作。", "乌兰察布发展、苏州合作。"], reg=reg)
    assert m.region is None


def test_ambiguous_region_warns_without_guessing(reg):
    lines = ["政府工作报告", "——2024年1月10日在城区第十届人民代表大会第三次会议上", "各位代表："]
    m = meta_of(lines, "a.txt", reg=reg, first_line=3)
    assert m.region.name == "城区" and m.region.code is None and not m.region.resolved
    assert [(d.line, d.severity) for d in m.diagnostics] == [(4, "warning")]
    m = meta_of(lines, "a.txt", fm={"title": "阳泉市城区2024年政府工作报告"}, reg=reg)
    assert (m.region.code, [p.name for p in m.region.parents]) == ("140302", ["山西省", "阳泉市"])


def _config(overrides: dict, regions=()) -> SimpleNamespace:
    return SimpleNamespace(regions=list(regions),
                           reports={k: ReportOverride(k, v, 1) for k, v in overrides.items()})


def test_overrides_win(reg):
    config = _config({"x.txt": {"region": "乌兰察布", "year": 2021, "date": "2021-02-23", "title": "某报告",
                                "meeting": "某会议", "audience": "各位代表", "speaker": {"name": "张 三"}}})
    lines = ["政府工作报告", "——2024年1月10日在苏州市第十七届人民代表大会第三次会议上", "市长 李四", "各位委员："]
    m = extract_metadata(lines, {}, "some/dir/x.txt", config)
    assert (m.region.name, m.region.code, m.year, m.date) == ("乌兰察布市", "150900", 2021, "2021-02-23")
    assert (m.title, m.meeting, m.audience) == ("某报告", "某会议", "各位代表")
    assert (m.speaker.name, m.speaker.title) == ("张三", "市长")  # title kept from the text
    assert {m.sources[k] for k in ("region", "year", "date", "title", "speaker")} == {"override"}
    other = extract_metadata(lines, {}, "y.txt", config)
    assert other.region.name == "苏州市"


def test_overrides_from_reports_yaml(tmp_path):
    (tmp_path / "site_config").mkdir()
    (tmp_path / "site_config" / "reports.yaml").write_text(
        "2024-xilinguole-meng.txt:\n  meeting: 锡林郭勒盟示例会议\n  date: \"2024-01-05\"\n", encoding="utf-8")
    config = load_config(tmp_path, region_exists=RegionRegistry.exists_in_dataset)
    m = extract_metadata(seed_lines("xilinguole"), {}, str(SEED_FILES["xilinguole"]), config)
    assert (m.meeting, m.date, m.year, m.region.code) == ("锡林郭勒盟示例会议", "2024-01-05", 2024, "152500")


def test_parse_date():
    assert parse_date("２０２４年１月２６日") == "2024-01-26"
    assert parse_date("2024年13月26日") is None
    assert parse_date("三十年来") is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="各位代表：—2024年1月在市区旗第十届人民代表大会会议上长主席张三一、回顾\n *#", max_size=40),
                max_size=12))
def test_never_raises_and_is_deterministic(lines):
    reg = RegionRegistry()
    a = extract_metadata(lines, {}, "h.txt", None, registry=reg)
    b = extract_metadata(lines, {}, "h.txt", None, registry=reg)
    assert a == b
    assert 0 <= a.front_lines <= len(lines)


# --------------------------------------------------------------------------- the shared corpus


def _read_corpus_file(path: Path) -> tuple[dict, list[str]]:
    text = path.read_text(encoding="utf-8")
    fm: dict = {}
    if text.startswith("---"):
        _, head, text = text.split("---", 2)
        fm = yaml.safe_load(head) or {}
    return fm, text.splitlines()


def test_corpus_year_and_region(corpus, reg):
    wrong = []
    for path in corpus:
        region, year = path.stem.rsplit("_", 1)
        fm, lines = _read_corpus_file(path)
        m = extract_metadata(lines, fm, str(path), None, registry=reg)
        if not (m.region and m.region.resolved and m.region.name == region and m.year == int(year)):
            wrong.append((path.name, m.region and m.region.name, m.year))
    assert wrong == [] and len(corpus) >= 95


def test_corpus_text_alone_is_never_wrong(corpus, reg):
    """Without front matter and file name, what the text yields is right (or empty)."""
    found = 0
    for path in corpus:
        region, year = path.stem.rsplit("_", 1)
        _, lines = _read_corpus_file(path)
        m = extract_metadata(lines, {}, "report.md", None, registry=reg)
        assert m.region is None or m.region.name == region, path.name
        assert m.year is None or m.year == int(year), path.name
        found += bool(m.region and m.year)
    assert found >= 0.9 * len(corpus)


def test_front_matter_region_field(reg):
    m = meta_of(["各位代表："], fm={"region": "乌兰察布", "year": 2014, "date": "2014-01-06"}, reg=reg)
    assert (m.region.name, m.region.code, m.year, m.date) == ("乌兰察布市", "150900", 2014, "2014-01-06")
    m = meta_of(["各位代表："], "r.txt", fm={"region": "火星市", "year": 2014}, reg=reg)
    assert (m.region.name, m.region.resolved) == ("火星市", False)
    assert len(m.diagnostics) == 1 and "火星市" in m.diagnostics[0].message


def test_speaker_name_in_front_matter_title_is_no_region(reg):
    # 吴江 is also 吴江区 (苏州市): the name after the date must not make the report 吴江区's.
    m = meta_of(["各位代表："], fm={"title": "苏州市政府工作报告（2020年1月6日 吴江）"}, reg=reg)
    assert (m.region.name, m.speaker.name) == ("苏州市", "吴江")


def test_letter_spaced_title_and_chinese_numeral_years(reg):
    m = meta_of(["政 府 工 作 报 告", "", "——二〇二四年一月十八日在苏州市第十七届人民代表大会第三次会议上", "各位代表："],
                reg=reg)
    assert (m.title, m.date, m.year, m.front_lines) == ("政府工作报告", "2024-01-18", 2024, 3)
    body = ["各位代表：", "现在，我代表市人民政府向大会报告工作。"]
    assert meta_of(body + ["二、二〇二四年工作安排"], reg=reg).year == 2024


def test_override_settles_a_year_conflict(reg):
    lines = ["——2024年1月10日在苏州市第十七届人民代表大会第三次会议上", "各位代表：", "一、2024年工作回顾"]
    m = extract_metadata(lines, {}, "x.txt", _config({"x.txt": {"year": 2025}}), registry=reg)
    assert (m.year, m.diagnostics) == (2025, [])
