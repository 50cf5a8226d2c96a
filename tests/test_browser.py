"""The built seed site in headless Chromium, the way a reader uses it.

- search: typing a glossary headword into Material's search box lists the term's own
  page (the issue: it must be the FIRST result);
- tooltips: hovering a term link in a report shows its short definition;
- report → term page → back to the cited paragraph through an 出现位置 snippet link;
- region and topic pages show what a reader looks for;
- the page around the content (header, navigation, footer) speaks Chinese.

Material's query segmenter drops a Chinese query's last character; the build patches
it (generator/site/search/material_fix.py), and the search tests hold that fix to account.

One `mkdocs build --strict` and one browser per session (tests/browser_support.py).
Screenshots land in $BROWSER_SHOTS or a pytest tmp folder. Skips only when no browser
can be driven (no Playwright or no Chromium).
"""

from __future__ import annotations

import html
import re
from urllib.parse import unquote, urlsplit

import pytest

from browser_support import ROOT, expect, new_page  # fixtures come from conftest's pytest_plugins

pytestmark = pytest.mark.browser

ZWSP = "\u200b"  # Material's search shows jieba's word breaks as zero-width spaces
SEARCH_TERMS = {
    "三北工程": "glossary/san-bei-gong-cheng/",
    "七个作模范": "glossary/qi-ge-zuo-mo-fan/",
    "两个确立": "glossary/liang-ge-que-li/",
}
# Why the first result is not the term page (found by running Material 9.8.1's own
# search worker on the built index, patched and unpatched): before searching, the
# worker cuts every run of Han characters with `segment()` (query/segment/index.ts),
# which only tries slices that END BEFORE the last character (`j < query.length`).
# A query that is itself an index token (jieba keeps 三北工程 whole, thanks to the
# user dictionary) is therefore cut into its longest proper prefix plus single
# characters, and its last character is dropped: 三北工程 -> "三北** 工*",
# 七个作模范 -> "七个** 作** 模*", 两个确立 -> "两个** 确*". Every title starting with
# 两个/七个 (两个屏障, 七个摒弃, …) or with a 工-word (工业与产业) then competes with the
# term. The doubled wildcard (segments joined with "* ", then transform() appends
# another "*") also makes the worker report the prefix as unmatched, which is the
# "缺少: 三北* 工" line under the exact hit and costs it the coverage bonus. Letting
# the loop reach the end (`j <= query.length`) puts all three term pages first
# (scores ~15000-21000 against < 20 for the next result).

# Material's partials/copyright.html hard-codes an English "Made with" line in every
# footer; `extra: {generator: false}` in mkdocs.yml removes it.

ETUOKE = "reports/2024-etuoke-qi/"
TERM = "两个确立"
TERM_PAGE = "glossary/liang-ge-que-li/"


def path_of(url: str, base: str) -> str:
    """Site-relative path of an absolute URL, without query string or fragment."""
    assert url.startswith(base), url
    return unquote(urlsplit(url).path)[len(urlsplit(base).path):]


def visible_text(locator) -> str:
    return locator.inner_text().replace(ZWSP, "")


def heading_text(locator) -> str:
    """A heading as read: without the ¶ permalink Material shows on hover."""
    return visible_text(locator).removesuffix("¶").strip()


def expect_heading(page, text: str):
    """After a navigation: wait until the page's H1 reads ``text`` (permalink aside)."""
    expect(page.locator("article h1")).to_have_text(re.compile(rf"^{re.escape(text)}¶?$"))


def assert_no_site_errors(page):
    assert page.site_errors == [], "\n".join(page.site_errors)


def in_viewport(page, locator) -> bool:
    """True when the element's top edge is on screen, below Material's sticky header."""
    box = locator.bounding_box()
    header = page.locator("header.md-header").bounding_box()
    viewport = page.viewport_size
    return box is not None and header["height"] - 2 <= box["y"] < viewport["height"] - 20


def follow_excerpt_link(page, site_url: str, link) -> str:
    """Click an excerpt's section link (「…摘录… （章节名）」) and check the reader lands on
    the quoted paragraph: URL with its #anchor, the paragraph scrolled to the top part
    of the screen below the header, holding the excerpt's text. Returns that text."""
    anchor = link.get_attribute("href").rsplit("#", 1)[1]
    report = path_of(link.evaluate("a => a.href"), site_url)
    excerpt = visible_text(link.locator("xpath=..")).rsplit("（", 1)[0]
    quoted = max(re.split(r"[…“”\"（）()]", excerpt), key=len).strip()
    assert len(quoted) >= 10, excerpt
    link.scroll_into_view_if_needed()
    link.click()
    page.wait_for_url(f"{site_url}{report}#{anchor}")
    page.wait_for_function(
        """id => { const r = document.getElementById(id).getBoundingClientRect();
                   return r.top >= 0 && r.top < window.innerHeight / 2; }""", arg=anchor, timeout=5000)
    para = page.locator(f'[id="{anchor}"]')
    assert in_viewport(page, para), para.bounding_box()
    text = visible_text(para)
    assert quoted in text, f"{quoted!r} not in #{anchor}: {text[:80]}…"
    return text


