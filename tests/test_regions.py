"""The region registry: dataset resolution, hierarchy, text search, config merge."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import RegionConfig, load_config
from generator.errors import ConfigError
from generator.ingest import divisions
from generator.ingest.regions import RegionRegistry, short_form


@pytest.fixture(scope="module")
def reg() -> RegionRegistry:
    return RegionRegistry()


def chain(region):
    return [(r.name, r.code) for r in region.chain()]


@pytest.mark.parametrize("name, code, level, parents", [
    ("内蒙古自治区", "150000", "province", []),
    ("鄂尔多斯市", "150600", "prefecture", ["150000"]),
    ("鄂托克旗", "150624", "county", ["150000", "150600"]),
    ("呼和浩特市", "150100", "prefecture", ["150000"]),
    ("玉泉区", "150104", "county", ["150000", "150100"]),
    ("乌兰察布市", "150900", "prefecture", ["150000"]),
    ("锡林郭勒盟", "152500", "prefecture", ["150000"]),
    # elsewhere in China
    ("海淀区", "110108", "county", ["110000"]),  # the municipality is not repeated as a prefecture
    ("苏州市", "320500", "prefecture", ["320000"]),
    ("延边朝鲜族自治州", "222400", "prefecture", ["220000"]),
    ("恩施土家族苗族自治州", "422800", "prefecture", ["420000"]),
    ("济源市", "419001", "county", ["410000"]),  # administered directly by the province
    ("北京市", "110000", "province", []),
])
def test_resolve(reg, name, code, level, parents):
    region = reg.resolve(name)
    assert region.resolved and region.name == name
    assert (region.code, region.level) == (code, level)
    assert [p.code for p in region.parents] == parents
    assert all(p.level for p in region.parents)


def test_required_chains(reg):
    assert chain(reg.resolve("鄂托克旗")) == [("内蒙古自治区", "150000"), ("鄂尔多斯市", "150600"),
                                         ("鄂托克旗", "150624")]
    assert chain(reg.resolve("玉泉区")) == [("内蒙古自治区", "150000"), ("呼和浩特市", "150100"),
                                        ("玉泉区", "150104")]


def test_every_unique_dataset_name_resolves_to_itself(reg):
    dataset = divisions.load_dataset()
    names, _ = divisions.dataset_names()
    for key, entry in dataset.items():
        if len(names[entry.name]) != 1:
            continue
        region = reg.resolve(entry.name)
        code = entry.code
        assert region.code == code, entry.name
        for parent in region.parents:  # parents are code prefixes of the region
            assert code.startswith(parent.code.rstrip("0")[:2])


def test_short_forms(reg):
    assert short_form("乌兰察布市") == "乌兰察布"
    assert short_form("内蒙古自治区") == "内蒙古"
    assert short_form("广西壮族自治区") == "广西"
    assert short_form("新疆维吾尔自治区") == "新疆"
    assert short_form("莫力达瓦达斡尔族自治旗") == "莫力达瓦"
    assert short_form("巴音郭楞蒙古自治州") == "巴音郭楞"
    assert short_form("城区") == ""  # nothing sensible left
    assert reg.resolve("鄂托克").code == "150624"
    assert reg.resolve("乌兰察布").code == "150900"
    assert reg.resolve("内蒙古").code == "150000"
    assert reg.resolve("鄂托克前旗").code == "150623"  # a longer sibling keeps its own name


def test_unknown_name_is_unresolved(reg):
    region = reg.resolve("火星市")
    assert not region.resolved and region.code is None and region.parents == []
    assert region.name == "火星市"


def test_ambiguous_name_needs_a_parent_hint(reg):
    plain = reg.resolve("城区")
    assert not plain.resolved and plain.code is None  # three 城区 in China: no guess
    assert len(reg.candidates("城区")) == 3
    assert reg.resolve("城区", ["阳泉市人民政府"]).code == "140302"
    assert reg.resolve("城区", ["晋城市"]).code == "140502"
    assert reg.resolve("新城区", ["呼和浩特市"]).code == "150102"
    assert reg.resolve("新城区", ["西安市"]).code == "610102"


def test_find_in_text(reg):
    assert reg.find_in_text("内蒙古自治区第十四届人民代表大会").code == "150000"
    etuoke = reg.find_in_text("鄂托克旗第十八届人民代表大会第三次会议")
    assert chain(etuoke)[-1] == ("鄂托克旗", "150624")
    assert [p.name for p in etuoke.parents] == ["内蒙古自治区", "鄂尔多斯市"]
    assert reg.find_in_text("在鄂托克旗\n第十八届人民代表大会").code == "150624"
    assert reg.find_in_text("玉泉区第十八届 人民代表大会第一次会议").code == "150104"
    assert reg.find_in_text("2010年内蒙古自治区政府工作报告").code == "150000"
    assert reg.find_in_text("呼和浩特市新城区第十届人民代表大会").code == "150102"  # most specific
    assert reg.find_in_text("乌兰察布市_2014").code == "150900"
    assert reg.find_in_text("政府工作报告") is None
    assert reg.find_in_text("自治区主席") is None
    ambiguous = reg.find_in_text("城区第十届人民代表大会")
    assert ambiguous is not None and not ambiguous.resolved and ambiguous.code is None


def test_children(reg):
    names = [r.name for r in reg.children("150600")]
    assert "鄂托克旗" in names and "鄂托克前旗" in names and "东胜区" in names
    assert all(r.parents[-1].code == "150600" for r in reg.children("150600"))
    assert "乌兰察布市" in [r.name for r in reg.children("150000")]
    assert reg.children("999999") == []


def test_count_mentions_ignores_two_character_common_words(reg):
    text = "合作共赢，资源节约。乌兰察布发展，乌兰察布人民，支持乌兰察布。"
    counts = reg.count_mentions(text, ("市",))
    assert counts == {"150900": 3}  # 合作(市) and 资源(县) are not counted


def test_dataset_is_loaded_once():
    # Load time is measured by benchmarks, not asserted here.
    assert divisions.load_dataset() is divisions.load_dataset()


def test_exists_in_dataset():
    assert RegionRegistry.exists_in_dataset("内蒙古自治区")
    assert RegionRegistry.exists_in_dataset("鄂托克旗")
    assert RegionRegistry.exists_in_dataset("乌兰察布")  # unique short form
    assert not RegionRegistry.exists_in_dataset("火星市")
    assert not RegionRegistry.exists_in_dataset("锡盟")  # only an alias in regions.yaml


# --------------------------------------------------------------------------- config merge


class _Config:
    def __init__(self, regions):
        self.regions = regions


def test_config_adds_regions_and_aliases():
    config = _Config([
        RegionConfig("锡林郭勒盟", aliases=["锡盟"]),
        RegionConfig("示例新区", level="county", parent="鄂尔多斯市"),
        RegionConfig("示例开发区", level="county", code="150699", parent="鄂尔多斯市", aliases=["示例区"]),
    ])
    reg = RegionRegistry(config)
    assert reg.resolve("锡盟").code == "152500"
    new = reg.resolve("示例新区")
    assert new.resolved and new.code is None and new.level == "county"
    assert [p.name for p in new.parents] == ["内蒙古自治区", "鄂尔多斯市"]
    coded = reg.resolve("示例区")
    assert (coded.name, coded.code) == ("示例开发区", "150699")
    assert reg.find_in_text("示例开发区第一届人民代表大会").code == "150699"
    assert "示例开发区" in [r.name for r in reg.children("150600")]
    # the shared registry data is not changed by one registry's config
    assert RegionRegistry().resolve("锡盟").resolved is False


def _write(root: Path, name: str, text: str) -> None:
    (root / "site_config").mkdir(exist_ok=True)
    (root / "site_config" / name).write_text(text, encoding="utf-8")


def test_override_with_unknown_region_is_a_config_error(tmp_path):
    _write(tmp_path, "reports.yaml", "a.txt:\n  year: 2024\nb.txt:\n  region: 火星市\n")
    with pytest.raises(ConfigError) as err:
        load_config(tmp_path, region_exists=RegionRegistry.exists_in_dataset)
    assert err.value.path.endswith("reports.yaml")
    assert err.value.line == 4
    assert "火星市" in err.value.message
    assert "regions.yaml" in err.value.fix
    assert str(err.value).startswith(str(tmp_path / "site_config" / "reports.yaml") + ":4: ")


def test_override_accepts_dataset_names_and_regions_yaml_names(tmp_path):
    _write(tmp_path, "regions.yaml", "regions:\n  - name: 示例新区\n    parent: 鄂尔多斯市\n"
                                     "  - name: 锡林郭勒盟\n    aliases: [锡盟]\n")
    _write(tmp_path, "reports.yaml", "a.txt:\n  region: 鄂托克旗\nb.txt:\n  region: 示例新区\n"
                                     "c.txt:\n  region: 锡盟\nd.txt:\n  region: 乌兰察布\n")
    config = load_config(tmp_path, region_exists=RegionRegistry.exists_in_dataset)
    assert sorted(config.reports) == ["a.txt", "b.txt", "c.txt", "d.txt"]


def test_project_site_config_is_valid(root):
    config = load_config(root, region_exists=RegionRegistry.exists_in_dataset)
    reg = RegionRegistry(config)
    for override in config.reports.values():
        if "region" in override.fields:
            assert reg.resolve(override.fields["region"]).resolved


def test_config_alias_for_a_shared_name_picks_the_parent():
    reg = RegionRegistry(_Config([RegionConfig("城区", parent="阳泉市", aliases=["阳泉城区"])]))
    assert reg.resolve("阳泉城区").code == "140302"
    assert len(reg.candidates("城区")) == 3  # no fourth 城区 was invented


def test_config_level_does_not_leak_into_other_registries():
    reg = RegionRegistry(_Config([RegionConfig("鄂托克旗", level="prefecture")]))
    assert reg.resolve("鄂托克旗").level == "prefecture"
    assert RegionRegistry().resolve("鄂托克旗").level == "county"


def test_config_parent_may_be_a_short_form():
    reg = RegionRegistry(_Config([RegionConfig("示例旗", level="county", parent="乌兰察布")]))
    assert [p.code for p in reg.resolve("示例旗").parents] == ["150000", "150900"]


def test_former_divisions_resolve_with_their_own_code(reg):
    """Regions that no longer exist (yescallop/areacodes): 莱芜市 merged into 济南市 in 2019,
    番禺市 became 番禺区; the report keeps the name and code it was given under."""
    m = reg.find_in_text("在莱芜市第十六届人民代表大会第三次会议上")
    assert (m.name, m.level, m.code, [p.name for p in m.parents]) == ("莱芜市", "prefecture", "371200", ["山东省"])
    m = reg.resolve("番禺市")
    assert (m.level, m.code, [p.code for p in m.parents]) == ("county", "440181", ["440000", "440100"])
    assert RegionRegistry.exists_in_dataset("襄樊市")
    assert reg.resolve("济南市").code == "370100"  # the current names are untouched


def test_state_council_is_the_national_level(reg):
    m = reg.find_in_text("国务院总理")
    assert (m.name, m.level, m.code, m.parents) == ("国务院", "national", "100000", [])
    # a province named beside it is the more specific region
    assert reg.find_in_text("国务院副总理兼四川省省长").name == "四川省"


def test_no_match_inside_a_longer_word(reg):
    assert [w for _, w, _ in reg.mentions("召开城市合作市长联席会议")] == []
    assert [w for _, w, _ in reg.mentions("苏州市长张三")] == ["苏州市"]
