"""Right-click menus: on papers in the table and on sidebar items.

Papers: status, star, edit title, trash / restore.  Sidebar: a tag's colour,
undoing an import, emptying the trash.  Every entry calls the same window
methods as the menu bar and shortcuts.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QMenu

from readinglist.library.types import STATUSES
from readinglist.ui.models.paper_table import STATUS_LABELS
from readinglist.ui.models.sidebar import KEY_ROLE


def install(window: Any) -> None:
    table = window.table
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    table.customContextMenuRequested.connect(lambda pos: paper_menu(window, pos))
    tree = window.sidebar.tree
    tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    tree.customContextMenuRequested.connect(lambda pos: sidebar_menu(window, pos))


def paper_menu(window: Any, pos: QPoint) -> None:
    if not window.selected_ids():
        return
    menu = QMenu(window)
    status = menu.addMenu("Status")
    for s in STATUSES:
        status.addAction(window.actions[f"status_{s}"])
        window.actions[f"status_{s}"].setText(STATUS_LABELS[s])
    menu.addAction(window.actions["star"])
    menu.addAction(window.actions["edit_title"])
    menu.addSeparator()
    if window.base_query.trashed:
        menu.addAction(window.actions["restore"])
    else:
        menu.addAction(window.actions["trash"])
    menu.exec(window.table.viewport().mapToGlobal(pos))
    menu.deleteLater()


def sidebar_menu(window: Any, pos: QPoint) -> None:
    tree = window.sidebar.tree
    index = tree.indexAt(pos)
    if not index.isValid():
        return
    key = index.siblingAtColumn(0).data(KEY_ROLE) or ""
    kind, _, value = key.partition(":")
    menu = QMenu(window)
    if kind == "tag":
        menu.addAction("Set colour…", lambda: choose_tag_colour(window, value))
        menu.addAction("Remove colour", lambda: window._write("set_tag_color", value, None))
    elif kind == "batch":
        menu.addAction("Undo this import", lambda: window.undo_batch(int(value)))
    elif key == "lib:trash":
        menu.addAction(window.actions["empty_trash"])
    else:
        menu.deleteLater()
        return
    menu.exec(tree.viewport().mapToGlobal(pos))
    menu.deleteLater()


def choose_tag_colour(window: Any, tag: str) -> None:
    current = next((t.color for t in window.library.tags() if t.name == tag), None)
    colour = QColorDialog.getColor(
        QColor(current) if current else QColor("#3574f0"), window, f"Colour of “{tag}”"
    )
    if colour.isValid():
        window._write("set_tag_color", tag, colour.name())
