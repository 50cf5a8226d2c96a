"""Report pages (reports/<slug>.md) for the seeds and for hand-made reports."""

from __future__ import annotations

import html as html_lib
import re
from html.parser import HTMLParser

import markdown
import pytest
from mkdocs.config import load_config as load_mkdocs_config

from conftest import ROOT, SEEDS
from generator.config import load_config
from generator.glossary import build_glossary
from generator.ingest import load_reports
from generator.model import GlossaryEntry, Paragraph, Region, RegionRef, Report, Section, Speaker
from generator.site.pages import report as report_pages
from generator.site.render import urls
from generator.site.context import SiteContext, region_slug
from generator.site.render.markdown import escape_text


def _context(reports=None) -> SiteContext:
    config = load_config(ROOT)
    if reports is None:
        reports, diags = load_reports(SEEDS, config)
    else:
        diags = []
    return SiteContext.create(ROOT, config, reports, build_glossary(reports, config), diags)


@pytest.fixture(scope="module")
def ctx() -> SiteContext:
    return _context()


@pytest.fixture(scope="module")
def pages(ctx) -> dict:
    return {p.path: p for p in report_pages.pages(ctx)}


@pytest.fixture(scope="module")
def render_html():
    cfg = load_mkdocs_config(str(ROOT / "mkdocs.yml"))

    def render(text: str) -> str:
        return markdown.markdown(text, extensions=cfg["markdown_extensions"], extension_configs=cfg["mdx_configs"])

    return render


