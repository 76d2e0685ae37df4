"""Hugging Face papers pages (format 3): daily papers, trending, search results.

A copied page holds some chrome ("new", "Get trending papers in your email
inbox!", "Subscribe", "Daily Papers", "byAK and the research community", the
page's date), then entries: a title line, the abstract, and an optional footer
"• 6 authors" / "·" / "Jul 8, 2025 3" (date, then the upvote count when there
is one).  Some entries have no footer, so a new entry is recognised by a
title-shaped line following an abstract.
"""

from __future__ import annotations

import re

from readinglist.core.dates import DATE_PATTERN, parse_date
from readinglist.core.entry import ParseContext, ParsedEntry, ParseResult
from readinglist.importers.listing._alphaxiv_grammar import (
    fold_duplicates,
    lines_of,
    quote,
    simple_key,
    skipped_warning,
)
from readinglist.importers.listing._textutil import gc_paused

FORMAT = "hf_daily"

_CHROME = frozenset(
    s.casefold()
    for s in (
        "new", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers",
        "byAK and the research community", "Trending Papers", "Trending", "Papers",
        "Previous", "Next", "Search", "Submit", "Submitted by", "View all", "Load more",
        "Show more", "Hugging Face", "Upvote", "Upvotes", "Week", "Month", "Day", "Daily",
        "Weekly", "Monthly",
    )
)  # fmt: skip
_AUTHORS = re.compile(r"[\u2022\u00b7*-]?\s*(\d{1,5})\s+authors?", re.I)
_SEP = re.compile(r"[\u2022\u00b7|\-\u2013\u2014]")
_DATE_LINE = re.compile(
    rf"(?:(?:Published|Submitted) on:?\s+)?(?P<date>{DATE_PATTERN})(?:\s+(?P<up>\d{{1,6}}))?", re.I
)
# the whole footer on one line: "6 authors · Jul 8, 2025 3"
_FOOTER_LINE = re.compile(
    rf"[\u2022\u00b7]?\s*(?P<n>\d{{1,5}})\s+authors?\s*[\u2022\u00b7|]\s*"
    rf"(?:(?:Published|Submitted) on:?\s+)?(?P<date>{DATE_PATTERN})(?:\s+(?P<up>\d{{1,6}}))?",
    re.I,
)
_UPVOTES = re.compile(r"\d{1,6}")
_SENTENCE_END = (".", ",", ";", ":", "\u2026")


def _is_chrome(s: str) -> bool:
    folded = s.casefold()
    return (
        folded in _CHROME
        or folded.startswith("get trending papers")
        or (folded.startswith("submitted by") and len(s) <= 80)
    )


def page_chrome(line: str) -> bool:
    """Is ``line`` part of the page around the list (headings, buttons, the page's date)?"""
    s = line.strip()
    return _is_chrome(s) or (bool(_date_line(s)) and len(s) <= 20)


def _date_line(line: str) -> re.Match[str] | None:
    s = line.strip()
    return _DATE_LINE.fullmatch(s) if len(s) <= 40 else None


def _title_like(line: str) -> bool:
    """Shaped like a paper title rather than abstract prose."""
    s = line.strip()
    if not s or len(s) > 300 or s.endswith(_SENTENCE_END):
        return False
    if len(s.split()) > 40 or s[0].islower():
        return False
    return True


def _prose_like(line: str) -> bool:
    s = line.strip()
    return len(s) > 300 or (s.endswith((".", ")", "]")) and len(s.split()) >= 8)


