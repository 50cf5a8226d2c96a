"""Find a report's coming-year targets and past-year outcomes in the parsed document.

Targets come from the 主要预期目标 statement of the plan part ("今年…的主要预期目标是：…"),
which may run on over the following sentences or list paragraphs. Outcomes are the first
figure of each indicator in the review that precedes it, counting only sentences about
the past year (report.year - 1): five-year reviews, sub-year figures (上半年) and
sub-regions (a clause that does not start with the indicator) are skipped. For growth-type
indicators the first growth rate wins; the amount is taken only when no rate is given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Optional

from ..model import Paragraph, Report, Section
from .indicators import Catalogue, Indicator
from .phrases import Figure, normalize, read_clause, split_clauses

TARGET, OUTCOME = "target", "outcome"

_STATEMENT = re.compile(r"(?:主要预期|预期|主要|调控|主要经济社会发展|经济社会发展主要预期)(?:目标|指标)"
                        r"[^。；：:，,]{0,8}?(?:是|为|如下|：|:)[：:，,]?")
_FIVE_YEAR = re.compile(r"过去五年|五年来|过去的五年|五年间|五年中|本届政府|本届以来|任期内|"
                        r"十[一二三四五六七八九]五(?:”|\")?(?:时期|期间|以来|规划|末)|[二三四两]年来|过去[二三四两]年|"
                        r"今后五年|未来五年|二〇三五|2035|远景目标|年均")
# Words that put a sentence in a multi-year review; at a sentence's start they change the topic.
_FIVE_TOPIC = re.compile(r"过去五年|五年来|过去的五年|五年间|五年中|本届政府|本届以来|任期内|近[三四五]年|"
                         r"十[一二三四五六七八九]五(?:”|\")?(?:时期|期间|以来)|[二三四两]年来|过去[二三四两]年")
_LEAD = 16  # a topic word within this many characters of a sentence's start sets the topic
_DIGIT = re.compile(r"\d")
_SUB_YEAR = re.compile(r"[一二三四1-4]季度|上半年|下半年|前三季度|\d{1,2}[-—－至~]\d{1,2}月|\d{1,2}月份")
_SENTENCE = re.compile(r"[^。！？]*[。！？]?")
_STOP = ("这些目标", "以上目标", "上述目标", "实现这", "实现上述", "这是", "这个目标", "这一目标", "提出这",
         "设定", "确定这", "需要说明", "考虑", "重点抓好", "重点做好", "为实现")
_PLAN_TITLE = re.compile(r"工作安排|主要任务|重点工作|工作任务|工作重点|工作部署|主要工作|总体要求|工作意见|"
                         r"工作建议|今年|目标")
_REVIEW_TITLE = re.compile(r"回顾|总结|过去|成绩|成就|一年来")


@dataclass(frozen=True)
class Target:
    """One target or outcome of one indicator in one report."""

    report: str  # report slug
    kind: str  # "target" (coming year) | "outcome" (past year)
    indicator: str  # canonical name from the catalogue
    value: Optional[float]  # None for a qualitative target ("与经济增长同步")
    value_high: Optional[float]  # upper end of a range (6%—6.5%), else None
    unit: str  # "%", "万人", "亿元", … ("" when value is None)
    modifiers: tuple[str, ...]  # "下降", "同口径", "左右", "以上", "以内", "与经济增长同步", …
    anchor: str  # Paragraph.anchor of the paragraph stating it
    line: int  # source line of that paragraph
    text: str  # the clause it was read from (spaces and bold marks removed)
    year: Optional[int] = None  # the year the figure is for

    @property
    def modifier(self) -> str:
        """The modifiers as one space-separated string ("下降 左右")."""
        return " ".join(self.modifiers)


@dataclass(frozen=True)
class Uncertain:
    """A statement whose figure was left out: for the curators' list."""

    report: str
    kind: str
    indicator: str
    anchor: str
    line: int
    text: str
    reason: str  # why it was not taken, in English


@dataclass
class Extraction:
    """Everything found in one report."""

    targets: list[Target] = field(default_factory=list)  # targets first, then outcomes
    uncertain: list[Uncertain] = field(default_factory=list)


