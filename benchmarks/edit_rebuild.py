"""Edit → rebuild in one process, as ``mkdocs serve`` runs the generator: where the time goes.

    python benchmarks/edit_rebuild.py --input cn --n 1000 --edits 4
    python benchmarks/edit_rebuild.py --input seeds --edits 3 --json out.json

Builds a throw-away copy of the project (worker.make_project, ``search: pagefind`` unless
``--search``) once cold, then ``--edits`` times puts a numbered marker into the longest line of
the first report file (the same edit as ``edit_browser.py``) and calls ``build_site`` again in
the same process. Per rebuild: wall and CPU seconds (``process_time``), files written, and the
CPU seconds of each part — every page module of ``build.PAGE_MODULES``, the glossary, loading
the project, the open data files (their rows, and compressing them; both inside "pages: data"),
the writer — and of the garbage collector by generation (a full collection of a process holding a 1,000-report memo
takes a second or more, and comes every few rebuilds). No MkDocs: ``edit_browser.py`` measures
the whole serve path through a browser. A measurement, not a test: nothing is checked.
"""

from __future__ import annotations

import argparse
import gc
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import edit_browser  # noqa: E402
import run  # noqa: E402
import worker  # noqa: E402

MARK_RE = re.compile(r"（编辑测试\d+）")


def edit(path: Path, k: int) -> None:
    """Marker ``k`` at the end of the longest line (replacing the previous marker)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    i = max(range(len(lines)), key=lambda j: len(MARK_RE.sub("", lines[j])))
    line = MARK_RE.sub("", lines[i])
    lines[i] = line[:-1] + f"（编辑测试{k}）" + line[-1:]
    path.write_text("\n".join(lines), encoding="utf-8")


class Parts:
    """CPU seconds per part of a build, by wrapping the functions that make each part."""

    def __init__(self):
        self.cpu: dict[str, float] = {}
        self._gc_start = 0.0
        gc.callbacks.append(self._gc)

    def _gc(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._gc_start = time.process_time()
        else:
            self.add(f"gc gen {info['generation']}", time.process_time() - self._gc_start)

    def add(self, name: str, seconds: float) -> None:
        self.cpu[name] = self.cpu.get(name, 0.0) + seconds

    def wrap(self, module, attr: str, name: str, listed: bool = False) -> None:
        inner = getattr(module, attr)

        def timed(*args, **kwargs):
            start = time.process_time()
            try:
                out = inner(*args, **kwargs)
                return list(out) if listed else out  # page modules yield: time the rendering
            finally:
                self.add(name, time.process_time() - start)

        setattr(module, attr, timed)


def measure(reports: Path, work: Path, search: str, edits: int) -> dict:
    from generator import project
    from generator.export import served
    from generator.site import build
    from generator.site.pages import data

    parts = Parts()
    for module in build.PAGE_MODULES:
        parts.wrap(module, "pages", "pages: " + module.__name__.rsplit(".", 1)[1], listed=True)
    parts.wrap(build, "load_project", "load project (config, reports)")
    parts.wrap(project, "build_glossary", "glossary")
    parts.wrap(data, "data_chunks" if hasattr(data, "data_chunks") else "data_files", "data files: rows")
    parts.wrap(served, "served_files", "data files: compress")
    parts.wrap(build, "write_tree", "write docs/")
    root = worker.make_project(work, reports, search)
    start, cpu = time.perf_counter(), time.process_time()
    build.build_site(root, quiet=True, echo=False)
    cold = {"seconds": round(time.perf_counter() - start, 2), "cpu": round(time.process_time() - cpu, 2)}
    target = sorted(p for p in reports.iterdir() if p.suffix in (".txt", ".md"))[0]
    rows = []
    for k in range(1, edits + 1):
        edit(target, k)
        parts.cpu.clear()
        start, cpu = time.perf_counter(), time.process_time()
        result = build.build_site(root, quiet=True, echo=False)
        rows.append({"edit": k, "seconds": round(time.perf_counter() - start, 2),
                     "cpu": round(time.process_time() - cpu, 2), "written": result.written,
                     "parts": {n: round(s, 2) for n, s in sorted(parts.cpu.items(), key=lambda kv: -kv[1])}})
        print(f"edit {k}: {rows[-1]}", file=sys.stderr)
    return {"reports": sum(1 for p in reports.iterdir() if p.suffix in (".txt", ".md")), "edited": target.name,
            "cold": cold, "edits": rows, "median_cpu": statistics.median(r["cpu"] for r in rows),
            "median_seconds": statistics.median(r["seconds"] for r in rows)}


def table(r: dict) -> str:
    lines = [f"{r['reports']} reports, edited {r['edited']}; cold build {r['cold']['seconds']} s "
             f"({r['cold']['cpu']} s CPU)", "",
             "| edit | wall (s) | CPU (s) | files written | largest parts (CPU s) |", "|---:|---:|---:|---:|---|"]
    for e in r["edits"]:
        top = ", ".join(f"{n} {s:.2f}" for n, s in list(e["parts"].items())[:6])
        lines.append(f"| {e['edit']} | {e['seconds']:.2f} | {e['cpu']:.2f} | {e['written']} | {top} |")
    lines.append(f"| **median** | **{r['median_seconds']:.2f}** | **{r['median_cpu']:.2f}** | | |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", choices=("seeds", "corpus", "cn", "synthetic"), default="seeds")
    ap.add_argument("--n", type=int, default=1000, help="reports for cn (a spread subset) and synthetic")
    ap.add_argument("--search", choices=("material", "pagefind"), default="pagefind")
    ap.add_argument("--edits", type=int, default=4)
    ap.add_argument("--work", type=Path, help="keep the throw-away project here")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="edit-rebuild-"))
    work.mkdir(parents=True, exist_ok=True)
    reports = run.input_folder(args.input, args.n, work)
    if reports is None:
        return 2
    return edit_browser.finish(measure(reports, work, args.search, args.edits), table, args, work)


if __name__ == "__main__":
    raise SystemExit(main())
