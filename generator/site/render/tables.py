"""HTML tables for the index pages, laid out for phones as well as desktops.

Markdown tables cannot carry classes, so the tables whose layout matters are written as
raw HTML with ``markdown`` attributes (md_in_html): their cells still hold Markdown links,
which MkDocs validates and rewrites. Material leaves a table with a class alone (it wraps
only ``table:not([class])`` in its own scroll box), so these tables are laid out by
docs_src/stylesheets/layout.css alone:

- a column of class ``WIDE_ONLY`` is hidden on small screens (below 45em, Material's
  phone breakpoint), so the table fits a 390 px phone without scrolling;
- ``scroll_box`` marks a table that must scroll sideways (the topic × region matrix):
  its first column stays in place (sticky), shadows at the edges show there is more, and a
  line above says so on small screens;
- ``heat`` gives a count cell its shade (``heat-0`` … ``heat-4``, defined in extra.css),
  the count itself stays as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence, Union

from .markdown import escape_attr

WIDE_ONLY = "w"  # hidden on small screens (short: it is on most cells of long tables)
NUM = "n"  # right-aligned figures
SCROLL_CLASS = "scroll-x"  # the marked horizontal-scroll container
HEAT_LEVELS = 4  # heat-1 … heat-4 for non-zero counts


@dataclass(frozen=True)
class Column:
    head: str  # inline Markdown
    cls: str = ""  # space-separated classes given to every cell of the column


@dataclass(frozen=True)
class Cell:
    text: str  # inline Markdown
    cls: str = ""


CellLike = Union[str, Cell]


def _cell(tag: str, text: str, classes: str) -> str:
    attr = f' class="{escape_attr(classes)}"' if classes else ""
    return f'<{tag}{attr} markdown="span">{text}</{tag}>'


def html_table(columns: Sequence[Column], rows: Iterable[Sequence[CellLike]], cls: str = "",
               row_heads: bool = False) -> str:
    """A table of already-rendered inline Markdown cells; ``row_heads`` makes each row's
    first cell a ``th`` (the region column a sticky scroll table keeps in place)."""
    head = "".join(_cell("th", c.head, c.cls) for c in columns)
    body = []
    for row in rows:
        cells = []
        for i, (column, value) in enumerate(zip(columns, row)):
            item = value if isinstance(value, Cell) else Cell(value)
            classes = " ".join(c for c in (column.cls, item.cls) if c)
            cells.append(_cell("th" if row_heads and i == 0 else "td", item.text.replace("\n", " "), classes))
        body.append('<tr markdown="block">' + "".join(cells) + "</tr>")
    attr = f' class="{escape_attr(cls)}"' if cls else ' class="data-table"'
    return (f'<table{attr} markdown="block">\n<thead markdown="block"><tr markdown="block">{head}</tr></thead>\n'
            '<tbody markdown="block">\n' + "\n".join(body) + "\n</tbody>\n</table>")


def scroll_box(table: str, label: str, cue: str = "左右滑动查看更多列；首列固定。") -> str:
    """A table (an ``html_table`` or a Markdown table) that scrolls sideways inside its own
    box, so the page itself never does: the box is focusable and named for keyboard and
    screen-reader users, and ``cue`` is shown above it on small screens."""
    return (f'<p class="scroll-cue" aria-hidden="true">{cue}</p>\n\n'
            f'<div class="{SCROLL_CLASS}" role="region" tabindex="0" aria-label="{escape_attr(label)}" markdown="block">\n\n'
            f"{table}\n\n</div>")


def heat_bounds(top: int) -> list[int]:
    """Upper bounds of heat-1 … heat-4 in a table whose largest count is ``top``: its
    quarters, rounded up (31 → 8, 16, 24, 31)."""
    return [-(-top * k // HEAT_LEVELS) for k in range(1, HEAT_LEVELS + 1)]


def heat(count: int, top: int) -> str:
    """The heat class of ``count``: heat-0 for none, else the first quarter of ``top``
    (heat_bounds) that holds it."""
    if count <= 0 or top <= 0:
        return "heat-0"
    level = next((k for k, bound in enumerate(heat_bounds(top), start=1) if count <= bound), HEAT_LEVELS)
    return f"heat-{level}"


def heat_legend(top: int) -> str:
    """"1–8 9–16 17–24 25–31", each range shaded as its cells ("" below 4: too few)."""
    if top < HEAT_LEVELS:
        return ""
    bounds = heat_bounds(top)
    lows = [1] + [b + 1 for b in bounds[:-1]]
    spans = "".join(f'<span class="heat-{k}">{lo}–{hi}</span>'
                    for k, (lo, hi) in enumerate(zip(lows, bounds), start=1))
    return f'<span class="heat-legend">{spans}</span>'
