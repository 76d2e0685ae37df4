"""User edits: status, star, priority, tags, notes, field corrections, trash.

Each function runs inside the Library's write transaction and raises
InvalidValue / UnknownPaper with a message fit for the user.  Author counts
(kept on the author table) are refreshed whenever status or trash changes.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from readinglist.core.names import display_name, name_key
from readinglist.core.titles import abstract_key, clean_title, title_key
from readinglist.core.topics import normalize_topic, topic_name
from readinglist.library import records
from readinglist.library.errors import InvalidValue, UnknownPaper
from readinglist.library.keyindex import reindex_title
from readinglist.library.matching import norm_arxiv, norm_doi
from readinglist.library.types import STATUSES
from readinglist.store import search

_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
TEXT_FIELDS = ("title", "abstract", "url", "venue", "organization", "code_url")


def check_status(status: str | None) -> None:
    if status is not None and status not in STATUSES:
        raise InvalidValue(f"{status!r} is not a status (use one of: {', '.join(STATUSES)}).")


def require(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    """Raise UnknownPaper naming the first id that is not in the library."""
    found: set[int] = set()
    for chunk in records.chunks(list(ids)):
        found.update(r[0] for r in conn.execute(
            f"SELECT id FROM paper WHERE id IN ({records.marks(len(chunk))})", chunk))
    for i in ids:
        if i not in found:
            raise UnknownPaper(f"There is no paper #{i} in this library.")


def _update_many(conn: sqlite3.Connection, ids: Sequence[int], sql_set: str,
                 args: tuple[Any, ...]) -> None:
    for chunk in records.chunks(list(ids)):
        conn.execute(f"UPDATE paper SET {sql_set} WHERE id IN ({records.marks(len(chunk))})",
                     (*args, *chunk))


def set_status(conn: sqlite3.Connection, ids: Sequence[int], status: str) -> None:
    with records.counts_follow(conn, ids):
        _set_status(conn, ids, status)


def _set_status(conn: sqlite3.Connection, ids: Sequence[int], status: str) -> None:
    ts = records.now()
    if status == "read":
        _update_many(conn, ids, "status = ?, read_at = coalesce(CASE WHEN status = 'read' "
                     "THEN read_at END, ?), updated_at = ?", (status, ts, ts))
    else:
        _update_many(conn, ids, "status = ?, read_at = NULL, updated_at = ?", (status, ts))


def set_starred(conn: sqlite3.Connection, ids: Sequence[int], starred: bool) -> None:
    _update_many(conn, ids, "starred = ?, updated_at = ?", (int(bool(starred)), records.now()))


def set_priority(conn: sqlite3.Connection, ids: Sequence[int], priority: int) -> None:
    try:
        value = int(priority)
    except (TypeError, ValueError):
        raise InvalidValue(f"Priority must be a whole number, not {priority!r}.") from None
    _update_many(conn, ids, "priority = ?, updated_at = ?", (value, records.now()))


def add_tags(conn: sqlite3.Connection, ids: Sequence[int], tags: list[str]) -> None:
    tag_ids = records.ensure_tags(conn, tags)
    conn.executemany("INSERT OR IGNORE INTO paper_tag (paper_id, tag_id) VALUES (?, ?)",
                     [(p, t) for p in ids for t in tag_ids.values()])


def remove_tags(conn: sqlite3.Connection, ids: Sequence[int], tags: list[str]) -> None:
    keys = [records.clean_tag(t).casefold() for t in tags]
    conn.executemany(
        'DELETE FROM paper_tag WHERE paper_id = ? AND tag_id = (SELECT id FROM tag WHERE "key" = ?)',
        [(p, k) for p in ids for k in keys])
    conn.execute("DELETE FROM tag WHERE color IS NULL AND NOT EXISTS "
                 "(SELECT 1 FROM paper_tag pt WHERE pt.tag_id = tag.id)")


def set_tag_color(conn: sqlite3.Connection, tag: str, color: str | None) -> None:
    if color is not None and not _COLOR.match(color):
        raise InvalidValue(f"{color!r} is not a colour (use #rrggbb).")
    ids = records.ensure_tags(conn, [tag])
    conn.execute("UPDATE tag SET color = ? WHERE id = ?", (color, next(iter(ids.values()))))


def set_note(conn: sqlite3.Connection, ids: Sequence[int], text: str) -> None:
    ts = records.now()
    for pid in ids:
        conn.execute(
            "INSERT INTO note (paper_id, text, created_at, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (paper_id) DO UPDATE SET text = excluded.text, "
            "updated_at = excluded.updated_at", (pid, text, ts, ts))
        search.update_row(conn, pid, note=text)


def append_note(conn: sqlite3.Connection, ids: Sequence[int], text: str) -> None:
    for pid in ids:
        row = conn.execute("SELECT text FROM note WHERE paper_id = ?", (pid,)).fetchone()
        old = row[0] if row else ""
        joined = f"{old.rstrip()}\n\n{text}" if old.strip() else text
        set_note(conn, [pid], joined)


def update_fields(conn: sqlite3.Connection, ids: Sequence[int], fields: dict[str, object]) -> None:
    """Apply a user's corrections; the fields become "edited" (merges keep off)."""
    pid = ids[0]
    row = conn.execute("SELECT edited_fields, review_reasons FROM paper WHERE id = ?",
                       (pid,)).fetchone()
    edited = list(json.loads(row[0] or "[]"))
    reasons = list(json.loads(row[1] or "[]"))
    sets: dict[str, Any] = {}
    reindex = False
    authors_before = records.author_ids_of(conn, [pid])
    for name, value in fields.items():
        if name in TEXT_FIELDS:
            text = None if value is None else " ".join(str(value).split()) if name != "abstract" \
                else str(value).strip()
            if name == "title":
                text = clean_title(text)
                sets["title_key"] = title_key(text)
                reindex_title(conn, pid, sets["title_key"])
                if text:
                    reasons = [r for r in reasons if "title" not in r.lower()]
            if name == "abstract":
                sets["abstract_key"] = abstract_key(text)
            sets[name] = text or None
            reindex = reindex or name in ("title", "abstract")
        elif name == "date":
            if value is not None and not _DATE.match(str(value)):
                raise InvalidValue(f"{value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD).")
            sets["date"] = value
            if value:
                sets["year"] = int(str(value)[:4])
        elif name == "year":
            if value is not None and not (isinstance(value, int) and 0 < value < 10000):
                raise InvalidValue(f"{value!r} is not a year.")
            sets["year"] = value
        elif name == "arxiv_id":
            sets[name] = norm_arxiv(str(value)) if value else None
            if value and not sets[name]:
                raise InvalidValue(f"{value!r} is not an arXiv id.")
        elif name == "doi":
            sets[name] = norm_doi(str(value)) if value else None
            if value and not sets[name]:
                raise InvalidValue(f"{value!r} is not a DOI.")
        elif name in ("has_code", "authors_truncated", "needs_review"):
            sets[name] = int(bool(value))
            if name == "needs_review" and not value:
                reasons = []
        elif name in ("author_count", "priority"):
            if value is not None and not isinstance(value, int):
                raise InvalidValue(f"{name.replace('_', ' ')} must be a whole number.")
            sets[name] = value
        elif name == "authors":
            if isinstance(value, str) or not isinstance(value, (list, tuple)):
                raise InvalidValue("Authors must be a list of names.")
            pairs = [(display_name(str(n)), name_key(str(n))) for n in value]
            pairs = [p for p in pairs if p[1]]
            ids_by_key = records.ensure_authors(conn, pairs)
            records.set_paper_authors(conn, pid, [ids_by_key[k] for _, k in pairs])
            reindex = True
        elif name == "topics":
            if isinstance(value, str) or not isinstance(value, (list, tuple)):
                raise InvalidValue("Topics must be a list of codes.")
            codes = [normalize_topic(str(c)) or str(c).strip() for c in value if str(c).strip()]
            topic_ids = records.ensure_topics(conn, codes)
            before = records.topic_tally(conn, [pid])
            conn.execute("DELETE FROM paper_topic WHERE paper_id = ?", (pid,))
            conn.executemany("INSERT OR IGNORE INTO paper_topic (paper_id, topic_id) VALUES (?, ?)",
                             [(pid, topic_ids[c]) for c in codes])
            records.apply_topic_tally(conn, before, records.topic_tally(conn, [pid]))
        else:
            raise InvalidValue(f"{name!r} is not a field you can edit.")
        if name not in edited and name not in ("needs_review", "priority"):
            edited.append(name)
    sets["edited_fields"] = json.dumps(edited)
    sets["review_reasons"] = json.dumps(reasons)
    if "needs_review" not in sets:
        sets["needs_review"] = int(bool(reasons))
    sets["updated_at"] = records.now()
    cols = ", ".join(f"{k} = ?" for k in sets)
    conn.execute(f"UPDATE paper SET {cols} WHERE id = ?", (*sets.values(), pid))
    if "authors" in fields:
        records.refresh_author_counts(conn, authors_before | records.author_ids_of(conn, [pid]))
    if reindex:
        records.reindex_meta(conn, pid)


def trash(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    with records.counts_follow(conn, ids):
        _update_many(conn, ids, "trashed_at = coalesce(trashed_at, ?)", (records.now(),))


def restore(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    with records.counts_follow(conn, ids):
        _update_many(conn, ids, "trashed_at = NULL", ())


def empty_trash(conn: sqlite3.Connection, files_dir: Path) -> tuple[int, list[Path]]:
    ids = [r[0] for r in conn.execute("SELECT id FROM paper WHERE trashed_at IS NOT NULL")]
    files = records.delete_papers(conn, ids, files_dir)
    return len(ids), files


def set_topic_name(conn: sqlite3.Connection, code: str, display: str | None) -> None:
    norm = normalize_topic(code) or code
    if not conn.execute("SELECT 1 FROM topic WHERE code = ?", (norm,)).fetchone():
        conn.execute("INSERT INTO topic (code, name) VALUES (?, ?)", (norm, topic_name(norm)))
    text = " ".join(display.split()) if display else None
    conn.execute("UPDATE topic SET display_name = ? WHERE code = ?", (text or None, norm))
