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
_TRANSLATE = str.maketrans("０１２３４５６７８９．～", "0123456789.~")
_WIDE = re.compile("[０-９．～]")
_REPLACE = ((" ", ""), ("\u3000", ""), ("\t", ""), ("*", ""), ("％", "%"), ("年人均", "人均"))

_CLAUSE_END = re.compile(r"[，；。！？;：]|,(?!\d{3})|:(?!\d)")
_FILLERS = ("今年", "明年", "去年", "全年", "当年", "预计", "力争", "努力", "确保", "争取", "实现", "完成",
            "其中", "全社会", "使", "带动", "拉动", "年末", "据初步核算", "经初步核算", "初步核算", "初步统计", "主要是", "——", "—")
_FILLER_RE = re.compile(r"(?:\d{4}年|[全本我][国省市区县旗盟州]|全自治区|[（(]?[0-9一二三四五六七八九十]{1,2}[)）.、]|"
                        r"限额以上|规模以上|\d+万元(?:及)?以上(?:项目)?)")
# A clause may start with the name of its own level of government ("市一般公共预算收入").
_OWN_LEVEL = "市省区县州旗盟"
# "城镇和农村居民人均收入", "城镇居民和农民人均纯收入": the urban and rural halves of a 城乡 indicator.
_URBAN_RURAL = re.compile(r"(?:城镇|城市)(?:常住)?(?:居民)?[和、与及](?:农村|农民|农牧民|农村牧区)(?:常住)?(?:居民)?"
                          r"(?:人均)?(?:可支配收入|纯收入|收入)")
_SEP = re.compile(r"以及|[、和及与]")
_PRE = ("比上年", "比去年", "同比", "按可比价格计算", "按可比价计算", "按可比口径计算", "可比价", "预计",
        "初步核算", "实际", "名义", "全年", "继续", "力争", "努力", "要", "均", "都", "总额", "总量", "总值",
        "指数", "上涨幅度", "增长幅度", "涨幅", "增幅", "增速", "增长速度", "总水平", "比重", "分别", "预期",
        "目标", "年度", "较上年", "较去年", "仍", "再", "又", "已", "首次", "稳定", "（下同）", "(下同)")
_PRE_STOP = ("均", "都", "分别", "增长", "下降", "达到", "突破", "完成", "实现", "控制在")
_PRE_RE = re.compile(r"[比较](\d{4})年(?:末)?(?:预算数|决算数|同期)?")
_MULTI_YEAR = ("年均", "累计", "五年", "年平均")
_COMPARABLE = ("同口径", "按可比口径计算", "可比口径", "可比")
_COMPARABLE_MODIFIER = {"同口径": "同口径", "按可比口径计算": "可比口径", "可比口径": "可比口径", "可比": "可比"}
_CHANGE_UP = ("增长", "增加", "提高", "上升", "上涨")
_CHANGE_DOWN = ("下降", "降低", "减少", "回落", "下跌")
_LEVEL_VERBS = ("控制在", "保持在", "稳定在", "维持在", "达到", "降至", "降到", "增至", "提高到", "达", "为",
                "是", "完成", "实现", "突破", "超过", "超", "低于", "不超过", "不低于", "不高于", "在", "保持",
                "净增")
_VERB_MODIFIER = {"突破": "突破", "超过": "超过", "超": "超过", "低于": "低于", "不超过": "不超过",
                  "不低于": "不低于", "不高于": "不高于", "净增": "净增"}
_VERBS = tuple(sorted(_CHANGE_UP + _CHANGE_DOWN + _LEVEL_VERBS, key=len, reverse=True))
_NUMBER = r"\d+(?:\.\d+)?"
_UNITS = ("个百分点", "百分点", "万亿美元", "万亿元", "亿美元", "万美元", "万人次", "亿元", "万元", "亿斤", "万斤",
          "亿公斤", "万公斤", "万吨", "万亩", "万人", "%", "‰", "倍", "元", "人", "吨", "斤", "公斤", "美元")
