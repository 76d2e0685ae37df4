"""The typesetting rules behind PDF metadata, on small hand-made pages and
strings: accents, capitals, identifiers, years, title and author layout."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from readinglist.importers.pdf_authors import clean_name, find_authors
from readinglist.importers.pdf_ids import find_arxiv, find_dois, find_year, pick_doi
from readinglist.importers.pdf_layout import Line, Page, Span, find_abstract, find_title
from readinglist.importers.pdf_text import fix_accents, recase_name, recase_title

# -- text repair -------------------------------------------------------------


def test_spacing_accents_join_their_letters():
    assert fix_accents("Nicolas Andr´e") == "Nicolas André"
    assert fix_accents("Franc¸ois Chollet") == "François Chollet"
    assert fix_accents("J¨urgen Schmidhuber") == "Jürgen Schmidhuber"
    assert fix_accents("Jos´ e Garc´ıa") == "José García"
    assert fix_accents("Anton´ın Dvoˇr´ak") == "Antonín Dvořák"
    assert fix_accents("plain text stays") == "plain text stays"


def test_degree_ring_is_kept_in_body_text():
    assert fix_accents("heat stress (35 ± 0.08˚C)", ring=False) == "heat stress (35 ± 0.08˚C)"


def test_all_caps_titles_and_names_are_recased():
    assert recase_title("IMPROVING DETECTION OF INFLUENTIAL NODES IN COMPLEX NETWORKS") == \
        "Improving Detection of Influential Nodes in Complex Networks"
    assert recase_title("Attention Is All You Need") == "Attention Is All You Need"
    assert recase_name("MOHAMMAD A. NEMATBAKHSH") == "Mohammad A. Nematbakhsh"
    assert recase_name("JEAN-PIERRE O'NEIL") == "Jean-Pierre O'Neil"
    assert recase_name("LUDWIG VAN BEETHOVEN") == "Ludwig van Beethoven"


def test_name_cleaning():
    assert clean_name("Zejiang Shen1 ( )") == "Zejiang Shen"
    assert clean_name("Young-Dae Jung''") == "Young-Dae Jung"
    assert clean_name("and Arman Shokrollahi") == "Arman Shokrollahi"
    assert clean_name("by Jean d'Alembert") == "Jean d'Alembert"
    assert clean_name("University of Florida") is None
    assert clean_name("shannons@allenai.org") is None
    assert clean_name("Abstract") is None


# -- identifiers and years ------------------------------------------------------


def test_arxiv_stamp_gives_id_category_and_date():
    s = find_arxiv(["arXiv:2103.15348v2  [cs.CV]  21 Jun 2021"])
    assert (s.arxiv_id, s.version, s.category, s.year) == ("2103.15348", "v2", "cs.CV", 2021)
    old = find_arxiv(["arXiv:hep-th/9901001v3 [hep-th] 12 Jan 1999"])
    assert (old.arxiv_id, old.category, old.year) == ("hep-th/9901001", "hep-th", 1999)
    assert find_arxiv(["nothing here"]) is None


def test_an_arxiv_id_cited_in_the_text_is_not_the_papers():
    body = ["as shown by Vaswani et al. (arXiv:1706.03762 [cs.CL]) attention helps"]
    assert find_arxiv([], body) is None
    assert find_arxiv(["Preprint. arXiv:2401.01234v2"], body).arxiv_id == "2401.01234"
    dated = ["arXiv:2401.01234v1 [cs.LG] 3 Jan 2024"]
    assert find_arxiv([], dated).category == "cs.LG"


def test_doi_broken_across_lines_is_joined():
    lines = ["OPEN ACCESS", "https://doi.org/10.1371/journal.", "pone.0197919", "Editor: X"]
    doi, conf = pick_doi(find_dois(lines))
    assert doi == "10.1371/journal.pone.0197919" and conf >= 0.9


def test_a_data_archive_doi_in_the_text_is_not_the_papers():
    lines = ["Our data are at https://doi.org/10.5281/zenodo.123456 for all."]
    assert pick_doi(find_dois(lines), [False]) == (None, 0.0)
    both = find_dois(lines + ["Journal of Things 3 (2021) 1-9. doi:10.1016/j.things.2021.01.002"])
    assert pick_doi(both, [False, True])[0] == "10.1016/j.things.2021.01.002"


def test_doi_trailing_punctuation_is_dropped():
    assert find_dois(["(see doi:10.1145/1542476.1542528)."]) == [("10.1145/1542476.1542528", True)]


def test_year_from_copyright_citation_and_conference_lines():
    assert find_year(["Copyright c⃝2009 ACM 978-1-60558-392-1/09/06...$5.00"])[0] == 2009
    assert find_year(["Z. Naturforsch. 54 a, 272-273 (1999); received December 15, 1998"])[0] \
        == 1999
    assert find_year(["PLDI’09, June 15–20, 2009, Dublin, Ireland."])[0] == 2009
    assert find_year(["Published: June 13, 2018"])[0] == 2018
    assert find_year(["© 2018 Thomason et al. This is an open access article"])[0] == 2018
    assert find_year(["Machine Learning (2020) 109:1–25"])[0] == 2020
    assert find_year(["Citation: Doe, J. A Title. Sensors 2020, 20, 1234."])[0] == 2020
    assert find_year(["IEEE TRANSACTIONS ON THINGS, VOL. 12, NO. 3, MARCH 2019"])[0] == 2019
    assert find_year(["bioRxiv preprint; this version posted May 5, 2020."])[0] == 2020
    assert find_year(["Published as a conference paper at ICLR 2021"])[0] == 2021
    assert find_year(["Bioinformatics, 36(1), 2020, 1–8",
                      "Advance Access Publication Date: 5 July 2019"])[0] == 2020
    assert find_year(["Available online 12 December 2019",
                      "Neural Networks 123 (2020) 45–67"])[0] == 2020


def test_no_year_rather_than_a_wrong_one():
    assert find_year(["Draft version March 3, 2023"]) == (None, 0.0)
    assert find_year(["Received 12 May 2020; accepted 3 June 2020"]) == (None, 0.0)
    assert find_year(["We ran 2048 samples on 1999 nodes."]) == (None, 0.0)
    assert find_year(["© 2999 Future Corp"], today=date(2026, 1, 1)) == (None, 0.0)


# -- layout ---------------------------------------------------------------------------


def line(text, y, size=10.0, x=100.0, bold=False, block=0, spans=None):
    spans = spans or [Span(text, size, bold)]
    width = sum(len(s.text) for s in spans) * size * 0.5
    return Line(spans, x, y, x + width, y + size * 1.2, block)


def page(*lines):
    return Page(612, 792, list(lines))


BODY = [line("Body text of the paper continues here with many words " * 2, 400 + i * 12,
             block=20 + i // 5) for i in range(25)]


def test_title_is_the_largest_block_not_the_journal_banner():
    p = page(
        line("Journal of Irreproducible Results 12 (2020) 1-10", 40, size=8, block=1),
        line("RESEARCH ARTICLE", 70, size=9, block=2),
        line("Learning to Read the Layout of", 100, size=18, bold=True, block=3),
        line("Scientific Articles", 122, size=18, bold=True, block=3),
        line("Ada Lovelace, Alan Turing", 160, size=11, block=4),
        *BODY,
    )
    t = find_title(p)
    assert t.title == "Learning to Read the Layout of Scientific Articles"
    assert t.confidence >= 0.8


def test_preprint_notice_and_arxiv_stamp_are_not_titles():
    p = page(
        line("Preprint. Under review.", 30, size=20, block=1),
        line("arXiv:2401.00001v1 [cs.LG] 1 Jan 2024", 60, size=20, block=2),
        line("A Small Paper About Big Models", 100, size=16, block=3),
        *BODY,
    )
    assert find_title(p).title == "A Small Paper About Big Models"


def test_glued_affiliation_letters_are_told_apart_by_size():
    authors = Line([
        Span("Nicolas Roisin", 10), Span("a", 7, sup=True), Span(", Nicolas Andr´e", 10),
        Span("a,b", 7, sup=True), Span(", Ana Silva", 10), Span("b", 7, sup=True),
    ], 100, 150, 400, 162, 4)
    p = page(
        line("Low-Power Strain Sensing for Everyone", 100, size=16, block=3),
        authors,
        line("University of Somewhere, Some City", 170, size=8, block=5,
             spans=[Span("a", 6, sup=True), Span("University of Somewhere, Some City", 8)]),
        *BODY,
    )
    t = find_title(p)
    names, conf = find_authors(p, t, None)
    assert names == ["Nicolas Roisin", "Nicolas André", "Ana Silva"]
    assert conf >= 0.5


def test_names_set_side_by_side_are_separate():
    row = Line([Span("Alice Smith", 11, x0=100, x1=160), Span("Bob Jones", 11, x0=260, x1=315)],
               100, 150, 315, 163, 4)
    p = page(line("Two Authors and No Commas", 100, size=18, block=3), row, *BODY)
    assert find_authors(p, find_title(p), None)[0] == ["Alice Smith", "Bob Jones"]


def test_names_beside_their_email_addresses():
    p = page(
        line("Learning With Many Authors", 100, size=16, bold=True, block=1),
        line("Alice Smith alice@cs.example.edu", 140, size=10, bold=True, block=2),
        line("Department of Computer Science, Example University", 152, size=10, block=2),
        line("Bob Jones bob@stats.example.edu", 170, size=10, bold=True, block=3),
        line("Department of Statistics, Example University", 182, size=10, block=3),
        line("Editor: Carol White", 200, size=10, block=4),
        line("Abstract", 220, size=11, bold=True, block=5),
        *BODY,
    )
    names, _ = find_authors(p, find_title(p), 220)
    assert names == ["Alice Smith", "Bob Jones"]


def test_ieee_membership_and_emails_are_not_names():
    p = page(
        line("Robust Control of Things", 100, size=20, block=3),
        line("John Smith, Member, IEEE, and Jane Doe, Senior Member, IEEE", 140, size=11, block=4),
        line("john@example.org", 155, size=9, block=5),
        *BODY,
    )
    names, _ = find_authors(p, find_title(p), None)
    assert names == ["John Smith", "Jane Doe"]


def test_abstract_after_heading_stops_at_keywords():
    p = page(
        line("A Title of Some Length", 100, size=18, block=1),
        line("Abstract", 200, size=11, bold=True, block=2),
        *[line("This abstract sentence explains the contribution in detail.", 215 + i * 11,
               size=9, block=3) for i in range(5)],
        line("Keywords: one, two", 290, size=9, block=4),
    )
    abstract, conf, heading_y = find_abstract(p)
    assert abstract.startswith("This abstract sentence")
    assert "Keywords" not in abstract
    assert conf >= 0.9 and heading_y == 200


def test_a_phrase_starting_with_abstract_is_not_a_heading():
    p = page(
        line("Libthing", 100, size=20, bold=True, block=1),
        line("Abstract Syntax Notation One library for the system", 130, size=11, block=2),
    )
    assert find_abstract(p)[0] is None
    inline = Line([Span("ABSTRACT", 9, bold=True), Span(" We study the inline heading style "
                                                         "used by many journals. " * 3, 9)],
                  72, 200, 500, 211, 3)
    abstract = find_abstract(page(line("A Title of Some Length", 100, size=18, block=1),
                                  inline))[0]
    assert abstract.startswith("We study the inline heading style")


def test_table_of_contents_is_neither_title_nor_abstract():
    toc = [line(f"Chapter {i} Something ........................ {i * 3}", 100 + i * 14, size=12,
                block=2) for i in range(1, 30)]
    p = page(line("Table of Contents", 70, size=16, bold=True, block=1), *toc)
    assert find_title(p).title is None
    assert find_abstract(p)[0] is None


@given(st.text(max_size=300))
def test_rules_never_raise_on_arbitrary_text(text):
    fix_accents(text)
    recase_title(text)
    clean_name(text)
    find_year([text])
    find_dois([text, text])
    find_arxiv([text])
    p = page(line(text or "x", 100, size=14, block=1), line(text or "y", 130, block=2))
    t = find_title(p)
    find_authors(p, t, None)
    find_abstract(p)
