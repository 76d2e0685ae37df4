"""Low-level writes shared by importing, editing and PDF storing.

Bulk helpers over a ``sqlite3`` connection inside the caller's transaction:
authors / topics / tags by key (created when missing), author lists, the
maintained author counts, index rows, hard deletes.  Nothing here commits.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from readinglist.core.topics import topic_name
from readinglist.library.errors import InvalidValue
from readinglist.store import bulk, search

CHUNK = 900


def now() -> str:
    """An ISO UTC timestamp ("2026-01-20T09:30:00Z")."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def chunks(ids: Sequence[int], size: int = CHUNK) -> Iterable[Sequence[int]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def marks(n: int) -> str:
    return ",".join("?" * n)


def next_id(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0])


def ensure_authors(conn: sqlite3.Connection, authors: Iterable[tuple[str, str]],
                   counts: Mapping[str, tuple[int, int]] | None = None) -> dict[str, int]:
    """Author ids by key for (display, key) pairs, creating the missing ones
    (with ``counts[key]`` = (papers, read) already counted, if given; new
    authors get the next ids).  A new spelling of a known author is
    remembered as an alias."""
    wanted: dict[str, str] = {}
    for name, key in authors:
        wanted.setdefault(key, name)
    found: dict[str, int] = {}
    aliases: list[tuple[str, str]] = []
    keys = list(wanted)
    for chunk in chunks(keys):
        for aid, key, name in conn.execute(
            f'SELECT id, "key", name FROM author WHERE "key" IN ({marks(len(chunk))})', chunk
        ):
            found[key] = aid
            if wanted[key] != name:
                aliases.append((key, wanted[key]))
    missing = [k for k in keys if k not in found]
    if missing:
        start = next_id(conn, "author")
        counts = counts or {}
        rows = [(start + i, wanted[k], k, *counts.get(k, (0, 0))) for i, k in enumerate(missing)]
        conn.executemany('INSERT INTO author (id, name, "key", paper_count, read_count) '
                         "VALUES (?, ?, ?, ?, ?)", rows)
        found.update({k: start + i for i, k in enumerate(missing)})
    for key, alias in aliases:
        (current,) = conn.execute('SELECT aliases FROM author WHERE "key" = ?', (key,)).fetchone()
        names = json.loads(current or "[]")
        if alias not in names:
            names.append(alias)
            conn.execute('UPDATE author SET aliases = ? WHERE "key" = ?', (json.dumps(names), key))
    return found


def ensure_topics(conn: sqlite3.Connection, codes: Iterable[str]) -> dict[str, int]:
    codes = list(dict.fromkeys(c for c in codes if c))
    found = {code: tid for tid, code in conn.execute("SELECT id, code FROM topic")}
    for code in codes:
        if code not in found:
            cur = conn.execute("INSERT INTO topic (code, name) VALUES (?, ?)", (code, topic_name(code)))
            found[code] = int(cur.lastrowid or 0)
    return found


def clean_tag(name: str) -> str:
    tag = " ".join(str(name).split())
    if not tag:
        raise InvalidValue("A tag needs a name.")
    if len(tag) > 100:
        raise InvalidValue(f"The tag {tag[:30]!r}… is too long (at most 100 characters).")
    return tag


def ensure_tags(conn: sqlite3.Connection, names: Iterable[str]) -> dict[str, int]:
    """Tag ids by case-folded key, creating missing tags (case-insensitive names)."""
    result: dict[str, int] = {}
    for raw in names:
        tag = clean_tag(raw)
        key = tag.casefold()
        row = conn.execute('SELECT id FROM tag WHERE "key" = ?', (key,)).fetchone()
        if row:
            result[key] = row[0]
        else:
            cur = conn.execute('INSERT INTO tag (name, "key") VALUES (?, ?)', (tag, key))
            result[key] = int(cur.lastrowid or 0)
    return result


