"""Topic pages (topics/<slug>.md) and the topic × region overview (topics/index.md).

Each topic page lists, region by region in hierarchy order, the sections and
paragraphs assigned to the topic (see facts/topics.py for the rule) with short escaped
excerpts, the matched keywords in bold, each linking to the paragraph in its report.
"""

from __future__ import annotations

from typing import Iterable

from ... import memo
from ...config import Topic
from ..render import urls
from .attention import attention_blocks
from ..context import Page, SiteContext
from ..render.excerpts import excerpt, where_link
from ..facts.reports import RegionGroup, region_groups, report_label, short_text
from ..render.markdown import escape_text, excerpts, heading, html_heading, join_blocks, link
from ..render.tables import Cell, CellLike, Column, heat, heat_legend, html_table, scroll_box
from ..facts.topics import (KEYWORD_WEIGHT, LEAD_BONUS, SECTION_BONUS, TERM_WEIGHT, THRESHOLD, ParagraphMatch,
                     TopicIndex, assign_topics, glossary_aliases)

PARAGRAPHS_PER_REPORT = 4  # excerpts listed per report on a topic page (the counts cover all); 8 made
# the topic pages 60 MB of the cn/ site (1,439 reports), the excerpts 3/4 of it
# Markdown bytes of excerpts per page (about 1.3× that in HTML): a topic with more is
# split into pages topics/<slug>.md, topics/<slug>--2.md, … cut between reports.
PAGE_BUDGET = 120_000
MATRIX_LINKS = 60  # the topic × region table links its counts up to this many regions

RULE = (f"归类规则：章节标题含有专题关键词或术语时，该章节归入专题。段落按专题计分——"
        f"每个不同的关键词记 {KEYWORD_WEIGHT} 分，每个专题术语记 {TERM_WEIGHT} 分；"
        f"关键词出现在段首引领语中再加 {LEAD_BONUS} 分，所在章节的标题属于该专题再加 {SECTION_BONUS} 分；"
        f"得分不低于 {THRESHOLD} 分的段落归入该专题。一个段落可以属于多个专题。")


def strongest(matches: list[ParagraphMatch], limit: int = PARAGRAPHS_PER_REPORT) -> list[ParagraphMatch]:
    """The ``limit`` highest-scoring paragraphs (earlier first on ties), kept in reading order."""
    ranked = sorted(range(len(matches)), key=lambda i: (-matches[i].score, i))[:limit]
    return [matches[i] for i in sorted(ranked)]


def build_index(ctx: SiteContext) -> TopicIndex:
    topics = ctx.config.topics
    return assign_topics(ctx.reports, topics, glossary_aliases(topics, ctx.glossary))


def region_anchor(ctx: SiteContext, group: RegionGroup) -> str:
    return "r-" + ctx.region_slug(group.name) if group.name else "r-unknown"


def _region_link(ctx: SiteContext, page: str, group: RegionGroup) -> str:
    return link(group.name, urls.href(page, ctx.region_path(group.name))) if group.name else escape_text(group.label)


def _keywords_block(ctx: SiteContext, page: str, topic: Topic) -> str:
    lines = ["关键词：" + "、".join(escape_text(k) for k in topic.keywords)]
    if topic.terms:
        shown = []
        for term in topic.terms:
            found = ctx.glossary.get(term) if ctx.glossary is not None else None
            if found is not None:
                shown.append(link(found.headword, urls.href(page, urls.term_page(found.slug))))
            else:
                shown.append(escape_text(term))
        lines.append("相关术语：" + "、".join(shown))
    return "\n\n".join(lines)


def _paragraph_item(page: str, match: ParagraphMatch) -> str:
    spans = [(h.start, h.end) for h in match.hits]
    where = match.section.title if match.section is not None else "开头"
    target = urls.href(page, urls.report_page(match.report.slug), match.paragraph.anchor)
    return f"- {excerpt(match.paragraph.text, spans)}{where_link(where, target)}"


def _report_blocks(page: str, index: TopicIndex, topic: Topic, report) -> list[str]:
    """One report's sections and strongest paragraphs on the topic ([] when none)."""
    sections = index.report_sections(topic.slug, report.slug)
    paragraphs = index.report_paragraphs(topic.slug, report.slug)
    if not sections and not paragraphs:
        return []
    # An HTML heading, which the table of contents leaves out: a Markdown heading per report
    # would make the page's contents (part of its chrome) grow with the number of reports.
    blocks = [html_heading(3, "rep-" + report.slug, escape_text(report_label(report)), searchable=False)]
    if sections:
        links = [link(m.section.title, urls.href(page, urls.report_page(report.slug), m.section.anchor))
                 for m in sections]
        blocks.append("相关章节：" + "；".join(links))
    if paragraphs:
        shown = strongest(paragraphs)
        blocks.append(f"相关段落（{len(paragraphs)} 段）：")
        blocks.append(excerpts(["\n".join(_paragraph_item(page, m) for m in shown)]))
        if len(shown) < len(paragraphs):
            blocks.append(_more_line(page, report, shown, paragraphs))
    return blocks


