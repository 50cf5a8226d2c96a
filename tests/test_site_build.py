"""The whole build: determinism, incremental writes, navigation, and `mkdocs build --strict`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT
from generator.site.build import build_site
from generator.site.context import Page
from generator.site.pages.nav import TABS, build_nav


def _snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    a, b = tmp_path_factory.mktemp("a"), tmp_path_factory.mktemp("b")
    first = build_site(ROOT, out_dir=a, quiet=True, echo=False)
    second = build_site(ROOT, out_dir=b, quiet=True, echo=False)
    again = build_site(ROOT, out_dir=a, quiet=True, echo=False)
    return a, b, first, second, again


def test_builds_are_byte_identical(two_builds):
    a, b, first, *_ = two_builds
    assert first.ok
    assert _snapshot(a) == _snapshot(b)
    assert first.written == len(_snapshot(a)) > 10


def test_second_build_writes_nothing(two_builds):
    *_, again = two_builds
    assert (again.written, again.deleted) == (0, 0)
    assert again.unchanged > 10


def test_output_holds_pages_and_docs_src(two_builds):
    a, _, first, *_ = two_builds
    files = _snapshot(a)
    assert "about/index.md" in files and "stylesheets/extra.css" in files
    assert "reports/2024-etuoke-qi.md" in files
    assert all(page.path in files for page in first.pages)
    assert (ROOT / "build" / "jieba_user_dict.txt").read_text(encoding="utf-8").strip()


def test_nav_covers_every_page_in_tab_order(two_builds):
    _, _, first, *_ = two_builds
    nav = yaml.safe_load((ROOT / "build" / "nav.yml").read_text(encoding="utf-8"))
    assert nav["nav"] == first.nav.items
    tabs = [next(iter(item)) for item in nav["nav"]]
    assert tabs == [t for t, _ in TABS if t in tabs]
    assert {"报告", "地区", "关于"} <= set(tabs)

    def paths(items):
        for item in items:
            if isinstance(item, str):
                yield item
            else:
                for value in item.values():
                    yield from ([value] if isinstance(value, str) else paths(value))

    listed = list(paths(nav["nav"]))
    assert len(listed) == len(set(listed))
    expected = {p.path for p in first.pages if p.in_nav}
    assert set(listed) == expected
    assert set(first.nav.not_in_nav) == {p.path for p in first.pages if not p.in_nav}


def test_nav_groups_and_index_first():
    pages = [Page("reports/b.md", "", "2024年", group="乙地", order=("b", 2024)),
             Page("reports/a.md", "", "2023年", group="甲地", order=("a", 2023)),
             Page("reports/index.md", "", "报告"), Page("years/index.md", "", "按年份"),
             Page("years/2024.md", "", "2024年", order=(2024,)),
             Page("about/candidates.md", "", "候选术语", in_nav=False), Page("index.md", "", "首页"),
             Page("odd/x.md", "", "x")]
    nav = build_nav(pages)
    assert nav.items == [
        {"首页": "index.md"},
        {"报告": ["reports/index.md", {"甲地": [{"2023年": "reports/a.md"}]}, {"乙地": [{"2024年": "reports/b.md"}]},
                {"按年份": ["years/index.md", {"2024年": "years/2024.md"}]}]},
    ]
    assert nav.not_in_nav == ["about/candidates.md", "odd/x.md"] and nav.unplaced == ["odd/x.md"]


@pytest.mark.skipif(shutil.which("mkdocs") is None, reason="mkdocs not installed")
def test_mkdocs_build_strict_on_the_seeds(tmp_path):
    """The real thing: `mkdocs build --strict` in a copy of the project (hook generates docs/)."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("seeds", "site_config", "docs_src"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    (project / "docs").mkdir()  # a fresh clone has it: docs/.gitignore is committed
    shutil.copy(ROOT / "docs" / ".gitignore", project / "docs" / ".gitignore")
    (project / "generator").mkdir()
    shutil.copy(ROOT / "generator" / "mkdocs_hooks.py", project / "generator" / "mkdocs_hooks.py")
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                          cwd=project, env=env, capture_output=True, text=True, timeout=900)
    problems = [line for line in proc.stderr.splitlines() if "WARNING" in line or "ERROR" in line]
    assert proc.returncode == 0, "\n".join(problems[:30]) or proc.stderr[-3000:]
    site = tmp_path / "site"
    page = (site / "reports" / "2024-etuoke-qi" / "index.html").read_text(encoding="utf-8")
    assert 'id="p1-2"' in page and 'class="headerlink"' in page
    assert (site / "about" / "index.html").exists()
    # Search keeps glossary terms whole: jieba got the glossary as its user dictionary, so
    # the index holds 三北工程 etc. as single tokens (plain jieba: 三北/工程, 两个/确立, 七个/作/模范).
    import json

    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    tokens = {t for doc in index["docs"] for t in (doc["title"] + "\u200b" + doc["text"]).split("\u200b")}
    assert {"三北工程", "两个确立", "七个作模范"} <= tokens


def test_nav_titles_are_escaped():
    nav = build_nav([Page("reports/x.md", "", "<img src=x onerror=alert(1)>", group="<b>组</b>")])
    assert nav.items == [{"报告": [{"&lt;b&gt;组&lt;/b&gt;": [{"&lt;img src=x onerror=alert(1)&gt;": "reports/x.md"}]}]}]


def test_hook_sets_nav_and_search_dictionary(tmp_path):
    from mkdocs.config import load_config as load_mkdocs_config

    from generator import mkdocs_hooks

    config = load_mkdocs_config(str(ROOT / "mkdocs.yml"))
    config.docs_dir = str(tmp_path)
    config = mkdocs_hooks.on_config(config)
    assert [next(iter(item)) for item in config.nav][:2] == ["首页", "报告"]
    assert config.not_in_nav.match_file("about/candidates.md")
    assert not config.not_in_nav.match_file("about/index.md")
    search = config.plugins["material/search"]
    assert os.path.isabs(search.config.jieba_dict_user) and os.path.isfile(search.config.jieba_dict_user)
    assert (tmp_path / "reports" / "2024-etuoke-qi.md").is_file()

    class Server:
        unwatched: list = []

        def unwatch(self, path):
            self.unwatched.append(path)

    server = mkdocs_hooks.on_serve(Server(), config=config, builder=None)
    assert server.unwatched == [os.path.abspath(str(tmp_path))]


def test_hand_written_pages_and_assets(tmp_path):
    from generator.site.build import hand_written

    (tmp_path / "about").mkdir()
    (tmp_path / "about" / "index.md").write_text("# 关于本站 {#top}\n\n正文\n", encoding="utf-8")
    (tmp_path / "about" / "faq.md").write_text("---\ntitle: 常见问题\n---\n\n# 其他\n", encoding="utf-8")
    (tmp_path / "img.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden").write_text("x")
    pages, assets = hand_written(tmp_path)
    assert [(p.path, p.nav_title) for p in pages] == [("about/faq.md", "常见问题"), ("about/index.md", "关于本站")]
    assert assets == {"img.png": b"\x89PNG"}
