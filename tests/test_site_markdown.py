"""Report text shows exactly as written through the real Markdown pipeline of mkdocs.yml."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from generator.site.render import markdown as md

from conftest import ROOT

ADVERSARIAL = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "[x]: javascript:alert(1)",
    "<a href=\"javascript:alert(1)\">点我</a>",
    "    四个空格开头会变成代码块",
    "\t制表符开头",
    "1. 不是列表",
    "12. 也不是列表",
    "2024. 年份后跟点",
    "*a* **b** ***c***",
    "_b_ __c__",
    "# 不是标题",
    "## 也不是 ##",
    "> 不是引用",
    "| t | u |",
    "|---|---|",
    "- 不是列表",
    "+ 不是列表",
    "---",
    "===",
    "***",
    "反斜杠 \\ \\\\ \\* \\_ \\[",
    "`代码` ``双`` ```三```",
    "```\n围栏\n```",
    "~~~",
    "a & b &amp; &lt; &#42; &copy;",
    "<!-- 注释 -->",
    "{: #id .cls onclick=alert(1) }",
    "标题 {#anchor}",
    "!!! note \"提示\"",
    "??? 折叠",
    "==高亮== ^^上标^^ ~~删除~~ ++ctrl++",
    "$x$ $$y$$",
    ":smile: :material-home:",
    "[^1] 脚注",
    "*[HTML]: 缩写",
    "<http://example.com> https://example.com www.example.com",
    "![图](x.png)",
    "“引号”‘单引号’ \"直引号\" '单'",
    "行一\n行二\n\n行三",
    "行尾两个空格  \n下一行",
    ": 定义",
    "term\n:   definition",
    "\x02\x03控制字符\x00",
    "<div markdown=\"1\">*x*</div>",
    "一是…。——破折号 2.5% 1-2家",
]


@pytest.fixture(scope="module")
def mkdocs_markdown():
    cfg = load_config(str(ROOT / "mkdocs.yml"))
    exts, configs = cfg["markdown_extensions"], cfg["mdx_configs"]

    def render(text: str) -> str:
        return markdown.markdown(text, extensions=exts, extension_configs=configs)

    return render


class _Visible(HTMLParser):
    """Collect visible text, tags and attributes; skip permalink anchors."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend((k, v or "") for k, v in attrs)
        if tag == "a" and ("class", "headerlink") in attrs:
            self._skip += 1
        if tag == "br":
            self.text.append("\n")

    def handle_endtag(self, tag):
        if tag == "a" and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def visible(html: str) -> _Visible:
    parser = _Visible()
    parser.feed(html)
    parser.close()
    return parser


def expected_visible(s: str) -> str:
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    return "".join("\ufffd" if (ord(c) < 32 and c not in "\t\n") or ord(c) == 127 else c for c in s)


def _strip_newlines_around_br(text: str) -> str:
    # "<br />\n" is a break plus a source newline: count it once.
    return text.replace("\n\n", "\n")


def assert_safe(p: _Visible) -> None:
    assert "script" not in p.tags and "img" not in p.tags and "div" not in p.tags
    for name, value in p.attrs:
        assert not name.startswith("on"), (name, value)
        if name in ("href", "src"):
            assert ":" not in value, (name, value)


@pytest.mark.parametrize("source", ADVERSARIAL)
def test_escape_text_shows_text_as_written(mkdocs_markdown, source):
    html = mkdocs_markdown(md.escape_text(source))
    p = visible(html)
    assert_safe(p)
    assert set(p.tags) <= {"p", "br"}, html
    assert _strip_newlines_around_br("".join(p.text)) == expected_visible(source), html


