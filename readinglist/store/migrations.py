"""Schema versions: numbered steps on ``PRAGMA user_version``.

Step N turns a version N-1 library into version N.  Each step is frozen SQL
(never edited once released: a new change is a new step) and runs in one
transaction together with the ``user_version`` bump, after an online backup
of the library into ``<library dir>/backups/`` (a brand-new empty library is
not backed up).  ``migrate`` refuses a library newer than ``SCHEMA_VERSION``
without writing to it; ``db.open_connection`` checks that first, read-only.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from readinglist.library.errors import LibraryTooNew
from readinglist.store import backup
from readinglist.store.version import SCHEMA_VERSION

V1_SQL = """
CREATE TABLE paper (
    id INTEGER PRIMARY KEY,
    title TEXT,
    title_key TEXT NOT NULL DEFAULT '',
    abstract TEXT,
    abstract_key TEXT NOT NULL DEFAULT '',
    date TEXT,
    year INTEGER,
    arxiv_id TEXT,
    doi TEXT,
    url TEXT,
    venue TEXT,
    organization TEXT,
    has_code BOOLEAN NOT NULL DEFAULT 0,
    code_url TEXT,
    status TEXT NOT NULL DEFAULT 'unread',
    priority INTEGER NOT NULL DEFAULT 0,
    starred BOOLEAN NOT NULL DEFAULT 0,
    added_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    read_at TEXT,
    trashed_at TEXT,
    pdf_sha256 TEXT,
    pdf_path TEXT,
    thumbnail_path TEXT,
    page_count INTEGER,
    text_indexed BOOLEAN NOT NULL DEFAULT 0,
    needs_review BOOLEAN NOT NULL DEFAULT 0,
    review_reasons TEXT NOT NULL DEFAULT '[]',
    authors_truncated BOOLEAN NOT NULL DEFAULT 0,
    author_count INTEGER,
    first_author_key TEXT NOT NULL DEFAULT '',
    edited_fields TEXT NOT NULL DEFAULT '[]',
    field_confidence TEXT NOT NULL DEFAULT '{}',
    extra TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX ix_paper_title_key ON paper (title_key);
CREATE INDEX ix_paper_abstract_key ON paper (abstract_key) WHERE abstract_key != '';
CREATE INDEX ix_paper_arxiv_id ON paper (arxiv_id) WHERE arxiv_id IS NOT NULL;
CREATE INDEX ix_paper_doi ON paper (doi) WHERE doi IS NOT NULL;
CREATE INDEX ix_paper_pdf_sha256 ON paper (pdf_sha256) WHERE pdf_sha256 IS NOT NULL;
CREATE INDEX ix_paper_trashed_at ON paper (trashed_at) WHERE trashed_at IS NOT NULL;
CREATE INDEX ix_paper_status ON paper (status, trashed_at);
CREATE INDEX ix_paper_year ON paper (year);
CREATE INDEX ix_paper_live_added ON paper (added_at, id) WHERE trashed_at IS NULL;
CREATE INDEX ix_paper_live_date ON paper (date, id) WHERE trashed_at IS NULL;
CREATE INDEX ix_paper_live_updated ON paper (updated_at, id) WHERE trashed_at IS NULL;
CREATE INDEX ix_paper_live_title ON paper (title_key, id) WHERE trashed_at IS NULL;
CREATE INDEX ix_paper_live_authors ON paper (first_author_key, id) WHERE trashed_at IS NULL;

CREATE TABLE author (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    "key" TEXT NOT NULL UNIQUE,
    aliases TEXT NOT NULL DEFAULT '[]',
    paper_count INTEGER NOT NULL DEFAULT 0,
    read_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_author_count ON author (paper_count DESC, name);

CREATE TABLE paper_author (
    paper_id INTEGER NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    author_id INTEGER NOT NULL REFERENCES author (id),
    PRIMARY KEY (paper_id, position)
) WITHOUT ROWID;
CREATE INDEX ix_paper_author_author_id ON paper_author (author_id, paper_id);

CREATE TABLE topic (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    display_name TEXT
);

CREATE TABLE paper_topic (
    paper_id INTEGER NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    topic_id INTEGER NOT NULL REFERENCES topic (id),
    PRIMARY KEY (paper_id, topic_id)
) WITHOUT ROWID;
CREATE INDEX ix_paper_topic_topic_id ON paper_topic (topic_id, paper_id);

CREATE TABLE tag (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    "key" TEXT NOT NULL UNIQUE,
    color TEXT
);

CREATE TABLE paper_tag (
    paper_id INTEGER NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    PRIMARY KEY (paper_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX ix_paper_tag_tag_id ON paper_tag (tag_id, paper_id);

CREATE TABLE note (
    paper_id INTEGER PRIMARY KEY REFERENCES paper (id) ON DELETE CASCADE,
    text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE import_batch (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL,
    source_name TEXT,
    format TEXT,
    added INTEGER NOT NULL DEFAULT 0,
    merged INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    raw_text TEXT NOT NULL DEFAULT '',
    undone BOOLEAN NOT NULL DEFAULT 0,
    profile TEXT,
    warnings TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE paper_source (
    id INTEGER PRIMARY KEY,
    paper_id INTEGER NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    batch_id INTEGER NOT NULL REFERENCES import_batch (id),
    entry_index INTEGER,
    action TEXT NOT NULL,
    raw TEXT NOT NULL DEFAULT '',
    snapshot TEXT
);
CREATE INDEX ix_paper_source_paper_id ON paper_source (paper_id);
CREATE INDEX ix_paper_source_batch_id ON paper_source (batch_id);

CREATE VIRTUAL TABLE paper_fts USING fts5 (
    title, authors, abstract, note, fulltext,
    tokenize = 'unicode61 remove_diacritics 2'
);
"""


def _step_1(conn: sqlite3.Connection) -> None:
    for statement in V1_SQL.split(";"):
        if statement.strip():
            conn.execute(statement)


V2_SQL = """
CREATE TABLE author_alias (
    id INTEGER PRIMARY KEY,
    "key" TEXT NOT NULL,
    paper_id INTEGER REFERENCES paper (id) ON DELETE CASCADE,
    author_id INTEGER NOT NULL REFERENCES author (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_author_alias_key ON author_alias ("key", coalesce(paper_id, 0));
CREATE INDEX ix_author_alias_author ON author_alias (author_id);
CREATE INDEX ix_author_alias_paper ON author_alias (paper_id) WHERE paper_id IS NOT NULL;

CREATE TABLE author_distinct (
    author_id INTEGER NOT NULL REFERENCES author (id) ON DELETE CASCADE,
    other_id INTEGER NOT NULL REFERENCES author (id) ON DELETE CASCADE,
    PRIMARY KEY (author_id, other_id)
) WITHOUT ROWID;
CREATE INDEX ix_author_distinct_other ON author_distinct (other_id);

CREATE INDEX ix_paper_page ON paper (id, trashed_at, year, status, date);
"""


def _step_2(conn: sqlite3.Connection) -> None:
    """Author identity decisions (merges, splits, "not the same person"), and a
    narrow index of what author / topic pages count (year, status, date)."""
    for statement in V2_SQL.split(";"):
        if statement.strip():
            conn.execute(statement)


V3_SQL = """
ALTER TABLE topic ADD COLUMN paper_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE topic ADD COLUMN read_count INTEGER NOT NULL DEFAULT 0;
UPDATE topic SET
    paper_count = (SELECT count(*) FROM paper_topic pt JOIN paper p ON p.id = pt.paper_id
                   WHERE pt.topic_id = topic.id AND p.trashed_at IS NULL),
    read_count = (SELECT count(*) FROM paper_topic pt JOIN paper p ON p.id = pt.paper_id
                  WHERE pt.topic_id = topic.id AND p.trashed_at IS NULL AND p.status = 'read');
DROP INDEX ix_author_count;
CREATE INDEX ix_author_count ON author (paper_count DESC, name, id, "key", read_count, aliases);
CREATE INDEX ix_paper_live_starred ON paper (id) WHERE starred = 1 AND trashed_at IS NULL;
CREATE INDEX ix_paper_live_review ON paper (id) WHERE needs_review = 1 AND trashed_at IS NULL;
DROP INDEX ix_paper_title_key;
DROP INDEX ix_paper_abstract_key;
"""


def _step_3(conn: sqlite3.Connection) -> None:
    """Maintained topic counts; covering indexes for the sidebar and author list;
    title / abstract key indexes dropped (matching holds the keys in memory)."""
    for statement in V3_SQL.split(";"):
        if statement.strip():
            conn.execute(statement)


V4_SQL = """
ALTER TABLE paper ADD COLUMN citekey TEXT;
CREATE UNIQUE INDEX ux_paper_citekey ON paper (citekey) WHERE citekey IS NOT NULL;
CREATE INDEX ix_paper_live_status_added ON paper (status, added_at, id) WHERE trashed_at IS NULL;
CREATE VIRTUAL TABLE paper_fts_v4 USING fts5 (
    title, authors, abstract, note, fulltext,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2'
);
INSERT INTO paper_fts_v4 (rowid, title, authors, abstract, note, fulltext)
    SELECT rowid, title, authors, abstract, note, fulltext FROM paper_fts;
DROP TABLE paper_fts;
ALTER TABLE paper_fts_v4 RENAME TO paper_fts;
"""


def _step_4(conn: sqlite3.Connection) -> None:
    """A stored, library-wide unique citation key per paper (assigned here to
    every existing paper, in id order); an index for the status views; the
    search index rebuilt with 1- and 2-letter prefix indexes (a search typed
    one letter at a time stays fast)."""
    from readinglist.library.citekeys import assign_all_missing

    for statement in V4_SQL.split(";"):
        if statement.strip():
            conn.execute(statement)
    assign_all_missing(conn)


V5_SQL = """
CREATE TABLE topic_author (
    topic_id INTEGER NOT NULL,
    author_id INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (topic_id, author_id)
) WITHOUT ROWID;
INSERT INTO topic_author (topic_id, author_id, n)
    SELECT pt.topic_id, pa.author_id, count(DISTINCT pa.paper_id)
    FROM paper_topic pt JOIN paper_author pa ON pa.paper_id = pt.paper_id
    GROUP BY pt.topic_id, pa.author_id;
CREATE INDEX ix_topic_author_rank ON topic_author (topic_id, n DESC, author_id);
CREATE TRIGGER tr_topic_author_pa_insert AFTER INSERT ON paper_author
WHEN EXISTS (SELECT 1 FROM paper_topic WHERE paper_id = NEW.paper_id)
     AND NOT EXISTS (SELECT 1 FROM paper_author x WHERE x.paper_id = NEW.paper_id
                     AND x.author_id = NEW.author_id AND x.position != NEW.position)
BEGIN
    INSERT INTO topic_author (topic_id, author_id, n)
        SELECT topic_id, NEW.author_id, 1 FROM paper_topic WHERE paper_id = NEW.paper_id
        ON CONFLICT (topic_id, author_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER tr_topic_author_pa_delete AFTER DELETE ON paper_author
WHEN NOT EXISTS (SELECT 1 FROM paper_author x WHERE x.paper_id = OLD.paper_id
                 AND x.author_id = OLD.author_id)
BEGIN
    UPDATE topic_author SET n = n - 1 WHERE author_id = OLD.author_id
        AND topic_id IN (SELECT topic_id FROM paper_topic WHERE paper_id = OLD.paper_id);
END;
CREATE TRIGGER tr_topic_author_pa_update AFTER UPDATE OF author_id, paper_id ON paper_author
WHEN OLD.author_id != NEW.author_id OR OLD.paper_id != NEW.paper_id
BEGIN
    UPDATE topic_author SET n = n - 1 WHERE author_id = OLD.author_id
        AND topic_id IN (SELECT topic_id FROM paper_topic WHERE paper_id = OLD.paper_id)
        AND NOT EXISTS (SELECT 1 FROM paper_author x WHERE x.paper_id = OLD.paper_id
                        AND x.author_id = OLD.author_id);
    INSERT INTO topic_author (topic_id, author_id, n)
        SELECT topic_id, NEW.author_id, 1 FROM paper_topic WHERE paper_id = NEW.paper_id
        AND NOT EXISTS (SELECT 1 FROM paper_author x WHERE x.paper_id = NEW.paper_id
                        AND x.author_id = NEW.author_id AND x.position != NEW.position)
        ON CONFLICT (topic_id, author_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER tr_topic_author_pt_insert AFTER INSERT ON paper_topic
BEGIN
    INSERT INTO topic_author (topic_id, author_id, n)
        SELECT DISTINCT NEW.topic_id, author_id, 1 FROM paper_author
        WHERE paper_id = NEW.paper_id
        ON CONFLICT (topic_id, author_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER tr_topic_author_pt_delete AFTER DELETE ON paper_topic
BEGIN
    UPDATE topic_author SET n = n - 1 WHERE topic_id = OLD.topic_id
        AND author_id IN (SELECT author_id FROM paper_author WHERE paper_id = OLD.paper_id);
END;
CREATE TRIGGER tr_topic_author_pt_update AFTER UPDATE OF topic_id, paper_id ON paper_topic
WHEN OLD.topic_id != NEW.topic_id OR OLD.paper_id != NEW.paper_id
BEGIN
    UPDATE topic_author SET n = n - 1 WHERE topic_id = OLD.topic_id
        AND author_id IN (SELECT author_id FROM paper_author WHERE paper_id = OLD.paper_id);
    INSERT INTO topic_author (topic_id, author_id, n)
        SELECT DISTINCT NEW.topic_id, author_id, 1 FROM paper_author
        WHERE paper_id = NEW.paper_id
        ON CONFLICT (topic_id, author_id) DO UPDATE SET n = n + 1;
END;
"""


def _step_5(conn: sqlite3.Connection) -> None:
    """Per topic, how many papers each author is on (trashed ones included),
    kept current by triggers on paper_author / paper_topic: a topic page's
    top authors become an index range read instead of counting the hundreds
    of thousands of author links of a big topic.  A pair counts once when the
    second of its two links arrives and stops when the first one goes, so
    cascade deletes (in either order) and re-linking stay exact."""
    _run_script(conn, V5_SQL)


V6_SQL = """
CREATE TABLE title_block (
    block TEXT NOT NULL,
    paper_id INTEGER NOT NULL REFERENCES paper (id) ON DELETE CASCADE,
    PRIMARY KEY (block, paper_id)
) WITHOUT ROWID;
CREATE INDEX ix_title_block_paper ON title_block (paper_id);
CREATE INDEX ix_paper_live_abstract ON paper (abstract_key, id)
    WHERE trashed_at IS NULL AND abstract_key != '';
CREATE VIRTUAL TABLE paper_fts_v6 USING fts5 (
    title, authors, abstract, note, fulltext,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2'
);
INSERT INTO paper_fts_v6 (rowid, title, authors, abstract, note, fulltext)
    SELECT rowid, title, authors, abstract, note, fulltext FROM paper_fts;
DROP TABLE paper_fts;
ALTER TABLE paper_fts_v6 RENAME TO paper_fts;
DROP INDEX ix_topic_author_rank;
"""


def _step_6(conn: sqlite3.Connection) -> None:
    """Matching looks up an import's keys in the library instead of loading
    the keys of every paper: the blocking keys of titles (for similar-title
    candidates) are stored, and abstract keys get an index again.  The
    search index keeps only 2-letter prefixes: the 1-letter prefix index
    cost a third of the time of adding papers (a one-letter last word is
    searched as a word, see ``search.fts_query``).  ``topic_author`` loses
    its rank index: keeping it cost ~5% of a big import, and a topic's top
    authors read its rows in key order in ~10 ms without it."""
    from readinglist.library.keyindex import index_titles

    _run_script(conn, V6_SQL)
    index_titles(conn, conn.execute("SELECT id, title_key FROM paper WHERE title_key != ''"
                                    ).fetchall())


def _run_script(conn: sqlite3.Connection, sql: str) -> None:
    """Run ``sql`` statement by statement; a trigger body (BEGIN ... END;)
    is one statement."""
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            conn.execute(buf)
            buf = ""
    if buf.strip():
        conn.execute(buf)


# version reached -> step
STEPS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _step_1, 2: _step_2, 3: _step_3, 4: _step_4, 5: _step_5, 6: _step_6}
assert max(STEPS) == SCHEMA_VERSION


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _is_empty(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


def migrate(conn: sqlite3.Connection, library_path: Path) -> list[int]:
    """Bring the library to ``SCHEMA_VERSION``; returns the steps run.

    ``conn`` must be in autocommit mode (isolation_level None).
    """
    current = user_version(conn)
    if current > SCHEMA_VERSION:
        raise LibraryTooNew(
            f"{library_path.name} was written by a newer Reading List (schema {current}, "
            f"this version knows {SCHEMA_VERSION}); it was left untouched."
        )
    if current == SCHEMA_VERSION:
        return []
    if current > 0 or not _is_empty(conn):
        backup.backup_connection(
            conn, backup.backups_dir(library_path), f"before-v{SCHEMA_VERSION}"
        )
    done = []
    for version in range(current + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            if user_version(conn) >= version:  # another process got there first
                conn.execute("COMMIT")
                continue
            STEPS[version](conn)
            conn.execute(f"PRAGMA user_version = {version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        done.append(version)
    return done
