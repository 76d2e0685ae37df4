"""Author identity: alias suggestions, merges and splits, remembered.

One person spelled the same after normalisation is already one author (the
``author.key`` from ``core.names.name_key``).  Everything looser is the
user's decision, never made automatically:

* ``suggestions`` offers likely aliases of an author: same family name and
  compatible given names ("H. Zhang" / "Hengyuan Zhang" when they share
  co-authors; "Hayden So" / "Hayden Kwok-Hay So", a middle name added).
* ``merge`` folds authors into one and records ``key -> author`` in
  ``author_alias`` (``paper_id`` NULL), so a later import that spells the
  person the old way lands on the kept author.
* ``split`` moves some papers to a new (or another) author and records the
  decision per paper, so re-importing those papers does not undo it.
* ``mark_distinct`` remembers "not the same person" (no more suggestion).

``resolve_import_authors`` and ``paper_author_ids`` are the hooks the import
path calls where it turns name keys into author ids.  Functions here work
inside the caller's transaction and never commit.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence

from readinglist.core.names import display_name, name_key
from readinglist.library import records
from readinglist.library.errors import InvalidValue, LibraryError
from readinglist.library.page_types import AliasSuggestion
from readinglist.library.types import AuthorRef

# -- import hooks -------------------------------------------------------------


def resolve_import_authors(conn: sqlite3.Connection, pairs: Iterable[tuple[str, str]],
                           counts: Mapping[str, tuple[int, int]] | None = None
                           ) -> dict[str, int]:
    """Author ids by key for (display, key) pairs: keys the user merged into
    another author map to that author; the rest are found or created by
    ``records.ensure_authors`` (new ones with ``counts``)."""
    pairs = list(pairs)
    keys = list(dict.fromkeys(k for _, k in pairs))
    merged: dict[str, int] = {}
    for chunk in records.chunks(keys):
        merged.update(conn.execute(
            'SELECT al."key", al.author_id FROM author_alias al '
            f'WHERE al.paper_id IS NULL AND al."key" IN ({records.marks(len(chunk))})',
            list(chunk)).fetchall())
    found = records.ensure_authors(conn, [(n, k) for n, k in pairs if k not in merged], counts)
    if merged:
        spelled = {k: n for n, k in pairs if k in merged}
        for key, aid in merged.items():
            _remember_spelling(conn, aid, spelled[key])
    found.update(merged)
    return found


def paper_author_ids(conn: sqlite3.Connection, paper_id: int,
                     pairs: Sequence[tuple[str, str]], ids_by_key: dict[str, int]) -> list[int]:
    """Author ids for a paper's (display, key) list, honouring splits made on
    this paper (a key the user moved to another author on it)."""
    moved = dict(conn.execute(
        'SELECT "key", author_id FROM author_alias WHERE paper_id = ?', (paper_id,)).fetchall())
    return [moved.get(k, ids_by_key[k]) for _, k in pairs]


def remember_spellings(conn: sqlite3.Connection, author_id: int,
                       spellings: Iterable[str]) -> None:
    """Keep other printed forms of an author's name (say "JQ Researcher"
    for the profile owner "Jane Q. Researcher") among their aliases."""
    for spelling in spellings:
        _remember_spelling(conn, author_id, spelling)


def _remember_spelling(conn: sqlite3.Connection, author_id: int, spelling: str) -> None:
    row = conn.execute("SELECT name, aliases FROM author WHERE id = ?", (author_id,)).fetchone()
    if row is None or not spelling or spelling == row[0]:
        return
    names = json.loads(row[1] or "[]")
    if spelling not in names:
        names.append(spelling)
        conn.execute("UPDATE author SET aliases = ? WHERE id = ?", (json.dumps(names), author_id))


# -- reading --------------------------------------------------------------------


def author_ref(conn: sqlite3.Connection, author_id: int) -> AuthorRef:
    row = conn.execute('SELECT id, name, "key" FROM author WHERE id = ?', (author_id,)).fetchone()
    if row is None:
        raise InvalidValue(f"There is no author #{author_id} in this library.")
    return AuthorRef(id=row[0], name=row[1], key=row[2])


def aliases_of(conn: sqlite3.Connection, author_id: int) -> list[str]:
    """Other spellings seen for this author (merged names included)."""
    row = conn.execute("SELECT aliases FROM author WHERE id = ?", (author_id,)).fetchone()
    return list(json.loads(row[0] or "[]")) if row else []


def keys_of(conn: sqlite3.Connection, author_id: int) -> set[str]:
    """Every name key that means this author: its own, merged ones, spellings."""
    ref = author_ref(conn, author_id)
    keys = {ref.key}
    keys.update(r[0] for r in conn.execute(
        'SELECT "key" FROM author_alias WHERE author_id = ? AND paper_id IS NULL', (author_id,)))
    keys.update(name_key(a) for a in aliases_of(conn, author_id))
    keys.discard("")
    return keys


def find_author(conn: sqlite3.Connection, name: str) -> AuthorRef | None:
    """The author a typed name means: same key, a merged key, then the one
    with most papers whose name contains the text (None if nothing)."""
    key = name_key(name)
    if not key:
        return None
    row = conn.execute('SELECT id FROM author WHERE "key" = ?', (key,)).fetchone()
    if row is None:
        row = conn.execute('SELECT author_id FROM author_alias WHERE "key" = ? AND '
                           "paper_id IS NULL", (key,)).fetchone()
    if row is None:
        esc = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        row = conn.execute(
            'SELECT id FROM author WHERE paper_count > 0 AND ("key" LIKE ? ESCAPE \'\\\' OR '
            '"key" LIKE ? ESCAPE \'\\\') ORDER BY paper_count DESC, name LIMIT 1',
            (f"{esc} %", f"% {esc}")).fetchone()
    return author_ref(conn, row[0]) if row else None


def _coauthors(conn: sqlite3.Connection, author_id: int) -> dict[int, str]:
    return dict(conn.execute(
        "SELECT DISTINCT a.id, a.name FROM paper_author me "
        "JOIN paper_author pa ON pa.paper_id = me.paper_id AND pa.author_id != me.author_id "
        "JOIN author a ON a.id = pa.author_id WHERE me.author_id = ?", (author_id,)).fetchall())


def _given_match(mine: list[str], other: list[str]) -> str | None:
    """How two lists of given-name words may name one person (None: they don't).

    "initials": word by word, one is the other's initial ("h" ~ "hengyuan");
    "middle name": one list is the other with words added ("hayden" ~
    "hayden kwok hay"), initials allowed for the added words' match.
    """
    if not mine or not other or mine == other:
        return None

    def same(a: str, b: str) -> bool:
        return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))

    if len(mine) == len(other):
        if all(same(a, b) for a, b in zip(mine, other, strict=True)):
            return "initials"
        return None
    short, long_ = (mine, other) if len(mine) < len(other) else (other, mine)
    if not same(short[0], long_[0]):
        return None
    i = 1
    for word in short[1:]:  # the rest in order, as a subsequence
        while i < len(long_) and not same(word, long_[i]):
            i += 1
        if i == len(long_):
            return None
        i += 1
    return "middle name"


def suggestions(conn: sqlite3.Connection, author_id: int, limit: int = 10
                ) -> list[AliasSuggestion]:
    """Authors who may be the same person as ``author_id``, best first."""
    me = author_ref(conn, author_id)
    words = me.key.split()
    if len(words) < 2:
        return []
    last, given = words[-1], words[:-1]
    distinct = {r[0] for r in conn.execute(
        "SELECT other_id FROM author_distinct WHERE author_id = ? UNION "
        "SELECT author_id FROM author_distinct WHERE other_id = ?", (author_id, author_id))}
    mine = None
    out: list[AliasSuggestion] = []
    for aid, name, key, count in conn.execute(
            'SELECT id, name, "key", paper_count FROM author WHERE "key" LIKE ? AND id != ? '
            "AND paper_count > 0", (f"% {last}", author_id)).fetchall():
        if aid in distinct:
            continue
        other = key.split()
        if other[-1] != last:
            continue
        how = _given_match(given, other[:-1])
        if how is None:
            continue
        if mine is None:
            mine = _coauthors(conn, author_id)
        theirs = _coauthors(conn, aid)
        shared = sorted(mine[i] for i in set(mine) & set(theirs))
        if how == "initials" and not shared:
            continue  # "H. Zhang" alone is too common a name to suggest
        score = min(1.0, (0.5 if how == "middle name" else 0.3) + 0.1 * len(shared))
        reason = ("initials match" if how == "initials" else "middle name added or left out")
        if shared:
            reason += f"; {len(shared)} shared co-author{'s' if len(shared) != 1 else ''}"
        out.append(AliasSuggestion(author=AuthorRef(id=aid, name=name, key=key),
                                   paper_count=count, reason=reason,
                                   shared_coauthors=shared[:8], score=round(score, 2)))
    out.sort(key=lambda s: (-s.score, -s.paper_count, s.author.name))
    return out[:limit]


# -- decisions ------------------------------------------------------------------


def _papers_of(conn: sqlite3.Connection, author_id: int) -> list[int]:
    return [r[0] for r in conn.execute(
        "SELECT paper_id FROM paper_author WHERE author_id = ? ORDER BY paper_id", (author_id,))]


def _replace_on_paper(conn: sqlite3.Connection, paper_id: int, old: int, new: int) -> None:
    ids = [r[0] for r in conn.execute(
        "SELECT author_id FROM paper_author WHERE paper_id = ? ORDER BY position", (paper_id,))]
    records.set_paper_authors(conn, paper_id, [new if a == old else a for a in ids])
    records.reindex_meta(conn, paper_id)


def merge(conn: sqlite3.Connection, keep_id: int, other_ids: Sequence[int]) -> list[int]:
    """Fold ``other_ids`` into ``keep_id``; returns the papers touched."""
    keep = author_ref(conn, keep_id)
    others = [author_ref(conn, o) for o in dict.fromkeys(other_ids) if o != keep_id]
    if not others:
        raise InvalidValue("Choose at least one other author to merge.")
    touched: list[int] = []
    ts = records.now()
    names = aliases_of(conn, keep_id)
    for other in others:
        for pid in _papers_of(conn, other.id):
            _replace_on_paper(conn, pid, other.id, keep_id)
            touched.append(pid)
        conn.execute("UPDATE OR REPLACE author_alias SET author_id = ? WHERE author_id = ?",
                     (keep_id, other.id))
        conn.execute('INSERT OR REPLACE INTO author_alias ("key", paper_id, author_id, created_at) '
                     "VALUES (?, NULL, ?, ?)", (other.key, keep_id, ts))
        conn.execute("DELETE FROM author_distinct WHERE author_id = ? OR other_id = ?",
                     (other.id, other.id))
        for n in [other.name, *aliases_of(conn, other.id)]:
            if n != keep.name and n not in names:
                names.append(n)
        _remap_snapshots(conn, other.id, keep_id)
        conn.execute("DELETE FROM author WHERE id = ?", (other.id,))
    conn.execute("UPDATE author SET aliases = ? WHERE id = ?", (json.dumps(names), keep_id))
    records.refresh_author_counts(conn, [keep_id])
    return sorted(set(touched))


def _remap_snapshots(conn: sqlite3.Connection, old: int, new: int) -> None:
    """Point the author lists kept for undoing merges at the kept author, so
    undoing an import after a merge restores lists of authors that exist."""
    for sid, snap in conn.execute(
            "SELECT id, snapshot FROM paper_source WHERE snapshot LIKE '%\"authors\"%'"
            ).fetchall():
        data = json.loads(snap)
        ids = data.get("authors")
        if isinstance(ids, list) and old in ids:
            data["authors"] = list(dict.fromkeys(new if a == old else a for a in ids))
            conn.execute("UPDATE paper_source SET snapshot = ? WHERE id = ?",
                         (json.dumps(data, default=str), sid))


def _unique_key(conn: sqlite3.Connection, key: str) -> str:
    n = 2
    candidate = f"{key} #{n}"
    while conn.execute('SELECT 1 FROM author WHERE "key" = ?', (candidate,)).fetchone():
        n += 1
        candidate = f"{key} #{n}"
    return candidate


def split(conn: sqlite3.Connection, author_id: int, paper_ids: Sequence[int],
          new_name: str) -> int:
    """Move ``paper_ids`` from ``author_id`` to the author named ``new_name``
    (created when missing; a different person of the same name gets a
    separate entry).  Returns the id of the author the papers now have."""
    source = author_ref(conn, author_id)
    name = display_name(new_name or "")
    key = name_key(name)
    if not key:
        raise InvalidValue("Give the name of the author to move these papers to.")
    pids = list(dict.fromkeys(int(p) for p in paper_ids))
    if not pids:
        raise InvalidValue("Choose the papers to move to another author.")
    have = set(_papers_of(conn, author_id))
    missing = [p for p in pids if p not in have]
    if missing:
        raise InvalidValue(f"Paper #{missing[0]} is not by {source.name}.")
    row = conn.execute('SELECT id FROM author WHERE "key" = ?', (key,)).fetchone()
    if row is not None and row[0] != author_id:
        target = int(row[0])
    else:
        if key == source.key:
            key = _unique_key(conn, key)
        target = records.next_id(conn, "author")
        conn.execute('INSERT INTO author (id, name, "key") VALUES (?, ?, ?)', (target, name, key))
    ts = records.now()
    old_keys = keys_of(conn, author_id)
    for pid in pids:
        _replace_on_paper(conn, pid, author_id, target)
        conn.executemany(
            'INSERT OR REPLACE INTO author_alias ("key", paper_id, author_id, created_at) '
            "VALUES (?, ?, ?, ?)", [(k, pid, target, ts) for k in sorted(old_keys)])
    conn.execute("INSERT OR IGNORE INTO author_distinct (author_id, other_id) VALUES (?, ?)",
                 (min(author_id, target), max(author_id, target)))
    records.refresh_author_counts(conn, [author_id, target])
    if not conn.execute("SELECT 1 FROM author WHERE id = ?", (target,)).fetchone():
        raise LibraryError("The split left no author behind; nothing was changed.")
    return target


def mark_distinct(conn: sqlite3.Connection, author_id: int, other_id: int) -> None:
    """Remember that two authors are different people (no more suggestion)."""
    author_ref(conn, author_id)
    author_ref(conn, other_id)
    if author_id == other_id:
        raise InvalidValue("An author is always the same person as themselves.")
    conn.execute("INSERT OR IGNORE INTO author_distinct (author_id, other_id) VALUES (?, ?)",
                 (min(author_id, other_id), max(author_id, other_id)))