def author_ids_of(conn: sqlite3.Connection, paper_ids: Sequence[int]) -> set[int]:
    out: set[int] = set()
    for chunk in chunks(list(paper_ids)):
        out.update(
            r[0]
            for r in conn.execute(
                f"SELECT author_id FROM paper_author WHERE paper_id IN ({marks(len(chunk))})", chunk
            )
        )
    return out


def set_paper_authors(conn: sqlite3.Connection, paper_id: int, author_ids: Sequence[int]) -> None:
    conn.execute("DELETE FROM paper_author WHERE paper_id = ?", (paper_id,))
    seen: set[int] = set()
    rows = []
    for aid in author_ids:
        if aid not in seen:
            seen.add(aid)
            rows.append((paper_id, len(rows), aid))
    conn.executemany(
        "INSERT INTO paper_author (paper_id, position, author_id) VALUES (?, ?, ?)", rows
    )
    first = conn.execute(
        'SELECT a."key" FROM paper_author pa JOIN author a ON a.id = pa.author_id '
        "WHERE pa.paper_id = ? AND pa.position = 0",
        (paper_id,),
    ).fetchone()
    conn.execute(
        "UPDATE paper SET first_author_key = ? WHERE id = ?", (first[0] if first else "", paper_id)
    )


def refresh_author_counts(conn: sqlite3.Connection, author_ids: Iterable[int]) -> None:
    """Recount papers / read papers (outside the trash) for these authors."""
    ids = list(set(author_ids))
    if not ids:
        return
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS _ids (id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM _ids")
    conn.executemany("INSERT OR IGNORE INTO _ids (id) VALUES (?)", [(i,) for i in ids])
    # one pass over each author's links; rows whose counts stay are not rewritten
    conn.execute(
        """UPDATE author SET paper_count = c.n, read_count = c.r
           FROM (SELECT i.id AS aid, count(p.id) AS n,
                        coalesce(sum(p.status = 'read'), 0) AS r
                 FROM _ids i
                 LEFT JOIN paper_author pa ON pa.author_id = i.id
                 LEFT JOIN paper p ON p.id = pa.paper_id AND p.trashed_at IS NULL
                 GROUP BY i.id) AS c
           WHERE author.id = c.aid AND (author.paper_count != c.n OR author.read_count != c.r)"""
    )
    conn.execute(
        "DELETE FROM author WHERE id IN (SELECT id FROM _ids) AND NOT EXISTS "
        "(SELECT 1 FROM paper_author pa WHERE pa.author_id = author.id)"
    )
    conn.execute("DELETE FROM _ids")


TopicTally = dict[int, tuple[int, int]]


def topic_tally(conn: sqlite3.Connection, paper_ids: Sequence[int]) -> TopicTally:
    """How much these papers add to each topic's counts: topic id -> (papers
    outside the trash, of which read).  Cheap: touches only these papers."""
    tally: dict[int, tuple[int, int]] = {}
    for chunk in chunks(list(paper_ids)):
        for tid, n, r in conn.execute(
            "SELECT pt.topic_id, count(*), coalesce(sum(p.status = 'read'), 0) FROM paper_topic pt "
            f"JOIN paper p ON p.id = pt.paper_id WHERE pt.paper_id IN ({marks(len(chunk))}) "
            "AND p.trashed_at IS NULL GROUP BY pt.topic_id",
            chunk,
        ):
            old = tally.get(tid, (0, 0))
            tally[tid] = (old[0] + n, old[1] + r)
    return tally


def apply_topic_tally(conn: sqlite3.Connection, before: TopicTally, after: TopicTally) -> None:
    """Move topic counts by what changed between two tallies of the same papers."""
    rows = []
    for tid in set(before) | set(after):
        b, a = before.get(tid, (0, 0)), after.get(tid, (0, 0))
        if a != b:
            rows.append((a[0] - b[0], a[1] - b[1], tid))
    conn.executemany(
        "UPDATE topic SET paper_count = paper_count + ?, read_count = read_count + ? WHERE id = ?",
        rows)


@contextmanager
def counts_follow(conn: sqlite3.Connection, paper_ids: Sequence[int]) -> Iterator[None]:
    """Keep author and topic counts right across a change to these papers'
    status, trash state or topics (authors recounted, topics moved by delta)."""
    ids = list(paper_ids)
    authors = author_ids_of(conn, ids)
    before = topic_tally(conn, ids)
    yield
    apply_topic_tally(conn, before, topic_tally(conn, ids))
    refresh_author_counts(conn, authors | author_ids_of(conn, ids))


def author_names(conn: sqlite3.Connection, paper_id: int) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT a.name FROM paper_author pa JOIN author a ON a.id = pa.author_id "
            "WHERE pa.paper_id = ? ORDER BY pa.position",
            (paper_id,),
        )
    ]


