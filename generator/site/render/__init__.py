"""Markdown rendering helpers shared by the page builders.

``markdown``: report text as safe Markdown (escaping, links, tables, glossary links);
``excerpts``: keyword-in-context excerpts; ``urls``: where every page lives and the
relative links between pages. Imports nothing from the rest of the site package.
"""