class SearchResult:
    """What the reader sees after typing one query: result pages in order."""

    def __init__(self, page, site_url: str, query: str):
        self.query = query
        self.meta = visible_text(page.locator(".md-search-result__meta"))
        self.pages, self.titles, self.marks, self.missing = [], [], [], []
        for item in page.locator("li.md-search-result__item").all():
            link = item.locator("> a.md-search-result__link").first  # the page; sections follow
            self.pages.append(path_of(link.get_attribute("href"), site_url))
            title = link.locator("article > h1")
            self.titles.append(visible_text(title))
            self.marks.append([visible_text(m) for m in title.locator("mark").all()])
            missing = link.locator("article > .md-search-result__terms")
            self.missing.append(visible_text(missing) if missing.count() else "")


@pytest.fixture(scope="module")
def search_results(chromium, site_url, shots_dir):
    """Type each query into Material's search box on the home page; keep the results.

    The word is committed at once and then a key is released, as with a Chinese IME
    (Material reads the box on keyup, on focus and when its worker is ready), so
    exactly one query reaches the search worker; the box is emptied, and the result
    list seen empty, before the next query, so results never belong to the previous one."""
    page = new_page(chromium, site_url)
    try:
        page.goto(site_url)
        box = page.locator("input.md-search__input")
        assert box.get_attribute("placeholder") == "搜索"
        box.click()
        results = {}
        for query, slug in SEARCH_TERMS.items():
            box.fill("")
            box.press("End")
            page.locator("li.md-search-result__item").first.wait_for(state="detached")
            box.fill(query)
            box.press("End")
            page.locator("li.md-search-result__item").first.wait_for(state="visible")
            results[query] = SearchResult(page, site_url, query)
            page.screenshot(path=str(shots_dir / f"search-{slug.split('/')[1]}.png"))
        results["errors"] = list(page.site_errors)
        return results
    finally:
        page.context.close()


# -- search ---------------------------------------------------------------------------

def test_search_runs_without_errors(search_results):
    assert search_results["errors"] == []
    for query in SEARCH_TERMS:
        assert re.fullmatch(r"\d+ 个符合条件的结果", search_results[query].meta), search_results[query].meta


@pytest.mark.parametrize("term", list(SEARCH_TERMS))
def test_search_lists_term_page_on_first_screen(search_results, term):
    result = search_results[term]
    top = result.pages[:3]
    assert SEARCH_TERMS[term] in top, f"{term}: term page not among the first results {top}"
    i = result.pages.index(SEARCH_TERMS[term])
    # the headword is one highlighted word (jieba kept it whole), not split up
    assert (result.titles[i], result.marks[i]) == (term, [term])


@pytest.mark.parametrize("term", list(SEARCH_TERMS))
def test_search_first_result_is_term_page(search_results, term):
    result = search_results[term]
    assert result.pages[0] == SEARCH_TERMS[term], f"{term}: first result is {result.pages[0]}"
    assert result.missing[0] == "", f"{term}: the hit says {result.missing[0]!r}"


# -- tooltips -------------------------------------------------------------------------

def _hover_tooltip(page, link):
    """Hover ``link``; return Material's tooltip once it is fully shown."""
    link.scroll_into_view_if_needed()
    link.hover()
    tip = page.locator(".md-tooltip2--active[role=tooltip]")
    tip.wait_for(state="visible")
    page.wait_for_function(
        "el => getComputedStyle(el).opacity === '1'", arg=tip.element_handle(), timeout=3000)
    return tip


