"""Library-wide citation keys: stored when a paper is added, unique, never changed."""

from __future__ import annotations

from libhelpers import entry, result

from readinglist.exporters.bibtex import bibtex_text
from readinglist.library import PaperQuery


def _keys(lib):
    ids = lib.query_ids(PaperQuery(sort="added", descending=False))
    return {d.id: d.citekey for d in lib.details(ids)}


def test_clashing_papers_get_letters_in_the_order_they_were_added(lib):
    rep = lib.import_parsed(result(
        entry("Attention is all you need", authors=["Ashish Vaswani"], year=2017),
        entry("Attention again, revisited", authors=["A. Vaswani"], year=2017),
        entry("The attention paper strikes back", authors=["Ashish Vaswani", "N. Shazeer"],
              year=2017),
    ), raw_text="x")
    keys = [lib.get(i).citekey for i in rep.added]
    assert keys == ["vaswani2017attention", "vaswani2017attentiona", "vaswani2017attentionb"]


def test_untitled_papers_borrow_a_word_of_their_abstract(lib):
    rep = lib.import_parsed(result(
        entry(None, authors=["Wei Zhang"], year=2024, raw="Abstract: Quantum error ...",
              abstract="Quantum error correction with surface codes at scale."),
        entry(None, authors=["Wei Zhang"], year=2024, raw="Abstract: Sparse attention ...",
              abstract="Sparse attention for very long documents and contexts."),
    ), raw_text="x")
    keys = [lib.get(i).citekey for i in rep.added]
    assert keys == ["zhang2024quantum", "zhang2024sparse"]


def test_keys_are_unique_and_survive_new_papers_edits_and_exports(lib):
    first = lib.import_parsed(result(*[
        entry(f"Graph networks part {i}", authors=["José Müller"], year=2020) for i in range(4)
    ]), raw_text="x")
    before = _keys(lib)
    assert len(set(before.values())) == len(before) == 4
    assert before[first.added[0]] == "muller2020graph"
    lib.update_fields(first.added[0], title="Completely different title")
    lib.import_parsed(result(*[
        entry(f"Graph networks, the sequel {i}", authors=["J. Müller"], year=2020)
        for i in range(3)
    ]), raw_text="y")
    after = _keys(lib)
    assert {k: after[k] for k in before} == before
    assert len(set(after.values())) == len(after) == 7
    # exporting any subset uses the same keys
    subset = lib.details(first.added[2:] + [max(after)])
    text = bibtex_text(subset)
    for paper in subset:
        assert "{" + after[paper.id] + "," in text


def test_a_trashed_paper_keeps_its_key_reserved(lib):
    one = lib.import_parsed(result(entry("Diffusion models", authors=["Li Na"], year=2022)),
                            raw_text="x").added[0]
    lib.trash([one])
    two = lib.import_parsed(result(entry("Diffusion models beyond images", authors=["Li Na"],
                                         year=2022)), raw_text="y").added[0]
    assert lib.get(one).citekey == "na2022diffusion"
    assert lib.get(two).citekey == "na2022diffusiona"


def test_a_bibtex_key_given_by_the_source_is_kept(lib):
    rep = lib.import_parsed(result(
        entry("Deep residual learning", authors=["Kaiming He"], year=2016, citekey="he2016deep"),
        entry("Deep residual learning II", authors=["Kaiming He"], year=2016),
    ), raw_text="x")
    assert [lib.get(i).citekey for i in rep.added] == ["he2016deep", "he2016deepa"]


def test_matching_sees_changes_made_between_imports_by_another_window(lib):
    """Key maps are kept from one import to the next only while nothing else
    changed the library: an edit from another connection is seen."""
    from readinglist.library import Library

    first = lib.import_parsed(result(entry("Sparse mixtures of experts", authors=["Ann Lee"],
                                           year=2021)), raw_text="x").added[0]
    other = Library.open(lib.path)
    try:
        other.update_fields(first, title="Routing tokens to experts at scale")
    finally:
        other.close()
    again = lib.import_parsed(result(entry("Routing tokens to experts at scale",
                                           authors=["Ann Lee"], year=2021)), raw_text="y")
    assert again.added == [] and again.skipped == 1
    lib.set_status([first], "read")
    lib.add_tags([first], ["moe"])
    fourth = lib.import_parsed(result(entry("Routing tokens to experts at scale.",
                                            authors=["Ann Lee"], year=2021)), raw_text="w")
    assert fourth.added == [] and lib.get(first).status == "read"
    lib.trash([first])
    third = lib.import_parsed(result(entry("Routing tokens to experts at scale",
                                           authors=["Ann Lee"], year=2021)), raw_text="z")
    assert len(third.added) == 1
