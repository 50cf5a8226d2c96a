"""How glossary views group terms: pinyin initial letters and leading numerals.

Letter groups: the initial of the first pinyin syllable of the headword (quotes and
other punctuation skipped; Latin letters count as themselves). Headwords that start
with a digit go to "#", shown first, matching the glossary's pinyin order where
digits sort before letters.

Numeral groups ("numeral formulas" such as 两个确立, 三个四, 七个作模范): the
leading numeral of the headword, quotes and punctuation skipped. Chinese numerals
一 二 两 三 … 九 give their own group (二, 两 and 双 form one group), 十 (including
十四五, 十个专项行动) the group 十, 百/千/万 the group 百千万. A headword opening with
Arabic digits counts as that number (4个沙戈荒… → 四; 10 and more → 十). Terms with
no leading numeral are not in any numeral group.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable, Optional

from ...pinyin import Style, drop, lazy_pinyin

from ...model import Term

DIGIT_GROUP = "#"

# group id -> (value for ordering, heading shown to readers)
NUMERAL_GROUPS = {
    "1": (1, "一"), "2": (2, "二（两、双）"), "3": (3, "三"), "4": (4, "四"), "5": (5, "五"),
    "6": (6, "六"), "7": (7, "七"), "8": (8, "八"), "9": (9, "九"), "10": (10, "十"),
    "100": (100, "百、千、万"),
}
_CHINESE = {"一": "1", "二": "2", "两": "2", "双": "2", "三": "3", "四": "4", "五": "5", "六": "6",
            "七": "7", "八": "8", "九": "9", "十": "10", "百": "100", "千": "100", "万": "100"}
_ARABIC_RE = re.compile(r"[0-9０-９]+")


def _body(headword: str) -> str:
    """The headword from its first letter, digit or Han character on (quotes skipped)."""
    for i, ch in enumerate(headword):
        if ch.isalnum():
            return headword[i:]
    return headword


def letter_of(term: Term) -> str:
    """"A" … "Z", or "#" for a headword starting with a digit or nothing pronounceable."""
    body = _body(term.headword)
    if not body:
        return DIGIT_GROUP
    first = body[0]
    if first.isdigit():
        return DIGIT_GROUP
    folded = unicodedata.normalize("NFKD", first).encode("ascii", "ignore").decode("ascii")
    if folded and folded.isalpha():
        return folded.upper()
    syllable = lazy_pinyin(first, style=Style.NORMAL, errors=drop)[0]  # no pinyin: no letter
    return syllable[:1].upper() if syllable[:1].isalpha() else DIGIT_GROUP


def letter_groups(terms: Iterable[Term]) -> list[tuple[str, list[Term]]]:
    """Terms (already in pinyin order) grouped by letter; "#" first, then A–Z."""
    groups: dict[str, list[Term]] = {}
    for term in terms:
        groups.setdefault(letter_of(term), []).append(term)
    return sorted(groups.items(), key=lambda kv: (kv[0] != DIGIT_GROUP, kv[0]))


def numeral_of(term: Term) -> Optional[str]:
    """The numeral group id of a headword, or None when it does not start with a numeral."""
    body = _body(term.headword)
    if not body:
        return None
    m = _ARABIC_RE.match(body)
    if m:
        value = int(unicodedata.normalize("NFKC", m.group()))
        if value <= 0:
            return None
        return str(value) if value < 10 else ("10" if value < 100 else "100")
    return _CHINESE.get(body[0])


def numeral_groups(terms: Iterable[Term]) -> list[tuple[str, str, list[Term]]]:
    """(group id, heading, terms in the given order) for every non-empty numeral group."""
    groups: dict[str, list[Term]] = {}
    for term in terms:
        group = numeral_of(term)
        if group is not None:
            groups.setdefault(group, []).append(term)
    return [(g, NUMERAL_GROUPS[g][1], groups[g]) for g in sorted(groups, key=lambda g: NUMERAL_GROUPS[g][0])]


def category_groups(terms: Iterable[Term], uncategorized: str) -> list[tuple[str, list[Term]]]:
    """Terms grouped by category in pinyin order of the category; no category last."""
    groups: dict[str, list[Term]] = {}
    for term in terms:
        groups.setdefault(term.category.strip() or uncategorized, []).append(term)

    def key(name: str) -> tuple:
        return (name == uncategorized, lazy_pinyin(name, style=Style.TONE3), name)

    return [(name, groups[name]) for name in sorted(groups, key=key)]
