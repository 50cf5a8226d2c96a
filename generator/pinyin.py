"""pypinyin, with the few readings it gets wrong for names this site uses.

Every module that spells Chinese in pinyin (addresses, sort keys, letter groups)
imports ``lazy_pinyin`` and ``Style`` from here, so a correction applies everywhere;
``pinyin_slug`` is the one rule for ASCII addresses spelled from Chinese.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any, Optional

from pypinyin import Style
from pypinyin import lazy_pinyin as _lazy_pinyin
from pypinyin.constants import PHRASES_DICT, PINYIN_DICT, RE_HANS
from pypinyin.seg import mmseg
from pypinyin.seg.simpleseg import simple_seg

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


@lru_cache(maxsize=None)
def _word_pinyin(word: str, style: Style) -> tuple[str, ...]:
    return tuple(_lazy_pinyin(word, style=style))


def keep(chunk: str) -> str:
    """``errors`` for ``lazy_pinyin``: text without a reading is kept as it is."""
    return chunk


def drop(chunk: str) -> str:
    """``errors`` for ``lazy_pinyin``: text without a reading gives an empty piece."""
    return ""


@lru_cache(maxsize=1 << 16)
def _runs(text: str) -> tuple[tuple[str, Optional[tuple[str, ...]]], ...]:
    """``text`` as pypinyin splits it: ``(run, its phrase-dictionary words)`` for a Han run,
    ``(run, None)`` for any other. The headwords are read in three styles (address, sort
    key, display): the cut is made once."""
    return tuple((run, tuple(mmseg.seg.cut(run)) if RE_HANS.match(run) else None) for run in simple_seg(text))


@lru_cache(maxsize=None)
def _other_pinyin(run: str, style: Style, errors: Any) -> tuple[str, ...]:
    return tuple(_lazy_pinyin(run, style=style, errors=errors))


def lazy_pinyin(text: str, style: Style = Style.NORMAL, errors: Any = "default") -> list[str]:
    """``pypinyin.lazy_pinyin``, the same result, with each word's reading remembered.

    pypinyin splits the text into Han and other runs, cuts each Han run into the words of
    its phrase dictionary (``mmseg``) and reads each word on its own, so the reading of a
    whole text is the readings of its words in order. Reading a word is most of the cost
    and the same words recur in thousands of phrases: a word whose every character has a
    reading (``errors`` is then never used) is read once per style. So is a run of other
    characters when ``errors`` is a name or one of ``keep``, ``drop``, ``ascii_fold`` (any
    other function is called each time: it may be a new one per call)."""
    out: list[str] = []
    remembered = isinstance(errors, str) or errors in _PURE_ERRORS
    for run, words in _runs(text):
        if words is not None:
            for word in words:
                if all(ord(c) in PINYIN_DICT for c in word):
                    out.extend(_word_pinyin(word, style))
                else:
                    out.extend(_lazy_pinyin(word, style=style, errors=errors))
        elif remembered:
            out.extend(_other_pinyin(run, style, errors))
        else:
            out.extend(_lazy_pinyin(run, style=style, errors=errors))
    return out


__all__ = ["Style", "ascii_fold", "drop", "keep", "lazy_pinyin", "pinyin_slug", "slug_words"]

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def ascii_fold(text: str) -> str:
    """Non-Han text as lowercase ASCII words joined by "-" (accents and width folded:
    ``Ｇ２０`` -> ``g20``, ``café`` -> ``cafe``)."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    return _NON_ALNUM.sub("-", text).strip("-")


_PURE_ERRORS = frozenset({keep, drop, ascii_fold})  # pure: their results may be remembered


def slug_words(text: str) -> list[str]:
    """The ASCII words of ``text``: Han characters spelled in pinyin (no tones), the rest
    ASCII-folded; anything else separates words."""
    words: list[str] = []
    for piece in lazy_pinyin(text, errors=keep):
        if piece.isascii() and piece.isalnum():  # a syllable: ascii_fold would only lower it
            words.append(piece.lower())
        else:
            words.extend(w for w in ascii_fold(piece).split("-") if w)
    return words


def pinyin_slug(text: str, fallback: str) -> str:
    """URL-safe ASCII slug: ``三北工程`` -> ``san-bei-gong-cheng``; ``fallback`` when
    nothing is left."""
    return "-".join(slug_words(text)) or fallback
