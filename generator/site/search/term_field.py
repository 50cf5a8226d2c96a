"""Material search: a report section is also found by the terms it uses, however written.

Material indexes a section's text as jieba cut it, so `“三北”工程` is the words 三北 and
工程, and a search for 三北工程 misses the 内蒙古 report that writes it that way five
times. After the search plugin has written ``search/search_index.json``, ``add_term_field``
gives every section of a report page (``reports/…``) a ``glossary`` field: the headwords
of the terms its text names, found by the glossary's own matcher (quotes, spaces, width,
aliases and quoted short forms included), separated by spaces. The field is declared in
the index's ``config.fields`` with ``BOOST`` (between text and titles): the worker indexes
every declared field, so the section matches the headword as one word, and the phrase
rule (assets/material-search-phrase.js) keeps sections whose ``glossary`` holds the query.

Only report pages get the field: the term's own page, topic and region pages name terms in
titles and link lists, and the reports are where a reader wants to see the term used.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

FIELD = "glossary"
BOOST = 50.0  # title 1000, text 1: a term use outranks a page that merely mentions the pieces
REPORTS = "reports/"
_TAG = re.compile(r"<[^>]*>")
_ZWSP = "\u200b"


def plain_text(indexed: str) -> str:
    """A search document's text as the reader sees it: no tags, entities or word breaks."""
    return html.unescape(_TAG.sub("", indexed)).replace(_ZWSP, "")


def add_term_field(site_dir: str | Path, surfaces: dict[str, str]) -> list[str]:
    """Add the ``glossary`` field to the built index; return problems (empty when all is well)."""
    from ...glossary.matcher import Matcher
    from ...glossary.normalize import strip_quotes

    path = Path(site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return [f"{path}: Material's search index was not found; terms are not added to report sections"]
    index = json.loads(path.read_text(encoding="utf-8"))
    fields = index.get("config", {}).get("fields")
    if not isinstance(fields, dict) or not isinstance(index.get("docs"), list):
        return [f"{path}: unknown search index layout; terms are not added to report sections "
                "(see generator/site/search/term_field.py)"]
    matcher = Matcher(surfaces)
    for doc in index["docs"]:
        if not str(doc.get("location", "")).startswith(REPORTS):
            continue
        names = sorted({strip_quotes(key) for _, _, key in matcher.find(plain_text(doc.get("text", "")))})
        if names:
            doc[FIELD] = " ".join(names)
        else:
            doc.pop(FIELD, None)
    fields[FIELD] = {"boost": BOOST}
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return []
