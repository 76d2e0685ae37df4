"""Library: the one service API over a Reading List library file.

Open one ``Library`` per thread (the GUI thread reads through its own; a
worker thread opens another for writes: SQLite WAL lets reads run during
writes).  Every public write is one transaction and ends by notifying
subscribers with a ``Change``.  No method returns ORM objects or sessions.

This class owns the lifetime (connection, lock, transactions, change
notification) and delegates the work to ``importing``, ``editing``,
``queries`` and ``pdfs`` in this package.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from readinglist.core import gcpause
from readinglist.core.entry import ParseResult, PdfExtraction
from readinglist.library import aliases, editing, importing, pages, pdfs, queries
from readinglist.library.errors import LibraryError, UnknownPaper
from readinglist.library.page_types import AliasSuggestion, AuthorPage, TagPage, TopicPage
from readinglist.library.types import (
    AuthorCount,
    AuthorRef,
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
from readinglist.store import backup as backups
from readinglist.store import db, migrations

ProgressFn = Callable[[int, int], None]  # (done, total)
log = logging.getLogger(__name__)


def files_dir_for(path: Path) -> Path:
    """The folder of stored PDFs and thumbnails beside a library file:
    ``files/`` for the default ``library.sqlite``, ``<name>-files/`` otherwise."""
    if path.stem == "library":
        return path.parent / "files"
    return path.parent / f"{path.stem}-files"


class Library:
    """A library file plus its ``files/`` folder (stored PDFs, thumbnails)."""

    path: Path
    files_dir: Path

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        """Use ``Library.open``."""
        self.path = path
        self.files_dir = files_dir_for(path)
        self._conn: sqlite3.Connection | None = conn
        self._lock = threading.RLock()
        self._subscribers: list[Callable[[Change], None]] = []
        self._writes = 0  # commits through this instance (cache invalidation)
        self._authors_cache: tuple[tuple[int, int], list[AuthorCount]] | None = None
        # today's backup starts (in the background) before the first write
        self.auto_backup = True
        self._backup: threading.Thread | None = None
        self._backup_checked = False

    # -- lifetime ---------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, *, create: bool = True) -> Library:
        """Open (creating if allowed) the library at ``path``; migrate an
        older schema after a backup; refuse a newer one (LibraryTooNew)."""
        path = Path(path).expanduser().absolute()
        conn = db.open_connection(path, create=create)
        try:
            migrations.migrate(conn, path)
        except sqlite3.OperationalError as err:
            conn.close()
            if db.is_locked_error(err):
                raise db.locked(path) from None
            raise LibraryError(f"Cannot prepare the library {path}: {err}.") from None
        except BaseException:
            conn.close()
            raise
        return cls(path, conn)

    def interrupt(self) -> None:
        """Stop a read running on this Library from another thread (the query
        raises ``sqlite3.OperationalError: interrupted`` in its own thread).
        Safe to call at any time; does nothing when the library is closed."""
        conn = self._conn
        if conn is not None:
            try:
                conn.interrupt()
            except sqlite3.ProgrammingError:  # closed meanwhile
                pass

    def close(self) -> None:
        """Close the library (after today's backup, if this Library started it,
        is finished)."""
        with self._lock:
            if self._conn is None:
                return
            if self._backup is not None:
                self._backup.join()
                self._backup = None
            try:
                self._conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def conn(self) -> sqlite3.Connection:
        """The connection (for this package's modules only)."""
        if self._conn is None:
            raise LibraryError("The library is closed.")
        return self._conn

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self.conn
            except sqlite3.OperationalError as err:
                if db.is_locked_error(err):
                    raise db.locked(self.path) from None
                raise

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One transaction: committed on success, rolled back on any error."""
        with self._lock:
            conn = self.conn
            if not self._backup_checked and self.auto_backup:
                self._backup_checked = True
                self._backup = backups.start_daily_backup(self.path)
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as err:
                if db.is_locked_error(err):
                    raise db.locked(self.path) from None
                raise
            try:
                yield conn
                conn.execute("COMMIT")
                self._writes += 1
            except BaseException as err:
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
                if isinstance(err, sqlite3.OperationalError) and db.is_locked_error(err):
                    raise db.locked(self.path) from None
                raise

    def _emit(self, change: Change) -> None:
        for callback in list(self._subscribers):
            try:
                callback(change)
            except Exception:  # a view's bug must not undo a committed write
                log.exception("change subscriber failed")

    def subscribe(self, callback: Callable[[Change], None]) -> Callable[[], None]:
        """Call ``callback`` after each committed write; returns an unsubscribe."""
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    # -- importing ----------------------------------------------------------
    def preview_import(self, result: ParseResult) -> list[PreviewItem]:
        """What importing each entry would do (new / merge / possible duplicate)."""
        with self._reading() as conn, gcpause.paused():
            return importing.preview(conn, result)

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
        editing.check_status(status)
        total = len(result.entries) if selected is None else len(selected)
        with self._writing() as conn, gcpause.paused():
            batch_id = importing.create_batch(
                conn, kind, source_name, result.format, raw_text, result.profile, result.warnings
            )
            pl = importing.plan(conn, result, selected, merge_into, progress)
            report = importing.write(conn, pl, batch_id, tags=tags, status=status)
            report.warnings = list(result.warnings) + report.warnings
        if progress:
            progress(total, total)
        self._emit(Change("import", frozenset(report.added + report.merged), batch_id))
        return report

    def undo_import(self, batch_id: int) -> int:
        """Remove what a batch added and undo what it merged; returns papers removed."""
        with self._writing() as conn, gcpause.paused():
            removed, touched, files = importing.undo(conn, batch_id, self.files_dir)
        pdfs.remove_files(files)
        self._emit(Change("undo", frozenset(touched), batch_id))
        return removed

    def begin_pdf_batch(self, source_name: str | None = None) -> int:
        with self._writing() as conn:
            return importing.create_batch(conn, "pdf", source_name, "pdf", "", None)

    def add_pdf(self, extraction: PdfExtraction, *, batch_id: int) -> PdfImportResult:
        """Store one extracted PDF: copy the file under its hash, index its text,
        save the thumbnail, and add or merge the paper."""
        result = pdfs.add_pdf(self, extraction, batch_id)
        if result.status in ("added", "merged") and result.id is not None:
            self._emit(Change("import", frozenset({result.id}), batch_id))
        return result

    def finish_batch(self, batch_id: int) -> BatchInfo:
        with self._reading() as conn:
            found = importing.batch_info(conn, batch_id)
        if not found:
            raise LibraryError(f"There is no import #{batch_id}.")
        return found[0]

    def batches(self) -> list[BatchInfo]:
        """Import batches, newest first."""
        with self._reading() as conn:
            return importing.batch_info(conn)

    def batch_text(self, batch_id: int) -> str:
        """The raw text pasted for a batch (added method)."""
        with self._reading() as conn:
            row = conn.execute("SELECT raw_text FROM import_batch WHERE id = ?",
                               (batch_id,)).fetchone()
        if row is None:
            raise LibraryError(f"There is no import #{batch_id}.")
        return str(row[0])

    def batch_profile(self, batch_id: int) -> dict | None:
        """The profile dict recorded with a batch, if its paste was a profile (added)."""
        return queries.batch_profile(self, batch_id)

    def author_profiles(self, author_id: int) -> list[dict]:
        """Profiles pasted for this author (matched by name key), newest first (added)."""
        return queries.author_profiles(self, author_id)

    # -- editing ------------------------------------------------------------
    def set_status(self, ids: Iterable[int], status: str) -> None:
        editing.check_status(status)
        self._edit(editing.set_status, ids, status)

    def set_starred(self, ids: Iterable[int], starred: bool) -> None:
        self._edit(editing.set_starred, ids, starred)

    def set_priority(self, ids: Iterable[int], priority: int) -> None:
        self._edit(editing.set_priority, ids, priority)

    def add_tags(self, ids: Iterable[int], tags: Iterable[str]) -> None:
        self._edit(editing.add_tags, ids, list(tags), kind="tags")

    def remove_tags(self, ids: Iterable[int], tags: Iterable[str]) -> None:
        self._edit(editing.remove_tags, ids, list(tags), kind="tags")

    def set_tag_color(self, tag: str, color: str | None) -> None:
        with self._writing() as conn:
            editing.set_tag_color(conn, tag, color)
        self._emit(Change("tags"))

    def set_note(self, paper_id: int, text: str) -> None:
        self._edit(editing.set_note, [paper_id], text, kind="note")

    def append_note(self, paper_id: int, text: str) -> None:
        self._edit(editing.append_note, [paper_id], text, kind="note")

    def update_fields(self, paper_id: int, **fields: object) -> None:
        """A user edit (title, date, venue, ...); edited fields are never
        overwritten by later merges."""
        self._edit(editing.update_fields, [paper_id], fields)

    def trash(self, ids: Iterable[int]) -> None:
        self._edit(editing.trash, ids, kind="removed")

    def restore(self, ids: Iterable[int]) -> None:
        self._edit(editing.restore, ids, kind="added")

    def empty_trash(self) -> int:
        with self._writing() as conn:
            removed, files = editing.empty_trash(conn, self.files_dir)
        pdfs.remove_files(files)
        self._emit(Change("removed"))
        return removed

    def set_topic_name(self, code: str, display_name: str | None) -> None:
        """The user's own name for a topic (None restores the taxonomy name) (added)."""
        with self._writing() as conn:
            editing.set_topic_name(conn, code, display_name)
        self._emit(Change("papers"))

    def _edit(self, fn: Callable[..., None], ids: Iterable[int], *args: object,
              kind: str = "papers") -> None:
        id_list = list(dict.fromkeys(int(i) for i in ids))
        if not id_list:
            return
        with self._writing() as conn:
            editing.require(conn, id_list)
            fn(conn, id_list, *args)
        self._emit(Change(kind, frozenset(id_list)))

    # -- reading ------------------------------------------------------------
    def query_ids(self, query: PaperQuery) -> list[int]:
        """Ordered ids matching ``query`` (sorting and filtering in SQL)."""
        with self._reading() as conn:
            return queries.query_ids(conn, query)

    def rows(self, ids: Sequence[int]) -> list[PaperRow]:
        """Table rows for ``ids``, in the given order."""
        with self._reading() as conn:
            return queries.rows(conn, ids)

    def list_papers(
        self, query: PaperQuery, *, limit: int | None = None, offset: int = 0
    ) -> list[PaperRow]:
        with self._reading() as conn:
            ids = queries.query_ids(conn, query, limit=limit, offset=offset)
            return queries.rows(conn, ids)

    def get(self, paper_id: int) -> PaperDetail:
        found = self.details([paper_id])
        if not found:
            raise UnknownPaper(f"There is no paper #{paper_id} in this library.")
        return found[0]

    def details(self, ids: Sequence[int]) -> list[PaperDetail]:
        with self._reading() as conn:
            return queries.details(conn, ids, self.files_dir)

    def counts(self) -> LibraryCounts:
        with self._reading() as conn:
            return queries.counts(conn)

    def authors(self, filter_text: str | None = None, limit: int | None = None) -> list[AuthorCount]:
        """Authors with paper counts, most papers first.

        The full list is remembered until the library changes (a write here or
        in another program), so asking again is free; treat the records as
        read-only."""
        with self._reading() as conn:
            if filter_text and filter_text.strip():
                return queries.authors(conn, filter_text, limit)
            token = (conn.execute("PRAGMA data_version").fetchone()[0], self._writes)
            cached = self._authors_cache
            if cached is None or cached[0] != token:
                if limit is not None:
                    return queries.authors(conn, None, limit)
                cached = (token, queries.authors(conn, None, None))
                self._authors_cache = cached
            full = cached[1]
            return list(full if limit is None else full[: max(0, limit)])

    def topics(self) -> list[TopicCount]:
        with self._reading() as conn:
            return queries.topics(conn)

    def tags(self) -> list[TagInfo]:
        with self._reading() as conn:
            return queries.tags(conn)

    # -- maintenance --------------------------------------------------------
    def backup(self, dest_dir: str | Path | None = None) -> Path:
        """A consistent copy of the library into ``dest_dir`` (default: the
        ``backups/`` folder beside it); returns the new file."""
        target = Path(dest_dir) if dest_dir is not None else backups.backups_dir(self.path)
        with self._reading() as conn:
            try:
                return backups.backup_connection(conn, target, self.path.stem)
            except OSError as err:
                raise LibraryError(f"Cannot write a backup into {target}: "
                                   f"{err.strerror or err}.") from None

    def maybe_daily_backup(self) -> Path | None:
        """Today's automatic backup if not made yet, keeping the newest 7 (added),
        made now (writes start it in the background by themselves)."""
        with self._reading() as conn:
            if conn.execute("SELECT count(*) FROM paper").fetchone()[0] == 0:
                return None
            return backups.maybe_daily_backup(conn, self.path)

    def check(self) -> list[str]:
        """Problems found (integrity_check, missing files); empty when healthy."""
        with self._reading() as conn:
            return queries.check(conn, self.files_dir)

    # -- author, topic and tag pages (readinglist.library.pages / aliases) ----
    def author_page(self, author_id: int) -> AuthorPage:
        """An author's page: counts, years by status, topics, co-authors, profiles."""
        with self._reading() as conn:
            return pages.author_page(conn, author_id)

    def topic_page(self, code: str) -> TopicPage:
        """A topic's page (``code`` like "cs.CL", "CL", or the topic's name)."""
        with self._reading() as conn:
            return pages.topic_page(conn, code)

    def tag_page(self, name: str) -> TagPage:
        with self._reading() as conn:
            return pages.tag_page(conn, name)

    def find_author(self, name: str) -> AuthorRef | None:
        """The author a typed name means (same key, merged name, or best partial)."""
        with self._reading() as conn:
            return aliases.find_author(conn, name)

    def alias_suggestions(self, author_id: int) -> list[AliasSuggestion]:
        """Authors who may be the same person; never merged without the user."""
        with self._reading() as conn:
            return aliases.suggestions(conn, author_id)

    def merge_authors(self, keep_id: int, other_ids: Iterable[int]) -> None:
        """Make ``other_ids`` one author with ``keep_id``, remembered for later imports."""
        with self._writing() as conn:
            touched = aliases.merge(conn, keep_id, list(other_ids))
        self._emit(Change("authors", frozenset(touched)))  # who wrote them changed

    def split_author(self, author_id: int, paper_ids: Iterable[int], new_name: str) -> int:
        """Move some papers to another author (new if needed); returns its id."""
        ids = list(paper_ids)
        with self._writing() as conn:
            target = aliases.split(conn, author_id, ids, new_name)
        self._emit(Change("authors", frozenset(ids)))
        return target

    def mark_authors_distinct(self, author_id: int, other_id: int) -> None:
        """Remember that two authors are different people (no more suggestion)."""
        with self._writing() as conn:
            aliases.mark_distinct(conn, author_id, other_id)
        self._emit(Change("papers"))

    def rename_topic(self, code: str, display_name: str | None) -> None:
        """Show a topic under the user's own name (None or "" restores it)."""
        self.set_topic_name(code, display_name)
