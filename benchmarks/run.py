"""Scale benchmark: time and peak memory of every generator stage and of the MkDocs build.

    python benchmarks/run.py --input seeds|corpus|cn|synthetic [--input ...] [--n 1000]
                             [--skip-mkdocs] [--search material|pagefind] [--no-baseline]
                             [--linearity 250,500,1000] [--cn-sizes 250,500,1000]
                             [--glossary] [--query] [--json FILE] [--work DIR]

Inputs: ``seeds`` (5), ``corpus`` (../shared/corpus/nmg, 95 real reports), ``cn``
(../shared/corpus/cn, 1,439 real reports, plus the 5 seeds), ``synthetic`` (--n reports made
by synth.py, for sizes beyond the real corpus). ``--cn-sizes`` builds the full site (generator
and MkDocs) of evenly spread subsets of cn/ to show how time, memory and size grow.

Every input is measured in its own subprocess (benchmarks/worker.py), and so is its
plain-MkDocs baseline (the same texts, same theme and search config, no generator).
Peak memory is the worker's peak RSS per stage (see measure.py). The first table has
one row per stage; "× baseline" is the stage's time over the baseline build's time.

Exits non-zero only when a measurement could not be made (a worker failed), never
because of a timing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS = REPO.parent / "shared" / "corpus" / "nmg"
CN = REPO.parent / "shared" / "corpus" / "cn"
sys.path[:0] = [str(HERE), str(REPO)]

import report  # noqa: E402
import synth  # noqa: E402


class WorkerFailed(RuntimeError):
    pass


def worker(args: list[str]) -> dict:
    """Run benchmarks/worker.py in a fresh process; its last stdout line is the JSON result."""
    cmd = [sys.executable, str(HERE / "worker.py"), *args]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=str(REPO))
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        tail = "\n".join(proc.stderr.strip().splitlines()[-8:])
        raise WorkerFailed(f"worker {' '.join(args[:2])} failed (exit {proc.returncode}):\n{tail}")
    return json.loads(lines[-1])


def input_folder(name: str, n: int, work: Path) -> Path | None:
    """A private copy of the input's reports (the incremental step edits one of them)."""
    dest = work / name / "reports"
    if dest.exists():
        shutil.rmtree(dest)
    if name == "seeds":
        shutil.copytree(REPO / "seeds", dest)
    elif name == "corpus":
        if not CORPUS.is_dir():
            print(f"corpus: skipped, {CORPUS} is absent", file=sys.stderr)
            return None
        shutil.copytree(CORPUS, dest)
    elif name == "cn":
        if not CN.is_dir():
            print(f"cn: skipped, {CN} is absent", file=sys.stderr)
            return None
        dest.mkdir(parents=True)
        for path in cn_subset(n):
            shutil.copyfile(path, dest / path.name)
        if n >= len(cn_files()):  # the full real corpus is built with the seeds, as the site would be
            for path in sorted((REPO / "seeds").iterdir()):
                shutil.copyfile(path, dest / path.name)
    else:
        synth.write_corpus(dest, n)
    return dest


def cn_files() -> list[Path]:
    return sorted(p for p in CN.iterdir() if p.suffix in (".md", ".txt")) if CN.is_dir() else []


