"""Hand-made reports for the page tests (tests/test_pages_*.py).

A small region hierarchy like the seeds' (内蒙古自治区 → 鄂尔多斯市 → 鄂托克旗,
呼和浩特市 → 玉泉区, 乌兰察布市, 锡林郭勒盟) plus one region that resolves nowhere.
"""

from __future__ import annotations

from pathlib import Path

from generator.config import CuratedEntry, SiteConfig, SiteSettings, Topic, load_config
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
        para(ROAD_TEXT, "p1-1"), para(ECO_TEXT, "p1-2"), para(JOBS_TEXT, "p1-3"),
        para("对标“七个作模范”，实施三北工程攻坚战，三北工程年度任务全部完成。", "p1-4")])
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
        para("深化“放管服”改革，持续优化营商环境。", "p1-2"),
        para("<b>七个作模范</b> 与 *x* 要一体推进。", "p1-3")])
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


CURATED = [
    CuratedEntry("三北工程", "三北防护林体系建设工程的简称，在西北、华北、东北风沙危害和水土流失地区营造防护林。",
                 "《三北防护林体系建设总体规划》（1979年）", ["三北防护林工程"], "生态环境"),
    CuratedEntry("七个作模范", "自治区党委对全方位建设模范自治区提出的七个方面要求，见三北工程以外的各项工作。",
                 "《关于全方位建设模范自治区的决定》（2023年）", [], "政治"),
    CuratedEntry("两个确立", "确立习近平同志党中央的核心、全党的核心地位，确立习近平新时代中国特色社会主义思想的指导地位。",
                 "党的十九届六中全会决议（2021年）", [], "政治"),
    CuratedEntry("十四五", "国民经济和社会发展第十四个五年规划（2021—2025年）。", "国家“十四五”规划纲要（2021年）",
                 ["“十四五”"], "规划"),
    CuratedEntry("阿尔巴斯绒山羊", "鄂托克旗特有的绒山羊品种。", "鄂托克旗农牧局公开资料（2023年）", [], ""),
    CuratedEntry("4个沙戈荒大型风电光伏基地", "在库布其、乌兰布和、腾格里、巴丹吉林沙漠建设的风电光伏基地。",
                 "自治区能源局公开资料（2023年）", [], "能源"),
]


def config(topics: list[Topic] | None = None, curated: list[CuratedEntry] | None = None) -> SiteConfig:
    topics = real_topics() if topics is None else topics
    return SiteConfig(ROOT, SiteSettings(), [], {}, topics, list(curated or []))


def context(glossary=None, topics: list[Topic] | None = None) -> SiteContext:
    return SiteContext.create(ROOT, config(topics), reports(), glossary)


def glossary_context() -> SiteContext:
    """Hand-made reports with the real glossary built from their 名词解释 and ``CURATED``."""
    from generator.glossary import build_glossary

    cfg = config(curated=CURATED)
    reps = reports()
    return SiteContext.create(ROOT, cfg, reps, build_glossary(reps, cfg))


def page_map(pages) -> dict:
    out = {}
    for page in pages:
        assert page.path not in out, f"two pages at {page.path}"
        out[page.path] = page
    return out


def h1_count(content: str) -> int:
    return sum(1 for line in content.splitlines() if line.startswith("# "))


def html_table_rows(content: str) -> list[list[str]]:
    """Body rows of the HTML tables of generator/site/render/tables.py, each cell's inner
    Markdown (header rows left out)."""
    import re

    body = "".join(re.findall(r"<tbody[^>]*>(.*?)</tbody>", content, re.S))
    return [[cell for _, cell in re.findall(r"<(td|th)[^>]*>(.*?)</\1>", row)]
            for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body)]


def seed_site(root: Path, modules) -> tuple[SiteContext, dict]:
    """The five real seeds with the real ingest and glossary, and the pages ``modules`` make."""
    from generator.glossary import build_glossary
    from generator.ingest import load_reports
    from generator.ingest.regions import RegionRegistry

    cfg = load_config(root, region_exists=RegionRegistry.exists_in_dataset)
    loaded, _ = load_reports(root / "seeds", cfg)
    ctx = SiteContext.create(root, cfg, loaded, build_glossary(loaded, cfg))
    pages: dict = {}
    for module in modules:
        pages.update(page_map(module.pages(ctx)))
    return ctx, pages
