"""The paper table model: ordered ids from the Library plus a chunked row cache.

Filtering, searching and sorting happen in SQL (``Library.query_ids``); this
model only holds the ordered ids and display rows in chunks of ``CHUNK``,
keeping a bounded number of chunks.  With idle loading on (the main window),
painting never waits for SQL: a missing chunk is painted as a placeholder
and queued; the chunks are loaded between frames (a zero-timeout timer, one
chunk per event-loop turn, what is on screen first, then its neighbours) and
repainted; rows changed by a write keep showing their old text until the new
one is in.  (A loader thread was tried: its Python work holds the GIL against
the painting thread's thousands of ``data()`` calls and made frames slower.)
The worker sends the rest of the first chunk with the full id list, and a new
query drops the loads queued for the rows it replaces, so the GUI thread runs
no SQL between a keystroke and its results being painted.
Without idle loading (tests, tools) chunks load synchronously.  Papers whose source gave only an author count ("• 6
authors") show "6 authors", greyed.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from readinglist.library.types import PaperQuery, PaperRow

CHUNK = 200
MAX_CHUNKS = 60
FIRST_SCREEN = 80  # rows sent before the full id list: more than a tall window shows
PREFETCH = 1  # chunks loaded ahead on each side of what is painted
MAX_WANTED = 9  # queued chunks; older ones (scrolled past) are dropped

# (key, header, sort key in SQL or None, shown by default)
COLUMNS: tuple[tuple[str, str, str | None, bool], ...] = (
    ("star", "★", None, True),
    ("title", "Title", "title", True),
    ("authors", "Authors", "authors", True),
    ("date", "Date", "date", True),
    ("topics", "Topics", None, True),
    ("status", "Status", "status", True),
    ("tags", "Tags", None, True),
    ("added", "Added", "added", False),
)
COLUMN_KEYS = tuple(c[0] for c in COLUMNS)
TITLE_COLUMN = COLUMN_KEYS.index("title")
STATUS_LABELS = {
    "unread": "Unread",
    "queued": "Queued",
    "reading": "Reading",
    "read": "Read",
    "dropped": "Dropped",
}
PAPER_ID_ROLE = Qt.ItemDataRole.UserRole.value + 1
# roles as plain ints: data() is called thousands of times per frame
DISPLAY = Qt.ItemDataRole.DisplayRole.value
TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
FONT = Qt.ItemDataRole.FontRole.value
FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
ALIGN = Qt.ItemDataRole.TextAlignmentRole.value
_ROLES = frozenset({DISPLAY, TOOLTIP, FONT, FOREGROUND, ALIGN, PAPER_ID_ROLE})
CENTER = Qt.AlignmentFlag.AlignCenter.value
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # computed once: hot path
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
STAR_COLOUR = QColor("#e0a800")
_BOLD: list[QFont] = []


def _bold_font() -> QFont:
    if not _BOLD:
        font = QFont()
        font.setBold(True)
        _BOLD.append(font)
    return _BOLD[0]


_Index = QModelIndex | QPersistentModelIndex


def _cells(paper: PaperRow) -> tuple[PaperRow, tuple[str, ...]]:
    return paper, tuple(PaperTableModel._display(paper, key) for key in COLUMN_KEYS)


def _names_missing(paper: PaperRow) -> bool:
    return (paper.authors_short or "").strip() in ("", "et al.")


def author_count_text(paper: PaperRow) -> str:
    """"6 authors" for a paper whose source listed no names, only a count."""
    count = paper.author_count
    if not count or not _names_missing(paper):
        return ""
    return "1 author" if count == 1 else f"{count} authors"


def column_of(key: str) -> int:
    return COLUMN_KEYS.index(key)


def short_added(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).strftime("%Y-%m-%d")
    except (TypeError, ValueError):
        return iso or ""


class PaperTableModel(QAbstractTableModel):
    """Rows are papers of the current query, in SQL order.

    With a :class:`QueryWorker` attached (the main window), queries run off
    the GUI thread: ``request`` returns at once, the first screen arrives
    first, then the full id list; ``results_ready`` fires after each step and
    ``pending`` says whether more is on its way.  Without a worker (tests,
    tools) ``set_query`` / ``reload`` run synchronously.
    """

    query_changed = Signal()
    results_ready = Signal()
    query_failed = Signal(str)

    def __init__(self, library: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self._library = library
        self._ids: list[int] = []
        self._row_of: dict[int, int] | None = None
        self._chunks: OrderedDict[int, list[tuple[PaperRow, tuple[str, ...]]]] = OrderedDict()
        self.query = PaperQuery()
        self._worker: Any = None
        self._generation = 0
        self._pending_query: PaperQuery | None = None
        self.pending = False
        self._lazy = False
        self._awaiting_paint = 0
        self._stale: set[int] = set()
        self._wanted: OrderedDict[int, None] = OrderedDict()  # served newest first
        self._load_timer = QTimer(self)
        self._load_timer.setSingleShot(True)
        self._load_timer.setInterval(0)
        self._load_timer.timeout.connect(self._load_next)
        self._dim: QColor | None = None

    @property
    def fetching(self) -> bool:
        """Rows painted as placeholders and not loaded yet."""
        return bool(self._wanted)

    def enable_idle_loading(self) -> None:
        """Paint placeholders and load missing rows between frames."""
        self._lazy = True

    # -- asynchronous queries ---------------------------------------------------
    def attach_worker(self, worker: Any) -> None:
        self._worker = worker
        worker.first_rows.connect(self._on_first_rows)
        worker.all_ids.connect(self._on_all_ids)
        worker.failed.connect(self._on_failed)

    def request(self, query: PaperQuery, *, keep_sort: bool = True, reload: bool = False) -> None:
        """Show ``query`` (a reload keeps rows and position until ids differ)."""
        if keep_sort:
            query = replace(query, sort=self.query.sort, descending=self.query.descending)
        if self._worker is None:
            if reload:
                self.reload()
            else:
                self._apply_sync(query)
            self.results_ready.emit()
            return
        self._generation += 1
        self._pending_query = query
        self.pending = True
        if not reload:  # these rows are about to be replaced: load nothing more for them
            self._wanted.clear()
            self._load_timer.stop()
        self._worker.request(self._generation, query, 0 if reload else FIRST_SCREEN)

    def screen_painted(self) -> None:
        """Called by the view after painting: the worker may build the full id list."""
        if self._awaiting_paint and self._worker is not None:
            self._worker.first_screen_painted(self._awaiting_paint)
            self._awaiting_paint = 0

    def latest_query(self) -> PaperQuery:
        """The query being fetched, or the one shown."""
        return self._pending_query if self.pending and self._pending_query else self.query

    def _apply_sync(self, query: PaperQuery) -> None:
        ids = self._library.query_ids(query)
        self._reset(query, list(ids), None)

    def _reset(self, query: PaperQuery, ids: list[int], first: list[PaperRow] | None) -> None:
        self.beginResetModel()
        self.query = query
        self._ids = ids
        self._row_of = None
        self._dim = None  # the palette may have changed since the last query
        self._drop_cache()
        if first:
            self._chunks[0] = [_cells(p) for p in first]
            if len(first) < min(CHUNK, len(ids)):
                self._stale.add(0)  # a short first screen: the rest of chunk 0 follows
        self.endResetModel()
        self.query_changed.emit()

    def _on_first_rows(self, generation: int, rows: list[PaperRow], complete: bool) -> None:
        if generation != self._generation or self._pending_query is None:
            return
        self._reset(self._pending_query, [r.id for r in rows], list(rows))
        if complete:
            self.pending = False
        else:
            self._awaiting_paint = generation
        self.results_ready.emit()

    def _on_all_ids(
        self, generation: int, ids: list[int], head: list[PaperRow] | None = None
    ) -> None:
        if generation != self._generation or self._pending_query is None:
            return
        self.pending = False
        query = self._pending_query
        n = len(self._ids)
        if query == self.query and ids == self._ids:
            self.refresh_rows()
        elif query == self.query and n and ids[:n] == self._ids:
            if len(ids) > n:
                self.beginInsertRows(QModelIndex(), n, len(ids) - 1)
                self._ids.extend(ids[n:])
                self._row_of = None
                if n < CHUNK and not self._fill_head(head):
                    self._stale.add(0)  # chunk 0 held only the first screen
                self.endInsertRows()
        else:
            self._reset(query, list(ids), None)
        self.results_ready.emit()

    def _fill_head(self, head: list[PaperRow] | None) -> bool:
        """Complete chunk 0 with the worker's ``head`` rows (no SQL here); False if unusable."""
        chunk = self._chunks.get(0)
        if not head or chunk is None or 0 in self._stale:
            return False
        want = min(CHUNK, len(self._ids))
        if len(head) != want or [p.id for p in head] != self._ids[:want]:
            return False
        chunk.extend(_cells(p) for p in head[len(chunk) : want])
        return True

    def _on_failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self.pending = False
        if self._ids:  # loads dropped by request(): what is on screen queues them again
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, 0))
        self.query_failed.emit(message)
        self.results_ready.emit()

    # -- loading ------------------------------------------------------------
    def set_query(self, query: PaperQuery) -> None:
        """Run ``query`` in SQL and show its ids (keeps the current sort)."""
        query = replace(query, sort=self.query.sort, descending=self.query.descending)
        ids = self._library.query_ids(query)
        self.beginResetModel()
        self.query = query
        self._ids = list(ids)
        self._row_of = None
        self._drop_cache()
        self.endResetModel()
        self.query_changed.emit()

    def reload(self) -> None:
        """Run the current query again (after writes that may add or remove rows)."""
        ids = self._library.query_ids(self.query)
        if ids == self._ids:
            self.refresh_rows()
            return
        self.beginResetModel()
        self._ids = list(ids)
        self._row_of = None
        self._drop_cache()
        self.endResetModel()
        self.query_changed.emit()

    def refresh_rows(self, paper_ids: frozenset[int] | set[int] | None = None) -> None:
        """Reload cached rows (of ``paper_ids``, or all) and repaint them.

        With a fetcher the old text stays on screen until the new rows arrive.
        """
        if not self._ids:
            return
        if not paper_ids:
            if self._lazy:
                self._stale.update(self._chunks)
            else:
                self._chunks.clear()
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1)
            )
            return
        for pid in paper_ids:
            row = self.row_of(pid)
            if row is None:
                continue
            if not self._lazy:
                self._chunks.pop(row // CHUNK, None)
            elif row // CHUNK in self._chunks:
                self._stale.add(row // CHUNK)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def _drop_cache(self) -> None:
        self._chunks.clear()
        self._stale.clear()
        self._wanted.clear()

    def _chunk(self, number: int) -> list[tuple[PaperRow, tuple[str, ...]]]:
        """Rows ``number * CHUNK ...`` with their display texts (loaded here if needed)."""
        chunk = self._chunks.get(number)
        if chunk is not None and number not in self._stale:
            self._chunks.move_to_end(number)
            return chunk
        ids = self._ids[number * CHUNK : (number + 1) * CHUNK]
        rows = self._library.rows(ids)
        return self._store(number, rows)

    def _store(self, number: int, rows: list[PaperRow]) -> list[tuple[PaperRow, tuple[str, ...]]]:
        chunk = [_cells(paper) for paper in rows]
        self._chunks[number] = chunk
        self._chunks.move_to_end(number)
        self._stale.discard(number)
        while len(self._chunks) > MAX_CHUNKS:
            old, _ = self._chunks.popitem(last=False)
            self._stale.discard(old)
        return chunk

    def _want(self, number: int) -> None:
        if not 0 <= number * CHUNK < len(self._ids):
            return
        self._wanted.pop(number, None)
        self._wanted[number] = None
        while len(self._wanted) > MAX_WANTED:
            self._wanted.popitem(last=False)
        if not self._load_timer.isActive():
            self._load_timer.start()

    def _painted_entry(self, row: int) -> tuple[PaperRow, tuple[str, ...]] | None:
        """The cached row for painting; queues what is missing or stale."""
        number = row // CHUNK
        chunk = self._chunks.get(number)
        if (chunk is None or number in self._stale) and self._wanted.get(number, 1):
            for near in range(number + PREFETCH, number - PREFETCH - 1, -1):
                if near != number and near not in self._chunks:
                    self._want(near)
            self._want(number)  # what is on screen is loaded first
            self._wanted[number] = 0  # queued: no need to re-queue for every cell
        if chunk is None:
            return None
        offset = row % CHUNK
        return chunk[offset] if offset < len(chunk) else None

    def _load_next(self) -> None:
        """Load one queued chunk (between frames), repaint it, go on later."""
        while self._wanted:
            number, _ = self._wanted.popitem(last=True)
            if number in self._chunks and number not in self._stale:
                continue
            if not 0 <= number * CHUNK < len(self._ids):
                continue
            try:
                self._chunk(number)
            except Exception as exc:  # the library went away: say so, keep placeholders
                self._wanted.clear()
                self.query_failed.emit(str(exc))
                return
            first = number * CHUNK
            last = min(first + CHUNK, len(self._ids)) - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
            break
        if self._wanted:
            self._load_timer.start()

    def _entry(self, row: int) -> tuple[PaperRow, tuple[str, ...]] | None:
        if not 0 <= row < len(self._ids):
            return None
        chunk = self._chunk(row // CHUNK)
        offset = row % CHUNK
        return chunk[offset] if offset < len(chunk) else None

    def paper_row(self, row: int) -> PaperRow | None:
        entry = self._entry(row)
        return entry[0] if entry is not None else None

    # -- lookups --------------------------------------------------------------
    @property
    def ids(self) -> list[int]:
        return self._ids

    def paper_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, paper_id: int) -> int | None:
        if self._row_of is None:
            self._row_of = {pid: i for i, pid in enumerate(self._ids)}
        return self._row_of.get(paper_id)

    # -- Qt model API -----------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        key, label, sort_key, _shown = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return label
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "star":
                return "Starred"
            return label if sort_key else f"{label} (not sortable)"
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else _NO_FLAGS

    def data(self, index: _Index, role: int = DISPLAY) -> Any:
        if role not in _ROLES:
            return None
        row = index.row()
        if row < 0 or row >= len(self._ids):
            return None
        if role == PAPER_ID_ROLE:
            return self._ids[row]
        entry = self._painted_entry(row) if self._lazy else self._entry(row)
        if entry is None:
            return "…" if role == DISPLAY and index.column() == TITLE_COLUMN else None
        paper, cells = entry
        col = index.column()
        if role == DISPLAY:
            return cells[col]
        key = COLUMN_KEYS[col]
        if role == TOOLTIP:
            if key == "title":
                tip = paper.title
                if paper.needs_review:
                    tip += "\n(needs review: open it to complete missing details)"
                return tip
            if key in ("authors", "topics", "tags"):
                return cells[col] or None
            return None
        if role == FONT:
            return _bold_font() if key == "title" and paper.status == "unread" else None
        if role == FOREGROUND:
            if key == "star" and paper.starred:
                return STAR_COLOUR
            if (
                paper.status == "dropped"
                or (key == "title" and paper.needs_review)
                or (key == "authors" and bool(author_count_text(paper)))
            ):
                return self._dim_colour()
            return None
        if role == ALIGN and key == "star":
            return CENTER
        return None

    def _dim_colour(self) -> QColor:
        """Greyed text, looked up once per query (not once per painted cell)."""
        if self._dim is None:
            self._dim = QApplication.palette().color(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        return self._dim

    @staticmethod
    def _display(paper: PaperRow, key: str) -> str:
        if key == "star":
            return "★" if paper.starred else ""
        if key == "title":
            prefix = "⚠ " if paper.needs_review else ""
            return prefix + (paper.title or "(untitled)")
        if key == "authors":
            short = (paper.authors_short or "").strip()
            return author_count_text(paper) if short in ("", "et al.") else short
        if key == "date":
            return paper.date or (str(paper.year) if paper.year else "")
        if key == "topics":
            return ", ".join(paper.topics)
        if key == "status":
            return STATUS_LABELS.get(paper.status, paper.status)
        if key == "tags":
            return ", ".join(paper.tags)
        if key == "added":
            return short_added(paper.added_at)
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        sort_key = COLUMNS[column][2]
        if sort_key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        base = self._pending_query if self.pending and self._pending_query else self.query
        if sort_key == base.sort and descending == base.descending:
            return
        self.request(replace(base, sort=sort_key, descending=descending), keep_sort=False)

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        for i, col in enumerate(COLUMNS):
            if col[2] == self.query.sort:
                order = (
                    Qt.SortOrder.DescendingOrder
                    if self.query.descending
                    else Qt.SortOrder.AscendingOrder
                )
                return i, order
        return column_of("added"), Qt.SortOrder.DescendingOrder
