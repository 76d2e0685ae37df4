"""Google Scholar: search results pages and author profile pages.

Results (one per paper)::

    [PDF] aps.org                                   <- optional link to a full text
    [CITATION] Quantum theory of solids             <- optional [BOOK]/[CITATION]/[HTML]/[B]/[C]
    C Kittel, C Fong - 1963 - Wiley New York        <- "authors - venue, year - host" (byline)
    snippet lines ...
    Cited by 4190 Related articles All 3 versions   <- optional footer

The byline anchors each result: the title is the line above it.  Authors may
end with "…" (Scholar cut the list).

Profile pages: the person's name and affiliation, "Citations / h-index /
i10-index" table, then a "TITLE CITED BY YEAR" table whose rows copy as
title / authors / venue (cited-by count and year either tab-separated at the
end of the venue line or on lines of their own).
"""

from __future__ import annotations

import re

from readinglist.core.entry import ParseContext, ParsedEntry, ParseResult
from readinglist.importers.listing._authorlist import looks_like_author_list, split_authors
from readinglist.importers.listing._textutil import (
    fill_identifiers,
    find_year,
    gc_paused,
    squash,
    wordlike_at_least,
)

FORMAT = "scholar"

# "[CITATION][C] Title" when the short tag was not hidden: the last marker counts.
_MARKER = re.compile(
    r"^(?:\[(?:PDF|HTML|DOC|PS|BOOK|CITATION|B|C)\]\s*)*\[(PDF|HTML|DOC|PS|BOOK|CITATION|B|C)\]\s*(.*)$"
)
# The links under a result ("☆ Save Cite Cited by 12 Related articles All 3 versions").
_FOOTER = re.compile(
    r"^\W{0,3}(?:Save\s+)?(?:\d+\s+)?(?:Cite\s+)?(?:Cited by \d+|Related articles|All \d+ versions|"
    r"Library Search|Import into BibTeX|View as HTML|Save\s+Cite\s*$)(?:\s|$)",
)
_CITED = re.compile(r"Cited by (\d+)")
_SEP = re.compile(r"\s+[-\u2010\u2011\u2013]\s+")
_SCHOLAR_NAME = re.compile(r"^(?:\u2026\s*)?[A-Z\u00c0-\u017f]{1,4}\s+\S")
_CHROME = re.compile(
    r"^(?:About [\d,]+ results|Page \d+ of about|Any time|Since \d{4}|Custom range|Sort by relevance|"
    r"Sort by date|Any type|Review articles|include patents|include citations|Create alert|"
    r"Showing the best result|Did you mean|Search within citing articles|Previous|Next|"
    r"Articles \d+[–-]\d+|Show more|Help|Privacy|Terms|Scholar|My profile|My library|Metrics|"
    r"Alerts|Settings|Sign in|Follow|Get my own profile|Co-authors|Public access|VIEW ALL|"
    r"\d+ articles?|not available|available)\b",
    re.I,
)
_PROFILE_HEADER = re.compile(r"^\s*TITLE\s+CITED BY\s+YEAR\s*$", re.I | re.M)
_PROFILE_STATS = re.compile(r"^(Citations|h-index|i10-index)\s+(\d+)(?:\s+(\d+))?\s*$", re.I)
_ENDS_WITH_YEAR = re.compile(r"(?:^|[\s,])(?:19|20)\d\d\s*$")
_NUMERIC = re.compile(r"\d+\*?|(?:19|20)\d\d|\*")


_ABSTRACT_WORD = re.compile(r"^Abstract\s+")
_COMMA = re.compile(r",\s*")
_TRAILING_YEAR_1500 = re.compile(r",?\s*(?:1[5-9]|20)\d\d\s*$")
_TRAILING_YEAR = re.compile(r",?\s*(?:19|20)\d\d\s*$")
_DOMAIN_END = re.compile(r"\.[a-z]{2,}$")
_YEAR_1900 = re.compile(r"(?:19|20)\d\d")
_FOUR_DIGITS_END = re.compile(r"\d{4}\s*$")
_VENUE_YEAR = re.compile(r"(?:^|[\s,])((?:19|20)\d\d)\s*$")
_H_INDEX = re.compile(r"\nh-index\b")
_I10_INDEX = re.compile(r"\ni10-index\b")


def _profile_header(head: str) -> bool:
    """Is there a "TITLE CITED BY YEAR" line (a profile's table heading)?"""
    if head.isascii() and "cited by" not in head.lower():  # lower() is cheap on ASCII only
        return False
    return _PROFILE_HEADER.search(head) is not None


def is_chrome(line: str) -> bool:
    """Scholar page furniture (sort options, pager, footer links)."""
    return bool(_CHROME.match(line.strip()))


