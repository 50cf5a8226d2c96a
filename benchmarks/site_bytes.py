"""Where the bytes of a built site are: per folder, per page kind, per kind of markup.

    python benchmarks/site_bytes.py SITE_DIR [--json FILE]

Prints three tables:

- **folders**: every top folder's bytes on disk (all files: HTML, data files, the search
  index), so the site-size target (≤ 3× the source text, plus the search index) can be
  read off;
- **page kinds**: HTML pages grouped by what they are (report, term page, term page
  continuation ``<slug>--N``, glossary list, topic, region, year, target …), with their
  bytes split into chrome (outside Material's article, as benchmarks/chrome.py counts it)
  and content;
- **markup**: what the bytes of all pages are made of — text the reader reads (between
  tags, entities decoded), link ``title`` tooltips, ``href`` values, permalink anchors
  (``¶``), ``id`` attributes, inline SVG, Material's ``__config`` script, the excerpt blocks
  of term and topic pages, tables, and the rest of the tags.

The categories are measured on the written files with regular expressions (no HTML
parser: it would take minutes on a 600 MB site); they overlap where noted (an SVG inside
the chrome is counted in both the chrome column and the SVG row).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import chrome  # noqa: E402

MARKUP = {  # name -> (regex over the page's bytes, what it is)
    "link title tooltips": (re.compile(rb' title="[^"]*"'), 'every title="…" attribute (term-link tooltips, mostly)'),
    "href values": (re.compile(rb' href="[^"]*"'), 'every href="…" attribute'),
    "permalinks ¶": (re.compile(rb'<a class="headerlink"[^>]*>[^<]*</a>'), "the hover permalink of each paragraph and heading"),
    "id attributes": (re.compile(rb' id="[^"]*"'), ""),
    "class attributes": (re.compile(rb' class="[^"]*"'), ""),
    "inline SVG": (re.compile(rb"<svg\b.*?</svg>", re.S), "icons (chrome) and charts (content)"),
    "__config script": (re.compile(rb'<script id="__config".*?</script>', re.S), "Material's settings and translations"),
    "excerpt blocks": (re.compile(rb'<div class="excerpts".*?</div>', re.S), "term-page snippets, topic-page excerpts (content)"),
    "tables": (re.compile(rb"<table\b.*?</table>", re.S), ""),
}
TEXT_RE = re.compile(rb">([^<]+)<")
TAG_RE = re.compile(rb"<[^>]*>")


def page_kind(rel: str) -> str:
    """A built page's kind from its site path (``glossary/x/index.html`` …)."""
    parts = rel.split("/")
    top = parts[0] if len(parts) > 1 else "(root)"
    name = parts[1] if len(parts) > 2 else ""
    if top == "glossary":
        if len(parts) == 2:
            return "glossary index"
        if name in ("categories", "numerals") or len(parts) > 3:
            return "glossary lists"
        return "term continuation (--N)" if re.search(r"--\d+$", name) else "term page"
    if top == "topics" and len(parts) > 2:
        return "topic page"
    if top == "reports" and len(parts) > 2:
        return "report page"
    if top == "regions" and len(parts) > 2:
        return "region page"
    return top + (" pages" if len(parts) > 2 else " index")


def folder_bytes(site: Path) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for p in site.rglob("*"):
        if p.is_file():
            rel = p.relative_to(site).parts
            out[rel[0] if len(rel) > 1 else "(root files)"] += p.stat().st_size
    return dict(sorted(out.items(), key=lambda kv: -kv[1]))


def breakdown(site: Path) -> dict:
    site = Path(site)
    kinds: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    markup: dict[str, int] = defaultdict(int)
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith("pagefind/"):
            continue
        data = path.read_bytes()
        k = kinds[page_kind(rel)]
        k["pages"] += 1
        k["bytes"] += len(data)
        k["chrome"] += chrome.chrome_bytes(data)
        k["largest"] = max(k["largest"], len(data))
        markup["all HTML"] += len(data)
        for name, (rx, _) in MARKUP.items():
            markup[name] += sum(len(m) for m in rx.findall(data))
        text = b"".join(TEXT_RE.findall(data))
        markup["text between tags (as written)"] += len(text)
        markup["text between tags (entities decoded)"] += len(html.unescape(text.decode("utf-8")).encode("utf-8"))
        markup["all tags"] += sum(len(m) for m in TAG_RE.findall(data))
    return {"folders": folder_bytes(site), "kinds": {k: dict(v) for k, v in sorted(kinds.items(), key=lambda kv: -kv[1]["bytes"])},
            "markup": dict(markup)}


def _mb(n: int) -> str:
    return f"{n / 1e6:,.1f}"


def format_breakdown(b: dict) -> str:
    total = sum(b["folders"].values())
    lines = [f"site: {_mb(total)} MB", "", "| folder | MB | share |", "|---|---:|---:|"]
    lines += [f"| {name} | {_mb(n)} | {n / total:.0%} |" for name, n in b["folders"].items()]
    lines += ["", "| page kind | pages | MB | chrome MB | content MB | mean KB | largest KB |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    for name, k in b["kinds"].items():
        lines.append(f"| {name} | {k['pages']} | {_mb(k['bytes'])} | {_mb(k['chrome'])} | "
                     f"{_mb(k['bytes'] - k['chrome'])} | {k['bytes'] / k['pages'] / 1024:,.1f} | {k['largest'] / 1024:,.1f} |")
    m = b["markup"]
    lines += ["", "| markup (all pages) | MB | share of HTML |", "|---|---:|---:|"]
    for name in ["all HTML", "text between tags (as written)", "text between tags (entities decoded)", "all tags",
                 *MARKUP]:
        lines.append(f"| {name} | {_mb(m.get(name, 0))} | {m.get(name, 0) / max(1, m['all HTML']):.0%} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("site", type=Path)
    ap.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = ap.parse_args(argv)
    b = breakdown(args.site)
    print(format_breakdown(b))
    if args.json:
        args.json.write_text(json.dumps(b, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
