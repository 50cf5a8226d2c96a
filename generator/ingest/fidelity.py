"""The fidelity rule: nothing of the source is lost silently.

Every Han character and every digit of the source text appears in the document, in
order, or in the removal record. Concretely, with S the source's Han+digit sequence,
D the document's (title block, preamble, then each section's title, paragraphs
(item numbers included) and glossary entries (number, term, definition), depth first
— synthetic sections' titles excluded, they are not source text) and R the removal
records':

1. D is a subsequence of S (nothing invented, nothing reordered), and
2. the characters of S not in D are exactly those of R, as a multiset (nothing
   dropped without a record, nothing recorded that was not removed).

Punctuation, spaces and markup are outside the rule.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Report
from ..text import HAN

_KEEP = re.compile(rf"[^0-9{HAN}]+")


def significant(text: str) -> str:
    """The Han characters and ASCII digits of ``text``, in order."""
    return _KEEP.sub("", text)


def document_text(report: Report) -> str:
    """The document's text in reading order (see the module docstring)."""
    parts = [p.number + p.text for p in report.front]
    parts += [p.number + p.text for p in report.preamble]
    for section in report.walk_sections():
        if not section.synthetic:
            parts.append(section.title)
        for p in section.paragraphs:
            parts.append(p.number + p.text)
        for e in section.entries:
            parts.append(e.number + e.term + e.definition)
    return "\n".join(parts)


def check_fidelity(source_text: str, report: Report) -> list[str]:
    """Problems with ``report`` against the fidelity rule; empty when it holds.

    ``source_text`` is the decoded source (BOM removed), front matter included.
    """
    problems: list[str] = []
    src = significant(source_text)
    doc = significant(document_text(report))
    rem = significant("".join(r.text for r in report.removed))
    it = iter(src)
    for i, ch in enumerate(doc):
        if ch not in it:  # advances the iterator: a subsequence test
            problems.append(f"document text not found in order in the source at document char {i}: "
                            f"…{doc[max(0, i - 15):i + 15]}…")
            break
    missing = Counter(src)
    missing.subtract(doc)
    missing.subtract(rem)
    lost = {c: n for c, n in missing.items() if n > 0}
    extra = {c: -n for c, n in missing.items() if n < 0}
    if lost:
        sample = "".join(sorted(lost)[:20])
        problems.append(f"{sum(lost.values())} source characters neither in the document nor recorded "
                        f"as removed (e.g. {sample})")
    if extra and not problems:
        sample = "".join(sorted(extra)[:20])
        problems.append(f"{sum(extra.values())} characters in the document or removal record that the "
                        f"source lacks (e.g. {sample})")
    return problems
