"""The glossary: terms from reports' 名词解释 and site_config/glossary.yaml, linked everywhere.

    from generator.glossary import build_glossary, Glossary
    g = build_glossary(reports, config)

Modules: ``normalize`` (keys, quote-free projection), ``matcher`` (one-pass
Aho-Corasick search), ``sources`` (collect and merge definitions, slugs, pinyin),
``occurrences`` (find occurrences, no-link zones, link policies), ``related``,
``search`` (jieba user dictionary), ``candidates`` and ``lint`` (what the curators' commands
``terms --candidates`` and ``check`` report; the commands themselves are in generator/commands/).
"""

from __future__ import annotations

from collections import Counter
from functools import cached_property
from typing import Callable, Iterable, Optional

from .. import memo
from ..config import LINK_POLICIES, SiteConfig
from ..model import Occurrence, Report, Span, Term
from .matcher import Matcher
from .normalize import Projection
from .occurrences import Row, no_link_zones, occurrence_rows
from .related import DefinitionLinks, co_occurrence, related_terms
from .search import jieba_user_dict
from .sources import collect_terms, official_label, sort_key, surface_map

__all__ = ["Glossary", "build_glossary", "Matcher"]


class _ReportOccurrences:
    """One report's occurrences and the lookups built from them (shared between builds).

    Kept in the on-disk cache and sent back by worker processes as plain rows
    (``occurrences.Row``): as ``Occurrence`` objects, cn/'s 152,000 took 0.8 s to pickle and
    0.3 s to read back, as rows a tenth of that. The objects and the lookups by term and by
    paragraph are made on first use (``export`` needs only the objects)."""

    __slots__ = ("slug", "rows", "counts", "pairs", "pairs_digest", "_all", "_by_term", "_links")

    def __init__(self, slug: str, rows: list[Row]):
        self.slug = slug
        self.rows = rows  # reading order
        self.pairs = co_occurrence((anchor, key) for key, anchor, _, _, _ in rows)
        self.pairs_digest = memo.digest(sorted(self.pairs.items()))  # keys the related terms
        self._lookups()

    def _lookups(self) -> None:
        self.counts: dict[str, int] = {}  # term key -> occurrences
        for key, *_ in self.rows:
            self.counts[key] = self.counts.get(key, 0) + 1
        self._all: Optional[list[Occurrence]] = None
        self._by_term: Optional[dict[str, list[Occurrence]]] = None
        self._links: Optional[dict[str, list[Occurrence]]] = None

    def __getstate__(self) -> tuple:
        return self.slug, self.rows, self.pairs, self.pairs_digest

    def __setstate__(self, state: tuple) -> None:
        self.slug, self.rows, self.pairs, self.pairs_digest = state
        self._lookups()

    @property
    def all(self) -> list[Occurrence]:
        """Every occurrence, reading order."""
        if self._all is None:
            slug = self.slug
            self._all = [Occurrence(key, slug, anchor, start, end, linked) for key, anchor, start, end, linked in self.rows]
        return self._all

    @property
    def by_term(self) -> dict[str, list[Occurrence]]:
        if self._by_term is None:
            self._by_term = _grouped(self.all, lambda occ: occ.term_key)
        return self._by_term

    @property
    def links(self) -> dict[str, list[Occurrence]]:
        """anchor -> the linked occurrences there."""
        if self._links is None:
            self._links = _grouped((occ for occ in self.all if occ.linked), lambda occ: occ.anchor)
        return self._links


def _grouped(occurrences: Iterable[Occurrence], key: Callable[[Occurrence], str]) -> dict[str, list[Occurrence]]:
    out: dict[str, list[Occurrence]] = {}
    for occ in occurrences:
        out.setdefault(key(occ), []).append(occ)
    return out


