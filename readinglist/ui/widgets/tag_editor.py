"""Tag editor: the paper's tags as removable chips plus an entry with completion.

It emits ``tags_added`` / ``tag_removed``; the owner writes them through the
Library.  Completion offers the library's existing tags.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from readinglist.library.types import TagInfo


def split_tags(text: str) -> list[str]:
    """Tags typed by a user: comma separated, trimmed, no empties, no repeats."""
    seen: list[str] = []
    for part in text.split(","):
        tag = " ".join(part.split())
        if tag and tag not in seen:
            seen.append(tag)
    return seen


class TagEditor(QWidget):
    tags_added = Signal(list)
    tag_removed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tags: list[TagInfo] = []
        self.chips = QLabel()
        self.chips.setObjectName("tagChips")
        self.chips.setWordWrap(True)
        self.chips.setTextFormat(Qt.TextFormat.RichText)
        self.chips.linkActivated.connect(self._remove_link)
        self.entry = QLineEdit()
        self.entry.setObjectName("tagEntry")
        self.entry.setPlaceholderText("Add tags (comma separated), Enter to add")
        self.entry.setClearButtonEnabled(True)
        self._completion = QStringListModel(self)
        completer = QCompleter(self._completion, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.entry.setCompleter(completer)
        self.entry.returnPressed.connect(self._add_from_entry)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.chips, 1)
        layout.addLayout(row)
        layout.addWidget(self.entry)

    def set_known_tags(self, names: list[str]) -> None:
        self._completion.setStringList(sorted(names, key=str.casefold))

    def set_tags(self, tags: list[TagInfo]) -> None:
        self._tags = list(tags)
        if not tags:
            self.chips.setText("<span style='color:gray'>No tags</span>")
            return
        parts = []
        for tag in tags:
            colour = QColor(tag.color) if tag.color else QColor()
            swatch = f"<span style='color:{colour.name()}'>●</span> " if colour.isValid() else ""
            name = html.escape(tag.name)
            link = html.escape(tag.name, quote=True)
            parts.append(
                f"{swatch}{name} <a href='remove:{link}' style='text-decoration:none'"
                f" title='Remove tag'>✕</a>"
            )
        self.chips.setText("&nbsp;&nbsp; ".join(parts))

    def tags(self) -> list[str]:
        return [t.name for t in self._tags]

    def _add_from_entry(self) -> None:
        new = [t for t in split_tags(self.entry.text()) if t not in self.tags()]
        self.entry.clear()
        if new:
            self.tags_added.emit(new)

    def _remove_link(self, link: str) -> None:
        if link.startswith("remove:"):
            self.tag_removed.emit(html.unescape(link[len("remove:") :]))
