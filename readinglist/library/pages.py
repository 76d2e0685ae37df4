"""Aggregates behind the author, topic and tag pages.

Each page is a set of live papers (not in the trash): an author's, a
topic's, a tag's.  Their ids go once into a temporary table, then a handful
of grouped SQL queries give the header counts, the per-year counts split
by read status, topics / co-authors / top authors / related topics / tags,
and the ids newest first for the paper table.  No ORM objects, no per-paper
queries.  A topic's top authors come from counts the schema keeps per
(topic, author), so a 30,000-paper topic never counts its ~270,000 author
links at page time.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable
from typing import Any

from readinglist.core.names import name_key
from readinglist.core.topics import normalize_topic, topic_name
from readinglist.library import aliases
from readinglist.library.errors import InvalidValue
from readinglist.library.page_types import (
    AuthorPage,
    PageStats,
    PersonShare,
    TagPage,
    TagShare,
    TopicPage,
    TopicShare,
    YearCount,
    empty_status_counts,
)

COAUTHOR_LIMIT = 100
TOP_AUTHOR_LIMIT = 25
RELATED_LIMIT = 15

_IDS = "_page_ids"


def _load(conn: sqlite3.Connection, scope_sql: str, args: tuple[Any, ...]
          ) -> tuple[list[int], PageStats]:
    """Fill the temporary id table with the live papers of ``scope_sql`` (a
    query giving paper ids); returns them newest first, and the page's counts.

    Both come from SQL: the counts by (year, status) in one GROUP BY, the
    ids sorted by date inside SQLite and handed over as one string, so a
    30,000-paper page builds no Python row per paper.
    """
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {_IDS} (id INTEGER PRIMARY KEY)")
    conn.execute(f"DELETE FROM {_IDS}")
    conn.execute(f"INSERT OR IGNORE INTO {_IDS} (id) {scope_sql}", args)
    conn.execute(f"DELETE FROM {_IDS} WHERE id IN (SELECT id FROM paper "
                 "WHERE trashed_at IS NOT NULL)")  # a small partial index
    narrow = "INDEXED BY ix_paper_page " if _has_page_index(conn) else ""
    join = f"FROM {_IDS} i CROSS JOIN paper p {narrow}ON p.id = i.id"
    stats = _stats(conn.execute(f"SELECT p.year, p.status, count(*) {join} GROUP BY 1, 2"))
    text = conn.execute(  # newest first; undated (NULL sorts lowest) last
        f"SELECT group_concat(id) FROM (SELECT i.id AS id {join} "
        "ORDER BY p.date DESC, i.id DESC)").fetchone()[0]
    return ([int(x) for x in text.split(",")] if text else []), stats


def _has_page_index(conn: sqlite3.Connection) -> bool:
    """Whether the narrow (id, trashed_at, year, status, date) index exists:
    reading it instead of the wide paper rows halves a big page's cost."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND "
                        "name = 'ix_paper_page'").fetchone() is not None


def _clear(conn: sqlite3.Connection) -> None:
    conn.execute(f"DELETE FROM {_IDS}")


def _stats(groups: Iterable[tuple[int | None, str, int]]) -> PageStats:
    """Header counts and the chart's years from (year, status, count) groups."""
    stats = PageStats()
    years: dict[int | None, YearCount] = {}
    for year, status, n in groups:
        yc = years.get(year)
        if yc is None:
            yc = years[year] = YearCount(year=year, total=0)
        yc.total += n
        key = status if status in stats.status_counts else "unread"
        yc.by_status[key] = yc.by_status.get(key, 0) + n
        stats.status_counts[key] += n
        stats.paper_count += n
    dated = sorted(y for y in years if y is not None)
    if dated:
        stats.first_year, stats.last_year = dated[0], dated[-1]
        # every year of the span, empty ones too, so the chart's axis is honest
        for y in range(dated[0], dated[-1] + 1):
            stats.years.append(years.get(y) or YearCount(year=y, total=0,
                                                         by_status=empty_status_counts()))
    if None in years:
        stats.years.append(years[None])
    return stats


