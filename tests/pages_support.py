"""Hand-made reports for the page tests (tests/test_pages_*.py).

A small region hierarchy like the seeds' (内蒙古自治区 → 鄂尔多斯市 → 鄂托克旗,
呼和浩特市 → 玉泉区, 乌兰察布市, 锡林郭勒盟) plus one region that resolves nowhere.
"""

from __future__ import annotations

from pathlib import Path

from generator.config import SiteConfig, SiteSettings, Topic, load_config
from generator.model import GlossaryEntry, Paragraph, Region, RegionRef, Report, Section, Speaker
from generator.site.context import SiteContext

ROOT = Path(__file__).resolve().parent.parent

NMG = RegionRef("内蒙古自治区", "province", "150000")
ORDOS = RegionRef("鄂尔多斯市", "prefecture", "150600")
HOHHOT = RegionRef("呼和浩特市", "prefecture", "150100")

ECO_TEXT = "全面打响荒漠化综合防治攻坚战，修复森林草原和治理沙地面积57万亩，推进生态修复。"
ROAD_TEXT = "新改建农村公路100公里，加快包银高铁建设。"
JOBS_TEXT = "新增城镇就业3662人，城乡低保实现统筹，社区养老服务站覆盖率达到100%。"
NASTY_TEXT = "<script>alert(1)</script> 与 *x* 以及 [链接](http://evil) 都要加强生态保护和污染防治。"


def para(text: str, anchor: str, lead: int = 0) -> Paragraph:
    return Paragraph(text=text, anchor=anchor, line=1, lead=lead)


def region(name: str, level: str, code: str, *parents: RegionRef) -> Region:
    return Region(name, level, code, list(parents))


def make_report(slug: str, reg: Region, year: int, sections: list[Section], speaker: str = "") -> Report:
    return Report(source=f"seeds/{slug}.txt", slug=slug, region=reg, year=year, date=f"{year}-01-26",
                  speaker=Speaker(speaker, "旗长" if speaker else ""), sections=sections)


def etuoke() -> Report:
    summary = Section("一、2023年工作总结", 1, "s1", 1, paragraphs=[
        para(ROAD_TEXT, "p1-1"), para(ECO_TEXT, "p1-2"), para(JOBS_TEXT, "p1-3")])
    green = Section("（四）突出绿色发展，全面构筑生态屏障", 2, "s2-4", 5, paragraphs=[
        para("打好毛乌素沙地歼灭战，新建阻沙带10万亩以上。", "p2-4-1"),
        para(NASTY_TEXT, "p2-4-2")])
    plan = Section("二、2024年工作安排", 1, "s2", 4, sections=[green])
    notes = Section("名词解释", 1, "mc", 9, kind="glossary", entries=[
        GlossaryEntry("七个作模范", "在感党恩听党话上作模范，在铸牢中华民族共同体意识上作模范。", "mc-1", 10)])
    reg = region("鄂托克旗", "county", "150624", NMG, ORDOS)
    return make_report("2024-etuoke-qi", reg, 2024, [summary, plan, notes], "苏智雄")


def neimenggu() -> Report:
    body = Section("一、过去一年工作回顾", 1, "s1", 1, paragraphs=[
        para("推动科技创新赋能强链。投入研发经费15亿元，培育高新技术企业。", "p1-1", lead=11),
        para("深化“放管服”改革，持续优化营商环境。", "p1-2")])
    notes = Section("名词解释", 1, "mc", 9, kind="glossary", entries=[
        GlossaryEntry("“七个作模范”", "在感党恩听党话、紧跟习近平总书记奋进新征程上作模范。", "mc-1", 10)])
    return make_report("2024-neimenggu-zizhiqu", region("内蒙古自治区", "province", "150000"), 2024, [body, notes])


def simple(slug: str, reg: Region, year: int, text: str) -> Report:
    return make_report(slug, reg, year, [Section("一、工作回顾", 1, "s1", 1, paragraphs=[para(text, "p1-1")])])


def reports() -> list[Report]:
    unresolved = Region("某某新区", "", None, [], resolved=False)
    return [
        etuoke(),
        neimenggu(),
        simple("2022-yuquan-qu", region("玉泉区", "county", "150104", NMG, HOHHOT), 2022, JOBS_TEXT),
        simple("2024-wulanchabu-shi", region("乌兰察布市", "prefecture", "150900", NMG), 2024, ROAD_TEXT),
        simple("2023-wulanchabu-shi", region("乌兰察布市", "prefecture", "150900", NMG), 2023, ECO_TEXT),
        simple("2024-xilinguole-meng", region("锡林郭勒盟", "prefecture", "152500", NMG), 2024, JOBS_TEXT),
        simple("2024-mou-mou-xin-qu", unresolved, 2024, ROAD_TEXT),
    ]


def real_topics() -> list[Topic]:
    return load_config(ROOT).topics


def config(topics: list[Topic] | None = None) -> SiteConfig:
    topics = real_topics() if topics is None else topics
    return SiteConfig(ROOT, SiteSettings(), [], {}, topics, [])


def context(glossary=None, topics: list[Topic] | None = None) -> SiteContext:
    return SiteContext.create(ROOT, config(topics), reports(), glossary)


def page_map(pages) -> dict:
    out = {}
    for page in pages:
        assert page.path not in out, f"two pages at {page.path}"
        out[page.path] = page
    return out


def h1_count(content: str) -> int:
    return sum(1 for line in content.splitlines() if line.startswith("# "))
