"""Where every page lives. One place, so pages link to each other without guessing.

All paths are relative to the docs folder (``docs/``) and end in ``.md``; ``href``
turns a target path into a relative link from the page being written, which is what
MkDocs (and any MkDocs-compatible builder) validates and rewrites.

Layout::

    index.md                     首页
    reports/index.md             报告 overview table
    reports/<report.slug>.md     one page per report
    years/index.md, years/<year>.md
    <page>--<n>.md               page n of a paginated topic or term page (see ``numbered``)
    regions/index.md             地区 tree
    regions/<region slug>.md     pinyin of the region name, e.g. e-tuo-ke-qi
    topics/index.md, topics/<topic.slug>.md
    glossary/index.md            术语表 by pinyin; glossary/categories.md, glossary/numerals.md
    glossary/<term.slug>.md      e.g. glossary/san-bei-gong-cheng.md -> /glossary/san-bei-gong-cheng/
    glossary/letters/<x>.md, categories/<n>.md, numerals/<n>.md: lists of a long glossary, one letter/category each
    targets/index.md             目标 index; targets/<indicator slug>.md, split by province
                                 (targets/<indicator slug>/<region slug>.md) when large
    data/index.md                数据 (open data files data/*.csv, data/*.jsonl beside it)
    about/…                      hand-written pages copied from docs_src/, plus about/candidates.md
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from pathlib import Path


def report_page(slug: str) -> str:
    return f"reports/{slug}.md"


def region_page(slug: str) -> str:
    return f"regions/{slug}.md"


def topic_page(slug: str) -> str:
    return f"topics/{slug}.md"


def term_page(slug: str) -> str:
    return f"glossary/{slug}.md"


def year_page(year: int) -> str:
    return f"years/{year}.md"


def numbered(path: str, n: int) -> str:
    """Page ``n`` (1-based) of a paginated page: page 1 is ``path`` itself, page n is a sibling
    file ``<stem>--<n>.md`` in the same folder, so relative links are the same on every page."""
    return path if n <= 1 else f"{path[:-3]}--{n}.md"


def glossary_letter_page(anchor: str) -> str:
    """One letter's list of terms, when the glossary is too long for one page."""
    return f"glossary/letters/{anchor}.md"


def glossary_category_page(n: int) -> str:
    return f"glossary/categories/{n}.md"


def glossary_numeral_page(group: str) -> str:
    return f"glossary/numerals/{group}.md"


def targets_page(slug: str, province: str = "") -> str:
    return f"targets/{slug}/{province}.md" if province else f"targets/{slug}.md"


def data_file(name: str) -> str:
    return f"data/{name}"


HOME = "index.md"
REPORTS_INDEX = "reports/index.md"
YEARS_INDEX = "years/index.md"
REGIONS_INDEX = "regions/index.md"
TOPICS_INDEX = "topics/index.md"
GLOSSARY_INDEX = "glossary/index.md"
GLOSSARY_BY_CATEGORY = "glossary/categories.md"
GLOSSARY_BY_NUMERAL = "glossary/numerals.md"
CANDIDATES = "about/candidates.md"
TARGETS_INDEX = "targets/index.md"
DATA_INDEX = "data/index.md"


_ODD_PARTS = frozenset(("", ".", ".."))


@lru_cache(maxsize=1 << 16)  # pages of one folder link to the same few pages over and over
def _relative(folder: str, to_page: str) -> str:
    """``posixpath.relpath(to_page, dirname(from_page))`` without its two ``abspath`` calls,
    for a page in ``folder`` (``from_page`` up to and including its last "/": "reports/",
    "" at the top). The answer depends on the folder only, so the cache holds folders ×
    targets, not pages × targets.

    Site paths are plain relative paths ("reports/x.md"); for those the relative path is
    ".." for each folder of ``from_page`` below the common folders, then the rest of
    ``to_page``. Anything else (absolute, "./", "..", "//") goes to ``posixpath``.
    """
    here = folder.split("/")
    there = to_page.split("/")
    del here[-1]  # after the folder's last "/"
    if _ODD_PARTS.isdisjoint(here) and _ODD_PARTS.isdisjoint(there):
        common = 0
        for a, b in zip(here, there):
            if a != b:
                break
            common += 1
        return "/".join([".."] * (len(here) - common) + there[common:]) or "."
    return posixpath.relpath(to_page, posixpath.dirname(folder) or ".")


def href(from_page: str, to_page: str, anchor: str = "") -> str:
    """Relative Markdown link from one docs page to another (optionally to an anchor)."""
    if from_page == to_page:
        return f"#{anchor}" if anchor else ""
    target = _relative(from_page[:from_page.rfind("/") + 1], to_page)
    return f"{target}#{anchor}" if anchor else target


_SITE_URL = re.compile(r"^site_url:\s*['\"]?([^'\"\s#]+)", re.M)


def site_url(root: Path) -> str:
    """``site_url`` of the project's mkdocs.yml, ending in "/" ("" when there is none)."""
    try:
        m = _SITE_URL.search((root / "mkdocs.yml").read_text(encoding="utf-8"))
    except OSError:
        return ""
    return (m.group(1).rstrip("/") + "/") if m else ""


def public_url(base: str, path: str, anchor: str = "") -> str:
    """The published address of a docs page (MkDocs' directory URLs) under ``base``
    (``site_url``): reports/x.md -> <base>reports/x/#anchor, a/index.md -> <base>a/."""
    stem = path[:-3]
    url = base + (stem[:-5] if stem.endswith("index") else stem + "/")
    return f"{url}#{anchor}" if anchor else url