class Glossary:
    """Every term with its definitions, occurrences, links and related terms."""

    def __init__(self, terms: dict[str, Term], reports: list[Report], policy: str = "section"):
        if policy not in LINK_POLICIES:
            raise ValueError(f"unknown link policy {policy!r}; use one of {', '.join(LINK_POLICIES)}")
        self.terms = terms
        self.policy = policy
        # Pinyin order is slow to compute (pypinyin per headword): kept per set of headwords.
        order = memo.table("term-order", persistent=True).get(
            memo.digest(sorted((k, t.headword) for k, t in terms.items())),
            lambda: [t.key for t in sorted(terms.values(), key=sort_key)])
        self._order = [terms[k] for k in order]
        self.matcher = Matcher(surface_map(terms))
        self._by_report: dict[str, _ReportOccurrences] = {}
        self._term_reports: dict[str, list[str]] = {key: [] for key in terms}  # report slugs, sorted
        self._usage: dict[str, int] = dict.fromkeys(terms, 0)
        self._entry_terms: dict[tuple[str, str], str] = {}
        # Occurrences depend on the report and the surfaces matched: memoized per report, so
        # a rebuild after a one-report edit works per term and report, not per occurrence.
        self.matcher_digest = memo.digest(sorted(self.matcher.surfaces.items()),
                                          sorted(self.matcher.short_forms.items()), policy)
        table = memo.table("occurrences", persistent=True)
        ordered = sorted(reports, key=lambda r: r.slug)
        jobs = [(memo.report_key(report, self.matcher_digest), lambda report=report: self._find(report))
                for report in ordered]
        table.fill(jobs)  # many reports to match (a cold build): in worker processes first
        for report, (memo_key, find) in zip(ordered, jobs):
            found = table.get(memo_key, find)
            self._by_report[report.slug] = found
            for term_key, count in found.counts.items():
                self._term_reports[term_key].append(report.slug)
                self._usage[term_key] += count
            for entry in report.glossary:
                key = self.matcher.lookup(entry.term)
                if key is not None and key in terms:
                    self._entry_terms[(report.slug, entry.anchor)] = key
        self._order_keys = order

    # Definition links and related terms are computed on first use: term pages need them,
    # ``export`` does not (1.1 s of a cold export of cn/).
    @cached_property
    def _definitions_key(self) -> str:
        return memo.digest(self.matcher_digest, [(key, [d.text for d in self.terms[key].definitions])
                                                 for key in sorted(self.terms)])

    @cached_property
    def _definition_links(self) -> DefinitionLinks:
        """Definition links depend on the definitions and the surfaces matched: kept across runs
        while those are unchanged."""
        terms = self.terms
        return memo.table("definition-links", persistent=True).get(
            self._definitions_key, lambda: {(key, i): self._link_definition(key, d.text)
                                            for key, term in terms.items() for i, d in enumerate(term.definitions)})

    @cached_property
    def _related(self) -> dict[str, list[tuple[str, str]]]:
        """Related terms also count the paragraphs each pair of terms shares, over every report:
        reused while no report's pairs changed (an edit to a report's body that adds or drops
        no term use changes none), so the key names each report's pairs, not the report."""
        found_pairs = [found.pairs for found in self._by_report.values()]
        return memo.table("related-terms", persistent=True).get(
            memo.digest(self._definitions_key, self._order_keys,
                        [found.pairs_digest for found in self._by_report.values()]),
            lambda: related_terms(self._order_keys, self._definition_links, _sum(found_pairs)))

    def _find(self, report: Report) -> _ReportOccurrences:
        return _ReportOccurrences(report.slug, occurrence_rows(report, self.policy, self.matcher, self.matcher.lookup))

    def _link_definition(self, key: str, text: str) -> list[Span]:
        """The first mention of each other term in a definition; never the term itself."""
        zones = no_link_zones(text)
        out: list[Span] = []
        seen = {key}
        for start, end, other in self.matcher.find_in(Projection(text)):
            if other in seen or any(zs < end and start < ze for zs, ze in zones):
                continue
            seen.add(other)
            out.append(Span(start, end, other))
        return out

    @cached_property
    def digest(self) -> str:
        """Digest of every term (headword, aliases, slug, definitions …) and what is matched:
        pages that show any term's name, link or tooltip depend on it."""
        return memo.digest(self.matcher_digest, [self.terms[k] for k in sorted(self.terms)])

    # -- lookups -------------------------------------------------------------------
    def ordered(self) -> list[Term]:
        """All terms sorted by pinyin, then headword."""
        return list(self._order)

    def get(self, surface: str) -> Optional[Term]:
        """The term spelled ``surface`` (headword, alias or official spelling, any quotes/width)."""
        key = self.matcher.lookup(surface)
        return self.terms.get(key) if key is not None else None

    def occurrences(self, report_slug: str) -> list[Occurrence]:
        """Every occurrence in one report, reading order; ``linked`` per the link policy."""
        found = self._by_report.get(report_slug)
        return list(found.all) if found else []

    def by_term(self, term_key: str) -> list[Occurrence]:
        """Every occurrence of a term, reports by slug, each in reading order."""
        return [occ for slug in self._term_reports.get(term_key, ())
                for occ in self._by_report[slug].by_term[term_key]]

    def term_reports(self, term_key: str) -> list[str]:
        """Slugs of the reports that use the term, sorted."""
        return list(self._term_reports.get(term_key, ()))

    def in_report(self, term_key: str, report_slug: str) -> list[Occurrence]:
        """The term's occurrences in one report, reading order."""
        found = self._by_report.get(report_slug)
        return list(found.by_term.get(term_key, ())) if found else []

    def paragraph_links(self, report_slug: str, anchor: str) -> list[Occurrence]:
        """Linked occurrences in one paragraph or 名词解释 entry, by start, non-overlapping."""
        found = self._by_report.get(report_slug)
        return list(found.links.get(anchor, ())) if found else []

    def definition_links(self, term_key: str, index: int) -> list[Span]:
        """``(start, end, other_key)`` spans in ``terms[term_key].definitions[index].text``."""
        return list(self._definition_links.get((term_key, index), []))

    def related(self, term_key: str) -> list[tuple[str, str]]:
        """``(other_key, reason)``, reason one of "defines", "defined-by", "co-occurs"."""
        return list(self._related.get(term_key, []))

    def usage_count(self, term_key: str) -> int:
        """How many times the reports use the term, whatever the link policy."""
        return self._usage.get(term_key, 0)

    def entry_term(self, report_slug: str, entry_anchor: str) -> str:
        """The term key a report's own 名词解释 entry defines.

        "" when the anchor is no entry of that report, or the entry had no definition
        text (such an entry makes no term).
        """
        return self._entry_terms.get((report_slug, entry_anchor), "")

    def headword_surfaces(self) -> dict[str, str]:
        """Every spelling that links to a term (headword, aliases, official spellings) ->
        its headword: what the search index adds to the sections that use a term."""
        return {surface: self.terms[key].headword for surface, key in surface_map(self.terms).items()}

    def jieba_user_dict(self) -> str:
        """jieba user dictionary text: ``word 100000 nz`` per headword and alias."""
        return jieba_user_dict(self._order)


