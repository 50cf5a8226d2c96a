"""Open data: the site's reports, paragraphs, glossary and targets as CSV and JSON Lines.

    from generator.export import data_files, export
    files = data_files(ctx)          # {name: bytes}, the plain files
    served_files(data_chunks(ctx))   # {name: ServedFile}, what docs/data/ holds (big ones .gz; site/build.py)
    export(root, out_dir, reports)   # what `python -m generator export --out DIR` writes

``columns.FILES`` documents every column (the 数据 page shows it); ``tables`` builds the rows.
"""

from __future__ import annotations

from pathlib import Path

from .. import memo
from ..project import load_project
from ..site.context import SiteContext
from ..site.writer import write_if_changed
from .columns import FILES, DataFile
from .served import ServedFile, served_files
from .tables import data_chunks, data_files

__all__ = ["FILES", "DataFile", "ServedFile", "data_chunks", "data_files", "export", "served_files"]


def export(root, out_dir, reports_dir=None, cache: bool = False) -> dict[str, bytes]:
    """Load the project, write every data file into ``out_dir`` (only changed files) and
    return them. ``cache``: reuse and extend the on-disk cache (``load_project``)."""
    with memo.build():
        project = load_project(Path(root).resolve(), reports_dir, cache=cache)
        ctx = SiteContext.create(project.root, project.config, project.reports, project.glossary,
                                 project.diagnostics)
        files = data_files(ctx)
    out = Path(out_dir)
    for name, data in files.items():
        write_if_changed(out / name, data)
    return files
