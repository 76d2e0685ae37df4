"""BibTeX pasted from any exporter (Semantic Scholar, Google Scholar, Crossref /
doi.org, ACL Anthology, DBLP, arXiv, Zotero ...), read with bibtexparser 2.

LaTeX accents ({\\"u}, {\\'e}, \\ss) become Unicode and braces go; authors
"Last, First and ..." become "First Last" display names ("and others" sets
``authors_truncated``); the citekey, DOI, eprint/arXiv id, URL, venue (journal
or booktitle), pages, volume, publisher, year/month and abstract are kept.
A malformed entry gives a warning naming its line; the others still parse.
@string macros are resolved; @comment and @preamble blocks are ignored.
"""

from __future__ import annotations

import logging
import re

from readinglist.core.entry import ParseContext, ParsedEntry, ParseResult
from readinglist.core.identifiers import arxiv_base_id, normalize_arxiv_id, normalize_doi
from readinglist.importers.listing._authorlist import split_bibtex_authors
from readinglist.importers.listing._textutil import (
    MONTHS,
    fill_identifiers,
    gc_paused,
    latex_to_unicode,
)

FORMAT = "bibtex"

_ENTRY_START = re.compile(r"(?m)^\s*@\s*([A-Za-z]+)\s*[{(]")
_SNIFF_FIELD = re.compile(r"(?i)\b(?:title|author|year|journal|booktitle|doi|eprint)\s*=")
_FOUR_DIGITS = re.compile(r"\d{4}")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
_AND = re.compile(r"\s+and\s+")
_PAPER_FIELDS = frozenset({"title", "author", "editor", "doi", "eprint", "url"})
_ARXIV_VENUE = re.compile(r"^(?:arxiv|corr)\b|arxiv preprint", re.I)


def sniff(text: str) -> float:
    """High when the text holds @type{key, field = ...} blocks."""
    head = text[:200000]
    if "@" not in head:
        return 0.0
    starts = [m for m in _ENTRY_START.finditer(head) if m.group(1).lower() not in ("comment",)]
    if not starts:
        return 0.0
    fields = len(_SNIFF_FIELD.findall(head)) if "=" in head else 0
    if not fields:
        return 0.1  # "@word{" alone is not BibTeX
    return min(1.0, 0.6 + 0.1 * min(len(starts), fields) + 0.05 * fields)


def _field(fields: dict[str, str], *names: str) -> str | None:
    for name in names:
        value = fields.get(name)
        if value is not None:
            value = latex_to_unicode(str(value))
            if value:
                return value
    return None


def _entry(block, warnings: list[str]) -> ParsedEntry:
    fields = {f.key.lower(): f.value for f in block.fields}
    entry = ParsedEntry(
        citekey=block.key, entry_type=block.entry_type.lower(), raw=block.raw.strip()
    )
    entry.title = _field(fields, "title")
    author_text = fields.get("author") or fields.get("editor")
    if author_text:
        authors = split_bibtex_authors(latex_to_unicode_names(str(author_text)))
        entry.authors, entry.authors_truncated = authors.names, authors.truncated
    entry.venue = _field(
        fields, "journal", "journaltitle", "booktitle", "series", "school", "institution"
    )
    entry.publisher = _field(fields, "publisher", "organization")
    entry.volume = _field(fields, "volume")
    pages = _field(fields, "pages")
    entry.pages = pages.replace("--", "\u2013") if pages else None
    entry.abstract = _field(fields, "abstract")
    year_text = _field(fields, "year", "date") or ""
    m = _FOUR_DIGITS.search(year_text)
    if m:
        entry.year = int(m.group(0))
        month = (_field(fields, "month") or "").strip().lower()[:3]
        date_m = _ISO_DATE.match(year_text)
        if date_m:
            entry.date = date_m.group(0)
        elif month in MONTHS:
            entry.date = f"{entry.year:04d}-{MONTHS[month]:02d}"
        elif month.isdigit() and 1 <= int(month) <= 12:
            entry.date = f"{entry.year:04d}-{int(month):02d}"
        else:
            entry.date = f"{entry.year:04d}"
    doi = _field(fields, "doi")
    entry.doi = normalize_doi(doi) if doi else None
    eprint = _field(fields, "eprint", "arxivid", "arxiv")
    archive = (_field(fields, "archiveprefix", "eprinttype") or "arxiv").lower()
    if eprint and archive == "arxiv":
        ident = normalize_arxiv_id(eprint)
        entry.arxiv_id = arxiv_base_id(ident) if ident else None
    entry.url = _field(fields, "url")
    cls = _field(fields, "primaryclass")
    if cls and re.fullmatch(r"[a-z-]+(?:\.[A-Za-z-]+)?", cls):
        entry.topics = [cls]
    fill_identifiers(
        entry,
        " ".join(
            str(v)
            for k, v in fields.items()
            if k in ("url", "doi", "journal", "note", "howpublished")
        ),
    )
    if entry.venue and _ARXIV_VENUE.search(entry.venue) and not entry.arxiv_id:
        fill_identifiers(entry, entry.venue)
    if not entry.title:
        entry.flag(f"the BibTeX entry {block.key} has no title")
    return entry


