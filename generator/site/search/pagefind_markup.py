"""Pagefind's page markup: what each built page carries for the index (``rewrite_page``).

Which pages are indexed and with what weight, kind label and term-title attribute; quotation marks
kept out of the indexed words; excerpt sections of term, topic and region pages ignored;
Material's search box taken over by ours. Called per page from the MkDocs hooks through
generator/site/search/pagefind.py, which runs the indexer (see its docstring for the why).
"""

from __future__ import annotations

import html as html_lib
import re
from pathlib import PurePosixPath

from .pagefind_lookup import TERM_ATTR
from .pagefind_ui import SCRIPT_NAME, SEARCH_MARKUP

# Pages under these top folders get a kind label (shown in results' meta).
KINDS = {"reports": "报告", "glossary": "术语", "regions": "地区", "topics": "专题", "years": "年份", "about": "关于"}
# Pages in glossary/ that are lists, not term pages.
GLOSSARY_LISTS = {"index", "categories", "numerals", "by-year"}
# Built pages left out of the index: the glossary lists repeat every headword and short
# definition, so they would crowd every term query; the candidates page lists phrases
# that are not terms; 404 is not content. The term pages themselves are indexed.
NOT_INDEXED = {"404.html", "glossary/index.html", "about/candidates/index.html",
               *(f"glossary/{name}/index.html" for name in GLOSSARY_LISTS - {"index"})}
# The glossary lists' own pages (one per letter, category or numeral, and their further
# pages: glossary/categories/14--18/): lists too. Indexed, 乡村振兴 listed a category page first.
# glossary/by-year/2024/ (terms by first year) was indexed as a term page and listed for
# 三北工程 on cn/.
LIST_FOLDERS = {"categories", "numerals", "letters", "by-year"}


# The 对比 pages (reports/compare/…) repeat two reports' section titles and term names:
# indexed, they came before the reports for a term query (三北工程 on nmg).
COMPARE_FOLDER = ("reports", "compare")


def indexed(rel: PurePosixPath) -> bool:
    """False for the built pages left out of the index (``NOT_INDEXED``, glossary sub-lists,
    comparison pages)."""
    parts = rel.parts
    if str(rel) in NOT_INDEXED or parts[:2] == COMPARE_FOLDER:
        return False
    return not (len(parts) > 3 and parts[0] == "glossary" and parts[1] in LIST_FOLDERS)
TERM_WEIGHT = "10"  # Pagefind's maximum; body text weighs 1, a plain H1 7
# Term and region pages carry their title in this attribute on the H1 (see
# _mark_term_heading); pagefind_lookup collects them into small key-sharded files. The
# search script looks the exact query up there next to the ranked search and puts a hit
# first: Pagefind has no custom dictionary, and its ranked results for a CJK query favour
# long pages full of the query's characters.
QUOTES = "“”‘’「」『』\"'《》〈〉"
# Quotation marks left out of the index (charabia separates words at each of them).
INDEX_QUOTES_RE = re.compile("[“”‘’「」『』]+")
# A quotation mark's element, and what Pagefind is told to leave out of the index
# (``--exclude-selectors``, pagefind.py): the marks and the permalinks (no "¶" in titles).
# A short element of our own instead of ``<span data-pagefind-ignore>`` on each mark and
# link: 830,000 marks and 240,000 permalinks on cn/, 20 MB of attributes.
QUOTE_TAG = "pf-q"
QUOTE_SPAN = f"<{QUOTE_TAG}>{{}}</{QUOTE_TAG}>"
EXCLUDE_SELECTORS = (QUOTE_TAG, ".headerlink")
TEXT_SPLIT_RE = re.compile(r"(<[^>]*>)")

ARTICLE_RE = re.compile(r'<article class="md-content__inner md-typeset"')


def _article_start(html: str) -> int:
    """Where Material's article opens (0 on a page without one)."""
    m = ARTICLE_RE.search(html)
    return m.end() if m else 0
H1_RE = re.compile(r"<h1(?=[\s>])[^>]*>(.*?)</h1>", re.S)
TAG_RE = re.compile(r"<[^>]+>")
H2_RE = re.compile(r'<h2 id="([^"]*)"')
P_RE = re.compile(r"<p(?:\s[^>]*)?>(.*?)</p>", re.S)
EXCERPT_CHARS = 80
BLOCK_TAGS = ("div", "section", "details", "table", "ul", "ol", "blockquote", "p")
# Term page sections that quote other pages or list other terms (ids as the term pages
# write them): indexed, they made term pages answer for the terms they list.
TERM_EXCERPT_SECTIONS = {"occurrences", "usage", "related"}
# Region page sections that list terms.
REGION_TERM_SECTIONS = {"defined-terms", "top-terms"}
MATERIAL_BOX = 'class="md-search" data-md-component="search"'
MATERIAL_FORM = '<form class="md-search__form" name="search">'
PF_FORM = '<form class="md-search__form" name="pf-search">'
# Material's search index leaves these elements out; with Pagefind (Material's search off)
# the attribute does nothing: 240,000 of them on cn/, 5 MB.
MATERIAL_EXCLUDE_RE = re.compile(r' data-search-exclude(?:="true")?(?=[\s>])')
BUNDLE_RE = re.compile(r'<script src="([^"]*?)assets/javascripts/bundle\.[0-9a-f]+\.min\.js"')


def page_kind(rel: PurePosixPath) -> tuple[str, bool]:
    """(kind label, is a glossary term page) for a built page's path relative to the site."""
    parts = rel.parts
    top = parts[0] if len(parts) > 1 else ""
    is_term = top == "glossary" and len(parts) == 3 and parts[2] == "index.html" and parts[1] not in GLOSSARY_LISTS
    return KINDS.get(top, ""), is_term


