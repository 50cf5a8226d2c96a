"""Edit → browser: how long after saving a report file the open page shows the change.

    python benchmarks/edit_browser.py --input seeds [--edits 5] [--no-dirty]
    python benchmarks/edit_browser.py --input cn --n 1000 --search pagefind

Starts ``mkdocs serve [--dirty]`` (a subprocess, port 8103 unless ``--port``) on a
throw-away copy of the project (worker.make_project: the project's mkdocs.yml and hook,
site_config/ copied, the reports in a private folder), opens the edited report's page in
headless Chromium (Playwright, /usr/bin/chromium), and then, ``--edits`` times: changes
one paragraph of that report file (a marker in its longest line, different each time),
and times from the write until the page in the browser shows the marker. The page is
reloaded by MkDocs' own livereload script, as for a reader; nothing is polled behind
the browser's back.

Per edit it also records the serve process's CPU seconds (its children's too: Pagefind
is one), the files of docs/ the generator rewrote (mtime after the edit), the HTML pages
MkDocs wrote again (the serve's site folder sits under the work folder: TMPDIR is set
for it), and whether Pagefind ran. Prints a table with the medians; ``--json FILE`` keeps
everything. Timings are not checked: this is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(HERE), str(REPO)]

import browser_search  # noqa: E402
import run  # noqa: E402
import worker  # noqa: E402

MARK = "（编辑测试{}）"
MARK_RE = re.compile(r"（编辑测试\d+）")
READY = "Serving on "
SERVE_TIMEOUT = 3600  # the first build of 1,000 reports takes minutes on a loaded machine


def edited_line(path: Path) -> int:
    """The line this benchmark edits: the one holding its marker, else the longest."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for i, line in enumerate(lines):
        if MARK_RE.search(line):
            return i
    return max(range(len(lines)), key=lambda k: len(lines[k]))


def edit(path: Path, k: int) -> str:
    """Put marker ``k`` into the edited line (replacing the previous marker); return it."""
    lines = path.read_text(encoding="utf-8").split("\n")
    i = edited_line(path)
    mark = MARK.format(k)
    line = MARK_RE.sub("", lines[i])
    lines[i] = line[:-1] + mark + line[-1:]
    path.write_text("\n".join(lines), encoding="utf-8")
    return mark


def page_of(report: Path, docs: Path) -> str:
    """Docs-relative URL of the report's page: the report page holding most of its longest line."""
    line = report.read_text(encoding="utf-8").split("\n")[edited_line(report)]
    windows = [line[i:i + 6] for i in range(0, max(len(line) - 6, 1), 6)]
    best, score = None, -1
    for md in (docs / "reports").glob("*.md"):
        text = md.read_text(encoding="utf-8")
        hits = sum(1 for w in windows if w in text)
        if hits > score:
            best, score = md, hits
    if best is None:
        raise SystemExit(f"no report page in {docs / 'reports'}")
    return f"reports/{best.stem}/"


def cpu_seconds(pid: int) -> float:
    """utime + stime of the process and its waited-for children (/proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def newer_than(folder: Path, t: float, pattern: str) -> int:
    return sum(1 for p in folder.rglob(pattern) if p.is_file() and p.stat().st_mtime >= t)


def wait_for_log(log: Path, text: str, start: int, timeout: float) -> int:
    """Wait until ``text`` appears in the log after byte ``start``; return the log's size."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        data = log.read_bytes()
        if text.encode() in data[start:]:
            return len(data)
        time.sleep(0.05)
    raise SystemExit(f"timed out waiting for {text!r} in {log}:\n" + log.read_text(errors="replace")[-2000:])


