"""BibTeX from several exporters, and RIS records."""

from __future__ import annotations

from datetime import date

import pytest

from readinglist.core.entry import ParseContext
from readinglist.importers.listing import bibtex, ris
from readinglist.importers.listing.detect import detect, normalize_text, parse_text

CTX = ParseContext(reference_date=date(2026, 11, 22))


@pytest.fixture
def bib(listings_dir) -> str:
    return (listings_dir / "bibtex_1.txt").read_text(encoding="utf-8")


def test_bibtex_file_detected_and_counted(bib):
    assert detect(bib) == "bibtex"
    result = parse_text(bib, CTX)
    assert result.format == "bibtex"
    assert [e.citekey for e in result.entries] == [
        "Yang2019XLNetGA",
        "ovadia2019can",
        "richter2016gta5",
        "wang-etal-2017-gated",
    ]
    assert result.warnings == []


def test_bibtex_entries_field_by_field(bib):
    e1, e2, e3, e4 = parse_text(bib, CTX).entries
    assert e1.title == "XLNet: Generalized Autoregressive Pretraining for Language Understanding"
    assert e1.authors == [
        "Z. Yang",
        "Zihang Dai",
        "Yiming Yang",
        "J. Carbonell",
        "R. Salakhutdinov",
        "Quoc V. Le",
    ]
    assert e1.venue == "NeurIPS" and e1.year == 2019 and e1.entry_type == "inproceedings"

    # tab-aligned fields, a title and author list wrapped over lines
    assert e2.title == (
        "Can you trust your model's uncertainty? Evaluating predictive uncertainty under dataset shift"
    )
    assert e2.authors == [
        "Yaniv Ovadia",
        "Emily Fertig",
        "Jie Ren",
        "Zachary Nado",
        "David Sculley",
        "Sebastian Nowozin",
        "Joshua Dillon",
        "Balaji Lakshminarayanan",
        "Jasper Snoek",
    ]
    assert e2.venue == "Advances in Neural Information Processing Systems"
    assert e2.year == 2019 and e2.pages == "13991\u201314002"

    assert e3.title == "Playing for Data: Ground Truth from Computer Games"
    assert e3.authors == ["Stephan R. Richter", "Vibhav Vineet", "Stefan Roth", "Vladlen Koltun"]
    assert e3.venue == "Lecture Notes in Computer Science"
    assert e3.year == 2016 and e3.pages == "102\u2013118"
    assert e3.doi == "10.1007/978-3-319-46475-6_7"  # upper-case DOI= field
    assert e3.publisher == "Springer International Publishing"

    assert e4.doi == "10.18653/v1/P17-1018"
    assert e4.date == "2017-07" and e4.year == 2017  # month = jul
    assert e4.url == "https://www.aclweb.org/anthology/P17-1018"
    assert e4.abstract.startswith("In this paper, we present the gated self-matching networks")
    assert "71.3%" in e4.abstract  # {\%} unescaped
    assert e4.raw.startswith("@inproceedings{wang-etal-2017-gated,")


def test_latex_accents_arxiv_eprint_and_others():
    text = r"""@article{muller2024,
  title = {{\"U}ber die {B}ewegung: a caf{\'e} study of M\"{o}bius strips and \ss{}},
  author = {M{\"u}ller, J{\"o}rg and Garc{\'\i}a, Jos{\'e} and others},
  journal = {arXiv preprint},
  eprint = {2403.08726v2},
  archivePrefix = {arXiv},
  primaryClass = {cs.CL},
  year = 2024,
  month = {mar},
}"""
    result = parse_text(text, CTX)
    (e,) = result.entries
    assert e.title == "Über die Bewegung: a café study of Möbius strips and ß"
    assert e.authors == ["Jörg Müller", "José García"]
    assert e.authors_truncated
    assert e.arxiv_id == "2403.08726"
    assert e.topics == ["cs.CL"]
    assert e.date == "2024-03"


