"""Build the docs folder: inputs -> SiteContext -> pages -> files on disk.

``build_site`` is what ``python -m generator build`` and the MkDocs hook run. It
loads site_config/, the reports and the glossary, asks every page module in
``PAGE_MODULES`` for its pages, adds the hand-written files under docs_src/,
and writes it all with the incremental writer (unchanged files are not touched).
Besides the docs folder it writes, under ``build/`` (git-ignored):

- ``build/jieba_user_dict.txt``: glossary terms for the search plugin's segmenter
  (mkdocs.yml names it in ``plugins.search.jieba_dict_user``);
- ``build/nav.yml``: the generated ``nav`` and ``not_in_nav`` for builders that
  run no hooks (copy them into mkdocs.yml, or ``INHERIT`` from it).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import yaml

from .. import memo
from ..errors import GeneratorError, build_summary
from ..model import Diagnostic
from ..process import long_lived
from ..project import load_project
from .context import Page, SiteContext
from .render import urls
from .pages import compare, data, glossary_index, home, region, report, targets, term, topic
from .pages.nav import Nav, build_nav
from .writer import write_if_changed, write_tree

# Page modules, each exposing ``pages(ctx) -> Iterable[Page]``.
PAGE_MODULES = (report, home, region, topic, term, glossary_index, targets, data, compare)

BUILD_DIR = "build"
JIEBA_USER_DICT = f"{BUILD_DIR}/jieba_user_dict.txt"
NAV_FILE = f"{BUILD_DIR}/nav.yml"


@dataclass
class BuildResult:
    ok: bool
    pages: list[Page] = field(default_factory=list)
    written: int = 0
    unchanged: int = 0
    deleted: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)
    nav: Nav = field(default_factory=Nav)
    search: str = "material"  # site.yaml `search`: which engine indexes the built site
    reports_dir: Optional[Path] = None  # the folder the reports were read from
    term_surfaces: dict[str, str] = field(default_factory=dict)  # every spelling -> headword (search index)


def collect_pages(ctx: SiteContext) -> list[Page]:
    pages: list[Page] = []
    for module in PAGE_MODULES:
        pages.extend(module.pages(ctx))
    return pages


_H1_RE = re.compile(r"^#\s+(.+?)\s*(\{[^}]*\})?\s*$", re.M)
_TITLE_RE = re.compile(r"^title:\s*(.+?)\s*$", re.M)


def _hand_written_title(text: str, rel: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        match = _TITLE_RE.search(text[4:end]) if end > 0 else None
        if match:
            return match.group(1).strip("\"'")
    match = _H1_RE.search(text)
    return match.group(1) if match else rel


def page_titles(pages: list[Page]) -> list[tuple[str, str, str]]:
    """(path, nav title, page title) of the pages in the navigation: what other pages' sidebars
    and previous/next links show of them (``generator/site/serve.py`` digests it)."""
    return [(p.path, p.nav_title, _hand_written_title(p.content[:2000], p.path)) for p in pages if p.in_nav]


def hand_written(docs_src: Path) -> tuple[list[Page], dict[str, bytes]]:
    """docs_src/ Markdown pages (as Pages, for the nav) and other files (copied as bytes)."""
    pages: list[Page] = []
    assets: dict[str, bytes] = {}
    if not docs_src.is_dir():
        return pages, assets
    for path in sorted(p for p in docs_src.rglob("*") if p.is_file()):
        rel = path.relative_to(docs_src).as_posix()
        if any(part.startswith(".") for part in path.relative_to(docs_src).parts):
            continue
        if rel.endswith(".md"):
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError as exc:
                raise GeneratorError(path, f"not UTF-8 (byte {exc.start})", fix="save the page as UTF-8") from None
            pages.append(Page(rel, text, _hand_written_title(text, rel)))
        else:
            assets[rel] = path.read_bytes()
    return pages, assets


def build_site(root, reports_dir=None, out_dir=None, strict: bool = False, quiet: bool = False,
               echo: bool = True, cache: bool = False) -> BuildResult:
    """Generate the docs folder (see ``_build``); results of this process's earlier builds
    whose inputs are unchanged are reused (generator/memo.py), and with ``cache`` those of
    earlier processes kept in site.yaml's ``cache_dir`` (generator/memo_store.py)."""
    with memo.build():
        return _build(root, reports_dir, out_dir, strict, quiet, echo, cache)


