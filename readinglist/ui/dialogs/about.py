"""Help dialogs: the About box (with the app icon) and the keyboard shortcuts list."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from readinglist import APP_NAME, __version__
from readinglist.paths import resources_dir


def app_icon() -> QIcon:
    """The application icon (SVG plus PNG sizes), or an empty icon."""
    icon = QIcon()
    res = resources_dir()
    if res is None:
        return icon
    icons = res / "icons"
    svg = icons / "readinglist.svg"
    if svg.is_file():
        icon.addFile(str(svg))
    for png in sorted(icons.glob("readinglist-*.png")):
        icon.addFile(str(png))
    return icon


def show_about(parent: Any) -> None:
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle(f"About {APP_NAME}")
    box.setIconPixmap(app_icon().pixmap(96, 96))
    box.setTextFormat(Qt.TextFormat.RichText)
    library = html.escape(str(getattr(parent, "library", None) and parent.library.path or ""))
    box.setText(
        f"<h3>{APP_NAME} {html.escape(__version__)}</h3>"
        "<p>A reading list for researchers: paste a listing, drop PDFs, "
        "keep notes, export them as Markdown.</p>"
        "<p>Offline and account-free. Licensed under the GNU AGPL v3 or later.</p>"
        f"<p><small>Library: {library}</small></p>"
    )
    box.exec()


class ShortcutsDialog(QDialog):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        from readinglist.ui.views.window_menus import SHORTCUTS

        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        table = QTableWidget(len(SHORTCUTS), 2)
        table.setObjectName("shortcutsTable")
        table.setHorizontalHeaderLabels(["Keys", "Action"])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (keys, what) in enumerate(SHORTCUTS):
            table.setItem(row, 0, QTableWidgetItem(keys))
            table.setItem(row, 1, QTableWidgetItem(what))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(420, 480)


def show_shortcuts(parent: Any) -> None:
    dialog = ShortcutsDialog(parent)
    dialog.exec()
