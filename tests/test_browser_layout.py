"""The seed site on a phone (390 px) and a desktop (1280 px), in headless Chromium.

- no page scrolls sideways at 390 px, and nothing in the content runs past the screen's
  edge, except inside a marked scroll container (``.scroll-x``, render/tables.py);
- the topic × region matrix scrolls inside its box with the region column in place, its
  cells shaded by count with the count as text, a scroll cue shown on the phone;
- report tables use region + year as link text and drop secondary columns on the phone;
- the home page's entry cards lead to 报告 / 地区 / 专题 / 术语表.

Which pages the overflow check reads: every built page of the seed site, term pages
included (about 2.5 min for all of them on the shared 2-core machine). Screenshots land in $BROWSER_SHOTS or a pytest tmp folder.
"""

from __future__ import annotations

import pytest

from browser_support import new_page

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
TERM_SAMPLE = 1  # every term page (a larger step would sample them)

# Problems of the page at its current width: the document scrolls sideways, an element
# other than a marked box scrolls sideways, or an element runs past the screen's right edge
# (content cut off) outside a marked box.
OVERFLOW_JS = """() => {
  const doc = document.documentElement;
  const problems = [];
  if (doc.scrollWidth > doc.clientWidth) problems.push(`page scrolls: ${doc.scrollWidth} > ${doc.clientWidth}`);
  const edge = doc.clientWidth + 1;
  for (const el of document.querySelectorAll("article *")) {
    if (el.closest(".scroll-x")) continue;
    const style = getComputedStyle(el);
    if (el.scrollWidth > el.clientWidth + 1 && ["auto", "scroll"].includes(style.overflowX))
      problems.push(`scrolls sideways outside a marked box: ${el.tagName}.${el.className} (${el.scrollWidth} > ${el.clientWidth})`);
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > edge && style.position !== "fixed")
      problems.push(`runs past the screen: ${el.tagName}.${el.className} "${(el.textContent || "").trim().slice(0, 20)}"`);
  }
  return problems.slice(0, 3);
}"""


def _pages_to_check(built_site) -> list[str]:
    pages = sorted(str(p.parent.relative_to(built_site)) for p in built_site.rglob("index.html"))
    pages = ["" if p == "." else p + "/" for p in pages if not p.startswith(("assets", "search"))]
    terms = [p for p in pages if p.startswith("glossary/") and p.count("/") == 2 and
             not p.startswith(("glossary/by-", "glossary/categories", "glossary/numerals", "glossary/letters"))]
    return [p for p in pages if p not in terms] + terms[::TERM_SAMPLE]


def test_no_page_scrolls_sideways_on_a_phone(chromium, site_url, built_site):
    pages = _pages_to_check(built_site)
    kinds = {p.split("/")[0] for p in pages}
    assert {"", "reports", "regions", "topics", "years", "glossary", "targets", "about", "data"} <= kinds
    page = new_page(chromium, site_url)
    page.set_viewport_size(PHONE)
    problems = {}
    try:
        for path in pages:
            page.goto(site_url + path, wait_until="load")
            found = page.evaluate(OVERFLOW_JS)
            if found:
                problems[path] = found
    finally:
        page.context.close()
    assert problems == {}, "\n".join(f"{p}: {v}" for p, v in problems.items())


def test_topic_matrix_scrolls_in_its_box_with_the_region_column_fixed(page, site_url, shot):
    page.set_viewport_size(PHONE)
    page.goto(site_url + "topics/")
    box = page.locator("article .scroll-x").first
    box.scroll_into_view_if_needed()
    assert page.locator("article .scroll-cue").first.is_visible()  # the cue, on the phone
    width, inner = box.evaluate("b => [b.clientWidth, b.scrollWidth]")
    assert inner > width  # 13 topics do not fit 390 px: the box scrolls …
    region = box.locator("tbody th").first
    before = region.bounding_box()["x"]
    first_count = box.locator("tbody td").first
    count_before = first_count.bounding_box()["x"]
    shot("matrix-390")
    box.evaluate("b => { b.scrollLeft = 200; }")
    page.wait_for_timeout(100)
    assert abs(region.bounding_box()["x"] - before) < 1  # … the region column stays
    assert first_count.bounding_box()["x"] < count_before - 100  # … the counts move
    shot("matrix-390-scrolled")
    # Heat map: every count is text, its cell shaded; zero cells are not.
    cells = box.locator("tbody td")
    shades = cells.evaluate_all("""cs => cs.map(c => [c.innerText.trim(), c.className,
                                    getComputedStyle(c).backgroundColor])""")
    assert all(text.isdigit() for text, _, _ in shades)
    for text, cls, colour in shades:
        if text == "0":
            assert cls == "heat-0" and colour in ("rgba(0, 0, 0, 0)", "transparent")
        else:
            assert cls.startswith("heat-") and cls != "heat-0" and colour not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]


def test_topic_matrix_fits_a_desktop_without_a_cue(page, site_url, shot):
    page.set_viewport_size(DESKTOP)
    page.goto(site_url + "topics/")
    box = page.locator("article .scroll-x").first
    box.scroll_into_view_if_needed()
    assert not page.locator("article .scroll-cue").first.is_visible()
    headers = box.locator("thead th")
    assert headers.count() == 14  # 地区 and the 13 topics
    assert all(headers.nth(i).bounding_box()["x"] + headers.nth(i).bounding_box()["width"]
               <= box.bounding_box()["x"] + box.bounding_box()["width"] + 1 for i in range(headers.count()))
    shot("matrix-1280")


def test_report_tables_use_region_and_year_and_fewer_columns_on_a_phone(page, site_url, shot):
    page.set_viewport_size(PHONE)
    page.goto(site_url + "years/2024/")
    table = page.locator("article table.report-table")
    visible = [h.inner_text().strip() for h in table.locator("thead th").all() if h.is_visible()]
    assert visible == ["报告", "日期", "字数"]
    link = table.locator('tbody a[href$="reports/2024-etuoke-qi/"]')
    assert link.inner_text().strip() == "鄂托克旗 2024"
    assert link.get_attribute("title") == "鄂托克旗 2024年政府工作报告"
    height = link.bounding_box()["height"]
    line = link.evaluate("a => parseFloat(getComputedStyle(a).lineHeight)")
    assert height < 1.5 * line  # one line: the link text never breaks
    shot("year-390")
    page.set_viewport_size(DESKTOP)
    visible = [h.inner_text().strip() for h in table.locator("thead th").all() if h.is_visible()]
    assert visible == ["报告", "地区", "级别", "日期", "报告人", "字数", "术语数"]


def test_home_page_cards_lead_to_the_four_parts(page, site_url, shot):
    page.goto(site_url)
    cards = page.locator("article .grid.cards > ul > li")
    assert cards.count() == 4
    titles = [cards.nth(i).locator("a").first for i in range(4)]
    assert [t.inner_text().strip() for t in titles] == ["报告", "地区", "专题", "术语表"]
    boxes = [cards.nth(i).bounding_box() for i in range(4)]
    assert boxes[0]["y"] == boxes[1]["y"]  # a grid: two cards a row on the desktop
    shot("home-1280")
    titles[1].click()
    page.wait_for_url(site_url + "regions/")
    page.set_viewport_size(PHONE)
    page.goto(site_url)
    shot("home-390")
    boxes = [cards.nth(i).bounding_box() for i in range(4)]
    assert boxes[0]["y"] < boxes[1]["y"]  # one card a row on the phone
