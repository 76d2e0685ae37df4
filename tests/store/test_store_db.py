"""Opening library files: what a user gets for odd files, and the pragmas."""

import sqlite3

import pytest

from readinglist.library import Library
from readinglist.library.errors import LibraryCorrupt, LibraryNotFound, LibraryTooNew
from readinglist.store.db import open_connection
from readinglist.store.schema import SCHEMA_VERSION


def test_new_library_uses_wal_and_foreign_keys(tmp_path):
    conn = open_connection(tmp_path / "lib.sqlite")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    conn.close()


def test_missing_library_without_create(tmp_path):
    with pytest.raises(LibraryNotFound, match="No library"):
        Library.open(tmp_path / "nope.sqlite", create=False)


def test_text_file_is_refused_and_kept(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database\n" * 10)
    before = path.read_bytes()
    with pytest.raises(LibraryCorrupt, match="not a Reading List library"):
        Library.open(path)
    assert path.read_bytes() == before


def test_other_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE things (x)")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryCorrupt, match="not a Reading List library"):
        Library.open(path)


def _newer_library(path):
    Library.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()


def test_newer_library_is_refused_and_left_byte_identical(tmp_path):
    path = tmp_path / "lib" / "library.sqlite"
    path.parent.mkdir()
    _newer_library(path)
    for extra in path.parent.glob("library.sqlite-*"):
        extra.unlink()
    before = path.read_bytes()
    listing = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(LibraryTooNew, match="newer Reading List") as err:
        Library.open(path)
    assert "\n" not in str(err.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == listing
