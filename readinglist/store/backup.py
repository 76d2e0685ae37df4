"""Backups with the sqlite3 online backup API, and daily rotation.

``backup_connection`` copies a live library (consistent even while another
connection writes) into a timestamped file.  ``maybe_daily_backup`` makes at
most one backup per calendar day into ``<library dir>/backups/`` and keeps
the newest ``KEEP_DAILY``.  ``start_daily_backup`` does that in a background
thread with its own read-only connection: the Library starts it just before
its first write of the day, so the backup holds the library as it was, and
copying a large library (seconds for a gigabyte) never holds up the import
or the window; the thread's read snapshot is taken before it returns.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

KEEP_DAILY = 7
DAILY_PREFIX = "daily-"
STALE_PARTIAL_S = 3600  # a .partial file older than this was left by a killed backup
log = logging.getLogger(__name__)
_running: dict[Path, threading.Thread] = {}
_running_lock = threading.Lock()


def backups_dir(library_path: Path) -> Path:
    return library_path.parent / "backups"


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S")


def backup_connection(conn: sqlite3.Connection, dest_dir: Path, label: str,
                      pages: int = 4096) -> Path:
    """Copy the database behind ``conn`` into ``dest_dir``; returns the new file.
    ``pages=-1`` copies in one step, from the connection's open read
    transaction if it has one."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / f"{label}-{_stamp()}.sqlite"
    n = 1
    while dest.exists():
        n += 1
        dest = dest_dir / f"{label}-{_stamp()}-{n}.sqlite"
    tmp = dest.with_suffix(".partial")
    target = sqlite3.connect(tmp)
    try:
        conn.backup(target, pages=pages)
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


def made_today(library_path: Path) -> bool:
    today = DAILY_PREFIX + datetime.now(UTC).strftime("%Y%m%d")
    return any(p.name.startswith(today) for p in daily_backups(backups_dir(library_path)))


def maybe_daily_backup(
    conn: sqlite3.Connection, library_path: Path, keep: int = KEEP_DAILY, pages: int = 4096
) -> Path | None:
    """Make today's backup if there is none yet; prune to ``keep``.  Returns
    the new file, or None when today's backup already exists."""
    dest_dir = backups_dir(library_path)
    made = None
    if not made_today(library_path):
        made = backup_connection(conn, dest_dir, DAILY_PREFIX.rstrip("-"), pages)
    existing = daily_backups(dest_dir)
    for old in existing[: max(0, len(existing) - keep)]:
        old.unlink(missing_ok=True)
    for partial in dest_dir.glob(f"{DAILY_PREFIX}*.partial"):
        try:
            if time.time() - partial.stat().st_mtime > STALE_PARTIAL_S:
                partial.unlink()
        except OSError:
            pass
    return made


def start_daily_backup(library_path: Path, keep: int = KEEP_DAILY) -> threading.Thread | None:
    """Today's backup in a background thread, unless made already (or being
    made by this process).  Returns once the thread's read snapshot is taken;
    the thread is not a daemon, so the process finishes the copy before it
    exits (``Library.close`` waits for it)."""
    library_path = library_path.absolute()
    if made_today(library_path):
        return None
    with _running_lock:
        running = _running.get(library_path)
        if running is not None and running.is_alive():
            return running
        ready = threading.Event()
        thread = threading.Thread(target=_daily_in_thread, args=(library_path, keep, ready),
                                  name="daily-backup")
        _running[library_path] = thread
        thread.start()
    ready.wait(5.0)
    return thread


def _daily_in_thread(library_path: Path, keep: int, ready: threading.Event) -> None:
    try:
        conn = sqlite3.connect(f"{library_path.as_uri()}?mode=ro", uri=True,
                               isolation_level=None, check_same_thread=False)
    except sqlite3.Error as err:
        ready.set()
        log.warning("daily backup: cannot open %s: %s", library_path, err)
        return
    try:
        conn.execute("BEGIN")
        has_papers = conn.execute("SELECT count(*) FROM paper").fetchone()[0] > 0
        ready.set()  # the snapshot is held: the caller may write now
        if has_papers:
            maybe_daily_backup(conn, library_path, keep, pages=-1)
        conn.execute("COMMIT")
    except (OSError, sqlite3.Error) as err:
        log.warning("daily backup of %s failed: %s", library_path, err)
    finally:
        ready.set()
        conn.close()
