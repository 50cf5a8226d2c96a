"""Type a query into a built site's search box in headless Chromium and see what it fetched.

Used by the Pagefind browser test and by the benchmark's first-query download figure:
serves the site folder on 127.0.0.1 with ``http.server`` in a thread, opens a page with
Playwright (system Chromium at /usr/bin/chromium), focuses Material's search box, types
the query, waits for results, and returns the result links plus every response the page
received with its body size (so bytes loaded *for the query* are those after the page
itself had loaded). Material's ``navigation.instant`` fetches ``sitemap.xml`` once per
visit, whatever is typed (1.6 MB on cn/), sometimes just after the page went idle: it is
page-load cost, left out of the query's bytes (``PAGE_LOAD``) and kept in ``page_bytes``.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PAGE_LOAD = ("/sitemap.xml",)  # fetched by the page on every visit, not by the search


@dataclass
class SearchOutcome:
    results: list[str]  # result hrefs, in order, absolute
    titles: list[str]
    meta: str  # the result count line
    query_bytes: dict[str, int] = field(default_factory=dict)  # url -> body bytes fetched after typing
    failed: list[str] = field(default_factory=list)  # "404 url" for every failed response from the site
    page_bytes: dict[str, int] = field(default_factory=dict)  # PAGE_LOAD responses that came after typing


def browser_available() -> str:
    """'' when a search can be driven, else the reason it cannot."""
    if not CHROMIUM.exists():
        return f"Chromium not found at {CHROMIUM}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright)"
    return ""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test and benchmark output clean
        pass


@contextlib.contextmanager
def serve(site_dir: Path):
    """Serve ``site_dir`` on a free port of 127.0.0.1; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def search(url: str, query: str, timeout_ms: int = 90000, browser=None) -> SearchOutcome:
    """Open ``url``, type ``query`` into the header search box, return the results shown.

    ``browser``: a Playwright browser already running (a test session's); without it one is
    started and closed here (Playwright's sync API allows one running instance per thread).
    """
    if browser is not None:
        return _search_in(browser, url, query, timeout_ms)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        own = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            return _search_in(own, url, query, timeout_ms)
        finally:
            own.close()


def _search_in(browser, url: str, query: str, timeout_ms: int) -> SearchOutcome:
    fetched: dict[str, int] = {}
    page_load: dict[str, int] = {}
    typing = threading.Event()

    failed: list[str] = []

    def on_response(response):
        if response.status >= 400 and response.url.startswith(url):
            failed.append(f"{response.status} {response.url}")
        if typing.is_set():
            try:
                size = len(response.body())
            except Exception:  # a redirect or an aborted fetch has no body
                size = 0
            late = response.url.split("?")[0].endswith(PAGE_LOAD)
            (page_load if late else fetched)[response.url] = size

    page = browser.new_page()
    try:
        page.on("response", on_response)
        page.goto(url, wait_until="networkidle")
        typing.set()
        page.locator(".md-search__input").first.click()
        page.keyboard.insert_text(query)  # one input event, as an IME commits a word
        page.wait_for_function(
            """() => {
                const m = document.querySelector('.md-search-result__meta');
                const l = document.querySelector('.md-search-result__list');
                return m && l && (l.children.length > 0 || /没有|No matching/.test(m.textContent));
            }""",
            timeout=timeout_ms,
        )
        page.wait_for_load_state("networkidle")
        links = page.locator(".md-search-result__item > .md-search-result__link:first-child")
        results = [links.nth(i).evaluate("a => a.href") for i in range(links.count())]
        titles = page.locator(".md-search-result__item > .md-search-result__link:first-child h1").all_inner_texts()
        meta = page.locator(".md-search-result__meta").first.inner_text()
    finally:
        page.close()
    return SearchOutcome(results, titles, meta, fetched, failed, page_load)