def _body(report: Report) -> Iterator[tuple[Optional[Section], Paragraph]]:
    """Paragraphs in reading order with their top-level section (None for the preamble)."""
    for p in report.preamble:
        yield None, p
    for top in report.sections:
        if top.kind in ("glossary", "attachment"):
            continue
        for s in top.walk():
            for p in s.paragraphs:
                yield top, p


def _figures_of(text: str, catalogue: Catalogue, qualitative: bool) -> Iterator[tuple[str, Figure | tuple[str, str]]]:
    """(clause, figure or (indicator, problem)) for every clause of a normalized sentence."""
    carried: list[Optional[Indicator]] = []
    for clause, delim in split_clauses(text):
        reading = read_clause(clause, catalogue, carried, qualitative)
        for fig in reading.figures:
            yield clause, fig
        for problem in reading.problems:
            yield clause, problem
        carried = reading.subject if delim in ("，", ",") else []


class _Collector:
    """Builds the Target and Uncertain records of one report and kind."""

    def __init__(self, report: Report, kind: str, out: Extraction, year: Optional[int]):
        self.report, self.kind, self.out, self.year = report, kind, out, year

    def target(self, p: Paragraph, clause: str, fig: Figure) -> Target:
        return Target(self.report.slug, self.kind, fig.indicator.name, fig.value, fig.value_high, fig.unit,
                      fig.modifiers, p.anchor, p.line, clause, self.year)

    def uncertain(self, p: Paragraph, clause: str, problem: tuple[str, str]) -> None:
        self.out.uncertain.append(Uncertain(self.report.slug, self.kind, problem[0], p.anchor, p.line,
                                            clause, problem[1]))


def _statements(paras: list[tuple[Optional[Section], Paragraph]], year: Optional[int]) -> Iterator[tuple[int, int]]:
    """(paragraph index, offset after the keyword) of each candidate coming-year statement."""
    this_year = ("今年", "明年", "本年", "之年", "年度") + ((f"{year}年",) if year else ())
    for i, (top, p) in enumerate(paras):
        text = p.text
        if "标" not in text or p.kind == "table":
            continue
        if top is not None and _FIVE_YEAR.search(top.title) and not re.search(r"\d{4}|今年|明年", top.title):
            continue
        for m in _STATEMENT.finditer(text):
            start = max(text.rfind("。", 0, m.start()), text.rfind("；", 0, m.start())) + 1
            head = normalize(text[start:m.end()])
            if _FIVE_YEAR.search(head) and not any(w in head for w in this_year):
                continue
            yield i, m.end()


class _Best:
    """The preferred figure of each indicator: a change over an amount over a qualitative one."""

    def __init__(self) -> None:
        self.rank: dict[str, int] = {}
        self.items: dict[str, Target] = {}

    def offer(self, target: Target, change: bool) -> None:
        rank = 0 if change else (1 if target.value is not None else 2)
        if rank < self.rank.get(target.indicator, 3):
            if target.indicator not in self.rank:
                self.items[target.indicator] = target  # keeps the order of first mention
            self.rank[target.indicator] = rank
            self.items[target.indicator] = target

    def numeric(self) -> int:
        return sum(1 for t in self.items.values() if t.value is not None)


def _targets(paras: list[tuple[Optional[Section], Paragraph]], at: tuple[int, int], catalogue: Catalogue,
             col: _Collector) -> int:
    """Read the statement at ``at`` and what continues it; returns the number of numeric targets."""
    best, problems = _Best(), []
    index, offset = at
    for k, (top, p) in enumerate(paras[index:index + 16]):
        text = normalize(p.text[offset:] if k == 0 else p.text)
        found_here, empty_run, stop = False, 0, False
        for n, sentence in enumerate(s for s in _SENTENCE.findall(text) if s):
            if (n or k) and (sentence.startswith(_STOP) or _FIVE_YEAR.search(sentence)):
                stop = True
                break
            found = False
            for clause, item in _figures_of(sentence, catalogue, qualitative=True):
                found = True
                if isinstance(item, Figure):
                    best.offer(col.target(p, clause, item), item.change)
                else:
                    problems.append((p, clause, item))
            found_here = found_here or found
            empty_run = 0 if found else empty_run + 1
            if empty_run >= 2 or (k and not found and n == 0):
                stop = True
                break
        if stop or (k and not found_here):
            break
        if k == 0 and found_here and not text.rstrip().endswith(("：", ":")):
            nxt = paras[index + 1][1] if index + 1 < len(paras) else None
            if nxt is None or nxt.kind != "item":
                break  # the statement is this paragraph; list paragraphs continue only a colon
        offset = 0
    if best.numeric():
        col.out.targets.extend(best.items.values())
        for p, clause, problem in problems:
            if problem[0] not in best.items:
                col.uncertain(p, clause, problem)
    return best.numeric()


