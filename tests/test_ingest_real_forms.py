"""Forms seen in real reports, on small synthetic texts: what a reader would see."""

from __future__ import annotations

from generator.ingest import check_fidelity, parse_text

HEAD = "政府工作报告\n\n各位代表：\n\n现在我代表市政府报告工作。\n\n"


def parse(body: str):
    text = HEAD + body
    report = parse_text(text, "forms.txt")
    assert check_fidelity(text, report) == []
    return report


def tree(report):
    return [(s.level, s.title) for s in report.walk_sections()]


def texts(section):
    return [(p.kind, p.number, p.text) for p in section.paragraphs]


def reasons(report, reason):
    return [r for r in report.removed if r.reason == reason]


def test_part_title_with_commas_is_a_part():
    r = parse("一、坚持稳字当头，推动城市更新\n\n全年工作平稳。\n\n二、扩大开放合作，增强发展活力\n\n外贸增长。\n")
    assert tree(r) == [(1, "一、坚持稳字当头，推动城市更新"), (1, "二、扩大开放合作，增强发展活力")]


def test_run_in_part_title_is_the_first_sentence():
    r = parse("一、全力扩大有效投资。围绕重点项目，加快开工建设，全年完成投资增长。\n\n"
              "二、加快培育新动能。支持企业创新。\n")
    assert tree(r) == [(1, "一、全力扩大有效投资。"), (1, "二、加快培育新动能。")]
    assert texts(r.sections[0]) == [("text", "", "围绕重点项目，加快开工建设，全年完成投资增长。")]


def test_bold_run_in_heads_at_top_level_are_parts():
    r = parse("**过去一年的工作** 一年来，经济平稳增长。\n\n**今年的主要任务** 今年要稳中求进。\n")
    assert tree(r) == [(1, "过去一年的工作"), (1, "今年的主要任务")]
    assert texts(r.sections[1]) == [("text", "", "今年要稳中求进。")]


def test_bold_run_in_head_inside_a_part_is_a_lead():
    r = parse("一、工作回顾\n\n**加快产业升级。**全年新增企业三百家。\n\n**改善城乡环境。**新建公园五个。\n")
    assert tree(r) == [(1, "一、工作回顾")]
    paras = r.sections[0].paragraphs
    assert [p.text[: p.lead] for p in paras] == ["加快产业升级。", "改善城乡环境。"]


def test_lone_bold_run_in_head_is_a_lead():
    r = parse("**过去一年的工作** 一年来，经济平稳增长。\n\n全年结束。\n")
    assert tree(r) == []
    assert r.preamble[-2].text.startswith("过去一年的工作") and r.preamble[-2].lead == len("过去一年的工作")


def test_standalone_dash_head_is_a_sub_heading_not_joined():
    r = parse("一、工作回顾\n\n——工业经济稳步回升\n\n规上工业增加值增长百分之五。\n\n"
              "——城乡面貌持续改善\n\n新建道路十条。\n")
    assert tree(r) == [(1, "一、工作回顾"), (2, "——工业经济稳步回升"), (2, "——城乡面貌持续改善")]
    assert texts(r.sections[0].sections[0]) == [("text", "", "规上工业增加值增长百分之五。")]


def test_dash_lines_with_no_text_after_them_stay_paragraphs():
    r = parse("一、奋斗目标\n\n——建设创新之城\n——建设开放之城\n")
    assert tree(r) == [(1, "一、奋斗目标")]
    assert [p.text for p in r.sections[0].paragraphs] == ["——建设创新之城", "——建设开放之城"]


def test_numbered_list_after_a_colon_lead_inside_a_part_is_items():
    r = parse("一、今年工作安排\n\n全年目标明确。\n\n今年重点办好以下民生实事：\n\n"
              "一、新建中小学校五所。\n\n二、改造老旧小区三十个。\n\n三、增开公交线路十条；新建停车场。\n\n"
              "二、加强政府自身建设\n\n依法行政。\n")
    assert tree(r) == [(1, "一、今年工作安排"), (1, "二、加强政府自身建设")]
    items = [(k, n, t) for k, n, t in texts(r.sections[0]) if k == "item"]
    assert items == [("item", "一、", "新建中小学校五所。"), ("item", "二、", "改造老旧小区三十个。"),
                     ("item", "三、", "增开公交线路十条；新建停车场。")]
    assert not [d for d in r.diagnostics if "heading number" in d.message]


def test_numbered_full_sentences_are_items():
    r = parse("一、民生实事\n\n一、市县两级财政投入八千万元，新建平安社区二百个，使全市一半社区成为平安社区；"
              "建设治安卡口系统三十八套。\n\n二、全市新增公交线路四十七条，增加运力三百辆；新建一批人行天桥。\n")
    assert tree(r) == [(1, "一、民生实事")]
    assert [(k, n) for k, n, _ in texts(r.sections[0])] == [("item", "一、"), ("item", "二、")]


def test_pagination_lines_removed_and_recorded():
    r = parse("一、工作回顾\n\n经济增长。\n\n第1页第2页第3页\n\n上一页 1 2 3 下一页\n\n民生改善。\n")
    assert [p.text for p in r.sections[0].paragraphs] == ["经济增长。", "民生改善。"]
    assert [x.text for x in reasons(r, "pagination")] == ["第1页第2页第3页", "上一页 1 2 3 下一页"]


