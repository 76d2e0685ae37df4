"""arXiv listing pages: the real browser copy (no Title:/Authors: labels), the
labelled form, the search-results layout, and damaged pastes."""

from __future__ import annotations

from datetime import date

import pytest

from readinglist.core.entry import ParseContext
from readinglist.importers.listing import arxiv_listing
from readinglist.importers.listing.detect import detect, normalize_text, parse_text

CTX = ParseContext(reference_date=date(2026, 11, 22))


@pytest.fixture
def listing(listings_dir) -> str:
    return (listings_dir / "arxiv_list_1.txt").read_text(encoding="utf-8")


@pytest.fixture
def result(listing):
    return parse_text(listing, CTX)


def test_detected_and_every_entry_read(listing, result):
    assert detect(listing) == "arxiv"
    assert result.format == "arxiv"
    assert len(result.entries) == 76  # "[ total of 76 entries: 1-76 ]"
    assert not any("says it lists" in w for w in result.warnings)
    assert len({e.arxiv_id for e in result.entries}) == 76


def test_first_entry_field_by_field(result):
    e = result.entries[0]
    assert e.arxiv_id == "2403.08726"
    assert e.title == "Euclid: Testing photometric selection of emission-line galaxy targets"
    assert e.authors[:3] == ["M. S. Cagliari", "B. R. Granett", "L. Guzzo"]
    assert e.authors[-1] == "F. Hormuth"
    assert len(e.authors) == 63
    assert "et al." not in " ".join(e.authors)
    assert e.authors_truncated is True
    assert e.author_count == 63 + 84
    assert e.date == "2024-03-14"
    assert e.year == 2024
    assert e.topics == ["astro-ph.CO"]
    assert e.raw.startswith("[1]  arXiv:2403.08726 [pdf, other]")
    assert "Subjects: Cosmology and Nongalactic Astrophysics (astro-ph.CO)" in e.raw


def test_second_and_third_entries(result):
    e2, e3 = result.entries[1], result.entries[2]
    assert e2.arxiv_id == "2403.08666"
    assert e2.title == "The neutron decay anomaly, neutron stars and dark matter"
    assert e2.authors == ["Mar Bastero-Gil", "Teresa Huertas-Roldan", "Daniel Santos"]
    assert e2.authors_truncated is False and e2.author_count is None
    assert e2.topics == ["astro-ph.CO", "gr-qc", "hep-ph"]  # primary first, cross-lists too
    assert e3.arxiv_id == "2403.08634"
    assert e3.title == "Bispectrum non-Gaussian Covariance in Redshift Space"
    assert e3.authors == [
        "Jacopo Salvalaggio",
        "Lina Castiblanco",
        "Jorge Noreña",
        "Emiliano Sefusatti",
        "Pierluigi Monaco",
    ]


def test_later_entries_checked_by_eye(result):
    by_id = {e.arxiv_id: e for e in result.entries}
    # accents kept, TeX kept as printed
    e5 = by_id["2403.08601"]
    assert "Étienne Pointecouteau" in e5.authors and "Alexeï Molin" in e5.authors
    assert by_id["2403.08241"].title == "The 3D Lyman-$α$ Forest Power Spectrum from eBOSS DR16"
    # affiliations in parentheses are not names
    assert by_id["2403.08101"].authors == ["P.R.V. Chintalapati", "G. Gutierrez", "M.H.L.S. Wang"]
    assert by_id["2403.08661"].authors == ["F. Becattini", "D. Roselli"]
    # a cross-list keeps its own primary category first
    assert by_id["2403.08759"].topics == ["astro-ph.GA", "astro-ph.CO"]
    assert by_id["2403.08759"].authors == ["Andre Maeder"]
    # a day heading dates the entries below it
    assert by_id["2403.03972"].date == "2024-03-08"
    # Journal-ref becomes the venue
    assert by_id["2403.07550"].venue == "Symmetry, 16, 341, (2024)"
    dates = {e.date for e in result.entries}
    assert dates == {"2024-03-14", "2024-03-13", "2024-03-12", "2024-03-11", "2024-03-08"}
    assert all(e.title and e.authors for e in result.entries)


