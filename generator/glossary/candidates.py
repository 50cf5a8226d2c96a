"""Curators' tool: phrases the reports treat as terms that the glossary lacks.

Two kinds of phrase count as candidates:

- a quoted phrase “…” (2–12 characters, no sentence punctuation inside);
- a numeral formula, X a Chinese numeral (一二两三四五六七八九十百千):
  X个Y and X大Y (Y two Han characters), 三X三Y (the same numeral twice), X进, X化.

A phrase is left out when the glossary already has it (any spelling) or when it
sits inside a glossary occurrence (“三北”工程 is 三北工程, not a candidate 三北).
Sorted most frequent first, ties by pinyin. ``report_candidates`` counts one report
(a caller may keep it per report); ``candidates`` merges those counts and sorts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from .. import memo
from ..model import Report
from ..pinyin import Style, lazy_pinyin
from ..text import HAN, HAN_RE
from .normalize import normalize, strip_quotes
from .occurrences import report_units

if TYPE_CHECKING:  # pragma: no cover
    from . import Glossary

_NUM = "[一二两三四五六七八九十百千]"
_HAN = f"[{HAN}]"
_QUOTED_RE = re.compile(r"[“「『]([^“”「」『』\"\n]{2,12})[”」』]")
_SENTENCE_PUNCT = re.compile(r"[，。；：？！,;:?!（）()《》\d%％.]")
# After its first numeral ``n``: the lookbehind checks the character before it.
_FORMULA_RE = re.compile(
    rf"(?P<n>{_NUM})(?<![一二两三四五六七八九十百千第].)(?:"
    rf"{_NUM}*个{_HAN}{{2}}"  # 两个确立, 四个自信
    rf"|大{_HAN}{{2}}"  # 五大任务 (十九大精神 is a congress, not a formula)
    rf"|(?<=[一二两三四五六七八九]){_HAN}(?P=n){_HAN}"  # 三多三少 (三X三Y), 一企一策
    rf"|{_NUM}*[进化]"  # 八进, 四化
    rf")"
)
# Leads of X个Y / X大Y that are ordinary counting, not a formula (一个月, 三个方面 …).
_COUNTING = re.compile(r"^(?:一[个大进化]|[^个大]+个(?:月|年|百分|多|以|方面|小时|亿|万|千|百|工作日|季度|领域|重点|环节)"
                       r"|[^个大]+大(?:力|量|批|幅|中|型|小|学|会|众|家|于|约|类|项|关|户|局|部|人|气|额|片))")


@dataclass
class Candidate:
    phrase: str
    count: int
    reports: list[str] = field(default_factory=list)  # report slugs, sorted


_normalized = lru_cache(maxsize=65536)(normalize)  # phrases recur across reports


@lru_cache(maxsize=65536)
def _quoted(inner: str) -> Optional[str]:
    """The phrase a quoted text stands for, or None when it is no candidate."""
    inner = inner.strip()
    if len(inner) >= 2 and not _SENTENCE_PUNCT.search(inner) and HAN_RE.search(inner):
        return strip_quotes(inner)
    return None


def _phrases(text: str) -> list[tuple[int, int, str]]:
    """Candidate phrases in one text: ``(start, end, phrase)``."""
    out = []
    if "“" in text or "「" in text or "『" in text:
        for m in _QUOTED_RE.finditer(text):
            phrase = _quoted(m.group(1))
            if phrase is not None:
                out.append((m.start(), m.end(), phrase))
    quoted = list(out)
    for m in _FORMULA_RE.finditer(text):
        phrase = m.group()
        if _COUNTING.match(phrase):
            continue
        start, end = m.span()
        # A quoted phrase is the curator's better guess at the term's extent.
        if not quoted or not any(a < end and start < b for a, b, _ in quoted):
            out.append((start, end, phrase))
    return out


@lru_cache(maxsize=None)
def _pinyin_key(phrase: str) -> tuple:
    """Sort key of a phrase after its count: pinyin, then the phrase itself."""
    return (lazy_pinyin(phrase, style=Style.TONE3), phrase)


def report_candidates(report: Report, glossary: "Glossary") -> dict[str, int]:
    """Candidate phrases of one report and how often it uses each (reading order).

    Depends only on ``report`` and ``glossary.matcher``, so a caller may keep the
    result per report; ``candidates`` merges them.
    """
    counts: dict[str, int] = {}
    matcher = glossary.matcher
    known = matcher.surfaces
    for unit in report_units(report, matcher.lookup):
        found = _phrases(unit.text)
        if not found:
            continue
        found = [row for row in found if _normalized(row[2]) not in known]
        if not found:
            continue
        taken = [(a, b) for a, b, _ in matcher.find(unit.text)]
        for start, end, phrase in found:
            if not any(a < end and start < b for a, b in taken):
                counts[phrase] = counts.get(phrase, 0) + 1
    return counts


def candidates(reports: list[Report], glossary: "Glossary", limit: Optional[int] = None) -> list[Candidate]:
    """Phrases the reports quote or build as numeral formulas, not yet in ``glossary``;
    ``limit``: only the first ``limit`` of that order (see ``top_candidates``)."""
    return top_candidates(reports, glossary, limit)[1]


def top_candidates(reports: list[Report], glossary: "Glossary",
                   limit: Optional[int] = None) -> tuple[int, list[Candidate]]:
    """How many candidates there are, and the first ``limit`` of them (all when None),
    most frequent first, ties by pinyin.

    Pinyin keys are slow (pypinyin segments each phrase): they are computed only for the
    phrases whose count can reach the first ``limit`` rows, which the order by count alone
    decides; the rows returned are exactly the head of the fully sorted list."""
    counts: dict[str, int] = {}
    where: dict[str, set[str]] = {}
    table = memo.table("candidates", persistent=True)
    for report in reports:
        # Per report: reused across rebuilds while the report and the glossary's surfaces are unchanged.
        found = table.get(memo.report_key(report, glossary.matcher_digest),
                          lambda: report_candidates(report, glossary))
        for phrase, n in found.items():
            counts[phrase] = counts.get(phrase, 0) + n
            where.setdefault(phrase, set()).add(report.slug)
    phrases = list(counts)
    if limit is not None and limit < len(phrases):
        if limit <= 0:
            return len(phrases), []
        by_count = sorted(counts.values(), reverse=True)
        cutoff = by_count[limit - 1]  # no row below this count can be among the first ``limit``
        phrases = [p for p in phrases if counts[p] >= cutoff]
    phrases.sort(key=lambda p: (-counts[p], *_pinyin_key(p)))
    if limit is not None:
        phrases = phrases[:max(limit, 0)]
    return len(counts), [Candidate(p, counts[p], sorted(where[p])) for p in phrases]
