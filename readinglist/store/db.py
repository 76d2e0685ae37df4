"""Opening a library file: checks, pragmas, connections.

``open_connection`` is the one way in: it refuses what is not a library
(LibraryCorrupt), a library written by a newer version (LibraryTooNew:
checked from the file header and a read before anything is written, so the
file stays byte-identical), and turns "database is locked" into
LibraryLocked.  Connections run in autocommit mode with WAL,
``synchronous=NORMAL``, foreign keys on and a busy timeout; callers open
transactions explicitly (``BEGIN IMMEDIATE`` for writes).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from readinglist.library.errors import (
    LibraryCorrupt,
    LibraryLocked,
    LibraryNotFound,
    LibraryTooNew,
)
from readinglist.store.version import SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA cache_size = -32000",
    "PRAGMA mmap_size = 268435456",
)


def is_locked_error(err: BaseException) -> bool:
    text = str(err).lower()
    return isinstance(err, sqlite3.OperationalError) and (
        "locked" in text or "busy" in text
    )


def locked(path: Path) -> LibraryLocked:
    return LibraryLocked(
        f"The library {path} is busy in another program (Reading List or a backup tool); "
        "try again when it has finished."
    )


def header_version(path: Path) -> int | None:
    """``user_version`` from the file header; None for an empty file.
    Raises LibraryCorrupt when the file is not an SQLite database."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except IsADirectoryError:
        raise LibraryCorrupt(f"{path} is a folder, not a library file.") from None
    except OSError as err:
        raise LibraryCorrupt(f"Cannot read {path}: {err.strerror or err}.") from None
    if not head:
        return None
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        raise LibraryCorrupt(f"{path} is not a Reading List library (not an SQLite database).")
    return int.from_bytes(head[60:64], "big")


def _too_new(path: Path, version: int) -> LibraryTooNew:
    return LibraryTooNew(
        f"{path.name} was written by a newer Reading List (schema {version}; this version "
        f"knows {SCHEMA_VERSION}). Update Reading List to open it; the file was not changed."
    )


def open_connection(path: Path, *, create: bool = True) -> sqlite3.Connection:
    """A configured connection to the library at ``path`` (not yet migrated)."""
    path = Path(path)
    if path.exists():
        version = header_version(path)
        if version is not None and version > SCHEMA_VERSION:
            raise _too_new(path, version)
    elif not create:
        raise LibraryNotFound(f"No library at {path}.")
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise LibraryNotFound(
                f"Cannot create a library in {path.parent}: {err.strerror or err}."
            ) from None
    try:
        conn = sqlite3.connect(
            str(path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
        )
    except sqlite3.Error as err:
        raise LibraryCorrupt(f"Cannot open {path}: {err}.") from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        except sqlite3.DatabaseError as err:
            if is_locked_error(err):
                raise locked(path) from None
            raise LibraryCorrupt(f"{path} is not a readable Reading List library ({err}).") from None
        if version > SCHEMA_VERSION:
            raise _too_new(path, version)
        if version == 0:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if tables and "paper" not in tables:
                raise LibraryCorrupt(
                    f"{path} is an SQLite database but not a Reading List library."
                )
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        if str(mode).lower() != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        for pragma in PRAGMAS:
            conn.execute(pragma)
    except sqlite3.OperationalError as err:
        conn.close()
        if is_locked_error(err):
            raise locked(path) from None
        raise LibraryCorrupt(f"Cannot open {path}: {err}.") from None
    except BaseException:
        conn.close()
        raise
    return conn
