"""Report text is text: random reports go through parse -> report page -> Markdown -> HTML.

The property (500 examples a run):

- nothing raises;
- every non-whitespace character of the source shows, in order, in the rendered
  page's visible text, unless the removal record (``Report.removed``) accounts for it;
- no HTML element or attribute of the input reaches the output: the page holds only
  the tags and attributes the generator itself writes, no ``on*`` attribute, no
  link with a scheme (``javascript:``).
"""

from __future__ import annotations

from html import unescape as unescape_entity
from collections import Counter

import markdown
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config as load_mkdocs_config

from conftest import ROOT
from test_site_markdown import visible as parse_html  # visible text, tags, attributes
from generator.config import load_config
from generator.glossary import build_glossary
from generator.ingest import parse_text
from generator.ingest.fidelity import document_text
from generator.model import Report
from generator.site.pages import report as report_pages
from generator.site.context import SiteContext

# What the report page generator itself writes (generator/site/report_pages.py and
# markdown.py) plus what the mkdocs.yml extensions add (toc permalinks).
GENERATED_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "a", "strong", "br", "span", "code",
                  "div", "nav", "dl", "dt", "dd", "ol", "ul", "li",  # ul: the 主要预期目标 box, the 新提法 lists
                  "table", "thead", "tbody", "tr", "th", "td",  # a report's own | … | table
                  "q"}  # a removed text quoted in the 整理记录

GENERATED_ATTRS = {"id", "class", "href", "title", "data-search-exclude", "rel", "data-src", "data-term",
                   "data-n", "data-cite-head", "data-cite-url", "role"}  # paragraph numbers, citation, notes
GENERATED_CLASSES = {"headerlink", "report-meta", "report-front", "report-items", "report-item",
                     "report-title-line", "item-number", "report-glossary", "report-neighbours", "report-table",
                     "admonition", "abstract", "admonition-title", "report-targets",  # 主要预期目标 box
                     "novelty-list",
                     "cite-text", "warning", "source-notices", "source-note", "removal-record",  # citation, notices
                     "report-compare"}  # the link to the 对比 page


# --------------------------------------------------------------------------- the pipeline


@pytest.fixture(scope="module")
def pipeline():
    """parse_text -> glossary -> report page -> HTML, with the real config and mkdocs.yml."""
    config = load_config(ROOT)
    mk = load_mkdocs_config(str(ROOT / "mkdocs.yml"))
    md = markdown.Markdown(extensions=mk["markdown_extensions"], extension_configs=mk["mdx_configs"])

    def run(text: str) -> tuple[Report, str]:
        report = parse_text(text, "seeds/generated.txt", config)
        ctx = SiteContext.create(ROOT, config, [report], build_glossary([report], config))
        (page,) = list(report_pages.pages(ctx))
        md.reset()
        return report, md.convert(page.content)

    return run


def nonspace(s: str) -> str:
    return "".join(s.split())


def first_missing(needle: str, haystack: str) -> int:
    """Index of the first character of ``needle`` that is not in ``haystack`` in order; -1 if none."""
    pos = 0
    for i, ch in enumerate(needle):
        pos = haystack.find(ch, pos)
        if pos < 0:
            return i
        pos += 1
    return -1


def assert_text_shown_and_inert(source: str, report: Report, html: str) -> None:
    """Every non-whitespace source character is on the page, in order, or in the removal record.

    With S, D, R and V the non-whitespace characters of the source, of the document
    (``fidelity.document_text``: title block, preamble, headings, paragraphs, item
    numbers, glossary entries, in reading order), of the removal record and of the
    page's visible text: D is a subsequence of S and of V, and S less D is exactly R
    (as multisets). So each source character is either shown, in source order, or
    accounted for by a record; nothing is invented or recorded twice.
    """
    page = parse_html(html)
    src, doc = nonspace(source), nonspace(document_text(report))
    rem = nonspace("".join(r.text for r in report.removed))
    shown = nonspace("".join(page.text))
    decoded = source  # decoded HTML entities (recorded replacements) read as what they became
    for r in report.removed:
        if r.reason == "html-entity" and r.text.startswith("&"):
            decoded = decoded.replace(r.text, unescape_entity(r.text))
    i = first_missing(doc, nonspace(decoded))
    assert i < 0, f"document text not in the source in order: …{doc[max(0, i - 20):i]}⟨{doc[i]}⟩{doc[i + 1:i + 20]}…"
    unaccounted = Counter(src)
    unaccounted.subtract(doc)
    unaccounted.subtract(rem)
    for r in report.removed:  # a decoded entity is a replacement: its value is in the document
        if r.reason == "html-entity":
            unaccounted.update(nonspace(unescape_entity(r.text) if r.text.startswith("&") else " "))
    lost = "".join(sorted(c * n for c, n in unaccounted.items() if n > 0))
    invented = "".join(sorted(c * -n for c, n in unaccounted.items() if n < 0))
    assert not lost, f"source characters neither shown nor recorded as removed: {lost!r}"
    assert not invented, f"characters recorded as removed that the source lacks: {invented!r}"
    i = first_missing(doc, shown)
    assert i < 0, (f"source character {doc[i]!r} not shown in order: …{doc[max(0, i - 20):i]}⟨{doc[i]}⟩"
                   f"{doc[i + 1:i + 20]}…\n--- html:\n{html}")
    assert set(page.tags) <= GENERATED_TAGS, sorted(set(page.tags) - GENERATED_TAGS)
    for name, value in page.attrs:
        assert name in GENERATED_ATTRS, (name, value)
        if name == "class":
            assert set(value.split()) <= GENERATED_CLASSES, value
        if name == "href" and value != report.source_url:  # the card links the official source
            assert ":" not in value.split("#")[0] and not value.startswith("//"), value