def latex_to_unicode_names(text: str) -> str:
    """Accents to Unicode in an author field, keeping the " and " separators."""
    return " and ".join(latex_to_unicode(part) for part in _AND.split(text))


@gc_paused
def parse(text: str, ctx: ParseContext) -> ParseResult:
    """Read every BibTeX entry; malformed ones are reported, not fatal."""
    import bibtexparser

    result = ParseResult(format=FORMAT)
    logger = logging.getLogger("bibtexparser")
    previous = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        library = bibtexparser.parse_string(text)
    except Exception as exc:  # the library must not take the paste down
        result.warnings.append(
            f"The BibTeX text could not be read ({exc}); nothing was imported from it."
        )
        return result
    finally:
        logger.setLevel(previous)
    duplicates = []
    failed = failed_lines = 0
    for block in library.failed_blocks:
        if (
            type(block).__name__ == "DuplicateBlockKeyBlock"
            and block.ignore_error_block is not None
        ):
            duplicates.append(block.ignore_error_block)
            continue
        raw = (block.raw or "").strip()
        first = raw.split("\n", 1)[0][:80]
        n = sum(1 for ln in raw.split("\n") if ln.strip())
        line = (block.start_line or 0) + 1
        failed += 1
        if failed <= 5:
            result.warnings.append(
                f"Could not read the BibTeX entry at line {line} ({first!r}); its {n} line(s) were skipped."
            )
        else:
            failed_lines += n
    if failed > 5:
        result.warnings.append(
            f"{failed - 5} more BibTeX entries could not be read; their {failed_lines} line(s) were skipped."
        )
    seen: dict[str, int] = {}
    first_raw: dict[str, str] = {}
    empty: list[str] = []
    repeated: dict[int, list[str]] = {}
    for block in [*library.entries, *duplicates]:
        key = block.key
        raw = block.raw.strip()
        if key in seen and first_raw[key] == raw:
            repeated.setdefault(seen[key], []).append(raw)
            continue
        names = {f.key.lower() for f in block.fields}
        if not names & _PAPER_FIELDS:
            empty.append(raw)
            continue
        seen[key] = len(result.entries)
        first_raw[key] = raw
        result.entries.append(_entry(block, result.warnings))
    if empty:
        lines = sum(1 for raw in empty for ln in raw.split("\n") if ln.strip())
        result.warnings.append(
            f"{len(empty)} BibTeX block(s) had no title, author, DOI or id and were skipped ({lines} line(s))."
        )
    for index, raws in repeated.items():
        result.entries[index].raw = "\n".join([result.entries[index].raw, *raws])
    dupes = len(library.entries) + len(duplicates) - len(result.entries) - len(empty)
    if dupes:
        result.warnings.append(
            f"{dupes} BibTeX entr{'y was' if dupes == 1 else 'ies were'} pasted twice; kept once."
        )
    outside = _text_outside(library)
    if outside:
        result.warnings.append(
            f"{outside} line(s) outside any BibTeX entry (comments, @string, @preamble, other text) were not imported."
        )
    return result


def _text_outside(library) -> int:
    """Non-empty lines of blocks that are not entries (and did not fail)."""
    count = 0
    for block in library.blocks:
        kind = type(block).__name__
        if kind in ("Entry", "ParsingFailedBlock", "DuplicateBlockKeyBlock") or "Failed" in kind:
            continue
        count += sum(1 for ln in (block.raw or "").split("\n") if ln.strip())
    return count
