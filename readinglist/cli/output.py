"""How the CLI talks: JSON, short tables, one-line errors.

``CliError`` carries a one-line message and an exit status (2: bad input).
Tables fit the terminal width, measuring wide (CJK) characters as two
columns and ending cut text with "…".
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any, TextIO

_WS = re.compile(r"\s+")


class CliError(Exception):
    """Bad input or a refused action: one line on stderr, exit ``status``."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


def one_line(text: object) -> str:
    return _WS.sub(" ", str(text)).strip()


def to_jsonable(value: Any) -> Any:
    """Dataclasses, tuples, frozensets and paths as plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted(to_jsonable(v) for v in value)
    if isinstance(value, bytes):
        return None
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def print_json(value: Any, *, out: TextIO | None = None, indent: int | None = 2) -> None:
    out = out or sys.stdout
    out.write(json.dumps(to_jsonable(value), ensure_ascii=False, indent=indent) + "\n")


def width_of(text: str) -> int:
    """Terminal columns ``text`` takes (wide East Asian characters count two)."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return total


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns (ending in "…") and padded to it."""
    text = one_line(text)
    if width <= 0:
        return ""
    if width_of(text) > width:
        out, used = [], 0
        for ch in text:
            w = (
                0
                if unicodedata.combining(ch)
                else (2 if unicodedata.east_asian_width(ch) in "WF" else 1)
            )
            if used + w > width - 1:
                break
            out.append(ch)
            used += w
        text = "".join(out) + "…"
    return text + " " * (width - width_of(text))


def terminal_width() -> int:
    return max(60, shutil.get_terminal_size((100, 24)).columns)


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    flexible: Sequence[int] = (),
    out: TextIO | None = None,
) -> None:
    """Print a plain table; columns in ``flexible`` share what the terminal has left."""
    out = out or sys.stdout
    cells = [[one_line("" if c is None else c) for c in row] for row in rows]
    widths = [max([width_of(h)] + [width_of(r[i]) for r in cells]) for i, h in enumerate(headers)]
    gap = 2
    budget = terminal_width() - 1
    fixed = sum(w for i, w in enumerate(widths) if i not in flexible) + gap * (len(headers) - 1)
    room = budget - fixed
    if flexible and room > 0:
        wanted = sum(widths[i] for i in flexible)
        if wanted > room:
            for i in flexible:
                widths[i] = max(10, widths[i] * room // wanted)
    for row in [list(headers)] + cells:
        line = (" " * gap).join(fit(c, w) for c, w in zip(row, widths, strict=True))
        out.write(line.rstrip() + "\n")
