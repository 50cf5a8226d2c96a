"""The fidelity rule on the seeds, the shared corpus and generated inputs.

Every Han character and digit of the source is in the document, in order, or in the
removal record (see generator/ingest/fidelity.py).
"""

from __future__ import annotations


import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SEED_FILES
from generator.errors import InputError
from generator.ingest import check_fidelity, load_reports, parse_report, parse_text
from generator.ingest.read import read_source
from generator.model import Removal


@pytest.mark.parametrize("name", sorted(SEED_FILES))
def test_seed_fidelity(name):
    path = SEED_FILES[name]
    report = parse_report(path)
    assert check_fidelity(read_source(path).text, report) == []


def test_checker_notices_a_lost_paragraph():
    path = SEED_FILES["etuoke"]
    report = parse_report(path)
    report.sections[1].paragraphs.pop()
    problems = check_fidelity(read_source(path).text, report)
    assert problems and "neither in the document nor recorded" in problems[0]


def test_checker_notices_invented_or_reordered_text():
    path = SEED_FILES["xilinguole"]
    report = parse_report(path)
    report.sections[0].paragraphs[0].text += "凭空多出的话"
    assert check_fidelity(read_source(path).text, report)
    report = parse_report(path)
    parts = report.sections[0].paragraphs
    parts[0], parts[1] = parts[1], parts[0]
    assert "not found in order" in check_fidelity(read_source(path).text, report)[0]


def test_checker_notices_a_record_of_text_never_removed():
    path = SEED_FILES["etuoke"]
    report = parse_report(path)
    report.removed.append(Removal("二〇二四", "bogus", 1))
    assert check_fidelity(read_source(path).text, report)


def test_corpus_fidelity_and_metadata(corpus):
    reports, diagnostics = load_reports(corpus, None)
    assert len(reports) == len(corpus)
    assert not [d for d in diagnostics if d.severity == "error"]
    by_source = {r.source: r for r in reports}
    for path in corpus:
        report = by_source[str(path)]
        assert check_fidelity(read_source(path).text, report) == [], path.name
        assert report.region is not None and report.year, path.name
        assert path.stem.startswith(report.region_name) and path.stem.endswith(str(report.year)), path.name
        assert report.sections, path.name
    assert len({r.slug for r in reports}) == len(reports)


def test_huge_single_line_is_kept_whole(tmp_path):
    # Speed lives in benchmarks/parse_corpus.py; here: a 5 MB line parses and loses nothing.
    line = "经济运行稳中向好，全年增长百分之六。" * 280_000  # about 5 MB of UTF-8 on one line
    path = tmp_path / "huge.txt"
    path.write_text("一、回顾\n" + line + "\n", encoding="utf-8")
    report = parse_report(path)
    assert len(report.sections[0].paragraphs[0].text) == len(line)


# --------------------------------------------------------------------------- property test

HAN = st.text(alphabet="经济发展改革创新生态民生政府工作报告全区推进建设", min_size=1, max_size=12)
DIGITS = st.integers(min_value=0, max_value=99999).map(str)
PUNCT = st.sampled_from(["，", "。", "、", "；", "：", ":", "！", "", " ", "“", "”", "*", "#", "<", "&", "\t"])
PHRASE = st.lists(st.one_of(HAN, DIGITS, PUNCT), min_size=1, max_size=8).map("".join)
CN = st.sampled_from("一二三四五六七八九十")


@st.composite
def report_line(draw):
    kind = draw(st.sampled_from([
        "text", "text", "text", "sentence", "part", "bold-part", "sub", "runin-sub", "bold-runin", "item",
        "jump", "bookmark", "md-heading", "spaced", "attachment", "glossary", "entry", "blank", "comment",
        "lead", "footnote", "indent", "title",
    ]))
    phrase, num = draw(PHRASE), draw(CN)
    return {
        "text": phrase,
        "sentence": phrase + "。",
        "part": f"{num}、{phrase}",
        "bold-part": f"**{num}、{phrase}**",
        "sub": f"（{num}）{phrase}",
        "runin-sub": f"({num}){phrase}。{draw(PHRASE)}",
        "bold-runin": f"**（{num}）{phrase}。**{draw(PHRASE)}",
        "item": f"{draw(st.integers(1, 40))}.{phrase}",
        "jump": f"{phrase}（下转第{num}版）",
        "bookmark": f"[bookmark: _GoBack]{phrase}",
        "md-heading": f"## {phrase}",
        "spaced": " ".join(draw(st.text(alphabet="名词解释政府工作报告", min_size=3, max_size=6))),
        "attachment": f"附件 {draw(st.integers(1, 3))}",
        "glossary": draw(st.sampled_from(["名词解释", "名 词 解 释", "《政府工作报告》有关名词解释", "有关用语释义"])),
        "entry": f"{draw(st.sampled_from(['', '1.', '2、']))}{draw(HAN)}{draw(st.sampled_from(['：', ':']))}{phrase}",
        "blank": "",
        "comment": f"<!-- {phrase} -->",
        "lead": f"{draw(st.sampled_from(['一是', '——']))}{phrase}。{draw(PHRASE)}",
        "footnote": f"{phrase}[^{draw(st.integers(1, 9))}]",
        "indent": f"  \t{phrase}",
        "title": draw(HAN) + draw(HAN),
    }[kind]


@st.composite
def report_text(draw):
    lines = draw(st.lists(report_line(), min_size=1, max_size=40))
    if draw(st.booleans()) and lines:  # a verbatim layout repeat
        lines.append(draw(st.sampled_from(lines)))
    front = ""
    if draw(st.booleans()):
        front = f"---\ntitle: {draw(HAN)}政府工作报告\nyear: {draw(st.integers(1990, 2030))}\n---\n"
    text = front + "\n".join(lines)
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return text.replace("\n", newline)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report_text())
def test_generated_reports_keep_every_character(text):
    if not text.strip():
        with pytest.raises(InputError):
            parse_text(text, "generated.txt")
        return
    report = parse_text(text, "generated.txt")
    assert check_fidelity(text, report) == []
    anchors = [s.anchor for s in report.walk_sections()] + [p.anchor for _, p in report.paragraphs()]
    anchors += [e.anchor for e in report.glossary]
    assert len(anchors) == len(set(anchors))
    assert report.to_json()["source"] == "generated.txt"
