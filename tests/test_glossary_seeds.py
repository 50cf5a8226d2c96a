"""The glossary built from the real seeds and the shipped site_config/glossary.yaml."""

from __future__ import annotations

import pytest

from generator.config import load_config
from generator.glossary import build_glossary
from generator.glossary.candidates import candidates
from conftest import SEEDS


@pytest.fixture(scope="module")
def seeds(root):
    from generator.ingest import load_reports

    config = load_config(root)
    reports, _ = load_reports(SEEDS, config)
    return reports, config, build_glossary(reports, config)


def paragraph_text(report, anchor):
    for _, p in report.paragraphs():
        if p.anchor == anchor:
            return p.text
    return next(e.definition for e in report.glossary if e.anchor == anchor)


def test_every_official_entry_becomes_a_definition(seeds):
    reports, _, g = seeds
    official = [(d.report_slug, d.anchor) for t in g.terms.values() for d in t.definitions if d.origin == "official"]
    per_report = {r.slug: len([1 for slug, _ in official if slug == r.slug]) for r in reports}
    assert per_report["2024-etuoke-qi"] == 13
    assert per_report["2024-neimenggu-zizhiqu"] == 17
    assert per_report["2022-yuquan-qu"] == 34
    assert len(official) == 64


@pytest.mark.parametrize("term", ["六个工程", "三分吸附法", "六句话的事实和道理", "七个作模范"])
def test_terms_defined_by_two_reports_show_both(seeds, term):
    _, _, g = seeds
    slugs = sorted(d.report_slug for d in g.get(term).definitions if d.origin == "official")
    assert slugs == ["2024-etuoke-qi", "2024-neimenggu-zizhiqu"]


@pytest.mark.parametrize("term", ["三个离不开", "五个认同"])
def test_curated_and_official_definitions_side_by_side(seeds, term):
    _, _, g = seeds
    origins = [(d.origin, d.report_slug) for d in g.get(term).definitions]
    assert origins == [("official", "2022-yuquan-qu"), ("curated", None)]
    assert all(d.source for d in g.get(term).definitions)


def test_quoted_terms_link_with_their_quotes(seeds):
    reports, _, g = seeds
    by_slug = {r.slug: r for r in reports}
    found = {}
    for slug in ("2024-neimenggu-zizhiqu", "2024-etuoke-qi"):
        for o in g.occurrences(slug):
            found.setdefault(o.term_key, set()).add(paragraph_text(by_slug[slug], o.anchor)[o.start:o.end])
    assert "“三北”工程" in found["三北工程"]
    assert "“六句话”的事实和道理" in found["六句话的事实和道理"]


def test_two_big_things_definition_links_five_tasks_and_model_region(seeds):
    _, _, g = seeds
    term = g.get("两件大事")
    keys = [k for _, _, k in g.definition_links(term.key, 0)]
    assert keys == ["五大任务", "模范自治区"]
    # 五大任务's own definition names 两件大事, so "defines" is the first reason that applies.
    assert ("两件大事", "defines") in g.related("五大任务")
    # 002's 名词解释 of “一规划三方案” names the 几字弯 plan: defined-by.
    assert ("一规划三方案", "defined-by") in g.related(g.get("黄河“几字弯”攻坚战").key)


def test_curated_terms_are_used(seeds):
    _, config, g = seeds
    used = [e.term for e in config.glossary if g.usage_count(g.get(e.term).key) > 0]
    assert len(config.glossary) >= 40
    assert len(used) >= 38
    assert g.terms["三北工程"].slug == "san-bei-gong-cheng"


def test_section_policy_links_once_per_section(seeds):
    reports, _, g = seeds
    for report in reports:
        seen = set()
        for o in g.occurrences(report.slug):
            if o.linked:
                section = next((s.anchor for s in report.walk_sections()
                                if any(p.anchor == o.anchor for p in s.paragraphs)
                                or any(e.anchor == o.anchor for e in s.entries)), None)
                assert (o.term_key, section) not in seen
                seen.add((o.term_key, section))


def test_candidates_skip_known_terms_and_sort_by_count(seeds):
    reports, _, g = seeds
    rows = candidates(reports, g)
    phrases = [c.phrase for c in rows]
    assert "两个维护" not in phrases and "三北工程" not in phrases and "四个就近" not in phrases
    assert "五个大起底" not in phrases  # a curated term since issue 12
    assert "半拉子" in phrases and "多多评" in phrases
    assert [c.count for c in rows] == sorted((c.count for c in rows), reverse=True)
    top = next(c for c in rows if c.phrase == "半拉子")
    assert top.reports == sorted(top.reports) and len(top.reports) >= 2
