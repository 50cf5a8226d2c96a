"""Errors that reach a user as one line naming the file (and line) and the fix."""

from __future__ import annotations

from typing import Optional


class GeneratorError(Exception):
    """Base class: ``str(err)`` is the one line a user sees."""

    def __init__(self, path: str, message: str, line: Optional[int] = None, fix: str = ""):
        self.path = str(path)
        self.line = line
        self.message = message
        self.fix = fix
        super().__init__(self.format())

    def format(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        text = f"{where}: {self.message}"
        if self.fix:
            text += f" — {self.fix}"
        return text


class InputError(GeneratorError):
    """A report file that cannot be read (empty, binary, undecodable …)."""

    def __init__(self, path: str, message: str, line: Optional[int] = None, fix: str = "",
                 offset: Optional[int] = None):
        self.offset = offset
        super().__init__(path, message, line, fix)


class ConfigError(GeneratorError):
    """A problem in a site_config/ file."""
