"""Bad configuration: one message naming the file, the line and the fix — never a traceback.

Each case edits a copy of the project (site_config/, seeds/, docs_src/, mkdocs.yml)
and runs the real command line: ``python -m generator build`` stops at the first
configuration problem; ``python -m generator check`` lists every glossary problem
(a term defined twice is merged by the build, so ``check`` is where it is named).
The MkDocs hook turns the same problem into one ``ERROR`` line and a failed build.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, copy_project


def _env() -> dict:
    return dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
                NO_MKDOCS_2_WARNING="1")


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path, "mkdocs.yml")


def _append(project, name: str, text: str) -> int:
    """Append ``text`` to site_config/NAME; returns the line number its first line gets."""
    path = project / "site_config" / name
    old = path.read_text(encoding="utf-8")
    if old and not old.endswith("\n"):
        old += "\n"
    path.write_text(old + text, encoding="utf-8")
    return old.count("\n") + 1


def _run(project, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(project), *args], cwd=project,
                          env=_env(), capture_output=True, text=True, timeout=300)


def _one_problem(output: str, file: str, line: int, *says: str) -> str:
    """The single line naming ``file:line``; it must say ``says`` and carry a fix after " — "."""
    assert "Traceback" not in output, output
    lines = [l for l in output.splitlines() if f"{file}:" in l and ("error" in l or "warning" not in l)]
    assert len(lines) == 1, output
    assert f"{file}:{line}:" in lines[0], lines[0]
    for text in says:
        assert text in lines[0], lines[0]
    assert " — " in lines[0] and lines[0].split(" — ", 1)[1].strip(), f"no fix in: {lines[0]}"
    return lines[0]


# Each case: (config file, text appended, how many lines into the text the problem is,
# what the message says). Appended to the real file, so the rest of it is valid.
CASES = {
    "yaml-syntax": ("topics.yaml", "  - name: 坏缩进\n    slug: huai\n   keywords: [坏]\n", 2, ["YAML syntax error"]),
    "unknown-key": ("topics.yaml", "  - name: 颜色\n    slug: yan-se\n    keywords: [颜色]\n    colour: red\n", 3,
                    ["unknown key 'colour'", "use one of"]),
    "no-definition": ("glossary.yaml", "\n- term: 没有定义的词\n  source: 某文件（2024年）\n  category: 其他\n", 1,
                      ["'没有定义的词' has no definition", "add `definition:`"]),
    "unknown-region": ("reports.yaml", "2024-etuoke-qi.txt:\n  region: 火星市\n", 1,
                       ["unknown region '火星市'", "regions.yaml"]),
    "no-keywords": ("topics.yaml", "  - name: 空话题\n    slug: kong-hua-ti\n    description: 没有关键词。\n", 0,
                    ["'空话题' has no keywords", "add `keywords:"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_build_stops_with_one_line(project, case):
    name, text, offset, says = CASES[case]
    line = _append(project, name, text) + offset
    proc = _run(project, "build", "--out", str(project / "docs"))
    assert proc.returncode == 1
    _one_problem(proc.stderr, f"site_config/{name}", line, *says)
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert not (project / "docs" / "reports").exists()  # nothing half-built


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_names_the_same_problem(project, case):
    name, text, offset, says = CASES[case]
    line = _append(project, name, text) + offset
    proc = _run(project, "check")
    assert proc.returncode == 1
    _one_problem(proc.stdout + proc.stderr, f"site_config/{name}", line, *says)


def test_check_names_a_term_defined_twice(project):
    line = _append(project, "glossary.yaml", "\n- term: “三北”工程\n  source: 某文件（2024年）\n  definition: 重复的一条。\n")
    proc = _run(project, "check")
    assert proc.returncode == 1
    first = re.search(r"^- term: 三北工程$", (ROOT / "site_config" / "glossary.yaml").read_text(encoding="utf-8"), re.M)
    assert first
    message = _one_problem(proc.stdout + proc.stderr, "site_config/glossary.yaml", line + 1, "duplicate term", "merge")
    first_line = (ROOT / "site_config" / "glossary.yaml").read_text(encoding="utf-8")[:first.start()].count("\n") + 1
    assert f"line {first_line}" in message


@pytest.mark.skipif(shutil.which("mkdocs") is None, reason="mkdocs not installed")
def test_mkdocs_build_shows_one_readable_error(project):
    (project / "docs").mkdir()  # a fresh clone has it (docs/.gitignore is committed)
    (project / "generator").mkdir()
    shutil.copy(ROOT / "generator" / "mkdocs_hooks.py", project / "generator" / "mkdocs_hooks.py")
    line = _append(project, "reports.yaml", "2024-etuoke-qi.txt:\n  region: 火星市\n")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(project / "site")], cwd=project,
                          env=_env(), capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0
    output = proc.stdout + proc.stderr
    assert "Traceback" not in output and 'File "' not in output, output
    errors = [l for l in output.splitlines() if l.startswith("ERROR")]
    assert len(errors) == 1, output
    assert f"site_config/reports.yaml:{line + 1}: unknown region '火星市'" in errors[0]
    assert " — use the region's official name" in errors[0]
    assert not (project / "site" / "index.html").exists()
