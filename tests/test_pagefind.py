"""The Pagefind switch's HTML rewriting and indexing (no browser needed)."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path, PurePosixPath
from types import SimpleNamespace

import pytest

from generator.site.search import pagefind
from generator.site.search import pagefind_lookup, pagefind_meta, zh_segment
from generator.site.search.pagefind_ui import SCRIPT_NAME, presplit_js, search_js

PAGE = """<!doctype html><html lang="zh"><head></head><body>
<header class="md-header"><nav class="md-header__inner md-grid">
<div class="md-header__title">站名</div>
<label class="md-header__button md-icon" for="__search"></label>
<div class="md-search" data-md-component="search" role="dialog"><form class="md-search__form" name="search">
<input class="md-search__input"></form></div>
<div class="md-header__source">repo</div>
</nav></header>
<article class="md-content__inner md-typeset">
<h1 id="x">{title}<a class="headerlink" href="#x" title="本节链接">¶</a></h1><p>正文</p>
</article>
<script src="{prefix}assets/javascripts/bundle.a5f9d56c.min.js"></script>
</body></html>"""


def page(title="三北工程", prefix="../../"):
    return PAGE.replace("{title}", title).replace("{prefix}", prefix)


def test_term_page_gets_body_weight_term_title_and_script():
    html = pagefind.rewrite_page(page(), PurePosixPath("glossary/san-bei-gong-cheng/index.html"))
    assert '<article class="md-content__inner md-typeset" data-pagefind-body data-pagefind-meta="kind:术语"' in html
    assert ('<h1 data-pagefind-weight="10" data-pf-term="三北工程|glossary/san-bei-gong-cheng/|三北工程|正文"'
            ' id="x">') in html
    assert "data-pagefind-filter" not in html  # a Pagefind filter is one file every query downloads
    assert 'class="headerlink"' in html and ".headerlink" in pagefind.EXCLUDE_SELECTORS  # no ¶ in the index
    assert f'<script src="../../{SCRIPT_NAME}"></script>\n</body>' in html
    # Material's box stays in place; only Material's search component is detached from it.
    assert 'class="md-search" data-pf-search role="dialog"' in html
    assert 'data-md-component="search"' not in html
    assert 'name="search"' not in html  # Material fetches search_index.json for a form named "search"


def test_quoted_headword_is_one_term_value_and_indexed_without_quotes():
    html = pagefind.rewrite_page(page("“四办”改革"), PurePosixPath("glossary/si-ban-gai-ge/index.html"))
    assert 'data-pf-term="“四办”改革|glossary/si-ban-gai-ge/|“四办”改革|正文"' in html
    assert '<pf-q>“</pf-q>四办<pf-q>”</pf-q>改革<a class="headerlink"' in html
    assert "pf-q" in pagefind.EXCLUDE_SELECTORS


def test_quotes_in_the_article_text_are_left_out_of_the_index_and_nowhere_else():
    body = '<p>实施<a href="x" title="“三北”工程：说明">“三北”工程</a>攻坚战，「一网通办」</p>'
    html = pagefind.rewrite_page(page("报告").replace("<p>正文</p>", body).replace("站名", "“站名”"),
                                 PurePosixPath("reports/r/index.html"))
    q = "<pf-q>{}</pf-q>"
    assert (f'<p>实施<a href="x" title="“三北”工程：说明">{q.format("“")}三北{q.format("”")}工程</a>'
            f'攻坚战，{q.format("「")}一网通办{q.format("」")}</p>') in html
    assert "“站名”" in html  # the header, outside the article, is not touched
    marked = page("报告").replace("<p>正文</p>", '<p id="p1">正文<a class="headerlink" href="#p1" data-search-exclude>¶</a></p>'
                                 '<div class="excerpts" data-search-exclude="true"><p>摘录</p></div>')
    html = pagefind.rewrite_page(marked, PurePosixPath("reports/r/index.html"))
    assert "data-search-exclude" not in html  # Material's search is off: its marks go
    assert '<a class="headerlink" href="#p1">¶</a>' in html and '<div class="excerpts">' in html
    # A page that is not indexed is left as it was.
    listing = pagefind.rewrite_page(page("“四办”改革"), PurePosixPath("glossary/index.html"))
    assert "<pf-q>" not in listing


def test_region_page_is_listed_under_its_name():
    html = pagefind.rewrite_page(page("鄂尔多斯市"), PurePosixPath("regions/e-er-duo-si-shi/index.html"))
    assert ('<h1 data-pagefind-weight="10" data-pf-term="鄂尔多斯市|regions/e-er-duo-si-shi/|'
            '鄂尔多斯市|正文" id="x">') in html
    assert 'data-pagefind-meta="kind:地区"' in html
    assert "data-pf-term" not in pagefind.rewrite_page(page("地区"), PurePosixPath("regions/index.html"))


def test_excerpts_of_other_pages_are_not_indexed_on_term_and_topic_pages():
    body = ('<h2 id="definitions">释义</h2><p>定义</p><h2 id="occurrences">出现位置</h2><div><p>摘录</p></div>'
            '<h2 id="usage">用例</h2><table><tr><td>1</td></tr></table><h2 id="related">相关术语</h2><p>相关</p>')
    html = pagefind.rewrite_page(page().replace("<p>正文</p>", body), PurePosixPath("glossary/t/index.html"))
    ignored = html[html.index('<div data-pagefind-ignore="all">'):html.index("</article>")]
    assert all(f'<h2 id="{h}">' in ignored for h in ("occurrences", "usage", "related")) and "定义" not in ignored
    region = pagefind.rewrite_page(page("鄂尔多斯市").replace(
        "<p>正文</p>", '<p>代码</p><h2 id="reports">报告</h2><h2 id="top-terms">常见术语</h2><p>三北工程</p>'),
        PurePosixPath("regions/e/index.html"))
    assert region.index("</h2>", region.index('id="reports"')) < region.index('<div data-pagefind-ignore="all"><h2 id="top-terms">')
    topic = pagefind.rewrite_page(page("民生保障").replace("<p>正文</p>", "<p>说明</p>" + body),
                                  PurePosixPath("topics/min-sheng/index.html"))
    assert topic.index("说明") < topic.index('<div data-pagefind-ignore="all"><h2 id="definitions">')
    # An unbalanced range (a heading inside a wrapper element) is left alone.
    odd = page().replace("<p>正文</p>", '<div><h2 id="occurrences">x</h2></div><h2 id="related">y</h2>')
    assert 'data-pagefind-ignore="all"' not in pagefind.rewrite_page(odd, PurePosixPath("glossary/t/index.html"))


def test_other_pages_are_indexed_without_term_markup():
    for rel in ("reports/2024-etuoke-qi/index.html", "topics/x/index.html", "index.html"):
        html = pagefind.rewrite_page(page(), PurePosixPath(rel))
        assert "data-pagefind-body" in html
        assert "data-pagefind-weight" not in html and "data-pf-term" not in html


def test_glossary_lists_are_not_indexed_so_term_queries_find_content():
    for rel in ("glossary/index.html", "glossary/numerals/index.html", "glossary/categories/index.html",
                "about/candidates/index.html", "glossary/categories/14--18/index.html",
                "glossary/letters/a/index.html", "glossary/numerals/1--2/index.html",
                "glossary/by-year/index.html", "glossary/by-year/2024/index.html"):
        html = pagefind.rewrite_page(page(), PurePosixPath(rel))
        assert "data-pagefind-body" not in html and "data-pf-search" in html


def test_404_is_not_indexed_but_keeps_a_working_box():
    html = pagefind.rewrite_page(page(prefix="/"), PurePosixPath("404.html"))
    assert "data-pagefind-body" not in html
    assert f'<script src="/{SCRIPT_NAME}">' in html


def test_rewrite_is_idempotent():
    rel = PurePosixPath("glossary/san-bei-gong-cheng/index.html")
    once = pagefind.rewrite_page(page(), rel)
    assert pagefind.rewrite_page(once, rel) == once


def test_box_is_inserted_when_material_search_is_off():
    no_box = page().replace('<label class="md-header__button md-icon" for="__search"></label>\n', "")
    start = no_box.index('<div class="md-search"')
    no_box = no_box[:start] + no_box[no_box.index("</div>", start) + len("</div>\n"):]
    html = pagefind.rewrite_page(no_box, PurePosixPath("reports/x/index.html"))
    assert html.index('class="md-search" data-pf-search') < html.index('<div class="md-header__source">')
    assert 'for="__search"' in html and "md-search__input" in html and "md-search-result__list" in html


@pytest.mark.skipif(not pagefind.pagefind_available(), reason="Pagefind is not installed: pip install '.[pagefind]'")
def test_index_site_writes_chunks_and_drops_material_index(tmp_path):
    site = tmp_path / "site"
    for rel, title in (("glossary/san-bei-gong-cheng/index.html", "三北工程"),
                       ("reports/r/index.html", "鄂托克旗2024年政府工作报告")):
        (site / rel).parent.mkdir(parents=True)
        (site / rel).write_text(pagefind.rewrite_page(page(title), PurePosixPath(rel)), encoding="utf-8")
    (site / "search").mkdir()
    (site / "search" / "search_index.json").write_text("{}", encoding="utf-8")
    result = pagefind.apply(site)
    assert result.pages_indexed == 2 and result.removed_material_index
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert list((site / "pagefind").glob("index/*.pf_index"))
    # No Pagefind filter (one file of every term's title, 222 kB on cn/, read by every first
    # query): the term titles are in key-sharded files, the shard of 三北工程 holds its page.
    assert not list((site / "pagefind").glob("filter/*.pf_filter"))
    assert len(list((site / "pagefind" / "terms").glob("*.json"))) == pagefind_lookup.TERM_SHARDS
    shard = site / "pagefind" / "terms" / f"{pagefind_lookup.term_shard('三北工程')}.json"
    assert json.loads(shard.read_text(encoding="utf-8"))["三北工程"] == ["glossary/san-bei-gong-cheng/", "三北工程", "正文"]
    # The index chunks' word ranges, read from Pagefind's own meta file, cover the index's words.
    chunks = pagefind_meta.index_chunks(site / "pagefind")
    assert chunks and all((site / "pagefind" / "index" / f"{h}.pf_index").is_file() for _, _, h in chunks)
    assert any(first <= "三北" <= last for first, last, _ in chunks)
    heavy = json.loads((site / "pagefind" / pagefind_lookup.HEAVY_FILE).read_text(encoding="utf-8"))
    assert heavy == {"budget": pagefind_lookup.HEAVY_BUDGET, "chunks": []}  # no chunk of 100 kB here
    assert pagefind_lookup.write_heavy(site / "pagefind", min_bytes=1) == len(chunks)
    assert (site / SCRIPT_NAME).read_text(encoding="utf-8") == search_js()
    # The query is cut with the index's dictionary: its shards, and the segmenter wrapper
    # in front of Pagefind's worker (once, however often the site is indexed).
    assert len(list((site / "pagefind" / "zh-dict").glob("*.txt"))) == zh_segment.SHARDS
    worker = (site / "pagefind" / "pagefind-worker.js").read_text(encoding="utf-8")
    assert worker.startswith(presplit_js()) and worker.count("pfPresplit = true") == 1
    assert pagefind.patch_worker(site) and worker == (site / "pagefind" / "pagefind-worker.js").read_text(encoding="utf-8")
    again = pagefind.apply(site)  # a rebuild over the same folder leaves no stale chunks
    assert again.index_bytes == result.index_bytes


def test_disable_material_search_turns_the_plugin_off():
    from mkdocs.config import load_config

    from conftest import ROOT

    config = load_config(config_file=str(ROOT / "mkdocs.yml"), watch=[])
    assert pagefind.disable_material_search(config) is True
    assert config.plugins["material/search"].config.enabled is False


def test_hooks_mark_pages_by_their_built_path_and_leave_the_sitemap():
    term = SimpleNamespace(file=SimpleNamespace(dest_uri="glossary/san-bei-gong-cheng/index.html"))
    assert pagefind.on_post_page(page(), term) == pagefind.rewrite_page(
        page(), PurePosixPath("glossary/san-bei-gong-cheng/index.html"))
    assert "data-pagefind-weight" in pagefind.on_post_page(page(), term)
    not_found = pagefind.on_post_template(page(prefix="/"), "404.html")
    assert "data-pagefind-body" not in not_found and "data-pf-search" in not_found
    assert pagefind.on_post_template("<urlset></urlset>", "sitemap.xml") == "<urlset></urlset>"


def test_search_script_is_package_data():
    script = resources.files("generator.site.search") / "assets" / "pagefind-search.js"
    assert script.is_file() and search_js().endswith(script.read_text(encoding="utf-8"))
    assert search_js().startswith(presplit_js()) and "pfPresplit" in presplit_js()
    assert "p.exact.map(function (e) { return pf.search(e); })" in search_js()


def test_material_markup_the_rewrite_relies_on_is_in_the_installed_theme():
    """The few literal anchors rewrite_page finds in Material's pages (pinned minor version)."""
    templates = Path(str(resources.files("material") / "templates"))
    base = (templates / "base.html").read_text(encoding="utf-8")
    header = (templates / "partials" / "header.html").read_text(encoding="utf-8")
    search = (templates / "partials" / "search.html").read_text(encoding="utf-8")
    assert pagefind.ARTICLE_RE.search(base)
    assert re.search(r"<script src=\"\{\{ 'assets/javascripts/bundle\.[0-9a-f]+\.min\.js' \| url \}\}\">", base)
    assert "</body>" in base and "<header" in header and '<div class="md-header__source">' in header
    assert pagefind.MATERIAL_BOX in search
    assert pagefind.MATERIAL_FORM in search


