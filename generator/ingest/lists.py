"""Numbered ``一、`` lists inside sections (a 十件实事 list), told apart from part headings.

A ``一、`` line is a list item, not a part, when

- it restarts the numbering (``一、``) inside an open numbered part and either follows a
  colon-ended lead line (``今年重点办好以下十件实事：``) or is item-like (a run-in head
  ``一、改善社会治安。深入推进…`` or a sentence ``一、新建学校十所。``);
- no heading rule took it and it is a whole sentence (``一、市镇两级财政投入…；…。``);
- it carries the next number right after an item of such a list (a list is a run of
  consecutive items: any other paragraph or heading ends it), unless the list's items
  were item-like and this line is a short title (then it is the next part).

Bold or ``#`` headings are never items. Items are ``Paragraph(kind="item")`` whose
``number`` is the source number (``一、``); they get no heading-number warnings.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from ..model import Paragraph, Section
from .headings import PART, Heading, Item, cn_to_int, ends_sentence

_SENTENCE_MARK = re.compile(r"[。！？!?；;]")


def cn_to_value(number: str) -> Optional[int]:
    """The value of an item number written ``三、`` (None for other forms)."""
    return cn_to_int(number.rstrip("、．. \u3000")) if number else None


class ListRules:
    """Mixed into ``TreeBuilder``: uses its ``stack``, ``container()``, ``last``, ``pieces``
    and the ``list_last`` / ``list_itemlike`` / ``force_item`` state."""

    list_last: Optional[Paragraph]
    list_itemlike: bool
    force_item: bool
    stack: list[tuple[str, Section]]
    last: Optional[Paragraph]
    pieces: list[str]

    if TYPE_CHECKING:
        def container(self) -> list[Paragraph]: ...

    def list_item(self, h: Heading) -> bool:
        """True when a ``一、`` heading is really an item of a numbered list."""
        container = self.container()
        last = container[-1] if container else None
        itemlike = bool(h.rest) or _SENTENCE_MARK.search(h.title) is not None
        if last is self.list_last and last is not None:
            value = cn_to_value(last.number)
            if value is not None and h.value == value + 1 and (itemlike or not self.list_itemlike):
                self.force_item = True
                return True
        if h.value != 1 or not any(tag == PART for tag, _ in self.stack):
            return False
        colon = last is not None and (self.pieces[-1] if self.pieces and last is self.last else last.text
                                      ).rstrip()[-1:] in "：:"
        if colon or itemlike:
            self.list_itemlike = itemlike
            self.force_item = True
            return True
        return False

    def numbered_list_item(self, item: Item, text: str) -> bool:
        """A ``一、`` line no heading rule took: an item when it continues a list or is a
        whole sentence (``一、市镇两级财政投入…；…。``)."""
        container = self.container()
        last = container[-1] if container else None
        if last is self.list_last and last is not None:
            value = cn_to_value(last.number)
            if value is not None and item.value == value + 1:
                return True
        if self.force_item:
            self.force_item = False
            return True
        if ends_sentence(text):
            self.list_itemlike = True
            return True
        return False

