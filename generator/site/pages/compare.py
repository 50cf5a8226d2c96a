"""对比: two reports side by side, section by section (reports/compare/<slug>.md).

One page per report that has a previous report of its region: the previous report on
the left, this one on the right, their parts aligned (``facts/compare.align``). Each
section shows its title (a link to it in the report), its size and the glossary terms
it uses, marked as used by both reports or by this one only. The page script
(``docs_src/javascripts/compare.js``) adds two pickers (region, year) and renders any
pair the same way from the per-report JSON under ``data/compare/`` (written by
``data_files``, only when some region has two reports). The written page holds the term
summary and the aligned parts; the script, which renders the page's own pair as soon as
it runs, adds the sections under each part (they were 26 of the 45 MB of the 1,282
comparison pages of cn/, and the JSON holds them anyway). Without the script a reader
still has the summary, the parts and their links into both reports. A site where no region has two
reports gets no comparison page, no JSON and no link.
"""

from __future__ import annotations

import json

from functools import partial
from typing import Iterator, Optional

from ... import memo
from ...model import Report
from ..context import Page, SiteContext
from ..facts.compare import KIND_LABELS, Node, Outline, Row, align, outline, outline_json, pairs, term_table
from ..render import markdown as md
from ..render import urls

DATA_DIR = "compare"  # data/compare/<slug>.json, index.json, terms.json
INDEX_FILE = f"{DATA_DIR}/index.json"
TERMS_FILE = f"{DATA_DIR}/terms.json"
NONE = "（无对应部分）"
LEGEND = ("左右两栏按部分对齐：工作回顾对工作回顾，工作安排对工作安排，各部分下的小节按标题和所用术语的相近程度对齐，"
          "找不到对应的小节单独列出。每节列出其中用到的术语表词条：")
SHARED, ONLY = "两篇都用的术语", "只有一篇用到的术语"
SUBS_NOTE = "各部分下小节的对照由页面脚本载入。"  # replaced by the script's rendering


def compare_page(slug: str) -> str:
    """The comparison of a report with its region's previous report."""
    return f"reports/{DATA_DIR}/{slug}.md"


def page_title(a: Outline, b: Outline) -> str:
    """内蒙古自治区 2023年与2024年政府工作报告对比 (the page script builds the same)."""
    if a.region == b.region and a.year and b.year:
        return f"{a.region} {a.year}年与{b.year}年政府工作报告对比"
    return f"{a.label} 与 {b.label} 对比"


def side_label(o: Outline, other: Outline) -> str:
    """What tells the two columns apart: the year within a region, else the region (and year)."""
    if o.region == other.region and o.year:
        return f"{o.year}年"
    return f"{o.region} {o.year}年" if o.year else o.region


class _Renderer:
    def __init__(self, page: str, a: Outline, b: Outline, shared: Optional[dict] = None):
        self.page = page
        self.a, self.b = a, b
        self.slugs = ({t[0] for t in a.terms}, {t[0] for t in b.terms})
        # Rendered terms and section links, shared by the pages of one build: every
        # comparison page lies in one folder, so a link reads the same on each.
        self._shared: dict = {} if shared is None else shared

    def _term(self, o: Outline, i: int, other: set[str]) -> str:
        """A term of ``o``: a link marked cmp-only when the other report lacks it, else plain
        text marked cmp-both (its links are on both report pages; a page of links would be
        most of the site's size on a national corpus)."""
        slug, headword = o.terms[i]
        key = (slug, slug in other)
        got = self._shared.get(key)
        if got is None:
            if key[1]:
                got = f'<span class="cmp-both">{md.escape_text(headword)}</span>'
            else:
                got = md.link(headword, urls.href(self.page, urls.term_page(slug))) + "{: .cmp-only }"
            self._shared[key] = got
        return got

    def _section_link(self, o: Outline, n: Node) -> str:
        key = (o.slug, n.anchor)
        got = self._shared.get(key)
        if got is None:
            got = self._shared[key] = md.link(n.title, urls.href(self.page, urls.report_page(o.slug), n.anchor))
        return got

    def cell(self, o: Outline, other: Outline, n: Optional[Node], others: set[str]) -> str:
        tag = f'<span class="cmp-tag">{md.escape_text(side_label(o, other))}</span>'
        if n is None:
            return md.block("div", "", f'{tag}<span class="cmp-none">{NONE}</span>', cls="cmp-cell cmp-empty",
                            cite=False)
        parts = [tag, self._section_link(o, n)]
        if n.kind:
            parts.append(f'<span class="cmp-kind">{KIND_LABELS[n.kind]}</span>')
        parts.append(f'<span class="cmp-size">{n.paragraphs} 段 · {n.chars} 字</span>')
        if n.terms:
            parts.append('<span class="cmp-terms">' + " ".join(self._term(o, i, others) for i in n.terms) + "</span>")
        return md.block("div", "", " ".join(parts), cls="cmp-cell", cite=False)

    def row(self, row: Row, cls: str) -> str:
        cells = [self.cell(self.a, self.b, row.left, self.slugs[1]), self.cell(self.b, self.a, row.right, self.slugs[0])]
        return md.container("div", cells, cls=f"cmp-row {cls}")

    def summary(self) -> str:
        both = len(self.slugs[0] & self.slugs[1])
        lines = [f"两篇共同用到的术语 {both} 个。"]
        for o, other, others in ((self.a, self.b, self.slugs[1]), (self.b, self.a, self.slugs[0])):
            only = [i for i, t in enumerate(o.terms) if t[0] not in others]
            text = f"只见于{md.escape_text(side_label(o, other))}的 {len(only)} 个"
            if only:
                text += "：" + " ".join(self._term(o, i, others) for i in only)
            lines.append(text + "。")
        return md.container("div", (md.block("p", "", line, cite=False) for line in lines), cls="cmp-summary")

    def body(self, sections: bool = False) -> str:
        """The summary, the legend and the aligned parts (with their sections when
        ``sections``: the page script renders those)."""
        a, b = self.a, self.b
        head = [md.block("div", "", f'<span class="cmp-tag">{md.escape_text(side_label(o, other))}</span>'
                         + md.link(o.label, urls.href(self.page, urls.report_page(o.slug))), cls="cmp-cell", cite=False)
                for o, other in ((a, b), (b, a))]
        rows = [md.container("div", head, cls="cmp-row cmp-head")]
        for r in align(a, b):
            rows.append(self.row(r, "cmp-part"))
            if sections:
                rows.extend(self.row(c, "cmp-sub") for c in r.children)
        legend = md.block("p", "", md.escape_text(LEGEND) + f'<span class="cmp-both">{SHARED}</span> · '
                          f'<span class="cmp-only">{ONLY}</span>。', cls="cmp-legend", cite=False)
        blocks = [self.summary(), legend, md.container("div", rows, cls="cmp-grid")]
        if not sections:
            blocks.append(md.block("p", "", SUBS_NOTE, cls="cmp-subs-note", cite=False))
        return md.container("div", blocks, cls="cmp-body")


