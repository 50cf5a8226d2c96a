"""Shared fixtures: project paths, the seeds, and the optional shared corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

# Browser fixtures (one Chromium per session, shared by every browser test module:
# Playwright's sync API allows a single running instance per thread).
pytest_plugins = ["browser_support"]

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus" / "nmg"

SEED_FILES = {
    "etuoke": SEEDS / "2024-etuoke-qi.txt",  # 000 鄂托克旗 2024
    "wulanchabu": SEEDS / "2024-wulanchabu-shi.txt",  # 001 乌兰察布市 2024
    "neimenggu": SEEDS / "2024-neimenggu-zizhiqu.txt",  # 002 内蒙古自治区 2024
    "xilinguole": SEEDS / "2024-xilinguole-meng.txt",  # 003 锡林郭勒盟 2024
    "yuquan": SEEDS / "2022-yuquan-qu.txt",  # 004 玉泉区 2022
}


def copy_project(tmp_path: Path, *extra: str) -> Path:
    """A copy of the project's inputs (site_config/, seeds/, docs_src/ and ``extra`` files) in
    ``tmp_path/project``, for tests that edit them or build into it."""
    folder = tmp_path / "project"
    folder.mkdir()
    for name in ("site_config", "seeds", "docs_src"):
        shutil.copytree(ROOT / name, folder / name)
    for name in extra:
        shutil.copy(ROOT / name, folder / name)
    return folder


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.md")) if CORPUS.is_dir() else []


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def corpus() -> list[Path]:
    files = corpus_files()
    if not files:
        pytest.skip(f"shared corpus not found at {CORPUS}")
    return files
