"""Find every term occurrence in a report and decide which ones become links.

Linkable text units, in reading order: preamble paragraphs, then each section's
paragraphs followed by its 名词解释 entries (offsets into ``GlossaryEntry.definition``).
Section titles and title-block lines are never scanned.

No-link rules:

- a term inside its own 名词解释 entry is not an occurrence at all;
- a match inside an existing link (Markdown ``[..](..)``, HTML ``<a>…</a>``, a bare
  URL) or an HTML tag is counted as an occurrence but never linked.

Link policies (``SiteSettings.link_policy``): ``all`` links every occurrence,
``section`` the first of each term per section, ``page`` the first per report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator, Optional

from ..model import Report
from ..text import HAN
from .matcher import Matcher

_NO_LINK_RE = re.compile(
    r"\[[^\[\]\n]*\]\([^()\s]*\)"  # Markdown link
    r"|<a\b[^>]*>.*?</a\s*>"  # HTML link
    r"|<[a-zA-Z/][^<>\n]*>"  # any other HTML tag
    rf"|(?:https?://|ftp://|www\.)[^\s，。；、）)\]】“”\"'<>{HAN}]+"  # bare URL
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # e-mail address
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True)
class Unit:
    """A piece of report text that may hold links."""

    anchor: str
    section: Optional[str]  # innermost section anchor; None for the preamble
    text: str
    own_key: Optional[str] = None  # for a 名词解释 entry: the term it defines


def no_link_zones(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` already linked (or markup) where no term may be linked."""
    return [m.span() for m in _NO_LINK_RE.finditer(text)]


def report_units(report: Report, key_of: Callable[[str], Optional[str]]) -> Iterator[Unit]:
    """Text units in reading order; ``key_of`` maps a 名词解释 term to its term key."""
    for p in report.preamble:
        yield Unit(p.anchor, None, p.text)
    for section in report.walk_sections():
        for p in section.paragraphs:
            yield Unit(p.anchor, section.anchor, p.text)
        for entry in section.entries:
            yield Unit(entry.anchor, section.anchor, entry.definition, key_of(entry.term))


def find_in_unit(matcher: Matcher, unit: Unit) -> list[tuple[int, int, str, bool]]:
    """``(start, end, key, linkable)`` for every occurrence in one unit."""
    text = unit.text
    found = matcher.find(text)
    if not found:
        return []
    own = unit.own_key
    if not ("<" in text or "](" in text or "www" in text or "://" in text or "@" in text):
        return [(start, end, key, True) for start, end, key in found if key != own]
    zones = no_link_zones(text)
    return [(start, end, key, not any(zs < end and start < ze for zs, ze in zones))
            for start, end, key in found if key != own]


Row = tuple[str, str, int, int, bool]  # (term key, anchor, start, end, linked): an ``Occurrence`` of one report


def occurrence_rows(report: Report, policy: str, matcher: Matcher,
                    key_of: Callable[[str], Optional[str]]) -> list[Row]:
    """Every occurrence in ``report`` in reading order, ``linked`` set per ``policy``."""
    out: list[Row] = []
    seen: set[tuple] = set()
    for unit in report_units(report, key_of):
        for start, end, key, linkable in find_in_unit(matcher, unit):
            out.append((key, unit.anchor, start, end, linkable and _first(policy, key, unit, seen)))
    return out


def _first(policy: str, key: str, unit: Unit, seen: set[tuple]) -> bool:
    """Whether this occurrence is the one the policy links (and remember it)."""
    if policy == "all":
        return True
    scope = (key,) if policy == "page" else (key, unit.section)
    if scope in seen:
        return False
    seen.add(scope)
    return True
