"""Anchors: readable ids, stable from build to build, unique within a report.

- sections: the heading text slugged the way the site's Markdown toc does it
  (``pymdownx.slugs.slugify(case="lower")``, Chinese kept: ``一、2023年工作总结`` →
  ``一2023年工作总结``); a repeat gets ``-2``, ``-3`` …;
- paragraphs: ``p`` + the section's ordinal path + the paragraph's ordinal, e.g. the
  4th paragraph of the 3rd sub-section of the 2nd top-level section is ``p2-3-4``;
  preamble paragraphs are ``p0-1``, ``p0-2`` …; title-block lines are ``t-1`` …;
- glossary entries: ``mc-1``, ``mc-2`` … in reading order across the report
  (mc = 名词).

Ids depend only on the report's own text and structure, so rebuilding the same input
gives the same ids.
"""

from __future__ import annotations

from pymdownx.slugs import slugify

from ..model import Report, Section
from ..text import unique_name

_slug = slugify(case="lower")


def assign_anchors(report: Report) -> None:
    used: set[str] = set()
    counters: dict[str, int] = {}
    for i, p in enumerate(report.front, 1):
        p.anchor = f"t-{i}"
    for i, p in enumerate(report.preamble, 1):
        p.anchor = f"p0-{i}"
    used.update(p.anchor for p in report.front)
    used.update(p.anchor for p in report.preamble)
    entry_no = 0

    def visit(section: Section, path: str) -> None:
        nonlocal entry_no
        # A title starting with punctuation ("{: x }") slugs to "-x-": an id must start with
        # a letter, digit or Han character (markdown.check_anchor refuses it otherwise).
        section.anchor = unique_name(_slug(section.title, "-").lstrip("-") or "section", used, counters)
        for i, p in enumerate(section.paragraphs, 1):
            p.anchor = f"p{path}-{i}"
            used.add(p.anchor)
        for e in section.entries:
            entry_no += 1
            e.anchor = f"mc-{entry_no}"
            used.add(e.anchor)
        for j, child in enumerate(section.sections, 1):
            visit(child, f"{path}-{j}")

    for k, section in enumerate(report.sections, 1):
        visit(section, str(k))
