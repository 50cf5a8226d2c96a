"""Time the ingest stage alone: parse every report of a folder, on one core.

    python benchmarks/parse_corpus.py [FOLDER] [--repeat N] [--fidelity]

FOLDER defaults to the shared corpus (../shared/corpus/nmg), else seeds/. Prints the
best of N runs (wall time for all files, MB/s) and, with --fidelity, checks every
report against the fidelity rule. Exits non-zero only if a file fails to parse or a
fidelity problem is found, never because of a timing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.ingest import check_fidelity, parse_report  # noqa: E402
from generator.ingest.load import report_files  # noqa: E402
from generator.ingest.parse import region_registry  # noqa: E402
from generator.ingest.read import read_source  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = REPO.parent / "shared" / "corpus" / "nmg"
    parser.add_argument("folder", nargs="?", default=str(default if default.is_dir() else REPO / "seeds"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--fidelity", action="store_true")
    args = parser.parse_args(argv)

    files = report_files(args.folder)
    size = sum(f.stat().st_size for f in files)
    registry = region_registry(None)  # built once, as load_reports does
    best = float("inf")
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        reports = [parse_report(f, None, registry=registry) for f in files]
        best = min(best, time.perf_counter() - start)
    print(f"{len(files)} files, {size / 1e6:.2f} MB: best of {args.repeat} = {best:.3f} s "
          f"({size / 1e6 / best:.1f} MB/s)")
    status = 0
    if args.fidelity:
        for f, report in zip(files, reports):
            for problem in check_fidelity(read_source(f).text, report):
                print(f"{f}: {problem}")
                status = 1
        print("fidelity: " + ("problems found" if status else "every file holds"))
    return status


if __name__ == "__main__":
    sys.exit(main())
