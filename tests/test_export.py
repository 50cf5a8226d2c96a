"""Open data export (generator/export/): files, columns, counts against the site, determinism."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.export import FILES, export
from generator.project import load_project
from generator.site.build import build_site
from generator.site.context import SiteContext
from generator.site.facts.targets import target_index
from generator.site.render.markdown import escape_text

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    files = export(ROOT, out)
    return out, files


@pytest.fixture(scope="module")
def ctx():
    project = load_project(ROOT)
    return SiteContext.create(project.root, project.config, project.reports, project.glossary)


def _rows(out: Path, name: str) -> list[dict]:
    with open(out / name, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return rows


def test_every_file_with_its_documented_header(exported):
    out, files = exported
    assert list(files) == [f.name for f in FILES]
    for f in FILES:
        data = (out / f.name).read_bytes()
        assert data == files[f.name]
        if f.name.endswith(".csv"):
            assert next(csv.reader(io.StringIO(data.decode("utf-8")))) == f.header
        else:
            for line in data.decode("utf-8").splitlines():
                assert list(json.loads(line)) == f.header


def test_counts_match_the_site(exported, ctx):
    out, _ = exported
    reports = _rows(out, "reports.csv")
    assert [r["slug"] for r in reports] == [r.slug for r in ctx.reports]
    with open(out / "paragraphs.jsonl", encoding="utf-8") as handle:
        paragraphs = [json.loads(line) for line in handle]
    assert len(paragraphs) == sum(len(list(r.paragraphs())) for r in ctx.reports)
    terms = _rows(out, "terms.csv")
    g = ctx.glossary
    assert len(terms) == len(g.terms)
    assert {t["key"]: int(t["uses"]) for t in terms} == {k: g.usage_count(k) for k in g.terms}
    occurrences = _rows(out, "occurrences.csv")
    assert len(occurrences) == sum(g.usage_count(k) for k in g.terms)
    assert len(_rows(out, "definitions.csv")) == sum(len(t.definitions) for t in g.terms.values())
    index = target_index(ctx)
    targets = _rows(out, "targets.csv")
    assert len(targets) == sum(len(e.targets) for e in index.extractions.values())
    assert len(_rows(out, "targets_uncertain.csv")) == index.uncertain_count()


def test_rows_point_into_the_site(exported, ctx):
    out, _ = exported
    with open(out / "paragraphs.jsonl", encoding="utf-8") as handle:
        first = json.loads(handle.readline())
    report = ctx.report(first["report"])
    assert first["url"].endswith(f"/reports/{report.slug}/#{first['anchor']}")
    assert first["url"].startswith("https://")
    gdp = next(t for t in _rows(out, "targets.csv")
               if t["report"] == "2024-etuoke-qi" and t["indicator"] == "地区生产总值" and t["kind"] == "target")
    assert (gdp["value"], gdp["unit"], gdp["modifier"], gdp["year"]) == ("6", "%", "左右", "2024")
    assert gdp["region_code"] == "150624"
    etuoke = next(r for r in _rows(out, "reports.csv") if r["slug"] == "2024-etuoke-qi")
    assert etuoke["parents"] == "内蒙古自治区/鄂尔多斯市" and etuoke["level"] == "county"
    assert int(etuoke["characters"]) > 1000


def test_deterministic_and_served_by_the_site(exported, tmp_path):
    out, files = exported
    again = export(ROOT, tmp_path / "again")
    assert again == files
    docs = tmp_path / "docs"
    assert build_site(ROOT, out_dir=docs, echo=False).ok
    for name, data in files.items():
        assert (docs / "data" / name).read_bytes() == data
    page = (docs / "data" / "index.md").read_text(encoding="utf-8")
    for f in FILES:  # the 数据 page documents every column
        assert f"({f.name})" in page
        for column, _ in f.columns:
            assert f"<code>{escape_text(column)}</code>" in page


def test_command(tmp_path):
    done = subprocess.run([sys.executable, "-m", "generator", "export", "--out", str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f.name for f in FILES)
    assert "export: 7 files" in done.stderr


def test_large_files_are_served_compressed_with_the_same_content(exported, tmp_path, monkeypatch):
    """The site serves a data file over COMPRESS_OVER bytes as <name>.gz (same content once
    decompressed, same bytes on every build); the 数据 page links the .gz and says so;
    `export --out` keeps writing the plain files."""
    import gzip

    from generator import memo
    from generator.export import served

    out, files = exported
    big = max(files, key=lambda n: len(files[n]))
    limit = len(files[big]) - 1  # only the largest file is over the limit
    monkeypatch.setattr(served, "COMPRESS_OVER", limit)
    memo.clear()
    docs = tmp_path / "docs"
    assert build_site(ROOT, out_dir=docs, echo=False).ok
    gz = docs / "data" / (big + ".gz")
    assert gz.is_file() and not (docs / "data" / big).exists()
    assert gzip.decompress(gz.read_bytes()) == files[big]
    for name, data in files.items():
        if name != big:
            assert (docs / "data" / name).read_bytes() == data
    first = gz.read_bytes()
    memo.clear()
    assert build_site(ROOT, out_dir=tmp_path / "again", echo=False).ok
    assert (tmp_path / "again" / "data" / (big + ".gz")).read_bytes() == first  # deterministic
    page = (docs / "data" / "index.md").read_text(encoding="utf-8")
    assert f"[{big}.gz]({big}.gz)" in page and f"({big})" not in page
    assert "gzip 压缩" in page and "内容与未压缩的文件完全相同" in page
    assert (out / big).read_bytes() == files[big]  # export writes it plain
    memo.clear()
