"""``build [--reports DIR] [--out DIR] [--strict] [--quiet]``: write the site's Markdown."""

from __future__ import annotations

from . import add_reports_argument, root

HELP = "write the site's Markdown into the docs folder"
DESCRIPTION = ("Generate the site's Markdown from the reports, site_config/ and docs_src/ (only files whose "
               "content changed are written), plus build/nav.yml and build/jieba_user_dict.txt.")


def add_arguments(parser) -> None:
    add_reports_argument(parser)
    parser.add_argument("--out", default=None, metavar="DIR", help="output folder (default: docs/)")
    parser.add_argument("--strict", action="store_true",
                        help="fail on any warning or unreadable report file (notes, known defects of a "
                             "source, never fail)")
    parser.add_argument("--quiet", action="store_true", help="print the problems only, not the summary")


def run(args) -> int:
    from ..site.build import build_site

    result = build_site(root(args), reports_dir=args.reports, out_dir=args.out, strict=args.strict,
                        quiet=args.quiet, cache=True)
    return 0 if result.ok else 1
