"""The category of a term, shown on the glossary index (按类别):

1. a curated term's own ``category:`` (site_config/glossary.yaml);
2. else the category site_config/categories.yaml lists the term under (any spelling);
3. else the topic (site_config/topics.yaml) the term belongs to: the topic whose ``terms:``
   names it, or whose ``keywords:`` its headword and definitions hold the most of (at least
   ``MIN_KEYWORDS`` different ones; a tie goes to the topic listed first) — the category is
   the topic's name;
4. else none: the index shows it as 未分类.
"""

from __future__ import annotations

from typing import Iterable, NamedTuple

import ahocorasick_rs

from ..config import Topic
from ..model import Term
from .normalize import normalize

MIN_KEYWORDS = 2  # different topic keywords a term must hold to take the topic's name


class _TopicWords(NamedTuple):
    topics: list[tuple[str, frozenset[str], frozenset[str]]]  # (name, normalized terms, keywords)
    keywords: list[str]  # every topic's keywords, sorted: the automaton's patterns
    automaton: "ahocorasick_rs.AhoCorasick | None"  # finds all of them, overlaps included


def _topic_words(topics: Iterable[Topic]) -> _TopicWords:
    """Each topic's name, normalized terms and keywords, in configuration order, and one
    automaton over all the keywords (a term's text is scanned once, not once per keyword)."""
    listed = [(t.name, frozenset(normalize(x) for x in t.terms), frozenset(k for k in t.keywords if k))
              for t in topics]
    keywords = sorted(set().union(*(k for _, _, k in listed)))
    return _TopicWords(listed, keywords, ahocorasick_rs.AhoCorasick(keywords) if keywords else None)


def _spellings(term: Term) -> list[str]:
    return [term.key, *(normalize(d.term_as_written) for d in term.definitions if d.term_as_written)]


def _topic_category(term: Term, spellings: list[str], words: _TopicWords) -> str:
    """Rule 3 for one term ("" when no topic fits)."""
    text = term.headword + "".join(d.text for d in term.definitions)
    held = ({words.keywords[i] for i, _, _ in words.automaton.find_matches_as_indexes(text, overlapping=True)}
            if words.automaton is not None else set())
    best, best_count = "", MIN_KEYWORDS - 1
    for name, names, keywords in words.topics:
        if not names.isdisjoint(spellings):
            return name
        count = len(keywords & held)
        if count > best_count:
            best, best_count = name, count
    return best


def assign_categories(terms: dict[str, Term], listed: dict[str, str], topics: list[Topic]) -> None:
    """Rules 2 and 3 for every term that has no curated category."""
    words = _topic_words(topics)
    for term in terms.values():
        if term.category:
            continue
        spellings = _spellings(term)
        term.category = next((listed[s] for s in spellings if s in listed), "") or _topic_category(term, spellings, words)
