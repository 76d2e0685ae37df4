"""The main window's import, export and drag-and-drop entry points.

A mixin for :class:`MainWindow`: opening the paste and PDF import dialogs,
files opened from outside (``open_files``: "Open with", a second launch),
accepting dropped PDFs / folders (and dropped text, as a paste), recording
finished imports for Undo, and File ▸ Export notes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QFileDialog

from readinglist.library.errors import LibraryError


class ImportsMixin:
    # -- imports ------------------------------------------------------------------
    def open_paste_dialog(self, text: str | None = None) -> Any:
        from readinglist.ui.dialogs.paste_import import PasteImportDialog

        if text is None:
            text = QGuiApplication.clipboard().text()
        dialog = PasteImportDialog(self, text)
        self._track(dialog)
        dialog.show()
        return dialog

    def choose_pdfs(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, "Import PDFs", str(Path.home()), "PDF files (*.pdf *.PDF)"
        )
        if files:
            self.import_pdfs([Path(f) for f in files])

    def choose_pdf_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Import a folder of PDFs", str(Path.home()))
        if folder:
            self.import_pdfs([Path(folder)])

    def import_pdfs(self, paths: list[Path]) -> Any:
        from readinglist.ui.dialogs.pdf_import import PdfImportDialog

        dialog = PdfImportDialog(self, paths)
        self._track(dialog)
        dialog.show()
        dialog.start()
        return dialog

    def open_files(self, paths: list[Path]) -> Any:
        """Files opened from outside ("Open with", a second launch, the Finder).

        PDFs and folders go to the PDF import dialog; anything else is named
        in the status bar.  Returns the dialog, or None when nothing fits.
        """
        usable = [p for p in paths if p.is_dir() or (p.is_file() and p.suffix.lower() == ".pdf")]
        skipped = [p for p in paths if p not in usable]
        if skipped:
            names = ", ".join(p.name or str(p) for p in skipped[:3])
            more = f" and {len(skipped) - 3} more" if len(skipped) > 3 else ""
            what = "is not a PDF or folder" if len(skipped) == 1 else "are not PDFs or folders"
            self.statusBar().showMessage(f"Not imported: {names}{more} {what}.", 10000)
        if not usable:
            return None
        return self.import_pdfs(usable)

    def _track(self, dialog: Any) -> None:
        self.dialogs.append(dialog)
        dialog.finished.connect(
            lambda _r, d=dialog: self.dialogs.remove(d) if d in self.dialogs else None
        )

    def import_finished(self, batch_id: int | None, label: str) -> None:
        """Called by the import dialogs: remember the batch for Undo."""
        if batch_id is None:
            return
        self.push_undo(label, lambda: self.undo_batch(batch_id), ("batch", batch_id))

    def pdf_import_finished(self, dialog: Any, ids: list[int]) -> None:
        """A PDF run added or merged papers: its batch can be undone."""
        try:
            batch = next((b for b in self.library.batches() if b.kind == "pdf"), None)
        except LibraryError:
            batch = None
        if batch is not None and not batch.undone:
            self.import_finished(batch.id, "Import PDFs")
        self.statusBar().showMessage(dialog.heading.text(), 10000)

    def export_notes(self) -> Any:
        from readinglist.ui.dialogs.export_notes import run_export_notes

        return run_export_notes(self)

    # -- drag and drop --------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        mime = event.mimeData()
        if pdf_paths(mime) or (mime.hasText() and not mime.hasUrls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        mime = event.mimeData()
        paths = pdf_paths(mime)
        if paths:
            event.acceptProposedAction()
            self.import_pdfs(paths)
        elif mime.hasText():
            event.acceptProposedAction()
            self.open_paste_dialog(mime.text())
        else:
            event.ignore()


def pdf_paths(mime: Any) -> list[Path]:
    """Local PDF files and folders among dropped URLs."""
    out: list[Path] = []
    if not mime.hasUrls():
        return out
    for url in mime.urls():
        if not url.isLocalFile():
            continue
        path = Path(url.toLocalFile())
        if path.is_dir() or path.suffix.lower() == ".pdf":
            out.append(path)
    return out
