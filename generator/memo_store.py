"""The memo's on-disk store: persistent tables' entries kept between processes.

Layout: ``<cache_dir>/<code version>/<table>/<digest of the key>.pickle``, one file per
entry, written when the entry is computed (so an edit writes one file, not the table).
The code version is a digest of the generator's own files, the Python version and the
versions of the libraries whose output ends up in a result (jieba, pypinyin, PyYAML,
Markdown): a change to any of them starts an empty store and removes the older ones, so
an entry is never read by code other than the code that made it. Keys are the memo's
content keys (digests of every input), so an entry is valid for as long as it exists.

A file that cannot be read back (cut short, or written by another pickle protocol) is
deleted and counts as a miss. Writes go to a temporary file renamed into place, so two
processes sharing the store never see half an entry. The files are Python pickles
written by this generator for this project: the store is as trusted as the project
folder itself. ``rm -r build/cache`` (or ``cache_dir: ""`` in site.yaml) starts cold.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import shutil
import sys
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Hashable, Optional

PACKAGE = Path(__file__).resolve().parent
LIBRARIES = ("jieba", "pypinyin", "PyYAML", "Markdown")


@lru_cache(maxsize=1)
def code_version() -> str:
    """Digest of every file of the generator package (sources and data tables), the
    Python version and the versions of ``LIBRARIES``."""
    h = hashlib.blake2b(digest_size=10)
    h.update(sys.version.encode())
    for name in LIBRARIES:
        try:
            h.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{name}=-".encode())
    for path in sorted(PACKAGE.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        h.update(path.relative_to(PACKAGE).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def key_file(key: Hashable) -> str:
    """File name of an entry: a digest of the key's ``repr`` (keys are tuples of digests,
    slugs and numbers, whose repr is stable)."""
    return hashlib.blake2b(repr(key).encode("utf-8"), digest_size=16).hexdigest() + ".pickle"


class Store:
    """The entries of persistent tables under ``root`` (see the module docstring)."""

    def __init__(self, root: Path):
        self.root = root
        self.folder = root / code_version()
        self._made: set[str] = set()
        self.writes = 0

    def load(self, table: str, key: Hashable) -> Optional[tuple[object]]:
        """``(value,)`` when the store holds ``key`` of ``table``, else None."""
        path = self.folder / table / key_file(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        collecting = gc.isenabled()
        gc.disable()  # unpickling makes many objects and no garbage: the collector only costs time (×2)
        try:
            return (pickle.loads(data),)
        except Exception:  # a damaged entry is a miss; the next computation rewrites it
            path.unlink(missing_ok=True)
            return None
        finally:
            if collecting:
                gc.enable()

    def save(self, table: str, key: Hashable, value: object) -> None:
        """Write one entry (atomically); a store that cannot be written is left alone, the
        build goes on from memory."""
        folder = self.folder / table
        try:
            if table not in self._made:
                self._start()
                folder.mkdir(parents=True, exist_ok=True)
                self._made.add(table)
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, folder / key_file(key))
            self.writes += 1
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            return

    def _start(self) -> None:
        """Before the first write of this process: remove the stores of other code versions."""
        if self._made or not self.root.is_dir():
            return
        for other in self.root.iterdir():
            if other.is_dir() and other.name != self.folder.name:
                shutil.rmtree(other, ignore_errors=True)
