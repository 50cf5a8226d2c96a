"""Glosses (the tooltip line), quote spans, quoted short forms, categories and the
glossary's content, on the seeds and the shipped site_config/ (issue 12)."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import ROOT, SEEDS
from generator.config import check_config, load_config
from generator.gloss import LIMIT, gloss_of
from generator.glossary import build_glossary
from generator.glossary.matcher import Matcher
from generator.glossary.sources import pinyin_of


@pytest.fixture(scope="module")
def seeds(root):
    from generator.ingest import load_reports

    config = load_config(root)
    reports, _ = load_reports(SEEDS, config)
    return reports, config, build_glossary(reports, config)


# -- the gloss rule --------------------------------------------------------------------

def test_gloss_is_the_whole_first_sentence_a_semicolon_ends_nothing():
    assert gloss_of("发动和依靠群众,坚持矛盾不上交,就地解决;实现捕人少,治安好。") == \
        "发动和依靠群众,坚持矛盾不上交,就地解决;实现捕人少,治安好。"
    assert gloss_of("第一句。第二句。") == "第一句。"
    assert gloss_of("甲（含乙。丙）丁。戊。") == "甲（含乙。丙）丁。"  # not inside brackets


def test_long_gloss_is_cut_at_a_clause_end_never_inside_a_list_or_brackets():
    text = ("八横:鄂尔多斯西街、南二环路、银河北路、银河南路、世纪五路、世纪十六路、世纪十八路、三环路;"
            "六纵:西二环路、巴彦路、昭君路、锡林南路、云中路、生物制药厂西路。")
    assert gloss_of(text) == "八横:鄂尔多斯西街、南二环路、银河北路、银河南路、世纪五路、世纪十六路、世纪十八路、三环路…"
    items = "、".join(f"第{n}项内容较长的事项" for n in range(1, 12)) + "。"
    cut = gloss_of(items)
    assert cut.endswith("事项…") and len(cut) <= LIMIT  # after a whole item
    bracketed = "这是一句" + "（" + "很长的括注" * 14 + "）" + "结束。"
    cut = gloss_of(bracketed)
    assert cut == "这是一句…"


def test_seed_glosses(seeds):
    _, _, g = seeds
    # curated short wins (the first sentence was a fact about 1947, not the term)
    assert g.get("模范自治区").short.startswith("要求内蒙古在民族团结")
    assert g.get("模范自治区").gloss_source == "本站释义"
    # 八横六纵: the 八横 clause, and the cut says so
    assert g.get("八横六纵").short.endswith("三环路…")
    # 枫桥经验 (official first): the whole sentence, past the semicolon
    assert g.get("枫桥经验").short.endswith("实现捕人少,治安好。")
    assert g.get("枫桥经验").gloss_source == "玉泉区 2022 名词解释"
    for term in g.ordered():
        assert len(term.short) <= LIMIT, term.headword
        assert "\n" not in term.short


def test_curated_short_longer_than_60_characters_is_an_error(tmp_path):
    shutil.copytree(ROOT / "site_config", tmp_path / "site_config")
    path = tmp_path / "site_config" / "glossary.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n- term: 坏条目\n  definition: 定义。\n  source: 某（2024）\n"
                    f"  short: {'长' * 61}\n", encoding="utf-8")
    _, problems = check_config(tmp_path)
    assert len(problems) == 1 and "longer than 60 characters" in problems[0].message
    assert problems[0].path.endswith("glossary.yaml") and problems[0].line


# -- spans --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, linked", [
    ('深化"放管服"改革', '"放管服"改革'),
    ('坚持过"紧日子"', '过"紧日子"'),
    ('落实"双减"政策', '"双减"政策'),
    ('压减"三公"经费', '"三公"经费'),
    ('坚持新时代"枫桥经验"', '新时代"枫桥经验"'),
    ("“三北”工程", "“三北”工程"),
])
def test_a_link_covers_both_straight_quotes_or_neither(text, linked):
    m = Matcher({"放管服改革": "a", "过紧日子": "b", "双减政策": "c", "三公经费": "d", "新时代枫桥经验": "e",
                 "三北工程": "f"})
    (start, end, _), = m.find(text)
    assert text[start:end] == linked


def test_seed_links_never_hold_one_straight_quote(seeds):
    reports, _, g = seeds
    texts = {(r.slug, p.anchor): p.text for r in reports for _, p in r.paragraphs()}
    texts.update({(r.slug, e.anchor): e.definition for r in reports for e in r.glossary})
    spans = [texts[(o.report_slug, o.anchor)][o.start:o.end] for r in reports for o in g.occurrences(r.slug)]
    assert spans
    odd = [s for s in spans if s.count('"') % 2]
    assert odd == []


def test_quoted_short_forms_and_aliases_link_variants(seeds):
    reports, _, g = seeds
    four = g.get("四高筛查")
    assert g.usage_count(four.key) >= 1  # “四高”等疾病免费筛查 (鄂托克旗)
    sanbei = g.get("三北工程")
    m = Matcher({"三北工程": "x", "“三北”工程": "x"})
    text = "推进“三北”等重点生态工程建设，“三北”地区"
    assert [text[s:e] for s, e, _ in m.find(text)] == ["“三北”"]  # not the region “三北”地区
    assert g.get("六个倍增计划") is g.get("京蒙协作六个倍增计划")
    assert sanbei is not None


# -- content ------------------------------------------------------------------------------

def test_every_term_has_a_category(seeds):
    _, config, g = seeds
    assert [t.headword for t in g.ordered() if not t.category] == []
    assert all(e.category for e in config.glossary)


@pytest.mark.parametrize("term", ["中央八项规定精神", "中国式现代化", "共同富裕", "五个大起底", "第一议题", "五篇大文章"])
def test_frequent_terms_are_curated_with_a_source(seeds, term):
    _, config, _ = seeds
    entry = next(e for e in config.glossary if e.term == term)
    assert entry.definition and entry.source and entry.category
    assert any(ch.isdigit() for ch in entry.source)  # names a year


def test_polyphones_follow_the_phrase_reading():
    assert pinyin_of("三重一大") == "sān zhòng yī dà"
    assert pinyin_of("锡林郭勒盟") == "xī lín guō lè méng"


def test_no_stray_space_inside_definitions(seeds):
    reports, config, g = seeds
    import re

    from generator.text import CJK_SPACE
    for term in g.ordered():
        for d in term.definitions:
            outside = re.sub(r"“[^”]*”", "", d.text)  # a space inside a quotation may part a slogan
            assert not CJK_SPACE.search(outside), (term.headword, d.text)
    yuquan = next(r for r in reports if r.slug == "2022-yuquan-qu")
    recorded = [x for x in yuquan.removed if x.reason == "stray-space" and "名词解释" in x.detail]
    assert any("六大产业集群" in x.detail for x in recorded)  # 现代生 物医药: recorded, not lost
    assert "现代生物医药" in g.get("六大产业集群").definitions[0].text


# -- search index -------------------------------------------------------------------------

def test_report_sections_are_indexed_by_the_terms_they_use(tmp_path, seeds):
    from generator.site.search.term_field import FIELD, add_term_field

    _, _, g = seeds
    (tmp_path / "search").mkdir()
    index = {"config": {"fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}}, "docs": [
        {"location": "reports/x/#a", "title": "甲", "text": "<p>\u200b打赢\u200b“\u200b三北\u200b”\u200b工程\u200b攻坚战</p>"},
        {"location": "topics/y/", "title": "乙", "text": "<p>“三北”工程</p>"},
    ]}
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(index), encoding="utf-8")
    assert add_term_field(tmp_path, g.headword_surfaces()) == []
    out = json.loads((tmp_path / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert out["docs"][0][FIELD] == "三北工程"
    assert FIELD not in out["docs"][1]  # only report pages
    assert FIELD in out["config"]["fields"]


def test_a_report_term_no_table_lists_takes_its_topic_name():
    from generator.config import Topic
    from generator.glossary.categories import assign_categories
    from generator.model import Definition, Term

    def term(key, text):
        return Term(key, key, key, "", definitions=[Definition(text, "official", "某地 2024 名词解释")])

    terms = {"甲": term("甲", "推进风电、光伏和储能项目。"), "乙": term("乙", "只提到风电。"),
             "丙": term("丙", "无关。"), "丁": term("丁", "风电、光伏。")}
    topics = [Topic("能源", "neng-yuan", "", ["风电", "光伏", "储能"]), Topic("民生", "min-sheng", "", ["就业"], ["丙"])]
    assign_categories(terms, {"丁": "经济发展"}, topics)
    assert [terms[k].category for k in "甲乙丙丁"] == ["能源", "", "民生", "经济发展"]