def measure(reports: Path, work: Path, search: str, edits: int, port: int, dirty: bool) -> dict:
    from playwright.sync_api import sync_playwright

    root = worker.make_project(work, reports, search)
    tmp = work / "tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    log = work / "serve.log"
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    if dirty:
        cmd.append("--dirty")
    env = {**os.environ, "PYTHONPATH": str(REPO), "TMPDIR": str(tmp), "NO_MKDOCS_2_WARNING": "1"}
    t0 = time.perf_counter()
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
    rows = []
    try:
        size = wait_for_log(log, READY, 0, SERVE_TIMEOUT)
        first_build = time.perf_counter() - t0
        first_cpu = cpu_seconds(proc.pid)
        url_base = re.search(r"Serving on (\S+)", log.read_text(errors="replace")).group(1)
        site_dir = next(p for p in tmp.iterdir() if p.name.startswith("mkdocs_"))
        target = sorted(p for p in reports.iterdir() if p.suffix in (".txt", ".md"))[0]
        url = url_base + page_of(target, root / "docs")
        pages = sum(1 for _ in site_dir.rglob("*.html"))
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(browser_search.CHROMIUM),
                                         args=browser_search.CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(url, wait_until="load")
            for k in range(1, edits + 1):
                time.sleep(1.0)  # let the watcher settle
                cpu0 = cpu_seconds(proc.pid)
                start = time.time()
                t = time.perf_counter()
                mark = edit(target, k)
                page.wait_for_function("m => document.body && document.body.innerText.includes(m)",
                                       arg=mark, timeout=SERVE_TIMEOUT * 1000, polling=50)
                seconds = time.perf_counter() - t
                size = wait_for_log(log, "Reloading browsers", size, 60)
                text = log.read_text(errors="replace")
                built = re.findall(r"Documentation built in ([\d.]+) seconds", text)
                rows.append({"edit": k, "seconds": round(seconds, 3),
                             "cpu": round(cpu_seconds(proc.pid) - cpu0, 3),
                             "mkdocs_reported": float(built[-1]) if built else None,
                             "markdown_rewritten": newer_than(root / "docs", start, "*"),
                             "html_rewritten": newer_than(site_dir, start, "*.html"),
                             "pagefind_ran": newer_than(site_dir / "pagefind", start, "pagefind-entry.json") > 0})
                print(f"edit {k}: {rows[-1]}", file=sys.stderr)
            browser.close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    return {"reports": sum(1 for p in reports.iterdir() if p.suffix in (".txt", ".md")),
            "search": search, "dirty": dirty, "command": " ".join(cmd[2:]), "page": url,
            "first_build_seconds": round(first_build, 1), "first_build_cpu": round(first_cpu, 1),
            "pages": pages, "edits": rows,
            "median_seconds": statistics.median(r["seconds"] for r in rows),
            "median_cpu": statistics.median(r["cpu"] for r in rows)}


def table(result: dict) -> str:
    r = result
    lines = [f"{r['reports']} reports, search: {r['search']}, `{r['command']}`; first build "
             f"{r['first_build_seconds']} s ({r['first_build_cpu']} s CPU), {r['pages']} pages",
             "", "| edit | edit → browser (s) | serve CPU (s) | MkDocs says (s) | docs/ files rewritten "
             "| HTML pages rewritten | Pagefind ran |", "|---:|---:|---:|---:|---:|---:|---|"]
    for e in r["edits"]:
        lines.append(f"| {e['edit']} | {e['seconds']:.2f} | {e['cpu']:.2f} | {e['mkdocs_reported']} | "
                     f"{e['markdown_rewritten']} | {e['html_rewritten']} | {'yes' if e['pagefind_ran'] else 'no'} |")
    lines.append(f"| **median** | **{r['median_seconds']:.2f}** | **{r['median_cpu']:.2f}** | | | | |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", choices=("seeds", "corpus", "cn", "synthetic"), default="seeds")
    ap.add_argument("--n", type=int, default=1000, help="reports for cn (a spread subset) and synthetic")
    ap.add_argument("--search", choices=("material", "pagefind"), default="material")
    ap.add_argument("--edits", type=int, default=5)
    ap.add_argument("--port", type=int, default=8103)
    ap.add_argument("--no-dirty", dest="dirty", action="store_false", help="plain `mkdocs serve`")
    ap.add_argument("--work", type=Path, help="keep the throw-away project here")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    why = browser_search.browser_available()
    if why:
        print(f"edit_browser: {why}", file=sys.stderr)
        return 2
    work = args.work or Path(tempfile.mkdtemp(prefix="edit-browser-"))
    work.mkdir(parents=True, exist_ok=True)
    reports = run.input_folder(args.input, args.n, work)
    if reports is None:
        return 2
    return finish(measure(reports, work, args.search, args.edits, args.port, args.dirty), table, args, work)


def finish(result: dict, table_of, args, work: Path) -> int:
    """Date the result, print its table, keep it as JSON (``--json``), drop a temp work folder."""
    result["date"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    print(table_of(result))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
