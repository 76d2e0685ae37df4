"""Helpers for Library tests: building parsed entries and results."""

from __future__ import annotations

from readinglist.core.entry import ParsedEntry, ParseResult


def entry(title: str | None = "A paper", **kw) -> ParsedEntry:
    kw.setdefault("raw", f"raw block of {title}")
    return ParsedEntry(title=title, **kw)


def result(*entries: ParsedEntry, fmt: str = "generic", profile=None) -> ParseResult:
    return ParseResult(format=fmt, entries=list(entries), profile=profile)
