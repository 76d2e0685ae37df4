"""Pick the parser for a paste and run it.

Every sibling module that defines ``FORMAT``, ``sniff(text) -> float`` (0..1:
how sure it is that the text is its format) and ``parse(text, ctx) ->
ParseResult`` is a parser; modules are found by scanning this package, so a
new format is one new file.  The text is normalised first (line endings,
non-breaking and zero-width spaces, BOM) so no parser has to care.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import cache
from types import ModuleType

from readinglist.core.entry import ParseContext, ParseResult
from readinglist.importers import listing as _pkg
from readinglist.importers.listing._textutil import gc_paused

_NOT_PARSERS = {"detect", "common"}
GENERIC = "generic"

_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff"
_SPACE_CHARS = "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000"
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")
_SPACES = re.compile(f"[{_SPACE_CHARS}]")


def normalize_text(text: str) -> str:
    """Line endings to ``\\n``; odd spaces to plain spaces; invisible marks dropped."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():  # constant time for a str; most pastes need nothing more
        return text
    # substring tests are much cheaper than a regex pass, and usually all fail
    if any(ch in text for ch in _ZERO_WIDTH_CHARS):
        text = _ZERO_WIDTH.sub("", text)
    if any(ch in text for ch in _SPACE_CHARS):
        text = _SPACES.sub(" ", text)
    return text


@cache
def parsers() -> tuple[ModuleType, ...]:
    """All parser modules of this package (the generic fallback last)."""
    found = []
    for info in pkgutil.iter_modules(_pkg.__path__):
        if info.name in _NOT_PARSERS or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{_pkg.__name__}.{info.name}")
        if all(hasattr(module, a) for a in ("FORMAT", "sniff", "parse")):
            found.append(module)
    found.sort(key=lambda m: (m.FORMAT == GENERIC, m.__name__))
    return tuple(found)


def ranked(text: str) -> list[tuple[float, ModuleType]]:
    """Parsers that claim ``text``, most confident first."""
    scores = []
    for module in parsers():
        try:
            score = float(module.sniff(text))
        except Exception:  # a sniffer must never break detection
            score = 0.0
        if score > 0 or module.FORMAT == GENERIC:
            scores.append((score, module))
    scores.sort(key=lambda pair: -pair[0])
    return scores


def detect(text: str) -> str:
    """The format name the text will be parsed as."""
    text = normalize_text(text)
    candidates = ranked(text)
    return candidates[0][1].FORMAT if candidates else GENERIC


@gc_paused
def parse_text(text: str, ctx: ParseContext | None = None) -> ParseResult:
    """Detect the format and parse.  Never raises on any text.

    If the most likely parser finds no entries, the next ones are tried; an
    empty result says in ``warnings`` why nothing was found.
    """
    ctx = ctx or ParseContext()
    text = normalize_text(text)
    if not text.strip():
        return ParseResult(format="empty", warnings=["The pasted text is empty."])
    first: ParseResult | None = None
    for _score, module in ranked(text):
        try:
            result = module.parse(text, ctx)
        except Exception as exc:  # a parser bug must not lose the paste
            result = ParseResult(
                format=module.FORMAT,
                warnings=[f"The {module.FORMAT} reader failed on this text ({exc})."],
            )
        if result.entries:
            return result
        first = first or result
    if first is None:
        first = ParseResult(format=GENERIC)
    if not any("no " in w.lower() or "nothing" in w.lower() for w in first.warnings):
        first.warnings.append("No papers were found in the pasted text.")
    return first