class _Reader:
    """A small state machine over the significant lines of the page."""

    def __init__(self, lines: list[str], ctx: ParseContext) -> None:
        self.lines = lines
        self.ctx = ctx
        self.entries: list[ParsedEntry] = []
        self.skipped: list[str] = []
        self.cur: ParsedEntry | None = None
        self.parts: list[str] = []  # abstract lines of the current entry
        self.first = self.last = 0
        self.state = "none"  # none | title | abstract | footer | done

    def close(self) -> None:
        if self.cur is not None:
            self.cur.abstract = "\n".join(self.parts) or None
            self.cur.raw = "\n".join(self.lines[self.first : self.last + 1])
            self.entries.append(self.cur)
        self.cur = None

    def start(self, i: int, line: str) -> None:
        self.close()
        self.cur = ParsedEntry(title=line)
        self.parts = []
        self.first = self.last = i
        self.state = "title"

    def next_text(self, i: int) -> str | None:
        for j in range(i + 1, min(len(self.lines), i + 8)):
            s = self.lines[j].strip()
            if s and not _is_chrome(s):
                return s
        return None

    def feed(self, i: int, line: str) -> None:
        cur = self.cur
        m_foot = _FOOTER_LINE.fullmatch(line) if len(line) <= 80 else None
        if m_foot and cur is not None and self.state in ("title", "abstract", "footer"):
            cur.author_count = int(m_foot["n"])
            parsed = parse_date(m_foot["date"], self.ctx.reference_date)
            if parsed is not None:
                cur.date, cur.year = parsed.iso, parsed.year
            if m_foot["up"]:
                cur.upvotes = int(m_foot["up"])
            self.state, self.last = "done", i
            return
        m_auth = _AUTHORS.fullmatch(line)
        if m_auth and cur is not None and self.state in ("title", "abstract", "footer"):
            cur.author_count = int(m_auth.group(1))
            self.state, self.last = "footer", i
            return
        if _SEP.fullmatch(line) and cur is not None and self.state in ("abstract", "footer"):
            self.state, self.last = "footer", i
            return
        m_date = _date_line(line)
        if m_date and (cur is None or self.state in ("none", "done")):
            return  # the page's own date above the list (or above a second copy)
        if m_date and self.state in ("title", "abstract", "footer"):
            assert cur is not None
            parsed = parse_date(m_date["date"], self.ctx.reference_date)
            if parsed is not None:
                cur.date, cur.year = parsed.iso, parsed.year
            if m_date["up"]:
                cur.upvotes = int(m_date["up"])
            self.state, self.last = "done", i
            return
        if self.state == "done" and cur is not None and _UPVOTES.fullmatch(line):
            cur.upvotes = int(line)
            self.last = i
            return
        if cur is None or self.state in ("footer", "done", "none"):
            if _title_like(line):
                self.start(i, line)
            else:
                self.skipped.append(line)
            return
        if self.state == "title":
            nxt = self.next_text(i)
            if _title_like(line) and not _prose_like(line) and nxt is not None and _prose_like(nxt):
                self.start(i, line)  # the previous entry had no abstract
            else:
                self.parts = [line]
                self.state, self.last = "abstract", i
            return
        # state == "abstract"
        if _title_like(line) and not _prose_like(line):
            self.start(i, line)
        else:
            self.parts.append(line)
            self.last = i


@gc_paused
def parse(text: str, ctx: ParseContext) -> ParseResult:
    """Entries of a Hugging Face papers page; never raises on text."""
    lines = lines_of(text)
    reader = _Reader(lines, ctx)
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line or _is_chrome(line):
            continue
        reader.feed(i, line)
    last_state = reader.state
    reader.close()
    result = ParseResult(format=FORMAT)
    entries = reader.entries
    if entries and last_state == "title" and entries[-1].abstract is None:
        cut = entries.pop()
        result.warnings.append(
            f"The paste seems cut off: the last entry ({quote(cut.title or '')}) has only a "
            "title and was left out."
        )
    for entry in entries:
        if entry.abstract is None:
            entry.flag("No abstract was found under this title.")
    result.entries, dup = fold_duplicates(entries, lambda e: simple_key(e.title))
    if dup:
        result.warnings.append(dup)
    warning = skipped_warning(reader.skipped)
    if warning:
        result.warnings.append(warning)
    if not result.entries:
        result.warnings.append("No Hugging Face paper entries were found.")
    return result


def sniff(text: str) -> float:
    """High for a Hugging Face papers page: "• N authors" footers and its chrome."""
    lines = [s.strip() for s in lines_of(text[:400_000])]
    footers = sum(1 for s in lines if s and s[:1] in "\u2022\u00b7" and _AUTHORS.fullmatch(s))
    chrome = sum(
        1 for s in lines
        if s.casefold() in ("daily papers", "byak and the research community", "trending papers")
        or s.casefold().startswith("get trending papers")
    )  # fmt: skip
    dated = sum(
        1
        for i, s in enumerate(lines[1:], 1)
        if lines[i - 1] in ("\u00b7", "\u2022") and _date_line(s)
    )
    if footers == 0 and dated == 0:
        return 0.35 if chrome >= 2 else 0.0
    score = 0.5 + 0.1 * min(footers + dated, 4) + 0.05 * min(chrome, 2)
    return min(score, 0.97)
