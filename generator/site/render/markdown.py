"""Turn report text into safe Markdown for MkDocs (Python-Markdown + pymdownx).

Report text is TEXT: every character must show exactly as written, and nothing in
it may become markup, a link, an attribute or a script. Conventions used by every
page module:

- ``escape_text(s)``: inline-safe Markdown for any text (paragraphs, headings, link
  text, table cells, ``markdown="span"`` blocks). Every ASCII character with a
  meaning in Markdown, the pymdownx extensions or HTML becomes a numeric entity,
  which Python-Markdown passes through untouched and the browser shows as the
  character itself. Leading spaces and tabs, line-start list/heading markers and
  ``1.`` numbers are escaped too; a line break becomes ``<br />``.
- ``escape_attr(s)``: for an HTML attribute value or a Markdown link title.
- ``render_linked(text, spans, lead=0)``: text with links on ``spans`` =
  ``[(start, end, href, title[, attrs])]`` (offsets into ``text``; sorted, non-overlapping;
  overlapping ones are dropped) and the first ``lead`` characters in bold.
- ``link(text, href, title="")``: one Markdown link, text escaped.
- ``block(tag, anchor, inline, cls="")``: an HTML block (``p``, ``li``, ``dt`` …)
  with a stable ``id``, Markdown parsed inside (``md_in_html``), and, for citable
  blocks, the hover permalink ``¶`` (see docs_src/stylesheets/extra.css).
- ``heading(level, text, anchor)``: ``## text {#anchor}``: text escaped, never links.

Links are Markdown links (never raw ``<a href>``) so MkDocs validates and rewrites
them; hrefs must be relative site paths produced by ``urls.href`` (a scheme such
as ``javascript:`` raises ``ValueError``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter
from typing import Iterable, Sequence

from ...text import HTTP_URL

PERMALINK_TITLE = "本段链接"

# Characters that mean something to Markdown, the extensions in mkdocs.yml or HTML.
_SPECIAL = "&<>*_#|[](){}\\`~^=+!?:$\"'\t"  # tab: Python-Markdown expands raw tabs
_ENTITY = {c: f"&#{ord(c)};" for c in _SPECIAL}
_ENTITY.update({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
# Control characters: Python-Markdown uses \x02/\x03 as placeholders internally.
_CONTROL = "".join(map(chr, [*range(0x09), 0x0b, 0x0c, *range(0x0e, 0x20), 0x7f]))
# One str.translate pass does the character-by-character escaping: control characters
# become U+FFFD, special characters entities (no replacement holds a character of either).
_TABLE = {ord(c): "\ufffd" for c in _CONTROL}
_TABLE.update({ord(c): e for c, e in _ENTITY.items()})
# Any character escaping may change: _TABLE's and the line ends \r, \n. A text without
# one is a single line, and only its start (a block marker) can need escaping.
_NEEDS_RE = re.compile("[" + re.escape(_SPECIAL + _CONTROL) + "\r\n]")
_BLOCK_START = frozenset(" -")  # a tab is already an entity when line starts are escaped
_NEWLINE_RE = re.compile(r"\r\n|\r|\n")
# At the start of a line: indentation (code block) and block markers that survive
# the global escaping: "- " / "-- " lists and rules, "1." ordered lists.
_LINE_START_RE = re.compile(r"^([ \t]*)(-*)(\d+\.)?", re.M)
_ANCHOR_RE = re.compile(r"\w[\w.:-]*")  # Unicode word characters: anchors may be Chinese
_SCHEME_RE = re.compile(r"^\s*[A-Za-z][A-Za-z0-9+.-]*:")
_HREF_UNSAFE_RE = re.compile(r"[^\w/#.~%-]")
_HREF_SAFE_RE = re.compile(r"[\w/#.~%-]*")  # nothing to check or quote (a scheme needs ":")


def _line_start(m: re.Match) -> str:
    indent, dashes, number = m.group(1), m.group(2), m.group(3) or ""
    out = "".join(f"&#{ord(c)};" for c in indent) + "&#45;" * len(dashes)
    if number:
        out += number[:-1] + "&#46;"
    return out


def escape_text(s: str) -> str:
    """Inline-safe Markdown showing ``s`` exactly as written."""
    if _NEEDS_RE.search(s) is not None:
        s = s.translate(_TABLE)
        if "\n" in s or "\r" in s:
            s = _LINE_START_RE.sub(_line_start, s)
            return _NEWLINE_RE.sub("<br />\n", s)
    # One line: only its start can hold an indent, a "-" marker or a "1." number.
    if s and (s[0] in _BLOCK_START or s[0].isdecimal()):
        m = _LINE_START_RE.match(s)
        if m is not None:
            return _line_start(m) + s[m.end():]
    return s


def escape_attr(s: str) -> str:
    """A value for ``title="…"``/``alt="…"`` or a Markdown link title: one line, escaped."""
    if _NEEDS_RE.search(s) is None:
        return s
    return _NEWLINE_RE.sub(" ", s).translate(_TABLE)


def check_anchor(anchor: str) -> str:
    """Anchors come from the model; refuse anything that is not a plain id."""
    if not _ANCHOR_RE.fullmatch(anchor or ""):
        raise ValueError(f"not a safe anchor id: {anchor!r}")
    return anchor


def check_href(href: str) -> str:
    """Hrefs are relative site paths (``../glossary/x.md#a``): no scheme, no spaces."""
    if _HREF_SAFE_RE.fullmatch(href) is not None and not href.startswith("//"):
        return href
    if _SCHEME_RE.match(href) or href.startswith("//"):
        raise ValueError(f"only relative site links are allowed: {href!r}")
    return _HREF_UNSAFE_RE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), href)




