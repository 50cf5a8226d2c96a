"""The search engines' joints with the built site, called from ``generator/mkdocs_hooks.py``.

``material_fix``: the patch to Material's search worker so a Chinese query is also tried
as one whole word, and is a phrase (only results holding it whole, without zero-width
spaces) (``search: material``, the default); ``pagefind``: the
``search: pagefind`` switch (page markup for Pagefind, indexing); ``pagefind_ui``: the
search box markup and the browser script (``assets/pagefind-search.js``, package data);
``zh_segment``: Pagefind's own cut of Chinese (charabia/jieba-rs), its dictionary written
in shards for the browser, so a query is searched as the index's words, as a phrase.
"""
