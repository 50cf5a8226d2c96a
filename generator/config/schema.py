"""The declarative schema machinery: options, entry schemas and the problem collector.

A schema is a class whose attributes are options, each followed by its attribute
docstring (the convention of MkDocs' ``config_options``; ``option_docs`` reads them):

    class TopicSchema(Schema):
        what = "a topic"

        slug = Slug(required=True)
        \"\"\"Address of the topic page (topics/<slug>.md).\"\"\"

``Schema.read(raw, problems, ctx)`` checks one YAML mapping: unknown keys, missing
required keys, each value's type and form, then the schema's own ``check`` for rules
across fields. Every problem goes to a ``Problems`` collector, which either raises the
first error as a ``ConfigError`` (fail-fast: the build) or keeps them all (collect-all:
``python -m generator check``). The same code runs in both modes, so both say the same.
"""

from __future__ import annotations

import ast
import inspect
import re
import textwrap
from pathlib import Path
from typing import Any, Optional

from ..errors import ConfigError
from ..model import Diagnostic, Severity
from .yaml_lines import line_of


class Problems:
    """Where schema problems go: ``fail_fast`` raises the first error, otherwise all are kept."""

    def __init__(self, fail_fast: bool):
        self.fail_fast = fail_fast
        self.items: list[Diagnostic] = []

    def add(self, path: Path | str, message: str, line: Optional[int] = None, fix: str = "",
            severity: Severity = "error") -> None:
        diag = Diagnostic(str(path), message, line, severity, fix=fix)
        if self.fail_fast and severity == "error":
            raise ConfigError.from_diagnostic(diag)
        self.items.append(diag)

    def add_error(self, err: ConfigError) -> None:
        self.add(err.path, err.message, err.line, err.fix)


class Invalid(Exception):
    """Raised by ``Option.convert``: what is wrong with the value, and the fix."""

    def __init__(self, message: str, fix: str = ""):
        super().__init__(message)
        self.message, self.fix = message, fix


class Option:
    """One key of a mapping. ``empty=(message, fix)`` makes a blank value an error whose
    message may name the entry's other values, e.g. ``"topic {name!r} has no keywords"``."""

    kind = "a value"  # for the type message: "'x' in a topic must be <kind>"
    types: tuple = (object,)

    def __init__(self, *, required: bool = False, default: Any = None, empty: Optional[tuple[str, str]] = None):
        self.required, self.default, self.empty = required, default, empty
        self.name = ""

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def convert(self, value: Any, ctx: dict) -> Any:
        """The checked value; raises Invalid. The type is checked before this is called."""
        return value

    @staticmethod
    def blank(value: Any) -> bool:
        return value is None or value == "" or value == []


class Str(Option):
    kind, types = "str", (str,)

    def __init__(self, *, strip: bool = False, pattern: str = "", bad: tuple[str, str] = ("", ""), **kw):
        super().__init__(**kw)
        self.strip, self.pattern, self.bad = strip, pattern, bad

    def convert(self, value: Any, ctx: dict) -> Any:
        value = value.strip() if self.strip else value
        if self.pattern and value and not re.fullmatch(self.pattern, value):
            raise Invalid(self.bad[0].format(key=self.name, value=value), self.bad[1])
        return value


class Bool(Option):
    kind, types = "bool", (bool,)


class Int(Option):
    kind, types = "int", (int,)

    def __init__(self, *, minimum: Optional[int] = None, **kw):
        super().__init__(**kw)
        self.minimum = minimum

    def convert(self, value: Any, ctx: dict) -> Any:
        if isinstance(value, bool):
            raise Invalid(f"{self.name} must be a whole number, not {value!r}", f"write a number, e.g. {self.name}: 0")
        if self.minimum is not None and value < self.minimum:
            raise Invalid(f"{self.name} {value} is below {self.minimum}", f"write {self.minimum} or more")
        return value


class Choice(Str):
    """A string from a fixed list."""

    def __init__(self, choices: tuple[str, ...], **kw):
        super().__init__(**kw)
        self.choices = choices

    def convert(self, value: Any, ctx: dict) -> Any:
        if value and value not in self.choices:
            raise Invalid(f"{self.name} {value!r} is not known", f"use one of: {', '.join(self.choices)}")
        return value


class Code(Option):
    """A six-digit administrative division code (string or number)."""

    kind, types = "str/int", (str, int)

    def convert(self, value: Any, ctx: dict) -> Any:
        code = str(value)
        if not re.fullmatch(r"\d{6}", code):
            raise Invalid(f"code {code!r} is not a six-digit administrative code",
                          "write the code as six digits, e.g. 150624")
        return code


