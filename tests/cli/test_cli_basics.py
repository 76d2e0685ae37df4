"""The command line's contract: help, version, parse output, one-line errors."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readinglist import __version__
from readinglist.cli import main

COMMANDS = [
    "parse",
    "import-text",
    "import-pdf",
    "list",
    "show",
    "authors",
    "topics",
    "tags",
    "set-status",
    "tag",
    "note",
    "export-notes",
    "export",
    "backup",
    "check",
]


def one_line_error(run) -> str:
    assert run.code == 2, (run.code, run.out, run.err)
    lines = run.err.strip().splitlines()
    assert len(lines) == 1, run.err
    assert "Traceback" not in run.err
    return lines[0]


def test_version(rl):
    run = rl("--version")
    assert run.code == 0 and run.out.strip() == f"readinglist {__version__}"


def test_help_documents_every_command(rl):
    run = rl("--help")
    assert run.code == 0
    for command in COMMANDS:
        assert f"readinglist {command}" in run.out
    for command in COMMANDS:
        sub = rl(command, "--help", lib=None)
        assert sub.code == 0 and "--library" in sub.out, command


def test_parse_json_has_exactly_the_contract_keys(rl, listings_dir):
    run = rl(
        "parse",
        str(listings_dir / "arxiv_list_1.txt"),
        "--json",
        "--reference-date",
        "2024-03-15",
        lib=None,
    )
    assert run.code == 0, run.err
    data = run.json()
    assert set(data) == {"format", "profile", "entries", "warnings"}
    assert len(data["entries"]) == 76
    first = data["entries"][0]
    for key in (
        "title",
        "authors",
        "authors_truncated",
        "author_count",
        "date",
        "year",
        "topics",
        "has_code",
        "abstract",
        "arxiv_id",
        "doi",
        "url",
        "venue",
        "organization",
        "score",
        "upvotes",
        "needs_review",
        "warnings",
    ):
        assert key in first
    assert first["arxiv_id"] == "2403.08726"


def test_parse_reads_standard_input(rl, monkeypatch, seeds_dir):
    import io

    text = (seeds_dir / "000_73145fa7ce40fc4f.txt").read_bytes()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text), encoding="utf-8"))
    run = rl("parse", "-", "--json", lib=None)
    assert run.code == 0 and run.json()["profile"]["name"] == "Hayden Kwok-Hay So"


def test_parse_human_output_is_a_short_table(rl, listings_dir):
    run = rl("parse", str(listings_dir / "google_scholar_1.txt"), lib=None)
    assert run.code == 0
    assert run.out.splitlines()[0].startswith("Format: ")
    assert "Quantum field theory and critical phenomena" in run.out


@pytest.mark.parametrize("text", ["", "   \n\n", "lorem ipsum\n", "\x01\x02garbage"])
def test_empty_or_garbage_paste_is_refused_in_one_line(rl, tmp_path, text):
    path = tmp_path / "paste.txt"
    path.write_text(text)
    one_line_error(rl("parse", str(path), lib=None))
    err = one_line_error(rl("import-text", str(path)))
    assert "Nothing imported" in err


def test_missing_file(rl, tmp_path):
    assert "No such file" in one_line_error(rl("import-text", str(tmp_path / "nope.txt")))
    assert "No such file" in one_line_error(rl("parse", str(tmp_path / "nope.txt")))


def test_a_pdf_given_to_import_text_points_to_import_pdf(rl, tmp_path):
    pdf = tmp_path / "paper.txt"
    pdf.write_bytes(b"%PDF-1.7\n\x00\x01binary")
    assert "import-pdf" in one_line_error(rl("import-text", str(pdf)))


def test_bad_reference_date(rl, listings_dir):
    err = one_line_error(
        rl(
            "parse",
            str(listings_dir / "ids_arxiv_1.txt"),
            "--reference-date",
            "20/01/2026",
            lib=None,
        )
    )
    assert "YYYY-MM-DD" in err


def test_usage_errors_are_one_line(rl):
    one_line_error(rl("export", "--format", "docx", "-o", "x"))
    one_line_error(rl("frobnicate"))
    one_line_error(rl("note", "1"))  # --set or --append required


def test_commands_on_a_missing_library_say_so(rl, library):
    err = one_line_error(rl("list"))
    assert str(library) in err
    assert not library.exists()


def test_garbage_library_file(rl, library):
    library.parent.mkdir(parents=True)
    library.write_bytes(b"this is not a database" * 100)
    one_line_error(rl("list"))
    assert library.read_bytes() == b"this is not a database" * 100


def test_library_from_a_newer_version_is_refused_untouched(seeded, library):
    with sqlite3.connect(library) as conn:
        conn.execute("PRAGMA user_version = 9999")
    conn.close()
    before = library.read_bytes()
    err = one_line_error(seeded("list"))
    assert "newer" in err.lower()
    assert library.read_bytes() == before


def test_unexpected_errors_are_logged_and_reported_in_one_line(rl, monkeypatch, _isolated_home):
    import readinglist.cli.commands as commands

    def boom(args):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(commands, "cmd_tags", boom)
    run = rl("tags")
    assert run.code == 1
    assert len(run.err.strip().splitlines()) == 1
    assert "kaboom" in run.err and "Traceback" not in run.err
    log = _isolated_home / "logs" / "readinglist.log"
    assert "Traceback" in log.read_text() and "RuntimeError: kaboom" in log.read_text()


def test_no_command_opens_the_desktop_app_on_the_library(monkeypatch, tmp_path):
    import readinglist.ui.app as app

    seen = []
    monkeypatch.setattr(app, "main", lambda path: seen.append(path) or 0)
    assert main(["--library", str(tmp_path / "my.sqlite")]) == 0
    assert seen == [tmp_path / "my.sqlite"]


def test_missing_desktop_app_is_a_clear_message(monkeypatch, capsys):
    import sys

    monkeypatch.setitem(sys.modules, "readinglist.ui.app", None)
    assert main([]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "desktop app" in err


def test_desktop_entry_flags(monkeypatch, capsys, tmp_path):
    import readinglist.desktop as desktop

    calls = []
    monkeypatch.setattr(
        desktop,
        "install_desktop_entry",
        lambda: calls.append("in") or [tmp_path / "readinglist.desktop"],
    )
    monkeypatch.setattr(desktop, "uninstall_desktop_entry", lambda: calls.append("out") or [])
    assert main(["--install-desktop-entry"]) == 0
    assert main(["--uninstall-desktop-entry"]) == 0
    assert calls == ["in", "out"]
    assert "readinglist.desktop" in capsys.readouterr().out


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(lambda t: t.encode("utf-8")))
)
def test_parse_never_crashes_on_any_bytes(tmp_path_factory, capsys, data):
    path = tmp_path_factory.mktemp("paste") / "paste.txt"
    path.write_bytes(data)
    code = main(["parse", str(path), "--json"])
    captured = capsys.readouterr()
    assert code in (0, 2)
    assert "Traceback" not in captured.err
    if code == 2:
        assert len(captured.err.strip().splitlines()) == 1
