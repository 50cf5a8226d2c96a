"""In-process memo of build results, so a rebuild redoes only what changed.

``mkdocs serve`` runs the generator in the same process on every rebuild (the hook
calls ``build_site``). Most of a build is made of pure functions of one report (its
parse, its glossary occurrences, its topic matches, its page) or of one page's inputs.
Each such result is kept here under a *content key*: a tuple of digests of everything
the function reads. A rebuild after a one-report edit finds every other key unchanged
and reuses the result; nothing is keyed on time or object identity.

Rules that keep this safe:

- a key must name every input of the computation; when in doubt, include the
  site-wide signature (``digest`` of the configuration and the glossary);
- keys that involve a report are made by ``report_key(report, *other_inputs)``;
- cached values are never mutated, by their users or by the code that stored them,
  once they are stored (they are shared between builds): ``ingest.load`` hands out a
  shallow copy (``dataclasses.replace``) of a parsed report whose slug it makes unique;
- each build keeps only the entries it used (``build()`` prunes the rest at its end),
  so memory holds one build's worth of results, whatever the number of rebuilds.

``python -m generator build`` is one build in a fresh process: the memo only costs
the key computation there.

The caching mechanisms of the generator, and why each is the right one where it is:

- memo tables (this module): results that depend on inputs which change between
  rebuilds (reports, configuration, glossary) — content keys, pruned per build;
- ``functools.cache`` / ``lru_cache``: pure functions of their (hashable) arguments that
  never change within a process — the administrative-division tables
  (``ingest.divisions``, ``ingest.history``), pinyin keys and normalized phrases
  (``glossary.candidates``), region slugs and relative URLs (``site``);
- ``functools.cached_property`` on an object that is itself rebuilt when its inputs
  change (``Glossary.digest``);
- per-build facts kept on the ``SiteContext`` (``site/facts``): derived from one
  context, thrown away with it;
- the writer's record of what it wrote (``site/writer.py``): it mirrors files on disk,
  not a computation;
- the on-disk store (``memo_store.py``): the entries of the tables declared
  ``persistent`` (self-contained values: parsed reports, occurrences, targets …) kept
  between processes, so ``build``, ``export`` and a restarted ``serve`` parse and match
  only the reports that changed since any earlier run of the same code.
"""

from __future__ import annotations

import hashlib
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Hashable, Iterable, Iterator, Optional, TypeVar

if TYPE_CHECKING:
    from .memo_store import Store
    from .model import Report

T = TypeVar("T")


class Table:
    """One kind of memoized result (e.g. parsed reports, rendered pages).

    ``persistent``: entries are also kept in the on-disk store when one is set
    (``persist``). Only for values that hold no reference to objects of other tables
    (a ``Report`` inside a topics match would come back as a copy of its own)."""

    def __init__(self, name: str, persistent: bool = False):
        self.name = name
        self.persistent = persistent
        # key -> (value, entries of other tables its computation used)
        self._data: dict[Hashable, tuple[object, list]] = {}
        self._used: dict[Hashable, tuple[object, list]] = {}
        self.hits = 0
        self.misses = 0
        self.loaded = 0  # hits served by the on-disk store

    def get(self, key: Optional[Hashable], compute: Callable[[], T]) -> T:
        """The value stored under ``key``, computing (and storing) it on a miss.

        A ``None`` key means "no stable key" (e.g. a report not loaded from a file):
        the value is computed and not stored."""
        if key is None:
            return compute()
        if _COMPUTING:  # the enclosing computation depends on this entry
            _COMPUTING[-1].append((self, key))
        entry = self._stored(key)
        if entry is None:
            inner: list = []
            _COMPUTING.append(inner)
            try:
                value = compute()
            finally:
                _COMPUTING.pop()
            entry = self._add(key, value, inner)
        else:
            self.hits += 1
        self._keep(key, entry)
        return entry[0]  # type: ignore[return-value]

    def _stored(self, key: Hashable) -> Optional[tuple[object, list]]:
        """The entry under ``key`` in memory, else in the on-disk store (then kept in memory)."""
        entry = self._data.get(key)
        if entry is None and self.persistent and _STORE is not None:
            found = _STORE.load(self.name, key)
            if found is not None:
                entry = self._data[key] = (found[0], [])
                self.loaded += 1
        return entry

    def fill(self, jobs: Iterable[tuple[Optional[Hashable], Callable[[], object]]]) -> None:
        """Compute the entries of ``jobs`` (key, compute) that are stored nowhere yet, in
        worker processes when there are many (generator/parallel.py); a ``get`` of these
        keys afterwards is a hit. What a computation stores in other tables in a worker is
        lost with the worker (computed again when needed), and the entry keeps no record of
        using them. Jobs that fail, or too few to spread, are left for ``get``."""
        from . import parallel

        missing = [(key, compute) for key, compute in jobs if key is not None and self._stored(key) is None]
        results = parallel.run([compute for _, compute in missing]) if missing else None
        for (key, _), (ok, value) in zip(missing, results or ()):
            if ok and key not in self._data:
                self._add(key, value, [])

    def _add(self, key: Hashable, value: object, inner: list) -> tuple[object, list]:
        """A computed entry (a miss), kept in memory and, for a persistent table, given to the store."""
        self.misses += 1
        entry = self._data[key] = (value, inner)
        if self.persistent and _STORE is not None:
            _STORE.save(self.name, key, value)
        return entry

    def _keep(self, key: Hashable, entry: tuple[object, list]) -> None:
        """Mark an entry used by this build, and the entries its computation used (a reused
        page keeps the fragments it was made of for the next build that needs them)."""
        if key in self._used:
            return
        self._used[key] = entry
        for table, inner_key in entry[1]:
            inner = table._data.get(inner_key)
            if inner is not None:
                table._keep(inner_key, inner)

    def _prune(self) -> None:
        self._data, self._used = self._used, {}

    def __len__(self) -> int:
        return len(self._data)


