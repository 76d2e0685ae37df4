"""BibTeX pasted from any exporter (Semantic Scholar, Google Scholar, Crossref /
doi.org, ACL Anthology, DBLP, arXiv, Zotero ...), read by our own reader
(_bibtex_reader.py: braces, quotes, @string macros, # concatenation, broken
blocks) and turned into entries here.

LaTeX accents ({\\"u}, {\\'e}, \\ss) become Unicode and braces go; authors
"Last, First and ..." become "First Last" display names ("and others" sets
``authors_truncated``); the citekey, DOI, eprint/arXiv id, URL, venue (journal
or booktitle), pages, volume, publisher, year/month and abstract are kept.
A malformed entry gives a warning naming its line; the others still parse.
@comment, @preamble and @string blocks and text between entries are counted
in a warning; an entry pasted twice is kept once; one that gives a field twice
keeps the first value and says so.
"""

from __future__ import annotations

import re

from readinglist.core.entry import ParseContext, ParsedEntry, ParseResult
from readinglist.core.identifiers import arxiv_base_id, normalize_arxiv_id, normalize_doi
from readinglist.importers.listing._authorlist import split_bibtex_authors
from readinglist.importers.listing._bibtex_reader import BibEntry, read_bibtex
from readinglist.importers.listing._textutil import (
    MONTHS,
    fill_identifiers,
    gc_paused,
    latex_to_unicode,
    squash,
)

FORMAT = "bibtex"

_ENTRY_START = re.compile(r"(?m)^\s*@\s*([A-Za-z]+)\s*[{(]")
_SNIFF_FIELD = re.compile(r"(?i)\b(?:title|author|year|journal|booktitle|doi|eprint)\s*=")
_FOUR_DIGITS = re.compile(r"\d{4}")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
_AND = re.compile(r"\s+and\s+")
_PAPER_FIELDS = frozenset({"title", "author", "editor", "doi", "eprint", "url"})
_ARXIV_VENUE = re.compile(r"^(?:arxiv|corr)\b|arxiv preprint", re.I)
_TOPIC = re.compile(r"[a-z-]+(?:\.[A-Za-z-]+)?")
_TEX_MARKS = re.compile(r"[\\{}~\x00]|--")  # what latex_to_unicode changes besides spaces
_VENUE_FIELDS = ("journal", "journaltitle", "booktitle", "series", "school", "institution")
_EPRINT_FIELDS = ("eprint", "arxivid", "arxiv")
_ID_FIELDS = frozenset({"url", "doi", "journal", "note", "howpublished"})


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
    """The first of ``names`` with a non-empty value, TeX turned into Unicode."""
    for name in names:
        value = fields.get(name)
        if value:
            value = latex_to_unicode(value)
            if value:
                return value
    return None


def _date(fields: dict[str, str]) -> tuple[str | None, int | None]:
    year_text = _field(fields, "year", "date")
    m = _FOUR_DIGITS.search(year_text) if year_text else None
    if not m:
        return None, None
    year = int(m.group(0))
    date_m = _ISO_DATE.match(year_text)  # type: ignore[arg-type]
    if date_m:
        return date_m.group(0), year
    month = fields.get("month")
    month = latex_to_unicode(month).strip().lower()[:3] if month else ""
    if month in MONTHS:
        return f"{year:04d}-{MONTHS[month]:02d}", year
    if month.isdigit() and 1 <= int(month) <= 12:
        return f"{year:04d}-{int(month):02d}", year
    return f"{year:04d}", year


def _one(value: str | None) -> str | None:
    """A field value with TeX turned into Unicode; None when empty."""
    return (latex_to_unicode(value) or None) if value else None


