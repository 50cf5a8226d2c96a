"""Whole-tree corrections made once the section tree is built (``TreeBuilder.finish``).

Each fix is a general rule about how real reports are laid out:

- ``demote_empty_dashes``: a standalone ``——…`` head that no text follows (a run of
  slogan lines, a list of goals) is a paragraph, not an empty sub-section;
- ``demote_lone_runin_title``: a bold run-in head (``**…** 正文``) is a part only with
  sibling bold run-in parts; a lone one is a bold lead of an ordinary paragraph;
- ``unwrap_lone_title``: one unnumbered title (often the speaker line ``国务院总理 李强`` or
  the report's own title) that holds every numbered part of the report is not a part:
  it becomes a preamble paragraph and its ``一、`` sub-sections become the parts — unless
  their numbering restarts (then the title really groups a first run of parts);
- ``finish_tables``: a run of ``| … |`` lines is a table only with a ``|---|`` separator
  row, else plain text (line breaks kept);
- ``dedupe``: later verbatim repeats of long text paragraphs are a layout artefact
  (``duplicate-paragraph``);
- ``remove_stray_spaces``: a single space between two Han characters inside a body
  paragraph, left by line wrapping (``示 范市``), is removed and recorded
  (``stray-space``). Title-block lines, headings, tables, short unpunctuated lines (a
  title and a name: ``市长 李晓波``), letter-spaced text and spaces inside a “…”
  quotation (a slogan's two halves: ``“使用公筷 健康你我”``) are left alone.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from ..model import Diagnostic, GlossaryEntry, Paragraph, Removal, Section
from ..text import CJK_SPACE, HAN
from .headings import cn_to_int, ends_sentence, int_to_cn

_STRAY_SPACE = re.compile(rf"(?<=[{HAN}])[ \u3000](?=[{HAN}])")
_TABLE_SEPARATOR = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+$")
MIN_DUPLICATE = 20  # paragraphs at least this long repeated verbatim are layout repeats
MIN_STRAY_SPACE_PARAGRAPH = 30  # shorter unpunctuated lines may be a title and a name


def _host(sections: list[Section], index: int, preamble: list[Paragraph]) -> list[Paragraph]:
    """The paragraph list that reading order reaches just before ``sections[index]``."""
    if index == 0:
        return preamble
    host = sections[index - 1]
    while host.sections:
        host = host.sections[-1]
    return host.paragraphs


def demote_empty_dashes(preamble: list[Paragraph], sections: list[Section]) -> None:
    def visit(parent_paras: list[Paragraph], children: list[Section]) -> None:
        i = 0
        while i < len(children):
            s = children[i]
            visit(s.paragraphs, s.sections)
            if s.title.startswith("——") and not s.number and not s.paragraphs and not s.sections:
                _host(children, i, parent_paras).append(Paragraph(s.title, "", s.line))
                del children[i]
                continue
            i += 1
    visit(preamble, sections)


def demote_lone_runin_title(preamble: list[Paragraph], sections: list[Section], runin: set[int]) -> None:
    lone = [i for i, s in enumerate(sections) if id(s) in runin]
    if len(lone) != 1:
        return
    i = lone[0]
    s = sections[i]
    if s.sections:
        return
    paras = s.paragraphs
    if paras:
        first = paras[0]
        paras[0] = Paragraph(s.title + first.text, "", s.line, lead=len(s.title))
    else:
        paras = [Paragraph(s.title, "", s.line)]
    del sections[i]
    _host(sections, i, preamble).extend(paras)


def unwrap_lone_title(preamble: list[Paragraph], sections: list[Section]) -> bool:
    titles = [s for s in sections if s.kind == "part" and not s.number and not s.synthetic]
    if len(titles) != 1 or sections[0] is not titles[0]:
        return False
    if any(s.kind == "part" for s in sections[1:]):
        return False
    wrapper = titles[0]
    parts = [c for c in wrapper.sections if c.kind == "subsection" and c.number]
    if len(parts) < 2 or len(parts) != len(wrapper.sections):
        return False
    values = [cn_to_int(c.number) for c in parts]
    known = [v for v in values if v is not None]
    if len(known) != len(values) or known != sorted(known) or len(set(known)) != len(known):
        return False
    preamble.append(Paragraph(wrapper.title, "", wrapper.line))
    preamble.extend(wrapper.paragraphs)
    for c in parts:
        for t in c.walk():
            t.level -= 1
        c.kind = "part"
    sections[0:1] = parts
    return True


def finish_tables(paragraphs: Iterable[Paragraph]) -> None:
    for p in paragraphs:
        if p.kind == "table":
            lines = p.text.split("\n")
            if len(lines) < 2 or not _TABLE_SEPARATOR.match(lines[1].replace(" ", "")):
                p.kind = "text"


def remove_stray_spaces(paragraphs: Iterable[Paragraph], removed: list[Removal]) -> None:
    for p in paragraphs:
        text = p.text
        if p.kind not in ("text", "item") or (" " not in text and "\u3000" not in text):
            continue
        if len(text) < MIN_STRAY_SPACE_PARAGRAPH and not ends_sentence(text):
            continue
        hits = _STRAY_SPACE.findall(text)
        if not hits or len(hits) * 8 > len(text):  # many spaced characters: letter-spaced text
            continue
        out, pos, lead = [], 0, p.lead
        for m in _STRAY_SPACE.finditer(text):
            if text.count("“", 0, m.start()) > text.count("”", 0, m.start()):
                continue  # inside a quotation: the space parts a slogan (“使用公筷 健康你我”)
            removed.append(Removal(m.group(0), "stray-space", p.line,
                                   f"space between “{text[m.start() - 1]}” and “{text[m.end()]}” left by line wrapping"))
            out.append(text[pos:m.start()])
            pos = m.end()
            if m.start() < p.lead:
                lead -= 1
        if out:
            out.append(text[pos:])
            p.text, p.lead = "".join(out), lead


def remove_entry_spaces(entries: Iterable[GlossaryEntry], removed: list[Removal]) -> None:
    """Spaces no Chinese text needs (``text.CJK_SPACE``: ``现代生 物医药``) out of each
    名词解释 definition, each one recorded; a space inside a quotation stays (it may part
    a slogan)."""
    for e in entries:
        text = e.definition
        out, pos = [], 0
        for m in CJK_SPACE.finditer(text):
            if text.count("“", 0, m.start()) > text.count("”", 0, m.start()):
                continue
            removed.append(Removal(m.group(0), "stray-space", e.line,
                                   f"space between “{text[m.start() - 1]}” and “{text[m.end()]}” in the "
                                   f"名词解释 of {e.term} left by line wrapping"))
            out.append(text[pos:m.start()])
            pos = m.end()
        if out:
            e.definition = "".join(out) + text[pos:]


def dedupe(preamble: list[Paragraph], sections: list[Section], removed: list[Removal]) -> None:
    """Drop later verbatim repeats of long text paragraphs (a layout artefact)."""
    seen: dict[str, int] = {}
    containers = [preamble] + [s.paragraphs for s in sections]
    for paras in containers:
        keep = []
        for p in paras:
            key = p.text.strip()
            if p.kind == "text" and len(key) >= MIN_DUPLICATE:
                if key in seen:
                    removed.append(Removal(p.text, "duplicate-paragraph", p.line,
                                           f"verbatim repeat of the paragraph on line {seen[key]}"))
                    continue
                seen[key] = p.line
            keep.append(p)
        paras[:] = keep


def name_synthetic(part: Section, first_value: Optional[int], source: str) -> tuple[Optional[int], Diagnostic]:
    """Number and title the synthetic part before the first real part (numbered
    ``first_value``): ``二、（前文缺失）``. Returns the part number it takes (None: none)
    and the note that says so (a known source defect)."""
    value = (first_value or 1) - 1
    part.number = int_to_cn(value) if value >= 1 else ""
    part.title = f"{part.number}、（前文缺失）" if part.number else "（前文缺失）"
    first = part.sections[0].number if part.sections else ""
    message = (f"the report starts in the middle of part {part.number or '?'} (first heading {first}); "
               f"its title is missing and is shown as “{part.title}”")
    return (value if value >= 1 else None), Diagnostic(source, message, part.line, "note")


def promote_synthetic(sections: list[Section], part: Section) -> None:
    """Only （一）-level headings and no parts: they are the report's parts."""
    index = sections.index(part)
    for s in part.sections:
        for t in s.walk():
            t.level -= 1
        s.kind = "part"
    sections[index:index + 1] = part.sections


def demote_trailing_titles(sections: list[Section]) -> int:
    """Short unnumbered lines closing the report (a signature, a date) are text, not parts;
    returns how many headings became text."""
    demoted = 0
    while len(sections) > 1:
        last = sections[-1]
        if last.number or last.kind != "part" or last.paragraphs or last.sections:
            break
        host = sections[-2]
        while host.sections:
            host = host.sections[-1]
        if host.entries:  # a paragraph would read before the entries it follows: keep the part
            break
        sections.pop()
        host.paragraphs.append(Paragraph(last.title, "", last.line))
        demoted += 1
    return demoted
