"""What every importer returns: ParsedEntry, ParseResult, PdfExtraction.

These are plain dataclasses shared by the listing parsers, the PDF importer,
the Library (which stores them) and the CLI (which prints them as JSON).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(slots=True)
class ParsedEntry:
    """One paper as read from a source, before it meets the library.

    ``authors`` are display names in source order; ``authors_truncated`` is set
    when the source ended the list with "et al." (never an author itself);
    ``author_count`` is the total the source states ("• 6 authors", "84
    additional authors"), when it states one.  ``date`` is ISO: "YYYY-MM-DD",
    "YYYY-MM" or "YYYY" for partial dates.  ``topics`` are arXiv-style codes
    ("cs.CL").  ``needs_review`` is set when the entry cannot be trusted as is
    (no title, ...); ``review_reasons`` says why, in words for a person.
    ``provisional_title`` is a display title made from the first words of the
    abstract for an entry with no title; it is never stored as the title.
    """

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    authors_truncated: bool = False
    author_count: int | None = None
    date: str | None = None
    year: int | None = None
    topics: list[str] = field(default_factory=list)
    has_code: bool = False
    code_url: str | None = None
    abstract: str | None = None
    arxiv_id: str | None = None
    doi: str | None = None
    url: str | None = None
    venue: str | None = None
    organization: str | None = None
    score: float | None = None
    upvotes: int | None = None
    citations: int | None = None
    pages: str | None = None
    volume: str | None = None
    publisher: str | None = None
    entry_type: str | None = None  # "article", "inproceedings", "book", "citation", ...
    citekey: str | None = None  # key given by the source (BibTeX), if any
    needs_review: bool = False
    review_reasons: list[str] = field(default_factory=list)
    provisional_title: str | None = None
    warnings: list[str] = field(default_factory=list)
    raw: str = ""  # the block of source text this entry came from

    def flag(self, reason: str) -> None:
        """Mark the entry for review, saying why."""
        self.needs_review = True
        if reason not in self.review_reasons:
            self.review_reasons.append(reason)

    @property
    def display_title(self) -> str:
        return self.title or self.provisional_title or "(untitled)"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def identifier_entry(raw: str, arxiv_id: str | None, doi: str | None, url: str,
                     entry_type: str | None, date: str | None, year: int | None,
                     reason: str) -> ParsedEntry:
    """An entry that holds only an identifier, flagged for review with
    ``reason``: the one kind of entry a parser makes by the hundred thousand
    (a list of ids).  Built with positional arguments, in field order, which
    costs half of naming them; a test checks it against the named form."""
    return ParsedEntry(
        None, [], False, None, date, year, [], False, None, None, arxiv_id, doi, url,
        None, None, None, None, None, None, None, None, entry_type, None, True, [reason],
        None, [], raw,
    )  # fmt: skip


@dataclass
class ParseContext:
    """Inputs a parser may use besides the text: the reference date for dates
    printed without a year ("Jan 20" is the latest Jan 20 not after it)."""

    reference_date: date = field(default_factory=date.today)
    source_name: str | None = None


@dataclass
class ParseResult:
    """What a parser makes of a whole paste.

    ``profile`` describes the page the listing was on when it is a person's
    profile ({"name": ..., "h_index": ..., "paper_count": ..., ...}); its
    ``name`` is an author of every entry.  ``warnings`` are for the user: what
    could not be read, in plain words.
    """

    format: str
    entries: list[ParsedEntry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    profile: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "profile": self.profile,
            "entries": [e.to_json() for e in self.entries],
            "warnings": list(self.warnings),
        }


@dataclass
class PdfExtraction:
    """What the PDF importer reads from one file (in a worker process).

    ``entry`` carries title, authors, abstract, year, arxiv_id, doi, topics.
    ``confidence`` maps field names to 0..1; fields under 0.5 are flagged for
    review.  ``error`` is a plain-language reason when the file could not be
    read at all (then ``entry`` may be None); ``encrypted`` is set for a
    password-protected file.
    """

    path: str
    sha256: str
    size: int
    entry: ParsedEntry | None = None
    page_count: int = 0
    full_text: str = ""
    thumbnail_png: bytes | None = None
    confidence: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    encrypted: bool = False
    error: str | None = None
