"""MkDocs glue (``hooks:`` in mkdocs.yml): generate the docs folder, then let MkDocs build.

Thin on purpose: everything also works as ``python -m generator build && mkdocs build``
(builders that run no hooks read the generated ``build/nav.yml``).

- ``on_config`` (priority 100, before the search plugin loads the jieba user
  dictionary) runs ``build_site`` incrementally, logs its diagnostics as MkDocs
  messages (errors, and warnings under ``strict: true`` in site.yaml, fail
  ``mkdocs build --strict``) and sets ``nav`` and
  ``not_in_nav`` from the generated navigation.
- ``search: pagefind`` in site.yaml: Material's search is switched off in
  ``on_config``, ``on_post_page``/``on_post_template`` mark each rendered page for
  Pagefind and ``on_post_build`` indexes the built site (generator/site/search/pagefind.py).
- ``on_page_context`` (last, after the search plugin read the page) bounds the table of
  contents Material shows in the sidebar (generator/site/render/page_toc.py): long
  titles cut, the deepest levels dropped while it is over 12 KB (6 KB for a page in the
  nav, whose toc Material also writes into the drawer); the page's headings and anchors
  are not touched.
- ``on_post_page`` compacts each page's HTML (generator/site/render/html.py: white-space
  runs with a line break become one line break, Material's settings script as compact
  UTF-8 JSON; the page looks the same, its chrome is a quarter smaller) and draws
  Material's chrome icons from one stylesheet instead of inline SVG
  (generator/site/render/chrome_icons.py, written by ``on_post_build``).
- ``on_post_build`` (Material search) lets the search worker try a Chinese query as
  one whole word (generator/site/search/material_fix.py), so 三北工程 finds its term page first,
  and gives report sections the headwords of the terms they use, however written
  (generator/site/search/term_field.py), so it also finds the reports that write `“三北”工程`.
- Memory (``mkdocs build`` of 1,439 reports peaked above 2 GiB): under ``mkdocs build``
  (``on_startup`` says which command runs) the generator's memo is dropped once the docs
  folder is written — it only serves the rebuilds of ``mkdocs serve``; and every page lets
  go of its Markdown source once converted (``on_page_content``) and of its HTML once
  written (``on_post_page``): MkDocs keeps both for every page until the build ends, but
  reads neither again (anchor checks use the ids it collected while converting).
- ``on_serve`` stops watching the generated docs folder: ``mkdocs serve`` watches
  the inputs (``watch:`` seeds, site_config, docs_src) and rebuilds once per edit.
- Rebuilds under ``mkdocs serve --dirty`` (generator/site/serve.py): only pages whose
  Markdown changed are rendered again, every page when the navigation or mkdocs.yml
  changed (``on_pre_build`` empties the site folder); Material's search index is merged
  per page (``on_post_build``, before the search plugin's); compiled templates are kept
  (``on_env``); Pagefind indexes once per serve.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from pathlib import Path
from typing import Optional

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority

log = logging.getLogger("mkdocs.hooks.generator")
_SEARCH = "material"  # site.yaml `search`, as read by the last on_config
_REPORTS_DIR: Optional[Path] = None  # the reports folder of the last on_config (watched by serve)
_TERM_SURFACES: dict[str, str] = {}  # every term spelling -> headword, for the search index
_COMMAND = ""  # "build", "serve", "gh-deploy" (on_startup); "" when MkDocs is driven without the CLI
ONE_SHOT = {"build", "gh-deploy"}  # commands after which the generator's memo is of no use
_ICONS = None  # generator.site.render.chrome_icons.IconSheet of this process (made on first use)


def _project_root(config) -> Path:
    return Path(config.config_file_path or ".").resolve().parent


def _import_build(root: Path):
    try:
        from generator.site import build
    except ImportError:
        sys.path.insert(0, str(root))
        from generator.site import build
    return build


def _not_in_nav_spec(config, paths: list[str]):
    """mkdocs.yml's ``not_in_nav`` patterns plus the generated pages outside the nav, as
    exact paths: MkDocs matches every docs file against every pattern, and as gitignore
    patterns the generated pages (7,306 of 7,350 files at 1,000 reports) made that 54 million
    regex matches, about 15 s of every build and every ``mkdocs serve`` rebuild."""
    from pathspec.gitignore import GitIgnoreSpec

    class NotInNav(GitIgnoreSpec):
        def __init__(self, patterns, exact: frozenset[str]):
            super().__init__(patterns)
            self.exact = exact

        def match_file(self, file, separators=None):
            return file in self.exact or super().match_file(file, separators)

    existing = config.not_in_nav
    lines = [str(p.pattern) for p in getattr(existing, "patterns", []) if getattr(p, "pattern", None)]
    return NotInNav(GitIgnoreSpec.from_lines(sorted(set(lines))).patterns, frozenset(paths))


@event_priority(100)
def on_config(config):
    root = _project_root(config)
    build = _import_build(root)
    from generator.errors import GeneratorError

    out_dir = Path(config.docs_dir).resolve()
    try:
        result = build.build_site(root, out_dir=out_dir, quiet=True, echo=False, cache=True)
    except GeneratorError as err:
        raise PluginError(err.format()) from None
    # Input warnings are shown; they fail the build only when they fail build_site
    # (site_config/site.yaml `strict: true`), so `mkdocs build --strict` checks the site itself.
    for diag in result.diagnostics:
        if diag.severity == "error":
            log.error(diag.format())
        else:
            (log.info if result.ok or diag.severity == "note" else log.warning)(diag.format())
    if not result.ok:
        from generator.errors import strict_failure

        log.warning(strict_failure(result.diagnostics))
    config.nav = result.nav.items
    config.not_in_nav = _not_in_nav_spec(config, result.nav.not_in_nav)
    from generator.site.render.raw_lines import RawLinesExtension

    if not any(isinstance(e, RawLinesExtension) for e in config.markdown_extensions):
        config.markdown_extensions.append(RawLinesExtension())  # one-line HTML blocks kept without parsing
    global _SEARCH, _REPORTS_DIR, _TERM_SURFACES
    _SEARCH, _REPORTS_DIR, _TERM_SURFACES = result.search, result.reports_dir, result.term_surfaces
    if result.search == "pagefind":
        from generator.site.search import pagefind

        pagefind.disable_material_search(config)
    from generator.site import serve

    serve.plan(serve.site_key(result.nav.to_yaml_data(), [p.path for p in result.pages],
                              build.page_titles(result.pages), config))
    # The search plugin reads this path relative to the working directory.
    search = _search_plugin(config)
    if search is not None and getattr(search.config, "jieba_dict_user", None):
        search.config.jieba_dict_user = os.fspath(root / build.JIEBA_USER_DICT)
    if _COMMAND in ONE_SHOT:  # no rebuild follows: free the parsed reports, pages and fragments
        from generator import memo

        del result
        memo.clear()
        gc.collect()
    return config


def on_startup(command, dirty):
    from generator.process import tune_gc
    from generator.site import serve

    tune_gc()
    global _COMMAND
    _COMMAND = command
    serve.on_startup(command, dirty)


def on_shutdown():
    from generator.site import serve

    serve.on_shutdown()


def _search_plugin(config):
    return config.plugins.get("material/search") or config.plugins.get("search")


def on_pre_build(config):
    from generator.site import serve

    serve.on_pre_build(config, _search_plugin(config), _SEARCH == "pagefind")


def on_env(env, config, files):
    from generator.site import serve

    env.bytecode_cache = serve.BYTECODE  # later rebuilds reuse the compiled theme templates
    return env


def on_page_content(html, page, config, files):
    # Converted: MkDocs reads the Markdown source no more ("" keeps page.title working).
    page.markdown = ""
    return html


_NAV_PAGES: tuple[object, frozenset] = (None, frozenset())  # (the nav, its pages' source paths)


@event_priority(-100)  # after the search plugin has indexed the page with its whole toc
def on_page_context(context, page, config, nav):
    from generator.site.render.page_toc import BUDGET, bound_toc

    global _NAV_PAGES
    if _NAV_PAGES[0] is not nav:
        _NAV_PAGES = (nav, frozenset(p.file.src_uri for p in nav.pages))
    # Material writes the toc of a page in the nav twice (the sidebar and the drawer).
    in_nav = page.file.src_uri in _NAV_PAGES[1]
    page.toc = bound_toc(page.toc, BUDGET // 2 if in_nav else BUDGET)
    return context


def _icon_sheet():
    global _ICONS
    if _ICONS is None:
        from generator.site.render.chrome_icons import IconSheet

        _ICONS = IconSheet()
    return _ICONS


def on_post_page(output, page, config):
    from generator.site.render.html import compact, compact_config

    if _SEARCH == "pagefind":
        from generator.site.search import pagefind

        output = pagefind.on_post_page(output, page)
    page.content = None  # rendered into ``output``; only this page's template read it
    return _icon_sheet().page(compact_config(compact(output)))


def on_post_template(output_content, template_name, config):
    if _SEARCH == "pagefind":
        from generator.site.search import pagefind

        output_content = pagefind.on_post_template(output_content, template_name)
    if not template_name.endswith(".html"):  # sitemap.xml
        return output_content
    from generator.site.render.html import compact, compact_config

    return _icon_sheet().page(compact_config(compact(output_content)))


@event_priority(100)  # before Material's search plugin writes its index
def _post_build_before_search(config):
    from generator.site import serve

    _icon_sheet().write(Path(config.site_dir))

    if _SEARCH == "pagefind":
        from generator.site.search import pagefind

        serve.pagefind_post_build(config, pagefind.on_post_build)
    else:
        search = _search_plugin(config)
        if search is not None:
            serve.merge_material_index(search)


@event_priority(-100)  # after Material's search plugin has written search/search_index.json
def _post_build_after_search(config):
    if _SEARCH == "pagefind":
        return
    from generator.site.search.material_fix import patch_search_worker
    from generator.site.search.term_field import add_term_field

    for problem in patch_search_worker(config.site_dir) + add_term_field(config.site_dir, _TERM_SURFACES):
        log.warning(problem)


on_post_build = CombinedEvent(_post_build_before_search, _post_build_after_search)


def on_serve(server, config, builder):
    docs_dir = os.path.abspath(config.docs_dir)
    try:
        server.unwatch(docs_dir)
    except (KeyError, ValueError):
        pass
    if _REPORTS_DIR is not None and _REPORTS_DIR.is_dir():  # `reports:` may name any folder
        folder = _REPORTS_DIR.resolve()
        watched = [Path(w).resolve() for w in (config.get("watch") or [])]
        if not any(folder == w or w in folder.parents for w in watched):
            server.watch(os.fspath(folder))
    return server
