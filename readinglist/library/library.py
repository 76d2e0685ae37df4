"""Library: the one service API over a Reading List library file.

Open one ``Library`` per thread (the GUI thread reads through its own; a
worker thread opens another for writes: SQLite WAL lets reads run during
writes).  Every public write is one transaction and ends by notifying
subscribers with a ``Change``.  No method returns ORM objects or sessions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from readinglist.core.entry import ParseResult, PdfExtraction
from readinglist.library.types import (
    AuthorCount,
    BatchInfo,
    Change,
    ImportReport,
    LibraryCounts,
    PaperDetail,
    PaperQuery,
    PaperRow,
    PdfImportResult,
    PreviewItem,
    TagInfo,
    TopicCount,
)

ProgressFn = Callable[[int, int], None]  # (done, total)


class Library:
    """A library file plus its ``files/`` folder (stored PDFs, thumbnails)."""

    # -- lifetime ---------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, *, create: bool = True) -> Library:
        """Open (creating if allowed) the library at ``path``; migrate an
        older schema after a backup; refuse a newer one (LibraryTooNew)."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    path: Path
    files_dir: Path

    def subscribe(self, callback: Callable[[Change], None]) -> Callable[[], None]:
        """Call ``callback`` after each committed write; returns an unsubscribe."""
        raise NotImplementedError

    # -- importing ----------------------------------------------------------
    def preview_import(self, result: ParseResult) -> list[PreviewItem]:
        """What importing each entry would do (new / merge / possible duplicate)."""
        raise NotImplementedError

    def import_parsed(
        self,
        result: ParseResult,
        *,
        raw_text: str,
        kind: str = "paste",
        source_name: str | None = None,
        tags: Sequence[str] = (),
        status: str | None = None,
        selected: Sequence[int] | None = None,
        merge_into: dict[int, int] | None = None,
        progress: ProgressFn | None = None,
    ) -> ImportReport:
        """Import the (selected) entries as one batch in one transaction.

        ``merge_into`` maps entry index -> paper id the user chose to merge a
        possible duplicate with.  The raw text is kept with the batch.
        """
        raise NotImplementedError

    def undo_import(self, batch_id: int) -> int:
        """Remove what a batch added and undo what it merged; returns papers removed."""
        raise NotImplementedError

    def begin_pdf_batch(self, source_name: str | None = None) -> int:
        raise NotImplementedError

    def add_pdf(self, extraction: PdfExtraction, *, batch_id: int) -> PdfImportResult:
        """Store one extracted PDF: copy the file under its hash, index its text,
        save the thumbnail, and add or merge the paper."""
        raise NotImplementedError

    def finish_batch(self, batch_id: int) -> BatchInfo:
        raise NotImplementedError

    def batches(self) -> list[BatchInfo]:
        """Import batches, newest first."""
        raise NotImplementedError

    # -- editing ------------------------------------------------------------
    def set_status(self, ids: Iterable[int], status: str) -> None:
        raise NotImplementedError

    def set_starred(self, ids: Iterable[int], starred: bool) -> None:
        raise NotImplementedError

    def set_priority(self, ids: Iterable[int], priority: int) -> None:
        raise NotImplementedError

    def add_tags(self, ids: Iterable[int], tags: Iterable[str]) -> None:
        raise NotImplementedError

    def remove_tags(self, ids: Iterable[int], tags: Iterable[str]) -> None:
        raise NotImplementedError

    def set_tag_color(self, tag: str, color: str | None) -> None:
        raise NotImplementedError

    def set_note(self, paper_id: int, text: str) -> None:
        raise NotImplementedError

    def append_note(self, paper_id: int, text: str) -> None:
        raise NotImplementedError

    def update_fields(self, paper_id: int, **fields: object) -> None:
        """A user edit (title, date, venue, ...); edited fields are never
        overwritten by later merges."""
        raise NotImplementedError

    def trash(self, ids: Iterable[int]) -> None:
        raise NotImplementedError

    def restore(self, ids: Iterable[int]) -> None:
        raise NotImplementedError

    def empty_trash(self) -> int:
        raise NotImplementedError

    # -- reading ------------------------------------------------------------
    def query_ids(self, query: PaperQuery) -> list[int]:
        """Ordered ids matching ``query`` (sorting and filtering in SQL)."""
        raise NotImplementedError

    def rows(self, ids: Sequence[int]) -> list[PaperRow]:
        """Table rows for ``ids``, in the given order."""
        raise NotImplementedError

    def list_papers(
        self, query: PaperQuery, *, limit: int | None = None, offset: int = 0
    ) -> list[PaperRow]:
        raise NotImplementedError

    def get(self, paper_id: int) -> PaperDetail:
        raise NotImplementedError

    def details(self, ids: Sequence[int]) -> list[PaperDetail]:
        raise NotImplementedError

    def counts(self) -> LibraryCounts:
        raise NotImplementedError

    def authors(self, filter_text: str | None = None, limit: int | None = None) -> list[AuthorCount]:
        """Authors with paper counts, most papers first."""
        raise NotImplementedError

    def topics(self) -> list[TopicCount]:
        raise NotImplementedError

    def tags(self) -> list[TagInfo]:
        raise NotImplementedError

    # -- maintenance --------------------------------------------------------
    def backup(self, dest_dir: str | Path | None = None) -> Path:
        raise NotImplementedError

    def check(self) -> list[str]:
        """Problems found (integrity_check, missing files); empty when healthy."""
        raise NotImplementedError
