"""Backups: a manual copy opens as a library; daily ones rotate."""

import sqlite3

from readinglist.core.entry import ParsedEntry, ParseResult
from readinglist.library import Library, PaperQuery
from readinglist.store import backup


def test_backup_is_a_working_copy(tmp_path):
    with Library.open(tmp_path / "library.sqlite") as lib:
        lib.import_parsed(ParseResult("generic", [ParsedEntry(title="Kept in the backup")]),
                          raw_text="x")
        dest = lib.backup(tmp_path / "copies")
    assert dest.parent == tmp_path / "copies"
    with Library.open(dest, create=False) as copy:
        assert [r.title for r in copy.list_papers(PaperQuery())] == ["Kept in the backup"]


def test_daily_backup_once_a_day_and_rotation(tmp_path):
    path = tmp_path / "library.sqlite"
    with Library.open(path) as lib:
        lib.auto_backup = False
        lib.import_parsed(ParseResult("generic", [ParsedEntry(title="Paper")]), raw_text="x")
        first = lib.maybe_daily_backup()
        assert first is not None
        assert lib.maybe_daily_backup() is None  # already made today
    folder = backup.backups_dir(path)
    for day in range(1, 10):  # pretend older days exist
        (folder / f"daily-202001{day:02d}-000000.sqlite").write_bytes(b"")
    conn = sqlite3.connect(path)
    backup.maybe_daily_backup(conn, path, keep=7)
    conn.close()
    kept = backup.daily_backups(folder)
    assert len(kept) == 7
    assert first in kept  # the newest survive


def test_first_write_of_the_day_backs_up_the_library_as_it_was(tmp_path):
    path = tmp_path / "library.sqlite"
    with Library.open(path) as lib:
        lib.auto_backup = False
        lib.import_parsed(ParseResult("generic", [ParsedEntry(title="Yesterday's paper")]),
                          raw_text="x")
    with Library.open(path) as lib:  # the next day (no backup of today yet)
        lib.import_parsed(ParseResult("generic", [ParsedEntry(title="Today's paper")]),
                          raw_text="y")
        lib.set_status(lib.query_ids(PaperQuery()), "read")  # one backup a day, not per write
    (made,) = backup.daily_backups(backup.backups_dir(path))
    with Library.open(made, create=False) as copy:
        copy.auto_backup = False
        assert [r.title for r in copy.list_papers(PaperQuery())] == ["Yesterday's paper"]
    assert not list(backup.backups_dir(path).glob("*.partial"))
