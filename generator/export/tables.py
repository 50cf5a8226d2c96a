"""Rows of the open data files, from the same SiteContext the site is built from.

``data_files(ctx)`` returns ``{file name: bytes}`` for every file of ``columns.FILES``:
UTF-8, a header row, ``\\n`` line ends, rows in the site's report order (region
hierarchy, then year), so the same inputs always give the same bytes. Counts agree
with the site: reports, paragraphs (``Report.paragraphs()``), terms and occurrences
(``Glossary.occurrences``, what term pages count).

``data_chunks(ctx)`` gives the same files as chunks (``served.Chunk``): the header, then
one chunk per report for the per-report files (paragraphs, occurrences, targets), one
chunk for the others. Each chunk is memoized (table ``export:chunk``) under a key naming
everything its bytes depend on — ``memo.report_key`` and the inputs for paragraphs and
occurrences, the rows themselves (their digest) where other reports decide a value (a
target's verdict, a term's usage count) — so after a one-report edit a rebuild writes
that report's rows again and joins the rest, and compresses only what changed (served.py).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Callable, Hashable, Iterable, Iterator, Optional

from .. import memo
from ..model import Report, Section
from ..site.context import SiteContext
from ..site.facts.reports import report_length
from ..site.facts.targets import number, target_index
from ..site.facts.topics import TopicIndex, assign_topics, glossary_aliases, topics_signature
from ..site.render import urls
from ..targets import TARGET
from .columns import BY_NAME, FILES
from .served import Chunk

_CHUNKS = "export:chunk"

class _Urls:
    def __init__(self, base: str):
        self.base = base

    def page(self, path: str, anchor: str = "") -> str:
        return urls.public_url(self.base, path, anchor)

    def report(self, slug: str, anchor: str = "") -> str:
        return self.page(urls.report_page(slug), anchor)


def _csv(rows: Iterable[Iterable]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def _header(name: str) -> Chunk:
    header = tuple(BY_NAME[name].header)
    return (name, "header", header), _csv([header])


def _cells(rows: Iterable[Iterable]) -> list[list[str]]:
    return [[_cell(v) for v in row] for row in rows]


def _by_content(name: str, rows: list[list[str]]) -> Chunk:
    """A chunk of CSV rows (cells as written), memoized under the rows' own digest."""
    key = (name, memo.digest(rows))
    return key, memo.table(_CHUNKS).get(key, lambda: _csv(rows))


def _per_report(ctx: SiteContext, name: str, inputs: tuple, render: Callable[[Report], bytes]) -> list[Chunk]:
    """The header and one chunk per report, memoized under the report's key and ``inputs``
    (every other input of ``render``)."""
    table = memo.table(_CHUNKS)
    out = [_header(name)]
    for r in ctx.reports:
        key: Optional[Hashable] = memo.report_key(r, name, *inputs)
        out.append((key, table.get(key, lambda r=r: render(r))))  # type: ignore[misc]
    return out


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


def _paragraphs(ctx: SiteContext, u: _Urls) -> list[Chunk]:
    """paragraphs.jsonl (no header row): one chunk per report, memoized under the report,
    the topics' signature (topics and glossary aliases: what assigns a paragraph's topics)
    and the site's address."""
    topics = ctx.config.topics
    aliases = glossary_aliases(topics, ctx.glossary)
    index = assign_topics(ctx.reports, topics, aliases)
    return _per_report(ctx, "paragraphs.jsonl", (topics_signature(topics, aliases), u.base),
                       lambda r: _report_paragraphs(r, index, u))[1:]


def _report_paragraphs(r: Report, index: TopicIndex, u: _Urls) -> bytes:
    of: dict[str, list[str]] = {}
    for topic in index.topics:  # configuration order
        for m in index.report_paragraphs(topic.slug, r.slug):
            of.setdefault(m.paragraph.anchor, []).append(topic.slug)
    paths = _section_paths(r)
    lines = []
    for section, p in r.paragraphs():
        record = {"report": r.slug, "anchor": p.anchor,
                  "section": paths[id(section)] if section is not None else [], "kind": p.kind,
                  "text": p.text, "topics": of.get(p.anchor, []), "url": u.report(r.slug, p.anchor)}
        lines.append(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
    return "".join(lines).encode("utf-8")


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


def _occurrences(ctx: SiteContext) -> list[Chunk]:
    """One chunk per report, memoized under the report and the glossary's matcher digest
    (which also names the link policy): what the report's occurrences are computed from."""
    g = ctx.glossary
    return _per_report(ctx, "occurrences.csv", (g.matcher_digest,), lambda r: _csv(
        [o.term_key, r.slug, o.anchor, str(o.start), str(o.end - o.start)] for o in g.occurrences(r.slug)))


def _targets(ctx: SiteContext, u: _Urls) -> list[Chunk]:
    """One chunk per report, by content: a target's verdict depends on the next year's report."""
    index = target_index(ctx)
    verdicts = {(j.report.slug, j.target.indicator): j.verdict for j in index.judged}
    out = [_header("targets.csv")]
    for r in ctx.reports:
        code = r.region.code if r.region else ""
        out.append(_by_content("targets.csv", _cells(
            [r.slug, r.region_name, code, t.year, t.indicator, t.value, t.value_high, t.unit, t.modifier,
             t.kind, verdicts.get((r.slug, t.indicator), "") if t.kind == TARGET else "", t.text, t.anchor,
             u.report(r.slug, t.anchor)] for t in index.extractions[r.slug].targets)))
    return out


def _uncertain(ctx: SiteContext, u: _Urls) -> list[Chunk]:
    index = target_index(ctx)
    out = [_header("targets_uncertain.csv")]
    for r in ctx.reports:
        out.append(_by_content("targets_uncertain.csv", _cells(
            [r.slug, r.region_name, r.year, x.kind, x.indicator, x.reason, x.text, x.anchor,
             u.report(r.slug, x.anchor)] for x in index.extractions[r.slug].uncertain)))
    return out


def data_chunks(ctx: SiteContext) -> dict[str, list[Chunk]]:
    """Every open data file, by name, as chunks (see the module docstring)."""
    u = _Urls(urls.site_url(ctx.root))

    def whole(name: str, rows: Iterable[Iterable]) -> list[Chunk]:
        return [_header(name), _by_content(name, _cells(rows))]

    out = {
        "reports.csv": whole("reports.csv", _reports(ctx, u)),
        "paragraphs.jsonl": _paragraphs(ctx, u),
        "terms.csv": whole("terms.csv", _terms(ctx, u)),
        "definitions.csv": whole("definitions.csv", _definitions(ctx)),
        "occurrences.csv": _occurrences(ctx),
        "targets.csv": _targets(ctx, u),
        "targets_uncertain.csv": _uncertain(ctx, u),
    }
    assert list(out) == [f.name for f in FILES]
    return out


def data_files(ctx: SiteContext) -> dict[str, bytes]:
    """Every open data file, by name (see the module docstring)."""
    return {name: b"".join(data for _, data in chunks) for name, chunks in data_chunks(ctx).items()}
