"""Ingest: report files -> ``model.Report`` objects.

Public API:

- ``parse_report(path, config=None) -> Report`` (raises ``InputError``: one line)
- ``parse_text(text, source, config=None) -> Report``
- ``load_reports(paths_or_folder, config) -> (reports, diagnostics)``
- ``check_fidelity(source_text, report) -> list[str]`` (empty when nothing was lost)

Stages, one module each: ``read`` (bytes, encodings, front matter), ``clean``
(artefacts and markup, every removal recorded), ``metadata``/``regions`` (title,
region, year …), ``headings`` + ``structure`` + ``glossary`` (the section tree),
``anchors``, ``slugs``, ``load`` (many files), ``fidelity`` (the nothing-lost check).
"""

from .fidelity import check_fidelity
from .load import load_reports
from .parse import parse_report, parse_text

__all__ = ["parse_report", "parse_text", "load_reports", "check_fidelity"]
