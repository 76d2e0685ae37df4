"""Menus, toolbar and keyboard shortcuts of the main window.

One table (``SHORTCUTS``) lists every shortcut; the menus are built from the
same actions, and Help ▸ Keyboard shortcuts shows that table, so the list the
user reads is the list that works.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QSizePolicy, QToolBar, QWidget

from readinglist.library.types import STATUSES
from readinglist.ui.models.paper_table import STATUS_LABELS

STATUS_SHORTCUTS = {
    "unread": ("1", "U"),
    "queued": ("2", "Q"),
    "reading": ("3", "R"),
    "read": ("4", "D"),
    "dropped": ("5",),
}

# (keys, what it does) shown in Help ▸ Keyboard shortcuts
SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("1 or U", "Mark as unread"),
    ("2 or Q", "Queue to read"),
    ("3 or R", "Mark as reading"),
    ("4 or D", "Mark as read (done)"),
    ("5", "Drop"),
    ("S", "Star / unstar"),
    ("J / K", "Next / previous paper"),
    ("Ctrl+F", "Search"),
    ("Esc", "Clear the search"),
    ("Ctrl+V", "Paste a listing (import)"),
    ("Ctrl+O", "Import PDFs"),
    ("Del", "Move to trash"),
    ("Ctrl+Z", "Undo (trash, last import)"),
    ("F2", "Edit title"),
    ("F1", "Keyboard shortcuts"),
    ("Ctrl+Q", "Quit"),
)


def _action(
    window: Any, key: str, text: str, slot: Any, shortcuts: tuple[str, ...] = ()
) -> QAction:
    action = QAction(text, window)
    action.setObjectName(f"action_{key}")
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    window.actions[key] = action
    return action


def build_menus(window: Any) -> None:
    from readinglist.ui.dialogs.about import show_about, show_shortcuts

    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addAction(
        _action(window, "export_notes", "Export notes as Markdown…", window.export_notes)
    )
    file_menu.addSeparator()
    file_menu.addAction(_action(window, "quit", "&Quit", window.close, ("Ctrl+Q",)))

    edit = bar.addMenu("&Edit")
    undo = _action(window, "undo", "&Undo", window.undo, ("Ctrl+Z",))
    undo.setEnabled(False)
    edit.addAction(undo)
    edit.addSeparator()
    edit.addAction(_action(window, "find", "&Find…", window.focus_search, ("Ctrl+F",)))
    edit.addAction(_action(window, "trash", "Move to &trash", window.trash_selected, ("Del",)))
    edit.addAction(
        _action(
            window, "restore", "&Restore from trash", lambda: window.restore(window.selected_ids())
        )
    )
    edit.addAction(_action(window, "empty_trash", "&Empty trash…", window.empty_trash))

    imp = bar.addMenu("&Import")
    imp.addAction(_action(window, "paste", "&Paste listing…", window.paste_shortcut, ("Ctrl+V",)))
    imp.addAction(_action(window, "pdfs", "P&DFs…", window.choose_pdfs, ("Ctrl+O",)))
    imp.addAction(_action(window, "pdf_folder", "Folder of PDFs…", window.choose_pdf_folder))

    paper = bar.addMenu("&Paper")
    status_menu = paper.addMenu("&Status")
    for status in STATUSES:
        status_menu.addAction(
            _action(
                window,
                f"status_{status}",
                STATUS_LABELS[status],
                window.status_action(status),
                STATUS_SHORTCUTS[status],
            )
        )
    paper.addAction(_action(window, "star", "&Star", window.toggle_star, ("S",)))
    paper.addAction(_action(window, "edit_title", "Edit &title…", window.edit_title, ("F2",)))
    paper.addSeparator()
    paper.addAction(_action(window, "next", "&Next paper", lambda: window.step_paper(1), ("J",)))
    paper.addAction(
        _action(window, "previous", "&Previous paper", lambda: window.step_paper(-1), ("K",))
    )

    view = bar.addMenu("&View")
    view.addMenu(window.table.column_actions_menu(window))
    view.aboutToShow.connect(lambda: _refresh_columns_menu(window, view))

    help_menu = bar.addMenu("&Help")
    help_menu.addAction(
        _action(window, "shortcuts", "&Keyboard shortcuts", lambda: show_shortcuts(window), ("F1",))
    )
    help_menu.addAction(_action(window, "about", "&About Reading List", lambda: show_about(window)))

    tools = QToolBar("Main")
    tools.setObjectName("mainToolbar")
    tools.setMovable(False)
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    tools.addAction(window.actions["paste"])
    tools.addAction(window.actions["pdfs"])
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    tools.addWidget(spacer)
    tools.addWidget(window.search)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, tools)


def _refresh_columns_menu(window: Any, view_menu: Any) -> None:
    view_menu.clear()
    view_menu.addMenu(window.table.column_actions_menu(view_menu))
