"""The ``search: pagefind`` switch: index the built site with Pagefind instead of Material.

Why: Material's search ships one JSON index of the whole site that every visitor
downloads before the first result (13.6 MB at 95 reports, 449 MB at 2,909 — unusable),
and building it with jieba dominates the build. Pagefind is a maintained static search
tool whose *extended* build segments Chinese while indexing and splits the index into
small chunks, so a query downloads only the chunks it needs.

What it does:

1. ``rewrite_page``, called for every page as MkDocs renders it (hooks ``on_post_page``
   and, for 404.html, ``on_post_template``: the page is marked in memory before MkDocs
   writes it, from MkDocs' own page path, so no built file is read back or rewritten):
   - Pagefind indexes only the page body (``data-pagefind-body`` on Material's article,
     ``data-pagefind-meta`` giving the page kind), and not at all the glossary lists,
     the candidates page and 404 (``NOT_INDEXED``);
   - excerpts of other pages are not indexed where pages quote them: the occurrence,
     usage and related-term sections of term pages, the term lists of region pages, the
     excerpt lists of topic pages (they made the index and each result's download large
     and crowded the results);
   - glossary term pages come first for their own term, region pages for their region's
     name: weight 10 on the H1 and the page's title and excerpt in ``data-pf-term``, which
     ``pagefind_lookup`` turns into small key-sharded files; the search script reads the
     one shard of the query to put an exact title hit first;
   - Chinese quotation marks in the indexed text are left out of the index (wrapped in
     ``<pf-q>`` elements, which Pagefind is told to exclude, as the permalinks; the page
     looks the same), so ``“三北”工程`` is
     indexed as the words of 三北工程 next to each other and a search for the term finds
     its quoted uses; excerpts then show the phrase without the quotes;
   - Material's search box stays where and how it is, but answers come from Pagefind:
     the box (``pagefind_ui.SEARCH_MARKUP``: Material's markup, with Material's search
     component detached — its form renamed, or Material's bundle would fetch
     search_index.json) goes into the header, and a small script
     (``assets/pagefind-search.js``) renders Pagefind results into Material's result
     list, five at a time (each shown result costs one fragment download).
2. ``apply(site_dir)`` from ``on_post_build``: writes that script, runs Pagefind
   (``index_site``: the binary the ``pagefind`` package ships — the extended one from the
   ``pagefind-bin-extended`` wheel, so it works offline) into ``pagefind/``, writes the
   segmentation dictionary's shards into ``pagefind/zh-dict/``, the term shards and the
   list of very large index chunks (``pagefind_lookup``), and puts the ``Intl.Segmenter``
   wrapper in front of Pagefind's worker (``zh_segment``: the query is cut with the
   index's dictionary and searched as an exact phrase), and removes
   Material's ``search/search_index.json`` if the search plugin still wrote one.

Why not a theme override or ``on_page_content``: the built pages must stay byte-identical
to what the site has published, and both would move markup — Material's article and
``</body>`` are template text a block override cannot reach without copying Material's
``base.html``, and Material renders no search box at all once its plugin is off, so a
template box means copying ``partials/header.html``. The anchors this module relies on in
Material's markup are few, literal and checked against the installed Material by
tests/test_pagefind.py (Material is pinned to its minor version in pyproject.toml).

Hook points, called by ``generator/mkdocs_hooks.py`` when ``search: pagefind``:

- ``disable_material_search(config)`` from ``on_config``: Material builds no index
  (the slow part at scale) and renders no box; the box is then inserted here;
- ``on_post_page(output, page)`` / ``on_post_template(output, template_name)``;
- ``on_post_build(config)`` (under ``mkdocs serve`` only for the first build:
  generator/site/serve.py keeps that index for later rebuilds).

When to switch: above about 150 reports, or once Material's ``search_index.json`` passes
about 10 MB (see benchmarks/README.md for the measurements).
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from . import pagefind_lookup, zh_segment
from .pagefind_markup import ARTICLE_RE, EXCLUDE_SELECTORS, MATERIAL_BOX, MATERIAL_FORM, rewrite_page  # noqa: F401 (the page markup)
from .pagefind_ui import SCRIPT_NAME, presplit_js, search_js

WORKER = "pagefind-worker.js"

log = logging.getLogger("mkdocs.plugins.generator.pagefind")


@dataclass
class PagefindResult:
    pages_indexed: int
    html_files: int
    index_bytes: int  # everything under pagefind/
    largest_file: int  # the biggest single file under pagefind/ (an upper bound on one fetch)
    removed_material_index: bool


# --------------------------------------------------------------------------- files


def write_script(site_dir: Path) -> None:
    """Write the search script (``SCRIPT_NAME``) into the built site."""
    script = Path(site_dir) / SCRIPT_NAME
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text(search_js(), encoding="utf-8")


def html_files(site_dir: Path) -> int:
    """The number of built HTML pages under ``site_dir`` (Pagefind's own output left out)."""
    site_dir = Path(site_dir)
    return sum(1 for path in site_dir.rglob("*.html")
               if path.relative_to(site_dir).parts[0] != "pagefind")


# --------------------------------------------------------------------------- indexing


def pagefind_available() -> bool:
    """True when the pagefind Python API and a binary (preferably the extended one) are installed."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        return False
    return get_executable() is not None


def extended_available() -> bool:
    """True when the extended binary (Chinese segmentation) is installed."""
    try:
        import pagefind_bin_extended  # noqa: F401
    except ImportError:
        return False
    return True


def index_site(site_dir: Path) -> int:
    """Index ``site_dir`` with Pagefind into ``site_dir/pagefind``; return the pages indexed.

    Runs the binary the ``pagefind`` package finds (the extended one from the
    ``pagefind-bin-extended`` wheel when installed) as a command and waits for it: the
    package's service API terminates the binary as soon as it answers, which at times
    left ``pagefind-entry.json`` empty.
    """
    from pagefind.service import get_executable

    exe = get_executable() if pagefind_available() else None
    if exe is None:
        raise RuntimeError("search: pagefind needs the Pagefind package: pip install 'pagefind[extended]'")
    if not extended_available():
        log.warning("pagefind: the extended binary is not installed, so Chinese is not segmented: "
                    "pip install 'pagefind[extended]'")
    site_dir = Path(site_dir).resolve()
    out_dir = site_dir / "pagefind"
    if out_dir.is_dir():  # stale chunks from an earlier build would otherwise stay
        shutil.rmtree(out_dir)
    cmd = [str(exe), "--site", str(site_dir), "--output-path", str(out_dir), "--force-language", "zh"]
    for selector in EXCLUDE_SELECTORS:
        cmd += ["--exclude-selectors", selector]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    entry = out_dir / "pagefind-entry.json"
    if proc.returncode != 0 or not entry.is_file() or entry.stat().st_size == 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-5:])
        raise RuntimeError(f"pagefind failed (exit {proc.returncode}): {tail}")
    found = re.search(r"Indexed (\d+) pages?", proc.stdout)
    return int(found.group(1)) if found else 0


def patch_worker(site_dir: Path) -> bool:
    """Put the ``Intl.Segmenter`` wrapper in front of Pagefind's worker script (where
    Pagefind cuts the query). False, with a warning, when the worker is not there."""
    worker = Path(site_dir) / "pagefind" / WORKER
    if not worker.is_file():
        log.warning("pagefind: %s not found; Chinese queries are cut by the browser, not by "
                    "the index's dictionary (see generator/site/search/zh_segment.py)", WORKER)
        return False
    code = worker.read_text(encoding="utf-8")
    if "pfPresplit" not in code:
        worker.write_text(presplit_js() + "\n" + code, encoding="utf-8")
    return True


def apply(site_dir: Path) -> PagefindResult:
    """Everything the switch does after MkDocs has built ``site_dir``."""
    site_dir = Path(site_dir)
    write_script(site_dir)
    pages = index_site(site_dir)
    zh_segment.write_shards(site_dir / "pagefind")
    pagefind_lookup.write_all(site_dir)
    patch_worker(site_dir)
    material_index = site_dir / "search" / "search_index.json"
    removed = material_index.exists()
    if removed:
        material_index.unlink()
    sizes = [p.stat().st_size for p in (site_dir / "pagefind").rglob("*") if p.is_file()]
    return PagefindResult(pages, html_files(site_dir), sum(sizes), max(sizes, default=0), removed)


# --------------------------------------------------------------------------- MkDocs hook points


def on_post_page(output: str, page) -> str:
    """Call from the MkDocs ``on_post_page`` hook: the rendered page, marked for Pagefind."""
    return rewrite_page(output, PurePosixPath(page.file.dest_uri))


def on_post_template(output: str, template_name: str) -> str:
    """Call from the MkDocs ``on_post_template`` hook: theme pages (Material's 404.html)."""
    if not template_name.endswith(".html"):
        return output  # sitemap.xml
    return rewrite_page(output, PurePosixPath(template_name))


def on_post_build(config) -> PagefindResult:
    """Call from the MkDocs ``on_post_build`` hook when ``settings.search == "pagefind"``."""
    result = apply(Path(config["site_dir"]))
    log.info("pagefind: indexed %d pages, index %.1f MB", result.pages_indexed, result.index_bytes / 1e6)
    return result


def disable_material_search(config) -> bool:
    """Stop Material's search plugin (no index, no box); call from ``on_config``. True if it was on."""
    plugins = config["plugins"]
    for name in ("material/search", "search"):
        plugin = plugins.get(name) if hasattr(plugins, "get") else None
        if plugin is not None and getattr(plugin, "config", None) is not None and "enabled" in plugin.config:
            was = bool(plugin.config["enabled"])
            plugin.config["enabled"] = False
            return was
    return False
