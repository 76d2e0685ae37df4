"""Duplicate detection and the merge policy.

Matching order for an incoming entry: arXiv id (version-less), DOI
(lower-cased), normalised title with a compatible first author and year,
abstract key (entries without a title), then fuzzy candidates (similar
title, via rapidfuzz over blocking keys) which are only *offered*
(``possible_duplicate``), never merged silently.  A same-title match with
different first authors is a possible duplicate too.

Merging fills empty fields, upgrades a partial date, replaces a truncated
or shorter author list by a fuller one, adds topics, and never touches what
the user edited (``edited_fields``), nor status, tags or notes.  A merge that
would change nothing is a duplicate (skipped).  What the library already
has under an import's keys comes from ``keyindex.KeyIndex``.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process

from readinglist.core.entry import ParsedEntry
from readinglist.core.names import display_key, display_name, name_key, names_compatible
from readinglist.core.titles import abstract_key, block_keys, clean_title, title_key
from readinglist.core.topics import normalize_topic
from readinglist.library.keyindex import KeyIndex, KeyInfo
from readinglist.library.types import Candidate

FUZZY_CUTOFF = 88.0
FILLABLE = (
    "title", "abstract", "date", "year", "arxiv_id", "doi", "url", "venue", "organization",
    "code_url", "author_count", "has_code",
)
EXTRA_KEYS = ("citations", "pages", "volume", "publisher", "entry_type", "citekey", "score",
              "upvotes")
_ARXIV_NEW = re.compile(r"(\d{4}\.\d{4,5})(v\d+)?$")
_ARXIV_OLD = re.compile(r"([a-z\-]+(\.[A-Z]{2})?/\d{7})(v\d+)?$", re.IGNORECASE)
_DOI = re.compile(r"10\.\d{4,9}/\S+")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def norm_arxiv(value: str | None) -> str | None:
    """"arXiv:2403.08726v2" → "2403.08726"; None when not an arXiv id."""
    if not value:
        return None
    v = value.strip()
    v = re.sub(r"^(https?://arxiv\.org/(abs|pdf)/|arxiv:)", "", v, flags=re.IGNORECASE)
    v = v.removesuffix(".pdf")
    m = _ARXIV_NEW.search(v)
    if m:
        return m.group(1)
    m = _ARXIV_OLD.search(v)
    if m:
        return m.group(1).lower()
    return None


def norm_doi(value: str | None) -> str | None:
    """"https://doi.org/10.1000/X" → "10.1000/x"; None when not a DOI."""
    if not value:
        return None
    m = _DOI.search(value.strip())
    if not m:
        return None
    return m.group(0).rstrip(".,;)").lower()


def norm_date(value: str | None) -> str | None:
    if value and _DATE.match(value.strip()):
        return value.strip()
    return None


@lru_cache(maxsize=200_000)
def name_pair(raw: str) -> tuple[str, str]:
    """(display form, matching key) of a name as a source wrote it (cached:
    the same people appear again and again in an import)."""
    name = display_name(raw)
    return name, display_key(name)


@lru_cache(maxsize=4096)
def _topic_code(text: str) -> str | None:
    return normalize_topic(text) or (text.strip() if text and text.strip() else None)


@dataclass
class Prepared:
    """An entry made ready for matching and storing."""

    index: int
    entry: ParsedEntry
    title: str | None
    title_key: str
    abstract_key: str
    arxiv_id: str | None
    doi: str | None
    date: str | None
    year: int | None
    authors: list[tuple[str, str]]  # (display, key), no repeats
    truncated: bool
    author_count: int | None
    topics: list[str]
    extra: dict[str, Any]
    review_reasons: list[str]
    title_blocks: tuple[str, ...] = ()  # block_keys(title_key)

    @property
    def first_author_key(self) -> str:
        return self.authors[0][1] if self.authors else ""

    def fields(self) -> dict[str, Any]:
        e = self.entry
        return {
            "title": self.title, "abstract": (e.abstract or "").strip() or None,
            "date": self.date, "year": self.year, "arxiv_id": self.arxiv_id, "doi": self.doi,
            "url": e.url or None, "venue": e.venue or None, "organization": e.organization or None,
            "code_url": e.code_url or None, "author_count": self.author_count,
            "has_code": bool(e.has_code or e.code_url),
        }


def prepare(entry: ParsedEntry, index: int, profile_name: str | None = None) -> Prepared:
    """Normalise ``entry``; add the profile owner as an author when missing."""
    authors: list[tuple[str, str]] = []
    seen: set[str] = set()
    for raw in entry.authors:
        name, key = name_pair(raw)
        if key and key not in seen:
            seen.add(key)
            authors.append((name, key))
    truncated = bool(entry.authors_truncated)
    if profile_name:
        owner = display_name(profile_name)
        okey = name_key(owner)
        if okey and okey not in seen and not any(names_compatible(owner, a) for a, _ in authors):
            authors.append((owner, okey))
            seen.add(okey)
    date = norm_date(entry.date)
    year = entry.year if entry.year else (int(date[:4]) if date else None)
    title = clean_title(entry.title)
    topics: list[str] = []
    for t in entry.topics:
        code = _topic_code(t)
        if code and code not in topics:
            topics.append(code)
    extra = {k: getattr(entry, k) for k in EXTRA_KEYS if getattr(entry, k, None) not in (None, "")}
    reasons = list(entry.review_reasons)
    if not title and not any("title" in r.lower() for r in reasons):
        reasons.append("No title: complete it from the abstract or the PDF.")
    tkey = title_key(title)
    return Prepared(
        index=index, entry=entry, title=title, title_key=tkey, title_blocks=block_keys(tkey),
        abstract_key=abstract_key(entry.abstract), arxiv_id=norm_arxiv(entry.arxiv_id),
        doi=norm_doi(entry.doi), date=date, year=year, authors=authors, truncated=truncated,
        author_count=entry.author_count, topics=topics, extra=extra, review_reasons=reasons,
    )


def compatible(p: Prepared, info: KeyInfo) -> bool:
    """Same first author (or one side has none) and years at most one apart."""
    if p.first_author_key and info.first_author_key:
        if not names_compatible(p.first_author_key, info.first_author_key):
            return False
    if p.year and info.year and abs(p.year - info.year) > 1:
        return False
    return True


@dataclass
class MatchResult:
    match: Candidate | None = None
    candidates: list[Candidate] = field(default_factory=list)


def find_match(p: Prepared, maps: KeyIndex) -> MatchResult:
    """The paper ``p`` is (match) or may be (candidates), per the module's
    order; ``maps`` must have prefetched ``p``."""

    def cand(pid: int, score: float, reason: str) -> Candidate:
        return Candidate(paper_id=pid, title=maps.info_of(pid).title, score=score,
                         reason=reason)

    if p.arxiv_id and p.arxiv_id in maps.arxiv:
        return MatchResult(cand(maps.arxiv[p.arxiv_id], 100.0, "same arXiv id"))
    if p.doi and p.doi in maps.doi:
        return MatchResult(cand(maps.doi[p.doi], 100.0, "same DOI"))
    result = MatchResult()
    if p.title_key:
        same = maps.title.get(p.title_key, [])
        for pid in same:
            if compatible(p, maps.info[pid]):
                return MatchResult(cand(pid, 100.0, "same title"))
        result.candidates.extend(cand(pid, 100.0, "same title, different authors") for pid in same)
    if p.abstract_key and p.abstract_key in maps.abstract:
        pid = maps.abstract[p.abstract_key]
        info = maps.info[pid]
        other = maps.title_of.get(pid, "")
        if not p.title_key or not other or (
            compatible(p, info)
            and fuzz.ratio(p.title_key, other, score_cutoff=FUZZY_CUTOFF)
        ):
            return MatchResult(cand(pid, 100.0, "same abstract"))
    if p.title_key and len(p.title_key) >= 12:
        seen = {c.paper_id for c in result.candidates}
        blocks = maps.blocks
        for b in p.title_blocks:
            block = blocks.get(b)
            if not block:
                continue
            ids, keys = block
            for _key, score, i in process.extract(p.title_key, keys, scorer=fuzz.ratio,
                                                   score_cutoff=FUZZY_CUTOFF, limit=8):
                pid = ids[i]
                if pid not in seen:
                    seen.add(pid)
                    result.candidates.append(cand(pid, round(score, 1), "similar title"))
        result.candidates.sort(key=lambda c: -c.score)
        del result.candidates[5:]
    return result


@dataclass
class PaperState:
    """What a merge needs to know about an existing paper."""

    id: int
    fields: dict[str, Any]
    authors: list[tuple[str, str]]
    truncated: bool
    topics: set[str]
    extra: dict[str, Any]
    edited: set[str]
    review_reasons: list[str]
    status: str = "unread"
    tags: set[str] = field(default_factory=set)  # tag keys


@dataclass
class MergePlan:
    """The changes merging an entry makes to a paper, and what to revert them."""

    fields: dict[str, Any] = field(default_factory=dict)
    old_fields: dict[str, Any] = field(default_factory=dict)
    authors: list[tuple[str, str]] | None = None
    truncated: bool | None = None
    topics_add: list[str] = field(default_factory=list)
    extra_add: dict[str, Any] = field(default_factory=dict)
    review_reasons: list[str] | None = None

    def changes_anything(self) -> bool:
        return bool(self.fields or self.authors is not None or self.topics_add or self.extra_add)


def _fuller_date(old: str | None, new: str | None) -> bool:
    return bool(old and new and len(new) > len(old) and new.startswith(old))


def plan_merge(state: PaperState, p: Prepared) -> MergePlan:
    """What merging ``p`` into ``state`` changes (see the module docstring)."""
    plan = MergePlan()
    new = p.fields()
    for name in FILLABLE:
        if name in state.edited:
            continue
        old, value = state.fields.get(name), new.get(name)
        if value in (None, "", False):
            continue
        if old in (None, "", False) or (name == "date" and _fuller_date(old, value)):
            plan.fields[name] = value
            plan.old_fields[name] = old
    if "authors" not in state.edited and p.authors:
        cur = state.authors
        fuller = len(p.authors) > len(cur) and (state.truncated or not p.truncated or not cur)
        untruncate = len(p.authors) >= len(cur) and state.truncated and not p.truncated
        if fuller or untruncate:
            plan.authors = _keep_identities(cur, p.authors, state.truncated)
            plan.truncated = p.truncated
    plan.topics_add = [t for t in p.topics if t not in state.topics]
    plan.extra_add = {k: v for k, v in p.extra.items() if k not in state.extra}
    if "title" in plan.fields and state.review_reasons:
        kept = [r for r in state.review_reasons if "title" not in r.lower()]
        if kept != state.review_reasons:
            plan.review_reasons = kept
    return plan


def _keep_identities(old: list[tuple[str, str]], new: list[tuple[str, str]],
                     old_truncated: bool) -> list[tuple[str, str]]:
    """The fuller list ``new``, where a name that is a spelling of one already
    on the paper keeps that author ("H. Zhang" stays the "Hengyuan Zhang" of
    the author page).  When the old list was partial, its authors the new list
    does not name (a profile's owner) stay, after the others."""
    out: list[tuple[str, str]] = []
    used: set[str] = set()
    old_keys = {k for _, k in old}
    for name, key in new:
        if key in old_keys and key not in used:
            out.append((name if (name, key) in old else _name_of(old, key), key))
            used.add(key)
            continue
        same = next((o for o in old if o[1] not in used and o[1] not in {k for _, k in new}
                     and names_compatible(o[0], name)), None)
        if same is not None:
            out.append(same)
            used.add(same[1])
        elif key not in used:
            out.append((name, key))
            used.add(key)
    if old_truncated:
        out.extend(o for o in old if o[1] not in used)
    return out


def _name_of(authors: list[tuple[str, str]], key: str) -> str:
    return next(n for n, k in authors if k == key)


def apply_plan(state: PaperState, plan: MergePlan) -> None:
    """Update the in-memory state (for later entries of the same import)."""
    state.fields.update(plan.fields)
    if plan.authors is not None:
        state.authors = list(plan.authors)
        state.truncated = bool(plan.truncated)
    state.topics.update(plan.topics_add)
    state.extra.update(plan.extra_add)
    if plan.review_reasons is not None:
        state.review_reasons = plan.review_reasons


def load_states(conn: sqlite3.Connection, ids: list[int]) -> dict[int, PaperState]:
    """PaperState for existing papers, in a few queries."""
    states: dict[int, PaperState] = {}
    cols = ", ".join(FILLABLE)
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(
            f"SELECT id, {cols}, authors_truncated, extra, edited_fields, review_reasons, status "
            f"FROM paper WHERE id IN ({marks})",
            chunk,
        ):
            pid = row[0]
            fields = dict(zip(FILLABLE, row[1 : 1 + len(FILLABLE)], strict=True))
            fields["has_code"] = bool(fields["has_code"])
            rest = row[1 + len(FILLABLE) :]
            states[pid] = PaperState(
                id=pid, fields=fields, authors=[], truncated=bool(rest[0]),
                topics=set(), extra=json.loads(rest[1] or "{}"),
                edited=set(json.loads(rest[2] or "[]")),
                review_reasons=json.loads(rest[3] or "[]"), status=rest[4],
            )
        for pid, name, key in conn.execute(
            "SELECT pa.paper_id, a.name, a.key FROM paper_author pa JOIN author a "
            f"ON a.id = pa.author_id WHERE pa.paper_id IN ({marks}) ORDER BY pa.paper_id, pa.position",
            chunk,
        ):
            states[pid].authors.append((name, key))
        for pid, code in conn.execute(
            "SELECT pt.paper_id, t.code FROM paper_topic pt JOIN topic t ON t.id = pt.topic_id "
            f"WHERE pt.paper_id IN ({marks})",
            chunk,
        ):
            states[pid].topics.add(code)
        for pid, key in conn.execute(
            "SELECT pt.paper_id, t.key FROM paper_tag pt JOIN tag t ON t.id = pt.tag_id "
            f"WHERE pt.paper_id IN ({marks})",
            chunk,
        ):
            states[pid].tags.add(key)
    return states


def _chunks(ids: list[int], size: int = 900) -> list[list[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]
