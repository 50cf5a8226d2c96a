"""Guarantees of the whole build: deterministic, atomic, and whole on the real corpus.

- Determinism: two builds of the same input are byte-identical, whatever the hash
  seed, the time zone, or the order the report files were created in.
- Atomic output: a build that fails half-way through writing a page leaves every
  page as it was and no temp file; the next build is correct.
- The real corpus (../shared/corpus/nmg, skipped when absent): every report builds
  with no error, keeps every character (fidelity.py), and shows it on its page.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys

import markdown
import pytest
from mkdocs.config import load_config as load_mkdocs_config

from conftest import ROOT, SEED_FILES
from generator.config import load_config
from generator.ingest import check_fidelity, load_reports
from generator.ingest.read import read_source
from generator.site.render import urls
from generator.site.build import build_site
from test_robust_text import assert_text_shown_and_inert

MKDOCS = load_mkdocs_config(str(ROOT / "mkdocs.yml"))


def _project(folder):
    folder.mkdir(parents=True)
    for name in ("site_config", "docs_src"):
        shutil.copytree(ROOT / name, folder / name)
    return folder


def _snapshot(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --------------------------------------------------------------------------- determinism


def _build_in(project, file_order, env: dict) -> subprocess.CompletedProcess:
    """Copy the seeds (plus a second report of 鄂托克旗 2024) in ``file_order`` and build."""
    reports = project / "reports"
    reports.mkdir()
    sources = {p.name: p for p in SEED_FILES.values()}
    sources["etuoke-again.txt"] = SEED_FILES["etuoke"]
    for name in file_order(sorted(sources)):
        shutil.copy(sources[name], reports / name)
    run_env = dict(os.environ, PYTHONPATH=str(ROOT), **env)
    return subprocess.run([sys.executable, "-m", "generator", "--root", ".", "build", "--reports", "reports",
                           "--out", "docs"], cwd=project, env=run_env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    base = tmp_path_factory.mktemp("determinism")
    a, b = _project(base / "a"), _project(base / "b")
    first = _build_in(a, list, {"PYTHONHASHSEED": "1", "TZ": "UTC"})
    second = _build_in(b, lambda names: list(reversed(names)), {"PYTHONHASHSEED": "4242", "TZ": "Asia/Shanghai"})
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    return a, b, first, second


def test_two_builds_are_byte_identical(two_builds):
    a, b, *_ = two_builds
    docs_a, docs_b = _snapshot(a / "docs"), _snapshot(b / "docs")
    assert len(docs_a) > 50 and "reports/etuoke-again.md" in docs_a
    assert sorted(docs_a) == sorted(docs_b)
    differ = [name for name in docs_a if docs_a[name] != docs_b[name]]
    assert not differ, differ
    build_a, build_b = _snapshot(a / "build"), _snapshot(b / "build")
    cache = [name for name in build_a if name.startswith("cache/")]
    assert cache and any(n.startswith("cache/") for n in build_b)
    # The cache is not output: its keys name the project's folder, and a set pickles in hash
    # order, which PYTHONHASHSEED changes (tests/test_cache.py checks that it changes no output).
    assert {n: v for n, v in build_a.items() if n not in cache} == {
        n: v for n, v in build_b.items() if not n.startswith("cache/")}  # nav.yml, jieba dictionary


def test_build_messages_are_in_a_stable_order(two_builds):
    *_, first, second = two_builds
    assert first.stderr == second.stderr


def test_output_holds_no_build_date(two_builds):
    a, *_ = two_builds
    today = datetime.date.today()
    stamps = (today.isoformat(), f"{today.year}年{today.month}月{today.day}日")
    dated = [name for name, data in _snapshot(a / "docs").items()
             if any(s.encode("utf-8") in data for s in stamps)]
    assert not dated


# --------------------------------------------------------------------------- atomic output


class _DiskFull:
    """A file object that writes half of what it is given, then fails."""

    def __init__(self, handle):
        self.handle = handle

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.handle.close()

    def write(self, data):
        self.handle.write(data[: len(data) // 2])
        self.handle.flush()
        raise OSError(28, "No space left on device")


def test_interrupted_build_leaves_no_half_page(tmp_path, monkeypatch):
    project = _project(tmp_path / "project")
    reports, out = tmp_path / "reports", tmp_path / "out"
    reports.mkdir()
    for path in SEED_FILES.values():
        shutil.copy(path, reports / path.name)
    assert build_site(project, reports_dir=reports, out_dir=out, echo=False).ok
    before = _snapshot(out)

    edited = reports / SEED_FILES["etuoke"].name  # a change that rewrites this report's page and more
    edited.write_text(edited.read_text(encoding="utf-8") + "\n新增的一段：加快建设现代化产业体系。\n", encoding="utf-8")
    real_fdopen = os.fdopen
    failed = []

    def fdopen(fd, *args, **kwargs):
        handle = real_fdopen(fd, *args, **kwargs)
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(out)):
            failed.append(os.readlink(f"/proc/self/fd/{fd}"))
            return _DiskFull(handle)
        return handle

    monkeypatch.setattr(os, "fdopen", fdopen)
    with pytest.raises(OSError, match="No space left"):
        build_site(project, reports_dir=reports, out_dir=out, echo=False)
    monkeypatch.undo()
    assert failed, "the build wrote nothing, so nothing was interrupted"
    assert _snapshot(out) == before  # every page whole, as before; no temp file anywhere

    again = build_site(project, reports_dir=reports, out_dir=out, echo=False)
    fresh = tmp_path / "fresh"
    build_site(project, reports_dir=reports, out_dir=fresh, echo=False)
    assert again.ok and _snapshot(out) == _snapshot(fresh)
    assert "加快建设现代化产业体系" in (out / urls.report_page("2024-etuoke-qi")).read_text(encoding="utf-8")


# --------------------------------------------------------------------------- the real corpus


@pytest.mark.corpus
def test_whole_corpus_builds_with_full_fidelity(corpus, tmp_path):
    project = _project(tmp_path / "project")
    result = build_site(project, reports_dir=corpus[0].parent, out_dir=tmp_path / "out", echo=False)
    errors = [d.format() for d in result.diagnostics if d.severity == "error"]
    assert not errors, errors[:10]
    assert result.ok

    reports, _ = load_reports(corpus, load_config(project))
    assert len(reports) == len(corpus) == 95
    pages = {page.path: page.content for page in result.pages}
    md = markdown.Markdown(extensions=MKDOCS["markdown_extensions"], extension_configs=MKDOCS["mdx_configs"])
    lost, unshown = {}, {}
    for report in reports:
        source = read_source(report.source).text
        problems = check_fidelity(source, report)
        if problems:
            lost[report.source] = problems
        path = urls.report_page(report.slug)
        assert (tmp_path / "out" / path).is_file(), report.source
        md.reset()
        try:  # every non-whitespace character shown or recorded; no markup from the text
            assert_text_shown_and_inert(source, report, md.convert(pages[path]))
        except AssertionError as err:
            unshown[report.source] = str(err)[:300]
    assert not lost, lost
    assert not unshown, unshown
