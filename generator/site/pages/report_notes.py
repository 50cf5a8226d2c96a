"""The report page's source-quality parts (generator/site/facts/quality.py says what they mean):
the 原文质量提示 box at the top, the notes at their places, and the 整理记录 at the end."""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from ...model import Removal, Report
from ..facts.quality import RECORD_ANCHOR, SHOWN_REASONS, Notice, shown_removals
from ..render import markdown as md

BOX_TITLE = "原文质量提示"
RECORD_TITLE = "整理记录"
QUOTE_MAX = 300  # characters of a removed text shown in the record; the rest is counted


def _link(anchor: str, text: str) -> str:
    return md.link(text, "#" + md.check_anchor(anchor))


def top_box(notices: Iterable[Notice]) -> str:
    """One line per notice, each linking to its place (or to the record)."""
    items = []
    for n in notices:
        if not n.summary:
            continue
        line = md.escape_text(n.summary)
        if n.link and not n.anchor:
            line += " " + _link(n.link, n.link_text)
        elif n.anchor:
            line += " " + _link(n.anchor, "见正文")
        items.append(md.block("li", "", line, cite=False))
    if not items:
        return ""
    title = f'<p class="admonition-title">{BOX_TITLE}</p>'
    return (f'<div class="admonition warning source-notices" data-search-exclude markdown="block">\n{title}\n'
            + md.container("ul", items) + "\n</div>")


def place_notes(notices: Iterable[Notice]) -> dict[str, list[str]]:
    """Anchor -> the notes shown right after that heading or paragraph."""
    out: dict[str, list[str]] = defaultdict(list)
    for n in notices:
        if not (n.anchor and n.place):
            continue
        text = md.escape_text(n.place)
        if n.link:
            text += " " + _link(n.link, n.link_text)
        out[n.anchor].append(md.block("p", "", text, cls="source-note", cite=False,
                                      attrs='role="note" data-search-exclude'))
    return dict(out)


def _entry(i: int, r: Removal) -> str:
    text = r.text if len(r.text) <= QUOTE_MAX else r.text[:QUOTE_MAX] + f"……（共{len(r.text)}字）"
    head = f"原文第{r.line}行，{SHOWN_REASONS[r.reason]}："
    return md.block("li", f"{RECORD_ANCHOR}-{i}", md.escape_text(head) + f"<q>{md.escape_text(text)}</q>",
                    cite=False)


def record(report: Report) -> str:
    """Every removal readers are told about, numbered as the notes link them, and a count of
    the changes of form only; "" when cleaning removed nothing."""
    shown = shown_removals(report)
    rest: dict[str, int] = {}
    for r in report.removed:
        if r.reason not in SHOWN_REASONS and r.reason != "front-matter":
            rest[r.reason] = rest.get(r.reason, 0) + 1
    if not shown:
        return ""
    blocks = [md.heading(2, RECORD_TITLE, RECORD_ANCHOR),
              md.block("p", "", md.escape_text("整理原文时删去的文字，按原文顺序："), cite=False),
              md.container("ol", (_entry(i, r) for i, r in enumerate(shown, 1)), cls="removal-record")]
    if rest:
        blocks.append(md.block("p", "", md.escape_text(
            f"另有{sum(rest.values())}处只改格式、不改文字的整理（去掉排版符号、合并断行、删去多余空格等），未逐条列出。"),
            cite=False))
    return md.join_blocks(blocks)
