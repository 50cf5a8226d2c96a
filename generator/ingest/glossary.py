"""Parse the lines of a report's own glossary appendix (名词解释) into entries.

An entry is ``[number] term ： definition`` — numbered (``1.`` ``1、`` ``（1）``) or not,
full- or half-width colon. The term ends at the FIRST colon, so a colon inside the
definition stays there (``八横六纵:八横:…``). A line without a term-colon, or any line
following an entry whose definition does not end a sentence, continues that
definition (the line break is recorded as a ``line-join`` removal).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..model import Removal
from .headings import ends_sentence, match_item

_COLON = re.compile(r"[：:]")
MAX_TERM = 50  # a term is at most this long; a later colon is inside running text


@dataclass
class RawEntry:
    number: str
    term: str
    pieces: list[str]  # the definition, line by line (joined once, at the end)
    line: int

    @property
    def definition(self) -> str:
        return "".join(self.pieces)

    def open(self) -> bool:
        """True while the definition is empty or stops mid-sentence."""
        return not self.pieces or not ends_sentence(self.pieces[-1])


def split_entry(text: str, expected: int = 0) -> Optional[tuple[str, str, str]]:
    """(number, term, definition) if ``text`` starts a glossary entry, else None.

    ``expected`` is the number the next entry of a numbered list would carry: it lets
    ``4.12345热线…`` read as entry 4 about the 12345 hotline.
    """
    stripped = text.strip()
    number = ""
    item = match_item(stripped)
    if item:
        number, stripped = item.number, item.text
    elif expected:
        m = re.match(rf"{expected}\s*[.．、]", stripped)
        if m:
            number, stripped = m.group(0), stripped[m.end():].lstrip()
    m = _COLON.search(stripped, 0, MAX_TERM + 1)
    if not m or m.start() == 0:
        return None
    return number, stripped[: m.start()].strip(), stripped[m.end():].strip()


class GlossaryBuilder:
    """Accumulates entries line by line; non-entry text goes to ``stray``."""

    def __init__(self, removed: list[Removal]) -> None:
        self.entries: list[RawEntry] = []
        self.removed = removed

    def add(self, text: str, line: int, gap: str) -> Optional[str]:
        """Add one line; return the text back when it is neither entry nor continuation.

        ``gap`` is the line-break text between the previous line and this one.
        """
        last = self.entries[-1] if self.entries else None
        if last is not None and last.open():
            self._join(last, text, line, gap)
            return None
        digits = re.sub(r"\D", "", last.number) if last is not None else ""
        parts = split_entry(text, int(digits) + 1 if digits else 0)
        if parts:
            self.entries.append(RawEntry(parts[0], parts[1], [parts[2]] if parts[2] else [], line))
            # The page shows term and definition apart: the separating colon (the line's
            # first, numbers hold none) is recorded, never dropped silently.
            self.removed.append(Removal(_COLON.search(text).group(0), "glossary-colon", line,
                                        "colon between a glossary term and its definition"))
            return None
        if last is not None:
            self._join(last, text, line, gap)
            return None
        return text

    def _join(self, entry: RawEntry, text: str, line: int, gap: str) -> None:
        self.removed.append(Removal(gap, "line-join", line - gap.count("\n"),
                                    "glossary definition continued on the next line"))
        entry.pieces.append(text.strip())