_COMPUTING: list[list] = []  # for each computation in progress: the entries it used
_TABLES: dict[str, Table] = {}
_DEPTH = 0
_STORE: Optional["Store"] = None


def table(name: str, persistent: bool = False) -> Table:
    """The table called ``name`` (created on first use); ``persistent``: see ``Table``."""
    found = _TABLES.get(name)
    if found is None:
        found = _TABLES[name] = Table(name, persistent)
    return found


def persist(directory: Optional[Path]) -> None:
    """Keep the persistent tables' entries under ``directory`` between processes (the
    ``cache_dir`` of site.yaml; the commands and the MkDocs hook set it), or in memory
    only (None, the default of library calls and tests)."""
    global _STORE
    if directory is None:
        _STORE = None
    elif _STORE is None or _STORE.root != Path(directory):
        from .memo_store import Store

        _STORE = Store(Path(directory))


@contextmanager
def build() -> Iterator[None]:
    """One build: on success, every table keeps only the entries this build used."""
    global _DEPTH
    _DEPTH += 1
    for t in _TABLES.values():
        t.hits = t.misses = t.loaded = 0
    try:
        yield
    except BaseException:
        for t in _TABLES.values():  # a failed build keeps what it had, plus what it made
            t._used = {}
        raise
    finally:
        _DEPTH -= 1
    if _DEPTH == 0:
        for t in _TABLES.values():
            t._prune()
        if _STORE is not None:
            _STORE.flush({name: {k: v for k, (v, _) in t._data.items()}
                          for name, t in _TABLES.items() if t.persistent})


def clear() -> None:
    """Forget everything in memory (tests, or a caller that wants a cold build; the on-disk
    store keeps its files: ``persist(None)`` stops using them)."""
    _TABLES.clear()
    if _STORE is not None:
        _STORE.forget()


def stats() -> dict[str, tuple[int, int]]:
    """Table name -> (hits, misses) of the latest build."""
    return {name: (t.hits, t.misses) for name, t in sorted(_TABLES.items())}


def report_key(report: "Report", *parts: Hashable) -> Optional[tuple]:
    """The key of a result computed from one report and ``parts`` (the other inputs, each
    hashable: a digest, a slug …): ``(digest, slug, *parts)``; None for a report built in
    memory (no digest), whose results are then computed and not stored.

    Every hand-built key that involves a report is made here, so a key always names the
    report by its content and its published slug: ``table.get(memo.report_key(report,
    matcher_digest), compute)``."""
    return (report.digest, report.slug, *parts) if report.digest else None


def digest(*parts: object) -> str:
    """A short stable digest of ``parts`` (str, bytes, or anything with a stable ``repr``)."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part if isinstance(part, bytes) else repr(part).encode("utf-8")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()