def _is_byline(line: str) -> bool:
    parts = _SEP.split(line)
    if len(parts) < 2 or len(parts) > 4:
        return False
    authors = parts[0].strip()
    if not authors:
        return False
    if authors.strip() in ("\u2026", "..."):
        return True
    names = [n.strip() for n in _COMMA.split(authors.replace("\u2026", ",")) if n.strip()]
    if not names or len(names) > 12:
        return False
    return sum(1 for n in names if _SCHOLAR_NAME.match(n) and len(n) < 40) >= max(1, len(names) - 1)


def sniff(text: str) -> float:
    """High for "Cited by N" footers with Scholar bylines, or a profile table."""
    head = text[:200000]
    lines = head.split("\n")
    # substring tests first: each regex below only runs where it can match
    footers = (
        sum(
            1
            for ln in lines
            if "Cited by " in ln
            and _CITED.search(ln)
            and ("Related articles" in ln or "versions" in ln)
        )
        if "Cited by " in head
        else 0
    )
    bylines = sum(1 for ln in lines[:4000] if " - " in ln and _is_byline(ln.strip()))
    markers = (
        sum(1 for ln in lines if "[" in ln and _MARKER.match(ln.strip())) if "[" in head else 0
    )
    if _profile_header(head) or (
        "h-index" in head
        and "i10-index" in head
        and _H_INDEX.search("\n" + head)
        and _I10_INDEX.search("\n" + head)
    ):
        return 0.9
    if bylines == 0:
        return 0.0
    return min(1.0, 0.35 + 0.15 * footers + 0.1 * bylines + 0.05 * markers)


def _byline_fields(entry: ParsedEntry, line: str) -> None:
    parts = _SEP.split(line)
    authors = split_authors(parts[0])
    entry.authors = authors.names
    entry.authors_truncated = authors.truncated
    middle = parts[1] if len(parts) >= 3 else ""
    host = parts[-1].strip() if len(parts) >= 2 else ""
    if len(parts) == 2 and find_year(parts[1]):
        middle, host = parts[1], ""
    year = find_year(middle)
    if year:
        entry.year = year
        entry.date = str(year)
        venue = _TRAILING_YEAR_1500.sub("", middle).strip(" ,")
    else:
        venue = middle.strip()
    entry.venue = venue or None
    if host:
        entry.publisher = host
        if not entry.venue and not _DOMAIN_END.search(host):
            entry.venue = None


def _parse_results(lines: list[str], result: ParseResult) -> None:
    anchors = [i for i, ln in enumerate(lines) if " - " in ln or "\u2013" in ln]
    anchors = [i for i in anchors if _is_byline(lines[i].strip())]
    used: set[int] = set()
    starts: list[int] = []
    for i in anchors:
        t = i - 1
        while t >= 0 and not lines[t].strip():
            t -= 1
        if t < 0 or t in used:
            continue
        if not wordlike_at_least(lines[t], 0.6) or not wordlike_at_least(lines[i], 0.5):
            continue  # symbol soup, not a title and a byline
        start = t
        if (
            t - 1 >= 0
            and _MARKER.match(lines[t - 1].strip())
            and _MARKER.match(lines[t - 1].strip()).group(1) in ("PDF", "HTML", "DOC", "PS")
        ):
            start = t - 1
        starts.append(start)
        used.update(range(start, i + 1))
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        block = lines[start:end]
        entry = ParsedEntry(raw="\n".join(block).strip("\n"))
        k = 0
        while k < len(block) and not block[k].strip():
            k += 1
        first = _MARKER.match(block[k].strip())
        if (
            first
            and first.group(1) in ("PDF", "HTML", "DOC", "PS")
            and not _is_byline(block[k + 1].strip())
        ):
            k += 1
        title_line = block[k].strip()
        marker = _MARKER.match(title_line)
        if marker:
            kind = marker.group(1)
            entry.entry_type = {
                "B": "book",
                "BOOK": "book",
                "C": "citation",
                "CITATION": "citation",
            }.get(kind)
            title_line = marker.group(2)
        entry.title = squash(title_line) or None
        _byline_fields(entry, block[k + 1].strip())
        snippet: list[str] = []
        for ln in block[k + 2 :]:
            s = ln.strip()
            if not s:
                continue
            cited = _CITED.search(s) if "Cited by " in s else None
            if _FOOTER.match(s):
                if cited:
                    entry.citations = int(cited.group(1))
                continue
            snippet.append(s)
        text = squash(" ".join(snippet))
        if text.startswith("Abstract"):
            text = _ABSTRACT_WORD.sub("", text)
        entry.abstract = text or None
        fill_identifiers(entry, entry.raw)
        if entry.authors_truncated:
            entry.flag("Scholar shortened the author list")
        result.entries.append(entry)
    head = lines[: starts[0]] if starts else lines
    if any(ln.strip() for ln in head):
        skipped = sum(1 for ln in head if ln.strip() and not _CHROME.match(ln.strip()))
        if skipped:
            result.warnings.append(
                f"{skipped} line(s) before the first result were skipped as page chrome."
            )
    if result.entries:
        last = result.entries[-1]
        if (
            not any(_FOOTER.match(ln.strip()) for ln in last.raw.split("\n"))
            and len(result.entries) > 1
        ):
            others = sum(
                1
                for e in result.entries[:-1]
                if any(_FOOTER.match(x.strip()) for x in e.raw.split("\n"))
            )
            if others == len(result.entries) - 1:
                result.warnings.append(
                    f'The last result ("{last.title}") looks cut off: the paste may have ended mid-entry.'
                )


