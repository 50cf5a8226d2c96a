"""Process-wide settings of a generator run (a command, or MkDocs with the hook).

The garbage collector: a build holds millions of long-lived objects (report trees,
occurrences, pages) and makes almost no reference cycles, yet CPython's default
thresholds (700 allocations) run a young-generation collection every few hundred
allocations and full ones that walk the whole heap. Measured on cn/ (1,439 reports),
``export`` with every result in the on-disk cache: 7.6 s CPU with the default
thresholds, 5.6–5.9 s with the ones below (the same as with the collector off). The
collector stays on, so cyclic garbage is still freed.
"""

from __future__ import annotations

import gc
import os
import sys
from contextlib import contextmanager
from typing import Iterator, NoReturn

THRESHOLDS = (10_000, 10, 10)


def tune_gc() -> None:
    """Use ``THRESHOLDS`` (no lower than what the process already has)."""
    current = gc.get_threshold()
    gc.set_threshold(*(max(a, b) for a, b in zip(THRESHOLDS, current)))


@contextmanager
def long_lived() -> Iterator[None]:
    """Within the block, the objects that exist at its start (a build's loaded reports and
    glossary: most of the heap) are left out of every collection (``gc.freeze``); after it,
    they are collected again as before (``gc.unfreeze``: a rebuild in ``mkdocs serve`` frees
    the previous build's garbage). Measured on cn/ with every page written: the two full
    collections of a cold build's page stage took 3.5 s CPU, 1.6 s with the loaded project
    frozen."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def exit_now(status: int) -> NoReturn:
    """End a command's process with ``status`` once its output is flushed, without the
    interpreter's teardown, which frees every object one by one: after ``export`` of cn/
    that took 2.4–2.7 s of an 8.1 s run (warm cache), for memory the system takes back at
    once anyway. Every file a command writes is closed by then, and the on-disk cache is
    written when its build ends. Under a profiler or tracer the normal exit runs, so that
    they can write their results."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):  # a closed pipe or no stream: nothing to save
            pass
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(status)
    os._exit(status)