def cn_subset(n: int) -> list[Path]:
    """``n`` of cn/'s files spread evenly over the sorted list (every region and decade
    represented in proportion); all of them when ``n`` is at least their number."""
    files = cn_files()
    if n >= len(files):
        return files
    return [files[i * len(files) // n] for i in range(n)]


def source_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file())


def measure_input(name: str, args, work: Path, n: int | None = None) -> dict | None:
    if n is None:
        n = 10**9 if name == "cn" else args.n  # --input cn: the whole real corpus (and the seeds)
    folder = input_folder(name, n, work)
    if folder is None:
        return None
    flags = ["--search", args.search]
    if args.skip_mkdocs:
        flags.append("--skip-mkdocs")
    if name == "synthetic" or args.edit:
        flags.append("--edit")
    t0 = time.perf_counter()
    site = worker(["site", str(folder), str(work / name), *flags])
    base = None if args.skip_mkdocs or args.no_baseline else worker(["baseline", str(folder), str(work / name)])
    print(f"{name}: measured in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return {"input": name, "site": site, "baseline": base, "source_bytes": source_bytes(folder)}


def linearity(sizes: list[int], work: Path, have: dict[int, dict]) -> list[dict]:
    rows = []
    for n in sizes:
        if n in have:
            site = have[n]
        else:
            folder = input_folder("synthetic", n, work / f"n{n}")
            site = worker(["site", str(folder), str(work / f"n{n}" / "synthetic"), "--skip-mkdocs"])
        gen, cpu = report.generator_seconds(site), report.generator_seconds(site, "cpu")
        peak = max(row["peak_mib"] for k, row in site["stages"].items() if k in report.GENERATOR_STAGES)
        rows.append({"n": n, "reports": site["reports"], "seconds": gen, "cpu": cpu, "peak_mib": peak,
                     "ms_per_report": 1000 * cpu / max(site["reports"], 1)})
    return rows


def glossary_rows(args) -> list[dict] | str:
    """The glossary engineer's benchmark (benchmarks/glossary_linking.py), reused as is."""
    try:
        import glossary_linking
    except ImportError as exc:
        return f"benchmarks/glossary_linking.py cannot be imported ({exc})"
    return glossary_linking.rows(sizes=(100, 1000, 5000), repeat=3)


def first_query(args, work: Path, built: dict | None = None) -> dict:
    """What one query downloads from a Pagefind-indexed site of --n synthetic reports.

    Uses ``built`` (a worker result whose site was indexed with Pagefind) when given,
    else builds one.
    """
    import browser_search

    if built is None:
        folder = input_folder("synthetic", args.n, work / "query")
        built = worker(["site", str(folder), str(work / "query" / "synthetic"), "--search", "pagefind"])
    site_dir = Path(built["mkdocs"]["site_dir"])
    out = {"reports": built["reports"], "pagefind_bytes": built["mkdocs"]["pagefind_bytes"]}
    out.update(report.index_file_sizes(site_dir / "pagefind"))
    reason = browser_search.browser_available()
    if reason:
        out["browser"] = reason
        return out
    with browser_search.serve(site_dir) as url:
        for query in args.queries:
            result = browser_search.search(url, query)
            out.setdefault("queries", []).append({
                "query": query, "first": result.results[0] if result.results else "", "meta": result.meta,
                "bytes": sum(result.query_bytes.values()), "requests": len(result.query_bytes),
                "failed": result.failed})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Scale benchmark for the generator and the MkDocs build.")
    ap.add_argument("--input", action="append", choices=("seeds", "corpus", "cn", "synthetic"),
                    help="what to build (repeatable; default: seeds)")
    ap.add_argument("--n", type=int, default=1000, help="synthetic corpus size (default 1000)")
    ap.add_argument("--skip-mkdocs", action="store_true", help="time the generator only")
    ap.add_argument("--search", choices=("material", "pagefind"), default="material")
    ap.add_argument("--edit", action="store_true", help="also time a one-report edit on seeds/corpus")
    ap.add_argument("--linearity", default="", help="comma-separated synthetic sizes, e.g. 250,500,1000")
    ap.add_argument("--cn-sizes", default="", help="full-site builds of cn/ subsets, e.g. 250,500,1000")
    ap.add_argument("--no-baseline", action="store_true", help="skip the plain-MkDocs baseline builds")
    ap.add_argument("--glossary", action="store_true", help="glossary-size flatness (glossary_linking.py)")
    ap.add_argument("--query", action="store_true", help="Pagefind first-query download at --n reports")
    ap.add_argument("--queries", nargs="+", default=["三北工程", "营商环境"])
    ap.add_argument("--json", type=Path, help="also write every figure as JSON here")
    ap.add_argument("--work", type=Path, help="work folder (default: a temp folder, removed)")
    ap.add_argument("--query-site", type=Path, help="with --query: measure this already built Pagefind site")
    ap.add_argument("--from-json", type=Path, help="only print the tables of an earlier --json file")
    args = ap.parse_args(argv)
    if args.from_json:
        print(report.all_tables(json.loads(args.from_json.read_text(encoding="utf-8"))))
        return 0
    inputs = args.input or ["seeds"]

    work = args.work or Path(tempfile.mkdtemp(prefix="bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict = {"machine": report.machine(), "inputs": []}
    try:
        for name in inputs:
            measured = measure_input(name, args, work)
            if measured:
                results["inputs"].append(measured)
        if args.cn_sizes:
            for n in [int(x) for x in args.cn_sizes.split(",") if x.strip()]:
                measured = measure_input("cn", args, work / f"cn{n}", n)
                if measured:
                    measured["input"] = f"cn {n}"
                    results["inputs"].append(measured)
        print(report.stage_table(results["inputs"]))
        print("\n" + report.weight_table(results["inputs"]))
        if args.linearity:
            have = {args.n: r["site"] for r in results["inputs"] if r["input"] == "synthetic"}
            sizes = [int(x) for x in args.linearity.split(",") if x.strip()]
            results["linearity"] = linearity(sizes, work, have)
            print("\n" + report.linearity_table(results["linearity"]))
        if args.glossary:
            results["glossary"] = glossary_rows(args)
            print("\n" + report.glossary_table(results["glossary"]))
        if args.query:
            built = next((r["site"] for r in results["inputs"] if r["input"] == "synthetic"
                          and r["site"]["search"] == "pagefind" and "mkdocs" in r["site"]), None)
            if args.query_site:
                site_dir = args.query_site.resolve()
                built = {"reports": sum(1 for p in (site_dir / "reports").iterdir() if p.is_dir() and p.name != "compare"),
                         "mkdocs": {"site_dir": str(site_dir), "pagefind_bytes": sum(
                             p.stat().st_size for p in (site_dir / "pagefind").rglob("*") if p.is_file())}}
            results["query"] = first_query(args, work, built)
            print("\n" + report.query_table(results["query"]))
    except WorkerFailed as err:
        print(f"benchmark error: {err}", file=sys.stderr)
        return 1
    finally:
        if args.json:
            args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
