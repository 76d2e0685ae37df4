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

from readinglist.core.entry import ParseContext, ParsedEntry, ParseResult
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
    ident = normalize_arxiv_id(token)
    if ident:
        return ("arxiv", ident)
    doi = normalize_doi(token)
    if doi:
        m = ARXIV_DOI.fullmatch(doi)
        arx = normalize_arxiv_id(m.group(1)) if m else None
        return ("arxiv", arx) if arx else ("doi", doi)
    return None


def _bare_new_id(line: str) -> ParsedEntry | None:
    """The entry when ``line`` is just a valid new-style arXiv id
    ("2305.14251", "2305.14251v2"), the commonest line of an id list, read
    without the general machinery (same result as ``read_line`` and the
    general loop in ``parse``); None sends the line down the general path."""
    m = _BARE_NEW_ID.fullmatch(line)
    if m is None:
        return None
    yymm, num = m.groups()
    yy, mm = int(yymm[:2]), int(yymm[2:])
    if not 1 <= mm <= 12 or yy < 7:
        return None
    if (len(num) == 5) != (yymm >= "1501"):  # 5-digit numbers from 2015 on
        return None
    year = 1900 + yy if yy >= 91 else 2000 + yy
    return ParsedEntry(
        raw=line,
        arxiv_id=f"{yymm}.{num}",
        url=f"https://arxiv.org/abs/{line}",
        entry_type="preprint",
        date=f"{year:04d}-{mm:02d}",
        year=year,
        needs_review=True,
        review_reasons=[REVIEW_REASON],
    )


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
    seen: dict[str, ParsedEntry] = {}
    repeats = 0
    unread: list[str] = []
    raw_lines: set[tuple[str, str]] = set()
    for line in text.split("\n"):
        s = line.strip()
        if not s or s.startswith(("#", "%", "//")):  # blank or a comment line
            continue
        bare = _bare_new_id(s)
        if bare is not None:
            key = "arxiv:" + bare.arxiv_id  # type: ignore[operator]
            if key not in seen:
                seen[key] = bare
                raw_lines.add((key, s))
                result.entries.append(bare)
                continue
            ids = [("arxiv", s)]  # a repeat: counted below
        else:
            ids = read_line(s) if len(s) < 2000 else None
        if ids is None:
            unread.append(s)
            continue
        for kind, value in ids:
            base = arxiv_base_id(value) if kind == "arxiv" else ""
            key = f"arxiv:{base}" if kind == "arxiv" else f"{kind}:{doi_key(value)}"
            if key in seen:
                repeats += 1
                if (key, s) not in raw_lines:
                    raw_lines.add((key, s))
                    seen[key].raw += "\n" + s
                continue
            entry = ParsedEntry(raw=s)
            if kind == "arxiv":
                entry.arxiv_id = base
                entry.url = f"https://arxiv.org/abs/{value}"
                entry.entry_type = "preprint"
                ym = arxiv_year_month(value)
                if ym:
                    entry.date, entry.year = f"{ym[0]:04d}-{ym[1]:02d}", ym[0]
            else:
                entry.doi = value
                entry.url = f"https://doi.org/{value}"
            entry.flag(REVIEW_REASON)
            seen[key] = entry
            raw_lines.add((key, s))
            result.entries.append(entry)
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
    if not result.entries:
        result.warnings.append("No arXiv ids or DOIs were found.")
    return result
