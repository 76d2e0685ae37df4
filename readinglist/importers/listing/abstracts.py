"""Abstract-only listings (format 4): an institution heading, then "Abstract:" paragraphs.

Such pages (an institution's publication feed) print no titles.  Each
"Abstract:" paragraph becomes one entry with no title, flagged for review,
with a provisional display title made from its first words (kept apart from
the title, so nothing is invented silently) and the heading above it as the
organisation.  A long line without the label continues the abstract above it;
a short one is a new heading.  When every heading sits above exactly one
abstract, the headings are the papers' titles (a "title / Abstract:" list).
"""

from __future__ import annotations

import re
from collections import Counter

from readinglist.core.entry import ParseContext, ParsedEntry, ParseResult
from readinglist.importers.listing._alphaxiv_grammar import (
    ELLIPSIS,
    fold_duplicates,
    lines_of,
    simple_key,
    skipped_warning,
)
from readinglist.importers.listing._textutil import gc_paused

FORMAT = "abstracts"

_LABEL = re.compile(r"abstract\s*(?:[:.\u2014\u2013-]\s*|$)", re.I)
_HEADING_MAX = 150
_HEADING_LINES = 3
PROVISIONAL_WORDS = 10
REVIEW_REASON = (
    "No title: the listing shows only the abstract. The title shown is provisional "
    "(the abstract's first words)."
)
_CHROME = frozenset({"abstracts", "publications", "show more", "load more", "read more"})


def page_chrome(line: str) -> bool:
    """Is ``line`` part of the page around the list (buttons)?"""
    return line.strip().casefold() in _CHROME


def provisional_title(abstract: str) -> str:
    """A display title from the abstract's first words, ending in "…" when cut.

    The first sentence if it is short, else the first ten words.
    """
    words = abstract.split()
    if not words:
        return ""
    first = re.split(r"(?<=[.!?])\s", abstract.strip(), maxsplit=1)[0]
    if len(first.split()) <= 12 and len(first) <= 100:
        return first.rstrip(".")
    return " ".join(words[:PROVISIONAL_WORDS]).rstrip(",;:") + ELLIPSIS


def _heading_like(line: str) -> bool:
    return (
        len(line) <= _HEADING_MAX and not line.endswith((".", ",", ";")) and len(line.split()) <= 20
    )


@gc_paused
def parse(text: str, ctx: ParseContext) -> ParseResult:
    """Entries of an abstract-only listing; never raises on text."""
    lines = lines_of(text)
    result = ParseResult(format=FORMAT)
    entries: list[ParsedEntry] = []
    skipped: list[str] = []
    heading: list[str] = []
    cur: ParsedEntry | None = None
    first = last = 0
    awaiting_text = False  # "Abstract" alone on its line: the text follows
    last_kind = ""  # what the previous significant line was: "heading" or "entry"
    parts: list[str] = []  # the lines of the abstract being read
    heading_lines: list[str] = []  # the heading of the entry being read
    group = 0  # numbers each heading, to see how many entries sit under it
    group_of: dict[int, int] = {}
    heading_used = True  # did an entry take the current heading as its organisation?

    def close() -> None:
        nonlocal cur
        if cur is not None:
            cur.abstract = "\n".join(parts) or None
            block = "\n".join(lines[first : last + 1])
            # the heading is this entry's context: keep it with the block it came from
            cur.raw = "\n".join([*heading_lines, block]) if heading_lines else block
            entries.append(cur)
        cur = None

    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line or page_chrome(line):
            continue
        m = _LABEL.match(line)
        if m:
            close()
            cur = ParsedEntry(organization=", ".join(heading) or None)
            heading_lines = list(heading)
            group_of[id(cur)] = group if heading else -1
            heading_used = True
            first = last = i
            body = line[m.end() :].strip()
            parts = [body] if body else []
            awaiting_text = not body
            last_kind = "entry"
            continue
        if cur is not None and (awaiting_text or not _heading_like(line)):
            parts.append(line)
            last = i
            awaiting_text = False
            continue
        if _heading_like(line):
            close()
            if last_kind == "heading":
                if len(heading) >= _HEADING_LINES:  # a run of short lines: keep the last few
                    skipped.append(heading.pop(0))
                heading.append(line)
            else:
                if not heading_used:
                    skipped.extend(heading)
                heading, heading_used = [line], False
                group += 1
            last_kind = "heading"
            continue
        skipped.append(line)
    close()
    if not heading_used:
        skipped.extend(heading)

    kept = [e for e in entries if e.abstract]
    for entry in entries:
        if not entry.abstract:
            skipped.extend(entry.raw.split("\n"))
    sizes = Counter(group_of[id(e)] for e in kept)
    # Every heading above exactly one abstract: the headings are the papers' titles.
    titled = len(sizes) >= 2 and -1 not in sizes and set(sizes.values()) == {1}
    for entry in kept:
        if titled:
            entry.title, entry.organization = entry.organization, None
            continue
        entry.provisional_title = provisional_title(entry.abstract or "")
        entry.flag(REVIEW_REASON)
    result.entries, dup = fold_duplicates(kept, lambda e: simple_key(e.abstract))
    if dup:
        result.warnings.append(dup)
    warning = skipped_warning([s.strip() for s in skipped if s.strip()])
    if warning:
        result.warnings.append(warning)
    if not result.entries:
        result.warnings.append("No \u201cAbstract:\u201d paragraphs were found.")
    elif not titled:
        n = len(result.entries)
        result.warnings.append(
            f"{n} {'entry has' if n == 1 else 'entries have'} no title (only an abstract) "
            "and will need one."
        )
    return result


def sniff(text: str) -> float:
    """High for the shape of an abstract-only listing: several "Abstract:"
    paragraphs, each under at most one heading line (an institution, or a
    title).

    A single "Abstract:" label, or labels under a title *and* an author line,
    is what any note about papers looks like: that scores below the generic
    reader (0.05), which then gets the first try.
    """
    lines = [s.strip() for s in lines_of(text[:400_000]) if s.strip()]
    if not lines:
        return 0.0
    labelled = 0
    stacked = False  # two heading-like lines (title, authors) right above a label
    run = 0
    for s in lines:
        if _LABEL.match(s):
            if len(s) > 40:
                labelled += 1
            stacked = stacked or run >= 2
            run = 0
        elif _heading_like(s):
            if not page_chrome(s):
                run += 1
        else:
            run = 0
    if labelled == 0:
        return 0.0
    if labelled < 2 or stacked:
        return 0.04
    share = labelled / len(lines)
    titled = sum(1 for s in lines if re.match(r"(?:title|authors?)\s*:", s, re.I))
    if labelled >= 2 and share >= 0.5 and titled == 0:
        return 0.9
    if share >= 0.3 and titled == 0:
        return 0.6
    return 0.15