def test_markdown_table_stays_one_block():
    r = parse("一、主要指标\n\n| 指标 | 目标 |\n| --- | --- |\n| 生产总值 | 增长6% |\n| 居民收入 | 增长7% |\n\n说明完毕。\n")
    paras = r.sections[0].paragraphs
    assert [p.kind for p in paras] == ["table", "text"]
    assert paras[0].text.split("\n") == ["| 指标 | 目标 |", "| --- | --- |", "| 生产总值 | 增长6% |",
                                         "| 居民收入 | 增长7% |"]


def test_pipe_lines_without_separator_are_text():
    r = parse("一、说明\n\n| 甲方 | 乙方 |\n")
    assert r.sections[0].paragraphs[0].kind == "text"


def test_html_entities_decoded_and_recorded():
    r = parse("一、回顾\n\n增长&mdash;&mdash;很快，降低2&permil;，&#8220;放管服&#8221;改革&nbsp;深化。\n")
    assert r.sections[0].paragraphs[0].text == "增长——很快，降低2‰，“放管服”改革深化。"  # the space then is a stray space
    recs = reasons(r, "html-entity")
    assert [x.text for x in recs] == ["&mdash;", "&mdash;", "&permil;", "&#8220;", "&#8221;", "&nbsp;"]
    assert "‰" in recs[2].detail


def test_stray_tags_and_nbsp_literal_removed_and_recorded():
    r = parse("一、回顾\n\n<p>经济增长。<br>民生<strong>改善</strong>。</span>城乡<U+00A0>协调。</p>\n")
    assert r.sections[0].paragraphs[0].text == "经济增长。民生改善。城乡协调。"
    assert [x.text for x in reasons(r, "html-tag")] == ["<p>", "<br>", "<strong>", "</strong>", "</span>", "</p>"]
    assert [x.text for x in reasons(r, "html-entity")] == ["<U+00A0>"]


def test_jump_markers_mid_text_removed():
    r = parse("一、回顾\n\n经济增长。（下转A2版）\n\n（上接A1版）民生改善。（转第3版）城乡协调。\n")
    assert [p.text for p in r.sections[0].paragraphs] == ["经济增长。", "民生改善。城乡协调。"]
    assert [x.text for x in reasons(r, "jump-marker")] == ["（下转A2版）", "（上接A1版）", "（转第3版）"]


def test_no_join_after_a_jump_marker_a_note_or_a_heading_like_line():
    r = parse("一、回顾\n\n全市生产总值达到（下转第二版）\n千亿元的工作成绩。\n（记者 摄）\n下一段文字开始\n")
    assert [p.text for p in r.sections[0].paragraphs] == [
        "全市生产总值达到", "千亿元的工作成绩。", "（记者 摄）", "下一段文字开始"]


def test_stray_space_between_han_characters_removed_in_body_only():
    r = parse("一、回顾\n\n我们建成了示 范市，现代生 物医药产业加快发展。\n\n| 指标 名称 | 目标 |\n|---|---|\n")
    paras = r.sections[0].paragraphs
    assert paras[0].text == "我们建成了示范市，现代生物医药产业加快发展。"
    assert paras[1].text.startswith("| 指标 名称 |")  # tables untouched
    assert [x.text for x in reasons(r, "stray-space")] == [" ", " "]


def test_signature_line_is_neither_part_nor_joined():
    r = parse("市长　王某某\n\n一、工作回顾\n\n经济增长。\n\n二、工作安排\n\n稳中求进。\n")
    assert tree(r) == [(1, "一、工作回顾"), (1, "二、工作安排")]
    assert "市长　王某某" in [p.text for p in r.preamble]


def test_lone_unnumbered_title_holding_all_parts_is_not_a_part():
    r = parse("关于今年计划执行情况的报告\n\n一、工作回顾\n\n经济增长。\n\n二、工作安排\n\n稳中求进。\n")
    assert tree(r) == [(1, "一、工作回顾"), (1, "二、工作安排")]


def test_space_inside_a_quoted_slogan_is_kept():
    r = parse("一、回顾\n\n广泛开展“节约用水 人人有责”宣传活动，群众参 与热情高涨。\n")
    assert r.sections[0].paragraphs[0].text == "广泛开展“节约用水 人人有责”宣传活动，群众参与热情高涨。"


def test_plain_year_title_with_a_two_character_word():
    """``2022年工作`` (a year and one word, alone on its line) is a part title like
    ``2023年总体要求``."""
    text = "各位代表：\n现在，我代表市人民政府向大会报告工作。\n2022年工作\n过去一年很不平凡。\n2023年总体要求\n今年要稳中求进。\n"
    report = parse_text(text, "y.txt")
    assert [s.title for s in report.sections] == ["2022年工作", "2023年总体要求"]


def test_bold_runin_parts_with_numbered_subsections_between():
    """Bold run-in part titles stay parts after the 一、 sub-sections of the first one."""
    text = ("各位代表：\n**2011年工作回顾** 过去一年成绩显著。\n一、经济平稳增长\n生产总值增长。\n二、民生改善\n收入增加。\n"
            "**2012年工作任务** 今年任务艰巨。\n一、稳增长\n抓项目。\n")
    report = parse_text(text, "b.txt")
    assert [s.title for s in report.sections] == ["2011年工作回顾", "2012年工作任务"]
    assert [s.title for s in report.sections[1].sections] == ["一、稳增长"]
