"""Search quality with `search: pagefind` on a realistic corpus, in headless Chromium.

One build of the shared corpus (../shared/corpus/nmg, 95 reports; the seeds when it is
absent) with Pagefind, then the reader's queries typed into the search box:

- 20 common policy phrases (tests/data/search_phrases.txt): each of the first five
  results holds the phrase whole — precision@5 >= 95 % (benchmarks/search_quality.py);
- 营商环境 no longer lists 营口市 reports; a glossary term lists its term page first and
  the reports that use it, quoted uses (“三北”工程) included; a region's name (with or
  without 市) lists the region page first; no zero-width spaces in what is shown;
- the query is cut in the browser exactly as zh_segment (= Pagefind's indexer) cuts it;
- a first query downloads less than 1 MB.

Skips (saying why) without Chromium, Playwright or Pagefind.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import CORPUS, ROOT, SEEDS
from generator.site.search import pagefind
from generator.site.search.zh_segment import segment

sys.path.insert(0, str(ROOT / "benchmarks"))
import browser_search  # noqa: E402
import search_quality  # noqa: E402
import worker  # noqa: E402

pytestmark = pytest.mark.browser
ON_CORPUS = CORPUS.is_dir()


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    reason = browser_search.browser_available()
    if reason:
        pytest.skip(reason)
    if not pagefind.pagefind_available() or not pagefind.extended_available():
        pytest.skip("Pagefind (extended) is not installed: pip install -e '.[pagefind]'")
    work = tmp_path_factory.mktemp("pagefind-corpus")
    root = worker.make_project(work, CORPUS if ON_CORPUS else SEEDS, "pagefind")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
           "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return root / "site"


@pytest.fixture(scope="module")
def served(corpus_site):
    with browser_search.serve(corpus_site) as url:
        yield url


@pytest.fixture(scope="module")
def search_page(chromium, served):
    page = chromium.new_page()
    page.goto(served, wait_until="networkidle")
    yield page
    page.close()


def ask(search_page, *queries):
    return {q.query: q for q in search_quality.run_queries(search_page, list(queries))}


def paths(query, base):
    return [r.url[len(base) - 1:] if r.url.startswith(base) else r.url for r in query.results]


def test_common_phrases_precision_at_5(search_page):
    phrases = search_quality.load_phrases()
    assert len(phrases) == 20
    queries = search_quality.run_queries(search_page, phrases)
    p = search_quality.precision(queries)
    assert p >= 0.95, search_quality.report(queries)
    assert all(q.results for q in queries), search_quality.report(queries)


def test_business_environment_does_not_list_yingkou(search_page):
    found = ask(search_page, "营商环境")["营商环境"]
    assert len(found.results) == 5
    for r in found.results:
        assert "营商环境" in r.text and "营口" not in r.title, r


def test_term_page_first_and_reports_using_it_quoted_forms_included(search_page, served):
    found = ask(search_page, "三北工程", "两个确立", "七个作模范")
    sanbei = found["三北工程"]
    assert paths(sanbei, served)[0] == "/glossary/san-bei-gong-cheng/"
    if ON_CORPUS:  # the 2024 report writes it “三北”工程, five times
        assert "/reports/2024-nei-meng-gu-zi-zhi-qu/" in paths(sanbei, served)[:5], paths(sanbei, served)
    assert paths(found["两个确立"], served)[0] == "/glossary/liang-ge-que-li/"
    assert paths(found["七个作模范"], served)[0] == "/glossary/qi-ge-zuo-mo-fan/"
    for q in found.values():  # shown (and copied) without Pagefind's zero-width word breaks
        assert not any(r.zwsp for r in q.results), q.query


@pytest.mark.skipif(not ON_CORPUS, reason=f"shared corpus not found at {CORPUS}")
def test_region_name_finds_region_page_first(search_page, served):
    found = ask(search_page, "鄂尔多斯市", "鄂尔多斯", "内蒙古自治区", "内蒙古")
    assert paths(found["鄂尔多斯市"], served)[0] == "/regions/e-er-duo-si-shi/"
    assert paths(found["鄂尔多斯"], served)[0] == "/regions/e-er-duo-si-shi/"
    assert paths(found["内蒙古自治区"], served)[0] == "/regions/nei-meng-gu-zi-zhi-qu/"
    assert paths(found["内蒙古"], served)[0] == "/regions/nei-meng-gu-zi-zhi-qu/"


def test_browser_cuts_queries_as_the_index_does(search_page):
    texts = search_quality.load_phrases() + ["三北工程", "内蒙古自治区", "呼包鄂乌一体化", "5G基站建设", "2024年"]
    cut = search_page.evaluate("ts => Promise.all(ts.map(t => window.pfSegment(t)))", texts)
    assert dict(zip(texts, cut)) == {t: segment(t) for t in texts}


def test_first_query_downloads_under_1_mb(corpus_site, chromium, served):
    found = browser_search.search(served, "营商环境", browser=chromium)
    assert found.results and not found.failed, found.failed
    fetched = sum(found.query_bytes.values())
    assert fetched < 1_000_000, sorted(found.query_bytes.items(), key=lambda kv: -kv[1])[:10]
