"""Parse the lines of a report's own glossary appendix (名词解释) into entries.

An entry is ``[number] term <separator> definition``.

- Numbers: ``1.`` ``1、`` ``（1）``, footnote labels ``[1]`` ``［1］`` ``【1】`` and the
  Markdown label ``[^1]:`` (shown as ``[1]``; its ``^`` and ``:`` are recorded).
- Separators, first that applies: a bold term (``**[1]绿道。**即…``), a bracketed term
  (``【“三网”融合】指…``), the FIRST colon (``：`` / ``:``, so a colon inside the
  definition stays there: ``八横六纵:八横:…``), in a numbered entry a full stop
  (``1.“六个精准”。扶贫对象精准…``), then a space between two words (``六稳 稳就业…``).
  The separator is recorded (``glossary-colon``) and the page shows term and
  definition apart. A numbered line without a separator is a term whose definition
  follows on the next lines.
- Footnote markers left on a term (``QFLP［1］``) are stripped from it and recorded
  (``footnote-marker``).

Which line starts an entry and which continues one (a continuation's line break is
recorded as ``line-join``):

- in a numbered list the next entry carries a number from the expected one up (a
  skipped number is a source slip); a smaller number, or one continuing a run of
  sub-points (``1.`` ``2.`` inside entry 3), or no number (``①…``) is part of the
  current definition — even when that definition ends mid-sentence, a line carrying
  the next number starts a new entry;
- in an unnumbered list a line continues the definition while it stops mid-sentence,
  and starts an entry when it has a term and a separator;
- several numbered entries on one line (``1．六稳 …。2．六保 …。``) are split at the next
  number following a sentence end;
- a source note (``来源：新华网``) never starts an entry: it stays with the definition
  it closes (or is text of the section before the first entry);
- the labelled layout: a headword alone on its line, then ``报告原文：`` (the report's
  sentence that uses it) and ``解释：`` (the definition). The quote line starts the entry
  of the headword line above it (a line that would otherwise have joined the previous
  definition, or stood alone before the first entry) and the ``解释：`` line continues it;
  every further line continues it up to the next headword line; the labels stay in the
  definition text (the gloss skips the quote).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..model import Paragraph, Removal
from .headings import ends_sentence, match_item

_COLON = re.compile(r"[：:]")
MAX_TERM = 50  # a term is at most this long; a later colon is inside running text
MAX_SPACED_TERM = 30  # a term separated by a space (or a full stop) is at most this long
MAX_SKIP = 3  # a numbered list may skip this many numbers (a slip in the source)

# Bracketed footnote numbers opening an entry: [1] ［1］ 【1】 〔1〕 ﹝1﹞ and the Markdown [^1]:
_BRACKET_NUMBER = re.compile(r"^(?:\[(\^)?(\d{1,3})\](:)?|［(\d{1,3})］|【(\d{1,3})】|[〔﹝]\s*(\d{1,3})\s*[〕﹞])\s*")
_MARKER = re.compile(r"\[\^?\d{1,3}\]|［\d{1,3}］|〔\d{1,3}〕|﹝\s*\d{1,3}\s*﹞")
# The marks a text cites its notes with, inline (``…体系[1]。``), and the title shown for
# a list of such notes that the source gives no heading.
_NOTE_MARKS = ("[1]", "［1］", "〔1〕", "﹝1﹞", "【1】")
NOTES_TITLE = "注释（原文无标题）"
# A quoted headword run into its definition: ``“阳光屋顶”指在……``.
_QUOTED_TERM = re.compile(r"^(“[^“”]{1,20}”(?:“[^“”]{1,20}”){0,3})(?=指|即|是指)")
_BRACKET_TERM = re.compile(r"^(【?)([^【】]{1,50})】\s*")  # the opener is sometimes lost
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# A source note (来源：新华网) or an editor's note (注：按出现顺序排列) is never an entry.
_SOURCE_NOTE = re.compile(r"^[（(]?\s*(?:(?:资料|数据|信息)?(?:来源|出处)|注|备注|说明)\s*[：:]")
_NEXT_NUMBER = r"(?<=[。；;！!？?”’」』）)\s])\s*(?:{n}\s*[.．、](?![\d０-９])|\[\^?{n}\]:?|［{n}］|【{n}】)"
_SPACE = re.compile(r"[^\S\n]+")
_ASCII_WORD = re.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ.．%％+＋\-]")
_TERM_STOPS = "。；;，,！!？?"
# The labelled layout: headword line, ``报告原文：…`` line, ``解释：…`` line.
QUOTE_LABEL = re.compile(r"^\s*(?:报告)?原文\s*[：:]")


def headword_like(text: str) -> bool:
    """A short line with no sentence or clause stop: it may be a headword alone on its line."""
    text = text.strip().rstrip("：:")
    return 0 < len(text) <= MAX_SPACED_TERM and not any(c in text for c in _TERM_STOPS + "：:")


@dataclass
class RawEntry:
    number: str
    term: str
    pieces: list[str]  # the definition, line by line (joined once, at the end)
    line: int
    value: int = 0  # the entry's number (0 when unnumbered)
    sub: int = 0  # last sub-point number seen inside the definition (1. 2. … of entry 3)
    quoted: bool = False  # opened by a ``报告原文：`` line (the labelled layout)
    joins: list[Optional[Removal]] = field(default_factory=list)  # the line-join record of each piece

    @property
    def definition(self) -> str:
        return "".join(self.pieces)

    def open(self) -> bool:
        """True while the definition is empty or stops mid-sentence."""
        return not self.pieces or not ends_sentence(self.pieces[-1])


@dataclass
class Split:
    """A line read as an entry: number (as shown), its value, term, definition and the
    separator/markup text it removes."""

    number: str
    value: int
    term: str
    definition: str
    removed: list[tuple[str, str, str]] = field(default_factory=list)  # (text, reason, detail)
    strong: bool = True  # separated by a colon, brackets or bold (not a space or a full stop)


def leading_number(text: str, expected: int = 0) -> tuple[str, int, str, list]:
    """(number as shown, value, rest of the line, removals) for the number opening
    ``text``; ("", 0, text, []) when it has none.

    ``expected`` lets ``4.12345热线…`` read as entry 4 about the 12345 hotline.
    """
    stripped = text.strip()
    item = match_item(stripped)
    if item:
        return item.number, item.value, item.text.lstrip(), []
    if expected:
        m = re.match(rf"{expected}\s*[.．、]", stripped)
        if m and m.end() < len(stripped):
            return m.group(0), expected, stripped[m.end():].lstrip(), []
    if stripped[:1] in _CIRCLED and len(stripped) > 1:
        return stripped[0], _CIRCLED.index(stripped[0]) + 1, stripped[1:].lstrip(), []
    if stripped[:1] in "[［【〔﹝":
        m = _BRACKET_NUMBER.match(stripped)
        if m and m.end() < len(stripped):
            digits = m.group(2) or m.group(4) or m.group(5) or m.group(6)
            removed = []
            if m.group(1):  # Markdown footnote label [^1]: shown as [1]
                removed.append(("^", "markdown", "Markdown footnote label mark (entry number shown as [n])"))
                if m.group(3):
                    removed.append((":", "markdown", "Markdown footnote label colon"))
                number = f"[{digits}]"
            else:
                number = m.group(0).strip()
            return number, int(digits), stripped[m.end():], removed
    return "", 0, stripped, []


def split_entry(text: str, expected: int = 0, bold: int = 0) -> Optional[Split]:
    """The entry ``text`` starts, else None (see the module docstring for the forms).

    ``bold`` is the length of a bold span at the start of the line (0 if none).
    """
    raw = text.strip()
    number, value, rest, removed = leading_number(raw, expected)
    if _SOURCE_NOTE.match(rest):
        return None
    offset = len(raw) - len(rest)  # where ``rest`` starts in the line
    removed = list(removed)
    term = definition = None
    strong = True
    m = _BRACKET_TERM.match(rest)
    if m:
        term, definition = m.group(2), rest[m.end():]
        removed += [(b, "glossary-colon", "bracket around a glossary term") for b in (m.group(1), "】") if b]
    elif bold > offset and bold - offset <= MAX_TERM and bold < len(raw):
        term, definition = rest[: bold - offset], rest[bold - offset:]
        stop = term.rstrip()[-1:]
        if stop in "。：:.．":
            term = term.rstrip()[:-1]
            removed.append((stop, "glossary-colon", "punctuation closing a bold glossary term"))
        elif definition[:1] in "：:":
            removed.append((definition[0], "glossary-colon", "colon between a glossary term and its definition"))
            definition = definition[1:]
    else:
        found = _separate(rest, bool(number))
        if found is None:
            if not number or len(rest) > MAX_SPACED_TERM or ends_sentence(rest):
                return None
            term, definition, strong = rest, "", False  # the term alone; its definition follows
        else:
            term, definition, sep, reason = found
            strong = bool(sep) and sep in "：:"
            if sep:
                removed.append((sep, "glossary-colon", reason))
    term = term.strip()
    if _MARKER.search(term):
        for marker in _MARKER.findall(term):
            removed.append((marker, "footnote-marker", "footnote marker left on a glossary term"))
        term = _MARKER.sub("", term).strip()
    if not term:
        return None
    return Split(number, value, term, definition.strip(), removed, strong)


def _separate(rest: str, numbered: bool) -> Optional[tuple[str, str, str, str]]:
    """(term, definition, separator, reason) by colon, full stop or space; else None."""
    m = _COLON.search(rest, 0, MAX_TERM + 1)
    if m and m.start() > 0 and not any(c in rest[: m.start()] for c in "。；;"):
        return rest[: m.start()], rest[m.end():], m.group(0), "colon between a glossary term and its definition"
    q = _QUOTED_TERM.match(rest) if rest[:1] == "“" else None
    if q:  # nothing separates them: nothing is removed
        return q.group(1), rest[q.end():], "", "quoted glossary term run into its definition"
    if numbered:
        stop = rest.find("。", 0, MAX_SPACED_TERM + 1)
        if (0 < stop < len(rest) - 1 and not any(c in rest[:stop] for c in _TERM_STOPS)
                and not _SPACE.search(rest, 0, stop)):
            return rest[:stop], rest[stop + 1:], "。", "full stop between a glossary term and its definition"
    for s in _SPACE.finditer(rest, 0, MAX_SPACED_TERM + 1):
        before, after = rest[s.start() - 1: s.start()], rest[s.end(): s.end() + 1]
        if s.start() == 0 or not after:
            continue
        if _ASCII_WORD.match(before) or _ASCII_WORD.match(after):
            continue  # ``6 部促进条例``, ``PM2.5 浓度``: a space inside the term
        if any(c in rest[: s.start()] for c in _TERM_STOPS):
            return None
        return rest[: s.start()], rest[s.end():], s.group(0), "space between a glossary term and its definition"
    return None


class GlossaryBuilder:
    """Accumulates entries line by line; non-entry text goes to ``stray``."""

    def __init__(self, removed: list[Removal]) -> None:
        self.entries: list[RawEntry] = []
        self.removed = removed
        self.value = 0  # the last entry number of a numbered list (0 while unnumbered)
        self.stray_head: Optional[Paragraph] = None  # a stray headword-like line just placed

    def add(self, text: str, line: int, gap: str, bold: int = 0) -> Optional[str]:
        """Add one line; return the text back when it is neither entry nor continuation.

        ``gap`` is the line-break text between the previous line and this one ("" for
        the rest of a line holding several entries); ``bold`` the length of a bold
        span at the start of the line.
        """
        last = self.entries[-1] if self.entries else None
        if QUOTE_LABEL.match(text) and last is not None:
            if not last.pieces:  # ``村改居：`` then its quote
                last.quoted = True
                self._join(last, text, line, gap)
                return None
            if self._quoted_entry(last, text, line):
                return None
        if last is not None and last.quoted and not headword_like(text):
            # the labelled layout: ``解释：`` and every further line continue the entry
            # until a headword line (which the next ``报告原文：`` takes back)
            self._join(last, text, line, gap)
            return None
        if last is None:
            # ``1、18个对口援建省市：…`` is entry 1, ``2.2家龙头企业：…`` entry 2 (entry 1 lost)
            tries = [split_entry(text, n, bold) for n in (1, 2, 3)]
            parts = next((p for p in tries if p is not None and p.value), tries[0])
            if parts is None:
                return text
        elif self.value:  # a numbered list
            parts = split_entry(text, self.value + 1, bold) if self._next_number(text, last) else None
            if parts is None or not parts.value:
                parts = self._subterm(text, last, bold)
            if parts is None:
                self._continue(last, text, line, gap)
                return None
        else:  # an unnumbered list: a numbered line is a sub-point, unless its number
            # counts the entries so far (the list was numbered, the first number lost)
            n = len(self.entries) + 1
            parts = None if last.open() and not leading_number(text, n)[1] == n else split_entry(text, n, bold)
            if parts is None or parts.value not in (0, n):
                self._join(last, text, line, gap)
                return None
        self._start(parts, line)
        return None

    def add_after(self, text: str, line: int, gap: str, bold: int, container: list[Paragraph]) -> Optional[str]:
        """``add``, after taking back the stray headword just placed in ``container`` when
        ``text`` is the first ``报告原文：`` line (the labelled layout's first entry)."""
        head, self.stray_head = self.stray_head, None
        if head is not None and QUOTE_LABEL.match(text) and not self.entries and container \
                and container[-1] is head:
            container.pop()
            self.start_quoted(head.text, head.line, text)
            return None
        return self.add(text, line, gap, bold)

    def stray(self, para: Paragraph) -> Paragraph:
        """Note a stray line placed as a paragraph: a headword the next line may take back."""
        self.stray_head = para if headword_like(para.text) else None
        return para

    def ended_by(self, title: str) -> bool:
        """True when the title line ``title`` ends the glossary: it follows a finished
        entry and is neither an entry nor, in a numbered list, a numbered line."""
        last = self.entries[-1] if self.entries else None
        if last is None or last.open() or leading_number(title, self.value + 1)[1]:
            return False
        return split_entry(title, 0) is None

    def _next_number(self, text: str, last: RawEntry) -> bool:
        """True when ``text`` opens with a number that starts the entry after the last one:
        the next number (or a few more: a skipped number), or the last one repeated
        (a slip), unless it continues a run of sub-points ``1.`` ``2.`` of the entry."""
        _, value, _, _ = leading_number(text, self.value + 1)
        if not value or (last.sub and value == last.sub + 1):
            return False
        return self.value < value <= self.value + 1 + MAX_SKIP or value == self.value > 1

    def _quoted_entry(self, last: RawEntry, text: str, line: int) -> bool:
        """A ``报告原文：`` line after a definition whose last joined line is a headword:
        that line becomes the term of a new entry the quote opens."""
        if len(last.pieces) < 2 or not headword_like(last.pieces[-1]):
            return False
        head = last.pieces.pop()
        record = last.joins.pop() if len(last.joins) > len(last.pieces) else None
        if record is not None:
            self.removed[:] = [r for r in self.removed if r is not record]
        term = head.rstrip("：:")
        if term != head:
            self.removed.append(Removal(head[len(term):], "glossary-colon", line - 1,
                                        "colon after a glossary term alone on its line"))
        self.start_quoted(term, line - 1, text)
        return True

    def start_quoted(self, term: str, line: int, quote: str) -> None:
        """Open the labelled-layout entry ``term`` with its ``报告原文：`` line."""
        self.entries.append(RawEntry("", term.strip(), [quote.strip()], line, quoted=True,
                                     joins=[None]))

    def _subterm(self, text: str, last: RawEntry, bold: int) -> Optional[Split]:
        """An unnumbered ``term：definition`` line after a finished entry of a numbered list
        (a term the entry uses, defined in its turn) is an entry of its own."""
        if last.open():
            return None
        parts = split_entry(text, 0, bold)
        return parts if parts is not None and not parts.value and parts.strong else None

    def _continue(self, entry: RawEntry, text: str, line: int, gap: str) -> None:
        """A line inside a numbered entry: note a sub-point number, then join."""
        _, value, _, _ = leading_number(text)
        if value == 1 or (entry.sub and value == entry.sub + 1):
            entry.sub = value
        self._join(entry, text, line, gap)

    def _start(self, parts: Split, line: int) -> None:
        definition = parts.definition
        rest = None
        if parts.value:  # several entries on one line: 1．六稳 …。2．六保 …。
            n = parts.value + 1
            if str(n) in definition:
                m = re.search(_NEXT_NUMBER.format(n=n), definition)
                if m:
                    definition, rest = definition[: m.start()].rstrip(), definition[m.start():]
        for text, reason, detail in parts.removed:
            self.removed.append(Removal(text, reason, line, detail))
        self.entries.append(RawEntry(parts.number, parts.term, [definition] if definition else [],
                                     line, parts.value))
        if parts.value:
            self.value = parts.value
        if rest is not None:
            self.add(rest, line, "")

    def _join(self, entry: RawEntry, text: str, line: int, gap: str) -> None:
        record = None
        if gap:
            record = Removal(gap, "line-join", line - gap.count("\n"),
                             "glossary definition continued on the next line")
            self.removed.append(record)
        while len(entry.joins) < len(entry.pieces):
            entry.joins.append(None)
        entry.pieces.append(text.strip())
        entry.joins.append(record)


def cited_note_marks(text: str) -> str:
    """The first-note mark (``[1]`` …) ``text`` cites inline, not at its start; "" if none."""
    body = text.lstrip()
    return next((mark for mark in _NOTE_MARKS if body.find(mark, 1) > 0), "")


def opens_note_list(text: str, cited: str) -> bool:
    """True for a line opening a list of the notes the text cited with ``cited``:
    ``[1]一环创新圈：……`` after ``…创新平台体系[1]。``."""
    body = text.lstrip().replace("﹝ ", "﹝").replace(" ﹞", "﹞")
    return body.startswith(cited) and len(body) > len(cited) + 2
