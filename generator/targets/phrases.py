"""The grammar of one clause: "地区生产总值增长6%左右", "A、B分别增长8%、12%".

A clause is a piece of a sentence between ，；。 (see ``split_clauses``). ``read_clause``
finds the indicators it is about (its subject: the clause must start with them, after
filler words such as 全年/全市/实现), then reads the figure(s) of the predicate: the
number, a range, the unit and the modifiers. Anything it cannot read with certainty is
returned as a problem with a reason, never as a guessed figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .indicators import Catalogue, Indicator

# Characters dropped before reading (Markdown bold, spaces) and digit forms unified.
_DROP = dict.fromkeys(map(ord, " \u3000\t*"), None)
_TRANSLATE = {**_DROP, **{0xFF10 + i: ord("0") + i for i in range(10)}, ord("．"): ".", ord("％"): "%",
              ord("："): "：", ord("～"): "~"}

_CLAUSE_END = re.compile(r"[，；。！？;]|,(?!\d{3})")
_FILLERS = ("今年", "明年", "去年", "全年", "当年", "预计", "力争", "努力", "确保", "争取", "实现", "完成",
            "其中", "全社会", "据初步核算", "经初步核算", "初步核算", "初步统计", "主要是", "——", "—")
_FILLER_RE = re.compile(r"(?:\d{4}年|[全本我][国省市区县旗盟州]|全自治区|[（(]?[0-9一二三四五六七八九十]{1,2}[)）.、])")
_SEP = re.compile(r"以及|[、和及与]")
_PRE = ("比上年", "比去年", "同比", "按可比价格计算", "按可比价计算", "按可比口径计算", "可比价", "预计",
        "初步核算", "实际", "名义", "全年", "继续", "力争", "努力", "要", "均", "都", "总额", "总量", "总值",
        "指数", "涨幅", "增幅", "增速", "增长速度", "总水平", "比重", "分别", "预期", "目标", "年度")
_MULTI_YEAR = ("年均", "累计", "五年", "年平均")
_COMPARABLE = ("同口径", "可比口径")
_CHANGE_UP = ("增长", "增加", "提高", "上升", "上涨")
_CHANGE_DOWN = ("下降", "降低", "减少", "回落", "下跌")
_LEVEL_VERBS = ("控制在", "保持在", "稳定在", "维持在", "达到", "降至", "降到", "增至", "提高到", "达", "为",
                "是", "完成", "实现", "突破", "超过", "超", "低于", "不超过", "不低于", "在")
_VERB_MODIFIER = {"突破": "突破", "超过": "超过", "超": "超过", "低于": "低于", "不超过": "不超过",
                  "不低于": "不低于"}
_NUMBER = r"\d+(?:\.\d+)?"
_UNITS = ("个百分点", "百分点", "万亿元", "亿美元", "万美元", "万人次", "亿元", "万元", "亿斤", "万斤",
          "亿公斤", "万公斤", "万吨", "万亩", "万人", "%", "‰", "倍", "元", "人", "吨", "斤", "公斤", "美元")
_VALUE = re.compile(rf"({_NUMBER})({'|'.join(map(re.escape, _UNITS))})?"
                    rf"(?:[—\-－~至到]{{1,2}}({_NUMBER})({'|'.join(map(re.escape, _UNITS))})?)?"
                    r"(左右|以上|以内|以下|上下)?")
_CHANGE_UNITS = ("%", "个百分点", "百分点", "倍", "‰")


def normalize(text: str) -> str:
    """The text as the grammar reads it: no spaces or bold marks, ASCII digits and %."""
    return text.translate(_TRANSLATE)


def split_clauses(sentence: str) -> list[tuple[str, str]]:
    """(clause, the delimiter that ended it) for each clause of normalized text."""
    out: list[tuple[str, str]] = []
    pos = 0
    for m in _CLAUSE_END.finditer(sentence):
        out.append((sentence[pos:m.start()], m.group()))
        pos = m.end()
    if pos < len(sentence):
        out.append((sentence[pos:], ""))
    return [(c, d) for c, d in out if c]


@dataclass(frozen=True)
class Figure:
    """A figure read from a clause, before it becomes a ``Target``."""

    indicator: Indicator
    value: Optional[float]
    value_high: Optional[float]
    unit: str
    modifiers: tuple[str, ...]
    change: bool  # a growth or decline rather than the amount (or rate) itself


@dataclass
class Reading:
    """What one clause says: figures, problems (indicator name, reason) and its subject."""

    figures: list[Figure]
    problems: list[tuple[str, str]]
    subject: list[Optional[Indicator]]  # for a following clause that starts with the verb


def _strip_fillers(text: str, pos: int = 0) -> int:
    """Position after the filler words at ``pos``."""
    while pos < len(text):
        for word in _FILLERS:
            if text.startswith(word, pos):
                pos += len(word)
                break
        else:
            m = _FILLER_RE.match(text, pos)
            if not m:
                return pos
            pos = m.end()
    return pos


def _subject(text: str, catalogue: Catalogue) -> tuple[list[Optional[Indicator]], int]:
    """The indicators a clause starts with and where its predicate begins ([] if none)."""
    pos = _strip_fillers(text)
    m = catalogue.pattern.match(text, pos)
    if not m:
        return [], pos
    items: list[Optional[Indicator]] = [catalogue.lookup(m.group())]
    pos = m.end()
    fenbie = text.find("分别", pos)
    while True:
        sep = _SEP.match(text, pos)
        if not sep:
            break
        nxt = catalogue.pattern.match(text, sep.end())
        if nxt:
            items.append(catalogue.lookup(nxt.group()))
            pos = nxt.end()
        elif fenbie > 0:  # an item the catalogue lacks still takes its place in the list
            end = _SEP.search(text, sep.end(), fenbie)
            items.append(None)
            pos = end.start() if end else fenbie
        else:
            break
    return items, pos


def _figure(ind: Indicator, m: re.Match[str], verb: str, pre: list[str]) -> tuple[Optional[Figure], str]:
    """A figure from a value match, or a reason why it is not certain."""
    value, unit, high, unit2, post = m.group(1), m.group(2) or "", m.group(3), m.group(4) or "", m.group(5)
    unit = unit or unit2
    if not unit:
        return None, f"no unit after {value}"
    if unit2 and m.group(2) and unit2 != m.group(2):
        return None, f"range with two units {m.group(2)}/{unit2}"
    change = verb in _CHANGE_UP or verb in _CHANGE_DOWN or any(w in pre for w in ("涨幅", "增幅", "增速", "增长速度"))
    mods: list[str] = []
    if verb in _CHANGE_DOWN:
        mods.append("下降")
    mods.extend(w for w in pre if w in _COMPARABLE)
    if verb in _VERB_MODIFIER:
        mods.append(_VERB_MODIFIER[verb])
    if post:
        mods.append(post)
    if ind.measure == "rate" and change and unit in ("个百分点", "百分点"):
        return None, "a change of the rate, not the rate"
    if change and unit not in _CHANGE_UNITS:
        return None, f"an increase in {unit}, not a growth rate"
    if not change and unit in ("%", "个百分点", "百分点") and ind.measure == "level" and ind.unit != "%":
        return None, f"{value}{unit} for an amount"
    if ind.name == "居民消费价格" and unit == "%" and float(value) >= 50:
        return None, f"price index {value}, not the rise"
    if unit in ("个百分点", "百分点") and ind.measure == "level":
        return None, "a change in percentage points"
    if ind.measure == "rate" and verb in _CHANGE_UP + _CHANGE_DOWN:
        return None, f"{verb} of a rate is a change, not the rate"
    return Figure(ind, float(value), float(high) if high else None, unit, tuple(mods), change), ""


def _predicate(text: str, pos: int) -> tuple[list[str], str, int]:
    """Words before the verb, the verb, and the position after them."""
    pre: list[str] = []
    verb = ""
    while pos < len(text):
        for word in _COMPARABLE + _MULTI_YEAR + _PRE:
            if text.startswith(word, pos):
                pre.append(word)
                pos += len(word)
                break
        else:
            break
    for word in sorted(_CHANGE_UP + _CHANGE_DOWN + _LEVEL_VERBS, key=len, reverse=True):
        if text.startswith(word, pos):
            verb = word
            pos += len(word)
            break
    while pos < len(text):  # 增长同口径…, 控制在同口径…
        for word in _COMPARABLE + ("实际", "名义", "约", "近", "比上年", "同比"):
            if text.startswith(word, pos):
                pre.append(word)
                pos += len(word)
                break
        else:
            break
    return pre, verb, pos


def qualitative_modifier(predicate: str) -> str:
    """The normalized modifier of a target without a number ("" when none applies)."""
    if "同步" in predicate:
        return "与经济增长同步"
    if "下达" in predicate:
        return "完成下达任务"
    return predicate


def read_clause(text: str, catalogue: Catalogue, carried: list[Optional[Indicator]],
                qualitative: bool) -> Reading:
    """Read one normalized clause; ``carried`` is the previous clause's subject.

    ``qualitative``: also report a subject without a number (value None), as targets do.
    """
    items, pos = _subject(text, catalogue)
    if not items:
        if not carried:
            return Reading([], [], [])
        pre, verb, vpos = _predicate(text, _strip_fillers(text))
        if not verb or not _VALUE.match(text, vpos):
            return Reading([], [], [])
        items, pos = carried, _strip_fillers(text)
    rest = text[pos:]
    pre, verb, vpos = _predicate(text, pos)
    if any(w in pre for w in _MULTI_YEAR) or any(w in rest[:6] for w in _MULTI_YEAR):
        return Reading([], [], items)
    known = [i for i in items if i is not None]
    if "分别" in pre or rest.startswith("分别") or "分别" in rest[:8]:
        return _read_list(text, vpos, items, pre, verb, catalogue)
    m = _VALUE.match(text, vpos)
    if not m:
        if qualitative and known:
            phrase = rest.rstrip("。；，")
            mod = qualitative_modifier(phrase)
            if re.search(r"\d", phrase) and mod == phrase:
                return Reading([], [(i.name, f"number not read: {phrase}") for i in known], items)
            return Reading([Figure(i, None, None, "", (mod,) if mod else (), False) for i in known], [], items)
        return Reading([], [], items)
    if len(items) > 1 and not ({"均", "都"} & set(pre)):
        return Reading([], [(i.name, "several indicators, one value, no 分别/均") for i in known], items)
    figures: list[Figure] = []
    problems: list[tuple[str, str]] = []
    after = text[m.end():m.end() + 1]
    for ind in known:
        if after and (after.isdigit() or after in "万亿千百"):
            problems.append((ind.name, f"unreadable number {text[m.start():m.end() + 2]}"))
            continue
        fig, why = _figure(ind, m, verb, pre)
        if fig:
            figures.append(fig)
        else:
            problems.append((ind.name, why))
    return Reading(figures, problems, items)


def _expand(items: list[Optional[Indicator]], catalogue: Catalogue, count: int) -> list[Optional[Indicator]]:
    """Items of a 分别 list; a 城乡 indicator counts twice (urban, rural) when the values need it."""
    out: list[Optional[Indicator]] = []
    for ind in items:
        urban = catalogue.get(ind.urban) if ind is not None and ind.urban else None
        rural = catalogue.get(ind.rural) if ind is not None and ind.rural else None
        if urban and rural:
            out.extend([urban, rural])
        else:
            out.append(ind)
    return out if len(out) == count else items


def _read_list(text: str, pos: int, items: list[Optional[Indicator]], pre: list[str], verb: str,
               catalogue: Catalogue) -> Reading:
    """The values after 分别, paired with the subject's items in order."""
    values: list[tuple[re.Match[str], str, list[str]]] = []
    while pos < len(text):
        vpre, vverb, vpos = _predicate(text, pos)
        m = _VALUE.match(text, vpos)
        if not m:
            break
        values.append((m, vverb or verb, pre + vpre))
        sep = _SEP.match(text, m.end())
        if not sep:
            break
        pos = sep.end()
    known = [i for i in items if i is not None]
    if not values:
        return Reading([], [(i.name, "分别 without readable values") for i in known], items)
    expanded = _expand(items, catalogue, len(values))
    if len(expanded) != len(values):
        return Reading([], [(i.name, f"分别: {len(items)} items, {len(values)} values") for i in known], items)
    figures: list[Figure] = []
    problems: list[tuple[str, str]] = []
    for ind, (m, v, p) in zip(expanded, values):
        if ind is None:
            continue
        fig, why = _figure(ind, m, v, p)
        if fig:
            figures.append(fig)
        else:
            problems.append((ind.name, why))
    return Reading(figures, problems, items)
