"""Cleaning: each layout artefact is removed, recorded, and nothing else is touched."""

from __future__ import annotations

import pytest

from conftest import SEED_FILES
from generator.ingest import parse_report, parse_text
from generator.ingest.fidelity import document_text


@pytest.fixture(scope="module")
def seeds():
    return {name: parse_report(path) for name, path in SEED_FILES.items()}


def removals(report, reason):
    return [r for r in report.removed if r.reason == reason]


def test_bookmark_removed_and_recorded(seeds):
    r = seeds["etuoke"]
    (rec,) = removals(r, "bookmark")
    assert (rec.text, rec.line) == ("[bookmark: _GoBack]", 65)
    assert "bookmark" not in document_text(r)


def test_meeting_headers_removed(seeds):
    etuoke = [(x.text, x.line) for x in removals(seeds["etuoke"], "meeting-header")]
    assert etuoke == [("旗十八届人大三次", 1), ("会议文件（二十三）", 2)]
    yuquan = [(x.text, x.line) for x in removals(seeds["yuquan"], "meeting-header")]
    assert yuquan == [("区十八届人大一次会议 文 件 之 二 十", 1)]
    for name in ("etuoke", "yuquan"):
        assert "人大" not in seeds[name].front[0].text
        assert seeds[name].front[0].text == "政府工作报告"


def test_jump_markers_removed_anywhere_on_the_line(seeds):
    r = seeds["wulanchabu"]
    assert [(x.text, x.line) for x in removals(r, "jump-marker")] == [("(上接第一版)", 5), ("(下转第七版)", 130)]
    text = document_text(r)
    assert "上接" not in text and "下转" not in text
    last = list(r.paragraphs())[-1][1]
    assert last.text.endswith("更好凝聚民心民力。")


@pytest.mark.parametrize("marker", ["(上接第一版)", "（下转第四版）", "（紧接第一版）", "(下转第4版)"])
def test_jump_marker_variants(marker):
    r = parse_text(f"一、工作回顾\n今年经济增长。{marker}\n", "jump.txt")
    assert r.sections[0].paragraphs[0].text == "今年经济增长。"
    assert [x.text for x in removals(r, "jump-marker")] == [marker]


def test_letter_spaced_words_read_as_words(seeds):
    r = seeds["yuquan"]
    assert r.sections[-1].title == "名词解释"
    (rec,) = removals(r, "letter-spacing")
    assert rec.text.strip(" ") == "" and len(rec.text) == 3 and rec.line == 199
    spaced = parse_text("政 府 工 作 报 告\n\n各位代表：\n一、回顾\n正文。\n", "spaced.txt")
    assert spaced.front[0].text == "政府工作报告"


def test_stray_spaces_between_han_characters_are_removed_and_recorded(seeds):
    r = seeds["yuquan"]
    text = r.preamble[1].text
    assert text.startswith("现在,我代表区人民政府向大会报告工作,请予审议,并请政协委员")
    stray = removals(r, "stray-space")
    in_text = [x for x in stray if "名词解释" not in x.detail]  # the rest: 名词解释 definitions
    assert 45 <= len(in_text) <= 60 and all(x.text.strip() == "" for x in stray)
    assert 1 <= len(stray) - len(in_text) <= 20  # 现代生 物医药, 周边 100%围挡 …
    assert r.speaker.name == "南男" and any(" " in p.text for p in r.front)  # title block untouched


def test_broken_paragraphs_are_joined_and_recorded(seeds):
    r = seeds["wulanchabu"]
    joined = [p for _, p in r.paragraphs() if p.text.startswith("在这里,我代表市人民政府")]
    assert len(joined) == 1
    assert joined[0].text.endswith("表示衷心的感谢和崇高的敬意!")
    assert all(not p.text.startswith("的感谢和崇高的敬意") for _, p in r.paragraphs())
    joins = removals(r, "line-join")
    assert any(x.line == 39 and x.text == "\n\n" for x in joins)


def test_yuquan_line_breaks_joined(seeds):
    r = seeds["yuquan"]
    paras = r.sections[0].sections[0].paragraphs
    assert len(paras) == 1 and "在疫情一线与人民群众并肩作战" in paras[0].text
    assert len(removals(r, "line-join")) == 16


def test_verbatim_repeats_kept_once(seeds):
    r = seeds["wulanchabu"]
    texts = [p.text for _, p in r.paragraphs()]
    for start in ("风险防范有质有效", "各位代表,春华秋实,岁月丰成", "我们也清醒地看到工作中的问题和不足"):
        assert sum(t.startswith(start) for t in texts) == 1, start
    dup = removals(r, "duplicate-paragraph")
    assert [x.line for x in dup] == [52, 62, 64, 68]
    assert dup[0].text.startswith("风险防范有质有效") and "line 31" in dup[0].detail


def test_short_repeats_are_not_dropped():
    r = parse_text("一、甲\n抓落实。\n二、乙\n抓落实。\n", "short.txt")
    assert [p.text for _, p in r.paragraphs()] == ["抓落实。", "抓落实。"]


def test_markdown_markup_removed_and_recorded():
    text = "# 政府工作报告\n\n**一、回顾**  \n\n**——经济增长。**全年增长5%[^1]。\n\n[^1]: 增长：同比。\n"
    r = parse_text(text, "md.md")
    para = r.sections[0].paragraphs[0]
    assert para.text == "——经济增长。全年增长5%。"
    assert para.text[: para.lead] == "——经济增长。"
    md = removals(r, "markdown")
    assert sorted(x.text for x in md) == sorted(["# ", "**", "**", "**", "**", "[^1]", "[^1]: "])
    assert "**" not in document_text(r) and "#" not in document_text(r)


def test_html_comment_lines_removed_but_glossary_title_kept():
    text = ("一、回顾\n正文。\n<!-- 市长作报告。记者 摄 -->\n<!-- 名词解释 -->\n"
            "四风：形式主义、官僚主义、享乐主义、奢靡之风。\n")
    r = parse_text(text, "c.md")
    assert "记者" not in document_text(r)
    assert [x.text for x in removals(r, "html-comment")][0] == "<!-- 市长作报告。记者 摄 -->"
    assert r.sections[-1].kind == "glossary"
    assert [(e.term, e.definition) for e in r.glossary] == [("四风", "形式主义、官僚主义、享乐主义、奢靡之风。")]


def test_markdown_and_html_special_characters_kept_as_text():
    text = "一、回顾\n\t  收入增长 <5% & 支出 *下降* [见表] `代码` # 号。\n"
    r = parse_text(text, "special.txt")
    assert r.sections[0].paragraphs[0].text == "\t  收入增长 <5% & 支出 *下降* [见表] `代码` # 号。"
    assert removals(r, "markdown") == []


def test_every_seed_removal_has_a_reason_and_line(seeds):
    for name, r in seeds.items():
        for rec in r.removed:
            assert rec.reason and rec.line >= 1 and rec.text, (name, rec)
