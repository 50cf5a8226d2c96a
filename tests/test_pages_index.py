"""Home page, reports overview table and year pages."""

from __future__ import annotations

from pages_support import context, h1_count, html_table_rows, page_map

from generator.site.pages import home as index_pages
from generator.site.render import urls


def _pages(glossary=None):
    return page_map(index_pages.pages(context(glossary)))


def _rows(content: str) -> list[list[str]]:
    return html_table_rows(content)


def test_overview_links_every_report_by_province_region_and_year():
    """One table per top-level region, one row per region (hierarchy order), every report a
    year link: any report is one click from 报告, and the page grows by a link per report."""
    ctx = context()
    content = _pages()[urls.REPORTS_INDEX].content
    assert h1_count(content) == 1
    rows = [row for row in _rows(content) if row[0] not in ("地区", "---")]
    regions = [row[0].strip("\u3000").split("]")[0].lstrip("[") for row in rows]
    assert regions == ["内蒙古自治区", "玉泉区", "鄂托克旗", "乌兰察布市", "锡林郭勒盟", "某某新区"]
    wulanchabu = rows[3]
    assert wulanchabu[1] == "地级" and wulanchabu[2] == "2"
    assert wulanchabu[3] == "[2023](2023-wulanchabu-shi.md) · [2024](2024-wulanchabu-shi.md)"
    assert rows[2][0] == "\u3000\u3000[鄂托克旗](../regions/e-tuo-ke-qi.md)"  # indented by depth
    for report in ctx.reports:
        assert f"]({report.slug}.md)" in content
    assert 'class="w"' in content  # 级别 is hidden on phones
    assert "## 内蒙古自治区（6 篇） {#p-nei-meng-gu-zi-zhi-qu}" in content


def test_year_pages_list_that_years_reports():
    pages = _pages()
    assert set(p for p in pages if p.startswith("years/")) == {
        "years/index.md", "years/2022.md", "years/2023.md", "years/2024.md"}
    content = pages["years/2024.md"].content
    assert content.startswith("# 2024年政府工作报告")
    rows = _rows(content)
    assert len(rows) == 5
    # The link text is region and year (the full title is its tooltip), never a bare 政府工作报告.
    assert rows[0][0].startswith('[内蒙古自治区 2024](../reports/') and '"内蒙古自治区 2024年政府工作报告"' in rows[0][0]
    assert "../reports/2024-etuoke-qi.md" in content and "2022-yuquan-qu" not in content
    assert "[2023年](2023.md)" in content  # previous year
    index = pages[urls.YEARS_INDEX].content
    assert "- [2024年](2024.md)：5 篇报告" in index


def test_home_page_explains_and_counts():
    content = _pages()[urls.HOME].content
    assert h1_count(content) == 1
    # Entry cards (Material's grid cards) for 报告 / 地区 / 专题 / 术语表, each with its count.
    assert '<div class="grid cards" markdown>' in content
    cards = content.split('<div class="grid cards" markdown>')[1].split("</div>")[0]
    for title, count in (("[报告](reports/index.md)", "7 篇政府工作报告"), ("[地区](regions/index.md)", "6 个有报告的地区"),
                         ("[专题](topics/index.md)", "个专题"), ("[术语表](glossary/index.md)", "个术语")):
        assert f"-   **{title}**" in cards and count in cards
    assert "（如“内蒙古自治区 2024”）" in content
    for target in ("reports/index.md", "regions/index.md", "topics/index.md", "glossary/index.md",
                   "glossary/numerals.md", "about/index.md"):
        assert f"]({target})" in content
    assert "悬停" in content and "搜索" in content


def test_years_label_never_reads_as_a_range_it_is_not():
    """年份 2 个（2022、2024年）: two years with a gap are named, not written 2022—2024."""
    from generator.site.pages.home import years_label

    assert years_label([2022, 2024]) == "2022、2024年"
    assert years_label([2023, 2024, 2025]) == "2023—2025年"
    assert years_label(list(range(1998, 2027))) == "1998—2026年"
    assert years_label([2024]) == "2024年" and years_label([]) == ""