# --------------------------------------------------------------------------- random reports

SPECIALS = "*_#>|[]()<>&\\`"
HAN = "经济发展改革创新生态民生政府工作报告推进建设三北工程七个作模范"
TERMS = ["三北工程", "“三北”工程", "七个作模范", "放管服", "十四五"]
CN = "一二三四五六七八九十"
MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[点我](javascript:alert(1))",
          "<b>粗</b>", '<a href="javascript:x">链接</a>', "&amp;", "&lt;", "<!-- 注 -->", "`代码`", "**粗**",
          "*斜*", "_斜_", "[^1]", "\\*", "{: onclick=x }", "<div markdown=\"1\">*x*</div>"]

FRAGMENT = st.one_of(
    st.text(alphabet=HAN, min_size=1, max_size=8),
    st.text(alphabet=SPECIALS, min_size=1, max_size=3),
    st.sampled_from(TERMS),
    st.sampled_from(MARKUP),
    st.integers(0, 2024).map(str),
    st.sampled_from(["，", "。", "：", "、", "；", " ", "“", "”", "——", "%", "."]),
)
PHRASE = st.lists(FRAGMENT, min_size=1, max_size=6).map("".join)


@st.composite
def report_line(draw) -> str:
    phrase, num = draw(PHRASE), draw(st.sampled_from(CN))
    kind = draw(st.sampled_from(["text", "text", "text", "indent", "part", "sub", "bold", "md-heading",
                                 "numbered", "attachment", "glossary", "entry", "lead", "blank"]))
    return {
        "text": phrase,
        "indent": draw(st.sampled_from(["    ", "\t", "  ", "\u3000\u3000"])) + phrase,
        "part": f"{num}、{phrase}",
        "sub": f"（{num}）{phrase}",
        "bold": f"**{phrase}**",
        "md-heading": f"{draw(st.sampled_from(['#', '##', '###']))} {phrase}",
        "numbered": f"{draw(st.integers(1, 12))}. {phrase}",
        "attachment": f"附件 {draw(st.integers(1, 3))}",
        "glossary": "名词解释",
        "entry": f"{draw(st.integers(1, 5))}.{draw(st.sampled_from(TERMS))}：{phrase}",
        "lead": f"{draw(st.sampled_from(['一是', '——']))}{phrase}。{draw(PHRASE)}",
        "blank": "",
    }[kind]


REPORT = st.lists(report_line(), min_size=1, max_size=8).map("\n".join).filter(str.strip)  # blank: InputError


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(REPORT)
@example("一、总结\n<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))")
@example("    缩进四格\n\t制表符\n1. 不是列表\n# 不是标题\n> 引用 | 表格 | * _ ` \\ & [ ] ( )")
@example("名词解释\n1.三北工程：即三北防护林体系建设工程。\n2.七个作模范：<b>x</b>")
@example("**{: onclick=x }**\n**_斜_**")  # headings whose ids once broke the page
def test_random_reports_show_every_character_and_run_no_markup(pipeline, text):
    report, html = pipeline(text)
    assert_text_shown_and_inert(text, report, html)
    ids = {value for name, value in parse_html(html).attrs if name == "id"}
    anchors = {s.anchor for s in report.walk_sections()} | {p.anchor for _, p in report.paragraphs()}
    assert anchors | {e.anchor for e in report.glossary} <= ids  # every citable place keeps its id


# --------------------------------------------------------------------------- the check can fail


def test_check_notices_a_lost_character(pipeline):
    text = "一、总结\n经济*发展*"
    report, html = pipeline(text)
    assert_text_shown_and_inert(text, report, html)
    with pytest.raises(AssertionError, match="not shown in order"):
        assert_text_shown_and_inert(text, report, html.replace("&#42;", "", 1).replace("*", "", 1))


def test_check_notices_text_dropped_without_a_record(pipeline):
    text = "一、总结\n经济发展。\n生态保护。"
    report, html = pipeline(text)
    report.sections[0].paragraphs.pop()
    with pytest.raises(AssertionError, match="neither shown nor recorded"):
        assert_text_shown_and_inert(text, report, html)


def test_check_notices_markup_from_the_input(pipeline):
    report, html = pipeline("一、总结\n经济")
    with pytest.raises(AssertionError):
        assert_text_shown_and_inert("一、总结\n经济", report, html + "<script>x</script>")
    with pytest.raises(AssertionError):
        assert_text_shown_and_inert("一、总结\n经济", report, html + '<p onclick="x">y</p>')
    with pytest.raises(AssertionError):
        assert_text_shown_and_inert("一、总结\n经济", report, html + '<a href="javascript:x">y</a>')
