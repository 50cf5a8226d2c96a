"""The page-count floor: what the site's required page set costs in MkDocs before any content.

Builds, each as a fresh ``mkdocs build`` subprocess (CPU = user + system of the build
and its children, best of ``--repeat``):

(a) the baseline (baseline.py): the report texts as plain pages, the project's theme
    language and search options (Material, ``language: zh``, search ``lang: zh`` with jieba);
(b) the same project plus K near-empty pages (a title and one short Chinese sentence),
    with the seed site's navigation shape: top-level sections 首页 / 报告 (with 按年份) /
    地区 / 专题 / 术语表 (index pages, term pages grouped by initial) and one page outside
    the nav (``not_in_nav``);
(b') (b) with the project's ``theme.features`` and ``markdown_extensions`` added (tabs,
    prune, ...), as our site is built (options given as python tags, such as the toc
    ``slugify``, left at their defaults).

K defaults to 142 (the seed site's 147 generated files minus the 5 reports). It prints
both ratios over (a): the floor for "full seeds site <= 1.5x plain MkDocs" before any
content and before the generator's own time; (b') is the floor with our site's settings
(``navigation.prune`` makes it cheaper than (b): each page renders only its own section).

    python benchmarks/page_floor.py [--reports seeds] [--k 142] [--repeat 3] [--work DIR]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import baseline  # noqa: E402

REPO = baseline.REPO
SENTENCE = "本页为占位页面，仅用于测量页面数量的开销。"
# Fixed pages of the seed site's shape besides the term pages (see build/nav.yml).
SHAPE = {"years": 2, "regions": 7, "topics": 13}
LETTERS = "BCDFGHJKLMQSTWXYZ"


def _page(docs: Path, rel: str, title: str) -> str:
    path = docs / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"# {title}\n\n{SENTENCE}\n", encoding="utf-8")
    return rel


def _section(docs: Path, folder: str, title: str, count: int) -> tuple[list, int]:
    items: list = [_page(docs, f"{folder}/index.md", title)]
    items += [{f"{title}{i + 1}": _page(docs, f"{folder}/p{i:03d}.md", f"{title}{i + 1}")} for i in range(count)]
    return items, count + 1


def _without_tags(value):
    """An extension entry without the options the tag-blind loader read as None (python tags)."""
    if isinstance(value, dict):
        return {k: _without_tags(v) for k, v in value.items() if v is not None}
    return value


def add_floor_pages(config_file: Path, k: int, features: bool) -> int:
    """Add K near-empty pages and the seed site's nav shape to a baseline project; return pages added."""
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    docs = Path(config["docs_dir"])
    reports = sorted(p.relative_to(docs).as_posix() for p in (docs / "reports").glob("r*.md"))
    years, n_years = _section(docs, "years", "年份", SHAPE["years"])
    regions, n_regions = _section(docs, "regions", "地区", SHAPE["regions"])
    topics, n_topics = _section(docs, "topics", "专题", SHAPE["topics"])
    glossary = [_page(docs, "glossary/index.md", "术语表"),
                {"按类别": _page(docs, "glossary/categories.md", "按类别")},
                {"按数字": _page(docs, "glossary/numerals.md", "按数字")}]
    reports_index = _page(docs, "reports/index.md", "报告")
    about = _page(docs, "about/index.md", "关于")
    hidden = _page(docs, "about/candidates.md", "候选术语")
    added = n_years + n_regions + n_topics + len(glossary) + 3
    terms = max(0, k - added)
    per = -(-terms // len(LETTERS)) if terms else 1
    for start in range(0, terms, per):
        group = [{f"术语{i + 1}": _page(docs, f"glossary/t{i:04d}.md", f"术语{i + 1}")}
                 for i in range(start, min(terms, start + per))]
        glossary.append({LETTERS[start // per]: group})
    config["nav"] = [{"首页": "index.md"},
                     {"报告": [reports_index] + [{f"报告{i + 1}": rel} for i, rel in enumerate(reports)]
                      + [{"按年份": years}]},
                     {"地区": regions}, {"专题": topics}, {"术语表": glossary}, {"关于": about}]
    config["not_in_nav"] = f"/{hidden}\n"
    if features:
        project = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=baseline._AnyTagLoader)
        config["theme"]["features"] = list((project.get("theme") or {}).get("features") or [])
        config["markdown_extensions"] = [_without_tags(e) for e in project.get("markdown_extensions") or []]
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return added + terms


def build_cpu(config_file: Path) -> float:
    """CPU seconds (user + sys, children included) of one fresh ``mkdocs build`` subprocess."""
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file)],
                            cwd=str(REPO), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if proc.returncode:
        raise SystemExit(f"mkdocs build failed ({config_file}):\n{err}")
    return usage.ru_utime + usage.ru_stime


def best_of(config_file: Path, repeat: int) -> float:
    return min(build_cpu(config_file) for _ in range(repeat))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=Path, default=REPO / "seeds")
    ap.add_argument("--k", type=int, default=142, help="near-empty pages added (default 142)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--work", type=Path, help="keep the projects here (default: a temp folder)")
    args = ap.parse_args(argv)
    files = sorted(p for p in args.reports.iterdir() if p.suffix in (".txt", ".md"))
    with tempfile.TemporaryDirectory(prefix="page_floor_") as tmp:
        work = args.work or Path(tmp)
        configs = {name: baseline.write_baseline_project(files, work / name) for name in ("a", "b", "bf")}
        added = add_floor_pages(configs["b"], args.k, features=False)
        add_floor_pages(configs["bf"], args.k, features=True)
        cpu = {name: best_of(path, args.repeat) for name, path in configs.items()}
    pages = len(files) + 1
    print(f"CPU seconds, best of {args.repeat} fresh `mkdocs build` subprocesses ({len(files)} reports)")
    rows = [("(a)  baseline", pages, cpu["a"]),
            (f"(b)  + {added} near-empty pages, seed-site nav", pages + added, cpu["b"]),
            ("(b') (b) + project theme features, extensions", pages + added, cpu["bf"])]
    for label, count, seconds in rows:
        print(f"{label:48s} {count:4d} pages  {seconds:6.2f} s  {seconds / cpu['a']:.2f}x")
    print(f"per added page: {(cpu['b'] - cpu['a']) / added * 1000:.1f} ms (b), "
          f"{(cpu['bf'] - cpu['a']) / added * 1000:.1f} ms (b')")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
