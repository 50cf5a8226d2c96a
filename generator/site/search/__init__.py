"""The search engines' joints with the built site, called from ``generator/mkdocs_hooks.py``.

``material_fix``: the patch to Material's search worker so a Chinese query is also tried
as one whole word (``search: material``, the default); ``pagefind``: the
``search: pagefind`` switch (page markup for Pagefind, indexing); ``pagefind_ui``: the
search box markup and the browser script (``assets/pagefind-search.js``, package data).
"""
