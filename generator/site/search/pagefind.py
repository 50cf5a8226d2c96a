"""The ``search: pagefind`` switch: index the built site with Pagefind instead of Material.

Why: Material's search ships one JSON index of the whole site that every visitor
downloads before the first result (13.6 MB at 95 reports, 449 MB at 2,909 — unusable),
and building it with jieba dominates the build. Pagefind is a maintained static search
tool whose *extended* build segments Chinese while indexing and splits the index into
small chunks, so a query downloads only the chunks it needs.

What it does:

1. ``rewrite_page``, called for every page as MkDocs renders it (hooks ``on_post_page``
   and, for 404.html, ``on_post_template``: the page is marked in memory before MkDocs
   writes it, from MkDocs' own page path, so no built file is read back or rewritten):
   - Pagefind indexes only the page body (``data-pagefind-body`` on Material's article,
     ``data-pagefind-meta`` giving the page kind), and not at all the glossary lists,
     the candidates page and 404 (``NOT_INDEXED``);
   - excerpts of other pages are not indexed where pages quote them: the occurrence,
     usage and related-term sections of term pages, the term lists of region pages, the
     excerpt lists of topic pages (they made the index and each result's download large
     and crowded the results);
   - glossary term pages come first for their own term, region pages for their region's
     name: weight 10 on the H1 and the page listed in the ``term`` filter as
     ``key|url|title|excerpt``, which the search script reads once (one small file) to
     put an exact title hit first;
   - Chinese quotation marks in the indexed text are left out of the index (wrapped in
     ``data-pagefind-ignore`` spans; the page looks the same), so ``“三北”工程`` is
     indexed as the words of 三北工程 next to each other and a search for the term finds
     its quoted uses; excerpts then show the phrase without the quotes;
   - Material's search box stays where and how it is, but answers come from Pagefind:
     the box (``pagefind_ui.SEARCH_MARKUP``: Material's markup, with Material's search
     component detached — its form renamed, or Material's bundle would fetch
     search_index.json) goes into the header, and a small script
     (``assets/pagefind-search.js``) renders Pagefind results into Material's result
     list, five at a time (each shown result costs one fragment download).
2. ``apply(site_dir)`` from ``on_post_build``: writes that script, runs Pagefind
   (``index_site``: the binary the ``pagefind`` package ships — the extended one from the
   ``pagefind-bin-extended`` wheel, so it works offline) into ``pagefind/``, writes the
   segmentation dictionary's shards into ``pagefind/zh-dict/`` and puts the
   ``Intl.Segmenter`` wrapper in front of Pagefind's worker (``zh_segment``: the query
   is cut with the index's dictionary and searched as an exact phrase), and removes
   Material's ``search/search_index.json`` if the search plugin still wrote one.

Why not a theme override or ``on_page_content``: the built pages must stay byte-identical
to what the site has published, and both would move markup — Material's article and
``</body>`` are template text a block override cannot reach without copying Material's
``base.html``, and Material renders no search box at all once its plugin is off, so a
template box means copying ``partials/header.html``. The anchors this module relies on in
Material's markup are few, literal and checked against the installed Material by
tests/test_pagefind.py (Material is pinned to its minor version in pyproject.toml).

Hook points, called by ``generator/mkdocs_hooks.py`` when ``search: pagefind``:

- ``disable_material_search(config)`` from ``on_config``: Material builds no index
  (the slow part at scale) and renders no box; the box is then inserted here;
- ``on_post_page(output, page)`` / ``on_post_template(output, template_name)``;
- ``on_post_build(config)`` (under ``mkdocs serve`` only for the first build:
  generator/site/serve.py keeps that index for later rebuilds).

When to switch: above about 150 reports, or once Material's ``search_index.json`` passes
about 10 MB (see benchmarks/README.md for the measurements).
"""

from __future__ import annotations

import html as html_lib
import logging
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from . import zh_segment
from .pagefind_ui import SCRIPT_NAME, SEARCH_MARKUP, presplit_js, search_js

log = logging.getLogger("mkdocs.plugins.generator.pagefind")

# Pages under these top folders get a kind label (shown in results' meta).
KINDS = {"reports": "报告", "glossary": "术语", "regions": "地区", "topics": "专题", "years": "年份", "about": "关于"}
# Pages in glossary/ that are lists, not term pages.
GLOSSARY_LISTS = {"index", "categories", "numerals"}
# Built pages left out of the index: the glossary lists repeat every headword and short
# definition, so they would crowd every term query; the candidates page lists phrases
# that are not terms; 404 is not content. The term pages themselves are indexed.
NOT_INDEXED = {"404.html", "glossary/index.html", "about/candidates/index.html",
               *(f"glossary/{name}/index.html" for name in GLOSSARY_LISTS - {"index"})}
