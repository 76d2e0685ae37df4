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
    arxiv_base_id,
    arxiv_year_month,
    doi_key,
    normalize_arxiv_id,
    normalize_doi,
)

FORMAT = "ids"

_COMMENT = re.compile(r"^\s*(?:#|%|//)")
_TRAILING_COMMENT = re.compile(r"\s+(?:#|%|//).*$")
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
        m = re.fullmatch(r"10\.48550/arxiv\.(.+)", doi, flags=re.I)
        arx = normalize_arxiv_id(m.group(1)) if m else None
        return ("arxiv", arx) if arx else ("doi", doi)
    return None


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
    if ":" in body:
        body = _PREFIX_SPACE.sub(r"\1:", body)
    if not body:
        return None
    found = []
    for token in _SPLIT.split(body):
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
    good = sum(1 for ln in sample if len(ln) < 400 and read_line(ln))
    share = good / len(sample)
    if good == 0 or share < 0.5:
        return 0.0
    return 0.5 + 0.45 * share


def parse(text: str, ctx: ParseContext) -> ParseResult:
    """One entry per distinct identifier; no titles are invented."""
    result = ParseResult(format=FORMAT)
    seen: dict[str, ParsedEntry] = {}
    repeats = 0
    unread: list[str] = []
    raw_lines: set[tuple[str, str]] = set()
    for line in text.split("\n"):
        s = line.strip()
        if not s or _COMMENT.match(s):
            continue
        ids = read_line(s) if len(s) < 2000 else None
        if ids is None:
            unread.append(s)
            continue
        for kind, value in ids:
            key = f"{kind}:{arxiv_base_id(value) if kind == 'arxiv' else doi_key(value)}"
            if key in seen:
                repeats += 1
                if (key, s) not in raw_lines:
                    raw_lines.add((key, s))
                    seen[key].raw += "\n" + s
                continue
            entry = ParsedEntry(raw=s)
            if kind == "arxiv":
                entry.arxiv_id = arxiv_base_id(value)
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
