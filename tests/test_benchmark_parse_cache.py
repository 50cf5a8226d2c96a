"""The opt-in parse cache (generator/ingest/cache.py) returns exactly what parsing returns."""

from __future__ import annotations

import shutil

from conftest import ROOT, SEEDS
from generator.config import load_config
from generator.ingest import load_reports
from generator.ingest.cache import SUFFIX, load_reports_cached
from generator.ingest.regions import RegionRegistry


def _json(result):
    reports, diagnostics = result
    return [r.to_json() for r in reports], [d.to_json() for d in diagnostics]


def test_cache_hits_equal_a_fresh_parse_and_edits_miss(tmp_path):
    config = load_config(ROOT, region_exists=RegionRegistry.exists_in_dataset)
    folder = tmp_path / "reports"
    shutil.copytree(SEEDS, folder)
    cache = tmp_path / "cache"
    fresh = _json(load_reports(folder, config))
    assert _json(load_reports_cached(folder, config, cache)) == fresh  # cold: parses and stores
    assert len(list(cache.glob("*" + SUFFIX))) == len(list(folder.iterdir()))
    assert _json(load_reports_cached(folder, config, cache)) == fresh  # warm: every file from the cache

    edited = folder / "2024-etuoke-qi.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("鄂托克", "鄂托克", 1) + "\n补记一段。\n",
                      encoding="utf-8")
    again = _json(load_reports_cached(folder, config, cache))
    assert again == _json(load_reports(folder, config))
    assert again != fresh
    assert len(list(cache.glob("*" + SUFFIX))) == len(list(folder.iterdir()))  # the old entry is gone


def test_unreadable_entries_are_reparsed(tmp_path):
    config = load_config(ROOT, region_exists=RegionRegistry.exists_in_dataset)
    cache = tmp_path / "cache"
    load_reports_cached(SEEDS, config, cache)
    for entry in cache.glob("*" + SUFFIX):
        entry.write_bytes(b"not a pickle")
    assert _json(load_reports_cached(SEEDS, config, cache)) == _json(load_reports(SEEDS, config))
