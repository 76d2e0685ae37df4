"""Reading the library: filtered/sorted id lists, table rows, details,
sidebar counts and aggregates, health check.

Filtering and sorting happen in SQL; rows and details are built in bulk (a
few queries per chunk of ids, whatever their number).  Papers in the trash
are left out unless the query asks for the trash.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readinglist.core import gcpause
from readinglist.core.names import last_name_key, name_key, short_authors
from readinglist.core.titles import first_word
from readinglist.core.topics import normalize_topic
from readinglist.library import records
from readinglist.library.errors import InvalidValue
from readinglist.library.types import (
    SORT_KEYS,
    AuthorCount,
    AuthorRef,
    LibraryCounts,
    PaperDetail,
    PaperQuery,
    PaperRow,
    SourceInfo,
    TagInfo,
    TopicCount,
)
from readinglist.store import search

if TYPE_CHECKING:
    from readinglist.library.library import Library

_SORT_SQL = {
    "added": "p.added_at", "date": "p.date", "title": "p.title_key",
    "authors": "p.first_author_key", "updated": "p.updated_at",
    "status": "CASE p.status WHEN 'reading' THEN 0 WHEN 'queued' THEN 1 WHEN 'unread' THEN 2 "
              "WHEN 'read' THEN 3 ELSE 4 END",
}
RECENT_DAYS = 7


def _where(query: PaperQuery) -> tuple[list[str], list[Any]]:
    where = ["p.trashed_at IS NOT NULL" if query.trashed else "p.trashed_at IS NULL"]
    args: list[Any] = []
    if query.search:
        match = search.fts_query(query.search)
        if match:
            where.append(f"p.id IN ({search.matching_ids_sql()})")
            args.append(match)
    if query.author:
        key = name_key(query.author)
        where.append(
            "p.id IN (SELECT pa.paper_id FROM paper_author pa JOIN author a ON a.id = pa.author_id "
            'WHERE a."key" = ? OR a."key" LIKE ? OR a."key" LIKE ?)')
        args += [key, f"% {key}", f"{key} %"] if " " not in key else [key, key, key]
    if query.author_id is not None:
        where.append("p.id IN (SELECT paper_id FROM paper_author WHERE author_id = ?)")
        args.append(query.author_id)
    if query.topic:
        code = normalize_topic(query.topic) or query.topic.strip()
        where.append(
            "p.id IN (SELECT pt.paper_id FROM paper_topic pt JOIN topic t ON t.id = pt.topic_id "
            "WHERE t.code = ? OR t.name = ? COLLATE NOCASE OR t.display_name = ? COLLATE NOCASE)")
        args += [code, query.topic.strip(), query.topic.strip()]
    if query.tag:
        where.append(
            "p.id IN (SELECT pt.paper_id FROM paper_tag pt JOIN tag t ON t.id = pt.tag_id "
            'WHERE t."key" = ?)')
        args.append(" ".join(query.tag.split()).casefold())
    if query.status:
        where.append("p.status = ?")
        args.append(query.status)
    if query.starred is not None:
        where.append("p.starred = ?")
        args.append(int(query.starred))
    if query.year is not None:
        where.append("p.year = ?")
        args.append(query.year)
    if query.batch_id is not None:
        where.append("p.id IN (SELECT paper_id FROM paper_source WHERE batch_id = ?)")
        args.append(query.batch_id)
    if query.added_within_days is not None:
        cutoff = datetime.now(UTC) - timedelta(days=query.added_within_days)
        where.append("p.added_at >= ?")
        args.append(cutoff.strftime("%Y-%m-%dT%H:%M:%SZ"))
    if query.needs_review is not None:
        where.append("p.needs_review = ?")
        args.append(int(query.needs_review))
    return where, args


def query_ids(conn: sqlite3.Connection, query: PaperQuery, *, limit: int | None = None,
              offset: int = 0) -> list[int]:
    if query.sort not in SORT_KEYS:
        raise InvalidValue(f"Cannot sort by {query.sort!r} (use one of: {', '.join(SORT_KEYS)}).")
    if query.status is not None and query.status not in _STATUSES:
        raise InvalidValue(f"{query.status!r} is not a status.")
    if query.search and query.sort == "added" and not query.trashed:
        found = _search_in_added_order(conn, query, limit, offset)
        if found is not None:
            return found
    where, args = _where(query)
    direction = "DESC" if query.descending else "ASC"
    sql = (f"SELECT p.id FROM paper p WHERE {' AND '.join(where)} "
           f"ORDER BY {_SORT_SQL[query.sort]} {direction}, p.id {direction}")
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args += [int(limit), int(offset)]
    return [r[0] for r in conn.execute(sql, args)]


_STATUSES = ("unread", "queued", "reading", "read", "dropped")


def _search_in_added_order(conn: sqlite3.Connection, query: PaperQuery, limit: int | None,
                           offset: int) -> list[int] | None:
    """A search sorted by date added, read from the search index in id order.

    Papers are added with growing ids and times, so id order is (nearly
    always) added order: the index streams matches newest (or oldest) first
    and a first screen stops after ``offset + limit`` of them, whatever the
    number of matches.  The result is exact: the matches read are sorted by
    (added_at, id), and when reading stopped early, one index probe checks
    that no unread match could rank before them (else None: the general path).
    """
    match = search.fts_query(query.search)
    if not match:
        return None
    where, args = _where(replace(query, search=None))
    desc = query.descending
    sql = (f"SELECT p.id, p.added_at FROM paper_fts JOIN paper p ON p.id = paper_fts.rowid "
           f"WHERE paper_fts MATCH ? AND {' AND '.join(where)} "
           f"ORDER BY paper_fts.rowid {'DESC' if desc else 'ASC'}")
    want = None if limit is None else max(0, int(offset)) + max(0, int(limit))
    cur = conn.execute(sql, [match, *args])
    found: list[tuple[str, int]] = []
    stopped = False
    for pid, added in cur:
        if want is not None and len(found) >= want:
            stopped = True
            break
        found.append((added, pid))
    cur.close()
    if stopped and found:
        last_id = found[-1][1]
        if desc:
            bound = min(a for a, _ in found)
            check = ("SELECT 1 FROM paper INDEXED BY ix_paper_live_added WHERE trashed_at IS NULL "
                     "AND added_at > ? AND id < ? LIMIT 1")
        else:
            bound = max(a for a, _ in found)
            check = ("SELECT 1 FROM paper INDEXED BY ix_paper_live_added WHERE trashed_at IS NULL "
                     "AND added_at < ? AND id > ? LIMIT 1")
        if conn.execute(check, (bound, last_id)).fetchone() is not None:
            return None
    found.sort(reverse=desc)
    ids = [pid for _, pid in found]
    if limit is None:
        return ids[max(0, int(offset)):]
    return ids[max(0, int(offset)): want]


def _links(conn: sqlite3.Connection, chunk: Sequence[int], sql: str) -> dict[int, list[Any]]:
    out: dict[int, list[Any]] = defaultdict(list)
    for row in conn.execute(sql.format(marks=records.marks(len(chunk))), chunk):
        out[row[0]].append(row[1] if len(row) == 2 else row[1:])
    return out


def rows(conn: sqlite3.Connection, ids: Sequence[int]) -> list[PaperRow]:
    """Table rows for ``ids`` in their order (unknown ids are left out)."""
    built: dict[int, PaperRow] = {}
    for chunk in records.chunks(list(ids)):
        authors = _links(conn, chunk,
                         "SELECT pa.paper_id, a.name FROM paper_author pa JOIN author a "
                         "ON a.id = pa.author_id WHERE pa.paper_id IN ({marks}) AND pa.position < 4 "
                         "ORDER BY pa.paper_id, pa.position")
        topics = _links(conn, chunk,
                        "SELECT pt.paper_id, t.code FROM paper_topic pt JOIN topic t "
                        "ON t.id = pt.topic_id WHERE pt.paper_id IN ({marks}) ORDER BY t.code")
        tags = _links(conn, chunk,
                      "SELECT pt.paper_id, t.name FROM paper_tag pt JOIN tag t "
                      "ON t.id = pt.tag_id WHERE pt.paper_id IN ({marks}) ORDER BY t.key")
        for (pid, title, abstract, date, year, status, starred, added, review, pdf, trunc,
             count) in conn.execute(
                "SELECT id, title, substr(abstract, 1, 80), date, year, status, starred, added_at, "
                "needs_review, pdf_path, authors_truncated, author_count FROM paper "
                f"WHERE id IN ({records.marks(len(chunk))})", chunk):
            names = authors.get(pid, [])
            more = bool(trunc) or len(names) > 3 or (count or 0) > len(names)
            built[pid] = PaperRow(
                id=pid, title=title or _provisional(abstract), authors_short=short_authors(
                    names[:3], more), date=date, year=year, topics=topics.get(pid, []),
                status=status, starred=bool(starred), tags=tags.get(pid, []), added_at=added,
                needs_review=bool(review), has_pdf=pdf is not None, author_count=count)
    return [built[i] for i in ids if i in built]


def _provisional(abstract: str | None) -> str:
    if not abstract:
        return "(untitled)"
    words = abstract.split()[:8]
    return "(untitled) " + " ".join(words) + "…"


def citekey(authors: list[AuthorRef], year: int | None, title: str | None,
            given: str | None) -> str:
    if given:
        return given
    last = last_name_key(authors[0].name).replace(" ", "") if authors else "anon"
    return f"{last or 'anon'}{year or ''}{first_word(title)}"


def details(conn: sqlite3.Connection, ids: Sequence[int], files_dir: Path) -> list[PaperDetail]:
    built: dict[int, PaperDetail] = {}
    for chunk in records.chunks(list(ids)):
        authors = _links(conn, chunk,
                         'SELECT pa.paper_id, a.id, a.name, a."key" FROM paper_author pa JOIN author a '
                         "ON a.id = pa.author_id WHERE pa.paper_id IN ({marks}) "
                         "ORDER BY pa.paper_id, pa.position")
        topics = _links(conn, chunk,
                        "SELECT pt.paper_id, t.code, coalesce(t.display_name, t.name) FROM "
                        "paper_topic pt JOIN topic t ON t.id = pt.topic_id "
                        "WHERE pt.paper_id IN ({marks}) ORDER BY t.code")
        tags = _links(conn, chunk,
                      "SELECT pt.paper_id, t.name, t.color FROM paper_tag pt JOIN tag t "
                      "ON t.id = pt.tag_id WHERE pt.paper_id IN ({marks}) ORDER BY t.key")
        notes = _links(conn, chunk, "SELECT paper_id, text, updated_at FROM note "
                                    "WHERE paper_id IN ({marks})")
        sources = _links(conn, chunk,
                         "SELECT ps.paper_id, b.id, b.kind, b.source_name, b.format, b.created_at, "
                         "ps.raw FROM paper_source ps JOIN import_batch b ON b.id = ps.batch_id "
                         "WHERE ps.paper_id IN ({marks}) ORDER BY ps.id")
        cur = conn.execute(f"SELECT * FROM paper WHERE id IN ({records.marks(len(chunk))})", chunk)
        cols = [c[0] for c in cur.description]
        for values in cur:
            r = dict(zip(cols, values, strict=True))
            pid = r["id"]
            refs = [AuthorRef(id=a, name=n, key=k) for a, n, k in authors.get(pid, [])]
            note = notes.get(pid, [("", None)])[0]
            extra = json.loads(r["extra"] or "{}")
            title = r["title"]
            built[pid] = PaperDetail(
                id=pid, title=title, display_title=title or _provisional(r["abstract"]),
                authors=refs, authors_truncated=bool(r["authors_truncated"]),
                author_count=r["author_count"], date=r["date"], year=r["year"],
                abstract=r["abstract"], arxiv_id=r["arxiv_id"], doi=r["doi"], url=r["url"],
                venue=r["venue"], organization=r["organization"], has_code=bool(r["has_code"]),
                code_url=r["code_url"], topics=[tuple(t) for t in topics.get(pid, [])],
                tags=[TagInfo(name=n, color=c) for n, c in tags.get(pid, [])],
                status=r["status"], priority=r["priority"], starred=bool(r["starred"]),
                added_at=r["added_at"], updated_at=r["updated_at"], read_at=r["read_at"],
                note=note[0], note_updated_at=note[1],
                pdf_path=str(files_dir / r["pdf_path"]) if r["pdf_path"] else None,
                thumbnail_path=str(files_dir / r["thumbnail_path"]) if r["thumbnail_path"] else None,
                page_count=r["page_count"], needs_review=bool(r["needs_review"]),
                review_reasons=json.loads(r["review_reasons"] or "[]"),
                trashed_at=r["trashed_at"],
                sources=[SourceInfo(batch_id=s[0], kind=s[1], source_name=s[2], format=s[3],
                                    created_at=s[4], raw=s[5]) for s in sources.get(pid, [])],
                field_confidence=json.loads(r["field_confidence"] or "{}"),
                citekey=r["citekey"] or citekey(refs, r["year"], title, extra.get("citekey")),
                extra=extra,
            )
    return [built[i] for i in ids if i in built]


def counts(conn: sqlite3.Connection) -> LibraryCounts:
    """Sidebar counts, each from an index (no table scan)."""
    c = LibraryCounts()
    for status, n in conn.execute(
            "SELECT status, count(*) FROM paper INDEXED BY ix_paper_status "
            "WHERE trashed_at IS NULL GROUP BY status"):
        if status in _STATUSES:
            setattr(c, status, n)
        c.all += n
    cutoff = (datetime.now(UTC) - timedelta(days=RECENT_DAYS)).strftime("%Y-%m-%dT%H:%M:%SZ")
    c.starred = conn.execute("SELECT count(*) FROM paper WHERE starred = 1 "
                             "AND trashed_at IS NULL").fetchone()[0]
    c.needs_review = conn.execute("SELECT count(*) FROM paper WHERE needs_review = 1 "
                                  "AND trashed_at IS NULL").fetchone()[0]
    c.recent = conn.execute("SELECT count(*) FROM paper WHERE added_at >= ? "
                            "AND trashed_at IS NULL", (cutoff,)).fetchone()[0]
    c.trash = conn.execute("SELECT count(*) FROM paper WHERE trashed_at IS NOT NULL").fetchone()[0]
    return c


def authors(conn: sqlite3.Connection, filter_text: str | None, limit: int | None
            ) -> list[AuthorCount]:
    """Authors with papers, most papers first (then by name), read straight
    from the covering index ``ix_author_count``.  Most authors have no
    aliases: SQL hands those over as NULL, so only the few that do are parsed."""
    sql = ('SELECT id, name, "key", paper_count, read_count, nullif(aliases, \'[]\') '
           "FROM author WHERE paper_count > 0")
    args: list[Any] = []
    if filter_text and filter_text.strip():
        key = name_key(filter_text)
        sql += ' AND ("key" LIKE ? ESCAPE \'\\\' OR name LIKE ? ESCAPE \'\\\')'
        esc = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        esc_name = filter_text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        args += [f"%{esc}%", f"%{esc_name}%"]
    sql += " ORDER BY paper_count DESC, name"
    if limit is not None:
        sql += " LIMIT ?"
        args.append(int(limit))
    loads = json.loads
    with gcpause.paused():
        return [AuthorCount(i, n, k, pc, rc, [] if al is None else loads(al))
                for i, n, k, pc, rc, al in conn.execute(sql, args)]


def topics(conn: sqlite3.Connection) -> list[TopicCount]:
    return [TopicCount(code=c, name=n, paper_count=pc, read_count=rc) for c, n, pc, rc in
            conn.execute(
                "SELECT code, coalesce(display_name, name), paper_count, read_count FROM topic "
                "WHERE paper_count > 0 ORDER BY paper_count DESC, code")]


def tags(conn: sqlite3.Connection) -> list[TagInfo]:
    return [TagInfo(name=n, color=c, paper_count=k) for n, c, k in conn.execute(
        "SELECT t.name, t.color, (SELECT count(*) FROM paper_tag pt JOIN paper p "
        "ON p.id = pt.paper_id WHERE pt.tag_id = t.id AND p.trashed_at IS NULL) "
        "FROM tag t ORDER BY t.key")]


def batch_profile(lib: Library, batch_id: int) -> dict | None:
    with lib._reading() as conn:
        row = conn.execute("SELECT profile FROM import_batch WHERE id = ?", (batch_id,)).fetchone()
    return json.loads(row[0]) if row and row[0] else None


def author_profiles(lib: Library, author_id: int) -> list[dict]:
    with lib._reading() as conn:
        row = conn.execute('SELECT "key" FROM author WHERE id = ?', (author_id,)).fetchone()
        if row is None:
            return []
        found = []
        for bid, profile in conn.execute(
                "SELECT id, profile FROM import_batch WHERE profile IS NOT NULL AND undone = 0 "
                "ORDER BY id DESC"):
            data = json.loads(profile)
            if isinstance(data, dict) and name_key(str(data.get("name", ""))) == row[0]:
                data = dict(data, batch_id=bid)
                found.append(data)
        return found


def check(conn: sqlite3.Connection, files_dir: Path) -> list[str]:
    problems: list[str] = []
    result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    if result != ["ok"]:
        problems.extend(f"Database: {r}" for r in result[:20])
    for table, _rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check").fetchall()[:20]:
        problems.append(f"Database: a row of {table} points to a missing {parent}.")
    try:
        conn.execute("INSERT INTO paper_fts (paper_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as err:
        problems.append(f"Search index: {err} (it can be rebuilt).")
    missing = conn.execute(
        "SELECT count(*) FROM paper p WHERE NOT EXISTS "
        "(SELECT 1 FROM paper_fts f WHERE f.rowid = p.id)").fetchone()[0]
    if missing:
        problems.append(f"Search index: {missing} papers are not indexed.")
    for table, link, col in (("author", "paper_author", "author_id"),
                             ("topic", "paper_topic", "topic_id")):
        stale = conn.execute(
            f"""SELECT count(*) FROM {table} x WHERE x.paper_count != (
                  SELECT count(*) FROM {link} l JOIN paper p ON p.id = l.paper_id
                  WHERE l.{col} = x.id AND p.trashed_at IS NULL)
               OR x.read_count != (
                  SELECT count(*) FROM {link} l JOIN paper p ON p.id = l.paper_id
                  WHERE l.{col} = x.id AND p.trashed_at IS NULL AND p.status = 'read')"""
        ).fetchone()[0]
        if stale:
            problems.append(f"Counts: {stale} {table}s show wrong paper counts.")
    for pid, rel in conn.execute("SELECT id, pdf_path FROM paper WHERE pdf_path IS NOT NULL"):
        if not (files_dir / rel).is_file():
            problems.append(f"Paper #{pid}: its PDF {rel} is missing from {files_dir}.")
    return problems