MORE_LINKS = 40  # links to the paragraphs not quoted, per report
PLACE_CHARS = 10  # of a section title in such a link


def _place(match: ParagraphMatch) -> str:
    """"（七）站在“国之大者”…第 5 段" / "开头第 1 段": the section (its title, short: two
    parts may both have a （四）) and the paragraph's place in it."""
    section = match.section
    paras = section.paragraphs if section is not None else match.report.preamble
    k = next((i for i, p in enumerate(paras, start=1) if p.anchor == match.paragraph.anchor), 0)
    label = "开头" if section is None else short_text(section.title, PLACE_CHARS)
    return f"{label}第 {k} 段" if k else label


def _more_line(page: str, report, shown: list[ParagraphMatch], paragraphs: list[ParagraphMatch]) -> str:
    """The paragraphs on the topic that are not quoted, each a link to its place."""
    quoted = {m.paragraph.anchor for m in shown}
    rest = [m for m in paragraphs if m.paragraph.anchor not in quoted]
    links = [link(_place(m), urls.href(page, urls.report_page(report.slug), m.paragraph.anchor))
             for m in rest[:MORE_LINKS]]
    tail = f"等（共 {len(rest)} 段，{link('打开报告', urls.href(page, urls.report_page(report.slug)))}查看全文）" \
        if len(rest) > MORE_LINKS else ""
    return f"以上是得分最高的 {len(shown)} 段（按原文顺序）；另有 {len(rest)} 段：" + "、".join(links) + tail + "。"


def _region_part(ctx: SiteContext, page: str, index: TopicIndex, topic: Topic,
                 group: RegionGroup) -> tuple[list[str], list[list[str]]]:
    """One region's row of the summary table and its reports' blocks (one list per report
    with matches). Links are relative to ``page``; every page of a topic lies in the same
    folder (urls.numbered), so they hold on each of them."""
    paragraphs = sum(index.paragraph_count(topic.slug, r.slug) for r in group.reports)
    sections = sum(index.section_count(topic.slug, r.slug) for r in group.reports)
    years = "、".join(str(r.year) for r in group.reports if r.year) or "—"
    row = [escape_text(group.label), years, str(sections), str(paragraphs)]
    parts = []
    for report in group.reports:
        # A report's matches depend on the report and the topic configuration (in the site
        # digest): its blocks are reused across rebuilds while the report is unchanged.
        blocks = ctx.cached("fragment:topic-report", memo.report_key(report, topic.slug),
                            lambda: _report_blocks(page, index, topic, report))
        if blocks:
            parts.append(blocks)
    return row, parts


# No column classes: a row per region, and at 1,439 reports this table is on the topic's
# largest page (a class on two cells a row is about 14 KB there).
SUMMARY_COLUMNS = (Column("地区"), Column("报告年份"), Column("整节"), Column("段落"))
COLUMNS_NOTE = ("“整节”是标题本身点出本专题（标题含关键词或专题术语）的章节数，整节都与本专题有关；"
                "“段落”是按下方归类规则得分达标的段落数，无论所在章节的标题如何。多数章节标题不直接点出专题，"
                "所以整节常为 0 而段落有数：比较各地谈了多少，看段落数。")


def _region_head(ctx: SiteContext, page: str, group: RegionGroup, continued: bool) -> list[str]:
    # HTML headings, which the table of contents leaves out: the summary table is the page's
    # contents (Markdown headings would put an entry per region into every page's chrome).
    if continued:
        return [html_heading(2, region_anchor(ctx, group) + "-cont", escape_text(f"{group.label}（续）"),
                             searchable=False)]
    head = [html_heading(2, region_anchor(ctx, group), escape_text(group.label), searchable=False)]
    if group.name:
        head.append("查看" + link(f"{group.name}地区页", urls.href(page, ctx.region_path(group.name))) + "。")
    return head


def _size(blocks: list[str]) -> int:
    return sum(len(b.encode("utf-8")) + 2 for b in blocks)


