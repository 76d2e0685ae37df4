"""YAML front matter, written fast and read back exactly by any YAML parser.

PyYAML's dumper costs about a millisecond per note (its representer is pure
Python even with libyaml), which dominates a 10,000-note export.  Front
matter only holds a flat mapping of None, booleans, integers, strings and
lists of strings, so this module writes exactly that subset itself:

* a string that is unambiguous as a plain scalar (starts with an ASCII
  letter, only letters, digits, spaces and ``_ . , ( ) / + ' -``, not a
  YAML 1.1 boolean/null word) is written plain: ``status: unread``;
* every other string is double-quoted with YAML escapes (``\\" \\\\ \\n \\t``,
  ``\\xXX`` / ``\\uXXXX`` / ``\\UXXXXXXXX`` for anything a YAML stream may not
  carry raw, ``\\N \\L \\P`` for the Unicode line breaks), on one line.

Anything else (floats, nested mappings) falls back to ``yaml.safe_dump``.
Tests check the round trip against PyYAML with arbitrary text.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 _.,()/+'-]*\Z")
_YAML_WORDS = frozenset(
    "y n yes no true false on off null ~".split()
)  # compared case-insensitively: never plain
# characters a double-quoted scalar must escape: quote, backslash, and all that a
# YAML stream may not hold raw (plus tab, the BOM and the Unicode line breaks)
_ESCAPE = re.compile(
    '["\\\\]|[^\\x20-\\x7e\\xa0-\\ud7ff\\ue000-\\ufefe\\uff00-\\ufffd\\U00010000-\\U0010ffff]'
)
_NAMED = {
    '"': '\\"',
    "\\": "\\\\",
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\x00": "\\0",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
}


def _escape(match: re.Match[str]) -> str:
    ch = match.group(0)
    named = _NAMED.get(ch)
    if named:
        return named
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02X}"
    if code < 0x10000:
        return f"\\u{code:04X}"
    return f"\\U{code:08X}"


def scalar(value: Any) -> str | None:
    """One YAML scalar, or None when this module does not handle the type."""
    if type(value) is str:  # the common case first
        if _PLAIN.match(value) and value[-1] != " " and value.lower() not in _YAML_WORDS:
            return value
        return '"' + _ESCAPE.sub(_escape, value) + '"'
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        if _PLAIN.match(value) and value[-1] != " " and value.lower() not in _YAML_WORDS:
            return value
        return '"' + _ESCAPE.sub(_escape, value) + '"'
    return None


def dump(data: dict[str, Any]) -> str:
    """The mapping as block YAML, keys in the given order (ends with a newline)."""
    lines: list[str] = []
    for key, value in data.items():
        key_text = scalar(str(key))
        if isinstance(value, list | tuple):
            items = [scalar(v) for v in value]
            if any(i is None for i in items):
                return _fallback(data)
            if not items:
                lines.append(f"{key_text}: []")
            else:
                lines.append(f"{key_text}:")
                lines.extend(f"- {i}" for i in items)
            continue
        text = scalar(value)
        if text is None:
            return _fallback(data)
        lines.append(f"{key_text}: {text}")
    return "\n".join(lines) + "\n"


def _fallback(data: dict[str, Any]) -> str:
    return yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1 << 30
    )
