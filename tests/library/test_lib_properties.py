"""Whatever parsers hand over, importing never fails and never duplicates."""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from libhelpers import result

from readinglist.core.entry import ParsedEntry
from readinglist.library import Library, PaperQuery

text = st.text(max_size=60)
entries = st.builds(
    ParsedEntry,
    title=st.none() | text,
    authors=st.lists(text, max_size=5),
    authors_truncated=st.booleans(),
    date=st.none() | text | st.sampled_from(["2024", "2024-03", "2024-03-14"]),
    topics=st.lists(text | st.sampled_from(["CL", "cs.LG", "hep-th"]), max_size=3),
    abstract=st.none() | st.text(max_size=300),
    arxiv_id=st.none() | text | st.sampled_from(["2401.00001", "arXiv:2401.00001v3"]),
    doi=st.none() | text | st.just("10.1000/XYZ"),
    raw=text,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(entries, max_size=8))
def test_any_entries_import_cleanly_and_only_once(batch):
    with tempfile.TemporaryDirectory() as folder:
        with Library.open(Path(folder) / "library.sqlite") as lib:
            r = result(*batch)
            first = lib.import_parsed(r, raw_text="paste")
            assert len(first.added) + len(first.merged) + first.skipped == len(batch)
            again = lib.import_parsed(r, raw_text="paste")
            assert again.added == []
            assert len(lib.query_ids(PaperQuery())) == len(first.added)
            assert lib.check() == []
