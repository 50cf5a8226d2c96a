"""Bad report files: each is named on ONE line saying what is wrong; the rest of the site builds.

Through the real command line (``python -m generator build`` / ``parse``) in a
temporary project (a copy of site_config/ and docs_src/, so the project's own
build/ folder is left alone). Without ``--strict`` the build exits 0 and writes the
other reports' pages; with ``--strict`` each bad file alone fails the build.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SEED_FILES
from generator.cli import main as cli_main

GOOD = "2024-etuoke-qi.txt"  # a real seed: builds without a warning
HUGE_LINE = "经济运行稳中向好，全年增长百分之六。" * 280_000  # about 5 MB of UTF-8, no line break

NO_HEADINGS = ("no headings found", "put each title (一、… / （一）…) on a line of its own")
# file name -> (content, what the one line must say: the problem and what to do).
# Region and year come from the file name where the text has none, so that the one
# problem is the only line.
BAD_FILES = {
    "empty.txt": (b"", ("the file is empty", "— give it the text of a report")),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ("NUL byte at byte 8", "— give a plain-text")),
    "undecodable.txt": ("一、回顾".encode("utf-8") + b"\xff\xfe\x80\x81 abc", ("byte 12", "— save the file as UTF-8")),
    "鄂托克旗2020.txt": (HUGE_LINE.encode("utf-8"), NO_HEADINGS),
    "鄂托克旗2023.txt": ("鄂托克旗2023年政府工作报告\n\n各位代表：\n\n这份报告没有一个标题，*星号*与<b>尖括号</b>照原样显示。\n"
                       "第二段也没有标题。\n".encode("utf-8"), NO_HEADINGS),
    "repeated-number.txt": ("鄂托克旗2022年政府工作报告\n\n一、回顾\n经济平稳。\n一、再来\n生态良好。\n".encode("utf-8"),
                            (":5: warning: heading number 一 repeats", "check the numbering")),
    "skipped-number.txt": ("鄂托克旗2021年政府工作报告\n\n一、回顾\n经济平稳。\n三、安排\n生态良好。\n".encode("utf-8"),
                           (":5: warning: heading number 三 skips a number (expected 二)",
                            "add what is missing")),
    "etuoke-again.txt": (SEED_FILES["etuoke"].read_bytes(), ("another report of 鄂托克旗 2024 exists",
                                                            "check that both belong here")),
}


def _env() -> dict:
    return dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))


def _generator(*args, cwd) -> subprocess.CompletedProcess:
    """``python -m generator ARGS``; 120 s is far more than any input may take (it must not hang)."""
    return subprocess.run([sys.executable, "-m", "generator", *map(str, args)], cwd=cwd, env=_env(),
                          capture_output=True, text=True, timeout=120)


def _project(folder):
    folder.mkdir()
    for name in ("site_config", "docs_src"):
        shutil.copytree(ROOT / name, folder / name)
    return folder


def _reports(folder, names) -> None:
    folder.mkdir()
    for name in names:
        if name == GOOD:
            shutil.copy(SEED_FILES["etuoke"], folder / GOOD)
        else:
            (folder / name).write_bytes(BAD_FILES[name][0])


def _lines_naming(output: str, name: str) -> list[str]:
    return [line for line in output.splitlines() if name in line]


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    """One non-strict build of the good seed plus every bad file."""
    base = tmp_path_factory.mktemp("bad")
    project = _project(base / "project")
    _reports(base / "reports", [GOOD, *BAD_FILES])
    proc = _generator("--root", project, "build", "--reports", base / "reports", "--out", base / "out", cwd=base)
    return proc, base / "out"


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_build_names_each_bad_file_on_one_line(bad_build, name):
    proc, _ = bad_build
    assert "Traceback" not in proc.stderr + proc.stdout
    lines = _lines_naming(proc.stderr, name)
    assert len(lines) == 1, proc.stderr
    assert all(says in lines[0] for says in BAD_FILES[name][1]), lines[0]


def test_build_goes_on_without_strict(bad_build):
    proc, out = bad_build
    assert proc.returncode == 0, proc.stderr
    assert (out / "reports" / "2024-etuoke-qi.md").read_text(encoding="utf-8").count('id="p') > 50
    assert "3 errors" in proc.stderr.splitlines()[-1]  # empty, binary, undecodable
    for unreadable in ("empty", "binary", "undecodable"):
        assert not (out / "reports" / f"{unreadable}.md").exists()


def test_report_without_headings_is_a_readable_page(bad_build):
    _, out = bad_build
    pages = [p for p in (out / "reports").glob("*.md")
             if "这份报告没有一个标题" in p.read_text(encoding="utf-8")]
    assert len(pages) == 1
    page = pages[0].read_text(encoding="utf-8")
    assert "第二段也没有标题" in page
    assert "&#42;星号&#42;与&lt;b&gt;尖括号&lt;/b&gt;" in page  # shown as written, not markup


def test_huge_single_line_becomes_one_page(bad_build):
    _, out = bad_build
    sizes = [p.stat().st_size for p in (out / "reports").glob("*.md")]
    assert max(sizes) > len(HUGE_LINE.encode("utf-8"))


def test_two_reports_of_one_region_and_year_get_two_addresses(bad_build):
    _, out = bad_build
    shown = {p.name: p.read_text(encoding="utf-8") for p in (out / "reports").glob("*.md")}
    first = shown["2024-etuoke-qi.md"]
    again = [name for name, page in shown.items() if "etuoke-again.txt" in page]
    assert len(again) == 1 and again[0] != "2024-etuoke-qi.md"
    body = first[first.index("<p id="):first.index("<p id=") + 200]
    assert body in shown[again[0]]


def test_same_file_name_twice_gets_a_second_address(tmp_path, capsys):
    project = _project(tmp_path / "project")
    reports = tmp_path / "reports"
    _reports(reports, [GOOD])
    shutil.copy(SEED_FILES["etuoke"], reports / "2024-etuoke-qi.md")  # same stem, so the same slug
    code = cli_main(["--root", str(project), "build", "--reports", str(reports), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 0
    assert (tmp_path / "out" / "reports" / "2024-etuoke-qi.md").exists()
    assert (tmp_path / "out" / "reports" / "2024-etuoke-qi-2.md").exists()
    assert "published as '2024-etuoke-qi-2'" in err and "Traceback" not in err


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_strict_build_fails_on_each_bad_file(tmp_path, capsys, name):
    project = _project(tmp_path / "project")
    reports = tmp_path / "reports"
    _reports(reports, [GOOD, name])
    argv = ["--root", str(project), "build", "--strict", "--reports", str(reports), "--out", str(tmp_path / "out")]
    assert cli_main(argv) == 1
    assert len(_lines_naming(capsys.readouterr().err, name)) == 1


def test_parse_names_each_bad_file_on_one_line(tmp_path):
    reports = tmp_path / "reports"
    _reports(reports, list(BAD_FILES))
    proc = _generator("--root", ROOT, "parse", *sorted(p.name for p in reports.iterdir()), cwd=reports)
    assert "Traceback" not in proc.stderr + proc.stdout
    assert proc.returncode == 1  # the unreadable files
    for name, (_, says) in BAD_FILES.items():
        if name == "etuoke-again.txt":  # a duplicate is a matter of the whole folder, not of one file
            assert not _lines_naming(proc.stderr, name)
            continue
        lines = _lines_naming(proc.stderr, name)
        assert len(lines) == 1 and all(s in lines[0] for s in says), proc.stderr
