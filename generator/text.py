"""Character classes and naming rules that every stage shares.

- ``HAN``: the Han (Chinese) characters, as the body of a regular-expression character
  class: the CJK Unified Ideographs, Extension A and the compatibility ideographs
  (``[{HAN}]`` matches one). Every module that asks "is this Chinese?" uses it.
- ``CJK_SPACE``: a space no Chinese text needs: between two Han characters or full-width
  marks (``现代生 物医药``), between one of them and a digit (``2030 年``), or after a
  full-width mark (``土地。 2023年``) — what line
  wrapping and folded YAML lines leave behind; ``drop_cjk_spaces`` removes them.
- ``unique_name``: ``base``, or ``base-2``, ``base-3`` … — how report slugs, section
  anchors and term slugs are made unique.
"""

from __future__ import annotations

import re
from collections.abc import Container, MutableMapping, MutableSet
from typing import Optional

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RE = re.compile(f"[{HAN}]")
CJK_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u2018\u2019\u201c\u201d"  # 。、「」（）：“” …
CJK_SPACE = re.compile(rf"(?<=[{HAN}{CJK_PUNCT}])[ \u3000]+(?=[{HAN}{CJK_PUNCT}0-9])"
                       rf"|(?<=[。，；：、！？）】」』”])[ \u3000]+(?=\S)|(?<=[0-9%])[ \u3000]+(?=[{HAN}])")


def drop_cjk_spaces(text: str) -> str:
    """``text`` without the spaces ``CJK_SPACE`` matches."""
    return CJK_SPACE.sub("", text)


# An http(s) address we link to (a report's official source): no space, quote, angle
# bracket or control character, so it is safe inside an attribute once escaped.
HTTP_URL = re.compile(r"https?://[^\s<>\"'\x00-\x1f]+")


def unique_name(base: str, used: Container[str], counters: Optional[MutableMapping[str, int]] = None) -> str:
    """The first of ``base``, ``base-2``, ``base-3`` … that is not in ``used``.

    When ``used`` is a set, the name returned is added to it. ``counters`` (base -> the
    last number tried) saves rescanning when one base repeats many times; the result is
    the same with or without it, since names are only ever added to ``used``."""
    n = counters.get(base, 1) if counters is not None else 1
    name = base if n == 1 else f"{base}-{n}"
    while name in used:
        n += 1
        name = f"{base}-{n}"
    if counters is not None:
        counters[base] = n
    if isinstance(used, MutableSet):
        used.add(name)
    return name
