"""Sidebar widget: a filter box over the sidebar tree.

Emits ``item_selected(key, query)`` when the user picks a library state, tag,
author, topic or import; ``filter_changed(text)`` (debounced) asks the owner
to reload authors / topics / tags matching the text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from readinglist.ui.models.sidebar import KEY_ROLE, QUERY_ROLE, SidebarModel

FILTER_DELAY_MS = 150


class SidebarView(QWidget):
    item_selected = Signal(str, object)
    filter_changed = Signal(str)

    def __init__(self, model: SidebarModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.filter = QLineEdit()
        self.filter.setObjectName("sidebarFilter")
        self.filter.setPlaceholderText("Filter authors, topics, tags…")
        self.filter.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(lambda: self.filter_changed.emit(self.filter.text()))
        self.filter.textChanged.connect(lambda _t: self._timer.start())
        self.tree = QTreeView()
        self.tree.setObjectName("sidebarTree")
        self.tree.setModel(model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for key in ("sec:library", "sec:tags", "sec:imports"):
            self.tree.expand(model.section_index(key))
        self.tree.selectionModel().currentRowChanged.connect(self._current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        self._silent = False

    def _current_changed(self, current: Any, _previous: Any) -> None:
        if self._silent or not current.isValid():
            return
        index = current.siblingAtColumn(0)
        key = index.data(KEY_ROLE)
        query = index.data(QUERY_ROLE)
        if key and query is not None:
            self.item_selected.emit(key, query)

    def select_key(self, key: str, *, notify: bool = True) -> bool:
        index = self.model.index_for_key(key)
        if index is None:
            if not notify:
                self._silent = True
                self.tree.selectionModel().clearSelection()
                self._silent = False
            return False
        self._silent = not notify
        try:
            self.tree.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.tree.scrollTo(index)
        finally:
            self._silent = False
        return True

    def current_key(self) -> str | None:
        index = self.tree.currentIndex()
        return index.siblingAtColumn(0).data(KEY_ROLE) if index.isValid() else None

    def expand_section(self, key: str) -> None:
        self.tree.expand(self.model.section_index(key))

    def set_filter_active(self) -> None:
        """Open the sections a filter acts on so matches are visible."""
        for key in ("sec:tags", "sec:authors", "sec:topics"):
            self.expand_section(key)
