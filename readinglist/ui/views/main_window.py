"""The main window: sidebar | paper table | detail pane, menus and shortcuts.

It owns the GUI thread's Library (reads and quick single-paper writes),
a TaskRunner for long work (imports, sidebar aggregates), the undo list
(trash, last import) and the remembered window state (QSettings).  Library
change events (from its own writes and from workers) refresh the views.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QItemSelectionModel, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
)

from readinglist.library.errors import LibraryError
from readinglist.library.types import Change, PaperQuery
from readinglist.ui.models.paper_table import PAPER_ID_ROLE, PaperTableModel
from readinglist.ui.models.sidebar import SidebarData, SidebarModel, load_sidebar_data
from readinglist.ui.pages import panel as page_panel
from readinglist.ui.query_worker import QueryWorker
from readinglist.ui.tasks import TaskRunner
from readinglist.ui.views import context_menus
from readinglist.ui.views.detail_pane import DetailPane
from readinglist.ui.views.library_view import SEARCH_HINT, LibraryView
from readinglist.ui.views.pages import page_header
from readinglist.ui.views.sidebar_view import SidebarView
from readinglist.ui.views.window_imports import ImportsMixin
from readinglist.ui.views.window_menus import build_menus
from readinglist.ui.writer import Writer

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 25  # coalesces pasted / auto-repeated keys; typing runs every key
WORKER_CHANGE_DELAY_MS = 150
STATUS_KEYS = {
    "1": "unread",
    "2": "queued",
    "3": "reading",
    "4": "read",
    "5": "dropped",
    "U": "unread",
    "Q": "queued",
    "R": "reading",
    "D": "read",
}


def search_query(base: PaperQuery, text: str) -> PaperQuery:
    """The sidebar's query narrowed by the search box (prefixes understood)."""
    from readinglist.library.query import parse_search

    return parse_search(text, replace(base))


