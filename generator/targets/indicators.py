"""The indicator catalogue: ``site_config/indicators.yaml`` read, validated and compiled.

Each entry names an indicator (its canonical name), the phrases reports use for it, its
usual unit and whether it is a level (an amount) or a rate (a ratio in per cent). Every
problem in the file becomes a one-line ``ConfigError`` naming file:line and the fix.
The catalogue compiles all phrases into one regular expression whose alternatives are
ordered longest first, so a match at a position is always the longest phrase there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from ..config import load_yaml
from ..errors import ConfigError

MEASURES = ("level", "rate")
DEFAULT_PATH = Path(__file__).resolve().parent.parent.parent / "site_config" / "indicators.yaml"

_KEYS: dict[str, tuple[type | tuple[type, ...], bool]] = {
    "name": (str, True),
    "measure": (str, True),
    "unit": (str, True),
    "synonyms": (list, False),
    "urban": (str, False),
    "rural": (str, False),
    "labelled": (bool, False),
}


@dataclass(frozen=True)
class Indicator:
    """One indicator of the catalogue."""

    name: str  # canonical name, e.g. "地区生产总值"
    measure: str  # "level" | "rate"
    unit: str  # usual unit of a target, e.g. "%" or "万人"
    synonyms: tuple[str, ...] = ()  # other surface forms (the name itself not included)
    urban: str = ""  # for a 城乡 indicator: the urban indicator "城乡…分别a、b" gives first
    rural: str = ""
    labelled: bool = True  # False: outside the set the accuracy labels cover
    line: int = 0  # line of the entry in the catalogue file

    @property
    def surfaces(self) -> tuple[str, ...]:
        """The name and every synonym."""
        return (self.name, *self.synonyms)


@dataclass(frozen=True)
class Catalogue:
    """Every indicator, with the phrase lookup and the compiled phrase pattern."""

    indicators: tuple[Indicator, ...]
    source: str = ""
    by_surface: dict[str, Indicator] = field(default_factory=dict, compare=False, repr=False)
    pattern: re.Pattern[str] = field(default=re.compile(r"(?!)"), compare=False, repr=False)

    def get(self, name: str) -> Optional[Indicator]:
        """The indicator whose canonical name is ``name``, or None."""
        for ind in self.indicators:
            if ind.name == name:
                return ind
        return None

    def lookup(self, surface: str) -> Optional[Indicator]:
        """The indicator a phrase as written stands for, or None."""
        return self.by_surface.get(surface)


def build_catalogue(indicators: list[Indicator], source: str = "") -> Catalogue:
    """Index and compile a list of indicators (already validated)."""
    by_surface: dict[str, Indicator] = {}
    for ind in indicators:
        for surface in ind.surfaces:
            by_surface.setdefault(surface, ind)
    pattern = re.compile(_trie_regex(sorted(by_surface))) if by_surface else re.compile(r"(?!)")
    return Catalogue(tuple(indicators), source, by_surface, pattern)


def _trie_regex(words: list[str]) -> str:
    """A regular expression matching the longest of ``words`` at a position.

    The words are factored into a prefix tree, so the engine tests one character per step
    instead of every word at every position; at each node the longer continuations come
    before the end of a word, which makes the first match the longest.
    """
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


def _line(obj: Any, key: Optional[str] = None) -> Optional[int]:
    if key is not None and key in getattr(obj, "key_lines", {}):
        return obj.key_lines[key]
    return getattr(obj, "line", None)


def _entry(path: Path, raw: Any, line: Optional[int]) -> Indicator:
    """Validate one entry of the file and turn it into an ``Indicator``."""
    if not isinstance(raw, dict):
        raise ConfigError(str(path), "an indicator must be a mapping (name:, measure:, unit:, synonyms:)",
                          line, fix="write the entry as `- name: …` with indented keys")
    for key in raw:
        if key not in _KEYS:
            raise ConfigError(str(path), f"unknown key {key!r} in an indicator", _line(raw, key),
                              fix="use one of: " + ", ".join(_KEYS))
    for key, (types, required) in _KEYS.items():
        value = raw.get(key)
        if value is None:
            if required:
                raise ConfigError(str(path), f"indicator has no {key!r}", _line(raw), fix=f"add `{key}:`")
            continue
        if not isinstance(value, types):
            raise ConfigError(str(path), f"{key!r} has the wrong type", _line(raw, key),
                              fix=f"give {key!r} a {getattr(types, '__name__', types)} value")
    name = raw["name"].strip()
    if not name:
        raise ConfigError(str(path), "empty indicator name", _line(raw, "name"), fix="name the indicator")
    if raw["measure"] not in MEASURES:
        raise ConfigError(str(path), f"measure {raw['measure']!r} of {name} is unknown", _line(raw, "measure"),
                          fix="use `level` (an amount) or `rate` (a ratio in per cent)")
    synonyms = raw.get("synonyms") or []
    for value in synonyms:
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(str(path), f"a synonym of {name} is not a phrase", _line(raw, "synonyms"),
                              fix="write each synonym as a non-empty string")
    return Indicator(name=name, measure=raw["measure"], unit=raw["unit"].strip(),
                     synonyms=tuple(s.strip() for s in synonyms if s.strip() != name),
                     urban=raw.get("urban") or "", rural=raw.get("rural") or "",
                     labelled=raw.get("labelled", True), line=_line(raw) or 0)


def load_indicators(path: Optional[Path] = None) -> Catalogue:
    """Read, validate and compile the catalogue (default ``site_config/indicators.yaml``)."""
    path = Path(path) if path is not None else DEFAULT_PATH
    if not path.is_file():
        raise ConfigError(str(path), "indicator catalogue not found", fix="create it (see the project's copy)")
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("indicators"), list):
        raise ConfigError(str(path), "expected `indicators:` with a list of entries", _line(data),
                          fix="start the file with `indicators:` and one `- name: …` per indicator")
    items = data["indicators"]
    lines = getattr(items, "item_lines", [None] * len(items))
    indicators = [_entry(path, raw, line) for raw, line in zip(items, lines)]
    owner: dict[str, Indicator] = {}
    for ind in indicators:
        for surface in ind.surfaces:
            if surface in owner and owner[surface] is not ind:
                raise ConfigError(str(path), f"{surface!r} is listed for both {owner[surface].name} "
                                  f"(line {owner[surface].line}) and {ind.name}", ind.line,
                                  fix="keep the phrase under one indicator")
            owner[surface] = ind
    names = {ind.name for ind in indicators}
    for ind in indicators:
        for key in ("urban", "rural"):
            if getattr(ind, key) and getattr(ind, key) not in names:
                raise ConfigError(str(path), f"{key} {getattr(ind, key)!r} of {ind.name} is not an indicator",
                                  ind.line, fix="name an indicator of this file")
    return build_catalogue(indicators, str(path))
