"""``terms --candidates [--limit N]``: phrases the reports treat as terms that the glossary lacks."""

from __future__ import annotations

import sys

from ..errors import plural
from .. import memo
from ..project import load_project
from . import add_reports_argument, root

HELP = "glossary curation tools"
DESCRIPTION = ("List phrases the reports quote or build as numeral formulas that the glossary lacks, "
               "most frequent first: count, phrase, number of reports, report slugs.")


def add_arguments(parser) -> None:
    parser.add_argument("--candidates", action="store_true", help="list candidate terms, most frequent first")
    parser.add_argument("--limit", type=int, default=100, metavar="N",
                        help="how many candidates to print (default 100)")
    add_reports_argument(parser)


def run(args) -> int:
    from ..glossary.candidates import top_candidates

    if not args.candidates:
        print("nothing to do: add --candidates to list phrases not yet in the glossary", file=sys.stderr)
        return 2
    with memo.build():  # the on-disk cache is written at the end of a build
        project = load_project(root(args), args.reports, cache=True)
        total, rows = top_candidates(project.reports, project.glossary, max(args.limit, 0))
    print(f"{plural(total, 'candidate term')} in {plural(len(project.reports), 'report')}, "
          "most frequent first:")
    for row in rows:
        print(f"{row.count:5d}  {row.phrase}  [{plural(len(row.reports), 'report')}] {', '.join(row.reports)}")
    return 0
