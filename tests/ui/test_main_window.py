"""The main window driven like a user: sidebar, search, keys, detail pane, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from readinglist.library.types import PaperQuery
from readinglist.ui.models.sidebar import KEY_ROLE
from tests.ui.conftest import wait_idle

pytestmark = pytest.mark.gui


def sidebar_count(window, key):
    index = window.sidebar_model.index_for_key(key)
    text = index.siblingAtColumn(1).data()
    return int(text) if text else 0


def click_sidebar(qtbot, window, key):
    index = window.sidebar_model.index_for_key(key)
    assert index is not None, key
    tree = window.sidebar.tree
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot, window)


def type_search(qtbot, window, text):
    window.search.clear()
    qtbot.keyClicks(window.search, text)
    wait_idle(qtbot, window)


def press(qtbot, window, key):
    window.table.setFocus()
    qtbot.keyClick(window.table, key)
    wait_idle(qtbot, window)


def test_first_run_shows_how_to_start(window):
    assert window.view.state() == "welcome"
    text = window.view.welcome.findChild(type(window.view.header), "welcomeText").text()
    assert "Ctrl+V" in text and "PDF" in text


def test_window_identity(app, window):
    assert app.applicationName() == "Reading List"
    assert app.organizationName()
    assert app.desktopFileName() == "readinglist"
    assert not app.windowIcon().isNull()


def test_seeded_library_shows_rows_and_counts(seeded, make_window):
    window = make_window()
    total = len(seeded.query_ids(PaperQuery()))
    assert total > 0
    assert window.view.state() == "table"
    assert window.model.rowCount() == total
    assert sidebar_count(window, "lib:all") == total
    # authors and topics sections are filled in the background
    assert (
        window.sidebar_model.index_for_key("sec:authors")
        .model()
        .rowCount(window.sidebar_model.index_for_key("sec:authors"))
        > 0
    )
    first = window.model.index(0, 1).data()
    assert first


def test_search_as_you_type_and_empty_feedback(seeded, make_window, qtbot):
    window = make_window()
    type_search(qtbot, window, "DyBit")
    assert window.model.rowCount() >= 1
    assert any(
        "DyBit" in (window.model.index(r, 1).data() or "") for r in range(window.model.rowCount())
    )
    type_search(qtbot, window, "zzzqqqnotthere")
    assert window.model.rowCount() == 0
    assert window.view.state() == "empty"
    assert "zzzqqqnotthere" in window.view.empty.text()
    assert "author:" in window.view.empty.text()
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    window.search.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=3000)
    assert window.view.state() == "table"


def test_search_prefixes(seeded, make_window, qtbot):
    window = make_window()
    type_search(qtbot, window, "author:Shwai")
    expected = len(seeded.query_ids(PaperQuery(author="Shwai He")))
    assert expected > 0
    assert window.model.rowCount() == expected
    type_search(qtbot, window, "status:read")
    assert window.model.rowCount() == 0


def test_sidebar_click_filters(seeded, make_window, qtbot):
    window = make_window()
    all_rows = window.model.rowCount()
    seeded.set_status(seeded.query_ids(PaperQuery())[:2], "queued")
    wait_idle(qtbot, window)
    click_sidebar(qtbot, window, "lib:queued")
    assert window.model.rowCount() == 2
    click_sidebar(qtbot, window, "lib:all")
    assert window.model.rowCount() == all_rows


def test_status_keys_update_counts_at_once(seeded, make_window, qtbot):
    window = make_window()
    unread_before = sidebar_count(window, "lib:unread")
    window.select_row(0)
    pid = window.current_id()
    press(qtbot, window, Qt.Key.Key_4)
    assert seeded.get(pid).status == "read"
    assert sidebar_count(window, "lib:read") == 1
    assert sidebar_count(window, "lib:unread") == unread_before - 1
    press(qtbot, window, Qt.Key.Key_Q)
    assert seeded.get(pid).status == "queued"
    assert window.detail.status.currentData() == "queued"
    press(qtbot, window, Qt.Key.Key_S)
    assert seeded.get(pid).starred
    assert sidebar_count(window, "lib:starred") == 1


def test_unread_view_moves_on_after_marking_read(seeded, make_window, qtbot):
    window = make_window()
    click_sidebar(qtbot, window, "lib:unread")
    n = window.model.rowCount()
    window.select_row(0)
    first = window.current_id()
    press(qtbot, window, Qt.Key.Key_D)
    assert window.model.rowCount() == n - 1
    assert window.current_id() is not None and window.current_id() != first


def test_j_k_move_between_papers(seeded, make_window, qtbot):
    window = make_window()
    window.select_row(0)
    press(qtbot, window, Qt.Key.Key_J)
    assert window.table.currentIndex().row() == 1
    assert window.detail.detail.id == window.model.paper_id(1)
    press(qtbot, window, Qt.Key.Key_K)
    assert window.table.currentIndex().row() == 0


def test_trash_and_undo(seeded, make_window, qtbot):
    window = make_window()
    total = window.model.rowCount()
    window.select_row(0)
    pid = window.current_id()
    press(qtbot, window, Qt.Key.Key_Delete)
    assert window.model.rowCount() == total - 1
    assert sidebar_count(window, "lib:trash") == 1
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert window.model.rowCount() == total
    assert seeded.get(pid).trashed_at is None


def test_detail_pane_shows_paper_and_author_link_opens_author_page(seeded, make_window, qtbot):
    window = make_window()
    type_search(qtbot, window, "SparseAdapter")
    window.select_row(0)
    detail = window.detail.detail
    assert detail is not None and "SparseAdapter" in window.detail.title.text()
    assert "Shwai He" in window.detail.authors.text()
    author = next(a for a in detail.authors if a.name == "Shwai He")
    window.detail.authors.linkActivated.emit(f"author:{author.id}:{author.name}")
    wait_idle(qtbot, window)
    assert window.view.header.isVisible()
    assert "Shwai He" in window.view.header.text()
    expected = len(seeded.query_ids(PaperQuery(author_id=author.id)))
    assert window.model.rowCount() == expected
    assert f"{expected} paper" in window.view.header.text()


def test_note_saves_as_you_type(seeded, make_window, qtbot):
    window = make_window()
    window.select_row(0)
    pid = window.current_id()
    editor = window.detail.note.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "# Thoughts")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Good *paper*")
    qtbot.waitUntil(lambda: seeded.get(pid).note == "# Thoughts\nGood *paper*", timeout=5000)
    window.detail.note.toggle.click()
    assert "Thoughts" in window.detail.note.preview.toPlainText()
    assert "*" not in window.detail.note.preview.toPlainText()


def test_tag_editor_adds_and_removes(seeded, make_window, qtbot):
    window = make_window()
    window.select_row(0)
    pid = window.current_id()
    entry = window.detail.tag_editor.entry
    qtbot.keyClicks(entry, "to-cite, ml")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert {t.name for t in seeded.get(pid).tags} == {"to-cite", "ml"}
    assert window.sidebar_model.index_for_key("tag:ml") is not None
    window.detail.tag_editor.chips.linkActivated.emit("remove:ml")
    wait_idle(qtbot, window)
    assert {t.name for t in seeded.get(pid).tags} == {"to-cite"}


def test_column_choice_and_splitter_are_remembered(seeded, make_window, settings, qtbot):
    window = make_window()
    header = window.table.horizontalHeader()
    header.setSectionHidden(6, True)  # tags
    window.splitter.setSizes([300, 700, 400])
    window.close()
    again = make_window()
    assert again.table.horizontalHeader().isSectionHidden(6)
    assert abs(again.splitter.sizes()[0] - window.splitter.sizes()[0]) <= 2


def test_sort_by_title_is_done_by_the_library(seeded, make_window, qtbot):
    window = make_window()
    window.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    wait_idle(qtbot, window)
    titles = [window.model.paper_row(r).title for r in range(window.model.rowCount())]
    expected = [
        r.title for r in seeded.rows(seeded.query_ids(PaperQuery(sort="title", descending=False)))
    ]
    assert titles == expected


def test_shortcuts_dialog_lists_the_keys(window):
    from readinglist.ui.dialogs.about import ShortcutsDialog

    dialog = ShortcutsDialog(window)
    keys = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert "S" in keys and "J / K" in keys and "Ctrl+V" in keys
    dialog.close()


def test_paste_shortcut_opens_dialog_with_clipboard(window, qtbot, seeds_dir):
    text = (seeds_dir / "000_73145fa7ce40fc4f.txt").read_text(encoding="utf-8")
    QApplication.clipboard().setText(text)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.dialogs, "Ctrl+V opened no dialog"
    dialog = window.dialogs[-1]
    assert dialog.source.toPlainText() == text
    qtbot.waitUntil(dialog.ready, timeout=15000)
    assert dialog.model.rowCount() == 14
    dialog.reject()


def test_ctrl_v_in_search_box_pastes_text_not_a_listing(window, qtbot):
    QApplication.clipboard().setText("transformers")
    window.search.setFocus()
    qtbot.keyClick(window.search, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.search.text() == "transformers"
    assert not window.dialogs


def test_sidebar_filter_box_narrows_authors(seeded, make_window, qtbot):
    window = make_window()
    qtbot.keyClicks(window.sidebar.filter, "Shwai")
    qtbot.waitUntil(
        lambda: window.last_sidebar is not None and window.last_sidebar.filter_text == "Shwai",
        timeout=5000,
    )
    wait_idle(qtbot, window)
    section = window.sidebar_model.index_for_key("sec:authors")
    names = [
        window.sidebar_model.index(r, 0, section).data()
        for r in range(window.sidebar_model.rowCount(section))
    ]
    assert names == ["Shwai He"]
    click_sidebar(qtbot, window, window.sidebar_model.index(0, 0, section).data(KEY_ROLE))
    assert "Shwai He" in window.view.header.text()


def test_profile_owner_page_shows_the_profile(seeded, make_window, qtbot):
    window = make_window()
    ids = seeded.query_ids(PaperQuery(author="Hayden Kwok-Hay So"))
    assert len(ids) == 14
    ref = next(a for a in seeded.get(ids[0]).authors if a.name == "Hayden Kwok-Hay So")
    window.open_author(ref.id, ref.name)
    wait_idle(qtbot, window)
    assert window.model.rowCount() == 14
    header = window.view.header.text()
    assert "14 papers" in header
    assert "h-index 98" in header


def test_export_notes_from_the_window(seeded, make_window, qtbot, tmp_path):
    window = make_window()
    seeded.set_note(window.model.paper_id(0), "My **note**")
    wait_idle(qtbot, window)
    window.select_row(0)
    dialog = window.export_notes()
    dialog.folder.setText(str(tmp_path / "notes"))
    dialog.scope_selection.setChecked(True)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.task is None and "Exported" in dialog.message.text(), timeout=15000
    )
    files = list((tmp_path / "notes").glob("*.md"))
    assert len(files) == 1
    assert "My **note**" in files[0].read_text(encoding="utf-8")
    dialog.close()


def test_tag_colour_chosen_from_sidebar_menu(seeded, make_window, qtbot, monkeypatch):
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog

    from readinglist.ui.views.context_menus import choose_tag_colour

    seeded.add_tags(seeded.query_ids(PaperQuery())[:3], ["survey"])
    window = make_window()
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#ff8800"))
    choose_tag_colour(window, "survey")
    wait_idle(qtbot, window)
    index = window.sidebar_model.index_for_key("tag:survey")
    assert index.data(Qt.ItemDataRole.DecorationRole) == QColor("#ff8800")
    assert index.siblingAtColumn(1).data() == "3"
