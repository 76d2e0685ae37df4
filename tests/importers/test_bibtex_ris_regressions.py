"""BibTeX and RIS pastes that used to lose or garble papers (one test per bug)."""

from __future__ import annotations

from datetime import date

from readinglist.core.entry import ParseContext
from readinglist.importers.listing import bibtex, ris

CTX = ParseContext(reference_date=date(2026, 11, 22))


def test_a_macro_defined_twice_does_not_crash_the_paste():
    # used to raise AttributeError ('String' object has no attribute 'fields')
    text = """@string{nips = "NIPS"}
@string{nips = "Advances in Neural Information Processing Systems"}
@inproceedings{vaswani2017, title = {Attention Is All You Need}, booktitle = nips, year = 2017}
"""
    (e,) = bibtex.parse(text, CTX).entries
    assert e.venue == "Advances in Neural Information Processing Systems"


def test_concatenated_values_are_joined_with_their_macros():
    text = """@string{acl = "Annual Meeting of the Association for Computational Linguistics"}
@inproceedings{k,
  title = "Gated " # {Self-Matching} # " Networks",
  booktitle = "Proceedings of the 55th " # acl,
  year = 2017,
}
"""
    (e,) = bibtex.parse(text, CTX).entries
    assert e.title == "Gated Self-Matching Networks"
    assert e.venue == (
        "Proceedings of the 55th Annual Meeting of the Association for Computational Linguistics"
    )


def test_an_entry_giving_a_field_twice_is_kept_with_a_note():
    # used to be dropped as unreadable
    text = """@article{k,
  title = {Playing for Data},
  url = {https://example.org/first},
  url = {https://example.org/second},
  year = {2016}
}
"""
    result = bibtex.parse(text, CTX)
    (e,) = result.entries
    assert e.title == "Playing for Data" and e.url == "https://example.org/first"
    assert any("url" in w for w in e.warnings)
    assert result.warnings == []


def test_two_different_entries_sharing_a_key_both_read_cleanly():
    # the second one used to keep its quotes: '"Second paper"'
    text = '@misc{same, title = "First paper"}\n@misc{same, title = "Second paper", author = "Doe, Jane"}\n'
    result = bibtex.parse(text, CTX)
    assert [e.title for e in result.entries] == ["First paper", "Second paper"]
    assert result.entries[1].authors == ["Jane Doe"]


def test_space_after_the_at_sign_and_percent_comment_lines_inside_an_entry():
    text = """@ article{k,
  title = {Deep Residual Learning},
  % year = {1999},
  year = {2016},
}
"""
    result = bibtex.parse(text, CTX)
    (e,) = result.entries
    assert e.title == "Deep Residual Learning" and e.year == 2016
    assert result.warnings == []


def test_a_macro_used_before_its_definition():
    text = "@misc{k, title = {T}, journal = jmlr}\n@string{jmlr = {Journal of Machine Learning Research}}\n"
    (e,) = bibtex.parse(text, CTX).entries
    assert e.venue == "Journal of Machine Learning Research"


def test_broken_entry_warning_names_the_right_line_after_a_tex_line_break():
    text = "@misc{a, title = {T}, note = {one\\\\\ntwo}}\n\n@misc{b, title = {Unclosed\n"
    result = bibtex.parse(text, CTX)
    assert [e.citekey for e in result.entries] == ["a"]
    assert any("at line 4" in w and "@misc{b" in w for w in result.warnings)


def test_ris_unreadable_date_falls_back_to_the_publication_year():
    text = "TY  - JOUR\nTI  - A paper\nDA  - n.d.\nPY  - 2019\nER  - \n"
    (e,) = ris.parse(text, CTX).entries
    assert e.year == 2019 and e.date == "2019"


def test_ris_unreadable_publication_year_keeps_the_date():
    # used to wipe a good DA date because PY could not be read
    text = "TY  - JOUR\nTI  - A paper\nDA  - 2019/05/03/\nPY  - in press\nER  - \n"
    (e,) = ris.parse(text, CTX).entries
    assert e.year == 2019 and e.date == "2019-05-03"


def test_ris_publication_year_still_wins_over_another_year():
    text = "TY  - JOUR\nTI  - A paper\nDA  - 2021/01/10/\nPY  - 2019\nER  - \n"
    (e,) = ris.parse(text, CTX).entries
    assert e.year == 2019 and e.date == "2019"


def test_ris_continuation_lines_and_blank_tag_values():
    text = "TY  - JOUR\nTI  -\n   Wrapped\n   title\nAU  -   Doe, Jane  \nER  -\n"
    result = ris.parse(text, CTX)
    (e,) = result.entries
    assert e.title == "Wrapped title" and e.authors == ["Jane Doe"]
    assert result.warnings == []
