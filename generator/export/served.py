"""The open data files as the site serves them under data/ (beside the 数据 page).

Same content as ``python -m generator export`` writes (that command keeps writing the plain
files), but a file larger than ``COMPRESS_OVER`` bytes is served gzip-compressed under its
name + ``.gz`` (``paragraphs.jsonl.gz``): on the 1,439 reports of cn/ the paragraphs file is
97 MB plain and 31 MB compressed, a sixth of the whole site. Compressed deterministically
(no file name, time 0 in the gzip header), so the same inputs give the same bytes.
``zcat``, Python's ``gzip`` and pandas (``read_csv``/``read_json`` infer it from ``.gz``)
read them as they are.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass

COMPRESS_OVER = 1_000_000  # bytes of the plain file
SUFFIX = ".gz"
LEVEL = 6  # zlib's default: level 9 is 1 % smaller and 30 % slower on paragraphs.jsonl


@dataclass(frozen=True)
class ServedFile:
    name: str  # the export's file name, e.g. paragraphs.jsonl
    served_name: str  # the name under data/: name, or name + ".gz"
    data: bytes  # the bytes served
    plain_size: int  # bytes of the plain file

    @property
    def compressed(self) -> bool:
        return self.served_name != self.name


def served(name: str, data: bytes, limit: int | None = None) -> ServedFile:
    """``data`` as the site serves it: compressed when over ``limit`` (default ``COMPRESS_OVER``)."""
    limit = COMPRESS_OVER if limit is None else limit
    if len(data) <= limit:
        return ServedFile(name, name, data, len(data))
    return ServedFile(name, name + SUFFIX, gzip.compress(data, compresslevel=LEVEL, mtime=0), len(data))


def served_files(files: dict[str, bytes], limit: int | None = None) -> dict[str, ServedFile]:
    """Every export file (by its export name) as the site serves it, in the export's order."""
    return {name: served(name, data, limit) for name, data in files.items()}
