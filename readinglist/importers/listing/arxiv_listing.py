"""arXiv listing pages: "list/<cat>/new|recent|pastweek", old and new layout, and
arXiv search results.

Listing layout (a real browser copy has no "Title:"/"Authors:" labels; the
labelled form is accepted too)::

    Thu, 14 Mar 2024                                  <- day heading: date of what follows
    [1]  arXiv:2403.08726 [pdf, other]                <- entry header (cross-list noted)
    Euclid: Testing photometric selection ...         <- title (may wrap)
    M. S. Cagliari, ..., et al. (84 additional authors not shown)
    Comments: 19 pages ...                            <- optional labelled fields
    Subjects: Cosmology and Nongalactic Astrophysics (astro-ph.CO); ...
    <abstract paragraph, on "new" pages>

Search results layout::

    arXiv:2403.08726  [pdf, other]  astro-ph.CO gr-qc
    <title>
    Authors: A, B
    Abstract: ... ▽ More / △ Less
    Submitted 14 March, 2024; originally announced March 2024.

Chrome (page heading, date index, "[ total of N entries: 1-N ]", section
headings) is skipped; the stated total is checked against what was read.
Every line after the first entry header belongs to some entry's ``raw``.
"""

from __future__ import annotations

import re

from readinglist.core.entry import ParseContext, ParsedEntry, ParseResult
from readinglist.core.identifiers import arxiv_base_id, arxiv_year_month, normalize_arxiv_id
from readinglist.importers.listing._authorlist import looks_like_author_list, split_authors
from readinglist.importers.listing._textutil import (
    code_url_in,
    find_urls,
    gc_paused,
    parse_full_date,
    squash,
    year_of,
)

FORMAT = "arxiv"

_ID = r"(?P<id>(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?)"
_HEADER = re.compile(
    r"^\s*(?:\[(?P<n>\d+)\]\s*|\d{1,5}\.\s+)?arXiv:"
    + _ID
    + r"(?P<rest>(?:\s*\((?:cross-list from (?P<cross>[\w.-]+)|replaced)[^)]*\))*"
    r"\s*(?:\[(?P<links>[^\]]*)\])?(?P<tail>[^\n]*))$",
    re.I,
)
_FIELD = re.compile(
    r"^(?P<label>Title|Authors?|Comments|Subjects|Journal-ref|Journal ref|Report-no|DOI|MSC-class|ACM-class|"
    r"Abstract|Submitted|Categories)\s*:\s?(?P<value>.*)$",
    re.I,
)
_SUBMITTED = re.compile(r"^Submitted\s+(?P<date>[^;]+)", re.I)
_DAY_HEADING = re.compile(
    r"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4}"
    r"(?:\s*\(showing[^)]*\))?\s*$"
)
_TOTAL = re.compile(
    r"^\[?\s*total of (?P<total>\d+) entries(?::\s*(?P<a>\d+)\s*-\s*(?P<b>\d+))?\s*\]?", re.I
)
_SHOWING = re.compile(r"\(showing (?:first )?(?P<shown>\d+) of (?P<total>\d+) entries\s*\)", re.I)
_CHROME = re.compile(
    r"^(?:\[\s*showing .*\]|New submissions|Cross submissions|Cross-lists|Replacement submissions|"
    r"Replacements|Authors and titles for|Showing new listings|Skipped:|Continue to|See today's|"
    r"Total of \d+ entries|Showing \d+[–-]\d+ of|Search|Next|Previous|\d+\s*$|"
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\b)",
    re.I,
)
_CODES = re.compile(r"\(([a-z-]+(?:\.[A-Za-z-]+)?)\)")
_SEARCH_CATS = re.compile(
    r"(?:^|\s)([a-z-]+\.[A-Za-z]{2}|[a-z]+-[a-z]+|math-ph|quant-ph|gr-qc)(?=\s|$)"
)
_SNIFF_HEADER = re.compile(
    r"(?m)^\s*(?:\[\d+\]\s*|\d{1,5}\.\s+)?arXiv:\S+.*\[(?:pdf|html|ps|other)"
)
_SNIFF_SUBJECTS = re.compile(r"\nSubjects:.*\([a-z-]+(?:\.[A-Za-z-]+)?\)")
_CODE_AVAILABLE = re.compile(
    r"\b(?:code|implementation)\b.*\b(?:available|released|github)\b", re.I
)
_CODE_WORD = re.compile(r"\bcode\b", re.I)
_MORE_LESS = re.compile(r"\s*[\u25bd\u25b3]\s*(?:More|Less)\s*")


