"""Reading report files: encodings, line ends, front matter, unusable files, many files."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT, SEED_FILES
from generator.errors import InputError
from generator.ingest import load_reports, parse_report

REPORT = ("政府工作报告\n\n各位代表：\n现在，我代表旗人民政府向大会报告工作。\n"
          "一、2023年工作回顾\n经济增长6%。\n（一）工业提质。全年新增企业12家。\n二、2024年工作安排\n稳中求进。\n")


def outline(report):
    return [(s.title, [p.text for p in s.paragraphs]) for s in report.walk_sections()]


@pytest.fixture(scope="module")
def expected(tmp_path_factory):
    path = tmp_path_factory.mktemp("ref") / "ref.txt"
    path.write_bytes(REPORT.encode("utf-8"))
    return outline(parse_report(path))


@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b""), ("gbk", b""),
    ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
])
def test_encodings_give_the_same_report(tmp_path, expected, encoding, bom):
    path = tmp_path / "r.txt"
    path.write_bytes(bom + REPORT.encode(encoding))
    report = parse_report(path)
    assert outline(report) == expected
    assert report.front[0].text == "政府工作报告"  # no BOM glued to the first line


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_ends(tmp_path, expected, newline):
    path = tmp_path / "r.txt"
    path.write_bytes(REPORT.replace("\n", newline).encode("utf-8"))
    report = parse_report(path)
    assert outline(report) == expected
    assert report.sections[0].line == 5  # line numbers count CR / CRLF as one line end
    assert all("\r" not in p.text for _, p in report.paragraphs())


def test_front_matter_goes_to_meta_and_metadata(tmp_path):
    path = tmp_path / "内蒙古自治区_2010.md"
    path.write_text("---\ntitle: 2010年内蒙古自治区政府工作报告\nsource: https://example.org/a1\n---\n\n"
                    + REPORT, encoding="utf-8")
    report = parse_report(path)
    assert report.meta == {"title": "2010年内蒙古自治区政府工作报告", "source": "https://example.org/a1"}
    assert report.title == "2010年内蒙古自治区政府工作报告"
    assert report.region_name == "内蒙古自治区" and report.year == 2010
    assert report.removed[0].reason == "front-matter" and report.removed[0].line == 1
    assert report.sections[0].line == 10  # numbered in the file, front matter included
    assert report.slug == "2010-nei-meng-gu-zi-zhi-qu"


def test_broken_front_matter_is_a_warning_not_a_crash(tmp_path):
    path = tmp_path / "r.md"
    path.write_text("---\ntitle: [unclosed\n---\n" + REPORT, encoding="utf-8")
    report = parse_report(path)
    assert report.meta == {}
    assert any("front matter" in d.message for d in report.diagnostics)
    assert len(report.sections) == 2


@pytest.mark.parametrize("data,words", [
    (b"", "empty"),
    (b"  \n\r\n ", "empty"),
    (b"\xe6\x94\xbf\x00\x01\x02binary", "NUL byte at byte 3"),
    ("政府工作报告".encode("utf-8") + b"\x80\xff\xfe" + "一、".encode("utf-8"), "byte 18"),
])
def test_unusable_files_raise_one_line_input_error(tmp_path, data, words):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        parse_report(path)
    message = str(info.value)
    assert "\n" not in message and "bad.txt" in message and words in message


def test_cli_reports_unusable_files_in_one_line(tmp_path):
    empty, binary, good = tmp_path / "empty.txt", tmp_path / "bin.txt", tmp_path / "good.txt"
    empty.write_bytes(b"")
    binary.write_bytes(b"PK\x03\x04\x00\x00")
    good.write_text(REPORT, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "generator", "parse", str(empty), str(binary), str(good)],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    errors = [line for line in out.stderr.splitlines() if "empty.txt" in line or "bin.txt" in line]
    assert len(errors) == 2
    assert "一、2023年工作回顾" in out.stdout  # the good file is still printed


def test_load_reports_folder_sorted_with_bad_file_diagnostic(tmp_path):
    for name, path in SEED_FILES.items():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "broken.txt").write_bytes(b"\x00\x00")
    (tmp_path / "notes.docx").write_bytes(b"ignored")
    reports, diags = load_reports(tmp_path, None)
    assert len(reports) == 5
    errors = [d for d in diags if d.severity == "error"]
    assert len(errors) == 1 and errors[0].path.endswith("broken.txt") and errors[0].offset == 0
    keys = [(r.region_name, r.year or 0, r.slug) for r in reports]
    assert keys == sorted(keys)
    assert {r.slug for r in reports} == {p.stem for p in SEED_FILES.values()}


def test_load_reports_makes_slugs_unique_and_warns(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = tmp_path / "a" / "r.txt", tmp_path / "b" / "R.txt"
    first.write_text(REPORT, encoding="utf-8")
    second.write_text(REPORT, encoding="utf-8")
    reports, diags = load_reports([first, second], None)
    assert sorted(r.slug for r in reports) == ["r", "r-2"]
    assert any("already used" in d.message for d in diags)


def test_load_reports_warns_about_same_region_and_year(tmp_path):
    for name in ("鄂托克旗_2024.txt", "鄂托克旗_2024_copy.txt"):
        (tmp_path / name).write_bytes(SEED_FILES["etuoke"].read_bytes())
    reports, diags = load_reports(tmp_path, None)
    assert [r.slug for r in reports] == ["2024-e-tuo-ke-qi", "2024-e-tuo-ke-qi-copy"]
    assert any("another report of 鄂托克旗 2024" in d.message for d in diags)


def test_report_overrides_from_site_config_are_applied(tmp_path):
    from generator.config import load_config

    (tmp_path / "site_config").mkdir()
    (tmp_path / "site_config" / "reports.yaml").write_text(
        "2024-etuoke-qi.txt:\n  slug: etuoke-2024\n  year: 2023\n  title: 鄂托克旗政府工作报告\n"
        "  audience: 各位委员\n  speaker: {name: 张三, title: 旗长}\n", encoding="utf-8")
    config = load_config(tmp_path)
    report = parse_report(SEED_FILES["etuoke"], config)
    assert report.slug == "etuoke-2024"
    assert (report.year, report.title, report.audience) == (2023, "鄂托克旗政府工作报告", "各位委员")
    assert (report.speaker.name, report.speaker.title) == ("张三", "旗长")
    assert report.region_name == "鄂托克旗"
    reports, _ = load_reports([SEED_FILES["etuoke"]], config)
    assert reports[0].slug == "etuoke-2024"
