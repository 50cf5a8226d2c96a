"""Rebuilds in one process (as under `mkdocs serve`): the memo reuses what did not change.

The guarantee a reader relies on: after any edit, the rebuilt docs folder is byte for
byte what a cold build of the edited inputs gives — the memo may only save time. And
an edit to one paragraph rewrites only the files whose content changed.
"""

from __future__ import annotations


import pytest

from conftest import copy_project
from generator import memo
from generator.site.build import build_site


def _snapshot(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _project(tmp_path):
    return copy_project(tmp_path)


def _replace(path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _edit_paragraph(p):
    _replace(p / "seeds" / "2024-etuoke-qi.txt", "打好", "坚决打好")


def _edit_glossary_entry(p):
    _replace(p / "seeds" / "2024-etuoke-qi.txt", "一网办、掌上办、一次办、帮您办。", "一网办、掌上办、一次办、帮您办，群众少跑腿。")


def _edit_title_block(p):
    _replace(p / "seeds" / "2024-etuoke-qi.txt", "代旗长  苏智雄", "旗长  苏智雄")


def _add_term_use(p):
    # a new use of a curated term in another report: term, topic, region and index pages change
    _replace(p / "seeds" / "2022-yuquan-qu.txt", "各位代表:", "各位代表:\n全力推进三北工程。")


def _remove_report(p):
    (p / "seeds" / "2024-wulanchabu-shi.txt").unlink()


def _add_report(p):
    text = (p / "seeds" / "2024-etuoke-qi.txt").read_text(encoding="utf-8").replace("2024年", "2025年")
    (p / "seeds" / "2025-etuoke-qi.txt").write_text(text, encoding="utf-8")


def _edit_curated_definition(p):
    _replace(p / "site_config" / "glossary.yaml", "三北防护林工程]\n  category: 生态环境", "三北防护林工程]\n  category: 生态建设")


def _edit_topic_keywords(p):
    _replace(p / "site_config" / "topics.yaml", "keywords: [地区生产总值,", "keywords: [地区生产总值, 防沙治沙,")


EDITS = [_edit_paragraph, _edit_glossary_entry, _edit_title_block, _add_term_use, _remove_report, _add_report,
         _edit_curated_definition, _edit_topic_keywords]


@pytest.mark.parametrize("edit", EDITS, ids=lambda f: f.__name__.lstrip("_"))
def test_rebuild_after_an_edit_equals_a_cold_build(tmp_path, edit):
    project = _project(tmp_path)
    warm, cold = tmp_path / "warm", tmp_path / "cold"
    memo.clear()
    build_site(project, out_dir=warm, quiet=True, echo=False)
    before = _snapshot(warm)
    edit(project)
    build_site(project, out_dir=warm, quiet=True, echo=False)  # reuses the first build's results
    memo.clear()
    build_site(project, out_dir=cold, quiet=True, echo=False)
    after = _snapshot(warm)
    assert after == _snapshot(cold)
    assert after != before  # the edit shows


def test_one_paragraph_edit_rewrites_only_what_shows_it(tmp_path):
    project = _project(tmp_path)
    out = tmp_path / "docs"
    memo.clear()
    build_site(project, out_dir=out, quiet=True, echo=False)
    mtimes = {p: p.stat().st_mtime_ns for p in out.rglob("*.md")}
    before = _snapshot(out)
    _edit_paragraph(project)
    result = build_site(project, out_dir=out, quiet=True, echo=False)
    after = _snapshot(out)
    changed = {rel for rel in after if after[rel] != before.get(rel)}
    assert "reports/2024-etuoke-qi.md" in changed
    assert result.written == len(changed) < 10
    untouched = [p for p in mtimes if p.relative_to(out).as_posix() not in changed]
    assert len(untouched) > 100
    assert all(p.stat().st_mtime_ns == mtimes[p] for p in untouched)
    # the other reports were neither parsed nor rendered again
    stats = memo.stats()
    assert stats["report"] == (4, 1)
    assert stats["page:report"] == (4, 1)


def test_a_rebuild_with_no_change_writes_nothing_and_reuses_every_page(tmp_path):
    project = _project(tmp_path)
    out = tmp_path / "docs"
    memo.clear()
    first = build_site(project, out_dir=out, quiet=True, echo=False)
    again = build_site(project, out_dir=out, quiet=True, echo=False)
    assert (again.written, again.deleted) == (0, 0)
    assert again.unchanged == first.written
    assert all(misses == 0 for _, misses in memo.stats().values())


def test_a_generated_file_changed_on_disk_is_rewritten(tmp_path):
    project = _project(tmp_path)
    out = tmp_path / "docs"
    memo.clear()
    build_site(project, out_dir=out, quiet=True, echo=False)
    page = out / "reports" / "2024-etuoke-qi.md"
    good = page.read_bytes()
    page.write_text("被别人改过", encoding="utf-8")
    result = build_site(project, out_dir=out, quiet=True, echo=False)
    assert result.written == 1 and page.read_bytes() == good


@pytest.mark.parametrize("edit", EDITS, ids=lambda f: f.__name__.lstrip("_"))
def test_compressed_data_files_after_an_edit_equal_a_cold_build(tmp_path, monkeypatch, edit):
    """The open data files served as .gz (here every one of them: the limit is lowered) are
    assembled from per-report pieces kept between builds; after any edit they are byte for
    byte a cold build's, one gzip member each (a reader that stops after the first member
    gets the whole file), and decompress to exactly what `export` writes."""
    import zlib

    from generator.export import data_files, served
    from generator.project import load_project
    from generator.site.context import SiteContext

    monkeypatch.setattr(served, "COMPRESS_OVER", 1)
    project = _project(tmp_path)
    warm, cold = tmp_path / "warm", tmp_path / "cold"
    memo.clear()
    build_site(project, out_dir=warm, quiet=True, echo=False)
    edit(project)
    build_site(project, out_dir=warm, quiet=True, echo=False)
    memo.clear()
    build_site(project, out_dir=cold, quiet=True, echo=False)
    assert _snapshot(warm / "data") == _snapshot(cold / "data")
    loaded = load_project(project)
    plain = data_files(SiteContext.create(project, loaded.config, loaded.reports, loaded.glossary))
    for name, data in plain.items():
        gz = (warm / "data" / (name + ".gz")).read_bytes()
        reader = zlib.decompressobj(wbits=31)
        assert reader.decompress(gz) == data and reader.eof and reader.unused_data == b"", name
    memo.clear()


def test_a_paragraph_edit_rebuilds_one_report_s_share_of_the_data_files(tmp_path, monkeypatch):
    """After a one-paragraph edit the glossary's terms are reused, and the data files are
    rebuilt from that report's rows only, compressing again only the pieces from it on
    (the next pieces are primed with its text; on 5 small reports that is most of a file)."""
    from generator.export import served

    monkeypatch.setattr(served, "COMPRESS_OVER", 1)
    project = _project(tmp_path)
    out = tmp_path / "docs"
    memo.clear()
    build_site(project, out_dir=out, quiet=True, echo=False)
    _edit_paragraph(project)
    build_site(project, out_dir=out, quiet=True, echo=False)
    stats = memo.stats()
    assert stats["terms"] == (1, 0)
    hits, misses = (sum(stats[t][i] for t in ("export:chunk", "data-paragraphs", "data-occurrences")) for i in (0, 1))
    assert 0 < misses <= 5 < hits  # reports, paragraphs, occurrences, targets, uncertain: one report's rows
    hits, misses = stats["export:gzip-segment"]  # each file's header and the pieces before the report at least
    assert misses and hits >= 7
    memo.clear()
