"""PDF extraction on eight real papers (../shared/fixtures/pdfs, README = ground truth).

Each file is read once through the real worker processes (``extract_pdf``)
and every field the README lists is checked: title exactly, the first three
authors in order, year, arXiv id and primary category, DOI, page count.
"""

from __future__ import annotations

import pytest

from readinglist.core.entry import PdfExtraction
from readinglist.importers.pdf import extract_pdf

_cache: dict[str, PdfExtraction] = {}


def read(pdf_fixtures, name: str) -> PdfExtraction:
    path = pdf_fixtures / name
    if str(path) not in _cache:
        _cache[str(path)] = extract_pdf(path)
    return _cache[str(path)]


# name, title, first authors, year, arXiv id (with version), category, DOI, pages
TRUTH = [
    ("arxiv1504_influential_nodes.pdf",
     "Improving Detection of Influential Nodes in Complex Networks",
     ["Amir Sheikhahmadi", "Mohammad A. Nematbakhsh", "Arman Shokrollahi"],
     2015, "1504.06236v2", "cs.SI", None, 17),
    ("tracemonkey_pldi2009.pdf",
     "Trace-based Just-in-Time Type Specialization for Dynamic Languages",
     ["Andreas Gal", "Brendan Eich", "Mike Shaver"], 2009, None, None, None, 14),
    ("dycos_german_arxiv1512.pdf",
     "Über die Klassifizierung von Knoten in dynamischen Netzwerken mit Inhalt",
     ["Martin Thoma"], 2015, "1512.04469v1", "cs.LG", None, 6),
    ("layoutparser_lncs_excerpt.pdf",
     "LayoutParser: A Unified Toolkit for Deep Learning Based Document Image Analysis",
     ["Zejiang Shen", "Ruochen Zhang", "Melissa Dell"], 2021, "2103.15348v2", "cs.CV", None, 2),
    ("strain_sensor_elsarticle_arxiv2201.pdf",
     "Low-Power Silicon Strain Sensor Based on CMOS Current Reference Topology",
     ["Nicolas Roisin", "Thibault P. Delhaye", "Nicolas André"],
     2022, "2201.13352v1", "physics.app-ph", None, 12),
    ("multilexsum_neurips_preprint2022.pdf",
     "Multi-LexSum: Real-World Summaries of Civil Rights Lawsuits at Multiple Granularities",
     ["Zejiang Shen", "Kyle Lo", "Lauren Yu"], 2022, "2206.10883v3", "cs.CL", None, 37),
    ("wheat_heat_stress_plosone2018.pdf",
     "Comparative physiological and metabolomics analysis of wheat (Triticum aestivum L.) "
     "following post-anthesis heat stress",
     ["Kayla Thomason", "Md Ali Babar", "John E. Erickson"],
     2018, None, None, "10.1371/journal.pone.0197919", 21),
    ("solitary_waves_zfn1999_scanned_ocr.pdf",
     "Exact Solitary-wave Solutions for the General Fifth-order Shallow Water-wave Models",
     ["Woo-Pyo Hong", "Young-Dae Jung"], 1999, None, None, None, 2),
]
IDS = [t[0].split("_")[0] for t in TRUTH]


@pytest.mark.parametrize("truth", TRUTH, ids=IDS)
def test_title_is_the_printed_title(pdf_fixtures, truth):
    ex = read(pdf_fixtures, truth[0])
    assert ex.error is None
    assert ex.entry is not None
    assert ex.entry.title == truth[1]
    assert ex.confidence["title"] >= 0.5


@pytest.mark.parametrize("truth", TRUTH, ids=IDS)
def test_first_authors_in_order(pdf_fixtures, truth):
    ex = read(pdf_fixtures, truth[0])
    assert ex.entry.authors[: len(truth[2])] == truth[2]


@pytest.mark.parametrize("truth", TRUTH, ids=IDS)
def test_year_ids_and_pages(pdf_fixtures, truth):
    name, _title, _authors, year, arxiv_id, category, doi, pages = truth
    ex = read(pdf_fixtures, name)
    entry = ex.entry
    assert entry.year == year
    assert entry.arxiv_id == arxiv_id
    assert entry.topics == ([category] if category else [])
    assert entry.doi == doi
    assert ex.page_count == pages


def test_every_author_of_a_long_list_is_found(pdf_fixtures):
    ex = read(pdf_fixtures, "tracemonkey_pldi2009.pdf")
    assert len(ex.entry.authors) == 16
    assert ex.entry.authors[-1] == "Michael Franz"
    ex = read(pdf_fixtures, "layoutparser_lncs_excerpt.pdf")
    # a name broken across two lines ("Benjamin Charles Germain" / "Lee")
    assert "Benjamin Charles Germain Lee" in ex.entry.authors
    assert len(ex.entry.authors) == 6


def test_grid_of_authors_with_symbol_markers(pdf_fixtures):
    ex = read(pdf_fixtures, "multilexsum_neurips_preprint2022.pdf")
    assert ex.entry.authors == [
        "Zejiang Shen", "Kyle Lo", "Lauren Yu", "Nathan Dahlberg", "Margo Schlanger",
        "Doug Downey",
    ]


@pytest.mark.parametrize("name, starts", [
    ("arxiv1504_influential_nodes.pdf", "Recently an increasing amount of research"),
    ("tracemonkey_pldi2009.pdf", "Dynamic languages such as JavaScript are more difficult"),
    ("dycos_german_arxiv1512.pdf", "In dieser Arbeit wird der DYCOS"),
    ("layoutparser_lncs_excerpt.pdf", "Recent advances in document image analysis"),
    ("strain_sensor_elsarticle_arxiv2201.pdf", "A strain sensor inspired by a Widlar"),
    ("multilexsum_neurips_preprint2022.pdf", "With the advent of large language models"),
    ("wheat_heat_stress_plosone2018.pdf", "Genetic improvement for stress tolerance"),
    ("solitary_waves_zfn1999_scanned_ocr.pdf", "We perform a computerized symbolic computation"),
])
def test_abstract_is_the_abstract(pdf_fixtures, name, starts):
    abstract = read(pdf_fixtures, name).entry.abstract
    assert abstract is not None and abstract.startswith(starts)
    # it stops before the keywords / contents / introduction
    for word in ("Keywords", "Contents", "Introduction", "Categories and Subject"):
        assert word not in abstract


def test_full_text_and_thumbnail_come_with_every_paper(pdf_fixtures):
    for truth in TRUTH:
        ex = read(pdf_fixtures, truth[0])
        assert ex.thumbnail_png is not None and ex.thumbnail_png.startswith(b"\x89PNG")
        assert len(ex.full_text) > 1000
        assert ex.sha256 and len(ex.sha256) == 64
        assert ex.size == (pdf_fixtures / truth[0]).stat().st_size
        assert not ex.entry.needs_review


def test_reference_list_ids_are_not_taken(pdf_fixtures):
    # the strain paper cites 30 DOIs and the NeurIPS paper many arXiv ids;
    # only the paper's own (stamp) ids may appear
    assert read(pdf_fixtures, "strain_sensor_elsarticle_arxiv2201.pdf").entry.doi is None
    assert read(pdf_fixtures, "multilexsum_neurips_preprint2022.pdf").entry.arxiv_id == \
        "2206.10883v3"
