"""The paper table never waits for SQL while painting; superseded searches stop."""

from __future__ import annotations

import pytest

from readinglist.core.entry import ParsedEntry, ParseResult
from readinglist.library.types import PaperQuery
from readinglist.ui.models.paper_table import CHUNK, PaperTableModel
from tests.ui.conftest import wait_idle

pytestmark = pytest.mark.gui


@pytest.fixture
def many(library):
    entries = [
        ParsedEntry(title=f"Sparse attention study number {i}", authors=[f"Author {i % 37}"])
        for i in range(CHUNK * 3 + 17)
    ]
    library.import_parsed(ParseResult(format="test", entries=entries), raw_text="test")
    return library


class CountingLibrary:
    """Wraps a Library and counts row loads (the calls painting must not make)."""

    def __init__(self, library):
        self._library = library
        self.row_calls = 0

    def rows(self, ids):
        self.row_calls += 1
        return self._library.rows(ids)

    def __getattr__(self, name):
        return getattr(self._library, name)


def test_painting_shows_placeholders_then_rows(app, many, qtbot, qtmodeltester):
    lib = CountingLibrary(many)
    model = PaperTableModel(lib)
    model.enable_idle_loading()
    model.set_query(PaperQuery())
    last = model.rowCount() - 1
    index = model.index(last, 1)
    assert index.data() == "…"  # painted at once, nothing loaded yet
    assert lib.row_calls == 0 and model.fetching
    with qtbot.waitSignal(model.dataChanged, timeout=5000):
        pass
    qtbot.waitUntil(lambda: not model.fetching, timeout=5000)
    assert index.data().startswith("Sparse attention study")
    # the code paths that need a row now (detail pane, menus) still get it at once
    assert model.paper_row(CHUNK + 1).title.startswith("Sparse attention study")
    qtmodeltester.check(model)


def test_a_changed_row_keeps_its_text_until_reloaded(app, many, qtbot):
    model = PaperTableModel(many)
    model.enable_idle_loading()
    model.set_query(PaperQuery())
    model.paper_row(0)
    pid = model.paper_id(0)
    many.set_status([pid], "read")
    model.refresh_rows({pid})
    status_col = 5
    assert model.index(0, status_col).data() == "Unread"  # old text, no blank flash
    qtbot.waitUntil(lambda: model.index(0, status_col).data() == "Read", timeout=5000)


def test_window_scrolls_a_large_table(window, many, qtbot):
    window.apply_query()
    wait_idle(qtbot, window)
    assert window.model.rowCount() == CHUNK * 3 + 17
    window.table.scrollToBottom()
    window.table.viewport().repaint()  # paints placeholders, queues the rows
    wait_idle(qtbot, window)
    last = window.model.index(window.model.rowCount() - 1, 1)
    assert last.data().startswith("Sparse attention study")


def test_a_newer_search_interrupts_the_running_one(window, many, qtbot):
    worker = window.query_worker
    interrupted = []
    qtbot.waitUntil(lambda: worker._library is not None, timeout=5000)
    original = worker._interrupt
    worker._interrupt = lambda: (interrupted.append(True), original())
    with worker._cond:  # pretend generation 1 is running in SQL right now
        worker._running = -1
        worker.request(10**6, PaperQuery(search="nothing"), 0)
        worker._running = None
    assert interrupted
    window.search.setText("sparse")
    wait_idle(qtbot, window)
    assert window.model.rowCount() == CHUNK * 3 + 17


def test_search_results_arrive_with_their_first_chunk(many, make_window, qtbot):
    """The worker sends the first chunk's rows with the id list, so the GUI
    thread never loads them with SQL while the user types."""
    window = make_window(many)
    counting = CountingLibrary(window.model._library)
    window.model._library = counting
    window.search.clear()
    qtbot.keyClicks(window.search, "sparse")
    wait_idle(qtbot, window)
    model = window.model
    assert model.rowCount() == CHUNK * 3 + 17
    assert model.index(CHUNK - 1, 1).data().startswith("Sparse attention study")
    assert counting.row_calls == 0
