"""Targets and outcomes of every report, and whether each target was met.

``target_index(ctx)`` extracts every report once per build (per report memoized across
rebuilds, keyed on the report and the indicator catalogue) and pairs each target with
the outcome the same region's next-year report gives for the same indicator.

The verdict rule (``judge``), stated on the 目标 page as ``RULE``:

- 以上 / 不低于 / 超过 / 突破: met when the outcome is at least the target (the lower end of a range);
- 以内 / 以下 / 不超过 / 低于 / 不高于: met when the outcome is at most the target (the upper end);
- 左右: met when the outcome lies within ±0.5 of the target, for per-cent figures only;
- anything else (no modifier, a qualitative target, different units, a decline against a
  rise) is not judged.

A 下降 target compares magnitudes with a 下降 outcome ("下降3%以上", outcome 下降3.5%: met).
No Markdown here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ... import memo
from ...model import Report
from ...targets import OUTCOME, TARGET, Catalogue, Extraction, Target, extract, load_indicators
from ..context import SiteContext
from .reports import facts_memo

MET, MISSED = "达成", "未达成"
AT_LEAST = frozenset(("以上", "不低于", "超过", "突破"))
AT_MOST = frozenset(("以内", "以下", "不超过", "低于", "不高于"))
ABOUT = "左右"
ABOUT_MARGIN = 0.5
RULE = ("判定规则：把目标与同一地区下一年报告给出的同一指标实际值比较。"
        "目标带“以上”“不低于”“超过”“突破”的，实际值不低于目标（区间取下限）为达成；"
        "带“以内”“以下”“不超过”“低于”“不高于”的，实际值不高于目标（区间取上限）为达成；"
        f"带“左右”的百分比目标，实际值与目标相差不超过 {ABOUT_MARGIN} 个百分点为达成。"
        "“下降”目标与“下降”实际值比较降幅。"
        "其余目标（无修饰词、定性目标、单位不同）不作判定。")

_PREFIX = ("下降", "突破", "超过", "不低于", "不超过", "低于", "不高于", "净增")
_SUFFIX = ("左右", "以上", "以内", "以下", "上下")


def number(value: float) -> str:
    """6.0 -> "6", 6.50 -> "6.5" (what a reader writes)."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return text or "0"


def value_label(t: Target) -> str:
    """The figure as a reader reads it: "6%左右", "下降3%以上", "6%—6.5%", "与经济增长同步"."""
    if t.value is None:
        return "；".join(t.modifiers) or "定性目标"
    figure = number(t.value) + (("—" + number(t.value_high)) if t.value_high is not None else "") + t.unit
    pre = "".join(m for m in t.modifiers if m in _PREFIX)
    post = "".join(m for m in t.modifiers if m in _SUFFIX)
    other = [m for m in t.modifiers if m not in _PREFIX and m not in _SUFFIX]
    return pre + figure + post + (f"（{'、'.join(other)}）" if other else "")


def judge(target: Target, outcome: Optional[Target]) -> str:
    """MET, MISSED or "" (not judged), by the rule in the module docstring."""
    if outcome is None or target.value is None or outcome.value is None or outcome.value_high is not None:
        return ""
    if target.unit != outcome.unit or ("下降" in target.modifiers) != ("下降" in outcome.modifiers):
        return ""
    mods, got = set(target.modifiers), outcome.value
    low = target.value
    high = target.value_high if target.value_high is not None else target.value
    if mods & AT_LEAST and not mods & AT_MOST:
        return MET if got >= low - 1e-9 else MISSED
    if mods & AT_MOST and not mods & AT_LEAST:
        return MET if got <= high + 1e-9 else MISSED
    if ABOUT in mods and target.unit == "%" and target.value_high is None:
        return MET if abs(got - low) <= ABOUT_MARGIN + 1e-9 else MISSED
    return ""


@dataclass(frozen=True)
class Judged:
    """A target with the outcome the next year's report gives, if any."""

    report: Report
    target: Target
    outcome: Optional[Target] = None
    outcome_report: Optional[Report] = None
    verdict: str = ""


@dataclass
class TargetIndex:
    catalogue: Catalogue
    extractions: dict[str, Extraction] = field(default_factory=dict)  # report slug -> extraction
    judged: list[Judged] = field(default_factory=list)  # every target, report order
    outcomes: dict[tuple[str, str], Target] = field(default_factory=dict)  # (slug, indicator) -> outcome

    def targets_of(self, slug: str) -> list[Target]:
        found = self.extractions.get(slug)
        return [t for t in found.targets if t.kind == TARGET] if found else []

    def uncertain_count(self) -> int:
        return sum(len(e.uncertain) for e in self.extractions.values())


def catalogue_digest(catalogue: Catalogue) -> str:
    return memo.digest(catalogue.indicators)


def _extract_all(ctx: SiteContext, catalogue: Catalogue) -> dict[str, Extraction]:
    table = memo.table("targets", persistent=True)
    sig = catalogue_digest(catalogue)
    jobs = [(memo.report_key(report, sig), lambda report=report: extract(report, catalogue)) for report in ctx.reports]
    table.fill(jobs)  # many reports to read (a cold build): in worker processes first
    return {report.slug: table.get(key, compute) for report, (key, compute) in zip(ctx.reports, jobs)}


def _next_year(ctx: SiteContext, report: Report) -> Optional[Report]:
    if report.region is None or report.year is None:
        return None
    return next((r for r in ctx.reports_of_region(report.region.name) if r.year == report.year + 1), None)


def project_catalogue(ctx: SiteContext) -> Catalogue:
    """The project's site_config/indicators.yaml, else the one shipped with the generator."""
    path = ctx.root / "site_config" / "indicators.yaml"
    return load_indicators(path if path.is_file() else None)


def build_index(ctx: SiteContext, catalogue: Optional[Catalogue] = None) -> TargetIndex:
    catalogue = catalogue or project_catalogue(ctx)
    index = TargetIndex(catalogue, _extract_all(ctx, catalogue))
    for slug, found in index.extractions.items():
        for t in found.targets:
            if t.kind == OUTCOME:
                index.outcomes.setdefault((slug, t.indicator), t)
    for report in ctx.reports:
        nxt = _next_year(ctx, report)
        for t in index.targets_of(report.slug):
            outcome = index.outcomes.get((nxt.slug, t.indicator)) if nxt is not None else None
            index.judged.append(Judged(report, t, outcome, nxt if outcome else None, judge(t, outcome)))
    return index


def target_index(ctx: SiteContext) -> TargetIndex:
    """The index of this context, built once (pages and the data export share it)."""
    return facts_memo(ctx, "targets", lambda: build_index(ctx))
