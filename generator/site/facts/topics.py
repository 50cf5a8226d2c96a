"""Assign topics (site_config/topics.yaml) to report sections and paragraphs.

Matching is one pass per text over a single Aho-Corasick automaton holding every
keyword and glossary term of every topic. Overlapping matches are resolved
leftmost-longest, so "生态环境" counts once and not also as "生态" and "环境".

Scoring rule (also shown to readers on the topics overview page):

- A **section** belongs to a topic when its title contains one of the topic's
  keywords or terms.
- A **paragraph** is scored per topic: every *distinct* keyword found scores 1,
  every distinct glossary term of the topic scores 2 (``TERM_WEIGHT``); one more
  point when a match lies in the paragraph's run-in lead phrase ("推动科技创新赋能强链。"),
  and one more when the paragraph's section (or an enclosing one) belongs to the
  topic by its title. A paragraph with a score of at least ``THRESHOLD`` (2)
  belongs to the topic.

So a single passing mention ("……加强生态保护……" in a paragraph about roads) is not
enough, while two different keywords, one glossary term, or one keyword under a
matching section title are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

import ahocorasick_rs

from ... import memo
from ...config import Topic
from ...model import Paragraph, Report, Section

KEYWORD_WEIGHT = 1
TERM_WEIGHT = 2
LEAD_BONUS = 1
SECTION_BONUS = 1
THRESHOLD = 2


@dataclass(frozen=True)
class Hit:
    """One keyword match in a text: offsets into the text, the word, its weight."""

    start: int
    end: int
    word: str
    weight: int


@dataclass
class ParagraphMatch:
    """A paragraph assigned to one topic."""

    report: Report
    section: Optional[Section]  # None for the preamble
    paragraph: Paragraph
    score: int
    hits: list[Hit]  # this topic's matches in the paragraph, in text order


@dataclass
class SectionMatch:
    """A section whose title places it in one topic."""

    report: Report
    section: Section
    hits: list[Hit]  # matches in the title


@dataclass
class TopicIndex:
    topics: list[Topic]
    paragraphs: dict[str, list[ParagraphMatch]] = field(default_factory=dict)  # topic slug -> matches
    sections: dict[str, list[SectionMatch]] = field(default_factory=dict)
    signature: str = ""  # topic_signature of what assigned the matches ("" when unknown)
    _cache: dict = field(default_factory=dict, repr=False)  # per-report lookups, built on first use

    def topic(self, slug: str) -> Topic:
        return next(t for t in self.topics if t.slug == slug)

    def _by_report(self, kind: str) -> dict[tuple[str, str], list]:
        cache = self._cache
        if kind not in cache:
            out: dict[tuple[str, str], list] = {}
            for slug, matches in getattr(self, kind).items():
                for m in matches:
                    out.setdefault((slug, m.report.slug), []).append(m)
            cache[kind] = out
        return cache[kind]

    def report_paragraphs(self, topic_slug: str, report_slug: str) -> list[ParagraphMatch]:
        """The report's paragraphs on the topic, in reading order."""
        return self._by_report("paragraphs").get((topic_slug, report_slug), [])

    def report_sections(self, topic_slug: str, report_slug: str) -> list[SectionMatch]:
        return self._by_report("sections").get((topic_slug, report_slug), [])

    def paragraph_counts(self) -> list[tuple[str, str, int]]:
        """``(topic slug, report slug, paragraphs)`` of every report with paragraphs on a topic, sorted."""
        return sorted((topic, report, len(found)) for (topic, report), found in self._by_report("paragraphs").items())

    def paragraph_count(self, topic_slug: str, report_slug: str) -> int:
        return len(self.report_paragraphs(topic_slug, report_slug))

    def section_count(self, topic_slug: str, report_slug: str) -> int:
        return len(self.report_sections(topic_slug, report_slug))

    def topics_of_paragraph(self, report_slug: str, anchor: str) -> list[str]:
        """Slugs of the topics a paragraph belongs to, in configuration order."""
        return [t.slug for t in self.topics
                if any(m.paragraph.anchor == anchor for m in self.report_paragraphs(t.slug, report_slug))]


