"""The plain-MkDocs baseline: the same report texts, no generator.

Each report text becomes one Markdown page (every non-empty line a paragraph, a
front matter kept as it is) in a temporary docs folder, built with the same theme and
search configuration as the project (Material, ``language: zh``, the search plugin with
``lang: zh`` so Material segments Chinese with jieba). Nothing else: no glossary, no
cross-links, no index pages beyond a home page listing the reports.
"""

from __future__ import annotations

from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SEARCH = {"lang": "zh"}


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml even when it uses !ENV or python tags (their values become None)."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def project_search_config(repo: Path = REPO) -> tuple[str, dict]:
    """(theme language, search plugin options) as the project's mkdocs.yml sets them."""
    language, search = "zh", dict(DEFAULT_SEARCH)
    path = repo / "mkdocs.yml"
    if not path.exists():
        return language, search
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_AnyTagLoader) or {}
    theme = data.get("theme") or {}
    if isinstance(theme, dict) and theme.get("language"):
        language = theme["language"]
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and ("search" in plugin or "material/search" in plugin):
            opts = plugin.get("search") or plugin.get("material/search") or {}
            search = {k: v for k, v in opts.items() if v is not None} or search
    return language, search


def _as_markdown(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end > 0:
            head, body = text[: end + 4], text[end + 4 :]
            return head + "\n\n" + _as_markdown(body)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return "\n\n".join(lines) + "\n"


def write_baseline_project(reports: list[Path], work: Path) -> Path:
    """Write docs/ and mkdocs.yml for the baseline under ``work``; return the config path."""
    docs = work / "docs"
    (docs / "reports").mkdir(parents=True, exist_ok=True)
    links = []
    for i, path in enumerate(sorted(reports)):
        name = f"r{i:05d}.md"
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        (docs / "reports" / name).write_text(_as_markdown(text), encoding="utf-8")
        links.append(f"- [{path.stem}](reports/{name})")
    (docs / "index.md").write_text("# 报告\n\n" + "\n".join(links) + "\n", encoding="utf-8")
    language, search = project_search_config()
    config = {
        "site_name": "baseline",
        "docs_dir": str(docs),
        "site_dir": str(work / "site"),
        "theme": {"name": "material", "language": language},
        "plugins": [{"search": search}],
    }
    path = work / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
