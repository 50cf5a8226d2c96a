"""Rebuilds under ``mkdocs serve``: render again only what changed, index search once.

``mkdocs serve --dirty`` (the command the README gives) re-renders only the pages whose
Markdown file is newer than their HTML. The generator's writer (``writer.py``) rewrites
only files whose bytes changed and leaves every other file's mtime alone, so after a
one-paragraph edit MkDocs renders the report page and the few pages that quote it
(years, topics, terms), not the whole site. That is exact only while what *every* page
carries is unchanged: the navigation (and the titles of the pages in it) and the MkDocs
configuration. ``plan`` keeps a digest of those; when it changes (a report added,
removed or retitled, mkdocs.yml edited), or on the first dirty build of a process,
``on_pre_build`` empties the site folder, so that build renders every page and no page
of a deleted report stays behind.

Two things MkDocs and Material get wrong under ``--dirty``, mended here:

- Material's search plugin keeps the previous index and merges the pages rendered
  again, but drops the old entries of the *first* of them only, so every other rebuilt
  page came twice in the results (and when the first was the home page, whose location
  is ``""``, every other page was dropped). ``merge_material_index`` replaces the old
  entries of every page rendered again.
- Each rebuild makes a new Jinja environment and compiles the theme's templates again;
  ``BYTECODE`` (a Jinja bytecode cache in memory) lets later rebuilds reuse the code.

Pagefind (``search: pagefind``) indexes the built site as a whole; it has no way to
update one page. Under ``mkdocs serve`` it runs once, after the first build, so search
works while previewing; later rebuilds keep that index (``stash_index`` moves it aside
while MkDocs cleans the site folder, ``restore_index`` puts it back) and log that
edited pages are found by their text at start. ``mkdocs build`` always indexes the
whole site.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

import jinja2

log = logging.getLogger("mkdocs.hooks.generator.serve")

PAGEFIND_DIR = "pagefind"
PAGEFIND_KEPT = ("pagefind: index kept from the start of `mkdocs serve` (pages edited since are found "
                 "by their earlier text); `mkdocs build` indexes the whole site")


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the life of the process. Jinja checks each
    bucket's source checksum, so an edited template is compiled again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()


BYTECODE = MemoryBytecodeCache()


@dataclass
class State:
    """What the hook knows across the builds of one MkDocs process."""

    command: str = "build"  # from on_startup: build | serve | gh-deploy
    dirty: bool = False  # --dirty: MkDocs renders only pages whose Markdown is newer than their HTML
    key: Optional[str] = None  # digest of what every page carries (see site_key)
    full: bool = True  # this build renders every page
    builds: int = 0  # builds started in this process
    indexed: bool = False  # Pagefind has indexed this serve's site once
    stash: Optional[Path] = None  # where the Pagefind index waits while MkDocs cleans the site folder


STATE = State()


DIRTY_WARNING = "A 'dirty' build is being performed"


class _DropDirtyWarning(logging.Filter):
    """MkDocs warns on every --dirty build that navigation may be inaccurate; with ``plan``
    every page is rendered again when the navigation changes, so the warning is not true here."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(DIRTY_WARNING)


_DROP = _DropDirtyWarning()


def on_startup(command: str, dirty: bool) -> None:
    STATE.command, STATE.dirty = command, dirty
    if dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_DROP)
        log.info("dirty rebuilds: pages whose Markdown changed are rendered again; every page when "
                 "the navigation or mkdocs.yml changes")


def _config_text(config) -> str:
    """mkdocs.yml and the file it INHERITs from, as text (an edit there can change every page)."""
    parts = []
    path = config.config_file_path
    seen = set()
    while path and path not in seen and os.path.isfile(path):
        seen.add(path)
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        parts.append(text)
        inherit = next((line.split(":", 1)[1].strip().strip("'\"") for line in text.splitlines()
                        if line.startswith("INHERIT:")), "")
        path = os.path.normpath(os.path.join(os.path.dirname(path), inherit)) if inherit else ""
    return "\n".join(parts)


