"""The FTS5 index over papers and safe query building.

The index ``paper_fts`` (rowid = paper id) holds title, authors, abstract,
note and the PDF full text (bounded to ``MAX_FULLTEXT_CHARS``), tokenised by
``unicode61 remove_diacritics 2`` so "Noreña" matches "norena".

``fts_query`` turns any user text into an FTS5 expression that cannot raise
a syntax error: every word becomes a quoted string token, text in double
quotes stays a phrase, and the last word, if it is at least ``PREFIX_MIN``
characters long, is a prefix match ("transf" finds "transformer"; a lone
"C" is the word C, not every word starting with c, which would be every
paper and the slowest query there is).  The index keeps 2-letter prefixes,
so a search typed one key at a time is fast from the second letter on.
Text with no word characters gives None (no search).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence

MAX_FULLTEXT_CHARS = 400_000
_WORD = re.compile(r"\w+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]*)"')
COLUMNS = ("title", "authors", "abstract", "note", "fulltext")
PREFIX_MIN = 2


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def fts_query(text: str | None) -> str | None:
    """A safe FTS5 MATCH expression for user ``text`` (None when nothing to search)."""
    if not text:
        return None
    parts: list[str] = []
    pos = 0
    last_is_word = False
    for m in _PHRASE.finditer(text):
        words = _WORD.findall(text[pos : m.start()])
        parts.extend(_quote(w) for w in words)
        last_is_word = bool(words)
        phrase = _WORD.findall(m.group(1))
        if phrase:
            parts.append(_quote(" ".join(phrase)))
            last_is_word = False
        pos = m.end()
    tail = text[pos:]
    if tail.count('"'):  # an unclosed quote: treat the rest as plain words
        tail = tail.replace('"', " ")
    words = _WORD.findall(tail)
    if words:
        parts.extend(_quote(w) for w in words)
        last_is_word = len(words[-1]) >= PREFIX_MIN
    if not parts:
        return None
    if last_is_word and _WORD.match(tail[-1:]):  # still typing that word
        parts[-1] = parts[-1] + "*"
    return " ".join(parts)


def authors_text(names: Iterable[str]) -> str:
    return "; ".join(names)


def insert_rows(
    conn: sqlite3.Connection,
    rows: Sequence[tuple[int, str | None, str, str | None, str, str]],
) -> None:
    """Add index rows: (paper id, title, authors, abstract, note, fulltext)."""
    conn.executemany(
        "INSERT INTO paper_fts (rowid, title, authors, abstract, note, fulltext) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(r[0], r[1] or "", r[2], r[3] or "", r[4], (r[5] or "")[:MAX_FULLTEXT_CHARS]) for r in rows],
    )


def delete_rows(conn: sqlite3.Connection, ids: Iterable[int]) -> None:
    conn.executemany("DELETE FROM paper_fts WHERE rowid = ?", [(i,) for i in ids])


def update_row(conn: sqlite3.Connection, paper_id: int, **values: str | None) -> None:
    """Replace some columns of one paper's index row (the others are kept)."""
    old = conn.execute(
        "SELECT title, authors, abstract, note, fulltext FROM paper_fts WHERE rowid = ?",
        (paper_id,),
    ).fetchone()
    current = dict(zip(COLUMNS, old or ("", "", "", "", ""), strict=True))
    for key, value in values.items():
        if key not in current:
            raise KeyError(key)
        current[key] = value or ""
    if old is not None:
        conn.execute("DELETE FROM paper_fts WHERE rowid = ?", (paper_id,))
    insert_rows(
        conn,
        [(paper_id, current["title"], current["authors"], current["abstract"], current["note"],
          current["fulltext"])],
    )


def matching_ids_sql() -> str:
    """SQL (one parameter: the MATCH expression) giving the matching paper ids."""
    return "SELECT rowid FROM paper_fts WHERE paper_fts MATCH ?"
