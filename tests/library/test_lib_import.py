"""Importing pastes: matching, merging, profiles, batches, undo."""

from libhelpers import entry, result

from readinglist.library import PaperQuery

ABSTRACT = ("Mechanistic Interpretability (MI) has emerged as a vital approach to demystify "
            "the opaque decision-making of Large Language Models.")


def titles(lib, **q):
    return [r.title for r in lib.list_papers(PaperQuery(sort="title", descending=False, **q))]


def test_import_adds_papers_and_keeps_raw_text(lib):
    r = result(entry("First paper", authors=["Ann Lee"]), entry("Second paper"))
    rep = lib.import_parsed(r, raw_text="the whole paste", source_name="clipboard")
    assert len(rep.added) == 2 and rep.skipped == 0
    assert titles(lib) == ["First paper", "Second paper"]
    assert lib.batch_text(rep.batch_id) == "the whole paste"
    detail = lib.get(rep.added[0])
    assert detail.sources[0].raw == "raw block of First paper"
    assert detail.sources[0].source_name == "clipboard"
    assert lib.batches()[0].added == 2


def test_reimporting_the_same_paste_adds_nothing(lib):
    r = result(entry("First paper", authors=["Ann Lee"], arxiv_id="2401.00001"),
               entry("Second paper", authors=["Bo Chen"]), entry(None, abstract=ABSTRACT))
    lib.import_parsed(r, raw_text="x")
    again = lib.import_parsed(r, raw_text="x")
    assert again.added == [] and again.merged == [] and again.skipped == 3
    assert lib.counts().all == 3


def test_arxiv_id_matches_across_versions_and_fills_fields(lib):
    first = lib.import_parsed(result(entry("Old title form", arxiv_id="2403.08726v1")),
                              raw_text="x").added[0]
    rep = lib.import_parsed(result(entry("Euclid: photometric selection",
                                         arxiv_id="arXiv:2403.08726v3", venue="A&A",
                                         topics=["astro-ph.CO"])), raw_text="y")
    assert rep.merged == [first] and rep.added == []
    d = lib.get(first)
    assert d.title == "Old title form"  # filled fields only, title kept
    assert d.venue == "A&A" and d.topics[0][0] == "astro-ph.CO"
    assert len(d.sources) == 2


def test_doi_matches_case_insensitively(lib):
    pid = lib.import_parsed(result(entry("Playing for Data", doi="10.1007/978-3-319-46475-6_7")),
                            raw_text="x").added[0]
    rep = lib.import_parsed(result(entry("Playing for data: ground truth",
                                         doi="https://doi.org/10.1007/978-3-319-46475-6_7".upper())),
                            raw_text="y")
    assert rep.added == [] and (rep.merged == [pid] or rep.skipped == 1)


def test_same_title_compatible_author_merges_fuller_author_list(lib):
    short = entry("Locate, Steer, and Improve", authors=["Hengyuan Zhang", "Zhihao Zhang"],
                  authors_truncated=True, date="2026-01")
    pid = lib.import_parsed(result(short), raw_text="x").added[0]
    full = entry("Locate, steer and improve.", authors=["H. Zhang", "Zhihao Zhang", "Mingyang Wang",
                                                       "Kai Li"], date="2026-01-20")
    rep = lib.import_parsed(result(full), raw_text="y")
    assert rep.merged == [pid]
    d = lib.get(pid)
    # "H. Zhang" is the Hengyuan Zhang already on the paper: one person, one author page
    assert [a.name for a in d.authors] == ["Hengyuan Zhang", "Zhihao Zhang", "Mingyang Wang",
                                           "Kai Li"]
    assert not d.authors_truncated
    assert d.date == "2026-01-20"  # a fuller date replaces a partial one


def test_same_title_different_first_author_is_only_offered(lib):
    pid = lib.import_parsed(result(entry("Deep learning", authors=["Yann LeCun"])),
                            raw_text="x").added[0]
    r = result(entry("Deep Learning", authors=["Ian Goodfellow"]))
    preview = lib.preview_import(r)
    assert preview[0].action == "possible_duplicate"
    assert preview[0].candidates[0].paper_id == pid
    rep = lib.import_parsed(r, raw_text="y")
    assert len(rep.added) == 1 and rep.possible_duplicates
    assert lib.counts().all == 2


def test_similar_title_is_offered_never_merged(lib):
    pid = lib.import_parsed(result(entry("Bispectrum non-Gaussian Covariance in Redshift Space",
                                         authors=["Jacopo Salvalaggio"])), raw_text="x").added[0]
    r = result(entry("Bispectrum non-Gaussian Covariances in Redshift Space",
                     authors=["Jacopo Salvalaggio"]))
    item = lib.preview_import(r)[0]
    assert item.action == "possible_duplicate"
    assert item.candidates[0].paper_id == pid and item.candidates[0].reason == "similar title"
    assert lib.import_parsed(r, raw_text="y").added


