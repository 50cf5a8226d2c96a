"""``parse FILE… [--json]``: parse report files; print each outline, or each document as JSON Lines."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import InputError
from ..project import load_project
from . import root

HELP = "parse report files and print their structure"
DESCRIPTION = ("Parse report files and print their outline, or (--json) each document as one line of JSON "
               "(JSON Lines: one document per line, in the order the files are given).")


def add_arguments(parser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="report text files")
    parser.add_argument("--json", action="store_true",
                        help="print each document as JSON, one document per line (JSON Lines)")


def run(args) -> int:
    from ..ingest import parse_report

    config = load_project(root(args), parse=False).config
    status = 0
    for file in args.files:
        try:
            report = parse_report(Path(file), config)
        except InputError as err:
            print(err.diagnostic.format(), file=sys.stderr)
            status = 1
            continue
        for diag in report.diagnostics:
            print(diag.format(), file=sys.stderr)
        if args.json:
            print(json.dumps(report.to_json(), ensure_ascii=False))
        else:
            print_outline(report)
    return status


def print_outline(report) -> None:
    region = report.region.name if report.region else "?"
    print(f"{report.source}: {region} {report.year or '?'} {report.title}")
    for section in report.walk_sections():
        extra = f" [{len(section.entries)} glossary entries]" if section.entries else ""
        print(f"{'  ' * section.level}{section.title} ({len(section.paragraphs)} paragraphs){extra}")
