"""Built HTML made smaller without changing what a browser shows.

Material's templates indent every element; on a site of thousands of pages that
indentation is a quarter of each page's chrome (navigation, header, footer). ``compact``
turns every run of white space that holds a line break into one line break, outside
``<pre>``, ``<textarea>`` and ``<script>`` (where white space is kept as written). HTML
treats any run of white space between words as one space, so the page looks the same.
Called from the MkDocs hook ``on_post_page`` (generator/mkdocs_hooks.py).
"""

from __future__ import annotations

import re

_KEEP = re.compile(r"(<(pre|textarea|script)\b.*?</\2\s*>)", re.S | re.I)
_RUN = re.compile(r"[ \t\r\f]*\n\s*")


def compact(html: str) -> str:
    parts = _KEEP.split(html)
    # re.split with two groups yields: text, whole kept element, tag name, text, …
    out = []
    for i in range(0, len(parts), 3):
        out.append(_RUN.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)
