"""import_pdfs: folders in, one result per file, batches, cancel, passwords,
duplicates and merging with pasted entries, on a real Library."""

from __future__ import annotations

import shutil

import pytest

from readinglist.core.entry import ParsedEntry, ParseResult
from readinglist.importers.pdf import expand_pdf_paths, import_pdfs


@pytest.fixture
def library(tmp_path):
    from readinglist.library import Library

    lib = Library.open(tmp_path / "lib.sqlite")
    yield lib
    lib.close()


@pytest.fixture
def downloads(tmp_path, pdf_fixtures, hostile_fixtures):
    """A Downloads-like folder: papers, a subfolder, odd cases, a broken file."""
    d = tmp_path / "Downloads"
    (d / "sub" / "deeper").mkdir(parents=True)
    shutil.copy(pdf_fixtures / "layoutparser_lncs_excerpt.pdf", d / "a.pdf")
    shutil.copy(pdf_fixtures / "dycos_german_arxiv1512.pdf", d / "sub" / "B.PDF")
    shutil.copy(pdf_fixtures / "solitary_waves_zfn1999_scanned_ocr.pdf", d / "sub" / "deeper" / "c.Pdf")
    shutil.copy(hostile_fixtures / "truncated_unterminated_stream.pdf", d / "broken.pdf")
    (d / "notes.txt").write_text("not a pdf")
    return d


def test_folders_expand_recursively_case_insensitively(downloads):
    files = expand_pdf_paths([downloads, downloads / "a.pdf"])
    names = sorted(p.rsplit("/", 1)[-1] for p in files)
    assert names == ["B.PDF", "a.pdf", "broken.pdf", "c.Pdf"]


def test_folder_import_gives_one_result_per_file(library, downloads):
    steps = list(import_pdfs(library, [downloads]))
    assert [s.done for s in steps] == [1, 2, 3, 4]
    assert all(s.total == 4 for s in steps)
    by_name = {s.path.rsplit("/", 1)[-1]: s.result for s in steps}
    assert by_name["broken.pdf"].status == "error"
    assert by_name["broken.pdf"].error == "damaged: no pages could be read"
    for name in ("a.pdf", "B.PDF", "c.Pdf"):
        assert by_name[name].status == "added", by_name[name]
    paper = library.get(by_name["a.pdf"].id)
    assert paper.title.startswith("LayoutParser")
    assert [a.name for a in paper.authors][:3] == ["Zejiang Shen", "Ruochen Zhang", "Melissa Dell"]
    assert paper.page_count == 2
    assert paper.pdf_path and paper.thumbnail_path
    # the original stays where it was
    assert (downloads / "a.pdf").exists()
    batch = library.batches()[0]
    assert batch.kind == "pdf" and batch.added == 3


def test_cancel_stops_after_the_current_file_and_keeps_it(library, downloads):
    seen = []

    def cancel() -> bool:
        return len(seen) >= 1

    for step in import_pdfs(library, [downloads], cancel=cancel, workers=1):
        seen.append(step)
    assert len(seen) == 1
    assert library.batches()  # the batch was closed with what was done
    kept = [s for s in seen if s.result.status == "added"]
    for s in kept:
        assert library.get(s.result.id).title


def test_closing_the_generator_early_still_closes_the_batch(library, downloads):
    gen = import_pdfs(library, [downloads], workers=1)
    first = next(gen)
    gen.close()
    assert first.done == 1
    assert len(library.batches()) == 1


def test_same_file_twice_is_stored_once(library, pdf_fixtures, tmp_path):
    src = pdf_fixtures / "wheat_heat_stress_plosone2018.pdf"
    other = tmp_path / "renamed copy.pdf"
    shutil.copy(src, other)
    first = list(import_pdfs(library, [src]))[0].result
    second = list(import_pdfs(library, [other]))[0].result
    assert first.status == "added"
    assert second.status == "duplicate" and second.id == first.id
    stored = [p for p in library.files_dir.rglob("*.pdf")]
    assert len(stored) == 1
    assert library.get(first.id).doi == "10.1371/journal.pone.0197919"


def test_pdf_merges_into_a_pasted_entry(library, pdf_fixtures):
    pasted = ParseResult(format="arxiv", entries=[ParsedEntry(
        title="LayoutParser: A Unified Toolkit for Deep Learning Based Document Image Analysis",
        authors=["Zejiang Shen", "Ruochen Zhang"], authors_truncated=True, arxiv_id="2103.15348",
    )])
    report = library.import_parsed(pasted, raw_text="pasted")
    pid = report.added[0]
    result = list(import_pdfs(library, [pdf_fixtures / "layoutparser_lncs_excerpt.pdf"]))[0].result
    assert result.status == "merged"
    assert result.id == pid
    paper = library.get(pid)
    assert paper.pdf_path is not None
    assert len(paper.authors) == 6  # the fuller list replaced the truncated one


def test_password_is_asked_for_protected_files(library, hostile_fixtures):
    asked = []

    def password_for(path: str) -> str | None:
        asked.append(path)
        return "asdfzxcv"

    path = hostile_fixtures / "encrypted_aes256_user_password.pdf"
    result = list(import_pdfs(library, [path], password_for=password_for))[0].result
    assert asked == [str(path)]
    assert result.status == "added"


def test_protected_file_without_password_is_reported(library, hostile_fixtures):
    path = hostile_fixtures / "encrypted_aes256_user_password.pdf"
    result = list(import_pdfs(library, [path]))[0].result
    assert result.status == "error" and result.error == "password protected"
    assert result.encrypted


def test_missing_path_is_a_result_not_a_crash(library, tmp_path, pdf_fixtures):
    steps = list(import_pdfs(library, [tmp_path / "gone.pdf",
                                       pdf_fixtures / "layoutparser_lncs_excerpt.pdf"]))
    results = {s.path.rsplit("/", 1)[-1]: s.result for s in steps}
    assert results["gone.pdf"].status == "error"
    assert results["gone.pdf"].error == "file not found"
    assert results["layoutparser_lncs_excerpt.pdf"].status == "added"


def test_nothing_to_import(library, tmp_path):
    assert list(import_pdfs(library, [tmp_path])) == []
    assert library.batches() == []
