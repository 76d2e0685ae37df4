"""Importing parsed entries: planning (matching + merge plans), writing a
batch in one transaction, previews, undo.

``plan`` decides for every entry what importing it does, against what the
library has under the import's keys (looked up at once, see ``keyindex``)
and the papers added earlier in the same import (so an entry listed twice
in one paste is added once).  ``write`` applies the decisions with ``executemany``
(no per-row ORM round trips).  ``undo`` removes what a batch added and
reverts what it merged, from the snapshots kept in ``paper_source``.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readinglist.core.entry import ParsedEntry, ParseResult
from readinglist.core.names import display_name, name_key
from readinglist.core.titles import abstract_key, title_key
from readinglist.importers.listing._authorlist import same_person
from readinglist.library import aliases, citekeys, records
from readinglist.library.errors import InvalidValue, UnknownPaper
from readinglist.library.keyindex import KeyIndex, index_titles, reindex_title
from readinglist.library.matching import (
    MatchResult,
    MergePlan,
    PaperState,
    Prepared,
    apply_plan,
    find_match,
    load_states,
    plan_merge,
    prepare,
)
from readinglist.library.types import STATUSES, BatchInfo, Candidate, ImportReport, PreviewItem
from readinglist.store import bulk, search

ProgressFn = Callable[[int, int], None]


@dataclass
class Decision:
    p: Prepared
    action: str  # "new" | "merge" | "duplicate" | "possible_duplicate" | "folded"
    paper_id: int
    existing: bool  # the paper was in the library before this import
    match: Candidate | None = None
    candidates: list[Candidate] = field(default_factory=list)
    plan: MergePlan | None = None


@dataclass
class Plan:
    decisions: list[Decision]
    states: dict[int, PaperState]  # targets and new papers, final state
    new_ids: list[int]
    empty: int = 0  # entries with nothing in them, left out
    warnings: list[str] = field(default_factory=list)
    empty_indices: list[int] = field(default_factory=list)
    # the profile owner's key -> other spellings the rows print them as
    owner_spellings: dict[str, set[str]] = field(default_factory=dict)
    firsts: dict[int, Prepared] = field(default_factory=dict)  # new paper -> its first entry


def _state_from(pid: int, p: Prepared) -> PaperState:
    return PaperState(
        id=pid, fields=p.fields(), authors=list(p.authors), truncated=p.truncated,
        topics=set(p.topics), extra=dict(p.extra), edited=set(),
        review_reasons=list(p.review_reasons),
    )


def plan(
    conn: sqlite3.Connection,
    result: ParseResult,
    selected: Sequence[int] | None = None,
    merge_into: dict[int, int] | None = None,
    progress: ProgressFn | None = None,
) -> Plan:
    """Decide what every (selected) entry does; nothing is written."""
    merge_into = dict(merge_into or {})
    profile = result.profile or {}
    owner = profile.get("name") if isinstance(profile.get("name"), str) else None
    indices = list(range(len(result.entries))) if selected is None else list(selected)
    for i in indices:
        if not 0 <= i < len(result.entries):
            raise InvalidValue(f"There is no entry {i + 1} in this import.")
    next_pid = records.next_id(conn, "paper")
    total = len(indices)
    firsts: list[tuple[Prepared, int | None, Any]] = []
    empty: list[int] = []
    anon: list[dict[str, int]] = []
    new_first: dict[int, Prepared] = {}
    spellings: dict[str, set[str]] = {}
    preps = [prepare_with_owner(result.entries[i], i, owner, spellings) for i in indices]
    maps = KeyIndex(conn)
    maps.prefetch(p for p in preps if p.index not in merge_into)
    for n, (i, p) in enumerate(zip(indices, preps, strict=True)):
        if i in merge_into:
            target = merge_into[i]
            if not conn.execute("SELECT 1 FROM paper WHERE id = ?", (target,)).fetchone():
                raise UnknownPaper(f"There is no paper #{target} to merge into.")
            firsts.append((p, target, None))
            continue
        if not (p.title_key or p.abstract_key or p.arxiv_id or p.doi):
            raw = (p.entry.raw or "").strip()
            if not raw:  # nothing to store or to recognise it by
                empty.append(i)
                continue
            known = _anonymous(conn, anon).get(raw)
            if known is not None:
                firsts.append((p, known, MatchResult(Candidate(
                    paper_id=known, title="", score=100.0, reason="same pasted text"))))
                continue
        m = find_match(p, maps)
        if m.match is not None:
            firsts.append((p, m.match.paper_id, m))
        else:
            pid = next_pid
            next_pid += 1
            maps.add(pid, p)
            if not (p.title_key or p.abstract_key or p.arxiv_id or p.doi):
                _anonymous(conn, anon)[(p.entry.raw or "").strip()] = pid
            new_first[pid] = p
            firsts.append((p, None, (pid, m)))
        if progress and n % 500 == 0:
            progress(n, total)
    existing_targets = sorted({t for _, t, _ in firsts if t is not None and t not in new_first})
    states = load_states(conn, existing_targets)
    decisions: list[Decision] = []
    new_ids: list[int] = []
    for p, target, info in firsts:
        if target is None:
            pid, m = info
            states[pid] = _state_from(pid, p)
            new_ids.append(pid)
            action = "possible_duplicate" if m.candidates else "new"
            decisions.append(Decision(p, action, pid, False, candidates=m.candidates))
            continue
        state = states[target]
        mp = plan_merge(state, p)
        existing = target not in new_first
        match = info.match if info is not None else Candidate(
            paper_id=target, title=str(state.fields.get("title") or ""), score=100.0,
            reason="chosen by you")
        if not existing:
            apply_plan(state, mp)
            decisions.append(Decision(p, "folded", target, False, match=match, plan=mp))
        elif mp.changes_anything():
            apply_plan(state, mp)
            decisions.append(Decision(p, "merge", target, True, match=match, plan=mp))
        else:
            decisions.append(Decision(p, "duplicate", target, True, match=match, plan=mp))
    warnings = []
    if empty:
        warnings.append(f"{len(empty)} entries had no title, abstract, identifier or text and "
                        "were left out.")
    return Plan(decisions, states, new_ids, len(empty), warnings, empty, spellings, new_first)


def prepare_with_owner(entry: ParsedEntry, index: int, owner: str | None,
                       spellings: dict[str, set[str]] | None = None) -> Prepared:
    """``prepare`` an entry of a profile paste whose owner (``owner``, the
    profile's name) is an author of every entry.

    A shown author who is the owner as the row prints them ("JQ Researcher"
    on the profile of "Jane Q. Researcher", by ``same_person``) is the owner:
    that position links to the owner's author record, and the printed
    spelling is noted in ``spellings`` (kept as an alias on import).  A shown
    author whose fuller name the profile abbreviates is the owner already.
    Otherwise the owner is added after the shown authors.
    """
    p = prepare(entry, index)
    name = display_name(owner) if owner else ""
    key = name_key(name)
    if not key or any(k == key for _, k in p.authors):
        return p
    for pos, (shown, _) in enumerate(p.authors):
        if same_person(name, shown):
            p.authors[pos] = (name, key)
            if spellings is not None:
                spellings.setdefault(key, set()).add(shown)
            return p
    if any(same_person(shown, name) for shown, _ in p.authors):
        return p
    p.authors.append((name, key))
    return p


def _anonymous(conn: sqlite3.Connection, holder: list[dict[str, int]]) -> dict[str, int]:
    """Pasted text -> paper, for papers with nothing else to recognise them by
    (no title, abstract or identifier); loaded on first need."""
    if not holder:
        holder.append({
            raw.strip(): pid for raw, pid in conn.execute(
                "SELECT ps.raw, ps.paper_id FROM paper_source ps JOIN paper p ON p.id = ps.paper_id "
                "WHERE p.trashed_at IS NULL AND p.title_key = '' AND p.abstract_key = '' "
                "AND p.arxiv_id IS NULL AND p.doi IS NULL AND ps.raw != ''")})
    return holder[0]


def preview(conn: sqlite3.Connection, result: ParseResult) -> list[PreviewItem]:
    """One item per entry, in entry order (an empty entry would add nothing)."""
    pl = plan(conn, result)
    items = [PreviewItem(index=i, action="duplicate") for i in pl.empty_indices]
    for d in pl.decisions:
        action = {"folded": "duplicate"}.get(d.action, d.action)
        items.append(PreviewItem(index=d.p.index, action=action,  # type: ignore[arg-type]
                                 match=d.match, candidates=d.candidates))
    items.sort(key=lambda item: item.index)
    return items


_PAPER_COLS = (
    "id, title, title_key, abstract, abstract_key, date, year, arxiv_id, doi, url, venue, "
    "organization, has_code, code_url, status, added_at, updated_at, read_at, needs_review, "
    "review_reasons, authors_truncated, author_count, first_author_key, extra, citekey"
)


def create_batch(conn: sqlite3.Connection, kind: str, source_name: str | None,
                 fmt: str | None, raw_text: str, profile: dict | None,
                 warnings: Sequence[str] = ()) -> int:
    cur = conn.execute(
        "INSERT INTO import_batch (kind, created_at, source_name, format, raw_text, profile, "
        "warnings) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (kind, records.now(), source_name, fmt, raw_text,
         json.dumps(profile, default=str) if profile else None, json.dumps(list(warnings))),
    )
    return int(cur.lastrowid or 0)


def write(
    conn: sqlite3.Connection,
    pl: Plan,
    batch_id: int,
    *,
    tags: Sequence[str] = (),
    status: str | None = None,
) -> ImportReport:
    """Apply a plan inside the caller's transaction."""
    if status is not None and status not in STATUSES:
        raise InvalidValue(f"{status!r} is not a status (use one of: {', '.join(STATUSES)}).")
    if len(pl.decisions) < bulk.BULK_MIN_PAPERS:
        return _write(conn, pl, batch_id, tags, status)
    with bulk.big_cache(conn):
        return _write(conn, pl, batch_id, tags, status)


def _write(conn: sqlite3.Connection, pl: Plan, batch_id: int, tags: Sequence[str],
           status: str | None) -> ImportReport:
    ts = records.now()
    report = ImportReport(batch_id=batch_id, skipped=pl.empty, warnings=list(pl.warnings))
    new_status = status or "unread"
    read_at = ts if new_status == "read" else None
    # authors and topics of every paper written
    all_authors = [a for pid in pl.new_ids for a in pl.states[pid].authors]
    for d in pl.decisions:
        if d.action == "merge" and d.plan and d.plan.authors is not None:
            all_authors.extend(d.plan.authors)
    # new authors are created with their counts of the new papers; known ones are updated below
    key_counts = Counter(key for pid in pl.new_ids for _, key in pl.states[pid].authors)
    is_read = int(new_status == "read")
    first_new_author = records.next_id(conn, "author")
    author_ids = aliases.resolve_import_authors(  # merges honoured
        conn, all_authors, {k: (n, n * is_read) for k, n in key_counts.items()})
    for key, shown in pl.owner_spellings.items():
        if key in author_ids:
            aliases.remember_spellings(conn, author_ids[key], sorted(shown))
    topic_codes = [t for pid in pl.new_ids for t in pl.states[pid].topics]
    topic_codes += [t for d in pl.decisions if d.action == "merge" and d.plan
                    for t in d.plan.topics_add]
    topic_ids = records.ensure_topics(conn, topic_codes)
    tag_ids = records.ensure_tags(conn, tags) if tags else {}

    # new papers
    keys = citekeys.assign(conn, [
        (pid, citekeys.base_for(
            s.authors[0][0] if s.authors else None, s.fields["year"], s.fields["date"],
            s.fields["title"], s.fields["abstract"], s.extra.get("citekey"), pid))
        for pid in pl.new_ids for s in (pl.states[pid],)])
    paper_rows, pa_rows, pt_rows, fts_rows = [], [], [], []
    counts: Counter[int] = Counter()
    read_counts: Counter[int] = Counter()
    topic_counts: Counter[int] = Counter()
    for pid in pl.new_ids:
        s = pl.states[pid]
        f = s.fields
        reasons = s.review_reasons
        first = pl.firsts.get(pid)  # its keys, unless a later entry filled the field
        tkey = first.title_key if first and f["title"] == first.title else title_key(f["title"])
        akey = (first.abstract_key if first and f["abstract"] == first.entry.abstract
                else abstract_key(f["abstract"]))
        paper_rows.append((
            pid, f["title"], tkey, f["abstract"],
            akey, f["date"], f["year"], f["arxiv_id"], f["doi"],
            f["url"], f["venue"], f["organization"], int(bool(f["has_code"])), f["code_url"],
            new_status, ts, ts, read_at, int(bool(reasons)), json.dumps(reasons),
            int(s.truncated), f["author_count"], s.authors[0][1] if s.authors else "",
            json.dumps(s.extra, default=str), keys[pid],
        ))
        for pos, (_, key) in enumerate(s.authors):
            aid = author_ids[key]
            pa_rows.append((pid, pos, aid))
            counts[aid] += 1
            if new_status == "read":
                read_counts[aid] += 1
        pt_rows.extend((pid, topic_ids[t]) for t in sorted(s.topics))
        topic_counts.update(topic_ids[t] for t in s.topics)
        fts_rows.append((pid, f["title"], search.authors_text(n for n, _ in s.authors),
                         f["abstract"], "", ""))
    conn.executemany(f"INSERT INTO paper ({_PAPER_COLS}) VALUES ({records.marks(25)})", paper_rows)
    index_titles(conn, ((row[0], row[2]) for row in paper_rows))
    with bulk.bulk_links(conn, pl.new_ids):
        conn.executemany(
            "INSERT INTO paper_author (paper_id, position, author_id) VALUES (?, ?, ?)", pa_rows)
        conn.executemany("INSERT OR IGNORE INTO paper_topic (paper_id, topic_id) VALUES (?, ?)",
                         pt_rows)
    search.insert_rows(conn, fts_rows)
    conn.executemany(
        "UPDATE author SET paper_count = paper_count + ?, read_count = read_count + ? WHERE id = ?",
        [(c, read_counts.get(aid, 0), aid) for aid, c in sorted(counts.items())
         if aid < first_new_author],
    )
    conn.executemany(
        "UPDATE topic SET paper_count = paper_count + ?, read_count = read_count + ? WHERE id = ?",
        [(c, c if new_status == "read" else 0, tid) for tid, c in topic_counts.items()],
    )

    # merges into existing papers, tags and status on every entry
    recount: set[int] = set()
    # existing papers whose topics or status this import may change
    changing = sorted({d.paper_id for d in pl.decisions if d.existing and (
        status is not None or (d.action == "merge" and d.plan and d.plan.topics_add))})
    tally_before = records.topic_tally(conn, changing)
    source_rows = []
    done_existing: set[int] = set()
    for d in pl.decisions:
        pid = d.paper_id
        snapshot: dict[str, Any] = {}
        if d.action == "merge" and d.plan is not None:
            snapshot = _apply_merge(conn, pid, d.plan, pl.states[pid], author_ids, topic_ids,
                                    recount, ts)
        if d.existing and pid not in done_existing:
            done_existing.add(pid)
            state = pl.states[pid]
            added_tags = [k for k in tag_ids if k not in state.tags]
            if added_tags:
                snapshot["tags_added"] = added_tags
            if status is not None and state.status != status:
                old = conn.execute("SELECT status, read_at FROM paper WHERE id = ?",
                                   (pid,)).fetchone()
                snapshot["status"] = [old[0], old[1]]
                conn.execute(
                    "UPDATE paper SET status = ?, read_at = ?, updated_at = ? WHERE id = ?",
                    (status, read_at if status == "read" else old[1], ts, pid),
                )
                recount.update(records.author_ids_of(conn, [pid]))
        if tag_ids:
            conn.executemany("INSERT OR IGNORE INTO paper_tag (paper_id, tag_id) VALUES (?, ?)",
                             [(pid, t) for t in tag_ids.values()])
        action = {"new": "added", "possible_duplicate": "added", "merge": "merged"}.get(
            d.action, "skipped")
        if action == "added":
            report.added.append(pid)
            if d.action == "possible_duplicate":
                report.possible_duplicates.append(PreviewItem(
                    index=d.p.index, action="possible_duplicate", candidates=d.candidates))
        elif action == "merged":
            report.merged.append(pid)
        else:
            report.skipped += 1
        source_rows.append((pid, batch_id, d.p.index, action, d.p.entry.raw or "",
                            json.dumps(snapshot, default=str) if snapshot else None))
    conn.executemany(
        "INSERT INTO paper_source (paper_id, batch_id, entry_index, action, raw, snapshot) "
        "VALUES (?, ?, ?, ?, ?, ?)", source_rows)
    records.refresh_author_counts(conn, recount)
    records.apply_topic_tally(conn, tally_before, records.topic_tally(conn, changing))
    report.merged = list(dict.fromkeys(report.merged))
    conn.execute(
        "UPDATE import_batch SET added = added + ?, merged = merged + ?, skipped = skipped + ? "
        "WHERE id = ?", (len(report.added), len(report.merged), report.skipped, batch_id))
    return report


def _apply_merge(conn: sqlite3.Connection, pid: int, mp: MergePlan, state: PaperState,
                 author_ids: dict[str, int], topic_ids: dict[str, int], recount: set[int],
                 ts: str) -> dict[str, Any]:
    snapshot: dict[str, Any] = {}
    sets: dict[str, Any] = {}
    if mp.fields:
        snapshot["fields"] = mp.old_fields
        sets.update({k: (int(v) if k == "has_code" else v) for k, v in mp.fields.items()})
        if "title" in mp.fields:
            sets["title_key"] = title_key(mp.fields["title"])
            reindex_title(conn, pid, sets["title_key"])
        if "abstract" in mp.fields:
            sets["abstract_key"] = abstract_key(mp.fields["abstract"])
    if mp.extra_add:
        snapshot["extra_added"] = list(mp.extra_add)
        sets["extra"] = json.dumps(state.extra, default=str)
    if mp.review_reasons is not None:
        old = conn.execute("SELECT review_reasons, needs_review FROM paper WHERE id = ?",
                           (pid,)).fetchone()
        snapshot["review"] = [json.loads(old[0]), bool(old[1])]
        sets["review_reasons"] = json.dumps(mp.review_reasons)
        sets["needs_review"] = int(bool(mp.review_reasons))
    if mp.authors is not None:
        old_authors = conn.execute(
            "SELECT author_id FROM paper_author WHERE paper_id = ? ORDER BY position", (pid,)
        ).fetchall()
        old_trunc = conn.execute("SELECT authors_truncated FROM paper WHERE id = ?",
                                 (pid,)).fetchone()[0]
        snapshot["authors"] = [r[0] for r in old_authors]
        snapshot["authors_truncated"] = bool(old_trunc)
        recount.update(r[0] for r in old_authors)
        new_ids = aliases.paper_author_ids(conn, pid, mp.authors, author_ids)  # splits
        records.set_paper_authors(conn, pid, new_ids)
        recount.update(new_ids)
        sets["authors_truncated"] = int(bool(mp.truncated))
    if mp.topics_add:
        snapshot["topics_added"] = mp.topics_add
        conn.executemany("INSERT OR IGNORE INTO paper_topic (paper_id, topic_id) VALUES (?, ?)",
                         [(pid, topic_ids[t]) for t in mp.topics_add])
    if sets:
        sets["updated_at"] = ts
        cols = ", ".join(f"{k} = ?" for k in sets)
        conn.execute(f"UPDATE paper SET {cols} WHERE id = ?", (*sets.values(), pid))
    if mp.authors is not None or {"title", "abstract"} & set(mp.fields):
        records.reindex_meta(conn, pid)
    return snapshot


def undo(conn: sqlite3.Connection, batch_id: int, files_dir: Path) -> tuple[int, list[int],
                                                                          list[Path]]:
    """Undo a batch inside the caller's transaction: (papers removed, papers touched,
    files to delete after commit)."""
    row = conn.execute("SELECT undone FROM import_batch WHERE id = ?", (batch_id,)).fetchone()
    if row is None:
        raise InvalidValue(f"There is no import #{batch_id}.")
    if row[0]:
        return 0, [], []
    sources = conn.execute(
        "SELECT id, paper_id, action, snapshot FROM paper_source WHERE batch_id = ? "
        "ORDER BY id DESC", (batch_id,)).fetchall()
    to_delete: list[int] = []
    touched: list[int] = []
    recount: set[int] = set()
    reverted = sorted({pid for _s, pid, action, snap in sources if snap and action != "added"})
    tally_before = records.topic_tally(conn, reverted)
    for _sid, pid, action, snap in sources:
        if action == "added":
            other = conn.execute(
                "SELECT 1 FROM paper_source WHERE paper_id = ? AND batch_id != ? LIMIT 1",
                (pid, batch_id)).fetchone()
            if other is None:
                to_delete.append(pid)
                continue
        if snap:
            _revert(conn, pid, json.loads(snap), recount)
            touched.append(pid)
    conn.execute("DELETE FROM paper_source WHERE batch_id = ?", (batch_id,))
    files = records.delete_papers(conn, sorted(set(to_delete)), files_dir)
    records.refresh_author_counts(conn, recount)
    records.apply_topic_tally(conn, tally_before, records.topic_tally(conn, reverted))
    conn.execute("UPDATE import_batch SET undone = 1 WHERE id = ?", (batch_id,))
    return len(set(to_delete)), touched, files


def _revert(conn: sqlite3.Connection, pid: int, snap: dict[str, Any], recount: set[int]) -> None:
    row = conn.execute("SELECT edited_fields, extra FROM paper WHERE id = ?", (pid,)).fetchone()
    if row is None:
        return
    edited = set(json.loads(row[0] or "[]"))
    sets: dict[str, Any] = {}
    for name, old in (snap.get("fields") or {}).items():
        if name not in edited:
            sets[name] = old
            if name == "title":
                sets["title_key"] = title_key(old)
                reindex_title(conn, pid, sets["title_key"])
            if name == "abstract":
                sets["abstract_key"] = abstract_key(old)
    if snap.get("extra_added"):
        extra = json.loads(row[1] or "{}")
        for k in snap["extra_added"]:
            extra.pop(k, None)
        sets["extra"] = json.dumps(extra, default=str)
    if "review" in snap:
        sets["review_reasons"] = json.dumps(snap["review"][0])
        sets["needs_review"] = int(snap["review"][1])
    if "status" in snap:
        sets["status"], sets["read_at"] = snap["status"]
        recount.update(records.author_ids_of(conn, [pid]))
    if "authors" in snap and "authors" not in edited:
        recount.update(records.author_ids_of(conn, [pid]))
        records.set_paper_authors(conn, pid, snap["authors"])
        recount.update(snap["authors"])
        sets["authors_truncated"] = int(snap.get("authors_truncated", False))
    for code in snap.get("topics_added") or ():
        conn.execute(
            "DELETE FROM paper_topic WHERE paper_id = ? AND topic_id = "
            "(SELECT id FROM topic WHERE code = ?)", (pid, code))
    for key in snap.get("tags_added") or ():
        conn.execute(
            'DELETE FROM paper_tag WHERE paper_id = ? AND tag_id = (SELECT id FROM tag WHERE "key" = ?)',
            (pid, key))
    if sets:
        sets["updated_at"] = records.now()
        cols = ", ".join(f"{k} = ?" for k in sets)
        conn.execute(f"UPDATE paper SET {cols} WHERE id = ?", (*sets.values(), pid))
    records.reindex_meta(conn, pid)


def batch_info(conn: sqlite3.Connection, batch_id: int | None = None) -> list[BatchInfo]:
    sql = ("SELECT id, kind, source_name, format, created_at, added, merged, skipped, undone "
           "FROM import_batch")
    args: tuple[Any, ...] = ()
    if batch_id is not None:
        sql += " WHERE id = ?"
        args = (batch_id,)
    sql += " ORDER BY id DESC"
    return [BatchInfo(id=r[0], kind=r[1], source_name=r[2], format=r[3], created_at=r[4],
                      added=r[5], merged=r[6], skipped=r[7], undone=bool(r[8]))
            for r in conn.execute(sql, args)]
