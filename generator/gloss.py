"""The gloss: the one short line a term link's tooltip (and the glossary lists) show.

``gloss_of(text)`` is the rule for a definition with no curated ``short:``
(site_config/glossary.yaml; a curated short line always wins, see ``Term.short``):

1. the definition as one line, without the report's own sentence that a definition in
   the labelled layout opens with (``报告原文：…解释：``);
2. its first sentence, ended by 。！？ (or ! ?) outside brackets — a ``；`` inside a
   sentence separates the parts of one explanation (八横…；六纵…), so it ends nothing;
3. when that sentence is longer than ``LIMIT`` characters, it is cut at the last clause
   end (，；,;) that fits and is outside brackets and quotes — never inside a list, whose
   items 、 joins — and the cut ends with ``…``. Only when no such place
   exists is it cut after a whole list item (at a 、), else at the limit or before the
   bracket the limit falls in, with ``…``.

Nothing here reads the configuration: ``Term.short`` and ``Term.gloss_source``
(generator/model.py) call it, and every page that shows a gloss asks the term.
"""

from __future__ import annotations

import re
from functools import lru_cache

LIMIT = 60  # characters a gloss may have, the closing … included
SENTENCE_ENDS = "。！？!?"
CLAUSE_ENDS = "，；,;"
OPEN = "（(《〈「『【“‘["
CLOSE = "）)》〉」』】”’]"
LIST_MARK = "、"


def _depths(text: str) -> list[int]:
    """Bracket/quote nesting depth before each character (never below 0)."""
    out, depth = [], 0
    for ch in text:
        out.append(depth)
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE and depth:
            depth -= 1
    return out


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (one line), its end mark kept."""
    text = " ".join(text.split())
    depths = _depths(text)
    for i, ch in enumerate(text):
        if ch in SENTENCE_ENDS and depths[i] == 0 and i > 0:
            return text[: i + 1]
    return text


# A definition in the labelled layout opens with the report's own sentence
# (``报告原文：…。解释：…``): the gloss is the explanation, not the quote.
_QUOTED_DEFINITION = re.compile(r"^\s*(?:报告)?原文\s*[：:].*?(?:解释|释义|含义)\s*[：:]\s*", re.S)


@lru_cache(maxsize=65536)  # every link to a term asks again; the answer depends on the text only
def gloss_of(text: str, limit: int = LIMIT) -> str:
    """The gloss of a definition (see the module docstring); "" for an empty text."""
    text = _QUOTED_DEFINITION.sub("", text, count=1)
    sentence = first_sentence(text)
    if len(sentence) <= limit:
        return sentence
    depths = _depths(sentence)
    for i in range(min(len(sentence), limit - 1) - 1, 0, -1):  # room for the …
        if sentence[i] in CLAUSE_ENDS and depths[i] == 0:
            return sentence[:i] + "…"
    for i in range(limit - 2, limit // 2, -1):  # else after a whole item of a list
        if sentence[i] == LIST_MARK and depths[i] == 0:
            return sentence[:i] + "…"
    cut = limit - 1
    while cut > 0 and depths[cut] > 0:  # before the bracket that would be cut
        cut -= 1
    if cut == 0:  # the sentence is one bracket: nothing outside it to keep
        cut = limit - 1
    return sentence[:cut] + "…"
