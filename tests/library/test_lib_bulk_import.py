"""Big imports take the set-based path for the per-topic author counts
(``store.bulk``): topic pages must rank authors exactly as a fresh count
does after a big import, after changes made later (the per-row upkeep is
back), after undo, and after a big import that failed half-way; and every
author's paper and read counts must stay those of a fresh count."""

from __future__ import annotations

from collections import Counter

import pytest
from libhelpers import entry, result

from readinglist.library import Library, PaperQuery
from readinglist.store import bulk, search

TOPICS = ["cs.CL", "cs.LG", "cs.AI", "stat.ML"]


def _big_batch(n: int, tag: str = "Paper") -> list:
    assert n >= bulk.BULK_MIN_PAPERS
    papers = [entry(f"{tag} number {i} on topic {i % 13}",
                    authors=[f"Author {i % 17}", f"Author {(i * 7) % 29}", "Common Person"],
                    year=2000 + i % 9,
                    topics=[TOPICS[i % 4]] + ([TOPICS[(i + 1) % 4]] if i % 3 == 0 else []))
              for i in range(n)]
    papers.append(entry(f"{tag} number 5 on topic 5", authors=["Author 5"], year=2005,
                        topics=["cs.CL"]))  # listed twice in one paste: folded into one
    return papers


def _fresh_top(lib: Library, code: str) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter()
    for d in lib.details(lib.query_ids(PaperQuery(topic=code))):
        counts.update({a.name for a in d.authors})
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:25]


def _all_exact(lib: Library) -> None:
    for code in [t.code for t in lib.topics()]:
        top = [(p.name, p.count) for p in lib.topic_page(code).top_authors]
        assert top == _fresh_top(lib, code), code
    papers: Counter[str] = Counter()
    read: Counter[str] = Counter()
    for d in lib.details(lib.query_ids(PaperQuery())):
        papers.update(a.name for a in d.authors)
        read.update(a.name for a in d.authors if d.status == "read")
    assert {(a.name, a.paper_count, a.read_count) for a in lib.authors()} == {
        (name, n, read[name]) for name, n in papers.items()}


def test_big_import_counts_match_a_fresh_count(lib: Library):
    n = bulk.BULK_MIN_PAPERS + 50
    rep = lib.import_parsed(result(*_big_batch(n)), raw_text="(big)")
    assert len(rep.added) == n
    _all_exact(lib)
    assert lib.topic_page("cs.CL").top_authors[0].name == "Common Person"

    lib.trash(rep.added[:40])  # later changes are counted row by row again
    _all_exact(lib)
    small = lib.import_parsed(result(
        entry("A small one", authors=["Common Person", "Author 3"], topics=["cs.AI"])),
        raw_text="(small)")
    _all_exact(lib)
    second = lib.import_parsed(result(*_big_batch(n, "Other")), raw_text="(big 2)")
    lib.set_status(second.added[:30], "read")
    _all_exact(lib)
    lib.undo_import(second.batch_id)
    lib.undo_import(small.batch_id)
    _all_exact(lib)
    lib.empty_trash()
    _all_exact(lib)
    assert lib.check() == []


def test_a_big_import_that_fails_leaves_the_library_as_it_was(lib: Library, monkeypatch):
    lib.import_parsed(result(entry("Before", authors=["Common Person"], topics=["cs.CL"])),
                      raw_text="(before)")

    def broken(conn, rows):
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(search, "insert_rows", broken)
    with pytest.raises(RuntimeError):
        lib.import_parsed(result(*_big_batch(bulk.BULK_MIN_PAPERS)), raw_text="(big)")
    monkeypatch.undo()
    assert len(lib.query_ids(PaperQuery())) == 1
    lib.import_parsed(result(entry("After", authors=["Common Person", "New Person"],
                                   topics=["cs.CL"])), raw_text="(after)")
    _all_exact(lib)
    assert lib.topic_page("cs.CL").top_authors[0].count == 2
