"""One page per report: reports/<slug>.md.

Layout: title, a metadata card (region chain linked to region pages, year, date,
meeting, speaker, source, the whole report's citation), the 原文质量提示 box when the
source is defective (report_notes), the title block and preamble, then the section
tree as headings with the model's anchors (so Material's table of contents is the
section tree). Every paragraph, list item and 名词解释 entry carries its anchor
and a hover permalink; body paragraphs carry their number (``data-n``, shown by
docs_src/stylesheets/cite.css, cited by docs_src/javascripts/cite.js from the card's
``data-cite-head``/``data-cite-url``: facts/citation.py); leads are bold; glossary
occurrences link to term pages with the short definition as tooltip. Headings never
contain links. The page ends with the 整理记录 (when text was removed) and the
previous and next report of the same region.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator, Optional

from ... import memo
from ...config import SourceNote
from ...model import GlossaryEntry, Paragraph, Report, Section, Term
from ..render import markdown as md
from ..render import urls
from ..render.term_tip import term_tip, tip_span
from ..context import Page, SiteContext
from ..facts.citation import citation, date_label, numbers
from ..facts.quality import notices
from ..facts.targets import catalogue_digest, target_index
from . import report_notes
from .targets import report_box
from .novelty import novelty_key, report_blocks as novelty_blocks
from .compare import link_from as compare_link

UNKNOWN_REGION = "未知地区"


NOT_STATED = "原文未载"  # shown for a date or speaker the text does not state
CITE_LABEL = "引用"


def report_title(report: Report) -> str:
    """Full Chinese title, e.g. 鄂托克旗2024年政府工作报告 (a page's heading)."""
    return report.full_title()


def source_notes(ctx: SiteContext, report: Report) -> list[SourceNote]:
    override = ctx.config.reports.get(Path(report.source).name)
    return override.notes if override is not None else []


class _Renderer:
    def __init__(self, ctx: SiteContext, report: Report, base_url: str):
        self.ctx = ctx
        self.report = report
        self.path = urls.report_page(report.slug)
        self.tipped: set[str] = set()  # terms whose first link carries the tooltip's source
        self.linked: dict[str, tuple[Optional[Term], str, str]] = {}  # term key -> (term, link here, gloss)
        self.base_url = base_url
        self.numbers: dict[str, int] = {}
        self.notes: dict[str, list[str]] = {}

    # -- links ----------------------------------------------------------------
    def _term_spans(self, anchor: str, text: str) -> list[tuple]:
        glossary = self.ctx.glossary
        linked = self.linked
        spans: list[tuple] = []
        for occ in glossary.paragraph_links(self.report.slug, anchor):
            known = linked.get(occ.term_key)
            if known is None:
                term = glossary.terms.get(occ.term_key)
                known = linked[occ.term_key] = (term, "", "") if term is None else (
                    term, urls.href(self.path, urls.term_page(term.slug)), term.short)
            term, href, short = known
            if term is None:
                continue
            if term.key in self.tipped:  # what term_tip gives a term's later links
                spans.append((occ.start, occ.end, href, short, ()))
            else:
                spans.append(tip_span(occ.start, occ.end, href, term, text, self.tipped))
        return spans

    def _region_link(self, name: str) -> str:
        return md.link(name, urls.href(self.path, self.ctx.region_path(name)))

    def _report_link(self, other: Report, label: str) -> str:
        return md.link(label, urls.href(self.path, urls.report_page(other.slug)))

    # -- blocks ---------------------------------------------------------------
    def paragraph(self, p: Paragraph, tag: str = "p") -> str:
        n = self.numbers.get(p.anchor)
        attrs = f'data-n="{n}"' if n else ""
        if p.kind == "table":
            return md.container("div", [md.report_table(p.text)], cls="report-table", anchor=p.anchor, attrs=attrs)
        inline = md.render_linked(p.text, self._term_spans(p.anchor, p.text), p.lead)
        if p.kind == "item" and p.number:
            inline = f'<span class="item-number">{md.escape_text(p.number)}</span> {inline}'
        cls = {"item": "report-item", "title": "report-title-line"}.get(p.kind, "")
        return md.block(tag, p.anchor, inline, cls=cls, attrs=attrs)

    def paragraphs(self, paras: Iterable[Paragraph]) -> Iterator[str]:
        """Paragraphs in order, each followed by its source notes; runs of numbered items
        become one list (their notes follow the list)."""
        run: list[Paragraph] = []
        for p in paras:
            if p.kind == "item":
                run.append(p)
                continue
            if run:
                yield from self.item_list(run)
                run = []
            yield self.paragraph(p)
            yield from self.notes.get(p.anchor, ())
        if run:
            yield from self.item_list(run)

    def item_list(self, items: list[Paragraph]) -> Iterator[str]:
        yield md.container("ol", (self.paragraph(p, "li") for p in items), cls="report-items")
        for p in items:
            yield from self.notes.get(p.anchor, ())

    def entry(self, e: GlossaryEntry) -> list[str]:
        try:  # an entry whose term the glossary could not read stays unlinked
            term = self.ctx.glossary.terms.get(self.ctx.glossary.entry_term(self.report.slug, e.anchor))
        except KeyError:
            term = None
        if term is not None:
            label = md.link(e.term, urls.href(self.path, urls.term_page(term.slug)), *term_tip(term, e.term, self.tipped))
        else:
            label = md.escape_text(e.term)
        if e.number:
            label = f'<span class="item-number">{md.escape_text(e.number)}</span> {label}'
        definition = md.render_linked(e.definition, self._term_spans(e.anchor, e.definition))
        return [md.block("dt", e.anchor, label), md.block("dd", "", definition, cite=False)]

    def section(self, s: Section, depth: int) -> Iterator[str]:
        yield md.heading(depth + 1, s.title, s.anchor)
        yield from self.notes.get(s.anchor, ())
        yield from self.paragraphs(s.paragraphs)
        if s.entries:
            blocks = [b for e in s.entries for b in self.entry(e)]
            yield md.container("dl", blocks, cls="report-glossary")
        for child in s.sections:
            yield from self.section(child, depth + 1)

    # -- page parts -----------------------------------------------------------
    def card(self) -> str:
        r = self.report
        rows: list[tuple[str, str]] = []
        if r.region is not None:
            chain = [self._region_link(ref.name) for ref in r.region.chain()]
            rows.append(("地区", " › ".join(chain)))
        if r.year:
            rows.append(("年份", md.escape_text(f"{r.year}年")))
        # what the text does not state is said so, not left out (原文未载: "the original does not say")
        rows.append(("日期", md.escape_text(date_label(r.date)) if r.date else NOT_STATED))
        if r.meeting:
            rows.append(("会议", md.escape_text(r.meeting)))
        speaker = " ".join(x for x in (r.speaker.title, r.speaker.name) if x)
        rows.append(("报告人", md.escape_text(speaker) if speaker else NOT_STATED))
        if r.source_url:  # the official source the curator's copy came from
            host = r.source_url.split("/", 3)[2]
            rows.append(("来源", md.external_link(host, r.source_url)))
        else:
            rows.append(("原始文件", f"<code>{md.escape_text(r.source.rsplit('/', 1)[-1])}</code>"))
        # The whole report's citation; cite.js adds the copy button and builds each
        # paragraph's citation from data-cite-head and data-cite-url (once per page). Left out
        # of the search index: its 某某人民政府 would rank the report above the region page.
        rows.append((CITE_LABEL, f'<span class="cite-text" data-search-exclude>{md.escape_text(self.citation.report())}</span>'))
        blocks = []
        for label, value in rows:
            blocks.append(md.block("dt", "", md.escape_text(label), cite=False))
            blocks.append(md.block("dd", "", value, cite=False))
        data = (f'data-cite-head="{md.escape_attr(self.citation.head)}" '
                f'data-cite-url="{md.escape_attr(self.citation.url)}"')
        return md.container("dl", blocks, cls="report-meta", attrs=data)

    def neighbours(self) -> str:
        prev, nxt = self.ctx.neighbours(self.report)
        items = []
        if prev is not None:
            items.append(f"上一年：{self._report_link(prev, report_title(prev))}")
        if nxt is not None:
            items.append(f"下一年：{self._report_link(nxt, report_title(nxt))}")
        if not items:
            return ""
        return md.container("nav", (md.block("p", "", i, cite=False) for i in items), cls="report-neighbours")

    def render(self) -> str:
        r = self.report
        # computed here, not in __init__: a page kept from an earlier build costs nothing
        self.numbers = numbers(r)
        self.citation = citation(r, urls.public_url(self.base_url, self.path))
        self.notices = notices(r, self.numbers, source_notes(self.ctx, r))
        self.notes = report_notes.place_notes(self.notices)
        blocks = [md.heading(1, report_title(r)), self.card(), report_notes.top_box(self.notices),
                  report_box(self.ctx, r, self.path)]
        if r.front:
            blocks.append(md.container("div", (self.paragraph(p) for p in r.front), cls="report-front"))
        blocks.extend(self.paragraphs(r.preamble))
        for s in r.sections:
            blocks.extend(self.section(s, 1))
        blocks.extend(novelty_blocks(self.ctx, self.path, r))
        compare = compare_link(self.ctx, self.path, r, "与上一年的报告并排对比")
        if compare:
            blocks.append(md.block("p", "", compare, cls="report-compare", cite=False))
        blocks.append(report_notes.record(r))
        blocks.append(self.neighbours())
        return md.join_blocks(blocks)


def report_order(ctx: SiteContext, report: Report) -> tuple:
    chain = tuple(ctx.region_slug(ref.name) for ref in report.region.chain()) if report.region else ("~",)
    return chain + (report.year or 0, report.slug)


def _page_key(ctx: SiteContext, report: Report, indicators: str, base_url: str) -> Optional[tuple]:
    """The report page's memo key: the report, the indicator catalogue (the 主要预期目标 box),
    the previous report of the region (新提法 reads it) and site_url (the citations)."""
    before = novelty_key(ctx, report)
    return None if before is None else memo.report_key(report, indicators, before, base_url)


def pages(ctx: SiteContext) -> Iterator[Page]:
    indicators = catalogue_digest(target_index(ctx).catalogue)  # the 主要预期目标 box
    base_url = urls.site_url(ctx.root)  # citations give the published address
    for report in ctx.reports:
        # The nav title is also the page title (header, <title>, search results): keep it whole.
        yield Page(
            path=urls.report_page(report.slug),
            content=ctx.cached("page:report", _page_key(ctx, report, indicators, base_url),
                               _Renderer(ctx, report, base_url).render),
            nav_title=report_title(report),
            group=report.region_name or UNKNOWN_REGION,
            order=report_order(ctx, report),
            # Outside the navigation: a nav of every report would be in every report page's
            # sidebar. The 报告 overview links every report, region pages their own.
            in_nav=False,
        )