LABELLED = """\
New submissions (showing 2 of 2 entries)
[1] arXiv:2411.01234 [pdf, html, other]
Title: Sparse Mixture-of-Experts Routing for Long
  Context Language Models
Authors: Ana García-López, Jürgen Müller, Wei Zhang
Comments: 12 pages; code at https://github.com/example/moe-route
Subjects: Computation and Language (cs.CL); Machine Learning (cs.LG)
We study routing in sparse mixture-of-experts models with long contexts.
Our method improves throughput.
[2] arXiv:2411.00999 (cross-list from stat.ML) [pdf, ps, other]
Title: A Note on Priors
Authors: J. Smith
Journal-ref: Ann. Stat. 52 (2024) 1-20
DOI: 10.1214/24-AOS0001
Subjects: Machine Learning (stat.ML); Machine Learning (cs.LG)
"""


def test_labelled_form_with_abstracts_and_wrapped_title():
    assert detect(LABELLED) == "arxiv"
    result = parse_text(LABELLED, CTX)
    assert len(result.entries) == 2
    a, b = result.entries
    assert a.title == "Sparse Mixture-of-Experts Routing for Long Context Language Models"
    assert a.authors == ["Ana García-López", "Jürgen Müller", "Wei Zhang"]
    assert a.topics == ["cs.CL", "cs.LG"]
    assert a.abstract == (
        "We study routing in sparse mixture-of-experts models with long contexts. "
        "Our method improves throughput."
    )
    assert a.has_code and a.code_url == "https://github.com/example/moe-route"
    assert a.date == "2024-11"  # no day heading: the month the id encodes
    assert b.doi == "10.1214/24-AOS0001"
    assert b.venue == "Ann. Stat. 52 (2024) 1-20"
    assert b.topics == ["stat.ML", "cs.LG"]
    assert result.warnings == []


SEARCH = """\
Showing 1–2 of 2 results for all: euclid photometric
arXiv:2403.08726  [pdf, other]  astro-ph.CO
Euclid: Testing photometric selection of emission-line galaxy targets
Authors: M. S. Cagliari, B. R. Granett, L. Guzzo, et al. (84 additional authors not shown)
Abstract: Multi-object spectroscopic galaxy surveys typically make use of photometric … ▽ More
Multi-object spectroscopic galaxy surveys typically make use of photometric and colour criteria to select targets. △ Less
Submitted 13 March, 2024; originally announced March 2024.
Comments: 19 pages, 12+3 figures, submitted to A&A
arXiv:2301.13188  [pdf, other]  cs.CR cs.LG
Extracting Training Data from Diffusion Models
Authors: Nicholas Carlini, Jamie Hayes
Abstract: Image diffusion models have been shown to memorize training images.
Submitted 30 January, 2023; originally announced January 2023.
"""


def test_search_results_layout():
    assert detect(SEARCH) == "arxiv"
    result = parse_text(SEARCH, CTX)
    assert [e.arxiv_id for e in result.entries] == ["2403.08726", "2301.13188"]
    a, b = result.entries
    assert a.title == "Euclid: Testing photometric selection of emission-line galaxy targets"
    assert a.authors == ["M. S. Cagliari", "B. R. Granett", "L. Guzzo"]
    assert a.authors_truncated and a.author_count == 87
    assert a.date == "2024-03-13"
    assert a.topics == ["astro-ph.CO"]
    assert a.abstract == (
        "Multi-object spectroscopic galaxy surveys typically make use of photometric and colour "
        "criteria to select targets."
    )
    assert b.topics == ["cs.CR", "cs.LG"]
    assert b.date == "2023-01-30"
    assert b.abstract == "Image diffusion models have been shown to memorize training images."


def test_windows_line_endings_and_no_blank_lines(listing):
    crlf = listing.replace("\n", "\r\n").replace("\u00a0", " ")
    result = parse_text(crlf, CTX)
    assert len(result.entries) == 76
    assert result.entries[0].title.endswith("emission-line galaxy targets")


def test_blank_lines_between_every_line(listing):
    spaced = "\n\n".join(listing.split("\n"))
    result = parse_text(spaced, CTX)
    assert len(result.entries) == 76
    assert result.entries[1].authors == [
        "Mar Bastero-Gil",
        "Teresa Huertas-Roldan",
        "Daniel Santos",
    ]


def test_pasted_twice_keeps_each_paper_once(listing):
    result = parse_text(listing + "\n" + listing, CTX)
    assert len(result.entries) == 76
    assert any("more than once" in w for w in result.warnings)


