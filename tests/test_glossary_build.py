"""Building the glossary: merging sources, occurrences, link policies, cross-links."""

from __future__ import annotations

import pytest

from generator.glossary import build_glossary
from test_glossary_fixtures import make_config, make_report

ETUOKE = make_report(
    "2024-etuoke-qi",
    {
        "一、2023年工作总结": [
            "坚定拥护“两个确立”、坚决做到“两个维护”，全力打好“三北”工程攻坚战。",
            "推进三北工程和三北防护林体系建设工程，落实“六个工程”。",
            "再次强调两个确立。",
        ],
        "二、七个作模范": [  # a heading naming a term: never linked
            "围绕“两件大事”，践行七个作模范，落实六个工程。",
            "详见[三北工程](https://example.org/三北工程)与<a href=\"x\">两个确立</a>，两个确立。",
        ],
    },
    entries=[
        ("两件大事", "五大任务和全方位建设“模范自治区”。"),
        ("六个工程", "政策落地工程等六个工程，详见三北工程。"),
        ("七个作模范", "在铸牢中华民族共同体意识上作模范等。"),
    ],
)
NEIMENGGU = make_report(
    "2024-neimenggu-zizhiqu",
    {"一、工作回顾": ["“七个作模范”深入人心，两个确立。"]},
    entries=[("“六个工程”", "政策落地工程、温暖工程等。"), ("“七个作模范”", "感党恩听党话等七个方面作模范。")],
    region="内蒙古自治区", level="province",
)
CURATED = [
    ("三北工程", "三北防护林体系建设工程，始于1978年。", ["“三北”工程", "三北防护林体系建设工程"], "生态环境"),
    ("两个确立", "指确立核心地位和指导地位。", [], "政治理论"),
    ("两个维护", "坚决维护核心地位、坚决维护集中统一领导。", [], "政治理论"),
    ("五大任务", "习近平总书记交给内蒙古的五项重大任务。", [], "区域发展"),
    ("模范自治区", "全方位建设模范自治区。", [], "民族工作"),
    ("七 个作模范", "把模范自治区建设具体化的七个方面。", [], "民族工作"),
]


@pytest.fixture(scope="module")
def g():
    return build_glossary([ETUOKE, NEIMENGGU], make_config(CURATED))


def texts(report, occs):
    by_anchor = {p.anchor: p.text for _, p in report.paragraphs()}
    by_anchor.update({e.anchor: e.definition for e in report.glossary})
    return [by_anchor[o.anchor][o.start:o.end] for o in occs]


def test_one_entry_per_term_whatever_the_quotes_spaces_or_width(g):
    assert g.get("六个工程") is g.get("“六个工程”") is g.get("六 个 工 程")
    assert g.get("七个作模范") is g.get("七 个作模范")
    assert g.get("三北防护林体系建设工程") is g.get("“三北”工程") is g.terms["三北工程"]
    assert len([t for t in g.ordered() if t.key == "六个工程"]) == 1


def test_official_and_curated_definitions_are_merged_and_labelled(g):
    term = g.get("七个作模范")
    assert [(d.origin, d.report_slug) for d in term.definitions] == [
        ("official", "2024-neimenggu-zizhiqu"), ("official", "2024-etuoke-qi"), ("curated", None)]
    assert term.definitions[1].source == "鄂托克旗 2024年政府工作报告 名词解释"
    assert term.definitions[0].term_as_written == "“七个作模范”"
    assert term.definitions[1].anchor == "mc-3"
    assert term.headword == "七 个作模范" or term.headword == "七个作模范"
    six = g.get("六个工程")
    assert six.headword == "六个工程"  # the quote-free form
    assert [d.region for d in six.definitions] == ["内蒙古自治区", "鄂托克旗"]


def test_slug_pinyin_and_order(g):
    term = g.terms["三北工程"]
    assert term.slug == "san-bei-gong-cheng"
    assert term.pinyin == "sān běi gōng chéng"
    assert term.category == "生态环境"
    keys = [t.key for t in g.ordered()]
    assert keys.index("两个确立") < keys.index("两个维护") < keys.index("六个工程") < keys.index("三北工程")
    assert len({t.slug for t in g.ordered()}) == len(g.terms)


def test_slug_collisions_get_a_numbered_suffix():
    config = make_config([("公式", "甲。", []), ("攻势", "乙。", []), ("工事", "丙。", [])])
    g = build_glossary([], config)
    assert sorted(t.slug for t in g.ordered()) == ["gong-shi", "gong-shi-2", "gong-shi-3"]
    again = build_glossary([], make_config([("工事", "丙。", []), ("攻势", "乙。", []), ("公式", "甲。", [])]))
    assert {t.key: t.slug for t in g.ordered()} == {t.key: t.slug for t in again.ordered()}


def test_quote_spanning_occurrences_cover_the_quotes(g):
    occs = g.occurrences("2024-etuoke-qi")
    first_para = [o for o in occs if o.anchor == "p1-1"]
    assert texts(ETUOKE, first_para) == ["两个确立", "两个维护", "“三北”工程"]
    assert [o.term_key for o in first_para] == ["两个确立", "两个维护", "三北工程"]


