"""Stage timing and per-stage peak memory, for one benchmark worker process.

Memory is the peak resident set size (Linux ``VmHWM``) of the worker process while the
stage ran: the high-water mark is reset at the start of each stage by writing ``5`` to
``/proc/self/clear_refs``, so a stage's figure is the most the process held at any moment
during that stage (including what earlier stages still hold). Where the reset is not
possible, the figure is ``ru_maxrss`` (the peak since the process started) and the
result says so. Every input runs in its own fresh subprocess, so inputs never share a peak.
tracemalloc is not used: it slows pure-Python code several-fold and misses C allocations.
"""

from __future__ import annotations

import os
import resource
import time
from pathlib import Path

_CLEAR_REFS = Path("/proc/self/clear_refs")
_STATUS = Path("/proc/self/status")


def _can_reset() -> bool:
    try:
        _CLEAR_REFS.write_text("5")
        return "VmHWM" in _STATUS.read_text()
    except OSError:
        return False


RESETTABLE = _can_reset()
METHOD = ("VmHWM reset per stage via /proc/self/clear_refs" if RESETTABLE
          else "ru_maxrss (peak since the worker started)")


def reset_peak() -> None:
    if RESETTABLE:
        _CLEAR_REFS.write_text("5")


def peak_bytes() -> int:
    if RESETTABLE:
        for line in _STATUS.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the Pagefind binary is one)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


class Recorder:
    """A timeline of named stages: ``mark(name)`` ends the running stage and starts ``name``.

    Each stage gets wall time (``seconds``), this process's CPU time (``cpu``: user +
    system, children included, which other load on a shared machine inflates far less) and ``peak_mib``.

    A stage that runs more than once adds up its time and keeps its highest peak.
    """

    def __init__(self) -> None:
        self.stages: dict[str, dict] = {}
        self._name: str | None = None
        self._t0 = 0.0
        self._c0 = 0.0

    def mark(self, name: str | None) -> None:
        now, cpu = time.perf_counter(), cpu_seconds()
        if self._name is not None:
            row = self.stages.setdefault(self._name, {"seconds": 0.0, "cpu": 0.0, "peak_mib": 0.0})
            row["seconds"] += now - self._t0
            row["cpu"] += cpu - self._c0
            row["peak_mib"] = max(row["peak_mib"], peak_bytes() / 2**20)
        self._name = name
        reset_peak()
        self._t0, self._c0 = time.perf_counter(), cpu_seconds()

    def stop(self) -> None:
        self.mark(None)

    def current(self) -> str | None:
        return self._name


def wrap(module, attr: str, before: str | None, after: str | None, recorder: Recorder):
    """Replace ``module.attr`` so the recorder marks ``before`` on entry and ``after`` on exit."""
    original = getattr(module, attr)

    def wrapper(*args, **kwargs):
        if before:
            recorder.mark(before)
        try:
            return original(*args, **kwargs)
        finally:
            if after:
                recorder.mark(after)

    setattr(module, attr, wrapper)
    return original
