"""Searches sorted by date added: the first screen read from the search index
in id order is exactly what sorting every match gives, even when the clock
went backwards between imports."""

from __future__ import annotations

from libhelpers import entry, result

from readinglist.library import PaperQuery


def _expected(lib, text, descending):
    ids = set(lib.query_ids(PaperQuery(search=text, sort="title")))
    rows = lib.conn.execute("SELECT id, added_at FROM paper WHERE trashed_at IS NULL").fetchall()
    ordered = sorted(((a, i) for i, a in rows if i in ids), reverse=descending)
    return [i for _, i in ordered]


def _fill(lib):
    for batch in range(4):
        lib.import_parsed(result(*[
            entry(f"Sparse attention study {batch} {i}" if i % 3 else f"Graph study {batch} {i}",
                  authors=[f"Author{i} Person"], year=2020)
            for i in range(12)]), raw_text=f"batch {batch}")


def test_first_screens_match_the_full_sort(lib):
    _fill(lib)
    lib.trash(lib.query_ids(PaperQuery(search="graph"))[:2])
    for text in ("sparse", "s", "graph", "study", "nothing-matches"):
        for descending in (True, False):
            want = _expected(lib, text, descending)
            q = PaperQuery(search=text, sort="added", descending=descending)
            assert lib.query_ids(q) == want
            for limit, offset in ((5, 0), (5, 5), (200, 0), (1, 30)):
                got = [r.id for r in lib.list_papers(q, limit=limit, offset=offset)]
                assert got == want[offset:offset + limit]


def test_a_clock_that_went_backwards_does_not_reorder_results(lib):
    _fill(lib)
    newest = max(lib.query_ids(PaperQuery(search="sparse")))
    lib.conn.execute("UPDATE paper SET added_at = '2000-01-01T00:00:00Z' WHERE id = ?",
                     (newest,))
    for descending in (True, False):
        want = _expected(lib, "sparse", descending)
        q = PaperQuery(search="sparse", sort="added", descending=descending)
        assert [r.id for r in lib.list_papers(q, limit=5)] == want[:5]
        assert lib.query_ids(q) == want
