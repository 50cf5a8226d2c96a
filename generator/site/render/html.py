"""Built HTML made smaller without changing what a browser shows.

Material's templates indent every element; on a site of thousands of pages that
indentation is a quarter of each page's chrome (navigation, header, footer). ``compact``
turns every run of white space that holds a line break into one line break, outside
``<pre>``, ``<textarea>`` and ``<script>`` (where white space is kept as written). HTML
treats any run of white space between words as one space, so the page looks the same.
``compact_config`` writes Material's settings script (``<script id="__config">``, the
same 1.2 KB on every page) as compact JSON with its Chinese translations as UTF-8
instead of ``\\uXXXX`` escapes: the same object for Material's script, half the bytes.
Called from the MkDocs hook ``on_post_page`` (generator/mkdocs_hooks.py).
"""

from __future__ import annotations

import json
import re

_KEEP = re.compile(r"(<(pre|textarea|script)\b.*?</\2\s*>)", re.S | re.I)
_RUN = re.compile(r"[ \t\r\f]*\n\s*")
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def compact(html: str) -> str:
    parts = _KEEP.split(html)
    # re.split with two groups yields: text, whole kept element, tag name, text, …
    out = []
    for i in range(0, len(parts), 3):
        out.append(_RUN.sub("\n", parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)


def compact_config(html: str) -> str:
    def dense(match: re.Match) -> str:
        try:
            data = json.loads(match.group(2))
        except ValueError:
            return match.group(0)
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
        return match.group(1) + text + match.group(3)

    return _CONFIG.sub(dense, html, count=1)
