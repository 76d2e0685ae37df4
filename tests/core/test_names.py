"""Author names: what a user sees and which spellings count as one person."""

from hypothesis import given
from hypothesis import strategies as st

from readinglist.core.names import display_name, name_key, names_compatible, short_authors


def test_display_keeps_accents_and_hyphens():
    assert display_name("  Mar   Bastero-Gil ") == "Mar Bastero-Gil"
    assert display_name("Jorge Noreña") == "Jorge Noreña"


def test_display_turns_last_first_round():
    assert display_name("Zhang, Hengyuan") == "Hengyuan Zhang"
    assert display_name("Sammy Davis, Jr.") == "Sammy Davis, Jr."


def test_key_ignores_accents_case_hyphens_and_dots():
    assert name_key("Jorge Noreña") == name_key("jorge norena")
    assert name_key("Jean-Pierre Dupré") == name_key("Jean Pierre Dupre")
    assert name_key("M. S. Cagliari") == name_key("M S Cagliari")
    assert name_key("Łukasz Kaiser") == "lukasz kaiser"
    assert name_key("Zhang, Wei") == name_key("Wei Zhang")


def test_compatible_initials_and_order():
    assert names_compatible("J. Smith", "John Smith")
    assert not names_compatible("J. Smith", "Karl Smith")
    assert not names_compatible("John Smith", "John Jones")
    assert names_compatible("Zhang Wei", "Wei Zhang")


def test_short_form():
    assert short_authors(["A", "B"]) == "A, B"
    assert short_authors(["A", "B", "C", "D"]) == "A, B, C et al."
    assert short_authors(["A", "B"], truncated=True) == "A, B et al."
    assert short_authors([]) == ""


@given(st.text())
def test_key_never_fails_and_is_stable(text):
    key = name_key(text)
    assert name_key(key) == key
