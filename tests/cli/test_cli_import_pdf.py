"""import-pdf from the command line: per-file JSON, bad files, Ctrl-C keeps what is done."""

from __future__ import annotations

import json
import os
import shutil
import signal

import pytest

KEYS = {"path", "status", "id", "error", "title", "authors", "year", "arxiv_id", "doi"}
pytestmark = pytest.mark.slow


@pytest.fixture
def pdf_dir(pdf_fixtures, tmp_path):
    """Three real PDFs and one empty file in a folder (with a sub-folder)."""
    folder = tmp_path / "pdfs"
    (folder / "sub").mkdir(parents=True)
    names = sorted(p.name for p in pdf_fixtures.glob("*.pdf"))[:3]
    for name in names[:2]:
        shutil.copy(pdf_fixtures / name, folder / name)
    shutil.copy(pdf_fixtures / names[2], folder / "sub" / names[2])
    (folder / "empty.pdf").write_bytes(b"")
    return folder


def test_one_json_object_per_file_and_bad_files_do_not_stop_the_rest(rl, pdf_dir):
    run = rl("import-pdf", str(pdf_dir), "--json")
    assert run.code == 1  # one file failed
    lines = [json.loads(line) for line in run.out.splitlines()]
    assert len(lines) == 4
    for obj in lines:
        assert KEYS <= set(obj)
        assert obj["status"] in {"added", "merged", "duplicate", "error"}
    bad = [o for o in lines if o["path"].endswith("empty.pdf")]
    assert bad[0]["status"] == "error" and bad[0]["error"] and bad[0]["id"] is None
    good = [o for o in lines if o["status"] != "error"]
    assert len(good) == 3 and all(isinstance(o["id"], int) for o in good)
    assert len(rl("list", "--json").json()) == len({o["id"] for o in good})

    again = rl("import-pdf", str(pdf_dir / "sub"), "--json")
    assert again.code == 0
    assert [json.loads(x)["status"] for x in again.out.splitlines()] == ["duplicate"]


def test_human_summary(rl, pdf_dir):
    run = rl("import-pdf", str(pdf_dir / "sub"))
    assert run.code == 0
    assert "1 added" in run.out


def test_missing_path_is_refused_before_anything_is_imported(rl, pdf_dir, library):
    run = rl("import-pdf", str(pdf_dir), str(pdf_dir / "nope.pdf"))
    assert run.code == 2 and "nope.pdf" in run.err and len(run.err.strip().splitlines()) == 1
    assert not library.exists()


def test_ctrl_c_stops_after_the_current_file_and_keeps_it(rl, pdf_dir, monkeypatch):
    import readinglist.importers.pdf as pdf

    real = pdf.import_pdfs

    def interrupted_after_first(library, paths, cancel=None, **kw):
        for n, event in enumerate(real(library, paths, cancel=cancel, **kw)):
            if n == 0:
                os.kill(os.getpid(), signal.SIGINT)  # the user presses Ctrl-C
            yield event

    monkeypatch.setattr(pdf, "import_pdfs", interrupted_after_first)
    run = rl("import-pdf", str(pdf_dir))
    assert run.code == 130
    assert "Stopped" in run.out
    assert "Traceback" not in run.err
    kept = rl("list", "--json").json()
    assert 1 <= len(kept) < 4
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_check_reports_a_stored_pdf_that_went_missing(rl, pdf_dir):
    assert rl("import-pdf", str(pdf_dir / "sub")).code == 0
    [row] = rl("list", "--json").json()
    stored = rl("show", str(row["id"]), "--json").json()["pdf_path"]
    assert stored and os.path.exists(stored)
    assert rl("check").code == 0
    os.remove(stored)
    run = rl("check")
    assert run.code == 1
    assert "problem" in run.out and len(run.out.strip().splitlines()) >= 2