def _count_ids(conn: sqlite3.Connection, link_table: str, column: str) -> Counter[str]:
    """How many of the page's papers each ``column`` value of ``link_table`` is on.

    SQLite hands the values over as one ``group_concat`` string and Python
    counts them: much faster than a GROUP BY's temporary b-tree over the
    hundreds of thousands of rows a 30,000-paper topic has.  The keys stay
    text (the ids as SQLite wrote them): callers convert the few they keep.
    """
    text = conn.execute(
        f"SELECT group_concat(x.{column}) FROM {_IDS} i CROSS JOIN {link_table} x "
        "ON x.paper_id = i.id").fetchone()[0]
    if not text:
        return Counter()
    return Counter(text.split(","))


def _people(conn: sqlite3.Connection, exclude: int | None, limit: int) -> list[PersonShare]:
    """The authors on most of the page's papers (``exclude``: the page's own),
    most shared first, then by name."""
    counts = _count_ids(conn, "paper_author", "author_id")
    if exclude is not None:
        counts.pop(str(exclude), None)
    return _ranked(conn, {int(a): n for a, n in counts.items()}, limit)


def _ranked(conn: sqlite3.Connection, counts: dict[int, int], limit: int) -> list[PersonShare]:
    """The ``limit`` authors with the highest counts, ties broken by name."""
    counts = {a: n for a, n in counts.items() if n > 0}
    if not counts:
        return []
    cutoff = sorted(counts.values(), reverse=True)[:limit][-1]
    # everyone tied with the last place, so that ties are broken by name
    chosen = [(a, n) for a, n in counts.items() if n >= cutoff]
    names: dict[int, str] = {}
    ids = [a for a, _ in chosen]
    for i in range(0, len(ids), 900):
        chunk = ids[i:i + 900]
        names.update(conn.execute(
            f"SELECT id, name FROM author WHERE id IN ({','.join('?' * len(chunk))})", chunk))
    people = [PersonShare(id=a, name=names.get(a, "?"), count=n) for a, n in chosen]
    people.sort(key=lambda p: (-p.count, p.name))
    return people[:limit]


# Above this many trashed papers in a topic, its top authors are counted
# from the page's papers instead of corrected from the maintained counts.
TRASH_CORRECTION_LIMIT = 2000


