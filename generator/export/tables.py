"""Rows of the open data files, from the same SiteContext the site is built from.

``data_files(ctx)`` returns ``{file name: bytes}`` for every file of ``columns.FILES``:
UTF-8, a header row, ``\\n`` line ends, rows in the site's report order (region
hierarchy, then year), so the same inputs always give the same bytes. Counts agree
with the site: reports, paragraphs (``Report.paragraphs()``), terms and occurrences
(``Glossary.occurrences``, what term pages count).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .. import memo
from ..model import Report, Section
from ..site.context import SiteContext
from ..site.facts.reports import report_length
from ..site.facts.targets import number, target_index
from ..site.facts.topics import TopicMatcher, glossary_aliases, memo_report_topics, topic_signature
from ..site.render import urls
from ..targets import TARGET
from .columns import BY_NAME, FILES

class _Urls:
    def __init__(self, base: str):
        self.base = base

    def page(self, path: str, anchor: str = "") -> str:
        return urls.public_url(self.base, path, anchor)

    def report(self, slug: str, anchor: str = "") -> str:
        return self.page(urls.report_page(slug), anchor)


def _csv(name: str, rows: Iterable[Iterable]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(BY_NAME[name].header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return number(value)
    return str(value)


def _reports(ctx: SiteContext, u: _Urls) -> Iterator[list]:
    for r in ctx.reports:
        region = r.region
        speaker = " ".join(x for x in (r.speaker.title, r.speaker.name) if x)
        yield [r.slug, r.title, r.region_name, region.code if region else "", region.level if region else "",
               "/".join(p.name for p in region.parents) if region else "", r.year, r.date, r.meeting, speaker,
               report_length(r), u.report(r.slug)]


def _section_paths(report: Report) -> dict[int, list[str]]:
    """id(section) -> titles from the top part down to it."""
    out: dict[int, list[str]] = {}

    def visit(s: Section, path: list[str]) -> None:
        out[id(s)] = path + [s.title]
        for child in s.sections:
            visit(child, out[id(s)])

    for top in report.sections:
        visit(top, [])
    return out


def _paragraphs(ctx: SiteContext, u: _Urls) -> bytes:
    """One JSON line per paragraph. Each report's lines are kept per report (memo, and the
    on-disk cache): a run after a one-report change formats and matches that report only."""
    topics = ctx.config.topics
    aliases = glossary_aliases(topics, ctx.glossary)
    signature = topic_signature(topics, aliases)
    matcher: list[TopicMatcher] = []

    def lazy_matcher() -> TopicMatcher:
        if not matcher:
            matcher.append(TopicMatcher(topics, aliases))
        return matcher[0]

    def lines(r: Report) -> bytes:
        of: dict[str, list[str]] = {}
        found = memo_report_topics(r, signature, lazy_matcher)[1]
        for topic in topics:  # configuration order
            for m in found.get(topic.slug, ()):
                of.setdefault(m.paragraph.anchor, []).append(topic.slug)
        paths = _section_paths(r)
        out = []
        for section, p in r.paragraphs():
            record = {"report": r.slug, "anchor": p.anchor,
                      "section": paths[id(section)] if section is not None else [], "kind": p.kind,
                      "text": p.text, "topics": of.get(p.anchor, []), "url": u.report(r.slug, p.anchor)}
            out.append(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
        return "".join(out).encode("utf-8")

    table = memo.table("data-paragraphs", persistent=True)
    return b"".join(table.get(memo.report_key(r, signature, u.base), lambda: lines(r)) for r in ctx.reports)


def _first_years(ctx: SiteContext) -> dict[str, Optional[int]]:
    g = ctx.glossary
    out = {}
    for term in g.ordered():
        years = [y for y in (getattr(ctx.report(s), "year", None) for s in g.term_reports(term.key)) if y]
        years += [d.year for d in term.definitions if d.year]
        out[term.key] = min(years) if years else None
    return out


def _terms(ctx: SiteContext, u: _Urls) -> Iterator[list]:
    g, first = ctx.glossary, _first_years(ctx)
    for t in g.ordered():
        yield [t.key, t.headword, t.pinyin, t.category, "|".join(t.aliases), t.short, first[t.key],
               g.usage_count(t.key), u.page(urls.term_page(t.slug))]


def _definitions(ctx: SiteContext) -> Iterator[list]:
    for t in ctx.glossary.ordered():
        for d in t.definitions:
            yield [t.key, d.origin, d.source, d.report_slug, d.anchor, d.term_as_written, d.region, d.year, d.text]


def _occurrences(ctx: SiteContext) -> bytes:
    """occurrences.csv; each report's rows kept per report like paragraphs.jsonl's lines."""
    g = ctx.glossary

    def rows(r: Report) -> bytes:
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(
            [o.term_key, r.slug, o.anchor, str(o.start), str(o.end - o.start)] for o in g.occurrences(r.slug))
        return out.getvalue().encode("utf-8")

    table = memo.table("data-occurrences", persistent=True)
    return _csv("occurrences.csv", ()) + b"".join(
        table.get(memo.report_key(r, g.matcher_digest), lambda: rows(r)) for r in ctx.reports)


def _targets(ctx: SiteContext, u: _Urls) -> Iterator[list]:
    index = target_index(ctx)
    verdicts = {(j.report.slug, j.target.indicator): j.verdict for j in index.judged}
    for r in ctx.reports:
        code = r.region.code if r.region else ""
        for t in index.extractions[r.slug].targets:
            verdict = verdicts.get((r.slug, t.indicator), "") if t.kind == TARGET else ""
            yield [r.slug, r.region_name, code, t.year, t.indicator, t.value, t.value_high, t.unit, t.modifier,
                   t.kind, verdict, t.text, t.anchor, u.report(r.slug, t.anchor)]


def _uncertain(ctx: SiteContext, u: _Urls) -> Iterator[list]:
    index = target_index(ctx)
    for r in ctx.reports:
        for x in index.extractions[r.slug].uncertain:
            yield [r.slug, r.region_name, r.year, x.kind, x.indicator, x.reason, x.text, x.anchor,
                   u.report(r.slug, x.anchor)]


def data_files(ctx: SiteContext) -> dict[str, bytes]:
    """Every open data file, by name (see the module docstring)."""
    u = _Urls(urls.site_url(ctx.root))

    def table(name: str, rows: Iterable[Iterable]) -> bytes:
        return _csv(name, ([_cell(v) for v in row] for row in rows))

    out = {
        "reports.csv": table("reports.csv", _reports(ctx, u)),
        "paragraphs.jsonl": _paragraphs(ctx, u),
        "terms.csv": table("terms.csv", _terms(ctx, u)),
        "definitions.csv": table("definitions.csv", _definitions(ctx)),
        "occurrences.csv": _occurrences(ctx),
        "targets.csv": table("targets.csv", _targets(ctx, u)),
        "targets_uncertain.csv": table("targets_uncertain.csv", _uncertain(ctx, u)),
    }
    assert list(out) == [f.name for f in FILES]
    return out
