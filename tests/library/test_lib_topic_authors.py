"""A profile's owner among the shown authors (Scholar prints initials), and
a topic page's top authors, which come from counts the schema keeps per
(topic, author): they must match a fresh count after every kind of change."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

from libhelpers import entry, result

from readinglist.library import Library, PaperQuery

OWNER = "Jane Q. Researcher"


def _scholar_profile():
    """A Google Scholar profile paste: the owner's full name above rows that
    print authors with initials, the owner first, second or not at all."""
    return result(
        entry("Sparse attention for long documents", authors=["JQ Researcher", "A Smith"],
              year=2021, topics=["cs.CL"]),
        entry("Retrieval at scale", authors=["B Jones", "JQ Researcher", "C Wu"],
              year=2022, topics=["cs.CL", "cs.IR"]),
        entry("Why models forget", authors=["J Researcher", "D Kim"], year=2023,
              topics=["cs.LG"]),
        entry("A survey of surveys", authors=["E Park", "F Li"], authors_truncated=True,
              year=2024, topics=["cs.CL"]),
        fmt="scholar_profile", profile={"name": OWNER, "h_index": 12},
    )


def test_scholar_owner_printed_with_initials_is_the_owner(lib: Library):
    report = lib.import_parsed(_scholar_profile(), raw_text="(scholar profile)")
    assert len(report.added) == 4
    owner = lib.find_author(OWNER)
    assert owner is not None
    page = lib.author_page(owner.id)
    assert page.stats.paper_count == 4
    # the owner is linked where the row printed them, never added a second time
    papers = {d.title: [a.name for a in d.authors] for d in lib.details(report.added)}
    assert papers["Sparse attention for long documents"] == [OWNER, "A Smith"]
    assert papers["Retrieval at scale"] == ["B Jones", OWNER, "C Wu"]
    assert papers["Why models forget"] == [OWNER, "D Kim"]
    assert papers["A survey of surveys"] == ["E Park", "F Li", OWNER]
    assert lib.find_author("JQ Researcher") in (None, owner)
    names = {a.name for a in lib.authors()}
    assert "JQ Researcher" not in names and "J Researcher" not in names
    # the printed spellings are kept as the owner's aliases
    assert {"JQ Researcher", "J Researcher"} <= set(page.aliases)
    assert page.profiles and page.profiles[0]["h_index"] == 12


def test_someone_else_with_the_owners_surname_is_not_the_owner(lib: Library):
    lib.import_parsed(result(
        entry("Kin selection in ants", authors=["K Researcher", "A Smith"], year=2020),
        fmt="scholar_profile", profile={"name": OWNER}), raw_text="(profile)")
    paper = lib.details(lib.query_ids(PaperQuery()))[0]
    assert [a.name for a in paper.authors] == ["K Researcher", "A Smith", OWNER]


def _fresh_top(lib: Library, code: str) -> list[tuple[str, int]]:
    """The topic's authors counted from scratch over its live papers."""
    ids = lib.query_ids(PaperQuery(topic=code))
    counts: Counter[str] = Counter()
    for d in lib.details(ids):
        counts.update({a.name for a in d.authors})
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _page_top(lib: Library, code: str) -> list[tuple[str, int]]:
    return [(p.name, p.count) for p in lib.topic_page(code).top_authors]


def test_topic_top_authors_follow_every_change(lib: Library):
    papers = [entry(f"Paper {i}", authors=[f"Author {i % 7}", f"Author {(i * 3) % 11}",
                                            "Common Person"],
                    year=2000 + i % 5, topics=["cs.CL"] + (["cs.LG"] if i % 2 else []))
              for i in range(40)]
    first = lib.import_parsed(result(*papers), raw_text="(batch 1)")
    assert _page_top(lib, "cs.CL") == _fresh_top(lib, "cs.CL")[:25]
    assert _page_top(lib, "cs.CL")[0] == ("Common Person", 40)

    lib.trash(first.added[:5])
    assert _page_top(lib, "cs.CL")[0] == ("Common Person", 35)
    assert _page_top(lib, "cs.CL") == _fresh_top(lib, "cs.CL")[:25]
    lib.restore(first.added[:2])
    assert _page_top(lib, "cs.LG") == _fresh_top(lib, "cs.LG")[:25]

    # a second batch adding a topic to known papers and new papers, then undone
    more = [entry(f"Paper {i}", authors=["Common Person"], year=2000 + i % 5,
                  topics=["cs.AI"]) for i in range(10, 20)]
    more += [entry(f"Other {i}", authors=["Newcomer Person", "Author 1"], topics=["cs.AI"])
             for i in range(6)]
    second = lib.import_parsed(result(*more), raw_text="(batch 2)")
    assert _page_top(lib, "cs.AI") == _fresh_top(lib, "cs.AI")[:25]
    lib.undo_import(second.batch_id)
    assert _page_top(lib, "cs.CL") == _fresh_top(lib, "cs.CL")[:25]

    # merging two authors folds their counts; emptying the trash drops papers
    a1, a2 = lib.find_author("Author 1"), lib.find_author("Author 2")
    lib.merge_authors(a1.id, [a2.id])
    assert _page_top(lib, "cs.CL") == _fresh_top(lib, "cs.CL")[:25]
    lib.empty_trash()
    assert _page_top(lib, "cs.CL") == _fresh_top(lib, "cs.CL")[:25]
    assert _page_top(lib, "cs.LG") == _fresh_top(lib, "cs.LG")[:25]


def test_older_libraries_upgrade_with_topic_author_counts(tmp_path):
    """A v1 library (with a paper in the trash) gets the counts on upgrade:
    every topic page then ranks its authors as a fresh count does."""
    path = tmp_path / "library.sqlite"
    shutil.copy(Path(__file__).resolve().parents[1] / "fixtures" / "libraries" / "v1.sqlite",
                path)
    with Library.open(path) as lib:
        codes = [t.code for t in lib.topics()]
        assert codes
        for code in codes:
            assert _page_top(lib, code) == _fresh_top(lib, code)[:25], code
        assert lib.check() == []
