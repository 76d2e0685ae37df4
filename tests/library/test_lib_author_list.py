"""The author list of the sidebar and ``readinglist authors``: order, counts,
merged spellings, and that building it leaves the garbage collector as it was."""

import gc

import pytest
from libhelpers import entry, result


@pytest.fixture
def lib_with_authors(lib):
    lib.import_parsed(result(
        entry("One", authors=["Hengyuan Zhang", "Zoë Müller"]),
        entry("Two", authors=["H. Zhang", "Ann Lee"]),
        entry("Three", authors=["Hengyuan Zhang", "Bea Ray"]),
        entry("Four", authors=["Bea Ray"]),
    ), raw_text="x")
    return lib


def test_most_papers_first_then_by_name(lib_with_authors):
    listed = [(a.name, a.paper_count) for a in lib_with_authors.authors()]
    assert listed == [("Bea Ray", 2), ("Hengyuan Zhang", 2), ("Ann Lee", 1), ("H. Zhang", 1),
                      ("Zoë Müller", 1)]
    assert [a.name for a in lib_with_authors.authors(limit=3)] == [n for n, _ in listed[:3]]
    assert [a.name for a in lib_with_authors.authors("zhang", limit=1)] == ["Hengyuan Zhang"]


def test_merged_spellings_are_listed_as_aliases(lib_with_authors):
    lib = lib_with_authors
    ids = {a.name: a.id for a in lib.authors()}
    lib.merge_authors(ids["Hengyuan Zhang"], [ids["H. Zhang"]])
    listed = {a.name: a for a in lib.authors()}
    assert "H. Zhang" not in listed
    zhang = listed["Hengyuan Zhang"]
    assert (zhang.paper_count, zhang.aliases) == (3, ["H. Zhang"])
    assert zhang.key == "hengyuan zhang"
    assert listed["Zoë Müller"].aliases == [] and listed["Zoë Müller"].key == "zoe muller"
    assert [a.aliases for a in lib.authors("zhang")] == [["H. Zhang"]]


@pytest.mark.parametrize("enabled", [True, False])
def test_listing_authors_leaves_the_collector_as_it_was(lib_with_authors, enabled):
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        lib_with_authors.authors()
        lib_with_authors.authors("lee")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
