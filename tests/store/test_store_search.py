"""Search text from users never breaks the query and finds what it should."""

import sqlite3

from hypothesis import given
from hypothesis import strategies as st

from readinglist.store.search import fts_query


def _fts():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5 (title, body, "
                 "tokenize = 'unicode61 remove_diacritics 2')")
    conn.executemany("INSERT INTO t (title, body) VALUES (?, ?)", [
        ("Attention is all you need", "transformers for translation"),
        ("Bispectrum covariance", "Jorge Noreña and others"),
        ("C++ templates: AND OR NOT", "odd words near(x) \"quoted\""),
    ])
    return conn


CONN = _fts()


def _search(text):
    q = fts_query(text)
    if q is None:
        return []
    return [r[0] for r in CONN.execute("SELECT title FROM t WHERE t MATCH ? ORDER BY rowid", (q,))]


def test_prefix_on_last_word():
    assert _search("transf") == ["Attention is all you need"]
    assert _search("attention transf") == ["Attention is all you need"]


def test_a_one_letter_last_word_is_a_word_not_a_prefix():
    assert fts_query("attention t") == '"attention" "t"'
    assert fts_query("at") == '"at"*'
    assert _search("C") == ["C++ templates: AND OR NOT"]


def test_accents_do_not_matter():
    assert _search("norena") == ["Bispectrum covariance"]
    assert _search("Noreña") == ["Bispectrum covariance"]


def test_operators_are_words():
    assert _search("AND OR NOT") == ["C++ templates: AND OR NOT"]
    assert _search('near(x) "quoted"') == ["C++ templates: AND OR NOT"]
    assert _search("C++") == ["C++ templates: AND OR NOT"]


def test_phrase():
    assert _search('"all you need"') == ["Attention is all you need"]
    assert _search('"you all need"') == []


def test_nothing_to_search():
    assert fts_query("") is None
    assert fts_query("  ?! ") is None


@given(st.text())
def test_any_text_is_a_valid_query(text):
    q = fts_query(text)
    if q is not None:
        CONN.execute("SELECT count(*) FROM t WHERE t MATCH ?", (q,)).fetchone()