def test_partial_paste_cut_mid_entry(listing):
    cut = listing[
        : listing.index("[4]  arXiv:2403.08611") + len("[4]  arXiv:2403.08611 [pdf, other]\nGalaxy")
    ]
    result = parse_text(cut, CTX)
    assert [e.arxiv_id for e in result.entries][:3] == ["2403.08726", "2403.08666", "2403.08634"]
    assert result.entries[2].authors[-1] == "Pierluigi Monaco"
    assert any("cut off" in w for w in result.warnings)
    # the stated total no longer matches what was read: the user is told
    assert any("says it lists 76" in w for w in result.warnings)


def test_entries_dropped_from_the_middle(listing):
    lines = normalize_text(listing).split("\n")
    start = lines.index("[2]  arXiv:2403.08666 [pdf, other]")
    end = lines.index("[4]  arXiv:2403.08611 [pdf, other]")
    result = parse_text("\n".join(lines[:start] + lines[end:]), CTX)
    assert len(result.entries) == 74
    assert result.entries[1].arxiv_id == "2403.08611"


def test_sniff_is_low_on_other_formats(listings_dir, seeds_dir):
    for path in [*seeds_dir.glob("*.txt"), *listings_dir.glob("*.txt")]:
        if path.name == "arxiv_list_1.txt":
            continue
        assert arxiv_listing.sniff(normalize_text(path.read_text(encoding="utf-8"))) < 0.3, (
            path.name
        )


def test_adversarial_long_line_does_not_hang():
    line = "[1] arXiv:" + "2403.0872 " * 100_000 + "\n" + "Subjects: (" * 50_000
    result = arxiv_listing.parse(line, CTX)
    assert isinstance(result.warnings, list)


NEW_LAYOUT = """\
Computation and Language
Showing new listings for Friday, 15 March 2024
Total of 3 entries
New submissions (showing 2 of 2 entries)
[1] arXiv:2403.09040 [pdf, html, other]
Title: RAGGED: Towards Informed Design of Retrieval Augmented Generation Systems
Jennifer Hsia, Afreen Shaikh, Zhiruo Wang, Graham Neubig
Comments: Project page: this https URL
Subjects: Computation and Language (cs.CL); Artificial Intelligence (cs.AI)
Retrieval-augmented generation (RAG) greatly benefits language models by providing
additional context for tasks such as document-based question answering.
[2] arXiv:2403.09032 [pdf, other]
Title: CodeUltraFeedback: An LLM-as-a-Judge Dataset
Martin Weyssow, Aton Kamanda, Houari Sahraoui
Subjects: Software Engineering (cs.SE); Computation and Language (cs.CL)
Cross submissions (showing 1 of 1 entries)
[3] arXiv:2403.08999 (cross-list from cs.LG) [pdf, html, other]
Title: Solo
Andre Maeder
Subjects: Machine Learning (cs.LG); Computation and Language (cs.CL)
"""


def test_new_listing_layout_title_label_shown_authors_hidden():
    result = parse_text(NEW_LAYOUT, CTX)
    assert result.format == "arxiv"
    assert [e.arxiv_id for e in result.entries] == ["2403.09040", "2403.09032", "2403.08999"]
    a, b, c = result.entries
    assert a.title == "RAGGED: Towards Informed Design of Retrieval Augmented Generation Systems"
    assert a.authors == ["Jennifer Hsia", "Afreen Shaikh", "Zhiruo Wang", "Graham Neubig"]
    assert a.abstract.startswith("Retrieval-augmented generation (RAG)")
    assert a.date == "2024-03-15" and a.topics == ["cs.CL", "cs.AI"]
    assert b.authors == ["Martin Weyssow", "Aton Kamanda", "Houari Sahraoui"]
    assert b.topics == ["cs.SE", "cs.CL"]
    assert c.title == "Solo" and c.authors == ["Andre Maeder"]
    assert not any("says it lists" in w for w in result.warnings)


def test_numbered_search_results_are_arxiv_not_references():
    numbered = "\n".join(
        f"{n}. {line}" if line.startswith("arXiv:") else line
        for n, line in enumerate(SEARCH.split("\n"), start=1)
    )
    assert detect(numbered) == "arxiv"
    result = parse_text(numbered, CTX)
    assert [e.arxiv_id for e in result.entries] == ["2403.08726", "2301.13188"]
    assert result.entries[1].authors == ["Nicholas Carlini", "Jamie Hayes"]