def test_user_can_merge_a_possible_duplicate(lib):
    pid = lib.import_parsed(result(entry("Deep learning", authors=["Yann LeCun"])),
                            raw_text="x").added[0]
    rep = lib.import_parsed(result(entry("Deep Learning", authors=["Ian Goodfellow"],
                                         venue="Nature")),
                            raw_text="y", merge_into={0: pid})
    assert rep.merged == [pid] and lib.get(pid).venue == "Nature"


def test_title_less_entry_matches_later_by_abstract(lib):
    pid = lib.import_parsed(result(entry(None, abstract=ABSTRACT)), raw_text="x").added[0]
    d = lib.get(pid)
    assert d.needs_review and d.title is None and d.display_title.startswith("(untitled)")
    rep = lib.import_parsed(result(entry("Locate, Steer, and Improve", abstract=ABSTRACT)),
                            raw_text="y")
    assert rep.merged == [pid]
    d = lib.get(pid)
    assert d.title == "Locate, Steer, and Improve" and not d.needs_review


def test_user_edits_survive_merges(lib):
    pid = lib.import_parsed(result(entry("Paper", arxiv_id="2401.00001")), raw_text="x").added[0]
    lib.update_fields(pid, venue="My venue", title="Paper (corrected)")
    lib.set_status([pid], "reading")
    lib.add_tags([pid], ["keep"])
    lib.set_note(pid, "mine")
    lib.import_parsed(result(entry("Other title", arxiv_id="2401.00001", venue="ICML",
                                   url="https://x.org")), raw_text="y")
    d = lib.get(pid)
    assert (d.title, d.venue, d.status, d.note) == ("Paper (corrected)", "My venue", "reading", "mine")
    assert d.url == "https://x.org"
    assert [t.name for t in d.tags] == ["keep"]


def test_profile_owner_is_an_author_of_every_entry(lib):
    r = result(entry("One", authors=["Hengyuan Zhang", "Zhihao Zhang"], authors_truncated=True),
               entry("Two", authors=["Hayden K. H. So", "B"]),
               fmt="profile", profile={"name": "Hayden Kwok-Hay So", "h_index": 98})
    rep = lib.import_parsed(r, raw_text="x")
    one, two = (lib.get(i) for i in rep.added)
    assert [a.name for a in one.authors] == ["Hengyuan Zhang", "Zhihao Zhang", "Hayden Kwok-Hay So"]
    assert one.authors_truncated
    # already listed, with initials: that position is the owner (one author record,
    # the printed spelling kept as an alias), never the owner added a second time
    assert [a.name for a in two.authors] == ["Hayden Kwok-Hay So", "B"]
    assert lib.batch_profile(rep.batch_id)["h_index"] == 98
    owner = next(a for a in lib.authors() if a.name == "Hayden Kwok-Hay So")
    assert owner.paper_count == 2
    assert "Hayden K. H. So" in lib.author_page(owner.id).aliases
    assert lib.author_profiles(owner.id)[0]["name"] == "Hayden Kwok-Hay So"


def test_fuller_list_keeps_the_profile_owner(lib):
    r = result(entry("One", authors=["Hengyuan Zhang", "Zhihao Zhang"], authors_truncated=True),
               fmt="profile", profile={"name": "Hayden Kwok-Hay So"})
    pid = lib.import_parsed(r, raw_text="x").added[0]
    full = entry("One", authors=["Hengyuan Zhang", "Zhihao Zhang", "Kai Li", "Hayden So"])
    assert lib.import_parsed(result(full), raw_text="y").merged == [pid]
    assert [a.name for a in lib.get(pid).authors] == [
        "Hengyuan Zhang", "Zhihao Zhang", "Kai Li", "Hayden Kwok-Hay So"]
    owner = next(a for a in lib.authors() if a.name == "Hayden Kwok-Hay So")
    assert owner.paper_count == 1


def test_tags_and_status_apply_to_every_entry(lib):
    old = lib.import_parsed(result(entry("Known", arxiv_id="2401.00001")), raw_text="x").added[0]
    rep = lib.import_parsed(result(entry("Known", arxiv_id="2401.00001"), entry("New")),
                            raw_text="y", tags=["to-read"], status="queued")
    assert rep.skipped == 1 and len(rep.added) == 1
    for pid in (old, *rep.added):
        d = lib.get(pid)
        assert d.status == "queued" and [t.name for t in d.tags] == ["to-read"]