class _ById(HTMLParser):
    """Visible text of every element with an id (permalinks left out)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: dict[str, str] = {}
        self.stack: list[str | None] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("class") == "headerlink":
            self.skip += 1
        if tag in ("br", "img", "hr", "meta"):
            return
        self.stack.append(attrs.get("id"))
        if attrs.get("id"):
            self.text.setdefault(attrs["id"], "")

    def handle_endtag(self, tag):
        if tag == "a" and self.skip:
            self.skip -= 1
        if tag in ("br", "img", "hr", "meta"):
            return
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.skip:
            return
        for ident in self.stack:
            if ident:
                self.text[ident] += data


def test_every_seed_has_a_page(ctx, pages):
    assert sorted(pages) == sorted(urls.report_page(r.slug) for r in ctx.reports)
    assert len(pages) == 5


def test_metadata_card(ctx, pages):
    report = next(r for r in ctx.reports if r.region_name == "鄂托克旗")
    text = pages[urls.report_page(report.slug)].content
    card = text.split("</dl>", 1)[0]
    assert card.startswith("# 鄂托克旗2024年政府工作报告")
    for ref in report.region.chain():
        assert f"[{ref.name}](../regions/{ctx.region_slug(ref.name)}.md)" in card
    assert "[鄂托克旗](../regions/e-tuo-ke-qi.md)" in card
    assert "2024年1月26日" in card
    assert "鄂托克旗第十八届人民代表大会第三次会议" in card
    assert "苏智雄" in card and "代旗长" in card
    assert "2024-etuoke-qi.txt" in card


def test_anchors_on_every_paragraph_section_and_entry(ctx, pages):
    for report in ctx.reports:
        text = pages[urls.report_page(report.slug)].content
        for para in [*report.front, *report.preamble] + [p for _, p in report.paragraphs()]:
            assert f'id="{para.anchor}"' in text, (report.slug, para.anchor)
            if para.kind != "title":
                assert f'href="#{para.anchor}" title="本段链接"' in text
        for section in report.walk_sections():
            assert "{#" + section.anchor + "}" in text
        for entry in report.glossary:
            assert f'<dt id="{entry.anchor}"' in text


def test_no_link_inside_any_heading(pages):
    for page in pages.values():
        for line in page.content.splitlines():
            if line.startswith("#"):
                assert "](" not in line and "<a " not in line, line


def test_leads_are_bold(ctx, pages):
    found = 0
    for report in ctx.reports:
        text = pages[urls.report_page(report.slug)].content
        for _, para in report.paragraphs():
            if para.lead:
                found += 1
                assert re.search(r'id="%s"[^>]*markdown="span">(<span[^>]*>[^<]*</span> )?\*\*' % re.escape(para.anchor),
                                 text), (report.slug, para.anchor)
    assert found > 10


def test_glossary_entries_link_to_term_pages(ctx, pages):
    entries = 0
    for report in ctx.reports:
        text = pages[urls.report_page(report.slug)].content
        for entry in report.glossary:
            entries += 1
            term = ctx.glossary.terms[ctx.glossary.entry_term(report.slug, entry.anchor)]
            dt = re.search(r'<dt id="%s"[^\n]*</dt>' % re.escape(entry.anchor), text).group()
            assert f"](../glossary/{term.slug}.md" in dt
    assert entries > 20


def test_term_links_carry_short_definition(ctx, pages):
    report = next(r for r in ctx.reports if r.region_name == "鄂托克旗")
    text = pages[urls.report_page(report.slug)].content
    term = ctx.glossary.get("“四办”改革")
    assert f'(../glossary/{term.slug}.md "{escape_text(term.short)}")' in text


def test_attachments_rendered(ctx, pages):
    attachments = [(r, s) for r in ctx.reports for s in r.walk_sections() if s.kind == "attachment"]
    assert attachments, "the 内蒙古自治区 seed has attachments"
    for report, section in attachments:
        text = pages[urls.report_page(report.slug)].content
        assert "{#" + section.anchor + "}" in text
        for para in section.paragraphs:
            assert f'id="{para.anchor}"' in text


def test_rendered_text_equals_report_text(ctx, pages, render_html):
    """Through the real Markdown pipeline, every paragraph shows its text exactly."""
    for report in ctx.reports:
        html = render_html(pages[urls.report_page(report.slug)].content)
        parser = _ById()
        parser.feed(html)
        for _, para in report.paragraphs():
            shown = parser.text[para.anchor].strip()
            expected = (para.number + " " if para.kind == "item" and para.number else "") + para.text
            assert shown == expected.strip(), (report.slug, para.anchor)
        for entry in report.glossary:
            assert entry.term in parser.text[entry.anchor]


def test_pages_are_stable_across_builds(pages):
    again = {p.path: p.content for p in report_pages.pages(_context())}
    assert again == {path: p.content for path, p in pages.items()}


# --------------------------------------------------------------------------- hand-made reports

NMG = RegionRef("内蒙古自治区", "province", "150000")
ORDOS = RegionRef("鄂尔多斯市", "prefecture", "150600")
NASTY = "<script>alert(1)</script> *x* [链接](javascript:alert(1)) <img src=x onerror=alert(1)>"


def _handmade(year: int, nasty_heading: bool = False) -> Report:
    section = Section("一、<b>工作</b> # 回顾" if nasty_heading else "一、工作回顾", 1, "s1", 1, paragraphs=[
        Paragraph("一是抓好生态保护。" + NASTY, "p1-1", 2, lead=9),
        Paragraph("新增就业3000人", "p1-2", 3, kind="item", number="1."),
        Paragraph("1. 看起来像列表", "p1-3", 4, kind="item", number="2、"),
    ])
    notes = Section("名词解释", 1, "mc", 9, kind="glossary", entries=[
        GlossaryEntry("“三北”工程", "三北防护林体系建设工程。", "mc-1", 10, number="1.")])
    return Report(source=f"seeds/{year}-etuoke.txt", slug=f"{year}-etuoke-qi",
                  region=Region("鄂托克旗", "county", "150624", [NMG, ORDOS]), year=year,
                  date=f"{year}-01-20", meeting="鄂托克旗人民代表大会", speaker=Speaker("某某", "旗长"),
                  sections=[section, notes])


@pytest.fixture(scope="module")
def handmade():
    reports = [_handmade(2023), _handmade(2024, nasty_heading=True), _handmade(2025)]
    ctx = _context(reports)
    return ctx, {p.path: p for p in report_pages.pages(ctx)}


def test_previous_and_next_report_of_the_region(handmade):
    _, pages = handmade
    middle = pages["reports/2024-etuoke-qi.md"].content
    assert "上一年：[鄂托克旗2023年政府工作报告](2023-etuoke-qi.md)" in middle
    assert "下一年：[鄂托克旗2025年政府工作报告](2025-etuoke-qi.md)" in middle
    assert "上一年" not in pages["reports/2023-etuoke-qi.md"].content
    assert "下一年" not in pages["reports/2025-etuoke-qi.md"].content


def test_nav_placement(handmade):
    _, pages = handmade
    page = pages["reports/2024-etuoke-qi.md"]
    assert page.group == "鄂托克旗" and page.nav_title == "鄂托克旗2024年政府工作报告"
    assert not page.in_nav  # report pages are reached from the index pages (page weight, issue 11)


def test_hostile_text_stays_text(handmade, render_html):
    ctx, pages = handmade
    html = render_html(pages["reports/2024-etuoke-qi.md"].content)
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    for href in re.findall(r'href="([^"]*)"', html):
        assert not href.lower().startswith("javascript"), href
    assert not re.search(r"<[^>]+\sonerror=", html)
    parser = _ById()
    parser.feed(html)
    assert parser.text["p1-1"].strip() == "一是抓好生态保护。" + NASTY
    assert parser.text["p1-3"].strip() == "2、 1. 看起来像列表"
    assert parser.text["s1"].replace("¶", "").strip() == "一、<b>工作</b> # 回顾"
    assert "<strong>一是抓好生态保护。</strong>" in html
    assert html.count("<li ") == 2 and "<ol" in html


def test_region_slug():
    assert region_slug("鄂托克旗") == "e-tuo-ke-qi"
    assert region_slug("内蒙古自治区") == "nei-meng-gu-zi-zhi-qu"


def test_card_links_the_official_source(render_html):
    """A front-matter `source:` URL is the report's official source: the card links it
    instead of naming the local file; a non-http value is never linked."""
    from generator.ingest import parse_text

    text = "---\nsource: https://www.example.gov.cn/zfgzbg/2024.html?a=1&b=2\n---\n政府工作报告\n各位代表：\n现在。\n"
    report = parse_text(text, "in/鄂托克旗_2024.md")
    assert report.source_url == "https://www.example.gov.cn/zfgzbg/2024.html?a=1&b=2"
    assert report.to_json()["source_url"] == report.source_url
    page = {p.path: p for p in report_pages.pages(_context([report]))}["reports/2024-e-tuo-ke-qi.md"]
    html = render_html(page.content)
    links = {html_lib.unescape(href): text for href, text in re.findall(r'<a href="([^"]+)" rel="noopener">([^<]*)</a>', html)}
    assert links == {"https://www.example.gov.cn/zfgzbg/2024.html?a=1&b=2": "www.example.gov.cn"}
    assert "鄂托克旗_2024.md" not in html
    hostile = parse_text("---\nsource: javascript:alert(1)\n---\n政府工作报告\n各位代表：\n", "in/鄂托克旗_2023.md")
    assert hostile.source_url == ""


def test_reports_yaml_source_url(tmp_path):
    from generator.config import load_config as load_site_config
    from generator.errors import GeneratorError
    from generator.ingest import parse_text

    (tmp_path / "site_config").mkdir()
    (tmp_path / "site_config" / "reports.yaml").write_text(
        "x.txt:\n  source_url: https://www.example.gov.cn/a.html\n", encoding="utf-8")
    config = load_site_config(tmp_path)
    assert parse_text("政府工作报告\n各位代表：\n", "x.txt", config).source_url == "https://www.example.gov.cn/a.html"
    (tmp_path / "site_config" / "reports.yaml").write_text("x.txt:\n  source_url: ftp://a\n", encoding="utf-8")
    with pytest.raises(GeneratorError, match="not an http"):
        load_site_config(tmp_path)


def test_card_says_what_the_text_does_not_state(pages):
    """乌兰察布 2024 names no date and no speaker: the card says 原文未载 rather than leaving it out."""
    card = pages["reports/2024-wulanchabu-shi.md"].content.split("</dl>")[0]
    assert '<dt markdown="span">日期</dt>\n<dd markdown="span">原文未载</dd>' in card
    assert '<dt markdown="span">报告人</dt>\n<dd markdown="span">原文未载</dd>' in card
    etuoke = pages["reports/2024-etuoke-qi.md"].content.split("</dl>")[0]
    assert "原文未载" not in etuoke


def test_report_name_does_not_repeat_region_or_year():
    """A front-matter title that already names region and year is not prefixed again
    (内蒙古自治区 2024年2024年内蒙古自治区政府工作报告 was the old reading)."""
    r = Report(source="x.md", slug="x", title="2024年内蒙古自治区政府工作报告",
               region=Region("内蒙古自治区", "province", "150000"), year=2024)
    assert r.full_title(" ") == r.full_title() == "2024年内蒙古自治区政府工作报告"
    r = Report(source="y.md", slug="y", region=Region("鄂托克旗", "county"), year=2024)
    assert (r.full_title(), r.full_title(" ")) == ("鄂托克旗2024年政府工作报告", "鄂托克旗 2024年政府工作报告")
