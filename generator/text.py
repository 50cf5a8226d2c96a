"""Character classes and naming rules that every stage shares.

- ``HAN``: the Han (Chinese) characters, as the body of a regular-expression character
  class: the CJK Unified Ideographs, Extension A and the compatibility ideographs
  (``[{HAN}]`` matches one). Every module that asks "is this Chinese?" uses it.
- ``unique_name``: ``base``, or ``base-2``, ``base-3`` … — how report slugs, section
  anchors and term slugs are made unique.
"""

from __future__ import annotations

import re
from collections.abc import Container, MutableMapping, MutableSet
from typing import Optional

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RE = re.compile(f"[{HAN}]")
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
