"""BibTeX, RIS and CSL-JSON are read back by real tools with every character intact."""

from __future__ import annotations

import json

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware
from hypothesis import given, settings
from hypothesis import strategies as st
from paperdata import make_paper

from readinglist.exporters import render
from readinglist.exporters.bibtex import bibtex_text
from readinglist.exporters.csljson import csl_items
from readinglist.exporters.ris import ris_text

SPECIAL_TITLES = [
    "Café, naïve façade: Ångström & Øresund",
    "100% of $5 budgets & #hashtags_with_underscores",
    "Braces {inside} and a lone { brace",
    "Tilde ~ and backslash \\ in text",
    "Redshift at $z\\gtrsim6$ and $\\alpha$-decay",
    "LLMs, BERT and GPT-4: the SparseAdapter approach",
    "Quotes \"double\" and 'single' @ at",
    "中文标题 and Ελληνικά",
]

AUTHORS = ["José Müller", "Łukasz Kaiser", "Ludwig van Beethoven", "Jean-Pierre Dupré", "Plato"]


def parse_bib(text: str):
    lib = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert not lib.failed_blocks, [b.error for b in lib.failed_blocks]
    return lib


def test_bibtex_round_trip_keeps_special_characters():
    papers = [
        make_paper(i + 1, title=t, abstract=f"Abstract of {t} with 50% & more.", authors=AUTHORS)
        for i, t in enumerate(SPECIAL_TITLES)
    ]
    lib = parse_bib(bibtex_text(papers))
    assert len(lib.entries) == len(papers)
    by_key = {e.key: e for e in lib.entries}
    assert len(by_key) == len(papers)  # keys unique
    for entry, paper in zip(lib.entries, papers, strict=True):
        assert entry.fields_dict["title"].value == paper.title
        assert entry.fields_dict["abstract"].value == paper.abstract
        assert entry.fields_dict["year"].value == "2026"
        names = entry.fields_dict["author"].value.split(" and ")
        assert names == [
            "Müller, José",
            "Kaiser, Łukasz",
            "van Beethoven, Ludwig",
            "Dupré, Jean-Pierre",
            "Plato",
        ]


@settings(max_examples=80)
@given(
    st.text(
        alphabet=st.characters(blacklist_categories=["Cs", "Cc"], blacklist_characters="^"),
        min_size=1,
        max_size=60,
    )
)
def test_bibtex_title_round_trip_for_any_text(title):
    title = " ".join(title.split())
    if not title:
        return
    lib = parse_bib(bibtex_text([make_paper(1, title=title)]))
    assert lib.entries[0].fields_dict["title"].value == title


def test_bibtex_types_and_identifiers():
    preprint = make_paper(1, topics=[("cs.CL", "Computation and Language")])
    journal = make_paper(2, title="J", venue="Physical Review Letters", doi="10.1103/PhysRevLett.1")
    conf = make_paper(3, title="C", venue="Proceedings of ACL 2024", arxiv_id=None)
    lib = parse_bib(bibtex_text([preprint, journal, conf]))
    types = {e.key: e.entry_type for e in lib.entries}
    assert sorted(types.values()) == ["article", "inproceedings", "misc"]
    pre = next(e for e in lib.entries if e.entry_type == "misc")
    assert pre.fields_dict["eprint"].value == "2601.07001"
    assert pre.fields_dict["archiveprefix"].value == "arXiv"
    assert pre.fields_dict["primaryclass"].value == "cs.CL"
    art = next(e for e in lib.entries if e.entry_type == "article")
    assert art.fields_dict["journal"].value == "Physical Review Letters"
    assert art.fields_dict["doi"].value == "10.1103/PhysRevLett.1"
    inp = next(e for e in lib.entries if e.entry_type == "inproceedings")
    assert inp.fields_dict["booktitle"].value == "Proceedings of ACL 2024"


def test_truncated_author_lists_end_with_others():
    lib = parse_bib(bibtex_text([make_paper(1, authors_truncated=True)]))
    assert lib.entries[0].fields_dict["author"].value.endswith(" and others")


def test_citation_keys_are_the_same_in_every_format_and_every_export():
    papers = [make_paper(1), make_paper(2), make_paper(3, title="Other")]
    bib_keys = [e.key for e in parse_bib(bibtex_text(papers)).entries]
    ris_keys = [r["id"] for r in rispy.loads(ris_text(papers))]
    csl_keys = [i["id"] for i in csl_items(papers)]
    assert (
        bib_keys
        == ris_keys
        == csl_keys
        == ["zhang2026locate", "zhang2026locatea", "zhang2026other"]
    )
    assert [e.key for e in parse_bib(bibtex_text(list(reversed(papers)))).entries] == list(
        reversed(bib_keys)
    )


