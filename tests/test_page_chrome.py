"""A page's chrome stays small however long the report: the sidebar's table of contents is
bounded, every section keeps its anchor, and Material's icons come from one stylesheet.

Builds (generator + `mkdocs build`) a site of one synthetic report with 20 parts of 20
sections each (420 headings, long section titles) and measures its page with
benchmarks/chrome.py, the code the page-weight benchmark uses.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.structure.toc import AnchorLink, TableOfContents

from conftest import ROOT
from generator.site.render import page_toc
from generator.site.render.chrome_icons import ICON_CSS

sys.path.insert(0, str(ROOT / "benchmarks"))
import chrome  # noqa: E402
import worker  # noqa: E402

CHROME_LIMIT = 30 * 1024
PARTS, SECTIONS = 20, 20
SLUG = "2024-bao-tou-shi"
_CN = "一二三四五六七八九十"


def _numeral(n: int) -> str:
    if n <= 10:
        return _CN[n - 1]
    tens, ones = divmod(n, 10)
    return (_CN[tens - 1] if tens > 1 else "") + "十" + (_CN[ones - 1] if ones else "")


def long_report() -> str:
    lines = ["包头市政府工作报告", "", "——2024年1月10日在包头市第十六届人民代表大会第三次会议上", "",
             "包头市人民政府市长 张三", "", "各位代表：", "", "现在，我代表市人民政府向大会报告工作，请予审议。", ""]
    for p in range(1, PARTS + 1):
        lines += [f"{_numeral(p)}、第{p}部分的工作安排", "", f"第{p}部分的总体要求是稳中求进。", ""]
        for s in range(1, SECTIONS + 1):
            lines += [f"（{_numeral(s)}）推进第{p}部分第{s}项重点任务建设并持续深化相关领域改革创新和制度完善工作确保各项举措取得实效", "",
                      f"第{p}部分第{s}项任务要加强统筹、狠抓落实。", ""]
    return "\n".join(lines)


def long_page() -> str:
    parts = [f"## 第{p}部分关于推进重点领域改革和扩大高水平对外开放的说明\n\n正文。\n\n"
             + "".join(f"### 第{p}部分第{q}条的详细说明\n\n正文。\n\n" for q in range(4)) for p in range(60)]
    return "# 长页面\n\n" + "".join(parts)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("chrome")
    reports = work / "reports"
    reports.mkdir()
    (reports / f"{SLUG}.txt").write_text(long_report(), encoding="utf-8")
    root = worker.make_project(work, reports, "material")
    (root / "docs_src").unlink()  # a copy, with one hand-written page (in the nav) of 300 headings
    shutil.copytree(ROOT / "docs_src", root / "docs_src")
    (root / "docs_src" / "about" / "long.md").write_text(long_page(), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
           "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return root / "site"


def _page(site: Path) -> str:
    return (site / "reports" / SLUG / "index.html").read_text(encoding="utf-8")


def _sidebar(html: str) -> str:
    return html.split('<nav class="md-nav md-nav--secondary"', 1)[1].split("</nav>\n</div>", 1)[0]


def test_a_report_with_hundreds_of_headings_has_bounded_chrome(site):
    html = _page(site)
    headings = re.findall(r'<h([23]) id="([^"]+)"', html)
    assert len(headings) == PARTS * (SECTIONS + 1)  # the report's 420 headings are all on the page
    assert chrome.chrome_bytes(html.encode("utf-8")) <= CHROME_LIMIT


def test_every_section_keeps_its_anchor_and_the_sidebar_links_real_ones(site):
    html = _page(site)
    ids = set(re.findall(r' id="([^"]+)"', html))
    permalinks = set(re.findall(r'<a class="headerlink"[^>]*href="#([^"]+)"', html))
    for level, anchor in re.findall(r'<h([23]) id="([^"]+)"', html):
        assert anchor in permalinks, anchor  # each heading keeps its id and its ¶ link
    links = re.findall(r'<a href="#([^"]+)" class="md-nav__link">', _sidebar(html))
    assert links and set(links) <= ids
    parts = [a for level, a in re.findall(r'<h([23]) id="([^"]+)"', html) if level == "2"]
    assert links == parts  # every part is in the sidebar, in order; its sections are reached from it


def test_long_titles_are_cut_in_the_sidebar_only(site):
    html = _page(site)
    title = "推进第1部分第1项重点任务建设并持续深化相关领域改革创新和制度完善工作确保各项举措取得实效"
    assert title in html.split('<article class="md-content__inner', 1)[1]  # the heading itself is whole
    toc = TableOfContents([AnchorLink(f"（一）{title}", "x", 2)])
    assert page_toc.short_title(f"（一）{title}").endswith("…")
    assert len(page_toc.short_title(f"（一）{title}")) == page_toc.TITLE_CHARS
    assert list(page_toc.bound_toc(toc))[0].id == "x"


def _nested(parts: int, sections: int, id_len: int = 40) -> TableOfContents:
    h1 = AnchorLink("报告", "top", 1)
    for p in range(parts):
        part = AnchorLink(f"第{p}部分", f"p{p}", 2)
        part.children = [AnchorLink(f"第{p}部分第{s}节" * 4, f"s{p}-{s}" + "节" * id_len, 3) for s in range(sections)]
        h1.children.append(part)
    return TableOfContents([h1])


def test_deepest_levels_go_first_then_entries_past_the_budget():
    bounded = list(page_toc.bound_toc(_nested(20, 20)))[0].children
    assert [e.id for e in bounded] == [f"p{p}" for p in range(20)] and not any(e.children for e in bounded)
    assert page_toc.markup_bytes(bounded) <= page_toc.BUDGET
    small = _nested(3, 2, id_len=1)
    assert page_toc.markup_bytes(list(page_toc.bound_toc(small))[0].children) == \
        page_toc.markup_bytes(list(small)[0].children)  # a short table of contents is left whole
    many = list(page_toc.bound_toc(_nested(600, 0)))[0].children
    assert page_toc.markup_bytes(many) <= page_toc.BUDGET
    *kept, more = many
    assert [e.id for e in kept] == [f"p{p}" for p in range(len(kept))]
    assert more.id == f"p{len(kept)}" and f"其余 {600 - len(kept)} 节" in more.title


def test_chrome_icons_come_from_one_stylesheet(site):
    html = _page(site)
    outside = html.split('<article class="md-content__inner', 1)[0]
    assert "<svg xmlns" not in outside  # no inline icon drawing in the header, drawer, footer
    used = set(re.findall(r'class="mi (mi-[0-9a-f]+)"', outside))
    assert len(used) >= 5  # logo, menu, search, palette, repository …
    css = (site / ICON_CSS).read_text(encoding="utf-8")
    assert all(f"svg.{name}{{--mi:url(\"data:image/svg+xml," in css for name in used)
    assert f'{ICON_CSS}">' in outside


def test_material_settings_are_the_same_object_in_utf8(site):
    html = _page(site)
    raw = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1)
    config = json.loads(raw)
    assert "\\u" not in raw and "navigation.instant" in config["features"]
    assert config["translations"]["search.result.placeholder"] == "键入以开始搜索"


def test_a_page_in_the_nav_shows_its_toc_twice_and_still_has_bounded_chrome(site):
    html = (site / "about" / "long" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="md-nav md-nav--secondary"') == 2  # the sidebar and the drawer
    assert len(re.findall(r'<h[23] id="', html)) == 60 * 5
    assert chrome.chrome_bytes(html.encode("utf-8")) <= CHROME_LIMIT


def test_no_page_carries_more_than_the_shared_chrome(site):
    """Every page's chrome stays at Material's shared parts: a regression that puts the
    icons back inline (4 KB) or grows the sidebar shows in the median."""
    pages = chrome.page_weights(site)
    assert max(p.chrome for p in pages) <= CHROME_LIMIT
    assert sorted(p.chrome for p in pages)[len(pages) // 2] <= 14 * 1024


def test_icon_stylesheet_keeps_the_rules_of_pages_not_rendered_again():
    from generator.site.render.chrome_icons import IconSheet

    first, second = IconSheet(), IconSheet()
    first.page('<link rel="stylesheet" href="../assets/stylesheets/main.x.min.css">'
               '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M1 1h2"/></svg>')
    out = second.page('<link rel="stylesheet" href="assets/stylesheets/main.x.min.css">'
                      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M2 2h3"/></svg>'
                      '<article class="md-content__inner md-typeset"><svg xmlns="http://www.w3.org/2000/svg" '
                      'viewBox="0 0 9 9"><path d="M0 0"/></svg></article>')
    assert '<link rel="stylesheet" href="stylesheets/chrome-icons.css">' in out  # from the site root
    assert 'viewBox="0 0 9 9"><path' in out  # a drawing inside the article stays inline
    css = second.css(first.css())  # a serve rebuild that rendered one page: both icons kept
    assert set(first.icons) | set(second.icons) == set(re.findall(r"^svg\.(mi-[0-9a-f]+)\{", css, re.M))
    assert second.css(first.css()) == second.css(second.css(first.css()))  # stable
