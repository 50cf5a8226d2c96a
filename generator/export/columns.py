"""The open data files and their columns, documented once.

``FILES`` drives both the writer (generator/export/tables.py: the column order) and the
数据 page (generator/site/pages/data.py: one table of columns per file), so the page
documents exactly what the files hold. Descriptions are Chinese: readers see them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DataFile:
    name: str  # file name under data/
    title: str  # what one row (or line) is, Chinese
    columns: tuple[tuple[str, str], ...]  # (column or JSON key, Chinese description)

    @property
    def header(self) -> list[str]:
        return [c for c, _ in self.columns]


_URL = "本站页面的完整网址（带段落锚点时直接定位到该段）"

FILES: tuple[DataFile, ...] = (
    DataFile("reports.csv", "每行一份报告", (
        ("slug", "报告标识，在本站唯一，也是报告页网址的一部分"),
        ("title", "报告标题，如“政府工作报告”"),
        ("region", "地区名称"),
        ("region_code", "六位行政区划代码，未知时为空"),
        ("level", "地区级别：province（省级）、prefecture（地级）、county（县级），未知时为空"),
        ("parents", "上级地区，自上而下，以“/”分隔"),
        ("year", "报告年份"),
        ("date", "报告日期（YYYY-MM-DD），原文未写时为空"),
        ("meeting", "会议名称"),
        ("speaker", "报告人（职务 姓名）"),
        ("characters", "正文字数：标题、段落与名词解释的字符数"),
        ("url", _URL),
    )),
    DataFile("paragraphs.jsonl", "每行一个 JSON 对象，对应报告的一个段落（按阅读顺序）", (
        ("report", "报告标识（reports.csv 的 slug）"),
        ("anchor", "段落锚点，在报告内唯一且每次生成保持不变"),
        ("section", "所在章节的标题路径（数组，自上而下；序言为空数组）"),
        ("kind", "段落类型：text（正文）、item（编号条目）、table（表格）"),
        ("text", "段落原文"),
        ("topics", "段落所属专题的标识（数组，见“专题”页的归类规则）"),
        ("url", _URL),
    )),
    DataFile("terms.csv", "每行一个术语", (
        ("key", "术语的规范化键，在本站唯一"),
        ("headword", "词头"),
        ("pinyin", "拼音"),
        ("category", "类别，未分类时为空"),
        ("aliases", "其他写法，以“|”分隔"),
        ("short", "简短释义（悬停提示：本站撰写的一句话，或第一条释义的第一个完整句子，过长时在分句处截断并加“…”）"),
        ("first_year", "最早使用或解释该术语的报告年份"),
        ("uses", "在各报告中出现的次数（与术语页的统计一致）"),
        ("url", _URL),
    )),
    DataFile("definitions.csv", "每行一条释义", (
        ("term", "术语的键（terms.csv 的 key）"),
        ("origin", "来源类型：official（报告所附名词解释）、curated（本站整理）"),
        ("source", "出处说明"),
        ("report", "给出该释义的报告标识（本站整理的释义为空）"),
        ("anchor", "该释义在报告中的锚点"),
        ("term_as_written", "报告中术语的原始写法"),
        ("region", "地区"),
        ("year", "年份"),
        ("text", "释义全文"),
    )),
    DataFile("occurrences.csv", "每行一次术语出现", (
        ("term", "术语的键（terms.csv 的 key）"),
        ("report", "报告标识"),
        ("anchor", "所在段落（或名词解释条目）的锚点"),
        ("offset", "在该段文字中的起始位置（从 0 起，按字符计）"),
        ("length", "出现文字的长度（字符数）"),
    )),
    DataFile("targets.csv", "每行一个目标（target：当年预期目标）或实际值（outcome：上一年完成情况）", (
        ("report", "报告标识"),
        ("region", "地区名称"),
        ("region_code", "六位行政区划代码"),
        ("year", "数值所指的年份：目标为报告当年，实际值为上一年"),
        ("indicator", "指标的规范名称"),
        ("value", "数值；定性目标（如“与经济增长同步”）为空"),
        ("value_high", "区间目标的上限（如 6%—6.5% 的 6.5），否则为空"),
        ("unit", "单位，如 %、亿元、万人"),
        ("modifier", "修饰词，以空格分隔：左右、以上、以内、下降、同口径、与经济增长同步等"),
        ("kind", "target（目标）或 outcome（实际值）"),
        ("verdict", "仅目标：达成、未达成，或为空（无下一年实际值或不作判定，规则见“目标”页）"),
        ("text", "数值所在的原文分句"),
        ("anchor", "所在段落的锚点"),
        ("url", _URL),
    )),
    DataFile("targets_uncertain.csv", "每行一处未收录的表述：数值无法确定，留待校对", (
        ("report", "报告标识"),
        ("region", "地区名称"),
        ("year", "报告年份"),
        ("kind", "target 或 outcome"),
        ("indicator", "指标名称"),
        ("reason", "未收录的原因（英文，供校对者参考）"),
        ("text", "原文分句"),
        ("anchor", "所在段落的锚点"),
        ("url", _URL),
    )),
)

BY_NAME = {f.name: f for f in FILES}
