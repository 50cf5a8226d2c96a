"""The commands of ``python -m generator`` (and ``gov-report-site``), one module each.

Each module has ``HELP`` (one line for the command list), ``DESCRIPTION``,
``add_arguments(parser)`` and ``run(args) -> exit code``; ``generator/cli.py`` turns
``COMMANDS`` into the command line. Every command starts from
``generator.project.load_project``. A new command (``export``, say) is a new module
here and its name in ``COMMANDS``.

Output: results go to stdout; messages (one ``Diagnostic`` line each:
``path:line: severity: message — fix``) and summaries go to stderr.
"""

from __future__ import annotations

import argparse
from pathlib import Path

COMMANDS = ("parse", "build", "terms", "check", "export")


def root(args) -> Path:
    return Path(args.root).resolve()


def add_reports_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reports", default=None, metavar="DIR",
                        help="folder of report files (default: seeds_dir in site_config/site.yaml, seeds/)")
