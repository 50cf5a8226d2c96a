"""The site stage: a loaded project (reports, glossary, site_config/) -> the docs folder.

- ``build``: ``build_site``, the one entry point (CLI and MkDocs hook);
- ``context``: ``SiteContext`` (inputs plus shared lookups) and ``Page``;
- ``writer``: the incremental, atomic writer of the docs folder;
- ``pages/``: the page builders (report, region, topic, term, glossary lists, home and
  overviews) and the navigation built from their pages;
- ``facts/``: data the pages show that is derived from the context (labels, region
  walks, topic assignment, term groups) — no Markdown;
- ``render/``: Markdown rendering helpers (escaping, links, tables, excerpts, URLs);
  they know nothing of pages;
- ``search/``: the search engines' joints with the built HTML site (Material's search
  worker patch, the Pagefind switch and its browser script), called from
  ``generator/mkdocs_hooks.py``.

Imports point down only: build -> pages -> facts -> context -> render.
"""
