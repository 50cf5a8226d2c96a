"""One benchmark measurement in a fresh process; prints a JSON object on its last line.

    python benchmarks/worker.py site REPORTS_DIR WORK_DIR [--skip-mkdocs] [--edit] [--search S]
    python benchmarks/worker.py baseline REPORTS_DIR WORK_DIR

``site`` builds a throw-away copy of the project (site_config/ copied, site.yaml pointing
``seeds_dir`` at REPORTS_DIR, docs_src/ linked, mkdocs.yml inheriting the project's) and
times, by wrapping the site core's own functions (nothing is re-implemented here):

- parse      ``build.load_reports`` (ingest's ``load_reports``; config loading included)
- glossary   ``build.build_glossary`` (glossary's ``build_glossary``: terms, occurrences, links)
- render     from the glossary's end to the writer's start (page modules, nav)
- write      ``build.write_tree`` and what follows it (Markdown files, build/ files)
- edit       with ``--edit``: one report file changed, then ``build_site`` again (incremental)
- mkdocs     ``mkdocs build`` in-process with the project's hook; the hook's own
             ``build_site`` re-run (nothing changed) and the Pagefind step are timed apart

``baseline`` builds the same texts as plain Markdown with the same theme and search
configuration (see baseline.py).
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(HERE), str(REPO)]

import measure  # noqa: E402

EDIT_MARK = "（基准测试修改）"


def make_project(work: Path, reports_dir: Path, search: str) -> Path:
    import yaml

    root = work / "project"
    if root.exists():
        shutil.rmtree(root)
    (root / "docs").mkdir(parents=True)  # MkDocs checks docs_dir exists before the hook fills it
    if (REPO / "site_config").is_dir():
        shutil.copytree(REPO / "site_config", root / "site_config")
    (root / "site_config").mkdir(exist_ok=True)
    site_yaml = root / "site_config" / "site.yaml"
    settings = yaml.safe_load(site_yaml.read_text(encoding="utf-8")) if site_yaml.exists() else None
    settings = dict(settings or {})
    settings.update(seeds_dir=str(reports_dir.resolve()), output_dir="docs", search=search)
    site_yaml.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    if (REPO / "docs_src").is_dir():
        (root / "docs_src").symlink_to(REPO / "docs_src", target_is_directory=True)
    (root / "mkdocs.yml").write_text(
        f"INHERIT: {REPO / 'mkdocs.yml'}\ndocs_dir: docs\nsite_dir: site\nwatch: []\n"
        f"hooks:\n  - {REPO / 'generator' / 'mkdocs_hooks.py'}\n", encoding="utf-8")
    return root


def edit_one_report(reports_dir: Path, which: int = 0) -> Path:
    """Change one paragraph of a report (its longest line gets a few characters)."""
    path = sorted(p for p in reports_dir.iterdir() if p.suffix in (".txt", ".md"))[which]
    lines = path.read_text(encoding="utf-8").split("\n")
    i = max(range(len(lines)), key=lambda k: len(lines[k]))
    lines[i] = lines[i][:-1] + EDIT_MARK + lines[i][-1:]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else 0


class _Count(logging.Handler):
    """Counts MkDocs warnings; echoes errors to stderr (the rest of MkDocs' log is muted)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1
        if record.levelno >= logging.ERROR:
            print(f"mkdocs: {record.getMessage()}", file=sys.stderr)


def mkdocs_build(config_file: Path, recorder: measure.Recorder, search: str = "material") -> dict:
    """``mkdocs build`` in this process, as the CLI runs it; MkDocs' log kept quiet but counted."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logger = logging.getLogger("mkdocs")
    counter = _Count()
    logger.addHandler(counter)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    for handler in list(logger.handlers):
        if handler is not counter:
            handler.setLevel(logging.CRITICAL)
    recorder.mark("mkdocs")
    config = load_config(config_file=str(config_file))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    recorder.mark(None)
    site = Path(config["site_dir"])
    import chrome

    return {"warnings": counter.count, "site_bytes": dir_bytes(site), "weight": chrome.summary(site),
            "material_index_bytes": (site / "search" / "search_index.json").stat().st_size
            if (site / "search" / "search_index.json").exists() else 0,
            "pagefind_bytes": dir_bytes(site / "pagefind"), "site_dir": str(site)}


def time_page_modules(site_build) -> dict[str, float]:
    """Wrap each page module's ``pages(ctx)`` (listed in build.PAGE_MODULES) to time it."""
    seconds: dict[str, float] = {}
    for module in getattr(site_build, "PAGE_MODULES", ()):
        name = module.__name__.rpartition(".")[2]
        original = module.pages

        def pages(ctx, _o=original, _n=name):
            t0 = time.perf_counter()
            out = list(_o(ctx))
            seconds[_n] = seconds.get(_n, 0.0) + time.perf_counter() - t0
            return out

        module.pages = pages
    return seconds


def run_site(reports_dir: Path, work: Path, skip_mkdocs: bool, edit: bool, search: str) -> dict:
    from generator import memo, process, project
    from generator.site import build as site_build
    from generator.site.search import pagefind as pf

    process.tune_gc()  # what `python -m generator build` and the MkDocs hook run with
    root = make_project(work, reports_dir, search)
    rec = measure.Recorder()
    out: dict = {"kind": "site", "memory": measure.METHOD, "search": search}
    originals = {(project, "load_reports"): measure.wrap(project, "load_reports", "parse", None, rec),
                 (project, "build_glossary"): measure.wrap(project, "build_glossary", "glossary", "render", rec),
                 (site_build, "write_tree"): measure.wrap(site_build, "write_tree", "write", None, rec)}
    modules = time_page_modules(site_build)
    rec.mark("parse")
    result = site_build.build_site(root, quiet=True, echo=False)
    rec.stop()
    for (module, attr), original in originals.items():  # later runs are timed as a whole
        setattr(module, attr, original)
    out["ok"] = result.ok
    out["files"] = result.written + result.unchanged
    out["reports"] = sum(1 for p in result.pages if p.path.startswith("reports/") and p.path != "reports/index.md"
                         and not p.path.startswith("reports/compare/"))  # 对比 pages are not reports
    out["errors"] = [d.format() for d in result.diagnostics if d.severity == "error"][:5]
    out["stages"] = dict(rec.stages)
    out["render_by_module"] = dict(sorted(modules.items(), key=lambda kv: -kv[1]))
    rec.stages.clear()
    del result  # its pages (every page's Markdown) are not held through MkDocs, as under the CLI

    if edit:
        edited = edit_one_report(reports_dir)
        rec.mark("edit")
        again = site_build.build_site(root, quiet=True, echo=False)
        rec.stop()
        stats = memo.stats()
        out["incremental"] = {"file": edited.name, "written": again.written, "unchanged": again.unchanged,
                              "deleted": again.deleted, "reparsed": stats.get("report", (0, 0))[1],
                              "rendered": sum(m for name, (_, m) in stats.items() if name.startswith("page:")),
                              **rec.stages.pop("edit")}
        rec.stages.clear()
        del again

    if not skip_mkdocs:
        # Inside `mkdocs build`, time the hook's generator re-run and the Pagefind step apart.
        inner = measure.Recorder()
        for module, attr, name in ((site_build, "build_site", "hook generator"), (pf, "apply", "pagefind")):
            original = getattr(module, attr)

            def timed(*a, _o=original, _n=name, **k):
                t0, c0 = time.perf_counter(), measure.cpu_seconds()
                try:
                    return _o(*a, **k)
                finally:
                    row = inner.stages.setdefault(_n, {"seconds": 0.0, "cpu": 0.0})
                    row["seconds"] += time.perf_counter() - t0
                    row["cpu"] += measure.cpu_seconds() - c0

            setattr(module, attr, timed)
        info = mkdocs_build(root / "mkdocs.yml", rec, search)
        if search == "pagefind" and "pagefind" not in inner.stages:
            # The project's hook does not call the switch (yet): do what its on_post_build would.
            rec.mark("pagefind")
            pf.apply(Path(info["site_dir"]))
            rec.stop()
            info["pagefind_bytes"] = dir_bytes(Path(info["site_dir"]) / "pagefind")
            info["pagefind_called_by"] = "benchmark (hook has no on_post_build call)"
        else:
            info["pagefind_called_by"] = "hook" if search == "pagefind" else ""
        out["stages"].update(rec.stages)
        for name, row in inner.stages.items():
            out["stages"][name] = {**out["stages"].get(name, {}), **row}
            out["stages"]["mkdocs"]["seconds"] -= row["seconds"]
            out["stages"]["mkdocs"]["cpu"] -= row["cpu"]
        out["mkdocs"] = info
    return out


def run_baseline(reports_dir: Path, work: Path) -> dict:
    import baseline

    files = sorted(p for p in reports_dir.iterdir() if p.suffix in (".txt", ".md"))
    bdir = work / "baseline"
    if bdir.exists():
        shutil.rmtree(bdir)
    rec = measure.Recorder()
    rec.mark("baseline write")
    config_file = baseline.write_baseline_project(files, bdir)
    rec.stop()
    info = mkdocs_build(config_file, rec)
    return {"kind": "baseline", "memory": measure.METHOD, "reports": len(files),
            "stages": dict(rec.stages), "mkdocs": info}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=("site", "baseline"))
    ap.add_argument("reports", type=Path)
    ap.add_argument("work", type=Path)
    ap.add_argument("--skip-mkdocs", action="store_true")
    ap.add_argument("--edit", action="store_true", help="then edit one report and rebuild (edits REPORTS!)")
    ap.add_argument("--search", default="material", choices=("material", "pagefind"))
    args = ap.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    if args.mode == "site":
        out = run_site(args.reports, args.work, args.skip_mkdocs, args.edit, args.search)
    else:
        out = run_baseline(args.reports, args.work)
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
