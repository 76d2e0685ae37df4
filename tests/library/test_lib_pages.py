"""Author, topic and tag pages: aggregates on real pastes, author identity
(suggested aliases, merges and splits remembered across imports), topic
renames, and a v1 library upgraded to the schema that remembers them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from libhelpers import entry, result

from readinglist.importers.listing.detect import parse_text
from readinglist.library import Library, PaperQuery
from readinglist.library.errors import LibraryError
from readinglist.store.migrations import user_version

SEED_PROFILE = "000_73145fa7ce40fc4f.txt"
SEED_COMPACT = "002_048387b8d4aff427.txt"
LIBS = Path(__file__).resolve().parents[1] / "fixtures" / "libraries"


def _import_seed(lib: Library, seeds_dir: Path, name: str):
    text = (seeds_dir / name).read_text(encoding="utf-8")
    return lib.import_parsed(parse_text(text), raw_text=text, source_name=name)


def _author(lib: Library, name: str):
    ref = lib.find_author(name)
    assert ref is not None, name
    return ref


def test_profile_owner_has_every_paper_of_the_profile(lib, seeds_dir):
    report = _import_seed(lib, seeds_dir, SEED_PROFILE)
    assert len(report.added) == 14
    owner = _author(lib, "Hayden Kwok-Hay So")
    page = lib.author_page(owner.id)
    assert page.author.name == "Hayden Kwok-Hay So"
    assert page.stats.paper_count == 14
    assert sorted(page.paper_ids) == sorted(report.added)
    assert (page.stats.first_year, page.stats.last_year) == (2023, 2026)
    # the listing's years: 2023 x2, 2024 x3, 2025 x4, 2026 x5
    assert [(y.year, y.total) for y in page.stats.years] == [
        (2023, 2), (2024, 3), (2025, 4), (2026, 5)]
    assert {t.code: t.count for t in page.topics} == {"cs.CV": 6, "cs.CL": 4, "cs.LG": 4}
    # the profile it came from is shown as such
    assert page.profiles[0]["h_index"] == 98 and page.profiles[0]["paper_count"] == 14
    # Hengyuan Zhang is listed on 5 of the 14 papers, Yizhao Gao on 4
    shared = {c.name: c.count for c in page.coauthors}
    assert shared["Hengyuan Zhang"] == 5 and shared["Yizhao Gao"] == 4
    assert page.coauthors[0].name == "Hengyuan Zhang"


def test_coauthor_counts_after_two_pastes(lib, seeds_dir):
    _import_seed(lib, seeds_dir, SEED_PROFILE)
    _import_seed(lib, seeds_dir, SEED_COMPACT)
    page = lib.author_page(_author(lib, "Shwai He").id)
    # counted by hand from the listed authors of 002 (21 entries list Shwai He)
    assert page.stats.paper_count == 21
    shared = {c.name: c.count for c in page.coauthors}
    assert shared["Liang Ding"] == 5
    assert shared["Daize Dong"] == 4
    assert shared["Guoheng Sun"] == 3
    assert shared["Ang Li"] == 3
    assert shared["Haichao Zhang"] == 3
    assert shared["Run-Ze Fan"] == 2  # a third Run-Ze Fan paper does not list Shwai He
    assert shared["Weilin Cai"] == 2
    assert shared["Bowei Tian"] == 1
    assert "Hayden Kwok-Hay So" not in shared
    assert [c.name for c in page.coauthors[:2]] == ["Liang Ding", "Daize Dong"]
    counts = [c.count for c in page.coauthors]
    assert counts == sorted(counts, reverse=True)


def test_year_chart_splits_by_status(lib, seeds_dir):
    report = _import_seed(lib, seeds_dir, SEED_PROFILE)
    owner = _author(lib, "Hayden Kwok-Hay So")
    newest_2026 = [r.id for r in lib.rows(report.added) if r.year == 2026]
    lib.set_status(newest_2026[:2], "read")
    lib.set_status(newest_2026[2:3], "queued")
    page = lib.author_page(owner.id)
    y2026 = next(y for y in page.stats.years if y.year == 2026)
    assert y2026.by_status["read"] == 2 and y2026.by_status["queued"] == 1
    assert y2026.by_status["unread"] == 2
    assert page.stats.read_count == 2 and page.stats.queued_count == 1
    lib.trash(newest_2026[:1])
    assert lib.author_page(owner.id).stats.paper_count == 13


def test_topic_page_counts_and_rename(lib, seeds_dir):
    _import_seed(lib, seeds_dir, SEED_PROFILE)
    _import_seed(lib, seeds_dir, SEED_COMPACT)
    page = lib.topic_page("CL")
    assert page.code == "cs.CL" and page.name == "Computation and Language"
    # 4 cs.CL papers on the profile, 10 in the compact listing
    assert page.stats.paper_count == 14
    assert len(page.paper_ids) == 14
    assert lib.list_papers(PaperQuery(topic="cs.CL")) and len(
        lib.list_papers(PaperQuery(topic="cs.CL"))) == 14
    top = {a.name: a.count for a in page.top_authors}
    assert top["Shwai He"] == 6 and top["Hengyuan Zhang"] == 3
    assert page.related == []  # every paper of these pastes has one topic
    lib.rename_topic("cs.CL", "NLP")
    renamed = lib.topic_page("NLP")
    assert renamed.code == "cs.CL" and renamed.name == "NLP" and renamed.renamed
    assert renamed.taxonomy_name == "Computation and Language"
    lib.rename_topic("cs.CL", None)
    assert lib.topic_page("cs.CL").name == "Computation and Language"
    with pytest.raises(LibraryError, match="no topic"):
        lib.topic_page("q-bio.XX")


def test_related_topics_and_tag_page(lib):
    rep = lib.import_parsed(result(
        entry("Paper one", authors=["Ada Lovelace"], topics=["cs.LG", "stat.ML"], year=2020),
        entry("Paper two", authors=["Ada Lovelace", "Alan Turing"], topics=["cs.LG", "stat.ML"],
              year=2021),
        entry("Paper three", authors=["Alan Turing"], topics=["cs.LG", "cs.AI"], year=2021),
    ), raw_text="x", tags=["thesis"])
    page = lib.topic_page("cs.LG")
    assert [(t.code, t.count) for t in page.related] == [("stat.ML", 2), ("cs.AI", 1)]
    lib.add_tags(rep.added[:1], ["survey"])
    tag = lib.tag_page("Thesis")
    assert tag.name == "thesis" and tag.stats.paper_count == 3
    assert [(t.name, t.count) for t in tag.related] == [("survey", 1)]
    assert {a.name: a.count for a in tag.top_authors} == {"Ada Lovelace": 2, "Alan Turing": 2}


def _two_zhangs(lib):
    return lib.import_parsed(result(
        entry("Steering vectors at scale", authors=["H. Zhang", "Zhihao Zhang"], year=2025),
        entry("Locate, steer and improve", authors=["Hengyuan Zhang", "Zhihao Zhang"],
              year=2026),
        entry("Unrelated work", authors=["Hao Zhang", "Someone Else"], year=2024),
    ), raw_text="x")


def test_aliases_are_suggested_never_merged(lib):
    _two_zhangs(lib)
    full = _author(lib, "Hengyuan Zhang")
    found = lib.alias_suggestions(full.id)
    assert [s.author.name for s in found] == ["H. Zhang"]
    assert found[0].shared_coauthors == ["Zhihao Zhang"]
    # nothing merged by itself
    assert lib.author_page(full.id).stats.paper_count == 1
    assert _author(lib, "H. Zhang").id != full.id


def test_middle_name_is_suggested(lib, seeds_dir):
    _import_seed(lib, seeds_dir, SEED_PROFILE)
    lib.import_parsed(result(entry("A new accelerator", authors=["Hayden So"], year=2022)),
                      raw_text="x")
    owner = _author(lib, "Hayden Kwok-Hay So")
    names = [s.author.name for s in lib.alias_suggestions(owner.id)]
    assert names == ["Hayden So"]
    short = _author(lib, "Hayden So")
    lib.mark_authors_distinct(owner.id, short.id)
    assert lib.alias_suggestions(owner.id) == []


def test_merge_is_remembered_by_later_imports(lib):
    _two_zhangs(lib)
    full = _author(lib, "Hengyuan Zhang")
    short = _author(lib, "H. Zhang")
    lib.merge_authors(full.id, [short.id])
    page = lib.author_page(full.id)
    assert page.stats.paper_count == 2
    assert "H. Zhang" in page.aliases
    assert lib.find_author("H. Zhang").id == full.id
    assert {c.name: c.count for c in page.coauthors} == {"Zhihao Zhang": 2}
    # a later paste spelling the person the old way lands on the kept author
    lib.import_parsed(result(entry("Yet another survey", authors=["H. Zhang"], year=2026)),
                      raw_text="later")
    assert lib.author_page(full.id).stats.paper_count == 3
    names = {a.name for a in lib.authors()}
    assert "H. Zhang" not in names and "Hao Zhang" in names
    listed = next(a for a in lib.authors() if a.id == full.id)
    assert listed.paper_count == 3 and "H. Zhang" in listed.aliases
    assert len(lib.list_papers(PaperQuery(author="Hengyuan Zhang"))) == 3


def test_split_is_remembered_by_later_imports(lib):
    rep = lib.import_parsed(result(
        entry("Graph networks for chemistry", authors=["Wei Wang", "Ann Chem"],
              authors_truncated=True, arxiv_id="2401.00001", year=2024),
        entry("Galaxy surveys", authors=["Wei Wang", "Bo Astro"], authors_truncated=True,
              arxiv_id="2401.00002", year=2024),
    ), raw_text="x")
    chem, astro = rep.added
    wang = _author(lib, "Wei Wang")
    other = lib.split_author(wang.id, [astro], "Wei Wang")
    assert other != wang.id
    assert lib.author_page(wang.id).paper_ids == [chem]
    assert lib.author_page(other).paper_ids == [astro]
    assert lib.alias_suggestions(wang.id) == []
    # re-importing both papers with fuller author lists keeps the split
    lib.import_parsed(result(
        entry("Graph networks for chemistry", authors=["Wei Wang", "Ann Chem", "Cy Bond"],
              arxiv_id="2401.00001", year=2024),
        entry("Galaxy surveys", authors=["Wei Wang", "Bo Astro", "Di Star"],
              arxiv_id="2401.00002", year=2024),
        entry("More chemistry", authors=["Wei Wang"], year=2025),
    ), raw_text="later")
    astro_authors = [a.id for a in lib.get(astro).authors]
    assert other in astro_authors and wang.id not in astro_authors
    assert len(astro_authors) == 3
    assert wang.id in [a.id for a in lib.get(chem).authors]
    assert lib.author_page(wang.id).stats.paper_count == 2  # chem + the new paper
    assert lib.author_page(other).stats.paper_count == 1


def test_split_refuses_papers_not_by_the_author(lib):
    rep = _two_zhangs(lib)
    full = _author(lib, "Hengyuan Zhang")
    with pytest.raises(LibraryError, match="not by"):
        lib.split_author(full.id, [rep.added[2]], "Hao Zhang")
    with pytest.raises(LibraryError, match="no author"):
        lib.author_page(999_999)


def test_v1_library_upgrades_and_shows_pages(tmp_path):
    path = tmp_path / "library.sqlite"
    shutil.copy(LIBS / "v1.sqlite", path)
    with Library.open(path) as lib:
        assert user_version(lib.conn) >= 2
        owner = _author(lib, "Hayden Kwok-Hay So")
        page = lib.author_page(owner.id)
        assert page.stats.paper_count == 2  # the third is in the trash
        assert page.stats.read_count == 1
        assert page.profiles[0]["h_index"] == 98
        assert lib.tag_page("survey").color == "#aa3300"
        noren = _author(lib, "Jorge Norena")
        lib.merge_authors(owner.id, [noren.id])
        assert lib.author_page(owner.id).stats.paper_count == 2
        assert lib.check() == []


def test_undo_after_a_merge_and_merging_twice(lib):
    first = lib.import_parsed(result(
        entry("Steering vectors at scale", authors=["H. Zhang", "Zhihao Zhang"],
              authors_truncated=True, arxiv_id="2501.00001", year=2025),
        entry("Locate, steer and improve", authors=["Hengyuan Zhang", "Zhihao Zhang"],
              year=2026),
    ), raw_text="x")
    fuller = lib.import_parsed(result(
        entry("Steering vectors at scale", authors=["H. Zhang", "Zhihao Zhang", "Ann Other"],
              arxiv_id="2501.00001", year=2025)), raw_text="y")
    assert fuller.merged == [first.added[0]]
    full, short = _author(lib, "Hengyuan Zhang"), _author(lib, "H. Zhang")
    lib.merge_authors(full.id, [short.id])
    lib.undo_import(fuller.batch_id)  # restores the shorter list, with the kept author
    names = [a.name for a in lib.get(first.added[0]).authors]
    assert names == ["Hengyuan Zhang", "Zhihao Zhang"]
    assert lib.check() == []
    # merging the kept author into a third one carries the remembered spelling along
    lib.import_parsed(result(entry("Third paper", authors=["Hengyuan Zhang (HKU)"],
                                   year=2026)), raw_text="z")
    third = _author(lib, "Hengyuan Zhang (HKU)")
    lib.merge_authors(third.id, [full.id])
    lib.import_parsed(result(entry("Fourth paper", authors=["H. Zhang"], year=2026)),
                      raw_text="w")
    page = lib.author_page(third.id)
    assert page.stats.paper_count == 4
    assert {"Hengyuan Zhang", "H. Zhang"} <= set(page.aliases)
    assert {a.name for a in lib.authors()} >= {"Hengyuan Zhang (HKU)"}
    assert not {"H. Zhang", "Hengyuan Zhang"} & {a.name for a in lib.authors()}