# The glossary lists' own pages (one per letter, category or numeral, and their further
# pages: glossary/categories/14--18/): lists too. Indexed, 乡村振兴 listed a category page first.
LIST_FOLDERS = {"categories", "numerals", "letters"}


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
# Term and region pages carry their title as a Pagefind filter value under this key (see
# _mark_term_heading). The search script looks the exact query up in that filter next
# to the ranked search and puts a hit first: Pagefind has no custom dictionary, and its
# ranked results for a CJK query favour long pages full of the query's characters.
TERM_FILTER = "term"
QUOTES = "“”‘’「」『』\"'《》〈〉"
# Quotation marks left out of the index (charabia separates words at each of them).
INDEX_QUOTES_RE = re.compile("[“”‘’「」『』]+")
QUOTE_SPAN = '<span data-pagefind-ignore>{}</span>'
TEXT_SPLIT_RE = re.compile(r"(<[^>]*>)")
WORKER = "pagefind-worker.js"

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
HEADERLINK = 'class="headerlink"'
MATERIAL_BOX = 'class="md-search" data-md-component="search"'
MATERIAL_FORM = '<form class="md-search__form" name="search">'
PF_FORM = '<form class="md-search__form" name="pf-search">'
BUNDLE_RE = re.compile(r'<script src="([^"]*?)assets/javascripts/bundle\.[0-9a-f]+\.min\.js"')


@dataclass
class PagefindResult:
    pages_indexed: int
    html_files: int
    index_bytes: int  # everything under pagefind/
    largest_file: int  # the biggest single file under pagefind/ (an upper bound on one fetch)
    removed_material_index: bool


# --------------------------------------------------------------------------- HTML


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
    html = html.replace(HEADERLINK, HEADERLINK + " data-pagefind-ignore")  # no "¶" in titles
    html = _take_over_search_box(html)
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
    """Wrap the Chinese quotation marks of the article's text in ``data-pagefind-ignore``
    spans: Pagefind indexes ``“三北”工程`` as 三北 工程, next to each other."""
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
    """Text safe inside one Pagefind static filter value (no ',' ':' or our '|')."""
    return re.sub(r"\s+", " ", re.sub(r"[,:|]", " ", html_lib.unescape(text))).strip()


def _mark_term_heading(html: str, rel: PurePosixPath) -> str:
    """Weight the term (or region) page's H1 and list the page in the ``term`` filter.

    Each filter value is ``key|url|headword|excerpt``: the search script reads the
    (small) filter index once and finds the term page for a query without a word
    search — Pagefind's CJK word matching does not reliably match a headword it
    segmented at index time, and a filter-only search would fetch every index chunk.
    """
    h1 = H1_RE.search(html, _article_start(html))
    if not h1:
        return html
    headword = _filter_text(TAG_RE.sub("", h1.group(1).split('<a class="headerlink"')[0]))
    para = P_RE.search(html, h1.end())
    excerpt = _filter_text(TAG_RE.sub("", para.group(1)))[:EXCERPT_CHARS] if para else ""
    url = rel.parent.as_posix() + "/"
    # One value per element: Pagefind reads everything after the first ":" as the value.
    # The script derives the other keys (no quotes; a region's name without 市, 盟…).
    values = f"{TERM_FILTER}:{headword}|{url}|{headword}|{excerpt}" if headword else ""
    attrs = f' data-pagefind-weight="{TERM_WEIGHT}"'
    if values:
        attrs += f' data-pagefind-filter="{html_lib.escape(values)}"'
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


def write_script(site_dir: Path) -> None:
    """Write the search script (``SCRIPT_NAME``) into the built site."""
    script = Path(site_dir) / SCRIPT_NAME
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text(search_js(), encoding="utf-8")


def html_files(site_dir: Path) -> int:
    """The number of built HTML pages under ``site_dir`` (Pagefind's own output left out)."""
    site_dir = Path(site_dir)
    return sum(1 for path in site_dir.rglob("*.html")
               if path.relative_to(site_dir).parts[0] != "pagefind")


# --------------------------------------------------------------------------- indexing


