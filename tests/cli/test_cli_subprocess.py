"""Real ``python -m readinglist`` runs: stdin, exit codes, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow


def run(*args: str, stdin: bytes | None = None, home) -> subprocess.CompletedProcess:
    env = dict(os.environ, READINGLIST_HOME=str(home), PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "readinglist", *args],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=120,
    )


def test_paste_through_stdin_then_list(tmp_path, seeds_dir):
    paste = (seeds_dir / "000_73145fa7ce40fc4f.txt").read_bytes()
    imported = run(
        "import-text",
        "-",
        "--tag",
        "cli",
        "--reference-date",
        "2026-01-25",
        stdin=paste,
        home=tmp_path,
    )
    assert imported.returncode == 0, imported.stderr
    assert b"14 added" in imported.stdout
    assert (tmp_path / "library.sqlite").exists()  # READINGLIST_HOME decides the default library
    listed = run("list", "--json", home=tmp_path)
    rows = json.loads(listed.stdout)
    assert len(rows) == 14 and all(r["tags"] == ["cli"] for r in rows)


def test_bad_input_exits_2_with_one_line_and_no_traceback(tmp_path):
    for args in (
        ["show", "1"],
        ["import-text", str(tmp_path / "missing.txt")],
        ["set-status", "x", "y"],
    ):
        done = run(*args, home=tmp_path)
        assert done.returncode == 2, (args, done.stderr)
        err = done.stderr.decode()
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err, err


def test_empty_stdin_paste(tmp_path):
    done = run("import-text", stdin=b"", home=tmp_path)
    assert done.returncode == 2 and b"Traceback" not in done.stderr
