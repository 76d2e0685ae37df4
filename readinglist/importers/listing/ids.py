"""Identifier lists: one arXiv id, DOI or paper URL per line.

Accepted per line: bare ids old and new style with versions ("hep-th/9901001",
"2403.08726v2"), "arXiv:" prefixes, arxiv.org / alphaxiv.org / Hugging Face
paper URLs, DOIs bare, "doi:"-prefixed, quoted or as doi.org URLs, and
several ids on one line separated by commas or spaces.  Comment lines ("#",
"%", "//") and blank lines are skipped; a trailing "# comment" is allowed.

Each identifier becomes one entry with no title (it is never guessed),
flagged ``needs_review`` ("metadata to be completed").  Repeats are
collapsed with a warning; lines that hold no identifier are quoted in a
warning.
"""

from __future__ import annotations

import re

from readinglist.core.entry import ParseContext, ParsedEntry, ParseResult, identifier_entry
from readinglist.core.identifiers import (
    ARXIV_DOI,
    arxiv_base_id,
    arxiv_year_month,
    doi_key,
    normalize_arxiv_id,
    normalize_doi,
)
from readinglist.importers.listing._textutil import gc_paused

FORMAT = "ids"

_COMMENT = re.compile(r"^\s*(?:#|%|//)")
_TRAILING_COMMENT = re.compile(r"\s+(?:#|%|//).*$")
_BARE_NEW_ID = re.compile(r"([0-9]{4})\.([0-9]{4,5})(?:v[0-9]{1,3})?")
_COLON_SPACE = re.compile(r":\s").search
_SEPARATOR = re.compile(r"[\s,;]").search
_DIGIT = re.compile(r"\d").search
_SPLIT = re.compile(r"[\s,;]+")
_PREFIX_SPACE = re.compile(r"(?i)\b(arxiv|doi)\s*:\s+")
REVIEW_REASON = "metadata to be completed (only an identifier was given)"


def _one(token: str) -> tuple[str, str] | None:
    token = token.strip().strip("\"'<>()[]").rstrip(".,;")
    if not token:
        return None
    if not token.startswith("10."):  # a bare DOI is never an arXiv id: skip the attempt
        ident = normalize_arxiv_id(token)
        if ident:
            return ("arxiv", ident)
    doi = normalize_doi(token)
    if doi:
        m = ARXIV_DOI.fullmatch(doi)
        arx = normalize_arxiv_id(m.group(1)) if m else None
        return ("arxiv", arx) if arx else ("doi", doi)
    return None


# The commonest line of an id list is one new-style id and nothing else
# ("2305.14251", "2305.14251v2"); such lines are read without the general
# machinery: string tests for an id without version, this pattern with one.
_BARE_LINE = re.compile(r"([0-9]{4}\.[0-9]{4,5})(v[0-9]{1,3})?").fullmatch


def _new_style_months() -> dict[str, tuple[int, str, int]]:
    """ "YYMM" -> (length of "YYMM.NNNN[N]", "YYYY-MM", year) for every month of the
    new scheme (from 0704 on; 4-digit numbers until 1412, 5-digit from 1501)."""
    months = {}
    for yy in range(7, 100):
        year = 1900 + yy if yy >= 91 else 2000 + yy
        for mm in range(1, 13):
            yymm = f"{yy:02d}{mm:02d}"
            months[yymm] = (10 if yymm >= "1501" else 9, f"{year:04d}-{mm:02d}", year)
    return months


_NEW_STYLE_MONTHS = _new_style_months()

def read_line(line: str) -> list[tuple[str, str]] | None:
    """The identifiers on one line, or None when the line is not an id line.

    "arXiv: 2403.08726" and "doi: 10.1/x" (a space after the colon) count as
    one token each.
    """
    body = (
        _TRAILING_COMMENT.sub("", line).strip()
        if ("#" in line or "%" in line or "//" in line)
        else line.strip()
    )
    if ":" in body and _COLON_SPACE(body):
        body = _PREFIX_SPACE.sub(r"\1:", body)
    if not body:
        return None
    found = []
    for token in _SPLIT.split(body) if _SEPARATOR(body) else (body,):
        if not token:
            continue
        one = _one(token)
        if one is None:
            return None
        found.append(one)
    return found or None


def is_chrome(line: str) -> bool:
    """A comment line ("#", "%", "//")."""
    return bool(_COMMENT.match(line))


