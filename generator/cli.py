"""Command line: ``python -m generator {parse,build,terms,check}``.

Every failure a user can cause ends as one line naming the file (and line) and
the fix, with a non-zero exit code — never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import GeneratorError


def _root(args) -> Path:
    return Path(args.root).resolve()


def cmd_parse(args) -> int:
    from .config import load_config
    from .ingest import parse_report
    from .ingest.regions import RegionRegistry

    config = load_config(_root(args), region_exists=RegionRegistry.exists_in_dataset)
    status = 0
    for file in args.files:
        try:
            report = parse_report(Path(file), config)
        except GeneratorError as err:
            print(err.format(), file=sys.stderr)
            status = 1
            continue
        for diag in report.diagnostics:
            print(diag.format(), file=sys.stderr)
        if args.json:
            print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        else:
            _print_outline(report)
    return status


def _print_outline(report) -> None:
    region = report.region.name if report.region else "?"
    print(f"{report.source}: {region} {report.year or '?'} {report.title}")
    for section in report.walk_sections():
        extra = f" [{len(section.entries)} 名词解释]" if section.entries else ""
        print(f"{'  ' * section.level}{section.title} ({len(section.paragraphs)} 段){extra}")


def cmd_build(args) -> int:
    from .site.build import build_site

    result = build_site(_root(args), reports_dir=args.reports, out_dir=args.out, strict=args.strict,
                        quiet=args.quiet)
    return 0 if result.ok else 1


def cmd_terms(args) -> int:
    from .glossary.candidates import print_candidates

    if not args.candidates:
        print("nothing to do: add --candidates to list phrases not yet in the glossary", file=sys.stderr)
        return 2
    return print_candidates(_root(args), limit=args.limit, reports_dir=args.reports)


def cmd_check(args) -> int:
    from .glossary.lint import run_check

    return run_check(_root(args), reports_dir=args.reports)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator",
                                     description="Build the government work report site.")
    parser.add_argument("--root", default=".", help="project folder holding site_config/ (default: .)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="parse report files and print their structure",
                       description="Parse report files and print their outline, or the document as JSON.")
    p.add_argument("files", nargs="+", help="report text files")
    p.add_argument("--json", action="store_true", help="print the document model as JSON")
    p.set_defaults(func=cmd_parse)

    b = sub.add_parser("build", help="write the site's Markdown into the docs folder",
                       description="Generate the site's Markdown from the reports, site_config/ and docs_src/.")
    b.add_argument("--reports", default=None, help="folder of report files (default: seeds/)")
    b.add_argument("--out", default=None, help="output folder (default: docs/)")
    b.add_argument("--strict", action="store_true", help="treat input warnings as errors")
    b.add_argument("--quiet", action="store_true", help="print warnings only")
    b.set_defaults(func=cmd_build)

    t = sub.add_parser("terms", help="glossary curation tools",
                       description="List phrases the reports use that the glossary lacks.")
    t.add_argument("--candidates", action="store_true", help="list candidate terms, most frequent first")
    t.add_argument("--limit", type=int, default=100, help="how many candidates to print (default 100)")
    t.add_argument("--reports", default=None, help="folder of report files (default: seeds/)")
    t.set_defaults(func=cmd_terms)

    c = sub.add_parser("check", help="lint the glossary and configuration",
                       description="Report glossary and configuration problems with file and line.")
    c.add_argument("--reports", default=None, help="folder of report files (default: seeds/)")
    c.set_defaults(func=cmd_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except GeneratorError as err:
        print(err.format(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