class MainWindow(ImportsMixin, QMainWindow):
    def __init__(self, library: Any, settings: QSettings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.library = library
        self.settings = settings or QSettings()
        self.runner = TaskRunner(library.path, self)
        self.undo_stack: list[tuple[str, Callable[[], None], Any]] = []
        self._worker_changes: list[Change] = []
        self._change_timer = QTimer(self)
        self._change_timer.setSingleShot(True)
        self._change_timer.setInterval(WORKER_CHANGE_DELAY_MS)
        self._change_timer.timeout.connect(self._apply_worker_changes)
        self.base_key = "lib:all"
        self.base_query = PaperQuery()
        self._page: tuple[str, Any] | None = None
        self._sidebar_task: Any = None
        self._sidebar_dirty = False
        self._sidebar_filter = ""
        self.last_sidebar: SidebarData | None = None
        self.dialogs: list[Any] = []

        self.setWindowTitle(f"Reading List — {Path(library.path).name}")
        self.setAcceptDrops(True)

        self.model = PaperTableModel(library, self)
        self.view = LibraryView(self.model)
        self.table = self.view.table
        self.sidebar_model = SidebarModel(self)
        self.sidebar = SidebarView(self.sidebar_model)
        self.detail = DetailPane()
        self.detail.setObjectName("detailPane")

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([215, 825, 400])
        self.setCentralWidget(self.splitter)
        self.page_panel = page_panel.install(self)  # author / topic / tag pages

        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText("Search  (author:  topic:  tag:  status:  year:)")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(360)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_query)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_query)

        self.actions: dict[str, QAction] = {}
        build_menus(self)
        self.statusBar().setObjectName("statusBar")
        self.count_label = QLabel("")
        self.count_label.setObjectName("paperCount")
        self.statusBar().addPermanentWidget(self.count_label)

        context_menus.install(self)
        self.sidebar.item_selected.connect(self._sidebar_selected)
        self.sidebar.filter_changed.connect(self._sidebar_filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._selection_changed)
        self.view.welcome.paste_clicked.connect(lambda: self.open_paste_dialog())
        self.view.welcome.pdfs_clicked.connect(self.choose_pdfs)
        self.detail.status_chosen.connect(lambda pid, s: self.set_status([pid], s))
        self.detail.star_toggled.connect(lambda pid, on: self._write("set_starred", [pid], on))
        self.detail.tags_added.connect(lambda pid, tags: self._write("add_tags", [pid], tags))
        self.detail.tag_removed.connect(lambda pid, tag: self._write("remove_tags", [pid], [tag]))
        self.detail.note_changed.connect(lambda pid, text: self._write("set_note", pid, text))
        self.detail.author_activated.connect(self.open_author)
        self.detail.edit_title_requested.connect(self.edit_title)
        self.detail.restore_requested.connect(lambda pid: self.restore([pid]))

        self._restore: tuple[int | None, int | None] = (None, None)
        self._header_dirty = True
        self.query_worker = QueryWorker(library.path, self)
        self.query_worker.start()
        self.model.attach_worker(self.query_worker)
        self.model.enable_idle_loading()
        self.model.results_ready.connect(self._results_ready)
        self.model.query_failed.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        self.writer = Writer(library.path, self)
        self.writer.changed.connect(self.on_change)
        self.writer.failed.connect(self.show_error)
        self.writer.start()
        self._unsubscribe = library.subscribe(self.on_change)
        self.restore_state()
        self.sidebar.select_key("lib:all", notify=False)
        self.apply_query()
        self.refresh_counts()
        self.refresh_sidebar()

    # -- state ------------------------------------------------------------------
    def restore_state(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 860)
        for key, widget in (
            ("window/splitter", self.splitter),
            ("window/detailSplitter", self.detail.splitter),
            ("table/header", self.table.horizontalHeader()),
        ):
            value = s.value(key)
            if isinstance(value, QByteArray) and not value.isEmpty():
                widget.restoreState(value)
        column, order = self.model.sort_column()
        self.table.horizontalHeader().setSortIndicator(column, order)

    def save_state(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("window/detailSplitter", self.detail.splitter.saveState())
        s.setValue("table/header", self.table.horizontalHeader().saveState())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.detail.note.flush()
        self.save_state()
        for dialog in list(self.dialogs):
            dialog.close()
        self.runner.stop_all()
        self.writer.stop()
        self.query_worker.stop()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        super().closeEvent(event)

    # -- querying ---------------------------------------------------------------
    def current_query(self) -> PaperQuery:
        return search_query(self.base_query, self.search.text())

    def apply_query(self) -> None:
        """Run the sidebar + search query (off the GUI thread); results follow."""
        self._search_timer.stop()
        self._restore = (self.current_id(), None)
        self._header_dirty = True
        self.model.request(self.current_query())

    def _results_ready(self) -> None:
        self._update_view_state()
        current, row = self._restore
        if current is not None and self.select_ids([current]):
            self._restore = (None, None)
        elif not self.model.pending:
            if row is not None and row >= 0:
                self.select_row(row)
            self._restore = (None, None)

    def _update_view_state(self) -> None:
        text = self.search.text().strip()
        count = self.model.rowCount()
        if self.model.pending and not count:
            self.count_label.setText("Searching…")
            return
        if count:
            self.view.show_table()
        elif not text and self.base_key == "lib:all" and self.library.counts().all == 0:
            self.view.show_welcome()
        elif text:
            self.view.show_empty(
                f"<h3>No papers match “{html.escape(text)}”"
                f"{self._scope_words()}.</h3><p>{SEARCH_HINT}</p>"
                "<p>Clear the search (Esc) to see every paper here.</p>"
            )
        else:
            self.view.show_empty("<h3>Nothing here yet.</h3>")
        if self._header_dirty and not self.model.pending:
            self._header_dirty = False
            self.view.set_header(page_header(self.library, self._page))
            self.page_panel.show_for(self._page)
        what = "paper" if count == 1 else "papers"
        more = " (counting…)" if self.model.pending else ""
        self.count_label.setText(f"{count:,}{more} {what}")

    def _scope_words(self) -> str:
        if self.base_key == "lib:all":
            return ""
        index = self.sidebar_model.index_for_key(self.base_key)
        label = index.data() if index is not None else None
        return f" in {html.escape(label)}" if label else ""

    def _sidebar_selected(self, key: str, query: PaperQuery) -> None:
        self.base_key = key
        self.base_query = query
        kind, _, value = key.partition(":")
        self._page = (kind, value) if kind in ("author", "topic", "tag", "batch") else None
        self.apply_query()

    def open_author(self, author_id: int, name: str = "") -> None:
        """The author page: the library view filtered by author, with a header."""
        key = f"author:{author_id}"
        self.base_key = key
        self.base_query = PaperQuery(author_id=author_id)
        self._page = ("author", str(author_id))
        if not self.sidebar.select_key(key, notify=False):
            self.sidebar.select_key("", notify=False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.apply_query()

    # -- selection --------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [pid for r in rows if (pid := self.model.paper_id(r)) is not None]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(PAPER_ID_ROLE) if index.isValid() else None

    def select_row(self, row: int) -> None:
        count = self.model.rowCount()
        if not count:
            return
        row = max(0, min(row, count - 1))
        index = self.model.index(row, 1)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def select_ids(self, ids: list[int]) -> bool:
        rows = [r for pid in ids if (r := self.model.row_of(pid)) is not None]
        if not rows:
            return False
        self.select_row(rows[0])
        return True

    def step_paper(self, step: int) -> None:
        index = self.table.currentIndex()
        self.select_row((index.row() + step) if index.isValid() else 0)

    def _selection_changed(self, *_args: Any) -> None:
        ids = self.selected_ids()
        if len(ids) == 1:
            self._show_detail(ids[0])
        else:
            self.detail.show_paper(None, selected=len(ids))

    def _show_detail(self, paper_id: int) -> None:
        try:
            detail = self.library.get(paper_id)
        except LibraryError:
            detail = None
        self.detail.show_paper(detail)

    # -- writes -----------------------------------------------------------------
    def _write(self, method: str, *args: Any, **kwargs: Any) -> None:
        """Queue ``Library.<method>`` on the writer thread; its Change refreshes views."""
        self.writer.submit(method, *args, **kwargs)

    def target_ids(self) -> list[int]:
        return self.selected_ids()

    def set_status(self, ids: list[int] | None, status: str) -> None:
        ids = ids if ids is not None else self.target_ids()
        if ids:
            self._write("set_status", ids, status)

    def toggle_star(self) -> None:
        ids = self.target_ids()
        if not ids:
            return
        rows = self.library.rows(ids)
        starred = not all(r.starred for r in rows)
        self._write("set_starred", ids, starred)

    def trash_selected(self) -> None:
        ids = self.target_ids()
        if not ids:
            return
        if self.base_query.trashed:
            self.statusBar().showMessage("Already in the trash. Use Empty trash to delete.", 6000)
            return
        self._write("trash", ids)
        what = "paper" if len(ids) == 1 else f"{len(ids)} papers"
        self.push_undo(f"Move {what} to trash", lambda: self.restore(ids), ("trash", tuple(ids)))
        self.statusBar().showMessage(f"Moved {what} to the trash (Ctrl+Z to undo).", 8000)

    def restore(self, ids: list[int]) -> None:
        if ids:
            self._write("restore", ids)

    def empty_trash(self) -> None:
        count = self.library.counts().trash
        if not count:
            return
        answer = QMessageBox.question(
            self, "Empty trash", f"Delete the {count} papers in the trash for good?"
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._write("empty_trash")
            self.undo_stack = [u for u in self.undo_stack if u[2] is None or u[2][0] != "trash"]
            self._update_undo_action()

    def edit_title(self, paper_id: int | None = None) -> None:
        paper_id = paper_id or self.current_id()
        if paper_id is None:
            return
        detail = self.library.get(paper_id)
        text, ok = QInputDialog.getText(
            self, "Edit title", "Title:", QLineEdit.EchoMode.Normal, detail.title or ""
        )
        if ok and text.strip():
            self._write("update_fields", paper_id, title=" ".join(text.split()))

    # -- undo -------------------------------------------------------------------
    def push_undo(self, label: str, action: Callable[[], None], tag: Any = None) -> None:
        self.undo_stack.append((label, action, tag))
        del self.undo_stack[:-20]
        self._update_undo_action()

    def forget_undo(self, tag: Any) -> None:
        self.undo_stack = [u for u in self.undo_stack if u[2] != tag]
        self._update_undo_action()

    def undo(self) -> None:
        if not self.undo_stack:
            return
        label, action, _tag = self.undo_stack.pop()
        action()
        self._update_undo_action()
        self.statusBar().showMessage(f"Undone: {label}", 6000)

    def _update_undo_action(self) -> None:
        act = self.actions["undo"]
        act.setEnabled(bool(self.undo_stack))
        act.setText(f"&Undo {self.undo_stack[-1][0]}" if self.undo_stack else "&Undo")

    def undo_batch(self, batch_id: int) -> None:
        """Undo one import in the background; the views refresh when it is done."""
        self.forget_undo(("batch", batch_id))
        self.runner.start(
            lambda lib, _c: lib.undo_import(batch_id),
            name="undo import",
            on_result=lambda n: self.statusBar().showMessage(
                f"Import undone: {n} papers removed.", 8000
            ),
            on_failed=self.show_error,
            on_changed=self.on_worker_change,
        )

    # -- change events ------------------------------------------------------------
    def on_change(self, change: Change) -> None:
        """Refresh what a committed write may have changed."""
        if change.kind == "note":
            self.model.refresh_rows(change.paper_ids)
            if self.model.query.search:  # notes are searchable
                self._reload_rows(change)
            return
        try:
            self.refresh_counts()
            if change.paper_ids and change.kind in ("papers", "tags"):
                self.model.refresh_rows(change.paper_ids)
            if self._may_change_rows(change):
                self._reload_rows(change)
            else:
                current = self.current_id()
                if current is not None and current in change.paper_ids:
                    self._show_detail(current)
                if self._page is not None:
                    self.view.set_header(page_header(self.library, self._page))
        except LibraryError as exc:
            self.statusBar().showMessage(str(exc), 8000)
        self.page_panel.show_for(self._page, refresh=True)
        self.refresh_sidebar()

    def _may_change_rows(self, change: Change) -> bool:
        """Could ``change`` add, remove or reorder rows of the current query?"""
        if not change.paper_ids or change.kind not in ("papers", "tags"):
            return True
        q = self.model.query
        if q.search:
            return True
        if change.kind == "tags":
            return q.tag is not None
        return bool(
            q.status
            or q.starred is not None
            or q.needs_review is not None
            or q.year is not None
            or q.sort not in ("added", "authors")
        )

    def _reload_rows(self, change: Change) -> None:
        self._restore = (self.current_id(), self.table.currentIndex().row())
        self._header_dirty = self._page is not None
        query = self.model.latest_query()
        self.model.request(query, keep_sort=False, reload=query == self.model.query)

    def on_worker_change(self, change: Change) -> None:
        """Changes committed by background tasks: coalesced, then applied."""
        self._worker_changes.append(change)
        if not self._change_timer.isActive():
            self._change_timer.start()

    def _apply_worker_changes(self) -> None:
        changes, self._worker_changes = self._worker_changes, []
        if not changes:
            return
        if len(changes) == 1:
            self.on_change(changes[0])
            return
        ids: set[int] = set()
        for c in changes:
            ids |= set(c.paper_ids)
        self.on_change(Change(kind="import", paper_ids=frozenset(ids)))

    def refresh_counts(self) -> None:
        self.sidebar_model.set_counts(self.library.counts())

    def refresh_sidebar(self) -> None:
        """Rebuild tags/authors/topics/imports off the GUI thread, then swap in."""
        if self._sidebar_task is not None:
            self._sidebar_dirty = True
            return
        text = self._sidebar_filter

        def finished(data: SidebarData) -> None:
            self.last_sidebar = data
            key = self.sidebar.current_key()
            self.sidebar_model.apply(data)
            if key:
                self.sidebar.select_key(key, notify=False)
            if data.filter_text:
                self.sidebar.set_filter_active()
            self.detail.tag_editor.set_known_tags([t.name for t in data.tags])

        def done() -> None:
            self._sidebar_task = None
            if self._sidebar_dirty:
                self._sidebar_dirty = False
                self.refresh_sidebar()

        task = self.runner.start(
            lambda lib, _c: load_sidebar_data(lib, text),
            name="sidebar",
            on_result=finished,
            on_failed=lambda msg: log.warning("sidebar refresh failed: %s", msg),
        )
        task.done.connect(done)
        self._sidebar_task = task

    def _sidebar_filter_changed(self, text: str) -> None:
        self._sidebar_filter = text
        self.refresh_sidebar()

    # -- messages ---------------------------------------------------------------------
    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, "Reading List", message)

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Escape and self.search.text():
            self.search.clear()
            self.apply_query()
            return
        super().keyPressEvent(event)

    def paste_shortcut(self) -> None:
        self.open_paste_dialog()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def status_action(self, status: str) -> Callable[[], None]:
        return lambda: self.set_status(None, status)

    def shortcut_text(self) -> str:
        return QKeySequence("Ctrl+V").toString(QKeySequence.SequenceFormat.NativeText)
