"""One way to load a project: configuration, reports and glossary, typed.

Every command (``build``, ``check``, ``terms``, ``parse``) and the MkDocs hook's
``build_site`` start from ``load_project(root)``:

- ``config``: site_config/ read through its schema (generator/config/);
- ``reports``: every report file of the reports folder, parsed (generator/ingest/),
  with ``diagnostics``, one per problem found in a report file;
- ``glossary``: official and curated definitions merged, occurrences found
  (generator/glossary/), built on first use.

Fail-fast (default): a configuration error is raised as ``ConfigError``. With
``collect=True`` every configuration problem is kept in ``problems`` instead, and
the reports are parsed only when the files other than glossary.yaml are valid
(the glossary's own valid entries are still used).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from . import memo, parallel
from .config import SiteConfig, check_config, load_config, note_problems
from .glossary import Glossary, build_glossary
from .ingest import load_reports
from .model import Diagnostic, Report

GLOSSARY_FILE = "site_config/glossary.yaml"


@dataclass
class Project:
    root: Path
    config: SiteConfig
    reports_dir: Optional[Path] = None  # None: reports not loaded
    reports: list[Report] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)  # report files, in load order
    problems: list[Diagnostic] = field(default_factory=list)  # site_config/ (collect mode), paths relative to root
    _glossary: Optional[Glossary] = field(default=None, repr=False)

    @property
    def glossary(self) -> Glossary:
        if self._glossary is None:
            self._glossary = build_glossary(self.reports, self.config)
        return self._glossary


def region_exists(name: str) -> bool:
    """Whether the administrative-division dataset knows ``name`` (reports.yaml check)."""
    from .ingest.regions import RegionRegistry

    return RegionRegistry.exists_in_dataset(name)


def relative(path: str, root: Path) -> str:
    """``path`` relative to ``root`` when it lies inside it (messages name project files so)."""
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path


def reports_folder(root: Path, config: SiteConfig, reports_dir=None) -> Path:
    """``--reports`` as given (relative to the working directory, else to the project),
    or site.yaml's ``seeds_dir`` under the project."""
    folder = Path(reports_dir) if reports_dir else root / config.settings.reports_dir
    if not folder.is_absolute() and not folder.exists():
        folder = root / folder
    return folder


def load_project(root, reports_dir=None, *, collect: bool = False, parse: bool = True,
                 cache: bool = False) -> Project:
    """Load the project under ``root`` (see the module docstring); ``parse=False`` reads
    the configuration only. ``cache``: results of earlier runs kept in site.yaml's
    ``cache_dir`` are reused and this run's are added there (generator/memo_store.py);
    otherwise this process keeps them in memory only."""
    root = Path(root).resolve()
    if collect:
        config, problems = check_config(root, region_exists=region_exists)
        problems = [Diagnostic(relative(p.path, root), p.message, p.line, p.severity, p.offset, p.fix)
                    for p in problems]
    else:
        config, problems = load_config(root, region_exists=region_exists), []
    project = Project(root, config, problems=problems)
    cache_dir = config.settings.cache_dir
    memo.persist(root / cache_dir if cache and cache_dir else None)
    parallel.use(config.settings.workers)
    if not parse or any(p.severity == "error" and p.path != GLOSSARY_FILE for p in problems):
        return project
    project.reports_dir = reports_folder(root, config, reports_dir)
    reports, diagnostics = load_reports(project.reports_dir, config)
    diagnostics = list(diagnostics)
    for report in reports:
        diagnostics.extend(d for d in report.diagnostics if d not in diagnostics)
    diagnostics.extend(note_problems(config, reports))  # source notes name anchors of parsed reports
    project.reports, project.diagnostics = reports, diagnostics
    return project
