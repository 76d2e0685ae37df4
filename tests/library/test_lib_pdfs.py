"""Storing PDFs: one copy per content, thumbnails, full text, merging with pastes."""

import hashlib

import pytest
from libhelpers import entry, result

from readinglist.core.entry import ParsedEntry, PdfExtraction
from readinglist.library import PaperQuery


def extraction(tmp_path, content=b"%PDF-1.4 fake body", name="paper.pdf", **kw):
    path = tmp_path / name
    path.write_bytes(content)
    kw.setdefault("entry", ParsedEntry(title="Playing for Data", authors=["Stephan R. Richter"],
                                       year=2016))
    return PdfExtraction(path=str(path), sha256=hashlib.sha256(content).hexdigest(),
                         size=len(content), page_count=12, thumbnail_png=b"\x89PNG fake",
                         full_text="ground truth from computer games " * 10, **kw)


@pytest.fixture
def batch(lib):
    return lib.begin_pdf_batch("a folder")


def test_pdf_is_stored_under_its_hash(lib, batch, tmp_path):
    ex = extraction(tmp_path)
    res = lib.add_pdf(ex, batch_id=batch)
    assert res.status == "added" and res.title == "Playing for Data"
    d = lib.get(res.id)
    assert d.pdf_path.endswith(f"pdf/{ex.sha256[:2]}/{ex.sha256}.pdf")
    assert open(d.pdf_path, "rb").read() == b"%PDF-1.4 fake body"
    assert open(d.thumbnail_path, "rb").read() == b"\x89PNG fake"
    assert d.page_count == 12
    assert lib.query_ids(PaperQuery(search="computer games")) == [res.id]
    assert lib.rows([res.id])[0].has_pdf
    info = lib.finish_batch(batch)
    assert (info.kind, info.added) == ("pdf", 1)


def test_same_content_twice_is_a_duplicate(lib, batch, tmp_path):
    first = lib.add_pdf(extraction(tmp_path), batch_id=batch)
    again = lib.add_pdf(extraction(tmp_path, name="copy.pdf"), batch_id=batch)
    assert again.status == "duplicate" and again.id == first.id
    assert len(list(lib.files_dir.rglob("*.pdf"))) == 1


def test_pdf_of_a_pasted_paper_attaches_to_it(lib, batch, tmp_path):
    pid = lib.import_parsed(result(entry("Playing for Data: Ground Truth from Computer Games",
                                         doi="10.1007/978-3-319-46475-6_7")),
                            raw_text="x").added[0]
    ex = extraction(tmp_path, entry=ParsedEntry(title="Playing for Data", abstract="We show ...",
                                                doi="10.1007/978-3-319-46475-6_7"))
    res = lib.add_pdf(ex, batch_id=batch)
    assert res.status == "merged" and res.id == pid
    d = lib.get(pid)
    assert d.pdf_path and d.title == "Playing for Data: Ground Truth from Computer Games"
    assert d.abstract == "We show ..."


def test_low_confidence_fields_are_flagged(lib, batch, tmp_path):
    ex = extraction(tmp_path, confidence={"title": 0.3, "authors": 0.9})
    d = lib.get(lib.add_pdf(ex, batch_id=batch).id)
    assert d.needs_review and any("title" in r for r in d.review_reasons)
    assert d.field_confidence == {"title": 0.3, "authors": 0.9}


def test_unreadable_pdf_writes_nothing(lib, batch, tmp_path):
    ex = extraction(tmp_path, entry=None, error="The file is password-protected.", encrypted=True)
    res = lib.add_pdf(ex, batch_id=batch)
    assert (res.status, res.error, res.encrypted) == ("error", "The file is password-protected.",
                                                       True)
    assert lib.counts().all == 0 and not lib.files_dir.exists()


def test_undo_pdf_batch_removes_file(lib, batch, tmp_path):
    res = lib.add_pdf(extraction(tmp_path), batch_id=batch)
    path = lib.get(res.id).pdf_path
    assert lib.undo_import(batch) == 1
    assert lib.counts().all == 0
    import os
    assert not os.path.exists(path)