class TopicMatcher:
    """Finds every topic keyword/term in a text in one pass."""

    def __init__(self, topics: Iterable[Topic], term_aliases: Optional[dict[str, list[str]]] = None):
        """``term_aliases`` maps a topic term to other surface forms that count as it
        (e.g. the glossary's aliases), so "三北防护林" can count for the term "三北工程"."""
        term_aliases = term_aliases or {}
        # word -> {topic slug: weight}; a word may belong to several topics
        owners: dict[str, dict[str, int]] = {}
        for topic in topics:
            for word in topic.keywords:
                self._own(owners, word, topic.slug, KEYWORD_WEIGHT)
            for term in topic.terms:
                for word in [term, *term_aliases.get(term, [])]:
                    self._own(owners, word, topic.slug, TERM_WEIGHT)
        self.owners = owners
        # word -> ((topic slug, weight), ...): the owners as a tuple, read once per match
        self._owned = {word: tuple(slots.items()) for word, slots in owners.items()}
        # (start, end, word, weight) -> Hit: hits are immutable values, and the same word at
        # the same offset recurs in many texts, so each distinct one is made once
        self._hits: dict[tuple[int, int, str, int], Hit] = {}
        self._words = sorted(owners)  # pattern index -> word
        self._owned_at = [self._owned[word] for word in self._words]  # pattern index -> owners
        # A DFA: a few hundred words make a small one, and it scans cn/'s paragraphs in half
        # the time of the default NFA (0.6 s against 1.26 s, 828,000 matches, the same ones).
        self._automaton = ahocorasick_rs.AhoCorasick(
            self._words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
            implementation=ahocorasick_rs.Implementation.DFA) if owners else None

    @staticmethod
    def _own(owners: dict, word: str, slug: str, weight: int) -> None:
        word = word.strip()
        if word:
            slot = owners.setdefault(word, {})
            slot[slug] = max(slot.get(slug, 0), weight)

    def _matches(self, text: str) -> list[tuple[int, int, int]]:
        """Leftmost-longest, non-overlapping matches: (pattern index, start, end)."""
        if self._automaton is None or not text:
            return []
        return self._automaton.find_matches_as_indexes(text)

    def words(self, text: str) -> list[tuple[int, int, str]]:
        """Leftmost-longest, non-overlapping matches: (start, end, word)."""
        words = self._words
        return [(start, end, words[i]) for i, start, end in self._matches(text)]

    def grouped(self, text: str) -> dict[str, list[tuple[int, int, str, int]]]:
        """Like ``hits`` with plain ``(start, end, word, weight)`` tuples (cheaper to make)."""
        out: dict[str, list[tuple[int, int, str, int]]] = {}
        words, owned_at = self._words, self._owned_at
        for i, start, end in self._matches(text):
            for slug, weight in owned_at[i]:
                found = out.get(slug)
                if found is None:
                    out[slug] = [(start, end, words[i], weight)]
                else:
                    found.append((start, end, words[i], weight))
        return out

    def as_hits(self, found: list[tuple[int, int, str, int]]) -> list[Hit]:
        """``grouped`` tuples as ``Hit`` values."""
        made = self._hits
        out = []
        for key in found:
            hit = made.get(key)
            if hit is None:
                hit = made[key] = Hit(*key)
            out.append(hit)
        return out

    def hits(self, text: str) -> dict[str, list[Hit]]:
        """Matches grouped by topic slug, each list in text order."""
        return {slug: self.as_hits(found) for slug, found in self.grouped(text).items()}


def score(hits: list[Hit], lead: int = 0, in_section: bool = False) -> int:
    """The documented paragraph score for one topic's hits."""
    best: dict[str, int] = {}
    for h in hits:
        best[h.word] = max(best.get(h.word, 0), h.weight)
    total = sum(best.values())
    if lead and any(h.start < lead for h in hits):
        total += LEAD_BONUS
    if in_section and hits:
        total += SECTION_BONUS
    return total


def _section_topics(report: Report, matcher: TopicMatcher) -> dict[str, dict[str, list[Hit]]]:
    """section anchor -> topic slug -> title hits."""
    return {s.anchor: matcher.hits(s.title) for s in report.walk_sections()}


def _inherited(report: Report, own: dict[str, dict[str, list[Hit]]]) -> dict[str, set[str]]:
    """section anchor -> topics of the section and every enclosing section."""
    out: dict[str, set[str]] = {}

    def visit(section: Section, above: set[str]) -> None:
        mine = above | set(own.get(section.anchor, {}))
        out[section.anchor] = mine
        for child in section.sections:
            visit(child, mine)

    for top in report.sections:
        visit(top, set())
    return out


