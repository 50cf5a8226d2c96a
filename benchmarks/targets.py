"""Accuracy and speed of the target extractor (generator/targets/).

    python benchmarks/targets.py [--labels TSV] [--corpus DIR] [--show] [--speed]

Accuracy: hand labels (tests/data/targets_labels.tsv: file, kind, indicator, value,
value_high, unit, modifier, line; file relative to the corpus folder) against what
``extract`` finds in the same files. A match is the same file, kind, indicator, value and
value_high; modifiers are compared separately (as sets) on the matched pairs. Precision
counts only indicators the labels cover (catalogue entries with ``labelled: true``).
--show prints every miss and every extra. --speed also times extraction over every
report of the corpus (parsing timed apart). Exits non-zero only when files are missing.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.ingest import parse_report  # noqa: E402
from generator.ingest.load import report_files  # noqa: E402
from generator.ingest.parse import region_registry  # noqa: E402
from generator.targets import Catalogue, Target, extract, load_indicators  # noqa: E402

DEFAULT_LABELS = REPO / "tests" / "data" / "targets_labels.tsv"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
KINDS = ("target", "outcome")


@dataclass(frozen=True)
class Label:
    file: str
    kind: str
    indicator: str
    value: Optional[float]
    value_high: Optional[float]
    unit: str
    modifiers: frozenset[str]
    line: int


def read_labels(path: Path) -> list[Label]:
    """The label rows of a TSV file with a header line."""
    def num(text: str) -> Optional[float]:
        return float(text) if text.strip() else None

    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return [Label(r["file"], r["kind"], r["indicator"], num(r["value"]), num(r["value_high"]), r["unit"],
                  frozenset((r["modifier"] or "").split()), int(r["line"] or 0)) for r in rows]


def _key(kind: str, indicator: str, value: Optional[float], high: Optional[float]) -> tuple:
    return kind, indicator, value, high


@dataclass
class Score:
    """Counts for one kind."""

    labels: int = 0
    found: int = 0  # extracted, labelled indicators only
    matched: int = 0
    modifier_agree: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.labels if self.labels else 1.0

    @property
    def modifiers(self) -> float:
        return self.modifier_agree / self.matched if self.matched else 1.0


def score(labels: list[Label], found: dict[str, list[Target]], catalogue: Catalogue,
          show: bool = False) -> dict[str, Score]:
    """Score extraction results (file -> targets) against the labels."""
    scores = {kind: Score() for kind in KINDS}
    by_file: dict[str, list[Label]] = defaultdict(list)
    for label in labels:
        by_file[label.file].append(label)
    covered = {ind.name for ind in catalogue.indicators if ind.labelled}
    for file, file_labels in sorted(by_file.items()):
        wanted = {_key(lb.kind, lb.indicator, lb.value, lb.value_high): lb for lb in file_labels}
        got = [t for t in found.get(file, []) if t.indicator in covered]
        hits: set[tuple] = set()
        for t in got:
            scores[t.kind].found += 1
            key = _key(t.kind, t.indicator, t.value, t.value_high)
            label = wanted.get(key)
            if label is None or key in hits:
                if show:
                    print(f"extra  {file}:{t.line} {t.kind} {t.indicator} {t.value} {t.value_high or ''}"
                          f"{t.unit} [{t.modifier}] | {t.text[:60]}")
                continue
            hits.add(key)
            scores[t.kind].matched += 1
            if frozenset(t.modifiers) == label.modifiers:
                scores[t.kind].modifier_agree += 1
            elif show:
                print(f"mod    {file}:{t.line} {t.kind} {t.indicator} [{t.modifier}] ≠ "
                      f"[{' '.join(sorted(label.modifiers))}] | {t.text[:60]}")
        for key, label in wanted.items():
            scores[label.kind].labels += 1
            if key not in hits and show:
                print(f"miss   {file}:{label.line} {label.kind} {label.indicator} {label.value} "
                      f"{label.value_high or ''}{label.unit} [{' '.join(label.modifiers)}]")
    return scores


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", default=str(DEFAULT_LABELS))
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--show", action="store_true", help="print every miss, extra and modifier mismatch")
    parser.add_argument("--speed", action="store_true", help="time extraction over the whole corpus")
    args = parser.parse_args(argv)
    corpus, catalogue = Path(args.corpus), load_indicators()
    labels = read_labels(Path(args.labels))
    files = sorted({lb.file for lb in labels})
    missing = [f for f in files if not (corpus / f).is_file()]
    if missing:
        print(f"missing from {corpus}: {', '.join(missing)}")
        return 1
    registry = region_registry(None)
    found = {f: extract(parse_report(corpus / f, None, registry=registry), catalogue).targets for f in files}
    scores = score(labels, found, catalogue, args.show)
    print(f"{len(files)} labelled reports, {len(labels)} labels")
    for kind, s in scores.items():
        print(f"{kind:8} precision {s.precision:6.1%} ({s.matched}/{s.found})  recall {s.recall:6.1%} "
              f"({s.matched}/{s.labels})  modifiers agree {s.modifiers:6.1%} ({s.modifier_agree}/{s.matched})")
    if args.speed:
        paths = [p for sub in ("cn", "nmg") if (corpus / sub).is_dir() for p in report_files(corpus / sub)]
        start = time.process_time()
        reports = [parse_report(p, None, registry=registry) for p in paths]
        parsed = time.process_time()
        results = [extract(r, catalogue) for r in reports]
        done = time.process_time()
        n_t = sum(len(r.targets) for r in results)
        n_u = sum(len(r.uncertain) for r in results)
        print(f"speed: {len(reports)} reports parsed in {parsed - start:.2f} s CPU; extraction "
              f"{done - parsed:.2f} s CPU ({n_t} figures, {n_u} uncertain statements)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