def sniff(text: str) -> float:
    """High when (nearly) every non-comment line is a list of identifiers."""
    lines = [ln for ln in text[:200000].split("\n") if ln.strip() and not _COMMENT.match(ln)]
    if not lines:
        return 0.0
    sample = lines[:500]
    good = bad = 0
    for ln in sample:
        if len(ln) < 400 and _DIGIT(ln) and read_line(ln):  # every identifier has a digit
            good += 1
        else:
            bad += 1
            if 2 * bad > len(sample):  # the share of id lines can no longer reach one half
                return 0.0
    share = good / len(sample)
    if good == 0 or share < 0.5:
        return 0.0
    return 0.5 + 0.45 * share


@gc_paused
def parse(text: str, ctx: ParseContext) -> ParseResult:
    """One entry per distinct identifier; no titles are invented."""
    result = ParseResult(format=FORMAT)
    entries = result.entries
    by_arxiv: dict[str, ParsedEntry] = {}  # base id -> its entry
    by_doi: dict[str, ParsedEntry] = {}  # case-folded DOI -> its entry
    # the distinct source lines of an identifier met more than once (made on
    # its first repeat; until then the entry's raw is its one line)
    lines_of: dict[tuple[str, str], set[str]] = {}
    repeats = 0
    unread: list[str] = []
    months = _NEW_STYLE_MONTHS
    make = identifier_entry

    def repeat(kind: str, key: str, entry: ParsedEntry, line: str) -> None:
        """Keep each distinct line an identifier came from in its entry's raw."""
        got = lines_of.get((kind, key))
        if got is None:
            got = lines_of[(kind, key)] = {entry.raw}
        if line not in got:
            got.add(line)
            entry.raw += "\n" + line

    for line in text.split("\n"):
        month = months.get(line[:4])  # a "YYMM" of the new scheme first
        if month is not None:
            if (
                len(line) == month[0]  # "YYMM.NNNN" until 1412, "YYMM.NNNNN" from 1501
                and line[4] == "."
                and line[5:].isdigit()
                and line.isascii()  # [0-9] only
            ):
                base = line
            else:  # with a version ("2305.14251v2")?
                m = _BARE_LINE(line)
                base = m.group(1) if m is not None and len(m.group(1)) == month[0] else ""
            if base:  # the line is one new-style id
                entry = by_arxiv.get(base)
                if entry is None:
                    entry = make(line, base, None, "https://arxiv.org/abs/" + line, "preprint",
                                 month[1], month[2], REVIEW_REASON)
                    by_arxiv[base] = entry
                    entries.append(entry)
                    continue
                repeats += 1
                if line != entry.raw:  # else the entry came from this very line
                    repeat("arxiv", base, entry, line)
                continue
        s = line.strip()
        if not s or s.startswith(("#", "%", "//")):  # blank or a comment line
            continue
        ids = read_line(s) if len(s) < 2000 else None
        if ids is None:
            unread.append(s)
            continue
        for kind, value in ids:
            if kind == "arxiv":
                key = arxiv_base_id(value)
                entry = by_arxiv.get(key)
                if entry is None:
                    ym = arxiv_year_month(value)
                    by_arxiv[key] = entry = make(
                        s, key, None, "https://arxiv.org/abs/" + value, "preprint",
                        f"{ym[0]:04d}-{ym[1]:02d}" if ym else None, ym[0] if ym else None,
                        REVIEW_REASON,
                    )  # fmt: skip
                    entries.append(entry)
                    continue
            else:
                key = doi_key(value)
                entry = by_doi.get(key)
                if entry is None:
                    by_doi[key] = entry = make(
                        s, None, value, "https://doi.org/" + value, None, None, None, REVIEW_REASON
                    )
                    entries.append(entry)
                    continue
            repeats += 1
            repeat(kind, key, entry, s)
    if repeats:
        result.warnings.append(
            f"{repeats} identifier{' was' if repeats == 1 else 's were'} listed more than once; each is kept once."
        )
    if unread:
        shown = "; ".join(repr(u[:60]) for u in unread[:5])
        more = f" and {len(unread) - 5} more" if len(unread) > 5 else ""
        result.warnings.append(
            f"{len(unread)} line(s) are not identifiers and were skipped: {shown}{more}."
        )
    if not entries:
        result.warnings.append("No arXiv ids or DOIs were found.")
    return result
