"""Opening PDFs from outside: `readinglist FILE...`, a second launch, macOS FileOpen."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from readinglist import cli
from readinglist.library.types import PaperQuery
from readinglist.ui import instance
from tests.ui.conftest import wait_idle

pytestmark = pytest.mark.gui

REPO = Path(__file__).resolve().parents[2]
PDF_NAME = "arxiv1504_influential_nodes.pdf"


@pytest.fixture
def pdf(pdf_fixtures, tmp_path) -> Path:
    target = tmp_path / "downloads" / PDF_NAME
    target.parent.mkdir()
    shutil.copy(pdf_fixtures / PDF_NAME, target)
    return target


@pytest.fixture
def router(app, window):
    r = instance.OpenFilesRouter()
    r.attach(window)
    app.installEventFilter(r)
    yield r
    app.removeEventFilter(r)
    r.deleteLater()


def _import_done(qtbot, window):
    qtbot.waitUntil(lambda: bool(window.dialogs), timeout=15000)
    dialog = window.dialogs[-1]
    qtbot.waitUntil(lambda: dialog.finished_run, timeout=120000)
    wait_idle(qtbot, window)
    return dialog


def test_a_file_argument_opens_the_app_with_that_file(monkeypatch, tmp_path, pdf):
    calls = []
    import readinglist.ui.app as ui_app

    monkeypatch.setattr(ui_app, "main", lambda path, files=(): calls.append((path, files)) or 0)
    lib = tmp_path / "lib.sqlite"
    assert cli.main(["--library", str(lib), str(pdf)]) == 0
    assert calls == [(lib, [pdf])]
    calls.clear()
    folder = pdf.parent
    assert cli.main([str(pdf), str(folder)]) == 0
    assert calls[0][1] == [pdf, folder]


def test_a_word_that_is_neither_command_nor_file_is_refused(capsys, tmp_path, seeds_dir):
    assert cli.main(["lsit"]) == 2
    assert "unknown command 'lsit'" in capsys.readouterr().err
    missing = tmp_path / "gone.pdf"
    assert cli.main([str(missing)]) == 2
    err = capsys.readouterr().err
    assert "gone.pdf" in err and "Traceback" not in err
    # commands still work as before
    seed = sorted(seeds_dir.glob("*.txt"))[0]
    assert cli.main(["parse", str(seed), "--json"]) == 0
    assert '"entries"' in capsys.readouterr().out


def test_first_launch_with_a_pdf_imports_it(app, qtbot, tmp_path, pdf):
    from readinglist.library import Library
    from readinglist.ui import app as ui_app
    from readinglist.ui.views.main_window import MainWindow

    lib_path = tmp_path / "first.sqlite"
    seen: list = []

    def poll() -> None:
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible()
            and Path(w.library.path).resolve() == lib_path.resolve()
        ]
        if not windows:
            return
        window = windows[0]
        if window.dialogs:
            seen.append(window.dialogs[-1])
        if seen and seen[0].finished_run and window.runner.idle():
            window.close()

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(poll)
    timer.start()
    give_up = QTimer()  # never hang the suite: close whatever is open after 2 minutes
    give_up.setSingleShot(True)
    give_up.timeout.connect(QApplication.closeAllWindows)
    give_up.start(120000)
    try:
        assert ui_app.main(lib_path, [pdf]) == 0
    finally:
        timer.stop()
        give_up.stop()
    assert seen and seen[0].summary()["added"] == 1
    lib = Library.open(lib_path)
    try:
        assert len(lib.query_ids(PaperQuery())) == 1
    finally:
        lib.close()


def test_second_launch_hands_the_files_to_the_running_window(
    window, library, qtbot, router, pdf, tmp_path
):
    server = instance.InstanceServer(instance.server_name(library.path), router.request)
    try:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
        proc = subprocess.Popen(
            [sys.executable, "-m", "readinglist", "--library", str(library.path), str(pdf)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=60000)
        out, err = proc.communicate()
        assert proc.returncode == 0, err
        dialog = _import_done(qtbot, window)
    finally:
        server.close()
    assert dialog.summary()["added"] == 1
    assert window.model.rowCount() == 1
    # the second launch did not open its own window or library copy
    assert not (tmp_path / "downloads" / "library.sqlite").exists()


def test_second_launch_without_files_only_raises(window, library, qtbot, router):
    server = instance.InstanceServer(instance.server_name(library.path), router.request)
    try:
        assert instance.ask_running_instance(instance.server_name(library.path))
        qtbot.wait(200)
    finally:
        server.close()
    assert not window.dialogs
    assert not instance.send_to_running_instance("readinglist-nobody-listens")


def test_macos_file_open_event_imports_the_pdf(app, window, qtbot, router, pdf):
    event = QFileOpenEvent(str(pdf))
    QApplication.sendEvent(app, event)
    dialog = _import_done(qtbot, window)
    assert dialog.summary()["added"] == 1
    assert window.model.rowCount() == 1


def test_files_that_are_not_pdfs_are_named_not_imported(window, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    assert window.open_files([text]) is None
    assert "notes.txt" in window.statusBar().currentMessage()
    assert not window.dialogs


def test_request_messages_round_trip(tmp_path):
    paths = [tmp_path / "a b.pdf", tmp_path / "é.pdf"]
    wants_raise, files = instance.decode_request(instance.encode_request(paths))
    assert wants_raise and files == [p.resolve() for p in paths]
    assert instance.decode_request(b"raise\n") == (True, [])
    assert instance.decode_request(b"{not json\n") == (False, [])