def test_term_lookup_keys_and_which_page_a_shared_key_finds():
    records = [("glossary/ordos/", "鄂尔多斯", "术语"), ("glossary/si-ban/", "“四办”改革", "说明"),
               ("regions/e-er-duo-si-shi/", "鄂尔多斯市", "地区"), ("regions/nei-meng-gu/", "内蒙古自治区", "区"),
               ("regions/a-shi/", "阿市", "短")]
    table = pagefind_lookup.term_table(records)
    assert table["四办改革"] == ["glossary/si-ban/", "“四办”改革", "说明"]  # looked up without quotes
    assert table["鄂尔多斯市"][0] == "regions/e-er-duo-si-shi/" and table["内蒙古"][0] == "regions/nei-meng-gu/"
    assert table["鄂尔多斯"][0] == "glossary/ordos/"  # a page's full title beats a region's short name
    assert "阿" not in table  # a one-character short name would catch every query of it
    assert pagefind_lookup.bare(" “三北”工程 ,x ") == "三北工程 x"
    assert all(0 <= pagefind_lookup.term_shard(k) < pagefind_lookup.TERM_SHARDS for k in table)


def test_pagefind_meta_reader_names_the_file_it_cannot_read(tmp_path):
    import gzip

    bad = tmp_path / "pagefind.zh_x.pf_meta"
    bad.write_bytes(gzip.compress(b"not pagefind"))
    with pytest.raises(ValueError, match="pf_meta: not a Pagefind data file"):
        pagefind_meta.read(bad)
    bad.write_bytes(gzip.compress(pagefind_meta.SIGNATURE + bytes([0xC1])))  # a CBOR tag
    with pytest.raises(ValueError, match="pf_meta: cannot read Pagefind's format"):
        pagefind_meta.read(bad)