def site_key(nav_data: Any, paths: list[str], titles: list[tuple[str, str, str]], config) -> str:
    """Digest of everything a page's HTML takes from outside its own Markdown file: the
    navigation, the set of pages (a page added or deleted), the titles of the pages in
    the navigation and the MkDocs configuration."""
    h = hashlib.sha256()
    for part in (repr(nav_data), repr(sorted(paths)), repr(sorted(titles)), _config_text(config)):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def plan(key: str) -> bool:
    """Record this build's site key; True when every page must be rendered."""
    STATE.builds += 1
    STATE.full = not STATE.dirty or STATE.key is None or key != STATE.key
    STATE.key = key
    return STATE.full


def serving() -> bool:
    return STATE.command == "serve"


def on_pre_build(config, search_plugin, pagefind: bool) -> None:
    """Before MkDocs cleans (or, dirty, keeps) the site folder."""
    site_dir = Path(config.site_dir)
    cleaned = not STATE.dirty or STATE.full  # MkDocs (not dirty) or the lines below empty the folder
    if pagefind and serving() and STATE.indexed and cleaned:
        stash_index(site_dir)
    if STATE.dirty and STATE.full:
        if site_dir.is_dir():
            from mkdocs.utils import clean_directory

            clean_directory(os.fspath(site_dir))  # every page is rendered again, none left stale
        if search_plugin is not None and hasattr(search_plugin, "search_index_prev"):
            search_plugin.search_index_prev = None  # Material's index is built from all pages


def merge_material_index(search_plugin) -> int:
    """Under ``--dirty``: give Material's search plugin the previous index without the old
    entries of every page rendered in this build (call before the plugin's on_post_build).
    Returns the number of old entries replaced."""
    prev = getattr(search_plugin, "search_index_prev", None)
    current = getattr(search_plugin, "search_index", None)
    if prev is None or current is None or not STATE.dirty:
        return 0
    rebuilt = {entry["location"].split("#", 1)[0] for entry in current.entries}
    kept = [entry for entry in prev.entries if entry["location"].split("#", 1)[0] not in rebuilt]
    replaced = len(prev.entries) - len(kept)
    current.entries = kept + current.entries
    search_plugin.search_index_prev = None  # merged here: Material's own merge would drop entries
    return replaced


# --------------------------------------------------------------------------- Pagefind under serve


def stash_index(site_dir: Path) -> None:
    """Move ``site_dir/pagefind`` aside (a rename: instant) before MkDocs may clean the folder."""
    index = site_dir / PAGEFIND_DIR
    if not index.is_dir():
        return
    if STATE.stash is None:
        STATE.stash = Path(tempfile.mkdtemp(prefix="pagefind-serve-"))
    target = STATE.stash / PAGEFIND_DIR
    if target.exists():
        shutil.rmtree(target)
    try:
        os.replace(index, target)
    except OSError:  # another filesystem: copy
        shutil.copytree(index, target)
        shutil.rmtree(index)


def restore_index(site_dir: Path) -> bool:
    """Put a stashed index back into ``site_dir``; True when the site has an index now."""
    index = site_dir / PAGEFIND_DIR
    stashed = STATE.stash / PAGEFIND_DIR if STATE.stash else None
    if stashed is not None and stashed.is_dir():
        if index.exists():
            shutil.rmtree(index)
        try:
            os.replace(stashed, index)
        except OSError:
            shutil.copytree(stashed, index)
            shutil.rmtree(stashed)
    return index.is_dir()


def pagefind_post_build(config, apply) -> bool:
    """Index with ``apply(site_dir)`` unless serve has indexed once already; True when it ran."""
    site_dir = Path(config.site_dir)
    if serving() and STATE.indexed and restore_index(site_dir):
        from .search import pagefind

        pagefind.write_script(site_dir)  # gone if MkDocs cleaned the folder
        log.info(PAGEFIND_KEPT)
        return False
    apply(config)
    STATE.indexed = serving()
    return True


def on_shutdown() -> None:
    if STATE.stash is not None:
        shutil.rmtree(STATE.stash, ignore_errors=True)
        STATE.stash = None
