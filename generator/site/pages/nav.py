"""The site navigation: one tab per top folder, pages sorted deterministically.

Tabs: 首页 / 报告 (reports/, years/) / 地区 / 专题 / 术语表 / 关于. Inside a tab a
folder's ``index.md`` comes first (Material's ``navigation.indexes`` makes it the
tab's page), then pages and ``group`` sub-sections by their ``order`` key and path.
The result is a plain MkDocs ``nav`` list plus the paths kept out of it.

The nav holds only pages whose number does not grow with the corpus: the tabs' index
pages, the topics, the glossary views, the hand-written pages. Report, region, year and
term pages (and the further pages of paginated ones) are ``in_nav=False``: Material
renders the nav into every page, so a nav listing them made each page's chrome grow with
the number of reports (204 KB of a 271 KB report page at 970 reports). The index pages
navigate instead: 报告 links every report by province, region and year (one click),
region pages their own and their children's reports.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field, replace
from typing import Iterable

from ..context import Page

# (tab title, top folders or root files it holds)
TABS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("首页", ("index.md",)),
    ("报告", ("reports", "years")),
    ("地区", ("regions",)),
    ("专题", ("topics",)),
    ("术语表", ("glossary",)),
    ("目标", ("targets",)),
    ("数据", ("data",)),
    ("关于", ("about",)),
)


@dataclass
class Nav:
    items: list = field(default_factory=list)  # MkDocs nav structure
    not_in_nav: list[str] = field(default_factory=list)  # docs-relative paths
    unplaced: list[str] = field(default_factory=list)  # pages no tab holds (also in not_in_nav)

    def to_yaml_data(self) -> dict:
        return {"nav": self.items, "not_in_nav": "\n".join("/" + p for p in self.not_in_nav)}


def tab_of(path: str) -> str:
    top = path.split("/", 1)[0]
    for title, tops in TABS:
        if top in tops:
            return title
    return ""


def _safe(value) -> tuple:
    """A sort key that never compares an int with a str."""
    if isinstance(value, (tuple, list)):
        return tuple(_safe(v) for v in value)
    if isinstance(value, bool) or isinstance(value, (int, float)):
        return (0, value, "")
    return (1, 0, str(value))


def _key(page: Page, folder_rank: dict[str, int]) -> tuple:
    is_index = page.path.rsplit("/", 1)[-1] == "index.md"
    return (folder_rank[page.path.split("/", 1)[0]], 0 if is_index else 1, _safe(page.order), page.path)


def _render(pages: list[Page]) -> list:
    """Nav entries; a leading folder index has no title (navigation.indexes makes it the section page)."""
    out: list = []
    for i, page in enumerate(pages):
        if i == 0 and page.path.endswith("/index.md"):
            out.append(page.path)
        else:
            out.append({_title(page.nav_title): page.path})
    return out


def _title(text: str) -> str:
    """Nav titles go into Material's HTML unescaped: escape them here."""
    return html.escape(" ".join(text.split()), quote=False)


def _group_items(pages: list[Page], folder_rank: dict[str, int]) -> list:
    entries: list[tuple[tuple, object]] = []
    groups: dict[str, list[Page]] = {}
    for page in pages:
        if page.group:
            groups.setdefault(page.group, []).append(page)
        else:
            entries.append((_key(page, folder_rank), page))
    for name, members in groups.items():
        members.sort(key=lambda p: _key(p, folder_rank))
        first = _key(members[0], folder_rank)
        entries.append(((first[0], 1) + first[2:], {_title(name): _render(members)}))
    entries.sort(key=lambda e: e[0])
    items: list = []
    for _, entry in entries:
        items.append(_render([entry])[0] if not items and isinstance(entry, Page)
                     else {_title(entry.nav_title): entry.path} if isinstance(entry, Page) else entry)
    return items


def _secondary_folders_grouped(pages: list[Page], tops: tuple[str, ...]) -> list[Page]:
    """In a tab holding several folders, each folder after the first becomes one section,
    titled by its index page (e.g. 报告 → 按年份 with years/index.md as the section page)."""
    out = []
    titles = {p.path.split("/", 1)[0]: p.nav_title for p in pages if p.path.endswith("/index.md")}
    for page in pages:
        top = page.path.split("/", 1)[0]
        if top != tops[0] and not page.group:
            page = replace(page, group=titles.get(top, top))
        out.append(page)
    return out


def build_nav(pages: Iterable[Page]) -> Nav:
    nav = Nav()
    by_tab: dict[str, list[Page]] = {}
    for page in sorted(pages, key=lambda p: p.path):
        if not page.in_nav:
            nav.not_in_nav.append(page.path)
            continue
        tab = tab_of(page.path)
        if not tab:
            nav.unplaced.append(page.path)
            nav.not_in_nav.append(page.path)
            continue
        by_tab.setdefault(tab, []).append(page)
    for title, tops in TABS:
        members = by_tab.get(title)
        if not members:
            continue
        if tops == ("index.md",):
            nav.items.append({title: members[0].path})
            continue
        rank = {top: i for i, top in enumerate(tops)}
        nav.items.append({title: _group_items(_secondary_folders_grouped(members, tops), rank)})
    return nav
