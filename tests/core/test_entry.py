"""The shared entry record: the positional builder of identifier-only entries
makes exactly the entry the named form makes (it lists every field in
order, so a new field in ParsedEntry must be added there too)."""

from readinglist.core.entry import ParsedEntry, identifier_entry


def test_identifier_entry_is_the_named_entry():
    made = identifier_entry("2305.14251v2", "2305.14251", None,
                            "https://arxiv.org/abs/2305.14251v2", "preprint", "2023-05", 2023,
                            "Only an identifier: complete it.")
    assert made == ParsedEntry(
        raw="2305.14251v2", arxiv_id="2305.14251", url="https://arxiv.org/abs/2305.14251v2",
        entry_type="preprint", date="2023-05", year=2023, needs_review=True,
        review_reasons=["Only an identifier: complete it."])
    other = identifier_entry("doi:10.1/x", None, "10.1/x", "https://doi.org/10.1/x", None, None,
                             None, "r")
    assert other.review_reasons is not made.review_reasons and other.authors is not made.authors
