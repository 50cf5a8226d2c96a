"""``check``: every glossary and configuration problem at once, with file and line.

- every schema problem of every site_config/ file (generator/config/), including the
  check-only glossary rules: a term defined twice, an alias shared by two terms or
  naming another term;
- with the configuration otherwise valid, the report-based glossary lint
  (generator/glossary/lint.py): a curated term no report uses (a warning).

One line per problem, ``site_config/glossary.yaml:LINE: error: … — fix``, sorted by file
and line, on stdout; the count on stderr. Exit code 1 when any is an error.
"""

from __future__ import annotations

import sys

from ..errors import counts
from ..project import load_project
from . import add_reports_argument, root

HELP = "lint the glossary and configuration"
DESCRIPTION = ("Report every glossary and configuration problem with file and line "
               "(exit code 1 when any is an error).")


def add_arguments(parser) -> None:
    add_reports_argument(parser)


def problems(project_root, reports_dir=None) -> list:
    from ..glossary.lint import unused_terms

    project = load_project(project_root, reports_dir, collect=True)
    found = list(project.problems)
    if project.reports_dir is not None:  # the rest of site_config/ is valid: the reports were read
        folder = reports_dir or project.config.settings.reports_dir
        found += unused_terms(project.config.glossary, project.glossary, folder)
    unique = {(p.path, p.line or 0, p.severity, p.message, p.fix): p for p in found}
    return [unique[key] for key in sorted(unique)]


def run(args) -> int:
    found = problems(root(args), args.reports)
    for problem in found:
        print(problem.format())
    print(f"check: {counts(found)}", file=sys.stderr)
    return 1 if any(p.severity == "error" for p in found) else 0
