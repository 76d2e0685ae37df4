"""The front-matter writer: whatever the text, PyYAML reads back exactly the same."""

from __future__ import annotations

import yaml
from hypothesis import given
from hypothesis import strategies as st

from readinglist.exporters.frontmatter import dump

values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.text(max_size=60),
    st.lists(st.text(max_size=30), max_size=4),
)


@given(st.dictionaries(st.sampled_from(["title", "authors", "year", "tags", "url", "x y"]), values))
def test_round_trip_through_pyyaml(data):
    assert yaml.safe_load(dump(data)) == (data or None)


def test_tricky_strings_round_trip():
    tricky = [
        "yes",
        "No",
        "NULL",
        "~",
        "on",
        "1e3",
        "0x1F",
        "2026-01-20",
        "12:30",
        ".inf",
        "-",
        "- a",
        "a: b",
        "a #b",
        "#x",
        "'q'",
        '"q"',
        "a\\b",
        "tab\there",
        "line\nbreak",
        "\x85\u2028\u2029",
        "\ufeffbom",
        "\x00\x07\x1b",
        "\ud800",
        "trailing ",
        " leading",
        "emoji 🚀",
        "中文",
        "[a, b]",
        "{a: 1}",
        "&anchor",
        "*alias",
        "!tag",
        "%dir",
        "@at",
        "`tick`",
        "|",
        ">",
        "",
        "...",
        "---",
        "=",
        "<<",
    ]
    data = {"k": tricky, "s": "Plain words, with (parens) and dots."}
    assert yaml.safe_load(dump(data)) == data
    assert "s: Plain words, with (parens) and dots." in dump(data)


def test_simple_values_are_plain_and_readable():
    text = dump({"status": "unread", "starred": False, "year": 2026, "read": None, "tags": []})
    assert text == "status: unread\nstarred: false\nyear: 2026\nread: null\ntags: []\n"