def is_chrome(line: str) -> bool:
    """Listing furniture: day headings, "[ total of N entries ]", section titles."""
    s = line.strip()
    if len(s) > 200:
        return False
    return bool(_DAY_HEADING.match(s) or _TOTAL.match(s) or _CHROME.match(s))


def sniff(text: str) -> float:
    """High when "[n] arXiv:ID [pdf" headers or "Subjects: ... (cs.CL)" lines abound."""
    head = text[:200000]
    linked = "arXiv:" in head and any(f"[{k}" in head for k in ("pdf", "html", "ps", "other"))
    headers = len(_SNIFF_HEADER.findall(head)) if linked else 0
    subjects = len(_SNIFF_SUBJECTS.findall("\n" + head)) if "Subjects:" in head else 0
    if headers == 0:
        return 0.3 if subjects >= 2 else 0.0
    return min(1.0, 0.6 + 0.1 * headers + 0.05 * subjects)


def _topics(subjects: str) -> list[str]:
    codes: list[str] = []
    for code in _CODES.findall(subjects):
        if code not in codes:
            codes.append(code)
    return codes


class _Block:
    """Lines of one entry, from its header up to the next header."""

    def __init__(self, header: re.Match[str], line: str, date: str | None) -> None:
        self.header = header
        self.lines: list[str] = [line]
        self.date = date


def _finish(block: _Block, warnings: list[str]) -> ParsedEntry:
    header = block.header
    raw = "\n".join(block.lines).strip("\n")
    ident = normalize_arxiv_id(header.group("id")) or header.group("id")
    entry = ParsedEntry(arxiv_id=arxiv_base_id(ident), raw=raw, entry_type="preprint")
    entry.url = f"https://arxiv.org/abs/{entry.arxiv_id}"
    tail = header.group("tail") or ""
    topics = _SEARCH_CATS.findall(tail)

    plain: list[str] = []  # unlabelled lines before the first labelled field
    fields: dict[str, list[str]] = {}
    after: list[str] = []  # unlabelled lines after a labelled field (abstract, wraps)
    current: str | None = None
    for line in block.lines[1:]:
        s = line.strip()
        if not s:
            if current in ("abstract",):
                fields[current].append("")
            continue
        m = _FIELD.match(s) if ":" in s else None  # every label ends in ":"
        sub = _SUBMITTED.match(s) if s[0] in "Ss\u017f" else None  # \u017f: "s" under re.I
        if sub:
            block.date = parse_full_date(sub.group("date")) or block.date
            current = None
            continue
        if m:
            label = m.group("label").lower().replace(" ", "-")
            label = {"author": "authors", "categories": "subjects"}.get(label, label)
            current = label
            fields.setdefault(label, []).append(m.group("value"))
            continue
        if is_chrome(s):
            continue
        if current is None:
            plain.append(s)
        elif current == "subjects" or after:
            after.append(s)  # the abstract on "new" pages follows the Subjects line
        elif current == "title" and looks_like_author_list(s) >= 0.6:
            # "Title:" shown but the authors' label hidden (new listing layout)
            current = "authors-unlabelled"
            fields.setdefault(current, []).append(s)
        else:
            fields[current].append(s)  # a wrapped field

    title_parts = fields.get("title", [])
    author_text = " ".join(fields.get("authors", []) or fields.get("authors-unlabelled", []))
    if not title_parts and not author_text:
        if len(plain) >= 2:
            title_parts, author_text = plain[:-1], plain[-1]
        elif plain:
            title_parts = plain
        plain = []
    elif not title_parts:
        title_parts, plain = plain, []
    elif not author_text and plain:
        author_text, plain = plain[-1], plain[:-1]
    entry.title = squash(" ".join(title_parts)) or None
    authors = split_authors(author_text)
    entry.authors = authors.names
    entry.authors_truncated = authors.truncated
    entry.author_count = authors.count

    abstract_lines = [ln for ln in fields.get("abstract", [])] + plain + after
    abstract = squash(" ".join(abstract_lines))
    if "\u25bd" in abstract:  # search page: short text, "▽ More", full text, "△ Less"
        abstract = abstract.split("\u25bd", 1)[1]
        abstract = re.sub(r"^\s*More\s*", "", abstract)
    abstract = _MORE_LESS.sub(" ", abstract).strip()
    entry.abstract = abstract or None

    subjects = " ".join(fields.get("subjects", []))
    entry.topics = _topics(subjects) if subjects else []
    for code in topics:
        if code not in entry.topics:
            entry.topics.append(code)
    cross = header.group("cross")
    if cross and cross not in entry.topics:
        entry.topics.append(cross)
    journal = squash(" ".join(fields.get("journal-ref", [])))
    if journal:
        entry.venue = journal
        entry.entry_type = "article"
    doi_field = squash(" ".join(fields.get("doi", [])))
    if doi_field:
        from readinglist.core.identifiers import normalize_doi

        entry.doi = normalize_doi(doi_field.split()[0]) if doi_field.split() else None
    comments = " ".join(fields.get("comments", []))
    code = code_url_in(comments)
    if code or _CODE_AVAILABLE.search(comments):
        entry.has_code = True
        entry.code_url = code
    elif find_urls(comments) and _CODE_WORD.search(comments):
        entry.has_code = True

    if block.date:
        entry.date = block.date
    else:
        ym = arxiv_year_month(ident)
        if ym:
            entry.date = f"{ym[0]:04d}-{ym[1]:02d}"
    entry.year = year_of(entry.date)

    if not entry.title:
        entry.flag("no title was found for this arXiv entry")
    if not entry.authors:
        entry.flag("no authors were found for this arXiv entry")
    return entry


