"""App-level behaviour: errors in plain words, libraries that cannot be opened."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from readinglist import paths
from readinglist.ui import app as ui_app

pytestmark = pytest.mark.gui


def test_uncaught_error_is_logged_and_shown_plainly(app, monkeypatch):
    ui_app.setup_logging()
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    try:
        raise ValueError("the flux capacitor is empty")
    except ValueError as exc:
        ui_app.excepthook(type(exc), exc, exc.__traceback__)
    assert shown and "flux capacitor" in shown[0]
    assert "Traceback" not in shown[0]
    log_text = ui_app.log_file().read_text(encoding="utf-8")
    assert "Traceback" in log_text and "flux capacitor" in log_text
    assert ui_app.log_file().parent == paths.log_dir()


def test_library_from_newer_version_is_refused_with_a_dialog(app, tmp_path, monkeypatch):
    from readinglist.library import Library

    path = tmp_path / "new.sqlite"
    Library.open(path).close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version = 9999")
    con.commit()
    con.close()
    before = path.read_bytes()
    messages = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: messages.append(a[2]))
    assert ui_app.main(path) == 2
    assert messages and "newer" in messages[0].lower()
    assert "Traceback" not in messages[0]
    assert path.read_bytes() == before


def test_smoke_quit_runs_the_window_and_exits_cleanly(app, tmp_path, monkeypatch):
    monkeypatch.setenv("READINGLIST_SMOKE_QUIT_MS", "300")
    assert ui_app.main(tmp_path / "lib.sqlite") == 0


def test_dark_palette_when_the_system_is_dark(app, monkeypatch):
    monkeypatch.setenv("READINGLIST_THEME", "dark")
    ui_app.apply_palette(app)
    assert app.palette().base().color().lightness() < 80
    monkeypatch.setenv("READINGLIST_THEME", "light")
    ui_app.apply_palette(app)
    assert app.palette().base().color().lightness() > 180


def test_long_sessions_do_not_drain_none_or_true(tmp_path):
    """Thousands of void Qt calls and signal emits, then a clean exit.

    PySide6 6.12 on CPython 3.11 takes a reference from None / True on each
    (see readinglist/ui/qtcompat.py); without the work-around this aborts.
    """
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import readinglist.ui\n"
        "from PySide6.QtCore import QObject, QTimer, Signal\n"
        "from PySide6.QtWidgets import QApplication, QLineEdit\n"
        "app = QApplication([])\n"
        "class E(QObject):\n"
        "    s = Signal(object)\n"
        "e = E(); t = QTimer(); edit = QLineEdit()\n"
        "for i in range(30000):\n"
        "    t.stop(); e.s.emit(None); edit.setText(str(i)); edit.setToolTip('x')\n"
        "print('survived')\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    proc = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr[-500:]
    assert "survived" in proc.stdout
