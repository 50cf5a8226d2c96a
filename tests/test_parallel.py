"""Per-report work in worker processes (generator/parallel.py, site.yaml ``workers``):
the same files as one process, a failing job reported by this process, and no fork
where it is unsafe."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time

import pytest

from conftest import ROOT, copy_project
from generator import memo, parallel
from generator.config import ConfigError, load_config

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


_EXPORT = """
import json, sys
from generator import memo, parallel
from generator.export import export
runs = []
real = parallel.run
def spying(jobs, **options):
    out = real(jobs, **options)
    if out is not None:
        runs.append(len(out))
    return out
parallel.run = spying
export(sys.argv[1], sys.argv[2], sys.argv[3], cache=sys.argv[4] == "cache")
print(json.dumps({"runs": runs, "tables": {name: [t.loaded, t.misses] for name, t in memo._TABLES.items()
                                           if t.persistent}}))
"""


def _export_in_new_process(project, out, reports, cache: bool = False) -> dict:
    """``export`` in a fresh process (this one may run other tests' threads, where no worker
    is forked): the sizes of the runs that went to worker processes (``runs``) and, per
    persistent table, the entries read from the on-disk cache and computed (``tables``)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.run([sys.executable, "-c", _EXPORT, str(project), str(out), str(reports),
                           "cache" if cache else "-"], capture_output=True, text=True, timeout=600, env=env, cwd=project)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _tree(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_export_in_worker_processes_equals_one_process(tmp_path):
    reports = tmp_path / "reports"
    synth.write_corpus(reports, 80, include_corpus=False)
    (reports / "坏文件_2020.txt").write_bytes(b"\xff\xfe\x00garbage\x81")  # fails to parse in a worker
    project = copy_project(tmp_path)
    _set_workers(project, "1")
    assert _export_in_new_process(project, tmp_path / "alone", reports)["runs"] == []
    _set_workers(project, "2")
    runs = _export_in_new_process(project, tmp_path / "spread", reports)["runs"]
    assert runs and all(n >= parallel.MIN_JOBS for n in runs)  # occurrences and paragraph rows
    alone, spread = _tree(tmp_path / "alone"), _tree(tmp_path / "spread")
    assert spread == alone and len(alone) == 7
    assert len(spread["paragraphs.jsonl"].splitlines()) > 1000


def test_cache_written_by_worker_processes_is_read_back(tmp_path):
    reports = tmp_path / "reports"
    synth.write_corpus(reports, 80, include_corpus=False)
    project = copy_project(tmp_path)
    _set_workers(project, "2")
    cold = _export_in_new_process(project, tmp_path / "cold", reports, cache=True)
    tables = len([t for t, (_, computed) in cold["tables"].items() if computed])
    assert tables >= 5 and tables in cold["runs"]  # the cache's tables were written in two processes
    warm = _export_in_new_process(project, tmp_path / "warm", reports, cache=True)
    assert warm["tables"]["report"] == [80, 0] and warm["tables"]["occurrences"] == [80, 0]
    assert all(computed == 0 for _, computed in warm["tables"].values())
    assert _tree(tmp_path / "warm") == _tree(tmp_path / "cold")


def _fails_for_three(i: int) -> str:
    if i == 3:
        raise ValueError("bad report")
    return f"value {i}"


@pytest.fixture
def one_thread(monkeypatch):
    """As in a fresh process: other tests may leave threads running in this one."""
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 1)


def test_a_job_that_fails_in_a_worker_is_left_to_this_process(one_thread):
    parallel.use(2)
    table = memo.table("test-parallel")
    jobs = [(("k", i), lambda i=i: _fails_for_three(i)) for i in range(parallel.MIN_JOBS)]
    with memo.build():
        table.fill(jobs)
        assert table.misses == parallel.MIN_JOBS - 1  # computed in the workers
        assert table.get(("k", 5), lambda: "recomputed") == "value 5"
        with pytest.raises(ValueError, match="bad report"):  # raised here, where it is reported
            table.get(("k", 3), lambda: _fails_for_three(3))


def _dies_in_a_worker(i: int) -> str:
    if parallel._IN_WORKER and i % 2:
        os._exit(3)  # e.g. killed by the system for memory
    time.sleep(0.005)  # slow enough that the worker takes some of the jobs
    return f"value {i}"


def test_a_worker_that_dies_loses_no_result(one_thread, monkeypatch):
    parallel.use(2)
    forked: list[int] = []

    def fork() -> int:
        pid = real_fork()
        if pid:
            forked.append(pid)
        return pid

    real_fork = os.fork
    monkeypatch.setattr(parallel.os, "fork", fork)
    jobs = [lambda i=i: _dies_in_a_worker(i) for i in range(4 * parallel.MIN_JOBS)]
    results = parallel.run(jobs)
    assert results is not None and len(results) == len(jobs)
    # what the dead worker took comes back as failed (the caller computes it again); the rest is right
    assert all(value == f"value {i}" for i, (ok, value) in enumerate(results) if ok)
    assert all(value is None for ok, value in results if not ok)
    assert not all(ok for ok, _ in results)  # the worker took (and lost) some
    assert len(forked) == 1
    with pytest.raises(ChildProcessError):  # the worker was waited for: no zombie is left
        os.waitpid(forked[0], os.WNOHANG)
    table = memo.table("test-parallel-died")
    with memo.build():
        table.fill([(("k", i), job) for i, job in enumerate(jobs)])
        assert [table.get(("k", i), job) for i, job in enumerate(jobs)] == [f"value {i}" for i in range(len(jobs))]


def test_no_workers_while_other_threads_run_or_for_few_jobs(monkeypatch):
    parallel.use(2)
    with monkeypatch.context() as m:
        m.setattr(parallel.threading, "active_count", lambda: 1)
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
