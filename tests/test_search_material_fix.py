"""The search-worker patch (generator/site/search/material_fix.py) on the installed Material.

Material is pinned to the minor version the patch was written for (pyproject.toml); when
that pin moves, this test says whether the patch still applies.
"""

from __future__ import annotations

import re
import shutil
from importlib import resources
from pathlib import Path

import pytest

from generator.site.search.material_fix import patch_search_worker, phrase_js


def installed_workers() -> list[Path]:
    workers = resources.files("material") / "templates" / "assets" / "javascripts" / "workers"
    return sorted(Path(str(workers)).glob("search.*.min.js"))


@pytest.fixture
def built_site(tmp_path):
    """A site folder holding the installed Material's search worker, as MkDocs copies it."""
    workers = installed_workers()
    assert workers, "Material's search worker not found in the installed package"
    target = tmp_path / "assets" / "javascripts" / "workers"
    target.mkdir(parents=True)
    for worker in workers:
        shutil.copy(worker, target / worker.name)
    return tmp_path, workers


def test_patch_applies_to_the_installed_bundle_and_changes_only_the_loop_bound(built_site):
    site, originals = built_site
    assert patch_search_worker(site) == []
    for original in originals:
        before = original.read_text(encoding="utf-8")
        after = (site / "assets" / "javascripts" / "workers" / original.name).read_text(encoding="utf-8")
        # The phrase script goes in front (it wraps the worker's messages), once.
        assert after.startswith(phrase_js() + "\n") and after.count("self.pfPhrase = true") == 1
        after = after[len(phrase_js()) + 1:]
        assert len(after) == len(before) + 1  # one "<" became "<="
        at = next(i for i, (a, b) in enumerate(zip(before, after)) if a != b)
        assert after[:at] == before[:at] and after[at + 1:] == before[at:]
        assert after[at - 1:at + 1] == "<="
        # The loop that tries query slices now reaches the query's last character.
        loop = re.compile(r"for\(let (\w+)=(\w+)\+1;\1<=(\w+)\.length;\1\+\+\)\3\.slice\(\2,\1\)in ")
        found = loop.search(after)
        assert found and found.start() < at < found.end()


def test_patch_is_idempotent(built_site):
    site, originals = built_site
    assert patch_search_worker(site) == []
    once = {p.name: p.read_bytes() for p in (site / "assets" / "javascripts" / "workers").iterdir()}
    assert patch_search_worker(site) == []
    assert {p.name: p.read_bytes() for p in (site / "assets" / "javascripts" / "workers").iterdir()} == once


def test_unknown_worker_is_left_alone_with_a_problem(tmp_path):
    workers = tmp_path / "assets" / "javascripts" / "workers"
    workers.mkdir(parents=True)
    (workers / "search.0000.min.js").write_text("for(;;){}", encoding="utf-8")
    problems = patch_search_worker(tmp_path)
    assert len(problems) == 1 and "not recognised" in problems[0]
    assert (workers / "search.0000.min.js").read_text(encoding="utf-8") == "for(;;){}"
    assert patch_search_worker(tmp_path / "nowhere")  # no worker at all: said so