def test_malformed_entry_warns_and_others_survive(bib):
    broken = bib.replace(
        "@article{richter2016gta5,", "@article{richter2016gta5,\n\ttitle={Unclosed", 1
    )
    result = parse_text(broken + "\n@misc{late, title={Still here}, year={2020}}\n", CTX)
    keys = [e.citekey for e in result.entries]
    assert "Yang2019XLNetGA" in keys and "ovadia2019can" in keys and "late" in keys
    assert any("Could not read the BibTeX entry" in w for w in result.warnings)


def test_bibtex_pasted_twice_and_crlf(bib):
    result = parse_text((bib + "\n" + bib).replace("\n", "\r\n"), CTX)
    assert len(result.entries) == 4
    assert any("pasted twice" in w for w in result.warnings)


def test_bibtex_sniff_low_elsewhere(listings_dir, seeds_dir):
    for path in [*seeds_dir.glob("*.txt"), *listings_dir.glob("*.txt")]:
        if path.name != "bibtex_1.txt":
            assert bibtex.sniff(normalize_text(path.read_text(encoding="utf-8"))) < 0.3, path.name


RIS = """\
TY  - JOUR
AU  - Aharonov, Y.
AU  - Bohm, D.
TI  - Significance of Electromagnetic Potentials in the
      Quantum Theory
JO  - Physical Review
PY  - 1959/08/15/
VL  - 115
SP  - 485
EP  - 491
DO  - 10.1103/PhysRev.115.485
UR  - https://link.aps.org/doi/10.1103/PhysRev.115.485
AB  - In this paper, we discuss some interesting properties of the electromagnetic potentials.
ER  -

TY  - CONF
A1  - Vaswani, Ashish
A1  - Shazeer, Noam
T1  - Attention is All you Need
T2  - Advances in Neural Information Processing Systems
DA  - 2017
UR  - https://arxiv.org/abs/1706.03762
ER  -
"""


def test_ris_records():
    assert detect(RIS) == "ris"
    result = parse_text(RIS, CTX)
    assert result.format == "ris"
    a, b = result.entries
    assert a.title == "Significance of Electromagnetic Potentials in the Quantum Theory"
    assert a.authors == ["Y. Aharonov", "D. Bohm"]
    assert a.venue == "Physical Review"
    assert a.date == "1959-08-15" and a.year == 1959
    assert a.doi == "10.1103/PhysRev.115.485"
    assert a.pages == "485\u2013491" and a.volume == "115"
    assert a.abstract.startswith("In this paper")
    assert a.entry_type == "article"
    assert b.entry_type == "inproceedings"
    assert b.authors == ["Ashish Vaswani", "Noam Shazeer"]
    assert b.title == "Attention is All you Need"
    assert b.year == 2017 and b.arxiv_id == "1706.03762"
    assert result.warnings == []


def test_ris_cut_off_record_is_kept_with_warning():
    cut = RIS[: RIS.index("T2  - Advances")]
    result = parse_text(cut, CTX)
    assert len(result.entries) == 2
    assert result.entries[1].title == "Attention is All you Need"
    assert any("cut off" in w for w in result.warnings)


def test_ris_matches_rispy_reading():
    rispy = pytest.importorskip("rispy")
    ours = parse_text(RIS, CTX).entries
    theirs = rispy.loads(RIS)
    assert [e.doi for e in ours][:1] == [theirs[0]["doi"]]
    assert len(ours) == len(theirs)


def test_ris_sniff_low_elsewhere(listings_dir, seeds_dir):
    for path in [*seeds_dir.glob("*.txt"), *listings_dir.glob("*.txt")]:
        assert ris.sniff(normalize_text(path.read_text(encoding="utf-8"))) < 0.3, path.name


def test_bibtex_partial_paste_cut_mid_entry(bib):
    cut = bib[: bib.index("pages={102")]
    result = parse_text(cut, CTX)
    assert [e.citekey for e in result.entries] == ["Yang2019XLNetGA", "ovadia2019can"]
    assert any(
        "Could not read the BibTeX entry" in w and "richter2016gta5" in w for w in result.warnings
    )
