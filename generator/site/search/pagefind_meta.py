"""Read the word ranges of a Pagefind bundle's index chunks from its ``pf_meta`` file.

Pagefind (1.x) writes, per language, ``pagefind.<hash>.pf_meta``: gzip, the signature
``pagefind_dcd``, then one CBOR array ``[version, pages, index chunks, filters, sorts,
meta fields]`` where each index chunk is ``[first word, last word, chunk hash]`` and
``index/<chunk hash>.pf_index`` holds the words of that range. The browser downloads the
chunk of each word of a query; ``pagefind_lookup`` lists the very large ones.

Only the CBOR the meta file uses is decoded (integers, strings, arrays, maps); anything
else raises ValueError naming the file, so a future Pagefind format change is reported,
not misread.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"


def _decode(data: bytes, i: int) -> tuple[Any, int]:
    head = data[i]
    major, info = head >> 5, head & 31
    i += 1
    if info < 24:
        value = info
    elif info in (24, 25, 26, 27):
        n = 1 << (info - 24)
        value = int.from_bytes(data[i:i + n], "big")
        i += n
    elif info == 31 and major in (4, 5):
        value = -1  # indefinite length
    else:
        raise ValueError(f"unsupported CBOR item 0x{head:02x} at byte {i - 1}")
    if major == 0:
        return value, i
    if major == 1:
        return -1 - value, i
    if major in (2, 3):
        raw = data[i:i + value]
        return (raw.decode("utf-8") if major == 3 else raw), i + value
    if major == 4:
        items: list[Any] = []
        while (value < 0 and data[i] != 0xFF) or len(items) < value:
            item, i = _decode(data, i)
            items.append(item)
        return items, i + (1 if value < 0 else 0)
    if major == 5:
        out: dict[Any, Any] = {}
        while (value < 0 and data[i] != 0xFF) or len(out) < value:
            key, i = _decode(data, i)
            out[key], i = _decode(data, i)
        return out, i + (1 if value < 0 else 0)
    if major == 7 and info in (20, 21, 22):
        return {20: False, 21: True, 22: None}[info], i
    raise ValueError(f"unsupported CBOR major type {major} at byte {i - 1}")


def read(path: Path) -> Any:
    """The decoded CBOR of a Pagefind ``pf_meta`` (or ``pf_index``) file."""
    raw = gzip.decompress(Path(path).read_bytes())
    if not raw.startswith(SIGNATURE):
        raise ValueError(f"{path}: not a Pagefind data file (no {SIGNATURE.decode()} signature)")
    try:
        return _decode(raw, len(SIGNATURE))[0]
    except (ValueError, IndexError) as exc:
        raise ValueError(f"{path}: cannot read Pagefind's format ({exc}); was Pagefind upgraded?") from exc


def meta_files(bundle_dir: Path) -> list[Path]:
    """The ``pf_meta`` files of the languages listed in ``pagefind-entry.json``."""
    bundle_dir = Path(bundle_dir)
    entry = json.loads((bundle_dir / "pagefind-entry.json").read_text(encoding="utf-8"))
    return [bundle_dir / f"pagefind.{lang['hash']}.pf_meta" for lang in entry.get("languages", {}).values()]


def index_chunks(bundle_dir: Path) -> list[tuple[str, str, str]]:
    """(first word, last word, chunk hash) of every index chunk, all languages."""
    out: list[tuple[str, str, str]] = []
    for path in meta_files(bundle_dir):
        meta = read(path)
        if not (isinstance(meta, list) and len(meta) > 2 and isinstance(meta[2], list)):
            raise ValueError(f"{path}: no index chunk list where Pagefind 1.x writes it; was Pagefind upgraded?")
        out.extend((str(c[0]), str(c[1]), str(c[2])) for c in meta[2])
    return out
