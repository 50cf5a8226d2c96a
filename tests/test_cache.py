"""The on-disk cache (site.yaml ``cache_dir``, generator/memo_store.py): a later run of
``export``/``build`` reuses what an earlier process computed, redoes only the reports
that changed, and writes the same bytes as a run without any cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_project
from generator import memo
from generator.export import export
from generator.ingest import parse as parse_module
from generator.memo_store import code_version
from generator.site.build import build_site


@pytest.fixture(autouse=True)
def fresh_memo():
    memo.clear()
    memo.persist(None)
    yield
    memo.clear()
    memo.persist(None)


def _new_process() -> None:
    """What a new ``python -m generator`` process starts with: an empty memo."""
    memo.clear()


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _count_parses(monkeypatch) -> list[str]:
    parsed: list[str] = []
    real = parse_module.parse_report

    def counting(path, *args, **kwargs):
        parsed.append(Path(path).name)
        return real(path, *args, **kwargs)

    from generator.ingest import load
    monkeypatch.setattr(load, "parse_report", counting)
    return parsed


def test_export_with_cache_equals_export_without(tmp_path):
    project = copy_project(tmp_path)
    plain = export(project, tmp_path / "plain")
    assert not (project / "build" / "cache").exists()  # library calls keep nothing on disk
    _new_process()
    first = export(project, tmp_path / "first", cache=True)
    assert (project / "build" / "cache" / code_version()).is_dir()
    _new_process()
    second = export(project, tmp_path / "second", cache=True)
    assert first == plain and second == plain
    assert _tree(tmp_path / "second") == _tree(tmp_path / "plain")


def test_second_run_parses_only_the_edited_report(tmp_path, monkeypatch):
    project = copy_project(tmp_path)
    export(project, tmp_path / "a", cache=True)
    parsed = _count_parses(monkeypatch)
    _new_process()
    export(project, tmp_path / "b", cache=True)
    assert parsed == []  # every report came from the cache
    seed = project / "seeds" / "2022-yuquan-qu.txt"
    text = seed.read_text(encoding="utf-8")
    assert "现在,我代表区人民政府" in text
    seed.write_text(text.replace("现在,我代表区人民政府", "补记一段新的文字。现在,我代表区人民政府", 1), encoding="utf-8")
    _new_process()
    files = export(project, tmp_path / "c", cache=True)
    assert parsed == ["2022-yuquan-qu.txt"]
    assert "补记一段新的文字。".encode() in files["paragraphs.jsonl"]
    _new_process()
    assert export(project, tmp_path / "d") == files  # the same as a cold run of the edited inputs


def test_site_build_with_cache_is_byte_identical(tmp_path):
    project = copy_project(tmp_path)
    assert build_site(project, out_dir=tmp_path / "cold", echo=False).ok
    _new_process()
    assert build_site(project, out_dir=tmp_path / "fill", echo=False, cache=True).ok
    _new_process()
    assert build_site(project, out_dir=tmp_path / "warm", echo=False, cache=True).ok
    assert _tree(tmp_path / "warm") == _tree(tmp_path / "cold")


def test_damaged_entry_is_recomputed(tmp_path, monkeypatch):
    project = copy_project(tmp_path)
    good = export(project, tmp_path / "a", cache=True)
    packs = sorted((project / "build" / "cache" / code_version() / "report").glob("*.pack"))
    assert len(packs) == 1  # one file for the whole table, not one per report
    packs[0].write_bytes(packs[0].read_bytes()[:40])  # cut short, as by a full disk
    parsed = _count_parses(monkeypatch)
    _new_process()
    assert export(project, tmp_path / "b", cache=True) == good
    assert len(parsed) == 5  # every report parsed again, and the pack written anew
    parsed.clear()
    _new_process()
    assert export(project, tmp_path / "c", cache=True) == good
    assert parsed == []


def test_other_code_versions_are_removed_and_empty_setting_keeps_nothing(tmp_path):
    project = copy_project(tmp_path)
    stale = project / "build" / "cache" / "0123456789abcdef0123"
    (stale / "report").mkdir(parents=True)
    (stale / "report" / "1.pack").write_bytes(b"old")
    export(project, tmp_path / "a", cache=True)
    assert not stale.exists()
    assert (project / "build" / "cache" / code_version()).is_dir()

    (tmp_path / "other").mkdir()
    other = copy_project(tmp_path / "other")
    site_yaml = other / "site_config" / "site.yaml"
    text = site_yaml.read_text(encoding="utf-8")
    assert "\ncache_dir: build/cache\n" in text
    site_yaml.write_text(text.replace("\ncache_dir: build/cache\n", '\ncache_dir: ""\n'), encoding="utf-8")
    _new_process()
    export(other, tmp_path / "b", cache=True)
    assert not (other / "build").exists()
