"""What a term link carries for its tooltip: the gloss as ``title`` and, as data
attributes, where the gloss comes from (``data-src``) and the headword (``data-term``,
only when the link text is not the headword: `“三北”工程` links to 三北工程).

docs_src/javascripts/term-tooltip.js shows the three; without scripts the browser shows
the title. The gloss itself is ``Term.short`` (generator/gloss.py), the one rule.
"""

from __future__ import annotations

from ...model import Term

Attrs = tuple[tuple[str, str], ...]


def term_tip(term: Term, shown: str) -> tuple[str, Attrs]:
    """``(title, attrs)`` for a link to ``term`` whose text is ``shown``."""
    attrs: list[tuple[str, str]] = []
    if "".join(shown.split()) != term.headword:
        attrs.append(("data-term", term.headword))
    if term.gloss_source and term.short:
        attrs.append(("data-src", term.gloss_source))
    return term.short, tuple(attrs)


def tip_span(start: int, end: int, href: str, term: Term, text: str) -> tuple[int, int, str, str, Attrs]:
    """A ``render_linked`` span linking ``text[start:end]`` to ``term``, tooltip included."""
    title, attrs = term_tip(term, text[start:end])
    return start, end, href, title, attrs
