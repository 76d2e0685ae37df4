"""The sidebar tree: library states, tags, authors, topics and imports, with counts.

The data is gathered by :func:`load_sidebar_data` (plain Library calls, safe
to run in a worker thread) and applied to :class:`SidebarModel` in the GUI
thread.  Items carry a stable key ("lib:unread", "tag:ml", "author:12",
"topic:cs.CL", "batch:3") so the selection survives a refresh, and a
:class:`PaperQuery` describing the papers they stand for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication

from readinglist.library.types import (
    AuthorCount,
    BatchInfo,
    LibraryCounts,
    PaperQuery,
    TagInfo,
    TopicCount,
)

KEY_ROLE = Qt.ItemDataRole.UserRole + 10
QUERY_ROLE = Qt.ItemDataRole.UserRole + 11

AUTHOR_LIMIT = 300
BATCH_LIMIT = 60

# (key, label, counts attribute, query)
LIBRARY_ITEMS: tuple[tuple[str, str, str, PaperQuery], ...] = (
    ("lib:all", "All papers", "all", PaperQuery()),
    ("lib:unread", "Unread", "unread", PaperQuery(status="unread")),
    ("lib:queued", "Queued", "queued", PaperQuery(status="queued")),
    ("lib:reading", "Reading", "reading", PaperQuery(status="reading")),
    ("lib:read", "Read", "read", PaperQuery(status="read")),
    ("lib:starred", "Starred", "starred", PaperQuery(starred=True)),
    ("lib:recent", "Recently added", "recent", PaperQuery(added_within_days=7)),
    ("lib:review", "Needs review", "needs_review", PaperQuery(needs_review=True)),
    ("lib:trash", "Trash", "trash", PaperQuery(trashed=True)),
)
SECTIONS = (
    ("sec:library", "Library"),
    ("sec:tags", "Tags"),
    ("sec:authors", "Authors"),
    ("sec:topics", "Topics"),
    ("sec:imports", "Imports"),
)


@dataclass
class SidebarData:
    counts: LibraryCounts = field(default_factory=LibraryCounts)
    tags: list[TagInfo] = field(default_factory=list)
    authors: list[AuthorCount] = field(default_factory=list)
    topics: list[TopicCount] = field(default_factory=list)
    batches: list[BatchInfo] = field(default_factory=list)
    filter_text: str = ""


def load_sidebar_data(library: Any, filter_text: str = "") -> SidebarData:
    """Everything the sidebar shows (plain records; run it in any thread)."""
    text = filter_text.strip()
    needle = text.casefold()
    tags = [t for t in library.tags() if needle in t.name.casefold()]
    topics = [
        t
        for t in library.topics()
        if needle in t.code.casefold() or needle in (t.name or "").casefold()
    ]
    return SidebarData(
        counts=library.counts(),
        tags=tags,
        authors=list(library.authors(text or None, limit=AUTHOR_LIMIT)),
        topics=topics,
        batches=list(library.batches())[:BATCH_LIMIT],
        filter_text=text,
    )


def batch_label(batch: BatchInfo) -> str:
    """A batch as a label: "alphaxiv · Nov 23 16:40", or "PDFs · Nov 23 16:41"."""
    try:
        when = datetime.fromisoformat(batch.created_at).strftime("%b %d %H:%M")
    except (TypeError, ValueError):
        when = batch.created_at or ""
    if batch.kind == "pdf":
        what = "PDFs"
    else:
        what = (batch.format or batch.source_name or batch.kind or "import").replace("_", " ")
    label = f"{what} · {when}"
    if batch.undone:
        label += " (undone)"
    return label


class SidebarModel(QStandardItemModel):
    """Two columns: name and count.  Section headers are not selectable."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(0, 2, parent)
        self.setHorizontalHeaderLabels(["Name", "Count"])
        self._sections: dict[str, QStandardItem] = {}
        self._lib_items: dict[str, QStandardItem] = {}
        self._signatures: dict[str, list[tuple[str, str, int]]] = {}
        bold = QFont()
        bold.setBold(True)
        for key, label in SECTIONS:
            head = QStandardItem(label)
            head.setData(key, KEY_ROLE)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            head.setFont(bold)
            tail = QStandardItem("")
            tail.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.appendRow([head, tail])
            self._sections[key] = head
        lib = self._sections["sec:library"]
        for key, label, _attr, query in LIBRARY_ITEMS:
            item, count = self._leaf(key, label, query, 0)
            lib.appendRow([item, count])
            self._lib_items[key] = item

    @staticmethod
    def _leaf(
        key: str, label: str, query: PaperQuery, count: int, tip: str | None = None
    ) -> tuple[QStandardItem, QStandardItem]:
        item = QStandardItem(label)
        item.setData(key, KEY_ROLE)
        item.setData(query, QUERY_ROLE)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        item.setToolTip(tip or label)
        num = QStandardItem(str(count) if count else "")
        num.setData(key, KEY_ROLE)
        num.setData(query, QUERY_ROLE)
        num.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        num.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        muted = QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        num.setForeground(QBrush(muted))
        return item, num

    # -- updates --------------------------------------------------------------
    def apply(self, data: SidebarData) -> None:
        self.set_counts(data.counts)
        self._fill(
            "sec:tags",
            [
                (f"tag:{t.name}", t.name, t.paper_count, PaperQuery(tag=t.name), t.color, None)
                for t in data.tags
            ],
        )
        self._fill(
            "sec:authors",
            [
                (
                    f"author:{a.id}",
                    a.name,
                    a.paper_count,
                    PaperQuery(author_id=a.id),
                    None,
                    f"{a.name}: {a.paper_count} papers, {a.read_count} read",
                )
                for a in data.authors
            ],
        )
        self._fill(
            "sec:topics",
            [
                (
                    f"topic:{t.code}",
                    f"{t.name} ({t.code})" if t.name and t.name != t.code else t.code,
                    t.paper_count,
                    PaperQuery(topic=t.code),
                    None,
                    None,
                )
                for t in data.topics
            ],
        )
        self._fill(
            "sec:imports",
            [
                (
                    f"batch:{b.id}",
                    batch_label(b),
                    b.added + b.merged,
                    PaperQuery(batch_id=b.id),
                    None,
                    f"{batch_label(b)}: {b.added} added, {b.merged} merged, {b.skipped} skipped",
                )
                for b in data.batches
            ],
        )

    def set_counts(self, counts: LibraryCounts) -> None:
        for key, _label, attr, _query in LIBRARY_ITEMS:
            item = self._lib_items[key]
            value = getattr(counts, attr, 0)
            count_item = item.parent().child(item.row(), 1)
            text = str(value) if value else ""
            if count_item.text() != text:
                count_item.setText(text)

    def _fill(self, section: str, rows: list[tuple]) -> None:
        signature = [(r[0], r[1], r[2], r[4]) for r in rows]
        if self._signatures.get(section) == signature:
            return
        self._signatures[section] = signature
        head = self._sections[section]
        old = {head.child(i).data(KEY_ROLE): i for i in range(head.rowCount())}
        new_keys = [r[0] for r in rows]
        if list(old) == new_keys:  # same items: update texts in place
            for i, (_key, label, count, _q, color, tip) in enumerate(rows):
                item, num = head.child(i, 0), head.child(i, 1)
                if item.text() != label:
                    item.setText(label)
                item.setToolTip(tip or label)
                text = str(count) if count else ""
                if num.text() != text:
                    num.setText(text)
                self._set_color(item, color)
            return
        if head.rowCount():
            head.removeRows(0, head.rowCount())
        for key, label, count, query, color, tip in rows:
            item, num = self._leaf(key, label, query, count, tip)
            self._set_color(item, color)
            head.appendRow([item, num])

    @staticmethod
    def _set_color(item: QStandardItem, color: str | None) -> None:
        if color is None:
            return
        qc = QColor(color)
        if qc.isValid():
            item.setData(qc, Qt.ItemDataRole.DecorationRole)

    # -- lookups --------------------------------------------------------------
    def index_for_key(self, key: str) -> Any:
        for head in self._sections.values():
            if head.data(KEY_ROLE) == key:
                return head.index()
            for i in range(head.rowCount()):
                child = head.child(i)
                if child.data(KEY_ROLE) == key:
                    return child.index()
        return None

    def section_index(self, key: str) -> Any:
        return self._sections[key].index()
