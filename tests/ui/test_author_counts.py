"""Papers whose source gave only an author count ("• 6 authors", HF daily papers)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from readinglist.library.types import PaperQuery
from readinglist.ui.models.paper_table import PaperTableModel, column_of
from tests.ui.conftest import import_text, wait_idle

pytestmark = pytest.mark.gui

HF_SEED = "003_d57c038bb9fd7e04.txt"  # a daily-papers page: counts, no names


def _count_only(library):
    ids = library.query_ids(PaperQuery())
    return [d for d in library.details(ids) if not d.authors and d.author_count]


def test_table_shows_the_count_greyed(app, library, seeds_dir):
    import_text(library, seeds_dir / HF_SEED)
    paper = _count_only(library)[0]
    model = PaperTableModel(library)
    model.set_query(PaperQuery())
    row = model.row_of(paper.id)
    index = model.index(row, column_of("authors"))
    assert index.data() == f"{paper.author_count} authors"
    grey = QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert index.data(Qt.ItemDataRole.ForegroundRole) == grey
    # a paper with names shows them, not a count
    named = next(r for r in range(model.rowCount()) if model.paper_row(r).id != paper.id
                 and model.paper_row(r).author_count is None)
    assert "authors" not in (model.index(named, column_of("authors")).data() or "")


def test_window_table_and_detail_pane_show_the_count(window, library, seeds_dir, qtbot):
    import_text(library, seeds_dir / HF_SEED)
    wait_idle(qtbot, window)
    paper = _count_only(library)[0]
    qtbot.waitUntil(lambda: window.model.row_of(paper.id) is not None, timeout=10000)
    row = window.model.row_of(paper.id)
    window.table.scrollTo(window.model.index(row, 1))
    wait_idle(qtbot, window)
    cell = window.model.index(row, column_of("authors"))
    qtbot.waitUntil(lambda: cell.data() == f"{paper.author_count} authors", timeout=10000)
    window.select_ids([paper.id])
    qtbot.waitUntil(lambda: f"{paper.author_count} authors" in window.detail.authors.text(),
                    timeout=10000)
    assert "names not listed" in window.detail.authors.text()
