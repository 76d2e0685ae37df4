"""Broken and hostile PDFs (../shared/fixtures/hostile): each ends in a clear
per-file result, read in a worker process with a time and a memory limit."""

from __future__ import annotations

import shutil

import pytest

from readinglist.importers.pdf import extract_pdf
from readinglist.importers.pdf_pool import PdfWorkerPool


def test_every_hostile_file_ends_in_a_clear_result(hostile_fixtures):
    files = sorted(hostile_fixtures.glob("*.pdf"))
    assert len(files) >= 5
    with PdfWorkerPool(2) as pool:
        results = dict(pool.imap_unordered([(str(f), None) for f in files]))
    assert set(results) == {str(f) for f in files}
    for path, ex in results.items():
        assert ex.path == path
        if ex.error:
            # one plain sentence, no exception text
            assert "\n" not in ex.error and "Traceback" not in ex.error and len(ex.error) < 80
        else:
            assert ex.entry is not None and ex.page_count > 0


def test_zero_byte_file_is_empty(hostile_fixtures):
    ex = extract_pdf(hostile_fixtures / "zero_byte.pdf")
    assert ex.error == "empty file"
    assert ex.entry is None


def test_truncated_file_is_damaged_with_no_pages(hostile_fixtures):
    ex = extract_pdf(hostile_fixtures / "truncated_unterminated_stream.pdf")
    assert ex.error == "damaged: no pages could be read"
    assert ex.page_count == 0 and ex.thumbnail_png is None and ex.full_text == ""


def test_encrypted_file_says_password_protected(hostile_fixtures):
    ex = extract_pdf(hostile_fixtures / "encrypted_aes256_user_password.pdf")
    assert ex.encrypted
    assert ex.error == "password protected"
    wrong = extract_pdf(hostile_fixtures / "encrypted_aes256_user_password.pdf", password="nope")
    assert wrong.encrypted and wrong.error.startswith("password protected")


def test_encrypted_file_opens_with_the_right_password(hostile_fixtures):
    ex = extract_pdf(hostile_fixtures / "encrypted_aes256_user_password.pdf", password="asdfzxcv")
    assert ex.error is None
    assert ex.encrypted
    assert ex.page_count == 1
    assert ex.full_text.strip()


def test_javascript_is_not_run_and_is_reported(hostile_fixtures):
    ex = extract_pdf(hostile_fixtures / "javascript_doclevel_autoprint.pdf")
    assert ex.error is None
    assert ex.page_count == 1
    assert ex.full_text.strip() == ""
    assert any("JavaScript" in w for w in ex.warnings)
    assert ex.entry.title is None and ex.entry.needs_review
    assert ex.thumbnail_png is not None  # the blank page still gets a thumbnail


@pytest.mark.slow
def test_huge_file_is_read_within_bounds(hostile_fixtures):
    ex = extract_pdf(hostile_fixtures / "huge_619_pages.pdf")
    assert ex.error is None
    assert ex.page_count == 619
    # text is bounded (first 200 pages, capped characters), not all 1.85 M characters
    assert 0 < len(ex.full_text) <= 1_500_000
    assert any("200" in w for w in ex.warnings)
    # its first page is a table of contents: neither a title nor an abstract
    assert ex.entry.abstract is None
    assert ex.entry.title is None and ex.entry.needs_review


@pytest.mark.slow
def test_timeout_gives_a_result_and_the_next_file_still_works(hostile_fixtures, pdf_fixtures):
    with PdfWorkerPool(1, timeout=30) as pool:
        slow = pool.extract(str(hostile_fixtures / "huge_619_pages.pdf"), timeout=0.002)
        assert slow.error is not None and slow.error.startswith("took too long to read (over")
        assert slow.sha256 and slow.size > 0
        nxt = pool.extract(str(pdf_fixtures / "layoutparser_lncs_excerpt.pdf"))
        assert nxt.error is None
        assert nxt.entry.title.startswith("LayoutParser")
        assert pool.stats.timeouts == 1


def test_timeout_message_names_the_limit(hostile_fixtures):
    with PdfWorkerPool(1) as pool:
        ex = pool.extract(str(hostile_fixtures / "huge_619_pages.pdf"), timeout=0.001)
    assert ex.error == "took too long to read (over 0.001 s)"


def test_missing_and_non_pdf_files(tmp_path):
    assert extract_pdf(tmp_path / "nope.pdf").error == "file not found"
    text = tmp_path / "notes.pdf"
    text.write_text("just some notes, not a PDF at all\n" * 20)
    ex = extract_pdf(text)
    assert ex.error is not None and ex.entry is None


def test_garbage_after_a_pdf_header_is_damaged(tmp_path, pdf_fixtures):
    src = (pdf_fixtures / "layoutparser_lncs_excerpt.pdf").read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(src[:4000])  # header and a few objects, no pages or xref
    ex = extract_pdf(cut)
    assert ex.error is not None or ex.page_count >= 0  # never raises
    copy = tmp_path / "copy.PDF"
    shutil.copy(pdf_fixtures / "layoutparser_lncs_excerpt.pdf", copy)
    assert extract_pdf(copy).entry.title.startswith("LayoutParser")


def test_memory_limit_ends_in_a_result(pdf_fixtures):
    # A limit too small to even load the reader: a clear error, never a hang
    with PdfWorkerPool(1, memory_mb=60, timeout=20) as pool:
        ex = pool.extract(str(pdf_fixtures / "wheat_heat_stress_plosone2018.pdf"))
    assert ex.error is None or ex.error in {
        "ran out of memory", "the PDF reader could not be started",
        "damaged: the PDF reader crashed on this file", "damaged: the file could not be read",
    }
