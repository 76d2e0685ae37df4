"""The paste-import preview model: one row per parsed entry.

Each row has a checkbox (import it or not), fields editable in place (title,
authors, date: complete what the parser could not read), what importing it
will do ("new", "will merge with …", "possible duplicate of …" with a choice
to merge instead) and the entry's warnings.  Edits go straight into the
ParsedEntry objects that will be imported.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from readinglist.core.entry import ParsedEntry, ParseResult
from readinglist.library.types import PreviewItem

COLUMNS = ("Title", "Authors", "Date", "Ids", "Topics", "Import as", "Warnings")
TITLE, AUTHORS, DATE, IDS, TOPICS, ACTION, WARNINGS = range(len(COLUMNS))
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 20
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

_Index = QModelIndex | QPersistentModelIndex


def _quote(title: str, limit: int = 60) -> str:
    title = " ".join(title.split())
    return f"“{title[: limit - 1]}…”" if len(title) > limit else f"“{title}”"


class PreviewModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.result: ParseResult | None = None
        self.items: dict[int, PreviewItem] = {}
        self.checked: list[bool] = []
        self.merge_choice: dict[int, int] = {}  # entry index -> paper id chosen

    # -- content ------------------------------------------------------------
    def set_result(self, result: ParseResult | None, items: list[PreviewItem]) -> None:
        self.beginResetModel()
        self.result = result
        self.items = {item.index: item for item in items}
        entries = result.entries if result else []
        self.checked = [
            self.items.get(i) is None or self.items[i].action != "duplicate"
            for i in range(len(entries))
        ]
        self.merge_choice = {}
        self.endResetModel()

    @property
    def entries(self) -> list[ParsedEntry]:
        return self.result.entries if self.result else []

    def selected(self) -> list[int]:
        return [i for i, on in enumerate(self.checked) if on]

    def set_all_checked(self, on: bool) -> None:
        if not self.checked:
            return
        self.checked = [on] * len(self.checked)
        self.dataChanged.emit(self.index(0, TITLE), self.index(len(self.checked) - 1, TITLE))

    def action_counts(self) -> dict[str, int]:
        counts = {"new": 0, "merge": 0, "duplicate": 0, "possible_duplicate": 0}
        for i in self.selected():
            item = self.items.get(i)
            action = item.action if item else "new"
            if action == "possible_duplicate" and i in self.merge_choice:
                action = "merge"
            counts[action] = counts.get(action, 0) + 1
        return counts

    def action_text(self, row: int) -> str:
        item = self.items.get(row)
        if item is None or item.action == "new":
            return "new"
        if item.action == "merge" and item.match is not None:
            return f"will merge with {_quote(item.match.title)}"
        if item.action == "duplicate":
            target = f" {_quote(item.match.title)}" if item.match else ""
            return f"already in the library{target} (nothing to add)"
        chosen = self.merge_choice.get(row)
        for cand in item.candidates:
            if cand.paper_id == chosen:
                return f"merge with {_quote(cand.title)}"
        if item.candidates:
            return f"new — possible duplicate of {_quote(item.candidates[0].title)}"
        return "new"

    def choices(self, row: int) -> list[tuple[str, int | None]]:
        item = self.items.get(row)
        if item is None or item.action != "possible_duplicate" or not item.candidates:
            return []
        out: list[tuple[str, int | None]] = [("Add as a new paper", None)]
        for cand in item.candidates:
            out.append((f"Merge with {_quote(cand.title)} ({cand.reason})", cand.paper_id))
        return out

    # -- Qt API -----------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.entries):
            return str(section + 1)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        col = index.column()
        if col == TITLE:
            flags |= Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable
        elif col in (AUTHORS, DATE):
            flags |= Qt.ItemFlag.ItemIsEditable
        elif col == ACTION and self.choices(index.row()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.entries):
            return None
        row, col = index.row(), index.column()
        entry = self.entries[row]
        if role == Qt.ItemDataRole.CheckStateRole and col == TITLE:
            return Qt.CheckState.Checked if self.checked[row] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col, entry)
        if role == Qt.ItemDataRole.EditRole:
            if col == TITLE:
                return entry.title or ""
            if col == AUTHORS:
                return ", ".join(entry.authors)
            if col == DATE:
                return entry.date or (str(entry.year) if entry.year else "")
            if col == ACTION:
                chosen = self.merge_choice.get(row)
                return next(
                    (i for i, (_l, pid) in enumerate(self.choices(row)) if pid == chosen), 0
                )
            return self._display(row, col, entry)
        if role == CHOICES_ROLE and col == ACTION:
            return [label for label, _pid in self.choices(row)]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == TITLE and entry.needs_review:
                return "Needs review: " + "; ".join(entry.review_reasons)
            if col == WARNINGS and entry.warnings:
                return "\n".join(entry.warnings)
            if col == ACTION and self.choices(row):
                return "Double-click to choose: add as new, or merge with a similar paper"
            text = self._display(row, col, entry)
            return text or None
        if role == Qt.ItemDataRole.ForegroundRole:
            muted = QApplication.palette().color(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
            if not self.checked[row]:
                return muted
            if col == TITLE and not entry.title:
                return QColor("#c0392b")
            if col == ACTION:
                item = self.items.get(row)
                if item is not None and item.action == "possible_duplicate":
                    return QColor("#d68910")
            return None
        return None

    def _display(self, row: int, col: int, entry: ParsedEntry) -> str:
        if col == TITLE:
            if entry.title:
                return entry.title
            return f"(no title) {entry.provisional_title or ''}".strip()
        if col == AUTHORS:
            text = ", ".join(entry.authors)
            if entry.authors_truncated:
                text += " et al." if text else "et al."
            if entry.author_count and entry.author_count > len(entry.authors):
                text += f" ({entry.author_count} authors)"
            return text
        if col == DATE:
            return entry.date or (str(entry.year) if entry.year else "")
        if col == IDS:
            ids = []
            if entry.arxiv_id:
                ids.append(f"arXiv:{entry.arxiv_id}")
            if entry.doi:
                ids.append(f"doi:{entry.doi}")
            return ", ".join(ids)
        if col == TOPICS:
            return ", ".join(entry.topics)
        if col == ACTION:
            return self.action_text(row)
        if col == WARNINGS:
            warnings = list(entry.warnings) + list(entry.review_reasons)
            return "; ".join(dict.fromkeys(warnings))
        return ""

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.row() >= len(self.entries):
            return False
        row, col = index.row(), index.column()
        entry = self.entries[row]
        if role == Qt.ItemDataRole.CheckStateRole and col == TITLE:
            state = value.value if hasattr(value, "value") else value
            self.checked[row] = state == Qt.CheckState.Checked.value
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
            return True
        if role != Qt.ItemDataRole.EditRole:
            return False
        text = " ".join(str(value).split())
        if col == TITLE:
            if not text:
                return False
            entry.title = text
            entry.review_reasons = [r for r in entry.review_reasons if "title" not in r.lower()]
            entry.needs_review = bool(entry.review_reasons)
        elif col == AUTHORS:
            entry.authors = [a.strip() for a in text.split(",") if a.strip()]
        elif col == DATE:
            if text and not _DATE.match(text):
                return False
            entry.date = text or None
            entry.year = int(text[:4]) if text else None
        elif col == ACTION:
            choices = self.choices(row)
            if not isinstance(value, int) or not 0 <= value < len(choices):
                return False
            pid = choices[value][1]
            if pid is None:
                self.merge_choice.pop(row, None)
            else:
                self.merge_choice[row] = pid
        else:
            return False
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        return True
