"""Read a report file: bytes -> text, line ends normalised, front matter split off.

Accepted encodings, tried in this order:

- UTF-16 with a byte-order mark (LE or BE);
- UTF-8, with or without a BOM;
- GB18030 (a superset of GBK and GB2312).

Every failure a user can cause (empty file, binary file with NUL bytes, bytes no
encoding above accepts) raises ``InputError`` whose message is one line naming the
file and, for decoding errors, the byte offset.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import yaml

from ..errors import InputError

_NEWLINES = re.compile(r"\r\n?")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
# A front-matter line simple enough to read without the YAML parser: ``key: plain text``.
_SIMPLE_FIELD = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):[ ]+([^-?:,\[\]{}#&*!|>'\x22%@`\s](?:[^#\t]*[^#\s:])?)[ ]*")
# Characters that could make YAML read the value otherwise (or reject it): the line
# breaks and BOM YAML knows beyond "\n", control and non-BMP characters.
_UNSAFE_CHAR = re.compile("[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]")
_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()


def decode(data: bytes, source: str) -> str:
    """Decode report bytes into text (BOM removed); raise InputError when impossible."""
    if not data or data.isspace():  # not data.strip(), without copying the file
        raise InputError(source, "the file is empty", fix="give it the text of a report")
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(source, f"invalid UTF-16 at byte {exc.start + len(bom)}",
                                 fix="save the file again as UTF-8", offset=exc.start + len(bom))
            return check_text(text, source)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(source, f"binary data (NUL byte at byte {nul}), not a text report",
                         fix="give a plain-text (.txt/.md) report", offset=nul)
    # No NUL byte, so no NUL character either (both codecs encode it only as 0x00):
    # only check_text's empty check is left to do.
    try:
        return _nonempty(data.decode("utf-8-sig"), source)
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    try:
        return _nonempty(data.decode("gb18030"), source)
    except UnicodeDecodeError:
        pass
    raise InputError(source, f"cannot decode the text: neither UTF-8 nor GB18030 (first bad byte at byte {utf8_error})",
                     fix="save the file as UTF-8", offset=utf8_error)


def _nonempty(text: str, source: str) -> str:
    if not text or text.isspace():
        raise InputError(source, "the file is empty", fix="give it the text of a report")
    return text


def check_text(text: str, source: str) -> str:
    """``text`` itself, or InputError when it is empty or binary."""
    if "\x00" in _nonempty(text, source):
        raise InputError(source, "binary data (NUL character), not a text report",
                         fix="give a plain-text (.txt/.md) report")
    return text


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so line numbers match what an editor shows."""
    return _NEWLINES.sub("\n", text) if "\r" in text else text


@dataclass
class Source:
    """A decoded report: normalised text, front matter and where the body starts."""

    text: str  # whole text, newlines normalised (what fidelity is checked against)
    body: str  # text after the front matter
    body_line: int  # 1-based line number of the first body line
    front_matter: dict = field(default_factory=dict)
    front_matter_text: str = ""  # the raw front-matter block, delimiters included
    problems: list[str] = field(default_factory=list)  # front matter that could not be used


def split_front_matter(text: str) -> Source:
    """Split optional YAML front matter (``---`` … ``---`` at the very top) from the body.

    Unreadable YAML is not fatal: the block is still removed from the body (it is not
    report text) and a problem is noted for a warning.
    """
    text = normalise_newlines(text)
    match = _FRONT_MATTER.match(text)
    if not match:
        return Source(text, text, 1)
    block = match.group(0)
    problems = []
    try:
        data = _simple_front_matter(match.group(1) or "")
        if data is None:
            data = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark else ""
        data, problems = {}, [f"front matter is not valid YAML{where}; it was ignored"]
    if not isinstance(data, dict):
        data, problems = {}, ["front matter is not a mapping of fields; it was ignored"]
    data = {str(k): v for k, v in data.items()}
    return Source(text, text[len(block):], block.count("\n") + 1, data, block, problems)


def _simple_front_matter(block: str) -> Optional[dict]:
    """What ``yaml.safe_load`` gives for a block of ``key: text`` lines whose keys and
    values are plain strings, read without the (slow, pure-Python) parser; None for
    anything else (the caller then runs YAML)."""
    data: dict = {}
    lines = block.split("\n")
    if lines[-1] == "":  # the block ends with "\n"
        lines.pop()
    for line in lines:
        m = _SIMPLE_FIELD.fullmatch(line)
        if m is None or ": " in m.group(2) or _UNSAFE_CHAR.search(line):
            return None
        key, value = m.groups()
        for scalar in (key, value):
            if _RESOLVER.resolve(yaml.ScalarNode, scalar, (True, False)) != _STR_TAG:
                return None  # a number, date, boolean, null …: YAML decides
        data[key] = value
    return data


def read_source(path: Path) -> Source:
    """Read and decode a report file, raising InputError for unusable files."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read the file ({exc.strerror or exc})",
                         fix="check the path and permissions")
    return split_front_matter(decode(data, str(path)))
