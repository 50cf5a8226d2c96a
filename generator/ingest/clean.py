"""Line-level cleaning: remove layout artefacts and markup, recording every removal.

Input is the report body (front matter already split off); output is one
``CleanLine`` per source line (artefact-only lines become empty strings, so indexes
still map to source lines) plus the ``Removal`` records.

What is removed, with its ``Removal.reason``:

- ``bookmark``        Word bookmarks pasted as text: ``[bookmark: _GoBack]``
- ``jump-marker``     newspaper page jumps: ``(上接第一版)`` ``（下转第四版）`` ``（紧接第一版）``
- ``meeting-header``  meeting-file running heads at the top: ``旗十八届人大三次`` /
                      ``会议文件（二十三）`` / ``区十八届人大一次会议 文 件 之 二 十``
- ``letter-spacing``  the spaces of a letter-spaced line: ``名 词 解 释`` reads ``名词解释``
                      (any Unicode space: U+3000, U+00A0, U+2002 …)
- ``markdown``        Markdown markup: ``**`` bold marks, ``#`` heading marks, footnote
                      marks ``[^1]`` (a line's footnote label ``[^1]:`` is left to
                      structure: in a glossary it numbers the entry)
- ``html-comment``    a whole-line ``<!-- … -->`` comment (photo captions, source notes);
                      a comment whose content is a glossary title keeps its content
- ``html-entity``     an HTML entity decoded (``&mdash;`` ``&#8220;`` ``&nbsp;``, and a literal
                      ``<U+00A0>``): the record holds the entity, ``detail`` what it became;
                      an entity standing for a Han character or digit stays as written
- ``html-tag``        stray HTML tags (``<br>`` ``<p>`` ``</span>`` ``<strong>`` …; the one-letter
                      ``<b>`` ``<i>`` ``<u>`` stay: too easily part of the text)
- ``pagination``      web-page pagination lines: ``第1页第2页`` / ``上一页 1 2 3 下一页``

Whitespace carries no text and is normalised without a record: trailing whitespace
(including Markdown's two-space hard break) here; the whitespace around heading titles,
item numbers and glossary terms in later stages. A paragraph's leading spaces/tabs are
kept, as are Markdown/HTML special characters in the text (escaping is the site's job).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..model import Removal
from ..text import HAN

CN_NUM = "一二三四五六七八九十百零〇"

_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]*\]")
_JUMP = re.compile(rf"[（(]\s*(?:上接|下转|紧接|紧转|接|转)\s*第?\s*[A-Za-z]?\s*[{CN_NUM}\d０-９]+\s*版\s*[）)]")
_MEETING_HEADER = re.compile(
    rf"^\s*(?:[{HAN}]{{0,8}}?[{CN_NUM}]+届人大[{CN_NUM}]+次(?:会议)?(?:\s*文\s*件.*)?"
    rf"|会\s*议\s*文\s*件\s*(?:[（(][{CN_NUM}\d]+[）)]|之\s*[{CN_NUM}\s]+))\s*$")
# Letter spacing may use any Unicode space (U+3000, U+00A0, U+2002 …): ``\s`` matches them all.
_LETTER_SPACED = re.compile(rf"^\s*[{HAN}](?:[^\S\n]+[{HAN}]){{2,}}\s*$")
_SPACES = re.compile(r"[^\S\n]+")
_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_FOOTNOTE_DEF = re.compile(r"^\[\^[^\]\s]+\]:[ \t]*")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
_HTML_COMMENT = re.compile(r"^\s*<!--(.*?)-->\s*$")
_JUMP_AT_END = re.compile(_JUMP.pattern + r"\s*$")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_NBSP_LITERAL = "<U+00A0>"
_TAG = re.compile(r"</?(?:br|p|span|strong|em|font|div|sup|sub|center|a|img|table|tbody|thead|tr|td|th"
                  r"|h[1-6]|o:p|section|blockquote|hr)\b[^<>]{0,200}?/?>", re.I)
_PAGINATION = re.compile(r"^\s*(?:(?:第\s*\d+\s*页|共\s*\d+\s*页|[上下]一页|首页|尾页|末页|\d+|[\[\]|/·•])\s*)+$")
_SIGNIFICANT = re.compile(rf"[0-9{HAN}]")
_GLOSSARY_WORDS = re.compile(r"名词|释义|注释|注解|附注|术语|词语解释")

# Meeting headers only occur in the running head, before the report proper.
MEETING_HEADER_WINDOW = 6


@dataclass(slots=True)
class CleanLine:
    """One source line after cleaning."""

    text: str
    line: int  # 1-based source line
    bold: int = 0  # length of a bold span at the start of ``text`` (0 if none)
    heading_mark: int = 0  # Markdown heading level (# = 1) if the line was one
    stop: bool = False  # the line ended at a page-jump marker: the next line does not continue it
    footnote: int = 0  # length of a Markdown footnote label ``[^1]: `` kept at the start

    @property
    def whole_bold(self) -> bool:
        return self.bold > 0 and self.bold >= len(self.text.strip())


class Cleaner:
    """Cleans lines one by one, appending to ``removed``."""

    def __init__(self) -> None:
        self.removed: list[Removal] = []

    def _note(self, text: str, reason: str, line: int, detail: str) -> None:
        self.removed.append(Removal(text, reason, line, detail))

    def _drop_all(self, pattern: re.Pattern, text: str, reason: str, line: int, detail: str) -> str:
        if not pattern.search(text):
            return text
        for m in pattern.finditer(text):
            self._note(m.group(0), reason, line, detail)
        return pattern.sub("", text)

    def clean_line(self, raw: str, line: int, nonempty_before: int) -> CleanLine:
        text = raw.rstrip()
        if "页" in text and _PAGINATION.match(text) and ("第" in text or "一页" in text):
            self._note(text, "pagination", line, "web-page pagination line")
            return CleanLine("", line)
        if "&" in text:
            text = self._entities(text, line)
        if "<" in text:
            text = self._tags(text, line)
        if "[bookmark:" in text:
            text = self._drop_all(_BOOKMARK, text, "bookmark", line, "word-processor bookmark")
        stop = False
        if "版" in text:
            stop = _JUMP_AT_END.search(text) is not None
            text = self._drop_all(_JUMP, text, "jump-marker", line, "newspaper page-jump marker")
        if nonempty_before < MEETING_HEADER_WINDOW and _MEETING_HEADER.match(text):
            self._note(text, "meeting-header", line, "meeting-file running head")
            return CleanLine("", line)
        if "<!--" in text:
            text = self._html_comment(text, line)
        heading_mark = 0
        if text.startswith("#"):
            m = _MD_HEADING.match(text)
            if m:
                heading_mark = len(m.group(1))
                self._note(text[: m.start(2)], "markdown", line, "Markdown heading mark")
                if m.end(2) < len(text):
                    self._note(text[m.end(2):], "markdown", line, "Markdown closing heading mark")
                text = m.group(2)
        footnote = 0
        if "[^" in text:
            # A footnote label ``[^1]:`` stays for now (``CleanLine.footnote``): in a
            # glossary it is the entry's number, elsewhere structure records its removal.
            m = _FOOTNOTE_DEF.match(text)
            footnote = m.end() if m else 0
            text = text[:footnote] + self._drop_all(_FOOTNOTE_REF, text[footnote:], "markdown", line,
                                                    "Markdown footnote reference")
        bold = 0
        if "**" in text:
            text, bold = self._bold(text, line)
        if _LETTER_SPACED.match(text):
            squeezed = _SPACES.sub("", text.strip())
            spaces = "".join(_SPACES.findall(text.strip()))
            self._note(spaces, "letter-spacing", line, f"letter-spaced line read as “{squeezed}”")
            text = text[: len(text) - len(text.lstrip())] + squeezed
        return CleanLine(text.rstrip(), line, bold, heading_mark, stop=stop, footnote=footnote)

    def _entities(self, text: str, line: int) -> str:
        """Decode HTML entities (one record each); ``&nbsp;`` reads as a plain space."""
        def decode(m: re.Match) -> str:
            entity = m.group(0)
            value = html.unescape(entity)
            if value == entity or _SIGNIFICANT.search(value):  # unknown, or it would add Han/digits
                return entity
            if value == "\xa0":
                value = " "
            self._note(entity, "html-entity", line, f"HTML entity read as “{value}”")
            return value
        return _ENTITY.sub(decode, text)

    def _tags(self, text: str, line: int) -> str:
        """Remove stray HTML tags and literal ``<U+00A0>`` marks (read as a space)."""
        if _NBSP_LITERAL in text:
            for _ in range(text.count(_NBSP_LITERAL)):
                self._note(_NBSP_LITERAL, "html-entity", line, "literal no-break space mark read as “ ”")
            text = text.replace(_NBSP_LITERAL, " ")
        if "<!--" in text and _HTML_COMMENT.match(text):
            return text  # a whole-line comment: handled (and recorded) by _html_comment
        return self._drop_all(_TAG, text, "html-tag", line, "stray HTML tag")

    def _html_comment(self, text: str, line: int) -> str:
        m = _HTML_COMMENT.match(text)
        if not m:
            return text
        inner = m.group(1).strip()
        if _GLOSSARY_WORDS.search(inner) and len(inner) <= 20:
            self._note(text[: text.index(inner)], "html-comment", line, "comment mark around a glossary title")
            self._note(text[text.index(inner) + len(inner):], "html-comment", line, "comment mark")
            return inner
        self._note(text, "html-comment", line, "HTML comment (caption or note), not report text")
        return ""

    def _bold(self, text: str, line: int) -> tuple[str, int]:
        """Remove ``**`` pairs; return the text and the length of a leading bold span."""
        bold = 0
        out, pos = [], 0
        for m in _BOLD.finditer(text):
            self._note("**", "markdown", line, "Markdown bold mark")
            self._note("**", "markdown", line, "Markdown bold mark")
            out.append(text[pos:m.start()])
            if m.start() == len(text) - len(text.lstrip()) and not out[0].strip():
                bold = len(m.group(1))
            out.append(m.group(1))
            pos = m.end()
        out.append(text[pos:])
        return "".join(out), bold


def clean_lines(body: str, first_line: int = 1) -> tuple[list[CleanLine], list[Removal]]:
    """Clean every line of ``body``; ``first_line`` is the source line number of its first line."""
    cleaner = Cleaner()
    out: list[CleanLine] = []
    nonempty = 0
    for i, raw in enumerate(body.split("\n"), first_line):
        if not raw or raw.isspace():  # a blank line: nothing to clean
            out.append(CleanLine("", i))
            continue
        out.append(cleaner.clean_line(raw, i, nonempty))
        nonempty += 1
    return out, cleaner.removed
