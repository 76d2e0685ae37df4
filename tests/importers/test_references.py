"""Reference lists: split per reference, authors, title, venue, year, ids."""

from __future__ import annotations

from datetime import date

import pytest

from readinglist.core.entry import ParseContext
from readinglist.importers.listing import references
from readinglist.importers.listing.detect import detect, normalize_text, parse_text

CTX = ParseContext(reference_date=date(2026, 11, 22))


@pytest.fixture
def refs(listings_dir) -> str:
    return (listings_dir / "references_3.txt").read_text(encoding="utf-8")


def test_real_acm_list(refs):
    assert detect(refs) == "references"
    result = parse_text(refs, CTX)
    assert result.format == "references"
    assert len(result.entries) == 7
    assert result.warnings == []


def test_first_three_field_by_field(refs):
    e1, e2, e3 = parse_text(refs, CTX).entries[:3]
    assert e1.authors == [
        "Fei Sun",
        "Jun Liu",
        "Jian Wu",
        "Changhua Pei",
        "Xiao Lin",
        "Wenwu Ou",
        "Peng Jiang",
    ]
    assert e1.year == 2019
    assert e1.title == (
        "BERT4Rec: Sequential Recommendation with Bidirectional Encoder Representations from Transformer"
    )
    assert "CIKM \u201919" in e1.venue and e1.pages == "1441\u20131450"

    assert e2.authors[0] == "Ashish Vaswani" and e2.authors[-1] == "Illia Polosukhin"
    assert len(e2.authors) == 8
    assert e2.authors[6] == "\u0141ukasz Kaiser"  # the PDF artefact "\u0141 ukasz" is joined
    assert e2.year == 2017 and e2.title == "Attention is All you Need"
    assert e2.venue == "Advances in Neural Information Processing Systems" and e2.volume == "30"

    assert e3.authors == ["Wang-Cheng Kang", "Julian J. McAuley"]
    assert e3.year == 2018 and e3.title == "Self-Attentive Sequential Recommendation"
    assert "ICDM 2018" in e3.venue and e3.pages == "197\u2013206"


def test_hard_line_breaks_joined_and_later_entries(refs):
    entries = parse_text(refs, CTX).entries
    e6 = entries[5]
    assert e6.title == "Top-N Recommendation Algorithms: A Quest for the State-of-the-Art"
    assert e6.year == 2022 and e6.pages == "121\u2013131"
    assert e6.raw.count("\n") == 2  # the raw block keeps the original lines
    assert entries[4].venue == "User-Modeling and User-Adapted Interaction"
    assert entries[4].pages == "331\u2013390"
    assert entries[6].authors == [
        "James Bergstra",
        "R\u00e9mi Bardenet",
        "Yoshua Bengio",
        "Bal\u00e1zs K\u00e9gl",
    ]
    assert (
        entries[6].venue == "Advances in Neural Information Processing Systems"
    )  # editors dropped


STYLES = """\
References
1. A. Vaswani, N. Shazeer, and N. Parmar, "Attention is all you need," in Proc. NeurIPS, 2017, pp. 5998\u20136008.
2. Vaswani, A., Shazeer, N., & Parmar, N. (2017). Attention is all you need. Advances in Neural Information
Processing Systems, 30, 5998\u20136008. https://doi.org/10.5555/3295222.3295349
3. Kang, W.C., McAuley, J.: Self-attentive sequential recommendation. In: ICDM, pp. 197\u2013206. IEEE (2018)
4. Devlin J, Chang MW, Lee K, Toutanova K. BERT: pre-training of deep bidirectional transformers for
language understanding. arXiv preprint arXiv:1810.04805. 2018.
5. LeCun, Y., Bengio, Y. & Hinton, G. Deep learning. Nature 521, 436\u2013444 (2015).
"""


