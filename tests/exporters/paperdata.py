"""PaperDetail records built in memory for exporter tests and the export benchmark."""

from __future__ import annotations

from typing import Any

from readinglist.library.types import AuthorRef, PaperDetail, TagInfo


def make_paper(pid: int = 1, **kw: Any) -> PaperDetail:
    """A PaperDetail with sensible defaults; ``authors``/``tags`` as plain names."""
    authors = kw.pop("authors", ["Hengyuan Zhang", "Zhihao Zhang", "Mingyang Wang"])
    tags = kw.pop("tags", [])
    title = kw.pop("title", "Locate, Steer, and Improve: A Practical Survey")
    values: dict[str, Any] = {
        "id": pid,
        "title": title,
        "display_title": title or "(untitled)",
        "authors": [AuthorRef(id=i + 1, name=n, key=n.lower()) for i, n in enumerate(authors)],
        "authors_truncated": False,
        "author_count": None,
        "date": "2026-01-20",
        "year": 2026,
        "abstract": "We survey mechanistic interpretability.",
        "arxiv_id": "2601.07001",
        "doi": None,
        "url": None,
        "venue": None,
        "organization": None,
        "has_code": False,
        "code_url": None,
        "topics": [("cs.CL", "Computation and Language")],
        "tags": [TagInfo(name=t) for t in tags],
        "status": "unread",
        "priority": 0,
        "starred": False,
        "added_at": "2026-01-21T09:30:00Z",
        "updated_at": "2026-01-21T09:30:00Z",
        "read_at": None,
        "note": "",
        "note_updated_at": None,
        "pdf_path": None,
        "thumbnail_path": None,
        "page_count": None,
        "needs_review": False,
        "review_reasons": [],
        "trashed_at": None,
    }
    values.update(kw)
    return PaperDetail(**values)