@gc_paused
def parse(text: str, ctx: ParseContext) -> ParseResult:
    """Read every arXiv entry in ``text``; see the module docstring for layouts."""
    result = ParseResult(format=FORMAT)
    blocks: list[_Block] = []
    current_date: str | None = None
    preamble: list[str] = []
    totals: list[int] = []
    for line in text.split("\n"):
        s = line.strip()
        m = _HEADER.match(s) if ("rXiv:" in s[:40] or "rxiv:" in s[:40]) else None
        if m:
            blocks.append(_Block(m, line, current_date))
            continue
        total = _TOTAL.match(s) if "otal of" in s[:12] else None
        if total:
            if total.group("a") and total.group("b"):
                totals.append(int(total.group("b")) - int(total.group("a")) + 1)
            else:
                totals.append(int(total.group("total")))
        else:
            shown = _SHOWING.search(s) if "howing" in s else None
            if shown:
                totals.append(int(shown.group("shown")))
        day = len(s) < 60 and _DAY_HEADING.match(s)
        if day or (s.startswith("Showing new listings for") and len(s) < 80):
            current_date = parse_full_date(s) or current_date
        chrome = bool(day or total or (len(s) < 200 and _CHROME.match(s)))
        if blocks and not (chrome and not _FIELD.match(s)):
            blocks[-1].lines.append(line)
        elif s and not chrome:
            preamble.append(s)

    seen: dict[str, int] = {}
    extra_raw: dict[int, list[str]] = {}
    duplicates = 0
    for block in blocks:
        entry = _finish(block, result.warnings)
        key = entry.arxiv_id or ""
        if key in seen:
            duplicates += 1
            extra_raw.setdefault(seen[key], []).append(entry.raw)
            continue
        seen[key] = len(result.entries)
        result.entries.append(entry)

    for index, raws in extra_raw.items():
        kept = result.entries[index]
        kept.raw = "\n".join([kept.raw, *raws])
    if preamble:
        result.warnings.append(
            f"{len(preamble)} line(s) before the first arXiv entry were taken as the page heading "
            f"and not imported: {'; '.join(repr(p[:60]) for p in preamble[:3])}"
            + (" ..." if len(preamble) > 3 else "")
        )
    if duplicates:
        result.warnings.append(
            f"{duplicates} arXiv entr{'y' if duplicates == 1 else 'ies'} appeared more than once "
            "(pasted twice?); each paper is kept once."
        )
    if blocks:
        last = result.entries[-1] if result.entries else None
        last_block = blocks[-1]
        labelled = any(_FIELD.match(ln.strip()) for ln in last_block.lines[1:])
        if last is not None and (
            not last.title or not last.authors or (len(blocks) > 1 and not labelled)
        ):
            result.warnings.append(
                f"The last entry (arXiv:{last.arxiv_id}) looks cut off: the paste may have ended mid-entry."
            )
    stated = max(totals) if totals else None
    if (
        stated is not None
        and blocks
        and stated != len(result.entries) + duplicates
        and stated != len(result.entries)
    ):
        result.warnings.append(
            f"The page says it lists {stated} entries but {len(result.entries)} were read; "
            "part of the page may be missing from the paste."
        )
    return result
