"""Library commands end to end: import, list, show, aggregates, edits, backup, check."""

from __future__ import annotations

import pytest

from readinglist.library.types import STATUSES


def one_line_error(run) -> str:
    assert run.code == 2, (run.code, run.out, run.err)
    assert len(run.err.strip().splitlines()) == 1 and "Traceback" not in run.err
    return run.err.strip()


def _find(rows, title_start):
    return next(r for r in rows if r["title"].startswith(title_start))


def test_import_text_reports_counts_and_is_idempotent(rl, seeds_dir):
    seed = str(seeds_dir / "000_73145fa7ce40fc4f.txt")
    first = rl("import-text", seed, "--json", "--reference-date", "2026-01-25")
    assert first.code == 0, first.err
    report = first.json()
    assert len(report["added"]) == 14 and report["merged"] == []
    again = rl("import-text", seed, "--reference-date", "2026-01-25")
    assert again.code == 0
    assert "0 added" in again.out
    assert len(rl("list", "--json").json()) == 14


def test_import_text_with_tags_and_status(rl, seeds_dir):
    run = rl(
        "import-text",
        str(seeds_dir / "002_048387b8d4aff427.txt"),
        "--tag",
        "thesis",
        "--tag",
        "to read",
        "--status",
        "queued",
    )
    assert run.code == 0, run.err
    rows = rl("list", "--json").json()
    assert rows and all(r["status"] == "queued" for r in rows)
    assert all(set(r["tags"]) == {"thesis", "to read"} for r in rows)
    assert len(rl("list", "--tag", "thesis", "--json").json()) == len(rows)


def test_import_text_refuses_a_bad_status_before_touching_the_library(rl, library, seeds_dir):
    err = one_line_error(
        rl("import-text", str(seeds_dir / "002_048387b8d4aff427.txt"), "--status", "finished")
    )
    assert "finished" in err and "queued" in err
    assert not library.exists()


def test_list_show_and_aggregates(seeded):
    rows = seeded("list", "--json").json()
    paper = _find(rows, "Locate, Steer, and Improve")
    assert paper["status"] == "unread"
    human = seeded("list", "--author", "Hengyuan Zhang")
    assert human.code == 0 and "Locate, Steer" in human.out
    assert human.out.splitlines()[0].split()[:3] == ["ID", "STATUS", "YEAR"]

    detail = seeded("show", str(paper["id"]), "--json").json()
    assert detail["title"].startswith("Locate, Steer, and Improve")
    assert detail["authors"][0]["name"] == "Hengyuan Zhang"
    shown = seeded("show", str(paper["id"]))
    assert shown.code == 0 and "Hengyuan Zhang" in shown.out and "Abstract:" in shown.out

    authors = seeded("authors", "--json").json()
    assert any(a["name"] == "Hayden Kwok-Hay So" and a["paper_count"] >= 14 for a in authors)
    topics = seeded("topics", "--json").json()
    assert any(t["code"] == "cs.CL" for t in topics)
    assert seeded("topics").code == 0 and "Computation and Language" in seeded("topics").out
    assert seeded("tags", "--json").json() == []
    assert "No tags" in seeded("tags").out


def test_search_and_filters(seeded):
    hits = seeded("list", "--search", "interpretability", "--json").json()
    assert hits and any("Interpretab" in h["title"] for h in hits)
    assert seeded("list", "--topic", "cs.CL", "--json").json()
    none = seeded("list", "--search", 'weird "query" AND (', "--json")
    assert none.code == 0
    assert "No papers match" in seeded("list", "--tag", "no-such-tag").out
    one_line_error(seeded("list", "--status", "finished"))


def test_set_status_tag_and_note(seeded, tmp_path):
    ids = [r["id"] for r in seeded("list", "--json").json()[:3]]
    run = seeded("set-status", *map(str, ids), "read")
    assert run.code == 0 and "3 papers" in run.out
    assert {r["status"] for r in seeded("list", "--status", "read", "--json").json()} == {"read"}
    assert len(seeded("list", "--status", "read", "--json").json()) == 3

    assert seeded("tag", str(ids[0]), str(ids[1]), "--add", "thesis", "--add", "later").code == 0
    assert seeded("tag", str(ids[1]), "--remove", "later").code == 0
    tags = {t["name"]: t["paper_count"] for t in seeded("tags", "--json").json()}
    assert tags == {"thesis": 2, "later": 1}

    note = tmp_path / "note.md"
    note.write_text("# My note\n\n- point *one*\n", encoding="utf-8")
    assert seeded("note", str(ids[0]), "--set", str(note)).code == 0
    assert seeded("note", str(ids[0]), "--append", "A later thought.").code == 0
    text = seeded("show", str(ids[0]), "--json").json()["note"]
    assert text.startswith("# My note\n\n- point *one*\n") and "A later thought." in text


@pytest.mark.parametrize(
    "args",
    [
        ("set-status", "999999", "read"),
        ("show", "999999"),
        ("tag", "999999", "--add", "x"),
        ("note", "999999", "--append", "x"),
    ],
)
def test_unknown_ids_are_refused_in_one_line(seeded, args):
    assert "999999" in one_line_error(seeded(*args))


def test_bad_ids_and_status_words(seeded):
    first = str(seeded("list", "--json").json()[0]["id"])
    err = one_line_error(seeded("set-status", first, "finished"))
    assert all(s in err for s in STATUSES)
    one_line_error(seeded("set-status", "abc", "read"))
    one_line_error(seeded("set-status", "read"))
    one_line_error(seeded("tag", first))  # nothing to add or remove
    # nothing changed by the refused commands
    assert seeded("show", first, "--json").json()["status"] == "unread"


def test_unknown_id_among_good_ones_changes_nothing(seeded):
    first = seeded("list", "--json").json()[0]["id"]
    one_line_error(seeded("set-status", str(first), "999999", "read"))
    assert seeded("show", str(first), "--json").json()["status"] == "unread"


def test_backup_and_check(seeded, tmp_path):
    run = seeded("backup", str(tmp_path / "backups"))
    assert run.code == 0
    copies = list((tmp_path / "backups").iterdir())
    assert copies and copies[0].stat().st_size > 0
    check = seeded("check")
    assert check.code == 0 and "healthy" in check.out
