"""Rows of the open data files, from the same SiteContext the site is built from.

``data_files(ctx)`` returns ``{file name: bytes}`` for every file of ``columns.FILES``:
UTF-8, a header row, ``\\n`` line ends, rows in the site's report order (region
hierarchy, then year), so the same inputs always give the same bytes. Counts agree
with the site: reports, paragraphs (``Report.paragraphs()``), terms and occurrences
(``Glossary.occurrences``, what term pages count).

``data_chunks(ctx)`` gives the same files as chunks (``served.Chunk``): the header, then
one chunk per report for the per-report files (reports, paragraphs, occurrences,
targets), one chunk for the glossary's files. Each chunk is memoized (table ``export:chunk``;
paragraphs and occurrences in ``data-paragraphs`` and ``data-occurrences``, which the on-disk
cache keeps) under a key naming everything its bytes depend on: ``memo.report_key``
and the other inputs (the topics' signature, the glossary's matcher digest, the verdicts
of the report's targets, which the next year's report decides; the glossary digest and
every term's usage count and first year), so after a one-report edit a rebuild writes
that report's rows again and joins the rest, and compresses only what changed (served.py).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Callable, Hashable, Iterable, Optional

from .. import memo
from ..model import Report, Section
from ..site.context import SiteContext
from ..site.facts.reports import report_length
from ..site.facts.targets import catalogue_digest, number, target_index
from ..site.facts.topics import TopicMatcher, glossary_aliases, memo_report_topics, topic_signature
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
    csv.writer(out, lineterminator="\n").writerows([_cell(v) for v in row] for row in rows)
    return out.getvalue().encode("utf-8")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return number(value)
    return str(value)


# One paragraphs.jsonl line is what ``json.dumps(record, ensure_ascii=False, separators=(",", ":"))``
# writes, put together from the json module's own string encoder: 126,000 calls of ``dumps``
# on dicts cost 0.8 s of a cold export of cn/, this a fifth of it (tests/test_export.py
# parses every line back).
_json_str = json.encoder.encode_basestring  # type: ignore[attr-defined]


def _json_list(items: list[str]) -> str:
    return "[" + ",".join(map(_json_str, items)) + "]"


def _header(name: str) -> Chunk:
    header = tuple(BY_NAME[name].header)
    return (name, "header", header), _csv([header])


def _chunk(key: Optional[Hashable], render: Callable[[], bytes], table: Optional[memo.Table] = None) -> Chunk:
    """``render()``'s bytes, memoized in ``table`` (default ``export:chunk``) under ``key``, which
    names every input of ``render``; the chunk's key names the table too."""
    table = memo.table(_CHUNKS) if table is None else table  # (an empty Table is falsy: it has a length)
    return (None if key is None else (table.name, key)), table.get(key, render)


def _per_report(ctx: SiteContext, name: str, inputs: Callable[[Report], tuple],
                render: Callable[[Report], bytes], header: bool = True) -> list[Chunk]:
    """The header and one chunk per report, memoized under the report's key and
    ``inputs(report)`` (every other input of ``render``)."""
    out = [_header(name)] if header else []
    for r in ctx.reports:
        out.append(_chunk(memo.report_key(r, name, *inputs(r)), lambda r=r: render(r)))  # type: ignore[misc]
    return out


def _reports(ctx: SiteContext, u: _Urls) -> list[Chunk]:
    def row(r: Report) -> bytes:
        region = r.region
        speaker = " ".join(x for x in (r.speaker.title, r.speaker.name) if x)
        return _csv([[r.slug, r.title, r.region_name, region.code if region else "", region.level if region else "",
                      "/".join(p.name for p in region.parents) if region else "", r.year, r.date, r.meeting, speaker,
                      report_length(r), u.report(r.slug)]])

    return _per_report(ctx, "reports.csv", lambda r: (u.base,), row)


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
    """paragraphs.jsonl (no header row): one chunk per report, memoized (and kept in the on-disk
    cache) under the report, the topics' signature (topics and glossary aliases: what assigns a
    paragraph's topics) and the site's address; a run after a one-report change formats and
    matches that report only."""
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
        paths = {key: _json_list(path) for key, path in _section_paths(r).items()}
        report = f'{{"report":{_json_str(r.slug)},"anchor":'
        out = []
        for section, p in r.paragraphs():
            out.append(f'{report}{_json_str(p.anchor)},"section":{paths[id(section)] if section is not None else "[]"},'
                       f'"kind":{_json_str(p.kind)},"text":{_json_str(p.text)},"topics":{_json_list(of.get(p.anchor, []))},'
                       f'"url":{_json_str(u.report(r.slug, p.anchor))}}}\n')
        return "".join(out).encode("utf-8")

    table = memo.table("data-paragraphs", persistent=True)
    jobs = [(memo.report_key(r, signature, u.base), lambda r=r: lines(r)) for r in ctx.reports]
    table.fill(jobs)  # many reports to match (a cold export): in worker processes first
    return [_chunk(key, compute, table) for key, compute in jobs]


