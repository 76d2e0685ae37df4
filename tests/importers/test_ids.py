"""Identifier lists: one entry per id, never a guessed title."""

from __future__ import annotations

from datetime import date

import pytest

from readinglist.core.entry import ParseContext
from readinglist.importers.listing import ids
from readinglist.importers.listing.detect import detect, normalize_text, parse_text

CTX = ParseContext(reference_date=date(2026, 11, 22))


@pytest.fixture
def id_list(listings_dir) -> str:
    return (listings_dir / "ids_arxiv_1.txt").read_text(encoding="utf-8")


def test_real_id_list(id_list):
    assert detect(id_list) == "ids"
    result = parse_text(id_list, CTX)
    assert result.format == "ids"
    assert len(result.entries) == 41  # 48 lines, 7 of them comments
    assert [e.arxiv_id for e in result.entries[:3]] == ["2305.14251", "2301.13188", "2305.15852"]
    assert result.entries[-1].arxiv_id == "2402.13055"
    for e in result.entries:
        assert e.title is None and e.authors == []
        assert e.needs_review
        assert any("metadata to be completed" in r for r in e.review_reasons)
    assert result.entries[0].raw == "2305.14251"
    assert result.entries[0].date == "2023-05"  # the month the id encodes
    assert result.warnings == []


MIXED = """\
% my list
// from slack
arXiv:2403.08726v2
https://arxiv.org/abs/hep-th/9901001v1
https://www.alphaxiv.org/abs/2301.13188   # great paper
http://arxiv.org/pdf/2305.14251.pdf
doi:10.18653/v1/P17-1018
https://doi.org/10.1007/978-3-319-46475-6_7
"10.1103/PhysRev.115.485".
2403.08726
2305.15852, 2304.10513

this line is not an identifier
"""


def test_mixed_forms_comments_duplicates_and_junk():
    assert detect(MIXED) == "ids"
    result = parse_text(MIXED, CTX)
    got = [(e.arxiv_id, e.doi) for e in result.entries]
    assert got == [
        ("2403.08726", None),
        ("hep-th/9901001", None),
        ("2301.13188", None),
        ("2305.14251", None),
        (None, "10.18653/v1/P17-1018"),
        (None, "10.1007/978-3-319-46475-6_7"),
        (None, "10.1103/PhysRev.115.485"),
        ("2305.15852", None),
        ("2304.10513", None),
    ]
    assert any("more than once" in w for w in result.warnings)
    assert any("this line is not an identifier" in w for w in result.warnings)
    # the repeated id keeps both source lines
    assert "2403.08726" in result.entries[0].raw.split("\n")
    assert all(e.title is None for e in result.entries)


def test_crlf_and_pasted_twice(id_list):
    result = parse_text((id_list + "\n" + id_list).replace("\n", "\r\n"), CTX)
    assert len(result.entries) == 41
    assert any("more than once" in w for w in result.warnings)


def test_sniff_low_on_prose_and_other_formats(listings_dir, seeds_dir):
    for path in [*seeds_dir.glob("*.txt"), *listings_dir.glob("*.txt")]:
        if path.name != "ids_arxiv_1.txt":
            assert ids.sniff(normalize_text(path.read_text(encoding="utf-8"))) < 0.3, path.name
    assert ids.sniff("We used 2403.08726 in our study.\nIt was good.") == 0.0
