"""export-notes and export from the command line, on a real library."""

from __future__ import annotations

import json

import bibtexparser
import rispy
import yaml


def _meta(path):
    head = path.read_text(encoding="utf-8")[4:].partition("\n---\n")[0]
    return yaml.safe_load(head)


def test_export_notes_writes_one_file_per_paper_and_reexports_safely(seeded, tmp_path):
    out = tmp_path / "vault"
    total = len(seeded("list", "--json").json())
    run = seeded("export-notes", str(out))
    assert run.code == 0, run.err
    assert str(out) in run.out and f"{total} new" in run.out
    notes = sorted(out.glob("*.md"))
    assert len(notes) == total
    locate = out / "zhang2026locate.md"
    assert _meta(locate)["authors"][:2] == ["Hengyuan Zhang", "Zhihao Zhang"]

    pid = str(
        next(r["id"] for r in seeded("list", "--json").json() if r["title"].startswith("Locate"))
    )
    seeded("set-status", pid, "read")
    seeded("note", pid, "--append", "Worth a second read.")
    other = next(p for p in notes if p != locate)
    other.write_text(other.read_text(encoding="utf-8") + "\nmine\n", encoding="utf-8")

    again = seeded("export-notes", str(out))
    assert again.code == 1  # partly done: one file was kept
    assert "1 updated" in again.out and other.name in again.out and "--force" in again.out
    assert _meta(locate)["status"] == "read"
    assert locate.read_text(encoding="utf-8").endswith("Worth a second read.\n")
    assert other.read_text(encoding="utf-8").endswith("\nmine\n")

    forced = seeded("export-notes", str(out), "--force", "--json")
    assert forced.code == 0 and forced.json()["overwritten"] == [other.name]


def test_export_notes_filters_and_wikilinks(seeded, tmp_path):
    out = tmp_path / "cl"
    run = seeded("export-notes", str(out), "--topic", "cs.CL", "--wikilinks", "--no-abstract")
    assert run.code == 0
    expected = len(seeded("list", "--topic", "cs.CL", "--json").json())
    assert len(list(out.glob("*.md"))) == expected
    assert (out / "topics" / "Computation and Language.md").exists()
    assert "## Abstract" not in (out / "zhang2026locate.md").read_text(encoding="utf-8")


def test_export_notes_into_a_file_is_a_one_line_error(seeded, tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    run = seeded("export-notes", str(blocker))
    assert run.code == 2 and len(run.err.strip().splitlines()) == 1


def test_export_bibtex_ris_csljson(seeded, tmp_path):
    n = len(seeded("list", "--json").json())
    bib = tmp_path / "refs.bib"
    run = seeded("export", "--format", "bibtex", "-o", str(bib))
    assert run.code == 0 and str(bib) in run.out and f"{n} papers" in run.out
    lib = bibtexparser.parse_string(bib.read_text(encoding="utf-8"))
    assert len(lib.entries) == n and not lib.failed_blocks
    assert len({e.key for e in lib.entries}) == n

    ris = tmp_path / "refs.ris"
    assert seeded("export", "--format", "ris", "-o", str(ris)).code == 0
    assert len(rispy.loads(ris.read_text(encoding="utf-8"))) == n

    csl = tmp_path / "refs.json"
    assert seeded("export", "--format", "csljson", "--topic", "cs.CL", "-o", str(csl)).code == 0
    items = json.loads(csl.read_text(encoding="utf-8"))
    assert len(items) == len(seeded("list", "--topic", "cs.CL", "--json").json())

    keys_again = {
        e.key
        for e in bibtexparser.parse_string(
            seeded("export", "--format", "bibtex", "-o", "-").out
        ).entries
    }
    assert keys_again == {e.key for e in lib.entries}


def test_export_markdown_digest(seeded, tmp_path):
    out = tmp_path / "reading.md"
    assert (
        seeded("export", "--format", "markdown", "-o", str(out), "--group-by", "author").code == 0
    )
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Reading list") and "grouped by author" in text
    assert "## Hengyuan Zhang" in text


def test_export_to_a_missing_folder(seeded, tmp_path):
    run = seeded("export", "--format", "ris", "-o", str(tmp_path / "no" / "refs.ris"))
    assert run.code == 2 and "does not exist" in run.err