def reindex_meta(conn: sqlite3.Connection, paper_id: int) -> None:
    """Refresh the title / authors / abstract of one paper's index row."""
    row = conn.execute("SELECT title, abstract FROM paper WHERE id = ?", (paper_id,)).fetchone()
    if row is None:
        return
    search.update_row(
        conn, paper_id, title=row[0], abstract=row[1],
        authors=search.authors_text(author_names(conn, paper_id)),
    )


def delete_papers(conn: sqlite3.Connection, ids: Sequence[int], files_dir: Path) -> list[Path]:
    """Remove papers for good (rows, links, index); returns stored files that no
    other paper uses, for the caller to delete after commit.  Author and topic
    counts drop by what these papers counted for (touching only their links)."""
    ids = list(ids)
    if not ids:
        return []
    authors = _author_tally(conn, ids)
    before = topic_tally(conn, ids)
    with bulk.bulk_unlinks(conn, ids):
        files = _delete_rows(conn, ids, files_dir)
    conn.executemany(
        "UPDATE author SET paper_count = paper_count - ?, read_count = read_count - ? WHERE id = ?",
        [(n, r, aid) for aid, (n, r) in authors.items() if n or r])
    for chunk in chunks(sorted(authors)):
        conn.execute(f"DELETE FROM author WHERE id IN ({marks(len(chunk))}) AND NOT EXISTS "
                     "(SELECT 1 FROM paper_author pa WHERE pa.author_id = author.id)", chunk)
    apply_topic_tally(conn, before, {})
    return files


def _author_tally(conn: sqlite3.Connection, paper_ids: Sequence[int]) -> dict[int, tuple[int, int]]:
    """What these papers add to their authors' counts: author id -> (links to
    papers outside the trash, of which read), as ``refresh_author_counts``
    counts them."""
    tally: dict[int, tuple[int, int]] = {}
    for chunk in chunks(paper_ids):
        for aid, n, r in conn.execute(
                "SELECT pa.author_id, count(p.id), coalesce(sum(p.status = 'read'), 0) "
                "FROM paper_author pa LEFT JOIN paper p ON p.id = pa.paper_id "
                f"AND p.trashed_at IS NULL WHERE pa.paper_id IN ({marks(len(chunk))}) "
                "GROUP BY pa.author_id", chunk):
            tally[aid] = (n, r)
    return tally


def _delete_rows(conn: sqlite3.Connection, ids: list[int], files_dir: Path) -> list[Path]:
    stored: dict[str, list[str]] = {}  # file hash -> stored paths of the deleted papers
    for chunk in chunks(ids):
        for sha, pdf, thumb in conn.execute(
            f"SELECT pdf_sha256, pdf_path, thumbnail_path FROM paper WHERE id IN ({marks(len(chunk))}) "
            "AND pdf_sha256 IS NOT NULL",
            chunk,
        ):
            stored.setdefault(sha, []).extend(p for p in (pdf, thumb) if p)
        search.delete_rows(conn, chunk)
        conn.execute(f"DELETE FROM paper WHERE id IN ({marks(len(chunk))})", chunk)
    files: list[Path] = []
    for sha, paths in stored.items():  # a file another paper still uses stays
        if conn.execute("SELECT 1 FROM paper WHERE pdf_sha256 = ? LIMIT 1", (sha,)).fetchone() is None:
            files.extend(files_dir / p for p in dict.fromkeys(paths))
    return files
