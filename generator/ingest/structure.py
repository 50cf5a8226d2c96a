"""Build the section tree of a report from its cleaned lines.

One pass over the non-empty lines after the title block:

- headings (see ``headings``) open sections: part headings ``一、`` are level 1;
  ``（一）`` sub-sections are level 2 inside the current part; ``附件 N`` opens a level-1
  attachment, inside which ``一、`` headings are level-2 "item-group" sections; a
  glossary title opens a "glossary" section (level 2 inside an attachment, else level 1
  after the parts) whose lines become ``GlossaryEntry`` objects;
- a line continuing a paragraph broken mid-sentence (the paragraph does not end with
  sentence-final punctuation and the line is neither heading nor item) is joined to it;
- numbered lines are "item" paragraphs; everything else is a "text" paragraph.

A report that starts mid-document (its first heading is a ``（三）`` with no part
heading before it, as when a newspaper page begins with ``(上接第一版)``) gets a
*synthetic* level-1 part numbered just before the first real part, titled
``一、（前文缺失）`` ("the beginning of this part is missing") and flagged
``Section.synthetic``: the title is honest about what the source lacks, and the
fidelity check ignores it because it is not source text.

Anchors (stable from build to build, unique in the report), see ``assign_anchors``.
"""

from __future__ import annotations

from typing import Optional

from ..model import Diagnostic, GlossaryEntry, Paragraph, Removal, Section
from .clean import CleanLine
from .glossary import GlossaryBuilder
from .headings import (ATTACHMENT, GLOSSARY, PART, SUB, TITLE, Heading, classify, ends_sentence,
                       int_to_cn, lead_length, match_item)

MIN_DUPLICATE = 20  # paragraphs at least this long repeated verbatim are layout repeats


