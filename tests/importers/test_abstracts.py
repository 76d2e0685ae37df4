"""Abstract-only institution listing (format 4): one entry per "Abstract:"
paragraph, no invented titles (a provisional one, kept apart and flagged),
the institution heading as organisation, and damaged pastes.

The table was written from reading the seed file paragraph by paragraph (the
first and last 45 characters of each abstract as printed, TeX kept).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from readinglist.core.entry import ParseContext
from readinglist.importers.listing import abstracts, detect

REF = ParseContext(reference_date=date(2026, 11, 22))
INSTITUTION = "The Hong Kong Polytechnic University"

# fmt: off
ABSTRACT_ENTRIES = [
    # abstract start, end
    ('This paper studies interpretable and fair art', 'nhance the details explained by transformers.'),
    ('We study the problem of learning a low-degree', 'he regular Neural Tangent Kernel (NTK) limit.'),
    ('Understanding the internal functional organiz', "cal blank in LLM's interpretability research."),
    ('High-precision scene parsing tasks, including', 'y and qualitatively outperforms SOTA methods.'),
    ('Training large language models often employs ', 'ng comparable model accuracy to the Baseline.'),
    ('In recent years, the performance of lightweig', 'rior performance quantitatively and visually.'),
    ('Large language models (LLMs) have shown remar', 'ing alignment in resource-constrained models.'),
    ('Action recognition models using deep learning', 's://github.com/mlvccn/BMTC_TransferAttackVid.'),
    ('In the classic expert problem, $\\Phi$-regret ', 'ting ones from Anagnostides et al., [2022a,b]'),
    ('The impressive capabilities of Large Language', 'usage and a 2.3 times increase in throughput.'),
]
# fmt: on


@pytest.fixture
def abs_text(seeds_dir: Path) -> str:
    (path,) = seeds_dir.glob("004_*.txt")
    return path.read_text(encoding="utf-8")


def test_seed_is_detected_and_counted(abs_text):
    assert detect.detect(abs_text) == "abstracts"
    result = detect.parse_text(abs_text, REF)
    assert result.format == "abstracts"
    assert len(result.entries) == len(ABSTRACT_ENTRIES) == 10
    assert any("no title" in w for w in result.warnings)


@pytest.mark.parametrize("index", range(len(ABSTRACT_ENTRIES)))
def test_entry_fields(abs_text, index):
    start, end = ABSTRACT_ENTRIES[index]
    entry = detect.parse_text(abs_text, REF).entries[index]
    assert entry.title is None
    assert entry.abstract.startswith(start) and entry.abstract.endswith(end)
    assert not entry.abstract.startswith("Abstract")
    assert entry.organization == INSTITUTION
    assert entry.needs_review is True
    assert any("provisional" in r for r in entry.review_reasons)
    assert entry.provisional_title and entry.display_title == entry.provisional_title
    first_words = " ".join(entry.abstract.split()[:4])
    assert entry.provisional_title.startswith(first_words)
    assert entry.authors == [] and entry.date is None and entry.year is None


def test_tex_is_kept_as_printed(abs_text):
    entries = detect.parse_text(abs_text, REF).entries
    assert "$k_0 = \u0398(1) \\ge 1$" in entries[1].abstract
    assert "$\\Phi$-regret" in entries[8].abstract


def test_provisional_title_is_short_and_marked():
    long = "We study the problem of learning a low-degree spherical polynomial of degree k."
    assert (
        abstracts.provisional_title(long)
        == "We study the problem of learning a low-degree spherical polynomial\u2026"
    )
    assert (
        abstracts.provisional_title("Sparse attention is fast. More text follows here.")
        == "Sparse attention is fast"
    )


def test_several_headings_each_apply_to_their_entries():
    text = (
        "University of Somewhere\n"
        "Abstract:We present a method for sparse attention that is fast and accurate in practice.\n"
        "Institute of Elsewhere\n\n"
        "Abstract: Our second paper shows that things are different when they are measured.\n"
        "Abstract — A third one, with a dash label, about graphs and how they grow over time.\n"
    )
    result = abstracts.parse(text, REF)
    assert [e.organization for e in result.entries] == [
        "University of Somewhere", "Institute of Elsewhere", "Institute of Elsewhere"]  # fmt: skip
    assert result.entries[2].abstract.startswith("A third one")


def test_label_on_its_own_line_and_wrapped_paragraphs():
    text = (
        "Some Lab\nAbstract\nFirst paragraph of a long abstract that goes on for quite a while and "
        "keeps going until the line is long enough to be prose rather than a heading at all.\n"
        "A second paragraph of the same abstract, also long enough to be read as prose, and it "
        "ends with a full stop like a sentence does.\n"
    )
    (entry,) = abstracts.parse(text, REF).entries
    assert entry.abstract.count("\n") == 1 and entry.organization == "Some Lab"


def test_crlf_blank_lines_and_duplicates(abs_text):
    text = (abs_text + "\n\n" + abs_text).replace("\n", "\r\n\r\n")
    result = detect.parse_text(text, REF)
    assert len(result.entries) == 10
    assert any("10 entries appear more than once" in w for w in result.warnings)


def test_cut_mid_abstract_keeps_the_paragraph(abs_text):
    lines = abs_text.split("\n")
    text = "\n".join(lines[:3] + [lines[3][:200]])
    result = detect.parse_text(text, REF)
    assert len(result.entries) == 3
    assert result.entries[2].abstract == lines[3][:200][len("Abstract:") :]


def test_empty_label_is_reported():
    result = abstracts.parse("Lab\nAbstract:\n\n", REF)
    assert result.entries == []
    assert any("Skipped" in w or "No" in w for w in result.warnings)


def test_sniff_does_not_claim_other_formats(listings_dir, seeds_dir):
    others = list(listings_dir.glob("*.txt")) + [p for p in seeds_dir.glob("00[023]_*.txt")]
    for path in others:
        text = detect.normalize_text(path.read_text(encoding="utf-8"))
        assert abstracts.sniff(text) < 0.2, path.name


def test_headings_above_single_abstracts_are_titles():
    text = (
        "Sparse Attention for Everyone\n"
        "Abstract: We present a method for sparse attention that is fast and accurate.\n\n"
        "Dense Retrieval Revisited\n"
        "Abstract: We revisit dense retrieval and find that it still works very well.\n"
    )
    result = abstracts.parse(text, REF)
    assert [e.title for e in result.entries] == [
        "Sparse Attention for Everyone",
        "Dense Retrieval Revisited",
    ]
    assert all(not e.needs_review and e.organization is None for e in result.entries)
    assert result.warnings == []


def test_a_note_with_title_authors_and_abstract_label_goes_to_generic():
    text = (
        "Attention Is All You Need\n"
        "Ashish Vaswani, Noam Shazeer, Niki Parmar\n"
        "Abstract: The dominant sequence transduction models are based on complex recurrent "
        "or convolutional neural networks.\n\n"
        "Deep Residual Learning for Image Recognition\n"
        "Kaiming He, Xiangyu Zhang, Shaoqing Ren, Jian Sun\n"
        "Abstract: Deeper neural networks are more difficult to train; we present a residual "
        "learning framework.\n"
    )
    for note in (text.split("\n\n")[0] + "\n", text):
        assert abstracts.sniff(detect.normalize_text(note)) < 0.05
        result = detect.parse_text(note, REF)
        assert result.format == "generic"
        assert result.entries[0].title == "Attention Is All You Need"
        assert result.entries[0].authors[0] == "Ashish Vaswani"


def test_a_lone_abstract_is_still_read_when_nothing_else_can():
    text = "Abstract: We present a method for sparse attention that is fast and accurate.\n"
    result = detect.parse_text(text, REF)
    assert result.format == "abstracts" and len(result.entries) == 1
    assert result.entries[0].needs_review
