"""Plain records behind the author, topic and tag pages.

Snapshots built by ``readinglist.library.pages`` in a few SQL aggregates:
safe to hand between threads, and printable as JSON by the CLI (every field
is a plain value, list, dict or another of these records).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from readinglist.library.types import STATUSES, AuthorRef


def empty_status_counts() -> dict[str, int]:
    """A count for every read status, all zero (in STATUSES order)."""
    return {s: 0 for s in STATUSES}


@dataclass
class YearCount:
    """Papers of one year, split by read status (``year`` None: undated)."""

    year: int | None
    total: int
    by_status: dict[str, int] = field(default_factory=empty_status_counts)


@dataclass
class PersonShare:
    """An author and how many of the page's papers they are on."""

    id: int
    name: str
    count: int


@dataclass
class TopicShare:
    """A topic (display name) and how many of the page's papers it classifies."""

    code: str
    name: str
    count: int


@dataclass
class TagShare:
    name: str
    color: str | None
    count: int


@dataclass
class PageStats:
    """What every page shows in its header and chart."""

    paper_count: int = 0
    status_counts: dict[str, int] = field(default_factory=empty_status_counts)
    first_year: int | None = None
    last_year: int | None = None
    years: list[YearCount] = field(default_factory=list)  # oldest first; undated last

    @property
    def read_count(self) -> int:
        return self.status_counts.get("read", 0)

    @property
    def queued_count(self) -> int:
        return self.status_counts.get("queued", 0)

    @property
    def reading_count(self) -> int:
        return self.status_counts.get("reading", 0)

    @property
    def read_fraction(self) -> float:
        """Read papers over papers not dropped (0 when there are none)."""
        live = self.paper_count - self.status_counts.get("dropped", 0)
        return self.read_count / live if live > 0 else 0.0


@dataclass
class AuthorPage:
    """An author's page: who, how much of them is read, with whom, on what."""

    author: AuthorRef
    aliases: list[str]
    stats: PageStats
    topics: list[TopicShare]
    coauthors: list[PersonShare]  # ranked by shared papers
    tags: list[TagShare]
    profiles: list[dict]  # pasted profiles of this person, newest first (h-index, ...)
    paper_ids: list[int]  # newest first


@dataclass
class TopicPage:
    code: str
    name: str  # the user's display name when renamed, else the taxonomy name
    taxonomy_name: str
    renamed: bool
    stats: PageStats
    top_authors: list[PersonShare]
    related: list[TopicShare]  # co-occurring topics, most shared first
    tags: list[TagShare]
    paper_ids: list[int]


@dataclass
class TagPage:
    name: str
    color: str | None
    stats: PageStats
    top_authors: list[PersonShare]
    topics: list[TopicShare]
    related: list[TagShare]  # tags on the same papers
    paper_ids: list[int]


@dataclass
class AliasSuggestion:
    """Another author who may be the same person (never merged by itself)."""

    author: AuthorRef
    paper_count: int
    reason: str  # "initials match", "middle name", ...
    shared_coauthors: list[str]
    score: float  # 0..1, higher first