@pytest.mark.parametrize(
    ("index", "first_author", "title", "year"),
    [
        (0, "A. Vaswani", "Attention is all you need", 2017),  # IEEE
        (1, "A. Vaswani", "Attention is all you need", 2017),  # APA
        (2, "W.C. Kang", "Self-attentive sequential recommendation", 2018),  # Springer LNCS
        (
            3,
            "Devlin J",
            "BERT: pre-training of deep bidirectional transformers for language understanding",
            2018,
        ),  # Vancouver
        (4, "Y. LeCun", "Deep learning", 2015),  # Nature
    ],
)
def test_common_styles(index, first_author, title, year):
    result = parse_text(STYLES, CTX)
    assert result.format == "references"
    assert len(result.entries) == 5
    e = result.entries[index]
    assert e.authors[0] == first_author
    assert e.title == title
    assert e.year == year


def test_ids_pulled_from_references():
    entries = parse_text(STYLES, CTX).entries
    assert entries[1].doi == "10.5555/3295222.3295349"
    assert entries[3].arxiv_id == "1810.04805"
    assert entries[0].venue == "Proc. NeurIPS"
    assert entries[4].venue == "Nature" and entries[4].pages == "436\u2013444"


def test_wrapped_line_starting_with_a_number_does_not_split():
    text = (
        "[1] Jane Doe and John Roe. 2020. A title that wraps. In Proceedings of the\n"
        "30. Conference on Things. 1\u201310.\n"
        "[2] Ann Poe. 2021. Another title. Journal of Stuff 3, 4 (2021), 5\u20136.\n"
    )
    result = parse_text(text, CTX)
    assert len(result.entries) == 2
    assert result.entries[0].title == "A title that wraps"


def test_bulleted_unnumbered_and_pasted_twice(refs):
    bullets = "\n".join(
        "- " + line.split("] ", 1)[1] if line.startswith("[") else line
        for line in normalize_text(refs).split("\n")
    )
    result = parse_text(bullets, CTX)
    assert len(result.entries) == 7
    twice = parse_text(refs + "\n" + refs, CTX)
    assert len(twice.entries) == 7
    assert any("twice" in w for w in twice.warnings)


def test_partial_paste(refs):
    cut = refs[: refs.index("[7] James Bergstra") + len("[7] James Bergstra, R")]
    result = parse_text(cut, CTX)
    assert len(result.entries) == 7
    assert result.entries[5].year == 2022
    assert any("cut" in w for w in result.warnings)


def test_sniff_low_elsewhere(listings_dir, seeds_dir):
    for path in [*seeds_dir.glob("*.txt"), *listings_dir.glob("*.txt")]:
        if path.name != "references_3.txt":
            assert references.sniff(normalize_text(path.read_text(encoding="utf-8"))) < 0.3, (
                path.name
            )


NEURIPS_STYLE = """\
[1] A. Vaswani, N. Shazeer, N. Parmar, J. Uszkoreit, L. Jones, A. N. Gomez, \u0141. Kaiser, and I. Polosukhin. Attention is all you need. In NeurIPS, 2017.
[2] K. He, X. Zhang, S. Ren, and J. Sun. Deep residual learning for image recognition. In CVPR, pages 770\u2013778, 2016.
[3] J. Devlin, M.-W. Chang, K. Lee, and K. Toutanova. BERT: Pre-training of deep bidirectional transformers for language understanding. arXiv preprint arXiv:1810.04805, 2018.
[4] OpenAI. GPT-4 technical report. arXiv:2303.08774, 2023.
"""


def test_conference_style_with_initials_and_colons_in_titles():
    entries = parse_text(NEURIPS_STYLE, CTX).entries
    assert [e.year for e in entries] == [2017, 2016, 2018, 2023]
    assert entries[0].authors[-1] == "I. Polosukhin" and len(entries[0].authors) == 8
    assert entries[0].venue == "NeurIPS"
    assert entries[1].venue == "CVPR" and entries[1].pages == "770\u2013778"
    assert entries[2].authors == ["J. Devlin", "M.-W. Chang", "K. Lee", "K. Toutanova"]
    assert entries[2].title.startswith("BERT: Pre-training of deep bidirectional")
    assert entries[2].arxiv_id == "1810.04805"
    assert entries[3].authors == ["OpenAI"] and entries[3].arxiv_id == "2303.08774"
    assert entries[3].title == "GPT-4 technical report"
