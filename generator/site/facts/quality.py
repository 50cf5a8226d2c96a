"""Defects of a report's source that readers should know about (原文质量提示).

Each ``Notice`` is shown twice on the report page: one line in the box at the top, and a
short note at the place (after the heading or paragraph ``anchor``). Where they come from:

- ``missing-start``: the report starts without its beginning. The first part is not numbered
  一 (the parts before it are missing), or the first part's first sub-section is not （一）
  (as when a newspaper page begins mid-part and the parser added the part ``一、（前文缺失）``).
- ``spliced``: a paragraph holds, from some point on, the same text as an earlier paragraph
  (at least ``SPLICE_MIN`` characters, whole sentences included): the newspaper layout ran one
  column into another, so the paragraph's own text stops where the repeated text begins.
  Whole repeated paragraphs are not this: cleaning removes them (a ``removed`` notice).
- ``removed``: cleaning took text of the report out of the source (a repeated paragraph:
  ``NOTICE_REASONS``); the note at the place links to its entry in the page's
  整理记录 (``RECORD_ANCHOR``, entries ``removed-<n>``). The record lists every removal of
  ``SHOWN_REASONS`` with its source line and text, artefacts of the layout too (page-jump
  markers, running heads, photo captions in comments: no notice, they were never report text). Changes of form only
  (bold marks, broken lines joined, spaces) are counted there, not listed.
- ``curated``: ``notes:`` of the report in site_config/reports.yaml, for what no rule sees.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable, Optional

from ...config import SourceNote, page_anchors
from ...ingest.headings import cn_to_int
from ...model import Paragraph, Removal, Report, Section

RECORD_ANCHOR = "removed"
SPLICE_MIN = 40  # characters a paragraph must share with an earlier one to count as spliced
_SENTENCE = re.compile(r"[^。！？；!?;]+[。！？；!?;]")
_NUMBER = re.compile(r"[一二三四五六七八九十百零〇]+|\d+")

# Removals a reader is told about (the text was in the source), with their Chinese names.
SHOWN_REASONS = {
    "duplicate-paragraph": "重复段落",
    "jump-marker": "报纸转版标记",
    "meeting-header": "会议文件页眉",
    "web-chrome": "网页栏目文字",
    "pagination": "网页分页链接",
    "html-comment": "网页注释（图片说明等）",
    "bookmark": "Word 书签标记",
}
NOTICE_REASONS = frozenset(("duplicate-paragraph",))  # text of the report itself


@dataclass(frozen=True)
class Notice:
    kind: str  # "missing-start" | "spliced" | "removed" | "curated"
    summary: str  # one line in the top box
    anchor: str = ""  # heading or paragraph it is shown after ("" = the top box only)
    place: str = ""  # the note at the place
    link: str = ""  # an anchor on the page the note links to (the other paragraph, a record entry)
    link_text: str = ""


def section_value(section: Section) -> Optional[int]:
    m = _NUMBER.search(section.number)
    if m is None:
        return None
    return int(m.group()) if m.group().isdigit() else cn_to_int(m.group())


def missing_start(report: Report) -> list[Notice]:
    parts = [s for s in report.sections if s.kind == "part"]
    if not parts:
        return []
    first = parts[0]
    value = section_value(first) if first.number else None
    if value is not None and value > 1 and not first.synthetic:
        return [Notice("missing-start", f"原文从第{first.number}部分开始，此前的部分缺失。", first.anchor,
                       f"原文缺少开头：本报告从第{first.number}部分开始，此前的部分不在原文中。")]
    subs = [s for s in first.sections if s.number]
    sub_value = section_value(subs[0]) if subs else None
    if not subs or sub_value is None or sub_value <= 1 or first.paragraphs:
        return []
    number = subs[0].number
    if first.synthetic:
        return [Notice("missing-start", f"原文从第一部分中间的{number}开始，此前的文字缺失。", first.anchor,
                       f"原文缺少开头：本报告从{number}开始，此前的文字（包括本部分的标题）不在原文中；"
                       f"标题“{first.title}”为本站所加。")]
    return [Notice("missing-start", f"原文第{first.number}部分从{number}开始，此前的文字缺失。", first.anchor,
                   f"原文缺少开头：本部分从{number}开始，此前的文字不在原文中。")]


# The sentences of at least 12 characters that _SENTENCE finds, found directly: a shorter
# one holds no match of this (nor does any tail of it), a longer one matches at its start.
_LONG_SENTENCE = re.compile(r"[^。！？；!?;]{11,}[。！？；!?;]")


def _sentences(text: str) -> Iterable[tuple[int, str]]:
    return [(m.start(), m.group()) for m in _LONG_SENTENCE.finditer(text)]


def spliced(report: Report, numbers: dict[str, int]) -> list[Notice]:
    """Paragraphs whose text, from some point on, repeats an earlier paragraph."""
    seen: dict[str, tuple[Paragraph, int]] = {}  # sentence -> (first paragraph holding it, offset)
    sections = {p.anchor: s for s, p in report.paragraphs()}
    out = []
    for _, p in report.paragraphs():
        if p.kind == "table":
            continue
        found = None
        for start, sentence in _sentences(p.text):
            hit = seen.get(sentence)
            if hit is not None and hit[0] is not p and found is None:
                found = (start, *hit)
            seen.setdefault(sentence, (p, start))
        if found is None:
            continue
        start, other, at = found
        # The shared run starts where the texts begin to differ, going back from the sentence.
        while start > 0 and at > 0 and p.text[start - 1] == other.text[at - 1]:
            start, at = start - 1, at - 1
        end, other_end = start, at
        while end < len(p.text) and other_end < len(other.text) and p.text[end] == other.text[other_end]:
            end, other_end = end + 1, other_end + 1
        if end - start < SPLICE_MIN or (start == 0 and end == len(p.text)):
            continue
        where = sections.get(other.anchor)
        n, m = numbers.get(p.anchor, 0), numbers.get(other.anchor, 0)
        quote = p.text[start:start + 8]
        in_section = f"（在“{where.title}”中）" if where is not None and where.title else ""
        out.append(Notice(
            "spliced", f"第{n}段疑有排版串段：自“{quote}…”起与第{m}段文字相同。", p.anchor,
            f"原文排版疑有串段或重复：本段自“{quote}…”起的{end - start}字与第{m}段{in_section}相同，"
            f"本段原有的文字可能缺失。", other.anchor, f"查看第{m}段"))
    return out


def _record_place(report: Report) -> tuple[list[int], list[str]]:
    lines, anchors = [], []
    for _, p in report.paragraphs():
        lines.append(p.line)
        anchors.append(p.anchor)
    order = sorted(range(len(lines)), key=lambda i: lines[i])
    return [lines[i] for i in order], [anchors[i] for i in order]


def shown_removals(report: Report) -> list[Removal]:
    """The removals listed in the page's 整理记录, in source order."""
    return sorted((r for r in report.removed if r.reason in SHOWN_REASONS), key=lambda r: r.line)


