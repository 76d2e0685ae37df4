"""Page headers above the paper table: author, topic, tag and import pages.

An author page (for now) is the library view filtered by that author, under a
header with the author's name, paper count, how many are read / queued and
the years covered.  Topic, tag and import pages get the same treatment.
All figures come from Library queries (filtering in SQL).
"""

from __future__ import annotations

import html
from dataclasses import replace
from typing import Any

from readinglist.library.errors import LibraryError
from readinglist.library.types import PaperQuery


def _progress(library: Any, query: PaperQuery) -> tuple[int, int, int, str]:
    """(papers, read, queued, "first–last year") for ``query``."""
    ids = library.query_ids(replace(query, sort="date", descending=False))
    read = len(library.query_ids(replace(query, status="read")))
    queued = len(library.query_ids(replace(query, status="queued")))
    years = ""
    if ids:
        dated = [r.year for r in library.rows([ids[0], ids[-1]]) if r.year]
        if dated:
            first, last = min(dated), max(dated)
            years = str(first) if first == last else f"{first}–{last}"
    return len(ids), read, queued, years


def _summary(papers: int, read: int, queued: int, years: str) -> str:
    parts = [f"{papers} paper{'s' if papers != 1 else ''}", f"{read} read", f"{queued} queued"]
    if years:
        parts.append(years)
    return " · ".join(parts)


def author_name(library: Any, author_id: int) -> str | None:
    ids = library.query_ids(PaperQuery(author_id=author_id))
    if not ids:
        return None
    for ref in library.get(ids[0]).authors:
        if ref.id == author_id:
            return ref.name
    return None


PROFILE_LABELS = {
    "h_index": "h-index",
    "i10_index": "i10-index",
    "paper_count": "papers",
    "citations": "citations",
    "affiliation": "",
}


def profile_line(library: Any, author_id: int) -> str:
    """The newest profile pasted for this author, as one line ("" if none)."""
    getter = getattr(library, "author_profiles", None)
    if getter is None:
        return ""
    profiles = getter(author_id)
    if not profiles:
        return ""
    profile = profiles[0]
    parts = []
    for key, label in PROFILE_LABELS.items():
        value = profile.get(key)
        if value in (None, ""):
            continue
        parts.append(f"{label} {value}".strip() if key != "paper_count" else f"{value} {label}")
    if not parts:
        return ""
    source = profile.get("source")
    where = f" ({html.escape(str(source))} profile)" if source else " (imported profile)"
    return "<br><span>" + html.escape(" · ".join(parts)) + where + "</span>"


def page_header(library: Any, page: tuple[str, Any] | None) -> str | None:
    """Rich text for the header of ``page`` ("author", id) etc., or None."""
    if page is None:
        return None
    kind, value = page
    try:
        if kind == "author":
            author_id = int(value)
            name = author_name(library, author_id) or "Unknown author"
            stats = _summary(*_progress(library, PaperQuery(author_id=author_id)))
            return (
                f"<span style='font-size:large'><b>{html.escape(name)}</b></span>"
                f"<br><span>Author · {stats}</span>{profile_line(library, author_id)}"
            )
        if kind == "topic":
            name = next((t.name for t in library.topics() if t.code == value), value)
            stats = _summary(*_progress(library, PaperQuery(topic=value)))
            return (
                f"<span style='font-size:large'><b>{html.escape(name)}</b></span>"
                f" ({html.escape(value)})<br><span>Topic · {stats}</span>"
            )
        if kind == "tag":
            stats = _summary(*_progress(library, PaperQuery(tag=value)))
            return (
                f"<span style='font-size:large'><b>{html.escape(value)}</b></span>"
                f"<br><span>Tag · {stats}</span>"
            )
        if kind == "batch":
            batch_id = int(value)
            batch = next((b for b in library.batches() if b.id == batch_id), None)
            if batch is None:
                return None
            from readinglist.ui.models.sidebar import batch_label

            return (
                f"<b>Import: {html.escape(batch_label(batch))}</b><br>"
                f"{batch.added} added · {batch.merged} merged · {batch.skipped} skipped"
            )
    except (LibraryError, ValueError):
        return None
    return None
