"""The GUI entry point: QApplication set-up, one window per library, errors.

``main(library_path, files)`` is what ``readinglist [FILE...]`` (no
sub-command) calls.  It
sets the application identity (name, organisation, desktop file name,
icon), follows the system's light/dark scheme, routes uncaught exceptions to
a log file under ``paths.log_dir()`` with a plain message instead of a
traceback, refuses to open a library a second time (the running window is
raised instead and gets the files: see ``ui.instance``), imports files named
at launch or opened from the Finder, and shows Library.open errors (too new, locked, corrupt) in
a dialog.  ``READINGLIST_SMOKE_QUIT_MS`` quits after that many milliseconds
(packaging smoke test); ``READINGLIST_REPORT_READY`` prints "ready N" once
the first rows are painted (benchmark).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from readinglist import APP_ID, APP_NAME, __version__, paths
from readinglist.ui.instance import (
    InstanceServer,
    OpenFilesRouter,
    send_to_running_instance,
    server_name,
)

log = logging.getLogger("readinglist")

ORGANIZATION = "Reading List"
ORGANIZATION_DOMAIN = "readinglist.github.io"
_showing_error = False


# -- logging and errors ------------------------------------------------------------
def log_file() -> Path:
    return paths.log_dir() / "readinglist.log"


def setup_logging() -> Path | None:
    """Log to a rotating file in the app's data dir (best effort)."""
    target = log_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if not any(getattr(h, "baseFilename", None) == handler.baseFilename for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    return target


def plain_message(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
    return text[:300]


def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Log the traceback; show the user one plain sentence."""
    global _showing_error
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("unexpected error:\n%s", details)
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    if _showing_error or QApplication.instance() is None:
        sys.stderr.write(f"Reading List: {plain_message(exc)}\n")
        return
    _showing_error = True
    try:
        QMessageBox.warning(
            QApplication.activeWindow(),
            APP_NAME,
            f"Something went wrong: {plain_message(exc)}.\n\n"
            f"Your library is safe. The details were written to {log_file()}.",
        )
    finally:
        _showing_error = False


# -- appearance ---------------------------------------------------------------------
def dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor("#1e1f22"), QColor("#2b2d30"), QColor("#dfe1e5")
    disabled = QColor("#7a7e85")
    p.setColor(QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorRole.WindowText, text)
    p.setColor(QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#26282b"))
    p.setColor(QPalette.ColorRole.ToolTipBase, window)
    p.setColor(QPalette.ColorRole.ToolTipText, text)
    p.setColor(QPalette.ColorRole.PlaceholderText, disabled)
    p.setColor(QPalette.ColorRole.Text, text)
    p.setColor(QPalette.ColorRole.Button, window)
    p.setColor(QPalette.ColorRole.ButtonText, text)
    p.setColor(QPalette.ColorRole.BrightText, QColor("#ff6b6b"))
    p.setColor(QPalette.ColorRole.Highlight, QColor("#3574f0"))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.Link, QColor("#6ea8fe"))
    p.setColor(QPalette.ColorRole.LinkVisited, QColor("#b48ef5"))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def is_dark_scheme() -> bool:
    forced = os.environ.get("READINGLIST_THEME", "").lower()
    if forced in ("dark", "light"):
        return forced == "dark"
    try:
        from PySide6.QtCore import Qt

        return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    except AttributeError:  # Qt < 6.5
        return False


def apply_palette(app: QApplication) -> None:
    app.setPalette(dark_palette() if is_dark_scheme() else app.style().standardPalette())


def configure_app(app: QApplication) -> None:
    """Identity, icon, style and palette (also used by tests)."""
    from readinglist.ui.dialogs.about import app_icon

    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORGANIZATION)
    app.setOrganizationDomain(ORGANIZATION_DOMAIN)
    QGuiApplication.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    app.setStyle("Fusion")
    apply_palette(app)
    try:
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _s: apply_palette(app))
    except AttributeError:  # Qt < 6.5
        pass


# -- main ---------------------------------------------------------------------------------
def open_library(path: Path) -> object | None:
    """Open the library or explain (in a dialog) why it cannot be opened."""
    from readinglist.library import Library
    from readinglist.library.errors import LibraryError

    try:
        if path.parent == paths.data_dir():
            paths.ensure_data_dir(path.parent)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
        return Library.open(path)
    except (LibraryError, OSError, getattr(paths, "DataDirError", OSError)) as exc:
        log.warning("cannot open library %s: %s", path, exc)
        QMessageBox.critical(
            None, APP_NAME, f"The library {path} cannot be opened.\n\n{plain_message(exc)}"
        )
        return None


def main(library_path: str | Path | None = None, files: Sequence[str | Path] = ()) -> int:
    """Run the desktop app on ``library_path`` (default library when None).

    ``files`` (PDFs and folders, e.g. from "Open with Reading List") are
    imported once the window shows; when a window already has this library
    they are handed to it instead and this launch returns at once.
    """
    setup_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    router = OpenFilesRouter(app)
    app.installEventFilter(router)  # macOS: files arrive as QFileOpenEvent
    configure_app(app)  # type: ignore[arg-type]
    previous_hook = sys.excepthook
    sys.excepthook = excepthook
    try:
        path = paths.resolve_library_path(library_path)
        name = server_name(path)
        if send_to_running_instance(name, files):
            return 0
        library = open_library(path)
        if library is None:
            return 2
        from readinglist.ui.views.main_window import MainWindow

        window = MainWindow(library)
        server = InstanceServer(name, router.request, app)
        window.show()
        router.request(files)
        router.attach(window)
        if os.environ.get("READINGLIST_REPORT_READY"):
            QTimer.singleShot(0, lambda: _report_ready(window))
        quit_ms = os.environ.get("READINGLIST_SMOKE_QUIT_MS")
        if quit_ms and quit_ms.isdigit():
            QTimer.singleShot(int(quit_ms), window.close)
        code = app.exec()
        server.close()
        server.deleteLater()
        window.runner.stop_all()
        library.close()  # type: ignore[attr-defined]
        return int(code)
    finally:
        app.removeEventFilter(router)
        router.deleteLater()
        sys.excepthook = previous_hook


def _report_ready(window: object) -> None:
    """Print "ready N" once the first rows (not placeholders) are painted."""
    model = window.model  # type: ignore[attr-defined]
    if model.rowCount() == 0 and model.pending:
        QTimer.singleShot(5, lambda: _report_ready(window))
        return
    window.table.viewport().repaint()  # type: ignore[attr-defined]
    print(f"ready {model.rowCount()}", flush=True)
