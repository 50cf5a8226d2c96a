"""New and dropped formulas (新提法): a report against the same region's previous report.

Two kinds of formula are compared:

- **glossary terms**: a term used in this report and not in the previous one is new,
  one used in the previous report and not in this one is dropped;
- **quoted phrases**: text in Chinese double quotes “…” of 2 to 12 characters (after
  trimming spaces), compared as written; a phrase that is a glossary term is counted
  as a term only.

Each formula points to its first paragraph: new ones in this report, dropped ones in
the previous report. A report without a previous report of its region has no comparison.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ... import memo
from ...model import Report
from ..context import SiteContext

QUOTE_RE = re.compile(r"“([^“”\n]{1,40})”")
MIN_QUOTE, MAX_QUOTE = 2, 12
RULE = (f"比较方法：与同一地区上一篇报告相比，本篇用到而上一篇没有用到的术语表词条和引号内提法（“……”中 "
        f"{MIN_QUOTE}–{MAX_QUOTE} 个字的短语，按原样比较）为新增，上一篇用到而本篇没有用到的为不再出现。"
        "新增的链接到本篇中第一次出现的段落，不再出现的链接到上一篇中的段落。")


@dataclass
class Formulas:
    terms: dict[str, str] = field(default_factory=dict)  # term key -> first anchor
    quotes: dict[str, str] = field(default_factory=dict)  # phrase -> first anchor


@dataclass
class Change:
    report: Report
    previous: Report
    new_terms: list[tuple[str, str]]  # (term key, anchor in report)
    dropped_terms: list[tuple[str, str]]  # (term key, anchor in previous)
    new_quotes: list[tuple[str, str]]
    dropped_quotes: list[tuple[str, str]]

    def __bool__(self) -> bool:
        return bool(self.new_terms or self.dropped_terms or self.new_quotes or self.dropped_quotes)


def _compute(ctx: SiteContext, report: Report) -> Formulas:
    out = Formulas()
    glossary = ctx.glossary
    if glossary is not None:
        for occ in glossary.occurrences(report.slug):
            out.terms.setdefault(occ.term_key, occ.anchor)
    for _, p in report.paragraphs():
        for m in QUOTE_RE.finditer(p.text):
            phrase = m.group(1).strip()
            if not MIN_QUOTE <= len(phrase) <= MAX_QUOTE:
                continue
            if glossary is not None and glossary.get(phrase) is not None:
                continue  # a glossary term: compared as a term
            out.quotes.setdefault(phrase, p.anchor)
    return out


def formulas(ctx: SiteContext, report: Report) -> Formulas:
    """The report's terms and quoted phrases with their first paragraph (memoized)."""
    return ctx.cached("facts:formulas", memo.report_key(report), lambda: _compute(ctx, report))


def _diff(a: dict[str, str], b: dict[str, str]) -> list[tuple[str, str]]:
    """Entries of ``a`` missing from ``b``, in ``a``'s reading order."""
    return [(k, v) for k, v in a.items() if k not in b]


def change(ctx: SiteContext, report: Report) -> Optional[Change]:
    """The comparison with the region's previous report; None when there is none."""
    previous, _ = ctx.neighbours(report)
    if previous is None or not report.year:
        return None
    now, before = formulas(ctx, report), formulas(ctx, previous)
    return Change(report, previous, _diff(now.terms, before.terms), _diff(before.terms, now.terms),
                  _diff(now.quotes, before.quotes), _diff(before.quotes, now.quotes))
