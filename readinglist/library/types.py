"""Plain records the Library hands to the GUI, CLI and exporters.

They are frozen snapshots (no ORM objects, no sessions): safe to pass
between threads and cheap to build in bulk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Status = Literal["unread", "queued", "reading", "read", "dropped"]
STATUSES: tuple[str, ...] = ("unread", "queued", "reading", "read", "dropped")

SORT_KEYS = ("added", "date", "title", "authors", "status", "updated")


@dataclass
class PaperQuery:
    """A filter over the library; every field narrows the result.

    ``search`` is user text for the FTS index (any text is safe: it is
    escaped); field prefixes like ``author:`` are parsed by
    ``readinglist.library.query.parse_search`` into the other fields.
    ``author`` matches an author's name or matching key; ``topic`` a code
    ("cs.CL") or a name; ``batch_id`` the papers of one import.
    """

    search: str | None = None
    author: str | None = None
    author_id: int | None = None
    topic: str | None = None
    tag: str | None = None
    status: str | None = None
    starred: bool | None = None
    year: int | None = None
    batch_id: int | None = None
    added_within_days: int | None = None
    needs_review: bool | None = None
    trashed: bool = False
    sort: str = "added"
    descending: bool = True


@dataclass
class PaperRow:
    """One line of the paper table."""

    id: int
    title: str
    authors_short: str  # "A, B, C et al."
    date: str | None
    year: int | None
    topics: list[str]
    status: str
    starred: bool
    tags: list[str]
    added_at: str  # ISO timestamp
    needs_review: bool = False
    has_pdf: bool = False
    author_count: int | None = None  # when the source gave only a count ("• 6 authors")


@dataclass
class AuthorRef:
    id: int
    name: str
    key: str


@dataclass
class TagInfo:
    name: str
    color: str | None = None
    paper_count: int = 0


@dataclass
class SourceInfo:
    """Where a paper came from: one import batch and the raw block."""

    batch_id: int
    kind: str  # "paste" | "pdf" | "file"
    source_name: str | None
    format: str | None
    created_at: str
    raw: str


@dataclass
class PaperDetail:
    """Everything about one paper, for the detail pane, `show` and exports."""

    id: int
    title: str | None
    display_title: str
    authors: list[AuthorRef]
    authors_truncated: bool
    author_count: int | None
    date: str | None
    year: int | None
    abstract: str | None
    arxiv_id: str | None
    doi: str | None
    url: str | None
    venue: str | None
    organization: str | None
    has_code: bool
    code_url: str | None
    topics: list[tuple[str, str]]  # (code, human name)
    tags: list[TagInfo]
    status: str
    priority: int
    starred: bool
    added_at: str
    updated_at: str
    read_at: str | None
    note: str
    note_updated_at: str | None
    pdf_path: str | None  # absolute path of the stored copy
    thumbnail_path: str | None
    page_count: int | None
    needs_review: bool
    review_reasons: list[str]
    trashed_at: str | None
    sources: list[SourceInfo] = field(default_factory=list)
    field_confidence: dict[str, float] = field(default_factory=dict)
    citekey: str = ""  # stable citation key, e.g. "zhang2026locate"
    # source fields without a column: pages, volume, publisher, entry_type,
    # citekey (as the source gave it), citations, score, upvotes
    extra: dict[str, object] = field(default_factory=dict)


@dataclass(slots=True)
class AuthorCount:
    """An author with papers in the library and how many of them are read;
    ``aliases`` are other spellings merged into this author.  Slotted: the
    full author list builds tens of thousands of these at once."""

    id: int
    name: str
    key: str
    paper_count: int
    read_count: int
    aliases: list[str] = field(default_factory=list)


@dataclass
class TopicCount:
    code: str
    name: str
    paper_count: int
    read_count: int


@dataclass
class BatchInfo:
    id: int
    kind: str
    source_name: str | None
    format: str | None
    created_at: str
    added: int
    merged: int
    skipped: int
    undone: bool


PreviewAction = Literal["new", "merge", "duplicate", "possible_duplicate"]


@dataclass
class Candidate:
    paper_id: int
    title: str
    score: float  # 0..100 similarity
    reason: str  # "same arXiv id", "same title", "similar title", ...


@dataclass
class PreviewItem:
    """What importing entry ``index`` of a ParseResult would do.

    ``merge``: it is ``match`` (same id or DOI or title with compatible
    authors) and will fill its empty fields; ``duplicate``: it would change
    nothing; ``possible_duplicate``: ``candidates`` are similar papers the
    user may choose to merge with; by default it is added as new.
    """

    index: int
    action: PreviewAction
    match: Candidate | None = None
    candidates: list[Candidate] = field(default_factory=list)


@dataclass
class ImportReport:
    batch_id: int | None
    added: list[int] = field(default_factory=list)
    merged: list[int] = field(default_factory=list)
    skipped: int = 0
    possible_duplicates: list[PreviewItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class PdfImportResult:
    """Per-file result of a PDF import (the `import-pdf --json` object)."""

    path: str
    status: Literal["added", "merged", "duplicate", "error"]
    id: int | None = None
    error: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    year: int | None = None
    arxiv_id: str | None = None
    doi: str | None = None
    warnings: list[str] = field(default_factory=list)
    encrypted: bool = False


@dataclass
class Change:
    """What a write changed, so views can decide whether to refresh.

    ``kind``: "papers" (rows changed), "added", "removed", "tags", "note",
    "import", "undo", "authors" (authors merged or split: these papers' author
    lists changed, so author-filtered views must reload).  ``paper_ids`` is
    empty when unknown / many.
    """

    kind: str
    paper_ids: frozenset[int] = frozenset()
    batch_id: int | None = None


@dataclass
class LibraryCounts:
    """Counts for the sidebar's Library section."""

    all: int = 0
    unread: int = 0
    queued: int = 0
    reading: int = 0
    read: int = 0
    dropped: int = 0
    starred: int = 0
    recent: int = 0
    needs_review: int = 0
    trash: int = 0
