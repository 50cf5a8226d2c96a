"""The page's table of contents in Material's sidebar, kept within a byte budget.

Material renders ``page.toc`` into the secondary sidebar of every page: each entry is the
heading's title and a link to its anchor, and an entry with children repeats its title in
an ``aria-label``. Most pages' tables of contents are a few hundred bytes, but a report
with hundreds of headings — or headings that are whole paragraphs, as some reports write
their run-in items — made a sidebar of 40 KB, more than the rest of the page's chrome
(``benchmarks/chrome.py``). ``bound_toc`` (called from the hook's ``on_page_context``):

1. cuts every entry's title to ``TITLE_CHARS`` characters (with ``…``): the sidebar shows
   a title in full, wrapped, so a paragraph-long heading filled the sidebar;
2. while the estimated markup is over ``BUDGET`` bytes, drops the deepest level (a
   report keeps its parts, then its parts' sections …);
3. if the top level alone is still over the budget, keeps the first entries that fit and
   ends with one entry that links to the first section left out.

The page itself is not changed: every heading keeps its id and its permalink, so a
section left out of the sidebar is reached from its part (the entry above it) or by
its own address, and links into it still work.
"""

from __future__ import annotations

import html
import re

from mkdocs.structure.toc import AnchorLink, TableOfContents

BUDGET = 12_000  # bytes of sidebar markup (UTF-8), estimated by ``markup_bytes``
TITLE_CHARS = 40  # characters of a title shown in the sidebar
ITEM_BYTES = 100  # Material's markup around one entry (compacted): <li>, <a>, <span>
NESTED_BYTES = 75  # around an entry's children: <nav aria-label=…>, <ul>
MORE = "……其余 {n} 节，自“{title}”起"  # the entry that stands for the sections left out
_TAG = re.compile(r"<[^>]+>")


def _plain(title: str) -> str:
    return html.unescape(_TAG.sub("", title)).strip()


def short_title(title: str, chars: int = TITLE_CHARS) -> str:
    """``title`` (HTML) as it is when it fits in ``chars`` characters, else its text cut
    to ``chars - 1`` characters and ``…`` (escaped again)."""
    text = _plain(title)
    if len(text) <= chars:
        return title
    return html.escape(text[:chars - 1].rstrip() + "…", quote=False)


def markup_bytes(items: list[AnchorLink]) -> int:
    """About how many bytes Material's ``partials/toc-item.html`` writes for ``items``."""
    total = 0
    for item in items:
        total += ITEM_BYTES + len(item.url.encode()) + len(item.title.encode())
        if item.children:
            total += NESTED_BYTES + len(_plain(item.title).encode()) + markup_bytes(item.children)
    return total


def _copy(items: list[AnchorLink], depth: int) -> list[AnchorLink]:
    """``items`` down to ``depth`` levels (1: no children), titles shortened."""
    out = []
    for item in items:
        link = AnchorLink(short_title(item.title), item.id, item.level)
        if hasattr(item, "active"):  # MkDocs marks the first entry
            link.active = item.active  # type: ignore[attr-defined]
        if depth > 1:
            link.children = _copy(item.children, depth - 1)
        out.append(link)
    return out


def _depth(items: list[AnchorLink]) -> int:
    return 1 + max((_depth(i.children) for i in items if i.children), default=0) if items else 0


def _more(rest: list[AnchorLink]) -> AnchorLink:
    """The entry that stands for ``rest``: their number, linked to the first of them."""
    text = MORE.format(n=len(rest), title=_plain(short_title(rest[0].title, 12)))
    return AnchorLink(html.escape(text, quote=False), rest[0].id, rest[0].level)


def _capped(items: list[AnchorLink], budget: int) -> list[AnchorLink]:
    """The first entries of ``items`` that fit in ``budget`` together with ``_more`` of
    the entries left out."""
    used = 0
    for i, item in enumerate(items):
        used += markup_bytes([item])
        last = i + 1 == len(items)
        if used + (0 if last else markup_bytes([_more(items[i + 1:])])) > budget:
            return items[:i] + [_more(items[i:])]
    return items


def bound_entries(items: list[AnchorLink], budget: int = BUDGET) -> list[AnchorLink]:
    """``items`` (the entries the sidebar shows) within ``budget`` bytes, as described above."""
    depth = _depth(items)
    for d in range(depth, 0, -1):
        entries = _copy(items, d)
        if markup_bytes(entries) <= budget:
            return entries
    return _capped(_copy(items, 1), budget)


def bound_toc(toc: TableOfContents, budget: int = BUDGET) -> TableOfContents:
    """``toc`` with the sidebar's entries bounded; Material shows the children of a single
    first-level entry (the page's ``h1``), so those are what is bounded then."""
    items = list(toc)
    if items and items[0].level == 1:
        head = AnchorLink(items[0].title, items[0].id, items[0].level)
        if hasattr(items[0], "active"):
            head.active = items[0].active  # type: ignore[attr-defined]
        head.children = bound_entries(items[0].children, budget)
        return TableOfContents([head] + items[1:])
    return TableOfContents(bound_entries(items, budget))
