"""Page weight of a built site: every page's bytes, and its chrome.

Chrome is what a page carries besides its own text: the HTML of the built page minus its
article content, i.e. everything outside Material's ``<article class="md-content__inner …">``
element (header, tabs, navigation sidebar, table of contents, footer, scripts). Measured
in bytes of the written file. Used by ``tests/test_page_weight.py`` and ``run.py``.

    python benchmarks/chrome.py SITE_DIR [--top 10]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

ARTICLE_OPEN = b'<article class="md-content__inner'
ARTICLE_CLOSE = b"</article>"


@dataclass(frozen=True)
class PageWeight:
    path: str  # site-relative, e.g. reports/2024-etuoke-qi/index.html
    total: int  # bytes of the file
    chrome: int  # bytes outside the article content

    @property
    def content(self) -> int:
        return self.total - self.chrome


def chrome_bytes(html: bytes) -> int:
    """Bytes of ``html`` outside its article content (the whole page when there is none)."""
    start = html.find(ARTICLE_OPEN)
    if start < 0:
        return len(html)
    body = html.find(b">", start) + 1
    end = html.find(ARTICLE_CLOSE, body)
    if end < 0:
        return len(html)
    return len(html) - (end - body)


def page_weights(site_dir: Path) -> list[PageWeight]:
    """Every HTML page of the built site (``404.html`` included), sorted by path."""
    site_dir = Path(site_dir)
    out = []
    for path in sorted(site_dir.rglob("*.html")):
        data = path.read_bytes()
        out.append(PageWeight(path.relative_to(site_dir).as_posix(), len(data), chrome_bytes(data)))
    return out


def dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file()) if Path(path).is_dir() else 0


def summary(site_dir: Path, search_dirs: tuple[str, ...] = ("search", "pagefind")) -> dict:
    """Largest and median chrome, largest page, site bytes with and without the search index."""
    site_dir = Path(site_dir)
    pages = page_weights(site_dir)
    if not pages:
        return {"pages": 0}
    widest = max(pages, key=lambda p: (p.chrome, p.path))
    largest = max(pages, key=lambda p: (p.total, p.path))
    site = dir_bytes(site_dir)
    index = sum(dir_bytes(site_dir / d) for d in search_dirs)
    by_top: dict[str, list[PageWeight]] = {}
    for p in pages:
        top = p.path.split("/", 1)[0] if "/" in p.path else "(root)"
        by_top.setdefault(top, []).append(p)
    return {
        "pages": len(pages),
        "chrome_max": widest.chrome, "chrome_max_page": widest.path,
        "chrome_median": int(statistics.median(p.chrome for p in pages)),
        "page_max": largest.total, "page_max_page": largest.path,
        "page_median": int(statistics.median(p.total for p in pages)),
        "pages_over_300k": sum(1 for p in pages if p.total > 300 * 1024),
        "html_bytes": sum(p.total for p in pages),
        "site_bytes": site, "search_index_bytes": index, "site_without_index_bytes": site - index,
        "by_folder": {top: {"pages": len(ps), "bytes": sum(p.total for p in ps),
                            "chrome_max": max(p.chrome for p in ps),
                            "page_max": max(p.total for p in ps)} for top, ps in sorted(by_top.items())},
    }


def _kb(n: int) -> str:
    return f"{n / 1024:,.1f} KB"


def format_summary(s: dict) -> str:
    if not s.get("pages"):
        return "no pages"
    lines = [f"pages: {s['pages']}",
             f"chrome: max {_kb(s['chrome_max'])} ({s['chrome_max_page']}), median {_kb(s['chrome_median'])}",
             f"page: max {_kb(s['page_max'])} ({s['page_max_page']}), median {_kb(s['page_median'])}, "
             f"{s['pages_over_300k']} over 300 KB",
             f"site: {s['site_bytes'] / 2**20:,.1f} MiB, search index {s['search_index_bytes'] / 2**20:,.1f} MiB, "
             f"without the index {s['site_without_index_bytes'] / 2**20:,.1f} MiB",
             "", "| folder | pages | MiB | largest chrome | largest page |", "|---|---:|---:|---:|---:|"]
    for top, row in s["by_folder"].items():
        lines.append(f"| {top} | {row['pages']} | {row['bytes'] / 2**20:,.1f} | {_kb(row['chrome_max'])} | "
                     f"{_kb(row['page_max'])} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("site", type=Path)
    ap.add_argument("--top", type=int, default=0, help="also list the N pages with the most chrome and the N largest")
    args = ap.parse_args(argv)
    print(format_summary(summary(args.site)))
    if args.top:
        pages = page_weights(args.site)
        print("\nmost chrome:")
        for p in sorted(pages, key=lambda p: -p.chrome)[:args.top]:
            print(f"  {_kb(p.chrome):>10}  {p.path}")
        print("largest:")
        for p in sorted(pages, key=lambda p: -p.total)[:args.top]:
            print(f"  {_kb(p.total):>10}  {p.path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
