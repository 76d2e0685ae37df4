"""Paste import dialog: pasted text -> detected format -> live preview -> import.

The text (from the clipboard, editable) is parsed by the listing parsers and
matched against the library in a background task while the user types; the
preview table shows each entry with a checkbox, editable fields and what
importing it will do.  Options add tags to every entry and set a status.
Import runs ``Library.import_parsed`` in a worker, then a summary (added /
merged / skipped) offers Undo.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from readinglist.core.entry import ParseContext, ParseResult
from readinglist.library.types import STATUSES, ImportReport
from readinglist.ui.models.paper_table import STATUS_LABELS
from readinglist.ui.models.preview import (
    ACTION,
    AUTHORS,
    CHOICES_ROLE,
    DATE,
    IDS,
    TITLE,
    TOPICS,
    PreviewModel,
)
from readinglist.ui.widgets.tag_editor import split_tags

PARSE_DELAY_MS = 300
FORMAT_NAMES = {
    "arxiv_listing": "arXiv listing",
    "alphaxiv": "alphaXiv page",
    "alphaxiv_compact": "alphaXiv page",
    "hf_daily": "Hugging Face daily papers",
    "scholar": "Google Scholar results",
    "bibtex": "BibTeX",
    "ris": "RIS",
    "ids": "list of identifiers",
    "references": "reference list",
    "abstracts": "abstracts",
    "generic": "plain text",
    "empty": "nothing",
}


def format_name(fmt: str) -> str:
    return FORMAT_NAMES.get(fmt, fmt.replace("_", " "))


def parse_and_preview(library: Any, text: str, reference: date) -> tuple[ParseResult, list]:
    """Worker side: parse the text, then ask the library what importing would do."""
    from readinglist.importers.listing.detect import parse_text

    result = parse_text(text, ParseContext(reference_date=reference))
    items = library.preview_import(result) if result.entries else []
    return result, list(items)


class ActionDelegate(QStyledItemDelegate):
    """A combo box for the "Import as" column of possible duplicates."""

    def createEditor(self, parent: QWidget, option: Any, index: QModelIndex) -> QWidget:  # noqa: N802
        choices = index.data(CHOICES_ROLE) or []
        if index.column() != ACTION or not choices:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.addItems(choices)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(int(index.data(Qt.ItemDataRole.EditRole) or 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentIndex(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class PasteImportDialog(QDialog):
    def __init__(self, window: Any, text: str = "") -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("pasteImportDialog")
        self.setWindowTitle("Import pasted listing")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1100, 720)
        self._generation = 0
        self._parsing = False
        self.report: ImportReport | None = None
        self.undone = False

        self.source = QPlainTextEdit()
        self.source.setObjectName("pasteText")
        self.source.setPlaceholderText(
            "Paste a listing here: an arXiv listing, an author profile, Google Scholar "
            "results, Hugging Face daily papers, BibTeX, RIS, or a list of arXiv ids / DOIs."
        )
        self.source.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.reference = QDateEdit(date.today())
        self.reference.setObjectName("referenceDate")
        self.reference.setCalendarPopup(True)
        self.reference.setDisplayFormat("yyyy-MM-dd")
        self.reference.setToolTip(
            'Dates shown without a year ("Jan 20") are taken as the latest such date not after this day.'
        )
        self.format_label = QLabel("")
        self.format_label.setObjectName("detectedFormat")
        self.format_label.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.hide()

        self.model = PreviewModel(self)
        self.table = QTableView()
        self.table.setObjectName("previewTable")
        self.table.setModel(self.model)
        self.table.setItemDelegate(ActionDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        hh = self.table.horizontalHeader()
        for col, width in (
            (TITLE, 340),
            (AUTHORS, 200),
            (DATE, 86),
            (IDS, 130),
            (TOPICS, 70),
            (ACTION, 280),
        ):
            hh.resizeSection(col, width)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        hh.setStretchLastSection(True)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.model.dataChanged.connect(lambda *_a: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)

        self.warnings = QLabel("")
        self.warnings.setObjectName("parseWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)

        self.tags = QLineEdit()
        self.tags.setObjectName("importTags")
        self.tags.setPlaceholderText("tags for every imported paper, comma separated")
        known = getattr(window, "last_sidebar", None)
        completer = QCompleter(
            QStringListModel([t.name for t in known.tags] if known else []), self
        )
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(completer)
        self.status = QComboBox()
        self.status.setObjectName("importStatus")
        self.status.addItem("Leave status as is", None)
        for status in STATUSES:
            self.status.addItem(f"Mark as {STATUS_LABELS[status].lower()}", status)

        self.select_all = QPushButton("Select all")
        self.select_all.clicked.connect(lambda: self.model.set_all_checked(True))
        self.select_none = QPushButton("Select none")
        self.select_none.clicked.connect(lambda: self.model.set_all_checked(False))
        self.import_button = QPushButton("Import")
        self.import_button.setObjectName("importButton")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.do_import)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.reject)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(QLabel("<b>Pasted text</b>"))
        head.addStretch(1)
        head.addWidget(QLabel("Dates without a year are before"))
        head.addWidget(self.reference)
        top_layout.addLayout(head)
        top_layout.addWidget(self.source)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        fmt_row = QHBoxLayout()
        fmt_row.addWidget(self.format_label, 1)
        fmt_row.addWidget(self.busy)
        bottom_layout.addLayout(fmt_row)
        bottom_layout.addWidget(self.table, 1)
        bottom_layout.addWidget(self.warnings)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([200, 480])

        options = QHBoxLayout()
        options.addWidget(self.select_all)
        options.addWidget(self.select_none)
        options.addSpacing(16)
        options.addWidget(QLabel("Tags:"))
        options.addWidget(self.tags, 1)
        options.addWidget(self.status)
        options.addSpacing(16)
        options.addWidget(self.cancel_button)
        options.addWidget(self.import_button)

        form = QWidget()
        form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(splitter, 1)
        form_layout.addLayout(options)

        self.summary = QLabel("")
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.undo_button = QPushButton("Undo this import")
        self.undo_button.setObjectName("undoImport")
        self.undo_button.clicked.connect(self.undo_import)
        self.close_button = QPushButton("Close")
        self.close_button.setObjectName("closeSummary")
        self.close_button.clicked.connect(self.accept)
        done = QWidget()
        done_layout = QVBoxLayout(done)
        done_layout.addStretch(1)
        done_layout.addWidget(self.summary)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        done_layout.addLayout(buttons)
        done_layout.addStretch(2)

        self.pages = QStackedWidget()
        self.pages.addWidget(form)
        self.pages.addWidget(done)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PARSE_DELAY_MS)
        self._timer.timeout.connect(self.reparse)
        self.source.textChanged.connect(self._timer.start)
        self.reference.dateChanged.connect(lambda _d: self._timer.start())
        self.source.setPlainText(text)
        self._timer.stop()
        self.reparse()

    # -- parsing --------------------------------------------------------------------
    def reparse(self) -> None:
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        text = self.source.toPlainText()
        reference = self.reference.date().toPython()
        self._parsing = True
        self.busy.show()
        self._update_buttons()
        self.window_.runner.start(
            lambda lib, _c: parse_and_preview(lib, text, reference),
            name="parse paste",
            on_result=lambda out: self._parsed(generation, out),
            on_failed=lambda msg: self._parse_failed(generation, msg),
        )

    def ready(self) -> bool:
        """True when the preview shows the current text."""
        return not self._parsing and not self._timer.isActive()

    def _parsed(self, generation: int, out: tuple[ParseResult, list]) -> None:
        if generation != self._generation:
            return
        result, items = out
        self._parsing = False
        self.busy.hide()
        self.model.set_result(result, items)
        n = len(result.entries)
        text = f"Detected format: <b>{format_name(result.format)}</b> · {n} entr{'y' if n == 1 else 'ies'}"
        if result.profile and result.profile.get("name"):
            text += (
                f" · profile of <b>{result.profile['name']}</b> (added as an author of every entry)"
            )
        review = sum(1 for e in result.entries if e.needs_review)
        if review:
            text += f" · <span style='color:#c0392b'>{review} need review (double-click a cell to edit)</span>"
        self.format_label.setText(text)
        self.warnings.setText("\n".join(f"⚠ {w}" for w in result.warnings))
        self.warnings.setVisible(bool(result.warnings))
        self._update_buttons()

    def _parse_failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._parsing = False
        self.busy.hide()
        self.model.set_result(None, [])
        self.format_label.setText("The text could not be read.")
        self.warnings.setText(message)
        self.warnings.show()
        self._update_buttons()

    def _update_buttons(self) -> None:
        counts = self.model.action_counts()
        selected = len(self.model.selected())
        parts = []
        if counts["new"] or counts["possible_duplicate"]:
            parts.append(f"{counts['new'] + counts['possible_duplicate']} new")
        if counts["merge"]:
            parts.append(f"{counts['merge']} to merge")
        label = f"Import {selected}" + (f" ({', '.join(parts)})" if parts else "")
        self.import_button.setText(label if selected else "Import")
        self.import_button.setEnabled(bool(selected) and not self._parsing)

    # -- importing --------------------------------------------------------------------
    def do_import(self) -> None:
        result = self.model.result
        if result is None or not self.model.selected() or self._parsing:
            return
        text = self.source.toPlainText()
        selected = self.model.selected()
        merge_into = {i: pid for i, pid in self.model.merge_choice.items() if i in selected}
        tags = split_tags(self.tags.text())
        status = self.status.currentData()
        self.import_button.setEnabled(False)
        self.busy.show()
        self.format_label.setText("Importing…")
        self.window_.runner.start(
            lambda lib, _c: lib.import_parsed(
                result,
                raw_text=text,
                kind="paste",
                source_name=format_name(result.format),
                tags=tags,
                status=status,
                selected=selected,
                merge_into=merge_into,
            ),
            name="import paste",
            on_result=self._imported,
            on_failed=self._import_failed,
            on_changed=self.window_.on_worker_change,
        )

    def _imported(self, report: ImportReport) -> None:
        self.report = report
        self.busy.hide()
        self.window_.import_finished(report.batch_id, "Import")
        lines = [
            f"<h3>Imported</h3><p>{len(report.added)} added · {len(report.merged)} merged · "
            f"{report.skipped} skipped</p>"
        ]
        if report.warnings:
            lines.append("<p>" + "<br>".join(f"⚠ {w}" for w in report.warnings[:8]) + "</p>")
        self.summary.setText("".join(lines))
        self.undo_button.setEnabled(report.batch_id is not None)
        self.pages.setCurrentIndex(1)
        self.close_button.setFocus()

    def _import_failed(self, message: str) -> None:
        self.busy.hide()
        self.format_label.setText("The import did not happen; your library is unchanged.")
        self.warnings.setText(message)
        self.warnings.show()
        self._update_buttons()

    def undo_import(self) -> None:
        if self.report is None or self.report.batch_id is None or self.undone:
            return
        self.window_.undo_batch(self.report.batch_id)
        self.undone = True
        self.undo_button.setEnabled(False)
        self.summary.setText(self.summary.text() + "<p><b>Import undone.</b></p>")