def external_link(text: str, url: str) -> str:
    """An HTML link to an http(s) page outside the site (a report's official source);
    anything else is not a URL we link to (ValueError)."""
    if not HTTP_URL.fullmatch(url or ""):
        raise ValueError(f"not an http(s) URL: {url!r}")
    return f'<a href="{escape_attr(url)}" rel="noopener">{escape_text(text)}</a>'


@lru_cache(maxsize=1 << 14)  # pages of one folder link the same terms over and over (1 << 17: +76 MB peak on cn/)
def link(text: str, href: str, title: str = "", attrs: tuple[tuple[str, str], ...] = ()) -> str:
    """``[text](href "title")`` with the text shown as written; ``attrs`` (``data-…``
    names and values, a tuple: the result is memoized) become attributes of the link
    (attr_list ``{: name="value" }``)."""
    label = escape_text(text)
    target = check_href(href)
    out = f'[{label}]({target} "{escape_attr(title)}")' if title else f"[{label}]({target})"
    if attrs:
        out += "{: " + " ".join(f'{_ATTR_NAME.fullmatch(n).group()}="{_ATTR_UNSAFE.sub("", v)}"'  # type: ignore[union-attr]
                                for n, v in attrs) + " }"
    return out


_ATTR_NAME = re.compile(r"data-[a-z]+")
_ATTR_UNSAFE = re.compile(r"[\"{}&<>\n]")  # attr_list takes the value raw: nothing that ends it


_SPAN_KEY = itemgetter(0, 1)


def _clean_spans(text: str, spans: Iterable[Sequence]) -> list[tuple[int, int, str, str, tuple]]:
    out, last = [], 0
    for span in sorted(spans, key=_SPAN_KEY):
        start, end, href = span[0], span[1], span[2]
        title = span[3] if len(span) > 3 else ""
        attrs = tuple(span[4]) if len(span) > 4 else ()
        if start < last or end <= start or end > len(text):
            continue
        out.append((start, end, href, title or "", attrs))
        last = end
    return out


def render_linked(text: str, spans: Iterable[Sequence] = (), lead: int = 0) -> str:
    """Escaped ``text`` with Markdown links on ``spans`` and the first ``lead`` chars bold.

    A link that straddles the end of the lead is kept whole inside the bold part.
    """
    if not spans and lead <= 0:
        return escape_text(text)
    spans = _clean_spans(text, spans)
    if lead <= 0:  # links only (most paragraphs): no bold part to open or close
        parts: list[str] = []
        pos = 0
        for start, end, href, title, attrs in spans:
            if start > pos:
                parts.append(escape_text(text[pos:start]))
            parts.append(link(text[start:end], href, title, attrs))
            pos = end
        if len(text) > pos:
            parts.append(escape_text(text[pos:]))
        return "".join(parts)
    bold_end = max(0, min(lead, len(text)))
    for start, end, *_ in spans:
        if start < bold_end < end:
            bold_end = end
    parts = []
    pos = 0

    def plain(upto: int) -> None:
        nonlocal pos
        if upto > pos:
            parts.append(escape_text(text[pos:upto]))
            pos = upto

    def close_bold_at(upto: int) -> None:
        if pos < bold_end <= upto:
            plain(bold_end)
            parts.append("**")

    if bold_end:
        parts.append("**")
    for start, end, href, title, attrs in spans:
        close_bold_at(start)
        plain(start)
        parts.append(link(text[start:end], href, title, attrs))
        pos = end
        if end == bold_end:
            parts.append("**")
    close_bold_at(len(text))
    plain(len(text))
    return "".join(parts)