def test_alias_occurrences_count_for_the_term(g):
    second = [o for o in g.occurrences("2024-etuoke-qi") if o.anchor == "p1-2"]
    assert texts(ETUOKE, second) == ["三北工程", "三北防护林体系建设工程", "六个工程"]
    assert {o.term_key for o in second} == {"三北工程", "六个工程"}


def test_headings_are_never_scanned(g):
    assert all(not o.anchor.startswith("s") for o in g.occurrences("2024-etuoke-qi"))
    # "二、七个作模范" is a heading: the section's first occurrence is the paragraph's.
    seven = [o for o in g.by_term("七个作模范") if o.report_slug == "2024-etuoke-qi"]
    assert [(o.anchor, o.linked) for o in seven] == [("p2-1", True)]


def test_existing_links_are_counted_but_not_linked(g):
    para = [o for o in g.occurrences("2024-etuoke-qi") if o.anchor == "p2-2"]
    assert texts(ETUOKE, para) == ["三北工程", "三北工程", "两个确立", "两个确立"]
    assert [o.linked for o in para] == [False, False, False, True]
    assert [texts(ETUOKE, [o])[0] for o in g.paragraph_links("2024-etuoke-qi", "p2-2")] == ["两个确立"]


def test_a_term_is_never_found_in_its_own_definition(g):
    entry = [o for o in g.occurrences("2024-etuoke-qi") if o.anchor == "mc-2"]  # 六个工程's entry
    assert [o.term_key for o in entry] == ["三北工程"]
    assert g.entry_term("2024-etuoke-qi", "mc-2") == "六个工程"
    assert g.entry_term("2024-neimenggu-zizhiqu", "mc-2") == "七个作模范"


def test_definitions_link_to_other_terms(g):
    two = g.get("两件大事")
    spans = g.definition_links(two.key, 0)
    text = two.definitions[0].text
    assert [(text[a:b], k) for a, b, k in spans] == [("五大任务", "五大任务"), ("模范自治区", "模范自治区")]
    six = g.get("六个工程")
    assert all(k != six.key for i in range(len(six.definitions)) for _, _, k in g.definition_links(six.key, i))


def test_related_terms(g):
    assert g.related("两件大事")[:2] == [("五大任务", "defines"), ("模范自治区", "defines")]
    assert ("两件大事", "defined-by") in g.related("五大任务")
    assert ("两个维护", "co-occurs") in g.related("两个确立")
    assert g.related("两个确立") == g.related("两个确立")


@pytest.mark.parametrize("policy, expected", [
    ("all", 3),  # every linkable occurrence of 两个确立 in 000 (one sits inside an <a>)
    ("section", 2),  # first in section s1 and first in section s2
    ("page", 1),
])
def test_link_policies(policy, expected):
    g = build_glossary([ETUOKE, NEIMENGGU], make_config(CURATED, policy=policy))
    occs = [o for o in g.by_term("两个确立") if o.report_slug == "2024-etuoke-qi"]
    assert len([o for o in occs if o.linked]) == expected
    assert g.usage_count("两个确立") == 5  # 4 in 000, 1 in 002, whatever the policy
    assert occs[0].linked


def test_paragraph_links_are_sorted_and_do_not_overlap(g):
    for report in (ETUOKE, NEIMENGGU):
        for _, p in report.paragraphs():
            links = g.paragraph_links(report.slug, p.anchor)
            assert all(a.end <= b.start for a, b in zip(links, links[1:]))


def test_short_is_the_first_sentence():
    config = make_config([("双碳", "碳达峰与碳中和的合称。力争2030年前达峰。", [])])
    assert build_glossary([], config).terms["双碳"].short == "碳达峰与碳中和的合称。"
    long = make_config([("长词", "一" * 100 + "。", [])])
    short = build_glossary([], long).terms["长词"].short
    assert len(short) <= 60 and short.endswith("…")


def test_jieba_user_dict_keeps_terms_whole(g):
    import io

    import jieba

    text = g.jieba_user_dict()
    assert "三北工程 100000 nz\n" in text and "七个作模范 100000 nz\n" in text
    assert all(" " not in line.rsplit(" ", 2)[0] for line in text.splitlines())
    sentence = "坚定拥护两个确立，全力打好三北工程攻坚战，践行七个作模范。"
    plain = jieba.Tokenizer()
    plain_words = list(plain.cut(sentence))
    tok = jieba.Tokenizer()
    tok.load_userdict(io.StringIO(text))
    words = list(tok.cut(sentence))
    for term in ("三北工程", "两个确立", "七个作模范"):
        assert term in words
        assert term not in plain_words  # plain jieba: 三北/工程, 两个/确立, 七个/作/模范


def test_entry_without_definition_makes_no_term_and_no_crash():
    report = make_report("r", {"一、工作": ["推进空词条。"]}, entries=[("空词条", ""), ("四风", "形式主义等。")])
    g = build_glossary([report], make_config())
    assert g.get("空词条") is None
    assert g.entry_term("r", "mc-1") == ""
    assert g.entry_term("r", "mc-2") == "四风"
    assert g.entry_term("r", "no-such-anchor") == ""
