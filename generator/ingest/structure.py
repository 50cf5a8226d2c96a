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

import re
from typing import Optional

from ..model import Diagnostic, GlossaryEntry, Paragraph, Removal, Section
from .clean import CleanLine
from .glossary import GlossaryBuilder
from .headings import (ATTACHMENT, GLOSSARY, PART, SUB, TITLE, Heading, classify, ends_sentence,
                       int_to_cn, lead_length, match_item)

_EMBEDDED_FIRST_SUB = re.compile(r"^(.*?[。：:])\s*([（(]一[）)].*)$")
MIN_DUPLICATE = 20  # paragraphs at least this long repeated verbatim are layout repeats


class TreeBuilder:
    """Streams cleaned lines into a section tree.

    ``stack`` holds the open sections from level 1 down, with the heading kind that
    opened each ("part", "title" for an unnumbered part title, "sub", "group",
    "attachment", "glossary"). Under an unnumbered part title (``2024年的主要工作任务``)
    the ``一、`` headings are level 2 and ``（一）`` level 3.
    """

    def __init__(self, source: str, removed: list[Removal], diagnostics: list[Diagnostic]) -> None:
        self.source = source
        self.removed = removed
        self.diagnostics = diagnostics
        self.preamble: list[Paragraph] = []
        self.sections: list[Section] = []
        self.stack: list[tuple[str, Section]] = []
        self.glossary: Optional[GlossaryBuilder] = None
        self.builders: dict[int, GlossaryBuilder] = {}  # id(glossary section) -> its entries
        self.last: Optional[Paragraph] = None  # paragraph a continuation line may join
        self.caption = False  # the line being added is a caption-like short line
        self.pieces: list[str] = []  # continuation lines of ``last`` not yet appended (no O(n²) +=)
        self.last_line = 0  # source line of the previous non-empty line
        self.synthetic: Optional[Section] = None
        self.real_parts = 0
        self.last_number: dict = {}  # parent key -> last heading number seen under it
        self.headings = 0

    # ------------------------------------------------------------------ helpers
    def warn(self, message: str, line: Optional[int]) -> None:
        self.diagnostics.append(Diagnostic(self.source, message, line))

    def container(self) -> list[Paragraph]:
        return self.stack[-1][1].paragraphs if self.stack else self.preamble

    def top_kind(self) -> str:
        return self.stack[0][0] if self.stack else ""

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
                      "part of the report may be missing — compare with the original and add what is missing", line)

    def open(self, depth: int, kind_tag: str, h: Heading, kind: str, line: int) -> Section:
        """Open a section at stack ``depth`` (0 = level 1), closing deeper ones."""
        section = Section(title=h.title, level=depth + 1, anchor="", line=line, kind=kind, number=h.number)
        del self.stack[depth:]
        (self.stack[-1][1].sections if self.stack else self.sections).append(section)
        self.stack.append((kind_tag, section))
        if h.rest:
            para = Paragraph(h.rest, "", line, lead=lead_length(h.rest))
            section.paragraphs.append(para)
            self.set_last(para)
        return section

    # ------------------------------------------------------------------ lines
    def add_line(self, cl: CleanLine) -> None:
        gap = "\n" * max(1, cl.line - self.last_line) if self.last_line else "\n"
        heading = classify(cl)
        if self.glossary is not None and (heading is None or heading.kind not in (ATTACHMENT, GLOSSARY)):
            stray = self.glossary.add(cl.text, cl.line, gap)
            if stray is not None:
                self.container().append(Paragraph(stray, "", cl.line))
        elif heading is not None and not self.continues(heading):
            self.add_heading(heading, cl)
        elif heading is None and self.split_embedded(cl, gap):
            return
        else:
            self.add_text(cl, gap)
            if self.caption:  # a caption-like line stands alone: nothing joins to it
                self.caption = False
                self.set_last(None)
        self.last_line = cl.line

    def split_embedded(self, cl: CleanLine, gap: str) -> bool:
        """``…以下几个方面的工作。（一）认真贯彻…``: a （一） heading run into the text line
        before it starts a new line there (nothing is removed)."""
        text = cl.text
        # the pattern scans the whole line; most lines lack the （一） it needs
        m = _EMBEDDED_FIRST_SUB.match(text) if "一）" in text or "一)" in text else None
        if not m:
            return False
        rest = CleanLine(m.group(2), cl.line)
        h = classify(rest)
        if h is None or h.kind != SUB:
            return False
        self.add_text(CleanLine(m.group(1), cl.line, cl.bold if cl.bold <= len(m.group(1)) else 0), gap)
        self.last_line = cl.line
        self.add_heading(h, rest)
        return True

    def continues(self, h: Heading) -> bool:
        """True when a plain unnumbered title-like line is really text.

        It is text after an unfinished sentence (it continues it), and in a report
        whose parts are numbered (``一、``), where a short line is a caption or a
        fragment, not a part of its own.
        """
        if h.kind != TITLE or not h.plain:
            return False
        if self.open_sentence():
            return True
        if self.real_parts and self.top_kind() != TITLE:
            self.caption = True
            return True
        # a second short unpunctuated line right after such a title is text (a wrapped
        # paragraph or a list), not another empty part
        top = self.stack[-1][1] if self.stack else None
        return top is not None and self.stack[-1][0] == TITLE and not top.paragraphs and not top.sections

    def open_sentence(self) -> bool:
        """True when the last paragraph stops mid-sentence (a next line may continue it)."""
        if self.last is None:
            return False
        return not ends_sentence(self.pieces[-1] if self.pieces else self.last.text)

    def set_last(self, para: Optional[Paragraph]) -> None:
        """Finish the paragraph being built and make ``para`` the one lines may join."""
        if self.pieces:
            self.last.text += "".join(self.pieces)
            self.pieces = []
        self.last = para

    def add_text(self, cl: CleanLine, gap: str) -> None:
        text = cl.text
        item = match_item(text)
        if item is None and self.open_sentence():
            self.removed.append(Removal(gap, "line-join", self.last_line,
                                        f"paragraph broken mid-sentence, continued on line {cl.line}"))
            self.pieces.append(text.lstrip())
            return
        if item is not None:
            para = Paragraph(item.text, "", cl.line, kind="item", number=item.number)
        else:
            indent = len(text) - len(text.lstrip())
            lead = lead_length(text.lstrip(), cl.bold)
            para = Paragraph(text, "", cl.line, lead=indent + lead if lead else 0)
            if self.attachment_title_position() and not ends_sentence(text):
                para.kind = "title"  # the attachment's own title lines
        self.container().append(para)
        self.set_last(para if para.kind != "title" else None)

    def attachment_title_position(self) -> bool:
        """True right after an attachment heading (only title lines so far)."""
        if len(self.stack) != 1 or self.stack[0][0] != ATTACHMENT:
            return False
        att = self.stack[0][1]
        return not att.sections and all(p.kind == "title" for p in att.paragraphs)

    def add_heading(self, h: Heading, cl: CleanLine) -> None:
        line = cl.line
        top = self.top_kind()
        if h.kind == TITLE and top == ATTACHMENT:  # an attachment's own (bold) title line
            self.add_text(CleanLine(h.title, line), "\n")
            return
        self.headings += 1
        self.set_last(None)
        self.glossary = None
        if h.kind == GLOSSARY:
            depth = 1 if top == ATTACHMENT else 0
            section = self.open(depth, GLOSSARY, h, "glossary", line)
            self.glossary = self.builders[id(section)] = GlossaryBuilder(self.removed)
        elif h.kind == ATTACHMENT:
            self.check_number("attachments", h, line)
            self.open(0, ATTACHMENT, h, "attachment", line)
        elif h.kind == TITLE:
            self.open(0, TITLE, h, "part", line)
        elif h.kind == PART and top in (ATTACHMENT, TITLE):
            parent = self.stack[0][1]
            self.check_number(parent, h, line)
            self.open(1, PART, h, "item-group" if top == ATTACHMENT else "subsection", line)
        elif h.kind == PART:
            self.real_parts += 1
            if self.real_parts == 1 and self.synthetic is not None:
                self.name_synthetic(h)
            self.check_number("parts", h, line)
            self.open(0, PART, h, "part", line)
        else:
            self.add_sub(h, line)

    def add_sub(self, h: Heading, line: int) -> None:
        """A （一） heading goes under the deepest open numbered part or item group."""
        depth = next((i for i in range(len(self.stack) - 1, -1, -1) if self.stack[i][0] == PART), None)
        if depth is None and self.stack and self.stack[0][0] in (TITLE, ATTACHMENT):
            depth = 0
        if depth is None:
            part = Section(title="", level=1, anchor="", line=line, kind="part", synthetic=True)
            self.sections.append(part)
            self.stack = [(PART, part)]
            self.synthetic, depth = part, 0
            self.check_number(part, h, line, quiet=True)
        else:
            self.check_number(self.stack[depth][1], h, line)
        self.open(depth + 1, SUB, h, "subsection", line)

    def name_synthetic(self, first_part: Heading) -> None:
        part = self.synthetic
        value = (first_part.value or 1) - 1
        part.number = int_to_cn(value) if value >= 1 else ""
        part.title = f"{part.number}、（前文缺失）" if part.number else "（前文缺失）"
        self.last_number["parts"] = value if value >= 1 else None
        first = part.sections[0].number if part.sections else ""
        message = (f"the report starts in the middle of part {part.number or '?'} (first heading {first}); "
                   f"its title is missing and is shown as “{part.title}”")
        self.diagnostics.append(Diagnostic(self.source, message, part.line, "note"))  # a known source defect

    # ------------------------------------------------------------------ finish
    def finish(self) -> tuple[list[Paragraph], list[Section]]:
        self.set_last(None)
        self.glossary = None
        for section in self.walk():
            builder = self.builders.get(id(section))
            if builder is not None:
                section.entries = [GlossaryEntry(e.term, e.definition, "", e.line, e.number)
                                   for e in builder.entries]
        if self.synthetic is not None and self.real_parts == 0:
            self._promote_synthetic()
        self._demote_trailing_titles()
        if self.headings == 0:
            self.warn("no headings found: the whole report is shown as one run of paragraphs — if it has parts, "
                      "put each title (一、… / （一）…) on a line of its own", None)
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

    def _demote_trailing_titles(self) -> None:
        """Short unnumbered lines closing the report (a signature, a date) are text, not parts."""
        while len(self.sections) > 1:
            last = self.sections[-1]
            if last.number or last.kind != "part" or last.paragraphs or last.sections:
                return
            self.sections.pop()
            host = self.sections[-1]
            while host.sections:
                host = host.sections[-1]
            host.paragraphs.append(Paragraph(last.title, "", last.line))
            self.headings -= 1

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