def _first_years(ctx: SiteContext) -> dict[str, Optional[int]]:
    g = ctx.glossary
    out = {}
    for term in g.ordered():
        years = [y for y in (getattr(ctx.report(s), "year", None) for s in g.term_reports(term.key)) if y]
        years += [d.year for d in term.definitions if d.year]
        out[term.key] = min(years) if years else None
    return out


def _terms(ctx: SiteContext, u: _Urls) -> list[Chunk]:
    """One chunk, memoized under the glossary digest, the site's address and every term's
    usage count and first year (which the reports decide)."""
    g, first = ctx.glossary, _first_years(ctx)
    counts = [(t.key, g.usage_count(t.key), first[t.key]) for t in g.ordered()]
    return [_header("terms.csv"), _chunk(("terms.csv", g.digest, u.base, memo.digest(counts)), lambda: _csv(
        [t.key, t.headword, t.pinyin, t.category, "|".join(t.aliases), t.short, first[t.key],
         g.usage_count(t.key), u.page(urls.term_page(t.slug))] for t in g.ordered()))]


def _definitions(ctx: SiteContext) -> list[Chunk]:
    """One chunk, memoized under the glossary digest (every term with its definitions)."""
    g = ctx.glossary
    return [_header("definitions.csv"), _chunk(("definitions.csv", g.digest), lambda: _csv(
        [t.key, d.origin, d.source, d.report_slug, d.anchor, d.term_as_written, d.region, d.year, d.text]
        for t in g.ordered() for d in t.definitions))]


def _occurrences(ctx: SiteContext) -> list[Chunk]:
    """One chunk per report, memoized (and kept in the on-disk cache) under the report and the
    glossary's matcher digest (which also names the link policy): what the report's
    occurrences are computed from."""
    g = ctx.glossary
    table = memo.table("data-occurrences", persistent=True)
    return [_header("occurrences.csv")] + [_chunk(memo.report_key(r, g.matcher_digest), lambda r=r: _csv(  # type: ignore[misc]
        [o.term_key, r.slug, o.anchor, o.start, o.end - o.start] for o in g.occurrences(r.slug)), table)
        for r in ctx.reports]


def _targets(ctx: SiteContext, u: _Urls) -> list[Chunk]:
    """One chunk per report, memoized under the report, the indicator catalogue, the site's
    address and the verdicts of its targets (which the next year's report decides)."""
    index = target_index(ctx)
    signature = catalogue_digest(index.catalogue)
    verdicts = {(j.report.slug, j.target.indicator): j.verdict for j in index.judged}

    def verdict(r: Report, t) -> str:
        return verdicts.get((r.slug, t.indicator), "") if t.kind == TARGET else ""

    def rows(r: Report) -> bytes:
        code = r.region.code if r.region else ""
        return _csv([r.slug, r.region_name, code, t.year, t.indicator, t.value, t.value_high, t.unit, t.modifier,
                     t.kind, verdict(r, t), t.text, t.anchor, u.report(r.slug, t.anchor)]
                    for t in index.extractions[r.slug].targets)

    return _per_report(ctx, "targets.csv", lambda r: (
        signature, u.base, tuple(verdict(r, t) for t in index.extractions[r.slug].targets)), rows)


def _uncertain(ctx: SiteContext, u: _Urls) -> list[Chunk]:
    index = target_index(ctx)
    signature = catalogue_digest(index.catalogue)
    return _per_report(ctx, "targets_uncertain.csv", lambda r: (signature, u.base), lambda r: _csv(
        [r.slug, r.region_name, r.year, x.kind, x.indicator, x.reason, x.text, x.anchor, u.report(r.slug, x.anchor)]
        for x in index.extractions[r.slug].uncertain))


def data_chunks(ctx: SiteContext) -> dict[str, list[Chunk]]:
    """Every open data file, by name, as chunks (see the module docstring)."""
    u = _Urls(urls.site_url(ctx.root))
    out = {
        "reports.csv": _reports(ctx, u),
        "paragraphs.jsonl": _paragraphs(ctx, u),
        "terms.csv": _terms(ctx, u),
        "definitions.csv": _definitions(ctx),
        "occurrences.csv": _occurrences(ctx),
        "targets.csv": _targets(ctx, u),
        "targets_uncertain.csv": _uncertain(ctx, u),
    }
    assert list(out) == [f.name for f in FILES]
    return out


def data_files(ctx: SiteContext) -> dict[str, bytes]:
    """Every open data file, by name (see the module docstring)."""
    return {name: b"".join(data for _, data in chunks) for name, chunks in data_chunks(ctx).items()}
