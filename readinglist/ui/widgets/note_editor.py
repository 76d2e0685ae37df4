"""Markdown note editor: plain-text editing with a rendered preview toggle.

Saving is debounced: ``save_requested(paper_id, text)`` fires ``DELAY_MS``
after the last keystroke, and at once when the paper changes or ``flush()``
is called (window close), so nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

DELAY_MS = 700


class NoteEditor(QWidget):
    save_requested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._paper_id: int | None = None
        self._saved_text = ""
        self._loading = False
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("noteEdit")
        self.editor.setPlaceholderText("Write a note in Markdown. It saves as you type.")
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.textChanged.connect(self._changed)
        self.preview = QTextBrowser()
        self.preview.setObjectName("notePreview")
        self.preview.setOpenExternalLinks(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.editor)
        self.stack.addWidget(self.preview)
        self.toggle = QToolButton()
        self.toggle.setObjectName("notePreviewToggle")
        self.toggle.setText("Preview")
        self.toggle.setCheckable(True)
        self.toggle.setToolTip("Switch between editing the Markdown and its preview")
        self.toggle.toggled.connect(self._toggle)
        self.state = QLabel("")
        self.state.setObjectName("noteState")
        self.state.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.flush)
        head = QHBoxLayout()
        title = QLabel("<b>Note</b>")
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.state)
        head.addWidget(self.toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.stack, 1)

    def set_note(self, paper_id: int | None, text: str) -> None:
        """Show another paper's note (saving the current one first)."""
        if paper_id != self._paper_id:
            self.flush()
        self._paper_id = paper_id
        self._saved_text = text
        self._loading = True
        try:
            if self.editor.toPlainText() != text:
                self.editor.setPlainText(text)
        finally:
            self._loading = False
        self.state.setText("")
        if self.toggle.isChecked():
            self.preview.setMarkdown(text)

    def text(self) -> str:
        return self.editor.toPlainText()

    def pending(self) -> bool:
        return self._timer.isActive()

    def flush(self) -> None:
        """Save now if there are unsaved changes."""
        self._timer.stop()
        text = self.editor.toPlainText()
        if self._paper_id is None or text == self._saved_text:
            return
        self._saved_text = text
        self.save_requested.emit(self._paper_id, text)
        self.state.setText("Saved")

    def _changed(self) -> None:
        if self._loading or self._paper_id is None:
            return
        self.state.setText("Editing…")
        self._timer.start()

    def _toggle(self, preview: bool) -> None:
        if preview:
            self.flush()
            self.preview.setMarkdown(self.editor.toPlainText())
            self.stack.setCurrentWidget(self.preview)
            self.toggle.setText("Edit")
        else:
            self.stack.setCurrentWidget(self.editor)
            self.toggle.setText("Preview")
