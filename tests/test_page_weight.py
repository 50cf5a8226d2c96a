"""Page chrome does not grow with the number of reports; every report is near 报告.

Builds the full site (generator + `mkdocs build`) of 20 and of 200 synthetic reports
(benchmarks/synth.py) and compares the largest chrome of any page — the built HTML minus
the article content, measured by benchmarks/chrome.py, the same code the benchmark uses.
The browser test walks from the home page to a report of the 200-report site.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import chrome  # noqa: E402
import synth  # noqa: E402
import worker  # noqa: E402

CHROME_LIMIT = 30 * 1024  # bytes, at any number of reports
PAGE_LIMIT = 300 * 1024
BUILD_TIMEOUT = 900


def _build(work: Path, n: int) -> Path:
    reports = work / "reports"
    synth.write_corpus(reports, n)
    root = worker.make_project(work, reports, "material")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml")],
                          cwd=root, capture_output=True, text=True, timeout=BUILD_TIMEOUT, env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return root / "site"


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[int, Path]:
    return {n: _build(tmp_path_factory.mktemp(f"weight{n}"), n) for n in (20, 200)}


def test_page_chrome_does_not_grow_with_the_number_of_reports(sites):
    small, large = chrome.summary(sites[20]), chrome.summary(sites[200])
    assert large["pages"] > 2 * small["pages"]  # ten times the reports, many more pages (目标 pages scale by indicator)
    assert large["chrome_max"] <= CHROME_LIMIT, chrome.format_summary(large)
    # The same page kinds carry the same chrome; only report-specific parts (a report's
    # own table of contents) may differ: allow 15 %.
    assert large["chrome_max"] <= small["chrome_max"] * 1.15, (small["chrome_max"], large["chrome_max"])
    for folder in ("reports", "glossary", "topics", "regions"):
        assert large["by_folder"][folder]["chrome_max"] <= small["by_folder"][folder]["chrome_max"] * 1.15 + 512, folder


def test_no_page_over_300_kb(sites):
    for n, site in sites.items():
        s = chrome.summary(site)
        assert s["page_max"] <= PAGE_LIMIT, (n, s["page_max_page"], s["page_max"])


def _deepest_report(site: Path) -> str:
    """The slug of a report of a county-level (deepest) region, else any report."""
    reports = sorted(p.parent.name for p in (site / "reports").glob("*/index.html"))
    for slug in reports:
        html = (site / "reports" / slug / "index.html").read_text(encoding="utf-8")
        if "县级" in html:
            return slug
    return reports[-1]


@pytest.mark.browser
def test_a_report_is_at_most_three_clicks_from_reports(sites, chromium):
    from browser_support import new_page
    import browser_search

    site = sites[200]
    slug = _deepest_report(site)
    title = (site / "reports" / slug / "index.html").read_text(encoding="utf-8").split("<h1", 1)[1]
    title = title.split(">", 1)[1].split("<", 1)[0].strip()
    with browser_search.serve(site) as url:
        page = new_page(chromium, url)
        try:
            page.goto(url)
            clicks = 0
            page.locator(".md-tabs__link", has_text="报告").first.click()  # click 1: the 报告 tab
            clicks += 1
            page.wait_for_url(f"{url}reports/")
            page.locator(f'article a[href$="{slug}/"]').first.click()  # click 2: the report's year
            clicks += 1
            page.wait_for_url(f"{url}reports/{slug}/")
            assert page.locator("article h1").first.inner_text().strip().startswith(title[:4])
            assert clicks <= 3
            assert not page.site_errors, page.site_errors
        finally:
            page.context.close()
