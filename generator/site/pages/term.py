"""One page per glossary term (glossary/<term.slug>.md).

The H1 is the headword (MkDocs takes it as the page title, so search ranks the page
first for it); headword and aliases follow as plain text. Then: pinyin and
category; every definition as its own admonition labelled with its source (official
ones link to the 名词解释 entry in the report, curated ones show the source note),
each definition's text linking to the other terms it names; where the term occurs
(per report, with counts and keyword-in-context snippets deep-linking to the
paragraphs — for a term used in many reports, the most recent EXCERPT_REPORTS); a
region × report usage table listing every report with its count, linked to its first
use (paginated past USAGE_REPORTS_PER_PAGE reports); related terms.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from ... import memo
from ...model import Definition, Occurrence, Report, Term
from ..render import urls
from ..context import Page, SiteContext
from ..render.excerpts import excerpt, where_link
from ..facts.reports import facts_memo, region_groups, report_label, sorted_reports
from ..render.term_tip import term_tip, tip_span
from ..render.markdown import escape_text, excerpts, heading, html_heading, join_blocks, link, render_linked, table
from ..facts.term_groups import DIGIT_GROUP, letter_of
from .timeline import timeline_blocks

SNIPPETS_PER_REPORT = 5
# A term used in more reports quotes only the most recent ones; the usage table lists every
# report with its count and a link to its first use.
EXCERPT_REPORTS = 10
# The usage table goes on further pages <slug>--2.md, … past this many report cells.
USAGE_REPORTS_PER_PAGE = 1000
RELATED_LABELS = {
    "defines": "释义中提到的术语",
    "defined-by": "在释义中提到本词的术语",
    "co-occurs": "常在同一段落出现的术语",
}


def unit_texts(report: Report) -> dict[str, tuple[str, str]]:
    """anchor -> (text, where) for every unit occurrences point into: paragraphs (where = the
    section title) and 名词解释 entries (where = the entry's term)."""
    out = {p.anchor: (p.text, s.title if s is not None else "开头") for s, p in report.paragraphs()}
    out.update({e.anchor: (e.definition, f"名词解释：{e.term}") for e in report.glossary})
    return out


def _indent(markdown: str) -> str:
    return "\n".join("    " + line if line else "" for line in markdown.splitlines())


def _definition_label(d: Definition) -> str:
    if d.origin == "official":
        place = " ".join(str(x) for x in (d.region, d.year) if x)
        return f"官方释义 · {place} 名词解释".replace("  ", " ")
    return f"本站整理 · {d.source}"


def _definition_block(ctx: SiteContext, page: str, term: Term, i: int, d: Definition) -> str:
    spans = []
    for start, end, other in ctx.glossary.definition_links(term.key, i):
        other_term = ctx.glossary.terms.get(other)
        if other_term is not None:
            spans.append(tip_span(start, end, urls.href(page, urls.term_page(other_term.slug)), other_term, d.text))
    body = [render_linked(d.text, spans)]
    if d.origin == "official" and d.report_slug:
        target = urls.href(page, urls.report_page(d.report_slug), d.anchor or "")
        source = f"出处：「{link(d.source, target)}」"
        if d.term_as_written and d.term_as_written != term.headword:
            source += f"；原文词形：{escape_text(d.term_as_written)}"
        body.append(source)
    else:
        body.append(f"出处：{escape_text(d.source)}。本站依据该文件用自己的语言整理，并非原文。")
    kind = "quote" if d.origin == "official" else "info"
    title = escape_text(_definition_label(d))
    return f'!!! {kind} "{title}"\n\n' + "\n\n".join(_indent(b) for b in body)


def _definitions(ctx: SiteContext, page: str, term: Term) -> list[str]:
    out = [heading(2, "释义", "definitions")]
    if not term.definitions:
        return out + ["暂无释义。"]
    if len(term.definitions) > 1:
        official = sum(1 for d in term.definitions if d.origin == "official")
        curated = len(term.definitions) - official
        if not curated:
            origin = "均来自报告的名词解释"
        elif not official:
            origin = "均由本站整理"
        else:
            origin = f"{official} 条来自报告的名词解释，{curated} 条由本站整理"
        out.append(f"共 {len(term.definitions)} 条释义（{origin}），逐条列出，不作合并。")
    out += [_definition_block(ctx, page, term, i, d) for i, d in enumerate(term.definitions)]
    return out


def _snippet(page: str, report: Report, texts: dict, anchor: str, occs: list[Occurrence]) -> str:
    text, where = texts.get(anchor, ("", "原文"))
    spans = [(o.start, o.end) for o in occs if o.end <= len(text)]
    target = urls.href(page, urls.report_page(report.slug), anchor)
    return f"- {excerpt(text, spans)}{where_link(where, target)}"


def _report_occurrences(page: str, report: Report, mine: list[Occurrence]) -> list[str]:
    """The blocks for one report on a term page: heading, snippets, link to the report."""
    # An HTML heading, which the table of contents leaves out: a Markdown heading per report
    # would make the page's contents (part of its chrome) grow with the reports using the term.
    out = [html_heading(3, "in-" + report.slug, escape_text(f"{report_label(report)}（{len(mine)} 处）"),
                        searchable=False)]
    by_anchor: dict[str, list[Occurrence]] = {}
    for occ in mine:
        by_anchor.setdefault(occ.anchor, []).append(occ)
    texts = memo.table("unit-texts").get(memo.report_key(report), lambda: unit_texts(report))
    anchors = list(by_anchor)
    items = [_snippet(page, report, texts, a, by_anchor[a]) for a in anchors[:SNIPPETS_PER_REPORT]]
    out.append(excerpts(["\n".join(items)]))
    rest = len(anchors) - SNIPPETS_PER_REPORT
    report_link = link("打开报告", urls.href(page, urls.report_page(report.slug)))
    out.append(f"另有 {rest} 个段落用到本词，{report_link}查看全文。" if rest > 0 else report_link)
    return out


def _excerpt_reports(ctx: SiteContext, reports: list[Report]) -> list[Report]:
    """The reports whose uses are quoted on the term page: all of them up to EXCERPT_REPORTS,
    else the EXCERPT_REPORTS most recent (latest year first; within a year, hierarchy order)."""
    if len(reports) <= EXCERPT_REPORTS:
        return reports
    latest = sorted(range(len(reports)), key=lambda i: (-(reports[i].year or 0), i))[:EXCERPT_REPORTS]
    return [reports[i] for i in latest]


def _occurrences(ctx: SiteContext, page: str, term: Term) -> list[str]:
    """The 出现位置 section: summary, then the quoted reports' blocks. A term used in more
    than EXCERPT_REPORTS reports quotes the most recent ones; every report is listed, with
    its count and a link to its first use, in the usage table below."""
    out = [heading(2, "出现位置", "occurrences")]
    total = ctx.glossary.usage_count(term.key)
    if not total:
        return out + ["本站收录的报告中没有用到这个术语。"]
    reports = sorted_reports(ctx, [r for r in map(ctx.report, ctx.glossary.term_reports(term.key)) if r is not None])
    quoted = _excerpt_reports(ctx, reports)
    summary = f"共 {total} 处，见于 {len(reports)} 篇报告。"
    if len(quoted) < len(reports):
        usage = link("各地各年用例", urls.href(page, page, "usage"))
        summary += (f"下面摘录最近 {len(quoted)} 篇报告中的用例；全部 {len(reports)} 篇报告及各篇的次数见{usage}，"
                    "表中每个年份链接到该篇报告第一次用到本词的段落。")
    out.append(summary + "摘录中粗体为本词，点击摘录后的章节名跳到原文段落。")
    for report in quoted:
        # One report's snippets depend on that report and the term only (the site digest
        # covers the term itself): reused across rebuilds while the report is unchanged.
        out += ctx.cached("fragment:term-occurrences", memo.report_key(report, term.key),
                          lambda: _report_occurrences(page, report, ctx.glossary.in_report(term.key, report.slug)))
    return out


def _usage_rows(ctx: SiteContext, page: str, term: Term) -> list[list[str]]:
    """One row per region: its uses in all, then per report (year and count, linked to the
    report's first paragraph using the term). Grows with the reports using the term (one
    short cell each), not with regions × years."""
    by_region: dict[str, list[tuple[int, str, int, str]]] = {}
    for slug in ctx.glossary.term_reports(term.key):
        report = ctx.report(slug)
        mine = ctx.glossary.in_report(term.key, slug)
        if report is not None and mine:
            target = urls.href(page, urls.report_page(report.slug), mine[0].anchor)  # reading order
            by_region.setdefault(report.region_name, []).append((report.year or 0, report.slug, len(mine), target))
    rows = []
    groups = region_groups(ctx)
    for i in sorted(i for name in by_region for i in _group_positions(ctx).get(name, ())):
        group = groups[i]
        cells = sorted(by_region[group.name])
        name = (link(group.name, urls.href(page, ctx.region_path(group.name))) if group.name
                else escape_text(group.label))
        years = "、".join(link(f"{y}年" if y else "年份不明", target) + f" {n}" for y, _, n, target in cells)
        rows.append([name, str(sum(n for _, _, n, _ in cells)), years, str(len(cells))])
    return rows


def _group_positions(ctx: SiteContext) -> dict[str, tuple[int, ...]]:
    """Region name -> its places in ``region_groups`` (once per context: a term page visits
    only the regions using the term, not every region)."""
    def compute() -> dict[str, tuple[int, ...]]:
        out: dict[str, list[int]] = {}
        for i, group in enumerate(region_groups(ctx)):
            out.setdefault(group.name, []).append(i)
        return {name: tuple(places) for name, places in out.items()}

    return facts_memo(ctx, "group-positions", compute)


def _usage_pages(rows: list[list[str]]) -> list[list[list[str]]]:
    """The usage table's rows cut into pages of about USAGE_REPORTS_PER_PAGE report cells,
    between regions (a region's row is never split)."""
    pages: list[list[list[str]]] = [[]]
    cells = 0
    for row in rows:
        n = int(row[3])
        if pages[-1] and cells + n > USAGE_REPORTS_PER_PAGE:
            pages.append([])
            cells = 0
        pages[-1].append(row[:3])
        cells += n
    return pages


USAGE_HEAD = ["地区", "合计", "各篇报告（年份 次数）"]
USAGE_NOTE = "表中数字为该地区报告中本词出现的次数：合计，及逐篇（按年份）；点击年份跳到该篇报告第一次用到本词的段落。"


def _related(ctx: SiteContext, page: str, term: Term) -> list[str]:
    groups: dict[str, list[str]] = {}
    for other, reason in ctx.glossary.related(term.key):
        other_term = ctx.glossary.terms.get(other)
        if other_term is not None:
            groups.setdefault(reason, []).append(link(other_term.headword, urls.href(page, urls.term_page(
                other_term.slug)), *term_tip(other_term, other_term.headword)))
    if not groups:
        return []
    lines = [f"- {RELATED_LABELS.get(reason, reason)}：" + "、".join(groups[reason])
             for reason in RELATED_LABELS if reason in groups]
    return [heading(2, "相关术语", "related"), "\n".join(lines)]


def term_pages(ctx: SiteContext, term: Term, order: int) -> list[Page]:
    """The term's page (and, for a usage table of more than USAGE_REPORTS_PER_PAGE reports,
    its further pages); re-rendered only when a report that uses the term, or the related
    terms, changed (the site digest covers the term's own definitions).
    Outside the navigation: the glossary lists lead to them (a nav of every term would be
    in every term page's sidebar)."""
    page = urls.term_page(term.slug)
    users = ctx.keys_of_slugs(ctx.glossary.term_reports(term.key))
    key = None if users is None else (term.key, users, tuple(ctx.glossary.related(term.key)))
    contents = ctx.cached("page:term", key, lambda: _render(ctx, page, term))
    letter = letter_of(term)
    group = "数字开头" if letter == DIGIT_GROUP else letter
    out = [Page(page, contents[0], term.headword, group=group, order=(1, order), in_nav=False)]
    for n, content in enumerate(contents[1:], start=2):
        out.append(Page(urls.numbered(page, n), content, f"{term.headword}（第 {n} 页）", group=group,
                        order=(1, order, n), in_nav=False))
    return out


def _pager(page: str, base: str, n: int, count: int) -> str:
    items = [f"**{k}**" if k == n else link(str(k), urls.href(page, urls.numbered(base, k), "usage"))
             for k in range(1, count + 1)]
    return f"各地各年用例第 {n}/{count} 页：" + " · ".join(items)


def _usage_blocks(page: str, base: str, n: int, chunks: list[list[list[str]]]) -> list[str]:
    if not chunks[0]:
        return []
    pager = [_pager(page, base, n, len(chunks))] if len(chunks) > 1 else []
    return [heading(2, "各地各年用例", "usage"), USAGE_NOTE, *pager, table(USAGE_HEAD, chunks[n - 1]), *pager]


def _render(ctx: SiteContext, page: str, term: Term) -> tuple[str, ...]:
    names = [term.headword, *[a for a in term.aliases if a != term.headword]]
    facts = [f"拼音：{escape_text(term.pinyin)}" if term.pinyin else "",
             f"类别：{escape_text(term.category or '未分类')}",
             f"用例：{ctx.glossary.usage_count(term.key)} 处"]
    top = "**" + escape_text(term.headword) + "**"
    if len(names) > 1:
        top += "，又作：" + "、".join(escape_text(a) for a in names[1:])
    blocks = [heading(1, term.headword), top, " · ".join(f for f in facts if f)]
    blocks += _definitions(ctx, page, term)
    blocks += timeline_blocks(ctx, page, term)
    blocks += _occurrences(ctx, page, term)
    chunks = _usage_pages(_usage_rows(ctx, page, term))
    blocks += _usage_blocks(page, page, 1, chunks)
    blocks += _related(ctx, page, term)
    back = link("术语表", urls.href(page, urls.GLOSSARY_INDEX))
    blocks.append(f"返回{back}。")
    contents = [join_blocks(blocks)]
    for n in range(2, len(chunks) + 1):
        here = urls.numbered(page, n)
        contents.append(join_blocks([
            heading(1, f"{term.headword}（第 {n} 页）"),
            f"“{escape_text(term.headword)}”的各地各年用例（续），共 {ctx.glossary.usage_count(term.key)} 处。"
            "释义、摘录和相关术语见" + link("词条首页", urls.href(here, page)) + "。",
            *_usage_blocks(here, page, n, chunks)]))
    return tuple(contents)


def pages(ctx: SiteContext) -> Iterable[Page]:
    if ctx.glossary is None:
        return
    for i, term in enumerate(ctx.glossary.ordered()):
        yield from term_pages(ctx, term, i)