def paginate(ctx: SiteContext, regions: list[tuple[RegionGroup, list[list[str]]]], page: str,
             budget: int, first: int = 0) -> tuple[list[list[str]], dict[str, int]]:
    """Region parts laid out on pages of about ``budget`` bytes of Markdown, cut between
    reports (a report's blocks stay together; a region cut in two gets a "（续）" heading).
    ``first``: bytes the first page already holds (its table and 关注度 charts), counted
    against its budget; when they fill it, the excerpts start on page 2.
    Returns the blocks of each page and the page number (1-based) where each region starts."""
    pages: list[list[str]] = [[]]
    start: dict[str, int] = {}
    size = first
    for group, parts in regions:
        head = _region_head(ctx, page, group, continued=False)
        for i, blocks in enumerate(parts):
            lead = head if i == 0 else []
            need = _size(lead) + _size(blocks)
            if (pages[-1] or size) and size + need > budget:
                pages.append([])
                size = 0
                if i > 0:
                    lead = _region_head(ctx, page, group, continued=True)
                    need = _size(lead) + _size(blocks)
            if i == 0:
                start[group.name] = len(pages)
            pages[-1] += lead + blocks
            size += need
    return pages, start


def pager(page: str, base: str, n: int, count: int) -> str:
    """"第 1 2 3 页": links to every page of a paginated page, the current one plain."""
    if count <= 1:
        return ""
    items = [f"**{k}**" if k == n else link(str(k), urls.href(page, urls.numbered(base, k)))
             for k in range(1, count + 1)]
    return f"第 {n}/{count} 页：" + " · ".join(items)


def topic_pages(ctx: SiteContext, index: TopicIndex, topic: Topic, order: int) -> tuple[list[Page], dict[str, int]]:
    """The topic's pages, and the page where each region's excerpts start; re-rendered only
    when a report with matches on it changed."""
    page = urls.topic_page(topic.slug)
    matched = {m.report.slug for m in index.paragraphs[topic.slug]} | {m.report.slug for m in
                                                                       index.sections[topic.slug]}
    users = ctx.keys_of(r for r in ctx.reports if r.slug in matched)
    contents, start = ctx.cached("page:topic", None if users is None else (topic.slug, users),
                                 lambda: _render(ctx, page, index, topic))
    out = [Page(page, contents[0], topic.name, order=(order,))]
    for n, content in enumerate(contents[1:], start=2):
        out.append(Page(urls.numbered(page, n), content, f"{topic.name}（第 {n} 页）", order=(order, n),
                        in_nav=False))
    return out, start


def _render(ctx: SiteContext, page: str, index: TopicIndex, topic: Topic) -> tuple[tuple[str, ...], dict[str, int]]:
    total = len(index.paragraphs[topic.slug])
    reports = {m.report.slug for m in index.paragraphs[topic.slug]} | {m.report.slug for m in
                                                                       index.sections[topic.slug]}
    blocks = [heading(1, topic.name)]
    if topic.description:
        blocks.append(escape_text(topic.description))
    blocks.append(_keywords_block(ctx, page, topic))
    if not reports:
        blocks.append("没有报告段落达到本专题的归类标准。")
        return (join_blocks(blocks),), {}
    rows, regions = [], []
    for group in region_groups(ctx):
        key = ctx.keys_of(group.reports)
        row, parts = ctx.cached("fragment:topic-region", None if key is None else (topic.slug, group.name, key),
                                lambda: _region_part(ctx, page, index, topic, group))
        rows.append((group, row))
        if parts:
            regions.append((group, parts))
    attention = attention_blocks(ctx, page, index, topic)
    # The first page's own part: the table (HTML rows whose region cells become links, about
    # 150 bytes of markup each) and the 关注度 charts; on cn/ (1,439 reports) these alone were
    # 200 kB of a topic's first page.
    first = _size(blocks + attention) + sum(_size(row) + 150 for _, row in rows) + len(COLUMNS_NOTE) + 400
    laid_out, start = paginate(ctx, regions, page, PAGE_BUDGET, first)
    count = len(laid_out)
    blocks.append(f"共在 {len(reports)} 篇报告中找到 {total} 个相关段落。下表按地区层级汇总，"
                  "下文逐个地区列出相关章节与段落摘录，便于对照各地的做法；粗体为命中的关键词，"
                  "点击章节名可跳到报告原文中的该段。"
                  + (f"摘录分 {count} 页，表中地区名链接到该地区所在的页。" if count > 1 else ""))
    table_rows = []
    for group, row in rows:
        if group.name in start:
            target = urls.href(page, urls.numbered(page, start[group.name]), region_anchor(ctx, group))
            row = [link(group.label, target)] + row[1:]
        table_rows.append(row)
    blocks.append(COLUMNS_NOTE)
    blocks.append(html_table(SUMMARY_COLUMNS, table_rows))
    blocks += attention
    nav_line = pager(page, page, 1, count)
    contents = [join_blocks(blocks + [nav_line] + laid_out[0] + [nav_line, escape_text(RULE)])]
    for n, part in enumerate(laid_out[1:], start=2):
        here = urls.numbered(page, n)
        nav_line = pager(here, page, n, count)
        head = [heading(1, f"{topic.name}（第 {n} 页）"),
                f"专题“{escape_text(topic.name)}”的段落摘录，第 {n} 页，共 {count} 页。"
                + link("返回专题首页", urls.href(here, page)) + "查看按地区汇总的表格。", nav_line]
        contents.append(join_blocks(head + part + [nav_line]))
    return tuple(contents), start


