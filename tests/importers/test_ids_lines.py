"""Identifier lists, line by line: a bare id line and the same id written any
other way make the same entry; repeats keep every distinct source line; ids
that cannot exist are reported, not invented; each entry is its own record."""

from __future__ import annotations

from datetime import date

from readinglist.core.entry import ParseContext
from readinglist.importers.listing import ids

CTX = ParseContext(reference_date=date(2026, 11, 22))


def _fields(entry) -> dict:
    data = entry.to_json()
    data.pop("raw")
    return data


def test_an_id_makes_the_same_entry_however_it_is_written():
    forms = [
        "2305.14251v2",
        "  2305.14251v2\t",
        "arXiv:2305.14251v2",
        "https://arxiv.org/abs/2305.14251v2",
    ]
    entries = [ids.parse(form, CTX).entries for form in forms]
    assert all(len(found) == 1 for found in entries)
    first = entries[0][0]
    assert first.arxiv_id == "2305.14251" and first.url == "https://arxiv.org/abs/2305.14251v2"
    assert first.date == "2023-05" and first.year == 2023 and first.entry_type == "preprint"
    assert first.needs_review and first.title is None
    for (entry,) in entries[1:]:
        assert _fields(entry) == _fields(first)


def test_repeats_keep_each_distinct_source_line_once():
    text = "2305.14251\n2305.14251\narXiv:2305.14251\n2305.14251v2\n2305.14251\n2301.13188\n"
    result = ids.parse(text, CTX)
    assert [e.arxiv_id for e in result.entries] == ["2305.14251", "2301.13188"]
    assert result.entries[0].raw.split("\n") == ["2305.14251", "arXiv:2305.14251", "2305.14251v2"]
    assert any("4 identifiers were listed more than once" in w for w in result.warnings)


def test_ids_that_cannot_exist_are_reported_not_invented():
    # month 13; a 5-digit number before 2015; a 4-digit one after; before April 2007
    text = "2313.12345\n1412.12345\n1501.1234\n0612.1234\n2403.08726\n"
    result = ids.parse(text, CTX)
    assert [e.arxiv_id for e in result.entries] == ["2403.08726"]
    assert any("4 line(s) are not identifiers" in w for w in result.warnings)
    assert "'2313.12345'" in " ".join(result.warnings)


def test_ids_of_both_numbering_periods():
    result = ids.parse("0704.0001\n1412.9999\n1501.00001\n9912.1234\n", CTX)
    got = [(e.arxiv_id, e.date) for e in result.entries]
    assert got == [("0704.0001", "2007-04"), ("1412.9999", "2014-12"), ("1501.00001", "2015-01")]


def test_a_list_of_dois_and_arxiv_dois():
    text = "10.1103/PhysRev.115.485\nhttps://doi.org/10.1103/physrev.115.485\n10.48550/arXiv.2403.08726\n"
    result = ids.parse(text, CTX)
    got = [(e.arxiv_id, e.doi, e.url) for e in result.entries]
    assert got == [
        (None, "10.1103/PhysRev.115.485", "https://doi.org/10.1103/PhysRev.115.485"),
        ("2403.08726", None, "https://arxiv.org/abs/2403.08726"),
    ]
    assert result.entries[0].raw.count("\n") == 1  # the DOI's two spellings are both kept


def test_every_entry_is_its_own_record():
    result = ids.parse("2305.14251\n2301.13188\n10.1000/xyz\n", CTX)
    a, b, c = result.entries
    a.review_reasons.append("checked")
    a.authors.append("Someone")
    a.topics.append("cs.CL")
    for other in (b, c):
        assert other.review_reasons == [ids.REVIEW_REASON]
        assert other.authors == [] and other.topics == [] and other.warnings == []
