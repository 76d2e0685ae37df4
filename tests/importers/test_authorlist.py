"""Author-name cleanup shared by every listing format: broken accents from PDF
copies are joined, ASCII initials are left alone, and a profile owner's full
name is recognised in the initials a listing prints."""

from __future__ import annotations

from datetime import date

import pytest

from readinglist.core.entry import ParseContext
from readinglist.importers.listing import alphaxiv, bibtex, ris
from readinglist.importers.listing._authorlist import (
    join_broken_accents,
    same_person,
    split_authors,
)
from readinglist.importers.listing.detect import parse_text

CTX = ParseContext(reference_date=date(2026, 11, 22))


def test_broken_accents_are_joined_and_initials_kept():
    names = split_authors("Aidan N Gomez, \u0141 ukasz Kaiser, \u00d6 zg\u00fcr \u00d6zt\u00fcrk and J Zinn-Justin")
    assert names.names == ["Aidan N Gomez", "\u0141ukasz Kaiser", "\u00d6zg\u00fcr \u00d6zt\u00fcrk", "J Zinn-Justin"]
    assert join_broken_accents("A B Smith, PAM Dirac") == "A B Smith, PAM Dirac"
    # a particle after an accented initial is a word of its own
    assert join_broken_accents("\u00c9 van Dyck") == "\u00c9 van Dyck"


def test_scholar_rows_join_broken_accents():
    text = (
        "Attention is all you need\n"
        "A Vaswani, N Shazeer, \u0141 ukasz Kaiser - Advances in neural information processing "
        "systems, 2017 - proceedings.neurips.cc\n"
        "The dominant sequence transduction models are based on complex recurrent networks.\n"
        "Cited by 100000 Related articles All 80 versions\n"
    )
    result = parse_text(text, CTX)
    assert result.format == "scholar"
    assert result.entries[0].authors == ["A Vaswani", "N Shazeer", "\u0141ukasz Kaiser"]


def test_bibtex_and_ris_join_broken_accents():
    bib = "@article{k, title={T}, author={\u0141 ukasz Kaiser and Zinn-Justin, J}, year={2017}}"
    assert bibtex.parse(bib, CTX).entries[0].authors == ["\u0141ukasz Kaiser", "J Zinn-Justin"]
    rec = "TY  - JOUR\nAU  - Kaiser, \u0141 ukasz\nTI  - Title\nER  - \n"
    assert ris.parse(rec, CTX).entries[0].authors == ["\u0141ukasz Kaiser"]


def test_alphaxiv_author_line_joins_broken_accents():
    text = (
        "CLJan 20\n\nAttention Is All You Need\n\n"
        "Ashish Vaswani, \u0141 ukasz Kaiser et al.\n\n"
        "The dominant sequence transduction models are based on complex recurrent networks.\n"
    )
    (entry,) = alphaxiv.parse(text, CTX).entries
    assert entry.authors == ["Ashish Vaswani", "\u0141ukasz Kaiser"]
    assert entry.authors_truncated


@pytest.mark.parametrize(
    ("full", "printed"),
    [
        ("Jane Q. Researcher", "JQ Researcher"),
        ("Jane Q. Researcher", "J Researcher"),
        ("Jane Q. Researcher", "J. Q. Researcher"),
        ("Jane Q. Researcher", "Jane Researcher"),
        ("Jos\u00e9 M\u00fcller", "J Muller"),
        ("Jean-Pierre Dupr\u00e9", "JP Dupr\u00e9"),
        ("Jean-Pierre Dupr\u00e9", "J-P Dupr\u00e9"),
        ("Ludwig van Beethoven", "L van Beethoven"),
        ("\u0141ukasz Kaiser", "\u0141 Kaiser"),
    ],
)
def test_same_person_accepts_printed_forms(full, printed):
    assert same_person(full, printed)


@pytest.mark.parametrize(
    ("full", "printed"),
    [
        ("Jane Q. Researcher", "JR Researcher"),  # an initial the full name does not have
        ("Jane Q. Researcher", "Jane Q. Other"),  # another surname
        ("Jane Researcher", "JQ Researcher"),  # more given names than the full name
        ("Jane Researcher", "John Researcher"),
        ("Alice Smith-Jones", "A Jones"),
        ("", "J Researcher"),
    ],
)
def test_same_person_rejects_other_people(full, printed):
    assert not same_person(full, printed)
