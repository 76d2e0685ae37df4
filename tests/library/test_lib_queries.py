"""Listing, filtering, sorting, aggregates and the search-box syntax."""

import pytest
from libhelpers import entry, result

from readinglist.library import PaperQuery
from readinglist.library.query import parse_search


@pytest.fixture
def ids(lib):
    return lib.import_parsed(result(
        entry("Attention is all you need", authors=["Ashish Vaswani", "Noam Shazeer"],
              date="2017-06-12", topics=["CL", "LG"], abstract="The dominant sequence transduction "
              "models are based on complex recurrent networks."),
        entry("BERT pretraining", authors=["Jacob Devlin"], date="2018-10", topics=["CL"]),
        entry("Bispectrum covariance", authors=["Jorge Noreña"], date="2024-03-14",
              topics=["astro-ph.CO"]),
        entry(None, abstract="A paper with no title whose abstract is long enough for a key."),
    ), raw_text="x").added


def test_sort_by_date_newest_first_and_undated_last(lib, ids):
    assert lib.query_ids(PaperQuery(sort="date")) == [ids[2], ids[1], ids[0], ids[3]]
    assert lib.query_ids(PaperQuery(sort="title", descending=False))[1:] == ids[:3]


def test_filters(lib, ids):
    assert lib.query_ids(PaperQuery(topic="cs.CL", sort="date")) == [ids[1], ids[0]]
    assert lib.query_ids(PaperQuery(topic="Computation and Language", sort="date")) == [ids[1], ids[0]]
    assert lib.query_ids(PaperQuery(author="Noreña")) == [ids[2]]
    assert lib.query_ids(PaperQuery(author="jorge norena")) == [ids[2]]
    assert lib.query_ids(PaperQuery(year=2018)) == [ids[1]]
    assert lib.query_ids(PaperQuery(needs_review=True)) == [ids[3]]
    assert len(lib.query_ids(PaperQuery(added_within_days=1))) == 4
    assert lib.query_ids(PaperQuery(search="recurrent netw")) == [ids[0]]
    assert lib.query_ids(PaperQuery(search="vaswani")) == [ids[0]]
    assert lib.query_ids(PaperQuery(search='"); DROP TABLE paper; --')) == []
    batch = lib.batches()[0].id
    assert len(lib.query_ids(PaperQuery(batch_id=batch))) == 4


def test_rows_in_requested_order_with_short_authors(lib, ids):
    lib.import_parsed(result(entry("Many", authors=["A A", "B B", "C C", "D D"])), raw_text="y")
    rows = lib.rows([ids[2], ids[0]])
    assert [r.id for r in rows] == [ids[2], ids[0]]
    assert rows[1].authors_short == "Ashish Vaswani, Noam Shazeer"
    assert rows[1].topics == ["cs.CL", "cs.LG"]
    many = lib.list_papers(PaperQuery(search="Many"))[0]
    assert many.authors_short == "A A, B B, C C et al."
    assert lib.list_papers(PaperQuery(sort="date"), limit=2, offset=1)[0].id == ids[1]


def test_aggregates(lib, ids):
    lib.set_status([ids[0]], "read")
    topics = {t.code: (t.name, t.paper_count, t.read_count) for t in lib.topics()}
    assert topics["cs.CL"] == ("Computation and Language", 2, 1)
    assert topics["astro-ph.CO"][1] == 1
    authors = lib.authors("vasw")
    assert [(a.name, a.paper_count, a.read_count) for a in authors] == [("Ashish Vaswani", 1, 1)]
    assert len(lib.authors(limit=2)) == 2
    assert lib.authors("100%_") == []
    c = lib.counts()
    assert (c.all, c.read, c.unread, c.needs_review, c.recent) == (4, 1, 3, 1, 4)


def test_parse_search():
    q = parse_search('author:"Geoffrey Hinton" topic:cs.LG tag:ml status:read year:2017 '
                     'is:starred capsule "dynamic routing"')
    assert (q.author, q.topic, q.tag, q.status, q.year, q.starred) == (
        "Geoffrey Hinton", "cs.LG", "ml", "read", 2017, True)
    assert q.search == 'capsule "dynamic routing"'
    assert parse_search("status:whatever x").search == "status:whatever x"
    assert parse_search("").search is None
    assert parse_search("is:unread").status == "unread"


def test_author_list_follows_changes_from_another_program(lib, ids, tmp_path):
    from readinglist.library import Library

    assert {a.name for a in lib.authors()} >= {"Ashish Vaswani", "Jorge Noreña"}
    with Library.open(lib.path) as other:
        other.import_parsed(result(entry("New one", authors=["Zed Newcomer"])), raw_text="x")
    assert "Zed Newcomer" in {a.name for a in lib.authors()}
    lib.trash(lib.query_ids(PaperQuery(author="Zed Newcomer")))
    assert "Zed Newcomer" not in {a.name for a in lib.authors()}
    assert len(lib.authors(limit=1)) == 1
