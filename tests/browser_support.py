"""Fixtures for the browser tests (tests/test_browser.py).

One ``mkdocs build --strict`` of the seed site per session, served read-only on
127.0.0.1 at a free port, one headless Chromium per session and a fresh page per
test. Screenshots go to ``BROWSER_SHOTS`` (environment) or a pytest tmp folder.

The tests skip only when no browser can be driven: Playwright for Python not
importable, or no Chromium binary (Debian's ``/usr/bin/chromium`` or ``chromium``
on PATH; Playwright cannot download its own build here).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

try:  # the tests skip (require_browser) before they could use it
    from playwright.sync_api import expect
except ImportError:
    expect = None

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import browser_search  # noqa: E402 - the one local server for tests and benchmarks
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
INSTALL_HINT = "install Debian's chromium (apt-get install chromium) and Playwright (pip install playwright)"
VIEWPORT = {"width": 1280, "height": 900}
BUILD_TIMEOUT = 300


def chromium_path() -> str | None:
    if os.path.exists("/usr/bin/chromium"):
        return "/usr/bin/chromium"
    return shutil.which("chromium")


def require_browser():
    """Return playwright's sync_playwright, or skip saying how to get a browser."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip(f"Playwright for Python is not importable: {INSTALL_HINT}")
    if chromium_path() is None:
        pytest.skip(f"no Chromium at /usr/bin/chromium or on PATH: {INSTALL_HINT}")
    return sync_playwright



@pytest.fixture(scope="session")
def playwright_api():
    return require_browser()


@pytest.fixture(scope="session")
def built_site(playwright_api, tmp_path_factory) -> Path:
    """The seed site, built once with `mkdocs build --strict` (checked before building)."""
    out = tmp_path_factory.mktemp("browser-site") / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT,
    )
    assert proc.returncode == 0, f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}"
    assert (out / "index.html").is_file() and (out / "search" / "search_index.json").is_file()
    return out


@pytest.fixture(scope="session")
def site_url(built_site):
    """Base URL (ending in /) of the built site served on 127.0.0.1 at a free port."""
    with browser_search.serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def chromium(playwright_api):
    with playwright_api() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def shots_dir(tmp_path_factory) -> Path:
    folder = os.environ.get("BROWSER_SHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("browser-shots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def new_page(chromium, site_url: str):
    """A page in its own context (no shared history, cookies or search cache).

    Hermetic: the site must work without the network, so requests leaving the site
    (Material's Google Fonts, the GitHub repo widget) are aborted and listed in
    ``page.external_requests``. Uncaught script errors and failed or 4xx/5xx requests
    to the site are collected in ``page.site_errors``. Close with ``page.context.close()``.
    """
    context = chromium.new_context(viewport=VIEWPORT, locale="zh-CN", device_scale_factor=1)
    context.set_default_timeout(10_000)
    external: list[str] = []

    def leave_site(route):
        external.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith(site_url), leave_site)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
    pg.on("response", lambda res: errors.append(f"HTTP {res.status}: {res.url}")
          if res.status >= 400 and res.url.startswith(site_url) else None)
    # ERR_ABORTED: the browser dropped a request because the test navigated on.
    pg.on("requestfailed", lambda req: errors.append(f"request failed ({req.failure}): {req.url}")
          if req.url.startswith(site_url) and "ERR_ABORTED" not in (req.failure or "") else None)
    pg.external_requests = external
    pg.site_errors = errors
    return pg


@pytest.fixture
def page(chromium, site_url):
    pg = new_page(chromium, site_url)
    try:
        yield pg
    finally:
        pg.context.close()


@pytest.fixture
def shot(page, shots_dir, request):
    """shot("name") saves a screenshot of the current viewport as <test>-<name>.png."""
    def take(name: str, **kwargs) -> Path:
        path = shots_dir / f"{request.node.originalname}-{name}.png"
        page.screenshot(path=str(path), **kwargs)
        return path
    return take
