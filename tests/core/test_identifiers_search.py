"""Finding arXiv ids and DOIs in running text: every printed form, next to
look-alike numbers, in non-ASCII text, and exactly what a plain scan with the
published patterns finds (the search jumps from candidate to candidate; these
tests hold it to the same answers)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readinglist.core import identifiers
from readinglist.core.identifiers import find_arxiv_ids, find_dois, find_identifiers


def _found(text: str) -> list[tuple[str, str]]:
    return [(i.kind, i.value) for i in find_identifiers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("read arXiv:2403.08726 today", [("arxiv", "2403.08726")]),
        ("read arXiv : 2403.08726v3 today", [("arxiv", "2403.08726v3")]),
        ("read ARXIV: hep-th/9901001 today", [("arxiv", "hep-th/9901001")]),
        ("(https://ar5iv.labs.arxiv.org/html/2403.08726v2)", [("arxiv", "2403.08726v2")]),
        ("see www.alphaxiv.org/overview/2301.13188.", [("arxiv", "2301.13188")]),
        ("HTTPS://EXPORT.ARXIV.ORG/PDF/2305.14251", [("arxiv", "2305.14251")]),
        (
            "hf.co/papers/2305.14251, huggingface.co/papers/2305.15852",
            [
                ("arxiv", "2305.14251"),
                ("arxiv", "2305.15852"),
            ],
        ),
        ("https://arxiv.org/abs/math.AG/0601001 is old style", [("arxiv", "math.AG/0601001")]),
        (
            "doi : 10.1000/xyz, and https://dx.doi.org/10.1103/PhysRev.115.485.",
            [
                ("doi", "10.1000/xyz"),
                ("doi", "10.1103/PhysRev.115.485"),
            ],
        ),
    ],
)
def test_every_printed_form_in_running_text(text, expected):
    assert _found(text) == expected


def test_look_alike_numbers_do_not_hide_the_real_ids_after_them():
    text = (
        "Table 3: 12345.67890 and 2313.12345 (month 13), 1412.12345 (too many digits), "
        "version 10.5 of run 2310.1 and xhep-th/9901001; the paper is arXiv:2403.08726 "
        "and its DOI 10.1145/3357384.3357895."
    )
    assert _found(text) == [("arxiv", "2403.08726"), ("doi", "10.1145/3357384.3357895")]


def test_ids_among_accents_and_other_digits():
    text = "Łukasz Kaiser, Jürgen Schmidhuber \u0661\u0662\u0663\u0664.\u0665\u0666\u0667\u0668 — arXiv:1706.03762 (doi:10.1000/gat.2018)."
    assert _found(text) == [("arxiv", "1706.03762"), ("doi", "10.1000/gat.2018")]


def test_an_id_in_a_long_text_of_numbers_is_found():
    text = "figures 1234.5678 and 10.12 " * 2000 + "then arXiv:2403.08726 at the end"
    assert find_arxiv_ids(text) == ["2403.08726"]
    assert find_dois(text) == []


# --- the same answers as a plain scan -------------------------------------------

_PREFIXES = [
    "",
    "",
    "arXiv:",
    "arxiv : ",
    "arXiv: ",
    "ARXIV :",
    "arxiv:  ",
    "https://arxiv.org/abs/",
    "http://export.arxiv.org/pdf/",
    "www.alphaxiv.org/overview/",
    "https://ar5iv.labs.arxiv.org/html/",
    "ar5iv.org/abs/",
    "hf.co/papers/",
    "huggingface.co/papers/",
    "arxiv.org/",
    "doi:",
    "doi : ",
    "DOI: ",
    "https://doi.org/",
    "dx.doi.org/",
    "x",
    "/",
    ".",
    "-",
    "5",
    "(",
    " ",
    "\u00e9",
]
_CORES = [
    "2403.08726",
    "0704.0001",
    "1501.12345",
    "1412.1234",
    "2313.12345",
    "12345.6789",
    "2403.",
    "hep-th/9901001",
    "math.AG/0601001",
    "xx/9901001",
    "abs/9901001",
    "/1234567",
    "9901001",
    "10.1000/xyz",
    "10.48550/arXiv.2403.08726",
    "10.12/x",
    "10.",
    "\u0661\u0662\u0663\u0664.\u0665\u0666\u0667\u0668",
]
_SUFFIXES = ["", "", "v2", "v1234", ".pdf", ".", ",", ")", "1", "-", "/x", " ", ".5"]
_TEXTS = st.lists(
    st.tuples(st.sampled_from(_PREFIXES), st.sampled_from(_CORES), st.sampled_from(_SUFFIXES)),
    max_size=5,
).map(lambda parts: "".join(a + b + c for a, b, c in parts))  # fmt: skip


def _plain_scan(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_the_fast_search_finds_what_a_plain_scan_finds(text):
    arxiv = [(m.start(), m.end(), m.group(0)) for m in identifiers._arxiv_matches(text)]
    assert arxiv == _plain_scan(identifiers._ARXIV_IN_TEXT, text)
    dois = [(m.start(), m.end(), m.group(0)) for m in identifiers._doi_matches(text)]
    assert dois == _plain_scan(identifiers._DOI_IN_TEXT, text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789./:-arxivhepthdoiwsADX \n\u0663", max_size=60))
def test_the_fast_search_agrees_on_arbitrary_characters(text):
    arxiv = [(m.start(), m.end()) for m in identifiers._arxiv_matches(text)]
    assert arxiv == [(m.start(), m.end()) for m in identifiers._ARXIV_IN_TEXT.finditer(text)]
    dois = [(m.start(), m.end()) for m in identifiers._doi_matches(text)]
    assert dois == [(m.start(), m.end()) for m in identifiers._DOI_IN_TEXT.finditer(text)]
