"""Google Scholar results pages and author profiles."""

from __future__ import annotations

from datetime import date

import pytest

from readinglist.core.entry import ParseContext
from readinglist.importers.listing import scholar
from readinglist.importers.listing.detect import detect, normalize_text, parse_text

CTX = ParseContext(reference_date=date(2026, 11, 22))


@pytest.fixture
def page(listings_dir) -> str:
    return (listings_dir / "google_scholar_1.txt").read_text(encoding="utf-8")


def test_results_page_detected_and_counted(page):
    assert detect(page) == "scholar"
    result = parse_text(page, CTX)
    assert result.format == "scholar"
    assert len(result.entries) == 10
    assert result.warnings == []


def test_first_three_results_field_by_field(page):
    e1, e2, e3 = parse_text(page, CTX).entries[:3]
    assert e1.title == "Quantum field theory and critical phenomena"
    assert e1.entry_type == "book"  # [BOOK] is a marker, not part of the title
    assert e1.authors == ["J Zinn-Justin"]
    assert e1.year == 1996 and e1.date == "1996"
    assert e1.publisher == "cds.cern.ch"
    assert e1.citations == 4821
    assert e1.abstract.startswith("Over the last twenty years quantum field theory")
    assert e1.abstract.endswith("This advanced text")

    assert e2.title == "Quantum theory of solids"
    assert e2.entry_type == "citation"
    assert e2.authors == ["C Kittel", "C Fong"]
    assert e2.year == 1963
    assert e2.publisher == "Wiley New York"
    assert e2.abstract is None  # no snippet
    assert e2.citations == 4190

    assert e3.title == "Significance of electromagnetic potentials in the quantum theory"
    assert e3.authors == ["Y Aharonov", "D Bohm"]
    assert e3.venue == "Physical Review"
    assert e3.year == 1959
    assert e3.publisher == "APS"
    assert e3.citations == 6961
    assert e3.raw.startswith("[PDF] aps.org\n")


def test_later_results_checked_by_eye(page):
    entries = parse_text(page, CTX).entries
    titles = [e.title for e in entries]
    assert titles[3] == "Quantum theory of open systems"
    assert entries[4].authors == ["D Bohm", "HP Stapp"]
    assert entries[5].venue == "Proceedings of the Royal Society of …"  # as Scholar cut it
    assert entries[7].authors == ["AL Fetter", "JD Walecka"] and entries[7].year == 2012
    assert entries[8].authors == ["PAM Dirac"]
    assert entries[9].title == "The quantum theory of fields" and entries[9].citations == 8003
    assert all(e.citations for e in entries)


def test_truncated_author_list_and_no_footer():
    text = (
        "Attention is all you need\n"
        "A Vaswani, N Shazeer, N Parmar… - Advances in neural …, 2017 - proceedings.neurips.cc\n"
        "The dominant sequence transduction models are based on complex recurrent\n"
        "Save Cite Cited by 150000 Related articles All 70 versions\n"
        "[HTML] nature.com\n"
        "Deep learning\n"
        "Y LeCun, Y Bengio, G Hinton - nature, 2015 - nature.com\n"
        "Deep learning allows computational models\n"
    )
    result = parse_text(text, CTX)
    assert result.format == "scholar"
    a, b = result.entries
    assert a.authors == ["A Vaswani", "N Shazeer", "N Parmar"]
    assert a.authors_truncated
    assert a.citations == 150000
    assert b.title == "Deep learning" and b.citations is None
    assert b.raw.startswith("[HTML] nature.com")


def test_windows_line_endings_and_pasted_twice(page):
    result = parse_text(page.replace("\n", "\r\n"), CTX)
    assert len(result.entries) == 10
    doubled = parse_text(page + "\n" + page, CTX)
    assert len(doubled.entries) == 20  # the library's matching collapses repeats


def test_partial_paste_cut_mid_result(page):
    cut = page[: page.index("Cited by 2839")]
    result = parse_text(cut, CTX)
    assert len(result.entries) == 5
    assert result.entries[4].title.startswith("The undivided universe")
    assert any("cut off" in w for w in result.warnings)


PROFILE = """\
Jane Q. Researcher
Professor of Physics, Example University
Verified email at example.edu - Homepage
Quantum information  Open systems
Cited by\tVIEW ALL
All\tSince 2021
Citations\t12345\t6789
h-index\t45\t38
i10-index\t90\t80
TITLE\tCITED BY\tYEAR
Quantum theory of open systems with memory
JQ Researcher, A Other, B Third
Physical Review A 99 (3), 032101, 2019\t512\t2019
Decoherence-free subspaces revisited
JQ Researcher
arXiv preprint arXiv:2101.01234, 2021\t\t2021
A long paper with many authors
C Someone, JQ Researcher, D Else, E Fourth, F Fifth, G Sixth, ...
Nature Physics 17, 100-105
88
2021
Show more
"""


def test_profile_page_constructed():
    assert detect(PROFILE) == "scholar"
    result = parse_text(PROFILE, CTX)
    assert result.profile["name"] == "Jane Q. Researcher"
    assert result.profile["h_index"] == 45
    assert result.profile["citations"] == 12345
    assert len(result.entries) == 3
    a, b, c = result.entries
    assert a.title == "Quantum theory of open systems with memory"
    assert a.authors == ["JQ Researcher", "A Other", "B Third"]
    assert a.venue == "Physical Review A 99 (3), 032101"
    assert a.citations == 512 and a.year == 2019
    assert b.citations is None and b.year == 2021
    assert b.arxiv_id == "2101.01234"
    assert c.authors_truncated and c.authors[-1] == "G Sixth"
    assert c.venue == "Nature Physics 17, 100-105"
    assert c.citations == 88 and c.year == 2021


def test_sniff_low_on_other_formats(listings_dir, seeds_dir):
    for path in [*seeds_dir.glob("*.txt"), *listings_dir.glob("*.txt")]:
        if path.name == "google_scholar_1.txt":
            continue
        assert scholar.sniff(normalize_text(path.read_text(encoding="utf-8"))) < 0.3, path.name


def test_new_style_footer_with_star_and_doubled_markers():
    text = (
        "[CITATION][C] Quantum theory of solids\n"
        "C Kittel, C Fong - 1963 - Wiley New York\n"
        "\u2606 Save Cite Cited by 4190 Related articles All 3 versions\n"
        "[HTML][HTML] nature.com\n"
        "Deep learning\n"
        "Y LeCun, Y Bengio, G Hinton - nature, 2015 - nature.com\n"
        "Deep learning allows computational models\n"
        "\u2606 Save Cite Related articles\n"
    )
    a, b = parse_text(text, CTX).entries
    assert a.title == "Quantum theory of solids" and a.entry_type == "citation"
    assert a.citations == 4190 and a.abstract is None
    assert b.title == "Deep learning" and b.citations is None
    assert b.abstract == "Deep learning allows computational models"
