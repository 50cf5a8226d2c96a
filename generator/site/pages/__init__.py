"""Page builders: each module's ``pages(ctx) -> Iterable[Page]`` (listed in ``build.PAGE_MODULES``).

``report`` (one page per report), ``home`` (home page, reports overview, year pages),
``region``, ``topic``, ``term`` (one page per glossary term), ``glossary_index`` (the
glossary lists and the candidates page), and ``nav``: the MkDocs navigation built from
the pages. Builders use ``facts``, ``render`` and ``context``; nothing below imports them.
"""
