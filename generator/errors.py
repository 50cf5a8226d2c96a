"""Errors that reach a user as one line naming the file (and line) and the fix.

A ``GeneratorError`` stops what is running; it carries the same ``Diagnostic``
(file, line, severity "error", message, fix) that every other message uses, and
prints as ``path:line: message — fix``.
"""

from __future__ import annotations

import os
from typing import Optional, Union

from .model import Diagnostic


class GeneratorError(Exception):
    """Base class: ``str(err)`` is the one line a user sees."""

    def __init__(self, path: Union[str, os.PathLike[str]], message: str, line: Optional[int] = None, fix: str = "",
                 offset: Optional[int] = None):
        self.path = str(path)
        self.line = line
        self.message = message
        self.fix = fix
        self.offset = offset
        super().__init__(self.format())

    @property
    def diagnostic(self) -> Diagnostic:
        return Diagnostic(self.path, self.message, self.line, "error", self.offset, self.fix)

    @classmethod
    def from_diagnostic(cls, diag: Diagnostic) -> "GeneratorError":
        return cls(diag.path, diag.message, diag.line, diag.fix, diag.offset)

    def format(self) -> str:
        return self.diagnostic.format(severity=False)


class InputError(GeneratorError):
    """A report file that cannot be read (empty, binary, undecodable …)."""


class ConfigError(GeneratorError):
    """A problem in a site_config/ file."""


def plural(count: int, noun: str, nouns: Optional[str] = None) -> str:
    """``1 warning``, ``2 warnings``, ``0 errors``."""
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


def counts(diagnostics) -> str:
    """``1 warning, 0 errors`` (and notes, when there are any)."""
    text = f"{plural(sum(d.severity == 'warning' for d in diagnostics), 'warning')}, " \
           f"{plural(sum(d.severity == 'error' for d in diagnostics), 'error')}"
    notes = sum(d.severity == "note" for d in diagnostics)
    return f"{text}, {plural(notes, 'note')}" if notes else text


def strict_failure(diagnostics) -> str:
    """Why ``--strict`` failed the build (given that it did)."""
    warnings = sum(d.severity == "warning" for d in diagnostics)
    errors = sum(d.severity == "error" for d in diagnostics)
    parts = []
    if warnings:
        parts.append(f"{plural(warnings, 'warning')} {'is' if warnings == 1 else 'are'} treated as "
                     f"{'an error' if warnings == 1 else 'errors'}")
    if errors:
        parts.append(f"{plural(errors, 'report file')} could not be read")
    return (f"strict mode: {' and '.join(parts)}, so the build fails — fix the lines above, or build "
            "without --strict (and without `strict: true` in site_config/site.yaml)")


def build_summary(diagnostics, ok: bool, headline=None) -> list:
    """The lines a build prints: each diagnostic, the strict reason if it failed, the summary."""
    lines = [d.format() for d in diagnostics]
    if not ok:
        lines.append(strict_failure(diagnostics))
    if headline:
        lines.append(f"{headline}; {counts(diagnostics)}")
    return lines
