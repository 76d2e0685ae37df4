"""Library-wide citation keys: one unique, stored key per paper.

A paper gets its key when it is added (``paper.citekey``) and keeps it for
good: a later edit of its title, a merge or an export never changes it.  The
base key is the exporters' rule (``readinglist.exporters.citekeys.base_key``:
first author's family name + year + first significant title word, ASCII
only; an untitled paper borrows a word of its abstract); a key the source
gave (a BibTeX entry's own key) is used as the base instead.  Clashes get
``a``, ``b``, ``c``... in insertion (id) order, against every key already in
the library, trashed papers included.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Sequence

_SAFE = re.compile(r"[^A-Za-z0-9_\-:./+]")  # what the exporters accept as a given key


def base_for(first_author: str | None, year: int | None, date: str | None,
             title: str | None, abstract: str | None, given: object = None,
             paper_id: int = 0) -> str:
    """The key of a paper before clashes are resolved (never empty)."""
    from readinglist.exporters.citekeys import base_key

    if isinstance(given, str):
        safe = _SAFE.sub("", given)
        if safe:
            return safe
    if not year and date and date[:4].isdigit():
        year = int(date[:4])
    words = title or (abstract or "")[:300]
    return base_key(first_author, year, words) or f"paper{paper_id}"


def _used(conn: sqlite3.Connection, bases: Iterable[str]) -> set[str]:
    """Keys already stored that start with one of ``bases`` (one index range
    scan per base, in one query)."""
    distinct = sorted(set(bases))
    if not distinct:
        return set()
    return {r[0] for r in conn.execute(
        "SELECT p.citekey FROM json_each(?) b JOIN paper p INDEXED BY ux_paper_citekey "
        "ON p.citekey >= b.value AND p.citekey < b.value || char(127)",
        (json.dumps(distinct),))}


def assign(conn: sqlite3.Connection, bases: Sequence[tuple[int, str]]) -> dict[int, str]:
    """Unique keys for new papers ``(paper id, base)``, in id order, avoiding
    every key already in the library (nothing is written here)."""
    from readinglist.exporters.citekeys import suffix

    used = _used(conn, (b for _, b in bases))
    next_n: dict[str, int] = {}
    out: dict[int, str] = {}
    for pid, base in sorted(bases):
        n = next_n.get(base, 0)
        key = base + suffix(n)
        while key in used:
            n += 1
            key = base + suffix(n)
        used.add(key)
        next_n[base] = n + 1
        out[pid] = key
    return out


def assign_all_missing(conn: sqlite3.Connection) -> int:
    """Give every paper without a key one (a schema step for older libraries);
    returns how many got one.  Runs inside the caller's transaction."""
    firsts = dict(conn.execute(
        "SELECT pa.paper_id, a.name FROM paper_author pa JOIN author a ON a.id = pa.author_id "
        "WHERE pa.position = 0"))
    bases = []
    for pid, year, date, title, abstract, extra in conn.execute(
            "SELECT id, year, date, title, substr(abstract, 1, 300), extra FROM paper "
            "WHERE citekey IS NULL ORDER BY id"):
        try:
            given = json.loads(extra or "{}").get("citekey")
        except (ValueError, AttributeError):
            given = None
        bases.append((pid, base_for(firsts.get(pid), year, date, title, abstract, given, pid)))
    keys = assign(conn, bases)
    conn.executemany("UPDATE paper SET citekey = ? WHERE id = ?",
                     [(k, pid) for pid, k in keys.items()])
    return len(keys)