def render(ctx: SiteContext, previous: Report, report: Report, shared: Optional[dict] = None) -> str:
    a, b = outline(ctx, previous), outline(ctx, report)
    page = compare_page(report.slug)
    root = urls.href(page, urls.HOME).removesuffix("index.md")
    # The page's folder URL is one deeper than its file (use_directory_urls): the script's root.
    attrs = (f'data-root="../{md.escape_attr(root)}" data-a="{md.escape_attr(a.slug)}" '
             f'data-b="{md.escape_attr(b.slug)}"')
    intro = md.block("p", "", "并排阅读同一地区相邻两年的政府工作报告（也可以在下方选择任意两篇报告）。", cite=False)
    blocks = [md.heading(1, page_title(a, b)), intro,
              f'<div class="cmp" {attrs} markdown="block">\n\n{_Renderer(page, a, b, shared).body()}\n\n</div>']
    # Both sidebars hidden (Material's ``hide``): the two columns get the page's width.
    # Left out of the search index (Material: ``search: exclude``; Pagefind: search/pagefind.py):
    # it repeats the section titles and term names of two reports, so it would crowd the
    # results of a term query ahead of the reports themselves.
    return ("---\nhide:\n  - navigation\n  - toc\nsearch:\n  exclude: true\n---\n\n"
            + md.join_blocks(blocks))


def pages(ctx: SiteContext) -> Iterator[Page]:
    shared: dict = {}
    for previous, report in pairs(ctx):
        a, b = outline(ctx, previous), outline(ctx, report)
        yield Page(compare_page(report.slug),
                   ctx.cached("page:compare", ctx.keys_of((previous, report)),
                              lambda: render(ctx, previous, report, shared)),
                   page_title(a, b), in_nav=False)


def link_from(ctx: SiteContext, page: str, report: Report, text: str = "与上一年对比") -> str:
    """A link from ``page`` to the report's comparison; "" when it has no previous report."""
    previous, _ = ctx.neighbours(report)
    if previous is None:
        return ""
    return md.link(text, urls.href(page, compare_page(report.slug)))


def data_files(ctx: SiteContext) -> dict[str, bytes]:
    """``{data-relative name: bytes}``: one compact JSON per report, the pickers' index
    ([slug, region, year] in site order) and the term table the reports' JSON points into
    ([slug, headword] by slug); nothing when no region has two reports."""
    if not pairs(ctx):
        return {}
    listed = [r for r in ctx.reports if r.region is not None and r.year]
    table = term_table(ctx)
    places = {slug: i for i, (slug, _) in enumerate(table)}
    out: dict[str, bytes] = {}
    for r in listed:  # the table depends on the glossary only, which ctx.cached's key holds
        out[f"{DATA_DIR}/{r.slug}.json"] = ctx.cached("data:compare", memo.report_key(r),
                                                      partial(_json_bytes, ctx, r, places))
    out[INDEX_FILE] = _compact([[r.slug, r.region_name, r.year] for r in listed])
    out[TERMS_FILE] = _compact([list(t) for t in table])
    return out


def _compact(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _json_bytes(ctx: SiteContext, report: Report, places: dict[str, int]) -> bytes:
    return outline_json(outline(ctx, report), places).encode("utf-8")
