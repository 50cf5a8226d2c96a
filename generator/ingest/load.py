"""Load a folder (or list) of report files into a deterministic, uniquely-slugged list.

Within one process (``mkdocs serve`` rebuilds), a file whose bytes and parse settings
are unchanged is not parsed again: its ``Report`` comes from the memo (generator/memo.py)
and carries the same ``digest``.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Iterable, Optional, Union

from .. import memo
from ..config import SiteConfig
from ..errors import InputError
from ..model import Diagnostic, Report
from ..text import unique_name
from .parse import parse_report, region_registry
from .regions import RegionRegistry

REPORT_SUFFIXES = (".txt", ".md")


def report_files(paths_or_folder: Union[str, Path, Iterable[Union[str, Path]]]) -> list[Path]:
    """Every *.txt / *.md file of a folder (sorted), or the given files in order."""
    if isinstance(paths_or_folder, (str, Path)):
        path = Path(paths_or_folder)
        if path.is_dir():
            return sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES)
        return [path]
    return [Path(p) for p in paths_or_folder]


def load_reports(paths_or_folder: Union[str, Path, Iterable[Union[str, Path]]],
                 config: Optional[SiteConfig] = None) -> tuple[list[Report], list[Diagnostic]]:
    """Parse every report; a bad file becomes an error Diagnostic and the rest go on.

    Reports come back sorted by (region, year, slug). Slugs are made unique: a repeat
    gets ``-2``, ``-3`` … with a warning, and two reports of the same region and year
    get a warning too. An unchanged file parsed earlier in this process is not parsed again.

    The parsed reports are memo entries, shared with later builds, and are never changed:
    a report whose slug or diagnostics this set changes comes back as a shallow copy
    (``dataclasses.replace``) that shares the parsed tree.
    """
    env = _parse_settings(config)
    registry = region_registry(config)
    reports: list[Report] = []
    diagnostics: list[Diagnostic] = []
    paths = report_files(paths_or_folder)
    table = memo.table("report", persistent=True)
    jobs = [(key, lambda path=path, key=key: _parse(path, config, registry, key))
            for path, key in ((path, _parse_key(path, env)) for path in paths)]
    table.fill(jobs)  # many files to parse (a cold build): in worker processes first
    for path, (key, parse) in zip(paths, jobs):
        try:
            # The Report is the memo's own (do not change it); an unreadable file (no key) is
            # left to parse_report, which says what is wrong with it.
            report = parse_report(path, config, registry=registry) if key is None else table.get(key, parse)
        except InputError as err:
            diagnostics.append(Diagnostic(err.path, err.message + (f" — {err.fix}" if err.fix else ""),
                                          err.line, "error", err.offset))
            continue
        reports.append(report)
        diagnostics.extend(report.diagnostics)
    reports.sort(key=lambda r: (r.region_name, r.year or 0, r.slug, r.source))
    reports, added = unique_slugs(reports)
    diagnostics.extend(added)
    return reports, diagnostics


def _parse_settings(config: Optional[SiteConfig]) -> str:
    """Digest of what, besides the file, decides how it parses: regions and per-report
    overrides, and the working directory (``Report.source`` is relative to it)."""
    if config is None:
        return memo.digest(None, os.getcwd())
    return memo.digest(config.regions, sorted(config.reports.items()), os.getcwd())


def _file_digest(path: Path) -> str:
    """Digest of the file's bytes, re-read only when its stat (size, times, inode) changed."""
    st = path.stat()
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
    return memo.table("file-digest").get(key, lambda: memo.digest(path.read_bytes()))


def _parse_key(path: Path, env: str) -> Optional[str]:
    """The memo key of a report file: its path, its content and the parse settings; None
    when it cannot be read (``parse_report`` then says what is wrong with it)."""
    try:
        return memo.digest(str(path), _file_digest(path), env)
    except OSError:
        return None


def _parse(path: Path, config: Optional[SiteConfig], registry: RegionRegistry, key: str) -> Report:
    return replace(parse_report(path, config, registry=registry), digest=key)


def unique_slugs(reports: list[Report]) -> tuple[list[Report], list[Diagnostic]]:
    """Slugs made unique in list order, and warnings about renamed slugs and same region+year.

    ``reports`` are not changed: a report that gets another slug or a warning is replaced
    by a copy in the list returned."""
    out: list[Report] = []
    warnings: list[Diagnostic] = []
    used: dict[str, Report] = {}
    seen_region_year: dict[tuple[str, int], Report] = {}
    for report in reports:
        added: list[Diagnostic] = []
        if report.region_name and report.year:
            key = (report.region_name, report.year)
            if key in seen_region_year:
                added.append(Diagnostic(report.source, f"another report of {key[0]} {key[1]} exists "
                                        f"({seen_region_year[key].source}); check that both belong here, or set "
                                        "`year:`/`region:` in site_config/reports.yaml"))
            else:
                seen_region_year[key] = report
        base = report.slug
        slug = unique_name(base, used)
        if slug != base:
            added.append(Diagnostic(report.source, f"slug {base!r} is already used by {used[base].source}; "
                                    f"this report is published as {slug!r} "
                                    "(set `slug:` in site_config/reports.yaml to choose one)"))
        if added:
            report = replace(report, slug=slug, diagnostics=[*report.diagnostics, *added])
            warnings.extend(added)
        used[slug] = report
        out.append(report)
    return out, warnings
