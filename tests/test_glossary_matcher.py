"""The matcher: normalization, leftmost-longest matches, matches across quotes."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from generator.glossary.matcher import Matcher
from generator.glossary.normalize import Projection, normalize, strip_quotes


def spans(matcher: Matcher, text: str) -> list[tuple[str, str]]:
    return [(text[a:b], key) for a, b, key in matcher.find(text)]


def test_normalize_ignores_quotes_spaces_width_and_case():
    key = normalize("三北工程")
    for spelling in ["“三北”工程", "\"三北\"工程", "「三北」工程", "『三北』工程", "‘三北’工程",
                     "三北 工程", "三北\u3000工程", "＂三北＂工程"]:
        assert normalize(spelling) == key, spelling
    assert normalize("５Ｇ") == normalize("5g") == "5g"
    assert normalize("三北工程") != normalize("三北")


def test_headword_drops_quotes_but_keeps_the_words():
    assert strip_quotes("“四办”改革") == "四办改革"
    assert strip_quotes("办好两件大事的 6 部促进条例") == "办好两件大事的6部促进条例"
    assert strip_quotes("闯新路、进中游") == "闯新路、进中游"


def test_longest_match_wins():
    m = Matcher({"三北": "三北", "三北工程": "三北工程", "工程": "工程"})
    assert spans(m, "推进三北工程建设") == [("三北工程", "三北工程")]
    assert spans(m, "三北地区的工程") == [("三北", "三北"), ("工程", "工程")]


def test_leftmost_match_wins_over_a_longer_later_one():
    m = Matcher({"黄河几字弯": "a", "几字弯攻坚战": "b"})
    # Both overlap at 几字弯: the one starting first is taken, the other is dropped.
    assert spans(m, "黄河几字弯攻坚战") == [("黄河几字弯", "a")]


def test_match_spans_quotes_and_covers_them():
    m = Matcher({"三北工程": "k1", "六句话的事实和道理": "k2", "模范自治区": "k3"})
    assert spans(m, "全力打好“三北”工程攻坚战") == [("“三北”工程", "k1")]
    assert spans(m, "深刻把握“六句话”的事实和道理") == [("“六句话”的事实和道理", "k2")]
    # Balanced quotes around a whole term stay outside the link.
    assert spans(m, "建设“模范自治区”") == [("模范自治区", "k3")]


def test_match_across_width_and_spaces_maps_back_to_original_offsets():
    m = Matcher({"5G基站": "5g"})
    text = "建成５Ｇ基站120个，5 G 基站"
    found = m.find(text)
    assert [text[a:b] for a, b, _ in found] == ["５Ｇ基站", "5 G 基站"]


def test_alias_and_headword_lead_to_one_key():
    m = Matcher({"三北工程": "三北工程", "三北防护林体系建设工程": "三北工程"})
    assert [k for _, _, k in m.find("三北防护林体系建设工程和三北工程")] == ["三北工程", "三北工程"]
    assert m.lookup("“三北”工程") == "三北工程"
    assert m.lookup("三北") is None


def test_empty_matcher_finds_nothing():
    assert Matcher({}).find("三北工程") == []


HAN = st.sampled_from(list("三北工程两个确立“”「」 ５Ｇ治沙") )


@settings(max_examples=200, deadline=None)
@given(st.text(HAN, max_size=40))
def test_projection_maps_every_match_inside_the_text_without_overlaps(text):
    m = Matcher({"三北工程": "a", "三北": "b", "两个确立": "c", "5g": "d", "治沙": "e"})
    found = m.find(text)
    last = 0
    for start, end, key in found:
        assert 0 <= last <= start < end <= len(text)
        assert normalize(text[start:end]) in {"三北工程", "三北", "两个确立", "5g", "治沙"}
        last = end
    proj = Projection(text)
    assert proj.text == normalize(text)


def test_compatibility_characters_map_back_to_the_original_character():
    # ① and ㈠ expand under NFKC; the occurrence still covers the original text.
    m = Matcher({"三北工程": "k", "1号": "n"})
    text = "①号线，㈠“三北”工程"
    assert spans(m, text) == [("①号", "n"), ("“三北”工程", "k")]


MIXED = st.sampled_from(list("三北工程两个确立“”「」『』‘’、 \u3000５Ｇg①㈠（）ｶﾞ") + ["\U0001F600"])


@settings(max_examples=300, deadline=None)
@given(st.text(MIXED, max_size=30))
def test_projection_offsets_stay_inside_and_in_order(text):
    proj = Projection(text)
    positions = [proj.orig(p) for p in range(len(proj.text))]
    assert positions == sorted(positions)
    assert all(0 <= i < len(text) for i in positions)
    m = Matcher({"三北工程": "a", "两个确立": "b", "5g": "c", "1": "d"})
    last = 0
    for start, end, _ in m.find(text):
        assert last <= start < end <= len(text)
        last = end


def test_benchmark_glossary_keeps_the_real_phrases_and_fills_up_to_size():
    import importlib.util

    from conftest import ROOT

    spec = importlib.util.spec_from_file_location("glossary_linking", ROOT / "benchmarks" / "glossary_linking.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    surfaces = bench.synthetic_surfaces(300, ["两个确立", "三北工程"], real=2)
    assert len(surfaces) == 300 and list(surfaces)[:2] == ["两个确立", "三北工程"]
    assert len(set(surfaces.values())) == 300


def brute_force(surfaces: list[str], text: str) -> list[tuple[int, int]]:
    """Leftmost-longest by trying every surface at every position (the reference)."""
    out, i = [], 0
    while i < len(text):
        best = max((len(s) for s in surfaces if text.startswith(s, i)), default=0)
        if best:
            out.append((i, i + best))
            i += best
        else:
            i += 1
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(st.sampled_from(list("三北工程两个确立丁一七")), min_size=1, max_size=4),
                min_size=1, max_size=8, unique=True),
       st.text(st.sampled_from(list("三北工程两个确立丁一七")), max_size=40))
def test_matcher_agrees_with_brute_force_leftmost_longest(surfaces, text):
    # 丁 (U+4E01) and 七 (U+4E03) share hex digits with 一 (U+4E00): a match straddling
    # two characters in the hex spelling must never be reported.
    m = Matcher({s: s for s in surfaces})
    matched = [s for s in surfaces if len(s) >= 2]  # one-character terms are never matched
    assert [(a, b) for a, b, _ in m.find_projected(text)] == brute_force(matched, text)


def test_one_character_terms_are_never_matched_in_text():
    """A 名词解释 may define ``P`` or ``附``: linked, they would be found inside GDP, PM2.5
    and 附件. The term is still known by its spelling (its entry and page)."""
    m = Matcher({"P": "p", "附": "附", "GDP核算": "gdp核算"})
    assert spans(m, "GDP增长，PM2.5下降，附件见后；GDP核算改革。") == [("GDP核算", "gdp核算")]
    assert m.lookup("P") == "p" and m.lookup("附") == "附"