def rewrite_page(html: str, rel: PurePosixPath) -> str:
    """One built page, ready for Pagefind. Idempotent; pages without Material's article are left alone."""
    if "data-pf-search" in html or not ARTICLE_RE.search(html):
        return html
    kind, is_term = page_kind(rel)
    if not indexed(rel):
        attrs = ""  # not indexed: with data-pagefind-body elsewhere, pages without it are skipped
    else:
        attrs = " data-pagefind-body" + (f' data-pagefind-meta="kind:{kind}"' if kind else "")
    html = ARTICLE_RE.sub(lambda m: m.group(0) + attrs, html, count=1)
    if is_term:
        html = _mark_term_heading(html, rel)
        html = _ignore_sections(html, TERM_EXCERPT_SECTIONS)
    elif len(rel.parts) == 3 and rel.parts[0] == "topics":
        html = _ignore_sections(html, None)  # a topic page: index its head, not the excerpts
    elif len(rel.parts) == 3 and rel.parts[0] == "regions":
        html = _mark_term_heading(html, rel)
        html = _ignore_sections(html, REGION_TERM_SECTIONS)
    if attrs:
        html = _unquote_for_index(html)
    html = _take_over_search_box(html)
    html = MATERIAL_EXCLUDE_RE.sub("", html)  # Material's search is off: its marks are of no use
    bundle = BUNDLE_RE.search(html)
    prefix = bundle.group(1) if bundle else "../" * (len(rel.parts) - 1)
    script = f'<script src="{prefix}{SCRIPT_NAME}"></script>'
    return html.replace("</body>", script + "\n</body>", 1)


def _balanced(fragment: str) -> bool:
    """True when every block element opened in ``fragment`` is closed in it, and vice versa."""
    for tag in BLOCK_TAGS:
        if len(re.findall(f"<{tag}[\\s>]", fragment)) != fragment.count(f"</{tag}>"):
            return False
    return True


def _ignore_sections(html: str, ids: set[str] | None) -> str:
    """Wrap the H2 sections named by ``ids`` (all from the first H2 on when None) in
    ``data-pagefind-ignore``: excerpts of other pages are left to those pages, which keeps
    aggregate pages short in the index and their fragments small to download."""
    start = _article_start(html)
    end = html.find("</article>", start)
    heads = [(m.start(), m.group(1)) for m in H2_RE.finditer(html, start, end)]
    ranges: list[tuple[int, int]] = []
    for i, (pos, hid) in enumerate(heads):
        if ids is None or hid in ids:
            stop = end if ids is None else next((p for p, h in heads[i + 1:] if h not in ids), end)
            if not ranges or pos >= ranges[-1][1]:
                ranges.append((pos, stop))
            if ids is None:
                break
    for a, b in reversed(ranges):
        if _balanced(html[a:b]):
            html = f'{html[:a]}<div data-pagefind-ignore="all">{html[a:b]}</div>{html[b:]}'
    return html


def _unquote_for_index(html: str) -> str:
    """Wrap the Chinese quotation marks of the article's text in ``QUOTE_TAG`` elements,
    which Pagefind ignores: it indexes ``“三北”工程`` as 三北 工程, next to each other."""
    start = _article_start(html)
    end = html.find("</article>", start)
    if end < 0:
        return html
    parts = TEXT_SPLIT_RE.split(html[start:end])
    for i in range(0, len(parts), 2):  # text between tags
        if parts[i]:
            parts[i] = INDEX_QUOTES_RE.sub(lambda m: QUOTE_SPAN.format(m.group(0)), parts[i])
    return html[:start] + "".join(parts) + html[end:]


def _filter_text(text: str) -> str:
    """Text safe inside one ``TERM_ATTR`` field (no ',' ':' or our '|')."""
    return re.sub(r"\s+", " ", re.sub(r"[,:|]", " ", html_lib.unescape(text))).strip()


def _mark_term_heading(html: str, rel: PurePosixPath) -> str:
    """Weight the term (or region) page's H1 and give it ``TERM_ATTR``.

    The value is ``title|url|title|excerpt`` (``pagefind_lookup.read_records`` reads it
    back from the built page): the search script finds the term page for a query in one
    small file, without a word search — Pagefind's CJK word matching does not reliably
    match a headword it segmented at index time. It is not a Pagefind filter: Pagefind
    writes all values of a filter into one file, which every first query then downloaded.
    """
    h1 = H1_RE.search(html, _article_start(html))
    if not h1:
        return html
    headword = _filter_text(TAG_RE.sub("", h1.group(1).split('<a class="headerlink"')[0]))
    para = P_RE.search(html, h1.end())
    excerpt = _filter_text(TAG_RE.sub("", para.group(1)))[:EXCERPT_CHARS] if para else ""
    url = rel.parent.as_posix() + "/"
    attrs = f' data-pagefind-weight="{TERM_WEIGHT}"'
    if headword:
        attrs += f' {TERM_ATTR}="{html_lib.escape(f"{headword}|{url}|{headword}|{excerpt}")}"'
    at = h1.start() + 3
    return html[:at] + attrs + html[at:]


def _take_over_search_box(html: str) -> str:
    if MATERIAL_BOX in html:  # Material rendered its box: keep it, detach Material's search from it
        # Material's bundle also fetches search_index.json whenever a form named "search" exists.
        html = html.replace(MATERIAL_FORM, PF_FORM, 1)
        return html.replace(MATERIAL_BOX, 'class="md-search" data-pf-search', 1)
    header = html.find("<header")
    if header < 0:
        return html
    source = html.find('<div class="md-header__source">', header)
    end = source if source >= 0 else html.find("</nav>", header)
    return html if end < 0 else html[:end] + SEARCH_MARKUP + html[end:]
