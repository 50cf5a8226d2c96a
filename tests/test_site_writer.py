"""The incremental, atomic writer of the docs folder."""

from __future__ import annotations

import os

import pytest

from generator.site.writer import write_if_changed, write_tree


def _snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_second_write_changes_nothing(tmp_path):
    files = {"index.md": "# 首页\n", "reports/a.md": "甲\n", "assets/x.bin": b"\x00\x01"}
    first = write_tree(tmp_path, files)
    assert (first.written, first.unchanged, first.deleted) == (3, 0, 0)
    mtimes = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}
    second = write_tree(tmp_path, files)
    assert (second.written, second.unchanged, second.deleted) == (0, 3, 0)
    assert mtimes == {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}


def test_only_changed_files_are_written_and_stale_ones_deleted(tmp_path):
    (tmp_path / ".gitignore").write_text("*\n!.gitignore\n")
    write_tree(tmp_path, {"index.md": "一", "reports/a.md": "甲", "reports/b.md": "乙"})
    result = write_tree(tmp_path, {"index.md": "一", "reports/a.md": "甲（改）"})
    assert (result.written, result.unchanged, result.deleted) == (1, 1, 1)
    assert _snapshot(tmp_path) == {".gitignore": b"*\n!.gitignore\n", "index.md": "一".encode(),
                                   "reports/a.md": "甲（改）".encode()}
    result = write_tree(tmp_path, {"index.md": "一"})
    assert result.deleted == 1 and not (tmp_path / "reports").exists()
    assert (tmp_path / ".gitignore").exists()


def test_no_temp_files_left_and_failed_write_keeps_old_content(tmp_path, monkeypatch):
    write_tree(tmp_path, {"a.md": "旧"})

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_if_changed(tmp_path / "a.md", "新".encode())
    monkeypatch.undo()
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "旧"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]


@pytest.mark.parametrize("bad", ["../escape.md", "/abs.md", "a/../../b.md"])
def test_paths_stay_inside_the_output(tmp_path, bad):
    with pytest.raises(ValueError):
        write_tree(tmp_path / "out", {bad: "x"})
