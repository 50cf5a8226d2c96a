"""`python -m generator check` and `terms --candidates`, run as a user runs them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SEED_FILES

GOOD = """\
- term: 两个确立
  definition: 两项政治判断的合称。
  source: 测试来源（2021）
- term: 两个维护
  aliases: [坚决做到两个维护]
  definition: 两项政治要求的合称。
  source: 测试来源（2018）
"""


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(root), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.fixture()
def project(tmp_path: Path):
    """A project folder with one seed report; the test writes its glossary.yaml."""
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED_FILES["etuoke"], tmp_path / "seeds")
    (tmp_path / "site_config").mkdir()

    def write(text: str) -> Path:
        (tmp_path / "site_config" / "glossary.yaml").write_text(text, encoding="utf-8")
        return tmp_path

    return write


def test_shipped_glossary_passes(root):
    result = run(root, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout


def test_clean_glossary_passes(project):
    result = run(project(GOOD), "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_duplicate_term(project):
    text = GOOD + "- term: “两个 确立”\n  definition: 又一个定义。\n  source: 测试（2022）\n"
    result = run(project(text), "check")
    assert result.returncode == 1
    assert "site_config/glossary.yaml:8: error: duplicate term '“两个 确立”'" in result.stdout
    assert "line 1" in result.stdout


def test_alias_shared_by_two_terms(project):
    text = GOOD + ("- term: 政治要求\n  aliases:\n    - 政治纪律\n    - “坚决做到”两个维护\n"
                   "  definition: 对党员的要求。\n  source: 测试（2020）\n")
    result = run(project(text), "check")
    assert result.returncode == 1
    assert ("site_config/glossary.yaml:11: error: alias '“坚决做到”两个维护' is shared by '两个维护' (line 5)"
            in result.stdout)


def test_alias_naming_another_term(project):
    text = GOOD + "- term: 四下基层\n  aliases: [两个确立]\n  definition: 工作方法。\n  source: 测试（2023）\n"
    result = run(project(text), "check")
    assert result.returncode == 1
    assert "site_config/glossary.yaml:9: error: alias '两个确立' of '四下基层' is the term '两个确立'" in result.stdout


def test_unused_term_is_a_warning_only(project):
    text = GOOD + "- term: 不存在的术语甲\n  definition: 报告里没有这个词。\n  source: 测试（2024）\n"
    result = run(project(text), "check")
    assert result.returncode == 0
    assert ("site_config/glossary.yaml:8: warning: curated term '不存在的术语甲' is not used by any report"
            in result.stdout)


def test_every_missing_definition_is_reported_not_just_the_first(project):
    text = GOOD + ("- term: 甲术语\n  source: 测试（2024）\n"
                   "- term: 乙术语\n  definition: \"\"\n  source: 测试（2024）\n"
                   "- term: 丙术语\n  definition: 有定义。\n  colour: red\n")
    result = run(project(text), "check")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "site_config/glossary.yaml:8: error: glossary entry '甲术语' has no definition" in result.stdout
    assert "site_config/glossary.yaml:10: error: glossary entry '乙术语' has no definition" in result.stdout
    assert "site_config/glossary.yaml:13: error: glossary entry '丙术语' has no source note" in result.stdout
    assert "site_config/glossary.yaml:15: error: unknown key 'colour'" in result.stdout
    assert all(line.startswith("site_config/glossary.yaml:") for line in lines)


def test_other_config_errors_are_reported_with_file_and_line(project):
    root = project(GOOD)
    (root / "site_config" / "site.yaml").write_text("link_policy: sometimes\n", encoding="utf-8")
    result = run(root, "check")
    assert result.returncode == 1
    assert "site_config/site.yaml:1: error: link_policy 'sometimes' is not known" in result.stdout


def test_yaml_syntax_error(project):
    result = run(project("- term: [unclosed\n"), "check")
    assert result.returncode == 1
    assert result.stdout.startswith("site_config/glossary.yaml:")
    assert "Traceback" not in result.stderr


def test_candidates_command_lists_quoted_and_numeral_phrases(project):
    result = run(project(GOOD), "terms", "--candidates", "--limit", "400")
    assert result.returncode == 0, result.stderr
    rows = [line.split() for line in result.stdout.splitlines()[1:]]
    phrases = [row[1] for row in rows]
    counts = [int(row[0]) for row in rows]
    assert counts == sorted(counts, reverse=True)
    assert "多多评" in phrases  # quoted “多多评” (3 times in the report)
    assert "两个确立" not in phrases and "两个维护" not in phrases  # already in the glossary
    assert "四个就近" not in phrases  # the report's own 名词解释 defines it
    assert "八个示范" in phrases  # quoted numeral formula
    assert rows[phrases.index("多多评")][0] == "3"
