"""Region pages for the whole hierarchy, and the nested 地区 overview."""

from __future__ import annotations

from pages_support import html_table_rows, context, h1_count, page_map

from generator.site.pages import region as region_pages
from generator.site.render import urls

EXPECTED = {  # name: (code, level label, children)
    "内蒙古自治区": ("150000", "省级", ["呼和浩特市", "鄂尔多斯市", "乌兰察布市", "锡林郭勒盟"]),
    "鄂尔多斯市": ("150600", "地级", ["鄂托克旗"]),
    "鄂托克旗": ("150624", "县级", []),
    "呼和浩特市": ("150100", "地级", ["玉泉区"]),
    "玉泉区": ("150104", "县级", []),
    "乌兰察布市": ("150900", "地级", []),
    "锡林郭勒盟": ("152500", "地级", []),
}


def _pages():
    return page_map(region_pages.pages(context()))


def _section(content: str, title: str) -> str:
    """Text under the ``## title`` heading up to the next level-2 heading."""
    lines, inside = [], False
    for line in content.splitlines():
        if line.startswith("## "):
            inside = line[3:].split(" {#")[0] == title
            continue
        if inside:
            lines.append(line)
    return "\n".join(lines)


def test_every_region_of_the_hierarchy_has_a_page_with_code_level_and_children():
    ctx = context()
    pages = page_map(region_pages.pages(ctx))
    assert ctx.region_path("鄂托克旗") == "regions/e-tuo-ke-qi.md"
    for name, (code, level, children) in EXPECTED.items():
        slug = name
        content = pages[ctx.region_path(name)].content
        assert h1_count(content) == 1 and content.startswith(f"# {name}\n"), slug
        assert f"行政区划代码：{code} · 级别：{level}" in content, slug
        listed = _section(content, "下级地区")
        positions = [listed.find(f"[{child}]") for child in children]
        assert all(p >= 0 for p in positions) and positions == sorted(positions), slug
        if not children:
            assert "## 下级地区" not in content


def test_parent_chain_and_reports_are_links():
    content = _pages()["regions/e-tuo-ke-qi.md"].content
    assert "上级地区：[内蒙古自治区](nei-meng-gu-zi-zhi-qu.md) › [鄂尔多斯市](e-er-duo-si-shi.md) › 鄂托克旗" in content
    # Region and year as link text, the full title as its tooltip.
    assert '[鄂托克旗 2024](../reports/2024-etuoke-qi.md "鄂托克旗 2024年政府工作报告")' in content
    assert "旗长 苏智雄" in content


def test_parent_without_own_reports_links_its_childrens_reports():
    # Each child is one row with its own reports as year links (the page grows with the
    # region's children, not with every report below it).
    content = _pages()["regions/e-er-duo-si-shi.md"].content
    assert "本站尚未收录这个地区本级的政府工作报告" in content
    assert ["[鄂托克旗](e-tuo-ke-qi.md)", "县级", "[2024](../reports/2024-etuoke-qi.md)", "1"] in \
        html_table_rows(_section(content, "下级地区"))


def test_reports_by_year():
    content = _pages()["regions/wu-lan-cha-bu-shi.md"].content
    assert content.index("2023-wulanchabu-shi") < content.index("2024-wulanchabu-shi")


def test_unresolved_region_still_has_a_page_with_a_note():
    content = _pages()["regions/mou-mou-xin-qu.md"].content
    assert content.startswith("# 某某新区")
    assert "未能识别的地区" in content and "行政区划代码" not in content
    assert "../reports/2024-mou-mou-xin-qu.md" in content


def test_overview_is_a_nested_tree_with_counts():
    content = _pages()[urls.REGIONS_INDEX].content
    assert h1_count(content) == 1
    lines = [line for line in content.splitlines() if line.lstrip().startswith("- [")]
    assert lines[0].startswith("- [内蒙古自治区](nei-meng-gu-zi-zhi-qu.md)（省级，150000）：本级 1 篇，含下级共 6 篇报告")
    assert "    - [鄂尔多斯市](e-er-duo-si-shi.md)（地级，150600）：本级 0 篇，含下级共 1 篇报告" in lines
    assert "        - [鄂托克旗](e-tuo-ke-qi.md)（县级，150624）：1 篇报告" in lines
    assert "    - [乌兰察布市](wu-lan-cha-bu-shi.md)（地级，150900）：2 篇报告" in lines
    assert lines[-1] == "- [某某新区](mou-mou-xin-qu.md)（未识别）：1 篇报告"
    assert len(lines) == len(EXPECTED) + 1


def test_mongolian_place_names_get_their_usual_pinyin():
    # pypinyin alone reads 勒 as "lei"; the address must read as people say the name.
    from generator.site.context import region_slug

    assert region_slug("锡林郭勒盟") == "xi-lin-guo-le-meng"
    assert region_slug("鄂托克旗") == "e-tuo-ke-qi"
