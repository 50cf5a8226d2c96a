"""The command line as a new user meets it: pipes, Ctrl-C, JSON Lines, --strict, messages, --help."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SEED_FILES, copy_project


def _env() -> dict:
    return dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))


def run(*args, root=ROOT, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(root), *map(str, args)], cwd=ROOT,
                          env=_env(), capture_output=True, text=True, timeout=300, **kw)


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path)


# --------------------------------------------------------------------------- pipes and Ctrl-C


def test_closed_pipe_ends_quietly():
    """`parse … --json | head -1`: no BrokenPipeError traceback, exit code 141."""
    files = [str(SEED_FILES["neimenggu"])] * 40  # far more than a pipe buffer holds
    proc = subprocess.Popen([sys.executable, "-m", "generator", "parse", *files, "--json"], cwd=ROOT, env=_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()  # what `head -1` does after its line
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=120) == 141
    assert json.loads(first)["slug"] == "2024-neimenggu-zizhiqu"
    assert "Traceback" not in err and "BrokenPipeError" not in err and "Exception ignored" not in err, err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a FIFO to block on")
def test_ctrl_c_ends_quietly(tmp_path):
    """Ctrl-C while the command waits for input: exit code 130, no KeyboardInterrupt traceback."""
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)  # opening it blocks until a writer comes: the command is surely running
    proc = subprocess.Popen([sys.executable, "-m", "generator", "parse", str(fifo)], cwd=ROOT, env=_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(3)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err


# --------------------------------------------------------------------------- JSON Lines


def test_parse_json_prints_one_document_per_line():
    proc = run("parse", SEED_FILES["etuoke"], SEED_FILES["yuquan"], "--json")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 2
    assert [json.loads(line)["slug"] for line in lines] == ["2024-etuoke-qi", "2022-yuquan-qu"]


def test_parse_help_names_json_lines():
    proc = run("parse", "--help")
    assert proc.returncode == 0
    assert "JSON Lines" in proc.stdout and "one document per line" in " ".join(proc.stdout.split())


# --------------------------------------------------------------------------- --strict


def test_strict_build_passes_on_the_stock_seeds(project):
    """The 乌兰察布 report starts mid-part: a known defect of the source, a note, not a strict failure
    (as in `mkdocs build --strict`)."""
    proc = run("build", "--strict", "--out", project / "docs", root=project)
    assert proc.returncode == 0, proc.stderr
    notes = [line for line in proc.stderr.splitlines() if ": note: " in line]
    assert len(notes) == 1 and "2024-wulanchabu-shi.txt:7: note: the report starts in the middle" in notes[0]
    assert "strict mode" not in proc.stderr
    assert proc.stderr.splitlines()[-1].endswith("; 0 warnings, 0 errors, 1 note")


def test_strict_failure_says_why(project):
    shutil.copy(SEED_FILES["etuoke"], project / "seeds" / "2024-etuoke-qi-copy.txt")  # same region and year
    proc = run("build", "--strict", "--out", project / "docs", root=project)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    reason = [line for line in proc.stderr.splitlines() if line.startswith("strict mode: ")]
    assert len(reason) == 1 and reason[0].startswith("strict mode: 1 warning is treated as an error"), proc.stderr
    assert proc.stderr.splitlines()[-1].endswith("; 1 warning, 0 errors, 1 note")  # singular
    assert run("build", "--out", project / "docs", root=project).returncode == 0  # without --strict: built


# --------------------------------------------------------------------------- messages


HAN = re.compile(r"[\u4e00-\u9fff]")
QUOTED = re.compile(r"'[^']*'|“[^”]*”|\[[^\]]*\]|\([^)]*\)|（[^）]*）")


def _words(line: str) -> str:
    """A message line without what it quotes (terms, titles, paths, report names)."""
    return QUOTED.sub("", line.split(": ", 1)[-1])


def test_curator_messages_are_english(project):
    terms = run("terms", "--candidates", "--limit", "3", root=project)
    assert terms.returncode == 0, terms.stderr
    header = terms.stdout.splitlines()[0]
    assert re.fullmatch(r"\d+ candidate terms in 5 reports, most frequent first:", header), header
    assert re.search(r"\[\d+ reports?\] ", terms.stdout.splitlines()[1])
    (project / "site_config" / "glossary.yaml").open("a", encoding="utf-8").write(
        "\n- term: 没有来源的词\n  definition: 一个定义。\n")
    check = run("check", root=project)
    assert check.returncode == 1
    assert re.fullmatch(r"check: \d+ warnings, 1 error", check.stderr.strip().splitlines()[-1]), check.stderr
    for line in check.stdout.splitlines():
        assert re.match(r"site_config/glossary\.yaml:\d+: (error|warning): ", line), line
        assert not HAN.search(QUOTED.sub("", line.split(" — ", 1)[0].split(": ", 2)[-1])), line
    outline = run("parse", SEED_FILES["etuoke"])
    assert re.search(r"^  一、.* \(\d+ paragraphs\)$", outline.stdout, re.M), outline.stdout
    assert " [13 glossary entries]" in outline.stdout


def test_plural():
    from generator.errors import counts, plural
    from generator.model import Diagnostic

    assert [plural(n, "warning") for n in (0, 1, 2)] == ["0 warnings", "1 warning", "2 warnings"]
    assert counts([Diagnostic("a", "x"), Diagnostic("b", "y", severity="note")]) == "1 warning, 0 errors, 1 note"


# --------------------------------------------------------------------------- --help


def test_help_names_the_command_as_run():
    proc = run("--help")
    assert proc.stdout.startswith("usage: python -m generator "), proc.stdout
    script = ("import sys; sys.argv[0] = '/usr/local/bin/gov-report-site'; from generator.cli import main; "
              "sys.exit(main(['--help']))")
    installed = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=_env(), capture_output=True, text=True)
    assert installed.returncode == 0
    assert installed.stdout.startswith("usage: gov-report-site "), installed.stdout
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'gov-report-site = "generator.cli:entry"' in pyproject


# --------------------------------------------------------------------------- exit

def test_command_output_is_whole_and_a_profiler_still_writes_its_file(tmp_path):
    # The command ends without the interpreter's teardown (process.exit_now): all it printed
    # must still arrive, and a profiler's results must still be written.
    files = [str(SEED_FILES[name]) for name in sorted(SEED_FILES)]
    done = subprocess.run([sys.executable, "-m", "generator", "parse", *files, "--json"], cwd=ROOT, env=_env(),
                          capture_output=True, timeout=300)
    assert done.returncode == 0
    documents = [json.loads(line) for line in done.stdout.splitlines()]  # the last line is whole too
    assert [d["source"] for d in documents] == [str(Path(f).relative_to(ROOT)) for f in files]
    stats = tmp_path / "parse.prof"
    profiled = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(stats), "-m", "generator", "parse", files[0]],
                              cwd=ROOT, env=_env(), capture_output=True, text=True, timeout=300)
    assert profiled.returncode == 0, profiled.stderr
    assert "parse_report" in str(__import__("pstats").Stats(str(stats)).stats)