class TreeBuilder:
    def __init__(self, source: str, removed: list[Removal], diagnostics: list[Diagnostic]) -> None:
        self.source = source
        self.removed = removed
        self.diagnostics = diagnostics
        self.preamble: list[Paragraph] = []
        self.sections: list[Section] = []
        self.top: Optional[Section] = None  # current level-1 section
        self.sub: Optional[Section] = None  # current level-2 section
        self.glossary: Optional[tuple[Section, GlossaryBuilder]] = None
        self.last: Optional[Paragraph] = None  # paragraph a continuation line may join
        self.last_line = 0  # source line of the previous non-empty line
        self.synthetic: Optional[Section] = None
        self.real_parts = 0
        self.last_number: dict = {}  # parent key -> last heading number seen
        self.headings = 0
        self.builders: dict[int, GlossaryBuilder] = {}  # id(glossary section) -> its entries

    # ------------------------------------------------------------------ helpers
    def warn(self, message: str, line: Optional[int]) -> None:
        self.diagnostics.append(Diagnostic(self.source, message, line))

    def container(self) -> list[Paragraph]:
        if self.sub is not None:
            return self.sub.paragraphs
        if self.top is not None:
            return self.top.paragraphs
        return self.preamble

    def check_number(self, parent: object, heading: Heading, line: int, quiet: bool = False) -> None:
        """Warn when a heading number repeats or skips relative to its previous sibling."""
        if heading.value is None:
            return
        key = parent if isinstance(parent, str) else id(parent)
        previous = self.last_number.get(key)
        self.last_number[key] = heading.value
        if quiet:
            return
        expected = 1 if previous is None else previous + 1
        if heading.value == expected:
            return
        if previous is not None and heading.value <= previous:
            what = "repeats" if heading.value == previous else "goes back after"
            self.warn(f"heading number {heading.number} {what} the previous one; check the numbering", line)
        else:
            self.warn(f"heading number {heading.number} skips a number (expected {int_to_cn(expected)}); "
                      "part of the report may be missing", line)

    def open_section(self, title: str, level: int, kind: str, number: str, line: int) -> Section:
        return Section(title=title, level=level, anchor="", line=line, kind=kind, number=number)

    # ------------------------------------------------------------------ lines
    def add_line(self, cl: CleanLine) -> None:
        gap = "\n" * max(1, cl.line - self.last_line) if self.last_line else "\n"
        heading = classify(cl)
        if self.glossary is not None and (heading is None or heading.kind not in (ATTACHMENT, GLOSSARY)):
            section, builder = self.glossary
            stray = builder.add(cl.text, cl.line, gap)
            if stray is not None:
                section.paragraphs.append(Paragraph(stray, "", cl.line))
        elif heading is not None:
            self.add_heading(heading, cl)
        else:
            self.add_text(cl, gap)
        self.last_line = cl.line

    def add_text(self, cl: CleanLine, gap: str) -> None:
        text = cl.text
        item = match_item(text)
        last = self.last
        if last is not None and item is None and not ends_sentence(last.text):
            self.removed.append(Removal(gap, "line-join", self.last_line,
                                        f"paragraph broken mid-sentence, continued on line {cl.line}"))
            last.text += text.lstrip()
            return
        if item is not None:
            para = Paragraph(item.text, "", cl.line, kind="item", number=item.number)
        else:
            indent = len(text) - len(text.lstrip())
            lead = lead_length(text.lstrip(), cl.bold)
            para = Paragraph(text, "", cl.line, lead=indent + lead if lead else 0)
            top = self.top
            if (top is not None and top.kind == "attachment" and self.sub is None
                    and not top.sections and all(p.kind == "title" for p in top.paragraphs)
                    and not ends_sentence(text)):
                para.kind = "title"  # the attachment's own title lines
        self.container().append(para)
        self.last = para if para.kind != "title" else None

    def add_body(self, section: Section, rest: str, line: int) -> None:
        if rest:
            para = Paragraph(rest, "", line, lead=lead_length(rest))
            section.paragraphs.append(para)
            self.last = para

    def add_heading(self, h: Heading, cl: CleanLine) -> None:
        self.headings += 1
        self.last = None
        line = cl.line
        top = self.top
        in_attachment = top is not None and top.kind == "attachment"
        if h.kind == GLOSSARY:
            if in_attachment:
                section = self.open_section(h.title, 2, "glossary", "", line)
                top.sections.append(section)
                self.sub = section
            else:
                section = self.open_section(h.title, 1, "glossary", "", line)
                self.sections.append(section)
                self.top, self.sub = section, None
            self.glossary = (section, GlossaryBuilder(self.removed))
            self.builders[id(section)] = self.glossary[1]
            return
        self.glossary = None
        if h.kind == ATTACHMENT:
            section = self.open_section(h.title, 1, "attachment", h.number, line)
            self.check_number("attachments", h, line)
            self.sections.append(section)
            self.top, self.sub = section, None
        elif h.kind == PART and in_attachment:
            section = self.open_section(h.title, 2, "item-group", h.number, line)
            self.check_number(top, h, line)
            top.sections.append(section)
            self.sub = section
            self.add_body(section, h.rest, line)
        elif h.kind == PART or (h.kind == TITLE and not in_attachment):
            section = self.open_section(h.title, 1, "part", h.number, line)
            if h.kind == PART:
                self.real_parts += 1
                if self.real_parts == 1 and self.synthetic is not None:
                    self.name_synthetic(h)
                self.check_number("parts", h, line)
            self.sections.append(section)
            self.top, self.sub = section, None
            self.add_body(section, h.rest, line)
        elif h.kind == TITLE:  # unnumbered bold line inside an attachment: its title
            self.add_text(CleanLine(h.title, line), "\n")
        else:  # SUB
            parent = top
            if parent is None:
                parent = self.synthetic = self.open_section("", 1, "part", "", line)
                parent.synthetic = True
                self.sections.append(parent)
                self.top = top = parent
                self.check_number(parent, h, line, quiet=True)
            elif in_attachment and self.sub is not None and self.sub.kind == "item-group":
                parent = self.sub
                self.check_number(parent, h, line)
            else:
                self.check_number(parent, h, line)
            section = self.open_section(h.title, parent.level + 1, "subsection", h.number, line)
            parent.sections.append(section)
            if parent is top:
                self.sub = section
            self.add_body(section, h.rest, line)

    def name_synthetic(self, first_part: Heading) -> None:
        part = self.synthetic
        value = (first_part.value or 1) - 1
        part.number = int_to_cn(value) if value >= 1 else ""
        part.title = f"{part.number}、（前文缺失）" if part.number else "（前文缺失）"
        self.last_number["parts"] = value if value >= 1 else None
        first = part.sections[0].number if part.sections else ""
        self.warn(f"the report starts in the middle of part {part.number or '?'} (first heading {first}); "
                  f"its title is missing and is shown as “{part.title}”", part.line)

    # ------------------------------------------------------------------ finish
    def finish(self) -> tuple[list[Paragraph], list[Section]]:
        self.glossary = None
        for section in self.walk():
            builder = self.builders.get(id(section))
            if builder is not None:
                section.entries = [GlossaryEntry(e.term, e.definition, "", e.line, e.number)
                                   for e in builder.entries]
        if self.synthetic is not None and self.real_parts == 0:
            self._promote_synthetic()
        if self.headings == 0:
            self.warn("no headings found: the whole report is shown as one run of paragraphs", None)
        self.dedupe()
        return self.preamble, self.sections

    def _promote_synthetic(self) -> None:
        """Only （一）-level headings and no parts: they are the report's parts."""
        part = self.synthetic
        index = self.sections.index(part)
        for s in part.sections:
            for t in s.walk():
                t.level -= 1
            s.kind = "part"
        self.sections[index:index + 1] = part.sections

    def walk(self):
        for s in self.sections:
            yield from s.walk()

    def dedupe(self) -> None:
        """Drop later verbatim repeats of long text paragraphs (a layout artefact)."""
        seen: dict[str, int] = {}
        containers = [self.preamble] + [s.paragraphs for s in self.walk()]
        for paras in containers:
            keep = []
            for p in paras:
                key = p.text.strip()
                if p.kind == "text" and len(key) >= MIN_DUPLICATE:
                    if key in seen:
                        self.removed.append(Removal(p.text, "duplicate-paragraph", p.line,
                                                    f"verbatim repeat of the paragraph on line {seen[key]}"))
                        continue
                    seen[key] = p.line
                keep.append(p)
            paras[:] = keep