def overview_page(ctx: SiteContext, index: TopicIndex, starts: dict[str, dict[str, int]]) -> Page:
    """Topics with counts and the topic × region table. Its cells link to the region on the
    topic's pages while the table is short (MATRIX_LINKS rows); a longer one shows plain
    counts (the links would make it the largest page of the site) and each topic page's
    own table links every region."""
    page = urls.TOPICS_INDEX
    topics = index.topics
    blocks = [heading(1, "专题"),
              "专题把各地报告中谈同一件事的章节和段落归到一起。点击专题名查看按地区排列的段落摘录；"
              "表中的数字是各地区报告中属于该专题的段落数，点击可直接跳到该地区。",
              escape_text(RULE)]
    items = []
    for topic in topics:
        count = len(index.paragraphs[topic.slug])
        desc = f"：{escape_text(topic.description)}" if topic.description else ""
        items.append(f"- {link(topic.name, urls.href(page, urls.topic_page(topic.slug)))}{desc}（{count} 段）")
    blocks.append("\n".join(items) or "尚未配置专题。")
    groups = region_groups(ctx)
    if topics and groups:
        blocks.append(heading(2, "专题 × 地区", "matrix"))
        blocks += _matrix(ctx, page, index, starts, groups)
    return Page(page, join_blocks(blocks), "专题")


def _matrix(ctx: SiteContext, page: str, index: TopicIndex, starts: dict[str, dict[str, int]],
            groups: list[RegionGroup]) -> list[str]:
    """The topic × region counts as a heat map in a marked scroll box: one row per region
    (kept in place while the topic columns scroll), each cell's count as text and shaded
    by its quarter of the table's largest count."""
    topics = index.topics
    counts = [[sum(index.paragraph_count(t.slug, r.slug) for r in g.reports) for t in topics] for g in groups]
    top = max((c for row in counts for c in row), default=0)
    columns = [Column("地区")] + [Column(link(t.name, urls.href(page, urls.topic_page(t.slug)))) for t in topics]
    rows = []
    for group, row_counts in zip(groups, counts):
        row: list[CellLike] = [_region_link(ctx, page, group)]
        for topic, count in zip(topics, row_counts):
            n = starts.get(topic.slug, {}).get(group.name)
            text = str(count)
            if count and n and len(groups) <= MATRIX_LINKS:
                target = urls.numbered(urls.topic_page(topic.slug), n)
                text = link(text, urls.href(page, target, region_anchor(ctx, group)))
            row.append(Cell(text, heat(count, top)))
        rows.append(row)
    caption = (f"每格是该地区报告中属于该专题的段落数，颜色越深段落越多（按全表最多的 {top} 段分四档）。"
               + heat_legend(top) if top else "各地区报告中没有属于任何专题的段落。")
    table_html = html_table(columns, rows, "data-table topic-matrix", row_heads=True)
    return [f'<p markdown="span">{caption}</p>', scroll_box(table_html, "专题 × 地区段落数")]


def pages(ctx: SiteContext) -> Iterable[Page]:
    index = build_index(ctx)
    built, starts = [], {}
    for i, topic in enumerate(index.topics):
        topic_out, starts[topic.slug] = topic_pages(ctx, index, topic, i)
        built += topic_out
    # The topic × region counts involve every report: the page changes with a count or a start page.
    yield ctx.cached("page:topics-overview", memo.digest(MATRIX_LINKS, index.paragraph_counts(), sorted(starts.items())),
                     lambda: overview_page(ctx, index, starts))
    yield from built
