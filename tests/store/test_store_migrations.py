"""Schema versions: every committed past library opens with its data intact.

A new schema step adds ``tests/fixtures/libraries/vN.sqlite`` and a block
here checking what that version stored.
"""

import shutil
import sqlite3
from pathlib import Path

from sqlmodel import SQLModel

import readinglist.store.schema  # noqa: F401  (registers the tables)
from readinglist.library import Library, PaperQuery
from readinglist.store.migrations import user_version
from readinglist.store.schema import SCHEMA_VERSION

LIBS = Path(__file__).resolve().parents[1] / "fixtures" / "libraries"


def _copy(name, tmp_path):
    dest = tmp_path / "library.sqlite"
    shutil.copy(LIBS / name, dest)
    return dest


def test_v1_library_keeps_its_data(tmp_path):
    path = _copy("v1.sqlite", tmp_path)
    with Library.open(path) as lib:
        assert user_version(lib.conn) == SCHEMA_VERSION
        papers = {r.title: r for r in lib.list_papers(PaperQuery())}
        assert set(papers) == {"Locate, Steer, and Improve: A Practical Survey",
                               "Bispectrum non-Gaussian Covariance in Redshift Space"}
        survey = lib.get(papers["Locate, Steer, and Improve: A Practical Survey"].id)
        assert survey.status == "read" and survey.read_at
        assert survey.note.startswith("# Notes")
        assert [a.name for a in survey.authors][-1] == "Hayden Kwok-Hay So"
        assert survey.topics == [("cs.CL", "Computation and Language")]
        assert [(t.name, t.color) for t in survey.tags] == [("survey", "#aa3300")]
        bis = lib.get(papers["Bispectrum non-Gaussian Covariance in Redshift Space"].id)
        assert bis.starred and bis.venue == "Phys. Rev. D" and bis.arxiv_id == "2403.08634"
        assert [a.name for a in bis.authors][:2] == ["Jacopo Salvalaggio", "Jorge Noreña"]
        trashed = lib.list_papers(PaperQuery(trashed=True))
        assert len(trashed) == 1 and trashed[0].needs_review
        assert lib.batches()[0].source_name == "profile page"
        assert lib.batch_text(lib.batches()[0].id) == "pasted text of the profile"
        assert lib.list_papers(PaperQuery(search="noreña"))[0].id == bis.id
        # v3: topic counts are maintained; the upgrade computed them
        assert {(t.code, t.paper_count, t.read_count) for t in lib.topics()} == {
            ("cs.CL", 1, 1), ("astro-ph.CO", 1, 0)}
        counts = lib.counts()
        assert (counts.all, counts.read, counts.starred, counts.trash) == (2, 1, 1, 1)
        assert lib.check() == []
        # v4: every paper got a stored citation key, trashed ones too
        assert survey.citekey == "zhang2026locate"
        assert bis.citekey == "salvalaggio2024bispectrum"
        assert lib.get(trashed[0].id).citekey
        # a search typed one key at a time uses the 2-letter prefix index (v6)
        assert [p.id for p in lib.list_papers(PaperQuery(search="bi"))] == [bis.id]


def test_v4_library_keeps_its_citation_keys(tmp_path):
    path = _copy("v4.sqlite", tmp_path)
    with Library.open(path) as lib:
        papers = lib.details(lib.query_ids(PaperQuery(sort="added", descending=False)))
        assert [p.citekey for p in papers] == [
            "vaswani2017attention", "vaswani2017attentiona", "zhang2024quantum"]
        assert papers[0].title == "Attention Is All You Need (edited)"
        assert lib.check() == []


def test_v5_library_matches_similar_titles_and_abstracts(tmp_path):
    """Step 6 stored the blocking keys of existing titles and indexed abstracts:
    imports into an upgraded library still find what it holds."""
    from readinglist.core.entry import ParsedEntry, ParseResult

    path = _copy("v5.sqlite", tmp_path)
    with Library.open(path) as lib:
        assert lib.check() == []
        (bis,) = lib.query_ids(PaperQuery(search="bispectrum"))
        rep = lib.import_parsed(ParseResult("generic", [
            ParsedEntry(title="Bispectrum non Gaussian Covariance in Redshift-Spaces",
                        authors=["Somebody Else"], year=2025, raw="1"),
            ParsedEntry(title="Quantum codes", authors=["Wei Zhang"], year=2024, raw="2",
                        abstract="Quantum error correction with surface codes at scale, "
                                 "measured on real hardware."),
            ParsedEntry(title="Sparse Attention for Long-Context Windows",
                        authors=["Ana Lima"], year=2023, raw="3"),
        ]), raw_text="pasted")
        (similar,) = rep.possible_duplicates
        assert similar.index == 0 and [c.paper_id for c in similar.candidates] == [bis]
        assert len(rep.merged) == 1  # by its abstract
        assert len(rep.added) == 2  # the trashed paper is not matched


def test_schema_classes_match_the_migrated_schema(tmp_path):
    """The SQLModel classes describe exactly the tables the steps create."""
    with Library.open(tmp_path / "library.sqlite") as lib:
        for table in SQLModel.metadata.sorted_tables:
            cols = {r[1] for r in lib.conn.execute(f"PRAGMA table_info({table.name})")}
            assert cols == {c.name for c in table.columns}, table.name


def test_fresh_library_is_not_backed_up_but_an_old_one_is(tmp_path):
    Library.open(tmp_path / "library.sqlite").close()
    assert not list((tmp_path / "backups").glob("before-*"))
    old = tmp_path / "old" / "library.sqlite"
    old.parent.mkdir()
    conn = sqlite3.connect(old)
    conn.execute("PRAGMA user_version = 0")
    conn.close()
    # an empty file at version 0 is a new library: no backup needed
    Library.open(old).close()
    assert not list((old.parent / "backups").glob("before-*"))