def bold_lead(text: str, lead: int) -> str:
    """Escaped text with its run-in lead (``一是…。``) in bold."""
    return render_linked(text, (), lead)


def permalink(anchor: str, title: str = PERMALINK_TITLE) -> str:
    # data-search-exclude: Material's search leaves the pilcrow out of the index.
    return (f'<a class="headerlink" href="#{check_anchor(anchor)}" title="{escape_attr(title)}" '
            f'data-search-exclude>¶</a>')


def block(tag: str, anchor: str, inline: str, cls: str = "", cite: bool = True, attrs: str = "") -> str:
    """One HTML block element holding inline Markdown, with ``id`` and optional permalink."""
    head = f'<{tag} id="{check_anchor(anchor)}"' if anchor else f"<{tag}"
    if cls:
        head += f' class="{escape_attr(cls)}"'
    if attrs:
        head += " " + attrs
    tail = " " + permalink(anchor) if cite and anchor else ""
    return f'{head} markdown="span">{inline}{tail}</{tag}>'


def html_heading(level: int, anchor: str, text: str, searchable: bool = True) -> str:
    """A heading as a raw HTML block: it looks like any heading (with its permalink) but
    stays out of the page's table of contents, which is built from Markdown headings only.
    For headings repeated once per report or region on term and topic pages, where the
    contents would otherwise grow with the corpus. ``text`` is escaped plain text.

    ``searchable=False`` keeps the section it opens out of Material's search index
    (``data-search-exclude``): the excerpts under a region or report heading on topic and
    term pages copy report text, which the report pages are found by, and the heading
    (a region name) would list every such page for a search of the region."""
    level = max(1, min(6, level))
    exclude = "" if searchable else " data-search-exclude"
    return f'<h{level} id="{check_anchor(anchor)}"{exclude}>{text} {permalink(anchor)}</h{level}>'


def container(tag: str, blocks: Iterable[str], cls: str = "", anchor: str = "", attrs: str = "") -> str:
    """A block element (``ol``, ``dl``, ``div`` …) whose children are Markdown-bearing blocks;
    ``attrs``: further attributes, already escaped (``data-n="3"``)."""
    head = f"<{tag}"
    if anchor:
        head += f' id="{check_anchor(anchor)}"'
    if cls:
        head += f' class="{escape_attr(cls)}"'
    if attrs:
        head += " " + attrs
    inner = "\n".join(blocks)
    return f'{head} markdown="block">\n{inner}\n</{tag}>'


def unsearched(content: str) -> str:
    """A page left out of the search index (MkDocs front matter): lists that only repeat
    what term pages say, so a query lands on the term page itself."""
    return "---\nsearch:\n  exclude: true\n---\n\n" + content


def excerpts(blocks: Iterable[str]) -> str:
    """Blocks that quote report paragraphs indexed on their own pages (term-page snippets,
    topic-page excerpts). They stay out of the search index: the index stays small, and a
    query finds the paragraph itself rather than its copies."""
    inner = "\n".join(blocks)
    return f'<div class="excerpts" data-search-exclude="true" markdown="block">\n{inner}\n</div>'


def heading(level: int, text: str, anchor: str = "") -> str:
    """An ATX heading (level clamped to 1–6) with an explicit id; never any link inside."""
    level = max(1, min(6, level))
    line = "#" * level + " " + escape_text(text.replace("\n", " ").strip())
    if anchor:
        # "\_": in an id such as "_x_" the underscores would otherwise be read as emphasis
        # and break the attribute list (the id and the heading text would both be wrong).
        line += " {#" + check_anchor(anchor).replace("_", "\\_") + "}"
    return line


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A Markdown table; cells are already-rendered inline Markdown (use escape_text/link)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(cell.replace("\n", " ") for cell in row) + " |")
    return "\n".join(lines)


def report_table(text: str) -> str:
    """A report's own Markdown table (``Paragraph.kind == "table"``: header row, ``|---|``
    separator, body rows): every cell's text escaped, the table structure kept."""
    rows = []
    for i, line in enumerate(text.split("\n")):
        cells = line.strip().strip("|").split("|")
        if i == 1:
            rows.append("|" + "|".join(" --- " for _ in cells) + "|")
        else:
            rows.append("| " + " | ".join(escape_text(c.strip()) for c in cells) + " |")
    return "\n".join(rows)


def join_blocks(blocks: Iterable[str]) -> str:
    """Blocks separated by one blank line, ending in a single newline."""
    return "\n\n".join(b.strip("\n") for b in blocks if b and b.strip()) + "\n"