def _profile_columns(cells: list[str]) -> tuple[str, int | None, int | None]:
    """(venue, cited by, year) from what follows the authors line of a profile row:
    "venue\tcited\tyear" on one line, or the venue then number-only lines."""
    if not cells:
        return "", None, None
    numbers = [c.strip().rstrip("*") for c in cells[1:]]
    venue = cells[0]
    if "\t" in venue:
        cols = venue.split("\t")
        venue, numbers = cols[0], [c.strip().rstrip("*") for c in cols[1:]] + numbers
    elif _NUMERIC.fullmatch(venue.strip()):
        venue, numbers = "", [venue.strip().rstrip("*")] + numbers
    year = cited = None
    if len(numbers) >= 2:
        cited_s, year_s = numbers[-2], numbers[-1]
        cited = int(cited_s) if cited_s.isdigit() else None
        year = int(year_s) if _YEAR_1900.fullmatch(year_s) else None
    elif numbers and numbers[0].isdigit():
        if _YEAR_1900.fullmatch(numbers[0]) and not _FOUR_DIGITS_END.search(venue):
            year = int(numbers[0])
        else:
            cited = int(numbers[0])
    if year is None:
        found = _VENUE_YEAR.search(venue)
        year = int(found.group(1)) if found else None
    return venue, cited, year


def _parse_profile(lines: list[str], result: ParseResult) -> None:
    profile: dict[str, object] = {}
    header = next((i for i, ln in enumerate(lines) if _PROFILE_HEADER.match(ln.strip())), None)
    top = [ln.strip() for ln in lines[: header if header is not None else len(lines)] if ln.strip()]
    if top:
        profile["name"] = top[0]
        if len(top) > 1 and not _PROFILE_STATS.match(top[1]):
            profile["affiliation"] = top[1]
    for ln in top:
        m = _PROFILE_STATS.match(ln)
        if m:
            key = {"citations": "citations", "h-index": "h_index", "i10-index": "i10_index"}[
                m.group(1).lower()
            ]
            profile[key] = int(m.group(2))
    result.profile = profile or None
    if header is None:
        result.warnings.append(
            "This looks like a Scholar profile, but its paper table was not found."
        )
        return
    rows: list[list[str]] = []
    body = [ln.strip() for ln in lines[header + 1 :] if ln.strip()]
    for k, s in enumerate(body):
        if _NUMERIC.fullmatch(s):
            if rows:
                rows[-1].append(s)
            continue
        if _CHROME.match(s) and (not rows or len(rows[-1]) >= 2):
            continue
        if rows and len(rows[-1]) == 1:
            rows[-1].append(s)  # the authors line
            continue
        if rows and len(rows[-1]) == 2 and not _ENDS_WITH_YEAR.search(rows[-1][1]):
            # a venue line, unless this line is the next title (followed by authors)
            nxt = next((b for b in body[k + 1 :] if not _NUMERIC.fullmatch(b)), "")
            if _ENDS_WITH_YEAR.search(s) or looks_like_author_list(nxt) < 0.6:
                rows[-1].append(s)
                continue
        rows.append([s])
    for row in rows:
        entry = ParsedEntry(raw="\n".join(row))
        entry.title = squash(row[0])
        if len(row) > 1:
            authors = split_authors(row[1])
            entry.authors, entry.authors_truncated = authors.names, authors.truncated
        venue, cited, year = _profile_columns(row[2:])
        entry.citations = cited
        entry.year = year
        venue = _TRAILING_YEAR.sub("", squash(venue)).strip(" ,")
        entry.venue = venue or None
        if entry.year:
            entry.date = str(entry.year)
        if len(row) < 2:
            entry.flag("only a title was found for this row")
        fill_identifiers(entry, entry.raw)
        result.entries.append(entry)


@gc_paused
def parse(text: str, ctx: ParseContext) -> ParseResult:
    """Read Scholar results (or a profile's paper table) from ``text``."""
    result = ParseResult(format=FORMAT)
    lines = text.split("\n")
    head = text[:200000]
    if _PROFILE_HEADER.search(head) or (
        re.search(r"(?m)^h-index\b", head) and re.search(r"(?m)^i10-index\b", head)
    ):
        _parse_profile(lines, result)
    else:
        _parse_results(lines, result)
    if not result.entries:
        result.warnings.append("No Scholar results were found in the pasted text.")
    return result
