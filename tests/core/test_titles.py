"""Title fingerprints: spellings of one title match, different titles do not."""

from hypothesis import given
from hypothesis import strategies as st

from readinglist.core.titles import abstract_key, block_keys, clean_title, title_key


def test_same_title_in_other_dress():
    a = title_key("Locate, Steer, and Improve: A Practical Survey")
    assert a == title_key("locate steer and improve - a practical survey.")
    assert a == title_key("LOCATE, STEER, AND IMPROVE:  A PRACTICAL SURVEY")


def test_accents_and_tex_dropped():
    assert title_key("Noreña's $\\alpha$ model") == "norenas model"
    assert title_key("Noreña’s model") == title_key("Norenas model")


def test_different_titles_differ():
    assert title_key("Attention is all you need") != title_key("Attention is not all you need")


def test_clean_title():
    assert clean_title("  A   title. ") == "A title"
    assert clean_title("") is None
    assert clean_title(None) is None


def test_abstract_key_needs_some_text():
    assert abstract_key("Too short.") == ""
    long = "Mechanistic Interpretability (MI) has emerged as a vital approach " * 5
    assert abstract_key(long) == abstract_key(long.upper())
    assert len(abstract_key(long)) <= 200


def test_block_keys_shared_by_near_titles():
    a = block_keys(title_key("Bispectrum non-Gaussian Covariance in Redshift Space"))
    b = block_keys(title_key("Bispectrum non Gaussian Covariance in Redshift-Spaces"))
    assert set(a) & set(b)


@given(st.text())
def test_never_fails(text):
    assert isinstance(title_key(text), str)
    assert isinstance(abstract_key(text), str)
    block_keys(title_key(text))
