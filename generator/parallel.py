"""Per-report work spread over the machine's cores, for cold builds of large folders.

A cold ``build`` or ``export`` of cn/ parses 1,439 reports, matches 9,700 glossary surfaces
and the topics' words against every paragraph and reads their targets, one report after
the other; each is a pure function of one report and of state the process already holds
(configuration, region registry, glossary and topic matchers). ``run(jobs)`` calls each
zero-argument job in worker processes forked from this one: a fork sees that state
without pickling it, and only the results travel back (pickled, in job order), so the
output is the same bytes as a run in one process. ``memo.Table.fill`` is the caller:
it hands over the entries a build misses and stores what comes back.

Measured on cn/, 2 cores, nothing else running, wall time in two runs each (2 workers
against one process): parsing 5.0–5.4 s against 5.8–6.7 s (a parsed report is nearly as
costly to send back as to parse: 86 MB of pickles); the glossary with its occurrence pass
8.2–9.2 s against 12.9 s; the rows of paragraphs.jsonl (topic matching) 3.4–4.5 s against
6.6 s; targets 1.8–2.3 s against 2.7 s.

It is used only where it pays and is safe:

- at least ``MIN_JOBS`` jobs (an edit under ``mkdocs serve`` recomputes one report);
- ``workers`` (site.yaml; 0 = one per usable CPU core) above 1;
- a process running one thread: forking while other threads hold locks (MkDocs' live-reload
  server, a browser driver in tests) can leave a child waiting on a lock forever;
- a platform with ``fork`` (Linux, macOS); elsewhere everything runs in this process;
- not inside a worker already.

A job that raises in a worker comes back as ``(False, None)``; the caller computes it again
in this process, where the error is reported the usual way (naming the file and line).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from typing import Callable, Optional, Sequence

MIN_JOBS = 64
CHUNKS_PER_WORKER = 4  # contiguous slices of the jobs per worker: small enough to balance the load

_JOBS: Sequence[Callable[[], object]] = ()  # the jobs of the run in progress (a fork inherits them)
_IN_WORKER = False
_WORKERS = 1  # set by ``use``: 1 until a project says otherwise


def use(workers: int) -> None:
    """Set the number of worker processes (site.yaml ``workers``; 0 = one per usable core)."""
    global _WORKERS
    _WORKERS = workers if workers > 0 else usable_cores()


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def workers_for(jobs: int) -> int:
    """How many worker processes ``run`` would use for ``jobs`` jobs (1: this process)."""
    if (_IN_WORKER or _WORKERS < 2 or jobs < MIN_JOBS or threading.active_count() > 1
            or "fork" not in multiprocessing.get_all_start_methods()):
        return 1
    return min(_WORKERS, jobs // (MIN_JOBS // 2))


def run(jobs: Sequence[Callable[[], object]]) -> Optional[list[tuple[bool, object]]]:
    """``(True, result)`` of each job, ``(False, None)`` for one that raised, in order;
    None when the jobs should run in this process instead (see the module docstring)."""
    global _JOBS
    workers = workers_for(len(jobs))
    if workers < 2:
        return None
    chunks = workers * CHUNKS_PER_WORKER
    size = -(-len(jobs) // chunks)
    bounds = [(start, min(start + size, len(jobs))) for start in range(0, len(jobs), size)]
    _JOBS = jobs
    # The parent's objects stay out of the children's collections: fewer pages copied. (No
    # gc.collect() first: a full collection of cn/'s objects costs 0.7 s, more than it saves.)
    # Objects frozen already (a caller's gc.freeze) stay frozen: unfreeze only what this froze.
    frozen_before = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(workers, initializer=_enter_worker) as pool:
            parts = pool.map(_run_slice, bounds, chunksize=1)
    finally:
        if not frozen_before:
            gc.unfreeze()
        _JOBS = ()
    return [result for part in parts for result in part]


def _enter_worker() -> None:
    global _IN_WORKER
    _IN_WORKER = True


def _run_slice(bounds: tuple[int, int]) -> list[tuple[bool, object]]:
    out: list[tuple[bool, object]] = []
    for i in range(*bounds):
        try:
            out.append((True, _JOBS[i]()))
        except Exception:
            out.append((False, None))
    return out
