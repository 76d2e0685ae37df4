"""PDF import from the window: drop files, progress, results, passwords."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QInputDialog

from readinglist.library.types import PaperQuery
from tests.ui.conftest import wait_idle

pytestmark = pytest.mark.gui


def drop(window, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPoint(window.width() // 2, window.height() // 2)
    enter = QDragEnterEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(pos),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, event)
    assert event.isAccepted()
    return window.dialogs[-1]


def test_drop_a_pdf_imports_it(window, library, qtbot, pdf_fixtures, tmp_path):
    src = pdf_fixtures / "arxiv1504_influential_nodes.pdf"
    pdf = tmp_path / src.name
    shutil.copy(src, pdf)
    dialog = drop(window, [pdf])
    qtbot.waitUntil(lambda: dialog.finished_run, timeout=120000)
    wait_idle(qtbot, window)
    assert dialog.summary()["added"] == 1
    assert dialog.list.topLevelItemCount() == 1
    assert "1 added" in dialog.heading.text()
    assert window.model.rowCount() == 1
    window.select_row(0)
    assert window.detail.pdf_box.isVisibleTo(window.detail)
    # the import can be undone
    assert window.undo_stack and window.undo_stack[-1][0] == "Import PDFs"
    window.undo()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: not library.query_ids(PaperQuery()), timeout=10000)


def test_drop_a_folder_with_bad_files_reports_each(window, qtbot, hostile_fixtures, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("zero_byte.pdf", "truncated_unterminated_stream.pdf"):
        shutil.copy(hostile_fixtures / name, folder / name)
    dialog = drop(window, [folder])
    qtbot.waitUntil(lambda: dialog.finished_run, timeout=120000)
    assert dialog.list.topLevelItemCount() == 2
    statuses = {dialog.list.topLevelItem(i).text(1) for i in range(2)}
    assert statuses <= {"Failed", "Added"}
    for i in range(2):
        item = dialog.list.topLevelItem(i)
        if item.text(1) == "Failed":
            assert item.text(2), "a failure must say why"


def test_password_protected_file_prompts(window, qtbot, hostile_fixtures, tmp_path, monkeypatch):
    pdf = tmp_path / "locked.pdf"
    shutil.copy(hostile_fixtures / "encrypted_aes256_user_password.pdf", pdf)
    asked = []

    def fake_get_text(parent, title, label, echo, *a, **k):
        asked.append(label)
        return "", False

    monkeypatch.setattr(QInputDialog, "getText", fake_get_text)
    dialog = drop(window, [pdf])
    qtbot.waitUntil(lambda: dialog.finished_run, timeout=120000)
    assert asked and "locked.pdf" in asked[0]
    assert dialog.list.topLevelItem(0).text(1) == "Needs password"


def test_cancel_stops_the_run(window, qtbot, pdf_fixtures, tmp_path):
    files = []
    for src in sorted(pdf_fixtures.glob("*.pdf")):
        files.append(tmp_path / src.name)
        shutil.copy(src, files[-1])
    dialog = window.import_pdfs(files)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.finished_run, timeout=120000)
    assert dialog.list.topLevelItemCount() < len(files)
    assert dialog.heading.text().startswith("Cancelled")


def test_right_password_imports_the_protected_file(
    window, qtbot, hostile_fixtures, tmp_path, monkeypatch
):
    pdf = tmp_path / "locked.pdf"
    shutil.copy(hostile_fixtures / "encrypted_aes256_user_password.pdf", pdf)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("asdfzxcv", True))
    dialog = drop(window, [pdf])
    qtbot.waitUntil(
        lambda: (
            dialog.finished_run
            and dialog.list.topLevelItemCount() == 1
            and dialog.list.topLevelItem(0).text(1) != "Needs password"
        ),
        timeout=120000,
    )
    assert dialog.list.topLevelItem(0).text(1) == "Added"
    wait_idle(qtbot, window)
    assert window.model.rowCount() == 1


def test_closing_the_dialog_mid_import_lets_the_run_finish_quietly(
    window, library, qtbot, pdf_fixtures, tmp_path
):
    """A dialog deleted while its import runs must not receive the late
    progress/result callbacks (they would touch deleted widgets)."""
    files = []
    for src in sorted(pdf_fixtures.glob("*.pdf"))[:3]:
        files.append(tmp_path / src.name)
        shutil.copy(src, files[-1])
    dialog = window.import_pdfs(files)
    dialog.close()
    dialog.deleteLater()
    qtbot.waitUntil(lambda: window.runner.idle(), timeout=120000)
    wait_idle(qtbot, window)
    assert library.query_ids(PaperQuery())  # what was read before the close is kept
