"""对比 page script in headless Chromium (docs_src/javascripts/compare.js).

The site: the seeds plus a 2025 report of 鄂托克旗 made from its 2024 report (years moved
on by one, one sub-section left out), so one region has two reports. The written page
holds the term summary and the aligned parts; the script must render them exactly as the
generator did (same rows, texts, links and marks), add the sections under each part, then
load another pair (two regions in one year) chosen with the pickers.
Skips when no browser can be driven.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from browser_support import ROOT, new_page

sys.path.insert(0, str(ROOT / "benchmarks"))
import browser_search  # noqa: E402
import worker  # noqa: E402

pytestmark = pytest.mark.browser

PAGE = "reports/compare/2025-etuoke-qi/"
SIGNATURE = """() => {
  const norm = e => e.textContent.replace(/\\s+/g, ' ').trim();
  return [...document.querySelectorAll('.cmp-summary p, .cmp-row')].map(row => [
    row.className, row.matches('.cmp-row') ? [...row.children].map(norm).join(' | ') : norm(row),
    [...row.querySelectorAll('a')].map(a => [a.href, a.className])]);
}"""


@pytest.fixture(scope="module")
def compare_site(tmp_path_factory):
    reason = browser_search.browser_available()
    if reason:
        pytest.skip(reason)
    work = tmp_path_factory.mktemp("compare")
    reports = work / "reports"
    reports.mkdir()
    for path in (ROOT / "seeds").iterdir():
        (reports / path.name).write_bytes(path.read_bytes())
    text = (ROOT / "seeds" / "2024-etuoke-qi.txt").read_text(encoding="utf-8")
    text = text.replace("2024年", "2025年").replace("2023年", "2024年")
    text = re.sub(r"^\(二\)[^\n]*\n", "", text, count=1, flags=re.M)  # one sub-section heading fewer
    text = text.replace("揭榜挂帅", "机制创新")  # a term of 2024 only
    text = text.replace("现在，我代表", "我们将加快发展新质生产力，推动高效办成一件事。现在，我代表")  # of 2025 only
    (reports / "2025-etuoke-qi.txt").write_text(text, encoding="utf-8")
    root = worker.make_project(work, reports, "material")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
           "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (root / "site" / PAGE / "index.html").is_file()
    with browser_search.serve(root / "site") as url:
        yield url


def _submit(page):
    page.evaluate("document.querySelector('.cmp-body').dataset.stale = '1'")
    page.locator(".cmp-pickers button").click()
    page.wait_for_function("() => !document.querySelector('.cmp-body').dataset.stale")


def _written_signature(chromium, url: str) -> list:
    """The rows of the page as written (no script ran), with absolute links."""
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(url)
        assert page.locator(".cmp-subs-note").count() == 1  # says the sections come with the script
        return page.evaluate(SIGNATURE)
    finally:
        context.close()


def test_script_renders_the_generated_pair_the_same_and_loads_another(chromium, compare_site, shots_dir):
    page = new_page(chromium, compare_site)
    try:
        written = _written_signature(chromium, compare_site + PAGE)
        assert not any("cmp-sub" in r[0] for r in written)  # the written page: summary and parts
        assert page.goto(compare_site + PAGE)
        page.wait_for_selector(".cmp-pickers select")
        page.wait_for_selector(".cmp-sub")  # the script added the sections under the parts
        generated = page.evaluate(SIGNATURE)
        assert [r for r in generated if "cmp-sub" not in r[0]] == written
        assert len(generated) > len(written) + 5 and any("cmp-only" in str(r) for r in generated)
        assert generated[1][1] == "只见于2024年的 1 个：揭榜挂帅。", generated[1]
        assert generated[2][1] == "只见于2025年的 2 个：新质生产力 高效办成一件事。"
        assert any("（无对应部分）" in r[1] for r in generated)
        _submit(page)  # the pickers start on the page's own pair
        assert page.evaluate(SIGNATURE) == generated

        left = page.locator(".cmp-picker").nth(0).locator("select")
        left.nth(0).select_option("乌兰察布市")
        left.nth(1).select_option(label="2024年")
        right = page.locator(".cmp-picker").nth(1).locator("select")
        right.nth(0).select_option("鄂托克旗")
        right.nth(1).select_option(label="2024年")
        _submit(page)
        assert page.locator("article h1").inner_text().startswith("乌兰察布市 2024年政府工作报告 与 鄂托克旗 2024年政府工作报告 对比")
        head = page.locator(".cmp-head a")
        assert head.nth(0).get_attribute("href").endswith("reports/2024-wulanchabu-shi/")
        assert head.nth(1).get_attribute("href").endswith("reports/2024-etuoke-qi/")
        assert page.locator(".cmp-part").count() >= 2
        assert page.locator(".cmp-tag").first.inner_text() == "乌兰察布市 2024年"
        assert page.evaluate("location.hash") == "#a=2024-wulanchabu-shi&b=2024-etuoke-qi"
        page.screenshot(path=str(shots_dir / "compare-other-pair-1280.png"))

        page.reload()  # the chosen pair is in the address: it comes back
        page.wait_for_function("() => document.querySelector('.cmp').dataset.a === '2024-wulanchabu-shi'")
        assert page.locator(".cmp-head a").nth(0).get_attribute("href").endswith("reports/2024-wulanchabu-shi/")

        page.set_viewport_size({"width": 390, "height": 800})
        assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing scrolls the page sideways
        assert page.locator(".cmp-tag").first.is_visible()  # stacked cells say which report they are from
        page.screenshot(path=str(shots_dir / "compare-other-pair-390.png"))
        assert page.site_errors == [], page.site_errors
    finally:
        page.context.close()


def test_report_page_links_its_comparison(chromium, compare_site):
    page = new_page(chromium, compare_site)
    try:
        page.goto(compare_site + "reports/2025-etuoke-qi/")
        page.get_by_role("link", name="与上一年的报告并排对比").click()
        page.wait_for_selector(".cmp-grid")
        assert page.url.endswith(PAGE)
        page.goto(compare_site + "reports/2024-etuoke-qi/")
        assert page.get_by_role("link", name="与上一年的报告并排对比").count() == 0
    finally:
        page.context.close()