_VALUE = re.compile(rf"({_NUMBER})({'|'.join(map(re.escape, _UNITS))})?"
                    rf"(?:[—\-－~至到]{{1,2}}({_NUMBER})({'|'.join(map(re.escape, _UNITS))})?)?"
                    r"(左右|以上|以内|以下|上下)?")
_CHANGE_UNITS = ("%", "个百分点", "百分点", "倍", "‰")


def normalize(text: str) -> str:
    """The text as the grammar reads it: no spaces or bold marks, ASCII digits and %."""
    for old, new in _REPLACE:
        if old in text:
            text = text.replace(old, new)
    if _WIDE.search(text):
        text = text.translate(_TRANSLATE)
    return text


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
    base: Optional[int] = None  # the year a change is measured against ("比2010年增长"), if written


@dataclass
class Reading:
    """What one clause says: figures, problems (indicator name, reason) and its subject."""

    figures: list[Figure]
    problems: list[tuple[str, str]]
    subject: list[Optional[Indicator]]  # for a following clause that starts with the verb


def _strip_fillers(text: str, pos: int = 0, pattern: Optional[re.Pattern[str]] = None) -> int:
    """Position after the filler words at ``pos`` (stopping where ``pattern`` matches)."""
    if pattern is not None and pos == 0 and text[:1] in _OWN_LEVEL and pattern.match(text, 1):
        return 1
    while pos < len(text):
        if pattern is not None and pattern.match(text, pos):
            return pos
        m = _FILLER_WORD.match(text, pos)
        if not m or not m.group():
            return pos
        pos = m.end()
    return pos


def _subject(text: str, catalogue: Catalogue) -> tuple[list[Optional[Indicator]], int]:
    """The indicators a clause starts with and where its predicate begins ([] if none)."""
    pos = _strip_fillers(text, 0, catalogue.pattern)
    m = catalogue.pattern.match(text, pos)
    pair = _URBAN_RURAL.match(text, pos)
    if pair and (not m or pair.end() > m.end()):
        split = next((i for i in catalogue.indicators if i.urban and i.rural), None)
        if split is None:
            return [], pos
        items: list[Optional[Indicator]] = [catalogue.get(split.urban), catalogue.get(split.rural)]
        pos = pair.end()
    elif m:
        items = [catalogue.lookup(m.group())]
        pos = m.end()
    else:
        return _list_subject(text, pos, catalogue)
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
            stop = _unknown_item(text, sep.end())
            if stop < 0:
                break
            items.append(None)
            pos = stop
    return items, pos


def _unknown_item(text: str, pos: int) -> int:
    """End of a short name the catalogue lacks at ``pos`` ("全部工业总产值均突破…"), or -1."""
    for end in range(pos + 2, min(len(text), pos + 12)):
        if text[end].isdigit():
            return -1
        if _SEP.match(text, end) or text.startswith(_PRE_STOP, end):
            return end
    return -1


def _list_subject(text: str, pos: int, catalogue: Catalogue) -> tuple[list[Optional[Indicator]], int]:
    """The items of "甲、乙分别…" whose first item the catalogue lacks ([] unless one is known)."""
    fenbie = text.find("分别", pos)
    if fenbie < 0 or re.search(r"\d", text[pos:fenbie]):
        return [], pos
    items: list[Optional[Indicator]] = []
    for piece in _SEP.split(text[pos:fenbie]):
        piece = piece[_strip_fillers(piece, 0, catalogue.pattern):]
        m = catalogue.pattern.fullmatch(piece)
        items.append(catalogue.lookup(m.group()) if m else None)
    return (items, fenbie) if any(items) else ([], pos)


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
    mods.extend(_COMPARABLE_MODIFIER[w] for w in pre if w in _COMPARABLE_MODIFIER)
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
    base = next((int(w[1:5]) for w in pre if w[1:5].isdigit()), None)
    return Figure(ind, float(value), float(high) if high else None, unit, tuple(mods), change, base), ""


