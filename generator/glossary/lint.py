"""``python -m generator check``: every glossary and configuration problem, with file and line.

``config.load_config`` stops at the first problem (right for a build); the lint
reads ``site_config/glossary.yaml`` itself through ``config.load_yaml`` so it can
report all of them in one run:

- error: an entry without a term, definition or source, an unknown key, a bad type;
- error: a duplicate term (two entries with the same normalized key);
- error: an alias shared by two terms (or naming another entry's term);
- warning: a curated term no report uses;
- error: any other configuration error ``load_config`` raises.

One line per problem, ``site_config/glossary.yaml:LINE: error: …``; the exit code is
1 when there is an error, 0 for warnings alone.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from ..config import CuratedEntry, SiteConfig, _load_settings, load_config, load_yaml
from ..errors import ConfigError
from ..model import Report
from .normalize import normalize

GLOSSARY_FILE = "site_config/glossary.yaml"
ENTRY_KEYS = ("term", "definition", "source", "aliases", "category")


@dataclass(frozen=True)
class Problem:
    path: str  # relative to the project root
    line: Optional[int]
    severity: str  # "error" | "warning"
    message: str

    def format(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.severity}: {self.message}"

    def __str__(self) -> str:
        return self.format()


def _line(obj: Any, key: Any = None) -> Optional[int]:
    key_lines = getattr(obj, "key_lines", None)
    if key is not None and key_lines and key in key_lines:
        return key_lines[key]
    return getattr(obj, "line", None)


def _problem_from(err: ConfigError, root: Path) -> Problem:
    try:
        path = Path(err.path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        path = err.path
    message = f"{err.message} — {err.fix}" if err.fix else err.message
    return Problem(path, err.line, "error", message)


# --------------------------------------------------------------------------- the glossary file


def _entry(item: Any, rel: str, problems: list[Problem]) -> Optional[tuple[CuratedEntry, list]]:
    """One entry checked field by field, with its aliases' lines; None without a usable term."""
    if not isinstance(item, dict):
        problems.append(Problem(rel, _line(item), "error",
                                "a glossary entry must be a mapping — write `- term: …` then `definition:` …"))
        return None
    line = _line(item)
    for key in item:
        if key not in ENTRY_KEYS:
            problems.append(Problem(rel, _line(item, key), "error",
                                    f"unknown key {key!r} — use one of: {', '.join(ENTRY_KEYS)}"))
    term = item.get("term")
    if not isinstance(term, str) or not term.strip():
        problems.append(Problem(rel, line, "error", "glossary entry has no term — add `term:`"))
        return None
    term = term.strip()
    values = {}
    for key in ("definition", "source", "category"):
        value = item.get(key)
        if value is not None and not isinstance(value, str):
            problems.append(Problem(rel, _line(item, key), "error", f"{key!r} of {term!r} must be text"))
            value = None
        values[key] = (value or "").strip()
    if not values["definition"]:
        problems.append(Problem(rel, line, "error", f"glossary entry {term!r} has no definition"
                                " — add `definition:` in your own words"))
    if not values["source"]:
        problems.append(Problem(rel, line, "error", f"glossary entry {term!r} has no source note"
                                " — add `source:` naming the document and year that state the facts"))
    aliases = item.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    if not isinstance(aliases, list) or not all(isinstance(a, (str, int)) for a in aliases):
        problems.append(Problem(rel, _line(item, "aliases"), "error",
                                f"aliases of {term!r} must be a list of strings — write `[a, b]`"))
        aliases = []
    entry = CuratedEntry(term, values["definition"], values["source"], [str(a) for a in aliases],
                         values["category"], line)
    alias_lines = getattr(item.get("aliases"), "item_lines", None)
    if not alias_lines or len(alias_lines) != len(aliases):
        alias_lines = [_line(item, "aliases")] * len(aliases)
    return entry, alias_lines


def lint_glossary_file(root: Path) -> tuple[list[CuratedEntry], list[Problem]]:
    """Parse ``site_config/glossary.yaml`` leniently: the entries it has and every problem."""
    path = root / GLOSSARY_FILE
    if not path.exists():
        return [], []
    try:
        data = load_yaml(path)
    except ConfigError as err:
        return [], [_problem_from(err, root)]
    if isinstance(data, dict) and set(data) <= {"terms"}:
        data = data.get("terms")
    if data is None:
        return [], []
    if not isinstance(data, list):
        return [], [Problem(GLOSSARY_FILE, _line(data), "error",
                            "expected a list of entries — start each entry with `- term:`")]
    problems: list[Problem] = []
    parsed = [e for e in (_entry(item, GLOSSARY_FILE, problems) for item in data) if e is not None]
    problems += _duplicates(parsed)
    return [entry for entry, _ in parsed], problems


