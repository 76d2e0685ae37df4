"""The BibTeX reader behind the BibTeX parser: the format in general (braces,
quotes, macros, concatenation, comments, broken blocks), the same values on
its fast and general paths, and the same values as bibtexparser on
well-formed text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readinglist.importers.listing import _bibtex_reader as reader
from readinglist.importers.listing._bibtex_reader import read_bibtex


def _one(text: str) -> reader.BibEntry:
    (entry,) = read_bibtex(text).entries
    return entry


def test_values_in_braces_quotes_numbers_and_nested_braces():
    e = _one(
        '@Article{key1,\n  title = {The {BERT} model {\\"u}ber {a {b} c}},\n'
        '  journal = "Proc. {of} the \\"X\\" {"} meeting",\n  year = 2019,\n  volume=12}'
    )
    assert e.entry_type == "article" and e.key == "key1"
    assert e.fields == {
        "title": 'The {BERT} model {\\"u}ber {a {b} c}',
        "journal": 'Proc. {of} the \\"X\\" {"} meeting',
        "year": "2019",
        "volume": "12",
    }
    assert e.raw.startswith("@Article{key1,") and e.raw.endswith("volume=12}")


def test_parenthesised_entries_and_a_parenthesis_inside_quotes():
    e = _one('@misc(k, title = "A (small) study", note = {x) y})\n')
    assert e.fields == {"title": "A (small) study", "note": "x) y"}


def test_string_macros_concatenation_and_unknown_macros():
    text = """@string{acl = "Annual Meeting of the {ACL}"}
