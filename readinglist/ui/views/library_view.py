"""Library view: the paper table, a page header, and the empty states.

The header names the page being shown (an author's name with paper counts,
a topic, a tag, an import) above the same table; the table gives way to a
first-run welcome (how to start) or a "nothing matches" message with search
hints when there is nothing to show.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from readinglist.ui.models.paper_table import COLUMNS, PaperTableModel, column_of

TITLE_MIN = 160  # px the title column keeps before other columns narrow
SEARCH_HINT = (
    "Search looks in titles, authors, abstracts, notes and PDF text. "
    "Narrow it with <b>author:</b>name, <b>topic:</b>cs.CL, <b>tag:</b>name, "
    "<b>status:</b>queued, <b>year:</b>2024."
)


class PaperTable(QTableView):
    """The table itself: rows of equal height, sorting delegated to the model."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paperTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vh = self.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 8)
        hh = self.horizontalHeader()
        hh.setSectionsMovable(True)
        hh.setHighlightSections(False)
        hh.setStretchLastSection(False)
        hh.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        hh.customContextMenuRequested.connect(self._header_menu)

    def apply_default_columns(self) -> None:
        """Title takes the room left; the other columns get compact widths."""
        hh = self.horizontalHeader()
        widths = {
            "star": 26,
            "authors": 170,
            "date": 80,
            "topics": 62,
            "status": 66,
            "tags": 90,
            "added": 84,
        }
        for key, width in widths.items():
            hh.resizeSection(column_of(key), width)
        for i, col in enumerate(COLUMNS):
            hh.setSectionHidden(i, not col[3])
        hh.setMinimumSectionSize(24)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(column_of("title"), QHeaderView.ResizeMode.Stretch)
        self.fit_title()

    def column_actions_menu(self, parent: QWidget | None = None) -> QMenu:
        menu = QMenu("Columns", parent or self)
        hh = self.horizontalHeader()
        for i, (key, label, _sort, _shown) in enumerate(COLUMNS):
            if key == "title":
                continue
            action = menu.addAction("Starred" if key == "star" else label)
            action.setCheckable(True)
            action.setChecked(not hh.isSectionHidden(i))
            action.toggled.connect(lambda on, i=i: hh.setSectionHidden(i, not on))
        return menu

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        super().paintEvent(event)
        painted = getattr(self.model(), "screen_painted", None)
        if painted is not None:
            painted()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.fit_title()

    def fit_title(self) -> None:
        """Keep the title readable in a narrow table: narrow other columns first.

        Title stretches into the room the other columns leave; when that is
        under ~40 % of the table, tags, authors, topics and date give up
        width (down to a floor each).  Widening the window gives the room
        back to the title.
        """
        hh = self.horizontalHeader()
        title = column_of("title")
        avail = self.viewport().width()
        if avail <= 0 or hh.count() <= title:
            return
        others = sum(
            hh.sectionSize(i) for i in range(hh.count()) if i != title and not hh.isSectionHidden(i)
        )
        short = max(TITLE_MIN, int(avail * 0.4)) - (avail - others)
        for key, floor in (("tags", 56), ("authors", 90), ("topics", 48), ("added", 76)):
            if short <= 0:
                break
            col = column_of(key)
            size = hh.sectionSize(col)
            cut = 0 if hh.isSectionHidden(col) else min(short, max(0, size - floor))
            if cut:
                hh.resizeSection(col, size - cut)
                short -= cut

    def _header_menu(self, pos: QPoint) -> None:
        menu = self.column_actions_menu(self)
        menu.exec(self.horizontalHeader().mapToGlobal(pos))
        menu.deleteLater()


class WelcomePage(QWidget):
    """First run: what the app is for and the two ways to start."""

    paste_clicked = Signal()
    pdfs_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        title = QLabel("<h2>Your reading list is empty</h2>")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            "Start by pasting a listing: copy a page of papers (an arXiv listing, an "
            "author's profile, Google Scholar results, BibTeX, or a list of arXiv ids or "
            "DOIs) and press <b>Ctrl+V</b> here.<br><br>"
            "Or drop PDF files or a folder of PDFs onto this window."
        )
        text.setObjectName("welcomeText")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setMaximumWidth(520)
        paste = QPushButton("Paste listing…")
        paste.setObjectName("welcomePaste")
        paste.clicked.connect(self.paste_clicked)
        pdfs = QPushButton("Import PDFs…")
        pdfs.setObjectName("welcomePdfs")
        pdfs.clicked.connect(self.pdfs_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(paste)
        buttons.addWidget(pdfs)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(2)


class LibraryView(QWidget):
    """Header + (table | welcome | no results)."""

    def __init__(self, model: PaperTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.header = QLabel()
        self.header.setObjectName("pageHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setContentsMargins(8, 6, 8, 6)
        self.header.hide()
        self.table = PaperTable()
        self.table.setModel(model)
        self.table.apply_default_columns()
        self.welcome = WelcomePage()
        self.empty = QLabel()
        self.empty.setObjectName("emptyResult")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setTextFormat(Qt.TextFormat.RichText)
        self.empty.setMargin(24)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)

    def set_header(self, html_text: str | None) -> None:
        self.header.setVisible(bool(html_text))
        self.header.setText(html_text or "")

    def show_table(self) -> None:
        self.stack.setCurrentWidget(self.table)

    def show_welcome(self) -> None:
        self.stack.setCurrentWidget(self.welcome)

    def show_empty(self, message_html: str) -> None:
        self.empty.setText(message_html)
        self.stack.setCurrentWidget(self.empty)

    def state(self) -> str:
        current = self.stack.currentWidget()
        if current is self.welcome:
            return "welcome"
        if current is self.empty:
            return "empty"
        return "table"
