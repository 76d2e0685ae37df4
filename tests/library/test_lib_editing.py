"""User edits: status, stars, tags, notes, corrections, trash."""

import pytest
from libhelpers import entry, result

from readinglist.library import PaperQuery, UnknownPaper
from readinglist.library.errors import InvalidValue


@pytest.fixture
def ids(lib):
    return lib.import_parsed(result(entry("Alpha", authors=["Ann Lee"]),
                                    entry("Beta", authors=["Ann Lee", "Bo Chen"]),
                                    entry("Gamma")), raw_text="x").added


def test_status_and_read_date(lib, ids):
    lib.set_status(ids[:2], "read")
    d = lib.get(ids[0])
    assert d.status == "read" and d.read_at
    assert lib.counts().read == 2 and lib.counts().unread == 1
    ann = next(a for a in lib.authors() if a.name == "Ann Lee")
    assert (ann.paper_count, ann.read_count) == (2, 2)
    lib.set_status([ids[0]], "queued")
    assert lib.get(ids[0]).read_at is None
    with pytest.raises(InvalidValue, match="not a status"):
        lib.set_status(ids, "done")


def test_unknown_paper_is_a_clear_error(lib, ids):
    with pytest.raises(UnknownPaper, match="#999"):
        lib.set_status([999], "read")
    with pytest.raises(UnknownPaper):
        lib.get(999)


def test_star_and_priority(lib, ids):
    lib.set_starred([ids[1]], True)
    lib.set_priority([ids[1]], 2)
    assert lib.get(ids[1]).starred and lib.get(ids[1]).priority == 2
    assert lib.query_ids(PaperQuery(starred=True)) == [ids[1]]


def test_tags_are_case_insensitive_and_coloured(lib, ids):
    lib.add_tags(ids[:2], ["ML", "Survey"])
    lib.add_tags([ids[2]], ["ml"])
    assert {(t.name, t.paper_count) for t in lib.tags()} == {("ML", 3), ("Survey", 2)}
    lib.set_tag_color("survey", "#ff0000")
    assert lib.get(ids[0]).tags[1].color == "#ff0000"
    lib.remove_tags([ids[0]], ["ml"])
    assert [t.name for t in lib.get(ids[0]).tags] == ["Survey"]
    assert sorted(lib.query_ids(PaperQuery(tag="ml"))) == sorted(ids[1:])
    with pytest.raises(InvalidValue):
        lib.set_tag_color("x", "red")
    with pytest.raises(InvalidValue):
        lib.add_tags(ids, ["  "])


def test_notes_are_kept_and_searchable(lib, ids):
    lib.set_note(ids[0], "# Thoughts\nThe ablation is weak.")
    lib.append_note(ids[0], "Second thought: reproducible.")
    d = lib.get(ids[0])
    assert d.note == "# Thoughts\nThe ablation is weak.\n\nSecond thought: reproducible."
    assert d.note_updated_at
    assert lib.query_ids(PaperQuery(search="ablation")) == [ids[0]]


def test_corrections_update_search_and_are_remembered(lib, ids):
    lib.update_fields(ids[2], title="Gamma rays", date="2024-03", authors=["Zoe Q"],
                      topics=["CL"])
    d = lib.get(ids[2])
    assert (d.title, d.date, d.year) == ("Gamma rays", "2024-03", 2024)
    assert [a.name for a in d.authors] == ["Zoe Q"] and d.topics[0][0] == "cs.CL"
    assert lib.query_ids(PaperQuery(search="rays")) == [ids[2]]
    assert lib.query_ids(PaperQuery(author="Zoe Q")) == [ids[2]]
    with pytest.raises(InvalidValue, match="not a date"):
        lib.update_fields(ids[2], date="March")
    with pytest.raises(InvalidValue, match="not a field"):
        lib.update_fields(ids[2], colour="red")


def test_trash_restore_and_empty(lib, ids):
    lib.trash([ids[0]])
    assert ids[0] not in lib.query_ids(PaperQuery())
    assert lib.query_ids(PaperQuery(trashed=True)) == [ids[0]]
    assert lib.counts().trash == 1 and lib.counts().all == 2
    lib.restore([ids[0]])
    assert lib.counts().trash == 0
    lib.trash(ids[1:])
    assert {a.name: a.paper_count for a in lib.authors()} == {"Ann Lee": 1}
    assert lib.empty_trash() == 2
    assert lib.counts().all == 1 and lib.check() == []
    assert {a.name for a in lib.authors()} == {"Ann Lee"}


def test_edits_notify_subscribers(lib, ids):
    changes = []
    unsubscribe = lib.subscribe(changes.append)
    lib.set_status([ids[0]], "read")
    lib.add_tags([ids[0]], ["x"])
    lib.set_note(ids[0], "n")
    assert [c.kind for c in changes] == ["papers", "tags", "note"]
    assert changes[0].paper_ids == frozenset({ids[0]})
    unsubscribe()
    lib.set_status([ids[0]], "unread")
    assert len(changes) == 3


def test_author_and_topic_counts_follow_every_change(lib, ids):
    lib.update_fields(ids[0], topics=["CL", "LG"])
    lib.update_fields(ids[1], topics=["CL"])
    lib.set_status(ids[:2], "read")
    lib.trash([ids[1]])
    rep = lib.import_parsed(result(entry("Alpha", authors=["Ann Lee"], topics=["cs.CV"]),
                                   entry("Delta", topics=["CL"])),
                            raw_text="x", status="reading")
    topics = {t.code: (t.paper_count, t.read_count) for t in lib.topics()}
    assert topics == {"cs.CL": (2, 0), "cs.LG": (1, 0), "cs.CV": (1, 0)}
    assert lib.check() == []
    lib.undo_import(rep.batch_id)
    lib.restore([ids[1]])
    topics = {t.code: (t.paper_count, t.read_count) for t in lib.topics()}
    assert topics == {"cs.CL": (2, 2), "cs.LG": (1, 1)}
    assert {a.name: (a.paper_count, a.read_count) for a in lib.authors()} == {
        "Ann Lee": (2, 2), "Bo Chen": (1, 1)}
    assert lib.check() == []