def _sum(counters: list[Counter]) -> Counter:
    total: Counter = Counter()
    for c in counters:
        total.update(c)
    return total


def build_glossary(reports: list[Report], config: Optional[SiteConfig] = None,
                   link_policy: Optional[str] = None) -> Glossary:
    """Merge official and curated definitions and find every occurrence in ``reports``.

    ``link_policy`` overrides ``config.settings.link_policy`` (default "section").
    """
    curated = config.glossary if config is not None else []
    policy = link_policy or (config.settings.link_policy if config is not None else "section")
    categories = config.categories if config is not None else {}
    topics = config.topics if config is not None else []
    # The terms depend on the curated file, the category rules and each report's 名词解释
    # with what labels and orders its definitions (not the rest of the report): kept across
    # runs, and an edit to a report's body reuses them.
    key = memo.digest(curated, sorted(categories.items()), topics, [_definition_inputs(r) for r in reports])
    terms = memo.table("terms", persistent=True).get(key, lambda: collect_terms(reports, curated, categories, topics))
    return Glossary(terms, reports, policy)


def _definition_inputs(report: Report) -> tuple:
    """What ``collect_terms`` reads of a report: its 名词解释 entries and, for a report that has
    some, what labels (``official_label``) and orders (``_report_order``) its definitions."""
    if not report.glossary:
        return ()
    return (report.slug, official_label(report), report.region_name, report.year,
            report.region.level if report.region else "",
            [(e.term, e.definition, e.anchor) for e in report.glossary])