@pytest.mark.parametrize("source", ADVERSARIAL)
def test_heading_is_plain_text_with_its_id(mkdocs_markdown, source):
    html = mkdocs_markdown(md.heading(2, source, "sec-1"))
    p = visible(html)
    assert_safe(p)
    assert p.tags[0] == "h2" and ("id", "sec-1") in p.attrs
    assert set(p.tags) <= {"h2", "a"}  # the only link is the toc permalink
    shown = "".join(p.text).replace("¶", "").strip()
    assert shown == expected_visible(source).replace("\n", " ").strip()


@pytest.mark.parametrize("source", ADVERSARIAL)
def test_block_with_link_and_lead(mkdocs_markdown, source):
    text = "一是" + source + "。其余" + source
    spans = [(2, 2 + len(source), "../glossary/x-y.md", source)] if source else []
    inline = md.render_linked(text, spans, lead=3)
    html = mkdocs_markdown(md.block("p", "p1-2", inline))
    p = visible(html)
    assert_safe(p)
    assert set(p.tags) <= {"p", "a", "strong", "br"}, html
    assert ("id", "p1-2") in p.attrs and ("href", "#p1-2") in p.attrs
    if spans:
        assert ("href", "../glossary/x-y.md") in p.attrs
        titles = [v.strip() for k, v in p.attrs if k == "title"]
        assert expected_visible(source).replace("\n", " ").strip() in titles
    shown = _strip_newlines_around_br("".join(p.text)).rstrip()
    assert shown == expected_visible(text)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("*_#>|[]()<>&\\`~^=+!:${}\"'-. \t\n0123456789ab一是“”")), max_size=40))
def test_any_punctuation_mix_shows_as_written(mkdocs_markdown, source):
    html = mkdocs_markdown(md.block("p", "p1", md.render_linked(source, [(0, len(source) // 2, "a.md", source)])))
    p = visible(html)
    assert_safe(p)
    shown = _strip_newlines_around_br("".join(p.text)).strip()
    assert shown == expected_visible(source).strip() or not source.strip()


def test_item_list_and_definition_list(mkdocs_markdown):
    items = md.container("ol", [md.block("li", "p3-1", md.escape_text("1. <b>甲</b>")),
                                md.block("li", "p3-2", md.escape_text("*乙*"))], cls="report-items")
    terms = md.container("dl", [md.block("dt", "mc-1", md.link("“四办”改革", "../glossary/si-ban.md", "一网办")),
                                md.block("dd", "", md.escape_text("一网办、掌上办"), cite=False)])
    html = mkdocs_markdown(items + "\n\n" + terms)
    p = visible(html)
    assert p.tags.count("li") == 2 and "dt" in p.tags and "dd" in p.tags
    assert ("id", "p3-1") in p.attrs and ("id", "mc-1") in p.attrs
    assert ("href", "../glossary/si-ban.md") in p.attrs
    assert "1. <b>甲</b>" in "".join(p.text)


@pytest.mark.parametrize("href", ["javascript:alert(1)", " JavaScript:x", "//evil.example/x", "data:text/html,x"])
def test_links_refuse_schemes(href):
    with pytest.raises(ValueError):
        md.link("x", href)


@pytest.mark.parametrize("anchor", ['x" onclick="a', "a b", "", "<x>"])
def test_anchors_must_be_plain_ids(anchor):
    with pytest.raises(ValueError):
        md.block("p", anchor, "x") if anchor else md.check_anchor(anchor)


def test_overlapping_spans_are_dropped_and_lead_wraps_whole_link():
    out = md.render_linked("一二三四五六", [(1, 4, "a.md", ""), (2, 5, "b.md", "")], lead=2)
    assert out == "**一[二三四](a.md)**五六"


@pytest.mark.parametrize("anchor", ["_x_", "a_b_c", "s_1_", "一、_甲_"[2:]])
def test_heading_ids_with_underscores(mkdocs_markdown, anchor):
    p = visible(mkdocs_markdown(md.heading(2, "标题", anchor)))
    assert ("id", anchor) in p.attrs and "em" not in p.tags
    assert "".join(p.text).replace("¶", "").strip() == "标题"
