"""Ingest accuracy on real reports: metadata, parts and 名词解释 against labels, and fidelity.

    python benchmarks/accuracy.py [--corpus DIR] [--sample N] [--list]

Reads ``../shared/corpus/cn/`` and its ``cn.tsv`` (region and year from the source's
folders), and ``tests/data/cn_labels.tsv`` (164 reports labelled by reading them: date,
speaker, number of parts, number of 名词解释 entries). Every file is parsed twice: as it
is, and with its YAML front matter removed (the unseen reports have none, so the text
alone must carry the metadata). Prints one table per pass:

- year and region against ``cn.tsv``, over the files where the text agrees with the
  folder (``tests/data/cn_label_disagreements.tsv`` lists, checked by reading, the files
  where it does not, with the reason; ``--list`` prints them);
- date and speaker over the labelled reports whose text states them; parts exact;
  名词解释 entries found (recall) and entries beyond the label (false);
- fidelity (every Han character and digit kept or recorded) on every file;
- parse time, CPU seconds on one core (reading the files excluded).

Exits non-zero on a crash or a fidelity problem, never because of a figure.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.ingest import check_fidelity  # noqa: E402
from generator.ingest.parse import build_report, region_registry  # noqa: E402
from generator.ingest.read import Source, read_source  # noqa: E402
from generator.model import Report  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
LABELS = REPO / "tests" / "data" / "cn_labels.tsv"
DISAGREEMENTS = REPO / "tests" / "data" / "cn_label_disagreements.tsv"


def read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("# ") and line.strip()]
    return list(csv.DictReader(lines, delimiter="\t"))


def folder_labels(corpus: Path) -> dict[str, dict[str, str]]:
    """cn.tsv rows by file name (its header starts with "# file")."""
    with open(corpus / "cn.tsv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    return {row["# file"]: row for row in rows}


def disagreements() -> dict[tuple[str, str], str]:
    """(file, field) -> the reason the text and the folder disagree."""
    return {(r["file"], r["field"]): r["reason"] for r in read_tsv(DISAGREEMENTS)}


@dataclass
class Parsed:
    report: Optional[Report]
    fidelity: list[str]
    error: str = ""


def parse_file(path: Path, strip: bool, registry) -> tuple[Parsed, float]:
    """Parse one file (front matter removed when ``strip``); CPU seconds spent parsing."""
    src = read_source(path)
    if strip:
        src = Source(src.body, src.body, src.body_line)  # line numbers stay those of the file
    start = time.process_time()
    try:
        report = build_report(src, str(path), None, registry)
    except Exception as exc:  # a crash is a finding here, never a stop
        return Parsed(None, [], f"{type(exc).__name__}: {exc}"), time.process_time() - start
    spent = time.process_time() - start
    return Parsed(report, check_fidelity(src.text, report)), spent


def top_parts(report: Report) -> int:
    return sum(1 for s in report.sections if s.kind == "part")


def score(parsed: dict[str, Parsed], folders: dict[str, dict[str, str]], labels: list[dict[str, str]],
          skip: dict[tuple[str, str], str], strip: bool) -> list[tuple[str, str, str]]:
    """Rows (measure, figure, over what) of one pass."""
    rows = []
    for field in ("year", "region"):
        files = [f for f in folders if (f, field) not in skip and parsed[f].report is not None]
        right = 0
        for f in files:
            r = parsed[f].report
            got = r.year if field == "year" else r.region_name
            want = int(folders[f]["year"]) if field == "year" else folders[f]["region"]
            right += got == want
        rows.append((f"{field} = cn.tsv", _pct(right, len(files)), f"{len(files)} files (text agrees with folder)"))
    where = ("body",) if strip else ("body", "fm")
    for field, key in (("date", "date"), ("speaker", "speaker")):
        stated = [lab for lab in labels if lab[f"{key}_where"] in where]
        right = 0
        for lab in stated:
            r = parsed[lab["file"]].report
            got = (r.date if field == "date" else r.speaker.name) if r else None
            right += got == lab[key]
        rows.append((f"{field} right", _pct(right, len(stated)), f"{len(stated)} labelled reports stating it"))
    exact = sum(1 for lab in labels if parsed[lab["file"]].report and top_parts(parsed[lab["file"]].report)
                == int(lab["parts"]))
    rows.append(("parts exact", _pct(exact, len(labels)), f"{len(labels)} labelled reports"))
    want = found = hit = 0
    for lab in labels:
        r = parsed[lab["file"]].report
        n, k = int(lab["glossary"]), len(r.glossary) if r else 0
        want, found, hit = want + n, found + k, hit + min(n, k)
    rows.append(("名词解释 entries found", _pct(hit, want), f"{want} labelled entries"))
    rows.append(("名词解释 false entries", _pct(found - hit, found), f"{found} entries found (beyond the label)"))
    clean = sum(1 for p in parsed.values() if p.report is not None and not p.fidelity)
    rows.append(("fidelity", _pct(clean, len(parsed)), f"{len(parsed)} files"))
    crashes = sum(1 for p in parsed.values() if p.error)
    rows.append(("crashes", str(crashes), f"{len(parsed)} files"))
    return rows


def _pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f} % ({n}/{d})" if d else "n/a"


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(CORPUS), help="folder holding cn/ and cn.tsv")
    ap.add_argument("--sample", type=int, default=0, help="only the labelled files and every N-th other file")
    ap.add_argument("--list", action="store_true", help="print the files where the text and the folder disagree")
    ap.add_argument("--misses", action="store_true", help="print every labelled miss (for debugging)")
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    if not (corpus / "cn.tsv").is_file():
        print(f"accuracy: {corpus / 'cn.tsv'} not found; nothing measured", file=sys.stderr)
        return 0
    folders = folder_labels(corpus)
    labels = read_tsv(LABELS)
    labelled = {lab["file"] for lab in labels}
    if args.sample:
        folders = {f: row for i, (f, row) in enumerate(sorted(folders.items()))
                   if f in labelled or i % args.sample == 0}
    skip = disagreements()
    registry = region_registry(None)
    status = 0
    size = sum((corpus / "cn" / f).stat().st_size for f in folders)
    for strip in (False, True):
        parsed: dict[str, Parsed] = {}
        cpu = 0.0
        for f in sorted(folders):
            parsed[f], spent = parse_file(corpus / "cn" / f, strip, registry)
            cpu += spent
        title = "front matter removed" if strip else "files as they are"
        print(f"\n### {title}\n\n| measure | figure | over |\n|---|---|---|")
        for measure, figure, over in score(parsed, folders, labels, skip, strip):
            print(f"| {measure} | {figure} | {over} |")
        print(f"| parse time | {cpu:.2f} s CPU ({size / 1e6 / cpu:.1f} MB/s) | {len(folders)} files, "
              f"{size / 1e6:.1f} MB |")
        for f, p in sorted(parsed.items()):
            if p.error or p.fidelity:
                status = 1
                print(f"{f}: {p.error or p.fidelity[0]}", file=sys.stderr)
        if args.misses:
            print_misses(parsed, folders, labels, skip, strip)
    if args.list:
        print("\n| file | field | reason |\n|---|---|---|")
        for (f, field), reason in sorted(skip.items()):
            print(f"| {f} | {field} | {reason} |")
    return status


def print_misses(parsed, folders, labels, skip, strip) -> None:
    where = ("body",) if strip else ("body", "fm")
    for f, row in sorted(folders.items()):
        r = parsed[f].report
        if r is None:
            continue
        if (f, "year") not in skip and r.year != int(row["year"]):
            print(f"  year {f}: {r.year} (folder {row['year']})")
        if (f, "region") not in skip and r.region_name != row["region"]:
            print(f"  region {f}: {r.region_name} (folder {row['region']})")
    for lab in labels:
        r = parsed[lab["file"]].report
        if r is None:
            continue
        if lab["date_where"] in where and r.date != lab["date"]:
            print(f"  date {lab['file']}: {r.date} (label {lab['date']})")
        if lab["speaker_where"] in where and r.speaker.name != lab["speaker"]:
            print(f"  speaker {lab['file']}: {r.speaker.name!r} (label {lab['speaker']})")
        if top_parts(r) != int(lab["parts"]):
            print(f"  parts {lab['file']}: {top_parts(r)} (label {lab['parts']})")
        if len(r.glossary) != int(lab["glossary"]):
            print(f"  glossary {lab['file']}: {len(r.glossary)} (label {lab['glossary']})")


if __name__ == "__main__":
    sys.exit(main())