def test_term_link_tooltip_shows_headword_gloss_and_source(page, site_url, built_site, shot):
    source = (built_site / ETUOKE / "index.html").read_text(encoding="utf-8")
    m = re.search(r'<p id="(p[\d-]+)">(?:(?!</p>).)*?<a data-src="([^"]+)" href="../../%s" title="([^"]+)">%s</a>'
                  % (re.escape(TERM_PAGE), re.escape(TERM)), source)
    assert m, f"no {TERM} link with a title and a source in {ETUOKE}"
    anchor, origin, gloss = m.group(1), html.unescape(m.group(2)), html.unescape(m.group(3))
    assert "习近平新时代中国特色社会主义思想的指导地位" in gloss  # the whole sentence, not a cut
    assert origin == "玉泉区 2022 名词解释"

    page.goto(site_url + ETUOKE)
    link = page.locator(f'p#{anchor} a[href$="{TERM_PAGE}"]').first
    tip = _hover_tooltip(page, link)
    shot("tooltip")
    assert tip.count() == 1
    # headword, gloss and where the gloss comes from, each on its own line
    assert visible_text(tip).split("\n") == [TERM, gloss, f"出处：{origin}"]
    assert visible_text(tip.locator(".term-tip__head")) == TERM
    inner = tip.locator(".md-tooltip2__inner")
    body = page.locator(f"p#{anchor}")  # the paragraph the link is in
    size = "el => getComputedStyle(el).fontSize"
    assert inner.evaluate(size) == body.evaluate(size)  # the body font size, not Material's 10 px
    assert inner.evaluate("el => getComputedStyle(el).fontWeight") == "400"
    assert link.get_attribute("aria-describedby") == tip.get_attribute("id")
    # the tooltip sits next to the link, fully on screen
    t, a = tip.bounding_box(), link.bounding_box()
    assert 0 <= t["x"] and t["x"] + t["width"] <= page.viewport_size["width"]
    assert 0 <= t["y"] and t["y"] + t["height"] <= page.viewport_size["height"]
    assert abs((t["y"]) - (a["y"] + a["height"])) < 40 or abs(a["y"] - (t["y"] + t["height"])) < 40
    page.mouse.move(5, page.viewport_size["height"] - 5)
    tip.wait_for(state="hidden")
    assert_no_site_errors(page)


def test_tooltip_names_the_headword_of_a_quoted_use(page, site_url, shot):
    """`“三北”工程` links to 三北工程: the tooltip names the term, not the text as written,
    and shows the curated short gloss (the 1978 start) with its origin."""
    page.goto(site_url + "reports/2024-neimenggu-zizhiqu/")
    link = page.locator('a[data-term="三北工程"]').first
    assert visible_text(link) == "“三北”工程"
    tip = _hover_tooltip(page, link)
    shot("tooltip-quoted")
    lines = visible_text(tip).split("\n")
    assert lines[0] == "三北工程" and "1978年" in lines[1] and lines[2] == "出处：本站释义", lines
    assert len(lines[1]) <= 60
    # a later link to the term carries no attributes of its own: the page's first one serves
    later = page.locator('a[href$="glossary/san-bei-gong-cheng/"]:not([data-src])').first
    assert later.get_attribute("data-term") is None
    page.mouse.move(5, page.viewport_size["height"] - 5)
    tip.wait_for(state="hidden")
    tip = _hover_tooltip(page, later)
    assert visible_text(tip).split("\n") == lines
    assert_no_site_errors(page)


# -- report -> term -> back to the paragraph ------------------------------------------

def test_report_to_term_and_back_to_cited_paragraph(page, site_url, shot):
    page.goto(site_url + ETUOKE)
    link = page.locator(f'article p[id] a[href$="{TERM_PAGE}"]').first
    link.scroll_into_view_if_needed()
    link.click()
    page.wait_for_url(site_url + TERM_PAGE)
    expect_heading(page, TERM)
    shot("term-page")

    # 出现位置: the snippets for this report link back to paragraph anchors in it
    section = page.locator("h3#in-2024-etuoke-qi")
    assert "鄂托克旗" in visible_text(section)
    snippets = page.locator(f'article li:has(strong:text-is("{TERM}")) a[href*="{ETUOKE}#p"]')
    assert snippets.count() >= 2
    # the second one: not the first link to the report on the page either
    text = follow_excerpt_link(page, site_url, snippets.nth(1))
    shot("cited-paragraph")
    assert TERM in text
    assert_no_site_errors(page)


# -- region and topic pages -----------------------------------------------------------

def test_region_page_shows_code_parents_and_report(page, site_url, shot):
    page.goto(site_url + "regions/e-tuo-ke-qi/")
    article = page.locator("article")
    assert heading_text(article.locator("h1")) == "鄂托克旗"
    text = visible_text(article)
    assert "行政区划代码：150624" in text
    parents = article.locator("p", has_text="上级地区")
    assert re.search(r"内蒙古自治区\s*›\s*鄂尔多斯市", visible_text(parents))
    assert parents.locator('a[href$="regions/nei-meng-gu-zi-zhi-qu/"]').is_visible()
    report = article.locator(f'a[href$="{ETUOKE}"]', has_text="2024")
    assert report.first.is_visible()
    shot("region")

    parents.locator('a[href$="regions/e-er-duo-si-shi/"]').click()
    page.wait_for_url(site_url + "regions/e-er-duo-si-shi/")
    expect_heading(page, "鄂尔多斯市")
    page.go_back()
    page.wait_for_url(site_url + "regions/e-tuo-ke-qi/")
    report.first.click()
    page.wait_for_url(site_url + ETUOKE)
    expect_heading(page, "鄂托克旗2024年政府工作报告")
    assert_no_site_errors(page)