def _words(*groups: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern matching any of the words, tried in the order given."""
    return re.compile("|".join(re.escape(w) for g in groups for w in g))


_PRE_WORD = re.compile(_words(_COMPARABLE, _MULTI_YEAR, _PRE).pattern + "|" + _PRE_RE.pattern)
_VERB_WORD = _words(_VERBS)
_POST_VERB_WORD = _words(_COMPARABLE, ("实际", "名义", "约", "近", "比上年", "同比"))
_FILLER_WORD = re.compile(_words(_FILLERS).pattern + "|" + _FILLER_RE.pattern)


def _predicate(text: str, pos: int) -> tuple[list[str], str, int]:
    """Words before the verb, the verb, and the position after them."""
    pre: list[str] = []
    m = _PRE_WORD.match(text, pos)
    while m:
        pre.append(m.group())
        pos = m.end()
        m = _PRE_WORD.match(text, pos)
    verb = ""
    m = _VERB_WORD.match(text, pos)
    if m:
        verb, pos = m.group(), m.end()
    m = _POST_VERB_WORD.match(text, pos)  # 增长同口径…, 控制在同口径…
    while m:
        pre.append(m.group())
        pos = m.end()
        m = _POST_VERB_WORD.match(text, pos)
    return pre, verb, pos


def qualitative_modifiers(predicate: str) -> tuple[str, ...]:
    """The normalized modifiers of a target without a number ("下降", "与经济增长同步", …)."""
    for word in ("增速", "增幅", "涨幅", "继续", "要", "进一步"):
        if predicate.startswith(word):
            predicate = predicate[len(word):]
    down = ("下降",) if predicate.startswith(_CHANGE_DOWN) or predicate[2:4] in _CHANGE_DOWN else ()
    sync = re.search(r"[与和](.{1,8}?)(?:基本|保持)?同步", predicate)
    if sync:
        what = sync.group(1)
        return down + ("与经济增长同步" if what.startswith("经济") else f"与{what}同步",)
    if predicate.endswith(("以内", "范围内", "以下")):
        return down + ("以内",)
    if "考核目标" in predicate:
        return down + ("完成考核目标",)
    if "下达" in predicate:
        return down + ("完成下达任务",)
    if predicate.startswith(_CHANGE_DOWN) and len(predicate) <= 3:
        return down
    return down + ((predicate,) if predicate else ())


def _values(text: str, pos: int, verb: str, pre: list[str]) -> tuple[list[_Value], int]:
    """The values of a predicate ("达到9564元和3955元、增长7%和9%"), each with its verb."""
    values: list[_Value] = []
    while True:
        m = _VALUE.match(text, pos)
        if not m:
            break
        values.append(_Value(m, verb, pre))
        sep = _SEP.match(text, m.end())
        if not sep:
            pos = m.end()
            break
        vpre, vverb, vpos = _predicate(text, sep.end())
        if not _VALUE.match(text, vpos):
            pos = m.end()
            break
        if vverb:
            verb, pre = vverb, vpre
        pos = vpos
    return values, pos


@dataclass(frozen=True)
class _Value:
    """One value of a predicate with the verb and the words before it that govern it."""

    match: re.Match[str]
    verb: str
    pre: list[str]


def _groups(values: list[_Value]) -> list[list[_Value]]:
    """Runs of values sharing one verb: [[9564元, 3955元], [7%, 9%]]."""
    out: list[list[_Value]] = []
    for v in values:
        if out and out[-1][-1].verb == v.verb:
            out[-1].append(v)
        else:
            out.append([v])
    return out


def _pair(items: list[Optional[Indicator]], catalogue: Catalogue, count: int,
          together: bool) -> Optional[list[Optional[Indicator]]]:
    """The indicator each of ``count`` values belongs to, or None when that is not certain.

    A 城乡 indicator counts twice (urban, rural) when the values need it; ``together``
    (均/都) gives one value to every item.
    """
    if count == len(items):
        return items
    expanded: list[Optional[Indicator]] = []
    for ind in items:
        urban = catalogue.get(ind.urban) if ind is not None and ind.urban else None
        rural = catalogue.get(ind.rural) if ind is not None and ind.rural else None
        expanded.extend([urban, rural] if urban and rural else [ind])
    if count == len(expanded) and len(expanded) > len(items):
        return expanded
    if count == 1 and together:
        return items
    return None


def read_clause(text: str, catalogue: Catalogue, carried: list[Optional[Indicator]],
                qualitative: bool) -> Reading:
    """Read one normalized clause; ``carried`` is the previous clause's subject.

    ``qualitative``: also report a subject without a number (value None), as targets do.
    """
    items, pos = _subject(text, catalogue)
    if not items:
        if not carried:
            return Reading([], [], [])
        start = _strip_fillers(text)
        pre, verb, vpos = _predicate(text, start)
        if not verb or not _VALUE.match(text, vpos):
            return Reading([], [], [])
        items, pos = carried, start
    rest = text[pos:]
    pre, verb, vpos = _predicate(text, pos)
    known = [i for i in items if i is not None]
    if any(w in pre for w in _MULTI_YEAR) or any(w in rest[:6] for w in _MULTI_YEAR):
        return Reading([], [], items)
    values, end = _values(text, vpos, verb, pre)
    if not values:  # "增速高于全省1个百分点、增长6.5%以上": a later 、 piece may hold the figure
        cut = text.find("、", vpos)
        while cut > 0 and not values:
            pre2, verb2, vpos2 = _predicate(text, cut + 1)
            if verb2 in _CHANGE_UP + _CHANGE_DOWN:
                values, end = _values(text, vpos2, verb2, pre + pre2)
            cut = text.find("、", cut + 1)
    if not values:
        if not qualitative or not known:
            return Reading([], [], items)
        phrase = rest.rstrip("。；，")
        if re.search(r"\d", phrase):
            return Reading([], [(i.name, f"number not read: {phrase}") for i in known], items)
        if phrase.startswith("、"):  # "A、B、C控制在…": the predicate follows the last item
            verb_at = [phrase.find(v) for v in _VERBS if v in phrase]
            phrase = phrase[min(verb_at):] if verb_at else ""
        mods = qualitative_modifiers(phrase)
        if not mods:
            return Reading([], [], items)
        return Reading([Figure(i, None, None, "", mods, False) for i in known], [], items)
    after = text[end:end + 1]
    if after and (after.isdigit() or after in "万亿千百"):
        return Reading([], [(i.name, f"unreadable number {text[vpos:end + 2]}") for i in known], items)
    together = bool({"均", "都"} & set(pre))
    figures: list[Figure] = []
    problems: list[tuple[str, str]] = []
    for group in _groups(values):
        owners = _pair(items, catalogue, len(group), together)
        if owners is None:
            problems.extend((i.name, f"{len(items)} indicators, {len(group)} values") for i in known)
            continue
        if len(owners) > len(group):
            group = group * len(owners)
        for ind, value in zip(owners, group):
            if ind is None:
                continue
            fig, why = _figure(ind, value.match, value.verb, value.pre)
            if fig:
                figures.append(fig)
            else:
                problems.append((ind.name, why))
    sep = _SEP.match(text, end)
    if sep and catalogue.pattern.match(text, _strip_fillers(text, sep.end(), catalogue.pattern)):
        more = read_clause(text[sep.end():], catalogue, [], qualitative)  # "A 5%、B 6%"
        figures.extend(more.figures)
        problems.extend(more.problems)
        items = items + more.subject
    return Reading(figures, problems, items)
