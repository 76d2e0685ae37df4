"""Writing or deleting many papers at once: a larger page cache and
set-based upkeep of ``topic_author`` instead of its per-row triggers.

``bulk_links`` is used inside the caller's transaction around the inserts of
a large batch of *new* papers' ``paper_author`` / ``paper_topic`` rows.  It
drops the six ``tr_topic_author_*`` triggers (DDL is transactional in
SQLite: a rollback brings them back), lets the caller insert, then adds the
batch's (topic, author, distinct papers) counts in one sorted
``INSERT ... SELECT ... GROUP BY ... ON CONFLICT DO UPDATE`` and recreates
the triggers from their saved SQL.  The result is the same as the triggers
would give, since the batch's papers had no links before.  ``bulk_unlinks``
does the reverse around deleting many papers for good (undo, empty trash).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

# batches smaller than this go through the triggers (dropping and recreating
# them costs a schema change, which every connection then re-reads)
BULK_MIN_PAPERS = 300
BULK_CACHE_KIB = 256_000

_TRIGGERS_SQL = ("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                 "AND name LIKE 'tr\\_topic\\_author\\_%' ESCAPE '\\' ORDER BY name")


@contextmanager
def big_cache(conn: sqlite3.Connection, kib: int = BULK_CACHE_KIB) -> Iterator[None]:
    """A larger page cache for the duration (index inserts of a big batch land
    all over the B-trees of a large library)."""
    old = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    conn.execute(f"PRAGMA cache_size = {-abs(int(kib))}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {old}")


@contextmanager
def bulk_links(conn: sqlite3.Connection, paper_ids: Sequence[int]) -> Iterator[None]:
    """Around inserting the links of new papers ``paper_ids`` (in the caller's
    transaction): ``topic_author`` is brought up to date once, set-based."""
    ids = sorted(set(paper_ids))
    triggers = conn.execute(_TRIGGERS_SQL).fetchall() if len(ids) >= BULK_MIN_PAPERS else []
    if not triggers:  # small batch (or an old schema): the triggers do it
        yield
        return
    for name, _sql in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    yield
    if ids == list(range(ids[0], ids[-1] + 1)):
        where, args = "pt.paper_id BETWEEN ? AND ?", (ids[0], ids[-1])
        conn.execute(_upsert(where), args)
    else:
        _fill_ids(conn, ids)
        conn.execute(_upsert("pt.paper_id IN (SELECT id FROM _bulk_ids)"))
        conn.execute("DELETE FROM _bulk_ids")
    for _name, sql in triggers:
        conn.execute(sql)


@contextmanager
def bulk_unlinks(conn: sqlite3.Connection, paper_ids: Sequence[int]) -> Iterator[None]:
    """Around deleting papers ``paper_ids`` with their links (in the caller's
    transaction): their (topic, author) pairs are taken off ``topic_author``
    at once, as the triggers would one by one (a pair counts once per paper,
    trashed papers included)."""
    ids = sorted(set(paper_ids))
    triggers = conn.execute(_TRIGGERS_SQL).fetchall() if len(ids) >= BULK_MIN_PAPERS else []
    if not triggers:
        yield
        return
    _fill_ids(conn, ids)
    conn.execute(
        "UPDATE topic_author AS ta SET n = ta.n - d.k FROM ("
        "SELECT pt.topic_id AS t, pa.author_id AS a, count(DISTINCT pa.paper_id) AS k "
        "FROM paper_topic pt JOIN paper_author pa ON pa.paper_id = pt.paper_id "
        "WHERE pt.paper_id IN (SELECT id FROM _bulk_ids) GROUP BY pt.topic_id, pa.author_id"
        ") AS d WHERE ta.topic_id = d.t AND ta.author_id = d.a")
    conn.execute("DELETE FROM _bulk_ids")
    for name, _sql in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    yield
    for _name, sql in triggers:
        conn.execute(sql)


def _fill_ids(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS _bulk_ids (id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM _bulk_ids")
    conn.executemany("INSERT INTO _bulk_ids (id) VALUES (?)", [(i,) for i in ids])


def _upsert(where: str) -> str:
    return (
        "INSERT INTO topic_author (topic_id, author_id, n) "
        "SELECT pt.topic_id, pa.author_id, count(DISTINCT pa.paper_id) "
        "FROM paper_topic pt JOIN paper_author pa ON pa.paper_id = pt.paper_id "
        f"WHERE {where} GROUP BY pt.topic_id, pa.author_id ORDER BY pt.topic_id, pa.author_id "
        "ON CONFLICT (topic_id, author_id) DO UPDATE SET n = n + excluded.n"
    )
