"""`search: pagefind` end to end: build the seeds with Pagefind, search in headless Chromium.

Skips (saying why) when Chromium or Playwright is missing, or Pagefind is not installed
(``pip install -e '.[pagefind]'``).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT
from generator.site.search import pagefind

sys.path.insert(0, str(ROOT / "benchmarks"))
import browser_search  # noqa: E402
import worker  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory):
    reason = browser_search.browser_available()
    if reason:
        pytest.skip(reason)
    if not pagefind.pagefind_available():
        pytest.skip("Pagefind is not installed: pip install -e '.[pagefind]'")
    work = tmp_path_factory.mktemp("pagefind")
    root = worker.make_project(work, ROOT / "seeds", "pagefind")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
           "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return root / "site"


def test_pagefind_replaces_material_search_in_the_built_site(pagefind_site):
    assert (pagefind_site / "pagefind" / "pagefind.js").is_file()
    assert not (pagefind_site / "search" / "search_index.json").exists()
    home = (pagefind_site / "index.html").read_text(encoding="utf-8")
    header = home[home.index("<header"):home.index("</header>")]
    assert 'class="md-search" data-pf-search' in header and "md-search__input" in header


def test_term_page_is_the_first_result_for_its_term(pagefind_site, chromium):
    with browser_search.serve(pagefind_site) as url:
        found = browser_search.search(url + "reports/2024-etuoke-qi/", "三北工程", browser=chromium)
    assert found.results, f"no results; result line: {found.meta!r}"
    assert found.results[0].endswith("/glossary/san-bei-gong-cheng/"), found.results[:5]
    assert found.titles[0] == "三北工程"
    assert not found.failed, found.failed  # e.g. Material still asking for search_index.json
    # Reports that use the term come up too.
    assert any("/reports/" in r for r in found.results), found.results
