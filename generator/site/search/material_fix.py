"""Let Material's search try a Chinese query as one whole word.

Material (9.x) segments a Chinese query with the words of its own index, but its loop
(``query/segment/index.ts``: ``for (let j = i + 1; j < query.length; j++)``) never
tries a slice that ends at the query's last character. So 三北工程 is searched as
``三北 工`` and 七个作模范 as ``七个 作 模``: the term page, whose title is the whole
word, loses to pages that merely contain the pieces. The fix is ``j <= query.length``.

After MkDocs has copied the theme's assets, ``patch_search_worker`` rewrites that one
comparison in the built worker. If a Material release changes the code so that the
pattern is not found, it says so (the caller logs a warning) and changes nothing.

It also puts ``assets/material-search-phrase.js`` in front of the worker: a Chinese query
is a phrase (only pages that hold it whole are listed, when any does), and results are
shown without jieba's zero-width spaces. That script only wraps the worker's messages
(Material's query and result message types), so it does not depend on minified code.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

PHRASE_SCRIPT = "material-search-phrase.js"
PHRASE_MARK = "self.pfPhrase = true"


def phrase_js() -> str:
    """The worker prelude (``assets/material-search-phrase.js``, package data)."""
    return (resources.files(__package__) / "assets" / PHRASE_SCRIPT).read_text(encoding="utf-8")

# Minified form of: for(let j=i+1; j<query.length; j++) query.slice(i,j) in index && …
_LOOP = re.compile(
    r"for\(let (?P<j>\w+)=(?P<i>\w+)\+1;(?P=j)<(?P<q>\w+)\.length;(?P=j)\+\+\)(?P=q)\.slice\((?P=i),(?P=j)\)in "
)
_PATCHED = re.compile(r"for\(let (\w+)=(\w+)\+1;\1<=(\w+)\.length;\1\+\+\)\3\.slice\(\2,\1\)in ")


def _fix(match: re.Match) -> str:
    j, i, q = match.group("j"), match.group("i"), match.group("q")
    return f"for(let {j}={i}+1;{j}<={q}.length;{j}++){q}.slice({i},{j})in "


def patch_search_worker(site_dir: str | Path) -> list[str]:
    """Patch every built search worker; return problems (empty when all is well)."""
    workers = sorted(Path(site_dir).glob("assets/javascripts/workers/search.*.min.js"))
    if not workers:
        return ["Material's search worker was not found in the built site; Chinese queries "
                "will not match whole terms"]
    problems = []
    for worker in workers:
        code = worker.read_text(encoding="utf-8")
        fixed = code
        if not _PATCHED.search(code):  # else an earlier build into the same folder fixed it
            fixed, count = _LOOP.subn(_fix, code, count=1)
            if count != 1:
                problems.append(f"{worker.name}: the query segmenter of this Material version was not "
                                "recognised; search may split whole terms (see generator/site/search/material_fix.py)")
                continue  # an unknown worker is left alone
        if PHRASE_MARK not in fixed:
            fixed = phrase_js() + "\n" + fixed
        if fixed == code:
            continue
        tmp = worker.with_suffix(".tmp")
        tmp.write_text(fixed, encoding="utf-8")
        tmp.replace(worker)
    return problems