def removed(report: Report) -> list[Notice]:
    shown = shown_removals(report)
    told = [(i, r) for i, r in enumerate(shown, 1) if r.reason in NOTICE_REASONS]
    if not told:
        return []
    counts: dict[str, int] = {}
    for _, r in told:
        counts[SHOWN_REASONS[r.reason]] = counts.get(SHOWN_REASONS[r.reason], 0) + 1
    parts = "、".join(f"{name}{k}处" for name, k in counts.items())
    out = [Notice("removed", f"整理时从原文删去了{parts}，删去的文字逐条列在文末的整理记录中。",
                  link=RECORD_ANCHOR, link_text="查看整理记录")]
    lines, anchors = _record_place(report)
    here: dict[str, list[tuple[int, Removal]]] = {}  # removals after the same paragraph: one note
    for i, r in told:
        at = bisect_right(lines, r.line) - 1
        if at >= 0:  # before the first paragraph: the top box says it
            here.setdefault(anchors[at], []).append((i, r))
    for anchor, group in here.items():
        what = "、".join(dict.fromkeys(SHOWN_REASONS[r.reason] for _, r in group))
        where = "、".join(str(r.line) for _, r in group)
        count = f"{len(group)}处" if len(group) > 1 else ""
        entries = "、".join(str(i) for i, _ in group)
        out.append(Notice("removed-here", "", anchor, f"此处删去了原文的{what}{count}（原文第{where}行）。",
                          f"{RECORD_ANCHOR}-{group[0][0]}", f"整理记录第{entries}条"))
    return out


def curated(notes: Iterable[SourceNote], anchors: set[str]) -> list[Notice]:
    """The curator's notes; one whose anchor is not on the page goes to the top box only
    (the build warns: generator/config ``note_problems``)."""
    return [Notice("curated", n.text, n.anchor if n.anchor in anchors else "",
                   n.text if n.anchor in anchors else "") for n in notes]


def notices(report: Report, numbers: dict[str, int], notes: Iterable[SourceNote] = ()) -> list[Notice]:
    """Every notice of the report: the detectors' (missing start, spliced paragraphs,
    removed text), then the curated ones."""
    return missing_start(report) + spliced(report, numbers) + removed(report) + curated(notes, page_anchors(report))
