"""Author, topic and tag pages in the app: opened by clicking names, the
year chart drawn and hovered, links between pages, alias merge from the
page, topic rename."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPalette
from PySide6.QtWidgets import QApplication

from readinglist.library.types import PaperQuery
from tests.ui.conftest import import_text, wait_idle

pytestmark = pytest.mark.gui

PROFILE = "000_73145fa7ce40fc4f.txt"
COMPACT = "002_048387b8d4aff427.txt"


@pytest.fixture
def two_pastes(library, seeds_dir):
    for name in (PROFILE, COMPACT):
        import_text(library, seeds_dir / name)
    return library


def settle(qtbot, window):
    wait_idle(qtbot, window)
    writer = getattr(window, "writer", None)
    if writer is not None:
        qtbot.waitUntil(writer.idle, timeout=15000)
    wait_idle(qtbot, window)


def open_from_detail(qtbot, window, library, name):
    """Select a paper by ``name`` and click the name in the detail pane."""
    ids = library.query_ids(PaperQuery(author=name))
    window.select_ids([ids[0]]) or window.select_row(window.model.row_of(ids[0]) or 0)
    detail = library.get(ids[0])
    ref = next(a for a in detail.authors if a.name == name)
    window.detail.authors.linkActivated.emit(f"author:{ref.id}:{ref.name}")
    settle(qtbot, window)
    return ref


def test_clicking_an_author_opens_the_page_with_chart(two_pastes, make_window, qtbot):
    window = make_window()
    ref = open_from_detail(qtbot, window, two_pastes, "Shwai He")
    panel = window.page_panel
    qtbot.waitUntil(lambda: panel.isVisible() and panel.currentWidget() is panel.author)
    page = panel.author
    assert page.page.author.id == ref.id
    assert window.model.rowCount() == 21
    # the chart has one bar per year of the span and is drawn
    years = [y.year for y in page.chart.years()]
    assert years == list(range(years[0], years[-1] + 1)) and sum(
        y.total for y in page.chart.years()) == 21
    page.chart.repaint()
    assert page.chart.painted > 0
    assert "0 of 21 read" in page.progress.text()
    # co-authors are links to their own pages, ranked by shared papers
    names = [c.text() for c in page.coauthors.chips()]
    assert names[0] == "Liang Ding  5"
    qtbot.mouseClick(page.coauthors.chips()[0], Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: panel.author.page.author.name == "Liang Ding")
    assert window._page[0] == "author"
    ding = panel.author.page.author
    assert window.model.rowCount() == len(two_pastes.query_ids(PaperQuery(author_id=ding.id)))
    assert "Shwai He" in window.view.header.text() or "Liang Ding" in window.view.header.text()


def test_topic_chip_opens_topic_page_and_back_to_an_author(two_pastes, make_window, qtbot):
    window = make_window()
    open_from_detail(qtbot, window, two_pastes, "Hayden Kwok-Hay So")
    panel = window.page_panel
    qtbot.waitUntil(lambda: panel.author.page is not None
                    and panel.author.page.author.name == "Hayden Kwok-Hay So")
    assert panel.author.page.stats.paper_count == 14
    assert "h-index 98" in window.view.header.text()  # the window's header has the profile
    chip = panel.author.topics.chip_for("cs.CL")
    assert chip is not None and chip.text().endswith("4")
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: panel.currentWidget() is panel.topic)
    topic = panel.topic.page
    assert topic.code == "cs.CL" and topic.stats.paper_count == 14
    assert window.model.rowCount() == 14
    top = panel.topic.authors.chips()[0]
    assert top.text() == "Shwai He  6"
    qtbot.mouseClick(top, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: panel.currentWidget() is panel.author
                    and panel.author.page.author.name == "Shwai He")


def test_page_follows_status_changes(two_pastes, make_window, qtbot):
    window = make_window()
    ref = open_from_detail(qtbot, window, two_pastes, "Shwai He")
    panel = window.page_panel
    qtbot.waitUntil(lambda: panel.author.page is not None)
    ids = two_pastes.query_ids(PaperQuery(author_id=ref.id))
    window.set_status(ids[:3], "read")
    settle(qtbot, window)
    qtbot.waitUntil(lambda: panel.author.page.stats.read_count == 3)
    assert "3 of 21 read" in panel.author.progress.text()


def test_chart_hover_values_and_palettes(two_pastes, make_window, qtbot):
    from readinglist.ui.widgets.year_chart import status_colors

    window = make_window()
    open_from_detail(qtbot, window, two_pastes, "Shwai He")
    chart = window.page_panel.author.chart
    qtbot.waitUntil(lambda: bool(chart.years()))
    rects = chart.bar_rects()
    biggest = max(range(len(rects)), key=lambda i: chart.years()[i].total)
    center = rects[biggest].center().toPoint()
    assert chart.bar_at(center) == biggest
    event = QMouseEvent(QMouseEvent.Type.MouseMove, center, chart.mapToGlobal(center),
                        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(chart, event)
    assert chart.hovered == biggest
    year = chart.years()[biggest]
    assert chart.toolTip() == chart.tooltip_for(biggest)
    assert chart.toolTip().startswith(f"{year.year}: {year.total} papers")
    assert chart.bar_at(QPoint(-50, -50)) is None
    # readable on light and dark palettes: every status differs from the base
    for base, text in ((QColor("#ffffff"), QColor("#000000")),
                       (QColor("#1e1e1e"), QColor("#eeeeee"))):
        pal = QPalette()
        pal.setColor(QPalette.ColorRole.Base, base)
        pal.setColor(QPalette.ColorRole.Window, base)
        pal.setColor(QPalette.ColorRole.Text, text)
        pal.setColor(QPalette.ColorRole.WindowText, text)
        pal.setColor(QPalette.ColorRole.Highlight, QColor("#3daee9"))
        colors = status_colors(pal)
        assert len({c.name() for c in colors.values()}) == 5
        for c in colors.values():
            assert abs(c.lightness() - base.lightness()) > 12
        chart.setPalette(pal)
        chart.repaint()


def test_merge_a_suggested_alias_from_the_page(library, app, qtbot):
    from readinglist.core.entry import ParsedEntry, ParseResult
    from readinglist.ui.pages import PagePanel

    library.import_parsed(ParseResult("generic", [
        ParsedEntry(title="Steering vectors at scale", authors=["H. Zhang", "Zhihao Zhang"]),
        ParsedEntry(title="Locate, steer and improve",
                    authors=["Hengyuan Zhang", "Zhihao Zhang"]),
    ]), raw_text="x")
    full = library.find_author("Hengyuan Zhang")
    panel = PagePanel(library, show_title=True)
    qtbot.addWidget(panel)
    panel.resize(900, 300)
    assert panel.show_for(("author", str(full.id)))
    page = panel.author
    assert page.title.text() == "Hengyuan Zhang"
    buttons = page.suggest_box.findChildren(type(page.split_button), "mergeAuthor")
    assert len(buttons) == 1
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert panel.author.page.stats.paper_count == 2
    assert "H. Zhang" in panel.author.page.aliases
    assert not panel.author.suggest_box.isVisibleTo(panel)


def test_topic_rename_from_the_page(two_pastes, app, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from readinglist.ui.pages import PagePanel

    panel = PagePanel(two_pastes, show_title=True)
    qtbot.addWidget(panel)
    panel.show_for(("topic", "cs.CL"))
    assert panel.topic.title.text() == "Computation and Language (cs.CL)"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("NLP", True))
    qtbot.mouseClick(panel.topic.rename_button, Qt.MouseButton.LeftButton)
    assert panel.topic.title.text() == "NLP (cs.CL)"
    assert "Computation and Language" in panel.topic.extra.text()
    assert next(t for t in two_pastes.topics() if t.code == "cs.CL").name == "NLP"


def test_tag_page_lists_topics_and_authors(two_pastes, app, qtbot):
    from readinglist.ui.pages import PagePanel

    ids = two_pastes.query_ids(PaperQuery(author="Shwai He"))
    two_pastes.add_tags(ids[:5], ["moe"])
    panel = PagePanel(two_pastes, show_title=True)
    qtbot.addWidget(panel)
    panel.show_for(("tag", "MoE"))
    assert panel.currentWidget() is panel.tag
    assert panel.tag.page.stats.paper_count == 5
    assert panel.tag.authors.chips()[0].text() == "Shwai He  5"
    with qtbot.waitSignal(panel.author_activated) as blocker:
        qtbot.mouseClick(panel.tag.authors.chips()[0], Qt.MouseButton.LeftButton)
    assert blocker.args[1] == "Shwai He"
    assert not panel.show_for(("batch", "1")) and not panel.isVisible()
    # standalone, the author page shows the pasted profile itself
    owner = two_pastes.find_author("Hayden Kwok-Hay So")
    panel.show_for(("author", str(owner.id)))
    assert panel.author.title.text() == "Hayden Kwok-Hay So"
    assert "h-index 98" in panel.author.extra.text() and "alphaxiv" in panel.author.extra.text()


def test_move_selected_papers_to_another_author(two_pastes, make_window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    window = make_window()
    ref = open_from_detail(qtbot, window, two_pastes, "Liang Ding")
    panel = window.page_panel
    qtbot.waitUntil(lambda: panel.author.page is not None
                    and panel.author.page.author.id == ref.id)
    before = panel.author.page.stats.paper_count
    window.select_row(0)
    moved = window.selected_ids()
    assert len(moved) == 1
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Liang Ding", True))
    qtbot.mouseClick(panel.author.split_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: panel.author.page.stats.paper_count == before - 1)
    assert window.model.rowCount() == before - 1
    other = [a for a in two_pastes.get(moved[0]).authors if a.name == "Liang Ding"]
    assert len(other) == 1 and other[0].id != ref.id
