"""Every item model of the GUI passes pytest-qt's qtmodeltester."""

from __future__ import annotations

import pytest

from readinglist.core.entry import ParseContext
from readinglist.importers.listing.detect import parse_text
from readinglist.library.types import PaperQuery
from readinglist.ui.models.paper_table import PaperTableModel
from readinglist.ui.models.preview import PreviewModel
from readinglist.ui.models.sidebar import SidebarModel, load_sidebar_data
from tests.ui.conftest import SEED_REFERENCE

pytestmark = pytest.mark.gui


def test_paper_table_model(app, seeded, qtmodeltester):
    model = PaperTableModel(seeded)
    model.set_query(PaperQuery())
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    model.sort(1)
    qtmodeltester.check(model)


def test_paper_table_model_empty(app, library, qtmodeltester):
    model = PaperTableModel(library)
    model.set_query(PaperQuery(search="nothing at all"))
    qtmodeltester.check(model)


def test_sidebar_model(app, seeded, qtmodeltester):
    model = SidebarModel()
    model.apply(load_sidebar_data(seeded))
    qtmodeltester.check(model)
    model.apply(load_sidebar_data(seeded, "he"))
    qtmodeltester.check(model)


def test_preview_model(app, library, seeds_dir, qtmodeltester):
    text = (seeds_dir / "000_73145fa7ce40fc4f.txt").read_text(encoding="utf-8")
    result = parse_text(text, ParseContext(reference_date=SEED_REFERENCE))
    model = PreviewModel()
    model.set_result(result, library.preview_import(result))
    assert model.rowCount() == len(result.entries)
    qtmodeltester.check(model)


def test_paper_rows_are_fetched_in_chunks(app, seeded):
    calls = []

    class Counting:
        def __getattr__(self, name):
            return getattr(seeded, name)

        def rows(self, ids):
            calls.append(len(ids))
            return seeded.rows(ids)

    model = PaperTableModel(Counting())
    model.set_query(PaperQuery())
    n = model.rowCount()
    for r in range(n):
        model.index(r, 1).data()
    assert calls and len(calls) <= (n // 200) + 1
