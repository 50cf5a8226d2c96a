"""Our overhead on the seed site: the full site against MkDocs on the same generated docs/.

    python benchmarks/seed_overhead.py [--rounds 5] [--input seeds] [--json FILE]

Three builds, each a fresh ``python -m mkdocs build`` process, alternated round by round
(A B E A B E …) so that drift of a shared machine falls on all of them alike:

- **A, full site**: the project's mkdocs.yml with its hook, on a throw-away copy of the
  project (worker.make_project): the generator runs cold in ``on_config`` (its memo is
  empty in a new process), then MkDocs + Material render, the hooks compact each page
  and fix Material's search worker.
- **B, plain MkDocs**: the same generated docs/ (copied once from A's first build), the
  same mkdocs.yml inherited with ``hooks: []``, the nav and not_in_nav the generator
  wrote to build/nav.yml, the same jieba dictionary: everything but our code.
- **E, empty**: B's configuration with a docs folder of one page, the fixed cost of
  starting MkDocs + Material + jieba (imports, theme, search plugin).

Time is CPU seconds (user + system) of the build process and its children, from
``os.wait4``; wall seconds are kept too. Overhead = median(A) / median(B) − 1. The
per-page cost of MkDocs + Material is (median(B) − median(E)) / (pages − 1).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(HERE), str(REPO)]

import edit_browser  # noqa: E402
import run  # noqa: E402
import worker  # noqa: E402


def timed_build(config: Path, cwd: Path) -> dict:
    """One ``mkdocs build -q`` in a fresh process: wall and CPU seconds."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1"}
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)],
                            cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"mkdocs build -f {config} failed:\n{err.decode(errors='replace')[-2000:]}")
    return {"wall": time.perf_counter() - t0, "cpu": usage.ru_utime + usage.ru_stime}


def plain_project(full: Path, dest: Path, docs: Path | None = None) -> Path:
    """mkdocs.yml (and docs/, build/) for MkDocs alone on ``full``'s generated docs/."""
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "build").mkdir(parents=True)
    shutil.copyfile(full / "build" / "jieba_user_dict.txt", dest / "build" / "jieba_user_dict.txt")
    nav = yaml.safe_load((full / "build" / "nav.yml").read_text(encoding="utf-8"))
    if docs is None:
        shutil.copytree(full / "docs", dest / "docs")
    else:
        shutil.copytree(docs, dest / "docs")
        nav = {"nav": [{"首页": "index.md"}], "not_in_nav": ""}
    config = {"INHERIT": str(REPO / "mkdocs.yml"), "docs_dir": "docs", "site_dir": "site",
              "hooks": [], "watch": [], **nav}
    path = dest / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def measure(reports: Path, work: Path, rounds: int) -> dict:
    root = worker.make_project(work, reports, "material")
    timed_build(root / "mkdocs.yml", root)  # generates docs/ and build/ for B (not counted)
    plain = plain_project(root, work / "plain")
    one = work / "one-page"
    if one.exists():
        shutil.rmtree(one)
    one.mkdir()
    (one / "index.md").write_text((root / "docs" / "index.md").read_text(encoding="utf-8"), encoding="utf-8")
    empty = plain_project(root, work / "empty", docs=one)
    builds = {"A": (root / "mkdocs.yml", root), "B": (plain, plain.parent), "E": (empty, empty.parent)}
    times: dict[str, list[dict]] = {k: [] for k in builds}
    for r in range(rounds):
        for name, (config, cwd) in builds.items():
            times[name].append(timed_build(config, cwd))
        print(f"round {r + 1}: " + ", ".join(f"{k} {v[-1]['cpu']:.2f} s CPU" for k, v in times.items()),
              file=sys.stderr)
    med = {k: {m: statistics.median(x[m] for x in v) for m in ("cpu", "wall")} for k, v in times.items()}
    pages = sum(1 for _ in (plain.parent / "site").rglob("*.html"))
    return {"reports": sum(1 for p in reports.iterdir() if p.suffix in (".txt", ".md")), "pages": pages,
            "rounds": rounds, "times": times, "median": med,
            "ratio_cpu": med["A"]["cpu"] / med["B"]["cpu"], "ratio_wall": med["A"]["wall"] / med["B"]["wall"],
            "per_page_cpu": (med["B"]["cpu"] - med["E"]["cpu"]) / max(pages - 1, 1)}


def table(r: dict) -> str:
    m = r["median"]
    rows = [f"{r['reports']} reports, {r['pages']} pages, {r['rounds']} rounds A/B/E alternated; medians", "",
            "| build | CPU (s) | wall (s) | all CPU runs (s) |", "|---|---:|---:|---|"]
    names = {"A": "A full site (generator + hooks + search fix)", "B": "B plain MkDocs, same docs/",
             "E": "E MkDocs, one page (fixed cost)"}
    for k, label in names.items():
        runs = ", ".join(f"{x['cpu']:.2f}" for x in r["times"][k])
        rows.append(f"| {label} | {m[k]['cpu']:.2f} | {m[k]['wall']:.2f} | {runs} |")
    rows += ["", f"A / B = **{r['ratio_cpu']:.3f}×** CPU ({r['ratio_wall']:.3f}× wall): our overhead "
             f"{100 * (r['ratio_cpu'] - 1):.1f} %; MkDocs + Material per page (B − E) / (pages − 1) = "
             f"{1000 * r['per_page_cpu']:.1f} ms CPU"]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", choices=("seeds", "corpus"), default="seeds")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--work", type=Path)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="seed-overhead-"))
    work.mkdir(parents=True, exist_ok=True)
    reports = run.input_folder(args.input, 0, work)
    if reports is None:
        return 2
    return edit_browser.finish(measure(reports, work, args.rounds), table, args, work)


if __name__ == "__main__":
    raise SystemExit(main())
