"""``export --out DIR [--reports DIR]``: write the open data files (the site's data/)."""

from __future__ import annotations

import sys
import time

from . import add_reports_argument, root

HELP = "write the open data files (CSV, JSON Lines) that the site serves under data/"
DESCRIPTION = ("Write reports.csv, paragraphs.jsonl, terms.csv, definitions.csv, occurrences.csv, targets.csv "
               "and targets_uncertain.csv (UTF-8, with a header; the same bytes for the same inputs). "
               "The 数据 page of the site documents every column.")


def add_arguments(parser) -> None:
    add_reports_argument(parser)
    parser.add_argument("--out", required=True, metavar="DIR", help="output folder (created when missing)")


def run(args) -> int:
    from ..export import export

    start = time.perf_counter()
    files = export(root(args), args.out, args.reports, cache=True)
    for name, data in files.items():
        print(f"{args.out.rstrip('/')}/{name}: {len(data):,} bytes", file=sys.stderr)
    print(f"export: {len(files)} files in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return 0
