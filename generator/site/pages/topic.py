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
from ..context import Page, SiteContext
from ..render.excerpts import excerpt
from ..facts.reports import RegionGroup, region_groups, report_label
from ..render.markdown import escape_text, excerpts, heading, join_blocks, link, table
from ..facts.topics import (KEYWORD_WEIGHT, LEAD_BONUS, SECTION_BONUS, TERM_WEIGHT, THRESHOLD, ParagraphMatch,
                     TopicIndex, assign_topics, glossary_aliases)

PARAGRAPHS_PER_REPORT = 8  # excerpts listed per report on a topic page (the counts cover all)

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
    return f"- {excerpt(match.paragraph.text, spans)} （{link(where, target)}）"


def _report_blocks(page: str, index: TopicIndex, topic: Topic, report) -> list[str]:
    """One report's sections and strongest paragraphs on the topic ([] when none)."""
    sections = index.report_sections(topic.slug, report.slug)
    paragraphs = index.report_paragraphs(topic.slug, report.slug)
    if not sections and not paragraphs:
        return []
    blocks = [heading(3, report_label(report), "rep-" + report.slug)]
    if sections:
        links = [link(m.section.title, urls.href(page, urls.report_page(report.slug), m.section.anchor))
                 for m in sections]
        blocks.append("相关章节：" + "；".join(links))
    if paragraphs:
        shown = strongest(paragraphs)
        blocks.append(f"相关段落（{len(paragraphs)} 段）：")
        blocks.append(excerpts(["\n".join(_paragraph_item(page, m) for m in shown)]))
        if len(shown) < len(paragraphs):
            more = link("打开报告", urls.href(page, urls.report_page(report.slug)))
            blocks.append(f"以上是得分最高的 {len(shown)} 段（按原文顺序）；另有 {len(paragraphs) - len(shown)} 段，"
                          f"{more}查看全文。")
    return blocks


def _region_part(ctx: SiteContext, page: str, index: TopicIndex, topic: Topic,
                 group: RegionGroup) -> tuple[list[str], list[str]]:
    """One region's row of the summary table and its blocks (heading, each report's part)."""
    paragraphs = sum(index.paragraph_count(topic.slug, r.slug) for r in group.reports)
    sections = sum(index.section_count(topic.slug, r.slug) for r in group.reports)
    label = link(group.label, urls.href(page, page, region_anchor(ctx, group))) if paragraphs or sections \
        else escape_text(group.label)
    years = "、".join(str(r.year) for r in group.reports if r.year) or "—"
    row = [label, years, str(sections), str(paragraphs)]
    blocks = []
    for report in group.reports:
        # A report's matches depend on the report and the topic configuration (in the site
        # digest): its blocks are reused across rebuilds while the report is unchanged.
        key = memo.report_key(report)
        blocks += ctx.cached("fragment:topic-report", key and (topic.slug, key),
                             lambda: _report_blocks(page, index, topic, report))
    if blocks:
        head = [heading(2, group.label, region_anchor(ctx, group))]
        if group.name:
            head.append("查看" + link(f"{group.name}地区页", urls.href(page, ctx.region_path(group.name))) + "。")
        blocks = head + blocks
    return row, blocks


def topic_page(ctx: SiteContext, index: TopicIndex, topic: Topic, order: int) -> Page:
    """The topic's page; re-rendered only when a report with matches on it changed."""
    page = urls.topic_page(topic.slug)
    matched = {m.report.slug for m in index.paragraphs[topic.slug]} | {m.report.slug for m in
                                                                       index.sections[topic.slug]}
    users = ctx.keys_of(r for r in ctx.reports if r.slug in matched)
    content = ctx.cached("page:topic", None if users is None else (topic.slug, users),
                         lambda: _render(ctx, page, index, topic))
    return Page(page, content, topic.name, order=(order,))


def _render(ctx: SiteContext, page: str, index: TopicIndex, topic: Topic) -> str:
    total = len(index.paragraphs[topic.slug])
    reports = {m.report.slug for m in index.paragraphs[topic.slug]} | {m.report.slug for m in
                                                                       index.sections[topic.slug]}
    blocks = [heading(1, topic.name)]
    if topic.description:
        blocks.append(escape_text(topic.description))
    blocks.append(_keywords_block(ctx, page, topic))
    if not reports:
        blocks.append("没有报告段落达到本专题的归类标准。")
        return join_blocks(blocks)
    blocks.append(f"共在 {len(reports)} 篇报告中找到 {total} 个相关段落。下表按地区层级汇总，"
                  "下文逐个地区列出相关章节与段落摘录，便于对照各地的做法；粗体为命中的关键词，"
                  "点击章节名可跳到报告原文中的该段。")
    rows, parts = [], []
    for group in region_groups(ctx):
        key = ctx.keys_of(group.reports)
        row, region_blocks = ctx.cached("fragment:topic-region", None if key is None else (topic.slug, group.name, key),
                                        lambda: _region_part(ctx, page, index, topic, group))
        rows.append(row)
        parts += region_blocks
    blocks.append(table(["地区", "报告年份", "章节", "段落"], rows))
    blocks += parts
    blocks.append(escape_text(RULE))
    return join_blocks(blocks)


def overview_page(ctx: SiteContext, index: TopicIndex) -> Page:
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
        header = ["地区"] + [link(t.name, urls.href(page, urls.topic_page(t.slug))) for t in topics]
        rows = []
        for group in groups:
            row = [_region_link(ctx, page, group)]
            for topic in topics:
                count = sum(index.paragraph_count(topic.slug, r.slug) for r in group.reports)
                target = urls.href(page, urls.topic_page(topic.slug), region_anchor(ctx, group))
                row.append(link(str(count), target) if count else "0")
            rows.append(row)
        blocks.append(heading(2, "专题 × 地区", "matrix"))
        blocks.append(table(header, rows))
    return Page(page, join_blocks(blocks), "专题")


def pages(ctx: SiteContext) -> Iterable[Page]:
    index = build_index(ctx)
    # The topic × region counts involve every report.
    yield ctx.cached("page:topics-overview", ctx.reports_key, lambda: overview_page(ctx, index))
    for i, topic in enumerate(index.topics):
        yield topic_page(ctx, index, topic, i)