def test_ris_round_trip_with_rispy():
    papers = [
        make_paper(
            i + 1,
            title=t,
            authors=AUTHORS,
            abstract="Line one\nline two & 100%",
            tags=["to read", "thesis"],
            doi="10.1000/x{y}",
        )
        for i, t in enumerate(SPECIAL_TITLES)
    ]
    records = rispy.loads(ris_text(papers))
    assert len(records) == len(papers)
    for rec, paper in zip(records, papers, strict=True):
        assert rec["type_of_reference"] == "UNPB"
        assert rec["title"] == paper.title
        assert rec["authors"] == [
            "Müller, José",
            "Kaiser, Łukasz",
            "van Beethoven, Ludwig",
            "Dupré, Jean-Pierre",
            "Plato",
        ]
        assert rec["year"] == "2026"
        assert rec["date"] == "2026/01/20/"
        assert rec["abstract"] == "Line one line two & 100%"
        assert rec["keywords"] == ["to read", "thesis"]
        assert rec["doi"] == "10.1000/x{y}"
        assert "https://arxiv.org/abs/2601.07001" in rec["urls"]


def test_ris_partial_dates():
    recs = rispy.loads(
        ris_text([make_paper(1, date="2025-03"), make_paper(2, title="B", date=None, year=2019)])
    )
    assert [r["date"] for r in recs] == ["2025/03//", "2019///"]


def _valid_csl_item(item: dict) -> None:
    """The parts of the CSL-JSON schema (csl-data.json) that citeproc relies on."""
    allowed_types = {"article", "article-journal", "paper-conference", "book", "chapter", "report"}
    assert isinstance(item["id"], str) and item["id"]
    assert item["type"] in allowed_types
    assert isinstance(item["title"], str)
    for name in item.get("author", []):
        assert set(name) <= {"family", "given", "suffix", "literal"}
        assert ("family" in name) != ("literal" in name)
        assert all(isinstance(v, str) and v for v in name.values())
    if "issued" in item:
        parts = item["issued"]["date-parts"]
        assert isinstance(parts, list) and len(parts) == 1 and 1 <= len(parts[0]) <= 3
        assert all(isinstance(p, int) for p in parts[0])
    for key in ("DOI", "URL", "abstract", "container-title", "publisher", "number", "keyword"):
        if key in item:
            assert isinstance(item[key], str)


def test_csljson_structure_and_round_trip():
    papers = [make_paper(i + 1, title=t, authors=AUTHORS) for i, t in enumerate(SPECIAL_TITLES)]
    papers.append(
        make_paper(99, title="Year only", date=None, year=2001, venue="Nature", arxiv_id=None)
    )
    items = json.loads(render("csljson", papers))
    assert isinstance(items, list) and len(items) == len(papers)
    for item, paper in zip(items, papers, strict=True):
        _valid_csl_item(item)
        assert item["title"] == paper.title
    assert items[0]["author"][:3] == [
        {"family": "Müller", "given": "José"},
        {"family": "Kaiser", "given": "Łukasz"},
        {"family": "van Beethoven", "given": "Ludwig"},
    ]
    assert items[0]["author"][4] == {"literal": "Plato"}
    assert items[0]["issued"] == {"date-parts": [[2026, 1, 20]]}
    assert items[0]["type"] == "article"
    assert items[-1]["issued"] == {"date-parts": [[2001]]}
    assert items[-1]["type"] == "article-journal"
    assert items[-1]["container-title"] == "Nature"


@pytest.mark.parametrize("fmt", ["bibtex", "ris", "csljson", "markdown"])
def test_every_format_handles_an_untitled_authorless_paper(fmt):
    bare = make_paper(
        5,
        title=None,
        display_title="(untitled) We study",
        authors=[],
        date=None,
        year=None,
        topics=[],
        arxiv_id=None,
        abstract=None,
    )
    text = render(fmt, [bare])
    assert "(untitled)" in text


@pytest.mark.parametrize("title", ["!`", "?`", "Wait--what", "A---B", "``quoted''"])
def test_bibtex_titles_with_tex_ligature_characters_round_trip(title):
    lib = parse_bib(bibtex_text([make_paper(1, title=title)]))
    assert lib.entries[0].fields_dict["title"].value == title
