"""Citation keys: readable, ASCII, unique, and stable as the library grows."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from paperdata import make_paper

from readinglist.exporters.citekeys import base_key, citekeys


def test_key_is_author_year_first_significant_word():
    assert base_key("Hengyuan Zhang", 2026, "Locate, Steer, and Improve") == "zhang2026locate"
    assert base_key("Łukasz Kaiser", 2017, "Attention Is All You Need") == "kaiser2017attention"
    assert base_key("José Müller", 2020, "The Über-Model of Things") == "muller2020uber"
    assert base_key("Ludwig van Beethoven", 1808, "On a Symphony") == "beethoven1808symphony"
    assert base_key("Zhang, H.", 2024, "A Study") == "zhang2024study"


def test_missing_parts_still_give_a_key():
    assert base_key(None, 2020, "Deep Learning") == "anon2020deep"
    assert base_key("Plato", None, None) == "plato"
    bare = make_paper(7, authors=[], year=None, date=None, title=None, abstract=None)
    assert citekeys([bare]) == {7: "paper7"}
    untitled = make_paper(8, title=None, abstract="We study sparse attention.")
    assert citekeys([untitled]) == {8: "zhang2026study"}


def test_collisions_get_letters_by_paper_id_whatever_the_order():
    papers = [make_paper(i) for i in (30, 10, 20)]
    keys = citekeys(papers)
    assert keys == {10: "zhang2026locate", 20: "zhang2026locatea", 30: "zhang2026locateb"}
    assert citekeys(list(reversed(papers))) == keys


def test_a_new_paper_never_changes_existing_keys():
    before = citekeys([make_paper(1), make_paper(2)])
    after = citekeys([make_paper(1), make_paper(2), make_paper(3)])
    assert {k: after[k] for k in before} == before
    assert len(set(after.values())) == 3


def test_keys_given_by_the_library_are_kept_and_deduplicated():
    papers = [make_paper(1, citekey="smith2020deep"), make_paper(2, citekey="smith2020deep")]
    assert citekeys(papers) == {1: "smith2020deep", 2: "smith2020deepa"}


@given(st.lists(st.tuples(st.text(max_size=30), st.text(max_size=60)), max_size=12))
def test_keys_are_unique_and_ascii_for_any_input(rows):
    papers = [
        make_paper(i + 1, authors=[a] if a.strip() else [], title=t or None)
        for i, (a, t) in enumerate(rows)
    ]
    keys = citekeys(papers)
    assert len(set(keys.values())) == len(papers)
    for key in keys.values():
        assert key and key.isascii() and key.isalnum()
