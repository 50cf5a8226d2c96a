"""What a term link carries for its tooltip: the gloss as ``title`` and, as data
attributes, where the gloss comes from (``data-src``) and the headword (``data-term``,
only when the link text is not the headword: `“三北”工程` links to 三北工程).

A page may give the attributes to its first link to a term only (``seen``): the script
reads them from that link for later links with the same address (report pages link a
term once per section, so this keeps their size down).

docs_src/javascripts/term-tooltip.js shows the three; without scripts the browser shows
the title. The gloss itself is ``Term.short`` (generator/gloss.py), the one rule.
"""

from __future__ import annotations

from typing import Optional

from ...model import Term

Attrs = tuple[tuple[str, str], ...]


def term_tip(term: Term, shown: str, seen: Optional[set[str]] = None) -> tuple[str, Attrs]:
    """``(title, attrs)`` for a link to ``term`` whose text is ``shown``; with ``seen`` (the
    keys of the terms this page has linked so far) the attributes go on the first link only."""
    if seen is not None:
        if term.key in seen:
            return term.short, ()
        seen.add(term.key)
    attrs: list[tuple[str, str]] = []
    if "".join(shown.split()) != term.headword:
        attrs.append(("data-term", term.headword))
    if term.gloss_source and term.short:
        attrs.append(("data-src", term.gloss_source))
    return term.short, tuple(attrs)


def tip_span(start: int, end: int, href: str, term: Term, text: str,
             seen: Optional[set[str]] = None) -> tuple[int, int, str, str, Attrs]:
    """A ``render_linked`` span linking ``text[start:end]`` to ``term``, tooltip included."""
    title, attrs = term_tip(term, text[start:end], seen)
    return start, end, href, title, attrs
