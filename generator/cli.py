"""Command line: ``python -m generator {parse,build,terms,check}`` (installed: ``gov-report-site``).

The commands themselves are in generator/commands/. Every failure a user can cause
ends as one line naming the file (and line) and the fix, with a non-zero exit code —
never a traceback. A closed output pipe (``… | head``) ends the command quietly with
exit code 141, Ctrl-C with 130.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from .commands import COMMANDS
from .errors import GeneratorError
from .process import exit_now, tune_gc

INSTALLED_NAME = "gov-report-site"  # [project.scripts] in pyproject.toml


def program_name(argv0: str = "") -> str:
    """``gov-report-site`` when run as the installed command, else ``python -m generator``."""
    name = os.path.basename(argv0 or (sys.argv[0] if sys.argv else ""))
    return INSTALLED_NAME if name.startswith(INSTALLED_NAME) else "python -m generator"


def build_parser(prog: str = "") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog or program_name(),
                                     description="Build the government work report site.")
    parser.add_argument("--root", default=".", help="project folder holding site_config/ (default: .)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"{__package__}.commands.{name}")
        p = sub.add_parser(name, help=module.HELP, description=module.DESCRIPTION)
        module.add_arguments(p)
        p.set_defaults(func=module.run)
    return parser


def _quiet_stdout() -> None:
    """After a closed pipe: point stdout at /dev/null so the exit-time flush is silent."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # pragma: no cover - no real stdout
        pass


def entry() -> None:
    """The installed command and ``python -m generator``: ``main``, then the process ends
    without the interpreter's teardown (``process.exit_now``)."""
    exit_now(main())


def main(argv: list[str] | None = None) -> int:
    tune_gc()
    try:
        args = build_parser().parse_args(argv)
        try:
            status = args.func(args)
        except GeneratorError as err:
            print(err.format(), file=sys.stderr)
            status = 1
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's exit
        return status
    except BrokenPipeError:
        _quiet_stdout()
        return 141  # 128 + SIGPIPE, as a shell reports a command killed by a closed pipe
    except KeyboardInterrupt:
        return 130  # 128 + SIGINT