def _topic_people(conn: sqlite3.Connection, topic_id: int, limit: int) -> list[PersonShare]:
    """A topic's most frequent authors, from the ``topic_author`` counts the
    schema's triggers keep (schema 5): one read of the topic's rows in key
    order (~10 ms for a topic of 10,000 papers), not a count over its links.  Those counts include trashed papers, so each author's share of
    the topic's trashed papers (few; read through a partial index) is taken
    off, over every author who could still reach the top ``limit``."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                    "name = 'topic_author'").fetchone() is None:
        return _people(conn, None, limit)  # an older schema (never after migrating)
    trashed = [r[0] for r in conn.execute(  # from the trash's partial index, not the topic
        "SELECT pt.paper_id FROM paper p INDEXED BY ix_paper_trashed_at "
        "JOIN paper_topic pt ON pt.paper_id = p.id AND pt.topic_id = ? "
        "WHERE p.trashed_at IS NOT NULL", (topic_id,))]
    if len(trashed) > TRASH_CORRECTION_LIMIT:
        return _people(conn, None, limit)
    row = conn.execute(
        "SELECT n FROM topic_author WHERE topic_id = ? AND n > 0 "
        "ORDER BY n DESC LIMIT 1 OFFSET ?", (topic_id, limit - 1)).fetchone()
    floor = max(1, (row[0] if row else 1) - len(trashed))
    counts = dict(conn.execute(
        "SELECT author_id, n FROM topic_author WHERE topic_id = ? AND n >= ?",
        (topic_id, floor)).fetchall())
    for i in range(0, len(trashed), 900):
        chunk = trashed[i:i + 900]
        for aid, n in conn.execute(
                "SELECT author_id, count(DISTINCT paper_id) FROM paper_author WHERE paper_id "
                f"IN ({','.join('?' * len(chunk))}) GROUP BY author_id", chunk):
            if aid in counts:
                counts[aid] -= n
    return _ranked(conn, counts, limit)


def _topics(conn: sqlite3.Connection, exclude: str | None, limit: int | None
            ) -> list[TopicShare]:
    counts = _count_ids(conn, "paper_topic", "topic_id")
    info = {tid: (code, name) for tid, code, name in conn.execute(
        "SELECT id, code, coalesce(display_name, name) FROM topic")}
    out = [TopicShare(code=info[t][0], name=info[t][1], count=n)
           for t, n in ((int(k), v) for k, v in counts.items())
           if t in info and info[t][0] != exclude]
    out.sort(key=lambda t: (-t.count, t.code))
    return out if limit is None else out[:limit]


def _tags(conn: sqlite3.Connection, exclude_key: str | None = None) -> list[TagShare]:
    counts = _count_ids(conn, "paper_tag", "tag_id")
    out = [TagShare(name=n, color=c, count=counts[str(t)]) for t, n, c, k in conn.execute(
        'SELECT id, name, color, "key" FROM tag') if counts.get(str(t)) and k != exclude_key]
    out.sort(key=lambda t: (-t.count, t.name.casefold()))
    return out


def profiles_for(conn: sqlite3.Connection, keys: set[str]) -> list[dict]:
    """Profiles pasted for a person known by any of ``keys``, newest first,
    each with the ``batch_id`` and ``imported_at`` of its paste."""
    found = []
    for bid, created, profile in conn.execute(
            "SELECT id, created_at, profile FROM import_batch WHERE profile IS NOT NULL "
            "AND undone = 0 ORDER BY id DESC"):
        try:
            data = json.loads(profile)
        except ValueError:
            continue
        if isinstance(data, dict) and name_key(str(data.get("name") or "")) in keys:
            found.append(dict(data, batch_id=bid, imported_at=created))
    return found


def author_page(conn: sqlite3.Connection, author_id: int) -> AuthorPage:
    ref = aliases.author_ref(conn, author_id)
    ids, stats = _load(conn, "SELECT paper_id FROM paper_author WHERE author_id = ?",
                       (author_id,))
    try:
        return AuthorPage(
            author=ref, aliases=aliases.aliases_of(conn, author_id), stats=stats,
            topics=_topics(conn, None, None),
            coauthors=_people(conn, author_id, COAUTHOR_LIMIT), tags=_tags(conn),
            profiles=profiles_for(conn, aliases.keys_of(conn, author_id)), paper_ids=ids)
    finally:
        _clear(conn)


def find_topic(conn: sqlite3.Connection, code_or_name: str) -> tuple[int, str, str, str | None]:
    """(id, code, taxonomy name, display name) of a topic given by code or name."""
    text = " ".join((code_or_name or "").split())
    if not text:
        raise InvalidValue("Give a topic code (like cs.CL) or name.")
    code = normalize_topic(text) or text
    row = conn.execute("SELECT id, code, name, display_name FROM topic WHERE code = ?",
                       (code,)).fetchone()
    if row is None:
        row = conn.execute(
            "SELECT id, code, name, display_name FROM topic WHERE code = ? COLLATE NOCASE "
            "OR name = ? COLLATE NOCASE OR display_name = ? COLLATE NOCASE ORDER BY id LIMIT 1",
            (text, text, text)).fetchone()
    if row is None:
        raise InvalidValue(f"There is no topic {text!r} in this library "
                           "(see readinglist topics).")
    return row[0], row[1], row[2] or topic_name(row[1]), row[3]


def topic_page(conn: sqlite3.Connection, code_or_name: str) -> TopicPage:
    tid, code, taxonomy, display = find_topic(conn, code_or_name)
    ids, stats = _load(conn, "SELECT paper_id FROM paper_topic WHERE topic_id = ?", (tid,))
    try:
        return TopicPage(
            code=code, name=display or taxonomy, taxonomy_name=taxonomy,
            renamed=bool(display), stats=stats,
            top_authors=_topic_people(conn, tid, TOP_AUTHOR_LIMIT),
            related=_topics(conn, code, RELATED_LIMIT), tags=_tags(conn), paper_ids=ids)
    finally:
        _clear(conn)


def tag_page(conn: sqlite3.Connection, name: str) -> TagPage:
    key = " ".join((name or "").split()).casefold()
    row = conn.execute('SELECT id, name, color FROM tag WHERE "key" = ?', (key,)).fetchone()
    if row is None:
        raise InvalidValue(f"There is no tag {name!r} in this library (see readinglist tags).")
    ids, stats = _load(conn, "SELECT paper_id FROM paper_tag WHERE tag_id = ?", (row[0],))
    try:
        return TagPage(
            name=row[1], color=row[2], stats=stats,
            top_authors=_people(conn, None, TOP_AUTHOR_LIMIT),
            topics=_topics(conn, None, RELATED_LIMIT), related=_tags(conn, key), paper_ids=ids)
    finally:
        _clear(conn)
