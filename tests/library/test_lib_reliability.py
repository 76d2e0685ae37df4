"""Crashes and concurrent programs never damage a library.

A process killed with SIGKILL in the middle of a large import leaves the
library exactly as it was; two processes on one library either both work
(WAL) or the second gets a clear LibraryLocked.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from libhelpers import entry, result

from readinglist.library import Library, LibraryLocked, PaperQuery
from readinglist.store import db

REPO = Path(__file__).resolve().parents[2]

IMPORTER = textwrap.dedent("""
    import sys
    from readinglist.core.entry import ParsedEntry, ParseResult
    from readinglist.library import Library
    n = int(sys.argv[2])
    entries = [ParsedEntry(title=f"Synthetic paper number {i} on topic {i % 97}",
                           authors=[f"Author {i % 5000} Person", f"Second {i % 777} Writer"],
                           abstract=f"Abstract {i}: long enough to index. " * 20,
                           topics=["cs.LG"], arxiv_id=f"2501.{i:05d}") for i in range(n)]
    lib = Library.open(sys.argv[1])
    def progress(done, total):
        print("progress", done, total, flush=True)
    lib.import_parsed(ParseResult("synthetic", entries), raw_text="x" * 100000, tags=["bulk"],
                      progress=progress)
    print("finished", flush=True)
""")

HOLDER = textwrap.dedent("""
    import sys, time
    from readinglist.library import Library
    lib = Library.open(sys.argv[1])
    lib.conn.execute("BEGIN IMMEDIATE")
    lib.conn.execute("UPDATE paper SET priority = 5")
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
    lib.conn.execute("COMMIT")
    print("released", flush=True)
""")


def _spawn(script: str, *args: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=str(REPO))


def _dump(path: Path) -> list[str]:
    import sqlite3
    conn = sqlite3.connect(path)
    try:
        return [line for line in conn.iterdump() if "paper_fts" not in line] + [
            str(conn.execute("SELECT count(*) FROM paper_fts").fetchone())]
    finally:
        conn.close()


def _seed(path: Path) -> None:
    with Library.open(path) as lib:
        ids = lib.import_parsed(result(*(entry(f"Before {i}", authors=["Ann Lee"])
                                          for i in range(50))), raw_text="seed").added
        lib.set_status(ids[:10], "read")
        lib.set_note(ids[0], "kept note")
        lib.add_tags(ids[:5], ["old"])


@pytest.mark.slow
def test_kill_during_import_leaves_library_as_before(tmp_path):
    path = tmp_path / "library.sqlite"
    _seed(path)
    before = _dump(path)
    proc = _spawn(IMPORTER, str(path), "40000")
    try:
        for line in proc.stdout:
            parts = line.split()
            if parts and parts[0] == "progress" and int(parts[1]) >= 20000:
                time.sleep(0.05)
                break
            assert parts[0] != "finished", "the import ended before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    with Library.open(path) as lib:
        assert lib.check() == []
        assert lib.counts().all == 50
        assert lib.get(lib.query_ids(PaperQuery(search="kept note"))[0]).note == "kept note"
        lib._conn.close()  # without close()'s PRAGMA optimize: compare the file as it is
        lib._conn = None
    assert _dump(path) == before


@pytest.mark.slow
def test_two_processes_can_both_write(tmp_path):
    """Reads always work during another program's import; a write either
    waits its turn or gets a clear LibraryLocked, and nothing is lost."""
    path = tmp_path / "library.sqlite"
    _seed(path)
    proc = _spawn(IMPORTER, str(path), "3000")
    with Library.open(path) as lib:
        while proc.poll() is None:
            assert len(lib.list_papers(PaperQuery(), limit=50)) == 50
            try:
                lib.set_note(1, f"edited at {time.time()}")
            except LibraryLocked as err:
                assert "busy in another program" in str(err)
        out, err = proc.communicate()
        assert "finished" in out, err
        lib.set_note(1, "after the import")
        assert lib.counts().all == 3050
        assert lib.get(1).note == "after the import"
        assert lib.check() == []


@pytest.mark.slow
def test_a_held_library_gives_a_clear_message(tmp_path, monkeypatch):
    path = tmp_path / "library.sqlite"
    _seed(path)
    proc = _spawn(HOLDER, str(path), "8")
    try:
        assert proc.stdout.readline().strip() == "holding"
        monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 300)
        with Library.open(path) as lib:
            assert lib.counts().all == 50  # reading still works (WAL)
            with pytest.raises(LibraryLocked, match="busy in another program"):
                lib.set_status([1], "read")
            assert lib.get(1).status == "read"  # unchanged from the seed
    finally:
        proc.kill()
        proc.wait()
