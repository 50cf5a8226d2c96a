"""Glossary index views and the curators' candidates page.

- glossary/index.md: every term in pinyin order, in letter groups (#, A, B …), with its
  short definition and usage count;
- glossary/categories.md: the same terms grouped by category;
- glossary/numerals.md: terms grouped by their leading numeral (see facts/term_groups.py);
- about/candidates.md: phrases the reports quote or build as numeral formulas that
  are not in the glossary yet (from glossary.candidates), outside the navigation.
"""

from __future__ import annotations

from typing import Iterable

from ... import memo
from ...model import Term
from ..render import urls
from ..context import Page, SiteContext
from ..facts.reports import report_label
from ..render.markdown import escape_text, heading, join_blocks, link, table, unsearched
from ..facts.term_groups import DIGIT_GROUP, category_groups, letter_groups, numeral_groups
from ..facts.timeline import first_years

UNCATEGORIZED = "未分类"
CANDIDATES_SHOWN = 500
INLINE_TERMS = 400  # a longer list gets one page per letter (category, numeral) instead of one page
SUB_PAGE_TERMS = 300  # terms per page of one letter's (category's) list; more go on further pages
CANDIDATE_REPORTS_SHOWN = 3  # with 500 rows of 5 report links the page passed 300 KB


UNUSED = "0（所收报告未用）"  # a curated term no report of the site uses: said, not hidden


def _terms_table(ctx: SiteContext, page: str, terms: list[Term]) -> str:
    rows = [[link(t.headword, urls.href(page, urls.term_page(t.slug))), escape_text(t.short or "—"),
             _uses(ctx, t)] for t in terms]
    return table(["术语", "释义", "用例"], rows)


def _uses(ctx: SiteContext, term: Term) -> str:
    count = ctx.glossary.usage_count(term.key)
    return str(count) if count else UNUSED


def _views_line(page: str) -> str:
    views = [("按拼音", urls.GLOSSARY_INDEX), ("按类别", urls.GLOSSARY_BY_CATEGORY),
             ("按数字开头的提法", urls.GLOSSARY_BY_NUMERAL), ("按首次出现年份", GLOSSARY_BY_YEAR)]
    return "查看方式：" + " · ".join(escape_text(label) if target == page else link(label, urls.href(page, target))
                                for label, target in views)


def letter_anchor(letter: str) -> str:
    return "letter-digits" if letter == DIGIT_GROUP else f"letter-{letter.lower()}"


def _grouped(ctx: SiteContext, page: str, groups: list[tuple[str, str, list[Term]]], sub_page, title: str,
             nav_title: str, intro: list[str], order: tuple = (), counted_jumps: bool = False) -> list[Page]:
    """A list of terms in groups (id, heading, terms). Up to INLINE_TERMS terms, one page
    with a table per group; a longer list links each group to its own page (``sub_page(id)``,
    outside the navigation), so no list page grows with the whole glossary."""
    blocks = [heading(1, title), *intro]
    total = sum(len(members) for _, _, members in groups)
    if total <= INLINE_TERMS:
        if groups and counted_jumps:
            blocks.append("\n".join(f"- {link(name, urls.href(page, page, gid))}（{len(members)}）"
                                    for gid, name, members in groups))
        elif groups:
            blocks.append(" ".join(link(name, urls.href(page, page, gid)) for gid, name, _ in groups))
        for gid, name, members in groups:
            blocks.append(heading(2, name, gid))
            blocks.append(_terms_table(ctx, page, members))
        return [Page(page, unsearched(join_blocks(blocks)), nav_title, order=order)]
    out = []
    items = []
    for gid, name, members in groups:
        base = sub_page(gid)
        items.append(f"- {link(name, urls.href(page, base))}（{len(members)} 个术语）")
        chunks = [members[i:i + SUB_PAGE_TERMS] for i in range(0, len(members), SUB_PAGE_TERMS)]
        for k, chunk in enumerate(chunks, start=1):
            target = urls.numbered(base, k)
            pager = ""
            if len(chunks) > 1:
                pager = f"第 {k}/{len(chunks)} 页：" + " · ".join(
                    f"**{j}**" if j == k else link(str(j), urls.href(target, urls.numbered(base, j)))
                    for j in range(1, len(chunks) + 1))
            sub = [heading(1, f"{title}：{name}" + (f"（第 {k} 页）" if k > 1 else "")),
                   f"{len(members)} 个术语。" + link(f"返回{title}", urls.href(target, page)) + "。",
                   _views_line(target), pager, _terms_table(ctx, target, chunk), pager]
            out.append(Page(target, unsearched(join_blocks(sub)), f"{title}：{name}", in_nav=False))
    blocks.append("\n".join(items))
    return [Page(page, unsearched(join_blocks(blocks)), nav_title, order=order)] + out


