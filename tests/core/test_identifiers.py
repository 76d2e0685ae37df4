"""arXiv ids and DOIs: found, validated and normalised the way a user pastes them."""

from __future__ import annotations

import pytest

from readinglist.core.identifiers import (
    arxiv_base_id,
    arxiv_year_month,
    doi_key,
    find_arxiv_ids,
    find_dois,
    find_identifiers,
    find_urls,
    is_arxiv_id,
    is_doi,
    normalize_arxiv_id,
    normalize_doi,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2403.08726", "2403.08726"),
        ("2403.08726v2", "2403.08726v2"),
        ("arXiv:2403.08726", "2403.08726"),
        ("arxiv: 2403.08726v3", "2403.08726v3"),
        ("https://arxiv.org/abs/2403.08726v1", "2403.08726v1"),
        ("http://arxiv.org/pdf/2403.08726.pdf", "2403.08726"),
        ("https://arxiv.org/pdf/2403.08726v2", "2403.08726v2"),
        ("https://export.arxiv.org/abs/2301.13188", "2301.13188"),
        ("https://www.alphaxiv.org/abs/2403.08726", "2403.08726"),
        ("https://www.alphaxiv.org/overview/2403.08726v1", "2403.08726v1"),
        ("https://huggingface.co/papers/2403.08726", "2403.08726"),
        ("hep-th/9901001", "hep-th/9901001"),
        ("hep-th/9901001v2", "hep-th/9901001v2"),
        ("math.AG/0601001", "math.AG/0601001"),
        ("https://arxiv.org/abs/hep-th/9901001", "hep-th/9901001"),
        ("arXiv:cond-mat/0207270", "cond-mat/0207270"),
        ("0704.0001", "0704.0001"),
        ("<2403.08726>", "2403.08726"),
    ],
)
def test_arxiv_ids_in_every_printed_form(text, expected):
    assert normalize_arxiv_id(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2413.08726",  # month 13
        "1501.0001",  # 5-digit numbers since 2015
        "1412.00001",  # 4-digit numbers before
        "foo-bar/9901001",  # not an arXiv archive
        "hep-th/9913001",  # month 13
        "3.14159",
        "2403.087261",
        "see 2403.08726 here",  # a sentence, not an identifier
        "",
    ],
)
def test_things_that_are_not_arxiv_ids(text):
    assert normalize_arxiv_id(text) is None
    assert not is_arxiv_id(text)


def test_version_less_id_for_matching():
    assert arxiv_base_id("2403.08726v12") == "2403.08726"
    assert arxiv_base_id("hep-th/9901001v2") == "hep-th/9901001"
    assert arxiv_base_id("2403.08726") == "2403.08726"


def test_year_and_month_encoded_in_ids():
    assert arxiv_year_month("2403.08726") == (2024, 3)
    assert arxiv_year_month("hep-th/9901001") == (1999, 1)
    assert arxiv_year_month("0704.0001v1") == (2007, 4)


def test_find_arxiv_ids_in_running_text():
    text = (
        "See arXiv:2403.08726v2, https://arxiv.org/abs/hep-th/9901001 and (2305.14251). "
        "Not 12345.6789 nor 3.1415, nor version 2403.0872."
    )
    assert find_arxiv_ids(text) == ["2403.08726v2", "hep-th/9901001", "2305.14251"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10.1007/978-3-319-46475-6_7", "10.1007/978-3-319-46475-6_7"),
        ("doi:10.18653/v1/P17-1018", "10.18653/v1/P17-1018"),
        ("DOI: 10.18653/v1/P17-1018.", "10.18653/v1/P17-1018"),
        ("https://doi.org/10.1145/3357384.3357895", "10.1145/3357384.3357895"),
        ("http://dx.doi.org/10.1103/PhysRev.115.485", "10.1103/PhysRev.115.485"),
        ('"10.1145/3357384.3357895"', "10.1145/3357384.3357895"),
        ("\u201c10.1145/3357384.3357895\u201d", "10.1145/3357384.3357895"),
        ("10.1000/xyz123,", "10.1000/xyz123"),
        ("10.1016/S0140-6736(20)30183-5", "10.1016/S0140-6736(20)30183-5"),
        ("https://doi.org/10.1000%2Fabc", "10.1000/abc"),
    ],
)
def test_dois_in_every_printed_form(text, expected):
    assert normalize_doi(text) == expected


def test_not_dois():
    for text in ("10.1/abc", "11.1000/abc", "doi:", "", "1001000/abc"):
        assert normalize_doi(text) is None
    assert is_doi("10.1000/abc")
    assert not is_doi("10.1000/abc.")


def test_doi_key_is_case_insensitive():
    assert doi_key("10.1103/PhysRev.115.485") == doi_key("10.1103/physrev.115.485")


def test_find_dois_strips_sentence_punctuation():
    text = "Published as doi:10.1000/abc; see also (https://doi.org/10.1000/def)."
    assert find_dois(text) == ["10.1000/abc", "10.1000/def"]


def test_find_identifiers_in_order_and_arxiv_dois_are_arxiv():
    text = "a https://doi.org/10.48550/arXiv.2403.08726 b 10.1000/xyz c arXiv:2301.13188"
    found = [(i.kind, i.value) for i in find_identifiers(text)]
    assert found == [("arxiv", "2403.08726"), ("doi", "10.1000/xyz"), ("arxiv", "2301.13188")]


def test_find_urls_trims_trailing_punctuation():
    assert find_urls("code at https://github.com/a/b. More (https://x.org/y)") == [
        "https://github.com/a/b",
        "https://x.org/y",
    ]


def test_long_adversarial_input_is_linear():
    # a megabyte of near-misses must not trigger catastrophic backtracking
    text = ("10.1" * 50000) + ("2403." * 50000) + ("arxiv.org/abs/" * 20000)
    assert find_identifiers(text) == [] or all(i.kind for i in find_identifiers(text))
    assert find_urls("https://" + "a" * 1_000_000) == ["https://" + "a" * 1_000_000]
