"""pypinyin, with the few readings it gets wrong for names this site uses.

Every module that spells Chinese in pinyin (addresses, sort keys, letter groups)
imports ``lazy_pinyin`` and ``Style`` from here, so a correction applies everywhere;
``pinyin_slug`` is the one rule for ASCII addresses spelled from Chinese.
"""

from __future__ import annotations

import re
import unicodedata

from pypinyin import Style, lazy_pinyin
from pypinyin.constants import PHRASES_DICT
from pypinyin.seg import mmseg

# Readings pypinyin gets wrong for words this site uses (tests/test_pinyin.py checks
# every glossary headword's polyphones against pypinyin's phrase dictionary and these):
# 勒 is "lè" in Mongolian place names, not "lēi" (勒紧); 重 in 三重一大 (重大事项、重要
# 干部任免、重大项目、大额资金) is "zhòng" (重大), not "chóng" (重复).
_READINGS = {
    "锡林郭勒": [["xī"], ["lín"], ["guō"], ["lè"]],
    "郭勒": [["guō"], ["lè"]],
    "三重一大": [["sān"], ["zhòng"], ["yī"], ["dà"]],
}
# What pypinyin's load_phrases_dict does, without retraining its segmenter on all ~400,000
# phrases (40 ms of every build's start): the prefix set only grows, so training it on the
# new phrases gives the same set.
PHRASES_DICT.update(_READINGS)
mmseg.seg.train(iter(_READINGS))

__all__ = ["Style", "ascii_fold", "lazy_pinyin", "pinyin_slug", "slug_words"]

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def ascii_fold(text: str) -> str:
    """Non-Han text as lowercase ASCII words joined by "-" (accents and width folded:
    ``Ｇ２０`` -> ``g20``, ``café`` -> ``cafe``)."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    return _NON_ALNUM.sub("-", text).strip("-")


def slug_words(text: str) -> list[str]:
    """The ASCII words of ``text``: Han characters spelled in pinyin (no tones), the rest
    ASCII-folded; anything else separates words."""
    words: list[str] = []
    for piece in lazy_pinyin(text, errors=lambda chunk: chunk):
        words.extend(w for w in ascii_fold(piece).split("-") if w)
    return words


def pinyin_slug(text: str, fallback: str) -> str:
    """URL-safe ASCII slug: ``三北工程`` -> ``san-bei-gong-cheng``; ``fallback`` when
    nothing is left."""
    return "-".join(slug_words(text)) or fallback