def _score_tuples(found: list[tuple[int, int, str, int]], lead: int, in_section: bool) -> int:
    """``score`` of one topic's ``TopicMatcher.grouped`` tuples (in text order)."""
    if len(found) == 1:
        total = found[0][3]
    else:
        # a word has one weight per topic, so the best weight of a word is its weight
        total = sum({word: weight for _, _, word, weight in found}.values())
    if lead and found[0][0] < lead:  # the first match in text order starts earliest
        total += LEAD_BONUS
    if in_section:
        total += SECTION_BONUS
    return total


def report_topics(report: Report, matcher: TopicMatcher
                  ) -> tuple[dict[str, list[SectionMatch]], dict[str, list[ParagraphMatch]]]:
    """One report's section and paragraph matches, by topic slug, each list in reading order.

    Depends only on the report and the matcher, so a caller may memoize it per report;
    ``assign_topics`` merges the results of every report.
    """
    sections: dict[str, list[SectionMatch]] = {}
    paragraphs: dict[str, list[ParagraphMatch]] = {}
    own = _section_topics(report, matcher)
    for section in report.walk_sections():
        if section.kind == "glossary":
            continue
        for slug, hits in sorted(own[section.anchor].items()):
            sections.setdefault(slug, []).append(SectionMatch(report, section, hits))
    inherited = _inherited(report, own)
    none: set[str] = set()
    for holder, paragraph in report.paragraphs():
        if holder is not None and holder.kind == "glossary":
            continue
        grouped = matcher.grouped(paragraph.text)
        if not grouped:
            continue
        above = inherited.get(holder.anchor, none) if holder else none
        lead = paragraph.lead
        for slug in sorted(grouped):
            found = grouped[slug]
            value = _score_tuples(found, lead, slug in above)
            if value >= THRESHOLD:
                paragraphs.setdefault(slug, []).append(
                    ParagraphMatch(report, holder, paragraph, value, matcher.as_hits(found)))
    return sections, paragraphs


def assign_topics(reports: Iterable[Report], topics: list[Topic],
                  term_aliases: Optional[dict[str, list[str]]] = None) -> TopicIndex:
    """Assign every section and paragraph of ``reports`` to the topics it matches
    (``report_topics`` for each report, merged in slug order)."""
    matcher = TopicMatcher(topics, term_aliases)
    signature = topic_signature(topics, term_aliases)
    index = TopicIndex(list(topics), {t.slug: [] for t in topics}, {t.slug: [] for t in topics}, signature)
    by_section = index._cache["sections"] = {}  # the per-report lookups, filled as we go
    by_paragraph = index._cache["paragraphs"] = {}
    for report in sorted(reports, key=lambda r: r.slug):
        sections, paragraphs = memo_report_topics(report, signature, lambda: matcher)
        for slug, section_matches in sections.items():
            index.sections[slug].extend(section_matches)
            by_section[(slug, report.slug)] = section_matches
        for slug, paragraph_matches in paragraphs.items():
            index.paragraphs[slug].extend(paragraph_matches)
            by_paragraph[(slug, report.slug)] = paragraph_matches
    return index


def topic_signature(topics: Iterable[Topic], term_aliases: Optional[dict[str, list[str]]] = None) -> str:
    """Digest of what topic matching reads besides the report: the topics and the aliases."""
    return memo.digest(list(topics), sorted((term_aliases or {}).items()))


def memo_report_topics(report: Report, signature: str, matcher: Callable[[], TopicMatcher]
                       ) -> tuple[dict[str, list[SectionMatch]], dict[str, list[ParagraphMatch]]]:
    """``report_topics`` reused across rebuilds while the report, the topics and the glossary
    aliases (``signature``) are unchanged (generator/memo.py); ``matcher`` is called only
    when the matches must be computed."""
    return memo.table("topics").get(memo.report_key(report, signature), lambda: report_topics(report, matcher()))


def glossary_aliases(topics: Iterable[Topic], glossary) -> dict[str, list[str]]:
    """Aliases of each topic term known to the glossary (its headword and aliases)."""
    out: dict[str, list[str]] = {}
    if glossary is None:
        return out
    for topic in topics:
        for term in topic.terms:
            found = glossary.get(term)
            if found is not None:
                out[term] = sorted({found.headword, *found.aliases} - {term})
    return out
