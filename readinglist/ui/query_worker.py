"""The query worker: runs the paper table's queries off the GUI thread.

One long-lived QThread with its own read-only Library.  A request carries a
generation number; only the newest request is worked on (typing "neural"
quickly runs at most the first and the last query), and results of
superseded requests are dropped.  For a new query it first sends the first
screen (``Library.list_papers`` with a limit, cheap in SQL) and then the full
ordered id list (``Library.query_ids``) so the table can grow to every row,
together with the rows of the table's first chunk (``_head_rows``), so the
GUI thread runs no SQL to complete the screen it shows.
Between the two steps it waits (at most ``PAINT_WAIT_S``) until the view
says the first screen is painted: building the full id list holds the GIL
row by row and would otherwise slow that paint down.
A newer request interrupts the SQL still running for an older one
(``sqlite3.Connection.interrupt``), so a slow search for "n" never delays the
one for "neural" typed after it.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from readinglist.library.types import PaperQuery

log = logging.getLogger(__name__)

PAINT_WAIT_S = 0.15
HEAD_ROWS = 200  # rows sent with the full id list: paper_table.CHUNK (else it loads them)


class QueryWorker(QThread):
    first_rows = Signal(int, object, bool)  # generation, rows, complete
    all_ids = Signal(int, object, object)  # generation, ids, rows of the first chunk or None
    failed = Signal(int, str)

    def __init__(self, library_path: str | Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("query worker")
        self._path = library_path
        self._cond = threading.Condition()
        self._request: tuple[int, PaperQuery, int] | None = None
        self._stop = False
        self._newest = 0
        self._running: int | None = None
        self._painted = 0
        self._library: Any = None

    def request(self, generation: int, query: PaperQuery, first: int) -> None:
        """Work on ``query`` next (``first`` > 0: send that many rows first)."""
        with self._cond:
            self._request = (generation, query, first)
            self._newest = generation
            self._cond.notify()
            if self._running is not None and self._running != generation:
                self._interrupt()

    def first_screen_painted(self, generation: int) -> None:
        """The view has painted the first rows of ``generation``: go on."""
        with self._cond:
            self._painted = max(self._painted, generation)
            self._cond.notify()

    def _wait_painted(self, generation: int) -> None:
        with self._cond:
            self._cond.wait_for(
                lambda: self._painted >= generation or self._stop or self._newest != generation,
                timeout=PAINT_WAIT_S,
            )

    def _interrupt(self) -> None:
        """Stop the SQL of a superseded query (thread-safe in sqlite3)."""
        if self._library is not None:
            self._library.interrupt()

    def stop(self, wait_ms: int = 10000) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify()
            if self._running is not None:
                self._interrupt()
        self.wait(wait_ms)

    def _superseded(self, generation: int) -> bool:
        with self._cond:
            return self._stop or self._newest != generation

    def run(self) -> None:  # noqa: D401 - QThread API
        from readinglist.library import Library

        try:
            library: Any = Library.open(self._path, create=False)
        except Exception as exc:  # reported per request below
            log.warning("query worker could not open the library: %s", exc)
            library = None
            error = str(exc)
        self._library = library
        try:
            while True:
                with self._cond:
                    while self._request is None and not self._stop:
                        self._cond.wait()
                    if self._stop:
                        return
                    generation, query, first = self._request  # type: ignore[misc]
                    self._request = None
                    self._running = generation
                if library is None:
                    self.failed.emit(generation, error)
                    continue
                try:
                    for _attempt in range(2):  # an interrupt meant for the previous query
                        if not self._run_one(library, generation, query, first):
                            break
                finally:
                    with self._cond:
                        self._running = None
        finally:
            with self._cond:
                self._library = None
            if library is not None:
                library.close()

    @staticmethod
    def _head_rows(library: Any, ids: list[int], rows: list[Any]) -> list[Any] | None:
        """The first ``HEAD_ROWS`` rows of ``ids``: the first screen sent plus the rest."""
        if not rows or len(ids) <= len(rows) or [r.id for r in rows] != ids[: len(rows)]:
            return None
        return list(rows) + list(library.rows(ids[len(rows) : HEAD_ROWS]))

    def _run_one(self, library: Any, generation: int, query: PaperQuery, first: int) -> bool:
        """Run one request; True when SQL was interrupted but the request is still wanted."""
        rows: list[Any] = []
        try:
            if first:
                rows = library.list_papers(query, limit=first)
                if self._superseded(generation):
                    return False
                complete = len(rows) < first
                self.first_rows.emit(generation, rows, complete)
                if complete:
                    return False
                first = 0
                self._wait_painted(generation)
            ids = library.query_ids(query)
            if self._superseded(generation):
                return False
            head = self._head_rows(library, ids, rows)
            if not self._superseded(generation):
                self.all_ids.emit(generation, ids, head)
        except Exception as exc:  # a bad query must not end the worker
            if self._superseded(generation):
                return False
            if "interrupted" in str(exc).lower():
                return True
            log.exception("query failed")
            self.failed.emit(generation, str(exc))
        return False
