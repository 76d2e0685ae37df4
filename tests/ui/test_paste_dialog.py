"""The paste import dialog with every seed listing: preview, edit, import, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from readinglist.core.entry import ParseContext
from readinglist.importers.listing.detect import parse_text
from readinglist.library.types import PaperQuery
from readinglist.ui.models.preview import CHOICES_ROLE
from tests.ui.conftest import SEED_REFERENCE, import_text, wait_idle

pytestmark = pytest.mark.gui

SEEDS = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "seeds").glob("*.txt"))


def open_dialog(window, qtbot, text):
    dialog = window.open_paste_dialog(text)
    dialog.reference.setDate(SEED_REFERENCE)
    dialog.reparse()
    qtbot.waitUntil(dialog.ready, timeout=20000)
    return dialog


def click_import(dialog, qtbot, window):
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20000)
    wait_idle(qtbot, window)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_each_seed_previews_and_imports(window, library, qtbot, seed):
    text = seed.read_text(encoding="utf-8")
    expected = parse_text(text, ParseContext(reference_date=SEED_REFERENCE))
    dialog = open_dialog(window, qtbot, text)
    n = len(expected.entries)
    assert n > 0
    assert dialog.model.rowCount() == n
    assert "Detected format" in dialog.format_label.text()
    assert all(dialog.model.action_text(r) == "new" for r in range(n))
    assert dialog.import_button.text().startswith(f"Import {n}")
    click_import(dialog, qtbot, window)
    assert len(dialog.report.added) == n
    assert f"{n} added" in dialog.summary.text()
    assert window.model.rowCount() == n
    assert window.view.state() == "table"
    assert len(library.query_ids(PaperQuery())) == n
    # Undo from the summary removes the whole import
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=10000)
    assert window.view.state() == "welcome"


def test_reimport_shows_merge_or_duplicate(window, library, qtbot, seeds_dir):
    seed = seeds_dir / "002_048387b8d4aff427.txt"
    import_text(library, seed)
    wait_idle(qtbot, window)
    dialog = open_dialog(window, qtbot, seed.read_text(encoding="utf-8"))
    texts = [dialog.model.action_text(r) for r in range(dialog.model.rowCount())]
    assert texts and all(t != "new" for t in texts)
    dialog.reject()


def test_unchecked_entries_are_not_imported_and_tags_status_apply(
    window, library, qtbot, seeds_dir
):
    seed = seeds_dir / "000_73145fa7ce40fc4f.txt"
    dialog = open_dialog(window, qtbot, seed.read_text(encoding="utf-8"))
    n = dialog.model.rowCount()
    first = dialog.model.index(0, 0)
    assert dialog.model.setData(
        first, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    qtbot.keyClicks(dialog.tags, "survey, profile")
    dialog.status.setCurrentIndex(dialog.status.findData("queued"))
    assert dialog.import_button.text().startswith(f"Import {n - 1}")
    click_import(dialog, qtbot, window)
    ids = library.query_ids(PaperQuery())
    assert len(ids) == n - 1
    assert len(library.query_ids(PaperQuery(tag="survey"))) == n - 1
    assert len(library.query_ids(PaperQuery(status="queued"))) == n - 1
    dialog.accept()


def test_missing_title_can_be_completed_in_place(window, library, qtbot, seeds_dir):
    seed = seeds_dir / "004_f5639f15d8214b60.txt"
    dialog = open_dialog(window, qtbot, seed.read_text(encoding="utf-8"))
    model = dialog.model
    untitled = [r for r, e in enumerate(model.entries) if not e.title]
    if not untitled:
        pytest.skip("this listing has titles")
    row = untitled[0]
    assert "(no title)" in model.index(row, 0).data()
    assert model.setData(model.index(row, 0), "A title I typed")
    click_import(dialog, qtbot, window)
    titles = [r.title for r in library.rows(library.query_ids(PaperQuery()))]
    assert "A title I typed" in titles


def test_empty_paste_says_so(window, qtbot):
    dialog = open_dialog(window, qtbot, "   ")
    assert dialog.model.rowCount() == 0
    assert not dialog.import_button.isEnabled()
    assert "empty" in dialog.warnings.text().lower()
    dialog.reject()


def test_live_preview_follows_typing(window, qtbot):
    dialog = open_dialog(window, qtbot, "")
    dialog.source.setFocus()
    for line in ("arXiv:2301.00001", "arXiv:2302.00002"):
        qtbot.keyClicks(dialog.source, line)
        qtbot.keyClick(dialog.source, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.ready() and dialog.model.rowCount() == 2, timeout=15000)
    dialog.reject()


def test_possible_duplicate_can_be_merged_by_choice(window, library, qtbot):
    from readinglist.core.entry import ParsedEntry, ParseResult

    library.import_parsed(
        ParseResult(
            "generic",
            [
                ParsedEntry(
                    title="Sparse adapters for efficient fine-tuning of language models",
                    authors=["Shwai He", "Liang Ding"],
                    year=2022,
                )
            ],
        ),
        raw_text="seed",
    )
    wait_idle(qtbot, window)
    text = (
        "@article{smith22,\n  title={Sparse adapter for efficient fine tuning of large language "
        "models},\n  author={Smith, Bob},\n  year={2022}\n}\n"
    )
    dialog = open_dialog(window, qtbot, text)
    assert dialog.model.rowCount() == 1
    assert dialog.model.action_text(0).startswith("new — possible duplicate of")
    choices = dialog.model.index(0, 5).data(CHOICES_ROLE)
    assert choices[0] == "Add as a new paper" and choices[1].startswith("Merge with")
    assert dialog.model.setData(dialog.model.index(0, 5), 1)
    assert dialog.model.action_text(0).startswith("merge with")
    click_import(dialog, qtbot, window)
    assert len(dialog.report.merged) == 1 and not dialog.report.added
    assert len(library.query_ids(PaperQuery())) == 1
