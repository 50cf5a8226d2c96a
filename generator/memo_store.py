"""The memo's on-disk store: persistent tables' entries kept between processes.

Layout: ``<cache_dir>/<code version>/<table>/<n>.pack``: each pack is one pickle of a
``{key: value}`` dict. The entries a build computes are written at its end (``flush``),
as one new pack per table, so a cold run over 1,439 reports writes a few files and
not one per report (7,200 small files cost 8–11 s of CPU on this machine's ext4). A
table whose new entries are more than a quarter of what it holds, or that has
``MAX_PACKS`` packs, is written again as one pack of the entries this build used, and
the older packs are deleted: a cache never holds much more than one build's worth.
A table's packs are read, newest last, the first time the table asks for a key.

The code version is a digest of the generator's own files, the Python version and the
versions of the libraries whose output ends up in a result (jieba, pypinyin, PyYAML,
Markdown): a change to any of them starts an empty store and removes the older ones, so
an entry is never read by code other than the code that made it. Keys are the memo's
content keys (digests of every input), so an entry is valid for as long as it exists.

A pack that cannot be read back (cut short, or written by another pickle protocol) is
deleted and its entries count as misses. Packs are written to a temporary file renamed
into place, so two processes sharing the store never see half a pack. The files are
Python pickles written by this generator for this project: the store is as trusted as
the project folder itself. ``rm -r build/cache`` (or ``cache_dir: ""`` in site.yaml)
starts cold.
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
from typing import Hashable, Optional, cast

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


MAX_PACKS = 8
REWRITE_SHARE = 0.25  # new entries above this share of a table's entries: write the table anew


class Store:
    """The entries of persistent tables under ``root`` (see the module docstring)."""

    def __init__(self, root: Path):
        self.root = root
        self.folder = root / code_version()
        self._read: dict[str, dict] = {}  # table -> entries read from its packs
        self._packs: dict[str, list[Path]] = {}  # table -> its packs, oldest first
        self._pending: dict[str, dict] = {}  # table -> entries computed since the last flush
        self.writes = 0

    def load(self, table: str, key: Hashable) -> Optional[tuple[object]]:
        """``(value,)`` when the store holds ``key`` of ``table``, else None."""
        entries = self._read.get(table)
        if entries is None:
            entries = self._read[table] = self._read_packs(table)
        if key in entries:
            return (entries[key],)
        return None

    def _read_packs(self, table: str) -> dict:
        entries: dict = {}
        folder = self.folder / table
        packs = sorted(folder.glob("*.pack"), key=lambda p: (len(p.stem), p.stem)) if folder.is_dir() else []
        kept = []
        collecting = gc.isenabled()
        gc.disable()  # unpickling makes many objects and no garbage: the collector only costs time (×2)
        try:
            for path in packs:
                try:
                    found = pickle.loads(path.read_bytes())
                except Exception:  # a damaged pack is a miss for each of its entries
                    path.unlink(missing_ok=True)
                    continue
                if isinstance(found, dict):
                    entries.update(found)
                    kept.append(path)
        finally:
            if collecting:
                gc.enable()
        self._packs[table] = kept
        return entries

    def save(self, table: str, key: Hashable, value: object) -> None:
        """Keep one new entry until ``flush``."""
        self._pending.setdefault(table, {})[key] = value

    def flush(self, used: dict[str, dict]) -> None:
        """Write the entries computed since the last flush (``used``: table -> the entries
        this build used, key -> value). A store that cannot be written is left alone: the
        build has its results in memory. The tables are pickled and written in worker
        processes too (generator/parallel.py): after a cold run of cn/ that is 2.5 s in one
        process (the parsed reports 1.0 s, the occurrences 0.9 s)."""
        from . import parallel

        pending, self._pending = self._pending, {}
        plan = []  # (table, entries to write, whether they replace the table's packs)
        for table, new in sorted(pending.items()):
            if table not in self._read:  # a table computed from scratch: its packs were never read
                self._read[table] = self._read_packs(table)
            self._read[table].update(new)
            whole = used.get(table, {})
            anew = len(self._packs[table]) >= MAX_PACKS or len(new) > REWRITE_SHARE * max(len(whole), 1)
            plan.append((table, dict(whole) if anew else new, anew))
        if not plan:
            return
        if not self.writes:
            try:
                self._start()
            except OSError:
                pass  # other versions' stores stay; this one is still written
        jobs = [lambda table=table, entries=entries: self._write(table, entries, self._packs[table])
                for table, entries, _ in plan]
        results = parallel.run(jobs, min_jobs=2) or [(False, None)] * len(jobs)
        for (table, entries, anew), job, (ok, written) in zip(plan, jobs, results):
            if not ok:  # not written by a worker, or no workers: here, where an error is seen
                try:
                    written = job()
                except (OSError, pickle.PicklingError, TypeError, AttributeError):
                    continue
            path = cast(Path, written)
            self.writes += 1
            packs = self._packs[table]
            if anew:
                for old in packs:
                    old.unlink(missing_ok=True)
                self._read[table] = entries
                self._packs[table] = [path]
            else:
                packs.append(path)

    def _write(self, table: str, entries: dict, packs: list[Path]) -> Path:
        folder = self.folder / table
        folder.mkdir(parents=True, exist_ok=True)
        number = 1 + max((int(p.stem) for p in packs if p.stem.isdigit()), default=0)
        path = folder / f"{number}.pack"
        collecting = gc.isenabled()
        gc.disable()  # pickling keeps every object it meets alive: nothing for the collector
        try:
            data = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
        finally:
            if collecting:
                gc.enable()
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return path

    def forget(self) -> None:
        """Drop what was read (the files stay): the next load reads the packs again."""
        self._read, self._packs, self._pending = {}, {}, {}

    def _start(self) -> None:
        """Before the first write of this process: remove the stores of other code versions."""
        if not self.root.is_dir():
            return
        for other in self.root.iterdir():
            if other.is_dir() and other.name != self.folder.name:
                shutil.rmtree(other, ignore_errors=True)
