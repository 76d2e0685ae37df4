"""PDF import dialog: a background import with progress, Cancel and results.

Wraps ``readinglist.importers.pdf.import_pdfs`` (a Qt-free generator) in a
Task: the worker owns its own Library; each PdfProgress updates the bar
("n of N"), the current file and the result list.  Password-protected files
are listed; when the run ends the user is asked for their passwords and
those files are imported again with them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from readinglist.library.types import PdfImportResult

STATUS_TEXT = {
    "added": "Added",
    "merged": "Merged",
    "duplicate": "Already in library",
    "error": "Failed",
}
STATUS_COLOUR = {
    "added": "#2e7d32",
    "merged": "#1565c0",
    "duplicate": "#757575",
    "error": "#c62828",
}


def pdf_import_work(paths: list[Path], passwords: dict[str, str] | None = None) -> Any:
    """Worker side: run the PDF importer, yielding its progress records."""

    def work(library: Any, cancelled: Any) -> Iterator[Any]:
        from readinglist.importers.pdf import import_pdfs

        kwargs: dict[str, Any] = {"cancel": cancelled}
        if passwords:
            kwargs["password_for"] = lambda p: passwords.get(str(Path(p)))
        results: list[PdfImportResult] = []
        for progress in import_pdfs(library, [Path(p) for p in paths], **kwargs):
            if getattr(progress, "result", None) is not None:
                results.append(progress.result)
            yield progress
        return results

    return work


class PdfImportDialog(QDialog):
    def __init__(self, window: Any, paths: list[Path]) -> None:
        super().__init__(window)
        self.window_ = window
        self.paths = [Path(p) for p in paths]
        self.setObjectName("pdfImportDialog")
        self.setWindowTitle("Importing PDFs")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(820, 480)
        self.task: Any = None
        self.results: list[PdfImportResult] = []
        self.finished_run = False
        self.encrypted: list[str] = []
        self.batch_ids: list[int] = []

        self.heading = QLabel("Preparing…")
        self.heading.setObjectName("pdfHeading")
        self.bar = QProgressBar()
        self.bar.setObjectName("pdfProgress")
        self.bar.setRange(0, 0)
        self.bar.setFormat("%v of %m")
        self.current = QLabel("")
        self.current.setObjectName("pdfCurrent")
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.list = QTreeWidget()
        self.list.setObjectName("pdfResults")
        self.list.setHeaderLabels(["File", "Result", "Title or reason"])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.list.header().resizeSection(0, 260)
        self.list.header().resizeSection(1, 130)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("pdfCancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton("Close")
        self.close_button.setObjectName("pdfClose")
        self.close_button.clicked.connect(self.accept)
        self.close_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.bar)
        layout.addWidget(self.current)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    # -- running ----------------------------------------------------------------------
    def start(self, passwords: dict[str, str] | None = None) -> None:
        self.finished_run = False
        self.cancel_button.setEnabled(True)
        self.close_button.setEnabled(False)
        self.heading.setText("Importing PDFs… the window stays usable meanwhile.")
        self.task = self.window_.runner.start(
            pdf_import_work(
                self.paths if not passwords else [Path(p) for p in passwords], passwords
            ),
            name="import PDFs",
            on_progress=self._progress,
            on_result=self._done,
            on_failed=self._failed,
            on_changed=self.window_.on_worker_change,
        )

    def cancel(self) -> None:
        if self.task is not None and not self.finished_run:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.heading.setText("Cancelling after the current file…")

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        self.cancel()
        super().closeEvent(event)

    def reject(self) -> None:
        self.cancel()
        super().reject()

    def _progress(self, progress: Any) -> None:
        total = int(getattr(progress, "total", 0) or 0)
        done = int(getattr(progress, "done", 0) or 0)
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        current = getattr(progress, "path", None) or getattr(progress, "current", None)
        if current:
            self.current.setText(f"{done} of {total} read · {Path(str(current)).name}")
        result = getattr(progress, "result", None)
        if result is not None:
            self._add_result(result)

    def _add_result(self, result: PdfImportResult) -> None:
        self.results.append(result)
        if result.encrypted and result.status == "error":
            self.encrypted.append(result.path)
        status = STATUS_TEXT.get(result.status, result.status)
        if result.encrypted and result.status == "error":
            status = "Needs password"
        detail = result.error if result.status == "error" else (result.title or "(no title found)")
        item = QTreeWidgetItem([Path(result.path).name, status, detail or ""])
        item.setToolTip(0, result.path)
        item.setToolTip(2, "\n".join([detail or "", *result.warnings]).strip())
        item.setForeground(1, QBrush(QColor(STATUS_COLOUR.get(result.status, "#757575"))))
        self.list.addTopLevelItem(item)
        self.list.scrollToItem(item)

    def summary(self) -> dict[str, int]:
        counts = {"added": 0, "merged": 0, "duplicate": 0, "error": 0}
        for r in self.results:
            counts[r.status] = counts.get(r.status, 0) + 1
        return counts

    def _done(self, _results: Any) -> None:
        self._finish()
        if self.encrypted:
            self.ask_passwords()

    def _failed(self, message: str) -> None:
        self._finish()
        self.heading.setText(f"The import stopped: {message}")

    def _finish(self) -> None:
        self.finished_run = True
        self.cancel_button.setEnabled(False)
        self.close_button.setEnabled(True)
        cancelled = self.task is not None and self.task.is_cancelled()
        c = self.summary()
        failed = c["error"]
        words = [f"{c['added']} added", f"{c['merged']} merged"]
        if c["duplicate"]:
            words.append(f"{c['duplicate']} already in the library")
        words.append(f"{failed} failed")
        prefix = "Cancelled" if cancelled else "Done"
        self.heading.setText(f"{prefix}: " + ", ".join(words) + ".")
        if self.bar.maximum() == 0:
            self.bar.setRange(0, 1)
            self.bar.setValue(1 if not cancelled else 0)
        self.current.setText("")
        ids = [r.id for r in self.results if r.id is not None and r.status in ("added", "merged")]
        if ids and self.window_ is not None:
            self.window_.pdf_import_finished(self, ids)

    def ask_passwords(self) -> None:
        """Prompt for each password-protected file, then import those again."""
        passwords: dict[str, str] = {}
        pending, self.encrypted = self.encrypted, []
        for path in pending:
            text, ok = QInputDialog.getText(
                self,
                "Password needed",
                f"{Path(path).name} is password protected.\nPassword (leave empty to skip):",
                QLineEdit.EchoMode.Password,
            )
            if ok and text:
                passwords[str(Path(path))] = text
        if passwords:
            self.results = [r for r in self.results if str(Path(r.path)) not in passwords]
            for i in reversed(range(self.list.topLevelItemCount())):
                item = self.list.topLevelItem(i)
                if str(Path(item.toolTip(0))) in passwords:
                    self.list.takeTopLevelItem(i)
            self.start(passwords)