def test_entry_listed_twice_in_one_paste_is_added_once(lib):
    rep = lib.import_parsed(result(entry("Twice", authors=["A B"]), entry("Twice", authors=["A B"],
                                                                            venue="V")),
                            raw_text="x")
    assert len(rep.added) == 1 and rep.skipped == 1
    assert lib.get(rep.added[0]).venue == "V"


def test_selected_entries_only(lib):
    rep = lib.import_parsed(result(entry("A"), entry("B"), entry("C")), raw_text="x",
                            selected=[0, 2])
    assert sorted(lib.get(i).title for i in rep.added) == ["A", "C"]


def test_undo_removes_added_and_reverts_merged(lib):
    base = lib.import_parsed(result(entry("Kept", arxiv_id="2401.00001", authors=["Ann Lee"],
                                          authors_truncated=True)), raw_text="x")
    pid = base.added[0]
    rep = lib.import_parsed(result(entry("Kept", arxiv_id="2401.00001", venue="ICML",
                                         authors=["Ann Lee", "Bo Chen"], topics=["cs.LG"]),
                                   entry("Brand new", authors=["Cy D"])),
                            raw_text="y", tags=["batch"])
    assert rep.merged == [pid] and len(rep.added) == 1
    changes = []
    lib.subscribe(changes.append)
    assert lib.undo_import(rep.batch_id) == 1
    assert titles(lib) == ["Kept"]
    d = lib.get(pid)
    assert d.venue is None and d.topics == [] and d.tags == []
    assert [a.name for a in d.authors] == ["Ann Lee"] and d.authors_truncated
    assert {a.name for a in lib.authors()} == {"Ann Lee"}
    assert changes and changes[0].kind == "undo"
    assert lib.batches()[0].undone
    assert lib.undo_import(rep.batch_id) == 0  # twice is harmless
    assert lib.check() == []


def test_progress_and_change_notification(lib):
    seen, changes = [], []
    lib.subscribe(changes.append)
    rep = lib.import_parsed(result(*(entry(f"Paper {i}") for i in range(1200))), raw_text="x",
                            progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (1200, 1200)
    assert changes[-1].kind == "import" and changes[-1].batch_id == rep.batch_id
    assert len(changes[-1].paper_ids) == 1200


def test_bad_status_is_refused_without_writing(lib):
    import pytest

    from readinglist.library.errors import InvalidValue
    with pytest.raises(InvalidValue, match="not a status"):
        lib.import_parsed(result(entry("A")), raw_text="x", status="finished")
    assert lib.counts().all == 0 and lib.batches() == []


def test_preview_says_what_each_entry_would_do(lib):
    lib.import_parsed(result(entry("Known", arxiv_id="2401.00001", authors=["Ann Lee"])),
                      raw_text="x")
    items = lib.preview_import(result(
        entry("Known", arxiv_id="2401.00001", authors=["Ann Lee"]),
        entry("Known", arxiv_id="2401.00001v2", venue="ICML"),
        entry("Unknown paper")))
    assert [i.action for i in items] == ["duplicate", "merge", "new"]
    assert items[1].match.reason == "same arXiv id"
    assert lib.counts().all == 1  # a preview writes nothing


def test_worker_thread_writes_while_gui_thread_reads(tmp_path):
    import threading

    from readinglist.library import Library

    path = tmp_path / "library.sqlite"
    gui = Library.open(path)
    errors = []

    def worker():
        try:
            with Library.open(path) as writer:
                writer.import_parsed(result(*(entry(f"Paper {i}") for i in range(2000))),
                                     raw_text="x")
        except Exception as err:  # pragma: no cover - reported below
            errors.append(err)

    thread = threading.Thread(target=worker)
    thread.start()
    while thread.is_alive():
        gui.list_papers(PaperQuery(), limit=50)
        gui.counts()
    thread.join()
    assert not errors
    assert gui.counts().all == 2000
    gui.close()


def test_entries_without_anything_to_recognise_them(lib):
    from readinglist.core.entry import ParsedEntry

    r = result(ParsedEntry(authors=["Only An Author"], raw="Only An Author, 2024"),
               ParsedEntry(raw=""), entry("Real"))
    assert [i.action for i in lib.preview_import(r)] == ["new", "duplicate", "new"]
    first = lib.import_parsed(r, raw_text="x")
    assert len(first.added) == 2 and first.skipped == 1
    assert any("left out" in w for w in first.warnings)
    again = lib.import_parsed(r, raw_text="x")
    assert again.added == [] and again.skipped == 3