def _entry(block: BibEntry, raw: str) -> ParsedEntry:
    fields = block.fields
    get = fields.get
    present = fields.keys()
    title = _one(get("title"))
    author_text = get("author") or get("editor")
    if author_text:
        if _TEX_MARKS.search(author_text):
            author_text = latex_to_unicode_names(author_text)
        # else only whitespace would change, and the splitter collapses it anyway
        authors = split_bibtex_authors(author_text)
        names, truncated = authors.names, authors.truncated
    else:
        names, truncated = [], False
    pages = _one(get("pages"))
    date, year = _date(fields)
    doi = _one(get("doi"))
    entry = ParsedEntry(
        title=title,
        authors=names,
        authors_truncated=truncated,
        date=date,
        year=year,
        venue=None if present.isdisjoint(_VENUE_FIELDS) else _field(fields, *_VENUE_FIELDS),
        publisher=_field(fields, "publisher", "organization"),
        volume=_one(get("volume")),
        pages=pages.replace("--", "\u2013") if pages else None,
        abstract=_one(get("abstract")),
        doi=normalize_doi(doi) if doi else None,
        url=_one(get("url")),
        citekey=block.key,
        entry_type=block.entry_type,
        raw=raw,
    )
    if not present.isdisjoint(_EPRINT_FIELDS):
        eprint = _field(fields, *_EPRINT_FIELDS)
        if eprint:
            archive = _field(fields, "archiveprefix", "eprinttype")
            if archive is None or archive.lower() == "arxiv":
                ident = normalize_arxiv_id(eprint)
                entry.arxiv_id = arxiv_base_id(ident) if ident else None
    cls = _one(get("primaryclass"))
    if cls and _TOPIC.fullmatch(cls):
        entry.topics = [cls]
    ids = [v for k, v in fields.items() if k in _ID_FIELDS]
    if ids:
        fill_identifiers(entry, ids[0] if len(ids) == 1 else " ".join(ids))
    if entry.venue and not entry.arxiv_id and _ARXIV_VENUE.search(entry.venue):
        fill_identifiers(entry, entry.venue)
    if block.repeated:
        repeated = ", ".join(sorted(set(block.repeated)))
        entry.warnings.append(
            f"the BibTeX entry {block.key} gives {repeated} more than once; the first value was kept"
        )
    if not title:
        entry.flag(f"the BibTeX entry {block.key} has no title")
    return entry


def latex_to_unicode_names(text: str) -> str:
    """Accents to Unicode in an author field, keeping the " and " separators."""
    return " and ".join(
        latex_to_unicode(part) if _TEX_MARKS.search(part) else squash(part)
        for part in _AND.split(text)
    )


@gc_paused
def parse(text: str, ctx: ParseContext) -> ParseResult:
    """Read every BibTeX entry; malformed ones are reported, not fatal."""
    result = ParseResult(format=FORMAT)
    try:
        read = read_bibtex(text)
    except Exception as exc:  # the reader must not take the paste down
        result.warnings.append(
            f"The BibTeX text could not be read ({exc}); nothing was imported from it."
        )
        return result
    failed = failed_lines = 0
    for block in read.broken:
        raw = block.raw.strip()
        first = raw.split("\n", 1)[0][:80]
        n = sum(1 for ln in raw.split("\n") if ln.strip())
        failed += 1
        if failed <= 5:
            result.warnings.append(
                f"Could not read the BibTeX entry at line {block.line} ({first!r}); its {n} line(s) were skipped."
            )
        else:
            failed_lines += n
    if failed > 5:
        result.warnings.append(
            f"{failed - 5} more BibTeX entries could not be read; their {failed_lines} line(s) were skipped."
        )
    # first occurrences of each key in order, then later blocks reusing a key
    firsts: list[BibEntry] = []
    later: list[BibEntry] = []
    keys: set[str] = set()
    for block in read.entries:
        if block.key in keys:
            later.append(block)
        else:
            keys.add(block.key)
            firsts.append(block)
    seen: dict[str, int] = {}
    first_raw: dict[str, str] = {}
    empty: list[str] = []
    repeated: dict[int, list[str]] = {}
    entries = result.entries
    for block in [*firsts, *later]:
        key = block.key
        raw = block.raw.strip()
        if key in seen and first_raw[key] == raw:
            repeated.setdefault(seen[key], []).append(raw)
            continue
        if _PAPER_FIELDS.isdisjoint(block.fields):
            empty.append(raw)
            continue
        seen[key] = len(entries)
        first_raw[key] = raw
        entries.append(_entry(block, raw))
    if empty:
        lines = sum(1 for raw in empty for ln in raw.split("\n") if ln.strip())
        result.warnings.append(
            f"{len(empty)} BibTeX block(s) had no title, author, DOI or id and were skipped ({lines} line(s))."
        )
    for index, raws in repeated.items():
        entries[index].raw = "\n".join([entries[index].raw, *raws])
    dupes = len(read.entries) - len(entries) - len(empty)
    if dupes:
        result.warnings.append(
            f"{dupes} BibTeX entr{'y was' if dupes == 1 else 'ies were'} pasted twice; kept once."
        )
    if read.outside_lines:
        result.warnings.append(
            f"{read.outside_lines} line(s) outside any BibTeX entry (comments, @string, @preamble, other text) were not imported."
        )
    return result
