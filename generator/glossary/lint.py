"""Glossary checks that need the reports, for ``python -m generator check``.

The curated glossary file itself is checked by its schema
(``generator.config.GlossarySchema``, with the check-only rules for duplicate terms
and shared aliases); what is left here needs the parsed reports:

- warning: a curated term no report uses (a misspelling, or a form the reports
  write differently and that should be an alias).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..config import CuratedEntry
from ..model import Diagnostic

if TYPE_CHECKING:  # pragma: no cover
    from . import Glossary

GLOSSARY_FILE = "site_config/glossary.yaml"


def unused_terms(curated: list[CuratedEntry], glossary: "Glossary", folder: str) -> list[Diagnostic]:
    """A warning for each curated entry that no report of ``folder`` uses."""
    out = []
    for entry in curated:
        key = glossary.matcher.lookup(entry.term)
        if key is not None and glossary.usage_count(key) == 0:
            out.append(Diagnostic(GLOSSARY_FILE, f"curated term {entry.term!r} is not used by any report in {folder}",
                                  entry.line, "warning",
                                  fix="check its spelling or add the form the reports use as an alias"))
    return out
