"""Per-report work spread over the machine's cores, for cold builds of large folders.

A cold ``build`` or ``export`` of cn/ parses 1,439 reports, matches 9,700 glossary surfaces
and the topics' words against every paragraph and reads their targets, one report after
the other; each is a pure function of one report and of state the process already holds
(configuration, region registry, glossary and topic matchers). ``run(jobs)`` calls each
zero-argument job in this process and in worker processes forked from it: a fork sees
that state without pickling it. The jobs are cut into contiguous slices that every
process takes in turn (a shared counter), so a slow report delays no one. This process
keeps its own results; a worker pickles each slice's results into a temporary file as
soon as it has them, and this process reads them between its own slices, so no pickle is
left for the end. Results come back in job order, so the output is the same bytes as a run
in one process. ``memo.Table.fill`` is the caller: it hands over the entries a build
misses and stores what comes back.

Measured on cn/, 2 cores: three cold exports each, taken in turn with the earlier pool
(every slice in a ``multiprocessing.Pool`` of two workers while this process waited):
20.6–22.0 s against 21.9–24.9 s, 32.6–34.0 s of CPU against 33.2–38.6 s. A second
process gains less than it seems: a worker's CPU time for the same parsing is about
35 % higher than this process's (the two vCPUs share a core's caches, and the pages both
processes write are copied), and a parsed report is nearly as costly to send back as to
parse (86 MB of pickles for cn/). This process's share needs no pickling at all.

It is used only where it pays and is safe:

- at least ``MIN_JOBS`` jobs (an edit under ``mkdocs serve`` recomputes one report);
- ``workers`` (site.yaml; 0 = one per usable CPU core) above 1;
- a process running one thread: forking while other threads hold locks (MkDocs' live-reload
  server, a browser driver in tests) can leave a child waiting on a lock forever;
- a platform with ``fork`` (Linux, macOS); elsewhere everything runs in this process;
- not inside a worker already.

A job that raises comes back as ``(False, None)``, and so does every job of a worker that
died (its file is missing or cut short); the caller computes them again in this process,
where an error is reported the usual way (naming the file and line). An interrupted run
kills its workers: none outlives it.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import signal
import tempfile
import threading
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence

MIN_JOBS = 64
SLICES_PER_WORKER = 8  # contiguous slices of the jobs per process, taken in turn: small enough to balance the load

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


def workers_for(jobs: int, min_jobs: int = MIN_JOBS) -> int:
    """How many processes ``run`` would use for ``jobs`` jobs (1: this process alone)."""
    if (_IN_WORKER or _WORKERS < 2 or jobs < min_jobs or threading.active_count() > 1
            or "fork" not in multiprocessing.get_all_start_methods()):
        return 1
    return min(_WORKERS, jobs // max(1, min_jobs // 2))


def run(jobs: Sequence[Callable[[], object]], min_jobs: int = MIN_JOBS) -> Optional[list[tuple[bool, object]]]:
    """``(True, result)`` of each job, ``(False, None)`` for one that raised, in order;
    None when the jobs should run in this process instead (see the module docstring).
    ``min_jobs``: fewer jobs than this run in this process (for jobs much larger than one
    report's, such as writing a cache table)."""
    global _JOBS
    workers = workers_for(len(jobs), min_jobs)
    if workers < 2:
        return None
    size = -(-len(jobs) // (workers * SLICES_PER_WORKER))
    bounds = [(start, min(start + size, len(jobs))) for start in range(0, len(jobs), size)]
    context = multiprocessing.get_context("fork")
    claimed = context.Value("i", 0)  # the next slice to take, shared by every process of the run
    _JOBS = jobs
    # The parent's objects stay out of the children's collections: fewer pages copied. (No
    # gc.collect() first: a full collection of cn/'s objects costs 0.7 s, more than it saves.)
    # Objects frozen already (a caller's gc.freeze) stay frozen: unfreeze only what this froze.
    frozen_before = gc.get_freeze_count() > 0
    results: dict[int, list[tuple[bool, object]]] = {}
    children: list[int] = []  # the workers not waited for yet
    try:
        with tempfile.TemporaryDirectory(prefix="generator-workers-") as folder:
            gc.freeze()
            try:
                for _ in range(1, workers):
                    children.append(_fork(folder, bounds, claimed))
            finally:
                if not frozen_before:
                    gc.unfreeze()
            # This process takes slices too (its results need no pickling) and, after each,
            # reads what the workers have finished, so no pickle waits for the end.
            for k, out in _slices(bounds, claimed):
                results[k] = out
                _collect(Path(folder), results)
            while children:
                os.waitpid(children[0], 0)
                children.pop(0)
            _collect(Path(folder), results)
    finally:
        for pid in children:  # interrupted: no worker outlives the run
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        _JOBS = ()
    failed = [(False, None)]
    return [result for k, (start, end) in enumerate(bounds) for result in results.get(k, failed * (end - start))]


def _slices(bounds: list[tuple[int, int]], claimed) -> Iterator[tuple[int, list[tuple[bool, object]]]]:
    """Run slices until none is left: (slice number, its results) for each."""
    while True:
        with claimed.get_lock():
            k = claimed.value
            claimed.value = k + 1
        if k >= len(bounds):
            return
        out: list[tuple[bool, object]] = []
        for i in range(*bounds[k]):
            try:
                out.append((True, _JOBS[i]()))
            except Exception:
                out.append((False, None))
        yield k, out


def _fork(folder: str, bounds: list[tuple[int, int]], claimed) -> int:
    """A worker process that runs slices and writes each one's results to ``folder/<k>.pickle``."""
    global _IN_WORKER
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:
        _IN_WORKER = True
        for k, out in _slices(bounds, claimed):
            tmp = Path(folder) / f".{k}.tmp"
            tmp.write_bytes(pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL))
            tmp.rename(Path(folder) / f"{k}.pickle")  # whole or absent
        code = 0
    finally:
        os._exit(code)  # never return into the caller's code, run no exit handler of the parent's


def _collect(folder: Path, results: dict[int, list[tuple[bool, object]]]) -> None:
    """Add the slices workers have written to ``folder`` since the last call (a slice a worker
    died on is never written: its jobs count as failed)."""
    collecting = gc.isenabled()
    gc.disable()  # unpickling makes many objects and no garbage
    try:
        for path in list(folder.glob("*.pickle")):
            k = int(path.stem)
            if k not in results:
                results[k] = pickle.loads(path.read_bytes())
                path.unlink()
    finally:
        if collecting:
            gc.enable()
