"""Small side files next to the Pagefind bundle that keep a first query's download small.

Written after Pagefind has indexed the site (``write_all``, from ``pagefind.apply``):

- ``terms/N.json``: which term or region page has exactly a query's text as its title
  (``key -> [url, title, excerpt]``), sharded by the key (``term_shard``) so a query reads
  one file of a few kB. The records come from the ``data-pf-term`` attribute that
  ``pagefind_markup`` puts on those pages' H1. Before, they were a Pagefind filter: one
  file of every term's title and excerpt (222 kB on cn/) downloaded by every first query.
- ``zh-heavy.json``: the index chunks of very common words (的, 和, 发展, 建设 …, each
  chunk 150–360 kB on cn/ because it lists every position of the word on every page),
  as ``[first word, last word, bytes]``, and the download budget for them. The search
  script leaves such words out of a long phrase's index lookups while the phrase keeps
  enough other words, and checks the phrase whole on each result it shows instead
  (see ``assets/pagefind-search.js``, ``plan``).

The browser script derives nothing here itself: keys are made in Python (``keys_of``)
and the script only normalizes the query the same way (``bare``).
"""

from __future__ import annotations

import html as html_lib
import json
import re
from pathlib import Path

from . import pagefind_meta

TERM_ATTR = "data-pf-term"  # on the H1 of term and region pages: "title|url|title|excerpt"
TERMS_DIR = "terms"  # under the Pagefind bundle folder
TERM_SHARDS = 1024
HEAVY_FILE = "zh-heavy.json"
HEAVY_CHUNK = 100_000  # bytes: index chunks at least this big are listed in HEAVY_FILE
# The most a query downloads for the chunks of listed words; above it the largest are left
# out of the lookups (the phrase is then checked on the results shown).
HEAVY_BUDGET = 200_000
QUOTES = "“”‘’「」『』\"'《》〈〉"
# A region's name without its suffix also finds the region page (内蒙古, 鄂尔多斯).
REGION_SUFFIX_RE = re.compile(r"(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|盟|旗|县|区)$")
ATTR_RE = re.compile(TERM_ATTR + r'="([^"]*)"')
PAGE_GLOBS = ("glossary/*/index.html", "regions/*/index.html")


def bare(text: str) -> str:
    """A title or query as looked up: no quotation marks, no , : |, single spaces
    (``bare`` in the search script does the same)."""
    text = re.sub(r"[,:|]", " ", "".join(ch for ch in text if ch not in QUOTES))
    return re.sub(r"\s+", " ", text).strip()


def term_shard(key: str) -> int:
    """The shard file a key is in (``termShard`` in the search script)."""
    h = 0
    for ch in key:
        h = (h * 31 + ord(ch)) % TERM_SHARDS
    return h


def keys_of(title: str, url: str) -> list[str]:
    """The lookup keys of a page titled ``title``: the bare title, and for a region page
    its name without the suffix when two or more characters are left."""
    keys = [bare(title)]
    short = REGION_SUFFIX_RE.sub("", keys[0])
    if url.startswith("regions/") and len(short) >= 2 and short != keys[0]:
        keys.append(short)
    return [k for k in keys if k]


def read_records(site_dir: Path) -> list[tuple[str, str, str]]:
    """(url, title, excerpt) of every built page carrying ``TERM_ATTR``, in path order."""
    records = []
    for pattern in PAGE_GLOBS:
        for path in sorted(Path(site_dir).glob(pattern)):
            with path.open(encoding="utf-8") as fh:
                found = ATTR_RE.search(fh.read())
            if found:
                parts = html_lib.unescape(found.group(1)).split("|")
                if len(parts) >= 3:
                    records.append((parts[1], parts[2], "|".join(parts[3:])))
    return records


def term_table(records: list[tuple[str, str, str]]) -> dict[str, list[str]]:
    """key -> [url, title, excerpt]. A page's full title wins over another's short name;
    between equals, the first in path order (glossary before regions)."""
    table: dict[str, list[str]] = {}
    for pass_no in (0, 1):
        for url, title, excerpt in records:
            keys = keys_of(title, url)
            for key in keys[pass_no:pass_no + 1]:
                table.setdefault(key, [url, title, excerpt])
    return table


def write_terms(bundle_dir: Path, table: dict[str, list[str]]) -> int:
    """Write the term shards (every shard, empty ones too: a query never meets a 404)."""
    shards: list[dict[str, list[str]]] = [{} for _ in range(TERM_SHARDS)]
    for key in sorted(table):
        shards[term_shard(key)][key] = table[key]
    out = Path(bundle_dir) / TERMS_DIR
    out.mkdir(parents=True, exist_ok=True)
    for i, shard in enumerate(shards):
        (out / f"{i}.json").write_text(json.dumps(shard, ensure_ascii=False, separators=(",", ":")),
                                       encoding="utf-8")
    return len(table)


def heavy_chunks(bundle_dir: Path, min_bytes: int = HEAVY_CHUNK) -> list[list]:
    """[first word, last word, bytes] of the index chunks of at least ``min_bytes``."""
    bundle_dir = Path(bundle_dir)
    out = []
    for first, last, name in pagefind_meta.index_chunks(bundle_dir):
        path = bundle_dir / "index" / f"{name}.pf_index"
        size = path.stat().st_size if path.is_file() else 0
        if size >= min_bytes:
            out.append([first, last, size])
    return out


def write_heavy(bundle_dir: Path, min_bytes: int = HEAVY_CHUNK, budget: int = HEAVY_BUDGET) -> int:
    """Write ``HEAVY_FILE``; the number of chunks listed (tests lower the thresholds)."""
    chunks = heavy_chunks(bundle_dir, min_bytes)
    (Path(bundle_dir) / HEAVY_FILE).write_text(
        json.dumps({"budget": budget, "chunks": chunks}, ensure_ascii=False, separators=(",", ":")),
        encoding="utf-8")
    return len(chunks)


def write_all(site_dir: Path) -> tuple[int, int]:
    """Both side files into ``site_dir/pagefind``; (term keys, heavy chunks)."""
    bundle = Path(site_dir) / "pagefind"
    return write_terms(bundle, term_table(read_records(site_dir))), write_heavy(bundle)
