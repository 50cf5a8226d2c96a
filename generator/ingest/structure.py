"""Build the section tree of a report from its cleaned lines.

One pass over the non-empty lines after the title block:

- headings (see ``headings``) open sections: part headings ``一、`` are level 1;
  ``（一）`` sub-sections are level 2 inside the current part; ``附件 N`` opens a level-1
  attachment, inside which ``一、`` headings are level-2 "item-group" sections; a
  glossary title opens a "glossary" section (level 2 inside an attachment, else level 1
  after the parts) whose lines, up to the next attachment or glossary heading, become
  ``GlossaryEntry`` objects (see ``glossary``; text before the first entry stays a
  paragraph of the section), or up to a bold / ``#`` title line that cannot be an entry
  after a finished one (``**2016年市政府十件实事**``), which opens a part of its own;
- an attachment's first title line (``自治区 2024 年 33 件民生实事清单`` after ``附件 1``)
  becomes its title, ``附件 1　自治区 2024 年 33 件民生实事清单``; later title lines are
  "title" paragraphs;
- a Markdown footnote label ``[^1]:`` is a glossary entry's number inside a glossary and
  is removed (recorded as ``markdown``) elsewhere;
- a line continuing a paragraph broken mid-sentence (the paragraph does not end with
  sentence-final punctuation and the line is neither heading nor item) is joined to it;
- numbered lines are "item" paragraphs; everything else is a "text" paragraph;
- ``一、`` lines are list items, not parts, when they restart the numbering inside a
  numbered part after a colon-ended lead line or as full sentences / run-in heads
  (``今年重点办好以下十件实事：`` ``一、…。二、…。``), when they are whole sentences that
  no heading rule took (``一、市镇两级财政投入…；…。``), and when they continue such a
  run of items with the next number;
- a standalone ``——…`` head opens a sub-section below the deepest open section;
- a bold run-in head (``**2004年工作回顾** 正文``) opens an unnumbered part only at the
  top level before any numbered part (else it is a bold lead);
- ``| … |`` lines are one "table" paragraph (line breaks kept, see ``tree_fixes``);
- nothing joins a line that ends at a page-jump marker, a whole bracketed note
  (``（…）``), or a heading-like line (a short ``一、`` / ``（一）`` / ``——`` line).

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

from ..model import Diagnostic, GlossaryEntry, Paragraph, Removal, Section, SectionKind
from .clean import CleanLine
from .glossary import NOTES_TITLE, GlossaryBuilder, cited_note_marks, opens_note_list
from .headings import (ATTACHMENT, CN_NUMERALS, DASH, GLOSSARY, PART, SUB, TITLE, Heading, classify,
                       ends_sentence, int_to_cn, is_note, is_signature, lead_length, match_item,
                       match_numbered_item)
from .lists import ListRules
from .tree_fixes import (dedupe, demote_empty_dashes, demote_lone_runin_title, demote_trailing_titles,
                         finish_tables, name_synthetic, promote_synthetic, remove_entry_spaces, remove_stray_spaces,
                         unwrap_lone_title)

_EMBEDDED_FIRST_SUB = re.compile(r"^(.*?[。：:])\s*([（(]一[）)].*)$")
_HEADING_LIKE = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|——)")
MAX_HEADING_LIKE = 40  # a heading-like line this short that ends no sentence is joined to nothing


class TreeBuilder(ListRules):
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
        self.list_last: Optional[Paragraph] = None  # last ``一、`` list item (a list is a run of items)
        self.stop = False  # the previous line may not be continued (jump marker, note, heading-like)
        self.runin_titles: set[int] = set()  # ids of parts opened by a bold run-in head
        self.numbered_parts = 0  # 一、 headings seen at any level
        self.list_itemlike = False  # the open list's items are sentences / run-in heads
        self.force_item = False  # list_item() took the heading on this line as an item
        self.titled: set[int] = set()  # id() of attachments whose title line has been read
        self.cited = ""  # the note mark ("[1]", "〔1〕" …) the text cites inline, once seen

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

    def open(self, depth: int, kind_tag: str, h: Heading, kind: SectionKind, line: int) -> Section:
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
        if cl.footnote and self.glossary is None:
            cl = self.drop_footnote_label(cl)
        table = cl.text[:1] == "|" or (cl.text[:1].isspace() and cl.text.lstrip()[:1] == "|")
        table = table and cl.text.rstrip().endswith("|") and len(cl.text.strip()) > 1
        heading = None if table else classify(cl)
        if self.glossary is None and heading is None and self.cited and opens_note_list(cl.text, self.cited):
            self.open_note_list(cl.line)
        if self.glossary is not None and (heading is None or heading.kind not in (ATTACHMENT, GLOSSARY)) \
                and not (heading.kind == TITLE and not heading.plain and self.glossary.ended_by(cl.text)
                         if heading is not None else False):
            stray = self.glossary.add_after(cl.text, cl.line, gap, cl.bold, self.container())
            if stray is not None:
                if cl.footnote:
                    stray = self.drop_footnote_label(cl).text
                self.container().append(self.glossary.stray(Paragraph(stray, "", cl.line)))
        elif table:
            self.add_table(cl)
        elif heading is not None and not self.continues(heading) and self.is_heading(heading):
            self.add_heading(heading, cl)
        elif heading is None and self.split_embedded(cl, gap):
            return
        else:
            self.add_text(cl, gap)
            if self.caption:  # a caption-like line stands alone: nothing joins to it
                self.caption = False
                self.set_last(None)
        self.stop = cl.stop
        self.last_line = cl.line

    def add_table(self, cl: CleanLine) -> None:
        """A ``| … |`` line: the next row of the table just above, or a new table."""
        container = self.container()
        row = cl.text.strip()
        last = container[-1] if container else None
        if last is not None and last.kind == "table" and cl.line == self.last_line + 1:
            last.text += "\n" + row
            return
        self.set_last(None)
        container.append(Paragraph(row, "", cl.line, kind="table"))

    def is_heading(self, h: Heading) -> bool:
        """False when the context makes a heading-shaped line text (see the module doc)."""
        if h.kind == TITLE and h.runin:
            # a part only at the top level: before any numbered part, and after run-in parts
            # (whatever sub-sections they opened)
            return not self.real_parts and (not self.stack or id(self.stack[0][1]) in self.runin_titles)
        if h.kind == DASH:
            if not self.stack or self.top_kind() == ATTACHMENT:
                self.caption = True  # a standalone paragraph: nothing joins to it
                return False
            return True
        if h.kind == PART and not h.marked and h.value is not None:
            return not self.list_item(h)
        return True

    def drop_footnote_label(self, cl: CleanLine) -> CleanLine:
        """The line without its Markdown footnote label ``[^1]:`` (recorded), outside glossaries."""
        self.removed.append(Removal(cl.text[: cl.footnote], "markdown", cl.line, "Markdown footnote label"))
        return CleanLine(cl.text[cl.footnote:], cl.line, 0, cl.heading_mark, stop=cl.stop)

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
        if self.last is None or self.stop:
            return False
        return not ends_sentence(self.pieces[-1] if self.pieces else self.last.text)

    def set_last(self, para: Optional[Paragraph]) -> None:
        """Finish the paragraph being built and make ``para`` the one lines may join."""
        if self.pieces and self.last is not None:  # the pieces continue ``last``
            self.last.text += "".join(self.pieces)
        self.pieces = []
        self.last = para

    def add_text(self, cl: CleanLine, gap: str) -> None:
        text = cl.text
        item = match_item(text)
        numbered = match_numbered_item(text) if item is None and text.lstrip()[:1] in CN_NUMERALS else None
        if numbered is not None and self.numbered_list_item(numbered, text):
            para = Paragraph(numbered.text, "", cl.line, kind="item", number=numbered.number)
            self.container().append(para)
            self.set_last(para)
            self.list_last = para
            return
        if item is None and numbered is None and self.open_sentence():
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
                if self.title_attachment(text):
                    return
                para.kind = "title"  # the attachment's further title lines
        self.container().append(para)
        self.set_last(para if para.kind != "title" else None)
        if "1" in text and not self.cited:
            self.cited = cited_note_marks(text)
        stripped = text.strip()
        if para.kind == "text" and (is_note(stripped) or is_signature(stripped) or (len(stripped) <= MAX_HEADING_LIKE
                                                          and _HEADING_LIKE.match(stripped)
                                                          and not ends_sentence(stripped))):
            self.caption = True  # a bracketed note or a heading-like line: nothing joins to it

    def title_attachment(self, text: str) -> bool:
        """The first title line of an attachment becomes its title: ``附件 1`` then
        ``自治区 2024 年 33 件民生实事清单`` read ``附件 1　自治区 2024 年 33 件民生实事清单``
        (number kept in ``Section.number``; after ``附件：`` no space is added)."""
        att = self.stack[0][1]
        if att.paragraphs or id(att) in self.titled:
            return False
        self.titled.add(id(att))
        head = att.title.rstrip()
        att.title = head + ("" if head.endswith(("：", ":")) else "\u3000") + text.strip()
        return True

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
        self.list_last = None
        if h.kind == DASH:
            depth = len(self.stack) - (1 if self.stack and self.stack[-1][0] == DASH else 0)
            self.open(depth, DASH, h, "subsection", line)
        elif h.kind == GLOSSARY:
            depth = 1 if top == ATTACHMENT else 0
            section = self.open(depth, GLOSSARY, h, "glossary", line)
            self.glossary = self.builders[id(section)] = GlossaryBuilder(self.removed)
        elif h.kind == ATTACHMENT:
            self.check_number("attachments", h, line)
            self.open(0, ATTACHMENT, h, "attachment", line)
        elif h.kind == TITLE:
            section = self.open(0, TITLE, h, "part", line)
            if h.runin:
                self.runin_titles.add(id(section))
        elif h.kind == PART and top in (ATTACHMENT, TITLE):
            self.numbered_parts += 1
            parent = self.stack[0][1]
            self.check_number(parent, h, line)
            self.open(1, PART, h, "item-group" if top == ATTACHMENT else "subsection", line)
        elif h.kind == PART:
            self.numbered_parts += 1
            self.real_parts += 1
            if self.real_parts == 1 and self.synthetic is not None:
                self.last_number["parts"], note = name_synthetic(self.synthetic, h.value, self.source)
                self.diagnostics.append(note)
            self.check_number("parts", h, line)
            self.open(0, PART, h, "part", line)
        else:
            self.add_sub(h, line)

    def open_note_list(self, line: int) -> None:
        """Notes the text cites (``…体系[1]。``) listed at the end without a heading
        (``[1]一环创新圈：…``): a glossary section whose title the source lacks, shown as
        ``注释（原文无标题）`` and flagged ``synthetic`` like a part that lost its title."""
        h = Heading(GLOSSARY, "", None, NOTES_TITLE)
        self.set_last(None)
        section = self.open(0, GLOSSARY, h, "glossary", line)
        section.synthetic = True
        self.glossary = self.builders[id(section)] = GlossaryBuilder(self.removed)

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

    # ------------------------------------------------------------------ finish
    def finish(self) -> tuple[list[Paragraph], list[Section]]:
        self.set_last(None)
        self.glossary = None
        for section in self.walk():
            builder = self.builders.get(id(section))
            if builder is not None:
                section.entries = [GlossaryEntry(e.term, e.definition, "", e.line, e.number)
                                   for e in builder.entries]
                remove_entry_spaces(section.entries, self.removed)
        if self.synthetic is not None and self.real_parts == 0:
            promote_synthetic(self.sections, self.synthetic)
        demote_empty_dashes(self.preamble, self.sections)
        demote_lone_runin_title(self.preamble, self.sections, self.runin_titles)
        self.headings -= demote_trailing_titles(self.sections)
        unwrap_lone_title(self.preamble, self.sections)
        paragraphs = self.preamble + [p for s in self.walk() for p in s.paragraphs]
        finish_tables(paragraphs)
        remove_stray_spaces(paragraphs, self.removed)
        if self.headings == 0:
            self.warn("no headings found: the whole report is shown as one run of paragraphs — if it has parts, "
                      "put each title (一、… / （一）…) on a line of its own", None)
        dedupe(self.preamble, list(self.walk()), self.removed)
        return self.preamble, self.sections

    def walk(self):
        for s in self.sections:
            yield from s.walk()