@STRING(proc = "Proceedings of the ")
@inproceedings{k,
  booktitle = proc # acl # { 2020},
  month = jul,
  publisher = later,
}
@string{later = "Published " # "Later"}
"""
    result = read_bibtex(text)
    (e,) = result.entries
    assert e.fields["booktitle"] == "Proceedings of the Annual Meeting of the {ACL} 2020"
    assert e.fields["month"] == "jul"  # no such macro: kept as written
    assert e.fields["publisher"] == "Published Later"  # defined after its use
    assert result.outside_lines == 3  # the @string blocks


def test_a_redefined_macro_applies_from_its_new_definition_on():
    text = '@string{v = "one"}\n@misc{a, title = v}\n@string{v = "two"}\n@misc{b, title = v}\n'
    assert [e.fields["title"] for e in read_bibtex(text).entries] == ["one", "two"]


def test_comments_preamble_and_text_between_entries_are_counted_not_read():
    text = """Exported from somewhere
% a comment line
@comment{jabref-meta: {nested} stuff}
@preamble{ "\\newcommand{\\noop}[1]{}" }
@misc{k, title = {T}}
trailing words
"""
    result = read_bibtex(text)
    assert [e.key for e in result.entries] == ["k"]
    assert result.outside_lines == 5
    assert result.broken == []


def test_trailing_comma_key_only_entry_percent_lines_and_repeated_fields():
    text = """@misc{onlykey}
@article{k,
  title = {First},
  % year = {1999},
  year = 2020,
  title = {Second},
}
"""
    first, second = read_bibtex(text).entries
    assert first.key == "onlykey" and first.fields == {}
    assert second.fields == {"title": "First", "year": "2020"}
    assert second.repeated == ["title"]


def test_broken_blocks_are_reported_with_their_line_and_reading_goes_on():
    text = (
        "@misc{ok1, title = {Fine}}\n"
        "@article{bad,\n  title = {Unclosed\n  year = 2020\n"
        "@misc{ok2, title = {Also fine}}\n"
        "@misc{bad2 title = {no comma after the key}}\n"
        "@misc{ok3, title = {Last} junk here}\n"
        "@misc{cut, title = {The paste ends"
    )
    result = read_bibtex(text)
    assert [e.key for e in result.entries] == ["ok1", "ok2", "ok3"]
    assert result.entries[2].fields["title"] == "{Last} junk here"  # kept as written
    assert [(b.line, b.raw.split("\n")[0]) for b in result.broken] == [
        (2, "@article{bad,"),
        (6, "@misc{bad2 title = {no comma after the key}}"),
        (8, "@misc{cut, title = {The paste ends"),
    ]
    assert result.broken[0].raw == "@article{bad,\n  title = {Unclosed\n  year = 2020\n"


def test_line_numbers_count_every_line_break():
    text = "@misc{a, note = {line one\\\\\nline two}}\n\n@misc{b, title = {x}\n"
    (broken,) = read_bibtex(text).broken
    assert broken.line == 4


def test_at_signs_inside_values_and_whitespace_after_the_at():
    e = _one("@ article {k, note = {mail me @ home, or @misc{here}}, title = {T}}")
    assert e.entry_type == "article"
    assert e.fields["note"] == "mail me @ home, or @misc{here}"


# --- the fast path reads what the general reader reads ------------------------

_PIECES = st.sampled_from(
    [
        "@misc{k,",
        "@article(k,",
        " title = ",
        "year=",
        "\n  author\t= ",
        "{flat text}",
        '"quoted"',
        "2020",
        "jul",
        "{a {nested} b}",
        '"with {brace}"',
        "{ends with \\}",
        "{esc \\{ brace}",
        "{{a} {{b}}}",
        "{{{{deep}}}}",
        '"q {{x}} \\" r"',
        "\\",
        "\\\\",
        "\\{",
        "\\}",
        '\\"',
        " # ",
        ", ",
        ",\n",
        "}",
        ")",
        "\n",
        "% note\n",
        "@string{jul = {July}}",
        "x",
        "=",
        '"',
        "{",
    ]
)


def _as_tuples(text: str) -> tuple:
    read = read_bibtex(text)
    return (
        [(e.entry_type, e.key, e.fields, e.raw, e.line, e.repeated) for e in read.entries],
        [(b.line, b.raw) for b in read.broken],
        read.outside_lines,
    )


_NEVER = re.compile(r"(?!)")


def _general_only(text: str) -> tuple:
    saved = reader._FAST_FIELD, reader._CLOSE_NOW
    reader._FAST_FIELD, reader._CLOSE_NOW = _NEVER, {"}": _NEVER, ")": _NEVER}
    try:
        return _as_tuples(text)
    finally:
        reader._FAST_FIELD, reader._CLOSE_NOW = saved


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_fast_path_and_general_reader_agree(text):
    assert _as_tuples(text) == _general_only(text)


# --- the same values as bibtexparser on well-formed text ----------------------

_WORD = st.lists(
    st.sampled_from(list("abcXYZ019 .:;-'()&\u00e9\u0141") + ["\\'e", '{\\"u}', "{ABC}", "\\%"]),
    min_size=1,
    max_size=30,
).map("".join)
_NAME = st.sampled_from(["title", "author", "journal", "year", "doi", "url", "note", "Pages"])


@st.composite
def _entries(draw):
    blocks = []
    for i in range(draw(st.integers(1, 4))):
        names = draw(st.lists(_NAME, min_size=1, max_size=5, unique_by=str.lower))
        fields = []
        for name in names:
            value = draw(_WORD)
            style = draw(st.sampled_from(["brace", "quote", "number"]))
            if style == "number":
                fields.append(f"{name} = {draw(st.integers(0, 3000))}")
            elif style == "quote":
                fields.append(f'{name} = "{value}"')
            else:
                fields.append(f"{name} = {{{value}}}")
        sep = draw(st.sampled_from([", ", ",\n  ", ",\n\t"]))
        end = draw(st.sampled_from(["}", "\n}", ",\n}"]))
        blocks.append(f"@article{{key{i},{sep[1:]}" + sep.join(fields) + end)
    return "\n\n".join(blocks) + "\n"


@settings(max_examples=200, deadline=None)
@given(_entries())
def test_values_match_bibtexparser_on_well_formed_entries(text):
    bibtexparser = pytest.importorskip("bibtexparser")
    theirs = bibtexparser.parse_string(text)
    ours = read_bibtex(text)
    assert not ours.broken and not theirs.failed_blocks
    assert [e.key for e in ours.entries] == [e.key for e in theirs.entries]
    for mine, other in zip(ours.entries, theirs.entries, strict=True):
        assert mine.fields == {f.key.lower(): str(f.value) for f in other.fields}
        assert mine.raw == other.raw
        assert mine.line == other.start_line + 1