class StrList(Option):
    """A list of strings; one string alone stands for a list of one."""

    kind, types = "list/str", (list, str)

    def convert(self, value: Any, ctx: dict) -> Any:
        items = [value] if isinstance(value, str) else value
        if not all(isinstance(v, (str, int)) for v in items):
            raise Invalid(f"{self.name!r} in {ctx['what']} must be a list of strings",
                          f"write {self.name!r} as `[a, b]` or one `- item` per line")
        return [str(v) for v in items]


class Nested(Option):
    """A mapping checked against another schema."""

    kind, types = "dict", (dict,)

    def __init__(self, schema: type["Schema"], **kw):
        super().__init__(**kw)
        self.schema = schema

    def convert(self, value: Any, ctx: dict) -> Any:
        return self.schema.read(value, ctx["problems"], ctx)


class NestedList(Option):
    """A list of mappings, each checked against another schema; one mapping alone stands
    for a list of one. Entries with an error are left out (the problem is reported)."""

    kind, types = "list of mappings", (list, dict)

    def __init__(self, schema: type["Schema"], **kw):
        super().__init__(**kw)
        self.schema = schema

    def convert(self, value: Any, ctx: dict) -> Any:
        items = [value] if isinstance(value, dict) else value
        out = []
        for raw in items:
            checked = self.schema.read(raw, ctx["problems"], ctx, what=f"an entry of {self.name!r}")
            if checked is not None:
                out.append((checked, line_of(raw)))
        return out


class Schema:
    """Base of every schema: subclasses declare ``Option`` attributes, in checking order."""

    what = "an entry"  # how messages name one such mapping
    options: dict[str, Option] = {}

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.options = {name: opt for name, opt in vars(cls).items() if isinstance(opt, Option)}

    @classmethod
    def read(cls, raw: Any, problems: Problems, ctx: dict, what: str = "") -> Optional[dict]:
        """The checked values of ``raw`` (defaults filled in), or None when it has an error.
        ``what`` names this mapping in messages (default: the schema's ``what``)."""
        path, what = ctx["path"], what or cls.what
        if not isinstance(raw, dict):
            problems.add(path, f"{what} must be a mapping (key: value)", line_of(raw), "write it as `key: value` lines")
            return None
        before = len(problems.items)
        for key in raw:
            if key not in cls.options:
                problems.add(path, f"unknown key {key!r} in {what}", line_of(raw, key),
                             f"use one of: {', '.join(sorted(cls.options))}")
        values: dict[str, Any] = {}
        sub = dict(ctx, what=what)
        for name, opt in cls.options.items():
            value = raw.get(name)
            if value is None:
                if opt.required:
                    problems.add(path, f"{what} has no {name!r}", line_of(raw), f"add `{name}:` to this entry")
                values[name] = opt.default
                continue
            if not isinstance(value, opt.types):
                problems.add(path, f"{name!r} in {what} must be {opt.kind}", line_of(raw, name),
                             f"give {name!r} a {opt.kind} value")
                values[name] = opt.default
                continue
            try:
                values[name] = opt.convert(value, sub)
            except Invalid as bad:
                problems.add(path, bad.message, line_of(raw, name), bad.fix)
                values[name] = opt.default
        # A blank value is named with the entry's other values: only once the required ones are there.
        named = all(not opt.blank(values[name]) for name, opt in cls.options.items() if opt.required)
        for name, opt in cls.options.items():
            if named and opt.empty and opt.blank(values[name]):
                problems.add(path, opt.empty[0].format(**values), line_of(raw), opt.empty[1])
        if len(problems.items) == before:
            cls.check(values, raw, problems, ctx)
        return values if len(problems.items) == before else None

    @classmethod
    def check(cls, values: dict, raw: dict, problems: Problems, ctx: dict) -> None:
        """Rules across fields of one mapping (override); called when every option is valid."""


def option_docs(schema: type[Schema]) -> list[tuple[str, Option, str]]:
    """``(name, option, docstring)`` for each option, the docstring being the string
    literal written right after the option's assignment in the class body."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(schema)))
    node = tree.body[0]
    body = node.body if isinstance(node, ast.ClassDef) else []
    docs: dict[str, str] = {}
    for stmt, after in zip(body, body[1:]):
        if (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)
                and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)):
            docs[stmt.targets[0].id] = inspect.cleandoc(after.value.value)
    return [(name, opt, docs.get(name, "")) for name, opt in schema.options.items()]
