"""Term pages: headword title, every definition labelled with its source, occurrences."""

from __future__ import annotations

from pages_support import glossary_context, h1_count, page_map

from generator.site.pages import term as term_pages
from generator.site.render import urls


def _pages():
    ctx = glossary_context()
    return ctx, page_map(term_pages.pages(ctx))


def test_every_term_has_a_page_titled_by_its_headword():
    ctx, pages = _pages()
    assert len(pages) == len(ctx.glossary.terms)
    for term in ctx.glossary.ordered():
        content = pages[urls.term_page(term.slug)].content
        assert h1_count(content) == 1
        assert content.splitlines()[0] == f"# {term.headword}"
        assert f"**{term.headword}**" in content.split("## ")[0]  # plain text near the top
    assert urls.term_page("san-bei-gong-cheng") in pages


def test_aliases_pinyin_and_category_near_the_top():
    _, pages = _pages()
    top = pages["glossary/san-bei-gong-cheng.md"].content.split("## ")[0]
    assert "又作：三北防护林工程" in top
    assert "拼音：sān běi gōng chéng" in top and "类别：生态环境" in top


def test_multi_source_term_shows_every_definition_with_labels_and_links():
    _, pages = _pages()
    content = pages["glossary/qi-ge-zuo-mo-fan.md"].content
    assert "共 3 条释义（2 条来自报告的名词解释，1 条由本站整理）" in content
    assert '!!! quote "官方释义 · 鄂托克旗 2024 名词解释"' in content
    assert '!!! quote "官方释义 · 内蒙古自治区 2024 名词解释"' in content
    assert "[鄂托克旗 2024年政府工作报告 名词解释](../reports/2024-etuoke-qi.md#mc-1)" in content
    assert "[内蒙古自治区 2024年政府工作报告 名词解释](../reports/2024-neimenggu-zizhiqu.md#mc-1)" in content
    assert '!!! info "本站整理 · 《关于全方位建设模范自治区的决定》（2023年）"' in content
    assert "在铸牢中华民族共同体意识上作模范" in content  # the definitions' own text
    # a definition naming another term links to it
    assert "[三北工程](san-bei-gong-cheng.md" in content.split("## 出现位置")[0]


def test_occurrences_link_to_exact_paragraphs_with_escaped_snippets():
    _, pages = _pages()
    content = pages["glossary/qi-ge-zuo-mo-fan.md"].content
    occ = content.split("## 出现位置")[1]
    assert "共 2 处，见于 2 篇报告" in occ
    assert "鄂托克旗 2024年政府工作报告（1 处）" in occ
    assert "](../reports/2024-etuoke-qi.md#p1-4)" in occ
    assert "](../reports/2024-neimenggu-zizhiqu.md#p1-3)" in occ
    assert "“**七个作模范**”" in occ  # the term in bold
    assert "<b>" not in occ and "&lt;b&gt;" in occ  # report markup shows as text
    assert "*x*" not in occ and "&#42;x&#42;" in occ


def test_usage_table_and_related_terms():
    _, pages = _pages()
    content = pages["glossary/san-bei-gong-cheng.md"].content
    usage = content.split("## 各地各年用例")[1].split("## ")[0]
    assert "| [鄂托克旗](../regions/e-tuo-ke-qi.md) | 2 |" in usage
    related = content.split("## 相关术语")[1]
    assert "在释义中提到本词的术语：[七个作模范](qi-ge-zuo-mo-fan.md" in related


def test_headings_never_contain_links():
    _, pages = _pages()
    for page in pages.values():
        for line in page.content.splitlines():
            if line.startswith("#"):
                assert "](" not in line, line


def test_section_labels_are_not_double_bracketed():
    """An excerpt's source section that opens with its own bracket (（一）…) is not wrapped
    in another pair: （（一）全力以赴抓政策落地。） reads ——（一）全力以赴抓政策落地。"""
    from generator.site.render.excerpts import where_link

    assert where_link("（一）全力以赴抓政策落地。", "x.md#p1") == " ——[（一）全力以赴抓政策落地。](x.md#p1)"
    assert where_link("二、2024年工作安排", "x.md#p2") == " （[二、2024年工作安排](x.md#p2)）"