def _plan_start(paras: list[tuple[Optional[Section], Paragraph]], report: Report) -> int:
    """Index of the first plan paragraph when the report has no target statement."""
    tops = [s for s in report.sections if s.kind not in ("glossary", "attachment")]
    for top in tops[1:]:
        if _PLAN_TITLE.search(top.title) and not _REVIEW_TITLE.search(top.title):
            for i, (t, _) in enumerate(paras):
                if t is top:
                    return i
    if tops and not _REVIEW_TITLE.search(tops[0].title):
        return sum(1 for t, _ in paras if t is None)
    return len(paras)


def _context(title: str, past: str, year: int) -> Optional[str]:
    """The topic a section title sets: "past", "other" (five years, the plan) or None (no change).

    A title naming both the past year and a longer period ("2015年及“十二五”工作回顾")
    starts as "other": its figures count from the first sentence that leads with the year.
    """
    one = past in title or "过去一年" in title or "去年" in title
    five = bool(_FIVE_TOPIC.search(title) or re.search(r"十[一二三四五六七八九]五|五年|本届|任期", title))
    if one and not five:
        return "past"
    if five or f"{year}年" in title or "今年" in title:
        return "other"
    return None


def _outcomes(paras: list[tuple[Optional[Section], Paragraph]], end: int, catalogue: Catalogue,
              col: _Collector, year: int) -> None:
    """The first past-year figure of each indicator in ``paras[:end]``."""
    past = f"{year - 1}年"
    past_lead = re.compile(rf"{past}|过去一年|一年来|去年|刚刚过去的一年|过去的一年|全年")
    growth: dict[str, Target] = {}
    level: dict[str, Target] = {}
    state, current = "past", object()
    for top, p in paras[:end]:
        if top is not current:
            current = top
            state = (_context(normalize(top.title), past, year) if top is not None else None) or state
        if p.kind == "table":
            continue
        text = normalize(p.text)
        for sentence in _SENTENCE.findall(text):
            if not sentence:
                continue
            if _FIVE_TOPIC.search(sentence, 0, _LEAD):
                state = "other"
            elif past_lead.search(sentence, 0, _LEAD):
                state = "past"
            if (state != "past" or not _DIGIT.search(sentence) or not catalogue.pattern.search(sentence)
                    or _FIVE_TOPIC.search(sentence) or _SUB_YEAR.search(sentence)):
                continue
            for clause, item in _figures_of(sentence, catalogue, qualitative=False):
                if not isinstance(item, Figure):
                    if item[0] not in growth and item[0] not in level:
                        col.uncertain(p, clause, item)
                    continue
                name = item.indicator.name
                if item.base is not None and item.base != year - 2:
                    continue  # "比2010年增长67.9%": not the year's growth
                table = growth if item.change or item.indicator.measure == "rate" else level
                if name not in table:
                    table[name] = col.target(p, clause, item)
    names = list(dict.fromkeys([*growth, *level]))
    col.out.targets.extend(growth.get(n) or level[n] for n in names)


def extract(report: Report, catalogue: Catalogue) -> Extraction:
    """Targets and outcomes of one parsed report, with the statements left to the curators."""
    out = Extraction()
    paras = list(_body(report))
    at = None
    for candidate in _statements(paras, report.year):
        if _targets(paras, candidate, catalogue, _Collector(report, TARGET, out, report.year)):
            at = candidate
            break
    if report.year is not None:
        end = at[0] if at is not None else _plan_start(paras, report)
        _outcomes(paras, end, catalogue, _Collector(report, OUTCOME, out, report.year - 1), report.year)
    return out


def extract_targets(report: Report, catalogue: Catalogue) -> list[Target]:
    """The report's targets (kind "target") and outcomes (kind "outcome"), certain ones only."""
    return extract(report, catalogue).targets
