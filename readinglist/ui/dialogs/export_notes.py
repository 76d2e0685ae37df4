"""File ▸ Export notes…: Markdown notes for the selection, the view or everything.

Wraps ``readinglist.exporters.notes.export_notes`` in a background task with
a progress bar and Cancel; the summary line comes from the exporter.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from readinglist.library.types import PaperQuery

EXPORT_CHUNK = 500


def export_work(
    ids: list[int] | None, query: PaperQuery | None, folder: Path, wikilinks: bool
) -> Any:
    def work(library: Any, cancelled: Any, report: Any) -> Any:
        from readinglist.exporters.notes import export_notes

        paper_ids = ids if ids is not None else library.query_ids(query or PaperQuery())
        papers = []
        for start in range(0, len(paper_ids), EXPORT_CHUNK):
            if cancelled():
                break
            papers.extend(library.details(paper_ids[start : start + EXPORT_CHUNK]))
        return export_notes(
            papers,
            folder,
            wikilinks=wikilinks,
            progress=lambda done, total: report((done, total)),
            cancel=cancelled,
        )

    return work


class ExportNotesDialog(QDialog):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window_ = window
        self.task: Any = None
        self.setObjectName("exportNotesDialog")
        self.setWindowTitle("Export notes as Markdown")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        selected = window.selected_ids()
        self.scope_selection = QRadioButton(f"Selected papers ({len(selected)})")
        self.scope_selection.setEnabled(bool(selected))
        self.scope_view = QRadioButton(f"Papers in this view ({window.model.rowCount():,})")
        self.scope_all = QRadioButton("Every paper in the library")
        group = QButtonGroup(self)
        for button in (self.scope_selection, self.scope_view, self.scope_all):
            group.addButton(button)
        (self.scope_selection if selected else self.scope_view).setChecked(True)
        self.folder = QLineEdit(
            str(window.settings.value("export/folder", str(Path.home() / "reading-notes")))
        )
        self.folder.setObjectName("exportFolder")
        browse = QPushButton("Choose…")
        browse.clicked.connect(self._browse)
        self.wikilinks = QCheckBox("Link authors and topics as [[wikilinks]] with index notes")
        self.bar = QProgressBar()
        self.bar.hide()
        self.message = QLabel("Each paper becomes one .md file with YAML front matter.")
        self.message.setWordWrap(True)
        self.export_button = QPushButton("Export")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel("Folder:"))
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        for w in (self.scope_selection, self.scope_view, self.scope_all):
            layout.addWidget(w)
        layout.addLayout(folder_row)
        layout.addWidget(self.wikilinks)
        layout.addWidget(self.bar)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(560, 260)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Export notes to", self.folder.text())
        if folder:
            self.folder.setText(folder)

    def start(self) -> None:
        text = self.folder.text().strip()
        if not text:
            self.message.setText("Choose a folder to export to.")
            return
        folder = Path(text).expanduser()
        self.window_.settings.setValue("export/folder", str(folder))
        ids: list[int] | None = None
        query: PaperQuery | None = None
        if self.scope_selection.isChecked():
            ids = self.window_.selected_ids()
        elif self.scope_view.isChecked():
            ids = list(self.window_.model.ids)
        else:
            query = PaperQuery()
        self.export_button.setEnabled(False)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.message.setText("Exporting…")
        self.task = self.window_.runner.start(
            export_work(ids, query, folder, self.wikilinks.isChecked()),
            name="export notes",
            on_progress=self._progress,
            on_result=self._done,
            on_failed=self._failed,
        )

    def _progress(self, value: Any) -> None:
        done, total = value
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _done(self, result: Any) -> None:
        self.task = None
        self.bar.hide()
        self.message.setText(result.summary())
        self.cancel_button.setText("Close")

    def _failed(self, message: str) -> None:
        self.task = None
        self.bar.hide()
        self.message.setText(message)
        self.export_button.setEnabled(True)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.message.setText("Cancelling…")
            return
        self.reject()


def run_export_notes(window: Any) -> ExportNotesDialog:
    dialog = ExportNotesDialog(window)
    window._track(dialog)
    dialog.show()
    return dialog
