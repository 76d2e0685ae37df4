"""The keys a paper is recognised by, looked up in the library for an import.

``KeyIndex`` answers "which live paper has this arXiv id / DOI / title key /
abstract key, and which titles share a blocking key with this one" for the
entries of one import.  It asks SQLite for all of an import's keys at once
(``prefetch``: one indexed query per kind of key, a handful of rows back)
instead of loading the keys of the whole library, so matching costs the
same in a library of 1,000 papers or of 1,000,000.  Papers added earlier
in the same import are added to it as the import goes (``add``), so an
entry listed twice in one paste is added once.

The blocking keys of every titled paper are stored in ``title_block``
(schema step 6); ``index_titles`` / ``reindex_title`` keep them in step
with ``paper.title_key`` wherever a title is written.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from readinglist.core.titles import block_keys

if TYPE_CHECKING:
    from readinglist.library.matching import Prepared

_INFO = "p.id, p.title, p.first_author_key, p.year, p.title_key"
_LOOKUPS = {
    "arxiv": (f"SELECT p.arxiv_id, {_INFO} FROM paper p WHERE p.arxiv_id IS NOT NULL "
              "AND p.arxiv_id IN (SELECT value FROM json_each(?)) AND p.trashed_at IS NULL "
              "ORDER BY p.id"),
    "doi": (f"SELECT p.doi, {_INFO} FROM paper p WHERE p.doi IS NOT NULL "
            "AND p.doi IN (SELECT value FROM json_each(?)) AND p.trashed_at IS NULL "
            "ORDER BY p.id"),
    "title": (f"SELECT p.title_key, {_INFO} FROM paper p INDEXED BY ix_paper_live_title "
              "WHERE p.trashed_at IS NULL AND p.title_key IN (SELECT value FROM json_each(?)) "
              "ORDER BY p.id"),
    "abstract": (f"SELECT p.abstract_key, {_INFO} FROM paper p INDEXED BY ix_paper_live_abstract "
                 "WHERE p.trashed_at IS NULL AND p.abstract_key != '' "
                 "AND p.abstract_key IN (SELECT value FROM json_each(?)) ORDER BY p.id"),
}
# a title's blocks can hold many papers: only their keys now, the rest if one is a candidate
_BLOCKS = ("SELECT tb.block, p.id, p.title_key FROM title_block tb JOIN paper p "
           "ON p.id = tb.paper_id WHERE tb.block IN (SELECT value FROM json_each(?)) "
           "AND p.trashed_at IS NULL ORDER BY p.id")
_CHUNK = 20_000  # keys per query


@dataclass(slots=True)
class KeyInfo:
    title: str
    first_author_key: str
    year: int | None


class KeyIndex:
    """The library's papers under the keys of one import's entries (see the
    module docstring).  The maps hold only keys that were asked for; lists
    and first-paper-wins follow paper id order, this import's papers last."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.arxiv: dict[str, int] = {}
        self.doi: dict[str, int] = {}
        self.title: dict[str, list[int]] = {}
        self.abstract: dict[str, int] = {}
        self.blocks: dict[str, tuple[list[int], list[str]]] = {}
        self.info: dict[int, KeyInfo] = {}
        self.title_of: dict[int, str] = {}  # paper id -> title key, for the papers seen
        self._asked: dict[str, set[str]] = {kind: set() for kind in (*_LOOKUPS, "block")}

    def prefetch(self, preps: Iterable[Prepared]) -> None:
        """Look up every key of ``preps`` not asked for yet, kind by kind."""
        wanted: dict[str, set[str]] = {kind: set() for kind in self._asked}
        for p in preps:
            if p.arxiv_id:
                wanted["arxiv"].add(p.arxiv_id)
            if p.doi:
                wanted["doi"].add(p.doi)
            if p.title_key:
                wanted["title"].add(p.title_key)
                wanted["block"].update(p.title_blocks)
            if p.abstract_key:
                wanted["abstract"].add(p.abstract_key)
        for kind, keys in wanted.items():
            keys -= self._asked[kind]
            if keys:
                self._asked[kind] |= keys
                ordered = sorted(keys)
                for start in range(0, len(ordered), _CHUNK):
                    self._lookup(kind, ordered[start:start + _CHUNK])

    def _lookup(self, kind: str, keys: list[str]) -> None:
        arg = (json.dumps(keys),)
        if kind == "block":
            blocks = self.blocks
            for k in keys:
                blocks[k] = ([], [])
            for key, pid, tkey in self.conn.execute(_BLOCKS, arg):
                ids, tkeys = blocks[key]
                ids.append(pid)
                tkeys.append(tkey)
            return
        target: dict = {"arxiv": self.arxiv, "doi": self.doi, "title": self.title,
                        "abstract": self.abstract}[kind]
        if kind == "title":
            for k in keys:
                target[k] = []
        info, title_of = self.info, self.title_of
        for key, pid, title, fkey, year, tkey in self.conn.execute(_LOOKUPS[kind], arg):
            if pid not in info:
                info[pid] = KeyInfo(title or "", fkey, year)
                title_of[pid] = tkey
            if kind == "title":
                target[key].append(pid)
            else:
                target.setdefault(key, pid)

    def info_of(self, pid: int) -> KeyInfo:
        """Title, first author and year of a paper (asked for when missing)."""
        found = self.info.get(pid)
        if found is None:
            row = self.conn.execute("SELECT title, first_author_key, year FROM paper "
                                    "WHERE id = ?", (pid,)).fetchone()
            found = KeyInfo(row[0] or "", row[1], row[2]) if row else KeyInfo("", "", None)
            self.info[pid] = found
        return found

    def add(self, pid: int, p: Prepared) -> None:
        """A paper this import adds (``p`` prefetched): later entries match it too."""
        if p.arxiv_id:
            self.arxiv.setdefault(p.arxiv_id, pid)
        if p.doi:
            self.doi.setdefault(p.doi, pid)
        if p.abstract_key:
            self.abstract.setdefault(p.abstract_key, pid)
        tkey = p.title_key
        if tkey:
            self.title.setdefault(tkey, []).append(pid)
            self.title_of[pid] = tkey
            for b in p.title_blocks:
                ids, keys = self.blocks.setdefault(b, ([], []))
                ids.append(pid)
                keys.append(tkey)
        self.info[pid] = KeyInfo(p.title or "", p.first_author_key, p.year)


def index_titles(conn: sqlite3.Connection, rows: Iterable[tuple[int, str]]) -> None:
    """Store the blocking keys of new papers: (paper id, title key) pairs."""
    conn.executemany("INSERT OR IGNORE INTO title_block (block, paper_id) VALUES (?, ?)",
                     [(b, pid) for pid, tkey in rows if tkey for b in block_keys(tkey)])


def reindex_title(conn: sqlite3.Connection, paper_id: int, tkey: str) -> None:
    """A paper's title changed: replace its blocking keys."""
    conn.execute("DELETE FROM title_block WHERE paper_id = ?", (paper_id,))
    index_titles(conn, [(paper_id, tkey)])