def pagefind_available() -> bool:
    """True when the pagefind Python API and a binary (preferably the extended one) are installed."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        return False
    return get_executable() is not None


def extended_available() -> bool:
    """True when the extended binary (Chinese segmentation) is installed."""
    try:
        import pagefind_bin_extended  # noqa: F401
    except ImportError:
        return False
    return True


def index_site(site_dir: Path) -> int:
    """Index ``site_dir`` with Pagefind into ``site_dir/pagefind``; return the pages indexed.

    Runs the binary the ``pagefind`` package finds (the extended one from the
    ``pagefind-bin-extended`` wheel when installed) as a command and waits for it: the
    package's service API terminates the binary as soon as it answers, which at times
    left ``pagefind-entry.json`` empty.
    """
    from pagefind.service import get_executable

    exe = get_executable() if pagefind_available() else None
    if exe is None:
        raise RuntimeError("search: pagefind needs the Pagefind package: pip install 'pagefind[extended]'")
    if not extended_available():
        log.warning("pagefind: the extended binary is not installed, so Chinese is not segmented: "
                    "pip install 'pagefind[extended]'")
    site_dir = Path(site_dir).resolve()
    out_dir = site_dir / "pagefind"
    if out_dir.is_dir():  # stale chunks from an earlier build would otherwise stay
        shutil.rmtree(out_dir)
    cmd = [str(exe), "--site", str(site_dir), "--output-path", str(out_dir), "--force-language", "zh"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    entry = out_dir / "pagefind-entry.json"
    if proc.returncode != 0 or not entry.is_file() or entry.stat().st_size == 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-5:])
        raise RuntimeError(f"pagefind failed (exit {proc.returncode}): {tail}")
    found = re.search(r"Indexed (\d+) pages?", proc.stdout)
    return int(found.group(1)) if found else 0


def patch_worker(site_dir: Path) -> bool:
    """Put the ``Intl.Segmenter`` wrapper in front of Pagefind's worker script (where
    Pagefind cuts the query). False, with a warning, when the worker is not there."""
    worker = Path(site_dir) / "pagefind" / WORKER
    if not worker.is_file():
        log.warning("pagefind: %s not found; Chinese queries are cut by the browser, not by "
                    "the index's dictionary (see generator/site/search/zh_segment.py)", WORKER)
        return False
    code = worker.read_text(encoding="utf-8")
    if "pfPresplit" not in code:
        worker.write_text(presplit_js() + "\n" + code, encoding="utf-8")
    return True


def apply(site_dir: Path) -> PagefindResult:
    """Everything the switch does after MkDocs has built ``site_dir``."""
    site_dir = Path(site_dir)
    write_script(site_dir)
    pages = index_site(site_dir)
    zh_segment.write_shards(site_dir / "pagefind")
    patch_worker(site_dir)
    material_index = site_dir / "search" / "search_index.json"
    removed = material_index.exists()
    if removed:
        material_index.unlink()
    sizes = [p.stat().st_size for p in (site_dir / "pagefind").rglob("*") if p.is_file()]
    return PagefindResult(pages, html_files(site_dir), sum(sizes), max(sizes, default=0), removed)


# --------------------------------------------------------------------------- MkDocs hook points


def on_post_page(output: str, page) -> str:
    """Call from the MkDocs ``on_post_page`` hook: the rendered page, marked for Pagefind."""
    return rewrite_page(output, PurePosixPath(page.file.dest_uri))


def on_post_template(output: str, template_name: str) -> str:
    """Call from the MkDocs ``on_post_template`` hook: theme pages (Material's 404.html)."""
    if not template_name.endswith(".html"):
        return output  # sitemap.xml
    return rewrite_page(output, PurePosixPath(template_name))


def on_post_build(config) -> PagefindResult:
    """Call from the MkDocs ``on_post_build`` hook when ``settings.search == "pagefind"``."""
    result = apply(Path(config["site_dir"]))
    log.info("pagefind: indexed %d pages, index %.1f MB", result.pages_indexed, result.index_bytes / 1e6)
    return result


def disable_material_search(config) -> bool:
    """Stop Material's search plugin (no index, no box); call from ``on_config``. True if it was on."""
    plugins = config["plugins"]
    for name in ("material/search", "search"):
        plugin = plugins.get(name) if hasattr(plugins, "get") else None
        if plugin is not None and getattr(plugin, "config", None) is not None and "enabled" in plugin.config:
            was = bool(plugin.config["enabled"])
            plugin.config["enabled"] = False
            return was
    return False
