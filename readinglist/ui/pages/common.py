"""What the author, topic and tag pages share.

* ``FlowLayout``: widgets laid out left to right, wrapping like words.
* ``ChipFlow``: a wrapped row of clickable chips ("cs.CL  6", "Liang Ding  5"),
  the first ``limit`` shown with a "+N more" chip to reveal the rest; a chip
  click emits ``activated(payload)``.
* ``PageBase``: a title and summary (hidden when the main window already
  shows them above the table), a read-progress bar, the papers-per-year chart
  and titled chip sections; colours come from the palette (light and dark).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from readinglist.ui.widgets.year_chart import YearChart

CHIP_STYLE = """
QToolButton#chip {
    border: 1px solid palette(mid); border-radius: 9px; padding: 1px 8px;
    background: palette(base); color: palette(text);
}
QToolButton#chip:hover { background: palette(highlight); color: palette(highlighted-text); }
QToolButton#moreChip { border: none; padding: 1px 4px; color: palette(link); }
"""


class FlowLayout(QLayout):
    """Children placed in rows, wrapping at the right edge."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt API
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt API
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt API
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt API
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect: QRect, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line > 0:
                x = rect.x()
                y += line + self._spacing
                line = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()


class ChipFlow(QWidget):
    """Clickable chips with counts; ``activated`` carries the chip's payload."""

    activated = Signal(object)

    def __init__(self, limit: int = 16, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = limit
        self._flow = FlowLayout(self)
        self._items: list[tuple[str, int | None, Any, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def set_items(self, items: Sequence[tuple[str, int | None, Any, str]], *,
                  expanded: bool = False) -> None:
        """(label, count or None, payload, tooltip) per chip."""
        self._items = list(items)
        while (item := self._flow.takeAt(0)) is not None:
            if item.widget() is not None:
                item.widget().deleteLater()
        shown = self._items if expanded else self._items[: self.limit]
        for label, count, payload, tip in shown:
            chip = QToolButton(self)
            chip.setObjectName("chip")
            chip.setText(f"{label}  {count}" if count is not None else label)
            chip.setToolTip(tip)
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            chip.setProperty("payload", payload)
            chip.clicked.connect(lambda _=False, p=payload: self.activated.emit(p))
            self._flow.addWidget(chip)
        hidden = len(self._items) - len(shown)
        if hidden > 0:
            more = QToolButton(self)
            more.setObjectName("moreChip")
            more.setText(f"+{hidden} more")
            more.setCursor(Qt.CursorShape.PointingHandCursor)
            more.clicked.connect(lambda: self.set_items(self._items, expanded=True))
            self._flow.addWidget(more)
        self.updateGeometry()

    def chips(self) -> list[QToolButton]:
        return [w for w in self.findChildren(QToolButton, "chip") if not w.isHidden()]

    def chip_for(self, payload: Any) -> QToolButton | None:
        return next((c for c in self.chips() if c.property("payload") == payload), None)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        return self._flow.heightForWidth(width)


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def summary_text(stats: Any) -> str:
    parts = [plural(stats.paper_count, "paper"), f"{stats.read_count:,} read",
             f"{stats.queued_count:,} queued"]
    if stats.reading_count:
        parts.append(f"{stats.reading_count:,} reading")
    if stats.first_year:
        parts.append(str(stats.first_year) if stats.first_year == stats.last_year
                     else f"{stats.first_year}–{stats.last_year}")
    return " · ".join(parts)


class PageBase(QFrame):
    """Title, progress, chart and chip sections; subclasses fill them."""

    author_activated = Signal(int, str)
    topic_activated = Signal(str)
    tag_activated = Signal(str)

    def __init__(self, show_title: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(CHIP_STYLE)
        self.show_title = show_title
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("pageSummary")
        self.subtitle.setWordWrap(True)
        self.title.setVisible(show_title)
        self.subtitle.setVisible(show_title)
        self.progress = QProgressBar()
        self.progress.setObjectName("readProgress")
        self.progress.setTextVisible(True)
        self.progress.setMaximumHeight(16)
        self.chart = YearChart()
        self.extra = QLabel()  # profile line, renamed note, ...
        self.extra.setObjectName("pageExtra")
        self.extra.setWordWrap(True)
        self.extra.setTextFormat(Qt.TextFormat.RichText)
        self.extra.hide()

        left = QVBoxLayout()
        left.setSpacing(4)
        left.addWidget(self.title)
        left.addWidget(self.subtitle)
        left.addWidget(self.extra)
        left.addWidget(self.progress)
        left.addWidget(self.chart, 1)

        self._sections = QVBoxLayout()
        self._sections.setSpacing(2)
        holder = QWidget()
        holder.setLayout(self._sections)
        self._sections.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll = scroll

        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 6)
        row.addLayout(left, 5)
        row.addWidget(scroll, 6)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(220 if not show_title else 270)

    def add_section(self, title: str, limit: int = 16) -> tuple[QLabel, ChipFlow]:
        label = QLabel(f"<b>{title}</b>")
        label.setObjectName("sectionTitle")
        flow = ChipFlow(limit)
        at = self._sections.count() - 1  # before the stretch
        self._sections.insertWidget(at, label)
        self._sections.insertWidget(at + 1, flow)
        return label, flow

    def add_widget(self, widget: QWidget) -> None:
        self._sections.insertWidget(self._sections.count() - 1, widget)

    @staticmethod
    def fill(label: QLabel, flow: ChipFlow, items: Sequence[tuple[str, int | None, Any, str]]
             ) -> None:
        label.setVisible(bool(items))
        flow.setVisible(bool(items))
        flow.set_items(items)

    def show_stats(self, title: str, stats: Any) -> None:
        self.title.setText(title)
        self.subtitle.setText(summary_text(stats))
        live = stats.paper_count - stats.status_counts.get("dropped", 0)
        self.progress.setMaximum(max(1, live))
        self.progress.setValue(min(stats.read_count, max(1, live)))
        self.progress.setFormat(f"{stats.read_count:,} of {live:,} read"
                                f" ({round(100 * stats.read_fraction)}%)")
        self.chart.set_years(stats.years)

    def show_extra(self, html_text: str) -> None:
        self.extra.setText(html_text)
        self.extra.setVisible(bool(html_text))
