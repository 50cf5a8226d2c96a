"""Search quality in the browser: precision@5 of common policy phrases, either engine.

Types each phrase into the site's search box (Material's, or ours answering from
Pagefind: the same box and result list) in headless Chromium and reads the first five
results as the reader sees them. A result counts when its text (page title, excerpt and
section excerpts, zero-width spaces removed) holds the phrase whole.

    python benchmarks/search_quality.py SITE_DIR [--phrases FILE] [--k 5] [--json OUT]

prints precision@5 per phrase and overall. Used by tests/test_search_quality_browser.py
and tests/test_browser.py (on fewer phrases), and run in full from the command line.
The phrases (tests/data/search_phrases.txt) are frequent in the shared corpus.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import browser_search  # noqa: E402

ZWSP = "\u200b"
PHRASES_FILE = Path(__file__).resolve().parent.parent / "tests" / "data" / "search_phrases.txt"


def load_phrases(path: Path = PHRASES_FILE) -> list[str]:
    """One phrase a line; text after # is a comment."""
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        phrase = line.split("#", 1)[0].strip()
        if phrase:
            out.append(phrase)
    return out


@dataclass
class Result:
    url: str
    title: str
    text: str  # everything the result item shows, as read (innerText)
    zwsp: bool  # the item's text carried U+200B before cleaning


@dataclass
class Query:
    query: str
    meta: str
    results: list[Result] = field(default_factory=list)

    def hits(self, k: int = 5) -> int:
        return sum(1 for r in self.results[:k] if contains(r.text, self.query))

    def shown(self, k: int = 5) -> int:
        return min(k, len(self.results))


def contains(text: str, phrase: str) -> bool:
    return phrase in text.replace(ZWSP, "")


def precision(queries: list[Query], k: int = 5) -> float:
    """Micro precision@k; a query without results counts as k misses."""
    shown = sum(q.shown(k) or k for q in queries)
    return sum(q.hits(k) for q in queries) / shown if shown else 0.0


_READ = """k => Array.from(document.querySelectorAll('.md-search-result__list > li.md-search-result__item'))
  .slice(0, k).map(li => {
    const a = li.querySelector(':scope > a.md-search-result__link');
    const h = a && a.querySelector('h1');
    return {url: a ? a.href : '', title: h ? h.innerText : '', text: li.innerText};
  })"""
_READY = """k => {
  const meta = document.querySelector('.md-search-result__meta');
  const items = document.querySelectorAll('.md-search-result__list > li.md-search-result__item').length;
  if (!meta) return false;
  const m = meta.textContent.match(/(\\d+)/);
  if (/没有|No matching/.test(meta.textContent)) return true;
  return m ? items >= Math.min(k, +m[1]) && items > 0 : false;
}"""


def run_queries(page, queries: list[str], k: int = 5, timeout_ms: int = 20000) -> list[Query]:
    """Type each query into the search box of the open ``page``; read the first ``k`` results.

    The box is emptied and the list seen empty before each query (so results never
    belong to the previous one); the word is committed at once and a key released, as
    with a Chinese IME (Material reads the box on keyup, our Pagefind script on input).
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    box = page.locator("input.md-search__input").first
    box.click()
    out = []
    for query in queries:
        box.fill("")
        box.press("End")
        page.wait_for_function(
            "() => !document.querySelector('.md-search-result__list > li')", timeout=timeout_ms)
        box.fill(query)
        box.press("End")
        try:
            page.wait_for_function(_READY, arg=k, timeout=timeout_ms)
            page.wait_for_timeout(100)  # a late batch of the same query
            page.wait_for_function(_READY, arg=k, timeout=timeout_ms)
        except PlaywrightTimeout:  # fewer items than the count line says: read what is shown
            pass
        meta = page.locator(".md-search-result__meta").first.inner_text()
        items = page.evaluate(_READ, k)
        out.append(Query(query, meta.replace(ZWSP, ""), [
            Result(i["url"], i["title"].replace(ZWSP, ""), i["text"].replace(ZWSP, ""), ZWSP in i["text"])
            for i in items]))
    return out


def measure(site_dir: Path, phrases: list[str], k: int = 5, start: str = "") -> list[Query]:
    """Serve ``site_dir``, open its home page (or ``start``) in Chromium, run the phrases."""
    from playwright.sync_api import sync_playwright

    with browser_search.serve(site_dir) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(browser_search.CHROMIUM),
                                     args=browser_search.CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(url + start, wait_until="networkidle")
            return run_queries(page, phrases, k)
        finally:
            browser.close()


def report(queries: list[Query], k: int = 5) -> str:
    lines = [f"| phrase | results | hits@{k} | first result |", "|---|---:|---:|---|"]
    for q in queries:
        first = re.sub(r"^https?://[^/]+/", "/", q.results[0].url) if q.results else ""
        lines.append(f"| {q.query} | {q.meta} | {q.hits(k)}/{q.shown(k)} | {first} |")
    lines.append(f"\nprecision@{k}: {precision(queries, k):.1%} over {len(queries)} phrases")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("site", type=Path, help="a built site folder")
    ap.add_argument("--phrases", type=Path, default=PHRASES_FILE)
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    reason = browser_search.browser_available()
    if reason:
        print(reason, file=sys.stderr)
        return 2
    queries = measure(args.site, load_phrases(args.phrases), args.k)
    print(report(queries, args.k))
    if args.json:
        args.json.write_text(json.dumps([{"query": q.query, "meta": q.meta, "results": [r.__dict__ for r in q.results]}
                                         for q in queries], ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
