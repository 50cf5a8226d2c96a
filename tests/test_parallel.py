"""Per-report work in worker processes (generator/parallel.py, site.yaml ``workers``):
the same files as one process, a failing job reported by this process, and no fork
where it is unsafe."""

from __future__ import annotations

import re
import sys
import threading

import pytest

from conftest import ROOT, copy_project
from generator import memo, parallel
from generator.config import ConfigError, load_config
from generator.export import export

sys.path.insert(0, str(ROOT / "benchmarks"))
import synth  # noqa: E402

pytestmark = pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(),
                                reason="worker processes need fork")


@pytest.fixture(autouse=True)
def fresh_memo():
    memo.clear()
    yield
    memo.clear()
    parallel.use(1)


def _set_workers(project, value: str) -> None:
    path = project / "site_config" / "site.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^workers:.*$", f"workers: {value}", text), encoding="utf-8")


def _spy(monkeypatch) -> list[int]:
    """Number of jobs of each run that really went to worker processes."""
    runs: list[int] = []
    real = parallel.run

    def spying(jobs):
        out = real(jobs)
        if out is not None:
            runs.append(len(out))
        return out

    monkeypatch.setattr(parallel, "run", spying)
    return runs


def test_export_in_worker_processes_equals_one_process(tmp_path, monkeypatch):
    reports = tmp_path / "reports"
    synth.write_corpus(reports, 80, include_corpus=False)
    project = copy_project(tmp_path)
    _set_workers(project, "1")
    runs = _spy(monkeypatch)
    alone = export(project, tmp_path / "alone", reports)
    assert runs == []
    memo.clear()
    _set_workers(project, "2")
    spread = export(project, tmp_path / "spread", reports)
    assert runs and all(n >= parallel.MIN_JOBS for n in runs)  # occurrences and paragraph rows
    assert spread == alone
    assert len(spread["paragraphs.jsonl"].splitlines()) > 1000


def _fails_for_three(i: int) -> str:
    if i == 3:
        raise ValueError("bad report")
    return f"value {i}"


def test_a_job_that_fails_in_a_worker_is_left_to_this_process():
    parallel.use(2)
    table = memo.table("test-parallel")
    jobs = [(("k", i), lambda i=i: _fails_for_three(i)) for i in range(parallel.MIN_JOBS)]
    with memo.build():
        table.fill(jobs)
        assert table.misses == parallel.MIN_JOBS - 1  # computed in the workers
        assert table.get(("k", 5), lambda: "recomputed") == "value 5"
        with pytest.raises(ValueError, match="bad report"):  # raised here, where it is reported
            table.get(("k", 3), lambda: _fails_for_three(3))


def test_no_workers_while_other_threads_run_or_for_few_jobs():
    parallel.use(2)
    assert parallel.workers_for(parallel.MIN_JOBS) == 2
    assert parallel.workers_for(parallel.MIN_JOBS - 1) == 1  # an edit under serve: one report
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert parallel.workers_for(1000) == 1  # e.g. mkdocs serve's live-reload server
        assert parallel.run([lambda: 1] * 1000) is None
    finally:
        stop.set()
        thread.join()


def test_workers_setting_is_checked(tmp_path):
    project = copy_project(tmp_path)
    _set_workers(project, "-1")
    with pytest.raises(ConfigError, match="workers -1 is below 0"):
        load_config(project)
    _set_workers(project, "yes")
    with pytest.raises(ConfigError, match="workers"):
        load_config(project)
