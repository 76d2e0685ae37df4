"""Fixtures for GUI tests: a temporary library, the main window over it, seeds.

Every test gets its own library file and its own QSettings file, so window
state never leaks between tests or into the user's settings.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings  # noqa: E402

SEED_REFERENCE = date(2026, 1, 25)


@pytest.fixture
def app(qapp):
    from readinglist.ui.app import configure_app

    configure_app(qapp)
    return qapp


@pytest.fixture
def library(tmp_path):
    from readinglist.library import Library

    lib = Library.open(tmp_path / "library.sqlite")
    yield lib
    lib.close()


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(app, qtbot, library, settings):
    from readinglist.ui.views.main_window import MainWindow

    windows = []

    def make(lib=None, s=None):
        window = MainWindow(lib or library, settings=s or settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        wait_idle(qtbot, window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.runner.stop_all()


@pytest.fixture
def window(make_window):
    return make_window()


def import_text(library, path: Path, **kwargs):
    """Import a listing file straight through the Library (test set-up)."""
    from readinglist.core.entry import ParseContext
    from readinglist.importers.listing.detect import parse_text

    text = path.read_text(encoding="utf-8")
    result = parse_text(text, ParseContext(reference_date=SEED_REFERENCE))
    return library.import_parsed(result, raw_text=text, **kwargs)


@pytest.fixture
def seeded(library, seeds_dir):
    """The library with every seed listing imported."""
    for path in sorted(seeds_dir.glob("*.txt")):
        import_text(library, path)
    return library


def wait_idle(qtbot, window, timeout: int = 15000) -> None:
    """Wait until background tasks and coalesced refreshes are done."""
    qtbot.waitUntil(
        lambda: (
            window.runner.idle()
            and not window._change_timer.isActive()
            and not window._search_timer.isActive()
            and not window.model.pending
            and not window.model.fetching
            and window.writer.idle()
        ),
        timeout=timeout,
    )
