"""The scale benchmark runs end to end on the seeds, the corpus and a small synthetic corpus.

It checks that every stage was measured and printed — not how fast anything was.
"""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import CORPUS, ROOT

STAGES = ("parse", "glossary linking", "page generation (render + write Markdown)",
          "**generator total (cold)**", "MkDocs build", "**full site** (generator + MkDocs)",
          "baseline: plain MkDocs, same texts")


def test_benchmark_prints_every_stage_for_every_input(tmp_path):
    out = tmp_path / "bench.json"
    cmd = [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--input", "seeds", "--input", "corpus",
           "--input", "synthetic", "--n", "6", "--json", str(out), "--work", str(tmp_path / "work")]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=1500)
    assert proc.returncode == 0, proc.stderr[-3000:]
    rows = [line.split("|") for line in proc.stdout.splitlines() if line.startswith("| ")]
    table = {(cells[1].strip(), cells[3].strip()): cells for cells in rows[1:]}
    inputs = ["seeds", "synthetic"] + (["corpus"] if CORPUS.is_dir() else [])
    for name in inputs:
        for stage in STAGES:
            assert (name, stage) in table, f"no row for {name} / {stage}:\n{proc.stdout}"
            cells = table[(name, stage)]
            assert cells[4].strip() and cells[5].strip(), f"no wall or CPU time for {name} / {stage}"
            assert cells[6].strip(), f"no peak memory for {name} / {stage}"
            assert cells[7].strip().endswith("×"), f"no ratio to the baseline for {name} / {stage}"
    assert ("synthetic", "incremental: one-report edit") in table
    if not CORPUS.is_dir():
        assert "corpus: skipped" in proc.stderr

    data = json.loads(out.read_text(encoding="utf-8"))
    by_input = {e["input"]: e for e in data["inputs"]}
    assert by_input["synthetic"]["site"]["reports"] == 6  # six distinct report pages
    assert by_input["seeds"]["site"]["reports"] == 5
    assert by_input["synthetic"]["site"]["incremental"]["written"] >= 1
