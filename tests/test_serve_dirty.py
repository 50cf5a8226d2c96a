"""Rebuilds as `mkdocs serve --dirty` runs them (generator/site/serve.py).

What a reader previewing an edit relies on: the page shows the edit, every other page
is exactly what a full build gives (so skipping them is safe), the generated files that
did not change keep their mtime (that is what lets MkDocs skip them), search neither
lists a page twice nor loses pages, a deleted report leaves no page behind, and
Pagefind is not run again for each edit. The builds call MkDocs' own ``build`` the way
``mkdocs serve`` does (a fresh config per rebuild, ``on_startup`` once); how fast this is
lives in benchmarks/edit_browser.py.
"""

from __future__ import annotations

import json
import logging
import shutil
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT, copy_project
from generator.site import serve
from generator.site.search import pagefind

URL = "http://127.0.0.1:8103/"
EDITED = "2024-etuoke-qi"


def _project(tmp_path: Path, search: str = "material") -> Path:
    project = copy_project(tmp_path, "mkdocs.yml")
    (project / "generator").mkdir()
    shutil.copy(ROOT / "generator" / "mkdocs_hooks.py", project / "generator" / "mkdocs_hooks.py")
    (project / "docs").mkdir()
    if search != "material":
        site_yaml = project / "site_config" / "site.yaml"
        site_yaml.write_text(site_yaml.read_text(encoding="utf-8").replace("search: material", f"search: {search}"),
                             encoding="utf-8")
    return project


class Serve:
    """MkDocs' serve loop without the server: ``on_startup`` once, a fresh config per build."""

    def __init__(self, project: Path, site: Path, dirty: bool = True):
        from mkdocs.config import load_config

        self.project, self.site, self.dirty = project, site, dirty
        self._load = lambda: load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
        serve.STATE = serve.State()
        logging.getLogger("mkdocs").setLevel(logging.ERROR)
        config = self._load()
        config.plugins.on_startup(command="serve", dirty=dirty)
        self.plugins, self.state = config.plugins, serve.STATE
        self.build(config)

    def build(self, config=None) -> None:
        from mkdocs.commands.build import build

        if serve.STATE is not self.state:  # another Serve ran in this process (one per process in real life)
            serve.STATE = self.state
            self.plugins.on_startup(command="serve", dirty=self.dirty)  # Material's plugin instance is shared
        config = config or self._load()
        config.site_url = URL
        build(config, serve_url=URL, dirty=self.dirty)

    def close(self) -> None:
        self.plugins.on_shutdown()
        serve.STATE = serve.State()


def _mtimes(folder: Path, pattern: str = "*") -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob(pattern) if p.is_file()}


def _bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _edit(project: Path) -> None:
    path = project / "seeds" / f"{EDITED}.txt"
    text = path.read_text(encoding="utf-8")
    assert "打好" in text
    path.write_text(text.replace("打好", "坚决打好", 1), encoding="utf-8")


@pytest.fixture(scope="module")
def dirty_serve(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("serve")
    project = _project(tmp)
    site = tmp / "site"
    runner = Serve(project, site)
    docs = project / "docs"
    before = {"docs": _mtimes(docs), "docs_bytes": _bytes(docs), "html": _mtimes(site, "*.html")}
    _edit(project)
    runner.build()
    after = {"docs": _mtimes(docs), "docs_bytes": _bytes(docs), "html": _mtimes(site, "*.html")}
    yield runner, before, after
    runner.close()


def test_an_edit_rewrites_only_changed_markdown_and_renders_only_those_pages(dirty_serve):
    runner, before, after = dirty_serve
    changed = {rel for rel, data in after["docs_bytes"].items() if before["docs_bytes"].get(rel) != data}
    assert f"reports/{EDITED}.md" in changed
    untouched = set(after["docs"]) - changed
    assert untouched and all(after["docs"][rel] == before["docs"][rel] for rel in untouched)
    rerendered = {rel for rel, t in after["html"].items() if before["html"].get(rel) != t}
    changed_pages = {rel[:-3] + "/index.html" if not rel.endswith("index.md") else rel[:-8] + "index.html"
                     for rel in changed if rel.endswith(".md")}
    assert f"reports/{EDITED}/index.html" in rerendered
    assert rerendered <= changed_pages | {"404.html"}, rerendered - changed_pages
    assert len(rerendered) < len(after["html"]) / 10
    page = (runner.site / "reports" / EDITED / "index.html").read_text(encoding="utf-8")
    assert "坚决打好" in page


def test_dirty_site_equals_a_full_build_and_search_lists_each_page_once(dirty_serve, tmp_path):
    runner, _, _ = dirty_serve
    full = tmp_path / "full"
    clean = Serve(runner.project, full, dirty=False)
    clean.close()
    ours, theirs = _bytes(runner.site), _bytes(full)
    html = {rel for rel in theirs if rel.endswith(".html")}
    assert html == {rel for rel in ours if rel.endswith(".html")}
    assert [rel for rel in sorted(html) if ours[rel] != theirs[rel]] == []
    docs = json.loads(ours["search/search_index.json"])["docs"]
    counts = Counter(entry["location"] for entry in docs)
    assert [loc for loc, n in counts.items() if n > 1] == []  # Material's own --dirty merge repeats pages
    expected = {entry["location"] for entry in json.loads(theirs["search/search_index.json"])["docs"]}
    assert set(counts) == expected
    edited = [e for e in docs if e["location"].startswith(f"reports/{EDITED}/")]
    assert any("坚决" in e["text"] for e in edited)


def test_a_deleted_report_leaves_no_page_and_every_page_is_rendered_again(dirty_serve):
    runner, _, _ = dirty_serve
    gone = "2024-wulanchabu-shi"
    assert (runner.site / "reports" / gone / "index.html").exists()
    (runner.project / "seeds" / f"{gone}.txt").unlink()
    runner.build()
    assert not (runner.site / "reports" / gone).exists()
    assert gone not in (runner.site / "reports" / "index.html").read_text(encoding="utf-8")
    assert gone not in (runner.site / "search" / "search_index.json").read_text(encoding="utf-8")


@pytest.mark.skipif(not pagefind.pagefind_available(), reason="Pagefind is not installed: pip install '.[pagefind]'")
def test_pagefind_indexes_once_under_serve_and_the_index_survives_rebuilds(tmp_path):
    project = _project(tmp_path, "pagefind")
    site = tmp_path / "site"
    runner = Serve(project, site)
    try:
        entry = site / "pagefind" / "pagefind-entry.json"
        assert entry.is_file()
        indexed = entry.stat().st_mtime_ns
        _edit(project)
        runner.build()
        assert entry.stat().st_mtime_ns == indexed  # not indexed again
        page = (site / "reports" / EDITED / "index.html").read_text(encoding="utf-8")
        assert "坚决打好" in page and "data-pagefind-body" in page
        assert (site / pagefind.SCRIPT_NAME).is_file()
        # A change to every page (mkdocs.yml) empties the site folder: the index is put back.
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace("读报与术语互查", "读报与术语互查（预览）", 1),
                          encoding="utf-8")
        runner.build()
        assert "（预览）" in (site / "index.html").read_text(encoding="utf-8")
        assert entry.is_file() and entry.stat().st_mtime_ns == indexed
        assert (site / pagefind.SCRIPT_NAME).is_file()
    finally:
        runner.close()
