"""YAML that remembers where things are: every mapping and list knows its line.

``load_yaml`` parses a site_config/ file with PyYAML's safe loader, but builds
``LineMap``/``LineList`` objects carrying the 1-based line of themselves, of each
key and of each list item; a duplicate key or a syntax error becomes a
``ConfigError`` naming the line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import yaml

from ..errors import ConfigError


class LineMap(dict):
    """A mapping that remembers the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict


class LineList(list):
    """A list that remembers the line of itself and of each item (1-based)."""

    line: int = 0
    item_lines: list


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_map(loader: _LineLoader, node: yaml.MappingNode) -> LineMap:
    out = LineMap()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in out:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = key_node.start_mark.line + 1
    return out


def _construct_seq(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    out = LineList(loader.construct_object(n, deep=True) for n in node.value)
    out.line = node.start_mark.line + 1
    out.item_lines = [n.start_mark.line + 1 for n in node.value]
    return out


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_seq)


def load_yaml(path: Path) -> Any:
    """Parse a YAML file keeping line numbers; syntax errors become ConfigError."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigError(path, f"not UTF-8 (byte {exc.start})", fix="save the file as UTF-8")
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise ConfigError(path, f"YAML syntax error: {problem}", line,
                          fix="check indentation, colons and quotes on this line")
    except yaml.YAMLError as exc:  # pragma: no cover - non-marked errors are rare
        raise ConfigError(path, f"YAML error: {exc}", fix="fix the YAML syntax")


def line_of(obj: Any, key: Any = None) -> Optional[int]:
    """Line of ``obj`` (a LineMap/LineList), or of its ``key`` when given and known."""
    key_lines = getattr(obj, "key_lines", None)
    if key is not None and key_lines and key in key_lines:
        return key_lines[key]
    return getattr(obj, "line", None)