def _duplicates(parsed: list[tuple[CuratedEntry, list]]) -> list[Problem]:
    """Two entries for one term; one alias claimed by two terms."""
    problems = []
    terms: dict[str, CuratedEntry] = {}
    for entry, _ in parsed:
        key = normalize(entry.term)
        first = terms.get(key)
        if first is not None:
            problems.append(Problem(GLOSSARY_FILE, entry.line, "error",
                                    f"duplicate term {entry.term!r}: {first.term!r} is already defined on line "
                                    f"{first.line} — merge the two entries"))
        else:
            terms[key] = entry
    aliases: dict[str, tuple[CuratedEntry, Optional[int]]] = {}
    for entry, alias_lines in parsed:
        own = normalize(entry.term)
        for alias, line in zip(entry.aliases, alias_lines):
            norm = normalize(alias)
            other = terms.get(norm)
            if other is not None and norm != own:
                problems.append(Problem(GLOSSARY_FILE, line, "error",
                                        f"alias {alias!r} of {entry.term!r} is the term {other.term!r} "
                                        f"(line {other.line}) — remove the alias or merge the entries"))
                continue
            claimed = aliases.get(norm)
            if claimed is not None and normalize(claimed[0].term) != own:
                problems.append(Problem(GLOSSARY_FILE, line, "error",
                                        f"alias {alias!r} is shared by {claimed[0].term!r} (line {claimed[1]}) and "
                                        f"{entry.term!r} — keep it on one term"))
            elif claimed is None:
                aliases[norm] = (entry, line)
    return problems


# --------------------------------------------------------------------------- the project


def load_project(root: Path, reports_dir: Optional[str] = None, curated: Optional[list[CuratedEntry]] = None
                 ) -> tuple[Optional[SiteConfig], list[Report], list[Problem]]:
    """Configuration and parsed reports, with configuration problems instead of exceptions.

    When only glossary.yaml is broken and ``curated`` (the lint's lenient reading of
    it) is given, the reports are still loaded with the rest of the configuration.
    """
    from ..ingest import load_reports

    root = Path(root)
    try:
        from ..ingest.regions import RegionRegistry
        region_exists = RegionRegistry.exists_in_dataset
    except (ImportError, AttributeError):  # pragma: no cover - the registry is optional here
        region_exists = None
    problems: list[Problem] = []
    try:
        config = load_config(root, region_exists=region_exists)
    except ConfigError as err:
        problems.append(_problem_from(err, root))
        if curated is None or problems[0].path != GLOSSARY_FILE:
            return None, [], problems
        # load_config reads glossary.yaml last: every other file is valid, so only the
        # settings are needed here (read through config's own validated loader).
        settings = _load_settings(root / "site_config" / "site.yaml")
        config = SiteConfig(root, settings, [], {}, [], [])
    if curated is not None:
        config.glossary = [e for e in curated if e.definition]
    folder = Path(reports_dir) if reports_dir else root / config.settings.seeds_dir
    if not folder.is_absolute() and not folder.exists():
        folder = root / folder
    reports, _diagnostics = load_reports(folder, config)
    return config, reports, problems


def check(root: Path, reports_dir: Optional[str] = None) -> list[Problem]:
    """Every problem, sorted by file and line."""
    from . import build_glossary

    root = Path(root)
    entries, problems = lint_glossary_file(root)
    config, reports, config_problems = load_project(root, reports_dir, curated=entries)
    has_glossary_errors = any(p.severity == "error" for p in problems)
    for problem in config_problems:
        if not (problem.path == GLOSSARY_FILE and has_glossary_errors):  # already reported in full
            problems.append(problem)
    if config is not None:
        glossary = build_glossary(reports, config)
        folder = reports_dir or config.settings.seeds_dir
        for entry in config.glossary:
            key = glossary.matcher.lookup(entry.term)
            if key is not None and glossary.usage_count(key) == 0:
                problems.append(Problem(GLOSSARY_FILE, entry.line, "warning",
                                        f"curated term {entry.term!r} is not used by any report in {folder}"
                                        " — check its spelling or add the form the reports use as an alias"))
    return sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.severity, p.message))


def run_check(root: Path, reports_dir: Optional[str] = None) -> int:
    """``python -m generator check``: print one line per problem; 1 when any is an error."""
    problems = check(Path(root), reports_dir)
    for problem in problems:
        print(problem.format())
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    print(f"glossary check: {errors} error(s), {warnings} warning(s)", file=sys.stderr)
    return 1 if errors else 0
