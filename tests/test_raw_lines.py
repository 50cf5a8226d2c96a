"""The Markdown fast path for one-line HTML blocks (generator/site/render/raw_lines.py): the
generated pages render to the same HTML with it as without it (but for whitespace between
tags), and Markdown that a block asks for is still rendered."""

from __future__ import annotations

import re

import markdown
import pytest
from mkdocs.config import load_config

from conftest import ROOT
from generator.site.build import build_site
from generator.site.render.raw_lines import RawLines, RawLinesExtension

_BETWEEN_TAGS = re.compile(r">\s+<")


@pytest.fixture(scope="module")
def extensions():
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    return list(config.markdown_extensions), dict(config.mdx_configs or {})


def _convert(text: str, extensions, fast: bool) -> str:
    names, configs = extensions
    md = markdown.Markdown(extensions=names + ([RawLinesExtension()] if fast else []), extension_configs=configs)
    return md.convert(text)


def test_seed_pages_render_the_same_with_the_fast_path(tmp_path, extensions, monkeypatch):
    docs = tmp_path / "docs"
    build_site(ROOT, out_dir=docs, quiet=True, echo=False)
    stashed = []
    real = RawLines.run

    def counting(self, lines):
        out = real(self, lines)
        stashed.append(sum(1 for a, b in zip(lines, out) if a != b))
        return out

    monkeypatch.setattr(RawLines, "run", counting)
    pages = sorted(docs.rglob("*.md"))
    assert len(pages) > 100
    for page in pages:
        text = page.read_text(encoding="utf-8")
        plain, fast = _convert(text, extensions, False), _convert(text, extensions, True)
        assert _BETWEEN_TAGS.sub("><", fast) == _BETWEEN_TAGS.sub("><", plain), page
    assert sum(stashed) > 300  # headings, tables and charts went the fast way (429 lines on the seeds)


def test_markdown_inside_a_block_is_still_rendered(extensions):
    text = ('<p id="a" markdown="span">**粗体**与[链接](x.md)</p>\n\n'
            '<p id="b">**不是Markdown**</p>\n'
            '下一行紧接着\n\n'
            '<table><tr><td>**表格**</td></tr></table>\n')
    html = _convert(text, extensions, True)
    assert "<strong>粗体</strong>" in html and '<a href="x.md">链接</a>' in html
    assert "**不是Markdown**" in html  # raw HTML, as Python-Markdown leaves it
    assert "<td>**表格**</td>" in html
    assert _BETWEEN_TAGS.sub("><", html) == _BETWEEN_TAGS.sub("><", _convert(text, extensions, False))
