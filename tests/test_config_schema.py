"""The site_config/ schema: documented options, and fail-fast and collect-all saying the same."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT
from generator.config import FILE_SCHEMAS, ConfigError, check_config, load_config, option_docs
from generator.config.options import SpeakerSchema


@pytest.mark.parametrize("schema", [*FILE_SCHEMAS.values(), SpeakerSchema], ids=lambda s: s.__name__)
def test_every_option_has_a_docstring(schema):
    docs = option_docs(schema)
    assert docs
    assert all(doc for _, _, doc in docs), [name for name, _, doc in docs if not doc]


BROKEN = {
    "site.yaml": "link_policy: sometimes\nsearch: google\nstrict: yes-please\n",
    "regions.yaml": "- name: 示例区\n  level: town\n  code: 12\n- parent: 无名\n",
    "topics.yaml": "- name: 甲\n  slug: Jia\n  keywords: [甲]\n- name: 乙\n  slug: yi\n- name: 丙\n  slug: yi\n  keywords: 丙\n",
    "glossary.yaml": "- term: 甲\n  source: 某\n- term: 乙\n  definition: 定义\n  colour: red\n",
    "categories.yaml": "- category: 甲\n- terms: [乙]\n",
    "reports.yaml": "a.txt:\n  date: 2024-01-26\n  region: 火星市\nb.txt:\n  speaker: {name: 某, rank: 1}\n",
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_fail_fast_raises_the_first_of_all_problems(tmp_path, name):
    (tmp_path / "site_config").mkdir()
    (tmp_path / "site_config" / name).write_text(BROKEN[name], encoding="utf-8")
    _, problems = check_config(tmp_path, region_exists=lambda region: False)
    assert len(problems) >= 2 and all(p.severity == "error" and p.fix for p in problems)
    with pytest.raises(ConfigError) as err:
        load_config(tmp_path, region_exists=lambda region: False)
    assert err.value.diagnostic == problems[0]
    assert str(err.value) == problems[0].format(severity=False)


def test_collect_all_keeps_the_valid_entries(tmp_path):
    shutil.copytree(ROOT / "site_config", tmp_path / "site_config")
    path = tmp_path / "site_config" / "glossary.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n- term: 坏条目\n", encoding="utf-8")
    config, problems = check_config(tmp_path)
    assert [p.message for p in problems] == ["glossary entry '坏条目' has no definition",
                                             "glossary entry '坏条目' has no source note"]
    assert len(config.glossary) == len(load_config(ROOT).glossary)


def test_reports_setting_points_the_site_at_any_folder(tmp_path):
    """`reports:` in site.yaml (relative or absolute) is the folder the site is built from."""
    from conftest import ROOT
    from generator.config import load_config
    from generator.project import load_project

    (tmp_path / "site_config").mkdir()
    (tmp_path / "elsewhere").mkdir()
    for name in ("2024-etuoke-qi.txt", "2022-yuquan-qu.txt"):
        (tmp_path / "elsewhere" / name).write_bytes((ROOT / "seeds" / name).read_bytes())
    (tmp_path / "site_config" / "site.yaml").write_text("reports: elsewhere\n", encoding="utf-8")
    assert load_config(tmp_path).settings.reports_dir == "elsewhere"
    project = load_project(tmp_path)
    assert sorted(r.slug for r in project.reports) == ["2022-yuquan-qu", "2024-etuoke-qi"]