def index_pages(ctx: SiteContext) -> list[Page]:
    page = urls.GLOSSARY_INDEX
    terms = ctx.glossary.ordered() if ctx.glossary is not None else []
    labels = {DIGIT_GROUP: "数字开头"}
    groups = [(letter_anchor(letter), labels.get(letter, letter), members) for letter, members in letter_groups(terms)]
    intro = [f"共 {len(terms)} 个术语，按拼音排列。“释义”是悬停提示中的简短释义（本站撰写的一句话，或第一条释义的第一个完整句子），"
             "“用例”是该词在本站所收报告中出现的次数；点击术语查看全部释义和出处。", _views_line(page)]
    if not groups:
        intro.append("术语表暂无词条。")
    return _grouped(ctx, page, groups, lambda gid: urls.glossary_letter_page(gid.removeprefix("letter-")), "术语表",
                    "术语表", intro)


def index_page(ctx: SiteContext) -> Page:
    return index_pages(ctx)[0]


def categories_pages(ctx: SiteContext) -> list[Page]:
    page = urls.GLOSSARY_BY_CATEGORY
    terms = ctx.glossary.ordered() if ctx.glossary is not None else []
    groups = [(f"cat-{i + 1}", name, members) for i, (name, members) in enumerate(category_groups(terms, UNCATEGORIZED))]
    intro = [f"{len(terms)} 个术语按类别分组，组内按拼音排列。本站整理的术语各自标注类别；仅见于报告名词解释的术语按本站的类别表归类，表中未列的取其所属专题（专题术语，或释义含该专题两个以上关键词）之名，仍无归属的归入“{UNCATEGORIZED}”。",
             _views_line(page)]
    return _grouped(ctx, page, groups, lambda gid: urls.glossary_category_page(int(gid[4:])), "术语分类",
                    "按类别", intro, order=(0, 1), counted_jumps=True)


def categories_page(ctx: SiteContext) -> Page:
    return categories_pages(ctx)[0]


def numerals_pages(ctx: SiteContext) -> list[Page]:
    page = urls.GLOSSARY_BY_NUMERAL
    terms = ctx.glossary.ordered() if ctx.glossary is not None else []
    groups = [(f"num-{gid}", title, members) for gid, title, members in numeral_groups(terms)]
    grouped = sum(len(members) for _, _, members in groups)
    intro = ["政府工作报告常用数字概括一组任务或要求，如“两个确立”“三个四”“七个作模范”。"
             "本页按术语开头的数字分组：引号等标点不计；“二”“两”“双”同为一组；"
             "“十”开头的（含“十四五”）归入“十”；“百”“千”“万”合为一组；以阿拉伯数字开头的按数值归组"
             "（如“4个……”归入“四”，10 及以上归入“十”）。组内按拼音排列。"
             f"共 {grouped} 个术语以数字开头，其余 {len(terms) - grouped} 个不在本页。",
             _views_line(page)]
    return _grouped(ctx, page, groups, lambda gid: urls.glossary_numeral_page(gid[4:]), "数字开头的提法", "按数字",
                    intro, order=(0, 2))