def _build(root, reports_dir, out_dir, strict: bool, quiet: bool, echo: bool, cache: bool = False) -> BuildResult:
    """Generate the docs folder. Raises GeneratorError for configuration problems.

    ``ok`` is False only under ``strict`` with any diagnostic: a report file that cannot
    be read is skipped with an error line while the rest of the site is still built.

    Diagnostics are printed one line each to stderr (``echo=False``: the caller
    reports them); ``quiet`` drops the summary line.
    """
    root = Path(root).resolve()
    project = load_project(root, reports_dir, cache=cache)
    config, reports, glossary = project.config, project.reports, project.glossary
    settings = config.settings
    strict = strict or settings.strict
    out = Path(out_dir) if out_dir else root / settings.output_dir
    diagnostics = list(project.diagnostics)
    ctx = SiteContext.create(root, config, reports, glossary, diagnostics)
    with long_lived():  # the loaded project stays as it is while pages are made
        return _write(root, ctx, project, out, strict, quiet, echo, diagnostics)


def _write(root: Path, ctx: SiteContext, project, out: Path, strict: bool, quiet: bool, echo: bool,
           diagnostics: list[Diagnostic]) -> BuildResult:
    """Pages, hand-written files and data files of ``ctx`` into ``out``; build/nav.yml and the
    search segmenter's dictionary beside it."""
    config, glossary = project.config, project.glossary
    settings = config.settings
    pages = collect_pages(ctx)
    src_pages, assets = hand_written(root / settings.docs_src)
    files: dict[str, bytes | str] = {}
    for page in pages + src_pages:
        if page.path in files:
            raise GeneratorError(f"{settings.docs_src}/{page.path}", "has the same path as a generated page",
                                 fix="rename or move the hand-written file")
        files[page.path] = page.content
    for rel, blob in assets.items():
        if rel in files:
            raise GeneratorError(f"{settings.docs_src}/{rel}", "has the same path as a generated page",
                                 fix="rename or move the hand-written file")
        files[rel] = blob

    for served in data.site_files(ctx).values():  # the open data files beside the 数据 page
        files[urls.data_file(served.served_name)] = served.data
    for name, blob in compare.data_files(ctx).items():
        files[urls.data_file(name)] = blob  # what the comparison page script loads

    nav = build_nav(pages + src_pages)
    for rel in nav.unplaced:
        diagnostics.append(Diagnostic(rel, "page lies outside every navigation tab; it is left out of the nav"))

    result = write_tree(out, files)
    write_if_changed(root / JIEBA_USER_DICT, glossary.jieba_user_dict().encode("utf-8"))
    nav_data = nav.to_yaml_data()  # YAML emitting is slow; the nav rarely changes between rebuilds
    nav_yaml = memo.table("nav-yaml").get(memo.digest(nav_data), lambda: yaml.safe_dump(
        nav_data, allow_unicode=True, sort_keys=False, width=1000))
    write_if_changed(root / NAV_FILE, nav_yaml.encode("utf-8"))

    # A bad report file (unreadable: an error; odd: a warning) never breaks the site: it is
    # named on one line and the rest is built. Under strict either fails the build; a note
    # (a known defect of the source, shown as well as it can be) never does.
    ok = not (strict and any(d.severity in ("error", "warning") for d in diagnostics))
    if echo:
        for line in build_summary(diagnostics, ok, None if quiet else (
                f"site: {len(files)} files ({result.written} written, {result.unchanged} unchanged, "
                f"{result.deleted} deleted) in {out}")):
            print(line, file=sys.stderr)
    return BuildResult(ok, pages + src_pages, result.written, result.unchanged, result.deleted,
                       diagnostics, nav, settings.search, project.reports_dir, glossary.headword_surfaces())
