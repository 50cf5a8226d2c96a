"""The open data files as the site serves them under data/ (beside the 数据 page).

Same content as ``python -m generator export`` writes (that command keeps writing the plain
files), but a file larger than ``COMPRESS_OVER`` bytes is served gzip-compressed under its
name + ``.gz`` (``paragraphs.jsonl.gz``): on the 1,439 reports of cn/ the paragraphs file is
97 MB plain and 31 MB compressed, a sixth of the whole site. ``zcat``, Python's ``gzip`` and
pandas (``read_csv``/``read_json`` infer it from ``.gz``) read them as they are.

Incremental compression: a data file comes as chunks (``tables.Chunk``: its header, then one
chunk per report for the per-report files), each with a memo key naming everything its bytes
depend on. The .gz is one ordinary gzip member whose deflate stream is the chunks' segments
joined: each segment is deflated on its own (ending on a byte boundary, ``Z_SYNC_FLUSH``),
primed with the 32 KiB of plain text before it (``zdict``: the window a decompressor holds
at that point, so back-references may reach into the previous report, as pigz does). A
segment depends only on its chunk and the chunks in its window, so it is memoized under
their keys: after a one-report edit only that report's segment and the one or two after it
are compressed again (0.1 % larger than compressing the file in one go on cn/). The header
is fixed (no file name, time 0, OS "unknown"), so the same inputs give the same bytes on any
machine with the same zlib, and a rebuild gives exactly the bytes of a cold build.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from typing import Hashable, Optional

from .. import memo

COMPRESS_OVER = 1_000_000  # bytes of the plain file
SUFFIX = ".gz"
LEVEL = 6  # zlib's default: level 9 is 1 % smaller and 30 % slower on paragraphs.jsonl
WINDOW = 1 << 15  # deflate's reach back: the plain bytes a segment is primed with

Chunk = tuple[Optional[Hashable], bytes]  # (memo key naming every input of the bytes, or None; bytes)

_GZIP_HEADER = bytes([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF])  # deflate, no flags, mtime 0, OS unknown
_END = zlib.compressobj(LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS).flush()  # an empty final block


@dataclass(frozen=True)
class ServedFile:
    name: str  # the export's file name, e.g. paragraphs.jsonl
    served_name: str  # the name under data/: name, or name + ".gz"
    data: bytes  # the bytes served
    plain_size: int  # bytes of the plain file

    @property
    def compressed(self) -> bool:
        return self.served_name != self.name


def served(name: str, chunks: list[Chunk], limit: int | None = None) -> ServedFile:
    """The file made of ``chunks`` as the site serves it: compressed when over ``limit``
    (default ``COMPRESS_OVER``)."""
    limit = COMPRESS_OVER if limit is None else limit
    size = sum(len(data) for _, data in chunks)
    if size <= limit:
        return ServedFile(name, name, b"".join(data for _, data in chunks), size)
    return ServedFile(name, name + SUFFIX, gzip_chunks(chunks), size)


def served_files(files: dict[str, list[Chunk]], limit: int | None = None) -> dict[str, ServedFile]:
    """Every export file (by its export name, as chunks) as the site serves it, in the export's order."""
    return {name: served(name, chunks, limit) for name, chunks in files.items()}


def gzip_chunks(chunks: list[Chunk]) -> bytes:
    """One gzip member holding the chunks' bytes joined (see the module docstring)."""
    table = memo.table("export:gzip-segment", persistent=True)  # bytes: kept on disk too
    parts = [_GZIP_HEADER]
    crc = size = 0
    window: list[Chunk] = []  # the latest chunks, holding at least WINDOW bytes when there are enough
    for chunk in chunks:
        key, data = chunk
        if not data:
            continue
        before = tuple(reversed(window))  # the chunks just before this one, in file order
        keys = (key, *(k for k, _ in before))
        parts.append(table.get((LEVEL, keys) if None not in keys else None,
                               lambda: _segment(data, b"".join(d for _, d in before)[-WINDOW:])))
        crc = zlib.crc32(data, crc)
        size += len(data)
        window.insert(0, chunk)
        held = 0
        for i, (_, d) in enumerate(window):
            held += len(d)
            if held >= WINDOW:
                del window[i + 1:]
                break
    parts.append(_END)
    parts.append(struct.pack("<II", crc, size & 0xFFFFFFFF))
    return b"".join(parts)


def _segment(data: bytes, primer: bytes) -> bytes:
    """``data`` deflated as a run of non-final blocks ending on a byte boundary, back-references
    allowed into ``primer`` (the plain bytes just before it in the file)."""
    if primer:
        z = zlib.compressobj(LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS, zdict=primer)
    else:
        z = zlib.compressobj(LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
    return z.compress(data) + z.flush(zlib.Z_SYNC_FLUSH)