def numerals_page(ctx: SiteContext) -> Page:
    return numerals_pages(ctx)[0]


GLOSSARY_BY_YEAR = "glossary/by-year.md"


def years_pages(ctx: SiteContext) -> list[Page]:
    """Terms grouped by the year of their first appearance (facts/timeline.py), newest first."""
    page = GLOSSARY_BY_YEAR
    firsts = first_years(ctx)
    by_year: dict[int, list[Term]] = {}
    for term in ctx.glossary.ordered():
        year = firsts[term.key].year if term.key in firsts else None
        if year is not None:
            by_year.setdefault(year, []).append(term)
    groups = [(f"year-{y}", f"{y}年", by_year[y]) for y in sorted(by_year, reverse=True)]
    intro = ["术语按在本站所收报告中首次出现的年份分组（最新的在前），组内按拼音排列。首次出现年份只说明本站收录范围内的情况，"
             "不等于该提法的实际提出时间；每个术语页的“时间线”列出首次出现的报告和段落。"
             f"共 {len(firsts)} 个术语见于标明年份的报告。", _views_line(page)]
    return _grouped(ctx, page, groups, lambda gid: f"glossary/by-year/{gid[5:]}.md", "术语首次出现年份", "按首次出现年份",
                    intro, order=(0, 3), counted_jumps=True)


def candidates_page(ctx: SiteContext) -> Page:
    from ...glossary.candidates import top_candidates

    page = urls.CANDIDATES
    total, shown = top_candidates(ctx.reports, ctx.glossary, CANDIDATES_SHOWN)
    blocks = [heading(1, "候选术语"),
              "下表是程序从报告中找出、但尚未收入术语表的短语：报告中加了引号的提法，以及“三个……”“五大……”"
              "之类的数字提法。按出现次数从多到少排列。维护者审核后，可以在 `site_config/glossary.yaml` "
              "中为其撰写释义并注明依据。",
              link("返回关于本站", urls.href(page, "about/index.md"))]
    if total > len(shown):
        blocks.append(f"共 {total} 个候选，这里列出最常见的 {len(shown)} 个；"
                      "完整列表可运行 `python -m generator terms --candidates` 查看。")
    rows = []
    for c in shown:
        cells = []
        for slug in c.reports[:CANDIDATE_REPORTS_SHOWN]:
            report = ctx.report(slug)
            label = report_label(report) if report is not None else slug
            cells.append(link(label, urls.href(page, urls.report_page(slug))))
        more = len(c.reports) - CANDIDATE_REPORTS_SHOWN
        text = "、".join(cells) + (f" 等 {len(c.reports)} 篇" if more > 0 else "")
        rows.append([escape_text(c.phrase), str(c.count), text])
    blocks.append(table(["短语", "出现次数", "出现的报告"], rows) if rows else "暂无候选术语。")
    return Page(page, unsearched(join_blocks(blocks)), "候选术语", in_nav=False)


def pages(ctx: SiteContext) -> Iterable[Page]:
    if ctx.glossary is None:
        yield from ctx.cached("page:glossary-index", ctx.reports_key, lambda: index_pages(ctx))
        return
    # The lists show every term's usage count, which any report may change (the terms
    # themselves are in the site digest); the years view also each term's first year.
    g = ctx.glossary
    counts = memo.digest([(t.key, g.usage_count(t.key)) for t in g.ordered()])
    yield from ctx.cached("page:glossary-index", counts, lambda: index_pages(ctx))
    yield from ctx.cached("page:glossary-categories", counts, lambda: categories_pages(ctx))
    yield from ctx.cached("page:glossary-numerals", counts, lambda: numerals_pages(ctx))
    yield ctx.cached("page:candidates", ctx.reports_key, lambda: candidates_page(ctx))
    firsts = sorted((key, r.year) for key, r in first_years(ctx).items())
    yield from ctx.cached("page:glossary-years", (counts, memo.digest(firsts)), lambda: years_pages(ctx))
