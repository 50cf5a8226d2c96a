"""A jieba user dictionary so search keeps glossary terms whole.

jieba cuts text into runs of Han/ASCII characters first (quotes, spaces and
punctuation always split), so only quote-free, space-free forms made of such
characters can become single tokens: ``三北工程``, ``两个确立``, ``七个作模范``.
Each line is ``word freq tag``; a high frequency makes jieba prefer the whole word.
"""

from __future__ import annotations

import re

from ..model import Term
from .normalize import strip_quotes

USER_FREQ = 100000
USER_TAG = "nz"  # other proper noun
# The characters jieba keeps together in one block (jieba.re_han_default).
_JIEBA_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")


def jieba_forms(term: Term) -> list[str]:
    """The headword and aliases as jieba can tokenize them, without duplicates."""
    out: list[str] = []
    for surface in [term.headword, *term.aliases]:
        form = strip_quotes(surface)
        if len(form) >= 2 and _JIEBA_BLOCK.fullmatch(form) and form not in out:
            out.append(form)
    return out


def jieba_user_dict(terms: list[Term]) -> str:
    """jieba user dictionary text: one ``word freq nz`` line per headword and alias."""
    words = sorted({form for term in terms for form in jieba_forms(term)})
    return "".join(f"{word} {USER_FREQ} {USER_TAG}\n" for word in words)