def test_topic_page_lists_regions_with_excerpt_links(page, site_url, shot):
    page.goto(site_url + "topics/sheng-tai-huan-jing/")
    article = page.locator("article")
    assert heading_text(article.locator("h1")) == "生态环境"
    regions = [heading_text(h) for h in article.locator("h2").all()]
    assert {"内蒙古自治区", "鄂托克旗", "乌兰察布市", "锡林郭勒盟"} <= set(regions), regions
    excerpts = article.locator('li:has(strong) a[href*="reports/"][href*="#"]')
    reports = {path_of(a.evaluate("a => a.href"), site_url) for a in excerpts.all()}
    assert excerpts.count() >= 10 and len(reports) >= 4, reports
    shot("topic")

    # follow an excerpt from the 鄂托克旗 part: it opens the quoted paragraph
    link = article.locator(f'li:has(strong) a[href*="{ETUOKE}#"]').first
    keyword = visible_text(link.locator("xpath=..").locator("strong").first)
    text = follow_excerpt_link(page, site_url, link)
    shot("topic-excerpt-target")
    assert keyword.strip("“”") in text
    assert_no_site_errors(page)


# -- the page around the content --------------------------------------------------------

def test_page_chrome_speaks_chinese(page, site_url, shot):
    """Header, tabs, navigation, table of contents and footer: no English UI words (the
    repository name in the header is the only Latin text a reader should meet)."""
    page.goto(site_url + "reports/")  # a page in the nav: it has previous/next links
    page.locator("footer.md-footer").scroll_into_view_if_needed()
    shot("footer")
    parts = ["header.md-header", "nav.md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary",
             "footer.md-footer"]
    text = "\n".join(visible_text(page.locator(p).first) for p in parts)
    repo = visible_text(page.locator("header .md-source__repository")).strip()
    assert repo and repo in text
    latin = re.findall(r"[A-Za-z][A-Za-z ]+[A-Za-z]", text.replace(repo, ""))
    assert "上一页" in text and "下一页" in text and "目录" in text
    assert latin == [], f"English in the page chrome: {latin}"


# -- phrases (Material search on the seed site) ----------------------------------------

def test_material_search_lists_only_pages_holding_the_phrase(chromium, site_url):
    """The phrase rule of tests/test_search_quality_browser.py, for Material's search: each
    of the first five results holds the phrase whole (the phrases the seeds use), and the
    results are shown without jieba's zero-width spaces."""
    import search_quality  # benchmarks/, on sys.path via browser_support

    seeds = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "seeds").glob("*.txt"))
    phrases = [p for p in search_quality.load_phrases() if p in seeds]
    assert len(phrases) >= 15
    page = new_page(chromium, site_url)
    try:
        page.goto(site_url)
        queries = search_quality.run_queries(page, phrases)
    finally:
        page.context.close()
    assert search_quality.precision(queries) >= 0.95, search_quality.report(queries)
    assert not any(r.zwsp for q in queries for r in q.results)
    business = next(q for q in queries if q.query == "营商环境")
    assert all("缺少" not in r.text and "居住环境" not in r.title for r in business.results)


def test_material_search_finds_reports_that_quote_a_term(chromium, site_url):
    """三北工程 lists the 内蒙古 2024 report, which writes it `“三北”工程`, among the first 5
    results (generator/site/search/term_field.py); 七个作模范 lists the reports that use it
    in the first 10; 乌兰察布 lists no topic page only for its region heading; snippets
    carry no zero-width spaces."""
    import search_quality  # benchmarks/, on sys.path via browser_support

    page = new_page(chromium, site_url)
    try:
        page.goto(site_url)
        found = {q.query: q for q in search_quality.run_queries(page, ["三北工程", "七个作模范", "乌兰察布"], k=10)}
    finally:
        page.context.close()
    urls = {q: [path_of(r.url, site_url) for r in found[q].results] for q in found}
    assert urls["三北工程"][0] == "glossary/san-bei-gong-cheng/"
    assert "reports/2024-neimenggu-zizhiqu/" in urls["三北工程"][:5], urls["三北工程"]
    sanbei = next(r for r in found["三北工程"].results if "2024-neimenggu-zizhiqu" in r.url)
    assert "“三北”工程" in sanbei.text  # the snippet shows the quoted use
    users = {"reports/2024-neimenggu-zizhiqu/", "reports/2024-etuoke-qi/", "reports/2024-wulanchabu-shi/",
             "reports/2024-xilinguole-meng/"}
    assert users <= set(urls["七个作模范"][:10]), urls["七个作模范"]
    assert urls["乌兰察布"][0] == "regions/wu-lan-cha-bu-shi/"
    assert not [u for u in urls["乌兰察布"] if u.startswith("topics/")], urls["乌兰察布"]
    assert not any(r.zwsp for q in found.values() for r in q.results)
