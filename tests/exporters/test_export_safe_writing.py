"""Exports never leave half-written files: full disks, bad folders, cancel, progress."""

from __future__ import annotations

import errno
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st
from paperdata import make_paper

from readinglist.exporters import ExportCancelled, ExportError, export_file
from readinglist.exporters.notes import MANIFEST, export_notes
from readinglist.exporters.safefile import safe_filename


def _papers(n: int) -> list:
    return [make_paper(i + 1, title=f"Paper number {i + 1}") for i in range(n)]


def test_a_file_in_place_of_the_folder_gives_a_clear_error(tmp_path):
    blocker = tmp_path / "notes"
    blocker.write_text("not a folder")
    with pytest.raises(ExportError, match="not a folder"):
        export_notes(_papers(2), blocker)
    assert blocker.read_text() == "not a folder"


def _fail_after(monkeypatch, calls: int, code: int = errno.ENOSPC) -> None:
    real_write = os.write
    count = {"n": 0}

    def write(fd, data):
        count["n"] += 1
        if count["n"] > calls:
            raise OSError(code, os.strerror(code))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", write)


def test_full_disk_keeps_old_files_whole_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    export_notes(_papers(3), tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    _fail_after(monkeypatch, calls=1)
    changed = [make_paper(i + 1, title=f"Paper number {i + 1}", status="read") for i in range(3)]
    with pytest.raises(ExportError, match="disk is full"):
        export_notes(changed, tmp_path)
    monkeypatch.undo()
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert set(after) == set(before)  # no temporary or partial file left behind
    for name, data in after.items():
        if name != MANIFEST:
            assert data == before[name] or b"status: read" in data
    # the manifest knows about the one file that did get written: a re-export is clean
    again = export_notes(changed, tmp_path)
    assert not again.modified and not again.conflicts


def test_single_file_export_to_a_full_disk_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "refs.bib"
    target.write_text("old content\n")
    _fail_after(monkeypatch, calls=0)
    with pytest.raises(ExportError, match="disk is full"):
        export_file("bibtex", _papers(5), target)
    monkeypatch.undo()
    assert target.read_text() == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["refs.bib"]


def test_permission_denied_is_one_clear_sentence(tmp_path, monkeypatch):
    _fail_after(monkeypatch, calls=0, code=errno.EACCES)
    with pytest.raises(ExportError, match="permission denied") as info:
        export_file("ris", _papers(1), tmp_path / "x.ris")
    assert "\n" not in str(info.value)


def test_missing_folder_for_a_single_file(tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        export_file("csljson", _papers(1), tmp_path / "nope" / "x.json")


def test_cancel_stops_after_the_current_note_and_keeps_what_was_written(tmp_path):
    seen = []

    def progress(done, total):
        seen.append((done, total))

    result = export_notes(_papers(10), tmp_path, progress=progress, cancel=lambda: len(seen) >= 3)
    assert result.cancelled
    assert len(result.written) == 3
    assert len(list(tmp_path.glob("*.md"))) == 3
    assert seen == [(1, 10), (2, 10), (3, 10)]
    assert "stopped" in result.summary().lower()
    rest = export_notes(_papers(10), tmp_path)
    assert len(rest.unchanged) == 3 and len(rest.written) == 7


def test_cancelled_single_file_export_writes_nothing(tmp_path):
    with pytest.raises(ExportCancelled):
        export_file("bibtex", _papers(300), tmp_path / "refs.bib", cancel=lambda: True)
    assert list(tmp_path.iterdir()) == []


def test_progress_reaches_the_total(tmp_path):
    seen = []
    export_file(
        "csljson", _papers(450), tmp_path / "x.json", progress=lambda d, t: seen.append((d, t))
    )
    assert seen[-1] == (450, 450)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


@given(st.text(max_size=300))
def test_safe_filename_is_portable_for_any_text(text):
    name = safe_filename(text)
    assert name and not set('/\\:*?"<>|') & set(name)
    assert all(ord(c) >= 32 and c != "\x7f" for c in name)
    assert len(name.encode("utf-8")) <= 200
    assert not name.startswith(".") and not name.endswith((".", " "))
    assert name.split(".")[0].strip().lower() not in {"con", "prn", "aux", "nul", "com1", "lpt1"}
