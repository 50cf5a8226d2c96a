"""Memo entries are never changed once stored (generator/memo.py): making slugs unique
copies the reports it renames or warns about instead of changing the cached ones."""

from __future__ import annotations

import copy

from generator import memo
from generator.ingest import load_reports
from generator.text import unique_name

REPORT = "鄂托克旗2024年政府工作报告\n\n一、工作回顾\n\n过去一年，我们推进了各项工作。\n"


def test_unique_slugs_leave_cached_reports_unchanged(tmp_path):
    memo.clear()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = tmp_path / "a" / "r.txt", tmp_path / "b" / "R.txt"
    first.write_text(REPORT, encoding="utf-8")
    second.write_text(REPORT, encoding="utf-8")
    with memo.build():
        reports, _ = load_reports([first, second], None)
    cached = {id(v[0]): copy.deepcopy(v[0]) for v in memo.table("report")._data.values()}
    assert sorted(r.slug for r in reports) == ["r", "r-2"]
    stored = [v[0] for v in memo.table("report")._data.values()]
    assert sorted(r.slug for r in stored) == ["r", "r"]  # as parsed, both
    assert all(not any("already used" in d.message for d in r.diagnostics) for r in stored)
    with memo.build():  # a rebuild gives the same result and changes nothing stored
        again, _ = load_reports([first, second], None)
    assert [(r.slug, r.diagnostics) for r in again] == [(r.slug, r.diagnostics) for r in reports]
    assert all(copy.deepcopy(v[0]) == cached[id(v[0])] for v in memo.table("report")._data.values())


def test_unique_name():
    used = {"a", "a-2", "b"}
    assert unique_name("a", used) == "a-3" and "a-3" in used
    assert unique_name("c", used) == "c"
    counters: dict[str, int] = {}
    names = [unique_name("x", used, counters) for _ in range(4)]
    assert names == ["x", "x-2", "x-3", "x-4"]
