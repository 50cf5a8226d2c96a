"""Topic attention: the share of a report's paragraphs and characters on each topic.

A paragraph is on a topic when the assignment rule of facts/topics.py puts it there
(paragraph-level keywords and glossary terms, with the lead and section bonuses); its
characters are its text's length. Shares are of all the report's paragraphs (title
block lines left out), so a paragraph on two topics counts for both.
"""

from __future__ import annotations

from dataclasses import dataclass

from ... import memo
from ...model import Report
from .topics import TopicIndex

BUCKETS = (0.0, 0.05, 0.10, 0.20, 0.30)  # lower bounds of heat classes heat-0 … heat-4


@dataclass(frozen=True)
class Share:
    paragraphs: int
    total_paragraphs: int
    chars: int
    total_chars: int

    @property
    def paragraph_share(self) -> float:
        return self.paragraphs / self.total_paragraphs if self.total_paragraphs else 0.0

    @property
    def char_share(self) -> float:
        return self.chars / self.total_chars if self.total_chars else 0.0


def report_totals(report: Report) -> tuple[int, int]:
    """(paragraphs, characters) of the report's body (title block lines left out); counted
    once per report (every topic page asks for every report's totals)."""
    return memo.table("report-totals").get(memo.report_key(report), lambda: _totals(report))


def _totals(report: Report) -> tuple[int, int]:
    paras = [p for _, p in report.paragraphs() if p.kind != "title"]
    return len(paras), sum(len(p.text) for p in paras)


def share(index: TopicIndex, topic_slug: str, report: Report) -> Share:
    paragraphs, chars = _on_topics(index, report).get(topic_slug, (0, 0))
    total_p, total_c = report_totals(report)
    return Share(paragraphs, total_p, chars, total_c)


def _on_topics(index: TopicIndex, report: Report) -> dict[str, tuple[int, int]]:
    """Topic slug -> (paragraphs, characters) of the report on it, counted once per report and
    topic assignment (every topic page asks for every report)."""
    key = memo.report_key(report, index.signature) if index.signature else None
    return memo.table("attention:report").get(key, lambda: {
        t.slug: (len(found), sum(len(m.paragraph.text) for m in found))
        for t in index.topics if (found := index.report_paragraphs(t.slug, report.slug))})


def bucket(value: float) -> int:
    """The heat class (0–4) of a share."""
    return max(i for i, low in enumerate(BUCKETS) if value >= low) if value > 0 else 0
