"""Detail pane: everything about the selected paper, with its controls.

Shows title, authors (each a link to the author page), date, topics, ids as
links (arXiv abstract page, DOI, code), abstract, status, star, tags, the
Markdown note and the PDF thumbnail with Open / Show in folder.  It never
writes itself: it emits signals that the main window turns into Library calls.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPalette, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from readinglist.library.types import STATUSES, PaperDetail
from readinglist.ui.models.paper_table import STATUS_LABELS
from readinglist.ui.widgets.note_editor import NoteEditor
from readinglist.ui.widgets.tag_editor import TagEditor

THUMB_WIDTH = 150


def _link(href: str, text: str) -> str:
    return f"<a href='{html.escape(href, quote=True)}'>{html.escape(text)}</a>"


def arxiv_url(arxiv_id: str) -> str:
    return f"https://arxiv.org/abs/{arxiv_id}"


def doi_url(doi: str) -> str:
    return f"https://doi.org/{doi}"


class DetailPane(QWidget):
    status_chosen = Signal(int, str)
    star_toggled = Signal(int, bool)
    tags_added = Signal(int, list)
    tag_removed = Signal(int, str)
    note_changed = Signal(int, str)
    author_activated = Signal(int, str)
    edit_title_requested = Signal(int)
    restore_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: PaperDetail | None = None
        self._updating = False

        self.placeholder = QLabel("Select a paper to see its details.")
        self.placeholder.setObjectName("detailPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)

        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)

        self.review = QLabel()
        self.review.setObjectName("detailReview")
        self.review.setWordWrap(True)
        self.review.linkActivated.connect(self._review_link)

        self.authors = QLabel()
        self.authors.setObjectName("detailAuthors")
        self.authors.setWordWrap(True)
        self.authors.setTextFormat(Qt.TextFormat.RichText)
        self.authors.linkActivated.connect(self._author_link)

        self.meta = QLabel()
        self.meta.setObjectName("detailMeta")
        self.meta.setWordWrap(True)
        self.meta.setTextFormat(Qt.TextFormat.RichText)
        self.meta.setOpenExternalLinks(True)

        self.status = QComboBox()
        self.status.setObjectName("detailStatus")
        for status in STATUSES:
            self.status.addItem(STATUS_LABELS[status], status)
        self.status.setToolTip("Read status (keys 1-5 or U/Q/R/D)")
        self.status.currentIndexChanged.connect(self._status_changed)
        self.star = QToolButton()
        self.star.setObjectName("detailStar")
        self.star.setCheckable(True)
        self.star.setToolTip("Star (S)")
        self.star.toggled.connect(self._star_changed)
        self.restore = QPushButton("Restore from trash")
        self.restore.setObjectName("detailRestore")
        self.restore.clicked.connect(self._restore)
        controls = QHBoxLayout()
        controls.addWidget(QLabel("Status:"))
        controls.addWidget(self.status)
        controls.addWidget(self.star)
        controls.addStretch(1)
        self.restore.hide()  # shown for trashed papers only (own row: the pane stays narrow)

        self.tag_editor = TagEditor()
        self.tag_editor.tags_added.connect(self._tags_added)
        self.tag_editor.tag_removed.connect(self._tag_removed)

        self.abstract = QLabel()
        self.abstract.setObjectName("detailAbstract")
        self.abstract.setWordWrap(True)
        self.abstract.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.abstract.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.thumb = QLabel()
        self.thumb.setObjectName("detailThumb")
        self.thumb.setFrameShape(QFrame.Shape.StyledPanel)
        self.open_pdf = QPushButton("Open PDF")
        self.open_pdf.setObjectName("detailOpenPdf")
        self.open_pdf.clicked.connect(self._open_pdf)
        self.show_folder = QPushButton("Show in folder")
        self.show_folder.setObjectName("detailShowFolder")
        self.show_folder.clicked.connect(self._show_folder)
        pdf_buttons = QVBoxLayout()
        pdf_buttons.addWidget(self.open_pdf)
        pdf_buttons.addWidget(self.show_folder)
        pdf_buttons.addStretch(1)
        self.pdf_box = QWidget()
        pdf_row = QHBoxLayout(self.pdf_box)
        pdf_row.setContentsMargins(0, 0, 0, 0)
        pdf_row.addWidget(self.thumb)
        pdf_row.addLayout(pdf_buttons)
        pdf_row.addStretch(1)

        info = QWidget()
        info_layout = QVBoxLayout(info)
        info_layout.addWidget(self.title)
        info_layout.addWidget(self.review)
        info_layout.addWidget(self.authors)
        info_layout.addWidget(self.meta)
        info_layout.addLayout(controls)
        info_layout.addWidget(self.restore, 0, Qt.AlignmentFlag.AlignLeft)
        info_layout.addWidget(self.tag_editor)
        info_layout.addWidget(self.pdf_box)
        info_layout.addWidget(self.abstract)
        info_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(info)

        self.note = NoteEditor()
        self.note.save_requested.connect(self.note_changed)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("detailSplitter")
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.note)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.show_paper(None)

    # -- showing ----------------------------------------------------------------
    def show_paper(self, detail: PaperDetail | None, selected: int = 1) -> None:
        if detail is None:
            self.note.set_note(None, "")
            self.detail = None
            self.placeholder.setText(
                f"{selected} papers selected."
                if selected > 1
                else "Select a paper to see its details."
            )
            self.stack.setCurrentWidget(self.placeholder)
            return
        same = self.detail is not None and self.detail.id == detail.id
        self.detail = detail
        self._updating = True
        try:
            self.title.setText(detail.display_title)
            reasons = "; ".join(r.rstrip(". ") for r in detail.review_reasons)
            reasons = reasons or "some details could not be read"
            self.review.setVisible(detail.needs_review)
            self.review.setText(
                f"⚠ Needs review: {html.escape(reasons)}. <a href='edit-title'>Edit title…</a>"
            )
            self.authors.setText(self._authors_html(detail))
            self.meta.setText(self._meta_html(detail))
            self.status.setCurrentIndex(max(0, self.status.findData(detail.status)))
            self.star.setChecked(detail.starred)
            self.star.setText("★ Starred" if detail.starred else "☆ Star")
            self.restore.setVisible(detail.trashed_at is not None)
            self.tag_editor.set_tags(detail.tags)
            self.abstract.setText(detail.abstract or "No abstract.")
            self._show_thumb(detail)
        finally:
            self._updating = False
        if not same or not self.note.pending():
            self.note.set_note(detail.id, detail.note or "")
        self.stack.setCurrentWidget(self.splitter)

    @staticmethod
    def _authors_html(detail: PaperDetail) -> str:
        if not detail.authors:
            grey = QApplication.palette().color(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            ).name()
            count = detail.author_count
            if count:
                words = "1 author" if count == 1 else f"{count} authors"
                return (
                    f"<span style='color:{grey}'>{words}"
                    " <small>(names not listed by the source)</small></span>"
                )
            return f"<span style='color:{grey}'><i>Authors not listed by the source</i></span>"
        links = [_link(f"author:{a.id}:{a.name}", a.name) for a in detail.authors]
        text = ", ".join(links)
        if detail.authors_truncated:
            extra = ""
            if detail.author_count and detail.author_count > len(detail.authors):
                extra = f" ({detail.author_count} authors in all)"
            text += f" et al.{extra}"
        return text

    @staticmethod
    def _meta_html(detail: PaperDetail) -> str:
        parts: list[str] = []
        date = detail.date or (str(detail.year) if detail.year else None)
        if date:
            parts.append(html.escape(date))
        if detail.venue:
            parts.append(f"<i>{html.escape(detail.venue)}</i>")
        if detail.organization:
            parts.append(html.escape(detail.organization))
        lines = [" · ".join(parts)] if parts else []
        if detail.topics:
            lines.append(
                "Topics: "
                + ", ".join(
                    f"{html.escape(name)} ({html.escape(code)})" for code, name in detail.topics
                )
            )
        links: list[str] = []
        if detail.arxiv_id:
            links.append(_link(arxiv_url(detail.arxiv_id), f"arXiv:{detail.arxiv_id}"))
        if detail.doi:
            links.append(_link(doi_url(detail.doi), f"DOI {detail.doi}"))
        if detail.code_url:
            links.append(_link(detail.code_url, "Code"))
        elif detail.has_code:
            links.append("has code")
        if detail.url and not detail.arxiv_id:
            links.append(_link(detail.url, "Web page"))
        if links:
            lines.append(" · ".join(links))
        return "<br>".join(lines)

    def _show_thumb(self, detail: PaperDetail) -> None:
        has_pdf = bool(detail.pdf_path)
        self.pdf_box.setVisible(has_pdf)
        if not has_pdf:
            return
        pix = QPixmap(detail.thumbnail_path) if detail.thumbnail_path else QPixmap()
        if pix.isNull():
            self.thumb.setText("PDF")
            self.thumb.setFixedSize(THUMB_WIDTH, int(THUMB_WIDTH * 1.3))
            self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        else:
            scaled = pix.scaledToWidth(THUMB_WIDTH, Qt.TransformationMode.SmoothTransformation)
            self.thumb.setPixmap(scaled)
            self.thumb.setFixedSize(scaled.size())
        pages = f"{detail.page_count} pages" if detail.page_count else ""
        self.thumb.setToolTip(pages)

    # -- user actions -----------------------------------------------------------
    def _status_changed(self) -> None:
        if self._updating or self.detail is None:
            return
        self.status_chosen.emit(self.detail.id, self.status.currentData())

    def _star_changed(self, on: bool) -> None:
        self.star.setText("★ Starred" if on else "☆ Star")
        if self._updating or self.detail is None:
            return
        self.star_toggled.emit(self.detail.id, on)

    def _tags_added(self, tags: list) -> None:
        if self.detail is not None:
            self.tags_added.emit(self.detail.id, tags)

    def _tag_removed(self, tag: str) -> None:
        if self.detail is not None:
            self.tag_removed.emit(self.detail.id, tag)

    def _author_link(self, link: str) -> None:
        _, author_id, name = link.split(":", 2)
        self.author_activated.emit(int(author_id), name)

    def _review_link(self, link: str) -> None:
        if link == "edit-title" and self.detail is not None:
            self.edit_title_requested.emit(self.detail.id)

    def _restore(self) -> None:
        if self.detail is not None:
            self.restore_requested.emit(self.detail.id)

    def _open_pdf(self) -> None:
        if self.detail and self.detail.pdf_path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.detail.pdf_path))

    def _show_folder(self) -> None:
        if self.detail and self.detail.pdf_path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.detail.pdf_path).parent)))
