"""Backups with the sqlite3 online backup API, and daily rotation.

``backup_connection`` copies a live library (consistent even while another
connection writes) into a timestamped file.  ``maybe_daily_backup`` makes at
most one backup per calendar day into ``<library dir>/backups/`` and keeps
the newest ``KEEP_DAILY``; the Library calls it from ``close()`` (and the
app may call ``Library.maybe_daily_backup()`` from a background task), never
from ``open()``, so opening stays fast.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

KEEP_DAILY = 7
DAILY_PREFIX = "daily-"


def backups_dir(library_path: Path) -> Path:
    return library_path.parent / "backups"


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S")


def backup_connection(conn: sqlite3.Connection, dest_dir: Path, label: str) -> Path:
    """Copy the database behind ``conn`` into ``dest_dir``; returns the new file."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / f"{label}-{_stamp()}.sqlite"
    n = 1
    while dest.exists():
        n += 1
        dest = dest_dir / f"{label}-{_stamp()}-{n}.sqlite"
    tmp = dest.with_suffix(".partial")
    target = sqlite3.connect(tmp)
    try:
        conn.backup(target, pages=4096)
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
    tmp.replace(dest)
    return dest


def daily_backups(dest_dir: Path) -> list[Path]:
    """The daily backups in ``dest_dir``, oldest first."""
    if not dest_dir.is_dir():
        return []
    return sorted(dest_dir.glob(f"{DAILY_PREFIX}*.sqlite"))


def maybe_daily_backup(
    conn: sqlite3.Connection, library_path: Path, keep: int = KEEP_DAILY
) -> Path | None:
    """Make today's backup if there is none yet; prune to ``keep``.  Returns
    the new file, or None when today's backup already exists."""
    dest_dir = backups_dir(library_path)
    today = DAILY_PREFIX + datetime.now(UTC).strftime("%Y%m%d")
    existing = daily_backups(dest_dir)
    made = None
    if not any(p.name.startswith(today) for p in existing):
        made = backup_connection(conn, dest_dir, DAILY_PREFIX.rstrip("-"))
        existing = daily_backups(dest_dir)
    for old in existing[: max(0, len(existing) - keep)]:
        old.unlink(missing_ok=True)
    return made
