"""Glossary index views: pinyin letter groups, categories, numeral groups, candidates."""

from __future__ import annotations

import re

from pages_support import glossary_context, h1_count, page_map
from pypinyin import Style, lazy_pinyin

from generator.model import Term
from generator.site.pages import glossary_index
from generator.site.render import urls
from generator.site.facts.term_groups import letter_of, numeral_groups, numeral_of


def _pages():
    ctx = glossary_context()
    return ctx, page_map(glossary_index.pages(ctx))


def _term(headword: str) -> Term:
    return Term(key=headword, headword=headword, slug="x", pinyin="")


def _linked_terms(section: str) -> list[str]:
    return re.findall(r"^\| \[([^\]]+)\]", section, re.M)


def test_index_lists_every_term_in_pinyin_order_under_letter_headings():
    ctx, pages = _pages()
    content = pages[urls.GLOSSARY_INDEX].content
    assert h1_count(content) == 1
    letters = re.findall(r"^## (\S+) \{#letter-", content, re.M)
    assert letters == ["数字开头", "A", "L", "Q", "S"]
    listed = _linked_terms(content)
    assert sorted(listed) == sorted(t.headword for t in ctx.glossary.terms.values())
    assert listed[1:] == sorted(listed[1:], key=lambda h: lazy_pinyin(h.strip("“”"), style=Style.TONE3))
    for part in content.split("\n## ")[2:]:
        letter = part[0]
        for headword in _linked_terms(part):
            assert lazy_pinyin(headword.strip("“”"))[0][0].upper() == letter
    # short definition and usage count per row
    assert "| [三北工程](san-bei-gong-cheng.md) | 三北防护林体系建设工程的简称，在西北、华北、东北风沙危害和水土流失地区营造防护林。 | 2 |" in content
    assert "[A](#letter-a)" in content


def test_letters():
    assert letter_of(_term("“四办”改革")) == "S"
    assert letter_of(_term("阿尔巴斯绒山羊")) == "A"
    assert letter_of(_term("5G基站")) == "#"
    assert letter_of(_term("VOCs治理")) == "V"


def test_numeral_grouping():
    assert numeral_of(_term("“两个确立”")) == "2"
    assert numeral_of(_term("二十大")) == "2"
    assert numeral_of(_term("双碳")) == "2"
    assert numeral_of(_term("三个四")) == "3"
    assert numeral_of(_term("十四五")) == "10"
    assert numeral_of(_term("4个沙戈荒大型风电光伏基地")) == "4"
    assert numeral_of(_term("千万工程")) == "100"
    assert numeral_of(_term("三北工程")) == "3"
    assert numeral_of(_term("放管服")) is None
    groups = numeral_groups([_term(h) for h in ["七个作模范", "两个确立", "十四五", "一网通办", "放管服", "五大任务"]])
    assert [(title, [t.headword for t in terms]) for _, title, terms in groups] == [
        ("一", ["一网通办"]), ("二（两、双）", ["两个确立"]), ("五", ["五大任务"]), ("七", ["七个作模范"]),
        ("十", ["十四五"])]


def test_numerals_page():
    _, pages = _pages()
    content = pages[urls.GLOSSARY_BY_NUMERAL].content
    assert h1_count(content) == 1
    headings = re.findall(r"^## (\S+) \{#num-", content, re.M)
    assert headings == ["二（两、双）", "三", "四", "七", "十"]
    assert "[阿尔巴斯绒山羊]" not in content
    sections = dict(re.findall(r"^## (\S+) \{#num-\d+\}\n\n((?:.*\n?)+?)(?=^## |\Z)", content, re.M))
    assert _linked_terms(sections["七"]) == ["七个作模范"]
    assert _linked_terms(sections["四"]) == ["4个沙戈荒大型风电光伏基地"]


def test_categories_page():
    _, pages = _pages()
    content = pages[urls.GLOSSARY_BY_CATEGORY].content
    headings = re.findall(r"^## (\S+) \{#cat-", content, re.M)
    assert headings[-1] == "未分类"
    assert set(headings) == {"生态环境", "政治", "规划", "能源", "未分类"}


def test_candidates_page_is_outside_the_navigation():
    ctx, pages = _pages()
    page = pages[urls.CANDIDATES]
    assert not page.in_nav
    assert "\n# 候选术语" in page.content and "exclude: true" in page.content  # not in search either
    assert "| 放管服 | 1 | [内蒙古自治区 2024年政府工作报告](../reports/2024-neimenggu-zizhiqu.md) |" in page.content


def test_unused_curated_terms_are_marked(root):
    """Curated terms no seed report uses (13 of them) say so in the index's 用例 column."""
    from conftest import SEEDS
    from generator.config import load_config
    from generator.glossary import build_glossary
    from generator.ingest import load_reports
    from generator.site.context import SiteContext
    from generator.site.pages import glossary_index

    config = load_config(root)
    reports, diags = load_reports(SEEDS, config)
    ctx = SiteContext.create(root, config, reports, build_glossary(reports, config), diags)
    index = {p.path: p for p in glossary_index.pages(ctx)}["glossary/index.md"].content
    unused = [t for t in ctx.glossary.ordered() if ctx.glossary.usage_count(t.key) == 0]
    assert unused and index.count(glossary_index.UNUSED) == len(unused)
