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

from typing import Iterable

from ..config import Topic
from ..model import Term
from .normalize import normalize

MIN_KEYWORDS = 2  # different topic keywords a term must hold to take the topic's name


def topic_category(term: Term, topics: Iterable[Topic]) -> str:
    """Rule 3 for one term ("" when no topic fits)."""
    spellings = {term.key, *(normalize(d.term_as_written) for d in term.definitions if d.term_as_written)}
    text = term.headword + "".join(d.text for d in term.definitions)
    best, best_count = "", MIN_KEYWORDS - 1
    for topic in topics:
        if spellings & {normalize(t) for t in topic.terms}:
            return topic.name
        count = sum(1 for k in set(topic.keywords) if k and k in text)
        if count > best_count:
            best, best_count = topic.name, count
    return best


def assign_categories(terms: dict[str, Term], listed: dict[str, str], topics: list[Topic]) -> None:
    """Rules 2 and 3 for every term that has no curated category."""
    for key, term in terms.items():
        if term.category:
            continue
        spellings = [key, *(normalize(d.term_as_written) for d in term.definitions if d.term_as_written)]
        term.category = next((listed[s] for s in spellings if s in listed), "") or topic_category(term, topics)
